// A rule on a type parameter is reported with the rule's name and what it
// applies to.
use spec_validate::Validate;

#[derive(Validate)]
struct Generic<T, L> {
    #[validate(length(max = 2))]
    name: T,
    #[validate(each(url))]
    links: L,
}

fn main() {}
