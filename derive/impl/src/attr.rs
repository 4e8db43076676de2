//! Attributes: the generic nodes of `syntax` given meaning as typed rules.
//! Every mistake is recorded in the context and parsing goes on, so one
//! compile shows them all.

use proc_macro2::Span;
use syn::{Ident, Lit, LitStr};

use crate::Ctxt;
use crate::pattern::{self, PatternPlan};
use crate::suggest::did_you_mean;
use crate::syntax::{Node, Value};

/// Rule names allowed on a field (and inside `each(...)` / `values(...)`).
pub const FIELD_RULES: &[&str] = &[
    "length", "pattern", "range", "nested", "one_of", "url", "ip", "items", "each", "entries",
    "keys", "values", "scopes",
];
/// Rule names allowed inside `keys(...)`.
pub const KEY_RULES: &[&str] = &["length", "pattern", "one_of", "url", "ip"];
/// Rule names allowed on the struct.
pub const STRUCT_RULES: &[&str] = &[
    "crate",
    "properties",
    "scopes",
    "mutually_exclusive",
    "when_set",
    "when",
];

#[derive(Clone, Copy)]
pub struct Bound {
    pub value: i128,
    pub span: Span,
}

#[derive(Clone, Copy, Default)]
pub struct Bounds {
    pub min: Option<Bound>,
    pub max: Option<Bound>,
}

pub struct Pattern {
    pub lit: LitStr,
    pub plan: PatternPlan,
}

#[derive(Clone, Copy, Default)]
pub struct UrlFlags {
    pub https: bool,
    pub placeholders: bool,
    pub empty: bool,
}

pub struct Items {
    pub bounds: Bounds,
    /// The span of the `unique` word, when given.
    pub unique: Option<Span>,
}

/// Rules on one value. `span`s point at the rule's name.
#[derive(Default)]
pub struct FieldRules {
    pub length: Option<(Span, Bounds)>,
    pub pattern: Option<(Span, Pattern)>,
    pub range: Option<(Span, Bounds)>,
    pub nested: Option<Span>,
    pub one_of: Option<(Span, Vec<LitStr>)>,
    pub url: Option<(Span, UrlFlags)>,
    pub ip: Option<(Span, bool)>,
    pub items: Option<(Span, Items)>,
    pub each: Option<(Span, Box<FieldRules>)>,
    pub entries: Option<(Span, Bounds)>,
    pub keys: Option<(Span, Box<FieldRules>)>,
    pub values: Option<(Span, Box<FieldRules>)>,
    pub scopes: Option<(Span, Vec<LitStr>)>,
}

impl FieldRules {
    pub fn is_empty(&self) -> bool {
        self.length.is_none()
            && self.pattern.is_none()
            && self.range.is_none()
            && self.nested.is_none()
            && self.one_of.is_none()
            && self.url.is_none()
            && self.ip.is_none()
            && self.items.is_none()
            && self.each.is_none()
            && self.entries.is_none()
            && self.keys.is_none()
            && self.values.is_none()
    }
}

/// A literal a field is compared with.
#[derive(Clone)]
pub enum Literal {
    Str(String),
    Bool(bool),
    Int(i128),
}

impl Literal {
    /// How the value reads in a message.
    pub fn describe(&self) -> String {
        match self {
            Literal::Str(s) => format!("`{s}`"),
            Literal::Bool(b) => b.to_string(),
            Literal::Int(i) => i.to_string(),
        }
    }
}

/// `path = "a.b", equals = <literal>`.
pub struct PathEq {
    pub path: LitStr,
    pub segments: Vec<String>,
    pub equals: Literal,
    pub equals_span: Span,
}

pub enum Consequence {
    Then(PathEq),
    Absent(Vec<Ident>),
}

pub enum Condition {
    Set(Ident),
    Equals(PathEq),
}

pub enum CrossRule {
    MutuallyExclusive(Span, Vec<Ident>),
    When(Span, Condition, Vec<Consequence>),
}

