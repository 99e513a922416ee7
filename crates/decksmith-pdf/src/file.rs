//! The PDF file: objects to bytes, in the compact form of PDF 1.5.
//!
//! Streams are written whole; every other object (page dictionaries, above all: a deck of
//! 10,000 cards has 2,500 of them) goes into compressed object streams, and the
//! cross-reference table is itself a compressed stream (ISO 32000-1, 7.5.7 and 7.5.8). That
//! takes a card sheet's overhead from some 180 bytes to some 80. lopdf can write this form too,
//! but serializes each such object three times over and clones it; for thousands of pages
//! that was a tenth of the time of a large `flashcards.pdf`, on one core.

use lopdf::{Dictionary, Object, StringFormat};

use super::emit::EmitError;

/// How many objects share an object stream: a reader that wants one page inflates the
/// dictionaries of this many.
const PER_OBJECT_STREAM: usize = 200;

/// Where an object is, for the cross-reference stream.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Entry {
    /// No object has this number.
    Free,
    /// Written whole, at this byte offset.
    At(u64),
    /// The `index`th object of the object stream numbered `container`.
    Packed { container: u32, index: u32 },
}

/// A PDF file being written.
pub struct Writer {
    out: Vec<u8>,
    entries: Vec<Entry>,
    /// The objects to pack into object streams: number and serialized value.
    packed: Vec<(u32, Vec<u8>)>,
}

impl Writer {
    /// A file with its header, expecting about `capacity` bytes.
    pub fn new(capacity: usize) -> Writer {
        let mut out = Vec::with_capacity(capacity);
        // The comment of four high bytes tells file transfer tools the file is binary.
        out.extend_from_slice(b"%PDF-1.5\n%\xE2\xE3\xCF\xD3\n");
        Writer {
            out,
            entries: Vec::new(),
            packed: Vec::new(),
        }
    }

    fn record(&mut self, number: u32, entry: Entry) {
        let i = number as usize;
        if self.entries.len() <= i {
            self.entries.resize(i + 1, Entry::Free);
        }
        self.entries[i] = entry;
    }

