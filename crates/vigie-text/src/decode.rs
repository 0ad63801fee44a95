//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy
//! single-byte encodings (Windows-1252 / Latin-1 …) detected by `chardetng`.
//! Binary input (images, archives, PDFs, executables) is refused.

use crate::TextError;

/// Magic numbers of common binary formats, with a name for the error message.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ\x90\x00", "Windows executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "OLE document (old MS Office)"),
];

/// Decodes raw bytes to a `String`.
///
/// * UTF-8 is taken as is (a leading BOM is dropped);
/// * UTF-16 LE/BE needs its BOM;
/// * anything else is run through `chardetng` (Windows-1252 for Western text)
///   and decoded with `encoding_rs`.
///
/// Binary input is refused with [`TextError::Binary`]: known magic numbers,
/// NUL bytes, or too many control characters.
pub fn decode(bytes: &[u8]) -> Result<String, TextError> {
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(TextError::Binary(format!("looks like a {what}")));
        }
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            let rest = bytes.get(bom_len..).unwrap_or_default();
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            if had_errors {
                return Err(TextError::Binary(format!(
                    "invalid {} after its byte-order mark",
                    enc.name()
                )));
            }
            let text = text.into_owned();
            check_controls(text.as_bytes())?;
            return Ok(text);
        }
    }
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if memchr::memchr(0, body).is_some() {
        return Err(TextError::Binary("contains NUL bytes".into()));
    }
    check_controls(body)?;
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(s.to_owned());
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(body, true);
    let enc = det.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, _) = enc.decode(body);
    Ok(text.into_owned())
}

/// Refuses text where more than 1 % of the first 64 KiB are C0 control
/// characters other than tab, LF, VT, FF and CR (a sign of binary data).
fn check_controls(bytes: &[u8]) -> Result<(), TextError> {
    let head = bytes.get(..65536).unwrap_or(bytes);
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
        .count();
    if controls * 100 > head.len().max(1) && controls > 2 {
        return Err(TextError::Binary(format!(
            "{controls} control bytes in the first {} bytes",
            head.len()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        assert_eq!(decode("déjà".as_bytes()).unwrap(), "déjà");
        assert_eq!(decode(b"\xef\xbb\xbfabc").unwrap(), "abc");
    }

    #[test]
    fn windows_1252_is_detected() {
        // "L'été coûte 3 000 € à Nîmes" in Windows-1252, with a curly apostrophe.
        let bytes = b"L\x92\xe9t\xe9 co\xfbte 3\xa0000 \x80 \xe0 N\xeemes, d\xe9j\xe0 pr\xe9vu.";
        let s = decode(bytes).unwrap();
        assert_eq!(s, "L\u{2019}été coûte 3\u{a0}000 € à Nîmes, déjà prévu.");
    }

    #[test]
    fn utf16_with_bom() {
        let mut b = vec![0xff, 0xfe];
        for u in "Prix €".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&b).unwrap(), "Prix €");
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n...."),
            Err(TextError::Binary(_))
        ));
        assert!(matches!(decode(b"abc\0def"), Err(TextError::Binary(_))));
        let junk: Vec<u8> = (0u8..=255)
            .cycle()
            .skip(1)
            .take(4000)
            .filter(|&b| b != 0)
            .collect();
        assert!(matches!(decode(&junk), Err(TextError::Binary(_))));
    }
}
