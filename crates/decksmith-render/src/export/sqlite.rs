//! A SQLite database file, written from its rows.
//!
//! An Anki package's collection is a SQLite database that decksmith makes once, whole, and
//! never changes. Made through SQLite itself, its rows went one by one through SQLite's
//! virtual machine and its indexes through SQLite's sorter: about 35 ms of the 70 ms a
//! package of 10,000 notes took. Written here, straight from the rows, it takes a few.
//!
//! The file follows SQLite's documented format (<https://www.sqlite.org/fileformat2.html>):
//! 4096-byte pages, UTF-8, schema format 4, rollback journal, no free pages, no
//! auto-vacuum. The schema (`sqlite_schema`) fills page 1. Each table's B-tree is built
//! bottom-up from its rows, given in rowid order; each index's from its keys, sorted here.
//! Leaves are filled as full as they go, a payload too long for its page continues on
//! overflow pages, and the page SQLite keeps for its locks (at 1 GiB) is never used.
//!
//! The tests read what this writes back with SQLite itself: `PRAGMA integrity_check`, every
//! row, and lookups through every index, for tables of many levels, long payloads on
//! overflow chains, and every kind of value.

use std::ops::Range;

/// A value in a row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// SQL `NULL` (also what a rowid column, `integer primary key`, holds in the row itself).
    Null,
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Real(f64),
    /// UTF-8 text.
    Text(&'a str),
}

impl<'a> Value<'a> {
    /// Text as SQLite stores it in a column of INTEGER affinity: an integer if it reads as
    /// one (spaces around it allowed, `5.0` and `1e2` included), a real if it reads as a
    /// number that is not a 64-bit integer, else the text itself.
    pub fn integer_affinity(text: &'a str) -> Value<'a> {
        let trimmed = text.trim_matches([' ', '\t', '\n', '\u{b}', '\u{c}', '\r']);
        let Some(pure_integer) = numeric_literal(trimmed) else {
            return Value::Text(text);
        };
        if pure_integer && let Ok(int) = trimmed.parse::<i64>() {
            return Value::Int(int);
        }
        let Ok(real) = trimmed.parse::<f64>() else {
            return Value::Text(text);
        };
        // SQLite keeps a real as an integer when it is one, strictly inside i64's range.
        let int = real as i64;
        if real == int as f64 && int > i64::MIN && int < i64::MAX {
            Value::Int(int)
        } else {
            Value::Real(real)
        }
    }
}

/// Whether `text` is a number as SQLite reads one (`[+-]digits[.digits][e[+-]digits]`,
/// digits on at least one side of the point), and if so whether it is a pure integer.
fn numeric_literal(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while bytes.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut mantissa = digits(&mut i);
    let mut pure = true;
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        mantissa += digits(&mut i);
        pure = false;
    }
    if mantissa == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
        pure = false;
    }
    (i == bytes.len()).then_some(pure)
}

/// The size of every page.
const PAGE: usize = 4096;
/// The byte at 1 GiB lies on a page SQLite uses for its file locks, never for data.
const LOCK_BYTE: usize = 1 << 30;
/// The most of a table leaf cell's payload that stays on the leaf.
const TABLE_MAX_LOCAL: usize = PAGE - 35;
/// The most of an index cell's payload that stays on its page.
const INDEX_MAX_LOCAL: usize = (PAGE - 12) * 64 / 255 - 23;
/// The least of a payload that stays on its page when the rest overflows.
const MIN_LOCAL: usize = (PAGE - 12) * 32 / 255 - 23;

/// Page types.
const INTERIOR_INDEX: u8 = 2;
const INTERIOR_TABLE: u8 = 5;
const LEAF_INDEX: u8 = 10;
const LEAF_TABLE: u8 = 13;

/// The version of SQLite written in the header as the last one to change the file (any
/// will do; this is the one the tests read the files back with, rusqlite's bundled 3.54.1).
const SQLITE_VERSION: u32 = 3_054_001;

/// A database being written: page 1 (the header and the schema) is written last.
pub struct Database {
    file: Vec<u8>,
    /// The schema's rows: type, name, table, root page, SQL.
    schema: Vec<(&'static str, String, String, u32, String)>,
}

impl Default for Database {
    fn default() -> Database {
        Database::new()
    }
}

impl Database {
    /// An empty database.
    pub fn new() -> Database {
        Database::with_capacity(PAGE)
    }

