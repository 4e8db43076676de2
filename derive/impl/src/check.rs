//! Checks that need more than one attribute at a time: does a rule fit the
//! field's type (when the type can be seen syntactically), do struct-level
//! rules name real fields. Each `check_*` records errors and goes on.

use proc_macro2::Span;
use quote::ToTokens;
use syn::{GenericArgument, Ident, PathArguments, Type};

use crate::Ctxt;
use crate::ast::{Container, Data, Field, Seg};
use crate::attr::{self, Condition, Consequence, CrossRule, FieldRules, Literal, PathEq};
use crate::names::KnownType;
use crate::suggest::did_you_mean;

pub fn check(cx: &Ctxt, c: &Container) {
    match &c.data {
        Data::Struct(fields) => {
            for f in fields {
                check_field_rules(cx, &f.rules, Some(f.ty));
            }
            check_struct_rules(cx, c, fields);
        }
        Data::Enum(variants) => {
            for v in variants {
                for f in &v.fields {
                    check_field_rules(cx, &f.rules, Some(f.ty));
                    if let Some((span, _)) = &f.rules.scopes {
                        cx.error(*span, "`scopes(...)` is supported on struct fields only");
                    }
                }
            }
            let r = &c.rules;
            let mut spans: Vec<Span> = Vec::new();
            spans.extend(r.properties.as_ref().map(|p| p.0));
            spans.extend(r.scopes.as_ref().map(|p| p.0));
            for rule in &r.rules {
                match rule {
                    CrossRule::MutuallyExclusive(s, _) | CrossRule::When(s, ..) => spans.push(*s),
                }
            }
            for s in spans {
                cx.error(s, "struct-level rules apply to structs; on an enum, put rules on the variants' fields");
            }
        }
    }
}

/// What a type is, as far as its syntax shows.
#[derive(Clone, Copy)]
pub enum Kind<'a> {
    Str,
    Int,
    Bool,
    Float,
    /// A sequence, with its item type.
    Seq(Option<&'a Type>),
    /// A map, with its key and value types.
    Map(Option<&'a Type>, Option<&'a Type>),
    /// A collection that is not a slice (`VecDeque`, sets, ...): sequence
    /// rules do not apply.
    Collection,
    Unknown,
}

fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match ty {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

fn generic_types(seg: &syn::PathSegment) -> Vec<&Type> {
    match &seg.arguments {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The type inside one wrapper layer (`Option`, `Patch`, `Box`, `&`), if `ty`
/// is one.
fn unwrap_layer(ty: &Type) -> Option<&Type> {
    match ty {
        Type::Reference(r) => Some(&r.elem),
        Type::Paren(p) => unwrap_layer(&p.elem),
        Type::Group(g) => unwrap_layer(&g.elem),
        _ => match last_segment(ty) {
            Some(seg) if ["Option", "Patch", "Box"].iter().any(|n| seg.ident == n) => {
                match generic_types(seg).as_slice() {
                    [inner] => Some(inner),
                    _ => None,
                }
            }
            _ => None,
        },
    }
}

/// Strips every `Option`, `Patch`, `Box` and reference layer: rules apply to
/// the present value.
pub fn present(ty: &Type) -> &Type {
    match unwrap_layer(ty) {
        Some(inner) => present(inner),
        None => match ty {
            Type::Paren(p) => present(&p.elem),
            Type::Group(g) => present(&g.elem),
            _ => ty,
        },
    }
}

/// How many wrapper layers (`Option`, `Patch`, `Box`, `&`) `ty` shows.
pub fn wrapper_layers(ty: &Type) -> usize {
    match unwrap_layer(ty) {
        Some(inner) => 1 + wrapper_layers(inner),
        None => 0,
    }
}

pub fn kind(ty: &Type) -> Kind<'_> {
    let ty = present(ty);
    match ty {
        Type::Slice(s) => return Kind::Seq(Some(&s.elem)),
        Type::Array(a) => return Kind::Seq(Some(&a.elem)),
        _ => {}
    }
    let Some(seg) = last_segment(ty) else {
        return Kind::Unknown;
    };
    let name = seg.ident.to_string();
    let args = generic_types(seg);
    match KnownType::of(&name) {
        Some(KnownType::Str) => return Kind::Str,
        Some(KnownType::Vec) => return Kind::Seq(args.first().copied()),
        Some(KnownType::Collection) => return Kind::Collection,
        Some(KnownType::Map) => return Kind::Map(args.first().copied(), args.get(1).copied()),
        // A `Patch` layer was stripped by `present`; one without a type argument is unknown.
        Some(KnownType::Patch) | None => {}
    }
    match name.as_str() {
        "str" => Kind::Str,
        "Secret" => match args.as_slice() {
            [inner] if matches!(kind(inner), Kind::Str) => Kind::Str,
            _ => Kind::Unknown,
        },
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "u8" | "u16" | "u32" | "u64" | "u128"
        | "usize" => Kind::Int,
        "bool" => Kind::Bool,
        "f32" | "f64" => Kind::Float,
        _ => Kind::Unknown,
    }
}

fn type_string(ty: &Type) -> String {
    let s = ty.to_token_stream().to_string();
    s.replace(" < ", "<")
        .replace(" <", "<")
        .replace("< ", "<")
        .replace(" >", ">")
        .replace(" , ", ", ")
        .replace(" :: ", "::")
        .replace(":: ", "::")
        .replace("& ", "&")
}

fn mismatch(cx: &Ctxt, span: Span, rule: &str, applies: &str, ty: &Type, hint: &str) {
    cx.error(
        span,
        format!(
            "`{rule}` applies to {applies}, but this value is `{}`{hint}",
            type_string(present(ty))
        ),
    );
}

/// Does each rule fit the type? Only judged when the type's syntax shows it;
/// otherwise the emitted code's trait bounds report it at the rule.
fn check_field_rules(cx: &Ctxt, r: &FieldRules, ty: Option<&Type>) {
    let Some(ty) = ty else {
        // Type not visible (e.g. behind an alias): check the nested rule lists only.
        if let Some((_, each)) = &r.each {
            check_field_rules(cx, each, None);
        }
        if let Some((_, v)) = &r.values {
            check_field_rules(cx, v, None);
        }
        return;
    };
    let k = kind(ty);
    let is = |want: fn(&Kind) -> bool| matches!(k, Kind::Unknown) || want(&k);
    let string_rules = [
        ("length", r.length.as_ref().map(|x| x.0)),
        ("pattern", r.pattern.as_ref().map(|x| x.0)),
        ("one_of", r.one_of.as_ref().map(|x| x.0)),
        ("url", r.url.as_ref().map(|x| x.0)),
        ("ip", r.ip.as_ref().map(|x| x.0)),
    ];
    for (name, span) in string_rules {
        if let Some(span) = span
            && !is(|k| matches!(k, Kind::Str))
        {
            let hint = match (name, k) {
                ("length", Kind::Seq(_)) => {
                    "; for the number of items use `items(min = .., max = ..)`"
                }
                ("length", Kind::Map(..)) => {
                    "; for the number of entries use `entries(min = .., max = ..)`"
                }
                (_, Kind::Int) if name == "length" => {
                    "; for numbers use `range(min = .., max = ..)`"
                }
                (_, Kind::Seq(_)) => "; to check each item use `each(...)`",
                _ => "",
            };
            mismatch(cx, span, name, "strings", ty, hint);
        }
    }
    if let Some((span, _)) = &r.range
        && !is(|k| matches!(k, Kind::Int))
    {
        let hint = match k {
            Kind::Str => "; for strings use `length(min = .., max = ..)`",
            Kind::Seq(_) => "; for the number of items use `items(min = .., max = ..)`",
            _ => "",
        };
        mismatch(cx, *span, "range", "integers", ty, hint);
    }
    if let Some((_, b)) = &r.range
        && matches!(k, Kind::Int)
    {
        check_range_fits(cx, b, present(ty));
    }
    let elem = match k {
        Kind::Seq(e) => e,
        _ => None,
    };
    for (name, span) in [
        ("items", r.items.as_ref().map(|x| x.0)),
        ("each", r.each.as_ref().map(|x| x.0)),
    ] {
        if let Some(span) = span
            && !is(|k| matches!(k, Kind::Seq(_)))
        {
            let hint = match k {
                Kind::Collection => "; it is not a slice: use a `Vec<T>` field",
                _ => "",
            };
            mismatch(
                cx,
                span,
                name,
                "sequences (`Vec<T>`, slices, arrays)",
                ty,
                hint,
            );
        }
    }
    if let Some((_, each)) = &r.each {
        check_field_rules(cx, each, elem);
    }
    let value = match k {
        Kind::Map(_, v) => v,
        _ => None,
    };
    for (name, span) in [
        ("entries", r.entries.as_ref().map(|x| x.0)),
        ("keys", r.keys.as_ref().map(|x| x.0)),
        ("values", r.values.as_ref().map(|x| x.0)),
    ] {
        if let Some(span) = span
            && !is(|k| matches!(k, Kind::Map(..)))
        {
            mismatch(
                cx,
                span,
                name,
                "maps with string keys (`BTreeMap<String, V>`)",
                ty,
                "",
            );
        }
    }
    // JSON object keys are strings: a map whose key type is visibly not a
    // string cannot be given map rules.
    if let Kind::Map(Some(key), _) = k
        && !matches!(kind(key), Kind::Str | Kind::Unknown)
        && let Some(span) = r
            .entries
            .as_ref()
            .map(|x| x.0)
            .or(r.keys.as_ref().map(|x| x.0))
            .or(r.values.as_ref().map(|x| x.0))
    {
        cx.error(
            span,
            format!(
                "`{}` applies to maps with string keys (`BTreeMap<String, V>`), but the keys of this `{}` are `{}`: JSON object keys are strings, use `String` keys",
                first_map_rule(r),
                type_string(present(ty)),
                type_string(key)
            ),
        );
    }
    if let Some((_, v)) = &r.values {
        check_field_rules(cx, v, value);
    }
    if let Some(span) = r.nested
        && matches!(k, Kind::Str | Kind::Int | Kind::Bool | Kind::Float)
    {
        mismatch(
            cx,
            span,
            "nested",
            "types that implement `Validate` (structs, and `Option`/`Vec`/maps of them)",
            ty,
            "",
        );
    }
}

/// The first map rule given, by name.
fn first_map_rule(r: &FieldRules) -> &'static str {
    if r.entries.is_some() {
        "entries"
    } else if r.keys.is_some() {
        "keys"
    } else {
        "values"
    }
}

/// The values of an integer type named by its syntax (`usize`/`isize` as on
/// a 64-bit target, the widest common one).
fn int_type_range(name: &str) -> Option<(i128, i128)> {
    Some(match name {
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        "i128" => (i128::MIN, i128::MAX),
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "usize" => (0, u64::MAX.into()),
        // Bounds are parsed as i128: every one that parsed is above u128::MIN.
        "u128" => (0, i128::MAX),
        _ => return None,
    })
}

/// A `range` bound the field's integer type cannot reach is a mistake.
fn check_range_fits(cx: &Ctxt, b: &attr::Bounds, ty: &Type) {
    let Some(seg) = last_segment(ty) else {
        return;
    };
    let name = seg.ident.to_string();
    let Some((lo, hi)) = int_type_range(&name) else {
        return;
    };
    for (which, bound) in [("min", b.min), ("max", b.max)] {
        let Some(bound) = bound else { continue };
        let v = bound.value;
        if v < lo || v > hi {
            cx.error(
                bound.span,
                format!(
                    "`range({which} = {v})` is outside the values of `{name}` ({lo} to {hi}), so the rule cannot mean what it says; use a bound within `{name}` or change the field's type"
                ),
            );
        }
    }
}

/// The field a struct-level rule names (by Rust name or serde name).
pub fn find_field<'c, 'a>(fields: &'c [Field<'a>], name: &str) -> Option<&'c Field<'a>> {
    fields
        .iter()
        .find(|f| f.name().as_deref() == Some(name))
        .or_else(|| {
            fields
                .iter()
                .find(|f| matches!(&f.json, Seg::Field(j) if j == name))
        })
}

