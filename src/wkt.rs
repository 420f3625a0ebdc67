//! Well-known text (WKT) geometry, as planning.data.gov.uk datasets carry boundaries and points:
//! a syntax check that says where a geometry goes wrong, in terms a GIS export can be fixed by.
//!
//! Accepted, as the Digital Land pipeline accepts them (digital-land-python `datatype/wkt.py`):
//! `POINT`, `POLYGON` and `MULTIPOLYGON` in longitude/latitude degrees, OSGB36 eastings and
//! northings, or Web Mercator metres (the pipeline reprojects the last two). Rings must have four
//! positions or more and end where they start.

use crate::i18n::Text;
use crate::t;

/// The kinds of geometry a column may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// A boundary: `POLYGON` or `MULTIPOLYGON`.
    Area,
    /// A `POINT`.
    Point,
}

/// Why a value is not the geometry wanted, and where (a character offset).
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub at: usize,
    pub message: Text,
}

/// Checks `text` as WKT of the kind wanted.
pub fn check(text: &str, want: Want) -> Result<(), Problem> {
    let plain = match want {
        Want::Point => plain_point(text.as_bytes()),
        Want::Area => plain_area(text.as_bytes()),
    };
    if plain {
        return Ok(());
    }
    check_steps(text, want)
}

/// [`check`] by the general steps, which say where a geometry goes wrong.
fn check_steps(text: &str, want: Want) -> Result<(), Problem> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
        first: None,
    };
    parser.skip_space();
    let tag_start = parser.pos;
    parser.skip_letters();
    // Letters only, so the slice is on character boundaries; taken from the text, not checked
    // again as UTF-8 (which was 2% of a geometry's check).
    let tag = text.get(tag_start..parser.pos).unwrap_or("");
    if tag.is_empty() {
        if let Some(fixed) = point_from_pair(text) {
            return Err(Problem {
                at: 0,
                message: t!("wkt-pair", point = fixed),
            });
        }
        return Err(parser.problem(match want {
            Want::Area => t!("wkt-not-wkt-area"),
            Want::Point => t!("wkt-not-wkt-point"),
        }));
    }
    // Upper-cased on the stack (the longest type name is 18 letters): no allocation a cell. Most
    // exports write it in capitals already, which need no copy.
    let mut buffer = [0u8; 18];
    let upper: &[u8] = if tag.bytes().all(|b| b.is_ascii_uppercase()) {
        tag.as_bytes()
    } else {
        match buffer.get_mut(..tag.len()) {
            Some(letters) => {
                letters.copy_from_slice(tag.as_bytes());
                letters.make_ascii_uppercase();
                letters
            }
            None => b"",
        }
    };
    match (upper, want) {
        (b"POINT", Want::Point) => parser.point_body()?,
        (b"POLYGON", Want::Area) => parser.polygon()?,
        (b"MULTIPOLYGON", Want::Area) => parser.multipolygon()?,
        (b"POINT", Want::Area) => {
            return Err(Problem {
                at: tag_start,
                message: t!("wkt-point-not-boundary"),
            })
        }
        (b"POLYGON" | b"MULTIPOLYGON", Want::Point) => {
            return Err(Problem {
                at: tag_start,
                message: t!("wkt-boundary-not-point"),
            })
        }
        (b"LINESTRING" | b"MULTILINESTRING" | b"MULTIPOINT" | b"GEOMETRYCOLLECTION", _) => {
            return Err(Problem {
                at: tag_start,
                message: t!(
                    "wkt-not-accepted",
                    kind = tag.to_ascii_uppercase(),
                    want = want.names()
                ),
            })
        }
        _ => {
            return Err(Problem {
                at: tag_start,
                message: t!("wkt-not-a-type", kind = tag, want = want.names()),
            })
        }
    }
    parser.skip_space();
    if parser.pos < parser.bytes.len() {
        return Err(parser.problem(t!("wkt-trailing-text")));
    }
    if let Some((x, y)) = parser.first {
        if !plausible(x, y) {
            return Err(Problem {
                at: tag_start,
                message: t!("wkt-implausible", x = x.to_string(), y = y.to_string(),),
            });
        }
    }
    Ok(())
}

impl Want {
    fn names(self) -> Text {
        match self {
            Want::Area => t!("wkt-want-area"),
            Want::Point => t!("wkt-want-point"),
        }
    }
}

/// `52.678768, -2.168987` or `-2.168987 52.678768` as the WKT point it means, longitude first:
/// in Great Britain latitudes are 49 to 61 and longitudes -9 to 2, so the order is clear.
fn point_from_pair(text: &str) -> Option<String> {
    let parts: Vec<f64> = text
        .split([',', ' '])
        .filter(|p| !p.is_empty())
        .map(|p| p.trim().parse::<f64>().ok())
        .collect::<Option<Vec<f64>>>()?;
    let [a, b] = parts.as_slice() else {
        return None;
    };
    let latitude = |v: f64| (49.0..=61.0).contains(&v);
    let (x, y) = if latitude(*a) && !latitude(*b) {
        (b, a)
    } else {
        (a, b)
    };
    Some(format!("POINT ({x} {y})"))
}

