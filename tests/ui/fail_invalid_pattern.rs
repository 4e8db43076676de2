use spec_validate::Validate;

#[derive(Validate)]
struct Request {
    #[validate(pattern = "^[a-z")]
    unclosed: String,
    #[validate(pattern = "^\\d+$")]
    digits: String,
    #[validate(pattern = "^(?=a)a$")]
    lookahead: String,
    #[validate(pattern = "^(a)\\1$")]
    backreference: String,
    #[validate(pattern = "^.+$")]
    dot: String,
    #[validate(pattern = "(?i)^abc$")]
    flags: String,
    #[validate(pattern = "^[[:alpha:]]+$")]
    posix: String,
}

fn main() {}
