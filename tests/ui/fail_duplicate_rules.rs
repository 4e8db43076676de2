use spec_validate::Validate;

#[derive(Validate)]
#[validate(properties(min = 1))]
#[validate(properties(max = 3))]
struct Request {
    #[validate(length(max = 140), length(min = 1))]
    name: String,
    #[validate(pattern = "^a$")]
    #[validate(pattern = "^b$")]
    code: String,
    #[validate(range(min = 1, min = 2))]
    expiry: u32,
    #[validate(url(https, https))]
    uri: String,
    #[validate(one_of("a", "a"))]
    kind: String,
}

fn main() {}