    /// An empty database with room for a file of about `bytes` bytes: a file that grows a
    /// page at a time is otherwise copied to a larger place again and again.
    pub fn with_capacity(bytes: usize) -> Database {
        let mut file = Vec::with_capacity(bytes.max(PAGE));
        file.resize(PAGE, 0);
        Database {
            file,
            schema: Vec::new(),
        }
    }

    /// A new table, `sql` its `CREATE TABLE` statement; its rows follow, then
    /// [`Table::finish`].
    pub fn table(&mut self, name: &str, sql: &str) -> Table<'_> {
        Table {
            db: self,
            name: name.to_owned(),
            sql: sql.to_owned(),
            leaf: None,
            leaves: Vec::new(),
            last: None,
            record: Vec::new(),
            cell: Vec::new(),
        }
    }

    /// Writes an index's B-tree.
    pub fn index(&mut self, index: Index) {
        let Index {
            name,
            table,
            sql,
            cells,
            items,
        } = index;
        let len = |r: &Range<usize>| r.end - r.start;
        let (groups, dividers) = partition(items.len(), PAGE - 8, |i| len(&items[i]));
        let mut pages = Vec::with_capacity(groups.len());
        for group in groups {
            let mut page = PageWriter::new(&mut self.file, LEAF_INDEX);
            for item in &items[group] {
                page.push(&mut self.file, &cells[item.clone()]);
            }
            pages.push(page.finish(&mut self.file, None));
        }
        let dividers: Vec<Range<usize>> = dividers.into_iter().map(|i| items[i].clone()).collect();
        // An interior cell is a child's page number and a leaf's cell.
        let root = interior(
            &mut self.file,
            INTERIOR_INDEX,
            pages,
            dividers,
            |r| 4 + len(r),
            |cell, r| cell.extend_from_slice(&cells[r.clone()]),
        );
        self.schema.push(("index", name, table, root, sql));
    }

    /// The file's bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let mut page = PageWriter::first(LEAF_TABLE);
        let (mut record_buf, mut cell) = (Vec::new(), Vec::new());
        for (rowid, (kind, name, table, root, sql)) in (1..).zip(&self.schema) {
            record_buf.clear();
            record(
                &mut record_buf,
                &[
                    Value::Text(kind),
                    Value::Text(name),
                    Value::Text(table),
                    Value::Int(i64::from(*root)),
                    Value::Text(sql),
                ],
            );
            table_cell(&mut self.file, &mut cell, rowid, &record_buf);
            if !page.fits(cell.len()) {
                return Err("the database's schema does not fit on its first page".into());
            }
            page.push(&mut self.file, &cell);
        }
        page.finish(&mut self.file, None);
        let pages = u32::try_from(self.file.len() / PAGE)
            .map_err(|_| "the database has too many pages for SQLite".to_owned())?;
        let header = &mut self.file[..100];
        header[..16].copy_from_slice(b"SQLite format 3\0");
        header[16..18].copy_from_slice(&(PAGE as u16).to_be_bytes());
        // Written and read with a rollback journal; no bytes reserved at the end of pages;
        // the payload fractions SQLite requires.
        header[18..24].copy_from_slice(&[1, 1, 0, 64, 32, 32]);
        let mut put =
            |at: usize, value: u32| header[at..at + 4].copy_from_slice(&value.to_be_bytes());
        put(24, 1); // file change counter
        put(28, pages);
        put(40, 1); // schema cookie
        put(44, 4); // schema format
        put(56, 1); // UTF-8
        put(92, 1); // the change counter the page count is valid for
        put(96, SQLITE_VERSION);
        Ok(self.file)
    }
}

/// An index, its keys sorted and made into cells, ready to be written (made apart from
/// the database, so that it can be made while the tables are written).
pub struct Index {
    name: String,
    table: String,
    sql: String,
    /// The leaf cells, one after the other: a key's record and its size before it.
    cells: Vec<u8>,
    /// Where each cell is in `cells`, in the index's order.
    items: Vec<Range<usize>>,
}