#[derive(Default)]
pub struct ContainerRules {
    pub krate: Option<syn::Path>,
    pub properties: Option<(Span, Bounds)>,
    pub scopes: Option<(Span, Vec<LitStr>)>,
    pub rules: Vec<CrossRule>,
}

// ---------------------------------------------------------------------------

fn unknown(cx: &Ctxt, what: &str, name: &Ident, candidates: &[&str], elsewhere: Option<&str>) {
    let n = name.unraw_string();
    // `what` is "rule" or "argument of `x(...)`": the name goes after the noun.
    let mut msg = match what.split_once(' ') {
        Some((noun, rest)) if rest.starts_with("of ") => format!("unknown {noun} `{n}` {rest}"),
        _ => format!("unknown {what} `{n}`"),
    };
    if let Some(hint) = elsewhere {
        msg = hint.to_string();
    } else if let Some(s) = did_you_mean(&n, candidates.iter().copied()) {
        msg.push_str(&format!("; did you mean `{s}`?"));
    } else {
        msg.push_str(&format!("; expected one of: {}", candidates.join(", ")));
    }
    cx.error(name.span(), msg);
}

pub trait UnrawExt {
    fn unraw_string(&self) -> String;
}
impl UnrawExt for Ident {
    fn unraw_string(&self) -> String {
        let s = self.to_string();
        s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
    }
}

/// Records the first occurrence of each name; reports the second.
struct Seen(Vec<String>, Option<String>);
impl Seen {
    fn rules() -> Self {
        Seen(Vec::new(), None)
    }
    fn args(rule: &Ident) -> Self {
        Seen(Vec::new(), Some(rule.unraw_string()))
    }
    fn first(&mut self, cx: &Ctxt, name: &Ident) -> bool {
        let n = name.unraw_string();
        if self.0.contains(&n) {
            let msg = match &self.1 {
                None => format!("duplicate rule `{n}`: it is already given for this value"),
                Some(rule) => format!("duplicate `{n}` in `{rule}(...)`"),
            };
            cx.error(name.span(), msg);
            false
        } else {
            self.0.push(n);
            true
        }
    }
}

fn expect_list<'a>(cx: &Ctxt, node: &'a Node, example: &str) -> Option<&'a [Node]> {
    match node {
        Node::List(_, items) => Some(items),
        other => {
            cx.error(
                other.span(),
                format!("expected {example}, found {}", other.shape()),
            );
            None
        }
    }
}

/// An integer literal (with its sign) as an `i128`.
fn signed(i: &syn::LitInt, minus: bool) -> Option<i128> {
    let n = i.base10_parse::<u128>().ok()?;
    if minus {
        // Down to `i128::MIN`, whose magnitude is above `i128::MAX`.
        0i128.checked_sub_unsigned(n)
    } else {
        i128::try_from(n).ok()
    }
}

/// An integer bound; a count (`nonneg`) is at most `u32::MAX`, a `range`
/// bound an `i128`.
fn int_value(cx: &Ctxt, v: &Value, what: &str, nonneg: bool) -> Option<i128> {
    match &v.lit {
        Lit::Int(i) => match signed(i, v.minus.is_some()) {
            Some(n) => Some(n),
            None if nonneg => {
                let msg = match v.minus {
                    Some(_) => format!("`{what}` cannot be negative"),
                    None => format!("`{what}` is too large: it must be at most {}", u32::MAX),
                };
                cx.error(i.span(), msg);
                None
            }
            None => {
                cx.error(
                    i.span(),
                    format!(
                        "`{what}` is out of range: a bound must be between {} and {} (the range of `i128`)",
                        i128::MIN,
                        i128::MAX
                    ),
                );
                None
            }
        },
        other => {
            cx.error(
                other.span(),
                format!("`{what}` expects an integer, found {}", lit_kind(other)),
            );
            None
        }
    }
}

/// A `-` before a literal that is not an integer.
fn minus_misplaced(cx: &Ctxt, v: &Value, what: &str) -> bool {
    match v.minus {
        Some(span) if !matches!(v.lit, Lit::Int(_)) => {
            cx.error(
                span,
                format!(
                    "`{what}` does not take a minus sign before {}: `-` goes only before an integer; remove it",
                    lit_kind(&v.lit)
                ),
            );
            true
        }
        _ => false,
    }
}

