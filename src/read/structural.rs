//! Splitting a one-line record at its structural bytes (delimiter, quote, line feed), found 64
//! bytes at a time. A spend row has fifteen short cells: finding each delimiter with its own
//! `memchr` call costs more in call set-up than in scanning, whereas one pass over 64-byte blocks
//! gives a bit mask of every structural byte, and the cells fall out of its set bits.

/// Bytes looked at a time: a spend row's 200 bytes in four steps.
const BLOCK: usize = 64;

/// Masks of the block at `at`, bit `i` for byte `at + i`: the delimiters, and the quotes and line
/// feeds. Past the end of `bytes` nothing is set.
#[inline(always)]
fn masks(bytes: &[u8], at: usize, delimiter: u8) -> (u64, u64) {
    match bytes.get(at..at + BLOCK) {
        Some(block) => block_masks(block, delimiter),
        None => {
            let rest = bytes.get(at..).unwrap_or_default();
            rest.iter()
                .enumerate()
                .fold((0, 0), |(delimiters, stops), (i, &b)| {
                    (
                        delimiters | u64::from(b == delimiter) << i,
                        stops | u64::from(b == b'"' || b == b'\n') << i,
                    )
                })
        }
    }
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn block_masks(block: &[u8], delimiter: u8) -> (u64, u64) {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    assert!(block.len() >= BLOCK);
    let (mut delimiters, mut stops) = (0u64, 0u64);
    for part in 0..BLOCK / 16 {
        // SAFETY: SSE2 is part of every x86_64 processor, and each unaligned load reads 16 bytes
        // inside `block`, which has BLOCK of them (asserted above).
        let (d, s) = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(part * 16).cast::<__m128i>());
            let quote_or_feed = _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)),
            );
            (
                _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(delimiter as i8))),
                _mm_movemask_epi8(quote_or_feed),
            )
        };
        delimiters |= u64::from(d as u16) << (part * 16);
        stops |= u64::from(s as u16) << (part * 16);
    }
    (delimiters, stops)
}

#[cfg(not(target_arch = "x86_64"))]
fn block_masks(block: &[u8], delimiter: u8) -> (u64, u64) {
    block[..BLOCK]
        .iter()
        .enumerate()
        .fold((0, 0), |(delimiters, stops), (i, &b)| {
            (
                delimiters | u64::from(b == delimiter) << i,
                stops | u64::from(b == b'"' || b == b'\n') << i,
            )
        })
}

/// Splits the record starting at `start` when it lies on one line and its quoted cells are simply
/// `"..."` (no quote inside, a delimiter or the line's end right after): pushes each cell's byte
/// range (inside the quotes) to `bounds` and returns where the line ends (its line feed, or the
/// end of the text). `None`, with `bounds` in any state, for anything else, which the caller then
/// reads with the full CSV parser.
#[inline]
pub(super) fn split_line(
    bytes: &[u8],
    start: usize,
    delimiter: u8,
    bounds: &mut Vec<(usize, usize)>,
) -> Option<usize> {
    let mut cell_start = start;
    let mut base = start;
    loop {
        if bytes.get(cell_start) == Some(&b'"') {
            let close = quoted_cell_end(bytes, cell_start)?;
            bounds.push((cell_start + 1, close));
            match bytes.get(close + 1) {
                None => return Some(bytes.len()),
                Some(&b'\n') => return Some(close + 1),
                Some(&b) if b == delimiter => {
                    cell_start = close + 2;
                    base = cell_start;
                    continue;
                }
                // A doubled quote, or text after the closing quote.
                Some(_) => return None,
            }
        }
        let (mut delimiters, stops) = masks(bytes, base, delimiter);
        if stops != 0 {
            // Only the delimiters before the first quote or line feed.
            delimiters &= (1u64 << stops.trailing_zeros()) - 1;
        }
        while delimiters != 0 {
            let at = base + delimiters.trailing_zeros() as usize;
            bounds.push((cell_start, at));
            cell_start = at + 1;
            delimiters &= delimiters - 1;
        }
        if stops != 0 {
            let at = base + stops.trailing_zeros() as usize;
            if bytes[at] == b'\n' {
                bounds.push((cell_start, at));
                return Some(at);
            }
            if at != cell_start {
                // A quote inside an unquoted cell.
                return None;
            }
            // A quoted cell after a delimiter: the loop's start reads it.
            continue;
        }
        base += BLOCK;
        if base >= bytes.len() {
            bounds.push((cell_start, bytes.len()));
            return Some(bytes.len());
        }
    }
}

