use spec_validate::Validate;

#[derive(Validate)]
#[validate(properties(min = 3, max = 2))]
struct Request {
    #[validate(length(min = 141, max = 140))]
    name: String,
    #[validate(range(min = 600, max = 10))]
    expiry: u32,
    #[validate(items(min = 2, max = 1))]
    list: Vec<String>,
    #[validate(length())]
    empty: String,
}

fn main() {}
