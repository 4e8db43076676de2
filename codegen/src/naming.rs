//! Rust identifiers for spec names, cleaned in one place.
//!
//! Every identifier the emitter writes comes from here, so the rules are stated once:
//!
//! - **Types** (`UpdateClientRequest`): `UpperCamelCase` (heck). `Self` becomes `SelfType`, a
//!   leading digit gets a `T` prefix.
//! - **Fields** (`client_id`): `snake_case` (heck). A Rust keyword becomes a raw identifier
//!   (`type` → `r#type`); the few keywords that cannot be raw (`self`, `super`, `crate`, `Self`)
//!   get a `_` suffix (`self_`); a leading digit gets a `_` prefix (`2fa` → `_2fa`). The wire
//!   name is kept by `#[serde(rename)]` whenever it differs from the identifier.
//! - **Enum variants**: the wire value is split at `/` and `:` (so URLs and URNs read by their
//!   last segment: `http://auth0.com/oauth/grant-type/password-realm` → `PasswordRealm`,
//!   `urn:ietf:params:oauth:grant-type:device_code` → `DeviceCode`), then `UpperCamelCase`d
//!   (`non-rotating` → `NonRotating`, `fapi1_adv_pkj_par` → `Fapi1AdvPkjPar`). The empty string
//!   is `Empty`; a leading digit gets a `V` prefix.
//!
//! **Collisions** are resolved deterministically, never by input order alone:
//! - variants: values whose names collide take one more trailing segment each, as long as they
//!   have one (`client_credentials` keeps `ClientCredentials`, while
//!   `urn:x:grant-type:client-credentials` becomes `GrantTypeClientCredentials`);
//! - everything else (and variants that still collide): the name that is already exactly its
//!   own identifier keeps it, then the others in declaration (for types: name) order get a
//!   numeric suffix (`Rs256`, `Rs256_2`; `Foo`, `Foo2`). A suffix is `_N` after a digit, so
//!   the result stays `UpperCamelCase` for rustc's lints, and `N` otherwise.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Strict and reserved keywords of Rust 2024: not usable as plain identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot even be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super", "_"];

/// Whether `word` is a Rust keyword (strict or reserved, edition 2024).
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Turns an identifier produced by this module (possibly `r#`-prefixed) into an [`Ident`].
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The identifier without a raw prefix, i.e. what serde would use as the wire name.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Whether `text` lexes as exactly one identifier (keywords included).
fn lexes_as_ident(text: &str) -> bool {
    let Ok(tokens) = text.parse::<proc_macro2::TokenStream>() else {
        return false;
    };
    let mut tokens = tokens.into_iter();
    matches!(
        (tokens.next(), tokens.next()),
        (Some(proc_macro2::TokenTree::Ident(ident)), None) if ident == text
    )
}

/// `name` with every character that cannot be part of a Rust identifier (Unicode
/// `XID_Continue`) dropped, and `prefix` put in front when what is left cannot start one (a
/// digit of any script: `٣` → `V٣` with prefix `V`). Empty stays empty.
fn identifier_chars(name: &str, prefix: &str) -> String {
    if name.is_empty() || lexes_as_ident(name) && !name.starts_with('_') {
        return name.to_owned();
    }
    let kept: String = name
        .chars()
        .filter(|c| lexes_as_ident(&format!("_{c}")))
        .collect();
    if kept.is_empty() || lexes_as_ident(&kept) && !kept.starts_with('_') {
        kept
    } else {
        format!("{prefix}{kept}")
    }
}

/// Cleans one type name (no collision handling; see [`type_names`]).
pub fn type_name(name: &str) -> String {
    let mut out = identifier_chars(&name.to_upper_camel_case(), "T");
    if out.is_empty() {
        out = "Type".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    if is_keyword(&out) {
        out.push_str("Type");
    }
    out
}

/// Identifiers for all type names of a spec, collision-free: `spec name → Rust name`.
pub fn type_names<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    // Sorted, so the result does not depend on the caller's order.
    let names: BTreeSet<&str> = names.into_iter().collect();
    let names: Vec<&str> = names.into_iter().collect();
    let candidates: Vec<String> = names.iter().map(|n| type_name(n)).collect();
    let resolved = disambiguate(&names, candidates, &BTreeSet::new(), camel_suffix);
    names.into_iter().map(str::to_owned).zip(resolved).collect()
}