/// The index of the field `name` names, reporting an unknown name, or a
/// `#[serde(flatten)]` field (its members are members of this object: it has
/// no value of its own for a struct-level rule to test).
fn check_name(cx: &Ctxt, fields: &[Field], name: &str, span: Span) -> Option<usize> {
    if let Some(f) = find_field(fields, name) {
        if f.flatten {
            cx.error(
                span,
                format!("`{name}` is `#[serde(flatten)]`: its entries are members of this object, so it has no value of its own for a struct-level rule to test; name the flattened members' own fields in their type"),
            );
            return None;
        }
        return fields.iter().position(|g| std::ptr::eq(g, f));
    }
    let names: Vec<String> = fields.iter().filter_map(|f| f.name()).collect();
    let mut msg = format!("no field `{name}` in this struct");
    if let Some(s) = did_you_mean(name, names.iter().map(String::as_str)) {
        msg.push_str(&format!("; did you mean `{s}`?"));
    } else {
        msg.push_str(&format!("; its fields are: {}", names.join(", ")));
    }
    cx.error(span, msg);
    None
}

fn check_ident(cx: &Ctxt, fields: &[Field], id: &Ident) -> Option<usize> {
    use crate::attr::UnrawExt;
    check_name(cx, fields, &id.unraw_string(), id.span())
}

