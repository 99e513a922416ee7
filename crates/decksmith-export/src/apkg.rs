//! `deck.apkg`: the deck's flashcards as an Anki package.
//!
//! The package is a zip (deflate) holding `collection.anki2`, a SQLite collection in Anki's
//! schema 11 (the one every Anki and AnkiDroid imports), and an empty `media` list. The
//! collection is built by SQLite in memory and serialized to bytes: no file is touched.
//!
//! # Notes
//!
//! One note per entry: a fact with braced parts is a cloze note (`{{c1::…}}`, a card per
//! part, or one card for all parts when the deck's `cloze:` is `all`); an entry with a
//! reverse card (the deck's `cards: reverse: true`) is a "Basic (and reversed card)" note;
//! anything else a "Basic" note. Every note type has a `Source` field with the citations;
//! Basic notes keep the back's further lines (meaning, translations, the teacher's note) in
//! `Details`. Tags are the entry's; decks are nested `Course::Deck`.
//!
//! Every note's GUID, id, tags and modification time come from [`crate::anki`], which
//! says how a package imported again updates the notes instead of duplicating them.

use std::collections::HashSet;
use std::fmt::{self, Write as _};
use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use decksmith_files::OutFile;
use decksmith_model::{ClozeMode, ClozePart, Course, Deck, EntryKind};
use decksmith_quiz::phrases::Phrasebook;
use decksmith_quiz::{Card, DeckOutput, LineRole};
use rayon::prelude::*;
use rusqlite::{Connection, MAIN_DB, OpenFlags, Transaction, params};
use serde_json::{Value, json};

use crate::anki::{
    self, Given, NoteRevision, Revision, Revisions, anki_id, content_hash, deck_name,
};
use crate::{ExportError, html_block, push_lines_html, push_side_html, push_sources_html};

/// The version of the note types' templates and style. Raise it when they change, so Anki
/// takes the new ones (it updates a note type only from a later modification time).
const NOTETYPES_MTIME: i64 = 1_704_067_200;

/// `<deck>/deck.apkg`, and the revision each of its notes was given (for the history).
pub fn deck_file(
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
    history: &Revisions,
) -> Result<(OutFile, Given), ExportError> {
    let path = format!("{}/deck.apkg", deck.id);
    match package(course, deck, output, history) {
        Ok((bytes, given)) => Ok((OutFile { path, bytes }, given)),
        Err(source) => Err(ExportError::Anki { path, source }),
    }
}

/// The kinds of note.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NoteKind {
    Basic,
    Reversed,
    Cloze,
}

impl NoteKind {
    const ALL: [NoteKind; 3] = [NoteKind::Basic, NoteKind::Reversed, NoteKind::Cloze];

    fn name(self) -> &'static str {
        match self {
            NoteKind::Basic => "decksmith Basic",
            NoteKind::Reversed => "decksmith Basic (and reversed card)",
            NoteKind::Cloze => "decksmith Cloze",
        }
    }

    fn id(self) -> i64 {
        anki_id(&["decksmith note type", self.name()])
    }

    fn fields(self) -> &'static [&'static str] {
        match self {
            NoteKind::Basic | NoteKind::Reversed => &["Front", "Back", "Details", "Source"],
            NoteKind::Cloze => &["Text", "Extra", "Source"],
        }
    }
}

/// A note and its cards, ready to insert.
struct NoteRow<'a> {
    kind: NoteKind,
    /// Its GUID: its card's.
    guid: &'a str,
    /// The note's id (a hash of its GUID).
    id: i64,
    /// The fields as Anki stores them: separated by the unit separator.
    fields: String,
    /// The tags as Anki stores them: each followed and preceded by a space.
    tags: String,
    /// The first field without HTML, and Anki's checksum of it.
    sort_field: String,
    csum: i64,
    /// The note's revision.
    revision: NoteRevision,
    /// The cards: id and template ordinal (cloze number less one for cloze notes).
    cards: Vec<(i64, u32)>,
}

/// What separates a note's fields where Anki stores them.
const FIELD_SEPARATOR: char = '\u{1f}';

