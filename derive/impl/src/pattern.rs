//! Patterns: ECMA-262 source checked to mean the same under Rust's `regex`,
//! and simple anchored character-class patterns turned into direct scans.

use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// One step of a scanned pattern: `min..=max` characters from a class.
pub struct Part {
    pub min: usize,
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

/// Checks `src` and chooses a plan, or explains (in one message) why not.
pub fn analyse(src: &str) -> Result<PatternPlan, String> {
    let ast = ast::parse::ParserBuilder::new()
        .build()
        .parse(src)
        .map_err(|e| {
            format!(
                "invalid regular expression: {} (at offset {})",
                e.kind(),
                e.span().start.offset
            )
        })?;
    check_ast(src, &ast)?;
    // The regex crate's own limits (compiled size) are checked here too, so the
    // run-time compile cannot fail.
    if let Err(e) = regex::Regex::new(src) {
        return Err(format!("invalid regular expression: {e}"));
    }
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(src)
        .map_err(|e| format!("invalid regular expression: {e}"))?;
    Ok(plan(&hir).unwrap_or(PatternPlan::Regex))
}

fn differs(what: &str, fix: &str) -> String {
    format!(
        "{what} means something different in ECMA-262 (the spec's dialect) and in Rust's `regex`; {fix}"
    )
}

fn check_ast(src: &str, ast: &Ast) -> Result<(), String> {
    match ast {
        Ast::Empty(_) | Ast::Literal(_) => {
            if let Ast::Literal(l) = ast {
                check_literal(l)?;
            }
            Ok(())
        }
        Ast::Flags(_) => Err("inline flags such as `(?i)` are not part of ECMA-262".into()),
        Ast::Dot(_) => Err(differs(
            "`.`",
            "it excludes only `\\n` in Rust but also `\\r`, U+2028 and U+2029 in ECMA-262: write a class such as `[^\\n]`",
        )),
        Ast::Assertion(a) => match a.kind {
            ast::AssertionKind::StartLine | ast::AssertionKind::EndLine => Ok(()),
            ast::AssertionKind::WordBoundary | ast::AssertionKind::NotWordBoundary => Err(differs(
                "`\\b`/`\\B`",
                "Rust's word boundary is Unicode-aware, ECMA-262's is ASCII-only",
            )),
            _ => Err("this assertion is Rust-only syntax, not ECMA-262: use `^` and `$`".into()),
        },
        Ast::ClassUnicode(_) => {
            Err("Unicode classes such as `\\p{L}` need ECMA-262's `u` flag, which the spec does not set".into())
        }
        Ast::ClassPerl(c) => Err(perl_class(c)),
        Ast::ClassBracketed(c) => {
            // `[]...]`: ECMA-262 reads `[]` as an empty class, Rust as a literal `]`.
            let after = &src[c.span.start.offset + 1..];
            let after = after.strip_prefix('^').unwrap_or(after);
            if after.starts_with(']') {
                return Err(differs("`]` first in a class", "escape it as `\\]`"));
            }
            check_class_set(&c.kind)
        }
        Ast::Repetition(r) => {
            let text = &src[r.op.span.start.offset..r.op.span.end.offset];
            if text.starts_with("{,") {
                return Err(differs("`{,n}`", "ECMA-262 reads it literally: write `{0,n}`"));
            }
            check_ast(src, &r.ast)
        }
        Ast::Group(g) => {
            match &g.kind {
                ast::GroupKind::NonCapturing(flags) if !flags.items.is_empty() => {
                    return Err("inline flags such as `(?i:...)` are not part of ECMA-262".into());
                }
                ast::GroupKind::CaptureName { starts_with_p: true, .. } => {
                    return Err("`(?P<name>...)` is Rust-only syntax; ECMA-262 writes `(?<name>...)`".into());
                }
                _ => {}
            }
            check_ast(src, &g.ast)
        }
        Ast::Alternation(a) => a.asts.iter().try_for_each(|x| check_ast(src, x)),
        Ast::Concat(c) => c.asts.iter().try_for_each(|x| check_ast(src, x)),
    }
}

fn perl_class(c: &ast::ClassPerl) -> String {
    let (name, fix) = match c.kind {
        ast::ClassPerlKind::Digit => ("`\\d`", "write `[0-9]`"),
        ast::ClassPerlKind::Word => ("`\\w`", "write `[A-Za-z0-9_]`"),
        ast::ClassPerlKind::Space => ("`\\s`", "write the characters, such as `[ \\t\\n\\r]`"),
    };
    differs(
        name,
        &format!("Rust's is Unicode-aware, ECMA-262's differs: {fix}"),
    )
}

fn check_literal(l: &ast::Literal) -> Result<(), String> {
    use ast::LiteralKind::*;
    match &l.kind {
        HexBrace(_) => Err("`\\x{..}`/`\\u{..}` are Rust-only here; ECMA-262 without the `u` flag reads them differently: write `\\xHH` or `\\uHHHH`".into()),
        HexFixed(ast::HexLiteralKind::UnicodeLong) => Err("`\\U` is Rust-only; write `\\uHHHH`".into()),
        Special(ast::SpecialLiteralKind::Bell) => Err(differs("`\\a`", "ECMA-262 reads it as `a`")),
        Octal => Err("octal escapes are not supported".into()),
        _ => Ok(()),
    }
}

fn check_class_set(set: &ast::ClassSet) -> Result<(), String> {
    match set {
        ast::ClassSet::BinaryOp(_) => Err(differs(
            "`&&`, `--` and `~~` in a class",
            "ECMA-262 reads them as characters: escape them",
        )),
        ast::ClassSet::Item(item) => check_class_item(item),
    }
}

fn check_class_item(item: &ast::ClassSetItem) -> Result<(), String> {
    use ast::ClassSetItem::*;
    match item {
        Empty(_) | Range(_) => Ok(()),
        Literal(l) => check_literal(l),
        Ascii(_) => Err(differs("`[[:name:]]`", "ECMA-262 has no POSIX classes: write the ranges")),
        Unicode(_) => Err("Unicode classes such as `\\p{L}` need ECMA-262's `u` flag, which the spec does not set".into()),
        Perl(c) => Err(perl_class(c)),
        Bracketed(_) => Err(differs("`[` inside a class", "ECMA-262 reads it as a literal: escape it as `\\[`")),
        Union(u) => u.items.iter().try_for_each(check_class_item),
    }
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
        match analyse(p).unwrap_or_else(|e| panic!("{p}: {e}")) {
            PatternPlan::Scan(parts) => Some(parts.len()),
            PatternPlan::Regex => None,
        }
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
    fn dialect_differences_are_refused() {
        for p in [
            r"^\d$",
            r"^\w$",
            r"^\s$",
            r"\bx",
            "^.$",
            "(?i)a",
            "(?i:a)",
            "[[:alpha:]]",
            "[a&&b]",
            "[a[b]]",
            r"\x{41}",
            r"\u{41}",
            r"\U00000041",
            "a{,3}",
            "(?P<n>a)",
            r"\pL",
            r"\A",
            r"\z",
            "[]a]",
            "[^]a]",
            r"\a",
        ] {
            assert!(analyse(p).is_err(), "{p} should be refused");
        }
        for p in [
            r"^\/$",
            r"^[\-a]$",
            r"^\u0041$",
            r"^\x41$",
            "^(?<n>a)$",
            "^a{0,3}$",
            "^$",
        ] {
            assert!(
                analyse(p).is_ok(),
                "{p} should be accepted: {:?}",
                analyse(p).err()
            );
        }
    }
}