/// The pipeline's guess of a coordinate system from one position (§3.4 of the research notes).
fn plausible(x: f64, y: f64) -> bool {
    let degrees = x.abs() < 60.0 && y.abs() < 60.0 || x.abs() <= 180.0 && y.abs() <= 90.0;
    let grid = (1_000.0..1_000_000.0).contains(&x) && (1_000.0..1_300_000.0).contains(&y);
    let mercator = (6_000_000.0..10_000_000.0).contains(&y) && x.abs() < 1_000_000.0;
    degrees || grid || mercator
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The first position read, to judge the coordinate system by.
    first: Option<(f64, f64)>,
}

impl Parser<'_> {
    fn problem(&self, problem: Text) -> Problem {
        Problem {
            at: self.pos,
            message: match self.bytes.get(self.pos) {
                Some(b) if !b.is_ascii_whitespace() => {
                    let shown = String::from_utf8_lossy(&self.bytes[self.pos..])
                        .chars()
                        .next()
                        .unwrap_or('?');
                    t!(
                        "wkt-problem-found",
                        problem = problem,
                        found = shown.to_string(),
                        at = (self.pos + 1) as i64,
                    )
                }
                None => t!(
                    "wkt-problem-text-ends",
                    problem = problem,
                    at = self.pos as i64
                ),
                _ => t!(
                    "wkt-problem-at",
                    problem = problem,
                    at = (self.pos + 1) as i64
                ),
            },
        }
    }

    fn skip_space(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_whitespace)
        {
            self.pos += 1;
        }
    }

    fn skip_letters(&mut self) {
        while self
            .bytes
            .get(self.pos)
            .is_some_and(u8::is_ascii_alphabetic)
        {
            self.pos += 1;
        }
    }

    /// The byte expected next; `what` words the problem, should it be missing.
    fn expect(&mut self, byte: u8, what: fn() -> Text) -> Result<(), Problem> {
        self.skip_space();
        if self.bytes.get(self.pos) == Some(&byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.problem(what()))
        }
    }

    /// After an opening bracket's content: `,` (true: another follows) or `)` (false: done).
    fn next_or_close(&mut self, what: fn() -> Text) -> Result<bool, Problem> {
        self.skip_space();
        match self.bytes.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b')') => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(self.problem(what())),
        }
    }

    fn number(&mut self) -> Result<f64, Problem> {
        self.skip_space();
        let start = self.pos;
        let b = self.bytes;
        // The common case read in one pass; anything else (an exponent, many digits, a stray
        // point) goes through the general parser below.
        if let Some((n, used)) = plain_decimal_prefix(&b[start..]) {
            if !matches!(b.get(start + used), Some(b'e' | b'E' | b'.' | b'0'..=b'9')) {
                self.pos = start + used;
                return Ok(n);
            }
        }
        if matches!(b.get(self.pos), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        while b
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E'))
            || (matches!(b.get(self.pos), Some(b'+' | b'-'))
                && matches!(
                    self.pos.checked_sub(1).and_then(|p| b.get(p)),
                    Some(b'e' | b'E')
                ))
        {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&b[start..self.pos]).unwrap_or("");
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(n),
            _ => {
                self.pos = start;
                Err(self.problem(t!("wkt-expected-number")))
            }
        }
    }

    /// `x y` or `x y z`.
    fn position(&mut self) -> Result<(f64, f64), Problem> {
        if let Some((x, y, used)) = self.bytes.get(self.pos..).and_then(plain_position) {
            self.pos += used;
            if self.first.is_none() {
                self.first = Some((x, y));
            }
            return Ok((x, y));
        }
        let x = self.number()?;
        let y = self.number()?;
        self.skip_space();
        if self
            .bytes
            .get(self.pos)
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.'))
        {
            self.number()?;
        }
        if self.first.is_none() {
            self.first = Some((x, y));
        }
        Ok((x, y))
    }

    fn point_body(&mut self) -> Result<(), Problem> {
        self.expect(b'(', || t!("wkt-expected-point-open"))?;
        self.position()?;
        self.expect(b')', || t!("wkt-expected-point-close"))
    }

    fn ring(&mut self) -> Result<(), Problem> {
        let start = self.pos;
        self.expect(b'(', || t!("wkt-expected-ring-open"))?;
        let first = self.position()?;
        let long_positions = self.pos - start > LONG_POSITION;
        let mut last = first;
        let mut count = 1;
        loop {
            // `,` and positions written plainly, the body of nearly every ring, read without the
            // general steps (which would take the same bytes).
            let (to, read, plain_last) =
                plain_ring_steps(self.bytes, self.pos, long_positions, count);
            self.pos = to;
            debug_assert!(
                read == count || plain_last.is_some() || self.bytes.get(to) == Some(&b','),
                "a ring's steps stopped after a position read for its shape alone"
            );
            if read > count {
                count = read;
                last = plain_last.unwrap_or(last);
            }
            if !self.next_or_close(|| t!("wkt-expected-ring-next"))? {
                break;
            }
            last = self.position()?;
            count += 1;
        }
        if count < 4 {
            return Err(Problem {
                at: start,
                message: t!(
                    "wkt-ring-too-short",
                    at = (start + 1) as i64,
                    count = count as i64,
                ),
            });
        }
        if first != last {
            return Err(Problem {
                at: start,
                message: t!(
                    "wkt-ring-not-closed",
                    at = (start + 1) as i64,
                    x = first.0.to_string(),
                    y = first.1.to_string(),
                ),
            });
        }
        Ok(())
    }

    fn polygon(&mut self) -> Result<(), Problem> {
        self.expect(b'(', || t!("wkt-expected-polygon-open"))?;
        self.skip_space();
        self.ring()?;
        while self.next_or_close(|| t!("wkt-expected-polygon-next"))? {
            self.ring()?;
        }
        Ok(())
    }

    fn multipolygon(&mut self) -> Result<(), Problem> {
        self.expect(b'(', || t!("wkt-expected-list-open"))?;
        self.polygon()?;
        while self.next_or_close(|| t!("wkt-expected-list-next"))? {
            self.polygon()?;
        }
        Ok(())
    }
}

