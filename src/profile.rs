//! What a file's columns hold, gathered while it is checked: how many cells are filled, the dates
//! they read as (earliest, latest and the months they fall in) and how many look like each UK
//! identifier. The survey builds its inventory on it; a profile is made only when asked for, so
//! the check's hot path does not pay for it.
//!
//! Profiles of chunks merge by sums, minimums, maximums and unions, so the result is the same
//! whatever order threads finish in.

use std::hash::BuildHasher;

use crate::formats::{date, ids};
use crate::read::csv::Record;

/// The identifiers that let data be joined across organisations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IdKind {
    Uprn,
    Usrn,
    Postcode,
    GssCode,
    CompanyNumber,
    CharityNumber,
    OrgId,
}

impl IdKind {
    pub const ALL: [IdKind; 7] = [
        IdKind::Uprn,
        IdKind::Usrn,
        IdKind::Postcode,
        IdKind::GssCode,
        IdKind::CompanyNumber,
        IdKind::CharityNumber,
        IdKind::OrgId,
    ];

    /// The name reports use (`uprn`, `gss-code`).
    pub fn name(self) -> &'static str {
        match self {
            IdKind::Uprn => "uprn",
            IdKind::Usrn => "usrn",
            IdKind::Postcode => "postcode",
            IdKind::GssCode => "gss-code",
            IdKind::CompanyNumber => "company-number",
            IdKind::CharityNumber => "charity-number",
            IdKind::OrgId => "org-id",
        }
    }

    /// The name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            IdKind::Uprn => "UPRN",
            IdKind::Usrn => "USRN",
            IdKind::Postcode => "postcode",
            IdKind::GssCode => "GSS code",
            IdKind::CompanyNumber => "company number",
            IdKind::CharityNumber => "charity number",
            IdKind::OrgId => "org-id",
        }
    }

    /// The kind a standard's value format names, if it is an identifier.
    pub fn of_format(format: &str) -> Option<IdKind> {
        Some(match format {
            "uprn" => IdKind::Uprn,
            "usrn" => IdKind::Usrn,
            "uk-postcode" => IdKind::Postcode,
            "gss-code" => IdKind::GssCode,
            "company-number" => IdKind::CompanyNumber,
            "charity-number" => IdKind::CharityNumber,
            "org-id" => IdKind::OrgId,
            _ => return None,
        })
    }

    /// Whether a (trimmed) value is one, in its published form. An org-id's list must start
    /// with a letter (`GB-COH`, `GB-CHC`): a local reference such as `TH-04-ESC` has the same
    /// shape otherwise.
    pub fn matches(self, value: &str) -> bool {
        if self == IdKind::OrgId {
            return ids::is_org_id(value)
                && value
                    .as_bytes()
                    .get(3)
                    .is_some_and(|b| b.is_ascii_alphabetic());
        }
        match self {
            IdKind::Uprn => ids::is_uprn(value),
            IdKind::Usrn => ids::is_usrn(value),
            IdKind::Postcode => ids::is_uk_postcode(value),
            IdKind::GssCode => ids::is_gss_code(value),
            IdKind::CompanyNumber => ids::is_company_number(value),
            IdKind::CharityNumber => ids::is_charity_number(value),
            IdKind::OrgId => ids::is_org_id(value),
        }
    }

    /// Whether the value has the shape alone tells apart from other data: a bare number could be
    /// a UPRN, a USRN, a charity number or an amount, so those kinds are found by a column's name.
    pub fn shows_by_content(self) -> bool {
        matches!(self, IdKind::Postcode | IdKind::GssCode | IdKind::OrgId)
    }

    /// Whether a column's name says it holds this kind (`UPRN`, `Property UPRN`, `Charity No`).
    pub fn named_in(self, name: &str) -> bool {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let compact = words.concat();
        let has = |part: &str| compact.contains(part);
        let numbered = words
            .iter()
            .any(|w| matches!(*w, "no" | "number" | "num" | "reg" | "registration" | "id"));
        match self {
            IdKind::Uprn => has("uprn"),
            IdKind::Usrn => has("usrn"),
            IdKind::Postcode => has("postcode") || has("postalcode"),
            IdKind::GssCode => has("gss") || has("onscode"),
            IdKind::CompanyNumber => has("companieshouse") || (has("company") && numbered),
            IdKind::CharityNumber => has("charity") && numbered,
            IdKind::OrgId => has("orgid") || has("organisationidentifier"),
        }
    }
}

/// Years the month record covers: 1900 to 2099, every plausible date of public records.
const FIRST_YEAR: u32 = 1900;
const YEARS: u32 = 200;
const MONTH_WORDS: usize = (YEARS as usize * 12).div_ceil(64);

/// A date as a sortable number, `YYYYMMDD`.
pub type DateKey = u32;