/// Cleans one field name (no collision handling; see [`field_names`]).
pub fn field_name(wire: &str) -> String {
    let mut out = wire.to_snake_case();
    if !out.is_empty() && !lexes_as_ident(&out) {
        // Characters that cannot be in an identifier are dropped; one that cannot start it
        // (a digit of another script) gets the `_` prefix, like an ASCII digit.
        out = identifier_chars(&out, "_");
    }
    if out.is_empty() {
        out = "field".to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    if NOT_RAW.contains(&out.as_str()) {
        out.push('_');
    } else if is_keyword(&out) {
        out.insert_str(0, "r#");
    }
    out
}

/// Identifiers for the fields of one object, in the given order, collision-free among
/// themselves and with `reserved` (identifiers the emitter needs for itself).
pub fn field_names(wire_names: &[&str], reserved: &[&str]) -> Vec<String> {
    let candidates: Vec<String> = wire_names.iter().map(|n| field_name(n)).collect();
    let reserved: BTreeSet<String> = reserved.iter().map(|s| (*s).to_owned()).collect();
    disambiguate(wire_names, candidates, &reserved, snake_suffix)
}

/// Picks an identifier for a helper field (such as the map of unknown fields) that does not
/// collide with the given field identifiers: `preferred`, else `preferred_2`, ...
pub fn helper_name(preferred: &str, taken: &[String]) -> String {
    let taken: BTreeSet<&str> = taken.iter().map(|s| unraw(s)).collect();
    (1..)
        .map(|n| snake_suffix(preferred, n))
        .find(|c| !taken.contains(c.as_str()))
        .expect("an unbounded range yields a free name")
}

/// Splits an enum value into readable segments: at `/` and `:`, dropping empty ones.
fn segments(value: &str) -> Vec<&str> {
    value
        .split(['/', ':'])
        .filter(|s| s.chars().any(char::is_alphanumeric))
        .collect()
}

/// The variant name built from the last `k` segments of a value.
fn variant_candidate(value: &str, segs: &[&str], k: usize) -> String {
    let joined = segs[segs.len() - k..].join(" ");
    let mut out = identifier_chars(&joined.to_upper_camel_case(), "V");
    if out.is_empty() {
        out = if value.is_empty() { "Empty" } else { "Value" }.to_owned();
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    if is_keyword(&out) {
        out.push_str("Value");
    }
    out
}

/// Variant identifiers for the values of one enum, in the given order, collision-free among
/// themselves and with `reserved` (e.g. `Unknown` in an open enum). See the module docs.
pub fn variant_names(values: &[&str], reserved: &[&str]) -> Vec<String> {
    let segs: Vec<Vec<&str>> = values.iter().map(|v| segments(v)).collect();
    // How many trailing segments each value uses; at least one when it has any.
    let mut used: Vec<usize> = segs.iter().map(|s| s.len().min(1)).collect();
    let reserved_set: BTreeSet<String> = reserved.iter().map(|s| (*s).to_owned()).collect();
    loop {
        let names: Vec<String> = (0..values.len())
            .map(|i| variant_candidate(values[i], &segs[i], used[i]))
            .collect();
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, name) in names.iter().enumerate() {
            groups.entry(name).or_default().push(i);
        }
        let mut grew = false;
        for (name, members) in &groups {
            if members.len() < 2 && !reserved_set.contains(*name) {
                continue;
            }
            for &i in members {
                if used[i] < segs[i].len() {
                    used[i] += 1;
                    grew = true;
                }
            }
        }
        if !grew {
            let reserved_clash: Vec<String> = names
                .into_iter()
                .map(|n| {
                    if reserved_set.contains(&n) {
                        format!("{n}Value")
                    } else {
                        n
                    }
                })
                .collect();
            return disambiguate(values, reserved_clash, &reserved_set, camel_suffix);
        }
    }
}

/// `Foo` + 2 → `Foo2`; `Rs256` + 2 → `Rs256_2` (a bare digit would read as part of the name).
fn camel_suffix(base: &str, n: usize) -> String {
    match n {
        1 => base.to_owned(),
        _ if base.ends_with(|c: char| c.is_ascii_digit()) => format!("{base}_{n}"),
        _ => format!("{base}{n}"),
    }
}

/// `foo` + 2 → `foo_2`.
fn snake_suffix(base: &str, n: usize) -> String {
    match n {
        1 => base.to_owned(),
        _ => format!("{base}_{n}"),
    }
}

/// Makes `candidates` unique (and distinct from `reserved`). A candidate equal to its own
/// source name is served first; the rest keep their order. Colliding ones get suffixes.
fn disambiguate(
    sources: &[&str],
    candidates: Vec<String>,
    reserved: &BTreeSet<String>,
    suffix: fn(&str, usize) -> String,
) -> Vec<String> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    // Stable sort: exact matches first, otherwise the given order.
    order.sort_by_key(|&i| unraw(&candidates[i]) != sources[i]);
    let mut taken: BTreeSet<String> = reserved.iter().map(|s| unraw(s).to_owned()).collect();
    let mut out = vec![String::new(); candidates.len()];
    for i in order {
        let base = &candidates[i];
        let chosen = (1..)
            .map(|n| suffix(base, n))
            .find(|c| !taken.contains(unraw(c)))
            .expect("an unbounded range yields a free name");
        taken.insert(unraw(&chosen).to_owned());
        out[i] = chosen;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keywords_digits_hyphens() {
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("match"), "r#match");
        assert_eq!(field_name("gen"), "r#gen");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("Self"), "self_");
        assert_eq!(field_name("crate"), "crate_");
        assert_eq!(field_name("2fa_enabled"), "_2fa_enabled");
        assert_eq!(field_name("x-request-id"), "x_request_id");
        assert_eq!(field_name("clientID"), "client_id");
        assert_eq!(field_name("is_first_party"), "is_first_party");
        assert_eq!(field_name(""), "field");
        assert_eq!(field_name("$"), "field");
    }

    #[test]
    fn field_collisions_prefer_exact_names() {
        let names = field_names(&["foo-bar", "foo_bar", "fooBar"], &[]);
        assert_eq!(names, ["foo_bar_2", "foo_bar", "foo_bar_3"]);
        let names = field_names(&["extra", "type"], &["extra"]);
        assert_eq!(names, ["extra_2", "r#type"]);
        assert_eq!(
            helper_name("extra", &["extra".into(), "extra_2".into()]),
            "extra_3"
        );
        assert_eq!(helper_name("extra", &["r#type".into()]), "extra");
    }

    #[test]
    fn types() {
        assert_eq!(type_name("UpdateClientRequest"), "UpdateClientRequest");
        assert_eq!(type_name("Self"), "SelfType");
        assert_eq!(type_name("3DSecure"), "T3dSecure");
        let names = type_names(["ClientJWT", "ClientJwt", "Other"]);
        assert_eq!(names["ClientJwt"], "ClientJwt");
        assert_eq!(names["ClientJWT"], "ClientJwt2");
        assert_eq!(names["Other"], "Other");
        // Order of the input does not matter.
        assert_eq!(names, type_names(["Other", "ClientJwt", "ClientJWT"]));
    }

    #[test]
    fn variants_read_by_last_segment() {
        let values = [
            "authorization_code",
            "password",
            "http://auth0.com/oauth/grant-type/password-realm",
            "http://auth0.com/oauth/grant-type/mfa-oob",
            "urn:openid:params:grant-type:ciba",
            "urn:ietf:params:oauth:grant-type:device_code",
            "urn:auth0:params:oauth:grant-type:token-exchange:federated-connection-access-token",
        ];
        assert_eq!(
            variant_names(&values, &[]),
            [
                "AuthorizationCode",
                "Password",
                "PasswordRealm",
                "MfaOob",
                "Ciba",
                "DeviceCode",
                "FederatedConnectionAccessToken",
            ]
        );
        assert_eq!(
            variant_names(&["non-rotating", "fapi1_adv_pkj_par", "RS256", "none"], &[]),
            ["NonRotating", "Fapi1AdvPkjPar", "Rs256", "None"]
        );
    }

    #[test]
    fn variant_collisions() {
        // A plain value keeps its name; the URN grows by one segment.
        assert_eq!(
            variant_names(
                &["client_credentials", "urn:x:grant-type:client-credentials"],
                &[]
            ),
            ["ClientCredentials", "GrantTypeClientCredentials"]
        );
        // Two URLs with the same last segment both grow.
        assert_eq!(
            variant_names(&["http://a/x/foo", "http://a/y/foo"], &[]),
            ["XFoo", "YFoo"]
        );
        // Case-only differences cannot grow: numeric suffix, exact match first.
        assert_eq!(
            variant_names(&["RS256", "rs256"], &[]),
            ["Rs256", "Rs256_2"]
        );
        assert_eq!(
            variant_names(&["foo", "FOO", "Foo"], &[]),
            ["Foo2", "Foo3", "Foo"]
        );
        // Reserved names (the catch-all of open enums).
        assert_eq!(
            variant_names(&["unknown", "other"], &["Unknown"]),
            ["UnknownValue", "Other"]
        );
        // Odd values.
        assert_eq!(
            variant_names(&["", "*", "1x", "self", "2"], &[]),
            ["Empty", "Value", "V1x", "SelfValue", "V2"]
        );
    }

    #[test]
    fn non_ascii_names_become_valid_identifiers() {
        // A digit of another script cannot start an identifier; a character that cannot be in
        // one is dropped.
        assert_eq!(field_name("٣x"), "_٣x");
        assert_eq!(field_name("a\u{ad}b"), "a_b");
        assert_eq!(field_name("日本"), "日本");
        assert_eq!(type_name("٣D"), "T٣d");
        assert_eq!(
            variant_names(&["٣", "ⅷ", "·", "日本", "a\u{200d}b"], &[]),
            ["V٣", "Ⅷ", "Value", "日本", "AB"]
        );
        for name in ["٣x", "a\u{ad}b", "\u{200d}", "·x", "x·y", "٣", "_٣"] {
            let _ = ident(&field_name(name));
            let _ = ident(&type_name(name));
            for variant in variant_names(&[name], &[]) {
                let _ = ident(&variant);
            }
        }
    }

    #[test]
    fn idents() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("name").to_string(), "name");
        assert_eq!(unraw("r#type"), "type");
    }
}
