//! The words for a point rule: what two number columns turned out to be, and what to do.

use crate::compile::CompiledRule;
use crate::coordinates::{place, Kind, Placement, Reading};
use crate::finding::{Code, Finding, Severity};
use crate::i18n::Text;
use crate::t;

/// A point rule's verdict on one row: message, help, and a severity when it is not the rule's.
pub struct Said {
    pub message: Text,
    /// conform's help; `None` where the rule's own help (the standard's words) is given instead.
    pub help: Option<Text>,
    pub severity: Option<Severity>,
}

impl Said {
    /// The rule's finding with these words, at this severity or the rule's (not yet placed).
    pub fn finding(self, rule: &CompiledRule) -> Finding {
        let finding = Finding::text(Code::Rule, self.message);
        let finding = match self.help {
            Some(help) => finding.with_help_text(Some(help)),
            None => finding.with_help(rule.help.clone()),
        };
        finding.with_severity(self.severity.unwrap_or(rule.severity))
    }
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
    // Written only for a point that is to be reported: most are inside.
    let pair = || format!("`{x_name}` {x_text}, `{y_name}` {y_text}");
    // The rule's message is the standard's words; its help, where it has one, is said instead of
    // conform's.
    let help = |default: Text| rule.help.is_none().then_some(default);
    match place(x, y, within) {
        Placement::Inside => None,
        Placement::Converted { from, lon, lat } => Some(converted(
            pair(),
            from,
            (lon, lat),
            (x_name, y_name),
            (x_text, y_text),
        )),
        Placement::Outside(kind) => Some(Said {
            message: t!(
                "point-outside",
                message = &rule.message,
                pair = pair(),
                kind = kind.describe(),
            ),
            help: help(t!("point-outside-help")),
            severity: None,
        }),
        Placement::Unknown => Some(Said {
            message: t!("point-unknown", message = &rule.message, pair = pair()),
            help: help(t!("point-unknown-help")),
            severity: None,
        }),
    }
}

/// A point that is readable and in the area, but not written as the standard asks: a warning
/// that says what it is and gives the longitude and latitude to write.
fn converted(
    pair: String,
    from: Reading,
    (lon, lat): (f64, f64),
    (x_name, y_name): (&str, &str),
    (x_text, y_text): (&str, &str),
) -> Said {
    let message = match (from.kind, from.swapped) {
        (Kind::Degrees, _) => t!("point-swapped", pair = pair, x = x_text, y = y_text),
        (kind, false) => t!("point-converted", pair = pair, kind = kind.describe()),
        (kind, true) => t!(
            "point-converted-swapped",
            pair = pair,
            kind = kind.describe()
        ),
    };
    let (lon, lat) = (format!("{lon:.6}"), format!("{lat:.6}"));
    let help = match from.kind {
        Kind::Degrees => t!(
            "point-swapped-help",
            x = x_text,
            y = y_text,
            x_column = x_name,
            y_column = y_name,
        ),
        Kind::EastingNorthing => t!(
            "point-converted-grid-help",
            x_column = x_name,
            y_column = y_name,
            lon = lon,
            lat = lat,
        ),
        Kind::Mercator => t!(
            "point-converted-help",
            x_column = x_name,
            y_column = y_name,
            lon = lon,
            lat = lat,
        ),
    };
    Said {
        message,
        help: Some(help),
        severity: Some(Severity::Warning),
    }
}
