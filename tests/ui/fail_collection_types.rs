// Sequence rules need a slice and map rules string keys: a collection the
// macro can see is reported at the rule by the macro; one behind an alias by
// the type checker, once, naming the rule.
use std::collections::{BTreeMap, BTreeSet, VecDeque};

use spec_validate::Validate;

type Queue = VecDeque<String>;
type Scores = BTreeMap<u32, u8>;

#[derive(Validate)]
struct Visible {
    #[validate(items(max = 2))]
    set: BTreeSet<String>,
    #[validate(items(max = 2), each(length(max = 1)))]
    queue: VecDeque<String>,
    #[validate(entries(max = 2))]
    scores: BTreeMap<u32, u8>,
}

#[derive(Validate)]
struct Hidden {
    #[validate(items(max = 2), each(length(max = 1)))]
    queue: Queue,
    #[validate(entries(max = 2), keys(length(max = 1)), values(range(max = 1)))]
    scores: Scores,
}

fn main() {}
