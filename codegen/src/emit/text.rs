//! Human-readable text shared by the rustdoc emitter and the Markdown reference: constraint
//! summaries, and descriptions made safe for rustdoc (no bare URLs, no stray HTML tags, no
//! accidental intra-doc links or doctests).

use crate::ir::{
    Api, ArraySchema, Bounds, Field, FieldPath, Format, IntBounds, Lifecycle, Literal, MapType,
    Rule, RuleKind, Schema, StringSchema, TypeKind,
};

/// `text` as a Markdown code span, whatever backticks it contains.
pub fn code(text: &str) -> String {
    // Control characters read as escapes: a tab as `\t` (tabs in doc comments render
    // unpredictably), a line break as `\n` or `\r` (a code span is one line, and rustc
    // rejects a bare CR in a doc comment).
    let text = &escape_controls(text);
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if longest == 0 {
        format!("{fence}{text}{fence}")
    } else {
        format!("{fence} {text} {fence}")
    }
}

/// `text` with its control characters written as escapes (`\t`, `\n`, `\r`, `\u{7f}`).
fn escape_controls(text: &str) -> String {
    if !text.chars().any(char::is_control) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// Free text that must stay on one line (a summary, an auth scheme), made safe like
/// [`sanitize`]: its lines joined with spaces.
pub fn line(text: &str) -> String {
    sanitize(text).join(" ")
}

/// A comma-separated list of code spans.
pub fn code_list(items: &[String]) -> String {
    items.iter().map(|s| code(s)).collect::<Vec<_>>().join(", ")
}

/// A JSON value (a server default) as a code span.
pub fn json_code(value: &serde_json::Value) -> String {
    code(&value.to_string())
}

/// A rule literal as it reads in JSON.
pub fn literal(lit: &Literal) -> String {
    match lit {
        Literal::Bool(b) => b.to_string(),
        Literal::Int(i) => i.to_string(),
        Literal::Str(s) => serde_json::Value::String(s.clone()).to_string(),
    }
}

/// How a lifecycle reads in docs, or `None` for GA (not worth a line).
pub fn lifecycle(lifecycle: Lifecycle) -> Option<&'static str> {
    match lifecycle {
        Lifecycle::Ga => None,
        Lifecycle::Ea => Some("early access (may change without notice)"),
        Lifecycle::Deprecated => Some("deprecated (still accepted, to be removed)"),
    }
}

fn bounds(b: Bounds, one: &str, many: &str) -> Option<String> {
    let noun = |n: u64| if n == 1 { one } else { many };
    match (b.min, b.max) {
        (Some(min), Some(max)) if min == max => Some(format!("exactly {min} {}", noun(min))),
        (Some(min), Some(max)) => Some(format!("{min} to {max} {many}")),
        (Some(min), None) => Some(format!("at least {min} {}", noun(min))),
        (None, Some(max)) => Some(format!("at most {max} {}", noun(max))),
        (None, None) => None,
    }
}

fn int_bounds(b: IntBounds) -> Option<String> {
    match (b.min, b.max) {
        (Some(min), Some(max)) => Some(format!("{min} ≤ value ≤ {max}")),
        (Some(min), None) => Some(format!("value ≥ {min}")),
        (None, Some(max)) => Some(format!("value ≤ {max}")),
        (None, None) => None,
    }
}

/// Constraints of a string, one phrase each.
pub fn string_constraints(s: &StringSchema) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(bounds(s.length, "character", "characters"));
    if let Some(pattern) = &s.pattern {
        out.push(format!("matches {}", code(pattern)));
    }
    match s.format {
        Some(Format::Url {
            https,
            placeholders,
            empty,
        }) => {
            let mut phrase = if https {
                "an https URL"
            } else {
                "an absolute URL"
            }
            .to_owned();
            if placeholders {
                phrase.push_str(" (`{placeholder}` segments and `*` subdomains allowed)");
            }
            if empty {
                phrase.push_str(", or empty");
            }
            out.push(phrase);
        }
        Some(Format::Ip { cidr }) => out.push(
            if cidr {
                "an IPv4/IPv6 address or CIDR range"
            } else {
                "an IPv4/IPv6 address"
            }
            .to_owned(),
        ),
        Some(Format::DateTime) => out.push("an RFC 3339 date-time".to_owned()),
        None => {}
    }
    out
}

fn array_constraints(api: &Api, a: &ArraySchema) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(bounds(a.count, "item", "items"));
    if a.unique {
        out.push("items unique".to_owned());
    }
    let items = schema_constraints(api, &a.items, false);
    if !items.is_empty() {
        out.push(format!("each item: {}", items.join(", ")));
    }
    out
}

/// Constraints of a map, one phrase each.
pub fn map_constraints(api: &Api, m: &MapType) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(bounds(m.count, "entry", "entries"));
    let keys = string_constraints(&m.keys);
    if !keys.is_empty() {
        out.push(format!("keys: {}", keys.join(", ")));
    }
    let values = schema_constraints(api, &m.values, false);
    if !values.is_empty() {
        out.push(format!("values: {}", values.join(", ")));
    }
    if m.values_nullable {
        out.push("a value may be `null` (removes the key)".to_owned());
    }
    out
}