/// A resolved `path = "..", equals = ..`: the first field's index, the later
/// hops, and the literal (as a key).
type PathKey = (usize, Vec<String>, String);

fn literal_key(l: &Literal) -> String {
    match l {
        Literal::Str(s) => format!("str:{s}"),
        Literal::Bool(b) => format!("bool:{b}"),
        Literal::Int(i) => format!("int:{i}"),
    }
}

fn check_path_eq(cx: &Ctxt, fields: &[Field], pe: &PathEq) -> Option<PathKey> {
    let first = pe.segments.first()?;
    let index = check_name(cx, fields, first, pe.path.span())?;
    if pe.segments.len() == 1 {
        let f = &fields[index];
        let k = kind(f.ty);
        let fits = matches!(
            (&pe.equals, k),
            (_, Kind::Unknown)
                | (Literal::Str(_), Kind::Str)
                | (Literal::Bool(_), Kind::Bool)
                | (Literal::Int(_), Kind::Int)
        );
        if !fits {
            cx.error(
                pe.equals_span,
                format!(
                    "`{first}` is `{}`, which can never equal {}",
                    type_string(present(f.ty)),
                    pe.equals.describe()
                ),
            );
        }
    }
    Some((index, pe.segments[1..].to_vec(), literal_key(&pe.equals)))
}

/// The field names of one list (`mutually_exclusive(..)`, `absent(..)`),
/// resolved; a field named twice (also by its Rust and serde names) is
/// reported at the second name.
fn check_field_list(
    cx: &Ctxt,
    fields: &[Field],
    ids: &[Ident],
    what: &str,
    seen: &mut Vec<usize>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for id in ids {
        let Some(index) = check_ident(cx, fields, id) else {
            continue;
        };
        if seen.contains(&index) {
            cx.error(
                id.span(),
                format!(
                    "`{id}` names a field that is already named in this `{what}` (as `{}`)",
                    fields[index].name().unwrap_or_default()
                ),
            );
            continue;
        }
        seen.push(index);
        out.push(index);
    }
    out
}

