//! The input's shape: fields (with their JSON names, types and rules) of a
//! struct, or of each variant of an enum.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, LitStr, Type};

use crate::Ctxt;
use crate::attr::{self, ContainerRules, FieldRules, Level};
use crate::names::KnownType;
use crate::syntax;

pub struct Container<'a> {
    pub input: &'a syn::DeriveInput,
    pub rules: ContainerRules,
    pub data: Data<'a>,
    /// Whether any `scopes` rule was written (even if it had errors): decides
    /// whether `Scopes` is implemented, also by the stub.
    pub has_scopes: bool,
}

pub enum Data<'a> {
    Struct(Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
}

pub struct Variant<'a> {
    pub ident: &'a Ident,
    pub style: syn::Fields,
    pub fields: Vec<Field<'a>>,
}

pub enum Seg {
    /// A newtype or one-field tuple variant: same path as the container.
    Transparent,
    /// A named field (its serde name).
    Field(String),
    /// An element of a multi-field tuple.
    Index(usize),
}

pub struct Field<'a> {
    /// Rust name; `None` for tuple fields.
    pub ident: Option<&'a Ident>,
    /// Binding used in emitted code (`self.x` for structs, `__f0` in enum arms).
    pub access: TokenStream,
    /// Path segment of the field on the wire.
    pub json: Seg,
    pub ty: &'a Type,
    pub rules: FieldRules,
    /// `#[serde(flatten)]`: counts its entries as properties.
    pub flatten: bool,
    /// `#[serde(skip)]`: never on the wire.
    pub skip: bool,
}

impl<'a> Field<'a> {
    /// The name a rule refers to this field by.
    pub fn name(&self) -> Option<String> {
        self.ident.map(|i| {
            let s = i.to_string();
            s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
        })
    }
}

fn validate_nodes(cx: &Ctxt, attrs: &[syn::Attribute]) -> (Vec<syntax::Node>, bool) {
    let mut nodes = Vec::new();
    let mut any = false;
    for a in attrs.iter().filter(|a| a.path().is_ident("validate")) {
        any = true;
        match syntax::parse_attr(a) {
            Ok(n) if n.is_empty() => cx.syn_error(syn::Error::new_spanned(
                a,
                "empty `#[validate()]`: remove it or add a rule",
            )),
            Ok(n) => nodes.extend(n),
            Err(e) => cx.syn_error(e),
        }
    }
    (nodes, any)
}

fn mentions_scopes(nodes: &[syntax::Node]) -> bool {
    nodes
        .iter()
        .any(|n| n.name().is_some_and(|i| i == "scopes"))
}

/// serde attributes that matter for paths and property counts. Names are the
/// SERIALIZE names: a report names fields as they are written.
struct SerdeInfo {
    /// `rename = ".."` or `rename(serialize = "..")`.
    rename: Option<String>,
    /// `rename_all = ".."` or `rename_all(serialize = "..")`.
    rename_all: Option<RenameRule>,
    /// `rename_all_fields = ".."` (enums): `rename_all` of every variant
    /// without its own.
    rename_all_fields: Option<RenameRule>,
    flatten: bool,
    skip: bool,
    /// `default` or `default = "..."` (or `skip_deserializing`, which implies it).
    default: bool,
    /// `skip_serializing_if = "..."` (or `skip_serializing`).
    skip_serializing_if: bool,
}

/// The serialize half of `name = ".."` or `name(serialize = "..", deserialize = "..")`.
fn serialize_name(meta: &syn::meta::ParseNestedMeta) -> syn::Result<Option<String>> {
    if meta.input.peek(syn::Token![=]) {
        let s: LitStr = meta.value()?.parse()?;
        return Ok(Some(s.value()));
    }
    let mut out = None;
    meta.parse_nested_meta(|inner| {
        let s: LitStr = inner.value()?.parse()?;
        if inner.path.is_ident("serialize") {
            out = Some(s.value());
        }
        Ok(())
    })?;
    Ok(out)
}

