// A path through a nested struct: the macro sees only the first hop; the
// compiler reports a missing inner field at the path literal.
use spec_validate::Validate;

#[derive(Validate)]
#[validate(when_set(a, then(path = "jwt.algorithm", equals = "RS256")))]
struct Request {
    a: Option<String>,
    jwt: Option<Jwt>,
}

#[derive(Validate)]
struct Jwt {
    alg: Option<String>,
}

fn main() {}
