//! Data for the pages' scripts, and the Content-Security-Policy that lets only our own run.

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// `value` as JSON that is safe inside `<script type="application/json">`.
///
/// The HTML parser ends a script element at `</script` and treats `<!--` specially inside
/// it, whatever the JSON means; so `<`, `>` and `&` are written as `\u003c`, `\u003e` and
/// `\u0026`, which JSON reads back as the same characters. U+2028 and U+2029 are escaped
/// too, for tools that read the data as JavaScript.
pub fn script_json(value: &impl Serialize) -> Result<String, serde_json::Error> {
    let json = serde_json::to_string(value)?;
    let mut out = String::with_capacity(json.len() + json.len() / 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// The CSP source that allows exactly this inline script or style: `'sha256-…'`.
pub fn csp_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