fn serde_info(attrs: &[syn::Attribute]) -> SerdeInfo {
    let mut info = SerdeInfo {
        rename: None,
        rename_all: None,
        rename_all_fields: None,
        flatten: false,
        skip: false,
        default: false,
        skip_serializing_if: false,
    };
    for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        // Unknown serde options are serde's business: ignore parse failures.
        let _ = a.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                if let Some(name) = serialize_name(&meta)? {
                    info.rename = Some(name);
                }
            } else if meta.path.is_ident("rename_all") {
                if let Some(name) = serialize_name(&meta)? {
                    info.rename_all = RenameRule::parse(&name);
                }
            } else if meta.path.is_ident("rename_all_fields") {
                if let Some(name) = serialize_name(&meta)? {
                    info.rename_all_fields = RenameRule::parse(&name);
                }
            } else if meta.path.is_ident("flatten") {
                info.flatten = true;
            } else if meta.path.is_ident("skip") {
                info.skip = true;
            } else if meta.path.is_ident("default") || meta.path.is_ident("skip_deserializing") {
                info.default = true;
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
            } else if meta.path.is_ident("skip_serializing_if")
                || meta.path.is_ident("skip_serializing")
            {
                info.skip_serializing_if = true;
                if meta.input.peek(syn::Token![=]) {
                    let _: syn::Expr = meta.value()?.parse()?;
                }
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            } else if meta.input.peek(syn::token::Paren) {
                let _content;
                syn::parenthesized!(_content in meta.input);
            }
            Ok(())
        });
    }
    info
}

/// How the item uses serde, for the `Patch` checks.
#[derive(Clone, Copy)]
struct SerdeUse {
    /// Some `#[serde(...)]` is on the item, a variant or a field: serde derives it.
    any: bool,
    /// `#[serde(default)]` on the container.
    container_default: bool,
}

fn serde_use(input: &syn::DeriveInput) -> SerdeUse {
    let is_serde = |a: &syn::Attribute| a.path().is_ident("serde");
    let field_attrs = |f: &syn::Fields| f.iter().any(|f| f.attrs.iter().any(is_serde));
    let any = input.attrs.iter().any(is_serde)
        || match &input.data {
            syn::Data::Struct(s) => field_attrs(&s.fields),
            syn::Data::Enum(e) => e
                .variants
                .iter()
                .any(|v| v.attrs.iter().any(is_serde) || field_attrs(&v.fields)),
            syn::Data::Union(_) => false,
        };
    SerdeUse {
        any,
        container_default: serde_info(&input.attrs).default,
    }
}

fn is_patch(ty: &Type) -> bool {
    match ty {
        Type::Path(p) if p.qself.is_none() => p
            .path
            .segments
            .last()
            .is_some_and(|s| KnownType::of(&s.ident.to_string()) == Some(KnownType::Patch)),
        Type::Group(g) => is_patch(&g.elem),
        Type::Paren(p) => is_patch(&p.elem),
        _ => false,
    }
}

/// A `Patch` field of a serde type needs `default` (else an omitted field reads
/// as `null`, which unsets it) and `skip_serializing_if` (else absent is
/// written as `null`).
fn check_patch_serde(cx: &Ctxt, f: &syn::Field, serde: &SerdeInfo, used: SerdeUse) {
    if !used.any || serde.skip || !is_patch(&f.ty) {
        return;
    }
    let span = match &f.ident {
        Some(id) => id.span(),
        None => syn::spanned::Spanned::span(&f.ty),
    };
    let fix = "write `#[serde(default, skip_serializing_if = \"Patch::is_absent\")]` on the field";
    match (serde.default || used.container_default, serde.skip_serializing_if) {
        (true, true) => {}
        (false, true) => cx.error(
            span,
            format!("this `Patch` field has no serde default: an omitted field would read as `null` (unset) instead of absent; {fix}"),
        ),
        (true, false) => cx.error(
            span,
            format!("this `Patch` field has no `skip_serializing_if`: an absent value would be written as `null` (unset); {fix}"),
        ),
        (false, false) => cx.error(
            span,
            format!("this `Patch` field needs serde attributes: without `default` an omitted field reads as `null` (unset), and without `skip_serializing_if` absent is written as `null`; {fix}"),
        ),
    }
}