fn lit_kind(l: &Lit) -> &'static str {
    match l {
        Lit::Str(_) => "a string",
        Lit::Int(_) => "an integer",
        Lit::Bool(_) => "a boolean",
        Lit::Float(_) => "a float",
        Lit::Char(_) => "a character literal",
        Lit::Byte(_) => "a byte literal",
        Lit::ByteStr(_) => "a byte string literal",
        Lit::CStr(_) => "a C string literal",
        _ => "another literal",
    }
}

fn str_lit(cx: &Ctxt, v: &Value, what: &str) -> Option<LitStr> {
    if minus_misplaced(cx, v, what) {
        return None;
    }
    match &v.lit {
        Lit::Str(s) => Some(s.clone()),
        other => {
            cx.error(
                other.span(),
                format!(
                    "`{what}` expects a string literal, found {}",
                    lit_kind(other)
                ),
            );
            None
        }
    }
}

/// `rule(min = .., max = ..)` plus extra words (`unique`).
fn bounds(
    cx: &Ctxt,
    rule: &Ident,
    items: &[Node],
    nonneg: bool,
    words: &[&str],
    mut on_word: impl FnMut(&Ident),
) -> Bounds {
    let mut b = Bounds::default();
    let mut seen = Seen::args(rule);
    let rn = rule.unraw_string();
    let mut allowed: Vec<&str> = vec!["min", "max"];
    allowed.extend_from_slice(words);
    for item in items {
        match item {
            Node::Value(name, v) if name == "min" || name == "max" => {
                if !seen.first(cx, name) {
                    continue;
                }
                let Some(n) = int_value(cx, v, &format!("{rn}({name} = ..)"), nonneg) else {
                    continue;
                };
                if nonneg && n > i128::from(u32::MAX) {
                    cx.error(
                        v.lit.span(),
                        format!(
                            "`{rn}({name} = ..)` is too large: it must be at most {}",
                            u32::MAX
                        ),
                    );
                    continue;
                }
                if nonneg && n < 0 {
                    cx.error(
                        v.lit.span(),
                        format!("`{rn}({name} = ..)` cannot be negative"),
                    );
                    continue;
                }
                let bound = Bound {
                    value: n,
                    span: v.lit.span(),
                };
                if name == "min" {
                    b.min = Some(bound)
                } else {
                    b.max = Some(bound)
                }
            }
            Node::Word(w) if words.iter().any(|x| w == x) => {
                if seen.first(cx, w) {
                    on_word(w)
                }
            }
            other => match other.name() {
                Some(n) if allowed.iter().any(|a| n == a) => cx.error(
                    other.span(),
                    format!(
                        "`{n}` in `{rn}(...)` is written {}",
                        if *n == "min" || *n == "max" {
                            format!("`{n} = <integer>`")
                        } else {
                            format!("`{n}`")
                        }
                    ),
                ),
                Some(n) => unknown(cx, &format!("argument of `{rn}(...)`"), n, &allowed, None),
                None => cx.error(
                    other.span(),
                    format!("`{rn}(...)` expects `min = <integer>` and/or `max = <integer>`"),
                ),
            },
        }
    }
    match (b.min, b.max) {
        (Some(min), Some(max)) if min.value > max.value => cx.error(
            min.span,
            format!(
                "`{rn}` has `min = {}` greater than `max = {}`: no value can satisfy it",
                min.value, max.value
            ),
        ),
        (None, None) if items.is_empty() => cx.error(
            rule.span(),
            format!("`{rn}(...)` needs `min = <integer>` and/or `max = <integer>`"),
        ),
        _ => {}
    }
    b
}

