//! The words for a point rule: what two number columns turned out to be, and what to do.

use crate::compile::CompiledRule;
use crate::coordinates::{place, Kind, Placement, Reading};
use crate::finding::Severity;

/// A point rule's verdict on one row: message, help, and a severity when it is not the rule's.
pub struct Said {
    pub message: String,
    pub help: String,
    pub severity: Option<Severity>,
}

/// Judges the cells `(x, y)` (their text, and their values) of the columns `names`; `None` when
/// they are longitude and latitude inside the rule's area.
pub fn judge(
    (x_text, y_text): (&str, &str),
    (x, y): (f64, f64),
    within: &[(f64, f64)],
    (x_name, y_name): (&str, &str),
    rule: &CompiledRule,
) -> Option<Said> {
    let pair = format!("`{x_name}` {x_text}, `{y_name}` {y_text}");
    match place(x, y, within) {
        Placement::Inside => None,
        Placement::Converted { from, lon, lat } => Some(converted(&pair, from, (lon, lat), (x_name, y_name), (x_text, y_text))),
        Placement::Outside(kind) => Some(Said {
            message: format!(
                "{}: {pair}, read as {} either way round, is outside it",
                rule.message,
                kind.describe()
            ),
            help: rule.help.clone().unwrap_or_else(|| {
                "check the coordinates against a map; a sign left off a longitude west of Greenwich puts a point in the sea".into()
            }),
            severity: None,
        }),
        Placement::Unknown => Some(Said {
            message: format!(
                "{}: {pair} are neither longitude and latitude, nor British National Grid eastings and northings, nor Web Mercator metres",
                rule.message
            ),
            help: rule
                .help
                .clone()
                .unwrap_or_else(|| "give the point as longitude and latitude".into()),
            severity: None,
        }),
    }
}

/// A point that is readable and in the area, but not written as the standard asks: a warning
/// that says what it is and gives the longitude and latitude to write.
fn converted(
    pair: &str,
    from: Reading,
    (lon, lat): (f64, f64),
    (x_name, y_name): (&str, &str),
    (x_text, y_text): (&str, &str),
) -> Said {
    let asked = "the longitude and latitude (WGS84) the standard asks for";
    let message = match (from.kind, from.swapped) {
        (Kind::Degrees, _) => format!(
            "{pair} look swapped: the point is in the area only as latitude {x_text}, longitude {y_text}"
        ),
        (kind, false) => format!("{pair} are {}, not {asked}", kind.describe()),
        (kind, true) => format!(
            "{pair} are {} the wrong way round, not {asked}",
            kind.describe()
        ),
    };
    let help = match from.kind {
        Kind::Degrees => format!(
            "put the longitude ({y_text}) in `{x_name}` and the latitude ({x_text}) in `{y_name}`; the planning.data.gov.uk pipeline swaps them back, with a warning"
        ),
        kind => format!(
            "write `{x_name}` {lon:.6}, `{y_name}` {lat:.6} (converted by conform{}); the planning.data.gov.uk pipeline converts them itself, with a warning",
            if kind == Kind::EastingNorthing { ", to within about 100 metres" } else { "" }
        ),
    };
    Said {
        message,
        help,
        severity: Some(Severity::Warning),
    }
}
