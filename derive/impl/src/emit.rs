//! Emission: the `Validate` impl (and `Scopes` when asked for). Paths in the
//! output are fully qualified; the runtime is reached through the crate path
//! (`::spec_validate` unless `#[validate(crate = "...")]`).
//!
//! Code emitted for a rule carries the rule's span, so a type that does not
//! fit (seen only by the type checker) is reported at the attribute. Local
//! variables never take a rule's span (only its location): see [`local`].

use proc_macro2::{Group, Literal as Lit, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::{Ident, Type};

use crate::ast::{Container, Data, Field, Seg};
use crate::attr::{Bounds, Condition, Consequence, CrossRule, FieldRules, Literal, PathEq};
use crate::check::{Kind, find_field, kind, wrapper_layers};
use crate::pattern::PatternPlan;

struct Cx {
    krate: TokenStream,
    sv: TokenStream,
}

impl Cx {
    /// The runtime's private module, located at `span` (a rule): an error
    /// about a call into it is then reported at the rule, whole.
    fn sv_at(&self, span: Span) -> TokenStream {
        respan(&self.sv, span)
    }
}

/// `tokens` located at `span`, each keeping its own hygiene.
fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|tt| match tt {
            TokenTree::Group(g) => {
                let mut group = Group::new(g.delimiter(), respan(&g.stream(), span));
                group.set_span(g.span().located_at(span));
                TokenTree::Group(group)
            }
            mut other => {
                other.set_span(other.span().located_at(span));
                other
            }
        })
        .collect()
}

