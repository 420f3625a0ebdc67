//! Sorting key entries (16-byte numbers: a value or its fingerprint, then the row). Fingerprints
//! (long values such as UUIDs) are random bytes: split by one byte at a time, most significant
//! first, in place, 256 ways a level, they sort in a few counting and moving passes, where a
//! comparison sort takes log₂ n levels (about 200 instructions an entry for Open Referral UK's
//! 86,000 UUID keys). Short values held as text (`LB1-204`, running numbers) vary in few values a
//! byte, digits and lengths, and split too little to gain: those are left to comparisons. Numbers
//! have one ascending order, so the result is `sort_unstable`'s either way.

use rayon::prelude::*;

/// Below this many entries a slice is left to `sort_unstable`: counting 256 buckets costs more
/// than comparing a few dozen entries.
const SMALL: usize = 64;
/// Entries looked at to judge how many values a byte takes (`splits_widely`).
const SAMPLE: usize = 64;
/// Fewer values than this in a byte of the sample and the slice is sorted by comparisons.
const WIDE: usize = 16;
/// From this many entries the buckets of a level are sorted on rayon's threads.
const PARALLEL: usize = 1 << 16;

/// Sorts `entries` ascending. Entries are pushed in row order, so a key that grows with the row
/// (a running number) comes already sorted: that is checked first, in one pass.
pub fn sort_entries(entries: &mut [u128]) {
    if entries.is_sorted() {
        return;
    }
    sort_from(entries);
}

/// Whether a few entries spread over the slice take many values in their first byte that
/// differs: a byte of few values (a decimal digit, a length) splits too little to pay for the
/// counting and moving, and comparisons do better.
fn splits_widely(entries: &[u128]) -> bool {
    let step = (entries.len() / SAMPLE).max(1);
    let sample = || entries.iter().step_by(step).copied();
    let Some(byte) = first_differing_byte(sample()) else {
        return false;
    };
    let mut seen = [0u64; 4];
    for entry in sample() {
        let value = digit(entry, byte);
        seen[value / 64] |= 1 << (value % 64);
    }
    seen.iter()
        .map(|bits| bits.count_ones() as usize)
        .sum::<usize>()
        >= WIDE
}

/// Sorts `entries` by their first byte that differs (0 is the most significant), then each
/// bucket by its own.
fn sort_from(entries: &mut [u128]) {
    if entries.len() <= SMALL {
        entries.sort_unstable();
        return;
    }
    if !splits_widely(entries) {
        // Comparisons, on rayon's threads when there are many.
        entries.par_sort_unstable();
        return;
    }
    // Skip the bytes every entry shares (a key's fixed prefix) in one pass.
    let Some(byte) = first_differing_byte(entries.iter().copied()) else {
        return;
    };
    let counts = Counts::of(entries, byte);
    let ends = distribute(entries, byte, &counts);
    let digits = counts.lowest..=counts.highest;
    if entries.len() >= PARALLEL {
        let mut buckets = Vec::with_capacity(digits.clone().count());
        let mut rest = entries;
        let mut start = 0;
        for digit in digits {
            let (bucket, after) = rest.split_at_mut(ends[digit] - start);
            start = ends[digit];
            rest = after;
            buckets.push(bucket);
        }
        buckets.into_par_iter().for_each(sort_from);
    } else {
        let mut start = 0;
        for digit in digits {
            let end = ends[digit];
            if end - start > 1 {
                sort_from(&mut entries[start..end]);
            }
            start = end;
        }
    }
}

/// The first byte (0 is the most significant) in which the entries are not all alike; `None`
/// when they are equal.
fn first_differing_byte(entries: impl Iterator<Item = u128>) -> Option<u32> {
    let (all, any) = entries.fold((u128::MAX, 0), |(all, any), e| (all & e, any | e));
    let differing = all ^ any;
    (differing != 0).then(|| differing.leading_zeros() / 8)
}

fn digit(entry: u128, byte: u32) -> usize {
    (entry >> (120 - 8 * byte)) as u8 as usize
}