fn strings(cx: &Ctxt, rule: &Ident, items: &[Node]) -> Vec<LitStr> {
    let rn = rule.unraw_string();
    let mut out: Vec<LitStr> = Vec::new();
    for item in items {
        match item {
            Node::Lit(Lit::Str(s)) => {
                if out.iter().any(|o| o.value() == s.value()) {
                    cx.error(
                        s.span(),
                        format!("`{}` is listed twice in `{rn}(...)`", s.value()),
                    );
                } else {
                    out.push(s.clone())
                }
            }
            other => cx.error(
                other.span(),
                format!("`{rn}(...)` expects string literals, such as `{rn}(\"a\", \"b\")`"),
            ),
        }
    }
    if items.is_empty() {
        cx.error(
            rule.span(),
            format!("`{rn}(...)` needs at least one string"),
        );
    }
    out
}

/// Where a list of field rules appears: decides which rules are allowed.
#[derive(Clone, Copy, PartialEq)]
pub enum Level {
    Field,
    Inner,
    Key,
}

/// Parses field rules from nodes (of all `#[validate]` attributes on one field).
pub fn field_rules(cx: &Ctxt, nodes: &[Node], level: Level) -> FieldRules {
    let mut r = FieldRules::default();
    let mut seen = Seen::rules();
    let allowed: &[&str] = match level {
        Level::Key => KEY_RULES,
        _ => FIELD_RULES,
    };
    for node in nodes {
        let Some(name) = node.name() else {
            cx.error(
                node.span(),
                "expected a rule name, such as `length(max = 10)` or `nested`, found a literal",
            );
            continue;
        };
        let n = name.unraw_string();
        if !allowed.contains(&n.as_str()) {
            let elsewhere = if level == Level::Key && FIELD_RULES.contains(&n.as_str()) {
                Some(format!(
                    "`{n}` does not apply to map keys; `keys(...)` takes `length`, `pattern`, `one_of`, `url` and `ip`"
                ))
            } else if STRUCT_RULES.contains(&n.as_str()) && n != "scopes" {
                Some(format!(
                    "`{n}` is a struct-level rule: put it in a `#[validate(...)]` on the struct, not on a field"
                ))
            } else {
                None
            };
            unknown(cx, "rule", name, allowed, elsewhere.as_deref());
            continue;
        }
        if n == "scopes" && level != Level::Field {
            cx.error(
                name.span(),
                "`scopes(...)` applies to a field as a whole, not inside `each`/`keys`/`values`",
            );
            continue;
        }
        if !seen.first(cx, name) {
            continue;
        }
        let span = name.span();
        match n.as_str() {
            "length" | "range" | "entries" => {
                let example = format!("`{n}(min = .., max = ..)`");
                let Some(items) = expect_list(cx, node, &example) else {
                    continue;
                };
                let b = bounds(cx, name, items, n != "range", &[], |_| {});
                match n.as_str() {
                    "length" => r.length = Some((span, b)),
                    "range" => r.range = Some((span, b)),
                    _ => r.entries = Some((span, b)),
                }
            }
            "items" => {
                let Some(items) = expect_list(cx, node, "`items(min = .., max = .., unique)`")
                else {
                    continue;
                };
                let mut unique = None;
                let b = bounds(cx, name, items, true, &["unique"], |w| {
                    unique = Some(w.span())
                });
                r.items = Some((span, Items { bounds: b, unique }));
            }
            "pattern" => match node {
                Node::Value(_, v) => {
                    let Some(lit) = str_lit(cx, v, "pattern") else {
                        continue;
                    };
                    match pattern::analyse(&lit.value()) {
                        Ok(plan) => r.pattern = Some((span, Pattern { lit, plan })),
                        Err(problems) => {
                            for problem in problems {
                                cx.error(lit.span(), problem);
                            }
                        }
                    }
                }
                other => cx.error(
                    other.span(),
                    format!("expected `pattern = \"<regex>\"`, found {}", other.shape()),
                ),
            },
            "nested" => match node {
                Node::Word(_) => r.nested = Some(span),
                other => cx.error(
                    other.span(),
                    format!(
                        "`nested` takes no arguments: write `nested`, found {}",
                        other.shape()
                    ),
                ),
            },
            "one_of" | "scopes" => {
                let Some(items) = expect_list(cx, node, &format!("`{n}(\"a\", \"b\")`")) else {
                    continue;
                };
                let list = strings(cx, name, items);
                if n == "one_of" {
                    r.one_of = Some((span, list))
                } else {
                    r.scopes = Some((span, list))
                }
            }
            "url" => {
                let mut flags = UrlFlags::default();
                match node {
                    Node::Word(_) => {}
                    Node::List(_, items) => {
                        let mut seen = Seen::args(name);
                        for item in items {
                            match item {
                                Node::Word(w) if ["https", "placeholders", "empty"].iter().any(|x| w == x) => {
                                    if seen.first(cx, w) {
                                        match w.to_string().as_str() {
                                            "https" => flags.https = true,
                                            "placeholders" => flags.placeholders = true,
                                            _ => flags.empty = true,
                                        }
                                    }
                                }
                                Node::Word(w) | Node::Value(w, _) | Node::List(w, _) => {
                                    unknown(cx, "option of `url(...)`", w, &["https", "placeholders", "empty"], None)
                                }
                                other => cx.error(other.span(), "`url(...)` takes the words `https`, `placeholders` and `empty`"),
                            }
                        }
                    }
                    other => {
                        cx.error(
                            other.span(),
                            "expected `url` or `url(https, placeholders, empty)`",
                        );
                        continue;
                    }
                }
                r.url = Some((span, flags));
            }
            "ip" => match node {
                Node::Word(_) => r.ip = Some((span, false)),
                Node::List(_, items) => {
                    let mut cidr = false;
                    for item in items {
                        match item {
                            Node::Word(w) if w == "cidr" => cidr = true,
                            Node::Word(w) | Node::Value(w, _) | Node::List(w, _) => {
                                unknown(cx, "option of `ip(...)`", w, &["cidr"], None)
                            }
                            other => cx.error(other.span(), "`ip(...)` takes the word `cidr`"),
                        }
                    }
                    r.ip = Some((span, cidr));
                }
                other => cx.error(other.span(), "expected `ip` or `ip(cidr)`"),
            },
            "each" | "values" | "keys" => {
                let Some(items) = expect_list(cx, node, &format!("`{n}(<rules>)`")) else {
                    continue;
                };
                if items.is_empty() {
                    cx.error(span, format!("`{n}(...)` needs at least one rule"));
                    continue;
                }
                let inner = field_rules(
                    cx,
                    items,
                    if n == "keys" {
                        Level::Key
                    } else {
                        Level::Inner
                    },
                );
                let inner = Box::new(inner);
                match n.as_str() {
                    "each" => r.each = Some((span, inner)),
                    "values" => r.values = Some((span, inner)),
                    _ => r.keys = Some((span, inner)),
                }
            }
            _ => unreachable!("names are checked against the allowed list above"),
        }
    }
    r
}

