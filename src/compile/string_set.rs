//! A set of strings for an `enum`: looked up with one probe and one comparison.
//!
//! A general hash set hashes every byte of the value and then probes a group of slots; an `enum`
//! column is looked up on every row, and on the spending benchmark its three lookups a row were
//! a tenth of the check. Here a value's slot comes from its length and its first, middle and last
//! eight bytes, times a multiplier chosen when the standard is compiled so that no two allowed values
//! share a slot (perfect hashing). A value not in the set may land on any slot, and the one
//! comparison with that slot's value settles it.

/// At most this many values: beyond it a multiplier that separates them all gets rare, and a
/// hash set is the better structure.
const MAX_VALUES: usize = 64;
/// The largest table tried, in slots (a slot is one byte).
const MAX_SLOTS: usize = 1024;
/// Multipliers tried for each table size before the next size.
const TRIES: u64 = 256;
const EMPTY: u8 = u8::MAX;

pub struct StringSet {
    /// For each slot, the index of the value in it, or [`EMPTY`].
    slots: Box<[u8]>,
    values: Vec<Box<str>>,
    multiplier: u64,
    /// `64 - log2(slots)`: the top bits of the product pick the slot.
    shift: u32,
}

impl StringSet {
    /// The set of `values`; `None` when there are too many or no multiplier separates them
    /// (values alike in length and in the eight bytes at their start, middle and end).
    pub fn new<'a>(values: impl IntoIterator<Item = &'a str>) -> Option<StringSet> {
        // A long list (a code list of thousands of organisations) is given up on without copying
        // it; a list that long only because values repeat falls back to the hash set too.
        const MOST_READ: usize = 4 * MAX_VALUES;
        let mut values: Vec<&str> = values.into_iter().take(MOST_READ + 1).collect();
        if values.len() > MOST_READ {
            return None;
        }
        values.sort_unstable();
        values.dedup();
        if values.is_empty() || values.len() > MAX_VALUES {
            return None;
        }
        let values: Vec<Box<str>> = values.into_iter().map(Box::from).collect();
        let keys: Vec<u64> = values.iter().map(|v| key(v.as_bytes())).collect();
        let mut size = (values.len() * 2).next_power_of_two().max(8);
        while size <= MAX_SLOTS {
            let shift = 64 - size.trailing_zeros();
            // Odd multipliers from a fixed sequence, so that a standard compiles alike every time.
            let mut seed = 0x243F_6A88_85A3_08D3_u64;
            for _ in 0..TRIES {
                seed = splitmix(seed);
                let multiplier = seed | 1;
                if let Some(slots) = place(&keys, multiplier, shift, size) {
                    return Some(StringSet {
                        slots,
                        values,
                        multiplier,
                        shift,
                    });
                }
            }
            size *= 2;
        }
        None
    }

    #[inline]
    pub fn contains(&self, text: &str) -> bool {
        let slot = slot_of(key(text.as_bytes()), self.multiplier, self.shift);
        // The slot is always below the table's length (a power of two); `get` keeps a panic out
        // of the code all the same.
        match self.slots.get(slot) {
            Some(&index) if index != EMPTY => {
                same_bytes(self.values[usize::from(index)].as_bytes(), text.as_bytes())
            }
            _ => false,
        }
    }
}

/// Each key's slot, or `None` when two share one.
fn place(keys: &[u64], multiplier: u64, shift: u32, size: usize) -> Option<Box<[u8]>> {
    let mut slots = vec![EMPTY; size].into_boxed_slice();
    for (index, &key) in keys.iter().enumerate() {
        let slot = &mut slots[slot_of(key, multiplier, shift)];
        if *slot != EMPTY {
            return None;
        }
        *slot = u8::try_from(index).ok()?;
    }
    Some(slots)
}

#[inline]
fn slot_of(key: u64, multiplier: u64, shift: u32) -> usize {
    (key.wrapping_mul(multiplier) >> shift) as usize
}

/// The length and the first, middle and last eight bytes (fewer of a shorter value), mixed: the
/// middle tells apart long labels that share their ends (`Category A of the list`).
#[inline]
fn key(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let (head, middle, tail) = if n >= 8 {
        let middle = if n > 16 {
            word(&bytes[n / 2 - 4..n / 2 + 4])
        } else {
            0
        };
        (word(&bytes[..8]), middle, word(&bytes[n - 8..]))
    } else {
        (word(bytes), 0, 0)
    };
    let mixed = head
        ^ middle.rotate_left(17)
        ^ tail.rotate_left(41)
        ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    // Folded once so that the top bits the slot is read from depend on every byte sampled.
    mixed ^ (mixed >> 32)
}

