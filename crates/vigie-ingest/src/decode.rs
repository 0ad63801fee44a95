//! Bytes to text. Delegates to `vigie_text::decode` once available;
//! meanwhile: UTF-8 (BOM dropped), binary refused.

use crate::Cause;

/// Decodes document bytes; binary or undecodable input gives a [`Cause`].
pub fn decode(bytes: &[u8]) -> Result<String, Cause> {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if body.contains(&0) {
        return Err(Cause::Binary);
    }
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(Cause::Encoding(format!(
            "invalid UTF-8 at byte {}",
            e.valid_up_to()
        ))),
    }
}
