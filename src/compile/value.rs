//! Cell values: the JSON types a column converts to, the conversion itself (numbers read without
//! allocating), and compiled patterns.

use regex::Regex;
use serde_json::Value;

/// The JSON types a column can be converted to, in the order the schema lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    String,
    Integer,
    Number,
    Boolean,
    /// A nested JSON object, written as JSON text (a JSON file's nested value).
    Object,
    /// A nested JSON array, written as JSON text.
    Array,
}

impl Kind {
    pub fn describe(self) -> &'static str {
        match self {
            Kind::String => "text",
            Kind::Integer => "a whole number",
            Kind::Number => "a number",
            Kind::Boolean => "true or false",
            Kind::Object => "a JSON object",
            Kind::Array => "a JSON array",
        }
    }
}

/// A cell converted to the column's type.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Typed<'a> {
    Str(&'a str),
    Int(i64),
    Num(f64),
    Bool(bool),
    /// JSON text already found to hold an object or an array.
    Json(&'a str),
}

impl Typed<'_> {
    pub fn to_json(self) -> Value {
        match self {
            Typed::Str(s) => Value::String(s.to_string()),
            Typed::Int(i) => Value::from(i),
            Typed::Num(n) => serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number),
            Typed::Bool(b) => Value::Bool(b),
            Typed::Json(text) => {
                serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_string()))
            }
        }
    }

    fn as_f64(self) -> Option<f64> {
        match self {
            Typed::Int(i) => Some(i as f64),
            Typed::Num(n) => Some(n),
            _ => None,
        }
    }

    /// Equality as JSON Schema defines it (`1` equals `1.0`).
    pub fn equals(self, value: &Value) -> bool {
        match (self, value) {
            (Typed::Str(s), Value::String(v)) => s == v,
            (Typed::Bool(b), Value::Bool(v)) => b == *v,
            (Typed::Json(text), v) => serde_json::from_str::<Value>(text).is_ok_and(|t| &t == v),
            (t, Value::Number(n)) => match (t.as_f64(), n.as_f64()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
            _ => false,
        }
    }
}

/// Whether the text is a JSON-style decimal: optional minus, digits, optional fraction and exponent.
pub fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i == start {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let frac = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == frac {
            return false;
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let exp = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == exp {
            return false;
        }
    }
    i == b.len()
}

/// Exact powers of ten: a decimal with at most 15 digits is its integer digits divided by one of
/// these, and that division is correctly rounded (Clinger's fast path), as `str::parse` would be.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of a short plain decimal (`-1234.56`: at most 15 digits, no exponent) in one pass;
/// `None` for anything else, which the general parser then handles.
pub fn plain_decimal(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, digits) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0usize;
    let mut fraction: Option<usize> = None;
    for (i, &b) in digits.iter().enumerate() {
        match b {
            b'0'..=b'9' => {
                // Wrapping: a run of more than 19 digits would overflow, and the count below
                // turns it away whatever the sum.
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                count += 1;
            }
            b'.' if fraction.is_none() && i > 0 && i + 1 < digits.len() => {
                fraction = Some(digits.len() - i - 1)
            }
            _ => return None,
        }
    }
    if count == 0 || count > 15 {
        return None;
    }
    let value = mantissa as f64 / POWERS_OF_TEN[fraction.unwrap_or(0)];
    Some(if negative { -value } else { value })
}

/// `text` as `str::parse::<f64>` reads it, through the one-pass reader when it is a short plain
/// decimal (most coordinates and amounts).
pub fn parse_f64(text: &str) -> Option<f64> {
    plain_decimal(text).or_else(|| text.parse().ok())
}