/// Constraints of a value, one phrase each. Named maps are expanded (their rules apply where
/// they are used) when `expand_named` is set; other named types carry their own docs.
pub fn schema_constraints(api: &Api, schema: &Schema, expand_named: bool) -> Vec<String> {
    match schema {
        Schema::String(s) => string_constraints(s),
        Schema::Integer(b) => int_bounds(*b).into_iter().collect(),
        Schema::Array(a) => array_constraints(api, a),
        Schema::Map(m) => map_constraints(api, m),
        Schema::Named(name) if expand_named => match api.types.get(name).map(|t| &t.kind) {
            Some(TypeKind::Map(m)) => map_constraints(api, m),
            _ => Vec::new(),
        },
        Schema::Named(_) | Schema::Number | Schema::Boolean | Schema::Any => Vec::new(),
    }
}

/// The JSON type of a value, for the Markdown tables (`string`, `array of Foo`, ...).
pub fn json_type(schema: &Schema) -> String {
    match schema {
        Schema::String(_) => "string".to_owned(),
        Schema::Integer(_) => "integer".to_owned(),
        Schema::Number => "number".to_owned(),
        Schema::Boolean => "boolean".to_owned(),
        Schema::Any => "any".to_owned(),
        Schema::Array(a) => format!("array of {}", json_type(&a.items)),
        Schema::Map(m) => format!("map of {}", json_type(&m.values)),
        Schema::Named(name) => name.clone(),
    }
}

/// Scopes a field needs, as a phrase, with the request's defaults when it declares none
/// (`defaults` is empty below the top level, where scopes are not judged).
pub fn field_scopes(field: &Field, defaults: &[String]) -> Option<String> {
    if !field.scopes.is_empty() {
        Some(code_list(&field.scopes))
    } else if !defaults.is_empty() {
        Some(format!("{} (default)", code_list(defaults)))
    } else {
        None
    }
}

fn path(p: &FieldPath) -> String {
    code(&p.to_string())
}

/// A cross-field rule in one line: what it requires, then the spec's explanation, if any.
pub fn rule(rule: &Rule) -> String {
    let requirement = requirement(&rule.kind);
    match &rule.description {
        Some(description) => {
            format!("{requirement}. {}", sanitize(description).join(" "))
        }
        None => format!("{requirement}."),
    }
}

/// What a cross-field rule requires, in one sentence without the final period.
fn requirement(rule: &RuleKind) -> String {
    match rule {
        RuleKind::MutuallyExclusive { fields } => {
            format!("at most one of {} may be set", code_list(fields))
        }
        RuleKind::RequiresWhenSet {
            field,
            then,
            equals,
        } => format!(
            "when {} is set, {} must be {}",
            code(field),
            path(then),
            code(&literal(equals))
        ),
        RuleKind::AbsentWhenEquals {
            when,
            equals,
            absent,
        } => format!(
            "when {} is {}, {} must be absent or `null`",
            path(when),
            code(&literal(equals)),
            code_list(absent)
        ),
        RuleKind::RequiresWhenEquals {
            when,
            equals,
            then,
            then_equals,
        } => format!(
            "when {} is {}, {} must be {}",
            path(when),
            code(&literal(equals)),
            path(then),
            code(&literal(then_equals))
        ),
    }
}

/// Makes free text (the spec's Markdown descriptions) safe for rustdoc and readable as
/// Markdown: bare URLs become autolinks, `<tag>`-like text is escaped, brackets that are not a
/// Markdown link are escaped (they would be intra-doc links), indentation that would start a
/// code block (a doctest!) is dropped and unlabeled fences become `text` fences.
///
/// Line breaks are normalised first: CRLF and a bare CR (which rustc rejects in a doc comment)
/// both end a line.
pub fn sanitize(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in text.trim().lines() {
        let trimmed = line.trim_end();
        if trimmed.trim_start().starts_with("```") {
            let info = trimmed.trim_start().trim_start_matches('`').trim();
            let language = info.split([',', ' ']).next().unwrap_or_default();
            // rustdoc compiles unlabeled and Rust fences as doctests: spec prose is text.
            let rusty = matches!(
                language,
                "" | "rust" | "rs" | "ignore" | "no_run" | "should_panic"
            );
            if !in_fence && rusty {
                out.push("```text".to_owned());
            } else {
                out.push(trimmed.trim_start().to_owned());
            }
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(trimmed.to_owned());
        } else {
            out.push(sanitize_line(trimmed.trim_start()));
        }
    }
    if in_fence {
        out.push("```".to_owned());
    }
    out
}

