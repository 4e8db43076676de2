//! Located errors about a spec, rendered like rustc's.
//!
//! Every problem the loader or the checker finds becomes a [`Diagnostic`] with a [`Span`] into
//! the spec's text. They are collected in [`Diagnostics`] (never first-only), which renders them
//! all with the offending source line, a caret underline, and a `help:` line where there is
//! something valid to suggest:
//!
//! ```text
//! error: unknown key `min_lenght`
//!   --> spec.yaml:12:7
//!    |
//! 12 |       min_lenght: 3
//!    |       ^^^^^^^^^^ unknown key
//!    = help: did you mean `min_length`?
//!
//! error: 1 error in spec.yaml
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

// The one did-you-mean, shared with `#[derive(Validate)]`; re-exported for the checker.
pub use spec_validate_impl::suggest::did_you_mean;

/// A location in a spec's text: where a problem starts and how far it reaches on that line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters (Unicode scalar values).
    pub column: usize,
    /// Offset of the first character, counted in characters from the start of the text.
    pub offset: usize,
    /// Length in characters (may reach past the end of the line; rendering clamps it).
    pub len: usize,
}

impl Span {
    /// A span of `len` characters starting at `line:column` (both 1-based), `offset` characters
    /// into the text.
    pub fn new(line: usize, column: usize, offset: usize, len: usize) -> Self {
        Span {
            line,
            column,
            offset,
            len,
        }
    }

    /// The very start of a text (used for problems with the document as a whole).
    pub fn start_of_text() -> Self {
        Span::new(1, 1, 0, 0)
    }

    /// `line 12, column 7`, for notes that point elsewhere in the same file.
    pub fn describe(&self) -> String {
        format!("line {}, column {}", self.line, self.column)
    }

    /// A sub-span `len` characters long, `offset` characters into this span, on the same line.
    ///
    /// Callers use it only where the characters of the span map one-to-one to the source line
    /// (a plain or simply quoted scalar on one line).
    pub fn sub(self, offset: usize, len: usize) -> Self {
        Span::new(self.line, self.column + offset, self.offset + offset, len)
    }
}

/// Longest source line shown in full; longer ones are shown as a window around the span.
const MAX_SHOWN: usize = 120;

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What is wrong, in one line: ``unknown key `min_lenght` ``.
    pub message: String,
    /// Where it is.
    pub span: Span,
    /// A short label printed after the caret underline (may be empty).
    pub label: String,
    /// What would be valid: a did-you-mean, the allowed values, or how to fix it.
    pub help: Option<String>,
    /// Extra context, such as where a duplicate was first defined.
    pub note: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with a message and location; add a label, help and note with the builders.
    pub fn error(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            message: message.into(),
            span,
            label: String::new(),
            help: None,
            note: None,
        }
    }

    /// Sets the label printed after the underline.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Sets the `help:` line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the `help:` line when there is one.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// Sets the `note:` line.
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }
}

/// Every problem found in one spec, with the spec's name and text so they render on their own.
///
/// `Display` renders each diagnostic rustc-style, then a final ``error: N errors in NAME`` line.
#[derive(Clone, PartialEq, Eq)]
pub struct Diagnostics {
    source_name: String,
    source: Arc<str>,
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection for the spec `source_name` whose text is `source`.
    pub fn new(source_name: impl Into<String>, source: impl Into<Arc<str>>) -> Self {
        Diagnostics {
            source_name: source_name.into(),
            source: source.into(),
            items: Vec::new(),
        }
    }