/// The closing quote of the quoted cell opening at `open`, on the same line.
fn quoted_cell_end(bytes: &[u8], open: usize) -> Option<usize> {
    let close = open + 1 + memchr::memchr2(b'"', b'\n', &bytes[open + 1..])?;
    (bytes[close] == b'"').then_some(close)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Option<(Vec<&str>, usize)> {
        let mut bounds = Vec::new();
        let end = split_line(line.as_bytes(), 0, b',', &mut bounds)?;
        Some((bounds.iter().map(|&(s, e)| &line[s..e]).collect(), end))
    }

    #[test]
    fn splits_plain_and_simply_quoted_cells() {
        assert_eq!(split("a,b,c\nx"), Some((vec!["a", "b", "c"], 5)));
        assert_eq!(split("a,,c"), Some((vec!["a", "", "c"], 4)));
        assert_eq!(split("a,b,\n"), Some((vec!["a", "b", ""], 4)));
        assert_eq!(
            split("\"a,b\",c,\"d\"\n"),
            Some((vec!["a,b", "c", "d"], 11))
        );
        assert_eq!(split("x,\"\",y"), Some((vec!["x", "", "y"], 6)));
        assert_eq!(split("x,\"q\",\n"), Some((vec!["x", "q", ""], 6)));
        assert_eq!(split(""), Some((vec![""], 0)));
    }

    #[test]
    fn long_lines_cross_blocks() {
        let cells: Vec<String> = (0..40).map(|i| format!("cell{i}")).collect();
        let line = format!("{}\n", cells.join(","));
        let (got, end) = split(&line).expect("plain line");
        assert_eq!(got, cells);
        assert_eq!(end, line.len() - 1);
        let quoted = format!("\"{}\",z\n", "a,".repeat(30));
        let (got, _) = split(&quoted).expect("simply quoted");
        assert_eq!(got, vec!["a,".repeat(30).as_str(), "z"]);
    }

    #[test]
    fn leaves_anything_else_to_the_parser() {
        assert_eq!(split("a\"b,c"), None);
        assert_eq!(split("\"a\"\"b\",c"), None);
        assert_eq!(split("\"a\"b,c"), None);
        assert_eq!(split("\"a\nb\",c"), None);
        assert_eq!(split("\"open"), None);
    }

    /// The first record of `line` as the csv crate reads it.
    fn csv_first_record(line: &[u8], delimiter: u8) -> Vec<String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(line);
        let mut record = csv::ByteRecord::new();
        match reader.read_byte_record(&mut record) {
            Ok(true) => record
                .iter()
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect(),
            _ => vec![String::new()],
        }
    }

    #[test]
    fn agrees_with_the_csv_crate_wherever_it_answers() {
        for delimiter in [b',', b'\t'] {
            agrees_with_the_csv_crate_for(delimiter);
        }
    }

    fn agrees_with_the_csv_crate_for(delimiter: u8) {
        // Every line of up to eight bytes over a small alphabet: where the fast split answers, it
        // gives the csv crate's cells; it answers for every line without quotes.
        // Lines also start with a plain cell of 60 to 66 bytes, so that the interesting bytes
        // fall on either side of the 64-byte block boundary.
        let alphabet = [b'a', delimiter, b'"', b'\n'];
        let prefixes: Vec<Vec<u8>> = std::iter::once(Vec::new())
            .chain((59..66).map(|n| [vec![b'p'; n], vec![delimiter]].concat()))
            .collect();
        for (len, prefix) in (0..9u32).flat_map(|l| prefixes.iter().map(move |p| (l, p))) {
            if !prefix.is_empty() && len > 6 {
                continue;
            }
            for n in 0..4usize.pow(len) {
                let line: Vec<u8> = prefix
                    .iter()
                    .copied()
                    .chain((0..len).map(|i| alphabet[n / 4usize.pow(i) % 4]))
                    .collect();
                if line.first() == Some(&b'\n') {
                    continue; // the caller skips empty lines
                }
                let mut bounds = Vec::new();
                let Some(end) = split_line(&line, 0, delimiter, &mut bounds) else {
                    assert!(line.contains(&b'"'), "{line:?}");
                    continue;
                };
                let cells: Vec<String> = bounds
                    .iter()
                    .map(|&(s, e)| String::from_utf8_lossy(&line[s..e]).into_owned())
                    .collect();
                assert_eq!(cells, csv_first_record(&line, delimiter), "{line:?}");
                assert!(end == line.len() || line[end] == b'\n', "{line:?}");
                assert!(!line[..end].contains(&b'\n'), "{line:?}");
            }
        }
    }
}
