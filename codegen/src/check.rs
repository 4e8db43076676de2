//! The spec model → the checked IR, reporting every semantic problem at once.
//!
//! The loader has already checked the *shape* of the spec (known keys, YAML value types,
//! required keys). This pass checks what the spec *means*: names, references, bounds,
//! patterns, formats, rules. Each rule of the spec language is one commented `check_*`
//! function; they record [`Diagnostic`]s and never stop early, so a user sees every mistake in
//! one run. The `lower_*` functions build the IR alongside; the IR is returned only when no
//! check failed, so downstream code can rely on the invariants documented in [`crate::ir`].

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostic::{Diagnostic, Span, did_you_mean, one_of_list, suggest};
use crate::model::*;
use crate::{graph, ir, naming};
use spec_validate_impl::names::{KNOWN_TYPES, KnownType};
use spec_validate_impl::pattern;

/// Primitive type names a schema's `type:` may use besides a named type.
pub const PRIMITIVES: &[&str] = &[
    "string", "integer", "number", "boolean", "any", "array", "map",
];

/// The HTTP methods an endpoint may use.
pub const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

/// The string formats a schema may name.
pub const FORMATS: &[&str] = &[
    "uri",
    "uri-or-empty",
    "https-uri",
    "https-uri-or-empty",
    "uri-with-placeholders",
    "https-uri-with-placeholders-or-empty",
    "callback-url",
    "ip",
    "ip-or-cidr",
    "date-time",
];

/// How deep named map types may nest through one another (their checks are written out,
/// nested, wherever they are used), in levels of maps and arrays.
pub const MAP_NESTING_LIMIT: usize = 64;

/// The largest count bound (`max_length`, `max_items`, `max_properties`, ...): what
/// `#[derive(Validate)]` accepts.
pub const MAX_COUNT_BOUND: u64 = u32::MAX as u64;

const LIFECYCLES: &[&str] = &["ga", "ea", "deprecated"];
const UNKNOWN_FIELDS: &[&str] = &["reject", "keep"];

/// Checks `spec` and lowers it to IR; `text` is the spec's text as characters (to point inside
/// scalars).
///
/// # Errors
/// Every problem found.
pub fn check(source: &str, spec: &Spec, text: &[char]) -> Result<ir::Api, Vec<Diagnostic>> {
    let mut checker = Checker {
        text,
        types: spec
            .types
            .iter()
            .map(|t| (t.name.value.as_str(), t))
            .collect(),
        request_type: spec
            .endpoint
            .as_ref()
            .and_then(|e| e.request.as_ref())
            .and_then(|r| r.type_name.as_ref())
            .map(|n| n.value.as_str()),
        errors: Vec::new(),
        secret_fields: Vec::new(),
    };
    checker.check_type_names(spec);
    checker.check_reserved_names(spec);
    let maps_bounded = checker.check_type_cycles(spec);
    let mut types = BTreeMap::new();
    for t in &spec.types {
        if let Some(def) = checker.lower_type(t) {
            types.insert(def.name.clone(), def);
        }
    }
    if maps_bounded {
        // Follows chains of named map types: only once they are known to be finite and short.
        checker.check_secret_fields(&types);
    }
    let endpoint = match &spec.endpoint {
        Some(endpoint) => checker.lower_endpoint(endpoint),
        None => None,
    };
    match endpoint {
        Some(endpoint) if checker.errors.is_empty() => Ok(ir::Api {
            source: source.to_owned(),
            endpoint,
            types,
        }),
        _ => Err(checker.errors),
    }
}

struct Checker<'s> {
    text: &'s [char],
    types: HashMap<&'s str, &'s TypeSpec>,
    /// The request body's type (`endpoint.request.type`), when named.
    request_type: Option<&'s str>,
    errors: Vec<Diagnostic>,
    /// Secret fields and their lowered schemas, checked once every type is lowered (see
    /// `check_secret_fields`).
    secret_fields: Vec<(&'s FieldSpec, &'s Spanned<bool>, ir::Schema)>,
}

