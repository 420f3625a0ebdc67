//! Guessing the fix for a bad value: the number it meant, or the allowed value it was meant to
//! be. Only used once a value has failed, so none of this is on the hot path. (A format's own fix
//! is beside its check, in `formats`.)

use crate::i18n::Text;
use crate::t;

/// Help for a value that is not a plain number: the number it seems to mean.
pub fn number_help(value: &str) -> Option<Text> {
    let mut text = value.trim().to_string();
    let mut negative = false;
    if text.starts_with('(') && text.ends_with(')') {
        negative = true;
        text = text[1..text.len() - 1].to_string();
    }
    let had_pound = text.contains('£');
    if let Some(number) = decimal_comma(text.trim_start_matches('£').trim()) {
        let sign = if negative { "-" } else { "" };
        return Some(t!(
            "suggest-decimal-comma",
            number = format!("{sign}{number}"),
        ));
    }
    let had_comma = text.contains(',');
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '£' | ',' | ' ' | '\u{a0}'))
        .collect();
    let cleaned = if negative {
        format!("-{cleaned}")
    } else {
        cleaned
    };
    let plain = !cleaned.is_empty()
        && cleaned
            .trim_start_matches('-')
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
        && cleaned.matches('.').count() <= 1
        && cleaned
            .trim_start_matches('-')
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
    if !plain {
        if value.trim().eq_ignore_ascii_case("n/a") || value.trim() == "-" {
            return Some(t!("suggest-leave-empty"));
        }
        if value.matches('.').count() > 1 {
            return Some(t!("suggest-decimal-points"));
        }
        return None;
    }
    let mut reasons = Vec::new();
    if had_pound {
        reasons.push(t!("suggest-no-pound-sign"));
    }
    if had_comma {
        reasons.push(t!("suggest-no-thousands-separators"));
    }
    if negative {
        reasons.push(t!("suggest-minus-sign"));
    }
    // "no £ sign, no thousands separators".
    let reasons = reasons
        .into_iter()
        .reduce(|first, next| t!("suggest-reasons", first = first, next = next))?;
    Some(t!(
        "suggest-write-it-as",
        number = cleaned,
        reasons = reasons,
    ))
}

/// `1500,50` or `1.500,50` (a decimal comma, as spreadsheets in many locales write it) as
/// `1500.50`. A comma followed by three digits is a UK thousands separator, not this.
fn decimal_comma(text: &str) -> Option<String> {
    let (whole, decimals) = text.rsplit_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&decimals.len()) || !digits(decimals) {
        return None;
    }
    let mut groups = whole.trim_start_matches('-').split('.');
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    if !digits(first) || rest.iter().any(|g| g.len() != 3 || !digits(g)) {
        return None;
    }
    let sign = if whole.starts_with('-') { "-" } else { "" };
    Some(format!("{sign}{first}{}.{decimals}", rest.concat()))
}

