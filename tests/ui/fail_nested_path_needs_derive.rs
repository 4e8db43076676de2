// A struct-level `path` reports every hop by its wire (serde) name, which only
// `#[derive(Validate)]` on the nested type knows: a path through a type that
// does not derive it is an error at the path, not a report with a guessed name.
use spec_validate::Validate;

#[derive(Validate)]
#[validate(when_set(a, then(path = "jwt.alg", equals = "RS256")))]
struct Request {
    a: Option<String>,
    jwt: Option<Jwt>,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Jwt {
    alg: Option<String>,
}

fn main() {}
