//! Diagnostics about a standard file: what is wrong and where, underlined in the file itself.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

use super::locate::locate;

/// A standard (or one of its schemas or code lists) that cannot be used. Exit code 2.
#[derive(Debug)]
pub struct StandardError {
    pub message: String,
    pub help: Option<String>,
    source: Option<Box<NamedSource<String>>>,
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
        self.span = Some(SourceSpan::from(start..start + len));
        self.source = Some(Box::new(NamedSource::new(name, text.to_string())));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> StandardError {
        self.help = Some(help.into());
        self
    }

    /// Points the diagnostic at the value `pointer` names inside the JSON `text`.
    pub fn at_pointer(mut self, name: &str, text: &str, pointer: &str) -> StandardError {
        self.span = locate(text, pointer).map(|(s, e)| SourceSpan::from(s..e));
        self.source = Some(Box::new(NamedSource::new(name, text.to_string())));
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
        let offset = offset.min(text.len());
        self.span = Some(SourceSpan::from(offset..offset));
        self.source = Some(Box::new(NamedSource::new(name, text.to_string())));
        self
    }

    /// The location as `name:line:column`, for one-line summaries and tests.
    pub fn location(&self) -> Option<String> {
        let (source, span) = (self.source.as_ref()?, self.span?);
        let contents = source.read_span(&span, 0, 0).ok()?;
        Some(format!(
            "{}:{}:{}",
            source.name(),
            contents.line() + 1,
            contents.column() + 1
        ))
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
