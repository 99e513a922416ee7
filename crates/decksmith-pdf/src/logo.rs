//! A course's logo (`print: logo:`): decoded once per build, printed at the top left of every
//! worksheet and answer key page, beside the print header.
//!
//! printpdf decodes the image (PNG or JPEG, through the `image` crate) and writes it as an
//! image XObject; each PDF holds it once, and every page that shows it draws that one object.

use std::io::Cursor;

use image::{ImageFormat, ImageReader};
use printpdf::RawImage;

/// The most pixels a logo has on a side: far more than 9 mm of paper shows (about 100 pixels
/// at 300 dpi), and little enough that decoding one takes no noticeable time or memory.
pub const MAX_SIDE: u32 = 4000;

/// How high a logo is printed, in points.
pub const HEIGHT: f32 = 9.0 * super::plan::MM;
/// How wide a logo may be printed, in points: a wider one is printed smaller.
pub const MAX_WIDTH: f32 = 45.0 * super::plan::MM;

/// A decoded logo.
#[derive(Clone, Debug)]
pub struct Logo {
    pub(crate) image: RawImage,
    /// A hash of the file, for the PDF's id.
    pub(crate) hash: u64,
    width: u32,
    height: u32,
}

impl Logo {
    /// Decodes a PNG or JPEG file. The error says what is wrong with it, in words for the
    /// teacher (the caller names the file).
    pub fn decode(bytes: &[u8]) -> Result<Logo, String> {
        let reader = ImageReader::new(Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|e| format!("it cannot be read ({e})"))?;
        match reader.format() {
            Some(ImageFormat::Png | ImageFormat::Jpeg) => {}
            Some(other) => {
                return Err(format!(
                    "it is a {} image, not a PNG or JPEG one",
                    other
                        .extensions_str()
                        .first()
                        .unwrap_or(&"different")
                        .to_uppercase()
                ));
            }
            None => return Err("it is not a PNG or JPEG image".to_owned()),
        }
        let (width, height) = reader
            .into_dimensions()
            .map_err(|e| format!("it is not a whole PNG or JPEG image ({e})"))?;
        if width == 0 || height == 0 {
            return Err("it is an empty image".to_owned());
        }
        if width > MAX_SIDE || height > MAX_SIDE {
            return Err(format!(
                "it is {width}×{height} pixels; a logo can have at most {MAX_SIDE} on a side"
            ));
        }
        let mut warnings = Vec::new();
        let image = RawImage::decode_from_bytes(bytes, &mut warnings)
            .map_err(|e| format!("it is not a whole PNG or JPEG image ({e})"))?;
        let mut hash = decksmith_model::hash::Fnv::new();
        hash.write(bytes);
        Ok(Logo {
            image,
            hash: hash.finish(),
            width,
            height,
        })
    }

    /// The size it is printed at, in points: [`HEIGHT`] high, unless that would make it wider
    /// than [`MAX_WIDTH`].
    pub fn size(&self) -> (f32, f32) {
        let aspect = self.width as f32 / self.height as f32;
        let width = (HEIGHT * aspect).min(MAX_WIDTH);
        (width, width / aspect)
    }
}
