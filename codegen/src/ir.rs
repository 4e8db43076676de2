//! The checked intermediate representation of a spec.
//!
//! The loader turns YAML into a located spec model; the checker turns that model into this IR
//! only when every check passed. Everything downstream (the Rust emitter, the Markdown emitter,
//! the CLI summary) reads the IR and never the YAML, so it can rely on these invariants:
//!
//! - every [`Schema::Named`] refers to a type in [`Api::types`];
//! - every bound pair is ordered (`min <= max`);
//! - every pattern compiles and means the same under the `regex` crate as under ECMA-262;
//! - every rule names fields that exist and can hold the compared literal, and no rule path
//!   names or goes through a secret field;
//! - every count bound (lengths, item, entry and property counts) is at most `u32::MAX`;
//! - no union contains itself without an array, a map or an object in between; no named map
//!   contains itself through maps and arrays only, and chains of named maps nest at most
//!   [`crate::check::MAP_NESTING_LIMIT`] levels (so walks that expand named maps end);
//! - `unique` arrays have totally ordered items; secret fields carry no checks but a string's;
//! - no type's Rust name is one of [`spec_validate_impl::names::KNOWN_TYPES`];
//! - collections are ordered (`BTreeMap` by name, `Vec` in declaration order), so output built
//!   from the IR is deterministic.

use std::collections::{BTreeMap, BTreeSet};

/// A whole checked spec: one endpoint and the named types it uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// The spec's path as given to the loader, for `@generated` headers and messages.
    pub source: String,
    /// The HTTP endpoint.
    pub endpoint: Endpoint,
    /// Named types by name (PascalCase, unique).
    pub types: BTreeMap<String, TypeDef>,
}

/// The HTTP endpoint a spec describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// Operation name in snake_case, e.g. `update_client`.
    pub name: String,
    /// One-line summary, e.g. `Update a client`.
    pub summary: String,
    /// Longer Markdown description.
    pub description: Option<String>,
    /// HTTP method, upper case.
    pub method: String,
    /// Path template, e.g. `/api/v2/clients/{id}`.
    pub path: String,
    /// Path parameters in declaration order.
    pub path_params: Vec<PathParam>,
    /// How the endpoint authenticates.
    pub auth: Auth,
    /// The request body.
    pub request: RequestBody,
    /// Responses in status order.
    pub responses: Vec<Response>,
}

/// One `{name}` segment of the path template.
#[derive(Debug, Clone, PartialEq)]
pub struct PathParam {
    pub name: String,
    pub description: Option<String>,
}

/// Authentication scheme and the scopes a token may carry to call the endpoint at all.
#[derive(Debug, Clone, PartialEq)]
pub struct Auth {
    /// e.g. `bearer`.
    pub scheme: String,
    /// The token needs at least one of these.
    pub scopes: Vec<String>,
}

/// The request body of the endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    /// Name of an object type in [`Api::types`].
    pub type_name: String,
    /// Scopes needed to set a top-level field that declares no scopes of its own.
    pub default_scopes: Vec<String>,
}

/// One documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub description: Option<String>,
    /// Name of a type in [`Api::types`], or `None` for an empty body.
    pub type_name: Option<String>,
}

/// Release stage of a field, type or enum value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Lifecycle {
    /// Generally available (the default).
    #[default]
    Ga,
    /// Early access: may change without notice.
    Ea,
    /// Deprecated: still accepted, to be removed.
    Deprecated,
}

/// A named type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// PascalCase name, unique in the spec.
    pub name: String,
    pub description: Option<String>,
    pub lifecycle: Lifecycle,
    pub kind: TypeKind,
}

/// What a named type is.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Object(Object),
    Enum(Enumeration),
    Map(MapType),
    Union(Union),
}

/// A JSON object with known fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// Fields in declaration order.
    pub fields: Vec<Field>,
    /// What happens to a field the spec does not name.
    pub unknown_fields: UnknownFields,
    /// Bounds on how many properties a body may carry (`minProperties` / `maxProperties`).
    pub properties: Bounds,
    /// Cross-field rules, in declaration order.
    pub rules: Vec<Rule>,
}

/// Unknown-field policy of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnknownFields {
    /// Closed: an unknown field is an error.
    #[default]
    Reject,
    /// Open: unknown fields are accepted and kept, so a round trip loses nothing.
    Keep,
}

/// An inclusive pair of optional bounds, already checked to be ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bounds {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// An inclusive pair of optional signed bounds, already checked to be ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IntBounds {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// A field of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The wire name, exactly as in JSON.
    pub name: String,
    pub description: Option<String>,
    pub schema: Schema,
    /// `null` is a meaningful value (in a PATCH: unset).
    pub nullable: bool,
    /// The field is always present.
    pub required: bool,
    pub lifecycle: Lifecycle,
    /// The value must never be shown in `Debug` output or messages.
    pub secret: bool,
    /// OAuth scopes needed to set this field; empty means the request's default scopes.
    pub scopes: Vec<String>,
    /// The server's default, for documentation only: never sent, never filled in.
    pub default: Option<serde_json::Value>,
}

