//! Located YAML nodes → the spec model ([`crate::model`]).
//!
//! Typed extraction by hand rather than with serde, so that one pass reports every unknown key
//! (with did-you-mean over the keys valid *in that place*), every value of the wrong YAML type
//! and every missing required key, each at its exact location.

use crate::diagnostic::{Diagnostic, Span, suggest};
use crate::load::yaml::{Key, Node, Value};
use crate::model::*;

/// Collects the problems found while extracting.
pub struct Extractor {
    /// Problems so far.
    pub errors: Vec<Diagnostic>,
}

/// Reads the entries of one YAML mapping, remembering which keys were asked for (that set is
/// the vocabulary for unknown-key help) and which were present.
struct MapReader<'n> {
    entries: &'n [(Key, Node)],
    used: Vec<bool>,
    known: Vec<&'static str>,
    /// What the mapping is, for messages: ``field `name` ``.
    what: String,
    /// Where the mapping is named (its key), for "missing key" errors.
    owner: Span,
}

const KINDS: &[&str] = &["object", "enum", "map", "union"];

/// The kind-specific keys of a named type, by kind.
const KIND_KEYS: &[(&str, &[&str])] = &[
    (
        "object",
        &[
            "unknown_fields",
            "min_properties",
            "max_properties",
            "fields",
            "rules",
        ],
    ),
    ("enum", &["open", "values"]),
    (
        "map",
        &[
            "keys",
            "values",
            "values_nullable",
            "min_properties",
            "max_properties",
        ],
    ),
    ("union", &["variants"]),
];

impl Extractor {
    /// A fresh extractor.
    pub fn new() -> Self {
        Extractor { errors: Vec::new() }
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.errors.push(diagnostic);
    }

