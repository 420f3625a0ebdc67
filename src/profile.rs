//! What a file's columns hold, gathered while it is checked: how many cells are filled, the dates
//! they read as (earliest, latest and the months they fall in) and how many look like each UK
//! identifier. The survey builds its inventory on it; a profile is made only when asked for, so
//! the check's hot path does not pay for it.
//!
//! Profiles of chunks merge by sums, minimums, maximums and unions, so the result is the same
//! whatever order threads finish in.

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

    /// Whether a (trimmed) value is one, in its published form.
    pub fn matches(self, value: &str) -> bool {
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
}

impl ColumnProfile {
    fn observe(&mut self, raw: &str) {
        let value = raw.trim();
        if value.is_empty() {
            return;
        }
        self.filled += 1;
        // Only a value that starts with a digit can be a date or a numeric identifier; checking
        // that first keeps text columns cheap.
        let starts_with_digit = value.as_bytes()[0].is_ascii_digit();
        if starts_with_digit && value.len() >= 6 {
            if let Some((year, month, day)) = date::read_calendar_date(value) {
                self.add_date(year, month, day);
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

    fn merge(&mut self, other: &ColumnProfile) {
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
    }
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
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub columns: Vec<ColumnProfile>,
}

impl Profile {
    pub fn new(width: usize) -> Profile {
        Profile {
            columns: vec![ColumnProfile::default(); width],
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