fn sanitize_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    // Byte offset of every character (and of the end), so the rest of the line is a slice:
    // linear in the line's length, however long it is.
    let offsets: Vec<usize> = line
        .char_indices()
        .map(|(at, _)| at)
        .chain([line.len()])
        .collect();
    let ahead = Ahead::new(&chars);
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let rest = &line[offsets[i]..];
        match c {
            // Code spans are copied verbatim.
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                let fence: String = "`".repeat(run);
                let after = &line[offsets[i + run]..];
                match after.find(&fence) {
                    Some(end) => {
                        out.push_str(&fence);
                        out.push_str(&after[..end + run]);
                        i += run + after[..end + run].chars().count();
                    }
                    None => {
                        for _ in 0..run {
                            out.push_str("\\`");
                        }
                        i += run;
                    }
                }
            }
            '<' if rest.starts_with("<http://") || rest.starts_with("<https://") => {
                // Already an autolink: copy up to `>`.
                let end = rest.find('>').map_or(rest.len(), |e| e + 1);
                out.push_str(&rest[..end]);
                i += rest[..end].chars().count();
            }
            '<' => {
                out.push_str("&lt;");
                i += 1;
            }
            '>' => {
                out.push_str("&gt;");
                i += 1;
            }
            '[' => match markdown_link_len(&chars, &ahead, i) {
                Some(len) => {
                    out.extend(&chars[i..i + len]);
                    i += len;
                }
                None => {
                    out.push_str("\\[");
                    i += 1;
                }
            },
            ']' => {
                out.push_str("\\]");
                i += 1;
            }
            // A literal backslash, not a Markdown escape.
            '\\' => {
                out.push_str("\\\\");
                i += 1;
            }
            // Tabs render unpredictably (and clippy rejects them in docs).
            '\t' => {
                out.push(' ');
                i += 1;
            }
            'h' if (rest.starts_with("http://") || rest.starts_with("https://"))
                && (i == 0 || !chars[i - 1].is_alphanumeric()) =>
            {
                let mut end = rest
                    .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
                    .unwrap_or(rest.len());
                while end > 0 && rest[..end].ends_with(['.', ',', ';', ':', ')', '\'', '"']) {
                    end -= 1;
                }
                out.push('<');
                out.push_str(&rest[..end]);
                out.push('>');
                i += rest[..end].chars().count();
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Where the next `]`, `)` and whitespace are from each character of a line (`len` when there
/// is none), so that looking for a Markdown link at every `[` stays linear.
struct Ahead {
    bracket: Vec<usize>,
    paren: Vec<usize>,
    space: Vec<usize>,
}

impl Ahead {
    fn new(chars: &[char]) -> Self {
        let n = chars.len();
        let (mut bracket, mut paren, mut space) = (vec![n; n + 1], vec![n; n + 1], vec![n; n + 1]);
        for i in (0..n).rev() {
            bracket[i] = if chars[i] == ']' { i } else { bracket[i + 1] };
            paren[i] = if chars[i] == ')' { i } else { paren[i + 1] };
            space[i] = if chars[i].is_whitespace() {
                i
            } else {
                space[i + 1]
            };
        }
        Ahead {
            bracket,
            paren,
            space,
        }
    }
}

/// Length of a Markdown inline link `[text](url)` starting at `chars[at] == '['`.
fn markdown_link_len(chars: &[char], ahead: &Ahead, at: usize) -> Option<usize> {
    let close = ahead.bracket[at];
    if close >= chars.len() || chars.get(close + 1) != Some(&'(') || close == at + 1 {
        return None;
    }
    let end = ahead.paren[close];
    if end >= chars.len() || end == close + 2 || ahead.space[close + 2] < end {
        return None;
    }
    Some(end + 1 - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_descriptions() {
        assert_eq!(
            sanitize("See https://auth0.com/docs/x for more."),
            ["See <https://auth0.com/docs/x> for more."]
        );
        assert_eq!(
            sanitize("(e.g., https://*.contoso.com)."),
            ["(e.g., <https://*.contoso.com>)."]
        );
        assert_eq!(
            sanitize("Bearer <token>, [Tab] [Space]"),
            ["Bearer &lt;token&gt;, \\[Tab\\] \\[Space\\]"]
        );
        assert_eq!(
            sanitize("Does not allow '<' or '>'."),
            ["Does not allow '&lt;' or '&gt;'."]
        );
        assert_eq!(
            sanitize("a [link](https://x.y) and `a<b>`"),
            ["a [link](https://x.y) and `a<b>`"]
        );
        assert_eq!(
            sanitize("line one\n    indented\n"),
            ["line one", "indented"]
        );
        assert_eq!(sanitize("a\tb /\\("), ["a b /\\\\("]);
        assert_eq!(sanitize("```\nlet x;\n```"), ["```text", "let x;", "```"]);
        assert_eq!(
            sanitize("```rust\nlet x;\n```"),
            ["```text", "let x;", "```"]
        );
        assert_eq!(sanitize("```json\n{}\n```"), ["```json", "{}", "```"]);
    }

    #[test]
    fn code_spans() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("a\tb\r\nc\u{7f}"), "`a\\tb\\r\\nc\\u{7f}`");
    }

    #[test]
    fn line_breaks_are_normalised() {
        // rustc rejects a bare CR in a doc comment: CRLF and CR end lines like LF.
        assert_eq!(sanitize("a\r\nb\rc\nd\r"), ["a", "b", "c", "d"]);
        assert_eq!(line("Update\ra <b>"), "Update a &lt;b&gt;");
    }
}