/// How many entries have each value of one byte, and the lowest and highest value seen: the
/// walks over the buckets go from the one to the other, not over all 256 (a digit spans ten).
struct Counts {
    counts: [usize; 256],
    lowest: usize,
    highest: usize,
}

impl Counts {
    fn of(entries: &[u128], byte: u32) -> Counts {
        let mut counts = [0usize; 256];
        for entry in entries {
            counts[digit(*entry, byte)] += 1;
        }
        let lowest = counts.iter().position(|&n| n > 0).unwrap_or(0);
        let highest = counts.iter().rposition(|&n| n > 0).unwrap_or(0);
        Counts {
            counts,
            lowest,
            highest,
        }
    }
}

/// Moves every entry into its byte's bucket, in place (each entry is moved once, straight to the
/// next free place of its bucket); returns where each bucket ends.
fn distribute(entries: &mut [u128], byte: u32, counts: &Counts) -> [usize; 256] {
    let mut next = [0usize; 256];
    let mut ends = [0usize; 256];
    let mut total = 0;
    for digit in counts.lowest..=counts.highest {
        next[digit] = total;
        total += counts.counts[digit];
        ends[digit] = total;
    }
    for bucket in counts.lowest..=counts.highest {
        while next[bucket] < ends[bucket] {
            let mut held = entries[next[bucket]];
            let mut home = digit(held, byte);
            while home != bucket {
                std::mem::swap(&mut held, &mut entries[next[home]]);
                next[home] += 1;
                home = digit(held, byte);
            }
            entries[next[bucket]] = held;
            next[bucket] += 1;
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_alike(mut entries: Vec<u128>) {
        let mut expected = entries.clone();
        expected.sort_unstable();
        sort_entries(&mut entries);
        assert_eq!(entries, expected);
    }

    #[test]
    fn sorts_as_sort_unstable_does() {
        let mut next = crate::testing::numbers(0x5eed_f057);
        for round in 0..200 {
            let len = match round % 10 {
                0 => (next() % 200_000) as usize,
                1..=4 => (next() % 100) as usize,
                _ => (next() % 5_000) as usize,
            };
            // Entries alike in their high bytes, as keys with a shared prefix or one length are,
            // with the spread of their varying bytes chosen per round.
            let shared = next() as u128 * 0x1_0000_0001;
            let varying_bits = 1 + (next() % 127) as u32;
            let mask = (1u128 << varying_bits) - 1;
            let mut entries: Vec<u128> = (0..len)
                .map(|_| {
                    let random = (u128::from(next()) << 64) | u128::from(next());
                    (shared & !mask) | (random & mask)
                })
                .collect();
            if round % 7 == 0 {
                // Many repeats of few values.
                let few = 1 + u128::from(next() % 5);
                let shift = next() % 125;
                for entry in entries.iter_mut() {
                    *entry = (*entry % few) << shift;
                }
            }
            sorted_alike(entries);
        }
    }

    #[test]
    fn many_copies_of_many_values_sort() {
        // The references' shape: values without their rows, each repeated.
        let mut next = crate::testing::numbers(0x00c0_ffee);
        for copies in [2, 100] {
            let values: Vec<u128> = (0..2_000)
                .map(|_| (u128::from(next()) << 64) | u128::from(next()))
                .collect();
            let mut entries: Vec<u128> = (0..copies).flat_map(|_| values.clone()).collect();
            let mut shuffle = crate::testing::numbers(copies as u64);
            for i in (1..entries.len()).rev() {
                entries.swap(i, (shuffle() % (i as u64 + 1)) as usize);
            }
            sorted_alike(entries);
        }
    }

    #[test]
    fn edge_shapes_sort() {
        sorted_alike(Vec::new());
        sorted_alike(vec![7]);
        sorted_alike((0..100_000).collect());
        sorted_alike((0..100_000).rev().collect());
        sorted_alike(vec![u128::MAX; 10_000]);
        sorted_alike((0..100_000u128).map(|n| n << 120 | n).collect());
        sorted_alike(
            (0..100_000u128)
                .map(|n| (n % 3) << 64 | (n * 7919 % 100_003))
                .collect(),
        );
    }
}
