// A field compared with a literal must have a JSON-level value (`WireValue`).
use spec_validate::Validate;

pub enum Alg {
    Rs256,
}

#[derive(Validate)]
#[validate(when_set(a, then(path = "alg", equals = "RS256")))]
struct Request {
    a: Option<bool>,
    alg: Option<Alg>,
}

fn main() {}
