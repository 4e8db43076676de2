// A `range` bound the field's integer type cannot hold is a mistake, reported
// at the bound.
use spec_validate::Validate;

#[derive(Validate)]
struct Request {
    #[validate(range(min = 99999999999999999999999))]
    huge: u64,
    #[validate(range(min = -1, max = 10))]
    unsigned: Option<u64>,
    #[validate(range(max = 300))]
    byte: u8,
    #[validate(each(range(min = -129)))]
    bytes: Vec<i8>,
    #[validate(range(min = 0, max = 255))]
    fine: u8,
}

fn main() {}
