//! Validation runtime and `#[derive(Validate)]` for spec-generated and
//! hand-written types.
//!
//! This is the one dependency a crate adds to validate its types: it provides
//! the [`Validate`] trait and its derive, the [`Report`] of violations, the
//! tri-state [`Patch`] field type for PATCH bodies, the [`Secret`] wrapper, and
//! [`Scopes`] for OAuth scopes. The types generated from an endpoint spec use
//! exactly the attributes documented here, and read their JSON with the stricter
//! serde helpers of [`serde_support`] (objects only from JSON objects, no `null`
//! on a field that is not nullable).
//!
//! ```
//! use spec_validate::{Patch, Validate};
//!
//! #[derive(Validate)]
//! #[validate(properties(min = 1))]
//! struct UpdateClient {
//!     #[validate(length(min = 1, max = 140), pattern = "^[^<>]+$")]
//!     name: Option<String>,
//!     #[validate(range(min = 10, max = 600))]
//!     par_request_expiry: Patch<u16>,
//! }
//!
//! let ok = UpdateClient { name: Some("My app".into()), par_request_expiry: Patch::Null };
//! assert!(ok.validate().is_ok());
//!
//! let bad = UpdateClient { name: Some("<b>".into()), par_request_expiry: Patch::Value(5) };
//! let report = bad.validate().unwrap_err();
//! assert_eq!(
//!     report.to_string(),
//!     "name: must match the pattern `^[^<>]+$`\n\
//!      par_request_expiry: must be between 10 and 600 (got 5)"
//! );
//! assert_eq!(report.violations()[1].code.as_str(), "range");
//! ```
//!
//! # The report
//!
//! [`Validate::validate`] checks every rule and returns **all** violations in
//! declaration order: `properties` first, then the fields in order, then the
//! other struct-level rules in order. Within one field the cheap checks come
//! first, whatever the order they are written in: `length`, `one_of`,
//! `range`, `ip`, `url`, `pattern`, then `items` (count, then `unique`),
//! `each`, `entries`, `keys`, `values` and `nested`. Each [`Violation`]
//! has a JSON `path` (`jwt_configuration.alg`, `client_metadata.foo`,
//! `grant_types[2]`, `""` for the object itself), a stable [`Code`], a
//! message and its parameters. `Display` prints one `path: message` per line;
//! `Serialize` writes `{"violations": [{"path", "code", "message", "params"}]}`.
//! Messages never quote the offending value, so secrets cannot leak through a
//! report. Paths, and the field names in struct-level messages, use the names
//! fields are *written* with: serde's `rename`, `rename_all` and (on enums)
//! `rename_all_fields`, applied exactly as serde applies them (casing is
//! ASCII-only, and `lowercase`/`snake_case` leave a field name as it is);
//! with `rename(serialize = "..", deserialize = "..")` the serialize name. A
//! `#[serde(flatten)]` field's members are members of the enclosing object,
//! so its entries (or its nested fields) are reported at `key`, not
//! `field.key`. Map entries are visited in the map's order: use
//! `BTreeMap` for a deterministic report. A map key that is not a plain word
//! is written as a JSON string, `client_metadata["a b"]`, with control,
//! bidirectional and other invisible characters escaped (`["\u202ex"]`), so an
//! untrusted key cannot disguise a report.
//!
//! Validating a valid value allocates nothing: paths live on the stack and are
//! turned into strings only when a violation is recorded. The first validation
//! that uses a regex `pattern` (one that is not scanned, see below) allocates
//! while compiling the regex, once per process, and while setting up the
//! `regex` crate's match cache, once per thread; after that a valid value
//! allocates nothing. The other exception is
//! `items(unique)` on a list of more than 1024 items, which sorts a heap array
//! of the list's `n` indices (one allocation of `n` `usize`s, freed before
//! `validate` returns); up to 1024 items it sorts indices in a stack buffer.
//! Give the list an `items(max = ..)` of at most 1024 to rule that out (a list
//! over its `max` is reported without the `unique` check).
//!
//! # Field rules
//!
//! Rules on an `Option<T>` or [`Patch<T>`] field apply to a present value;
//! absent and `null` pass (use struct-level rules to require or forbid them).
//! Wrappers nest: a field is looked at through every `Option`, `Patch`, `Box`
//! and `&` layer its type shows (`Box<Option<String>>`,
//! `Option<Patch<u32>>`, `Option<Option<T>>`, ...), and is
//!
//! - **absent** if the outermost `Option` is `None` (looking through `Box`
//!   and `&`), or any `Patch` layer is `Patch::Absent`;
//! - **null** if a `Patch` layer is `Patch::Null`, or an inner `Option` is
//!   `None` under an outer `Some`/`Patch::Value` (serde_with's double option
//!   for PATCH bodies: `Option<Option<T>>` is `None` when absent, `Some(None)`
//!   when `null`);
//! - **set** to the innermost value otherwise;
//!
//! the first layer that is not a value decides. A wrapper hidden behind a
//! type alias or a type parameter is looked through only when it is the
//! outermost layer (and in later hops of a struct-level `path`, where the
//! macro cannot see the types, one layer is looked through).
//!
//! On a type that uses serde (any `#[serde(...)]` on it, its variants or its
//! fields), a `Patch<T>` field without a serde default (its own `default`, or
//! the struct's `#[serde(default)]`) or without `skip_serializing_if` is a
//! compile error: an omitted field would read as `null` and unset the value, or
//! absent would be written as `null`. Write
//! `#[serde(default, skip_serializing_if = "Patch::is_absent")]`. (A type with
//! `#[derive(Deserialize)]` but no `#[serde]` attribute at all cannot be told
//! apart from one without serde, so it is not checked.)
//! `Box<T>` is transparent, and so is [`Secret<T>`] for string rules. The
//! table lists the rules in the order they are checked.
//!
//! | rule | applies to | code | checks |
//! |---|---|---|---|
//! | `length(min = 1, max = 140)` | strings | `length` | length in Unicode scalar values |
//! | `one_of("a", "b")` | strings | `one_of` | the value is one of the strings |
//! | `range(min = 10, max = 600)` | integers | `range` | inclusive bounds (negative allowed; a bound outside the field's integer type is a compile error) |
//! | `ip`, `ip(cidr)` | strings | `ip` | an IPv4/IPv6 address; with `cidr` also `addr/prefix` |
//! | `url`, `url(https, placeholders, empty)` | strings | `url` | an absolute URL (see below) |
//! | `pattern = "^[^<>]+$"` | strings | `pattern` | the regex matches (see below) |
//! | `items(min = 1, max = 10, unique)` | `Vec<T>`, slices | `items`, `unique` | item count; no item equals an earlier one (reported at `f[i]`); `unique` needs `Ord` items (see below) |
//! | `each(<rules>)` | `Vec<T>` | (inner) | rules on every item, at `f[i]` |
//! | `entries(min = 0, max = 10)` | `BTreeMap<String, V>` | `entries` | entry count |
//! | `keys(<string rules>)` | `BTreeMap<String, V>` | (inner) | `length`/`pattern`/`one_of`/`url`/`ip` on every key, at `f.key`, message prefixed `key` |
//! | `values(<rules>)` | `BTreeMap<String, V>` | (inner) | rules on every value (`V` may be `Option`/`Patch`), at `f.key` |
//! | `nested` | types implementing [`Validate`] | (inner) | the value's own rules, under this field's path; works through `Option`, `Patch`, `Box`, `Vec` and string-keyed maps |
//! | `scopes("update:client_keys")` | any field | | setting this field needs these OAuth scopes (see [`Scopes`]) |
//!
//! ```
//! use std::collections::BTreeMap;
//! use spec_validate::{Patch, Secret, Validate};
//!
//! #[derive(Validate)]
//! struct Inner {
//!     #[validate(one_of("RS256", "HS256"))]
//!     alg: Option<String>,
//! }
//!
//! #[derive(Validate)]
//! struct Client {
//!     #[validate(length(max = 140))]
//!     description: Option<String>,
//!     #[validate(length(min = 32), scopes("update:client_keys"))]
//!     client_secret: Option<Secret<String>>,
//!     #[validate(url(https, empty))]
//!     logo_uri: Option<String>,
//!     #[validate(items(max = 10, unique), each(url(placeholders)))]
//!     callbacks: Option<Vec<String>>,
//!     #[validate(ip(cidr))]
//!     allowed_range: Option<String>,
//!     #[validate(entries(max = 10), keys(length(max = 255), pattern = "^[A-Za-z0-9_-]*$"), values(length(max = 255)))]
//!     client_metadata: Option<BTreeMap<String, Option<String>>>,
//!     #[validate(nested)]
//!     jwt_configuration: Patch<Inner>,
//! }
//!
//! let c = Client {
//!     description: None,
//!     client_secret: None,
//!     logo_uri: Some(String::new()),
//!     callbacks: Some(vec!["https://{tenant}.example.com/cb".into(), "nope".into()]),
//!     allowed_range: Some("10.0.0.0/8".into()),
//!     client_metadata: Some([("foo".to_string(), Some("x".repeat(256)))].into()),
//!     jwt_configuration: Patch::Value(Inner { alg: Some("none".into()) }),
//! };
//! let paths: Vec<_> = c.validate().unwrap_err().iter().map(|v| v.path.clone()).collect();
//! assert_eq!(paths, ["callbacks[1]", "client_metadata.foo", "jwt_configuration.alg"]);
//! ```
//!
//! ## `unique`
//!
//! `unique` sorts, so it runs in O(n log n) on untrusted input and needs item
//! types that are `Ord` (strings, integers, [`Secret<T>`], `Option`/[`Patch`] of
//! them, your own types with `#[derive(PartialEq, Eq, PartialOrd, Ord)]`); an
//! item type that is not `Ord`, such as `f64`, is a compile error at `unique`.
//! Up to 16 items are compared pairwise; up to 1024 items, indices are sorted
//! in a stack buffer (no allocation); a longer list sorts a heap array of its
//! indices, the only allocation validation makes on a valid value.
//!
//! ## Patterns
//!
//! Patterns are written in ECMA-262 syntax (as in JSON Schema) and checked when
//! the macro expands: a pattern that does not compile, or that would mean
//! something different under Rust's `regex` crate, is a compile error on the
//! literal. Rejected: `\d`, `\w`, `\s`, `\b` (Unicode-aware in Rust, not in
//! ECMA-262), `.` (line terminators differ), inline flags such as `(?i)`,
//! POSIX classes, nested classes and class set operations, `\x{..}`/`\u{..}`,
//! `{,n}`, `(?P<name>..)`, and a `]` first in a class; backreferences and
//! look-around are unsupported by design (they need backtracking). `^` and `$`
//! mean start and end of input in both dialects and are accepted.
//!
//! A pattern of the form `^[class]$`, `^[class]+$`, `^[class]*$` or
//! `^[class]{m,n}$` becomes a direct scan over the characters (no regex at run
//! time). Any other pattern is compiled once, on first use (which allocates;
//! see [the report](#the-report)), by the `regex`
//! crate, which matches in linear time: untrusted input cannot cause
//! super-linear matching. Lengths and repetition counts are counted in Unicode
//! scalar values (ECMA-262 without the `u` flag counts UTF-16 units; the two
//! differ only for characters outside the Basic Multilingual Plane).
//!
//! ```
//! # use spec_validate::Validate;
//! #[derive(Validate)]
//! struct Tenant {
//!     #[validate(pattern = "^[a-z0-9-]{3,24}$")] // scanned
//!     slug: String,
//!     #[validate(pattern = "^(dev|prod)-[0-9]+$")] // compiled once
//!     environment: String,
//! }
//! assert!(Tenant { slug: "acme".into(), environment: "prod-1".into() }.validate().is_ok());
//! ```
//!
//! ## URLs
//!
//! `url` accepts an absolute URL: a scheme, then for `http`/`https` an
//! authority with a non-empty host (`https://example.com/callback`,
//! `http://localhost:3000`); custom schemes such as `myapp://callback` and
//! `urn:...` are accepted. No whitespace, control characters or `<>"\^`|`;
//! `%` must start a hex escape; ports are at most 65535. Flags:
//! `https` (the scheme must be `https`), `placeholders` (`{name}` may stand for
//! any part, `*` for a whole host label: `https://*.example.com/{tenant}`),
//! `empty` (the empty string is accepted). The same check is public as
//! [`url_ok`], and the IP check as [`ip_ok`].
//!
//! ```
//! # use spec_validate::Validate;
//! #[derive(Validate)]
//! struct Links {
//!     #[validate(url(https, placeholders, empty))]
//!     initiate_login_uri: String,
//! }
//! assert!(Links { initiate_login_uri: "".into() }.validate().is_ok());
//! assert!(Links { initiate_login_uri: "https://*.example.com/{tenant}".into() }.validate().is_ok());
//! assert!(Links { initiate_login_uri: "http://example.com".into() }.validate().is_err());
//! ```
//!
//! # Struct-level rules
//!
//! Written in `#[validate(...)]` on the struct. "Set" means present and not
//! `null` (through every wrapper layer, as above). Fields are named by their
//! Rust name (raw or not: `r#type` and `type` both work, in lists and in
//! `path = ".."`) or their serde name; messages and parameters name them as
//! they are written (``type: cannot be set together with `accountName` ``).
//! The later hops of a nested path (`jwt_configuration.alg`) are written as
//! the nested type's Rust field names, and reported by their wire names: each
//! type a path goes through must `#[derive(Validate)]` (whose expansion knows
//! that type's serde names; anything else is a compile error at the path,
//! never a report with a guessed name), looked through `Box`, `&`, `Rc`,
//! `Arc` and `Cow`. A `#[serde(flatten)]` field cannot be named, at any hop
//! (it has no value of its own on the wire). A `path` names a field, or a field of a nested struct
//! (`jwt_configuration.alg`) through `Option`/`Patch`/`Box`; a path that is
//! absent in the value is not judged. Comparisons use [`WireValue`], which
//! strings, booleans, integers and generated enums implement. Violations are
//! reported at the field they are about, never at the struct root.
//!
//! Clippy's `duplicated_attributes` lint mistakes two rules that share an
//! argument (`equals = true`, a field name) for a repeated attribute
//! (rust-clippy#13238); such a struct needs
//! `#[allow(clippy::duplicated_attributes, reason = "distinct rules")]`, which
//! the generated code carries.
//!
//! | rule | code | reported at |
//! |---|---|---|
//! | `properties(min = 1, max = 10)` | `properties` | the root (`""`); counts fields that are not absent, plus entries of a `#[serde(flatten)]` map (a flattened struct cannot be counted: compile error at the rule) |
//! | `mutually_exclusive(a, b)` | `mutually_exclusive` | each set field after the first set one |
//! | `when_set(a, then(path = "x.y", equals = "RS256"))` | `equals` | `x.y`, if it is null or another value |
//! | `when(path = "a", equals = false, absent(x, y))` | `absent` | each of `x`, `y` that is set |
//! | `when(path = "a", equals = "v", then(path = "b", equals = true))` | `equals` | `b` |
//! | `scopes("update:clients")` | | default scopes for present fields without their own |
//! | `crate = "path::to::spec_validate"` | | where the derive finds this crate (default `::spec_validate`) |
//!
//! ```
//! use spec_validate::{Patch, Validate};
//!
//! #[derive(Validate, Default)]
//! struct Jwt {
//!     alg: Option<String>,
//! }
//!
//! #[derive(Validate, Default)]
//! #[validate(mutually_exclusive(client_authentication_methods, token_endpoint_auth_method))]
//! #[validate(when_set(client_authentication_methods, then(path = "jwt_configuration.alg", equals = "RS256")))]
//! #[validate(when(path = "is_first_party", equals = false, absent(organization_usage)))]
//! #[validate(when(path = "organization_require_behavior", equals = "post_login_prompt", then(path = "oidc_conformant", equals = true)))]
//! struct Request {
//!     client_authentication_methods: Patch<String>,
//!     token_endpoint_auth_method: Option<String>,
//!     jwt_configuration: Option<Jwt>,
//!     is_first_party: Option<bool>,
//!     organization_usage: Patch<String>,
//!     organization_require_behavior: Option<String>,
//!     oidc_conformant: Option<bool>,
//! }
//!
//! let r = Request {
//!     client_authentication_methods: Patch::Value("private_key_jwt".into()),
//!     jwt_configuration: Some(Jwt { alg: Some("HS256".into()) }),
//!     is_first_party: Some(false),
//!     organization_usage: Patch::Value("deny".into()),
//!     ..Default::default()
//! };
//! assert_eq!(
//!     r.validate().unwrap_err().to_string(),
//!     "jwt_configuration.alg: must be `RS256` when `client_authentication_methods` is set\n\
//!      organization_usage: must be absent or null when `is_first_party` is false"
//! );
//! ```
//!
//! # Scopes
//!
//! When any `scopes(...)` attribute is present, the derive also implements
//! [`Scopes`]: `required_scopes()` lists the scopes of every field that is not
//! absent (its own, or the struct's default), sorted and deduplicated. (Do not
//! also `#[derive(Scopes)]`: there is no separate derive.)
//!
//! ```
//! use spec_validate::{Patch, Scopes, Secret, Validate};
//!
//! #[derive(Validate)]
//! #[validate(scopes("update:clients"))]
//! struct Request {
//!     name: Option<String>,
//!     #[validate(scopes("update:client_keys"))]
//!     client_secret: Option<Secret<String>>,
//!     description: Patch<String>,
//! }
//!
//! let r = Request { name: None, client_secret: Some(Secret::new("s".into())), description: Patch::Null };
//! assert_eq!(r.required_scopes(), ["update:client_keys", "update:clients"]);
//! ```
//!
//! # Enums, newtypes, generics, crate path
//!
//! On an enum, rules go on the variants' fields; a one-field tuple variant (or
//! a newtype struct) is transparent: its violations carry the enclosing path,
//! as for an untagged union on the wire. Generic types work; add the bounds
//! your rules need (`T: Validate` for `nested`). When `spec_validate` is
//! re-exported under another path, say where:
//!
//! ```
//! mod deps { pub use spec_validate as sv; }
//!
//! #[derive(deps::sv::Validate)]
//! #[validate(crate = "deps::sv")]
//! enum Value {
//!     List(#[validate(items(max = 2))] Vec<String>),
//!     Single(#[validate(length(max = 5))] String),
//! }
//! use deps::sv::Validate as _;
//! assert!(Value::Single("toolong".into()).validate().is_err());
//! ```
//!
//! # Mistakes are compile errors
//!
//! The derive parses, then checks, then emits. Every mistake is reported at
//! once, at the attribute: an unknown rule (with a did-you-mean), a wrong
//! argument type, `min` greater than `max`, an invalid or non-portable
//! pattern, a rule on a type it cannot apply to (`length` on a `u32`), an
//! unknown field in a struct-level rule, a duplicate rule (also a struct-level
//! rule that repeats an earlier one, a field named twice in one rule, by its
//! Rust and its serde name alike, or a `when` whose consequence names its own
//! condition's field), a `-` before a string, a bound out of range (named with
//! its limit), map rules on a map whose keys are visibly not strings. A rule
//! whose type the macro cannot see (behind an alias or a type parameter) is
//! reported by the type checker, still at the rule and naming it. The
//! attributes may come from a `macro_rules!` caller (a macro that writes the
//! struct and passes `$(#[$m])*` through): the expansion's own names never
//! mix with the caller's. A stub impl is still
//! emitted, so one mistake gives one error.
//!
//! ```compile_fail
//! #[derive(spec_validate::Validate)]
//! struct Bad {
//!     #[validate(lenght(max = 1))] // error: unknown rule `lenght`; did you mean `length`?
//!     name: String,
//! }
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod checks;
mod patch;
mod report;
mod secret;
pub mod serde_support;
mod wire;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