    /// Records a diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records every diagnostic of `more`.
    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(more);
    }

    /// Whether no problem was recorded.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many problems were recorded.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// The diagnostics in the order they were found (roughly source order).
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// Where a diagnostic points, as `file:line:column`.
    pub fn location(&self, diagnostic: &Diagnostic) -> String {
        format!(
            "{}:{}:{}",
            self.source_name, diagnostic.span.line, diagnostic.span.column
        )
    }

    /// The spec's name as given to the loader (a path or a label).
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// Sorts the diagnostics by position (stable, so equal positions keep their finding order).
    pub fn sort(&mut self) {
        self.items.sort_by_key(|d| (d.span.line, d.span.column));
    }

    /// `Ok(())` when empty, otherwise `Err(self)`.
    pub fn into_result(self) -> Result<(), Diagnostics> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// The text of a 1-based line, from the lines split once per rendering (rendering many
    /// diagnostics of a large spec stays linear).
    fn line_text<'t>(lines: &[&'t str], line: usize) -> &'t str {
        lines
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or("")
            .trim_start_matches('\u{feff}') // a byte-order mark is not shown, nor counted in columns
            .trim_end_matches('\r')
    }

    fn render_one(
        &self,
        f: &mut fmt::Formatter<'_>,
        lines: &[&str],
        cache: &mut HashMap<usize, Vec<char>>,
        d: &Diagnostic,
    ) -> fmt::Result {
        let span = d.span;
        let number = span.line.to_string();
        let pad = " ".repeat(number.len());
        writeln!(f, "error: {}", d.message)?;
        writeln!(
            f,
            "{pad}--> {}:{}:{}",
            self.source_name, span.line, span.column
        )?;
        writeln!(f, "{pad} |")?;
        // Tabs would misalign the caret line; show them as single spaces. Lines are decoded
        // once per rendering, however many diagnostics point into them.
        let chars = cache.entry(span.line).or_insert_with(|| {
            Self::line_text(lines, span.line)
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect()
        });
        let column = span.column.saturating_sub(1).min(chars.len());
        // A very long line (minified flow YAML) is shown as a window around the span, like
        // rustc does, so rendering stays proportional to the number of diagnostics.
        let (from, to) = if chars.len() <= MAX_SHOWN {
            (0, chars.len())
        } else {
            let from = column.saturating_sub(MAX_SHOWN / 3);
            (from, (from + MAX_SHOWN).min(chars.len()))
        };
        let before = if from > 0 { "..." } else { "" };
        let after = if to < chars.len() { "..." } else { "" };
        let shown: String = chars[from..to].iter().collect();
        writeln!(f, "{number} | {before}{shown}{after}")?;
        let start = column - from + before.len();
        let len = span.len.min(to.saturating_sub(column)).max(1);
        let label = if d.label.is_empty() {
            String::new()
        } else {
            format!(" {}", d.label)
        };
        writeln!(f, "{pad} | {}{}{label}", " ".repeat(start), "^".repeat(len))?;
        if let Some(note) = &d.note {
            writeln!(f, "{pad} = note: {note}")?;
        }
        if let Some(help) = &d.help {
            writeln!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<&str> = self.source.lines().collect();
        let mut cache = HashMap::new();
        for d in &self.items {
            self.render_one(f, &lines, &mut cache, d)?;
            writeln!(f)?;
        }
        let n = self.items.len();
        write!(
            f,
            "error: {n} error{} in {}",
            if n == 1 { "" } else { "s" },
            self.source_name
        )
    }
}

impl fmt::Debug for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Diagnostics")
            .field("source_name", &self.source_name)
            .field("items", &self.items)
            .finish()
    }
}

impl std::error::Error for Diagnostics {}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Formats a list of names as `` `a`, `b` or `c` `` for help lines.
pub fn one_of_list<S: AsRef<str>>(names: &[S]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// A help line for a misspelt name: did-you-mean when one is close, else the valid choices.
pub fn suggest(word: &str, valid: &[&str]) -> String {
    match did_you_mean(word, valid.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("expected {}", one_of_list(valid)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_render_clamps_and_counts() {
        let mut d = Diagnostics::new("s.yaml", "a: 1\nbb: 2\n");
        d.push(Diagnostic::error("bad", Span::new(2, 1, 5, 99)).label("here"));
        let text = d.to_string();
        assert!(text.contains("2 | bb: 2\n  | ^^^^^ here"), "{text}");
        assert!(text.ends_with("error: 1 error in s.yaml"));
    }

    #[test]
    fn spec_render_windows_long_lines() {
        let line = format!("{}BAD{}", "a".repeat(300), "b".repeat(300));
        let mut d = Diagnostics::new("s.yaml", line.as_str());
        d.push(Diagnostic::error("bad", Span::new(1, 301, 300, 3)).label("here"));
        let text = d.to_string();
        let shown = text.lines().nth(3).unwrap_or("");
        let caret = text.lines().nth(4).unwrap_or("");
        assert!(
            shown.starts_with("1 | ...") && shown.ends_with("..."),
            "{text}"
        );
        assert!(shown.chars().count() < 140, "{text}");
        assert_eq!(shown.find("BAD"), caret.find("^^^"), "{text}");
    }
}
