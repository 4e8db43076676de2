//! Patterns: ECMA-262 source checked to mean the same under Rust's `regex`, and simple anchored
//! character-class patterns turned into direct scans.
//!
//! This is the one implementation of the pattern dialect rules: the spec checker
//! (`spec-codegen`) reports [`problems`] with their place in the spec, and `#[derive(Validate)]`
//! refuses a `pattern = ".."` that [`analyse`] refuses, so a pattern the checker accepts is one
//! the derive accepts, and the other way round.
//!
//! Specs copy patterns from JSON Schema, where they are ECMA-262 regular expressions (read with
//! the `u` flag, as JSON Schema validators do, so they match code points). The generated code
//! runs them with the `regex` crate, which guarantees linear time. The two dialects share most
//! syntax but not all meaning, so a pattern is accepted only when it is written in their common,
//! same-meaning subset. Everything else is rejected with the equivalent spelling:
//!
//! - backreferences (`\1`, `\k<n>`) and lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`): not in `regex`
//!   (they need backtracking);
//! - `\d \D \w \W \s \S \b \B`: Unicode-aware in `regex`, ASCII (or a different set) in ECMA;
//! - `.`: `regex` matches `\r`, U+2028 and U+2029 with it, ECMA does not;
//! - `(?P<name>` and inline flags `(?i)`: `regex`-only syntax (`(?<name>` is fine in both, with
//!   an ASCII name);
//! - `[` inside a class and `&&`, `--`, `~~`: nested classes and set operations in `regex`,
//!   literals in ECMA; `[]` / `[^]`: an empty / any class in ECMA, a literal `]` in `regex`;
//! - escapes whose meaning differs or that one side rejects (`\p{..}`, `\x{..}`, `\0`, `\cX`,
//!   `\A`, `\z`, identity escapes of letters and of punctuation other than syntax characters);
//! - lone `{`, `}` and `]`, and `{,n}`: errors in ECMA (`u` flag), literals or quantifiers in
//!   `regex`;
//! - a quantifier on a quantifier (`a**`, `a{2}{3}`) or on `^`/`$`: errors in ECMA, accepted by
//!   `regex`.
//!
//! Whatever passes that is then parsed and compiled by `regex` itself, so any remaining syntax
//! error, and a pattern too large to compile, is reported too.

use std::fmt;

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One reason a pattern is rejected, located in characters from the start of the pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Offset of the offending part, in characters.
    pub offset: usize,
    /// Its length, in characters.
    pub len: usize,
    /// What is wrong.
    pub message: String,
    /// The same-meaning spelling, or what to do.
    pub help: Option<String>,
}

impl Problem {
    fn new(offset: usize, len: usize, message: impl Into<String>, help: Option<&str>) -> Self {
        Problem {
            offset,
            len,
            message: message.into(),
            help: help.map(str::to_owned),
        }
    }
}

/// `message (at character N); help: ...`, for messages that cannot point into the pattern.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.offset)?;
        if let Some(help) = &self.help {
            write!(f, "; help: {help}")?;
        }
        Ok(())
    }
}

/// One step of a scanned pattern: `min..=max` characters from a class.
pub struct Part {
    /// The least number of characters.
    pub min: usize,
    /// The most, if bounded.
    pub max: Option<usize>,
    /// Inclusive character ranges; the class is their complement if `negated`.
    pub ranges: Vec<(char, char)>,
    pub negated: bool,
}

/// How a pattern runs.
pub enum PatternPlan {
    /// `^A{n}B{m}...Z{min,max}$` with classes (or literal characters) `A`..`Z`,
    /// every step but the last of a fixed count: checked by a direct scan over
    /// the characters, no regex at run time.
    Scan(Vec<Part>),
    /// Compiled once with the `regex` crate (linear time).
    Regex,
}

/// Checks `src` (see [`problems`]) and chooses a plan.
///
/// # Errors
/// Every problem [`problems`] finds.
pub fn analyse(src: &str) -> Result<PatternPlan, Vec<Problem>> {
    let found = problems(src);
    if !found.is_empty() {
        return Err(found);
    }
    // `problems` parsed and compiled it already.
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(src)
        .map_err(|error| {
            vec![Problem::new(
                0,
                src.chars().count().max(1),
                format!("pattern does not compile: {error}"),
                None,
            )]
        })?;
    Ok(plan(&hir).unwrap_or(PatternPlan::Regex))
}