/// The allowed value closest to `value`: the same but for case or spacing, or one or two edits away.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(value);
    let lower = value.to_lowercase();
    let lower_length = lower.chars().count();
    let mut candidate_folded = String::new();
    // (rank, candidate): an equal-when-folded candidate ranks 0, others by edit distance; ties go
    // to the smallest candidate, so that the answer does not depend on a set's iteration order.
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        fold_into(candidate, &mut candidate_folded);
        let rank = if candidate_folded == folded {
            0
        } else {
            // The candidate's length as written (which sets the limit) and lower-cased (which is
            // what the edit distance compares), in one walk.
            let (candidate_length, candidate_lower_length) =
                candidate.chars().fold((0, 0), |(n, lower), c| {
                    (n + 1, lower + c.to_lowercase().count())
                });
            let limit = if candidate_length <= 4 { 1 } else { 2 };
            // Texts whose lengths differ by more than the limit are further apart than it: no
            // edit distance to work out (it costs a step for every pair of characters, and a
            // file can ask for thousands of suggestions).
            if lower_length.abs_diff(candidate_lower_length) > limit {
                continue;
            }
            let distance = strsim::levenshtein(&lower, &candidate.to_lowercase());
            if distance > limit {
                continue;
            }
            distance + 1
        };
        if best.is_none_or(|b| (rank, candidate) < b) {
            best = Some((rank, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Case, spacing, `_` and `-` ignored: the comparison `header.match: normalised` uses.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold`], written into `out` (cleared first), for callers that fold many values.
pub fn fold_into(text: &str, out: &mut String) {
    out.clear();
    // No trim first: spaces at either end are gaps with nothing after (or before) them.
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() || c == '_' || c == '-' {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Longest text folded on the stack, a byte at a time.
const SHORT: usize = 64;

/// In [`FOLD`]: a byte that separates words (ASCII whitespace, the vertical tab among them as
/// `char::is_whitespace` has it, `_` and `-`; not the separators 0x1C-0x1F, which Rust does not
/// count as whitespace).
const GAP: u8 = 0x80;
/// In [`FOLD`]: a byte of a character beyond ASCII, which [`fold_into`] lowercases by its rules.
const NOT_ASCII: u8 = 0xFF;

/// Each byte as folding takes it: lowercased, [`GAP`] or [`NOT_ASCII`]. One table read a byte
/// where the tests of whitespace, separators and case had cost twice as much.
const FOLD: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let byte = i as u8;
        table[i] = if !byte.is_ascii() {
            NOT_ASCII
        } else if byte.is_ascii_whitespace() || matches!(byte, b'\x0b' | b'_' | b'-') {
            GAP
        } else {
            byte.to_ascii_lowercase()
        };
        i += 1;
    }
    table
};

/// [`fold`] of plain ASCII text of at most [`SHORT`] bytes (almost every code-list cell), into
/// `buffer`, a byte at a time; `None` for other text. [`with_folded`], the code-list lookups'
/// fold, tries it first: decoding and pushing characters one by one had cost twenty-odd
/// instructions a byte. Folding never lengthens a text: a gap of one or more bytes becomes one
/// space, and only between words.
fn fold_short<'b>(text: &str, buffer: &'b mut [u8; SHORT]) -> Option<&'b str> {
    if text.len() > SHORT {
        return None;
    }
    let mut len = 0;
    let mut gap = false;
    for &b in text.as_bytes() {
        let folded = FOLD[usize::from(b)];
        if folded >= GAP {
            if folded == NOT_ASCII {
                return None;
            }
            gap = true;
            continue;
        }
        if gap && len > 0 {
            *buffer.get_mut(len)? = b' ';
            len += 1;
        }
        gap = false;
        *buffer.get_mut(len)? = folded;
        len += 1;
    }
    std::str::from_utf8(buffer.get(..len)?).ok()
}

/// `f` of `text` folded, in a buffer each thread keeps: code-list cells are folded without an
/// allocation.
pub fn with_folded<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let mut buffer = [0u8; SHORT];
    if let Some(folded) = fold_short(text, &mut buffer) {
        return f(folded);
    }
    FOLDED.with_borrow_mut(|folded| {
        fold_into(text, folded);
        f(folded)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_without_a_trim_is_folding_after_one() {
        let trimmed_first = |text: &str| fold(text.trim());
        for text in [
            "  Not Permissioned ",
            "\u{2003}mixed_ownership\t",
            "-lead-",
            "__",
            " a - b ",
            "Ünïcode  Text\u{a0}",
            "",
        ] {
            assert_eq!(fold(text), trimmed_first(text), "{text:?}");
        }
        assert_eq!(fold(" Not_permissioned "), "not permissioned");
    }

    #[test]
    fn ascii_text_folds_as_characters_do() {
        let every_byte: String = (0u8..128).map(char::from).collect();
        let (low, high) = every_byte.split_at(64);
        for text in [
            every_byte.as_str(),
            low,
            high,
            "  Not Permissioned ",
            "a\x0bb\x0cc\x1fd",
            "-lead-",
            "MIXED__Ownership",
            "Ünïcode  Text",
            "Not\u{a0}permissioned",
        ] {
            let mut chars = String::new();
            fold_into(text, &mut chars);
            let mut buffer = [0u8; SHORT];
            match fold_short(text, &mut buffer) {
                Some(bytes) => assert_eq!(bytes, chars, "{text:?}"),
                None => assert!(text.len() > SHORT || !text.is_ascii(), "{text:?}"),
            }
            assert_eq!(with_folded(text, str::to_string), chars, "{text:?}");
        }
    }

    /// A format's help in English, whether the format gives it as plain words or from the
    /// catalogue.
    fn format_help(name: &str, value: &str) -> Option<String> {
        trait English {
            fn english(self) -> String;
        }
        impl English for String {
            fn english(self) -> String {
                self
            }
        }
        impl English for Text {
            fn english(self) -> String {
                self.render(crate::i18n::Lang::En)
            }
        }
        crate::formats::help(name, value).map(English::english)
    }

    #[test]
    fn dates_are_rewritten_in_the_required_form() {
        assert_eq!(
            format_help("date", "2023-12-01 00:00:00").as_deref(),
            Some("leave out the time: write 2023-12-01")
        );
        assert_ne!(
            format_help("date", "1991-07-1899").as_deref(),
            Some("leave out the time: write 1991-07-18")
        );
        assert_eq!(
            format_help("date", "31/10/2025").as_deref(),
            Some("this is a UK (day-first) date; write it as 2025-10-31")
        );
        assert_eq!(
            format_help("uk-date", "2025-04-29").as_deref(),
            Some("this is an ISO date; write it as 29/04/2025")
        );
        assert_eq!(
            format_help("uk-date", "9/4/2025").as_deref(),
            Some("write it exactly as 09/04/2025")
        );
        assert_eq!(
            format_help("date", "2025-02-30").as_deref(),
            Some("this date does not exist: month 2 has no day 30")
        );
        assert_eq!(
            format_help("date", "2025-13-01").as_deref(),
            Some("there is no month 13")
        );
    }

    #[test]
    fn decimal_commas_become_full_stops() {
        let help = |v: &str| {
            number_help(v)
                .map(|text| text.english())
                .unwrap_or_default()
        };
        assert!(help("1500,50").starts_with("write it as 1500.50 (a full stop"));
        assert!(help("1.500,5").starts_with("write it as 1500.5 "));
        assert!(help("£12,00").starts_with("write it as 12.00 "));
        assert!(help("(12,50)").starts_with("write it as -12.50 "));
        // Three digits after a comma are thousands, as in the UK.
        assert!(help("1,500").contains("no thousands separators"));
    }

    #[test]
    fn numbers_lose_pounds_and_separators() {
        let words = |v: &str| number_help(v).map(|text| text.english());
        assert_eq!(
            words("£1,234.56").as_deref(),
            Some("write it as 1234.56 (no £ sign, no thousands separators)")
        );
        assert_eq!(
            words("(120.50)").as_deref(),
            Some("write it as -120.50 (a minus sign rather than brackets for credits)")
        );
        assert_eq!(
            words("N/A").as_deref(),
            Some("leave the cell empty where there is no value")
        );
        assert_eq!(
            words("1234.56.00").as_deref(),
            Some("the number has more than one decimal point")
        );
    }

    #[test]
    fn postcodes_and_codes() {
        assert_eq!(
            format_help("uk-postcode", "ex2 4qd").as_deref(),
            Some("write it in capitals with one space: EX2 4QD")
        );
        assert_eq!(
            format_help("gss-code", "E1000000l").as_deref(),
            Some("did you mean E10000001?")
        );
    }

    #[test]
    fn closest_is_the_same_whatever_the_order() {
        let mut codes = ["II", "I", "II*"];
        let first = closest("2", codes.iter().copied());
        codes.reverse();
        assert_eq!(closest("2", codes.iter().copied()), first);
        assert_eq!(first, Some("I"));
    }

    #[test]
    fn closest_skips_only_candidates_too_far_apart_in_length() {
        // The answer worked out with the edit distance of every candidate, as before the
        // length test.
        fn by_distance_alone<'a>(value: &str, candidates: &[&'a str]) -> Option<&'a str> {
            let lower = value.to_lowercase();
            let mut best: Option<(usize, &str)> = None;
            for candidate in candidates.iter().copied() {
                let rank = if fold(candidate) == fold(value) {
                    0
                } else {
                    let distance = strsim::levenshtein(&lower, &candidate.to_lowercase());
                    let limit = if candidate.chars().count() <= 4 { 1 } else { 2 };
                    if distance > limit {
                        continue;
                    }
                    distance + 1
                };
                if best.is_none_or(|b| (rank, candidate) < b) {
                    best = Some((rank, candidate));
                }
            }
            best.map(|(_, c)| c)
        }
        const LETTERS: [&str; 9] = ["a", "B", "c", " ", "-", "İ", "ß", "e", "É"];
        let mut next = crate::testing::numbers(0x3c6e_f372_fe94_f82b);
        let word = |next: &mut dyn FnMut() -> u64| -> String {
            let length = (next() % 8) as usize;
            (0..length)
                .map(|_| LETTERS[(next() % LETTERS.len() as u64) as usize])
                .collect()
        };
        let mut found = 0;
        for _ in 0..20_000 {
            let candidates: Vec<String> = (0..4).map(|_| word(&mut next)).collect();
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            let value = word(&mut next);
            let answer = closest(&value, candidates.iter().copied());
            assert_eq!(
                answer,
                by_distance_alone(&value, &candidates),
                "{value:?} {candidates:?}"
            );
            found += usize::from(answer.is_some());
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn closest_allowed_value() {
        let allowed = ["Adult Social Care", "Housing", "Education"];
        assert_eq!(
            closest("adult social care", allowed),
            Some("Adult Social Care")
        );
        assert_eq!(closest("Housng", allowed), Some("Housing"));
        assert_eq!(closest("Parks", allowed), None);
    }

    #[test]
    fn folding_ignores_case_and_separators() {
        assert_eq!(fold("  Supplier_Name "), "supplier name");
        assert_eq!(fold("supplier - name"), "supplier name");
        assert_eq!(fold("Net amount"), fold("NET__AMOUNT"));
    }
}
