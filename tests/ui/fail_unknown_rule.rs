use spec_validate::Validate;

#[derive(Validate)]
#[validate(mutualy_exclusive(a, b), propertes(min = 1))]
struct Request {
    #[validate(lenght(max = 140))]
    a: Option<String>,
    #[validate(nestd)]
    b: Option<String>,
    #[validate(length(mx = 3), url(http))]
    c: String,
    #[validate(frobnicate)]
    d: String,
}

fn main() {}