const CSS: &str = ".card { font-family: system-ui, sans-serif; font-size: 22px; line-height: 1.4; text-align: center; color: #1a1a1a; background: #fff; }
.nightMode .card, .card.nightMode { color: #eee; background: #222; }
.front { font-size: 26px; }
.back { font-weight: 600; }
.details, .extra { margin-top: 0.6em; font-size: 19px; }
.detail, .translation, .note { margin-top: 0.3em; }
.translation { font-style: italic; }
.note { font-size: 17px; color: #555; }
.source { margin-top: 1.2em; font-size: 14px; color: #666; }
.source a { color: inherit; }
.cloze { font-weight: bold; color: #0645ad; }
.nightMode .cloze { color: #8ab4f8; }
";

const BACK_EXTRAS: &str = "{{#Details}}<div class=\"details\">{{Details}}</div>{{/Details}}{{#Source}}<div class=\"source\">{{Source}}</div>{{/Source}}";

fn templates(kind: NoteKind) -> Vec<(&'static str, String, String)> {
    let forward = (
        "Card 1",
        "<div class=\"front\">{{Front}}</div>".to_owned(),
        format!(
            "{{{{FrontSide}}}}<hr id=answer><div class=\"back\">{{{{Back}}}}</div>{BACK_EXTRAS}"
        ),
    );
    match kind {
        NoteKind::Basic => vec![forward],
        NoteKind::Reversed => vec![
            forward,
            (
                "Card 2",
                "<div class=\"front\">{{Back}}</div>".to_owned(),
                format!(
                    "{{{{FrontSide}}}}<hr id=answer><div class=\"back\">{{{{Front}}}}</div>{BACK_EXTRAS}"
                ),
            ),
        ],
        NoteKind::Cloze => vec![(
            "Cloze",
            "{{cloze:Text}}".to_owned(),
            "{{cloze:Text}}{{#Extra}}<div class=\"extra\">{{Extra}}</div>{{/Extra}}{{#Source}}<div class=\"source\">{{Source}}</div>{{/Source}}".to_owned(),
        )],
    }
}

fn notetype_json(kind: NoteKind) -> Value {
    let tmpls: Vec<Value> = templates(kind)
        .into_iter()
        .enumerate()
        .map(|(ord, (name, qfmt, afmt))| {
            json!({
                "name": name, "ord": ord, "qfmt": qfmt, "afmt": afmt,
                "bqfmt": "", "bafmt": "", "did": null, "bfont": "", "bsize": 0,
            })
        })
        .collect();
    let flds: Vec<Value> = kind
        .fields()
        .iter()
        .enumerate()
        .map(|(ord, name)| {
            json!({
                "name": name, "ord": ord, "sticky": false, "rtl": false,
                "font": "Arial", "size": 20, "media": [],
            })
        })
        .collect();
    let req = match kind {
        NoteKind::Basic => json!([[0, "any", [0]]]),
        NoteKind::Reversed => json!([[0, "any", [0]], [1, "any", [1]]]),
        NoteKind::Cloze => json!([[0, "any", [0]]]),
    };
    json!({
        "id": kind.id(),
        "name": kind.name(),
        "type": if kind == NoteKind::Cloze { 1 } else { 0 },
        "mod": NOTETYPES_MTIME,
        "usn": -1,
        "sortf": 0,
        "did": null,
        "tmpls": tmpls,
        "flds": flds,
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": req,
        "tags": [],
        "vers": [],
    })
}

fn deck_json(id: i64, name: &str, description: &str, revision: Revision) -> Value {
    json!({
        "id": id, "mod": revision.0, "name": name, "usn": -1,
        "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0],
        "collapsed": false, "browserCollapsed": false, "desc": description,
        "dyn": 0, "conf": 1, "extendNew": 0, "extendRev": 0,
    })
}

fn dconf_json() -> Value {
    json!({"1": {
        "id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500, "ints": [1, 4, 0], "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500, "perDay": 200, "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
    }})
}

/// Cloze text: plain parts escaped (braces too, so no text reads as cloze markup), each
/// blank `{{cN::answer}}`.
fn cloze_text(parts: &[ClozePart], mode: ClozeMode) -> (String, Vec<u32>) {
    let mut out = String::new();
    let mut n = 0u32;
    for part in parts {
        match part {
            ClozePart::Text(text) => push_protected(&mut out, &html_block(text)),
            ClozePart::Blank(blank) => {
                n += 1;
                let number = if mode == ClozeMode::All { 1 } else { n };
                let _ = write!(out, "{{{{c{number}::");
                push_protected(&mut out, &html_block(&blank.answer));
                out.push_str("}}");
            }
        }
    }
    let ords = match mode {
        ClozeMode::All if n > 0 => vec![0],
        ClozeMode::All => Vec::new(),
        ClozeMode::Each => (0..n).collect(),
    };
    (out, ords)
}

/// Appends `html` with its braces and colons as character references.
fn push_protected(out: &mut String, html: &str) {
    let mut run = 0;
    for (i, b) in html.bytes().enumerate() {
        let reference = match b {
            b'{' => "&#123;",
            b'}' => "&#125;",
            b':' => "&#58;",
            _ => continue,
        };
        out.push_str(&html[run..i]);
        out.push_str(reference);
        run = i + 1;
    }
    out.push_str(&html[run..]);
}

/// The notes of a deck, from its flashcards (a reverse card joins its forward card's note).
fn notes<'a>(
    course: &Course,
    deck: &Deck,
    cards: &'a [Card],
    history: &Revisions,
) -> Vec<NoteRow<'a>> {
    // A reverse card only makes its entry's note a "Basic (and reversed card)" one, so every
    // note can be built on its own, on all cores, in the deck's order.
    let name = deck_name(course, deck);
    let phrases = crate::phrases(course, deck);
    let reversed: HashSet<&str> = cards
        .iter()
        .filter(|c| c.reverse)
        .filter_map(|c| c.id.strip_suffix("-reverse"))
        .collect();
    // A fact's other blanks are the cards of its first card's cloze note.
    let forward: Vec<&Card> = cards
        .iter()
        .filter(|card| !(card.reverse || (card.kind == "fact" && card.id != card.entry)))
        .collect();
    forward
        .par_iter()
        .map(|card| {
            let reversed = reversed.contains(card.id.as_str());
            note(course, deck, card, reversed, (&name, &phrases), history)
        })
        .collect()
}

/// The note of one forward card; `deck_name` is its deck's name in Anki, `phrases` its
/// words.
fn note<'a>(
    course: &Course,
    deck: &Deck,
    card: &'a Card,
    reversed: bool,
    (deck_name, phrases): (&str, &Phrasebook<'_>),
    history: &Revisions,
) -> NoteRow<'a> {
    let (kind, fields, first, ords) = note_fields(course, deck, card, reversed, phrases);
    // A note is keyed by its card: an entry's first card has the entry's id, so its note
    // keeps the GUID it had when an entry made one card.
    let guid = card.guid.as_str();
    let tags = anki::note_tags(card);
    let hash = content_hash(&[kind.name(), &fields, anki::unpadded(&tags), deck_name]);
    let sort_field = strip_html(&fields[..first]);
    let mut ord_text = String::new();
    let cards = ords
        .into_iter()
        .map(|ord| {
            ord_text.clear();
            let _ = write!(ord_text, "{ord}");
            (anki_id(&["decksmith card", guid, &ord_text]), ord)
        })
        .collect();
    NoteRow {
        kind,
        guid,
        id: anki_id(&["decksmith note", guid]),
        revision: NoteRevision {
            hash,
            time: history.time(guid, hash),
        },
        cards,
        fields,
        tags,
        csum: checksum(&sort_field),
        sort_field,
    }
}

/// A note's kind, its fields as Anki stores them (and where the first ends), and its cards'
/// ordinals, as the entry gives them. The fields are written one after the other into one
/// string, each straight from the card.
fn note_fields(
    course: &Course,
    deck: &Deck,
    card: &Card,
    reversed: bool,
    phrases: &Phrasebook<'_>,
) -> (NoteKind, String, usize, Vec<u32>) {
    // Only a fact's note can be a cloze note: no other card needs its entry looked up.
    let fact = (card.kind == "fact")
        .then(|| course.entry(&card.entry))
        .flatten();
    let cloze = match fact {
        Some((_, entry)) => match &entry.kind {
            EntryKind::Fact(fact) => Some(cloze_text(&fact.cloze.parts, deck.quiz.cloze)),
            _ => None,
        },
        None => None,
    };
    let mut fields = String::with_capacity(256);
    match cloze {
        // Text, Extra (the teacher's notes), Source.
        Some((text, ords)) if !ords.is_empty() => {
            fields.push_str(&text);
            let first = fields.len();
            fields.push(FIELD_SEPARATOR);
            let notes = card.back.lines.iter().filter(|l| l.role == LineRole::Note);
            push_lines_html(&mut fields, notes);
            fields.push(FIELD_SEPARATOR);
            push_sources_html(&mut fields, &card.sources, phrases);
            (NoteKind::Cloze, fields, first, ords)
        }
        // Front, Back, Details, Source.
        _ => {
            push_side_html(&mut fields, &card.front);
            push_lines_html(&mut fields, &card.front.lines);
            let first = fields.len();
            fields.push(FIELD_SEPARATOR);
            push_side_html(&mut fields, &card.back);
            fields.push(FIELD_SEPARATOR);
            push_lines_html(&mut fields, &card.back.lines);
            fields.push(FIELD_SEPARATOR);
            push_sources_html(&mut fields, &card.sources, phrases);
            let (kind, ords) = if reversed {
                (NoteKind::Reversed, vec![0, 1])
            } else {
                (NoteKind::Basic, vec![0])
            };
            (kind, fields, first, ords)
        }
    }
}

/// A field as Anki sorts and checks it: without tags, entities decoded.
fn strip_html(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            // A tag: left out, up to its end (all of the rest if it never ends).
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let entity = [
            ("&lt;", "<"),
            ("&gt;", ">"),
            ("&quot;", "\""),
            ("&#123;", "{"),
            ("&#125;", "}"),
            ("&#58;", ":"),
            ("&amp;", "&"),
        ]
        .into_iter()
        .find(|(name, _)| rest.starts_with(name));
        match entity {
            Some((name, text)) => {
                out.push_str(text);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Anki's checksum of a note's first field: the first 32 bits of its SHA-1, as a number.
fn checksum(sort_field: &str) -> i64 {
    use sha1::Digest as _;
    let digest = sha1::Sha1::digest(sort_field.as_bytes());
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

/// Anki's schema 11: its tables, the notes' second.
const COL: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
";
const NOTES: &str = "
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
";
const OTHER_TABLES: &str = "
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null,
  factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
";

/// Anki's indexes, by table, in the order it makes them; made after the rows are in:
/// building an index once from all its keys is cheaper than keeping it in order through
/// every insert.
const INDEXES: [(&str, &str); 7] = [
    ("notes", "CREATE INDEX ix_notes_usn on notes (usn)"),
    ("cards", "CREATE INDEX ix_cards_usn on cards (usn)"),
    ("revlog", "CREATE INDEX ix_revlog_usn on revlog (usn)"),
    ("cards", "CREATE INDEX ix_cards_nid on cards (nid)"),
    (
        "cards",
        "CREATE INDEX ix_cards_sched on cards (did, queue, due)",
    ),
    ("revlog", "CREATE INDEX ix_revlog_cid on revlog (cid)"),
    ("notes", "CREATE INDEX ix_notes_csum on notes (csum)"),
];

/// Makes the indexes of `tables`.
fn create_indexes(tx: &Transaction<'_>, tables: &[&str]) -> Result<(), rusqlite::Error> {
    for (table, sql) in INDEXES {
        if tables.contains(&table) {
            tx.execute(sql, [])?;
        }
    }
    Ok(())
}

/// From how many notes a deck's notes are inserted by a second connection (see
/// [`collection`]). Below, the second connection and the copy cost more than they save; and
/// a course of many small decks keeps the cores busy making decks side by side.
const NOTES_APART_FROM: usize = 1_000;

/// The collection, a SQLite database in Anki's schema 11, built in memory; its notes; and the
/// revision each note was given, in the deck's order.
///
/// SQLite builds a database on one thread, so for a large deck the notes' table and its
/// indexes are made by a second connection on another thread, in a database of their own,
/// while this one makes the rest; then they are copied in with `INSERT INTO notes SELECT *
/// FROM …`, which SQLite does for a table of the same shape by copying the rows and index
/// entries as they are, in order (its transfer optimization), at a fraction of the cost of
/// inserting them and sorting their indexes. (That thread uses no rayon: this one may be a
/// rayon worker that waits for it.)
fn collection<'a>(
    course: &Course,
    deck: &Deck,
    output: &'a DeckOutput,
    history: &Revisions,
) -> Result<(Connection, Vec<NoteRow<'a>>, Given), rusqlite::Error> {
    let notes = notes(course, deck, &output.cards, history);
    let deck_id = anki_id(&["decksmith deck", course.title.trim(), &deck.id]);
    let col = ColRow::new(course, deck, deck_id, &notes, history.floor);
    let mut cards = card_rows(&notes);
    if notes.len() < NOTES_APART_FROM {
        let (notes, given) = in_id_order(notes);
        cards.sort_unstable_by_key(|card| card.id);
        let mut conn = set_up(Connection::open_in_memory()?)?;
        let tx = conn.transaction()?;
        create_tables(&tx)?;
        col.insert(&tx)?;
        insert_notes(&tx, &notes)?;
        insert_cards(&tx, &cards, deck_id)?;
        create_indexes(&tx, &["notes", "cards", "revlog"])?;
        tx.commit()?;
        return Ok((conn, notes, given));
    }
    let made = notes_database_name();
    std::thread::scope(|scope| {
        let notes_db = scope.spawn(|| -> Result<_, rusqlite::Error> {
            let (notes, given) = in_id_order(notes);
            let flags = OpenFlags::default();
            let mut db = set_up(Connection::open_with_flags_and_vfs(&made, flags, c"memdb")?)?;
            let tx = db.transaction()?;
            tx.execute_batch(NOTES)?;
            insert_notes(&tx, &notes)?;
            create_indexes(&tx, &["notes"])?;
            tx.commit()?;
            Ok((db, notes, given))
        });
        cards.par_sort_unstable_by_key(|card| card.id);
        let mut conn = set_up(Connection::open_in_memory()?)?;
        let tx = conn.transaction()?;
        create_tables(&tx)?;
        col.insert(&tx)?;
        insert_cards(&tx, &cards, deck_id)?;
        // The notes' indexes too: the copy fills them.
        create_indexes(&tx, &["notes", "cards", "revlog"])?;
        tx.commit()?;
        let (notes_db, notes, given) = match notes_db.join() {
            Ok(made) => made?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        // The copy comes from an attached database, outside a transaction.
        conn.execute("ATTACH ?1 AS made", [format!("file:{made}?vfs=memdb")])?;
        conn.execute_batch("INSERT INTO notes SELECT * FROM made.notes; DETACH made;")?;
        drop(notes_db);
        Ok((conn, notes, given))
    })
}

/// The revision each note was given, in the deck's order; and the notes in the order of
/// their ids (hashes): rows inserted in that order append to their table's B-tree instead of
/// splitting pages all over it.
fn in_id_order(mut notes: Vec<NoteRow<'_>>) -> (Vec<NoteRow<'_>>, Given) {
    let given = notes
        .iter()
        .map(|note| (note.guid.to_owned(), note.revision))
        .collect();
    notes.sort_unstable_by_key(|note| note.id);
    (notes, given)
}

/// Makes Anki's tables.
fn create_tables(tx: &Transaction<'_>) -> Result<(), rusqlite::Error> {
    tx.execute_batch(COL)?;
    tx.execute_batch(NOTES)?;
    tx.execute_batch(OTHER_TABLES)
}

/// The name of a new database for the notes in SQLite's `memdb`, which keeps a database in
/// memory for as long as a connection has it open and, when its name starts with `/`, lets
/// the other connections of the process open (or attach) it by that name. One name for
/// each package made in this process.
fn notes_database_name() -> String {
    static MADE: AtomicU64 = AtomicU64::new(0);
    format!("/decksmith-notes-{}", MADE.fetch_add(1, Ordering::Relaxed))
}

/// `conn`, a new database in memory, set up to be made once, whole: no journal to keep,
/// nothing to sync. Its indexes, made at the end, are its costliest step, where SQLite
/// sorts their keys. `temp_store` stays the default on purpose: with temporary data in
/// memory SQLite's sorter allocates every key on its own, where otherwise it packs them
/// into one growing buffer, which is faster; it writes a temporary file only when the
/// keys outgrow the cache, which `cache_size` puts at 1 GiB (an index of 10,000 notes takes
/// a few hundred kilobytes). For the same reason `threads` would do nothing: the sorter's
/// helper threads only sort what it would spill to such a file.
fn set_up(conn: Connection) -> Result<Connection, rusqlite::Error> {
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576;",
    )?;
    Ok(conn)
}

/// The collection's one `col` row: its times, settings, note types and decks.
struct ColRow {
    /// When the collection changed: when its latest note did.
    revision: Revision,
    conf: String,
    models: String,
    decks: String,
    dconf: String,
}

impl ColRow {
    fn new(
        course: &Course,
        deck: &Deck,
        deck_id: i64,
        notes: &[NoteRow<'_>],
        floor: Revision,
    ) -> ColRow {
        // The decks and the collection changed when their latest note did.
        let revision = notes
            .iter()
            .map(|note| note.revision.time)
            .max()
            .unwrap_or(floor);
        let description = |text: Option<&str>| text.map(html_block).unwrap_or_default();
        let name = deck_name(course, deck);
        let parent_name = name.split("::").next().unwrap_or_default();
        let parent_id = anki_id(&["decksmith deck", course.title.trim()]);
        let mut decks = serde_json::Map::new();
        decks.insert("1".into(), deck_json(1, "Default", "", Revision(0)));
        decks.insert(
            parent_id.to_string(),
            deck_json(
                parent_id,
                parent_name,
                &description(course.description.as_deref()),
                revision,
            ),
        );
        decks.insert(
            deck_id.to_string(),
            deck_json(
                deck_id,
                &name,
                &description(deck.description.as_deref()),
                revision,
            ),
        );
        let mut models = serde_json::Map::new();
        for kind in NoteKind::ALL {
            if notes.iter().any(|n| n.kind == kind) {
                models.insert(kind.id().to_string(), notetype_json(kind));
            }
        }
        let card_count: usize = notes.iter().map(|n| n.cards.len()).sum();
        let conf = json!({
            "activeDecks": [1], "curDeck": 1, "newSpread": 0, "collapseTime": 1200,
            "timeLim": 0, "estTimes": true, "dueCounts": true, "curModel": null,
            "nextPos": card_count + 1, "sortType": "noteFld", "sortBackwards": false,
            "addToCur": true,
        });
        ColRow {
            revision,
            conf: conf.to_string(),
            models: Value::Object(models).to_string(),
            decks: Value::Object(decks).to_string(),
            dconf: dconf_json().to_string(),
        }
    }

    /// Inserts the row: created on the day of the latest change, changed (in milliseconds)
    /// then, schema version 11.
    fn insert(&self, tx: &Transaction<'_>) -> Result<(), rusqlite::Error> {
        let seconds = self.revision.0;
        let millis = seconds.saturating_mul(1000);
        tx.execute(
            "INSERT INTO col VALUES (1, ?1, ?2, ?3, 11, 0, 0, 0, ?4, ?5, ?6, ?7, '{}')",
            params![
                seconds - seconds.rem_euclid(86_400),
                millis,
                millis,
                self.conf,
                self.models,
                self.decks,
                self.dconf
            ],
        )?;
        Ok(())
    }
}

/// The cards of the notes; a card's `due` (its place among new cards) follows the deck's
/// order.
fn card_rows(notes: &[NoteRow<'_>]) -> Vec<CardRow> {
    let mut cards = Vec::with_capacity(notes.iter().map(|n| n.cards.len()).sum());
    let mut due = 0i64;
    for note in notes {
        for &(id, ord) in &note.cards {
            due += 1;
            cards.push(CardRow {
                id,
                note: note.id,
                ord,
                time: note.revision.time.0,
                due,
            });
        }
    }
    cards
}

/// A card, ready to insert.
struct CardRow {
    id: i64,
    note: i64,
    ord: u32,
    time: i64,
    due: i64,
}

/// The notes, through one prepared statement (`usn` -1: not synced yet).
fn insert_notes(tx: &Transaction<'_>, notes: &[NoteRow<'_>]) -> Result<(), rusqlite::Error> {
    let mut insert =
        tx.prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")?;
    for note in notes {
        insert.execute(params![
            note.id,
            note.guid,
            note.kind.id(),
            note.revision.time.0,
            note.tags,
            note.fields,
            // `sfld` is an integer column: SQLite stores a sort field that reads as a
            // number as a number, so that numbers sort as numbers.
            note.sort_field,
            note.csum,
        ])?;
    }
    Ok(())
}

/// The cards, new ones: type and queue 0, no interval, ease, reviews or lapses yet.
fn insert_cards(
    tx: &Transaction<'_>,
    cards: &[CardRow],
    deck_id: i64,
) -> Result<(), rusqlite::Error> {
    let mut insert = tx.prepare(
        "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    )?;
    for card in cards {
        insert.execute(params![
            card.id, card.note, deck_id, card.ord, card.time, card.due
        ])?;
    }
    Ok(())
}

/// The package could not be made: a bug, or SQLite or the zip writer failing.
#[derive(Debug)]
pub enum PackageError {
    /// SQLite failed to build the collection.
    Sqlite(rusqlite::Error),
    /// The zip could not be written.
    Zip(zip::result::ZipError),
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::Sqlite(e) => write!(f, "cannot build the Anki collection ({e})"),
            PackageError::Zip(e) => write!(f, "cannot write the package's zip ({e})"),
        }
    }
}

impl std::error::Error for PackageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PackageError::Sqlite(e) => Some(e),
            PackageError::Zip(e) => Some(e),
        }
    }
}

/// The package's bytes (the collection and an empty media list in a zip) and the revision
/// each note was given.
pub fn package(
    course: &Course,
    deck: &Deck,
    output: &DeckOutput,
    history: &Revisions,
) -> Result<(Vec<u8>, Given), PackageError> {
    let (mut db, notes, given) =
        collection(course, deck, output, history).map_err(PackageError::Sqlite)?;
    std::thread::scope(|scope| {
        if notes.len() >= NOTES_APART_FROM {
            // A large deck's notes are freed on another core while this one zips.
            scope.spawn(move || drop(notes));
        }
        let file = db.serialize(MAIN_DB).map_err(PackageError::Sqlite)?;
        let bytes =
            archive(&[("collection.anki2", &file), ("media", b"{}")]).map_err(PackageError::Zip)?;
        Ok((bytes, given))
    })
}

/// A zip of `members` (name and contents), each deflated at the fastest level (SQLite pages
/// are mostly text and zeros, which even the fastest level shrinks well), dated
/// 1980-01-01 (the first date zip can hold, so the same members give the same bytes) and
/// readable by all.
pub(crate) fn archive(members: &[(&str, &[u8])]) -> Result<Vec<u8>, zip::result::ZipError> {
    let size = members.iter().map(|(_, data)| data.len()).sum::<usize>();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(size / 2)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, data) in members {
        zip.start_file(*name, options)?;
        zip.write_all(data)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anki_checksums_stay_what_they_were() {
        // Anki's checksum: the first 32 bits of the SHA-1 of the stripped sort field.
        assert_eq!(checksum("hello"), 0xaaf4_c61d);
    }

    #[test]
    fn sort_fields_lose_tags_and_decode_entities() {
        assert_eq!(
            strip_html("<b>A &amp; B</b> &lt;i&gt; &#123;x&#125;&#58; &quot;q&quot; & <a"),
            "A & B <i> {x}: \"q\" & "
        );
        assert_eq!(strip_html("&amp;lt;"), "&lt;");
        assert_eq!(strip_html("plain"), "plain");
    }
}