fn literal(cx: &Ctxt, v: &Value) -> Option<Literal> {
    if minus_misplaced(cx, v, "equals") {
        return None;
    }
    match &v.lit {
        Lit::Str(s) => Some(Literal::Str(s.value())),
        Lit::Bool(b) => Some(Literal::Bool(b.value)),
        Lit::Int(i) => match signed(i, v.minus.is_some()) {
            Some(n) => Some(Literal::Int(n)),
            None => {
                cx.error(
                    i.span(),
                    format!(
                        "`equals` is out of range: an integer must be between {} and {} (the range of `i128`)",
                        i128::MIN,
                        i128::MAX
                    ),
                );
                None
            }
        },
        other => {
            cx.error(
                other.span(),
                format!(
                    "`equals` expects a string, boolean or integer literal, found {}",
                    lit_kind(other)
                ),
            );
            None
        }
    }
}

/// The field names of `path = "a.b"`. A segment may be written raw
/// (`r#type`) or not (`type`), as field names in the other rules; later hops
/// are Rust field names, which cannot be `self`, `super`, `crate` or `Self`.
fn path_segments(cx: &Ctxt, lit: &LitStr) -> Option<Vec<String>> {
    use syn::ext::IdentExt;
    let s = lit.value();
    let mut segs = Vec::new();
    for (n, seg) in s.split('.').enumerate() {
        let bare = seg.strip_prefix("r#").unwrap_or(seg);
        let is_ident = syn::parse::Parser::parse_str(Ident::parse_any, bare).is_ok();
        let reserved = ["self", "super", "crate", "Self"].contains(&bare);
        if !is_ident || (n > 0 && reserved) || (bare != seg && reserved) {
            cx.error(
                lit.span(),
                format!("`{s}` is not a field path: expected field names joined by dots, such as `jwt_configuration.alg`"),
            );
            return None;
        }
        segs.push(bare.to_owned());
    }
    Some(segs)
}