impl Index {
    /// An index of `table`, `sql` its `CREATE INDEX` statement, with one key per row: the
    /// indexed columns' values and last the row's rowid, in any order.
    pub fn new<const N: usize>(
        name: &str,
        table: &str,
        sql: &str,
        mut keys: Vec<[i64; N]>,
    ) -> Index {
        // A key's record (a header byte per value, at most 8 bytes a value) stays on its
        // page: no overflow pages, and many keys to a page.
        const { assert!(2 + 9 * N <= INDEX_MAX_LOCAL / 4) };
        // Integers compare as SQLite compares them, so a sort of the arrays is the index's
        // order.
        keys.sort_unstable();
        let mut cells = Vec::with_capacity(keys.len() * (2 + 5 * N));
        let mut items: Vec<Range<usize>> = Vec::with_capacity(keys.len());
        let mut key_record = Vec::with_capacity(2 + 9 * N);
        for key in &keys {
            key_record.clear();
            record(&mut key_record, &key.map(Value::Int));
            let start = cells.len();
            put_varint(&mut cells, key_record.len() as u64);
            cells.extend_from_slice(&key_record);
            items.push(start..cells.len());
        }
        Index {
            name: name.to_owned(),
            table: table.to_owned(),
            sql: sql.to_owned(),
            cells,
            items,
        }
    }
}

/// A table being written, a leaf at a time.
pub struct Table<'d> {
    db: &'d mut Database,
    name: String,
    sql: String,
    /// The leaf being filled.
    leaf: Option<PageWriter>,
    /// The leaves written so far, with the last rowid of each.
    leaves: Vec<(u32, i64)>,
    last: Option<i64>,
    record: Vec<u8>,
    cell: Vec<u8>,
}

impl Table<'_> {
    /// Adds a row. Rows come in increasing rowid order; a rowid column (`integer primary
    /// key`) holds [`Value::Null`] in `values`, as SQLite stores it.
    pub fn row(&mut self, rowid: i64, values: &[Value<'_>]) -> Result<(), String> {
        let previous = self.last;
        if let Some(last) = previous
            && rowid <= last
        {
            return Err(format!(
                "table {}: row {rowid} comes after row {last}; rows must come in increasing rowid order",
                self.name
            ));
        }
        self.record.clear();
        record(&mut self.record, values);
        table_cell(&mut self.db.file, &mut self.cell, rowid, &self.record);
        let file = &mut self.db.file;
        match &mut self.leaf {
            Some(leaf) if leaf.fits(self.cell.len()) => {}
            slot => {
                if let (Some(full), Some(last)) = (slot.take(), previous) {
                    self.leaves.push((full.finish(file, None), last));
                }
                *slot = Some(PageWriter::new(file, LEAF_TABLE));
            }
        }
        if let Some(leaf) = &mut self.leaf {
            leaf.push(file, &self.cell);
        }
        self.last = Some(rowid);
        Ok(())
    }

    /// Ends the table: its B-tree's upper levels, and its place in the schema.
    pub fn finish(self) {
        let Table {
            db,
            name,
            sql,
            leaf,
            mut leaves,
            last,
            ..
        } = self;
        let file = &mut db.file;
        let leaf = leaf.unwrap_or_else(|| PageWriter::new(file, LEAF_TABLE));
        leaves.push((leaf.finish(file, None), last.unwrap_or(0)));
        let (pages, mut keys): (Vec<u32>, Vec<i64>) = leaves.into_iter().unzip();
        // The key between two children is the last rowid of the left one.
        keys.pop();
        let root = interior(
            file,
            INTERIOR_TABLE,
            pages,
            keys,
            |&key| 4 + varint_len(key as u64),
            |cell, &key| put_varint(cell, key as u64),
        );
        db.schema.push(("table", name.clone(), name, root, sql));
    }
}

/// A page being filled with cells: their contents from the end of the page backwards, a
/// pointer to each after the page's header.
struct PageWriter {
    /// Where the page starts in the file.
    base: usize,
    kind: u8,
    /// Where the page's header starts in the page: 100 on page 1, after the file's header.
    header: usize,
    cells: u16,
    /// Where the next cell pointer goes, in the page.
    pointers: usize,
    /// Where the cell contents start, in the page.
    content: usize,
}

impl PageWriter {
    /// A new page at the end of the file.
    fn new(file: &mut Vec<u8>, kind: u8) -> PageWriter {
        let number = alloc(file);
        PageWriter::at(number, 0, kind)
    }