fn fields<'a>(
    cx: &Ctxt,
    fields: &'a syn::Fields,
    rename_all: Option<RenameRule>,
    in_enum: bool,
    has_scopes: &mut bool,
    used: SerdeUse,
) -> Vec<Field<'a>> {
    let n = fields.len();
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (nodes, _) = validate_nodes(cx, &f.attrs);
            *has_scopes |= mentions_scopes(&nodes);
            let rules = attr::field_rules(cx, &nodes, Level::Field);
            let serde = serde_info(&f.attrs);
            check_patch_serde(cx, f, &serde, used);
            let access = match (&f.ident, in_enum) {
                (Some(id), false) => quote!(self.#id),
                (None, false) => {
                    let idx = syn::Index::from(i);
                    quote!(self.#idx)
                }
                (_, true) => {
                    let b = format_ident!("__f{}", i);
                    quote!(*#b)
                }
            };
            let json = match &f.ident {
                Some(id) => Seg::Field(serde.rename.clone().unwrap_or_else(|| match rename_all {
                    Some(rule) => rule.apply_to_field(&unraw(id)),
                    None => unraw(id),
                })),
                None if n == 1 => Seg::Transparent,
                // Unnamed fields of a multi-field tuple are array elements on the wire.
                None => Seg::Index(i),
            };
            Field {
                ident: f.ident.as_ref(),
                access,
                json,
                ty: &f.ty,
                rules,
                flatten: serde.flatten,
                skip: serde.skip,
            }
        })
        .collect()
}

/// serde's `rename_all` rules, applied to field names exactly as serde does
/// (`serde_derive/src/internals/case.rs`, `RenameRule::apply_to_field`):
/// the field name is taken as written (snake_case by convention, not
/// re-segmented), `lowercase` and `snake_case` leave it unchanged, and all
/// case changes are ASCII-only.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    /// The rule named by `rename_all = ".."`; `None` for a name serde does
    /// not know (serde reports it).
    pub fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" => RenameRule::Lower,
            "UPPERCASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "snake_case" => RenameRule::Snake,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// The wire name of a field named `field` (unraw) under this rule.
    pub fn apply_to_field(self, field: &str) -> String {
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                // serde lowercases the first byte (and fails on a name whose
                // Pascal form is empty or starts with a non-ASCII character).
                let pascal = RenameRule::Pascal.apply_to_field(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => {
                        let mut out = String::with_capacity(pascal.len());
                        out.push(first.to_ascii_lowercase());
                        out.push_str(chars.as_str());
                        out
                    }
                    None => pascal,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

fn unraw(id: &Ident) -> String {
    let s = id.to_string();
    s.strip_prefix("r#").map(str::to_owned).unwrap_or(s)
}

impl<'a> Container<'a> {
    pub fn from_input(cx: &Ctxt, input: &'a syn::DeriveInput) -> Self {
        let (nodes, _) = validate_nodes(cx, &input.attrs);
        let mut has_scopes = mentions_scopes(&nodes);
        let rules = attr::container_rules(cx, &nodes);
        let used = serde_use(input);
        let data = match &input.data {
            syn::Data::Struct(s) => {
                let all = serde_info(&input.attrs).rename_all;
                Data::Struct(fields(cx, &s.fields, all, false, &mut has_scopes, used))
            }
            syn::Data::Enum(e) => {
                let all_fields = serde_info(&input.attrs).rename_all_fields;
                Data::Enum(
                e.variants
                    .iter()
                    .map(|v| {
                        for a in v.attrs.iter().filter(|a| a.path().is_ident("validate")) {
                            cx.error(
                                a.pound_token.span,
                                "`#[validate(...)]` goes on the variant's fields, not on the variant",
                            );
                        }
                        Variant {
                            ident: &v.ident,
                            style: v.fields.clone(),
                            fields: fields(
                                cx,
                                &v.fields,
                                // The variant's own `rename_all`, else the enum's `rename_all_fields`.
                                serde_info(&v.attrs).rename_all.or(all_fields),
                                true,
                                &mut has_scopes,
                                // `default` on an enum is not serde's: only the field's counts.
                                SerdeUse {
                                    container_default: false,
                                    ..used
                                },
                            ),
                        }
                    })
                    .collect(),
                )
            }
            syn::Data::Union(u) => {
                cx.error(
                    u.union_token.span,
                    "`#[derive(Validate)]` supports structs and enums, not unions",
                );
                Data::Struct(Vec::new())
            }
        };
        Container {
            input,
            rules,
            data,
            has_scopes,
        }
    }

    pub fn krate(&self) -> TokenStream {
        match &self.rules.krate {
            Some(p) => quote!(#p),
            None => quote!(::spec_validate),
        }
    }
}