/// What a schema's `type:` resolved to.
#[derive(Clone, Copy, Debug)]
enum Resolved<'s> {
    Primitive(&'static str),
    Named(&'s TypeSpec),
}

impl<'s> Checker<'s> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.errors.push(diagnostic);
    }

    /// The span of characters `offset..offset + len` inside a string value, when its source
    /// maps one-to-one (plain or quoted without escapes, on one line); else the whole value.
    fn inner(&self, s: &Spanned<String>, offset: usize, len: usize) -> Span {
        let n = s.value.chars().count();
        let quoted = matches!(self.text.get(s.span.offset), Some('\'' | '"'));
        let start = s.span.offset + usize::from(quoted);
        match self.text.get(start..start + n) {
            Some(raw) if raw.iter().copied().eq(s.value.chars()) => {
                s.span.sub(usize::from(quoted) + offset, len.max(1))
            }
            _ => s.span,
        }
    }

    // --- endpoint -------------------------------------------------------------------------

    fn lower_endpoint(&mut self, e: &'s EndpointSpec) -> Option<ir::Endpoint> {
        if let Some(name) = &e.name {
            self.check_endpoint_name(name);
        }
        if let Some(method) = &e.method {
            self.check_method(method);
        }
        if let Some(path) = &e.path {
            self.check_path_params(path, &e.path_params);
        }
        let auth = e.auth.as_ref().map(|a| {
            self.check_scopes(&a.scopes);
            ir::Auth {
                scheme: a
                    .scheme
                    .as_ref()
                    .map(|s| s.value.clone())
                    .unwrap_or_default(),
                scopes: values(&a.scopes),
            }
        });
        let request = e.request.as_ref().map(|r| {
            self.check_scopes(&r.default_scopes);
            if let Some(name) = &r.type_name {
                self.check_request_type(name);
            }
            ir::RequestBody {
                type_name: r
                    .type_name
                    .as_ref()
                    .map(|n| n.value.clone())
                    .unwrap_or_default(),
                default_scopes: values(&r.default_scopes),
            }
        });
        let mut responses = Vec::new();
        for r in &e.responses {
            let status = self.check_status(&r.status);
            if let Some(name) = &r.type_name {
                self.check_type_ref(name);
            }
            responses.push(ir::Response {
                status: status.unwrap_or_default(),
                description: text(&r.description),
                type_name: r.type_name.as_ref().map(|n| n.value.clone()),
            });
        }
        responses.sort_by_key(|r| r.status);
        Some(ir::Endpoint {
            name: e.name.as_ref()?.value.clone(),
            summary: e.summary.as_ref()?.value.clone(),
            description: text(&e.description),
            method: e.method.as_ref()?.value.clone(),
            path: e.path.as_ref()?.value.clone(),
            path_params: e
                .path_params
                .iter()
                .map(|p| ir::PathParam {
                    name: p.name.value.clone(),
                    description: text(&p.description),
                })
                .collect(),
            auth: auth?,
            request: request?,
            responses,
        })
    }

    /// The operation name becomes a Rust function and file name: it must be snake_case.
    fn check_endpoint_name(&mut self, name: &Spanned<String>) {
        if !is_snake_case(&name.value) {
            self.error(
                Diagnostic::error(
                    format!("endpoint name `{}` is not snake_case", name.value),
                    name.span,
                )
                .label("expected snake_case")
                .help(format!("write `{}`", to_snake_case(&name.value))),
            );
        }
    }

    /// The method must be one of the HTTP methods the generator knows, in upper case.
    fn check_method(&mut self, method: &Spanned<String>) {
        if !METHODS.contains(&method.value.as_str()) {
            self.error(
                Diagnostic::error(
                    format!("unknown HTTP method `{}`", method.value),
                    method.span,
                )
                .label("not a supported method")
                .help(suggest(&method.value, METHODS)),
            );
        }
    }

    /// Every `{x}` in the path must be declared under `path_params`, and every declared
    /// parameter must appear in the path; the path must start with `/` and its braces pair up.
    fn check_path_params(&mut self, path: &Spanned<String>, params: &[PathParamSpec]) {
        if !path.value.starts_with('/') {
            self.error(
                Diagnostic::error("the path must start with `/`", path.span)
                    .label("relative path")
                    .help(format!("write `/{}`", path.value)),
            );
        }
        let mut placeholders: Vec<(String, usize, usize)> = Vec::new();
        let chars: Vec<char> = path.value.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '{' => match chars[i + 1..].iter().position(|&c| c == '}' || c == '{') {
                    Some(n) if chars[i + 1 + n] == '}' => {
                        let name: String = chars[i + 1..i + 1 + n].iter().collect();
                        if !is_snake_case(&name) {
                            self.error(
                                Diagnostic::error(
                                    format!("path parameter `{{{name}}}` is not a snake_case name"),
                                    self.inner(path, i, n + 2),
                                )
                                .label("invalid parameter name"),
                            );
                        }
                        placeholders.push((name, i, n + 2));
                        i += n + 2;
                        continue;
                    }
                    _ => {
                        self.error(
                            Diagnostic::error("unclosed `{` in path", self.inner(path, i, 1))
                                .label("no matching `}`"),
                        );
                        break;
                    }
                },
                '}' => {
                    self.error(
                        Diagnostic::error("unmatched `}` in path", self.inner(path, i, 1))
                            .label("no matching `{`"),
                    );
                }
                _ => {}
            }
            i += 1;
        }
        let declared: Vec<&str> = params.iter().map(|p| p.name.value.as_str()).collect();
        for (k, (name, offset, len)) in placeholders.iter().enumerate() {
            if placeholders[..k].iter().any(|(n, _, _)| n == name) {
                self.error(
                    Diagnostic::error(
                        format!("path parameter `{{{name}}}` appears twice"),
                        self.inner(path, *offset, *len),
                    )
                    .label("second occurrence"),
                );
            } else if !declared.contains(&name.as_str()) {
                self.error(
                    Diagnostic::error(
                        format!("path parameter `{{{name}}}` is not declared in `path_params`"),
                        self.inner(path, *offset, *len),
                    )
                    .label("undeclared")
                    .help(match did_you_mean(name, declared.iter().copied()) {
                        Some(close) => format!("did you mean `{{{close}}}`?"),
                        None => format!("add `{name}:` under `path_params`"),
                    }),
                );
            }
        }
        for p in params {
            if !placeholders.iter().any(|(n, _, _)| *n == p.name.value) {
                let used: Vec<&str> = placeholders.iter().map(|(n, _, _)| n.as_str()).collect();
                self.error(
                    Diagnostic::error(
                        format!(
                            "path parameter `{}` does not appear in the path",
                            p.name.value
                        ),
                        p.name.span,
                    )
                    .label("not in the path")
                    .help(match did_you_mean(&p.name.value, used) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!("add `{{{}}}` to the path, or remove it", p.name.value),
                    }),
                );
            }
        }
    }

    /// Scopes are OAuth scope tokens: non-empty, without spaces, and not repeated in one list.
    fn check_scopes(&mut self, scopes: &[Spanned<String>]) {
        for (i, scope) in scopes.iter().enumerate() {
            if scope.value.is_empty() || scope.value.chars().any(|c| c.is_whitespace() || c == '"')
            {
                self.error(
                    Diagnostic::error(format!("invalid scope `{}`", scope.value), scope.span)
                        .label("a scope is one token without spaces, e.g. `update:clients`"),
                );
            } else if scopes[..i].iter().any(|s| s.value == scope.value) {
                self.error(
                    Diagnostic::error(
                        format!("scope `{}` is listed twice", scope.value),
                        scope.span,
                    )
                    .label("repeated"),
                );
            }
        }
    }

    /// `scopes` only mean something on the request type's own fields: `required_scopes()` looks
    /// at the top-level fields of the body, so on any other type they would silently do nothing.
    fn check_scopes_placement(&mut self, t: &'s TypeSpec, o: &'s ObjectSpec) {
        let Some(request) = self.request_type else {
            // No request type to compare with: that is reported on its own.
            return;
        };
        if t.name.value == request {
            return;
        }
        for f in &o.fields {
            let (Some(first), Some(last)) = (f.scopes.first(), f.scopes.last()) else {
                continue;
            };
            // The whole list when it is written on one line, else its first scope.
            let span = if first.span.line == last.span.line {
                Span::new(
                    first.span.line,
                    first.span.column,
                    first.span.offset,
                    last.span.offset + last.span.len - first.span.offset,
                )
            } else {
                first.span
            };
            self.error(
                Diagnostic::error(
                    format!(
                        "`scopes` on field `{}` of `{}` would have no effect",
                        f.name.value, t.name.value
                    ),
                    span,
                )
                .label("not a field of the request type")
                .note(format!(
                    "scopes apply to top-level request fields only: the fields of `{request}`"
                ))
                .help(format!(
                    "remove these scopes, or set them on the field of `{request}` that holds this value"
                )),
            );
        }
    }

    /// The request body must name an object type: it is what the generated request struct
    /// is built from.
    fn check_request_type(&mut self, name: &Spanned<String>) {
        if let Some(t) = self.check_type_ref(name)
            && !matches!(t.body, TypeBody::Object(_) | TypeBody::Unknown)
        {
            let kind = t.kind.as_ref().map_or("?", |k| k.value.as_str());
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            self.error(
                Diagnostic::error(
                    format!(
                        "the request type `{}` must be an object, but it is {article} {kind}",
                        name.value
                    ),
                    name.span,
                )
                .label("not an object type")
                .note(format!(
                    "`{}` is defined on line {}",
                    name.value, t.name.span.line
                )),
            );
        }
    }

    /// A response status is a number from 100 to 599.
    fn check_status(&mut self, status: &Spanned<String>) -> Option<u16> {
        match status.value.parse::<u16>() {
            Ok(code) if (100..=599).contains(&code) => Some(code),
            _ => {
                self.error(
                    Diagnostic::error(
                        format!("`{}` is not an HTTP status code", status.value),
                        status.span,
                    )
                    .label("expected a number from 100 to 599"),
                );
                None
            }
        }
    }

    /// A type name must be defined under `types` (did-you-mean over the defined names).
    fn check_type_ref(&mut self, name: &Spanned<String>) -> Option<&'s TypeSpec> {
        if let Some(t) = self.types.get(name.value.as_str()) {
            return Some(t);
        }
        let names: Vec<&str> = self.types.keys().copied().collect();
        let help = match did_you_mean(&name.value, names.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("define `{}` under `types`", name.value),
        };
        self.error(
            Diagnostic::error(format!("undefined type `{}`", name.value), name.span)
                .label("not defined under `types`")
                .help(help),
        );
        None
    }

    // --- types ----------------------------------------------------------------------------

    /// Type names become Rust type names: PascalCase. Names that differ only in case (`OAuth`
    /// and `Oauth`) are distinct types; the emitter gives each its own Rust name.
    fn check_type_names(&mut self, spec: &Spec) {
        for t in &spec.types {
            let name = &t.name;
            if !is_pascal_case(&name.value) {
                self.error(
                    Diagnostic::error(
                        format!("type name `{}` is not PascalCase", name.value),
                        name.span,
                    )
                    .label("expected PascalCase")
                    .help(format!("write `{}`", to_pascal_case(&name.value))),
                );
            }
        }
    }

    /// A type must not take a name that `#[derive(Validate)]` reads as something else (see
    /// [`KNOWN_TYPES`]); what counts is the Rust name the generator gives it. `Option`, `Box`
    /// and `Secret` are recognised only with a type argument, which a generated type never
    /// has: they stay usable.
    fn check_reserved_names(&mut self, spec: &Spec) {
        let rust = naming::type_names(spec.types.iter().map(|t| t.name.value.as_str()));
        for t in &spec.types {
            let Some(ident) = rust.get(&t.name.value) else {
                continue;
            };
            let Some(known) = KnownType::of(ident) else {
                continue;
            };
            let reads_as = known.describe();
            let message = if *ident == t.name.value {
                format!("type name `{ident}` is reserved")
            } else {
                format!(
                    "type name `{}` is reserved: its Rust name would be `{ident}`",
                    t.name.value
                )
            };
            self.error(
                Diagnostic::error(message, t.name.span)
                    .label("reserved name")
                    .note(format!(
                        "`#[derive(Validate)]` reads a type named `{ident}` as {reads_as}, so the generated checks would not compile; reserved: {}",
                        one_of_list(&KNOWN_TYPES.iter().map(|(name, _)| *name).collect::<Vec<_>>())
                            .replace(" or ", " and ")
                    ))
                    .help(format!("rename the type, e.g. `{ident}Type`")),
            );
        }
    }

    /// Cycles of types that Rust or serde cannot express (each reported at the reference that
    /// closes it), and chains of named maps too deep to write out. Returns whether chains of
    /// named map types are finite and within the limit (later passes follow them).
    ///
    /// - A union variant whose type is a union (itself or another that leads back) reads the
    ///   same input again: an untagged union tries each variant in turn, so deserializing it
    ///   would recurse forever. Any layer that reads input (an object, an array, a map) in
    ///   between makes the recursion finite.
    /// - A named map type is a Rust type alias, and an alias cannot contain itself: a map type
    ///   that leads back to itself through maps and arrays only cannot be generated.
    fn check_type_cycles(&mut self, spec: &'s Spec) -> bool {
        let index: HashMap<&str, usize> = spec
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.value.as_str(), i))
            .collect();
        let n = spec.types.len();
        let target = |ty: &Spanned<String>, kind: fn(&TypeBody) -> bool| {
            index
                .get(ty.value.as_str())
                .copied()
                .filter(|&j| kind(&spec.types[j].body))
        };

        // Unions: variant → union edges.
        let is_union = |b: &TypeBody| matches!(b, TypeBody::Union(_));
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut refs: Vec<(usize, usize, &'s VariantSpec, &'s Spanned<String>)> = Vec::new();
        for (i, t) in spec.types.iter().enumerate() {
            if let TypeBody::Union(u) = &t.body {
                for v in &u.variants {
                    if let Some(ty) = &v.schema.ty
                        && let Some(j) = target(ty, is_union)
                    {
                        edges[i].push(j);
                        refs.push((i, j, v, ty));
                    }
                }
            }
        }
        let component = graph::components(&edges);
        let cyclic = graph::on_cycle(&edges, &component);
        // The names on each cycle, listed once per component (a cycle may be long).
        let mut members: HashMap<usize, String> = HashMap::new();
        for (i, j, v, ty) in refs {
            if !cyclic[i] || component[i] != component[j] {
                continue;
            }
            let union = &spec.types[i].name.value;
            let variant = v.name.as_ref().map_or("?", |n| n.value.as_str());
            let (label, note) = if i == j {
                (
                    format!("variant `{variant}` is `{union}` itself"),
                    format!(
                        "an untagged union tries its variants in turn: reading this variant reads `{union}` again from the same input, forever (a stack overflow at run time)"
                    ),
                )
            } else {
                let members = members
                    .entry(component[i])
                    .or_insert_with(|| cycle_members(spec, &component, component[i]));
                (
                    format!(
                        "variant `{variant}` is `{}`, which leads back to `{union}`",
                        ty.value
                    ),
                    format!(
                        "{members} contain one another through union variants: reading `{union}` reads `{}`, which reads `{union}` again from the same input, forever (a stack overflow at run time)",
                        ty.value
                    ),
                )
            };
            self.error(
                Diagnostic::error(
                    format!("union `{union}` contains itself without reading any input"),
                    ty.span,
                )
                .label(label)
                .note(note)
                .help(format!(
                    "remove the variant, or put an array, a map or an object between (e.g. `type: array, items: {{ type: {} }}`)",
                    ty.value
                )),
            );
        }

        // Named maps: map → map edges through inline maps and arrays.
        let is_map = |b: &TypeBody| matches!(b, TypeBody::Map(_));
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut refs: Vec<(usize, usize, &'s Spanned<String>)> = Vec::new();
        for (i, t) in spec.types.iter().enumerate() {
            if let TypeBody::Map(m) = &t.body
                && let Some(values) = &m.values
            {
                inline_type_refs(values.get(), &mut |ty| {
                    if let Some(j) = target(ty, is_map) {
                        edges[i].push(j);
                        refs.push((i, j, ty));
                    }
                });
            }
        }
        let component = graph::components(&edges);
        let cyclic = graph::on_cycle(&edges, &component);
        let mut acyclic = true;
        for &(i, j, ty) in &refs {
            if !cyclic[i] || component[i] != component[j] {
                continue;
            }
            acyclic = false;
            let map = &spec.types[i].name.value;
            let label = if i == j {
                format!("`{map}` again")
            } else {
                format!("`{}`, which leads back to `{map}`", ty.value)
            };
            self.error(
                Diagnostic::error(
                    format!("map type `{map}` contains itself through maps and arrays only"),
                    ty.span,
                )
                .label(label)
                .note(format!(
                    "a `kind: map` type becomes a Rust type alias (`type {map} = BTreeMap<String, ...>`), and an alias cannot contain itself"
                ))
                .help(format!(
                    "make `{map}` a `kind: union` with one variant, `{{ name: Entries, type: map, values: ... }}`: a union can contain itself through a map"
                )),
            );
        }
        if !acyclic {
            return false;
        }
        // How many levels of maps and arrays each named map writes out where it is used. A
        // component's reachable components have smaller ids: visit in id order.
        let mut order: Vec<usize> = (0..n).filter(|&i| is_map(&spec.types[i].body)).collect();
        order.sort_by_key(|&i| component[i]);
        let mut depth = vec![0usize; n];
        let mut shallow = true;
        for i in order {
            let TypeBody::Map(m) = &spec.types[i].body else {
                continue;
            };
            let Some(values) = &m.values else { continue };
            let inner = nesting(values.get(), &|ty| target(ty, is_map).map(|j| depth[j]));
            depth[i] = (1 + inner).min(MAP_NESTING_LIMIT + 1);
            if depth[i] <= MAP_NESTING_LIMIT {
                continue;
            }
            shallow = false;
            // Reported where the limit is crossed, at the use of the deepest map.
            let deepest = refs
                .iter()
                .filter(|(from, _, _)| *from == i)
                .max_by_key(|(_, to, _)| depth[*to]);
            if let Some(&(_, j, ty)) = deepest
                && depth[j] <= MAP_NESTING_LIMIT
            {
                let map = &spec.types[i].name.value;
                self.error(
                    Diagnostic::error(
                        format!(
                            "map type `{map}` nests more than {MAP_NESTING_LIMIT} levels of maps and arrays"
                        ),
                        ty.span,
                    )
                    .label(format!("`{}` alone nests {} levels", ty.value, depth[j]))
                    .note("a named map type is written out, checks and all, wherever it is used")
                    .help("put an object type somewhere in the chain of maps"),
                );
            }
        }
        shallow
    }

    /// `lifecycle:` is one of `ga`, `ea`, `deprecated`.
    fn check_lifecycle(&mut self, lifecycle: &Option<Spanned<String>>) -> ir::Lifecycle {
        let Some(l) = lifecycle else {
            return ir::Lifecycle::Ga;
        };
        match l.value.as_str() {
            "ga" => ir::Lifecycle::Ga,
            "ea" => ir::Lifecycle::Ea,
            "deprecated" => ir::Lifecycle::Deprecated,
            other => {
                self.error(
                    Diagnostic::error(format!("unknown lifecycle `{other}`"), l.span)
                        .label("unknown lifecycle")
                        .help(suggest(other, LIFECYCLES)),
                );
                ir::Lifecycle::Ga
            }
        }
    }

    fn lower_type(&mut self, t: &'s TypeSpec) -> Option<ir::TypeDef> {
        let lifecycle = self.check_lifecycle(&t.lifecycle);
        let kind = match &t.body {
            TypeBody::Object(o) => {
                self.check_scopes_placement(t, o);
                ir::TypeKind::Object(self.lower_object(o)?)
            }
            TypeBody::Enum(e) => ir::TypeKind::Enum(self.lower_enum(t, e)?),
            TypeBody::Map(m) => ir::TypeKind::Map(self.lower_map(m, &t.name)?),
            TypeBody::Union(u) => ir::TypeKind::Union(self.lower_union(t, u)?),
            TypeBody::Unknown => return None,
        };
        Some(ir::TypeDef {
            name: t.name.value.clone(),
            description: text(&t.description),
            lifecycle,
            kind,
        })
    }

    fn lower_object(&mut self, o: &'s ObjectSpec) -> Option<ir::Object> {
        let unknown_fields = match &o.unknown_fields {
            None => ir::UnknownFields::Reject,
            Some(u) => match u.value.as_str() {
                "reject" => ir::UnknownFields::Reject,
                "keep" => ir::UnknownFields::Keep,
                other => {
                    self.error(
                        Diagnostic::error(
                            format!("unknown `unknown_fields` policy `{other}`"),
                            u.span,
                        )
                        .label("unknown policy")
                        .help(suggest(other, UNKNOWN_FIELDS)),
                    );
                    ir::UnknownFields::Reject
                }
            },
        };
        let properties = self.check_bounds(&o.min_properties, &o.max_properties);
        self.check_field_names(&o.fields);
        let fields: Vec<Option<ir::Field>> = o.fields.iter().map(|f| self.lower_field(f)).collect();
        let rules: Vec<Option<ir::Rule>> = o.rules.iter().map(|r| self.lower_rule(o, r)).collect();
        Some(ir::Object {
            fields: fields.into_iter().collect::<Option<_>>()?,
            unknown_fields,
            properties: properties?,
            rules: rules.into_iter().collect::<Option<_>>()?,
        })
    }

    /// Field names become Rust field names: two wire names that differ only in case or in
    /// punctuation (`redirectUri`, `redirect_uri`, `redirect-uri`) would collide.
    fn check_field_names(&mut self, fields: &[FieldSpec]) {
        let mut seen: HashMap<String, &Spanned<String>> = HashMap::new();
        for f in fields {
            let folded: String = f
                .name
                .value
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            if let Some(first) = seen.get(&folded) {
                let (first_name, first_line) = (first.value.clone(), first.span.line);
                self.error(
                    Diagnostic::error(
                        format!(
                            "field `{}` differs from field `{first_name}` only in case or punctuation",
                            f.name.value
                        ),
                        f.name.span,
                    )
                    .label("clashing name")
                    .note(format!("`{first_name}` is defined on line {first_line}"))
                    .help("as snake_case Rust fields they would collide or be confusable"),
                );
            } else {
                seen.insert(folded, &f.name);
            }
        }
    }

    fn lower_field(&mut self, f: &'s FieldSpec) -> Option<ir::Field> {
        let lifecycle = self.check_lifecycle(&f.lifecycle);
        self.check_scopes(&f.scopes);
        let schema = self.lower_schema(&f.schema, &format!("field `{}`", f.name.value));
        let nullable = f.nullable.as_ref().is_some_and(|n| n.value);
        if let (Some(default), Some(_)) = (&f.default, &schema) {
            self.check_default(default, &f.schema, nullable);
        }
        if let (Some(secret), Some(schema)) = (f.secret.as_ref().filter(|s| s.value), &schema) {
            self.secret_fields.push((f, secret, schema.clone()));
        }
        Some(ir::Field {
            name: f.name.value.clone(),
            description: text(&f.description),
            schema: schema?,
            nullable,
            required: f.required.as_ref().is_some_and(|r| r.value),
            lifecycle,
            secret: f.secret.as_ref().is_some_and(|s| s.value),
            scopes: values(&f.scopes),
            default: f.default.as_ref().map(|d| d.get().clone()),
        })
    }

    /// `secret: true` wraps the value in `spec_validate::Secret`, which only string checks see
    /// through: a secret field must be a string, or have no checks at all (a boolean, a number,
    /// `any`, an enum, an unconstrained array or map).
    fn check_secret_fields(&mut self, types: &BTreeMap<String, ir::TypeDef>) {
        for (field, secret, schema) in std::mem::take(&mut self.secret_fields) {
            if matches!(schema, ir::Schema::String(_))
                || crate::emit::rules::value_rules(types, &schema).is_empty()
            {
                continue;
            }
            let name = &field.name.value;
            let checked = match &schema {
                ir::Schema::Integer(_) => "its `minimum`/`maximum`".to_owned(),
                ir::Schema::Array(_) => "its item count, uniqueness or items".to_owned(),
                ir::Schema::Map(_) => "its entries, keys or values".to_owned(),
                ir::Schema::Named(ty) => match types.get(ty).map(|d| &d.kind) {
                    Some(ir::TypeKind::Object(_)) => {
                        format!("`{ty}`, an object type, field by field")
                    }
                    Some(ir::TypeKind::Union(_)) => format!("`{ty}`, a union, variant by variant"),
                    _ => format!("the constraints of `{ty}`"),
                },
                _ => "its constraints".to_owned(),
            };
            self.error(
                Diagnostic::error(
                    format!("secret field `{name}` has checks that cannot see a secret value"),
                    secret.span,
                )
                .label("secret")
                .note(format!(
                    "`{name}` is validated by {checked}; a secret value is wrapped in `spec_validate::Secret`, which only string checks see through"
                ))
                .help("remove `secret: true`, or the constraints (secrets are usually strings)"),
            );
        }
    }

    /// Resolves a schema's `type:`: a primitive, or a defined type (did-you-mean over both).
    fn resolve(&mut self, ty: &Spanned<String>) -> Option<Resolved<'s>> {
        if let Some(p) = PRIMITIVES.iter().find(|p| **p == ty.value) {
            return Some(Resolved::Primitive(p));
        }
        if let Some(t) = self.types.get(ty.value.as_str()) {
            return Some(Resolved::Named(t));
        }
        let mut candidates: Vec<&str> = PRIMITIVES.to_vec();
        candidates.extend(self.types.keys().copied());
        let help = match did_you_mean(&ty.value, candidates.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!(
                "define `{}` under `types`, or use a primitive: {}",
                ty.value,
                one_of_list(PRIMITIVES)
            ),
        };
        self.error(
            Diagnostic::error(format!("undefined type `{}`", ty.value), ty.span)
                .label("neither a primitive nor a type defined under `types`")
                .help(help),
        );
        None
    }

    fn lower_schema(&mut self, s: &'s SchemaSpec, what: &str) -> Option<ir::Schema> {
        let ty = s.ty.as_ref()?;
        let resolved = self.resolve(ty)?;
        self.check_constraints_fit(s, resolved);
        Some(match resolved {
            Resolved::Primitive("string") => ir::Schema::String(self.lower_string(s)?),
            Resolved::Primitive("integer") => {
                ir::Schema::Integer(self.check_int_bounds(&s.minimum, &s.maximum)?)
            }
            Resolved::Primitive("number") => ir::Schema::Number,
            Resolved::Primitive("boolean") => ir::Schema::Boolean,
            Resolved::Primitive("array") => {
                let count = self.check_bounds(&s.min_items, &s.max_items);
                let Some(items) = &s.items else {
                    if s.shape_errors {
                        return None; // `items` was there but malformed: already reported
                    }
                    self.error(
                        Diagnostic::error(format!("{what} is an array without `items`"), ty.span)
                            .label("`items` missing")
                            .help("add `items: { type: ... }` for the element type"),
                    );
                    return None;
                };
                let lowered = self.lower_schema(items.get(), &format!("items of {what}"));
                let unique = s.unique_items.as_ref().filter(|u| *u.get());
                let unique_ok = unique.is_none_or(|u| self.check_unique_items(u, items.get()));
                let items = lowered?;
                ir::Schema::Array(Box::new(ir::ArraySchema {
                    items,
                    count: count?,
                    unique: unique_ok.then_some(unique.is_some())?,
                }))
            }
            Resolved::Primitive("map") => {
                if s.map.values.is_none() {
                    if s.shape_errors {
                        return None; // `values` was there but malformed: already reported
                    }
                    self.error(
                        Diagnostic::error(format!("{what} is a map without `values`"), ty.span)
                            .label("`values` missing")
                            .help("add `values: { type: ... }` for the value type"),
                    );
                    return None;
                }
                ir::Schema::Map(Box::new(self.lower_map(&s.map, ty)?))
            }
            Resolved::Primitive(_) => ir::Schema::Any,
            Resolved::Named(t) => ir::Schema::Named(t.name.value.clone()),
        })
    }

    /// `unique_items` is checked by sorting the items (O(n log n) on untrusted input), so the
    /// items must be totally ordered in Rust: strings, integers, booleans, enums, and arrays
    /// and maps of those. Numbers (`f64`), `any` (JSON values), objects and unions are not.
    fn check_unique_items(&mut self, unique: &Entry<bool>, items: &'s SchemaSpec) -> bool {
        let mut maps = Vec::new();
        let Some((what, why, nested)) = self.unordered(items, &mut maps) else {
            return true;
        };
        let label = if nested {
            format!("the items contain {what}")
        } else {
            format!("the items are {what}")
        };
        self.error(
            Diagnostic::error("`unique_items` needs items that can be sorted", unique.key)
                .label(label)
                .note(format!(
                    "uniqueness is checked by sorting the items, which needs a total order: {why}"
                ))
                .help("remove `unique_items`, or use items that are strings, integers, booleans or enums (or arrays and maps of those)"),
        );
        false
    }

    /// Why values of `s` have no total order in the generated Rust: what they are, why, and
    /// whether that is below the value itself; `None` when they have one. `maps` holds the
    /// named maps being expanded (a cycle or a long chain of them is reported elsewhere).
    fn unordered(
        &self,
        s: &'s SchemaSpec,
        maps: &mut Vec<&'s str>,
    ) -> Option<(String, &'static str, bool)> {
        let ty = s.ty.as_ref()?;
        let nested = |found: Option<(String, &'static str, bool)>| {
            found.map(|(what, why, _)| (what, why, true))
        };
        match ty.value.as_str() {
            "string" | "integer" | "boolean" => None,
            "number" => Some((
                "`number`".to_owned(),
                "numbers (`f64`) are not totally ordered (NaN)",
                false,
            )),
            "any" => Some((
                "`any`".to_owned(),
                "JSON values of any type are not ordered",
                false,
            )),
            "array" => nested(self.unordered(s.items.as_ref()?.get(), maps)),
            "map" => nested(self.unordered(s.map.values.as_ref()?.get(), maps)),
            name => {
                let t = self.types.get(name)?;
                match &t.body {
                    TypeBody::Object(_) => Some((
                        format!("`{name}`, an object type"),
                        "generated structs are not ordered",
                        false,
                    )),
                    TypeBody::Union(_) => Some((
                        format!("`{name}`, a union"),
                        "generated unions are not ordered",
                        false,
                    )),
                    TypeBody::Map(m) => {
                        if maps.contains(&name) || maps.len() > MAP_NESTING_LIMIT {
                            return None;
                        }
                        maps.push(t.name.value.as_str());
                        let found = nested(self.unordered(m.values.as_ref()?.get(), maps));
                        maps.pop();
                        found
                    }
                    TypeBody::Enum(_) | TypeBody::Unknown => None,
                }
            }
        }
    }

    /// A constraint must fit its type: `min_length` on a string, `minimum` on an integer,
    /// `items` on an array, `keys`/`values` on a map; a named type carries its own constraints.
    fn check_constraints_fit(&mut self, s: &SchemaSpec, resolved: Resolved<'_>) {
        let present: [(&str, Option<Span>); 14] = [
            ("min_length", s.min_length.as_ref().map(|e| e.key)),
            ("max_length", s.max_length.as_ref().map(|e| e.key)),
            ("pattern", s.pattern.as_ref().map(|e| e.key)),
            ("format", s.format.as_ref().map(|e| e.key)),
            ("minimum", s.minimum.as_ref().map(|e| e.key)),
            ("maximum", s.maximum.as_ref().map(|e| e.key)),
            ("items", s.items.as_ref().map(|e| e.key)),
            ("min_items", s.min_items.as_ref().map(|e| e.key)),
            ("max_items", s.max_items.as_ref().map(|e| e.key)),
            ("unique_items", s.unique_items.as_ref().map(|e| e.key)),
            ("keys", s.map.keys.as_ref().map(|e| e.key)),
            ("values", s.map.values.as_ref().map(|e| e.key)),
            (
                "values_nullable",
                s.map.values_nullable.as_ref().map(|e| e.key),
            ),
            (
                "min_properties",
                s.map.min_properties.as_ref().map(|e| e.key),
            ),
        ];
        let max_properties = (
            "max_properties",
            s.map.max_properties.as_ref().map(|e| e.key),
        );
        let (type_name, allowed): (&str, &[&str]) = match resolved {
            Resolved::Primitive(p) => (p, constraints_of(p)),
            Resolved::Named(t) => (t.name.value.as_str(), &[]),
        };
        for (key, span) in present.into_iter().chain([max_properties]) {
            let Some(span) = span else { continue };
            if allowed.contains(&key) {
                continue;
            }
            let fits = PRIMITIVES
                .iter()
                .filter(|p| constraints_of(p).contains(&key))
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(" and ");
            let help = match resolved {
                Resolved::Named(t) => format!(
                    "`{key}` applies to {fits}; constraints of a named type go on its definition (`{}`, line {})",
                    t.name.value, t.name.span.line
                ),
                Resolved::Primitive(_) if allowed.is_empty() => {
                    format!("`{key}` applies to {fits}; `{type_name}` takes no constraints")
                }
                Resolved::Primitive(_) => format!(
                    "`{key}` applies to {fits}; `{type_name}` takes {}",
                    one_of_list(allowed)
                ),
            };
            self.error(
                Diagnostic::error(format!("`{key}` does not apply to `{type_name}`"), span)
                    .label(format!("not a constraint of `{type_name}`"))
                    .help(help),
            );
        }
    }

    fn lower_string(&mut self, s: &'s SchemaSpec) -> Option<ir::StringSchema> {
        let length = self.check_bounds(&s.min_length, &s.max_length);
        let pattern_ok = s
            .pattern
            .as_ref()
            .is_none_or(|p| self.check_pattern(&p.value));
        let format = match &s.format {
            Some(f) => Some(self.check_format(&f.value)?),
            None => None,
        };
        if !pattern_ok {
            return None;
        }
        Some(ir::StringSchema {
            length: length?,
            pattern: s.pattern.as_ref().map(|p| p.get().clone()),
            format,
        })
    }

    /// Lower bounds must not exceed upper bounds (`min_length`/`max_length`, `min_items`/
    /// `max_items`, `min_properties`/`max_properties`).
    fn check_bounds(
        &mut self,
        min: &Option<Entry<u64>>,
        max: &Option<Entry<u64>>,
    ) -> Option<ir::Bounds> {
        let bounds = ir::Bounds {
            min: min.as_ref().map(|m| *m.get()),
            max: max.as_ref().map(|m| *m.get()),
        };
        let mut ok = true;
        for bound in [min, max].into_iter().flatten() {
            if *bound.get() > MAX_COUNT_BOUND {
                ok = false;
                let key: String = self
                    .text
                    .iter()
                    .skip(bound.key.offset)
                    .take(bound.key.len)
                    .collect();
                self.error(
                    Diagnostic::error(
                        format!("`{key}` is too large: {}", bound.get()),
                        bound.value.span,
                    )
                    .label(format!("more than {MAX_COUNT_BOUND}"))
                    .help(format!(
                        "the largest bound is {MAX_COUNT_BOUND} (`u32::MAX`); leave `{key}` out for no limit"
                    )),
                );
            }
        }
        if !ok {
            return None;
        }
        if let (Some(lo), Some(hi)) = (min, max)
            && lo.get() > hi.get()
        {
            self.bounds_error(lo.get().to_string(), hi.get().to_string(), lo, hi);
            return None;
        }
        Some(bounds)
    }

    /// `minimum` must not exceed `maximum`.
    fn check_int_bounds(
        &mut self,
        min: &Option<Entry<i64>>,
        max: &Option<Entry<i64>>,
    ) -> Option<ir::IntBounds> {
        if let (Some(lo), Some(hi)) = (min, max)
            && lo.get() > hi.get()
        {
            self.bounds_error(lo.get().to_string(), hi.get().to_string(), lo, hi);
            return None;
        }
        Some(ir::IntBounds {
            min: min.as_ref().map(|m| *m.get()),
            max: max.as_ref().map(|m| *m.get()),
        })
    }

    fn bounds_error<T>(&mut self, lo: String, hi: String, min: &Entry<T>, max: &Entry<T>) {
        let key =
            |span: Span| -> String { self.text.iter().skip(span.offset).take(span.len).collect() };
        let (min_key, max_key) = (key(min.key), key(max.key));
        self.error(
            Diagnostic::error(
                format!("`{min_key}` ({lo}) is greater than `{max_key}` ({hi})"),
                min.value.span,
            )
            .label(format!("greater than {hi}"))
            .note(format!("`{max_key}` is set on line {}", max.key.line))
            .help(format!(
                "no value can satisfy both; lower `{min_key}` or raise `{max_key}`"
            )),
        );
    }

    /// A pattern must compile under `regex` and mean the same as under ECMA-262
    /// (see [`spec_validate_impl::pattern`], shared with `#[derive(Validate)]`).
    fn check_pattern(&mut self, p: &Spanned<String>) -> bool {
        let problems = pattern::problems(&p.value);
        for problem in &problems {
            let span = self.inner(p, problem.offset, problem.len);
            self.error(
                Diagnostic::error(problem.message.clone(), span)
                    .label("in this pattern")
                    .maybe_help(problem.help.clone()),
            );
        }
        problems.is_empty()
    }

    /// A format must be one of the known formats (did-you-mean).
    fn check_format(&mut self, f: &Spanned<String>) -> Option<ir::Format> {
        use ir::Format::{DateTime, Ip, Url};
        let url = |https, placeholders, empty| Url {
            https,
            placeholders,
            empty,
        };
        Some(match f.value.as_str() {
            "uri" => url(false, false, false),
            "uri-or-empty" => url(false, false, true),
            "https-uri" => url(true, false, false),
            "https-uri-or-empty" => url(true, false, true),
            "uri-with-placeholders" | "callback-url" => url(false, true, false),
            "https-uri-with-placeholders-or-empty" => url(true, true, true),
            "ip" => Ip { cidr: false },
            "ip-or-cidr" => Ip { cidr: true },
            "date-time" => DateTime,
            other => {
                self.error(
                    Diagnostic::error(format!("unknown format `{other}`"), f.span)
                        .label("unknown format")
                        .help(suggest(other, FORMATS)),
                );
                return None;
            }
        })
    }

    /// A map's keys are strings: `keys:` may only carry string constraints.
    fn lower_map(&mut self, m: &'s MapSpec, at: &Spanned<String>) -> Option<ir::MapType> {
        let count = self.check_bounds(&m.min_properties, &m.max_properties);
        let keys = match &m.keys {
            None => Some(ir::StringSchema::default()),
            Some(k) => {
                let keys = k.get();
                if let Some(ty) = &keys.ty
                    && ty.value != "string"
                {
                    self.error(
                        Diagnostic::error("map keys are always strings", ty.span)
                            .label("expected `string`")
                            .help("remove `type:` from `keys`"),
                    );
                }
                self.check_constraints_fit(keys, Resolved::Primitive("string"));
                self.lower_string(keys)
            }
        };
        let Some(values) = &m.values else {
            self.error(
                Diagnostic::error(format!("map `{}` has no `values`", at.value), at.span)
                    .label("`values` missing")
                    .help("add `values: { type: ... }`"),
            );
            return None;
        };
        let values = self.lower_schema(values.get(), "map values");
        Some(ir::MapType {
            keys: keys?,
            values: values?,
            values_nullable: m.values_nullable.as_ref().is_some_and(|v| *v.get()),
            count: count?,
        })
    }

    /// An enum lists at least one value, and no value twice.
    fn lower_enum(&mut self, t: &TypeSpec, e: &EnumSpec) -> Option<ir::Enumeration> {
        if e.values.is_empty() {
            self.error(
                Diagnostic::error(
                    format!("enum `{}` has no values", t.name.value),
                    e.values_key.unwrap_or(t.name.span),
                )
                .label("empty enum")
                .help("list at least one value"),
            );
        }
        let mut values = Vec::new();
        let mut ok = true;
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for v in &e.values {
            if let Some(first) = seen.get(v.value.value.as_str()) {
                ok = false;
                self.error(
                    Diagnostic::error(
                        format!("duplicate enum value `{}`", v.value.value),
                        v.value.span,
                    )
                    .label("listed again here")
                    .note(format!("first listed at {}", first.describe()))
                    .help("remove the repeated value"),
                );
            }
            seen.entry(v.value.value.as_str()).or_insert(v.value.span);
            values.push(ir::EnumValue {
                value: v.value.value.clone(),
                description: text(&v.description),
                lifecycle: self.check_lifecycle(&v.lifecycle),
            });
        }
        ok.then_some(ir::Enumeration {
            values,
            open: e.open.as_ref().is_some_and(|o| o.value),
        })
    }

    /// A union has at least one variant; variant names are PascalCase and unique.
    fn lower_union(&mut self, t: &TypeSpec, u: &'s UnionSpec) -> Option<ir::Union> {
        if u.variants.is_empty() {
            self.error(
                Diagnostic::error(
                    format!("union `{}` has no variants", t.name.value),
                    u.variants_key.unwrap_or(t.name.span),
                )
                .label("empty union")
                .help("list at least one variant"),
            );
            return None;
        }
        let mut variants = Vec::new();
        let mut ok = true;
        for (i, v) in u.variants.iter().enumerate() {
            let schema = self.lower_schema(&v.schema, "union variant");
            let Some(name) = &v.name else {
                ok = false;
                continue;
            };
            if !is_pascal_case(&name.value) {
                ok = false;
                self.error(
                    Diagnostic::error(
                        format!("variant name `{}` is not PascalCase", name.value),
                        name.span,
                    )
                    .label("expected PascalCase")
                    .help(format!("write `{}`", to_pascal_case(&name.value))),
                );
            }
            let earlier = u.variants[..i].iter().filter_map(|w| w.name.as_ref());
            if let Some(first) = earlier.clone().find(|w| w.value == name.value) {
                ok = false;
                self.error(
                    Diagnostic::error(
                        format!("duplicate variant name `{}`", name.value),
                        name.span,
                    )
                    .label("named again here")
                    .note(format!("first used at {}", first.span.describe())),
                );
            }
            if let Some(schema) = schema {
                variants.push(ir::UnionVariant {
                    name: name.value.clone(),
                    schema,
                });
            } else {
                ok = false;
            }
        }
        ok.then_some(ir::Union { variants })
    }

    /// `default:` documents the server's value: it must be a value the field can hold.
    fn check_default(
        &mut self,
        default: &Entry<serde_json::Value>,
        schema: &SchemaSpec,
        nullable: bool,
    ) {
        let value = default.get();
        let Some(ty) = &schema.ty else { return };
        let Some(resolved) = self.types_lookup(&ty.value) else {
            return;
        };
        use serde_json::Value as J;
        let fits = match (value, resolved) {
            (J::Null, _) => nullable,
            (_, Resolved::Primitive("any")) => true,
            (J::Bool(_), Resolved::Primitive("boolean")) => true,
            (J::Number(n), Resolved::Primitive("integer")) => n.as_i64().is_some_and(|i| {
                schema.minimum.as_ref().is_none_or(|m| i >= *m.get())
                    && schema.maximum.as_ref().is_none_or(|m| i <= *m.get())
            }),
            (J::Number(_), Resolved::Primitive("number")) => true,
            (J::String(s), Resolved::Primitive("string")) => {
                let n = s.chars().count() as u64;
                schema.min_length.as_ref().is_none_or(|m| n >= *m.get())
                    && schema.max_length.as_ref().is_none_or(|m| n <= *m.get())
            }
            (J::Array(_), Resolved::Primitive("array")) => true,
            (J::Object(_), Resolved::Primitive("map")) => true,
            (J::String(s), Resolved::Named(t)) => match &t.body {
                TypeBody::Enum(e) => {
                    e.open.as_ref().is_some_and(|o| o.value)
                        || e.values.iter().any(|v| v.value.value == *s)
                }
                _ => matches!(t.body, TypeBody::Union(_)),
            },
            (J::Object(_), Resolved::Named(t)) => !matches!(t.body, TypeBody::Enum(_)),
            (_, Resolved::Named(t)) => matches!(t.body, TypeBody::Union(_)),
            _ => false,
        };
        if !fits {
            self.error(
                Diagnostic::error(
                    format!("default `{value}` is not a valid `{}` value", ty.value),
                    default.value.span,
                )
                .label(format!("not a valid `{}`", ty.value))
                .help(if value.is_null() {
                    "a `null` default needs `nullable: true`".to_owned()
                } else {
                    format!(
                        "write a value of type `{}` within its constraints",
                        ty.value
                    )
                }),
            );
        }
    }

    fn types_lookup(&self, name: &str) -> Option<Resolved<'s>> {
        PRIMITIVES
            .iter()
            .find(|p| **p == name)
            .map(|p| Resolved::Primitive(p))
            .or_else(|| self.types.get(name).map(|t| Resolved::Named(t)))
    }

    // --- rules ----------------------------------------------------------------------------

    fn lower_rule(&mut self, o: &'s ObjectSpec, r: &'s RuleSpec) -> Option<ir::Rule> {
        let kind = match &r.kind {
            RuleKindSpec::MutuallyExclusive(fields) => {
                let ok = self.check_rule_fields(o, fields);
                ok.then(|| ir::RuleKind::MutuallyExclusive {
                    fields: values(fields),
                })
            }
            RuleKindSpec::WhenSet { field, then } => {
                let field_ok = self.check_rule_field(o, field);
                let then = self.check_condition(o, then);
                let (then, equals) = then?;
                field_ok.then(|| ir::RuleKind::RequiresWhenSet {
                    field: field.value.clone(),
                    then,
                    equals,
                })
            }
            RuleKindSpec::WhenThen { when, then } => {
                let when = self.check_condition(o, when);
                let then = self.check_condition(o, then);
                let ((when, equals), (then, then_equals)) = (when?, then?);
                Some(ir::RuleKind::RequiresWhenEquals {
                    when,
                    equals,
                    then,
                    then_equals,
                })
            }
            RuleKindSpec::WhenAbsent { when, absent } => {
                let when = self.check_condition(o, when);
                let ok = self.check_rule_fields(o, absent);
                let (when, equals) = when?;
                ok.then(|| ir::RuleKind::AbsentWhenEquals {
                    when,
                    equals,
                    absent: values(absent),
                })
            }
        }?;
        Some(ir::Rule {
            kind,
            description: r.description.as_ref().map(|d| d.value.clone()),
        })
    }

    /// A rule's list of fields (`mutually_exclusive`, `absent`) names each field once, and
    /// each is a field of the object.
    fn check_rule_fields(&mut self, o: &ObjectSpec, names: &[Spanned<String>]) -> bool {
        let mut ok = true;
        for (i, name) in names.iter().enumerate() {
            if names[..i].iter().any(|n| n.value == name.value) {
                ok = false;
                self.error(
                    Diagnostic::error(
                        format!("rule names field `{}` twice", name.value),
                        name.span,
                    )
                    .label("repeated")
                    .help("remove the repetition"),
                );
            } else if !self.check_rule_field(o, name) {
                ok = false;
            }
        }
        ok
    }

    /// `mutually_exclusive`, `when_set` and `absent` name fields of the object the rule is on.
    fn check_rule_field(&mut self, o: &ObjectSpec, name: &Spanned<String>) -> bool {
        if o.fields.iter().any(|f| f.name.value == name.value) {
            return true;
        }
        let names = o.fields.iter().map(|f| f.name.value.as_str());
        let help = if name.value.contains('.') {
            "only `path:` may reach into nested objects; name a field of this object".to_owned()
        } else {
            match did_you_mean(&name.value, names) {
                Some(close) => format!("did you mean `{close}`?"),
                None => "name a field of this object".to_owned(),
            }
        };
        self.error(
            Diagnostic::error(
                format!("rule names unknown field `{}`", name.value),
                name.span,
            )
            .label("no such field")
            .help(help),
        );
        false
    }

    /// A `path:` walks fields through nested object types (every hop but the last must be an
    /// object), and its `equals:` literal must be a value the final field can hold: a boolean
    /// for a boolean, an integer in range for an integer, one of a closed enum's values.
    ///
    /// A field name may contain `.`, so a path could be read more than one way (field `a.b`, or
    /// field `b` of field `a`): a path that reads two ways is an error. A path must not name a
    /// secret field: its value is redacted, so a rule cannot compare it.
    fn check_condition(
        &mut self,
        o: &'s ObjectSpec,
        c: &ConditionSpec,
    ) -> Option<(ir::FieldPath, ir::Literal)> {
        let mut readings = self.path_readings(o, &c.path.value);
        let hops = match readings.len() {
            0 => {
                self.report_unreadable_path(o, c);
                return None;
            }
            1 => readings.pop()?,
            _ => {
                let shown: Vec<String> = readings
                    .iter()
                    .map(|r| {
                        r.iter()
                            .map(|f| format!("`{}`", f.name.value))
                            .collect::<Vec<_>>()
                            .join(" → ")
                    })
                    .collect();
                self.error(
                    Diagnostic::error(
                        format!("rule path `{}` is ambiguous", c.path.value),
                        c.path.span,
                    )
                    .label(format!("{}, or {}", shown[0], shown[1]))
                    .note(
                        "a `.` separates the fields of a path, and a field name here contains one",
                    )
                    .help("rename one of the fields, so that the path reads only one way"),
                );
                return None;
            }
        };
        let mut offset = 0;
        for (i, f) in hops.iter().enumerate() {
            let len = f.name.value.chars().count();
            if f.secret.as_ref().is_some_and(|s| s.value) {
                let verb = if i + 1 < hops.len() {
                    "goes through"
                } else {
                    "names"
                };
                self.error(
                    Diagnostic::error(
                        format!(
                            "rule path `{}` {verb} secret field `{}`",
                            c.path.value, f.name.value
                        ),
                        self.inner(&c.path, offset, len),
                    )
                    .label("secret")
                    .note("a secret value is redacted: a rule cannot compare it with a literal")
                    .help(format!(
                        "compare another field; `when_set: {}` (whether it is set) works on a secret",
                        f.name.value
                    )),
                );
                return None;
            }
            offset += len + 1;
        }
        let field = hops.last()?;
        let literal = self.check_literal_fits(field, &c.path.value, &c.equals)?;
        Some((
            ir::FieldPath(hops.iter().map(|f| f.name.value.clone()).collect()),
            literal,
        ))
    }

    /// The object type a field walks into, if its type is a named object.
    fn object_of(&self, f: &FieldSpec) -> Option<&'s ObjectSpec> {
        let ty = f.schema.ty.as_ref()?;
        match &self.types.get(ty.value.as_str())?.body {
            TypeBody::Object(inner) => Some(inner),
            _ => None,
        }
    }

    /// The ways (at most two are looked for) to read `path` as a chain of field names from `o`
    /// through nested objects. Iterative, and each (object, position) that led nowhere is
    /// remembered, so a long path over recursive types takes neither deep recursion nor
    /// exponential time.
    fn path_readings(&self, o: &'s ObjectSpec, path: &str) -> Vec<Vec<&'s FieldSpec>> {
        struct Frame<'s> {
            object: &'s ObjectSpec,
            at: usize,
            next: usize,
            found: bool,
            via: Option<&'s FieldSpec>,
        }
        let mut readings: Vec<Vec<&'s FieldSpec>> = Vec::new();
        let mut dead: HashSet<(*const ObjectSpec, usize)> = HashSet::new();
        let mut frames = vec![Frame {
            object: o,
            at: 0,
            next: 0,
            found: false,
            via: None,
        }];
        while readings.len() < 2 {
            let Some(top) = frames.last_mut() else { break };
            let Some(f) = top.object.fields.get(top.next) else {
                let done = frames.pop();
                if let Some(done) = done {
                    if !done.found {
                        dead.insert((std::ptr::from_ref(done.object), done.at));
                    }
                    if let Some(parent) = frames.last_mut() {
                        parent.found |= done.found;
                    }
                }
                continue;
            };
            top.next += 1;
            let rest = &path[top.at..];
            let name = f.name.value.as_str();
            if rest == name {
                top.found = true;
                let mut reading: Vec<&'s FieldSpec> =
                    frames.iter().filter_map(|fr| fr.via).collect();
                reading.push(f);
                readings.push(reading);
            } else if rest.len() > name.len()
                && rest.starts_with(name)
                && rest[name.len()..].starts_with('.')
                && let Some(inner) = self.object_of(f)
            {
                let at = top.at + name.len() + 1;
                if !dead.contains(&(std::ptr::from_ref(inner), at)) {
                    frames.push(Frame {
                        object: inner,
                        at,
                        next: 0,
                        found: false,
                        via: Some(f),
                    });
                }
            }
        }
        readings
    }

    /// Reports why a path reads no way at all, at the first hop (split at every `.`) that
    /// names no field or walks into something that is not an object.
    fn report_unreadable_path(&mut self, o: &'s ObjectSpec, c: &ConditionSpec) {
        let hops: Vec<&str> = c.path.value.split('.').collect();
        let mut object = o;
        let mut offset = 0;
        for (i, hop) in hops.iter().enumerate() {
            let hop_len = hop.chars().count();
            let span = self.inner(&c.path, offset, hop_len);
            let Some(f) = object.fields.iter().find(|f| f.name.value == *hop) else {
                let names = object.fields.iter().map(|f| f.name.value.as_str());
                self.error(
                    Diagnostic::error(
                        format!("rule path `{}` names unknown field `{hop}`", c.path.value),
                        span,
                    )
                    .label("no such field")
                    .maybe_help(did_you_mean(hop, names).map(|n| format!("did you mean `{n}`?"))),
                );
                return;
            };
            if i + 1 < hops.len() {
                match self.object_of(f) {
                    Some(inner) => object = inner,
                    None => {
                        let ty = f.schema.ty.as_ref().map_or("?", |t| t.value.as_str());
                        self.error(
                            Diagnostic::error(
                                format!(
                                    "rule path `{}` goes through `{hop}`, which is not an object",
                                    c.path.value
                                ),
                                span,
                            )
                            .label(format!("`{hop}` is `{ty}`"))
                            .help(
                                "only fields whose type is a named object type can be walked into",
                            ),
                        );
                        return;
                    }
                }
            }
            offset += hop_len + 1;
        }
    }

    fn check_literal_fits(
        &mut self,
        field: &FieldSpec,
        path: &str,
        equals: &Spanned<LiteralSpec>,
    ) -> Option<ir::Literal> {
        let ty = field.schema.ty.as_ref()?;
        let resolved = self.types_lookup(&ty.value)?;
        let literal = match &equals.value {
            LiteralSpec::Bool(b) => ir::Literal::Bool(*b),
            LiteralSpec::Int(i) => ir::Literal::Int(*i),
            LiteralSpec::Str(s) => ir::Literal::Str(s.clone()),
        };
        let mismatch = |expected: &str| Some(format!("`{path}` is {expected}"));
        let problem: Option<String> = match (&equals.value, resolved) {
            (LiteralSpec::Bool(_), Resolved::Primitive("boolean")) => None,
            (_, Resolved::Primitive("boolean")) => {
                mismatch("a boolean: compare with `true` or `false`")
            }
            (LiteralSpec::Int(i), Resolved::Primitive("integer")) => {
                let s = &field.schema;
                let low = s.minimum.as_ref().is_some_and(|m| i < m.get());
                let high = s.maximum.as_ref().is_some_and(|m| i > m.get());
                (low || high)
                    .then(|| format!("`{path}` is an integer outside its `minimum`/`maximum`"))
            }
            (_, Resolved::Primitive("integer")) => {
                mismatch("an integer: compare with an integer literal")
            }
            (LiteralSpec::Str(_), Resolved::Primitive("string")) => None,
            (_, Resolved::Primitive("string")) => mismatch("a string: quote the literal"),
            (LiteralSpec::Str(s), Resolved::Named(t)) => match &t.body {
                TypeBody::Enum(e) => {
                    let open = e.open.as_ref().is_some_and(|o| o.value);
                    let vals: Vec<&str> = e.values.iter().map(|v| v.value.value.as_str()).collect();
                    (!open && !vals.contains(&s.as_str())).then(|| {
                        format!(
                            "`{path}` is the closed enum `{}`: {}",
                            t.name.value,
                            suggest(s, &vals)
                        )
                    })
                }
                _ => mismatch(&format!(
                    "`{}`, which is not a string, integer, boolean or enum",
                    t.name.value
                )),
            },
            (_, Resolved::Named(t)) => match &t.body {
                TypeBody::Enum(_) => mismatch(&format!(
                    "the enum `{}`: compare with one of its values",
                    t.name.value
                )),
                _ => mismatch(&format!(
                    "`{}`, which is not a string, integer, boolean or enum",
                    t.name.value
                )),
            },
            (_, Resolved::Primitive(p)) => mismatch(&format!(
                "`{p}`: rules compare only strings, integers, booleans and enums"
            )),
        };
        match problem {
            None => Some(literal),
            Some(help) => {
                self.error(
                    Diagnostic::error(
                        format!("`{path}` can never equal {}", equals.value.describe()),
                        equals.span,
                    )
                    .label(format!("not a valid `{}`", ty.value))
                    .help(help),
                );
                None
            }
        }
    }
}