    /// Page 1, after the file's header.
    fn first(kind: u8) -> PageWriter {
        PageWriter::at(1, 100, kind)
    }

    fn at(number: u32, header: usize, kind: u8) -> PageWriter {
        let interior = matches!(kind, INTERIOR_INDEX | INTERIOR_TABLE);
        PageWriter {
            base: (number as usize - 1) * PAGE,
            kind,
            header,
            cells: 0,
            pointers: header + if interior { 12 } else { 8 },
            content: PAGE,
        }
    }

    fn fits(&self, cell: usize) -> bool {
        self.pointers + 2 + cell <= self.content
    }

    fn push(&mut self, file: &mut [u8], cell: &[u8]) {
        debug_assert!(self.fits(cell.len()));
        self.content -= cell.len();
        let at = self.base + self.content;
        file[at..at + cell.len()].copy_from_slice(cell);
        let at = self.base + self.pointers;
        file[at..at + 2].copy_from_slice(&(self.content as u16).to_be_bytes());
        self.pointers += 2;
        self.cells += 1;
    }

    /// Writes the page's header (`right`: an interior page's last child); its number.
    fn finish(self, file: &mut [u8], right: Option<u32>) -> u32 {
        let at = self.base + self.header;
        let header = &mut file[at..at + 12];
        header[0] = self.kind;
        header[1..3].copy_from_slice(&[0, 0]); // no free blocks
        header[3..5].copy_from_slice(&self.cells.to_be_bytes());
        // 4096 fits in the two bytes (only 65536 would be written as 0).
        header[5..7].copy_from_slice(&(self.content as u16).to_be_bytes());
        header[7] = 0; // no fragmented bytes
        if let Some(right) = right {
            header[8..12].copy_from_slice(&right.to_be_bytes());
        }
        (self.base / PAGE + 1) as u32
    }
}

/// The number of the page after a file of `len` bytes (the lock page skipped).
fn next_page(len: usize) -> usize {
    let at = if len == LOCK_BYTE { len + PAGE } else { len };
    at / PAGE + 1
}

/// A new zeroed page at the end of the file; its number.
fn alloc(file: &mut Vec<u8>) -> u32 {
    let number = next_page(file.len());
    file.resize(number * PAGE, 0);
    number as u32
}

/// Splits `n` cells, of sizes `len(i)`, into pages of `capacity` bytes (cell pointers
/// included), as an index B-tree level needs them: between two pages a cell goes up to
/// the level above. Every page gets at least one cell (the last page would have none if
/// the last cell went up: then the one before it goes up instead). The pages, by the
/// cells they hold, and the cells that go up.
fn partition(
    n: usize,
    capacity: usize,
    len: impl Fn(usize) -> usize,
) -> (Vec<Range<usize>>, Vec<usize>) {
    let mut pages = Vec::new();
    let mut up = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        let mut used = 0;
        while i < n && used + len(i) + 2 <= capacity {
            used += len(i) + 2;
            i += 1;
        }
        pages.push(start..i);
        if i >= n {
            break;
        }
        up.push(i);
        i += 1;
        if i == n {
            // A page holds many cells (the callers' cells are small), so the full page
            // can spare its last one.
            if let (Some(page), Some(divider)) = (pages.last_mut(), up.last_mut()) {
                page.end -= 1;
                *divider = page.end;
            }
            pages.push(n - 1..n);
            break;
        }
    }
    (pages, up)
}

/// The interior levels of a B-tree over `children`, `dividers[i]` the key between
/// `children[i]` and `children[i + 1]`: each interior cell is a child's page number and
/// the divider after it, each page's last child is its right pointer. The root's number.
fn interior<D: Clone>(
    file: &mut Vec<u8>,
    kind: u8,
    mut children: Vec<u32>,
    mut dividers: Vec<D>,
    len: impl Fn(&D) -> usize,
    key: impl Fn(&mut Vec<u8>, &D),
) -> u32 {
    let mut cell = Vec::new();
    while children.len() > 1 {
        let (pages, up) = partition(dividers.len(), PAGE - 12, |i| len(&dividers[i]));
        let mut parents = Vec::with_capacity(pages.len());
        for page_cells in pages {
            let mut page = PageWriter::new(file, kind);
            for i in page_cells.clone() {
                cell.clear();
                cell.extend_from_slice(&children[i].to_be_bytes());
                key(&mut cell, &dividers[i]);
                page.push(file, &cell);
            }
            parents.push(page.finish(file, Some(children[page_cells.end])));
        }
        dividers = up.into_iter().map(|i| dividers[i].clone()).collect();
        children = parents;
    }
    children[0]
}

