//! Bytes to text, through `vigie_text::decode` (UTF-8, UTF-16 with BOM,
//! Windows-1252 / Latin-1 detected; binary refused).

use crate::Cause;

/// Decodes document bytes; binary input gives a [`Cause`].
pub fn decode(bytes: &[u8]) -> Result<String, Cause> {
    vigie_text::decode(bytes).map_err(|e| match e {
        vigie_text::TextError::Binary(why) => Cause::Binary(why),
        vigie_text::TextError::Empty => Cause::Empty,
        other => Cause::Encoding(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_binary() {
        assert_eq!(decode(b"caf\xe9 cr\xe8me").unwrap(), "café crème");
        assert_eq!(decode("é".as_bytes()).unwrap(), "é");
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(Cause::Binary(_))
        ));
        assert!(matches!(decode(b"ab\0cd"), Err(Cause::Binary(_))));
    }
}