    /// Opens `node` as a mapping; reports an error (once) when it is something else.
    fn open<'n>(&mut self, node: &'n Node, what: String, owner: Span) -> Option<MapReader<'n>> {
        match &node.value {
            Value::Map(entries) => Some(MapReader {
                entries,
                used: vec![false; entries.len()],
                known: Vec::new(),
                what,
                owner,
            }),
            other => {
                self.error(
                    Diagnostic::error(
                        format!("{what} must be a mapping, found {}", other.describe()),
                        node.span,
                    )
                    .label("expected a mapping of `key: value` lines"),
                );
                None
            }
        }
    }

    /// Opens the value of `items`, `keys` or `values`: a nested schema mapping. A bare type name
    /// (`items: string`) gets a help line with the mapping form.
    fn open_schema<'n>(&mut self, key: &Key, node: &'n Node) -> Option<MapReader<'n>> {
        if let Value::Str(name) = &node.value {
            self.error(
                Diagnostic::error(
                    format!(
                        "`{}` must be a schema mapping, found {}",
                        key.name,
                        node.value.describe()
                    ),
                    node.span,
                )
                .label("expected a mapping")
                .help(format!("write `{}: {{ type: {name} }}`", key.name)),
            );
            return None;
        }
        self.open(node, format!("`{}`", key.name), key.span)
    }

    /// Reports every key of `reader` that was never asked for.
    fn finish(&mut self, reader: MapReader<'_>) {
        for ((key, _), used) in reader.entries.iter().zip(&reader.used) {
            if !used {
                self.error(
                    Diagnostic::error(
                        format!("unknown key `{}` in {}", key.name, reader.what),
                        key.span,
                    )
                    .label("unknown key")
                    .help(unknown_key_help(&key.name, &reader.known)),
                );
            }
        }
    }

    fn missing(&mut self, reader: &MapReader<'_>, key: &str, help: &str) {
        let mut d = Diagnostic::error(
            format!("missing required key `{key}` in {}", reader.what),
            reader.owner,
        )
        .label(format!("`{key}` missing"));
        if !help.is_empty() {
            d = d.help(help);
        }
        self.error(d);
    }

    fn wrong_type(&mut self, key: &Key, node: &Node, expected: &str, help: Option<String>) {
        self.error(
            Diagnostic::error(
                format!(
                    "`{}` must be {expected}, found {}",
                    key.name,
                    node.value.describe()
                ),
                node.span,
            )
            .label(format!("expected {expected}"))
            .maybe_help(help),
        );
    }

    fn string(&mut self, r: &mut MapReader<'_>, key: &'static str) -> Option<Spanned<String>> {
        let (k, node) = r.take(key)?;
        self.as_string(k, node)
    }

    fn item_string(&mut self, k: &Key, node: &Node) -> Option<Spanned<String>> {
        match &node.value {
            Value::Str(s) => Some(Spanned::new(s.clone(), node.span)),
            other => {
                let quote = !matches!(other, Value::Seq(_) | Value::Map(_));
                self.error(
                    Diagnostic::error(
                        format!(
                            "every item of `{}` must be a string, found {}",
                            k.name,
                            other.describe()
                        ),
                        node.span,
                    )
                    .label("expected a string")
                    .maybe_help(
                        quote.then(|| "quote the value to make it a string: `'...'`".to_owned()),
                    ),
                );
                None
            }
        }
    }

    fn as_string(&mut self, k: &Key, node: &Node) -> Option<Spanned<String>> {
        match &node.value {
            Value::Str(s) => Some(Spanned::new(s.clone(), node.span)),
            Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Null => {
                let help = Some("quote the value to make it a string: `'...'`".to_owned());
                self.wrong_type(k, node, "a string", help);
                None
            }
            _ => {
                self.wrong_type(k, node, "a string", None);
                None
            }
        }
    }

    fn req_string(
        &mut self,
        r: &mut MapReader<'_>,
        key: &'static str,
        help: &str,
    ) -> Option<Spanned<String>> {
        if r.has(key) {
            self.string(r, key)
        } else {
            r.known.push(key);
            self.missing(r, key, help);
            None
        }
    }

    fn bool(&mut self, r: &mut MapReader<'_>, key: &'static str) -> Option<Spanned<bool>> {
        let (k, node) = r.take(key)?;
        match &node.value {
            Value::Bool(b) => Some(Spanned::new(*b, node.span)),
            Value::Str(s) if ["yes", "no", "on", "off", "y", "n"].contains(&s.as_str()) => {
                let help = Some("YAML 1.2 booleans are `true` and `false`".to_owned());
                self.wrong_type(k, node, "a boolean", help);
                None
            }
            _ => {
                self.wrong_type(k, node, "a boolean", None);
                None
            }
        }
    }

    fn entry_bool(&mut self, r: &mut MapReader<'_>, key: &'static str) -> Option<Entry<bool>> {
        let key_span = r.key_span(key);
        let value = self.bool(r, key)?;
        Some(Entry {
            key: key_span?,
            value,
        })
    }

    fn count(&mut self, r: &mut MapReader<'_>, key: &'static str) -> Option<Entry<u64>> {
        let (k, node) = r.take(key)?;
        match &node.value {
            Value::Int(i) if *i >= 0 => Some(Entry {
                key: k.span,
                value: Spanned::new(*i as u64, node.span),
            }),
            _ => {
                self.wrong_type(k, node, "a non-negative integer", None);
                None
            }
        }
    }

    fn int(&mut self, r: &mut MapReader<'_>, key: &'static str) -> Option<Entry<i64>> {
        let (k, node) = r.take(key)?;
        match &node.value {
            Value::Int(i) => Some(Entry {
                key: k.span,
                value: Spanned::new(*i, node.span),
            }),
            _ => {
                self.wrong_type(k, node, "an integer", None);
                None
            }
        }
    }

    fn string_list(&mut self, r: &mut MapReader<'_>, key: &'static str) -> Vec<Spanned<String>> {
        let Some((k, node)) = r.take(key) else {
            return Vec::new();
        };
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.item_string(k, item))
                .collect(),
            _ => {
                let help = Some(format!("write a list: `{key}: [a, b]`"));
                self.wrong_type(k, node, "a list of strings", help);
                Vec::new()
            }
        }
    }

    /// A field's `scopes:`. An empty list is refused: it reads as "needs no scope" but would
    /// mean "the default scopes" (a field without scopes uses the request's `default_scopes`).
    fn field_scopes(&mut self, r: &mut MapReader<'_>) -> Vec<Spanned<String>> {
        if let Some((k, node)) = r.take("scopes")
            && matches!(&node.value, Value::Seq(items) if items.is_empty())
        {
            // `[]`: the span of an empty flow sequence covers only its `[`.
            let span = Span {
                len: node.span.len.max(2),
                ..node.span
            };
            self.error(
                Diagnostic::error("`scopes` is an empty list", span)
                    .label("no scope listed")
                    .note("a field without `scopes` needs the request's `default_scopes`")
                    .help(format!(
                        "omit `{}` to use `default_scopes`, or list the scopes this field needs",
                        k.name
                    )),
            );
        }
        self.string_list(r, "scopes")
    }

    /// Reads the whole document.
    pub fn spec(&mut self, root: &Node) -> Spec {
        let mut spec = Spec::default();
        if root.value == Value::Null {
            self.error(
                Diagnostic::error("the spec is empty", root.span)
                    .label("expected `endpoint:` and `types:`")
                    .help("a spec is a mapping with the keys `endpoint` and `types`"),
            );
            return spec;
        }
        let Some(mut r) = self.open(root, "the spec".to_owned(), root.span) else {
            return spec;
        };
        if let Some((k, node)) = r.take("endpoint") {
            spec.endpoint = self.endpoint(k, node);
        } else {
            self.missing(&r, "endpoint", "");
        }
        if let Some((k, node)) = r.take("types") {
            if let Some(mut types) = self.open(node, "`types`".to_owned(), k.span) {
                types.used.iter_mut().for_each(|u| *u = true);
                for (name, node) in types.entries {
                    spec.types.push(self.type_spec(name, node));
                }
            }
        } else {
            self.missing(&r, "types", "");
        }
        self.finish(r);
        spec
    }

    fn endpoint(&mut self, key: &Key, node: &Node) -> Option<EndpointSpec> {
        let mut r = self.open(node, "`endpoint`".to_owned(), key.span)?;
        let name = self.req_string(&mut r, "name", "add a snake_case operation name");
        let summary = self.req_string(&mut r, "summary", "add a one-line summary");
        let description = self.string(&mut r, "description");
        let method = self.req_string(
            &mut r,
            "method",
            "add one of `GET`, `POST`, `PUT`, `PATCH` or `DELETE`",
        );
        let path = self.req_string(&mut r, "path", "add the path template, e.g. `/things/{id}`");
        let mut path_params = Vec::new();
        if let Some((k, params)) = r.take("path_params")
            && let Some(mut params) = self.open(params, "`path_params`".to_owned(), k.span)
        {
            params.used.iter_mut().for_each(|u| *u = true);
            for (name, node) in params.entries {
                let mut description = None;
                if node.value != Value::Null {
                    let what = format!("path parameter `{}`", name.name);
                    if let Some(mut p) = self.open(node, what, name.span) {
                        description = self.string(&mut p, "description");
                        self.finish(p);
                    }
                }
                path_params.push(PathParamSpec {
                    name: Spanned::new(name.name.clone(), name.span),
                    description,
                });
            }
        }
        let auth = match r.take("auth") {
            Some((k, node)) => self.open(node, "`auth`".to_owned(), k.span).map(|mut a| {
                let scheme = self.req_string(&mut a, "scheme", "add `scheme: bearer`");
                let scopes = self.string_list(&mut a, "scopes");
                self.finish(a);
                AuthSpec {
                    span: k.span,
                    scheme,
                    scopes,
                }
            }),
            None => {
                self.missing(&r, "auth", "add `auth: { scheme: bearer, scopes: [...] }`");
                None
            }
        };
        let request = match r.take("request") {
            Some((k, node)) => self
                .open(node, "`request`".to_owned(), k.span)
                .map(|mut q| {
                    let type_name = self.req_string(&mut q, "type", "name the request body's type");
                    let default_scopes = self.string_list(&mut q, "default_scopes");
                    self.finish(q);
                    RequestSpec {
                        span: k.span,
                        type_name,
                        default_scopes,
                    }
                }),
            None => {
                self.missing(&r, "request", "add `request: { type: ... }`");
                None
            }
        };
        let mut responses = Vec::new();
        match r.take("responses") {
            Some((k, node)) => {
                if let Some(mut map) = self.open(node, "`responses`".to_owned(), k.span) {
                    map.used.iter_mut().for_each(|u| *u = true);
                    for (status, node) in map.entries {
                        let what = format!("response `{}`", status.name);
                        let mut type_name = None;
                        let mut description = None;
                        if node.value != Value::Null
                            && let Some(mut s) = self.open(node, what, status.span)
                        {
                            type_name = self.string(&mut s, "type");
                            description = self.string(&mut s, "description");
                            self.finish(s);
                        }
                        responses.push(ResponseSpec {
                            status: Spanned::new(status.name.clone(), status.span),
                            type_name,
                            description,
                        });
                    }
                }
            }
            None => self.missing(&r, "responses", "add `responses: { 200: { type: ... } }`"),
        }
        self.finish(r);
        Some(EndpointSpec {
            span: key.span,
            name,
            summary,
            description,
            method,
            path,
            path_params,
            auth,
            request,
            responses,
        })
    }

    fn type_spec(&mut self, name: &Key, node: &Node) -> TypeSpec {
        let type_name = Spanned::new(name.name.clone(), name.span);
        let mut spec = TypeSpec {
            name: type_name,
            kind: None,
            description: None,
            lifecycle: None,
            body: TypeBody::Unknown,
        };
        let Some(mut r) = self.open(node, format!("type `{}`", name.name), name.span) else {
            return spec;
        };
        spec.kind = self.req_string(
            &mut r,
            "kind",
            "add `kind: object` (or `enum`, `map`, `union`)",
        );
        spec.description = self.string(&mut r, "description");
        spec.lifecycle = self.string(&mut r, "lifecycle");
        let kind = spec.kind.as_ref().map(|k| k.value.as_str());
        spec.body = match kind {
            Some("object") => TypeBody::Object(self.object(&mut r)),
            Some("enum") => TypeBody::Enum(self.enumeration(&mut r)),
            Some("map") => TypeBody::Map(self.map_keys(&mut r)),
            Some("union") => TypeBody::Union(self.union(&mut r)),
            Some(other) => {
                if let Some(kind) = &spec.kind {
                    self.error(
                        Diagnostic::error(format!("unknown type kind `{other}`"), kind.span)
                            .label("unknown kind")
                            .help(suggest(other, KINDS)),
                    );
                }
                TypeBody::Unknown
            }
            None => TypeBody::Unknown,
        };
        if matches!(spec.body, TypeBody::Unknown) {
            // Which keys are valid depends on the kind: do not guess.
            return spec;
        }
        self.check_other_kind_keys(&mut r, kind.unwrap_or(""));
        self.finish(r);
        spec
    }

    /// A key that belongs to another kind (`fields` on an enum) gets a precise help line
    /// instead of a did-you-mean.
    fn check_other_kind_keys(&mut self, r: &mut MapReader<'_>, kind: &str) {
        for i in 0..r.entries.len() {
            if r.used[i] {
                continue;
            }
            let key = &r.entries[i].0;
            let owners: Vec<&str> = KIND_KEYS
                .iter()
                .filter(|(k, keys)| *k != kind && keys.contains(&key.name.as_str()))
                .map(|(k, _)| *k)
                .collect();
            if owners.is_empty() {
                continue;
            }
            r.used[i] = true;
            let owners = owners
                .iter()
                .map(|k| format!("`kind: {k}`"))
                .collect::<Vec<_>>()
                .join(" and ");
            self.error(
                Diagnostic::error(
                    format!("`{}` does not apply to `kind: {kind}`", key.name),
                    key.span,
                )
                .label(format!("not a key of {kind} types"))
                .help(format!("`{}` is a key of {owners}", key.name)),
            );
        }
    }

    fn object(&mut self, r: &mut MapReader<'_>) -> ObjectSpec {
        let mut object = ObjectSpec {
            unknown_fields: self.string(r, "unknown_fields"),
            min_properties: self.count(r, "min_properties"),
            max_properties: self.count(r, "max_properties"),
            ..ObjectSpec::default()
        };
        if let Some((k, node)) = r.take("fields") {
            if let Some(mut fields) = self.open(node, "`fields`".to_owned(), k.span) {
                fields.used.iter_mut().for_each(|u| *u = true);
                for (name, node) in fields.entries {
                    if let Some(field) = self.field(name, node) {
                        object.fields.push(field);
                    }
                }
            }
        } else {
            r.known.push("fields");
        }
        if let Some((k, node)) = r.take("rules") {
            match &node.value {
                Value::Seq(items) => {
                    for item in items {
                        if let Some(rule) = self.rule(item) {
                            object.rules.push(rule);
                        }
                    }
                }
                _ => self.wrong_type(k, node, "a list of rules", None),
            }
        }
        object
    }

    fn field(&mut self, name: &Key, node: &Node) -> Option<FieldSpec> {
        let what = format!("field `{}`", name.name);
        let mut r = self.open(node, what, name.span)?;
        let description = self.string(&mut r, "description");
        let nullable = self.bool(&mut r, "nullable");
        let required = self.bool(&mut r, "required");
        let lifecycle = self.string(&mut r, "lifecycle");
        let secret = self.bool(&mut r, "secret");
        let scopes = self.field_scopes(&mut r);
        let default = r.take("default").and_then(|(k, v)| {
            let json = self.json(v)?;
            Some(Entry {
                key: k.span,
                value: Spanned::new(json, v.span),
            })
        });
        let schema = self.schema(&mut r, name.span, true);
        self.finish(r);
        Some(FieldSpec {
            name: Spanned::new(name.name.clone(), name.span),
            schema,
            description,
            nullable,
            required,
            lifecycle,
            secret,
            scopes,
            default,
        })
    }

    /// Reads `type` and every constraint key from `r` (a field, `items`, `values`, a variant).
    fn schema(&mut self, r: &mut MapReader<'_>, span: Span, type_required: bool) -> SchemaSpec {
        let errors_before = self.errors.len();
        let ty = if type_required {
            self.req_string(
                r,
                "type",
                "add `type:` with `string`, `integer`, `number`, `boolean`, `any`, `array`, `map` or a type name",
            )
        } else {
            self.string(r, "type")
        };
        let pattern = r.take("pattern").and_then(|(k, v)| {
            let value = self.as_string(k, v)?;
            Some(Entry { key: k.span, value })
        });
        let format = r.take("format").and_then(|(k, v)| {
            let value = self.as_string(k, v)?;
            Some(Entry { key: k.span, value })
        });
        let items = r.take("items").and_then(|(k, v)| {
            let mut inner = self.open_schema(k, v)?;
            let schema = self.schema(&mut inner, k.span, true);
            self.finish(inner);
            Some(Entry {
                key: k.span,
                value: Spanned::new(Box::new(schema), v.span),
            })
        });
        let mut schema = SchemaSpec {
            span,
            ty,
            min_length: self.count(r, "min_length"),
            max_length: self.count(r, "max_length"),
            pattern,
            format,
            minimum: self.int(r, "minimum"),
            maximum: self.int(r, "maximum"),
            items,
            min_items: self.count(r, "min_items"),
            max_items: self.count(r, "max_items"),
            unique_items: self.entry_bool(r, "unique_items"),
            map: self.map_keys(r),
            shape_errors: false,
        };
        schema.shape_errors = self.errors.len() > errors_before;
        schema
    }

    /// The map keys: on a named `kind: map` and on an inline `type: map` schema.
    fn map_keys(&mut self, r: &mut MapReader<'_>) -> MapSpec {
        let mut nested = |this: &mut Self, key: &'static str| {
            let (k, v) = r.take(key)?;
            let mut inner = this.open_schema(k, v)?;
            let schema = this.schema(&mut inner, k.span, key == "values");
            this.finish(inner);
            Some(Entry {
                key: k.span,
                value: Spanned::new(Box::new(schema), v.span),
            })
        };
        let keys = nested(self, "keys");
        let values = nested(self, "values");
        MapSpec {
            keys,
            values,
            values_nullable: self.entry_bool(r, "values_nullable"),
            min_properties: self.count(r, "min_properties"),
            max_properties: self.count(r, "max_properties"),
        }
    }

    fn enumeration(&mut self, r: &mut MapReader<'_>) -> EnumSpec {
        let mut spec = EnumSpec {
            open: self.bool(r, "open"),
            ..EnumSpec::default()
        };
        let Some((k, node)) = r.take("values") else {
            self.missing(r, "values", "list the values: `values: [a, b]`");
            return spec;
        };
        spec.values_key = Some(k.span);
        let Value::Seq(items) = &node.value else {
            self.wrong_type(k, node, "a list of values", None);
            return spec;
        };
        for item in items {
            match &item.value {
                Value::Map(_) => {
                    let Some(mut v) = self.open(item, "enum value".to_owned(), item.span) else {
                        continue;
                    };
                    let value = self.req_string(&mut v, "value", "add `value: ...`");
                    let description = self.string(&mut v, "description");
                    let lifecycle = self.string(&mut v, "lifecycle");
                    self.finish(v);
                    if let Some(value) = value {
                        spec.values.push(EnumValueSpec {
                            value,
                            description,
                            lifecycle,
                        });
                    }
                }
                _ => {
                    if let Some(value) = self.item_string(k, item) {
                        spec.values.push(EnumValueSpec {
                            value,
                            description: None,
                            lifecycle: None,
                        });
                    }
                }
            }
        }
        spec
    }

    fn union(&mut self, r: &mut MapReader<'_>) -> UnionSpec {
        let mut spec = UnionSpec::default();
        let Some((k, node)) = r.take("variants") else {
            self.missing(
                r,
                "variants",
                "list the variants: `variants: [{ name: ..., type: ... }]`",
            );
            return spec;
        };
        spec.variants_key = Some(k.span);
        let Value::Seq(items) = &node.value else {
            self.wrong_type(k, node, "a list of variants", None);
            return spec;
        };
        for item in items {
            let Some(mut v) = self.open(item, "union variant".to_owned(), item.span) else {
                continue;
            };
            let name = self.req_string(&mut v, "name", "add a PascalCase `name:`");
            let schema = self.schema(&mut v, item.span, true);
            self.finish(v);
            spec.variants.push(VariantSpec {
                span: item.span,
                name,
                schema,
            });
        }
        spec
    }

    fn rule(&mut self, node: &Node) -> Option<RuleSpec> {
        let mut r = self.open(node, "rule".to_owned(), node.span)?;
        let description = self.string(&mut r, "description");
        let exclusive = r.take("mutually_exclusive");
        let when_set = r.take("when_set");
        let when = r.take("when");
        let then = r.take("then");
        let absent = r.take("absent");
        self.finish(r);
        let forms = [
            exclusive.map(|(k, _)| k),
            when_set.map(|(k, _)| k),
            when.map(|(k, _)| k),
        ];
        let present: Vec<&Key> = forms.iter().flatten().copied().collect();
        if present.is_empty() {
            self.error(
                Diagnostic::error(
                    "a rule needs `mutually_exclusive`, `when_set` or `when`",
                    node.span,
                )
                .label("rule without a trigger"),
            );
            return None;
        }
        if present.len() > 1 {
            self.error(
                Diagnostic::error(
                    format!(
                        "`{}` cannot be combined with `{}` in one rule",
                        present[1].name, present[0].name
                    ),
                    present[1].span,
                )
                .label("second trigger")
                .help("write two rules"),
            );
            return None;
        }
        let kind = if let Some((k, list)) = exclusive {
            for (extra, _) in [then, absent].into_iter().flatten() {
                self.not_with(extra, "mutually_exclusive");
            }
            let fields = self.rule_names(k, list)?;
            if fields.len() < 2 {
                self.error(
                    Diagnostic::error("`mutually_exclusive` needs at least two fields", list.span)
                        .label("name two or more fields"),
                );
            }
            RuleKindSpec::MutuallyExclusive(fields)
        } else if let Some((k, field)) = when_set {
            if let Some((extra, _)) = absent {
                self.not_with(extra, "when_set");
            }
            let field = self.as_string(k, field);
            let Some((tk, then)) = then else {
                self.error(
                    Diagnostic::error(
                        "`when_set` needs `then: { path: ..., equals: ... }`",
                        k.span,
                    )
                    .label("no `then`"),
                );
                return None;
            };
            let then = self.condition(tk, then);
            RuleKindSpec::WhenSet {
                field: field?,
                then: then?,
            }
        } else {
            let (k, when) = when?;
            let when = self.condition(k, when);
            match (then, absent) {
                (Some((tk, then)), None) => RuleKindSpec::WhenThen {
                    when: when?,
                    then: self.condition(tk, then)?,
                },
                (None, Some((ak, list))) => {
                    let absent = self.rule_names(ak, list)?;
                    if matches!(&list.value, Value::Seq(items) if items.is_empty()) {
                        // `[]`: the span of an empty flow sequence covers only its `[`.
                        let span = Span {
                            len: list.span.len.max(2),
                            ..list.span
                        };
                        self.error(
                            Diagnostic::error("`absent` is an empty list", span)
                                .label("no field listed")
                                .help("list the fields that must be absent or `null` when `when` holds, or remove the rule"),
                        );
                        return None;
                    }
                    RuleKindSpec::WhenAbsent {
                        when: when?,
                        absent,
                    }
                }
                (Some(_), Some((ak, _))) => {
                    self.error(
                        Diagnostic::error(
                            "a `when` rule takes `then` or `absent`, not both",
                            ak.span,
                        )
                        .label("second consequence")
                        .help("write two rules"),
                    );
                    return None;
                }
                (None, None) => {
                    self.error(
                        Diagnostic::error("`when` needs `then:` or `absent:`", k.span)
                            .label("no consequence"),
                    );
                    return None;
                }
            }
        };
        Some(RuleSpec {
            span: node.span,
            description,
            kind,
        })
    }

    fn not_with(&mut self, extra: &Key, form: &str) {
        self.error(
            Diagnostic::error(
                format!("`{}` does not go with `{form}`", extra.name),
                extra.span,
            )
            .label("not valid in this rule"),
        );
    }

    fn rule_names(&mut self, k: &Key, list: &Node) -> Option<Vec<Spanned<String>>> {
        match &list.value {
            Value::Seq(items) => Some(
                items
                    .iter()
                    .filter_map(|item| self.item_string(k, item))
                    .collect(),
            ),
            _ => {
                self.wrong_type(k, list, "a list of field names", None);
                None
            }
        }
    }

    fn condition(&mut self, k: &Key, node: &Node) -> Option<ConditionSpec> {
        let what = format!("`{}`", k.name);
        let mut r = self.open(node, what, k.span)?;
        let path = self.req_string(&mut r, "path", "add `path: field_name`");
        let equals = match r.take("equals") {
            Some((ek, v)) => match &v.value {
                Value::Bool(b) => Some(LiteralSpec::Bool(*b)),
                Value::Int(i) => Some(LiteralSpec::Int(*i)),
                Value::Str(s) => Some(LiteralSpec::Str(s.clone())),
                _ => {
                    self.wrong_type(ek, v, "a string, integer or boolean", None);
                    None
                }
            }
            .map(|lit| Spanned::new(lit, v.span)),
            None => {
                r.known.push("equals");
                self.missing(&r, "equals", "add `equals: <value>`");
                None
            }
        };
        self.finish(r);
        Some(ConditionSpec {
            path: path?,
            equals: equals?,
        })
    }

    /// Converts a YAML value to JSON (for `default:`).
    fn json(&mut self, node: &Node) -> Option<serde_json::Value> {
        use serde_json::Value as J;
        Some(match &node.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(x) => match serde_json::Number::from_f64(*x) {
                Some(n) => J::Number(n),
                None => {
                    self.error(
                        Diagnostic::error("JSON has no infinity or NaN", node.span)
                            .label("not a JSON number"),
                    );
                    return None;
                }
            },
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(
                items
                    .iter()
                    .map(|item| self.json(item))
                    .collect::<Option<_>>()?,
            ),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| Some((k.name.clone(), self.json(v)?)))
                    .collect::<Option<_>>()?,
            ),
        })
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl<'n> MapReader<'n> {
    fn index(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k.name == key)
    }

    fn has(&self, key: &str) -> bool {
        self.index(key).is_some()
    }

    fn key_span(&self, key: &str) -> Option<Span> {
        self.index(key).map(|i| self.entries[i].0.span)
    }

    /// Takes `key` (adding it to the vocabulary) and marks it used.
    fn take(&mut self, key: &'static str) -> Option<(&'n Key, &'n Node)> {
        if !self.known.contains(&key) {
            self.known.push(key);
        }
        let i = self.index(key)?;
        self.used[i] = true;
        let (k, v) = &self.entries[i];
        Some((k, v))
    }
}

/// Keys that are valid on a field but not on a nested schema (`items`, `values`, a variant).
const FIELD_ONLY: &[&str] = &[
    "description",
    "nullable",
    "required",
    "lifecycle",
    "secret",
    "scopes",
    "default",
];

fn unknown_key_help(key: &str, known: &[&'static str]) -> String {
    if FIELD_ONLY.contains(&key) && known.contains(&"type") && !known.contains(&"nullable") {
        return format!("`{key}` is only valid on a field, not on a nested schema");
    }
    suggest(key, known)
}
