//! Spec constraints → `#[validate(...)]` attributes (the attribute language of
//! `spec-validate`, documented in its crate docs), and integer sizing.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::quote;

use super::Emitter;
use crate::ir::{
    Bounds, Field, FieldPath, Format, IntBounds, Literal, MapType, Object, RuleKind, Schema,
    StringSchema, TypeDef, TypeKind,
};
use crate::naming;

/// A Rust integer type and its range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IntType {
    pub name: &'static str,
    pub min: i128,
    pub max: i128,
}

const INT_TYPES: &[IntType] = &[
    IntType {
        name: "u8",
        min: 0,
        max: u8::MAX as i128,
    },
    IntType {
        name: "u16",
        min: 0,
        max: u16::MAX as i128,
    },
    IntType {
        name: "u32",
        min: 0,
        max: u32::MAX as i128,
    },
    IntType {
        name: "u64",
        min: 0,
        max: u64::MAX as i128,
    },
    IntType {
        name: "i8",
        min: i8::MIN as i128,
        max: i8::MAX as i128,
    },
    IntType {
        name: "i16",
        min: i16::MIN as i128,
        max: i16::MAX as i128,
    },
    IntType {
        name: "i32",
        min: i32::MIN as i128,
        max: i32::MAX as i128,
    },
    IntType {
        name: "i64",
        min: i64::MIN as i128,
        max: i64::MAX as i128,
    },
];

/// The smallest integer type that holds every allowed value: `10..=600` → `u16`, `0..` →
/// `u64`, unbounded (or bounded below by a negative number only) → `i64`.
pub(crate) fn int_type(bounds: IntBounds) -> IntType {
    let i64_type = INT_TYPES[7];
    let Some(min) = bounds.min else {
        return i64_type;
    };
    let min = i128::from(min);
    let max = match bounds.max {
        Some(max) => i128::from(max),
        None if min >= 0 => i128::from(u64::MAX),
        None => return i64_type,
    };
    INT_TYPES
        .iter()
        .copied()
        .find(|t| t.min <= min && max <= t.max)
        .unwrap_or(i64_type)
}