/// Every dialect problem in `pattern`, or else the first error `regex` reports for it (including
/// its compiled-size limit, so the run-time compile cannot fail).
pub fn problems(pattern: &str) -> Vec<Problem> {
    let found = dialect_problems(pattern);
    if !found.is_empty() {
        return found;
    }
    let located = |span: &regex_syntax::ast::Span, kind: &dyn fmt::Display| {
        let offset = char_offset(pattern, span.start.offset);
        let len = char_offset(pattern, span.end.offset).saturating_sub(offset);
        vec![Problem::new(
            offset,
            len.max(1),
            format!("pattern does not compile: {kind}"),
            None,
        )]
    };
    match regex_syntax::ast::parse::Parser::new().parse(pattern) {
        Err(error) => return located(error.span(), error.kind()),
        Ok(ast) => {
            if let Err(error) =
                regex_syntax::hir::translate::Translator::new().translate(pattern, &ast)
            {
                return located(error.span(), error.kind());
            }
        }
    }
    if let Err(error) = regex::Regex::new(pattern) {
        let reason = match error {
            regex::Error::CompiledTooBig(limit) => {
                format!("pattern is too large to compile (over {limit} bytes)")
            }
            other => format!("pattern does not compile: {other}"),
        };
        let len = pattern.chars().count();
        return vec![Problem::new(
            0,
            len.max(1),
            reason,
            Some("use smaller repetition counts"),
        )];
    }
    Vec::new()
}

fn char_offset(text: &str, byte: usize) -> usize {
    text.char_indices().take_while(|(i, _)| *i < byte).count()
}

/// What the scan saw last outside a class, for the rules on quantifiers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    /// Start of the pattern, `(` or `|`: nothing to repeat (`regex` reports that itself).
    Nothing,
    /// Something a quantifier may follow.
    Atom,
    /// A quantifier (and its lazy `?`, if any).
    Quantifier,
    /// `^` or `$`.
    Assertion,
}