/// The `,`-and-position steps of a ring written plainly, from `at` (after `count` positions) to
/// the first byte that is not one: where they stop, the ring's count of positions then, and the
/// value of the last position whose value was read, if any. A position checked for its shape
/// alone is always followed by `,`, so when the steps stop anywhere else that value is the
/// ring's last position's; when they stop at a `,`, the caller reads the next position itself.
/// Only a ring's first and last positions' values are needed; checking the others for their
/// shape alone saves work on every digit but reads the last position twice (its shape, then its
/// value): worth it for the 15 to 17 digits of exported boundaries (`long_positions`: the first
/// position was long, and a ring's positions are written alike) or once a ring is long enough
/// to make up for it, not for a short ring of short coordinates.
fn plain_ring_steps(
    bytes: &[u8],
    mut at: usize,
    long_positions: bool,
    mut count: usize,
) -> (usize, usize, Option<(f64, f64)>) {
    let mut last = None;
    while bytes.get(at) == Some(&b',') {
        let from = at + 1;
        let rest = bytes.get(from..).unwrap_or_default();
        if long_positions || count >= LONG_RING {
            if let Some(used) = plain_position_len(rest) {
                if rest.get(used) == Some(&b',') {
                    at = from + used;
                    count += 1;
                    continue;
                }
            }
        }
        let Some((x, y, used)) = plain_position(rest) else {
            break;
        };
        at = from + used;
        last = Some((x, y));
        count += 1;
    }
    (at, count, last)
}

/// Whether `bytes` is a boundary written plainly (`POLYGON ((…), (…))` or
/// `MULTIPOLYGON (((…)), ((…)))`, with `, ` or `,` between parts, in capitals, the way exports
/// write them) that passes: settled without the general steps, whose calls and checks between
/// the positions cost as much again as a short ring's numbers. `false` says nothing: the
/// general steps then decide, and say what is wrong.
fn plain_area(bytes: &[u8]) -> bool {
    let (body, multi) = if let Some(body) = bytes.strip_prefix(b"POLYGON") {
        (body, false)
    } else if let Some(body) = bytes.strip_prefix(b"MULTIPOLYGON") {
        (body, true)
    } else {
        return false;
    };
    let mut at = usize::from(body.first() == Some(&b' '));
    // `,` with one space or none after it, as exports separate rings and polygons.
    let next_part = |at: &mut usize| -> bool {
        if body.get(*at) != Some(&b',') {
            return false;
        }
        *at += 1 + usize::from(body.get(*at + 1) == Some(&b' '));
        true
    };
    let mut first_position = None;
    if multi && !eat(body, &mut at, b'(') {
        return false;
    }
    loop {
        if !eat(body, &mut at, b'(') {
            return false;
        }
        loop {
            // One ring: `(`, four positions or more, the last the first, `)`.
            if !eat(body, &mut at, b'(') {
                return false;
            }
            let first_from = at;
            if first_position.is_none() {
                let Some((x, y, used)) = body.get(at..).and_then(plain_position) else {
                    return false;
                };
                first_position = Some((x, y));
                at += used;
            } else {
                let Some(used) = body.get(at..).and_then(plain_position_len) else {
                    return false;
                };
                at += used;
            }
            let first = skip_leading_spaces(&body[first_from..at]);
            let (to, count, last) = plain_ring_shape(body, at);
            at = to;
            if count < 4
                || last.map(|span| skip_leading_spaces(&body[span])) != Some(first)
                || !eat(body, &mut at, b')')
            {
                return false;
            }
            if !next_part(&mut at) {
                break;
            }
        }
        if !eat(body, &mut at, b')') {
            return false;
        }
        if !multi || !next_part(&mut at) {
            break;
        }
    }
    if multi && !eat(body, &mut at, b')') {
        return false;
    }
    at == body.len() && first_position.is_some_and(|(x, y)| plausible(x, y))
}

/// The `,`-and-position steps of a ring written plainly, from `at` (after its first position),
/// each position checked for its shape alone: where they stop, the ring's count of positions, and
/// the bytes of its last position. A ring closed by writing its first position again ends in the
/// same text, so [`plain_area`] compares the texts and reads no value but the first's; a ring
/// whose last position is written otherwise (`1.0` for `1`) is left to the general steps.
fn plain_ring_shape(bytes: &[u8], mut at: usize) -> (usize, usize, Option<std::ops::Range<usize>>) {
    let mut last = None;
    let mut count = 1;
    while bytes.get(at) == Some(&b',') {
        let from = at + 1;
        let Some(used) = bytes.get(from..).and_then(plain_position_len) else {
            break;
        };
        at = from + used;
        last = Some(from..at);
        count += 1;
    }
    (at, count, last)
}

/// `bytes` from its first byte that is not a space.
fn skip_leading_spaces(bytes: &[u8]) -> &[u8] {
    &bytes[spaces_at(bytes, 0)..]
}

