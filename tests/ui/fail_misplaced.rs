use std::collections::BTreeMap;

use spec_validate::Validate;

#[derive(Validate)]
#[validate(length(max = 1))]
struct Request {
    #[validate(mutually_exclusive(a, b))]
    a: Option<String>,
    #[validate(keys(range(max = 3)), values(scopes("x")))]
    b: BTreeMap<String, String>,
    #[validate]
    c: String,
    #[validate = "x"]
    d: String,
}

#[derive(Validate)]
#[validate(properties(min = 1))]
enum Either {
    A(#[validate(length(max = 1))] String),
}

fn main() {}
