//! Does an ECMA-262 pattern mean the same under Rust's `regex` crate?
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
//! - `(?P<name>` and inline flags `(?i)`: `regex`-only syntax (`(?<name>` is fine in both);
//! - `[` inside a class and `&&`, `--`, `~~`: nested classes and set operations in `regex`,
//!   literals in ECMA; `[]` / `[^]`: an empty / any class in ECMA, a literal `]` in `regex`;
//! - escapes whose meaning differs or that one side rejects (`\p{..}`, `\x{..}`, `\0`, `\cX`,
//!   `\A`, `\z`, identity escapes of letters);
//! - lone `{`, `}` and `]`, and `{,n}`: errors in ECMA (`u` flag), literals or quantifiers in
//!   `regex`.
//!
//! Whatever passes that is then parsed and compiled by `regex` itself, so any remaining syntax
//! error, and a pattern too large to compile, is reported too.

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

/// Every dialect problem in `pattern`, or else the first error `regex` reports for it.
pub fn problems(pattern: &str) -> Vec<Problem> {
    let found = dialect_problems(pattern);
    if !found.is_empty() {
        return found;
    }
    match regex_syntax::ast::parse::Parser::new().parse(pattern) {
        Err(error) => {
            let span = error.span();
            let offset = char_offset(pattern, span.start.offset);
            let len = char_offset(pattern, span.end.offset).saturating_sub(offset);
            return vec![Problem::new(
                offset,
                len.max(1),
                format!("pattern does not compile: {}", error.kind()),
                None,
            )];
        }
        Ok(ast) => {
            if let Err(error) =
                regex_syntax::hir::translate::Translator::new().translate(pattern, &ast)
            {
                let span = error.span();
                let offset = char_offset(pattern, span.start.offset);
                let len = char_offset(pattern, span.end.offset).saturating_sub(offset);
                return vec![Problem::new(
                    offset,
                    len.max(1),
                    format!("pattern does not compile: {}", error.kind()),
                    None,
                )];
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

/// The lexical scan for constructs whose meaning differs between the dialects.
fn dialect_problems(pattern: &str) -> Vec<Problem> {
    let chars: Vec<char> = pattern.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = Vec::new();
    let mut in_class = false;
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
            if let Some(problem) = escape_problem(i, e, in_class, at(i + 2)) {
                out.push(problem);
            }
            i += 2;
            continue;
        }
        if in_class {
            match (c, at(i + 1)) {
                (']', _) => in_class = false,
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
            '(' if at(i + 1) == Some('?') => {
                if let Some(problem) = group_problem(i, &chars) {
                    out.push(problem);
                }
            }
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
            '{' => match quantifier_len(&chars[i..]) {
                Some(len) => {
                    i += len;
                    continue;
                }
                None => out.push(Problem::new(
                    i,
                    1,
                    "`{` must start a quantifier `{n}`, `{n,}` or `{n,m}`",
                    Some("escape a literal brace as `\\{`"),
                )),
            },
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
                "Unicode property escapes `\\{e}{{..}}` are not checked to mean the same in both dialects"
            ),
            "spell the class out with ranges",
        ),
        'c' => p(
            "control escapes `\\cX` are not supported by `regex`".into(),
            "write the character as `\\xHH`",
        ),
        'x' if next == Some('{') => p(
            "`\\x{..}` is `regex`-only syntax".into(),
            "write `\\xHH` or `\\uHHHH`",
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

fn group_problem(i: usize, chars: &[char]) -> Option<Problem> {
    let at = |k: usize| chars.get(i + k).copied();
    match (at(2), at(3)) {
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
        (Some('<'), _) => None,
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
    }
}

#[cfg(test)]
mod tests {
    use super::problems;

    #[test]
    fn spec_pattern_common_subset_passes() {
        for ok in [
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
        ] {
            assert_eq!(problems(ok), vec![], "{ok}");
        }
    }

    #[test]
    fn spec_pattern_differences_are_rejected() {
        for bad in [
            "\\d", "\\w+", "a\\s", "\\bword", "(a)\\1", "(?=a)", "(?<!a)b", "(?P<n>a)", "(?i)a",
            ".", "[a[b]]", "[a&&b]", "[]a]", "a{,3}", "a]", "\\p{L}", "\\x{41}", "\\0", "\\cA",
            "\\A", "\\#", "(", "a{2,1}", "[z-a]", "\\",
        ] {
            assert!(!problems(bad).is_empty(), "{bad}");
        }
    }

    #[test]
    fn spec_pattern_problem_offsets_are_in_chars() {
        let found = problems("é\\d");
        assert_eq!(found[0].offset, 1);
        assert_eq!(found[0].len, 2);
    }
}
