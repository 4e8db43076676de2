// `properties(...)` counts a flattened field by its entries: a flattened
// struct cannot be counted (reported at the rule). A flattened field has no
// value of its own for a struct-level rule to test.
use std::collections::BTreeMap;

use spec_validate::Validate;

#[derive(Validate, serde::Serialize)]
struct Inner {
    a: Option<String>,
}

#[derive(Validate, serde::Serialize)]
#[validate(properties(max = 3))]
struct Counted {
    b: Option<String>,
    #[serde(flatten)]
    inner: Inner,
}

#[derive(Validate, serde::Serialize)]
#[validate(mutually_exclusive(extra, b))]
struct Named {
    b: Option<String>,
    #[serde(flatten)]
    extra: BTreeMap<String, String>,
}

fn main() {}