/// Whether two values are the same, eight bytes at a time: enum values are short, and a call to
/// the C library's `memcmp` cost a third of the lookup.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return word(a) == word(b);
    }
    let mut at = 0;
    while at + 8 < n {
        if word(&a[at..at + 8]) != word(&b[at..at + 8]) {
            return false;
        }
        at += 8;
    }
    // The last eight bytes, overlapping what was compared when the length is not a multiple.
    word(&a[n - 8..]) == word(&b[n - 8..])
}

/// Up to eight bytes as a little-endian number.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let at = |i: usize| u64::from(bytes[i]);
    // Fixed-size reads that overlap, rather than a copy of `n` bytes into a buffer: a copy of a
    // length not known until run time is a call to the C library's `memcpy` (0.7% of the
    // listed-building-outline check's instructions: its code-list values are short).
    if n >= 8 {
        let mut whole = [0u8; 8];
        whole.copy_from_slice(&bytes[..8]);
        u64::from_le_bytes(whole)
    } else if n >= 4 {
        let mut head = [0u8; 4];
        let mut tail = [0u8; 4];
        head.copy_from_slice(&bytes[..4]);
        tail.copy_from_slice(&bytes[n - 4..]);
        // The overlapping bytes are the same in both halves, so or-ing them changes nothing.
        u64::from(u32::from_le_bytes(head)) | u64::from(u32::from_le_bytes(tail)) << (8 * (n - 4))
    } else if n > 0 {
        at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1))
    } else {
        0
    }
}

fn splitmix(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_is_not_taken_for_its_first_values() {
        let mut values = vec!["a"; 300];
        values.push("b");
        assert!(StringSet::new(values).is_none());
        assert!(StringSet::new(["a", "a", "b"]).is_some_and(|set| set.contains("b")));
    }

    #[test]
    fn a_short_word_is_its_bytes_padded_with_zeros() {
        let text = b"0123456789abcdefg";
        for start in 0..4 {
            for n in 0..=12 {
                let bytes = &text[start..start + n];
                let mut padded = [0u8; 8];
                let kept = n.min(8);
                padded[..kept].copy_from_slice(&bytes[..kept]);
                assert_eq!(word(bytes), u64::from_le_bytes(padded), "{n} bytes");
            }
        }
    }

    const EXPENSE_TYPES: &[&str] = &[
        "Third Party Payments",
        "Private Contractors",
        "Agency Staff",
        "Consultancy Fees",
        "Equipment & Materials",
        "Utilities - Electricity",
        "Utilities - Gas",
        "Utilities - Water",
        "ICT",
        "",
        "a",
        "ab",
    ];

    #[test]
    fn holds_its_values_and_nothing_else() {
        let set = StringSet::new(EXPENSE_TYPES.iter().copied()).expect("separable");
        for value in EXPENSE_TYPES {
            assert!(set.contains(value), "{value:?}");
        }
        for other in [
            "Utilities - Oil",
            "utilities - gas",
            "Utilities - Gas ",
            "ICT ",
            "IC",
            "a\0",
            "b",
            "Third Party Payments and more",
            "Agency Staff\u{a0}",
        ] {
            assert!(!set.contains(other), "{other:?}");
        }
    }

    #[test]
    fn every_value_of_a_large_enum_is_found_and_near_misses_are_not() {
        let values: Vec<String> = (0..MAX_VALUES).map(|i| format!("Code {i:03}")).collect();
        let set = StringSet::new(values.iter().map(String::as_str)).expect("separable");
        for value in &values {
            assert!(set.contains(value), "{value}");
            assert!(!set.contains(&format!("{value}x")), "{value}x");
        }
        for i in MAX_VALUES..1000 {
            assert!(!set.contains(&format!("Code {i:03}")));
        }
    }

    #[test]
    fn values_are_compared_byte_for_byte_at_every_length() {
        for n in 0..40 {
            let a: Vec<u8> = (0..n).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(same_bytes(&a, &a.clone()), "{n}");
            for at in 0..n {
                let mut b = a.clone();
                b[at] ^= 1;
                assert!(!same_bytes(&a, &b), "{n} at {at}");
            }
            assert!(!same_bytes(&a, &a[..n.saturating_sub(1)]) || n == 0);
        }
    }

    #[test]
    fn values_alike_at_both_ends_or_too_many_are_left_to_a_hash_set() {
        // Same length, same eight bytes at the start, middle and end: no slot can tell them
        // apart. Labels that differ in the middle can be.
        assert!(StringSet::new([
            "Category A, in a list of the long",
            "Category B, in a list of the long"
        ])
        .is_none());
        let middle = StringSet::new(["Category A of the list", "Category B of the list"])
            .expect("separable by the middle");
        assert!(middle.contains("Category B of the list"));
        assert!(!middle.contains("Category C of the list"));
        let many: Vec<String> = (0..=MAX_VALUES).map(|i| i.to_string()).collect();
        assert!(StringSet::new(many.iter().map(String::as_str)).is_none());
        assert!(StringSet::new([]).is_none());
    }
}