pub fn date_key(year: u32, month: u32, day: u32) -> DateKey {
    year * 10_000 + month * 100 + day
}

/// What one column holds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnProfile {
    /// Cells with something other than spaces in them.
    pub filled: u64,
    /// Cells read as calendar dates.
    pub dated: u64,
    pub earliest: Option<DateKey>,
    pub latest: Option<DateKey>,
    /// The months (from January 1900) dates fall in; made at the first date.
    months: Option<Box<[u64; MONTH_WORDS]>>,
    /// Cells that read as each identifier, in [`IdKind::ALL`]'s order.
    pub ids: [u64; 7],
    /// Cells a spreadsheet wrote in scientific notation (`1.00032E+11`): a long number whose
    /// last digits are lost.
    pub scientific: u64,
    /// The forms of the values, for drafting a standard; gathered only when asked for.
    pub shapes: Option<Box<Shapes>>,
}

/// Distinct values kept a column, for proposing a list of allowed values.
pub const MAX_DISTINCT: usize = 30;
/// Values a column keeps fingerprints of to tell whether they are unique.
const MAX_FINGERPRINTS: usize = 5_000_000;

/// Which forms every filled value of a column takes: what `conform infer` drafts rules from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shapes {
    pub integers: u64,
    /// Whole numbers written with a leading zero (`007`): codes, not quantities.
    pub zero_padded: u64,
    pub numbers: u64,
    pub smallest: Option<f64>,
    pub largest: Option<f64>,
    pub iso_dates: u64,
    pub uk_dates: u64,
    pub date_times: u64,
    pub emails: u64,
    pub uris: u64,
    pub wkt_points: u64,
    pub wkt_areas: u64,
    /// JSON text in a cell (`[...]`, `{...}`), as JSON and JSON Lines files carry nested values.
    pub json_arrays: u64,
    pub json_objects: u64,
    /// Length in characters of the shortest and longest value.
    pub shortest: Option<usize>,
    pub longest: usize,
    /// The values and how often each occurs, until there are more than [`MAX_DISTINCT`].
    pub distinct: Option<std::collections::BTreeMap<String, u64>>,
    /// Fingerprints of the values seen, until a value repeats (or there are too many to keep).
    fingerprints: Option<hashbrown::HashSet<u64>>,
    /// A value occurs twice (or more values than are kept).
    pub repeats: bool,
    /// Values that stand for "no value" (`No Data`, `N/A`, `TBC`), as written, with their
    /// counts: not counted in any form above.
    pub placeholders: std::collections::BTreeMap<String, u64>,
}

/// How exports write "no value" in a cell that should hold one.
fn is_placeholder(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "no data"
            | "n/a"
            | "na"
            | "-"
            | "tbc"
            | "unknown"
            | "null"
            | "none"
            | "nil"
            | "not applicable"
            | "not known"
            | "#n/a"
    )
}

impl Shapes {
    fn new() -> Shapes {
        Shapes {
            distinct: Some(std::collections::BTreeMap::new()),
            fingerprints: Some(hashbrown::HashSet::new()),
            ..Shapes::default()
        }
    }

    fn observe(&mut self, value: &str) {
        if is_placeholder(value) {
            *self.placeholders.entry(value.to_string()).or_insert(0) += 1;
            return;
        }
        let is_integer = {
            let digits = value.strip_prefix('-').unwrap_or(value);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        };
        if is_integer {
            self.integers += 1;
            let digits = value.strip_prefix('-').unwrap_or(value);
            if digits.len() > 1 && digits.starts_with('0') {
                self.zero_padded += 1;
            }
        }
        let number = value
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e' | b'E' | b'+'))
            .then(|| value.parse::<f64>().ok())
            .flatten()
            .filter(|n| n.is_finite());
        if let Some(n) = number {
            self.numbers += 1;
            self.smallest = Some(self.smallest.map_or(n, |s| s.min(n)));
            self.largest = Some(self.largest.map_or(n, |l| l.max(n)));
        }
        if date::is_iso_date(value) {
            self.iso_dates += 1;
        } else if date::is_uk_date(value) {
            self.uk_dates += 1;
        } else if date::is_date_time(value) {
            self.date_times += 1;
        }
        let first = value.as_bytes()[0];
        if value.contains('@') && crate::formats::web::is_email(value) {
            self.emails += 1;
        }
        if value.contains("://") && crate::formats::web::is_uri(value) {
            self.uris += 1;
        }
        if first.is_ascii_alphabetic() {
            if crate::wkt::is_point(value) {
                self.wkt_points += 1;
            } else if crate::wkt::is_area(value) {
                self.wkt_areas += 1;
            }
        }
        if first == b'[' && crate::formats::web::is_json_array(value) {
            self.json_arrays += 1;
        } else if first == b'{' && crate::formats::web::is_json_object(value) {
            self.json_objects += 1;
        }
        let length = value.chars().count();
        self.shortest = Some(self.shortest.map_or(length, |s| s.min(length)));
        self.longest = self.longest.max(length);
        if let Some(distinct) = self.distinct.as_mut() {
            *distinct.entry(value.to_string()).or_insert(0) += 1;
            if distinct.len() > MAX_DISTINCT {
                self.distinct = None;
            }
        }
        if let Some(seen) = self.fingerprints.as_mut() {
            let fresh = seen.insert(foldhash::quality::FixedState::with_seed(7).hash_one(value));
            if !fresh || seen.len() > MAX_FINGERPRINTS {
                self.repeats = true;
                self.fingerprints = None;
            }
        }
    }