/// Steps over `byte` if it is next.
fn eat(bytes: &[u8], at: &mut usize, byte: u8) -> bool {
    let found = bytes.get(*at) == Some(&byte);
    *at += usize::from(found);
    found
}

/// Whether `bytes` is a point written plainly (`POINT (x y)`, the way exports write them) that
/// passes: settled without the general steps, which cost twice the reading of its numbers.
/// `false` says nothing: the general steps then decide, and say what is wrong.
fn plain_point(bytes: &[u8]) -> bool {
    let Some(body) = bytes
        .strip_prefix(b"POINT (")
        .or_else(|| bytes.strip_prefix(b"POINT("))
    else {
        return false;
    };
    matches!(plain_position(body), Some((x, y, used)) if used + 1 == body.len()
        && body[used] == b')'
        && plausible(x, y))
}

/// `x y` written plainly at the start of `bytes` (spaces before and between, nothing but `,` or
/// `)` after), read in one go: a boundary is mostly such positions, and taking each number and
/// space by the general steps cost twice the reading of its digits. Gives the coordinates and
/// the bytes taken; `None` for anything else, which the general steps then read.
fn plain_position(bytes: &[u8]) -> Option<(f64, f64, usize)> {
    plain_position_with(bytes, plain_decimal_prefix)
}

/// The bytes [`plain_position`] would take, found from the shape of the text alone: the
/// positions inside a ring, whose values nothing needs. Exported boundaries write coordinates
/// to 15–17 digits, which working out cost several times the reading of the digits.
fn plain_position_len(bytes: &[u8]) -> Option<usize> {
    plain_position_with(bytes, |number| {
        plain_decimal_len(number).map(|used| ((), used))
    })
    .map(|((), (), used)| used)
}

/// `x y` written plainly, each number read by `number` (its value, or `()` for its shape alone,
/// and the bytes it takes): the one grammar of [`plain_position`] and [`plain_position_len`].
#[inline(always)]
fn plain_position_with<T>(
    bytes: &[u8],
    number: impl Fn(&[u8]) -> Option<(T, usize)>,
) -> Option<(T, T, usize)> {
    let mut at = spaces_at(bytes, 0);
    let (x, used) = number(bytes.get(at..)?)?;
    at += used;
    let gap = spaces_at(bytes, at);
    if gap == 0 {
        return None;
    }
    at += gap;
    let (y, used) = number(bytes.get(at..)?)?;
    at += used;
    matches!(bytes.get(at), Some(b',' | b')')).then_some((x, y, at))
}

/// How many spaces `bytes` has from `from` on.
fn spaces_at(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| c == b' ').count())
}

/// Bytes from a ring's `(` to the end of its first position beyond which the ring's positions
/// are checked for their shape alone (see [`Parser::ring`]): `(-0.1276 51.5072` is 16, a position
/// exported to full precision about 40.
const LONG_POSITION: usize = 24;

/// Positions after which the rest of a ring is checked for their shape alone, however short.
const LONG_RING: usize = 8;

/// Whole digits a coordinate may have to be read as plain: any number of them up to this is
/// finite (the largest `f64` is about 1.8 × 10^308), so the shape alone says it reads.
const MAX_WHOLE_DIGITS: usize = 300;

/// The length of the coordinate written plainly at the start of `bytes` (a sign, digits, a
/// point, digits), from its shape alone; when it is `Some`, [`plain_decimal_prefix`] takes the
/// same bytes.
#[inline(always)]
fn plain_decimal_len(bytes: &[u8]) -> Option<usize> {
    let sign = usize::from(matches!(bytes.first(), Some(b'-' | b'+')));
    // The whole part is none to seven digits in every coordinate system accepted, read a byte at
    // a time; the fraction, often 15 digits or more, eight at a time.
    let whole = bytes.get(sign..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    });
    let mut at = sign + whole;
    let mut fraction = 0;
    if bytes.get(at) == Some(&b'.') {
        fraction = digit_run(bytes.get(at + 1..)?);
        at += 1 + fraction;
    }
    (whole + fraction > 0 && whole <= MAX_WHOLE_DIGITS).then_some(at)
}

/// How many ASCII digits `bytes` starts with: eight at a time while eight bytes remain, then one
/// at a time.
fn digit_run(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const LOW: u64 = 0x0F0F_0F0F_0F0F_0F0F;
    let mut at = 0;
    while let Some(word) = bytes
        .get(at..at + 8)
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
    {
        let word = u64::from_le_bytes(word);
        // A byte is a digit when its high half is 3 and its low half plus 6 stays below 16. Each
        // test sets bits of its own byte only (no sum carries out of a byte), so the lowest set
        // bit is in the first byte that is not a digit.
        let not_digit = ((word & HIGH) ^ 0x3030_3030_3030_3030)
            | (((word & LOW) + 0x0606_0606_0606_0606) & 0x1010_1010_1010_1010);
        if not_digit != 0 {
            return at + (not_digit.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|c| c.is_ascii_digit()).count()
    })
}

/// The whole of `bytes` read by [`plain_decimal_prefix`], or `None`.
#[cfg(test)]
fn plain_decimal(bytes: &[u8]) -> Option<f64> {
    plain_decimal_prefix(bytes).and_then(|(n, used)| (used == bytes.len()).then_some(n))
}

