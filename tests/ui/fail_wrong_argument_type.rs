use spec_validate::Validate;

#[derive(Validate)]
struct Request {
    #[validate(length(max = "140"))]
    name: String,
    #[validate(range(min = true))]
    expiry: u32,
    #[validate(pattern = 5)]
    code: String,
    #[validate(one_of(a, b))]
    kind: String,
    #[validate(length(min = -1))]
    negative: String,
    #[validate(nested(deep))]
    inner: String,
    #[validate(range(min = 'a'))]
    character: u32,
    #[validate()]
    empty: String,
}

fn main() {}