/// `path = "..", equals = ..` plus consequence lists.
fn path_eq_and_rest<'a>(
    cx: &Ctxt,
    rule: &Ident,
    items: &'a [Node],
) -> (Option<PathEq>, Vec<&'a Node>) {
    let rn = rule.unraw_string();
    let mut path = None;
    let mut equals = None;
    // Given but invalid (already reported): do not also say it is missing.
    let (mut path_given, mut equals_given) = (false, false);
    let mut rest = Vec::new();
    for item in items {
        match item {
            Node::Value(n, v) if n == "path" => {
                if std::mem::replace(&mut path_given, true) {
                    cx.error(n.span(), format!("duplicate `path` in `{rn}(...)`"));
                } else if let Some(lit) = str_lit(cx, v, "path")
                    && let Some(segs) = path_segments(cx, &lit)
                {
                    path = Some((lit, segs))
                }
            }
            Node::Value(n, v) if n == "equals" => {
                if std::mem::replace(&mut equals_given, true) {
                    cx.error(n.span(), format!("duplicate `equals` in `{rn}(...)`"));
                } else if let Some(l) = literal(cx, v) {
                    equals = Some((l, v.lit.span()))
                }
            }
            other => rest.push(other),
        }
    }
    let pe = match (path, equals) {
        (Some((path, segments)), Some((equals, equals_span))) => Some(PathEq {
            path,
            segments,
            equals,
            equals_span,
        }),
        (p, e) => {
            if p.is_none() && !path_given {
                cx.error(rule.span(), format!("`{rn}(...)` needs `path = \"field\"`"));
            }
            if e.is_none() && !equals_given {
                cx.error(
                    rule.span(),
                    format!("`{rn}(...)` needs `equals = <literal>`"),
                );
            }
            None
        }
    };
    (pe, rest)
}

fn words(cx: &Ctxt, rule: &Ident, items: &[Node]) -> Vec<Ident> {
    let rn = rule.unraw_string();
    let mut out: Vec<Ident> = Vec::new();
    for item in items {
        match item {
            Node::Word(w) => {
                if out.iter().any(|o| o == w) {
                    cx.error(w.span(), format!("`{w}` is listed twice in `{rn}(...)`"));
                } else {
                    out.push(w.clone())
                }
            }
            other => cx.error(
                other.span(),
                format!("`{rn}(...)` expects field names, such as `{rn}(a, b)`"),
            ),
        }
    }
    out
}

fn consequences(cx: &Ctxt, rule: &Ident, rest: &[&Node]) -> Vec<Consequence> {
    let rn = rule.unraw_string();
    let mut out = Vec::new();
    for node in rest {
        match node {
            Node::List(n, items) if n == "then" => {
                let (pe, extra) = path_eq_and_rest(cx, n, items);
                for e in extra {
                    cx.error(
                        e.span(),
                        "`then(...)` takes only `path = \"..\"` and `equals = ..`",
                    );
                }
                if let Some(pe) = pe {
                    out.push(Consequence::Then(pe))
                }
            }
            Node::List(n, items) if n == "absent" => {
                let w = words(cx, n, items);
                if w.is_empty() {
                    cx.error(n.span(), "`absent(...)` needs at least one field");
                }
                out.push(Consequence::Absent(w))
            }
            other => match other.name() {
                Some(n) => unknown(
                    cx,
                    &format!("argument of `{rn}(...)`"),
                    n,
                    &["path", "equals", "then", "absent"],
                    None,
                ),
                None => cx.error(other.span(), format!("unexpected literal in `{rn}(...)`")),
            },
        }
    }
    if out.is_empty() {
        cx.error(rule.span(), format!("`{rn}(...)` needs a consequence: `then(path = \"..\", equals = ..)` or `absent(a, b)`"));
    }
    out
}

