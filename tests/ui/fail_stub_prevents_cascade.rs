// One mistake gives one error: the stub impl keeps `validate()` and
// `required_scopes()` callable, so no second error follows.
use spec_validate::{Scopes, Validate};

#[derive(Validate)]
#[validate(scopes("update:clients"))]
struct Request {
    #[validate(length(max = "x"))]
    name: String,
}

fn main() {
    let r = Request {
        name: String::new(),
    };
    let _ = r.validate();
    let _ = r.required_scopes();
}
