//! Stable ids that outlive a build: the GUID of a card, which is the GUID of its note in
//! `deck.apkg` and the key of its spaced-repetition state in `flashcards.html`.
//!
//! Both read the GUID from [`crate::Card::guid`], made here and nowhere else, so a student's
//! progress in the page and their notes in Anki follow the same card from build to build.

/// The first 64 bits of the SHA-1 of `parts`, each followed by a NUL byte.
///
/// The value must never change between releases: Anki matches notes by the GUIDs made
/// from it, and the flashcards page keeps a student's progress under them.
pub fn hash64(parts: &[&str]) -> u64 {
    use sha1::Digest as _;
    let mut sha = sha1::Sha1::new();
    for part in parts {
        sha.update(part.as_bytes());
        sha.update([0]);
    }
    let digest = sha.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// The GUID of a card (or of any other id within a deck): 16 hex digits from the course's
/// title, the deck's id and the card's id.
pub fn guid(course_title: &str, deck: &str, id: &str) -> String {
    format!(
        "{:016x}",
        hash64(&["decksmith", course_title.trim(), deck, id])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_guids_stay_what_they_were() {
        // Ids and GUIDs must not change from release to release, or a new package would
        // not update the notes an old one made, and a student's saved progress would be lost.
        assert_eq!(hash64(&["a", "bc"]), 0xc462_8cab_7124_ae90);
        assert_ne!(hash64(&["ab", "c"]), hash64(&["a", "bc"]));
        assert_eq!(guid(" C ", "d", "e"), guid("C", "d", "e"));
        assert_ne!(guid("C", "d", "e"), guid("C", "d", "e-reverse"));
    }
}