/// A table leaf cell for a row's record: its size, its rowid, as much of it as stays on
/// the page, and the first overflow page if the rest does not (overflow pages written).
fn table_cell(file: &mut Vec<u8>, cell: &mut Vec<u8>, rowid: i64, record: &[u8]) {
    cell.clear();
    put_varint(cell, record.len() as u64);
    put_varint(cell, rowid as u64);
    let local = local_size(record.len(), TABLE_MAX_LOCAL);
    cell.extend_from_slice(&record[..local]);
    if local < record.len() {
        cell.extend_from_slice(&overflow(file, &record[local..]).to_be_bytes());
    }
}

/// How much of a payload of `size` bytes stays on its page, `max` the most that may.
fn local_size(size: usize, max: usize) -> usize {
    if size <= max {
        return size;
    }
    let local = MIN_LOCAL + (size - MIN_LOCAL) % (PAGE - 4);
    if local <= max { local } else { MIN_LOCAL }
}

/// Writes `data` on a chain of new overflow pages; the first one's number.
fn overflow(file: &mut Vec<u8>, data: &[u8]) -> u32 {
    let mut chunks = data.chunks(PAGE - 4).peekable();
    let first = next_page(file.len()) as u32;
    while let Some(chunk) = chunks.next() {
        let base = (alloc(file) as usize - 1) * PAGE;
        let next = if chunks.peek().is_some() {
            next_page(file.len()) as u32
        } else {
            0
        };
        file[base..base + 4].copy_from_slice(&next.to_be_bytes());
        file[base + 4..base + 4 + chunk.len()].copy_from_slice(chunk);
    }
    first
}