/// A coordinate written plainly (`-1.234567`: a sign, digits, a point) at the start of `bytes`,
/// read without the general parser: boundaries hold hundreds of thousands of them. The value is
/// exactly what `str::parse` gives: with at most 15 digits, an integer below 2^53 divided by a
/// power of ten up to 10^15 is one correctly rounded division of two exact numbers (the fast path
/// of Clinger's algorithm); longer ones are given to `str::parse`. Gives the value and the bytes
/// it takes; `None` without a digit or with more than [`MAX_WHOLE_DIGITS`] before the point.
#[inline]
fn plain_decimal_prefix(bytes: &[u8]) -> Option<(f64, usize)> {
    const POWERS: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (negative, sign) = match bytes.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    // Two tight loops, the whole part and the fraction, with the digit count checked once at
    // the end: a test and a counter a digit had made this a fifth of a boundary's check. The
    // arithmetic wraps on long runs of digits, whose value `read_long_decimal` then reads instead.
    let digits = &bytes[sign..];
    let mut mantissa = 0u64;
    let mut at = 0;
    let mut read_digits = |at: &mut usize| {
        while let Some(digit) = digits.get(*at).map(|c| c.wrapping_sub(b'0')) {
            if digit > 9 {
                break;
            }
            mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(digit));
            *at += 1;
        }
    };
    read_digits(&mut at);
    let whole = at;
    let mut decimals = 0;
    if digits.get(at) == Some(&b'.') {
        at += 1;
        let fraction = at;
        read_digits(&mut at);
        decimals = at - fraction;
    }
    let count = whole + decimals;
    if count == 0 || whole > MAX_WHOLE_DIGITS {
        return None;
    }
    if count > 15 {
        return read_long_decimal(bytes.get(..sign + at)?).map(|n| (n, sign + at));
    }
    let value = mantissa as f64 / *POWERS.get(decimals)?;
    Some((if negative { -value } else { value }, sign + at))
}