fn opt_usize(b: Option<crate::attr::Bound>) -> TokenStream {
    match b {
        Some(b) => {
            let v = Lit::usize_suffixed(b.value as usize);
            quote!(::core::option::Option::Some(#v))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// An `i128` literal; `i128::MIN` by name (its magnitude is no `i128` literal).
fn i128_lit(v: i128) -> TokenStream {
    if v == i128::MIN {
        quote!(::core::primitive::i128::MIN)
    } else {
        let v = Lit::i128_suffixed(v);
        quote!(#v)
    }
}

fn opt_i128(b: Option<crate::attr::Bound>) -> TokenStream {
    match b {
        Some(b) => {
            let v = i128_lit(b.value);
            quote!(::core::option::Option::Some(#v))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn opt_count(m: Option<usize>) -> TokenStream {
    match m {
        Some(m) => {
            let m = Lit::usize_suffixed(m);
            quote!(::core::option::Option::Some(#m))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// A local variable (or local item) of the expansion. Every local is declared
/// and used with the call-site hygiene, never with a rule's span: a rule's
/// tokens may come from another hygiene context (a `macro_rules!` caller that
/// passes the `#[validate]` attributes in), where a local declared here is not
/// visible.
fn local(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// A local with call-site hygiene, located at `span` (a rule): a type error
/// about the value is then shown at the rule.
fn local_at(name: &str, span: Span) -> Ident {
    Ident::new(name, Span::call_site().located_at(span))
}

/// `ch` is in the part's class.
fn class_test(part: &crate::pattern::Part, ch: &Ident) -> TokenStream {
    let arms = part.ranges.iter().map(|(a, b)| {
        if a == b {
            let a = Lit::character(*a);
            quote!(#a)
        } else {
            let (a, b) = (Lit::character(*a), Lit::character(*b));
            quote!(#a..=#b)
        }
    });
    let test = if part.ranges.is_empty() {
        quote!(false)
    } else {
        quote!(::core::matches!(#ch, #(#arms)|*))
    };
    if part.negated { quote!(!#test) } else { test }
}

fn has_bounds(b: &Bounds) -> bool {
    b.min.is_some() || b.max.is_some()
}

/// The state (`Slot`) of the value behind `value` (an expression of type
/// `&T`), looking through `layers` wrapper layers (`Option`, `Patch`, `Box`,
/// `&`). At least one layer is probed, so a wrapper that the syntax does not
/// show (behind an alias) is still seen when it is the outermost.
fn slot_expr(cx: &Cx, value: TokenStream, layers: usize) -> TokenStream {
    let sv = &cx.sv;
    if layers <= 1 {
        return quote!((&#sv::Probe(#value)).__slot());
    }
    let w = local("__w");
    let mut expr = quote!(#sv::peel((&#sv::Probe(#value)).__layer()));
    for _ in 1..layers {
        expr = quote!(#expr.__then(|#w| (&#sv::Probe(#w)).__layer()));
    }
    quote!(#expr.__slot())
}

/// Rules on the value behind `value` (an expression of type `&T`, `T` being
/// `ty` when the syntax shows it), at path `p` (an expression of type `&Path`).
fn rules(
    cx: &Cx,
    r: &FieldRules,
    value: TokenStream,
    ty: Option<&Type>,
    p: &TokenStream,
    depth: usize,
) -> TokenStream {
    let report = local("__report");
    let v = local(&format!("__v{depth}"));
    // The value located at a rule, so a type error is reported at the rule.
    let at = |span: Span| local_at(&v.to_string(), span);
    let mut checks = Vec::new();
    // The string view of the value, through the rule's own trait.
    let s = |span: Span, rule: &str| {
        let (sv, v, rule) = (cx.sv_at(span), at(span), Ident::new(rule, span));
        quote_spanned!(span=> #sv::#rule::__str(#v))
    };
    // Cheap checks first: length, one_of, range, ip, url, then pattern.
    if let Some((span, b)) = &r.length {
        let (sv, s) = (cx.sv_at(*span), s(*span, "LengthRule"));
        let (min, max) = (opt_usize(b.min), opt_usize(b.max));
        checks.push(quote_spanned!(*span=> #sv::length(#s, #min, #max, #p, #report);));
    }
    if let Some((span, list)) = &r.one_of {
        let (sv, s) = (cx.sv_at(*span), s(*span, "OneOfRule"));
        checks.push(quote_spanned!(*span=> #sv::one_of(#s, &[#(#list),*], #p, #report);));
    }
    if let Some((span, b)) = &r.range {
        let (sv, v) = (cx.sv_at(*span), at(*span));
        let (min, max) = (opt_i128(b.min), opt_i128(b.max));
        checks.push(
            quote_spanned!(*span=> #sv::range(#sv::Int::__int(#v), #min, #max, #p, #report);),
        );
    }
    if let Some((span, cidr)) = &r.ip {
        let (sv, s) = (cx.sv_at(*span), s(*span, "IpRule"));
        checks.push(quote_spanned!(*span=> #sv::ip(#s, #cidr, #p, #report);));
    }
    if let Some((span, f)) = &r.url {
        let (sv, s) = (cx.sv_at(*span), s(*span, "UrlRule"));
        let (h, ph, e) = (f.https, f.placeholders, f.empty);
        checks.push(quote_spanned!(*span=> #sv::url(#s, #h, #ph, #e, #p, #report);));
    }
    if let Some((span, pat)) = &r.pattern {
        checks.push(pattern(cx, *span, pat, s(*span, "PatternRule"), p));
    }
    let k = ty.map(kind);
    if r.items.is_some() || r.each.is_some() {
        let elem = match k {
            Some(Kind::Seq(elem)) => elem,
            _ => None,
        };
        checks.push(sequence(cx, r, elem, &at, p, depth));
    }
    if r.entries.is_some() || r.keys.is_some() || r.values.is_some() {
        let value_ty = match k {
            Some(Kind::Map(_, value)) => value,
            _ => None,
        };
        checks.push(map(cx, r, value_ty, &at, p, depth));
    }
    if let Some(span) = r.nested {
        let (krate, v) = (respan(&cx.krate, span), at(span));
        checks.push(quote_spanned!(span=> #krate::Validate::validate_at(#v, #p, #report);));
    }
    let sv = &cx.sv;
    let slot = slot_expr(cx, value, ty.map_or(1, wrapper_layers));
    quote! {
        if let #sv::Slot::Set(#v) = #slot {
            #(#checks)*
        }
    }
}

/// `pattern = ".."` on the string `s`.
fn pattern(
    cx: &Cx,
    span: Span,
    pat: &crate::attr::Pattern,
    s: TokenStream,
    p: &TokenStream,
) -> TokenStream {
    let sv = &cx.sv_at(span);
    let report = local("__report");
    let src = &pat.lit;
    let ch = local("__ch");
    match &pat.plan {
        PatternPlan::Scan(parts) if parts.len() == 1 => {
            let part = &parts[0];
            let test = class_test(part, &ch);
            let min = Lit::usize_suffixed(part.min);
            let max = opt_count(part.max);
            let allowed = local("__allowed");
            quote_spanned! {span=> {
                fn #allowed(#ch: ::core::primitive::char) -> ::core::primitive::bool { #test }
                #sv::pattern_scan(#s, #src, #min, #max, #allowed, #p, #report);
            }}
        }
        PatternPlan::Scan(parts) => {
            let fns = parts.iter().enumerate().map(|(i, part)| {
                let name = local(&format!("__allowed{i}"));
                let test = class_test(part, &ch);
                quote!(fn #name(#ch: ::core::primitive::char) -> ::core::primitive::bool { #test })
            });
            let steps = parts.iter().enumerate().map(|(i, part)| {
                let name = local(&format!("__allowed{i}"));
                let min = Lit::usize_suffixed(part.min);
                let max = opt_count(part.max);
                quote!(#sv::ScanPart { allowed: #name, min: #min, max: #max })
            });
            quote_spanned! {span=> {
                #(#fns)*
                #sv::pattern_seq(#s, #src, &[#(#steps),*], #p, #report);
            }}
        }
        PatternPlan::Regex => {
            let re = local("__RE");
            quote_spanned! {span=> {
                static #re: #sv::LazyRegex = #sv::LazyLock::new(|| #sv::Regex::new(#src).ok());
                #sv::pattern_regex(#s, #src, &#re, #p, #report);
            }}
        }
    }
}

/// `items(...)` and `each(...)`; `elem` is the item type when the syntax shows it.
fn sequence(
    cx: &Cx,
    r: &FieldRules,
    elem: Option<&Type>,
    at: &dyn Fn(Span) -> Ident,
    p: &TokenStream,
    depth: usize,
) -> TokenStream {
    let report = local("__report");
    // The list is read once, through the trait of the first rule given, so a
    // value of the wrong type is reported once, at that rule.
    let (span, rule) = match (&r.items, &r.each) {
        (Some((span, _)), _) => (*span, "ItemsRule"),
        (None, Some((span, _))) => (*span, "EachRule"),
        (None, None) => (Span::call_site(), "ItemsRule"),
    };
    let items = local(&format!("__items{depth}"));
    let mut inner = Vec::new();
    if let Some((span, it)) = &r.items {
        let sv = &cx.sv_at(*span);
        if has_bounds(&it.bounds) {
            let (min, max) = (opt_usize(it.bounds.min), opt_usize(it.bounds.max));
            inner.push(quote_spanned!(*span=> #sv::items(#items.len(), #min, #max, #p, #report);));
        }
        if let Some(uspan) = it.unique {
            // Cheap before expensive: an over-long list is already reported.
            let guard = match it.bounds.max {
                Some(m) => {
                    let m = Lit::usize_suffixed(m.value as usize);
                    quote!(#items.len() <= #m)
                }
                None => quote!(true),
            };
            let items_at = local_at(&items.to_string(), uspan);
            let usv = cx.sv_at(uspan);
            let checked = quote_spanned!(uspan=> #usv::unique_items(#items_at));
            inner.push(quote_spanned! {*span=>
                if #guard {
                    #sv::unique(#checked, #p, #report);
                }
            });
        }
    }
    if let Some((_, each)) = &r.each {
        let (i, item, ip) = (
            local(&format!("__i{depth}")),
            local(&format!("__item{depth}")),
            local(&format!("__pi{depth}")),
        );
        let body = rules(cx, each, quote!(#item), elem, &quote!(#ip), depth + 1);
        inner.push(quote! {
            for (#i, #item) in ::core::iter::Iterator::enumerate(::core::iter::IntoIterator::into_iter(#items)) {
                let #ip = &#p.index(#i);
                #body
            }
        });
    }
    let (sv, v, rule) = (cx.sv_at(span), at(span), Ident::new(rule, span));
    quote_spanned! {span=> {
        let #items = #sv::#rule::__items(#v);
        #(#inner)*
    }}
}

/// `entries(...)`, `keys(...)` and `values(...)`; `value_ty` is the map's
/// value type when the syntax shows it.
fn map(
    cx: &Cx,
    r: &FieldRules,
    value_ty: Option<&Type>,
    at: &dyn Fn(Span) -> Ident,
    p: &TokenStream,
    depth: usize,
) -> TokenStream {
    let report = local("__report");
    // The map is read through the trait of the first rule given, every time
    // at that rule, so a value of the wrong type is reported once, there.
    let (span, rule) = match (&r.entries, &r.keys, &r.values) {
        (Some((span, _)), _, _) => (*span, "EntriesRule"),
        (None, Some((span, _)), _) => (*span, "KeysRule"),
        (None, None, Some((span, _))) => (*span, "ValuesRule"),
        (None, None, None) => (Span::call_site(), "EntriesRule"),
    };
    let map = local(&format!("__map{depth}"));
    let (sv, map_at) = (cx.sv_at(span), local_at(&map.to_string(), span));
    let rule = Ident::new(rule, span);
    let read = |method: &str| {
        let method = Ident::new(method, span);
        quote_spanned!(span=> #sv::#rule::#method(#map_at))
    };
    let mut inner = Vec::new();
    if let Some((span, b)) = &r.entries {
        let (min, max) = (opt_usize(b.min), opt_usize(b.max));
        let (sv, len) = (cx.sv_at(*span), read("__len"));
        inner.push(quote_spanned!(*span=> #sv::entries(#len, #min, #max, #p, #report);));
    }
    if r.keys.is_some() || r.values.is_some() {
        let (key, val, kp) = (
            local(&format!("__k{depth}")),
            local(&format!("__val{depth}")),
            local(&format!("__pk{depth}")),
        );
        let before = local("__before");
        let kpr = quote!(#kp);
        let keys = r.keys.as_ref().map(|(_, kr)| {
            let body = rules(cx, kr, quote!(#key), None, &kpr, depth + 1);
            quote! {
                let #before = #report.len();
                #body
                #report.__mark_keys(#before);
            }
        });
        let values = r
            .values
            .as_ref()
            .map(|(_, vr)| rules(cx, vr, quote!(#val), value_ty, &kpr, depth + 1));
        let val_pat = if values.is_some() {
            quote!(#val)
        } else {
            quote!(_)
        };
        let entries = read("__entries");
        inner.push(quote! {
            for (#key, #val_pat) in #entries {
                let #kp = &#p.key(#key);
                #keys
                #values
            }
        });
    }
    let v = at(span);
    quote! {{
        let #map: &_ = #v;
        #(#inner)*
    }}
}

/// Declares the path of field `f` under `base`; returns the declaration and
/// the path expression. A `#[serde(flatten)]` field's members are members of
/// the enclosing object, so it has the enclosing path.
fn field_path(f: &Field, base: &TokenStream) -> (TokenStream, TokenStream) {
    let p = local("__p");
    match &f.json {
        _ if f.flatten => (quote!(), base.clone()),
        Seg::Transparent => (quote!(), base.clone()),
        Seg::Field(name) => (quote!(let #p = &#base.field(#name);), quote!(#p)),
        Seg::Index(i) => {
            let i = Lit::usize_suffixed(*i);
            (quote!(let #p = &#base.index(#i);), quote!(#p))
        }
    }
}

fn field_code(cx: &Cx, f: &Field) -> TokenStream {
    if f.rules.is_empty() {
        return quote!();
    }
    let path = local("__path");
    let (decl, p) = field_path(f, &quote!(#path));
    let access = &f.access;
    let body = rules(cx, &f.rules, quote!(&#access), Some(f.ty), &p, 0);
    quote! {{
        #decl
        #body
    }}
}

/// The state of field `f`, through every wrapper layer its type shows.
fn slot_of(cx: &Cx, f: &Field) -> TokenStream {
    let access = &f.access;
    slot_expr(cx, quote!(&#access), wrapper_layers(f.ty))
}

fn hop_ident(seg: &str, span: Span) -> Ident {
    match syn::parse_str::<Ident>(seg) {
        Ok(mut i) => {
            i.set_span(span);
            i
        }
        Err(_) => Ident::new_raw(seg, span),
    }
}

/// An expression for the state (`Slot`) of the value at `pe.path`. Later hops
/// are fields of types the macro cannot see: one wrapper layer is looked
/// through there.
fn path_slot(cx: &Cx, fields: &[Field], pe: &PathEq) -> TokenStream {
    let sv = &cx.sv;
    let f = find_field(fields, &pe.segments[0]).expect("checked");
    let mut expr = slot_of(cx, f);
    for (n, seg) in pe.segments.iter().enumerate().skip(1) {
        let h = local(&format!("__h{n}"));
        // The field name keeps the literal's span: an unknown field is
        // reported at the path.
        let id = hop_ident(seg, pe.path.span());
        expr = quote! {
            match #expr {
                #sv::Slot::Set(#h) => (&#sv::Probe(&#h.#id)).__slot(),
                #sv::Slot::Null => #sv::Slot::Null,
                #sv::Slot::Absent => #sv::Slot::Absent,
            }
        };
    }
    expr
}

/// The name of field `f` on the wire (its serde name).
fn wire_name(f: &Field) -> String {
    match &f.json {
        Seg::Field(n) => n.clone(),
        _ => f.name().unwrap_or_default(),
    }
}

/// Declares `{prefix}n1`, `{prefix}n2`, ... as the wire names of the later hops
/// of `pe.path` (`&'static str` each), and returns them. Each is a field of the
/// hop's type's `WireNames` (a constant): the type is that of the value the
/// path reaches at the hop before (`{prefix}t0`, ..., an `Option` of it, so a
/// hop that is absent or null still has its type), with one wrapper layer
/// looked through, as [`path_slot`] does. A type that does not derive
/// `Validate`, or a flattened field, is a compile error at the path.
fn hop_names(cx: &Cx, fields: &[Field], pe: &PathEq, prefix: &str) -> (TokenStream, Vec<Ident>) {
    let span = pe.path.span();
    let sv_at = cx.sv_at(span);
    let sv = &cx.sv;
    let f = find_field(fields, &pe.segments[0]).expect("checked");
    let mut out = TokenStream::new();
    let mut names = Vec::new();
    if pe.segments.len() < 2 {
        return (out, names);
    }
    let t0 = local(&format!("{prefix}t0"));
    let first = slot_of(cx, f);
    out.extend(quote!(let #t0 = #sv::hop(#first);));
    let h = local("__h");
    for (n, seg) in pe.segments.iter().enumerate().skip(1) {
        let id = hop_ident(seg, span);
        let prev = local(&format!("{prefix}t{}", n - 1));
        let name = local(&format!("{prefix}n{n}"));
        // The hop's value located at the path: a type without wire names is
        // reported there.
        let prev_at = local_at(&prev.to_string(), span);
        out.extend(quote_spanned! {span=>
            let #name: &'static ::core::primitive::str =
                #sv_at::hop_name(#sv_at::names(&#prev_at, |#h| &#h.#id).#id);
        });
        if n + 1 < pe.segments.len() {
            let next = local(&format!("{prefix}t{n}"));
            out.extend(quote! {
                let #next = #prev.and_then(|#h| #sv::hop((&#sv::Probe(&#h.#id)).__slot()));
            });
        }
        names.push(name);
    }
    (out, names)
}

/// Declares `__q` as the path of `pe.path`: every hop by its wire name.
fn path_decl(cx: &Cx, fields: &[Field], pe: &PathEq) -> TokenStream {
    let f = find_field(fields, &pe.segments[0]).expect("checked");
    let first = wire_name(f);
    let (path, q) = (local("__path"), local("__q"));
    let q0 = local("__q0");
    let (mut out, names) = hop_names(cx, fields, pe, "__");
    out.extend(quote!(let #q0 = #path.field(#first);));
    for (n, name) in names.iter().enumerate() {
        let (prev, cur) = (local(&format!("__q{n}")), local(&format!("__q{}", n + 1)));
        out.extend(quote!(let #cur = #prev.field(#name);));
    }
    let last = local(&format!("__q{}", pe.segments.len() - 1));
    out.extend(quote!(let #q = &#last;));
    out
}

/// Declares `__cond`, the rule's condition as a message reads it (a `Cond`):
/// fields by their wire names, also in the later hops of a nested path.
fn cond_decl(cx: &Cx, fields: &[Field], cond: &Condition) -> TokenStream {
    let sv = &cx.sv;
    let c = local("__cond");
    let whole = |text: String| quote!(let #c = #sv::Cond { head: #text, hops: &[], tail: "" };);
    match cond {
        Condition::Set(id) => {
            let name = crate::attr::UnrawExt::unraw_string(id);
            let f = find_field(fields, &name).expect("checked");
            whole(format!("`{}` is set", wire_name(f)))
        }
        Condition::Equals(pe) => {
            let f = find_field(fields, &pe.segments[0]).expect("checked");
            let (head, tail) = (
                format!("`{}", wire_name(f)),
                format!("` is {}", pe.equals.describe()),
            );
            if pe.segments.len() < 2 {
                return whole(format!("{head}{tail}"));
            }
            let (decls, names) = hop_names(cx, fields, pe, "__c");
            let hops = local("__chops");
            quote! {
                #decls
                let #hops = [#(#names),*];
                let #c = #sv::Cond { head: #head, hops: &#hops, tail: #tail };
            }
        }
    }
}

fn wire_lit(cx: &Cx, l: &Literal) -> TokenStream {
    let krate = &cx.krate;
    match l {
        Literal::Str(s) => quote!(#krate::Wire::Str(#s)),
        Literal::Bool(b) => quote!(#krate::Wire::Bool(#b)),
        Literal::Int(i) => {
            let i = i128_lit(*i);
            quote!(#krate::Wire::Int(#i))
        }
    }
}

fn equals_expr(cx: &Cx, pe: &PathEq, x: &Ident) -> TokenStream {
    let krate = respan(&cx.krate, pe.equals_span);
    let lit = wire_lit(cx, &pe.equals);
    let x = local_at(&x.to_string(), pe.equals_span);
    quote_spanned!(pe.equals_span=> #krate::WireValue::wire(#x) == #lit)
}

fn cross_rule(cx: &Cx, fields: &[Field], rule: &CrossRule) -> TokenStream {
    let sv = &cx.sv;
    let path = local("__path");
    let report = local("__report");
    match rule {
        CrossRule::MutuallyExclusive(_, ids) => {
            let (first, other) = (local("__first"), local("__other"));
            let checks = ids.iter().map(|id| {
                let f = find_field(fields, &crate::attr::UnrawExt::unraw_string(id))
                    .expect("checked");
                let name = wire_name(f);
                let slot = slot_of(cx, f);
                let (decl, p) = field_path(f, &quote!(#path));
                quote! {
                    if #slot.is_set() {
                        match #first {
                            ::core::option::Option::Some(#other) => {
                                #decl
                                #sv::mutually_exclusive(#other, #p, #report);
                            }
                            ::core::option::Option::None => #first = ::core::option::Option::Some(#name),
                        }
                    }
                }
            });
            quote! {{
                let mut #first: ::core::option::Option<&'static ::core::primitive::str> = ::core::option::Option::None;
                #(#checks)*
            }}
        }
        CrossRule::When(_, cond, cons) => {
            let x = local("__x");
            let test = match cond {
                Condition::Set(id) => {
                    let name = crate::attr::UnrawExt::unraw_string(id);
                    let f = find_field(fields, &name).expect("checked");
                    let slot = slot_of(cx, f);
                    quote!(#slot.is_set())
                }
                Condition::Equals(pe) => {
                    let slot = path_slot(cx, fields, pe);
                    let eq = equals_expr(cx, pe, &x);
                    quote!(match #slot { #sv::Slot::Set(#x) => #eq, _ => false })
                }
            };
            // The condition's text, built only when a violation is recorded.
            let cond_text = cond_decl(cx, fields, cond);
            let (ok, q, c) = (local("__ok"), local("__q"), local("__cond"));
            let then = cons.iter().map(|con| match con {
                Consequence::Then(pe) => {
                    let slot = path_slot(cx, fields, pe);
                    let eq = equals_expr(cx, pe, &x);
                    let decl = path_decl(cx, fields, pe);
                    let expected = pe.equals.describe();
                    quote! {
                        let #ok = match #slot {
                            #sv::Slot::Absent => true,
                            #sv::Slot::Null => false,
                            #sv::Slot::Set(#x) => #eq,
                        };
                        if !#ok {
                            #decl
                            #cond_text
                            #sv::equals(#expected, #c, #q, #report);
                        }
                    }
                }
                Consequence::Absent(ids) => {
                    let checks = ids.iter().map(|id| {
                        let f = find_field(fields, &crate::attr::UnrawExt::unraw_string(id))
                            .expect("checked");
                        let slot = slot_of(cx, f);
                        let (decl, p) = field_path(f, &quote!(#path));
                        quote! {
                            if #slot.is_set() {
                                #decl
                                #cond_text
                                #sv::absent(#c, #p, #report);
                            }
                        }
                    });
                    quote!(#(#checks)*)
                }
            });
            quote! {
                if #test {
                    #(#then)*
                }
            }
        }
    }
}

/// The count of a `#[serde(flatten)]` field, at `span` (the rule that counts
/// it): a flattened type that cannot be counted is reported there.
fn flatten_len(cx: &Cx, f: &Field, span: Span) -> TokenStream {
    let sv = cx.sv_at(span);
    let access = &f.access;
    let value = respan(&quote!(&#access), span);
    quote_spanned!(span=> #sv::FlattenLen::__flatten_len(#value))
}

fn properties(cx: &Cx, fields: &[Field], span: Span, b: &Bounds) -> TokenStream {
    let sv = &cx.sv;
    let (n, path, report) = (local("__n"), local("__path"), local("__report"));
    let counts = fields.iter().filter(|f| !f.skip).map(|f| {
        if f.flatten {
            let len = flatten_len(cx, f, span);
            quote!(#n += #len;)
        } else {
            let slot = slot_of(cx, f);
            quote!(if !#slot.is_absent() { #n += 1; })
        }
    });
    let (min, max) = (opt_usize(b.min), opt_usize(b.max));
    quote! {{
        let mut #n: ::core::primitive::usize = 0;
        #(#counts)*
        #sv::properties(#n, #min, #max, #path, #report);
    }}
}

fn scopes_body(cx: &Cx, c: &Container, fields: &[Field]) -> TokenStream {
    let sv = &cx.sv;
    let scopes = local("__s");
    let default = c.rules.scopes.as_ref();
    let adds = fields.iter().filter(|f| !f.skip).filter_map(|f| {
        let (span, list) = f.rules.scopes.as_ref().or(default)?;
        let set = if f.flatten {
            let len = flatten_len(cx, f, *span);
            quote!(#len > 0)
        } else {
            let slot = slot_of(cx, f);
            quote!(!#slot.is_absent())
        };
        Some(quote! {
            if #set {
                #scopes.extend_from_slice(&[#(#list),*]);
            }
        })
    });
    quote! {
        let mut #scopes: ::std::vec::Vec<&'static ::core::primitive::str> = ::std::vec::Vec::new();
        #(#adds)*
        #sv::finish_scopes(#scopes)
    }
}

fn prelude(cx: &Cx) -> TokenStream {
    let sv = &cx.sv;
    quote! {
        #[allow(unused_imports)]
        use #sv::{ViaOption as _, ViaPlain as _};
    }
}

/// `WireNames` for the container: for each named field, its wire (serde)
/// name, as a field of a hidden struct, so a struct-level `path` of another
/// type that goes through this one names its hops as they are written. Also
/// emitted by the stub, so that one mistake does not cascade.
fn wire_names(c: &Container) -> TokenStream {
    let krate = c.krate();
    let sv = quote!(#krate::__private);
    let ident = &c.input.ident;
    let (impl_g, ty_g, where_c) = c.input.generics.split_for_impl();
    let names = local("__WireNames");
    let (decls, values): (Vec<_>, Vec<_>) = match &c.data {
        Data::Struct(fields) => fields
            .iter()
            .filter_map(|f| {
                let id = f.ident?;
                Some(if f.flatten {
                    (quote!(pub #id: #sv::Flattened), quote!(#id: #sv::Flattened))
                } else {
                    let name = wire_name(f);
                    (
                        quote!(pub #id: &'static ::core::primitive::str),
                        quote!(#id: #name),
                    )
                })
            })
            .unzip(),
        Data::Enum(_) => (Vec::new(), Vec::new()),
    };
    quote! {
        #[doc(hidden)]
        #[allow(
            dead_code,
            non_snake_case,
            non_camel_case_types,
            missing_docs,
            missing_debug_implementations,
            missing_copy_implementations,
            unreachable_pub,
            clippy::all,
            clippy::pedantic
        )]
        const _: () = {
            #[doc(hidden)]
            pub struct #names {
                #(#decls,)*
            }
            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_g #sv::WireNames for #ident #ty_g #where_c {
                type Names = #names;
                const NAMES: #names = #names {
                    #(#values,)*
                };
            }
        };
    }
}

/// The impls for a checked container.
pub fn expand(c: &Container) -> TokenStream {
    let krate = c.krate();
    let cx = Cx {
        sv: quote!(#krate::__private),
        krate: krate.clone(),
    };
    let ident = &c.input.ident;
    let (impl_g, ty_g, where_c) = c.input.generics.split_for_impl();
    let (path, report) = (local("__path"), local("__report"));
    let body = match &c.data {
        Data::Struct(fields) => {
            let props = c
                .rules
                .properties
                .as_ref()
                .map(|(span, b)| properties(&cx, fields, *span, b));
            let fields_code = fields.iter().map(|f| field_code(&cx, f));
            let cross = c.rules.rules.iter().map(|r| cross_rule(&cx, fields, r));
            quote! {
                #props
                #(#fields_code)*
                #(#cross)*
            }
        }
        Data::Enum(variants) => {
            let arms = variants.iter().map(|v| {
                let vi = v.ident;
                let binds = (0..v.fields.len()).map(|i| local(&format!("__f{i}")));
                let pat = match &v.style {
                    syn::Fields::Unit => quote!(Self::#vi),
                    syn::Fields::Unnamed(_) => quote!(Self::#vi(#(#binds),*)),
                    syn::Fields::Named(_) => {
                        let names = v.fields.iter().map(|f| f.ident);
                        quote!(Self::#vi { #(#names: #binds),* })
                    }
                };
                let code = v.fields.iter().map(|f| field_code(&cx, f));
                quote!(#[allow(unused_variables)] #pat => { #(#code)* })
            });
            if variants.is_empty() {
                // An empty enum has no value to look at.
                quote!(match *self {})
            } else {
                quote! {
                    match self {
                        #(#arms)*
                    }
                }
            }
        }
    };
    let prelude = prelude(&cx);
    let wire_names = wire_names(c);
    let scopes = match (&c.data, c.has_scopes) {
        (Data::Struct(fields), true) => {
            let body = scopes_body(&cx, c, fields);
            quote! {
                #[automatically_derived]
                #[allow(deprecated)]
                impl #impl_g #krate::Scopes for #ident #ty_g #where_c {
                    fn required_scopes(&self) -> ::std::vec::Vec<&'static ::core::primitive::str> {
                        #prelude
                        #body
                    }
                }
            }
        }
        _ => quote!(),
    };
    // `deprecated`: the type, its fields or variants may be deprecated; the
    // derive's own uses of them are not the user's (as in serde's derives).
    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #impl_g #krate::Validate for #ident #ty_g #where_c {
            #[allow(unused_variables, clippy::all)]
            fn validate_at(&self, #path: &#krate::Path<'_>, #report: &mut #krate::Report) {
                #prelude
                #body
            }
        }
        #scopes
        #wire_names
    }
}

/// Impls that do nothing, emitted next to errors so uses of the type still compile.
pub fn stub(c: &Container) -> TokenStream {
    let krate = c.krate();
    let ident = &c.input.ident;
    let (impl_g, ty_g, where_c) = c.input.generics.split_for_impl();
    let scopes = c.has_scopes.then(|| {
        quote! {
            #[allow(deprecated)]
            impl #impl_g #krate::Scopes for #ident #ty_g #where_c {
                fn required_scopes(&self) -> ::std::vec::Vec<&'static ::core::primitive::str> {
                    ::std::vec::Vec::new()
                }
            }
        }
    });
    let wire_names = wire_names(c);
    quote! {
        #[allow(deprecated)]
        impl #impl_g #krate::Validate for #ident #ty_g #where_c {
            fn validate_at(&self, _: &#krate::Path<'_>, _: &mut #krate::Report) {}
        }
        #scopes
        #wire_names
    }
}