/// `` `A`, `B` and `C` `` (at most five names, then how many more) for the types of one
/// component of the type graph.
fn cycle_members(spec: &Spec, component: &[usize], c: usize) -> String {
    let names: Vec<&str> = spec
        .types
        .iter()
        .zip(component)
        .filter(|(_, k)| **k == c)
        .map(|(t, _)| t.name.value.as_str())
        .collect();
    let shown = one_of_list(&names[..names.len().min(5)]).replace(" or ", " and ");
    if names.len() > 5 {
        format!("{shown} and {} more", names.len() - 5)
    } else {
        shown
    }
}

/// Calls `found` with every type reference in `schema` that is not behind a named type: the
/// schema's own `type:`, and those of its array items and map values, recursively.
fn inline_type_refs<'s>(schema: &'s SchemaSpec, found: &mut dyn FnMut(&'s Spanned<String>)) {
    let Some(ty) = &schema.ty else { return };
    match ty.value.as_str() {
        "array" => {
            if let Some(items) = &schema.items {
                inline_type_refs(items.get(), found);
            }
        }
        "map" => {
            if let Some(values) = &schema.map.values {
                inline_type_refs(values.get(), found);
            }
        }
        _ => found(ty),
    }
}

/// How many levels of arrays and maps `schema` nests, counting a named map as the levels
/// `named` says it has (`None`: not a named map).
fn nesting(schema: &SchemaSpec, named: &dyn Fn(&Spanned<String>) -> Option<usize>) -> usize {
    let Some(ty) = &schema.ty else { return 0 };
    match ty.value.as_str() {
        "array" => schema
            .items
            .as_ref()
            .map_or(0, |items| 1 + nesting(items.get(), named)),
        "map" => schema
            .map
            .values
            .as_ref()
            .map_or(0, |values| 1 + nesting(values.get(), named)),
        _ => named(ty).unwrap_or(0),
    }
}

/// Which constraint keys fit a primitive type.
fn constraints_of(primitive: &str) -> &'static [&'static str] {
    match primitive {
        "string" => &["min_length", "max_length", "pattern", "format"],
        "integer" => &["minimum", "maximum"],
        "array" => &["items", "min_items", "max_items", "unique_items"],
        "map" => &[
            "keys",
            "values",
            "values_nullable",
            "min_properties",
            "max_properties",
        ],
        _ => &[],
    }
}

fn values(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|s| s.value.clone()).collect()
}

fn text(s: &Option<Spanned<String>>) -> Option<String> {
    s.as_ref().map(|s| s.value.clone())
}

fn is_snake_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_pascal_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_alphanumeric())
}

fn words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_ascii_alphanumeric() {
            out.push(String::new());
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            out.push(String::new());
        }
        match out.last_mut() {
            Some(w) => w.push(c),
            None => out.push(c.to_string()),
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    out.into_iter().filter(|w| !w.is_empty()).collect()
}

fn to_snake_case(s: &str) -> String {
    words(s)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

fn to_pascal_case(s: &str) -> String {
    words(s)
        .iter()
        .map(|w| {
            let lower = w.to_ascii_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
