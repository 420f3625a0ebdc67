//! A table's `missingValues`, compiled for the test every cell goes through first.

/// The texts that stand for "no value" in a table (the empty text always does). Most cells are
/// settled by their length and first byte alone, without comparing them with every missing value
/// (seven in the planning standards), which had been a visible share of each cell's check.
pub struct MissingValues {
    values: Vec<String>,
    /// Bit `n` set when a missing value is `n` bytes long (`n` below 64).
    lengths: u64,
    /// Bit `b` set when a missing value starts with byte `b`.
    first_bytes: [u64; 4],
    /// A missing value is 64 bytes or longer: lengths cannot rule it out.
    has_long: bool,
}

impl MissingValues {
    pub fn new(values: &[String]) -> MissingValues {
        let mut lengths = 0u64;
        let mut first_bytes = [0u64; 4];
        let mut has_long = false;
        for value in values {
            match value.len() {
                0 => {}
                n if n < 64 => lengths |= 1 << n,
                _ => has_long = true,
            }
            if let Some(&b) = value.as_bytes().first() {
                first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        MissingValues {
            values: values.to_vec(),
            lengths,
            first_bytes,
            has_long,
        }
    }

    /// Whether the (trimmed) text is empty or one of the missing values.
    #[inline]
    pub fn contains(&self, trimmed: &str) -> bool {
        let bytes = trimmed.as_bytes();
        let Some(&first) = bytes.first() else {
            return true;
        };
        let n = bytes.len();
        let length_may = if n < 64 {
            (self.lengths >> n) & 1 == 1
        } else {
            self.has_long
        };
        if !length_may || (self.first_bytes[usize::from(first >> 6)] >> (first & 63)) & 1 == 0 {
            return false;
        }
        self.values.iter().any(|m| m == trimmed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_comparison_with_every_value_does() {
        let long = "x".repeat(70);
        let values: Vec<String> = ["", "null", "NULL", "N/A", "n/a", "#N/A", "-", &long]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let missing = MissingValues::new(&values);
        let plain = |t: &str| t.is_empty() || values.iter().any(|m| m == t);
        let longer = "x".repeat(71);
        for text in [
            "", "null", "NULL", "Null", "N/A", "n/a", "N/a", "#N/A", "-", "--", "Oak", "nil",
            "#N/B", "x", &long, &longer, "é", "ná",
        ] {
            assert_eq!(missing.contains(text), plain(text), "{text:?}");
        }
        let none = MissingValues::new(&[]);
        assert!(none.contains(""));
        assert!(!none.contains("-"));
    }
}