/// Converts trimmed cell text to the first of `kinds` it parses as.
pub fn convert<'a>(text: &'a str, kinds: &[Kind]) -> Option<Typed<'a>> {
    for kind in kinds {
        match kind {
            Kind::String => return Some(Typed::Str(text)),
            Kind::Integer => {
                if is_decimal(text) {
                    if let Ok(i) = text.parse::<i64>() {
                        return Some(Typed::Int(i));
                    }
                    if let Ok(n) = text.parse::<f64>() {
                        if n.is_finite() && n.fract() == 0.0 {
                            return Some(Typed::Num(n));
                        }
                    }
                }
            }
            Kind::Number => {
                if let Some(n) = plain_decimal(text) {
                    return Some(Typed::Num(n));
                }
                if is_decimal(text) {
                    if let Ok(n) = text.parse::<f64>() {
                        if n.is_finite() {
                            return Some(Typed::Num(n));
                        }
                    }
                }
            }
            Kind::Boolean => {
                if text.eq_ignore_ascii_case("true") {
                    return Some(Typed::Bool(true));
                }
                if text.eq_ignore_ascii_case("false") {
                    return Some(Typed::Bool(false));
                }
            }
            Kind::Object | Kind::Array => {
                // Parsed only for columns whose type is a nested value.
                let wanted = if *kind == Kind::Object { b'{' } else { b'[' };
                let shape_fits = text.as_bytes().first() == Some(&wanted);
                if shape_fits && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
                    return Some(Typed::Json(text));
                }
            }
        }
    }
    None
}

/// A column's `pattern`, compiled once: a table of next states indexed by byte where the DFA has
/// few states (most published patterns), a dense DFA where one of modest size exists, the `regex`
/// crate otherwise. All read the same syntax with the same (Unicode) semantics, and JSON Schema's
/// unanchored search is kept: the pattern may match anywhere in the value.
pub struct Pattern {
    regex: Regex,
    table: Option<ByteTable>,
    /// The same language as one class of bytes a position, where the pattern is that simple.
    chain: Option<ClassChain>,
    /// The DFA and its start state for a search from the start of a value (computed once).
    dfa: Option<(
        regex_automata::dfa::dense::DFA<Vec<u32>>,
        regex_automata::util::primitives::StateID,
    )>,
}

impl Pattern {
    /// Largest DFA built for one pattern; larger ones (big Unicode classes) use `regex`.
    const DFA_LIMIT: usize = 1 << 20;