/// The lexical scan for constructs whose meaning differs between the dialects.
fn dialect_problems(pattern: &str) -> Vec<Problem> {
    let chars: Vec<char> = pattern.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut in_class = false;
    let mut last = Last::Nothing;
    let mut i = 0;
    while let Some(c) = at(i) {
        if c == '\\' {
            let Some(e) = at(i + 1) else {
                out.push(Problem::new(
                    i,
                    1,
                    "pattern ends with a lone `\\`",
                    Some("write `\\\\` for a backslash"),
                ));
                break;
            };
            if e == 'u' && at(i + 2) == Some('{') {
                // `\u{HHHHHH}`: a code point in both dialects (ECMA with the `u` flag).
                let digits = chars[i + 3..]
                    .iter()
                    .take_while(|c| c.is_ascii_hexdigit())
                    .count();
                if (1..=6).contains(&digits) && at(i + 3 + digits) == Some('}') {
                    i += 4 + digits;
                } else {
                    out.push(Problem::new(
                        i,
                        3,
                        "`\\u{` must be followed by one to six hexadecimal digits and `}`",
                        Some("write a code point such as `\\u{1F600}`"),
                    ));
                    i += 3;
                }
            } else {
                if let Some(problem) = escape_problem(i, e, in_class, at(i + 2)) {
                    out.push(problem);
                }
                i += 2;
            }
            last = Last::Atom;
            continue;
        }
        if in_class {
            match (c, at(i + 1)) {
                (']', _) => {
                    in_class = false;
                    last = Last::Atom;
                }
                ('[', _) => out.push(Problem::new(
                    i,
                    1,
                    "unescaped `[` inside a class: `regex` reads a nested class, ECMA-262 a literal `[`",
                    Some("escape it: `\\[`"),
                )),
                ('&', Some('&')) | ('-', Some('-')) | ('~', Some('~')) => {
                    out.push(Problem::new(
                        i,
                        2,
                        format!("`{c}{c}` inside a class is a set operation in `regex` but literal characters in ECMA-262"),
                        Some("escape the second character"),
                    ));
                    i += 1;
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        // A quantifier: `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`.
        let quantifier = match c {
            '*' | '+' | '?' => Some(1),
            '{' => quantifier_len(&chars[i..]),
            _ => None,
        };
        if let Some(len) = quantifier {
            match last {
                Last::Quantifier => out.push(Problem::new(
                    i,
                    len,
                    "a quantifier cannot follow a quantifier in ECMA-262 (a syntax error there), though `regex` repeats the repetition",
                    Some("merge them into one quantifier, or group the first: `(?:a{2}){3}`"),
                )),
                Last::Assertion => out.push(Problem::new(
                    i,
                    len,
                    "`^` and `$` cannot be repeated in ECMA-262 (with the `u` flag)",
                    Some("remove the quantifier"),
                )),
                Last::Nothing | Last::Atom => {}
            }
            i += len;
            // A lazy quantifier (`a*?`) is one quantifier; laziness does not change what matches.
            if at(i) == Some('?') {
                i += 1;
            }
            last = Last::Quantifier;
            continue;
        }
        last = Last::Atom;
        match c {
            '[' => {
                in_class = true;
                let mut j = i + 1;
                if at(j) == Some('^') {
                    j += 1;
                }
                if at(j) == Some(']') {
                    out.push(Problem::new(
                        i,
                        j + 1 - i,
                        "`[]` and `[^]` are an empty and an any-character class in ECMA-262, but start a class containing `]` in `regex`",
                        Some("escape a literal `]` as `\\]`; for any character write `[\\u0000-\\u{10FFFF}]`"),
                    ));
                    j += 1;
                }
                i = j;
                continue;
            }
            '(' => {
                last = Last::Nothing;
                if at(i + 1) == Some('?') {
                    let (problem, skip) = group_problem(i, &chars);
                    out.extend(problem);
                    i += skip;
                    continue;
                }
            }
            '|' => last = Last::Nothing,
            '^' | '$' => last = Last::Assertion,
            '.' => out.push(Problem::new(
                i,
                1,
                "`.` matches `\\r`, U+2028 and U+2029 under `regex` but not under ECMA-262",
                Some("write `[^\\n\\r\\u2028\\u2029]` for ECMA's `.`"),
            )),
            ']' | '}' => out.push(Problem::new(
                i,
                1,
                format!("unescaped `{c}` is a syntax error in ECMA-262 (with the `u` flag)"),
                Some(if c == ']' {
                    "escape it: `\\]`"
                } else {
                    "escape it: `\\}`"
                }),
            )),
            '{' => out.push(Problem::new(
                i,
                1,
                "`{` must start a quantifier `{n}`, `{n,}` or `{n,m}`",
                Some("escape a literal brace as `\\{`"),
            )),
            _ => {}
        }
        i += 1;
    }
    out
}

/// Length of `{n}`, `{n,}` or `{n,m}` at the start of `s`.
fn quantifier_len(s: &[char]) -> Option<usize> {
    let mut i = 1;
    let digits = |from: usize| s[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n = digits(i);
    if n == 0 {
        return None;
    }
    i += n;
    if s.get(i) == Some(&',') {
        i += 1;
        i += digits(i);
    }
    (s.get(i) == Some(&'}')).then_some(i + 1)
}

fn escape_problem(i: usize, e: char, in_class: bool, next: Option<char>) -> Option<Problem> {
    let p = |message: String, help: &str| Some(Problem::new(i, 2, message, Some(help)));
    match e {
        'd' => p(
            "`\\d` matches any Unicode digit under `regex` but only ASCII digits under ECMA-262"
                .into(),
            "write `[0-9]`",
        ),
        'D' => p(
            "`\\D` differs between `regex` (Unicode) and ECMA-262 (ASCII)".into(),
            "write `[^0-9]`",
        ),
        'w' => p(
            "`\\w` matches Unicode word characters under `regex` but only ASCII under ECMA-262"
                .into(),
            "write `[A-Za-z0-9_]`",
        ),
        'W' => p(
            "`\\W` differs between `regex` (Unicode) and ECMA-262 (ASCII)".into(),
            "write `[^A-Za-z0-9_]`",
        ),
        's' | 'S' => p(
            format!(
                "`\\{e}` means different whitespace sets: ECMA-262 includes U+FEFF, `regex` includes U+0085"
            ),
            "spell out the characters you mean, e.g. `[ \\t\\n\\r]`",
        ),
        'b' if in_class => p(
            "`[\\b]` is a backspace in ECMA-262 but an error in `regex`".into(),
            "write `\\x08`",
        ),
        'B' if in_class => p(
            "`\\B` inside a class is a syntax error in ECMA-262 (with the `u` flag) and in `regex`"
                .into(),
            "remove the backslash, or use a range",
        ),
        'b' | 'B' => p(
            format!(
                "`\\{e}` is a Unicode word boundary under `regex` but an ASCII one under ECMA-262"
            ),
            "anchor with `^` and `$`, or spell the boundary out with classes",
        ),
        '1'..='9' => p(
            "backreferences are not supported by `regex` (they need backtracking)".into(),
            "restructure the pattern without a backreference",
        ),
        'k' => p(
            "named backreferences are not supported by `regex` (they need backtracking)".into(),
            "restructure the pattern without a backreference",
        ),
        '0' => p(
            "`\\0` (NUL) is not supported by `regex`".into(),
            "write `\\x00`",
        ),
        'p' | 'P' => p(
            format!(
                "Unicode property escapes `\\{e}{{..}}` are not checked to mean the same in both dialects (their Unicode versions and property names differ)"
            ),
            "spell the class out with ranges",
        ),
        'c' => p(
            "control escapes `\\cX` are not supported by `regex`".into(),
            "write the character as `\\xHH`",
        ),
        'x' if next == Some('{') => p(
            "`\\x{..}` is `regex`-only syntax".into(),
            "write `\\xHH` or `\\u{HHHH}`",
        ),
        'x' | 'u' | 'n' | 'r' | 't' | 'f' | 'v' => None,
        '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|'
        | '/' => None,
        '-' if in_class => None,
        '-' => p(
            "`\\-` outside a class is a syntax error in ECMA-262 (with the `u` flag)".into(),
            "write `-`",
        ),
        other if other.is_ascii_alphanumeric() => p(
            format!(
                "`\\{other}` is not an ECMA-262 escape (or means something else under `regex`)"
            ),
            "remove the backslash, or use a class",
        ),
        other => p(
            format!("`\\{other}` is not a valid identity escape in ECMA-262 (with the `u` flag)"),
            "remove the backslash",
        ),
    }
}

/// The problem with the `(?` group at `i`, if any, and how many characters to skip (past a
/// group name, so its characters are not read as pattern syntax).
fn group_problem(i: usize, chars: &[char]) -> (Option<Problem>, usize) {
    let at = |k: usize| chars.get(i + k).copied();
    let problem = match (at(2), at(3)) {
        (Some(':'), _) => None,
        (Some('=' | '!'), _) => Some(Problem::new(
            i,
            3,
            "lookahead is not supported by `regex` (it needs backtracking)",
            Some("restructure the pattern, or check this condition in code"),
        )),
        (Some('<'), Some('=' | '!')) => Some(Problem::new(
            i,
            4,
            "lookbehind is not supported by `regex` (it needs backtracking)",
            Some("restructure the pattern, or check this condition in code"),
        )),
        (Some('<'), _) => {
            // ECMA-262 names are identifiers, `regex` names may contain `.`, `[` and `]`: accept
            // the ASCII names both read the same way.
            let name: Vec<char> = chars[i + 3..]
                .iter()
                .copied()
                .take_while(|&c| c != '>' && c != ')')
                .collect();
            let closed = chars.get(i + 3 + name.len()) == Some(&'>');
            let valid = name
                .first()
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == '_')
                && name.iter().all(|c| c.is_ascii_alphanumeric() || *c == '_');
            let len = 3 + name.len() + usize::from(closed);
            if closed && valid {
                return (None, len);
            }
            return (
                Some(Problem::new(
                    i,
                    len,
                    "a group name must be an ASCII identifier (letters, digits and `_`, not starting with a digit) closed by `>`",
                    Some("write `(?<name>...)`"),
                )),
                len,
            );
        }
        (Some('P'), Some('<')) => Some(Problem::new(
            i,
            4,
            "`(?P<name>` is `regex`-only syntax; ECMA-262 rejects it",
            Some("write `(?<name>...)`, valid in both"),
        )),
        _ => Some(Problem::new(
            i,
            2,
            "inline flags and other `(?` groups are not ECMA-262 syntax",
            Some("use `(?:...)` for a non-capturing group"),
        )),
    };
    // `(?:`, and the rejected forms: their remaining characters read as ordinary syntax.
    (problem, 3)
}

/// `^...$` over a sequence of classes and literal characters, each repeated,
/// where every step but the last has a fixed count (so a left-to-right scan
/// decides the match without backtracking).
fn plan(hir: &Hir) -> Option<PatternPlan> {
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let [start, middle @ .., end] = parts.as_slice() else {
        return None;
    };
    if !matches!(start.kind(), HirKind::Look(Look::Start))
        || !matches!(end.kind(), HirKind::Look(Look::End))
        || middle.is_empty()
    {
        return None;
    }
    let mut out = Vec::new();
    for h in middle {
        push_parts(h, &mut out)?;
    }
    let (_, fixed) = out.split_last()?;
    if fixed.iter().any(|p| p.max != Some(p.min)) {
        return None;
    }
    Some(PatternPlan::Scan(out))
}

/// Looks through capture groups, which do not change what matches.
fn strip(h: &Hir) -> &Hir {
    match h.kind() {
        HirKind::Capture(c) => strip(&c.sub),
        _ => h,
    }
}

fn push_parts(h: &Hir, out: &mut Vec<Part>) -> Option<()> {
    match strip(h).kind() {
        HirKind::Class(c) => out.push(class_part(c, 1, Some(1))?),
        HirKind::Literal(lit) => {
            for c in std::str::from_utf8(&lit.0).ok()?.chars() {
                out.push(Part {
                    min: 1,
                    max: Some(1),
                    ranges: vec![(c, c)],
                    negated: false,
                });
            }
        }
        HirKind::Repetition(r) => {
            let (min, max) = (r.min as usize, r.max.map(|m| m as usize));
            match strip(&r.sub).kind() {
                HirKind::Class(c) => out.push(class_part(c, min, max)?),
                HirKind::Literal(lit) => {
                    let s = std::str::from_utf8(&lit.0).ok()?;
                    let mut chars = s.chars();
                    let (Some(c), None) = (chars.next(), chars.next()) else {
                        return None;
                    };
                    out.push(Part {
                        min,
                        max,
                        ranges: vec![(c, c)],
                        negated: false,
                    });
                }
                _ => return None,
            }
        }
        _ => return None,
    }
    Some(())
}

fn class_part(class: &Class, min: usize, max: Option<usize>) -> Option<Part> {
    let Class::Unicode(cls) = class else {
        return None;
    };
    let ranges: Vec<(char, char)> = cls.ranges().iter().map(|r| (r.start(), r.end())).collect();
    let mut neg = cls.clone();
    neg.negate();
    let nranges: Vec<(char, char)> = neg.ranges().iter().map(|r| (r.start(), r.end())).collect();
    Some(if nranges.len() < ranges.len() {
        Part {
            min,
            max,
            ranges: nranges,
            negated: true,
        }
    } else {
        Part {
            min,
            max,
            ranges,
            negated: false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn steps(p: &str) -> Option<usize> {
        match analyse(p).unwrap_or_else(|e| panic!("{p}: {e:?}")) {
            PatternPlan::Scan(parts) => Some(parts.len()),
            PatternPlan::Regex => None,
        }
    }

    fn accepted(p: &str) {
        assert_eq!(problems(p), vec![], "{p} should be accepted");
        assert!(analyse(p).is_ok(), "{p} should be accepted by `analyse`");
    }

    fn refused(p: &str) {
        assert!(!problems(p).is_empty(), "{p} should be refused");
        assert!(analyse(p).is_err(), "{p} should be refused by `analyse`");
    }

    #[test]
    fn the_specs_patterns_are_scanned() {
        assert_eq!(steps("^[^<>]+$"), Some(1));
        assert_eq!(steps(r#"^[A-Za-z0-9:,\-+=_*?"/\\()<>@\t ]*$"#), Some(1));
        assert_eq!(steps(r"^[^\n\r\u2028\u2029]*$"), Some(1));
        assert_eq!(steps("^([A-Za-z0-9+/]){86}==$"), Some(3));
        assert_eq!(steps("^([a-z0-9]){1}([a-z0-9-]){2,62}$"), Some(2));
        assert_eq!(steps("^([a-z0-9]){3,24}$"), Some(1));
    }

    #[test]
    fn others_use_the_regex() {
        assert_eq!(
            steps("^(a|b)$"),
            Some(1),
            "an alternation of characters is a class"
        );
        assert_eq!(steps("^(ab|cd)$"), None);
        assert_eq!(steps("[a-z]+"), None, "unanchored");
        assert_eq!(
            steps("^[a-z]+[0-9]$"),
            None,
            "a variable step before the last"
        );
        assert_eq!(steps("^a$|^b$"), None);
    }

    #[test]
    fn common_subset_passes() {
        for p in [
            // From the spec checker.
            "^[^<>]+$",
            "^([A-Za-z0-9+/]){86}==$",
            "^([a-z0-9]){1}([a-z0-9-]){2,62}$",
            "^(?:a|b)*$",
            "^(?<year>[0-9]{4})$",
            "^[\\-a]\\.\\u00e9\\x41$",
            "^[^\\n\\r\\u2028\\u2029]{1,1024}$",
            "^a\\/b\\.c\\*\\(\\)\\[\\]\\{\\}\\|\\?\\+\\^\\$$",
            "^[A-Za-z0-9:,+=_*?\"/()<>@\\t -]*$",
            "^a{2}b{2,}c{2,3}?$",
            // From the derive.
            r"^\/$",
            r"^[\-a]$",
            r"^\u0041$",
            r"^\x41$",
            "^(?<n>a)$",
            "^a{0,3}$",
            "^$",
            // `\u{..}` is a code point escape under ECMA-262 with the `u` flag, as under `regex`
            // (the derive used to refuse it, assuming no `u` flag).
            r"\u{41}",
            r"^[\u0000-\u{10FFFF}]$",
            r"^\u{1F600}+$",
            // Lazy quantifiers are one quantifier each.
            "^a??b*?c+?d{2}?$",
            "^(?:a{2}){3}$",
            "^(?<_x1>a)(?<Y>b)$",
        ] {
            accepted(p);
        }
    }

    #[test]
    fn dialect_differences_are_refused() {
        for p in [
            // From the spec checker.
            "\\d",
            "\\w+",
            "a\\s",
            "\\bword",
            "(a)\\1",
            "(?=a)",
            "(?<!a)b",
            "(?P<n>a)",
            "(?i)a",
            ".",
            "[a[b]]",
            "[a&&b]",
            "[]a]",
            "a{,3}",
            "a]",
            "\\p{L}",
            "\\x{41}",
            "\\0",
            "\\cA",
            "\\A",
            "\\#",
            "(",
            "a{2,1}",
            "[z-a]",
            "\\",
            // From the derive.
            r"^\d$",
            r"^\w$",
            r"^\s$",
            r"\bx",
            "^.$",
            "(?i:a)",
            "[[:alpha:]]",
            r"\U00000041",
            r"\pL",
            r"\z",
            "[^]a]",
            r"\a",
            // ECMA-262 syntax errors (with the `u` flag) that `regex` accepts.
            "a}",
            "}",
            r"\-",
            r"\:",
            r"\ ",
            r"\<",
            r"[\&]",
            "a**",
            "a{2}{3}",
            "a+*",
            "a???",
            "a{2}*",
            "^*",
            "$+",
            "(?<a.b>x)",
            "(?<a[0]>x)",
            "a{ 2}",
            "a{2, 3}",
            "x{a}",
            // Malformed or `regex`-refused escapes.
            r"\u{}",
            r"\u{1234567}",
            r"\u{zz}",
            r"\u{110000}",
            r"\uD83D",
            r"[\B]",
        ] {
            refused(p);
        }
    }

    #[test]
    fn problem_offsets_are_in_chars() {
        let found = problems("é\\d");
        assert_eq!(found[0].offset, 1);
        assert_eq!(found[0].len, 2);
    }

    #[test]
    fn every_problem_is_reported_with_its_help() {
        let found = problems(r"^\d+\w*$");
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].offset, 4);
        let Err(errors) = analyse(r"^\d+$") else {
            panic!("`\\d` is refused");
        };
        assert_eq!(
            errors[0].to_string(),
            "`\\d` matches any Unicode digit under `regex` but only ASCII digits under ECMA-262 \
             (at character 1); help: write `[0-9]`"
        );
    }

    #[test]
    fn group_names_are_skipped_not_scanned() {
        let found = problems("(?<a.b>x)");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].offset, found[0].len), (0, 7));
    }
}
