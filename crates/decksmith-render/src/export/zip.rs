//! A zip archive whose members are deflated in pieces on all cores.
//!
//! The Anki collection of a large deck is megabytes of SQLite pages, and deflating it on one
//! core was a fifth of the package's time. Deflate allows a stream made of pieces
//! compressed on their own: every piece but the last ends with a full flush (an empty
//! stored block, ending on a byte boundary, not marked final), so the pieces joined are one
//! stream, as `pigz` makes them. The zip crate compresses a member on the thread writing
//! it and takes no data compressed elsewhere, so the archive around the pieces is written
//! here: local headers, data, central directory, end record (the ZIP application note,
//! sections 4.3.7, 4.3.12, 4.3.16), without ZIP64, as no member comes near 4 GB.

use flate2::{Compress, Compression, FlushCompress, Status};
use rayon::prelude::*;

/// The deflate level: zlib's fastest. SQLite pages are mostly text and zeros, which the
/// fastest level takes to two fifths of their size.
const LEVEL: u32 = 1;

/// The size of a piece compressed on its own: large enough that the dictionary lost at each
/// start costs nothing measurable, small enough to spread a few megabytes over the cores.
const PIECE: usize = 512 << 10;

/// The date of every member, 1980-01-01 00:00 (the first date zip can hold), so the same
/// members give the same bytes; in MS-DOS form, date and time.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

/// An archive of `members` (name and contents), each deflated, files readable by all
/// (`0644`).
pub fn archive(members: &[(&str, &[u8])]) -> Result<Vec<u8>, String> {
    let too_big = |what: &str| format!("{what} is too big for a zip without ZIP64");
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in members {
        let packed = deflate(data)?;
        let crc = crc32fast::hash(data);
        let offset = u32::try_from(out.len()).map_err(|_| too_big("the archive"))?;
        let size = u32::try_from(data.len()).map_err(|_| too_big(name))?;
        let packed_size = u32::try_from(packed.len()).map_err(|_| too_big(name))?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big("a member's name"))?;
        // The fields a local header and its central directory entry share, from "version
        // needed to extract" to the length of the extra field.
        let mut common = Vec::with_capacity(26);
        for half in [20u16, 0, 8, DOS_TIME, DOS_DATE] {
            common.extend_from_slice(&half.to_le_bytes());
        }
        for word in [crc, packed_size, size] {
            common.extend_from_slice(&word.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        // Made by: Unix (3), zip 2.0, so readers take the permissions below.
        central.extend_from_slice(&((3u16 << 8) | 20).to_le_bytes());
        central.extend_from_slice(&common);
        // Comment length, disk number, internal attributes.
        central.extend_from_slice(&[0; 6]);
        central.extend_from_slice(&(0o100_644u32 << 16).to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(members.len()).map_err(|_| too_big("the member count"))?;
    let central_offset = u32::try_from(out.len()).map_err(|_| too_big("the archive"))?;
    let central_size = u32::try_from(central.len()).map_err(|_| too_big("the directory"))?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    // This disk, the directory's disk, entries on this disk, entries in all.
    for half in [0u16, 0, count, count] {
        out.extend_from_slice(&half.to_le_bytes());
    }
    out.extend_from_slice(&central_size.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

/// `data` as one raw deflate stream, its pieces compressed in parallel.
fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    let pieces: Vec<&[u8]> = if data.is_empty() {
        vec![data]
    } else {
        data.chunks(PIECE).collect()
    };
    let last = pieces.len() - 1;
    let packed: Vec<Vec<u8>> = pieces
        .par_iter()
        .enumerate()
        .map(|(i, piece)| deflate_piece(piece, i == last))
        .collect::<Result<_, _>>()?;
    Ok(packed.concat())
}

/// One piece of a deflate stream: ended by a full flush, or as the stream's end if `last`.
fn deflate_piece(piece: &[u8], last: bool) -> Result<Vec<u8>, String> {
    let mut z = Compress::new(Compression::new(LEVEL), false);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Full
    };
    let mut out = Vec::with_capacity(piece.len() / 2 + 64);
    loop {
        let read = usize::try_from(z.total_in()).unwrap_or(usize::MAX);
        let rest = piece.get(read..).unwrap_or_default();
        let status = z
            .compress_vec(rest, &mut out, flush)
            .map_err(|e| format!("cannot compress ({e})"))?;
        let consumed = z.total_in() == piece.len() as u64;
        match status {
            Status::StreamEnd => return Ok(out),
            // A flush is done when all input is in and the output did not fill up.
            _ if !last && consumed && out.len() < out.capacity() => return Ok(out),
            _ => out.reserve(out.capacity().max(256)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    #[test]
    fn members_read_back_whole_through_the_zip_crate() {
        // Several pieces, text-like and random-like, and an empty member.
        let mut big = Vec::new();
        let mut x: u32 = 1;
        while big.len() < 3 * PIECE + 1234 {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            big.extend_from_slice(format!("note {} ", x % 5000).as_bytes());
            big.push((x >> 24) as u8);
        }
        let members: [(&str, &[u8]); 3] =
            [("collection.anki2", &big), ("media", b"{}"), ("empty", b"")];
        let bytes = archive(&members).expect("an archive");
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        assert_eq!(zip.len(), 3);
        for (name, data) in members {
            let mut file = zip.by_name(name).expect("the member");
            assert_eq!(file.compression(), ::zip::CompressionMethod::Deflated);
            assert_eq!(file.unix_mode(), Some(0o100_644));
            let mut back = Vec::new();
            // Reading to the end checks the CRC.
            file.read_to_end(&mut back).expect("inflates");
            assert_eq!(back, data, "{name}");
        }
    }
}
