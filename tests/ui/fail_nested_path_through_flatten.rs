// A later hop of a struct-level `path` cannot be a `#[serde(flatten)]` field
// (its members are members of the enclosing object), as the first cannot.
use std::collections::BTreeMap;

use spec_validate::Validate;

#[derive(Validate)]
#[validate(when_set(a, then(path = "jwt.extra.alg", equals = "RS256")))]
struct Request {
    a: Option<String>,
    jwt: Option<Jwt>,
}

#[derive(Validate, serde::Serialize)]
struct Jwt {
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Validate, serde::Serialize)]
struct Extra {
    alg: Option<String>,
    more: BTreeMap<String, String>,
}

fn main() {}