/// A value's type and the constraints on it.
#[derive(Debug, Clone, PartialEq)]
pub enum Schema {
    String(StringSchema),
    Integer(IntBounds),
    Number,
    Boolean,
    /// Any JSON value, kept as is.
    Any,
    Array(Box<ArraySchema>),
    Map(Box<MapType>),
    /// A reference to a named type.
    Named(String),
}

/// Constraints on a string.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StringSchema {
    /// Length bounds in Unicode scalar values.
    pub length: Bounds,
    /// An anchored-or-not regular expression, with the same meaning in ECMA-262 and `regex`.
    pub pattern: Option<String>,
    pub format: Option<Format>,
}

/// A checked string format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An absolute URL.
    Url {
        /// Only `https` is allowed.
        https: bool,
        /// `{placeholder}` segments and `*` subdomain wildcards are allowed.
        placeholders: bool,
        /// The empty string is allowed.
        empty: bool,
    },
    /// An IPv4 or IPv6 address, or with `cidr` also a CIDR range of either.
    Ip { cidr: bool },
    /// An RFC 3339 timestamp (documented; responses only).
    DateTime,
}

/// An array and its constraints.
#[derive(Debug, Clone, PartialEq)]
pub struct ArraySchema {
    pub items: Schema,
    pub count: Bounds,
    pub unique: bool,
}

/// A JSON object used as a map from string keys to values.
#[derive(Debug, Clone, PartialEq)]
pub struct MapType {
    /// Constraints on keys.
    pub keys: StringSchema,
    /// Schema of every value.
    pub values: Schema,
    /// A value may be `null` (in a PATCH: remove the key).
    pub values_nullable: bool,
    /// Bounds on the number of entries.
    pub count: Bounds,
}

/// A string enumeration.
#[derive(Debug, Clone, PartialEq)]
pub struct Enumeration {
    /// Values in declaration order, unique.
    pub values: Vec<EnumValue>,
    /// Open: a value the spec does not list is accepted and kept.
    pub open: bool,
}

/// One value of an enumeration.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The wire value, exactly as in JSON.
    pub value: String,
    pub description: Option<String>,
    pub lifecycle: Lifecycle,
}

/// A value that may take one of several shapes (untagged; first match wins).
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    pub variants: Vec<UnionVariant>,
}

/// One shape of a [`Union`].
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// PascalCase variant name.
    pub name: String,
    pub schema: Schema,
}

/// A dotted path from an object to a field, possibly through nested objects:
/// `["jwt_configuration", "alg"]`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FieldPath(pub Vec<String>);

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("."))
    }
}

/// A literal compared against a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    Bool(bool),
    Int(i64),
    Str(String),
}

/// A cross-field rule of an object, with the spec's explanation of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// What the rule requires.
    pub kind: RuleKind,
    /// Free text from the spec (why the rule exists, what the server does), for the docs.
    pub description: Option<String>,
}

/// What a cross-field rule requires. "Set" means present with a non-null value; a path that is
/// absent from the body cannot be judged client-side and passes.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleKind {
    /// At most one of `fields` may be set. Reported at each later set field.
    MutuallyExclusive { fields: Vec<String> },
    /// When `field` is set, `then` (if present) must equal `equals`. Reported at `then`.
    RequiresWhenSet {
        field: String,
        then: FieldPath,
        equals: Literal,
    },
    /// When `when` equals `equals`, each of `absent` must be absent or null. Reported at each
    /// offending field.
    AbsentWhenEquals {
        when: FieldPath,
        equals: Literal,
        absent: Vec<String>,
    },
    /// When `when` equals `equals`, `then` (if present) must equal `then_equals`. Reported at
    /// `then`.
    RequiresWhenEquals {
        when: FieldPath,
        equals: Literal,
        then: FieldPath,
        then_equals: Literal,
    },
}

impl Api {
    /// Names of the named types reachable from `root` (including `root`), in name order.
    pub fn reachable_from(&self, root: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![root.to_owned()];
        while let Some(name) = stack.pop() {
            if !seen.insert(name.clone()) {
                continue;
            }
            let Some(def) = self.types.get(&name) else {
                continue;
            };
            let mut push = |schema: &Schema| collect_named(schema, &mut stack);
            match &def.kind {
                TypeKind::Object(object) => object.fields.iter().for_each(|f| push(&f.schema)),
                TypeKind::Map(map) => push(&map.values),
                TypeKind::Union(union) => union.variants.iter().for_each(|v| push(&v.schema)),
                TypeKind::Enum(_) => {}
            }
        }
        seen
    }
}

fn collect_named(schema: &Schema, out: &mut Vec<String>) {
    match schema {
        Schema::Named(name) => out.push(name.clone()),
        Schema::Array(array) => collect_named(&array.items, out),
        Schema::Map(map) => collect_named(&map.values, out),
        Schema::String(_) | Schema::Integer(_) | Schema::Number | Schema::Boolean | Schema::Any => {
        }
    }
}