fn bounds_args(bounds: Bounds) -> Vec<TokenStream> {
    let mut args = Vec::new();
    if let Some(min) = bounds.min {
        let min = proc_macro2::Literal::u64_unsuffixed(min);
        args.push(quote!(min = #min));
    }
    if let Some(max) = bounds.max {
        let max = proc_macro2::Literal::u64_unsuffixed(max);
        args.push(quote!(max = #max));
    }
    args
}

/// Rules for a string value.
fn string_rules(s: &StringSchema) -> Vec<TokenStream> {
    let mut rules = Vec::new();
    let length = bounds_args(s.length);
    if !length.is_empty() {
        rules.push(quote!(length(#(#length),*)));
    }
    if let Some(pattern) = &s.pattern {
        let pattern = readable_str(pattern);
        rules.push(quote!(pattern = #pattern));
    }
    match s.format {
        Some(Format::Url {
            https,
            placeholders,
            empty,
        }) => {
            let mut flags = Vec::new();
            if https {
                flags.push(quote!(https));
            }
            if placeholders {
                flags.push(quote!(placeholders));
            }
            if empty {
                flags.push(quote!(empty));
            }
            rules.push(if flags.is_empty() {
                quote!(url)
            } else {
                quote!(url(#(#flags),*))
            });
        }
        Some(Format::Ip { cidr: false }) => rules.push(quote!(ip)),
        Some(Format::Ip { cidr: true }) => rules.push(quote!(ip(cidr))),
        // Documentation only.
        Some(Format::DateTime) | None => {}
    }
    rules
}

/// A string literal, raw (`r"..."`, `r#"..."#`) when that spares escapes, so patterns read
/// as they do in the spec.
pub(crate) fn readable_str(value: &str) -> TokenStream {
    let needs_escapes = value.contains(['\\', '"']);
    if needs_escapes && !value.chars().any(char::is_control) {
        let mut hashes = String::new();
        while value.contains(&format!("\"{hashes}")) {
            hashes.push('#');
        }
        let source = format!("r{hashes}\"{value}\"{hashes}");
        if let Ok(lit) = source.parse::<proc_macro2::Literal>() {
            return quote!(#lit);
        }
    }
    quote!(#value)
}

/// Number literals without a suffix, so they fit whatever integer type the field has.
fn unsuffixed(value: i64) -> TokenStream {
    let lit = proc_macro2::Literal::i64_unsuffixed(value);
    if value < 0 {
        let abs = proc_macro2::Literal::u64_unsuffixed(value.unsigned_abs());
        quote!(-#abs)
    } else {
        quote!(#lit)
    }
}

/// Rules for one value of a schema (the contents of `#[validate(...)]`, `each(...)`,
/// `values(...)`), with the named types of the spec in `types`.
///
/// A named map type is written out where it is used (a type alias carries no attributes), so
/// this recursion follows chains of named maps: the checker makes sure they are acyclic and
/// not too deep (see `check_type_cycles`).
pub(crate) fn value_rules(types: &BTreeMap<String, TypeDef>, schema: &Schema) -> Vec<TokenStream> {
    match schema {
        Schema::String(s) => string_rules(s),
        Schema::Integer(bounds) => {
            // Bounds the Rust type already guarantees are left out.
            let ty = int_type(*bounds);
            let mut args = Vec::new();
            if let Some(min) = bounds.min.filter(|&m| i128::from(m) > ty.min) {
                let min = unsuffixed(min);
                args.push(quote!(min = #min));
            }
            if let Some(max) = bounds.max.filter(|&m| i128::from(m) < ty.max) {
                let max = unsuffixed(max);
                args.push(quote!(max = #max));
            }
            if args.is_empty() {
                Vec::new()
            } else {
                vec![quote!(range(#(#args),*))]
            }
        }
        Schema::Array(array) => {
            let mut rules = Vec::new();
            let mut args = bounds_args(array.count);
            if array.unique {
                args.push(quote!(unique));
            }
            if !args.is_empty() {
                rules.push(quote!(items(#(#args),*)));
            }
            let each = value_rules(types, &array.items);
            if !each.is_empty() {
                rules.push(quote!(each(#(#each),*)));
            }
            rules
        }
        Schema::Map(map) => map_rules(types, map),
        Schema::Named(name) => match types.get(name).map(|t| &t.kind) {
            // Request objects and unions derive `Validate`.
            Some(TypeKind::Object(_) | TypeKind::Union(_)) => vec![quote!(nested)],
            Some(TypeKind::Map(map)) => map_rules(types, map),
            Some(TypeKind::Enum(_)) | None => Vec::new(),
        },
        Schema::Number | Schema::Boolean | Schema::Any => Vec::new(),
    }
}

fn map_rules(types: &BTreeMap<String, TypeDef>, map: &MapType) -> Vec<TokenStream> {
    let mut rules = Vec::new();
    let entries = bounds_args(map.count);
    if !entries.is_empty() {
        rules.push(quote!(entries(#(#entries),*)));
    }
    let keys = string_rules(&map.keys);
    if !keys.is_empty() {
        rules.push(quote!(keys(#(#keys),*)));
    }
    let values = value_rules(types, &map.values);
    if !values.is_empty() {
        rules.push(quote!(values(#(#values),*)));
    }
    rules
}

impl Emitter<'_> {
    /// Rules for one value of a schema: see [`value_rules`].
    pub(crate) fn value_rules(&self, schema: &Schema) -> Vec<TokenStream> {
        value_rules(&self.api.types, schema)
    }

    /// The field's `#[validate(...)]` attribute, if it has any rule.
    pub(crate) fn field_validate(&self, field: &Field) -> Option<TokenStream> {
        let mut rules = value_rules(&self.api.types, &field.schema);
        if !field.scopes.is_empty() {
            let scopes = &field.scopes;
            rules.push(quote!(scopes(#(#scopes),*)));
        }
        (!rules.is_empty()).then(|| quote!(#[validate(#(#rules),*)]))
    }

    /// Struct-level `#[validate(...)]` attributes: one per concern, in a fixed order
    /// (properties, default scopes, then the rules in declaration order), and with two or
    /// more rules, the `allow` that keeps clippy from reading them as duplicates.
    pub(crate) fn struct_rules(
        &self,
        def: &TypeDef,
        object: &Object,
        idents: &[String],
        is_root: bool,
    ) -> Vec<TokenStream> {
        let mut attrs = Vec::new();
        let props = bounds_args(object.properties);
        if !props.is_empty() {
            attrs.push(quote!(#[validate(properties(#(#props),*))]));
        }
        let defaults = &self.api.endpoint.request.default_scopes;
        if is_root && !defaults.is_empty() {
            attrs.push(quote!(#[validate(scopes(#(#defaults),*))]));
        }
        let field_ident = |wire: &str| {
            let index = object.fields.iter().position(|f| f.name == wire);
            naming::ident(index.map_or(wire, |i| idents[i].as_str()))
        };
        for rule in &object.rules {
            let tokens = match &rule.kind {
                RuleKind::MutuallyExclusive { fields } => {
                    let fields = fields.iter().map(|f| field_ident(f));
                    quote!(mutually_exclusive(#(#fields),*))
                }
                RuleKind::RequiresWhenSet {
                    field,
                    then,
                    equals,
                } => {
                    let field = field_ident(field);
                    let then = self.rule_path(def, then);
                    let equals = literal(equals);
                    quote!(when_set(#field, then(path = #then, equals = #equals)))
                }
                RuleKind::AbsentWhenEquals {
                    when,
                    equals,
                    absent,
                } => {
                    let when = self.rule_path(def, when);
                    let equals = literal(equals);
                    let absent = absent.iter().map(|f| field_ident(f));
                    quote!(when(path = #when, equals = #equals, absent(#(#absent),*)))
                }
                RuleKind::RequiresWhenEquals {
                    when,
                    equals,
                    then,
                    then_equals,
                } => {
                    let when = self.rule_path(def, when);
                    let equals = literal(equals);
                    let then = self.rule_path(def, then);
                    let then_equals = literal(then_equals);
                    quote!(when(path = #when, equals = #equals, then(path = #then, equals = #then_equals)))
                }
            };
            attrs.push(quote!(#[validate(#tokens)]));
        }
        if object.rules.len() > 1 {
            // Clippy reads nested attribute arguments as if each key could be given only once,
            // so two distinct rules sharing `equals = true` or a field name would fail
            // `clippy -D warnings` in the user's crate (rust-clippy#13238).
            attrs.push(quote!(#[allow(
                clippy::duplicated_attributes,
                reason = "distinct cross-field rules may share arguments such as `equals = true`"
            )]));
        }
        attrs
    }

    /// A rule path as the derive reads it: the Rust field names (without `r#`) through the
    /// nested objects, joined by dots.
    fn rule_path(&self, owner: &TypeDef, path: &FieldPath) -> String {
        let mut current = Some(owner);
        let mut out = Vec::new();
        for segment in &path.0 {
            let object = match current.map(|t| &t.kind) {
                Some(TypeKind::Object(object)) => Some(object),
                _ => None,
            };
            let Some(object) = object else {
                out.push(naming::field_name(segment));
                current = None;
                continue;
            };
            let wires: Vec<&str> = object.fields.iter().map(|f| f.name.as_str()).collect();
            let idents = naming::field_names(&wires, &[]);
            let index = object.fields.iter().position(|f| &f.name == segment);
            match index {
                Some(i) => {
                    out.push(naming::unraw(&idents[i]).to_owned());
                    current = match &object.fields[i].schema {
                        Schema::Named(n) => self.api.types.get(n),
                        _ => None,
                    };
                }
                None => {
                    out.push(segment.clone());
                    current = None;
                }
            }
        }
        out.join(".")
    }
}

fn literal(lit: &Literal) -> TokenStream {
    match lit {
        Literal::Bool(b) => quote!(#b),
        Literal::Int(i) => unsuffixed(*i),
        Literal::Str(s) => quote!(#s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(min: Option<i64>, max: Option<i64>) -> IntBounds {
        IntBounds { min, max }
    }

    #[test]
    fn patterns_read_as_written() {
        assert_eq!(readable_str("^[a-z]+$").to_string(), "\"^[a-z]+$\"");
        assert_eq!(readable_str(r"^\d+$").to_string(), r#"r"^\d+$""#);
        assert_eq!(readable_str(r#"^["\\]$"#).to_string(), r##"r#"^["\\]$"#"##);
        assert_eq!(readable_str("a\tb\\").to_string(), "\"a\\tb\\\\\"");
    }

    #[test]
    fn integers_are_sized_by_their_limits() {
        assert_eq!(int_type(b(Some(10), Some(600))).name, "u16");
        assert_eq!(int_type(b(Some(0), Some(255))).name, "u8");
        assert_eq!(int_type(b(Some(0), None)).name, "u64");
        assert_eq!(int_type(b(None, None)).name, "i64");
        assert_eq!(int_type(b(None, Some(5))).name, "i64");
        assert_eq!(int_type(b(Some(-5), Some(5))).name, "i8");
        assert_eq!(int_type(b(Some(-5), None)).name, "i64");
        assert_eq!(int_type(b(Some(0), Some(i64::MAX))).name, "u64");
        assert_eq!(int_type(b(Some(-1), Some(100_000))).name, "i32");
    }
}
