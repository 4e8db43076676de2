// Literal mistakes say what is wrong and name the rule and its limit.
use spec_validate::Validate;

#[derive(Validate)]
#[validate(when(path = "a", equals = -"x", absent(b)))]
#[validate(when(path = "c", equals = 170141183460469231731687303715884105728, absent(b)))]
struct Request {
    #[validate(pattern = -"^a$")]
    a: String,
    #[validate(range(max = 170141183460469231731687303715884105728))]
    b: i128,
    #[validate(length(max = 4294967296))]
    c: String,
    #[validate(items(max = 99999999999999999999999999999999999999999))]
    e: Vec<String>,
    #[validate(range(min = -170141183460469231731687303715884105729))]
    d: i128,
}

fn main() {}