/// A plain decimal of more than 15 digits (exports often write 16 or 17), beyond the exact fast
/// path: the standard library's reading of the text, which is what the general steps give. Kept
/// apart so that the common case stays small enough to inline.
#[inline(never)]
fn read_long_decimal(text: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(text).ok()?;
    text.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A boundary: POLYGON or MULTIPOLYGON.
pub fn is_area(text: &str) -> bool {
    check(text, Want::Area).is_ok()
}

/// A POINT.
pub fn is_point(text: &str) -> bool {
    check(text, Want::Point).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A random decimal of 1 to `max_digits` digits, negative one time in `minus_one_in`, its
    /// point before any digit or (with `point_places` past the digits' count) after them or absent.
    fn decimal_text(
        next: &mut dyn FnMut() -> u64,
        max_digits: u64,
        point_places: u64,
        minus_one_in: u64,
    ) -> String {
        let digits = 1 + (next() % max_digits) as usize;
        let point = (next() % (digits as u64 + point_places)) as usize;
        let mut text = String::new();
        if next().is_multiple_of(minus_one_in) {
            text.push('-');
        }
        for i in 0..digits {
            if i == point {
                text.push('.');
            }
            text.push((b'0' + (next() % 10) as u8) as char);
        }
        text
    }

    #[test]
    fn plain_coordinates_read_exactly_as_the_general_parser_reads_them() {
        let mut next = crate::testing::numbers(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..200_000 {
            // A point anywhere, or none (one place past the end).
            let text = decimal_text(&mut next, 20, 2, 2);
            let general = text.parse::<f64>().ok();
            match plain_decimal(text.as_bytes()) {
                Some(fast) => assert_eq!(Some(fast.to_bits()), general.map(f64::to_bits), "{text}"),
                None => assert!(general.is_none(), "{text}"),
            }
        }
        assert_eq!(plain_decimal(b"1."), Some(1.0));
        assert_eq!(plain_decimal(b".5"), Some(0.5));
        assert_eq!(
            plain_decimal(b"-0").map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(plain_decimal(b"."), None);
        assert_eq!(plain_decimal(b"1e5"), None);
        assert_eq!(plain_decimal(b"1.2.3"), None);
        // Up to MAX_WHOLE_DIGITS whole digits read plainly (any such number is finite); more go
        // to the general steps, which decide alike.
        let longest = "1".repeat(MAX_WHOLE_DIGITS);
        assert_eq!(
            plain_decimal(longest.as_bytes()).map(f64::to_bits),
            longest.parse::<f64>().ok().map(f64::to_bits)
        );
        assert_eq!(plain_decimal(format!("{longest}1").as_bytes()), None);
        assert_eq!(
            plain_decimal_len(longest.as_bytes()),
            Some(MAX_WHOLE_DIGITS)
        );
        assert_eq!(plain_decimal_len(format!("{longest}1").as_bytes()), None);
        for whole in [MAX_WHOLE_DIGITS, MAX_WHOLE_DIGITS + 5, 400] {
            let huge = "9".repeat(whole);
            let ring = format!("POLYGON ((0 51, {huge} 51, 1 52, 2 53, 3 54, 4 55, 5 56, 6 57, 7 58, {huge} 1, 0 51))");
            assert_eq!(
                check(&ring, Want::Area),
                check_steps(&ring, Want::Area),
                "{whole}"
            );
        }
    }

    #[test]
    fn accepts_what_the_pipeline_accepts() {
        assert!(is_area(
            "POLYGON ((-1.1 52.9, -1.2 52.9, -1.2 53.0, -1.1 52.9))"
        ));
        assert!(is_area(
            "MULTIPOLYGON (((0 51,1 51,1 52,0 51)),((0 50,1 50,1 51,0 50),(0.1 50.1,0.2 50.1,0.2 50.2,0.1 50.1)))"
        ));
        assert!(is_area(
            "multipolygon(((530000 180000, 530100 180000, 530100 180100, 530000 180000)))"
        ));
        assert!(is_point("POINT (-0.681152 52.762892)"));
        assert!(is_point("POINT(530000.5 180000.25)"));
        assert!(!is_point("POINT Z (-0.68 52.76 12)"));
        assert!(is_point("POINT (-0.68 52.76 12)"));
    }

    #[test]
    fn plain_positions_read_as_the_general_steps_read_them() {
        let texts = [
            "-0.1276 51.5072,",
            " 1 2)",
            "530000 180000)",
            "-1.5  52.25,",
            "1 2 3)",
            "1 2",
            "1e3 2,",
            "1.5.3 2,",
            "1 2.5e1,",
            "+1 -2)",
            ".5 5.,",
            "1\t2,",
            "1,2)",
            "- 2,",
            "1234567890123456 1,",
            "1 2 )",
        ];
        for text in texts {
            let mut general = Parser {
                bytes: text.as_bytes(),
                pos: 0,
                first: None,
            };
            let steps = general.number().and_then(|x| Ok((x, general.number()?)));
            if let Some((x, y, used)) = plain_position(text.as_bytes()) {
                assert_eq!(steps, Ok((x, y)), "{text:?}");
                assert_eq!(general.pos, used, "{text:?}");
                assert!(matches!(text.as_bytes()[used], b',' | b')'), "{text:?}");
            }
        }
        assert!(plain_position(b"-0.1276 51.5072,").is_some());
        assert!(plain_position(b"1 2 3)").is_none());
    }

    /// Text drawn from the bytes a position is made of, with a few that end one.
    fn position_like(next: &mut impl FnMut() -> u64, length: usize) -> Vec<u8> {
        const BYTES: &[u8] = b"0123456789012345678901234567890123456789.. -+,)e/:\xff";
        (0..length)
            .map(|_| BYTES[(next() % BYTES.len() as u64) as usize])
            .collect()
    }

    #[test]
    fn digit_runs_are_counted_as_one_byte_at_a_time_counts_them() {
        let mut next = crate::testing::numbers(0x2545_f491_4f6c_dd1d);
        for _ in 0..100_000 {
            let length = (next() % 40) as usize;
            let text = position_like(&mut next, length);
            let expected = text.iter().take_while(|c| c.is_ascii_digit()).count();
            assert_eq!(
                digit_run(&text),
                expected,
                "{:?}",
                String::from_utf8_lossy(&text)
            );
        }
        assert_eq!(digit_run(b"0123456789012345678 1"), 19);
        assert_eq!(digit_run(b"12345678"), 8);
        assert_eq!(digit_run(b"1234567/"), 7);
        assert_eq!(digit_run(b":234567890"), 0);
        assert_eq!(digit_run(b""), 0);
    }

    #[test]
    fn a_position_checked_for_shape_takes_the_bytes_its_reading_takes() {
        let mut next = crate::testing::numbers(0x51_7cc1_b727_220a);
        let mut plain = 0;
        for _ in 0..200_000 {
            let length = (next() % 48) as usize;
            let text = position_like(&mut next, length);
            let shape = plain_position_len(&text);
            let read = plain_position(&text).map(|(_, _, used)| used);
            assert_eq!(shape, read, "{:?}", String::from_utf8_lossy(&text));
            plain += usize::from(shape.is_some());
        }
        // The draw makes enough positions to say something.
        assert!(plain > 100, "{plain}");
        for text in [
            "-0.1697698834537572 51.62535403208138,",
            "-0.16983667101366207 51.6254535395519)",
            " 530000 180000,",
            "1. .5)",
        ] {
            assert!(plain_position_len(text.as_bytes()).is_some(), "{text}");
        }
        for text in ["1 2 3,", "1 2", "1e3 2,", "- 2,", "1,2)", "1 2 )", ". 1,"] {
            assert_eq!(plain_position_len(text.as_bytes()), None, "{text}");
        }
    }

    #[test]
    fn rings_checked_by_shape_pass_and_fail_as_the_general_steps_decide() {
        // A space before each comma keeps a ring off the shape-only step: the general steps then
        // read every position, and a ring must be accepted or refused alike either way.
        let mut next = crate::testing::numbers(0x1f83_d9ab_fb41_bd6b);
        let coordinate = |next: &mut dyn FnMut() -> u64| decimal_text(next, 18, 1, 3);
        let ring = |next: &mut dyn FnMut() -> u64| -> String {
            let count = 1 + (next() % 12) as usize;
            let mut positions: Vec<String> = (0..count)
                .map(|_| format!("{} {}", coordinate(next), coordinate(next)))
                .collect();
            if !next().is_multiple_of(4) {
                let mut first = positions[0].clone();
                // Now and then the ring is closed by the same point written otherwise (`1.50`
                // for `1.5`, `2.0` for `2`), which only the values read show to be closed.
                if next().is_multiple_of(3) {
                    first = first
                        .split(' ')
                        .map(|n| {
                            if n.contains('.') {
                                format!("{n}0")
                            } else {
                                format!("{n}.0")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(" ");
                }
                positions.push(first);
            }
            // Now and then a fault: a character of a position changed to another.
            let mut ring = positions.join(if next().is_multiple_of(2) { ", " } else { "," });
            if next().is_multiple_of(3) && !ring.is_empty() {
                let at = (next() % ring.len() as u64) as usize;
                let faults = ["e", " ", ",", ".", "x", "", "-", "1 2"];
                let fault = faults[(next() % faults.len() as u64) as usize];
                ring.replace_range(at..at + 1, fault);
            }
            format!("({ring})")
        };
        let mut accepted = 0;
        for _ in 0..20_000 {
            let separator =
                |next: &mut dyn FnMut() -> u64| [", ", ",", " , ", ",  "][(next() % 4) as usize];
            let text = match next() % 3 {
                0 => format!("POLYGON ({})", ring(&mut next)),
                1 => {
                    let (a, between, b) = (ring(&mut next), separator(&mut next), ring(&mut next));
                    format!("POLYGON ({a}{between}{b})")
                }
                _ => {
                    let a = ring(&mut next);
                    let first = separator(&mut next);
                    let b = ring(&mut next);
                    let second = separator(&mut next);
                    let c = ring(&mut next);
                    format!("MULTIPOLYGON (({a}){first}({b}{second}{c}))")
                }
            };
            let general = text.replace(',', " ,");
            let fast = check(&text, Want::Area);
            assert_eq!(fast.is_ok(), check(&general, Want::Area).is_ok(), "{text}");
            assert_eq!(fast, check_steps(&text, Want::Area), "{text}");
            accepted += usize::from(fast.is_ok());
        }
        assert!(accepted > 1_000, "{accepted}");
        // A real boundary's coordinates (Barnet's listed building outlines): 16 and 17 digits.
        assert!(is_area(
            "POLYGON ((-0.1697698834537572 51.62535403208138,-0.1697224315096785 51.62538431567799,\
             -0.1697795512175063 51.62541892762877,-0.16983667101366207 51.6254535395519,\
             -0.1697698834537572 51.62535403208138))"
        ));
        let open = check(
            "POLYGON ((-0.1697698834537572 51.62535403208138,-0.1697224315096785 51.62538431567799,\
             -0.1697795512175063 51.62541892762877,-0.16983667101366207 51.6254535395519,\
             -0.1697698834537572 51.62535403208139))",
            Want::Area,
        )
        .expect_err("the last position is not the first");
        assert!(
            open.message.english().contains("not closed"),
            "{}",
            open.message.english()
        );
    }

    /// A value the fast steps pass, the general steps pass too, and `check` answers every value
    /// exactly as the general steps do.
    fn fast_steps_agree_with_the_general_ones(texts: &[&str], want: Want, fast: fn(&[u8]) -> bool) {
        for text in texts {
            let general = check_steps(text, want);
            if fast(text.as_bytes()) {
                assert_eq!(general, Ok(()), "{text:?}");
            }
            assert_eq!(check(text, want), general, "{text:?}");
        }
    }

    #[test]
    fn plain_areas_pass_as_the_general_steps_pass_them() {
        let areas = [
            "POLYGON ((0 51, 1 51, 1 52, 0 51))",
            "POLYGON((0 51,1 51,1 52,0 51))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51), (0.1 51.1, 0.2 51.1, 0.2 51.2, 0.1 51.1))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51),(0.1 51.1, 0.2 51.1, 0.2 51.2, 0.1 51.1))",
            "MULTIPOLYGON (((0 51, 1 51, 1 52, 0 51)), ((2 51, 3 51, 3 52, 2 51)))",
            "MULTIPOLYGON(((0 51,1 51,1 52,0 51)),((0 50,1 50,1 51,0 50),(0.1 50.1,0.2 50.1,0.2 50.2,0.1 50.1)))",
            "MULTIPOLYGON (((530000 180000, 530100 180000, 530100 180100, 530000 180000)))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51)) ",
            "POLYGON ((0 51, 1 51, 1 52, 0 51)))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51)",
            "POLYGON ((0 51, 1 51, 1 52, 0 52))",
            "POLYGON ((0 51, 1 51, 0 51))",
            "POLYGON ((500 500, 501 500, 501 501, 500 500))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51),)",
            "POLYGON ((0 51, 1 51, 1 52, 0 51) , (0 51, 1 51, 1 52, 0 51))",
            "POLYGON (( 0 51, 1 51, 1 52, 0 51 ))",
            "POLYGON ((0 51 3, 1 51 3, 1 52 3, 0 51 3))",
            "POLYGON ((1e1 51, 1 51, 1 52, 1e1 51))",
            "POLYGON (())",
            "POLYGON EMPTY",
            "POLYGON Z ((0 51 1, 1 51 1, 1 52 1, 0 51 1))",
            "polygon ((0 51, 1 51, 1 52, 0 51))",
            "MULTIPOLYGON ((0 51, 1 51, 1 52, 0 51))",
            "MULTIPOLYGON (((0 51, 1 51, 1 52, 0 51))",
            "MULTIPOLYGON (((0 51, 1 51, 1 52, 0 51)),)",
            "MULTIPOLYGON (((0 51, 1 51, 1 52, 0 51)) , ((0 51, 1 51, 1 52, 0 51)))",
            "POLYGON  ((0 51, 1 51, 1 52, 0 51))",
            "POINT (0 51)",
            "POLYGON ((0 51, 1 51, 1 52, 0.0 51.0))",
            "POLYGON ((0 51, 1 51, 1 52,  0 51))",
            "POLYGON ((0 51, 1 51, 1 52, 0 510))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51), (0 51, 1 51, 1 52, 1 51))",
            "POLYGON ((0 51, 1 51, 1 52, 0 51), (1e1 51, 1 51, 1 52, 1e1 51))",
        ];
        fast_steps_agree_with_the_general_ones(&areas, Want::Area, plain_area);
        // The last position is compared with the first as written: the same point written
        // otherwise is left to the general steps, which pass it.
        assert!(!plain_area(b"POLYGON ((0 51, 1 51, 1 52, 0.0 51.0))"));
        assert_eq!(
            check("POLYGON ((0 51, 1 51, 1 52, 0.0 51.0))", Want::Area),
            Ok(())
        );
        assert!(plain_area(b"POLYGON ((0 51, 1 51, 1 52,  0 51))"));
        assert!(!plain_area(b"POLYGON ((0 51, 1 51, 1 52, 0 510))"));
        // Spaces before a ring's first position and before its last are not part of either.
        assert!(plain_area(b"POLYGON (( 0 51, 1 51, 1 52,0 51))"));
        assert!(plain_area(b"POLYGON ((0 51, 1 51, 1 52, 0 51))"));
        assert!(plain_area(
            b"MULTIPOLYGON (((0 51, 1 51, 1 52, 0 51)), ((2 51, 3 51, 3 52, 2 51)))"
        ));
        assert!(!plain_area(
            b"POLYGON ((500 500, 501 500, 501 501, 500 500))"
        ));
        assert!(!plain_area(b"POLYGON ((0 51, 1 51, 1 52, 0 52))"));
    }

    #[test]
    fn plain_points_pass_as_the_general_steps_pass_them() {
        let points = [
            "POINT (-0.681152 52.762892)",
            "POINT(530000.5 180000.25)",
            "POINT ( -0.68 52.76)",
            "POINT (-0.68 52.76 )",
            "POINT (-0.68 52.76) ",
            "POINT (-0.68 52.76))",
            "POINT (-0.68 52.76, 1 2)",
            "POINT (-0.68 52.76 12)",
            "POINT (1e3 52)",
            "POINT (500 500)",
            "POINT (52.76)",
            "POINT (-0.68 52.76",
            "point (-0.68 52.76)",
            "POINT Z (-0.68 52.76 12)",
        ];
        fast_steps_agree_with_the_general_ones(&points, Want::Point, plain_point);
        assert!(plain_point(b"POINT (-0.681152 52.762892)"));
        assert!(plain_point(b"POINT(530000.5 180000.25)"));
        assert!(!plain_point(b"POINT (500 500)"));
    }

    #[test]
    fn never_panics() {
        let inputs = [
            "",
            " ",
            "(",
            ")",
            "POINT",
            "POINT(",
            "POINT()",
            "POINT(1",
            "POINT(1 2",
            "POINT(+",
            "POINT(e+5 1)",
            "POLYGON((",
            "POLYGON(())",
            "MULTIPOLYGON(((1 2,3 4,5 6,1 2))",
            "MULTIPOLYGON(((1 2,3 4,5 6,1 2)),",
            "Ünïcode",
            "POINT(1 2) ∞",
            "POINT (1e400 2)",
            "-",
            "1,2",
            "1 2 3",
            "POLYGON ((1 2, 3 4, 5 6, 1 2)) POLYGON",
        ];
        for input in inputs {
            let _ = check(input, Want::Area);
            let _ = check(input, Want::Point);
        }
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        let p = check("((((-1.140&&&&&", Want::Area).unwrap_err();
        assert!(
            p.message.english().contains("not WKT"),
            "{}",
            p.message.english()
        );
        let p = check(
            "POLYGON ((-1.1 52.9, -1.2 52.9, -1.2 53.0, -1.3 52.9))",
            Want::Area,
        )
        .unwrap_err();
        assert!(
            p.message.english().contains("not closed"),
            "{}",
            p.message.english()
        );
        let p = check("POLYGON ((-1.1 52.9, -1.2 52.9, -1.1 52.9))", Want::Area).unwrap_err();
        assert!(
            p.message.english().contains("3 positions"),
            "{}",
            p.message.english()
        );
        let p = check("POLYGON ((-1.1 52.9, -1.2 52.9, -1.2 53.", Want::Area).unwrap_err();
        assert!(
            p.message.english().contains("text ends"),
            "{}",
            p.message.english()
        );
        let p = check("POINT (-0.68 52.76)", Want::Area).unwrap_err();
        assert!(
            p.message.english().contains("not a boundary"),
            "{}",
            p.message.english()
        );
        let p = check("POINT (-240300864 5153246044)", Want::Point).unwrap_err();
        assert!(
            p.message.english().contains("neither"),
            "{}",
            p.message.english()
        );
        let p = check("52.678768, -2.168987", Want::Point).unwrap_err();
        assert!(
            p.message.english().ends_with("POINT (-2.168987 52.678768)"),
            "{}",
            p.message.english()
        );
        let p = check("POINT (1 2) x", Want::Point).unwrap_err();
        assert!(
            p.message.english().contains("after the end"),
            "{}",
            p.message.english()
        );
    }
}