/// Appends a record: a header of the values' serial types, then the values.
fn record(out: &mut Vec<u8>, values: &[Value<'_>]) {
    let types: usize = values.iter().map(|v| varint_len(serial_type(v))).sum();
    // The header's size counts the varint that gives it.
    let mut header = types + 1;
    while varint_len(header as u64) + types != header {
        header = varint_len(header as u64) + types;
    }
    put_varint(out, header as u64);
    for value in values {
        put_varint(out, serial_type(value));
    }
    for value in values {
        match *value {
            Value::Null => {}
            Value::Int(int) => {
                let size = int_size(int);
                out.extend_from_slice(&int.to_be_bytes()[8 - size..]);
            }
            Value::Real(real) => out.extend_from_slice(&real.to_be_bytes()),
            Value::Text(text) => out.extend_from_slice(text.as_bytes()),
        }
    }
}

fn serial_type(value: &Value<'_>) -> u64 {
    match *value {
        Value::Null => 0,
        Value::Int(0) => 8,
        Value::Int(1) => 9,
        Value::Int(int) => match int_size(int) {
            1 => 1,
            2 => 2,
            3 => 3,
            4 => 4,
            6 => 5,
            _ => 6,
        },
        Value::Real(_) => 7,
        Value::Text(text) => 13 + 2 * text.len() as u64,
    }
}

/// The bytes an integer takes in a record (0 and 1 take none; see [`serial_type`]).
fn int_size(int: i64) -> usize {
    match int {
        0 | 1 => 0,
        -0x80..=0x7f => 1,
        -0x8000..=0x7fff => 2,
        -0x80_0000..=0x7f_ffff => 3,
        -0x8000_0000..=0x7fff_ffff => 4,
        -0x8000_0000_0000..=0x7fff_ffff_ffff => 6,
        _ => 8,
    }
}

/// SQLite's varint: big-endian, seven bits a byte with the high bit set on all but the
/// last, and all eight bits of a ninth byte.
fn put_varint(out: &mut Vec<u8>, value: u64) {
    if value <= 0x7f {
        out.push(value as u8);
        return;
    }
    let mut bytes = [0u8; 9];
    if value >> 56 != 0 {
        bytes[8] = value as u8;
        let mut rest = value >> 8;
        for byte in bytes[..8].iter_mut().rev() {
            *byte = (rest & 0x7f) as u8 | 0x80;
            rest >>= 7;
        }
        out.extend_from_slice(&bytes);
        return;
    }
    let mut n = 0;
    let mut rest = value;
    while rest != 0 {
        bytes[n] = (rest & 0x7f) as u8 | 0x80;
        rest >>= 7;
        n += 1;
    }
    bytes[0] &= 0x7f;
    bytes[..n].reverse();
    out.extend_from_slice(&bytes[..n]);
}

fn varint_len(value: u64) -> usize {
    match value {
        _ if value >> 56 != 0 => 9,
        0 => 1,
        _ => (64 - value.leading_zeros() as usize).div_ceil(7),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // a failed expectation is a failed test

    use rusqlite::types::Value as Sql;
    use rusqlite::{Connection, MAIN_DB};

    use super::*;

    /// The database SQLite reads from the bytes, after its own integrity check.
    fn open(bytes: &[u8]) -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.deserialize_read_exact(MAIN_DB, bytes, bytes.len(), true)
            .unwrap();
        let problems: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(problems, ["ok"], "SQLite finds the file damaged");
        conn
    }

    fn sql(value: &Value<'_>) -> Sql {
        match *value {
            Value::Null => Sql::Null,
            Value::Int(int) => Sql::Integer(int),
            Value::Real(real) => Sql::Real(real),
            Value::Text(text) => Sql::Text(text.to_owned()),
        }
    }

    fn rows(conn: &Connection, query: &str, columns: usize) -> Vec<Vec<Sql>> {
        let mut stmt = conn.prepare(query).unwrap();
        stmt.query_map([], |row| {
            (0..columns).map(|i| row.get::<_, Sql>(i)).collect()
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    }

    #[test]
    fn sqlite_reads_back_every_kind_of_value_and_payloads_that_overflow() {
        // Lengths around the limits of what stays on a leaf: all of it, the most that
        // can, and the rest on one, two, many overflow pages.
        let long: Vec<String> = [
            0, 1, 489, 4_040, 4_061, 4_062, 4_100, 8_153, 8_154, 8_155, 12_300, 100_000,
        ]
        .into_iter()
        .map(|n| "ж".repeat(n / 2) + &"x".repeat(n % 2))
        .collect();
        let mut expected: Vec<(i64, Vec<Value<'_>>)> = Vec::new();
        let ints = [
            0,
            1,
            -1,
            2,
            127,
            128,
            -128,
            -129,
            32_767,
            -32_769,
            8_388_607,
            8_388_608,
            2_147_483_647,
            -2_147_483_649,
            140_737_488_355_327,
            140_737_488_355_328,
            i64::MAX,
            i64::MIN,
        ];
        for (i, text) in long.iter().enumerate() {
            let int = ints[i % ints.len()];
            expected.push((
                i as i64 * 1_000 - 3_000,
                vec![
                    Value::Null,
                    Value::Int(int),
                    Value::Text(text),
                    Value::Real(i as f64 / 3.0),
                    Value::Int(ints[(i + 5) % ints.len()]),
                ],
            ));
        }
        for (i, &int) in ints.iter().enumerate() {
            expected.push((
                1_000_000 + i as i64,
                vec![
                    Value::Null,
                    Value::Int(int),
                    Value::Text("Оон 2021 — “UN”"),
                    Value::Null,
                    Value::Int(-int.saturating_abs()),
                ],
            ));
        }
        let mut db = Database::new();
        let mut table = db.table(
            "t",
            "CREATE TABLE t (id integer primary key, a integer, b text, c real, d integer)",
        );
        for (rowid, values) in &expected {
            table.row(*rowid, values).unwrap();
        }
        table.finish();
        db.table("empty", "CREATE TABLE empty (x integer)").finish();
        db.index(Index::new(
            "t_a",
            "t",
            "CREATE INDEX t_a ON t (a)",
            expected.iter().map(|(id, v)| [int(&v[1]), *id]).collect(),
        ));
        db.index(Index::new::<2>(
            "empty_x",
            "empty",
            "CREATE INDEX empty_x ON empty (x)",
            Vec::new(),
        ));
        let conn = open(&db.finish().unwrap());

        let read = rows(&conn, "SELECT id, a, b, c, d FROM t ORDER BY id", 5);
        let want: Vec<Vec<Sql>> = expected
            .iter()
            .map(|(id, v)| {
                let mut row: Vec<Sql> = v.iter().map(sql).collect();
                row[0] = Sql::Integer(*id);
                row
            })
            .collect();
        assert_eq!(read.len(), want.len());
        for (read, want) in read.iter().zip(&want) {
            assert!(read == want, "row {:?} read back differently", want[0]);
        }
        let mut by_a: Vec<(i64, i64)> = expected.iter().map(|(id, v)| (int(&v[1]), *id)).collect();
        by_a.sort_unstable();
        let read: Vec<(i64, i64)> = conn
            .prepare("SELECT a, id FROM t INDEXED BY t_a WHERE a IS NOT NULL ORDER BY a, id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(read, by_a);
        assert_eq!(
            rows(&conn, "SELECT count(*) FROM empty", 1),
            [[Sql::Integer(0)]]
        );
    }

    fn int(value: &Value<'_>) -> i64 {
        match *value {
            Value::Int(int) => int,
            _ => panic!("not an integer: {value:?}"),
        }
    }

    #[test]
    fn trees_of_three_levels_read_back_through_their_indexes() {
        // Enough rows and keys, long enough, for a table and its indexes to need interior
        // pages over interior pages; rowids with gaps, keys out of order and repeated.
        let n = 60_000i64;
        let mut db = Database::new();
        let mut table = db.table(
            "t",
            "CREATE TABLE t (id integer primary key, a integer, b integer, c text)",
        );
        const E15: i64 = 1_000_000_000_000_000;
        let key = |i: i64| ((i * 7_919) % 1_000 - 500) * E15;
        let b = |i: i64| (i % 7) * 100 * E15;
        for i in 0..n {
            let text = format!("row {i} {}", "-".repeat(200));
            table
                .row(
                    i * 3 + 1,
                    &[
                        Value::Null,
                        Value::Int(key(i)),
                        Value::Int(b(i)),
                        Value::Text(&text),
                    ],
                )
                .unwrap();
        }
        table.finish();
        db.index(Index::new(
            "t_a",
            "t",
            "CREATE INDEX t_a ON t (a)",
            (0..n).map(|i| [key(i), i * 3 + 1]).collect(),
        ));
        db.index(Index::new(
            "t_ba",
            "t",
            "CREATE INDEX t_ba ON t (b, a)",
            (0..n).map(|i| [b(i), key(i), i * 3 + 1]).collect(),
        ));
        let bytes = db.finish().unwrap();
        let conn = open(&bytes);
        let count = |query: &str| -> i64 { conn.query_row(query, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM t"), n);
        assert_eq!(count("SELECT max(id) FROM t"), n * 3 - 2);
        assert_eq!(
            count(&format!(
                "SELECT count(*) FROM t INDEXED BY t_a WHERE a = {}",
                17 * E15
            )),
            (0..n).filter(|&i| key(i) == 17 * E15).count() as i64
        );
        assert_eq!(
            count(&format!(
                "SELECT count(*) FROM t INDEXED BY t_ba WHERE b = {} AND a BETWEEN {} AND {}",
                b(3),
                -10 * E15,
                10 * E15
            )),
            (0..n)
                .filter(|&i| i % 7 == 3 && (-10 * E15..=10 * E15).contains(&key(i)))
                .count() as i64
        );
        assert_eq!(count("SELECT a FROM t WHERE id = 30001"), key(10_000));
        // Three levels: the roots are interior pages whose children are interior pages.
        let root: i64 = count("SELECT rootpage FROM sqlite_schema WHERE name = 't'");
        let page = &bytes[(root as usize - 1) * PAGE..];
        assert_eq!(page[0], INTERIOR_TABLE);
        let child = u32::from_be_bytes(page[8..12].try_into().unwrap()) as usize;
        assert_eq!(bytes[(child - 1) * PAGE], INTERIOR_TABLE);
        let root: i64 = count("SELECT rootpage FROM sqlite_schema WHERE name = 't_ba'");
        let page = &bytes[(root as usize - 1) * PAGE..];
        let child = u32::from_be_bytes(page[8..12].try_into().unwrap()) as usize;
        assert_eq!(
            (page[0], bytes[(child - 1) * PAGE]),
            (INTERIOR_INDEX, INTERIOR_INDEX)
        );
    }

    #[test]
    fn every_index_page_holds_a_key_whatever_the_count() {
        // Around the counts where a leaf fills up, the last key would go up to the level
        // above and leave the last leaf empty: SQLite must still find every key.
        for n in (460..480).chain(915..935) {
            let mut db = Database::new();
            let mut table = db.table("t", "CREATE TABLE t (id integer primary key, a integer)");
            for i in 0..n {
                table.row(i, &[Value::Null, Value::Int(-1)]).unwrap();
            }
            table.finish();
            db.index(Index::new(
                "t_a",
                "t",
                "CREATE INDEX t_a ON t (a)",
                (0..n).map(|i| [-1, i]).collect(),
            ));
            let conn = open(&db.finish().unwrap());
            let found: i64 = conn
                .query_row(
                    "SELECT count(*) FROM t INDEXED BY t_a WHERE a = -1",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(found, n, "{n} keys");
        }
        // (Leaves fill up after 468 keys and 454 more: with 469 or 924 keys, the
        // last key is the one that would go up.)
        let (pages, up) = partition(4, 36, |_| 10);
        assert_eq!((pages, up), (vec![0..2, 3..4], vec![2]));
    }

    #[test]
    fn rows_out_of_order_and_a_schema_too_long_are_errors() {
        let mut db = Database::new();
        let mut table = db.table("t", "CREATE TABLE t (id integer primary key)");
        table.row(5, &[Value::Null]).unwrap();
        let error = table.row(5, &[Value::Null]).unwrap_err();
        assert!(error.contains("increasing rowid order"), "{error}");
        table.finish();
        let mut db = Database::new();
        for i in 0..40 {
            let sql = format!(
                "CREATE TABLE t{i} (x integer, {})",
                "y integer, ".repeat(10)
            );
            db.table(&format!("t{i}"), &sql).finish();
        }
        let error = db.finish().expect_err("too long a schema");
        assert!(error.contains("first page"), "{error}");
    }

    #[test]
    fn text_in_an_integer_column_is_stored_as_sqlite_stores_it() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (x integer)").unwrap();
        for text in [
            "12",
            "  12  ",
            "+5",
            "-0",
            "1.0",
            "1e2",
            "1.5E+2",
            "-.5e1",
            "5.",
            ".5",
            "0012",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "1e18",
            "1e19",
            "1.5e-3",
            "1e400",
            "3.0000000000000001",
            "\t7\n",
            "2021",
            "",
            " ",
            "1_000",
            "12abc",
            "nan",
            "inf",
            "0x10",
            "1e",
            "e5",
            ".",
            "+",
            "12 34",
            "\u{a0}12",
            "١٢",
            "Оон",
        ] {
            conn.execute("DELETE FROM t", []).unwrap();
            conn.execute("INSERT INTO t VALUES (?1)", [text]).unwrap();
            let stored: Sql = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
            assert_eq!(sql(&Value::integer_affinity(text)), stored, "{text:?}");
        }
    }

    #[test]
    fn varints_are_sqlite_varints() {
        let cases: [(u64, &[u8]); 6] = [
            (0, &[0]),
            (0x7f, &[0x7f]),
            (0x80, &[0x81, 0]),
            (0x3fff, &[0xff, 0x7f]),
            (
                1 << 56,
                &[0x80, 0xc0, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00],
            ),
            (u64::MAX, &[0xff; 9]),
        ];
        for (value, bytes) in cases {
            let mut out = Vec::new();
            put_varint(&mut out, value);
            assert_eq!(out, bytes, "{value:#x}");
            assert_eq!(varint_len(value), bytes.len(), "{value:#x}");
        }
        for shift in 0..64 {
            for value in [(1u64 << shift) - 1, 1 << shift, (1 << shift) + 1] {
                let mut out = Vec::new();
                put_varint(&mut out, value);
                assert_eq!(out.len(), varint_len(value), "{value:#x}");
            }
        }
    }

    #[test]
    fn the_lock_page_is_skipped() {
        assert_eq!(next_page(PAGE), 2);
        assert_eq!(next_page(LOCK_BYTE - PAGE), LOCK_BYTE / PAGE);
        // The page holding the byte at 1 GiB is never used.
        assert_eq!(next_page(LOCK_BYTE), LOCK_BYTE / PAGE + 2);
    }
}
