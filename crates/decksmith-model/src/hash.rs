//! FNV-1a, the one small, specified hash of the workspace.
//!
//! The standard library's hasher may change between releases, and these values end up in
//! outputs that must come out byte for byte the same: seeded random streams, the PDF's
//! document id and font tags, Anki's revision history.

/// The 64-bit FNV-1a hasher.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv(u64);

impl Fnv {
    /// The standard offset basis.
    pub const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    /// A hasher with the standard offset basis.
    pub fn new() -> Fnv {
        Fnv(Fnv::BASIS)
    }

    /// A hasher started from another basis (a hash so far, or a second, independent half of
    /// a longer id).
    pub fn with_basis(basis: u64) -> Fnv {
        Fnv(basis)
    }

    /// Adds bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Fnv::PRIME);
        }
    }

    /// The hash so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

/// FNV-1a of `bytes` from the standard basis.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv::new();
    hash.write(bytes);
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_test_vectors() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn hashing_in_pieces_is_hashing_the_whole() {
        let mut hash = Fnv::new();
        hash.write(b"foo");
        let mut rest = Fnv::with_basis(hash.finish());
        rest.write(b"bar");
        assert_eq!(rest.finish(), fnv1a(b"foobar"));
    }
}