/// Parses struct-level rules.
pub fn container_rules(cx: &Ctxt, nodes: &[Node]) -> ContainerRules {
    let mut r = ContainerRules::default();
    let mut seen = Seen::rules();
    for node in nodes {
        let Some(name) = node.name() else {
            cx.error(node.span(), "expected a struct-level rule, found a literal");
            continue;
        };
        let n = name.unraw_string();
        if !STRUCT_RULES.contains(&n.as_str()) {
            let elsewhere = FIELD_RULES.contains(&n.as_str()).then(|| {
                format!("`{n}` is a field rule: put it in a `#[validate(...)]` on a field, not on the struct")
            });
            unknown(
                cx,
                "struct-level rule",
                name,
                STRUCT_RULES,
                elsewhere.as_deref(),
            );
            continue;
        }
        let span = name.span();
        match n.as_str() {
            "crate" | "properties" | "scopes" if !seen.first(cx, name) => {}
            "crate" => match node {
                Node::Value(_, v) => {
                    if let Some(lit) = str_lit(cx, v, "crate") {
                        match lit.parse::<syn::Path>() {
                            Ok(p) => r.krate = Some(p),
                            Err(_) => cx.error(
                                lit.span(),
                                format!(
                                    "`{}` is not a path, such as `my_crate::spec_validate`",
                                    lit.value()
                                ),
                            ),
                        }
                    }
                }
                other => cx.error(
                    other.span(),
                    "expected `crate = \"path::to::spec_validate\"`",
                ),
            },
            "properties" => {
                let Some(items) = expect_list(cx, node, "`properties(min = .., max = ..)`") else {
                    continue;
                };
                r.properties = Some((span, bounds(cx, name, items, true, &[], |_| {})));
            }
            "scopes" => {
                let Some(items) = expect_list(cx, node, "`scopes(\"a\", \"b\")`") else {
                    continue;
                };
                r.scopes = Some((span, strings(cx, name, items)));
            }
            "mutually_exclusive" => {
                let Some(items) = expect_list(cx, node, "`mutually_exclusive(a, b)`") else {
                    continue;
                };
                let w = words(cx, name, items);
                if w.len() < 2 && items.len() < 2 {
                    cx.error(span, "`mutually_exclusive(...)` needs at least two fields");
                    continue;
                }
                r.rules.push(CrossRule::MutuallyExclusive(span, w));
            }
            "when_set" => {
                let Some(items) = expect_list(
                    cx,
                    node,
                    "`when_set(field, then(path = \"..\", equals = ..))`",
                ) else {
                    continue;
                };
                let Some((first, rest)) = items.split_first() else {
                    cx.error(span, "`when_set(...)` needs a field and a consequence");
                    continue;
                };
                let Node::Word(field) = first else {
                    cx.error(first.span(), "`when_set(...)` starts with the field name, such as `when_set(a, then(...))`");
                    continue;
                };
                let rest: Vec<&Node> = rest.iter().collect();
                let cons = consequences(cx, name, &rest);
                r.rules
                    .push(CrossRule::When(span, Condition::Set(field.clone()), cons));
            }
            "when" => {
                let Some(items) =
                    expect_list(cx, node, "`when(path = \"..\", equals = .., then(...))`")
                else {
                    continue;
                };
                let (pe, rest) = path_eq_and_rest(cx, name, items);
                let cons = consequences(cx, name, &rest);
                if let Some(pe) = pe {
                    r.rules
                        .push(CrossRule::When(span, Condition::Equals(pe), cons));
                }
            }
            _ => unreachable!("names are checked against STRUCT_RULES above"),
        }
    }
    r
}