    pub fn new(pattern: &str) -> Result<Pattern, regex::Error> {
        let regex = Regex::new(pattern)?;
        let config = regex_automata::dfa::dense::Config::new()
            .dfa_size_limit(Some(Self::DFA_LIMIT))
            .determinize_size_limit(Some(Self::DFA_LIMIT));
        let dfa = regex_automata::dfa::dense::Builder::new()
            .configure(config)
            .build(pattern)
            .ok()
            .and_then(|dfa| {
                use regex_automata::dfa::Automaton;
                let start = dfa
                    .start_state(&regex_automata::util::start::Config::new())
                    .ok()?;
                Some((dfa, start))
            });
        let table = dfa
            .as_ref()
            .and_then(|(dfa, start)| ByteTable::new(dfa, *start));
        let chain = table.as_ref().and_then(ClassChain::new);
        Ok(Pattern {
            regex,
            table,
            chain,
            dfa,
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        use regex_automata::dfa::Automaton;
        if let Some(chain) = &self.chain {
            return chain.is_match(text.as_bytes());
        }
        if let Some(table) = &self.table {
            return table.is_match(text.as_bytes());
        }
        if let Some((dfa, start)) = &self.dfa {
            // Walk the DFA byte by byte: values are short, so a search's set-up would cost more
            // than the walk. Match states come one byte late, which the end-of-input step settles.
            let mut state = *start;
            for &byte in text.as_bytes() {
                state = dfa.next_state(state, byte);
                if dfa.is_special_state(state) {
                    if dfa.is_match_state(state) {
                        return true;
                    }
                    if dfa.is_dead_state(state) {
                        return false;
                    }
                    if dfa.is_quit_state(state) {
                        // A byte the DFA cannot decide on (e.g. for Unicode word boundaries).
                        return self.regex.is_match(text);
                    }
                }
            }
            return dfa.is_match_state(dfa.next_eoi_state(state));
        }
        self.regex.is_match(text)
    }

    pub fn as_str(&self) -> &str {
        self.regex.as_str()
    }

    /// Whether every value `other` matches, this pattern matches too. Decided on the two byte
    /// tables (every pair of states the same bytes can reach); `false` when either has none.
    pub fn contains(&self, other: &Pattern) -> bool {
        match (&self.table, &other.table) {
            (Some(this), Some(other)) => this.contains(other),
            _ => false,
        }
    }
}

/// A small DFA as one row of 256 next states a state: a byte costs one table read and no test,
/// where the dense DFA's walk costs a byte-class read and a special-state test besides (a third of
/// the instructions, measured with callgrind on the spend benchmark). A match is final (the search
/// is unanchored: a match anywhere will do) and so is a dead end: both are states never left.
struct ByteTable {
    /// Rows past the DFA's states stay dead; a fixed number of rows lets a state index them
    /// without a bounds check.
    next: Box<[[u8; 256]; ByteTable::MAX_STATES]>,
    /// Whether ending the value in each state is a match.
    accepts_at_end: Vec<bool>,
    start: u8,
    /// States that most bytes leave where they are (`\S+`, `.*`, a match or a dead end): a run
    /// of such bytes is read without waiting on the table for each, since the state is known.
    stays: [bool; ByteTable::MAX_STATES],
    /// Whether any state but the match and the dead end is one of them.
    has_long_stays: bool,
}

impl ByteTable {
    const DEAD: u8 = 0;
    const MATCHED: u8 = 1;
    /// States a table holds; a DFA with more keeps its own walk.
    const MAX_STATES: usize = 128;

    fn new(
        dfa: &regex_automata::dfa::dense::DFA<Vec<u32>>,
        start: regex_automata::util::primitives::StateID,
    ) -> Option<ByteTable> {
        use regex_automata::dfa::Automaton;
        use regex_automata::util::primitives::StateID;
        let mut next = Box::new([[Self::DEAD; 256]; Self::MAX_STATES]);
        next[usize::from(Self::MATCHED)] = [Self::MATCHED; 256];
        let mut accepts_at_end = vec![false, true];
        let mut ids: Vec<StateID> = Vec::new();
        // The table's number for a DFA state, numbering (and so queueing) it when new.
        let number = |id: StateID, ids: &mut Vec<StateID>| -> Option<u8> {
            if dfa.is_match_state(id) {
                return Some(Self::MATCHED);
            }
            if dfa.is_dead_state(id) {
                return Some(Self::DEAD);
            }
            if dfa.is_quit_state(id) {
                return None;
            }
            let at = match ids.iter().position(|known| *known == id) {
                Some(at) => at,
                None => {
                    ids.push(id);
                    ids.len() - 1
                }
            };
            u8::try_from(at + 2).ok()
        };
        let start = number(start, &mut ids)?;
        let mut done = 0;
        while done < ids.len() {
            if ids.len() + 2 > Self::MAX_STATES {
                return None;
            }
            let id = ids[done];
            let mut row = [Self::DEAD; 256];
            for (byte, to) in (0..=255u8).zip(row.iter_mut()) {
                *to = number(dfa.next_state(id, byte), &mut ids)?;
            }
            next[done + 2] = row;
            accepts_at_end.push(dfa.is_match_state(dfa.next_eoi_state(id)));
            done += 1;
        }
        let mut stays = [false; Self::MAX_STATES];
        for (state, (row, stays)) in next.iter().zip(stays.iter_mut()).enumerate() {
            *stays = row.iter().filter(|&&to| usize::from(to) == state).count() >= 64;
        }
        let has_long_stays = stays[2..].iter().any(|&s| s);
        Some(ByteTable {
            next,
            accepts_at_end,
            start,
            stays,
            has_long_stays,
        })
    }

    fn is_match(&self, text: &[u8]) -> bool {
        if self.has_long_stays {
            return self.is_match_skipping(text);
        }
        let mut state = self.start;
        for &byte in text {
            state = self.step(state, byte);
        }
        self.accepts(state)
    }

    /// The walk, reading each run of bytes that leave the state where it is as a run: the tests
    /// of a run do not depend on each other, where each step of the walk waits on the last
    /// (long identifiers under `^360G-\S+$` were a fifth of the 360Giving check).
    fn is_match_skipping(&self, text: &[u8]) -> bool {
        let mut state = self.start;
        let mut at = 0;
        while let Some(&byte) = text.get(at) {
            let row = &self.next[usize::from(state & 0x7f)];
            if self.stays[usize::from(state & 0x7f)] {
                while text.get(at).is_some_and(|&b| row[usize::from(b)] == state) {
                    at += 1;
                }
                let Some(&byte) = text.get(at) else {
                    break;
                };
                state = row[usize::from(byte)];
            } else {
                state = row[usize::from(byte)];
            }
            at += 1;
        }
        self.accepts(state)
    }

    #[inline]
    fn step(&self, state: u8, byte: u8) -> u8 {
        // States are below MAX_STATES (128): the mask only tells the compiler so.
        self.next[usize::from(state & 0x7f)][usize::from(byte)]
    }

    fn accepts(&self, state: u8) -> bool {
        self.accepts_at_end
            .get(usize::from(state))
            .copied()
            .unwrap_or(false)
    }

    /// Whether every value `other` accepts, this table accepts too: no pair of states that the
    /// same bytes reach has `other` accepting and this not.
    fn contains(&self, other: &ByteTable) -> bool {
        let mut seen = vec![false; Self::MAX_STATES * Self::MAX_STATES];
        let mut queue = vec![(self.start, other.start)];
        while let Some((this, that)) = queue.pop() {
            let at = usize::from(this & 0x7f) * Self::MAX_STATES + usize::from(that & 0x7f);
            if std::mem::replace(&mut seen[at], true) {
                continue;
            }
            if other.accepts(that) && !self.accepts(this) {
                return false;
            }
            for byte in 0..=255u8 {
                queue.push((self.step(this, byte), other.step(that, byte)));
            }
        }
        true
    }
}

/// An anchored pattern that is a run of byte classes, one a position, with a set of lengths
/// (`^[0-9]{10}$`, `^[0-9]{6,8}$`, `^[A-Z]{2}[0-9]{4}$`): a value matches when its length is one
/// of them and each byte is in its position's class. The table walk has to wait for each byte's
/// state before the next; these tests do not depend on each other (on the spending benchmark the
/// walk was a seventh of the check). A run that ends in a match (`^GB-CHC-`, a prefix: 360Giving's
/// rules ask three on every recipient) is a `prefix`: its classes are tested on the value's first
/// bytes and the rest is not read, where the walk went on to its end. (The DFA reports a match one
/// byte late, so the last class is of the byte after the prefix: any byte for `^GB-CHC-`, a
/// narrower class for `^a\b`; a value no longer than the prefix is judged by `lengths`.)
struct ClassChain {
    /// Whether each byte may stand at each position.
    classes: Vec<[bool; 256]>,
    /// Bit `n` is set when a value of `n` bytes that fits the classes matches.
    lengths: u64,
    /// Any value whose first bytes fit all the classes matches.
    prefix: bool,
}

impl ClassChain {
    /// Read off a byte table whose every state leads, on every byte that does not end the
    /// search, to the same new state, never back; the match, if the run reaches it, ends it.
    fn new(table: &ByteTable) -> Option<ClassChain> {
        let mut classes = Vec::new();
        let mut lengths = 0u64;
        let mut prefix = false;
        let mut state = table.start;
        loop {
            if table.accepts(state) {
                lengths |= 1 << classes.len();
            }
            let row = &table.next[usize::from(state & 0x7f)];
            let mut onward = None;
            for &to in row.iter().filter(|&&to| to != ByteTable::DEAD) {
                if onward.is_some_and(|known| known != to) {
                    return None;
                }
                onward = Some(to);
            }
            let Some(onward) = onward else {
                break;
            };
            if classes.len() == 63 {
                return None;
            }
            let mut class = [false; 256];
            for (allowed, &to) in class.iter_mut().zip(row.iter()) {
                *allowed = to == onward;
            }
            classes.push(class);
            // The match is final: what follows it does not matter.
            if onward == ByteTable::MATCHED {
                prefix = true;
                break;
            }
            // States are numbered in the order they are found, so a chain's next state is always
            // a later one; anything else is a loop.
            if onward <= state {
                return None;
            }
            state = onward;
        }
        Some(ClassChain {
            classes,
            lengths,
            prefix,
        })
    }

    #[inline]
    fn is_match(&self, text: &[u8]) -> bool {
        let n = text.len();
        let fits = |text: &[u8]| {
            text.iter()
                .zip(&self.classes)
                .fold(true, |fits, (&byte, class)| fits & class[usize::from(byte)])
        };
        if self.prefix {
            if let Some(start) = text.get(..self.classes.len()) {
                return fits(start);
            }
        }
        if n >= 64 || (self.lengths >> n) & 1 == 0 {
            return false;
        }
        // Every length in `lengths` has its classes, so the zip covers the whole value. No early
        // exit: values are short, and a branch a byte would cost more than the tests it saves.
        fits(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_patterns_agree_with_regex() {
        let patterns = [
            "^[0-9]{6,8}$",
            "^(E0[6-9]|E10|W06|S12|N09)[0-9]{6}$",
            "b$",
            "^a",
            "x",
            "",
            "^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?[0-9][0-9A-HJKMNPR-Y]? ?[0-9][ABD-HJLNP-UW-Z]{2})$",
            r"\d+",
            r"^\w+$",
            r"\bword\b",
            "^£[0-9]+$",
            "(?i)^abc$",
            "^[0-9]{10}$",
            "^[A-Z]{2}[0-9]{2,3}$",
            "^$",
            "^[0-9]+$",
            "^(ab|cd)$",
            "^[a-z]{1,2}",
            r"^360G-\S+$",
            r"^(360G-\S+|[A-Z]{2}-[A-Z0-9]+-\S+)$",
            "^a.*b$",
            "^GB-CHC-",
            "^GB-",
            "^GB-(COH|CHC|SC)-",
            "^[A-Z][0-9]",
            "^ab?",
            r"^a(?-u:\b)",
            "^a(?m:$)",
        ];
        let inputs = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "cd",
            "1234567890",
            "12345678901",
            "AB12",
            "AB123",
            "AB1234",
            "360G-example-2024-001",
            "360G-example 2024",
            "360G-",
            "GB-CHC-1164883",
            "GB-CHC-",
            "GB-chc-1",
            "a long way to b",
            "a long way to b\n",
            "Ab12",
            "abc",
            "123456",
            "12345",
            "123456789",
            "E06000060",
            "E0600006",
            "EX2 4QD",
            "GIR 0AA",
            "x",
            "axb",
            "٣٤",
            "word",
            "a word here",
            "swordfish",
            "£12",
            "ABC",
            "abcd",
            "é",
        ];
        let mut tables = 0;
        for pattern in patterns {
            let compiled = Pattern::new(pattern).expect("compiles");
            tables += usize::from(compiled.table.is_some());
            let regex = Regex::new(pattern).expect("compiles");
            for input in inputs {
                assert_eq!(
                    compiled.is_match(input),
                    regex.is_match(input),
                    "{pattern:?} on {input:?}"
                );
            }
        }
        // The published patterns above are small enough for the byte table.
        assert!(tables >= 8, "{tables}");
        // A state most bytes stay in is read as a run: the walk that does so is the one tested
        // above for these.
        for pattern in [r"^360G-\S+$", "^a.*b$", "x"] {
            let compiled = Pattern::new(pattern).expect("compiles");
            assert!(
                compiled.table.as_ref().is_some_and(|t| t.has_long_stays),
                "{pattern}"
            );
        }
        // Runs of classes with a set of lengths, or ending in a match whatever follows (a
        // prefix), are tested a position at a time; anything with a loop or a choice of paths
        // is not.
        let chained: Vec<&str> = patterns
            .iter()
            .copied()
            .filter(|p| Pattern::new(p).is_ok_and(|c| c.chain.is_some()))
            .collect();
        assert_eq!(
            chained,
            [
                "^[0-9]{6,8}$",
                "^a",
                "",
                "(?i)^abc$",
                "^[0-9]{10}$",
                "^[A-Z]{2}[0-9]{2,3}$",
                "^$",
                "^[a-z]{1,2}",
                "^GB-CHC-",
                "^GB-",
                "^[A-Z][0-9]",
                "^ab?",
                r"^a(?-u:\b)",
                "^a(?m:$)"
            ]
        );
        // Every string of up to three of these characters, on every pattern.
        let alphabet = ['a', 'A', 'b', 'E', '0', '6', '9', ' ', '-', '£', 'é', '\n'];
        let mut strings = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        strings.sort();
        strings.dedup();
        for pattern in patterns {
            let compiled = Pattern::new(pattern).expect("compiles");
            let regex = Regex::new(pattern).expect("compiles");
            for input in &strings {
                assert_eq!(
                    compiled.is_match(input),
                    regex.is_match(input),
                    "{pattern:?} on {input:?}"
                );
            }
        }
    }

    #[test]
    fn containment_of_patterns_is_decided_on_their_tables() {
        let pattern = |p: &str| Pattern::new(p).expect("compiles");
        let iso = pattern("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
        assert!(iso.contains(&iso));
        assert!(pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$").contains(&iso));
        assert!(pattern("[0-9]").contains(&iso));
        assert!(pattern("").contains(&iso));
        assert!(!iso.contains(&pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")));
        assert!(!pattern("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9])$").contains(&iso));
        assert!(!pattern("^2").contains(&iso));
        assert!(pattern("^[0-9]{10}$").contains(&pattern("^[0-9]{10}$")));
        assert!(!pattern("^[0-9]{10}$").contains(&pattern("^[0-9]{6,10}$")));
    }

    #[test]
    fn decimals_are_plain() {
        for ok in ["0", "-12", "697.00", "1e3", "-0.5E-2"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in [
            "", "-", "1,496.00", "£12", "1.", ".5", "1.2.3", "inf", "NaN", "+5", "1e",
        ] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn plain_decimals_parse_exactly_as_the_standard_parser() {
        for text in [
            "0",
            "-0",
            "697.00",
            "1496.5",
            "-120.50",
            "0.1",
            "0.3",
            "123456789012345",
            "99999999999999.9",
            "5414.50",
            "007",
            "0.00000000000001",
        ] {
            assert_eq!(plain_decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "1e3",
            "1234567890123456",
            // Beyond what 64 bits hold: turned away, not overflowed (a panic in debug builds).
            "123456789012345678901234567890",
            "+5",
            "1,000",
            " 1",
        ] {
            assert_eq!(plain_decimal(text), None, "{text}");
        }
        // Anything the fast path leaves is still a number through the general parser.
        assert_eq!(convert("1e3", &[Kind::Number]), Some(Typed::Num(1000.0)));
        for long in [
            "1234567890123456.5",
            "1.000000000000001",
            "0.000000000000001",
        ] {
            assert_eq!(plain_decimal(long), None);
            assert_eq!(
                convert(long, &[Kind::Number]),
                long.parse().ok().map(Typed::Num)
            );
        }
    }

    #[test]
    fn conversion_takes_the_first_type_that_parses() {
        assert_eq!(
            convert("12", &[Kind::Integer, Kind::String]),
            Some(Typed::Int(12))
        );
        assert_eq!(convert("1.5", &[Kind::Integer]), None);
        assert_eq!(
            convert("1.5", &[Kind::Integer, Kind::Number]),
            Some(Typed::Num(1.5))
        );
        assert_eq!(convert("TRUE", &[Kind::Boolean]), Some(Typed::Bool(true)));
        assert_eq!(convert("yes", &[Kind::Boolean]), None);
        assert_eq!(
            convert("x", &[Kind::Number, Kind::String]),
            Some(Typed::Str("x"))
        );
    }

    #[test]
    fn json_equality_ignores_number_representation() {
        assert!(Typed::Int(1).equals(&serde_json::json!(1.0)));
        assert!(!Typed::Str("1").equals(&serde_json::json!(1)));
    }
}
