//! Publication dates in the spellings found in feeds, meta tags and JSON
//! (ISO 8601, RFC 2822, `13/05/2024`, `13 mai 2024`, `May 13, 2024`, …)
//! normalised to `YYYY-MM-DD`. The date is taken as written (no time-zone
//! shift), which is what the page's readers saw.

/// Normalises a date string to `YYYY-MM-DD`; `None` when no valid calendar
/// date can be read from it.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    let b = s.as_bytes();
    // ISO: YYYY-MM-DD (or YYYY/MM/DD), possibly followed by a time.
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && (b[4] == b'-' || b[4] == b'/' || b[4] == b'.')
        && b[7] == b[4]
    {
        let y = num(&s[0..4])?;
        let m = num(s.get(5..7)?)?;
        let d = num(s.get(8..10)?)?;
        if b.len() > 10 && b[10].is_ascii_digit() {
            return None;
        }
        return ymd(y, m, d);
    }
    // Compact ISO: YYYYMMDD.
    if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
        return ymd(num(&s[0..4])?, num(&s[4..6])?, num(&s[6..8])?);
    }
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    // Numeric day-first: DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY (European
    // usage), also after words ("Le 12/03/2019 à 10:05").
    for w in tokens.windows(3) {
        let [d, m, y] = w else { continue };
        if y.len() == 4 && d.len() <= 2 && m.len() <= 2 {
            if let (Some(d), Some(m), Some(y)) = (num(d), num(m), num(y)) {
                if let Some(out) = ymd(y, m, d) {
                    return Some(out);
                }
            }
        }
    }
    // Words: "Mon, 13 May 2024 10:00:00 GMT", "13 mai 2024", "1er juin 2024",
    // "May 13, 2024", "mardi 14 mai 2024".
    let mut year = None;
    let mut month = None;
    let mut day = None;
    for t in &tokens {
        let lower = t.to_lowercase();
        if month.is_none() {
            if let Some(m) = month_number(&lower) {
                month = Some(m);
                continue;
            }
        }
        let digits = lower
            .strip_suffix("er")
            .or_else(|| lower.strip_suffix("st"))
            .or_else(|| lower.strip_suffix("nd"))
            .or_else(|| lower.strip_suffix("rd"))
            .or_else(|| lower.strip_suffix("th"))
            .unwrap_or(&lower);
        if !digits.bytes().all(|c| c.is_ascii_digit()) || digits.is_empty() {
            continue;
        }
        if digits.len() == 4 && year.is_none() {
            year = num(digits);
        } else if digits.len() <= 2 && day.is_none() && year.is_none() {
            day = num(digits);
        }
        if year.is_some() && month.is_some() && day.is_some() {
            break;
        }
    }
    ymd(year?, month?, day?)
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        _ => 28,
    }
}

fn month_number(t: &str) -> Option<u32> {
    const MONTHS: &[(&str, u32)] = &[
        ("january", 1),
        ("jan", 1),
        ("janvier", 1),
        ("janv", 1),
        ("february", 2),
        ("feb", 2),
        ("février", 2),
        ("fevrier", 2),
        ("févr", 2),
        ("fevr", 2),
        ("fév", 2),
        ("march", 3),
        ("mar", 3),
        ("mars", 3),
        ("april", 4),
        ("apr", 4),
        ("avril", 4),
        ("avr", 4),
        ("may", 5),
        ("mai", 5),
        ("june", 6),
        ("jun", 6),
        ("juin", 6),
        ("july", 7),
        ("jul", 7),
        ("juillet", 7),
        ("juil", 7),
        ("august", 8),
        ("aug", 8),
        ("août", 8),
        ("aout", 8),
        ("september", 9),
        ("sep", 9),
        ("sept", 9),
        ("septembre", 9),
        ("october", 10),
        ("oct", 10),
        ("octobre", 10),
        ("november", 11),
        ("nov", 11),
        ("novembre", 11),
        ("december", 12),
        ("dec", 12),
        ("décembre", 12),
        ("decembre", 12),
        ("déc", 12),
    ];
    MONTHS.iter().find(|(n, _)| *n == t).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_spellings() {
        let cases = [
            ("2024-05-13", "2024-05-13"),
            ("2024-05-13T10:30:00+02:00", "2024-05-13"),
            ("2024/05/13", "2024-05-13"),
            ("20240513", "2024-05-13"),
            ("Mon, 13 May 2024 10:00:00 GMT", "2024-05-13"),
            ("13 mai 2024", "2024-05-13"),
            ("1er juin 2024", "2024-06-01"),
            ("mardi 14 mai 2024 à 10h", "2024-05-14"),
            ("May 13, 2024", "2024-05-13"),
            ("13/05/2024", "2024-05-13"),
            ("13.05.2024", "2024-05-13"),
            ("29 février 2024", "2024-02-29"),
            ("3 Août 2023", "2023-08-03"),
            ("Le 12/03/2019 à 10:05", "2019-03-12"),
            ("Mis en ligne le 03/02/2022 - Economie", "2022-02-03"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn invalid_dates_are_none() {
        for input in [
            "",
            "2024-13-01",
            "2023-02-29",
            "hier",
            "2024-05-1x",
            "32 mai 2024",
            "May 2024",
            "2024-05-131",
        ] {
            assert_eq!(normalize_date(input), None, "{input}");
        }
    }
}
