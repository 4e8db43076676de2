//! Emission: the `Validate` impl (and `Scopes` when asked for). Paths in the
//! output are fully qualified; the runtime is reached through the crate path
//! (`::spec_validate` unless `#[validate(crate = "...")]`).
//!
//! Code emitted for a rule carries the rule's span, so a type that does not
//! fit (seen only by the type checker) is reported at the attribute.

use proc_macro2::{Literal as Lit, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Ident;

use crate::ast::{Container, Data, Field, Seg};
use crate::attr::{Bounds, Condition, Consequence, CrossRule, FieldRules, Literal, PathEq};
use crate::check::find_field;
use crate::pattern::PatternPlan;

struct Cx {
    krate: TokenStream,
    sv: TokenStream,
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

fn opt_i128(b: Option<crate::attr::Bound>) -> TokenStream {
    match b {
        Some(b) => {
            let v = Lit::i128_suffixed(b.value);
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

/// `c` is in the part's class.
fn class_test(part: &crate::pattern::Part) -> TokenStream {
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
        quote!(::core::matches!(c, #(#arms)|*))
    };
    if part.negated { quote!(!#test) } else { test }
}

fn has_bounds(b: &Bounds) -> bool {
    b.min.is_some() || b.max.is_some()
}

/// Rules on the value behind `value` (an expression of type `&T`), at path
/// `p` (an expression of type `&Path`).
fn rules(
    cx: &Cx,
    r: &FieldRules,
    value: TokenStream,
    p: &TokenStream,
    depth: usize,
) -> TokenStream {
    let sv = &cx.sv;
    let v = format_ident!("__v{}", depth);
    // The value respanned to a rule, so a type error is reported at the rule.
    let at = |span: Span| Ident::new(&v.to_string(), span);
    let mut checks = Vec::new();
    let s = |span: Span| {
        let v = at(span);
        quote_spanned!(span=> #sv::Str::__str(#v))
    };
    if let Some((span, b)) = &r.length {
        let (min, max, s) = (opt_usize(b.min), opt_usize(b.max), s(*span));
        checks.push(quote_spanned!(*span=> #sv::length(#s, #min, #max, #p, __report);));
    }
    if let Some((span, list)) = &r.one_of {
        let s = s(*span);
        checks.push(quote_spanned!(*span=> #sv::one_of(#s, &[#(#list),*], #p, __report);));
    }
    if let Some((span, b)) = &r.range {
        let (min, max, v) = (opt_i128(b.min), opt_i128(b.max), at(*span));
        checks.push(
            quote_spanned!(*span=> #sv::range(#sv::Int::__int(#v), #min, #max, #p, __report);),
        );
    }
    if let Some((span, cidr)) = &r.ip {
        let s = s(*span);
        checks.push(quote_spanned!(*span=> #sv::ip(#s, #cidr, #p, __report);));
    }
    if let Some((span, f)) = &r.url {
        let (s, h, ph, e) = (s(*span), f.https, f.placeholders, f.empty);
        checks.push(quote_spanned!(*span=> #sv::url(#s, #h, #ph, #e, #p, __report);));
    }
    if let Some((span, pat)) = &r.pattern {
        let s = s(*span);
        let src = &pat.lit;
        checks.push(match &pat.plan {
            PatternPlan::Scan(parts) if parts.len() == 1 => {
                let part = &parts[0];
                let test = class_test(part);
                let min = Lit::usize_suffixed(part.min);
                let max = opt_count(part.max);
                quote_spanned! {*span=> {
                    fn __allowed(c: ::core::primitive::char) -> ::core::primitive::bool { #test }
                    #sv::pattern_scan(#s, #src, #min, #max, __allowed, #p, __report);
                }}
            }
            PatternPlan::Scan(parts) => {
                let fns = parts.iter().enumerate().map(|(i, part)| {
                    let name = format_ident!("__allowed{}", i);
                    let test = class_test(part);
                    quote!(fn #name(c: ::core::primitive::char) -> ::core::primitive::bool { #test })
                });
                let steps = parts.iter().enumerate().map(|(i, part)| {
                    let name = format_ident!("__allowed{}", i);
                    let min = Lit::usize_suffixed(part.min);
                    let max = opt_count(part.max);
                    quote!(#sv::ScanPart { allowed: #name, min: #min, max: #max })
                });
                quote_spanned! {*span=> {
                    #(#fns)*
                    #sv::pattern_seq(#s, #src, &[#(#steps),*], #p, __report);
                }}
            }
            PatternPlan::Regex => quote_spanned! {*span=> {
                static __RE: #sv::LazyRegex = #sv::LazyLock::new(|| #sv::Regex::new(#src).ok());
                #sv::pattern_regex(#s, #src, &__RE, #p, __report);
            }},
        });
    }
    if r.items.is_some() || r.each.is_some() {
        let span = r
            .items
            .as_ref()
            .map(|x| x.0)
            .or(r.each.as_ref().map(|x| x.0))
            .unwrap_or_else(Span::call_site);
        let items = format_ident!("__items{}", depth);
        let mut inner = Vec::new();
        if let Some((span, it)) = &r.items {
            if has_bounds(&it.bounds) {
                let (min, max) = (opt_usize(it.bounds.min), opt_usize(it.bounds.max));
                inner.push(
                    quote_spanned!(*span=> #sv::items(#items.len(), #min, #max, #p, __report);),
                );
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
                let items_at = Ident::new(&items.to_string(), uspan);
                let checked = quote_spanned!(uspan=> #sv::unique_items(#items_at));
                inner.push(quote_spanned! {*span=>
                    if #guard {
                        #sv::unique(#checked, #p, __report);
                    }
                });
            }
        }
        if let Some((_, each)) = &r.each {
            let (i, item, ip) = (
                format_ident!("__i{}", depth),
                format_ident!("__item{}", depth),
                format_ident!("__pi{}", depth),
            );
            let ipr = quote!(#ip);
            let body = rules(cx, each, quote!(#item), &ipr, depth + 1);
            inner.push(quote! {
                for (#i, #item) in ::core::iter::Iterator::enumerate(::core::iter::IntoIterator::into_iter(#items)) {
                    let #ip = &#p.index(#i);
                    #body
                }
            });
        }
        let v = at(span);
        checks.push(quote_spanned! {span=> {
            let #items = #sv::Seq::__items(#v);
            #(#inner)*
        }});
    }
    if r.entries.is_some() || r.keys.is_some() || r.values.is_some() {
        let span = r
            .entries
            .as_ref()
            .map(|x| x.0)
            .or(r.keys.as_ref().map(|x| x.0))
            .or(r.values.as_ref().map(|x| x.0))
            .unwrap_or_else(Span::call_site);
        let map = format_ident!("__map{}", depth);
        let mut inner = Vec::new();
        if let Some((span, b)) = &r.entries {
            let (min, max) = (opt_usize(b.min), opt_usize(b.max));
            inner.push(quote_spanned!(*span=> #sv::entries(#sv::Map::__len(#map), #min, #max, #p, __report);));
        }
        if r.keys.is_some() || r.values.is_some() {
            let (k, val, kp) = (
                format_ident!("__k{}", depth),
                format_ident!("__val{}", depth),
                format_ident!("__pk{}", depth),
            );
            let kpr = quote!(#kp);
            let keys = r.keys.as_ref().map(|(_, kr)| {
                let body = rules(cx, kr, quote!(#k), &kpr, depth + 1);
                quote! {
                    let __before = __report.len();
                    #body
                    __report.__mark_keys(__before);
                }
            });
            let values = r
                .values
                .as_ref()
                .map(|(_, vr)| rules(cx, vr, quote!(#val), &kpr, depth + 1));
            let val_pat = if values.is_some() {
                quote!(#val)
            } else {
                quote!(_)
            };
            inner.push(quote! {
                for (#k, #val_pat) in #sv::Map::__entries(#map) {
                    let #kp = &#p.key(#k);
                    #keys
                    #values
                }
            });
        }
        let v = at(span);
        checks.push(quote_spanned! {span=> {
            let #map: &_ = #v;
            #(#inner)*
        }});
    }
    if let Some(span) = r.nested {
        let (krate, v) = (&cx.krate, at(span));
        checks.push(quote_spanned!(span=> #krate::Validate::validate_at(#v, #p, __report);));
    }
    quote! {
        if let #sv::Slot::Set(#v) = (&#sv::Probe(#value)).__slot() {
            #(#checks)*
        }
    }
}

fn field_path(f: &Field, base: &TokenStream) -> (TokenStream, TokenStream) {
    match &f.json {
        Seg::Transparent => (quote!(), base.clone()),
        Seg::Field(name) => (quote!(let __p = &#base.field(#name);), quote!(__p)),
        Seg::Index(i) => {
            let i = Lit::usize_suffixed(*i);
            (quote!(let __p = &#base.index(#i);), quote!(__p))
        }
    }
}

fn field_code(cx: &Cx, f: &Field) -> TokenStream {
    if f.rules.is_empty() {
        return quote!();
    }
    let (decl, p) = field_path(f, &quote!(__path));
    let access = &f.access;
    let body = rules(cx, &f.rules, quote!(&#access), &p, 0);
    quote! {{
        #decl
        #body
    }}
}

fn slot_of(cx: &Cx, f: &Field) -> TokenStream {
    let sv = &cx.sv;
    let access = &f.access;
    quote!((&#sv::Probe(&#access)).__slot())
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

/// An expression for the state (`Slot`) of the value at `pe.path`.
fn path_slot(cx: &Cx, fields: &[Field], pe: &PathEq) -> TokenStream {
    let sv = &cx.sv;
    let f = find_field(fields, &pe.segments[0]).expect("checked");
    let mut expr = slot_of(cx, f);
    for (n, seg) in pe.segments.iter().enumerate().skip(1) {
        let h = format_ident!("__h{}", n);
        let id = hop_ident(seg, pe.path.span());
        expr = quote_spanned! {pe.path.span()=>
            match #expr {
                #sv::Slot::Set(#h) => (&#sv::Probe(&#h.#id)).__slot(),
                #sv::Slot::Null => #sv::Slot::Null,
                #sv::Slot::Absent => #sv::Slot::Absent,
            }
        };
    }
    expr
}

/// Declares `__q` as the path of `pe.path` (JSON name for the first hop).
fn path_decl(fields: &[Field], segments: &[String]) -> TokenStream {
    let f = find_field(fields, &segments[0]).expect("checked");
    let first = match &f.json {
        Seg::Field(n) => n.clone(),
        _ => segments[0].clone(),
    };
    let mut out = quote!(let __q0 = __path.field(#first););
    for (n, seg) in segments.iter().enumerate().skip(1) {
        let (prev, cur) = (format_ident!("__q{}", n - 1), format_ident!("__q{}", n));
        out.extend(quote!(let #cur = #prev.field(#seg);));
    }
    let last = format_ident!("__q{}", segments.len() - 1);
    out.extend(quote!(let __q = &#last;));
    out
}

fn wire_lit(cx: &Cx, l: &Literal) -> TokenStream {
    let krate = &cx.krate;
    match l {
        Literal::Str(s) => quote!(#krate::Wire::Str(#s)),
        Literal::Bool(b) => quote!(#krate::Wire::Bool(#b)),
        Literal::Int(i) => {
            let i = Lit::i128_suffixed(i128::from(*i));
            quote!(#krate::Wire::Int(#i))
        }
    }
}

fn equals_expr(cx: &Cx, pe: &PathEq, x: &Ident) -> TokenStream {
    let krate = &cx.krate;
    let lit = wire_lit(cx, &pe.equals);
    let x = Ident::new(&x.to_string(), pe.equals_span);
    quote_spanned!(pe.equals_span=> #krate::WireValue::wire(#x) == #lit)
}

fn cross_rule(cx: &Cx, fields: &[Field], rule: &CrossRule) -> TokenStream {
    let sv = &cx.sv;
    match rule {
        CrossRule::MutuallyExclusive(_, ids) => {
            let checks = ids.iter().map(|id| {
                let f = find_field(fields, &crate::attr::UnrawExt::unraw_string(id)).expect("checked");
                let name = f.name().unwrap_or_default();
                let slot = slot_of(cx, f);
                let (decl, p) = field_path(f, &quote!(__path));
                quote! {
                    if #slot.is_set() {
                        match __first {
                            ::core::option::Option::Some(__other) => {
                                #decl
                                #sv::mutually_exclusive(__other, #p, __report);
                            }
                            ::core::option::Option::None => __first = ::core::option::Option::Some(#name),
                        }
                    }
                }
            });
            quote! {{
                let mut __first: ::core::option::Option<&'static ::core::primitive::str> = ::core::option::Option::None;
                #(#checks)*
            }}
        }
        CrossRule::When(_, cond, cons) => {
            let x = format_ident!("__x");
            let (test, desc) = match cond {
                Condition::Set(id) => {
                    let name = crate::attr::UnrawExt::unraw_string(id);
                    let f = find_field(fields, &name).expect("checked");
                    let slot = slot_of(cx, f);
                    (quote!(#slot.is_set()), format!("`{name}` is set"))
                }
                Condition::Equals(pe) => {
                    let slot = path_slot(cx, fields, pe);
                    let eq = equals_expr(cx, pe, &x);
                    (
                        quote!(match #slot { #sv::Slot::Set(#x) => #eq, _ => false }),
                        format!("`{}` is {}", pe.path.value(), pe.equals.describe()),
                    )
                }
            };
            let then = cons.iter().map(|con| match con {
                Consequence::Then(pe) => {
                    let slot = path_slot(cx, fields, pe);
                    let eq = equals_expr(cx, pe, &x);
                    let decl = path_decl(fields, &pe.segments);
                    let expected = pe.equals.describe();
                    quote! {
                        let __ok = match #slot {
                            #sv::Slot::Absent => true,
                            #sv::Slot::Null => false,
                            #sv::Slot::Set(#x) => #eq,
                        };
                        if !__ok {
                            #decl
                            #sv::equals(#expected, #desc, __q, __report);
                        }
                    }
                }
                Consequence::Absent(ids) => {
                    let checks = ids.iter().map(|id| {
                        let f = find_field(fields, &crate::attr::UnrawExt::unraw_string(id))
                            .expect("checked");
                        let slot = slot_of(cx, f);
                        let (decl, p) = field_path(f, &quote!(__path));
                        quote! {
                            if #slot.is_set() {
                                #decl
                                #sv::absent(#desc, #p, __report);
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

fn properties(cx: &Cx, fields: &[Field], b: &Bounds) -> TokenStream {
    let sv = &cx.sv;
    let counts = fields.iter().filter(|f| !f.skip).map(|f| {
        let access = &f.access;
        if f.flatten {
            quote!(__n += #sv::FlattenLen::__flatten_len(&#access);)
        } else {
            let slot = slot_of(cx, f);
            quote!(if !#slot.is_absent() { __n += 1; })
        }
    });
    let (min, max) = (opt_usize(b.min), opt_usize(b.max));
    quote! {{
        let mut __n: ::core::primitive::usize = 0;
        #(#counts)*
        #sv::properties(__n, #min, #max, __path, __report);
    }}
}

fn scopes_body(cx: &Cx, c: &Container, fields: &[Field]) -> TokenStream {
    let sv = &cx.sv;
    let default = c.rules.scopes.as_ref().map(|(_, s)| s);
    let adds = fields.iter().filter(|f| !f.skip).filter_map(|f| {
        let list = f.rules.scopes.as_ref().map(|(_, s)| s).or(default)?;
        let access = &f.access;
        let slot = slot_of(cx, f);
        let set = if f.flatten {
            quote!(#sv::FlattenLen::__flatten_len(&#access) > 0)
        } else {
            quote!(!#slot.is_absent())
        };
        Some(quote! {
            if #set {
                __s.extend_from_slice(&[#(#list),*]);
            }
        })
    });
    quote! {
        let mut __s: ::std::vec::Vec<&'static ::core::primitive::str> = ::std::vec::Vec::new();
        #(#adds)*
        #sv::finish_scopes(__s)
    }
}

fn prelude(cx: &Cx) -> TokenStream {
    let sv = &cx.sv;
    quote! {
        #[allow(unused_imports)]
        use #sv::{ViaOption as _, ViaPlain as _};
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
    let body = match &c.data {
        Data::Struct(fields) => {
            let props = c
                .rules
                .properties
                .as_ref()
                .map(|(_, b)| properties(&cx, fields, b));
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
                let binds = (0..v.fields.len()).map(|i| format_ident!("__f{}", i));
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
    let scopes = match (&c.data, c.has_scopes) {
        (Data::Struct(fields), true) => {
            let body = scopes_body(&cx, c, fields);
            quote! {
                #[automatically_derived]
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
    quote! {
        #[automatically_derived]
        impl #impl_g #krate::Validate for #ident #ty_g #where_c {
            #[allow(unused_variables, clippy::all)]
            fn validate_at(&self, __path: &#krate::Path<'_>, __report: &mut #krate::Report) {
                #prelude
                #body
            }
        }
        #scopes
    }
}

/// Impls that do nothing, emitted next to errors so uses of the type still compile.
pub fn stub(c: &Container) -> TokenStream {
    let krate = c.krate();
    let ident = &c.input.ident;
    let (impl_g, ty_g, where_c) = c.input.generics.split_for_impl();
    let scopes = c.has_scopes.then(|| {
        quote! {
            impl #impl_g #krate::Scopes for #ident #ty_g #where_c {
                fn required_scopes(&self) -> ::std::vec::Vec<&'static ::core::primitive::str> {
                    ::std::vec::Vec::new()
                }
            }
        }
    });
    quote! {
        impl #impl_g #krate::Validate for #ident #ty_g #where_c {
            fn validate_at(&self, _: &#krate::Path<'_>, _: &mut #krate::Report) {}
        }
        #scopes
    }
}