use std::collections::{BTreeMap, HashMap};

pub use checks::{ip_ok, url_ok};
pub use patch::Patch;
pub use report::{Code, Param, Params, Path, Report, Violation};
pub use secret::Secret;
pub use wire::{Scopes, Wire, WireValue};

/// Derives [`Validate`] (and [`Scopes`] when any `scopes(...)` attribute is present).
pub use spec_validate_macros::Validate;

/// A value that can check itself against its rules.
///
/// Derive it with `#[derive(Validate)]`; implement it by hand by writing
/// [`validate_at`](Validate::validate_at), which records violations relative to
/// `path` into `report`.
pub trait Validate {
    /// Checks every rule and returns all violations, in declaration order.
    /// Allocates nothing when the value is valid, with one exception: a derived
    /// `items(unique)` on a list longer than 1024 items sorts a heap array of
    /// the list's indices (`n` `usize`s, freed before returning).
    fn validate(&self) -> Result<(), Report> {
        let mut report = Report::new();
        self.validate_at(&Path::root(), &mut report);
        report.into_result()
    }

    /// Records the violations of this value, located under `path`, into `report`.
    fn validate_at(&self, path: &Path<'_>, report: &mut Report);
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_at(path, report)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_at(path, report)
    }
}

/// `None` is valid; `Some(v)` is `v`'s rules.
impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        if let Some(v) = self {
            v.validate_at(path, report)
        }
    }
}

/// Absent and null are valid; a value is checked.
impl<T: Validate> Validate for Patch<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        if let Patch::Value(v) = self {
            v.validate_at(path, report)
        }
    }
}

/// Each element, at `path[i]`.
impl<T: Validate> Validate for [T] {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (i, v) in self.iter().enumerate() {
            v.validate_at(&path.index(i), report)
        }
    }
}

/// Each element, at `path[i]`.
impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        self.as_slice().validate_at(path, report)
    }
}

/// Each value, at `path.key`.
impl<V: Validate> Validate for BTreeMap<String, V> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (k, v) in self {
            v.validate_at(&path.key(k), report)
        }
    }
}

/// Each value, at `path.key` (in the map's iteration order).
impl<V: Validate, S> Validate for HashMap<String, V, S> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (k, v) in self {
            v.validate_at(&path.key(k), report)
        }
    }
}

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