fn check_struct_rules(cx: &Ctxt, c: &Container, fields: &[Field]) {
    use crate::attr::UnrawExt;
    let named = fields.iter().all(|f| f.ident.is_some());
    // Each rule, resolved to field indices: a rule equal to an earlier one is
    // a duplicate.
    let mut earlier: Vec<String> = Vec::new();
    for rule in &c.rules.rules {
        let span = match rule {
            CrossRule::MutuallyExclusive(s, _) | CrossRule::When(s, ..) => *s,
        };
        if !named || fields.is_empty() {
            cx.error(span, "struct-level rules need a struct with named fields");
            continue;
        }
        let errors_before = cx.error_count();
        let (rn, key) = match rule {
            CrossRule::MutuallyExclusive(_, ids) => {
                let mut list =
                    check_field_list(cx, fields, ids, "mutually_exclusive(...)", &mut Vec::new());
                list.sort_unstable();
                ("mutually_exclusive", format!("mutually_exclusive:{list:?}"))
            }
            CrossRule::When(_, cond, cons) => {
                let rn = match cond {
                    Condition::Set(_) => "when_set",
                    Condition::Equals(_) => "when",
                };
                // The path the condition tests (its first hop a field of this
                // struct, which the condition needs set).
                let (cond_key, cond_path) = match cond {
                    Condition::Set(id) => {
                        let index = check_ident(cx, fields, id);
                        (format!("set:{index:?}"), index.map(|i| (i, Vec::new())))
                    }
                    Condition::Equals(pe) => {
                        let key = check_path_eq(cx, fields, pe);
                        let path = key.as_ref().map(|k| (k.0, k.1.clone()));
                        (format!("equals:{key:?}"), path)
                    }
                };
                let cond_field = cond_path.as_ref().map(|p| p.0);
                let mut absent_seen: Vec<usize> = Vec::new();
                let mut then_seen: Vec<(usize, Vec<String>)> = Vec::new();
                let mut keys: Vec<String> = Vec::new();
                for con in cons {
                    match con {
                        Consequence::Then(pe) => {
                            let Some(key) = check_path_eq(cx, fields, pe) else {
                                continue;
                            };
                            let path = (key.0, key.1.clone());
                            if cond_path.as_ref() == Some(&path) {
                                cx.error(
                                    pe.path.span(),
                                    format!("`then(path = \"{}\", ..)` names the field of this rule's own condition: the rule would contradict or repeat its condition", pe.path.value()),
                                );
                            } else if then_seen.contains(&path) {
                                cx.error(
                                    pe.path.span(),
                                    format!(
                                        "`{}` already has a `then(...)` in this `{rn}(...)`",
                                        pe.path.value()
                                    ),
                                );
                            } else {
                                then_seen.push(path);
                            }
                            keys.push(format!("then:{key:?}"));
                        }
                        Consequence::Absent(ids) => {
                            for id in ids {
                                if let (Some(cf), Some(f)) =
                                    (cond_field, find_field(fields, &id.unraw_string()))
                                    && std::ptr::eq(&fields[cf], f)
                                {
                                    cx.error(
                                        id.span(),
                                        format!("`{id}` is the field of this rule's own condition: it cannot be required absent when the condition holds (the rule could never pass)"),
                                    );
                                }
                            }
                            check_field_list(
                                cx,
                                fields,
                                ids,
                                &format!("{rn}(...)"),
                                &mut absent_seen,
                            );
                        }
                    }
                }
                absent_seen.sort_unstable();
                keys.push(format!("absent:{absent_seen:?}"));
                keys.sort_unstable();
                (rn, format!("{cond_key}|{}", keys.join("|")))
            }
        };
        if cx.error_count() > errors_before {
            // Not fully resolved: already reported, not compared.
            continue;
        }
        if earlier.contains(&key) {
            cx.error(
                span,
                format!("duplicate rule: this `{rn}(...)` repeats an earlier one on this struct"),
            );
        } else {
            earlier.push(key);
        }
    }
}
