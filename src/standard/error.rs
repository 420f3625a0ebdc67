//! Diagnostics about a standard file: what is wrong and where, underlined in the file itself.

use std::fmt;

use miette::{
    Diagnostic, LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::locate::locate;

/// A standard (or one of its schemas or code lists) that cannot be used. Exit code 2.
#[derive(Debug)]
pub struct StandardError {
    pub message: String,
    pub help: Option<String>,
    /// The line of the file the error is on (windowed when long), and the error's span in it.
    source: Option<Box<Excerpt>>,
    span: Option<SourceSpan>,
    /// A JSON pointer into the standard file, for errors raised before that file's text is at hand.
    pending_pointer: Option<String>,
    /// What kind of file is wrong, shown as the diagnostic's code.
    kind: &'static str,
}

impl StandardError {
    pub fn new(message: impl Into<String>) -> StandardError {
        StandardError {
            message: message.into(),
            help: None,
            source: None,
            span: None,
            pending_pointer: None,
            kind: "invalid standard",
        }
    }

    /// The same diagnostic about another kind of file (e.g. "invalid configuration").
    pub fn of_kind(mut self, kind: &'static str) -> StandardError {
        self.kind = kind;
        self
    }

    pub fn with_pending_pointer(mut self, pointer: String) -> StandardError {
        self.pending_pointer = Some(pointer);
        self
    }

    /// Locates an error raised while resolving part of `text`: at its pending pointer, else at
    /// `fallback`. An error that is already located keeps its place.
    pub fn locate_in(self, name: &str, text: &str, fallback: &str) -> StandardError {
        if self.source.is_some() {
            return self;
        }
        let pointer = self
            .pending_pointer
            .clone()
            .unwrap_or_else(|| fallback.to_string());
        self.at_pointer(name, text, &pointer)
    }

    pub fn at_span(mut self, name: &str, text: &str, start: usize, len: usize) -> StandardError {
        self.place(name, text, Some((start, start + len)));
        self
    }

    /// Keeps the line of `text` that `span` is on (a window of it, when the line is long: a
    /// minified standard is one line of megabytes), with the span moved into it.
    fn place(&mut self, name: &str, text: &str, span: Option<(usize, usize)>) {
        let (excerpt, local) = Excerpt::new(name, text, span.unwrap_or((0, 0)));
        self.span = span.map(|_| SourceSpan::from(local.0..local.1));
        self.source = Some(Box::new(excerpt));
    }

    pub fn help(mut self, help: impl Into<String>) -> StandardError {
        self.help = Some(help.into());
        self
    }

    /// Points the diagnostic at the value `pointer` names inside the JSON `text`.
    pub fn at_pointer(mut self, name: &str, text: &str, pointer: &str) -> StandardError {
        self.place(name, text, locate(text, pointer));
        self
    }

    /// Points the diagnostic at a 1-based line and column (as serde_json reports them).
    pub fn at_line_column(
        mut self,
        name: &str,
        text: &str,
        line: usize,
        column: usize,
    ) -> StandardError {
        let offset = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            + column.saturating_sub(1);
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        self.place(name, text, Some((offset, offset)));
        self
    }

    /// The location as `name:line:column`, for one-line summaries and tests.
    pub fn location(&self) -> Option<String> {
        let source = self.source.as_ref()?;
        self.span?;
        Some(format!("{}:{}:{}", source.name, source.line, source.column))
    }
}

/// The lines of a file around a span: the span's line (cut to a window around the span when
/// it is long) and its short neighbours.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
    /// The file's line number of the excerpt's first line (1-based).
    first_line: usize,
    /// Which line of the excerpt holds the span, and how many characters of that line the
    /// window left out before it (less the `…` shown for them).
    focus: usize,
    shift: usize,
    /// The span's line and character column in the file, both 1-based.
    line: usize,
    column: usize,
}

impl Excerpt {
    /// Bytes of a line shown at most; the rest is cut around the span, marked with `…`.
    const MAX_SHOWN: usize = 160;

    /// The excerpt of `text` around `span`, and the span within it.
    fn new(name: &str, text: &str, span: (usize, usize)) -> (Excerpt, (usize, usize)) {
        let floor = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(span.0);
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let end = floor(span.1.max(start)).min(line_end);
        let line = text[..line_start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let (from, to) = if line_end - line_start <= Self::MAX_SHOWN {
            (line_start, line_end)
        } else {
            (
                floor(start.saturating_sub(Self::MAX_SHOWN / 3)).max(line_start),
                floor(end.min(start + Self::MAX_SHOWN / 2) + Self::MAX_SHOWN / 3).min(line_end),
            )
        };
        // The line before and the line after, when they are short enough to show whole.
        let short = |l: &str| l.len() <= Self::MAX_SHOWN;
        let before = line_start
            .checked_sub(1)
            .map(|end| &text[text[..end].rfind('\n').map_or(0, |i| i + 1)..end])
            .filter(|l| short(l));
        let after = text
            .get(line_end + 1..)
            .map(|rest| &rest[..rest.find('\n').unwrap_or(rest.len())])
            .filter(|l| line_end < text.len() && short(l));
        let mut shown = String::new();
        if let Some(before) = before {
            shown.push_str(before);
            shown.push('\n');
        }
        let mut shift = text[line_start..from].chars().count();
        if from > line_start {
            shown.push('…');
            shift -= 1;
        }
        let offset = shown.len();
        shown.push_str(&text[from..to]);
        if to < line_end {
            shown.push('…');
        }
        if let Some(after) = after {
            shown.push('\n');
            shown.push_str(after);
        }
        let local = (start - from + offset, end.min(to) - from + offset);
        let excerpt = Excerpt {
            name: name.to_string(),
            text: shown,
            first_line: line - usize::from(before.is_some()),
            focus: usize::from(before.is_some()),
            shift,
            line,
            column,
        };
        (excerpt, local)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        if before == 0 && after == 0 {
            // The span itself: its place in the file, for the diagnostic's heading.
            let start = span.offset().min(self.text.len());
            let index = self.text[..start].matches('\n').count();
            let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
            let mut column = self.text[line_start..start].chars().count();
            if index == self.focus {
                column += self.shift;
            }
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                self.text.as_bytes(),
                *span,
                self.first_line - 1 + index,
                column,
                1,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::from(0..self.text.len()),
            self.first_line - 1,
            0,
            self.text.lines().count().max(1),
        )))
    }
}

impl fmt::Display for StandardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StandardError {}

impl Diagnostic for StandardError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = self.span?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some("here".to_string()),
            span,
        ))))
    }
}

/// Why a text is not usable JSON, naming it: serde_json's own words, except for its nesting
/// limit, which is not a syntax error the author could find.
pub fn not_json(name: &str, e: &serde_json::Error) -> String {
    let said = e.to_string();
    match said.strip_prefix("recursion limit exceeded") {
        Some(place) => format!(
            "{name} nests objects and arrays more than 128 levels deep{place}, deeper than conform reads"
        ),
        None => format!("{name} is not valid JSON: {said}"),
    }
}
