//! The spec as written: every key the loader understood, with the span it came from.
//!
//! This is the loader's output and the checker's input. It is deliberately permissive: every
//! key that is valid *somewhere* in its context is kept (for example `min_length` on any field),
//! so that the checker can say precisely why it does not fit (``min_length` does not apply to
//! `integer` ``) instead of the loader calling it unknown. Values have their YAML type already
//! checked; everything else (names, references, bounds, patterns, rules) is the checker's job.

use crate::diagnostic::Span;

/// A value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where the value is written.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A `key: value` entry of a mapping: where the key is written, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    /// Where the key is written (errors about the key itself point here).
    pub key: Span,
    /// The value and where it is written.
    pub value: Spanned<T>,
}

impl<T> Entry<T> {
    /// The value.
    pub fn get(&self) -> &T {
        &self.value.value
    }
}

/// A whole spec: the top-level `endpoint` and `types`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Spec {
    /// The endpoint, when it could be read.
    pub endpoint: Option<EndpointSpec>,
    /// Named types in declaration order (names are unique: the YAML layer rejects duplicates).
    pub types: Vec<TypeSpec>,
}

/// The `endpoint:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointSpec {
    /// Where the `endpoint` key is written.
    pub span: Span,
    /// snake_case operation name.
    pub name: Option<Spanned<String>>,
    /// One-line summary.
    pub summary: Option<Spanned<String>>,
    /// Markdown description.
    pub description: Option<Spanned<String>>,
    /// HTTP method as written.
    pub method: Option<Spanned<String>>,
    /// Path template as written.
    pub path: Option<Spanned<String>>,
    /// Declared path parameters in order.
    pub path_params: Vec<PathParamSpec>,
    /// Authentication.
    pub auth: Option<AuthSpec>,
    /// Request body.
    pub request: Option<RequestSpec>,
    /// Responses in declaration order.
    pub responses: Vec<ResponseSpec>,
}

/// One entry of `path_params:`.
#[derive(Debug, Clone, PartialEq)]
pub struct PathParamSpec {
    /// The parameter name (the mapping key).
    pub name: Spanned<String>,
    /// Its description.
    pub description: Option<Spanned<String>>,
}

/// The `auth:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthSpec {
    /// Where the `auth` key is written.
    pub span: Span,
    /// e.g. `bearer`.
    pub scheme: Option<Spanned<String>>,
    /// Scopes, any one of which lets a token call the endpoint.
    pub scopes: Vec<Spanned<String>>,
}

/// The `request:` section.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestSpec {
    /// Where the `request` key is written.
    pub span: Span,
    /// The request body's type name.
    pub type_name: Option<Spanned<String>>,
    /// Scopes for top-level fields that declare none.
    pub default_scopes: Vec<Spanned<String>>,
}

/// One entry of `responses:`.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseSpec {
    /// The status as written (the mapping key).
    pub status: Spanned<String>,
    /// The body's type name, if any.
    pub type_name: Option<Spanned<String>>,
    /// Description.
    pub description: Option<Spanned<String>>,
}

/// One entry of `types:`.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeSpec {
    /// The type name (the mapping key).
    pub name: Spanned<String>,
    /// `kind:` as written.
    pub kind: Option<Spanned<String>>,
    /// Description.
    pub description: Option<Spanned<String>>,
    /// `lifecycle:` as written.
    pub lifecycle: Option<Spanned<String>>,
    /// What the kind-specific keys said.
    pub body: TypeBody,
}

/// The kind-specific part of a type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeBody {
    /// `kind: object`.
    Object(ObjectSpec),
    /// `kind: enum`.
    Enum(EnumSpec),
    /// `kind: map`.
    Map(MapSpec),
    /// `kind: union`.
    Union(UnionSpec),
    /// The kind was missing or invalid (already reported); nothing more is known.
    Unknown,
}

/// The keys of an object type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectSpec {
    /// `unknown_fields:` as written.
    pub unknown_fields: Option<Spanned<String>>,
    /// `min_properties:`.
    pub min_properties: Option<Entry<u64>>,
    /// `max_properties:`.
    pub max_properties: Option<Entry<u64>>,
    /// Fields in declaration order.
    pub fields: Vec<FieldSpec>,
    /// Rules in declaration order.
    pub rules: Vec<RuleSpec>,
}

/// The keys of an enum type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnumSpec {
    /// `open:`.
    pub open: Option<Spanned<bool>>,
    /// Where the `values` key is written.
    pub values_key: Option<Span>,
    /// Values in declaration order.
    pub values: Vec<EnumValueSpec>,
}

/// One enum value.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValueSpec {
    /// The wire value.
    pub value: Spanned<String>,
    /// Description (long form only).
    pub description: Option<Spanned<String>>,
    /// `lifecycle:` as written (long form only).
    pub lifecycle: Option<Spanned<String>>,
}