    fn merge(&mut self, other: &Shapes) {
        self.integers += other.integers;
        self.zero_padded += other.zero_padded;
        self.numbers += other.numbers;
        self.smallest = match (self.smallest, other.smallest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.largest = match (self.largest, other.largest) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.iso_dates += other.iso_dates;
        self.uk_dates += other.uk_dates;
        self.date_times += other.date_times;
        self.emails += other.emails;
        self.uris += other.uris;
        self.wkt_points += other.wkt_points;
        self.wkt_areas += other.wkt_areas;
        self.json_arrays += other.json_arrays;
        self.json_objects += other.json_objects;
        self.shortest = match (self.shortest, other.shortest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        self.longest = self.longest.max(other.longest);
        self.distinct = match (self.distinct.take(), &other.distinct) {
            (Some(mut mine), Some(theirs)) => {
                for (value, n) in theirs {
                    *mine.entry(value.clone()).or_insert(0) += n;
                }
                (mine.len() <= MAX_DISTINCT).then_some(mine)
            }
            _ => None,
        };
        for (value, n) in &other.placeholders {
            *self.placeholders.entry(value.clone()).or_insert(0) += n;
        }
        self.repeats |= other.repeats;
        match (self.fingerprints.as_mut(), &other.fingerprints) {
            (Some(mine), Some(theirs)) if !self.repeats => {
                for fingerprint in theirs {
                    if !mine.insert(*fingerprint) {
                        self.repeats = true;
                        break;
                    }
                }
                if self.repeats || mine.len() > MAX_FINGERPRINTS {
                    self.repeats = true;
                    self.fingerprints = None;
                }
            }
            _ => {
                self.repeats = true;
                self.fingerprints = None;
            }
        }
    }
}

impl ColumnProfile {
    fn observe(&mut self, raw: &str) {
        let value = raw.trim();
        if value.is_empty() {
            return;
        }
        self.filled += 1;
        if let Some(shapes) = self.shapes.as_mut() {
            shapes.observe(value);
        }
        // Only a value that starts with a digit can be a date or a numeric identifier; checking
        // that first keeps text columns cheap.
        let starts_with_digit = value.as_bytes()[0].is_ascii_digit();
        if starts_with_digit && value.len() >= 6 {
            if let Some((year, month, day)) = date::read_calendar_date(value) {
                self.add_date(year, month, day);
            } else if is_scientific(value) {
                self.scientific += 1;
            }
        }
        for (n, kind) in IdKind::ALL.iter().enumerate() {
            if kind.matches(value) {
                self.ids[n] += 1;
            }
        }
    }

    fn add_date(&mut self, year: u32, month: u32, day: u32) {
        self.dated += 1;
        let key = date_key(year, month, day);
        self.earliest = Some(self.earliest.map_or(key, |k| k.min(key)));
        self.latest = Some(self.latest.map_or(key, |k| k.max(key)));
        if (FIRST_YEAR..FIRST_YEAR + YEARS).contains(&year) {
            let index = ((year - FIRST_YEAR) * 12 + month - 1) as usize;
            let months = self
                .months
                .get_or_insert_with(|| Box::new([0; MONTH_WORDS]));
            months[index / 64] |= 1 << (index % 64);
        }
    }

    /// The months dates fall in, as `(year, month)`, in order.
    pub fn months(&self) -> Vec<(u32, u32)> {
        let Some(months) = &self.months else {
            return Vec::new();
        };
        (0..YEARS as usize * 12)
            .filter(|i| months[i / 64] & (1 << (i % 64)) != 0)
            .map(|i| (FIRST_YEAR + i as u32 / 12, i as u32 % 12 + 1))
            .collect()
    }

    /// How many cells read as `kind`.
    pub fn count(&self, kind: IdKind) -> u64 {
        IdKind::ALL
            .iter()
            .position(|k| *k == kind)
            .map_or(0, |n| self.ids[n])
    }

    pub fn merge(&mut self, other: &ColumnProfile) {
        self.filled += other.filled;
        self.dated += other.dated;
        self.earliest = min_of(self.earliest, other.earliest);
        self.latest = max_of(self.latest, other.latest);
        if let Some(theirs) = &other.months {
            let mine = self
                .months
                .get_or_insert_with(|| Box::new([0; MONTH_WORDS]));
            for (a, b) in mine.iter_mut().zip(theirs.iter()) {
                *a |= b;
            }
        }
        for (a, b) in self.ids.iter_mut().zip(other.ids) {
            *a += b;
        }
        self.scientific += other.scientific;
        match (self.shapes.as_mut(), &other.shapes) {
            (Some(mine), Some(theirs)) => mine.merge(theirs),
            (None, Some(theirs)) => self.shapes = Some(theirs.clone()),
            _ => {}
        }
    }
}

/// `1.00032E+11`, `2.00005e+11`: how a spreadsheet shows a long number it has rounded.
fn is_scientific(value: &str) -> bool {
    let Some((mantissa, exponent)) = value.split_once(['E', 'e']) else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    !exponent.is_empty()
        && exponent.bytes().all(|b| b.is_ascii_digit())
        && whole.len() == 1
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

fn min_of(a: Option<DateKey>, b: Option<DateKey>) -> Option<DateKey> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn max_of(a: Option<DateKey>, b: Option<DateKey>) -> Option<DateKey> {
    a.max(b)
}

/// What every column of a file holds, by the file's column order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub columns: Vec<ColumnProfile>,
}

impl Profile {
    pub fn new(width: usize) -> Profile {
        Profile {
            columns: vec![ColumnProfile::default(); width],
        }
    }

    /// A profile that also keeps the forms of the values (see [`Shapes`]).
    pub fn with_shapes(width: usize) -> Profile {
        let column = ColumnProfile {
            shapes: Some(Box::new(Shapes::new())),
            ..ColumnProfile::default()
        };
        Profile {
            columns: vec![column; width],
        }
    }

    /// Counts one row's cells; cells beyond the header's width are not a column's.
    pub fn observe(&mut self, record: &Record<'_>) {
        for (column, cell) in self.columns.iter_mut().zip(record.iter()) {
            column.observe(cell);
        }
    }

    pub fn merge(&mut self, other: &Profile) {
        if self.columns.len() < other.columns.len() {
            self.columns
                .resize(other.columns.len(), ColumnProfile::default());
        }
        for (a, b) in self.columns.iter_mut().zip(&other.columns) {
            a.merge(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile_of(rows: &[&[&str]]) -> Profile {
        let mut profile = Profile::new(rows[0].len());
        for row in rows {
            let text: String = row.concat();
            let mut bounds = Vec::new();
            let mut at = 0;
            for cell in *row {
                bounds.push((at, at + cell.len()));
                at += cell.len();
            }
            profile.observe(&Record::new(&text, &bounds));
        }
        profile
    }

    #[test]
    fn counts_filled_cells_dates_and_identifiers() {
        let profile = profile_of(&[
            &["01/04/2019", "SW1A 1AA", " "],
            &["2019-06-30", "E06000001", "GB-COH-09506232"],
            &["31-Jul-19", "not a code", ""],
        ]);
        let dates = &profile.columns[0];
        assert_eq!((dates.filled, dates.dated), (3, 3));
        assert_eq!(dates.earliest, Some(20190401));
        assert_eq!(dates.latest, Some(20190731));
        assert_eq!(dates.months(), vec![(2019, 4), (2019, 6), (2019, 7)]);
        let codes = &profile.columns[1];
        assert_eq!(codes.filled, 3);
        assert_eq!(codes.count(IdKind::Postcode), 1);
        assert_eq!(codes.count(IdKind::GssCode), 1);
        assert_eq!(profile.columns[2].filled, 1);
        assert_eq!(profile.columns[2].count(IdKind::OrgId), 1);
        let local = profile_of(&[&["TH-04-ESC", "1.00032E+11"]]);
        assert_eq!(local.columns[0].count(IdKind::OrgId), 0);
        assert_eq!(local.columns[1].scientific, 1);
    }

    #[test]
    fn merging_in_any_order_gives_the_same_profile() {
        let a = profile_of(&[&["01/04/2019", "100023336956"]]);
        let b = profile_of(&[&["15/03/2021", ""]]);
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        assert_eq!(ab, ba);
        assert_eq!(ab.columns[0].earliest, Some(20190401));
        assert_eq!(ab.columns[0].latest, Some(20210315));
        assert_eq!(ab.columns[1].count(IdKind::Uprn), 1);
    }

    #[test]
    fn names_say_which_numbers_are_identifiers() {
        assert!(IdKind::Uprn.named_in("Property UPRN"));
        assert!(IdKind::CharityNumber.named_in("Charity No."));
        assert!(IdKind::CompanyNumber.named_in("Company Registration Number"));
        assert!(!IdKind::CompanyNumber.named_in("Company name"));
    }
}