    /// Writes a stream whole: `dict` (its `/Length` is set from `content`) and `content`.
    pub fn stream(&mut self, number: u32, dict: &Dictionary, content: &[u8]) {
        self.record(number, Entry::At(self.out.len() as u64));
        let out = &mut self.out;
        int(out, u64::from(number));
        out.extend_from_slice(b" 0 obj\n<<");
        for (key, value) in dict.iter() {
            if key.as_slice() != b"Length" {
                name(out, key);
                separate(out, value);
                object(out, value);
            }
        }
        out.extend_from_slice(b"/Length ");
        int(out, content.len() as u64);
        out.extend_from_slice(b">>stream\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// Writes a stream of already deflated `content` whole.
    pub fn deflated(&mut self, number: u32, content: &[u8]) {
        self.record(number, Entry::At(self.out.len() as u64));
        let out = &mut self.out;
        int(out, u64::from(number));
        out.extend_from_slice(b" 0 obj\n<</Filter/FlateDecode/Length ");
        int(out, content.len() as u64);
        out.extend_from_slice(b">>stream\n");
        out.extend_from_slice(content);
        out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    /// Adds an object that is not a stream, serialized, to go into an object stream.
    pub fn packed(&mut self, number: u32, value: Vec<u8>) {
        self.packed.push((number, value));
    }

    /// Adds an object that is not a stream, to go into an object stream.
    pub fn object(&mut self, number: u32, value: &Object) {
        let mut bytes = Vec::new();
        object(&mut bytes, value);
        self.packed(number, bytes);
    }

    /// Writes the object streams, numbered from `next`, and the cross-reference stream with
    /// `trailer`'s entries (`/Root`, `/Info`, `/ID`); the file's bytes.
    pub fn finish(mut self, mut next: u32, trailer: &Dictionary) -> Result<Vec<u8>, EmitError> {
        let packed = std::mem::take(&mut self.packed);
        for group in packed.chunks(PER_OBJECT_STREAM) {
            let container = next;
            next += 1;
            let mut header = Vec::new();
            let mut body = Vec::new();
            for (index, (number, value)) in group.iter().enumerate() {
                int(&mut header, u64::from(*number));
                header.push(b' ');
                int(&mut header, body.len() as u64);
                header.push(b' ');
                body.extend_from_slice(value);
                body.push(b'\n');
                self.record(
                    *number,
                    Entry::Packed {
                        container,
                        index: index as u32,
                    },
                );
            }
            let first = header.len();
            header.extend_from_slice(&body);
            let content = deflate(&header)?;
            let mut dict = Dictionary::new();
            dict.set("Type", Object::Name(b"ObjStm".to_vec()));
            dict.set("N", Object::Integer(group.len() as i64));
            dict.set("First", Object::Integer(first as i64));
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            self.stream(container, &dict, &content);
        }

        // The cross-reference stream: a type byte, four bytes of offset or container, two of
        // index, for every object number up to its own.
        let number = next;
        let start = self.out.len() as u64;
        self.record(number, Entry::At(start));
        let mut rows = Vec::with_capacity(self.entries.len() * 7);
        for entry in &self.entries {
            let (kind, field, index) = match *entry {
                Entry::Free => (0u8, 0u64, 0u32),
                Entry::At(offset) => (1, offset, 0),
                Entry::Packed { container, index } => (2, u64::from(container), index),
            };
            let field = u32::try_from(field).map_err(|_| EmitError::TooBig("the file"))?;
            let index = u16::try_from(index).map_err(|_| EmitError::TooBig("an object stream"))?;
            rows.push(kind);
            rows.extend_from_slice(&field.to_be_bytes());
            rows.extend_from_slice(&index.to_be_bytes());
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"XRef".to_vec()));
        dict.set("Size", Object::Integer(i64::from(number) + 1));
        dict.set(
            "W",
            Object::Array(vec![
                Object::Integer(1),
                Object::Integer(4),
                Object::Integer(2),
            ]),
        );
        for key in [b"Root".as_slice(), b"Info", b"ID"] {
            if let Ok(value) = trailer.get(key) {
                dict.set(key, value.clone());
            }
        }
        dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let content = deflate(&rows)?;
        self.stream(number, &dict, &content);
        self.out.extend_from_slice(b"startxref\n");
        int(&mut self.out, start);
        self.out.extend_from_slice(b"\n%%EOF\n");
        Ok(self.out)
    }
}

/// `bytes` deflated in the zlib format, as `FlateDecode` reads it.
fn deflate(bytes: &[u8]) -> Result<Vec<u8>, EmitError> {
    let level = libdeflater::CompressionLvl::new(6).map_err(EmitError::Level)?;
    let mut z = libdeflater::Compressor::new(level);
    let mut out = vec![0; z.zlib_compress_bound(bytes.len())];
    let written = z
        .zlib_compress(bytes, &mut out)
        .map_err(EmitError::Deflate)?;
    out.truncate(written);
    Ok(out)
}

/// A space between a dictionary key and its value, where the value does not begin with a
/// delimiter.
fn separate(out: &mut Vec<u8>, value: &Object) {
    if !matches!(
        value,
        Object::Name(_)
            | Object::String(..)
            | Object::Array(_)
            | Object::Dictionary(_)
            | Object::Stream(_)
    ) {
        out.push(b' ');
    }
}

/// `value` in PDF syntax. A stream inside another object cannot be (streams are always
/// indirect objects): it is written as `null`.
pub fn object(out: &mut Vec<u8>, value: &Object) {
    match value {
        Object::Null | Object::Stream(_) => out.extend_from_slice(b"null"),
        Object::Boolean(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Object::Integer(i) => {
            if *i < 0 {
                out.push(b'-');
            }
            int(out, i.unsigned_abs());
        }
        Object::Real(r) => real(out, *r),
        Object::Name(n) => name(out, n),
        Object::String(s, StringFormat::Literal) => literal(out, s),
        Object::String(s, StringFormat::Hexadecimal) => {
            out.push(b'<');
            for b in s {
                out.extend_from_slice(format!("{b:02X}").as_bytes());
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b' ');
                }
                object(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => {
            out.extend_from_slice(b"<<");
            for (key, value) in dict.iter() {
                name(out, key);
                separate(out, value);
                object(out, value);
            }
            out.extend_from_slice(b">>");
        }
        Object::Reference((number, generation)) => {
            int(out, u64::from(*number));
            out.push(b' ');
            int(out, u64::from(*generation));
            out.extend_from_slice(b" R");
        }
    }
}

/// A non-negative integer in decimal.
pub fn int(out: &mut Vec<u8>, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// A real number: decimal, never an exponent (PDF has none), to five places at most.
fn real(out: &mut Vec<u8>, r: f32) {
    let r = if r.is_finite() { f64::from(r) } else { 0.0 };
    let text = format!("{r:.5}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    out.extend_from_slice(if text == "-0" { b"0" } else { text.as_bytes() });
}

/// A name: `/` and its bytes, with `#xx` for those outside printable ASCII and the
/// delimiters (ISO 32000-1, 7.3.5).
fn name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &b in name {
        if (0x21..=0x7E).contains(&b) && !b"()<>[]{}/%#".contains(&b) {
            out.push(b);
        } else {
            out.extend_from_slice(format!("#{b:02X}").as_bytes());
        }
    }
}

/// A literal string, with the bytes PDF syntax gives meaning escaped.
fn literal(out: &mut Vec<u8>, s: &[u8]) {
    out.push(b'(');
    for &b in s {
        match b {
            b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => out.push(b),
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &Object) -> String {
        let mut out = Vec::new();
        object(&mut out, value);
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn objects_are_written_in_pdf_syntax() {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Count", Object::Integer(-3));
        dict.set("Box", Object::Array(vec![0.into(), Object::Real(595.2756)]));
        dict.set("Parent", Object::Reference((3, 0)));
        dict.set(
            "T",
            Object::String(b"a(b)\\c\r".to_vec(), StringFormat::Literal),
        );
        dict.set(
            "ID",
            Object::String(vec![0xAB, 0x01], StringFormat::Hexadecimal),
        );
        dict.set("N", Object::Name(b"A B#/".to_vec()));
        assert_eq!(
            written(&Object::Dictionary(dict)),
            "<</Type/Page/Count -3/Box[0 595.27557]/Parent 3 0 R/T(a\\(b\\)\\\\c\\r)\
             /ID<AB01>/N/A#20B#23#2F>>"
        );
        assert_eq!(written(&Object::Real(12.0)), "12");
        assert_eq!(written(&Object::Real(-0.0)), "0");
        assert_eq!(written(&Object::Real(f32::NAN)), "0");
        assert_eq!(written(&Object::Real(0.25)), "0.25");
    }

    #[test]
    fn a_file_reads_back_with_its_objects_packed_and_its_streams_whole() {
        let mut w = Writer::new(0);
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        catalog.set("Pages", Object::Reference((2, 0)));
        w.object(1, &Object::Dictionary(catalog));
        w.packed(
            2,
            b"<</Type/Pages/Count 1/Kids[3 0 R]/MediaBox[0 0 200 100]>>".to_vec(),
        );
        w.packed(3, b"<</Type/Page/Parent 2 0 R/Contents 4 0 R>>".to_vec());
        let content = deflate(b"0 0 m 10 10 l S").expect("deflates");
        w.deflated(4, &content);
        let mut trailer = Dictionary::new();
        trailer.set("Root", Object::Reference((1, 0)));
        let bytes = w.finish(5, &trailer).expect("written");

        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        assert_eq!(doc.get_pages().len(), 1);
        let page = doc.get_pages()[&1];
        assert_eq!(page, (3, 0));
        assert_eq!(
            doc.get_page_content(page).trim_ascii_end(),
            b"0 0 m 10 10 l S"
        );
        let tail = String::from_utf8_lossy(&bytes[bytes.len() - 30..]).into_owned();
        assert!(tail.ends_with("%%EOF\n"), "{tail}");
    }
}
