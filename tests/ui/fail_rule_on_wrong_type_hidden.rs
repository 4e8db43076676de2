// The type is behind an alias, so the macro cannot see it: the type checker
// reports it, still at the rule.
use spec_validate::Validate;

type Count = u32;
type Label = String;

#[derive(Validate)]
struct Request {
    #[validate(length(max = 10))]
    count: Count,
    #[validate(range(max = 10))]
    label: Label,
}

fn main() {}