/// The keys of a map type (named `kind: map`, or inline `type: map` on a schema).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapSpec {
    /// `keys:` constraints (a string schema).
    pub keys: Option<Entry<Box<SchemaSpec>>>,
    /// `values:` schema.
    pub values: Option<Entry<Box<SchemaSpec>>>,
    /// `values_nullable:`.
    pub values_nullable: Option<Entry<bool>>,
    /// `min_properties:`.
    pub min_properties: Option<Entry<u64>>,
    /// `max_properties:`.
    pub max_properties: Option<Entry<u64>>,
}

/// The keys of a union type.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnionSpec {
    /// Where the `variants` key is written.
    pub variants_key: Option<Span>,
    /// Variants in order.
    pub variants: Vec<VariantSpec>,
}

/// One union variant: a name and a schema.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantSpec {
    /// Where the variant's mapping starts.
    pub span: Span,
    /// PascalCase name.
    pub name: Option<Spanned<String>>,
    /// The variant's schema.
    pub schema: SchemaSpec,
}

/// A field of an object type.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldSpec {
    /// The wire name (the mapping key).
    pub name: Spanned<String>,
    /// The value's type and constraints.
    pub schema: SchemaSpec,
    /// Description.
    pub description: Option<Spanned<String>>,
    /// `nullable:`.
    pub nullable: Option<Spanned<bool>>,
    /// `required:`.
    pub required: Option<Spanned<bool>>,
    /// `lifecycle:` as written.
    pub lifecycle: Option<Spanned<String>>,
    /// `secret:`.
    pub secret: Option<Spanned<bool>>,
    /// `scopes:`.
    pub scopes: Vec<Spanned<String>>,
    /// `default:` (documentation only), as JSON.
    pub default: Option<Entry<serde_json::Value>>,
}

/// A value's type and the constraints written next to it. Every constraint key is kept
/// whatever the type; the checker says which ones do not fit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SchemaSpec {
    /// Where the schema is written: the key that holds it (a field name, `items`, ...).
    pub span: Span,
    /// `type:` as written.
    pub ty: Option<Spanned<String>>,
    /// `min_length:`.
    pub min_length: Option<Entry<u64>>,
    /// `max_length:`.
    pub max_length: Option<Entry<u64>>,
    /// `pattern:` (ECMA-262 source).
    pub pattern: Option<Entry<String>>,
    /// `format:` as written.
    pub format: Option<Entry<String>>,
    /// `minimum:`.
    pub minimum: Option<Entry<i64>>,
    /// `maximum:`.
    pub maximum: Option<Entry<i64>>,
    /// `items:` (array element schema).
    pub items: Option<Entry<Box<SchemaSpec>>>,
    /// `min_items:`.
    pub min_items: Option<Entry<u64>>,
    /// `max_items:`.
    pub max_items: Option<Entry<u64>>,
    /// `unique_items:`.
    pub unique_items: Option<Entry<bool>>,
    /// Inline map keys (`keys`, `values`, `values_nullable`, `min_properties`, `max_properties`).
    pub map: MapSpec,
    /// Some key of this schema had a malformed value (already reported), so a missing
    /// `items` or `values` may just be that one and is not reported again.
    pub shape_errors: bool,
}

/// A cross-field rule as written.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSpec {
    /// Where the rule's list item starts.
    pub span: Span,
    /// `description:`.
    pub description: Option<Spanned<String>>,
    /// Which form the rule has.
    pub kind: RuleKindSpec,
}

/// The forms a rule can take.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleKindSpec {
    /// `mutually_exclusive: [a, b]`.
    MutuallyExclusive(Vec<Spanned<String>>),
    /// `when_set: a` + `then: {path, equals}`.
    WhenSet {
        /// The field that triggers the rule.
        field: Spanned<String>,
        /// What must then hold.
        then: ConditionSpec,
    },
    /// `when: {path, equals}` + `then: {path, equals}`.
    WhenThen {
        /// The trigger.
        when: ConditionSpec,
        /// What must then hold.
        then: ConditionSpec,
    },
    /// `when: {path, equals}` + `absent: [a, b]`.
    WhenAbsent {
        /// The trigger.
        when: ConditionSpec,
        /// Fields that must then be absent or null.
        absent: Vec<Spanned<String>>,
    },
}

/// `{ path: a.b, equals: literal }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionSpec {
    /// The dotted path as written, and its node (to point at one hop).
    pub path: Spanned<String>,
    /// The literal.
    pub equals: Spanned<LiteralSpec>,
}

/// A literal in a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum LiteralSpec {
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string.
    Str(String),
}

impl LiteralSpec {
    /// How the literal reads in messages.
    pub fn describe(&self) -> String {
        match self {
            LiteralSpec::Bool(b) => format!("boolean `{b}`"),
            LiteralSpec::Int(i) => format!("integer `{i}`"),
            LiteralSpec::Str(s) => format!("string `{s}`"),
        }
    }
}
