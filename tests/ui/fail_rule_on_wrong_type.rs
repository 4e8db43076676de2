use std::collections::BTreeMap;

use spec_validate::{Patch, Validate};

#[derive(Validate)]
struct Request {
    #[validate(length(max = 10))]
    count: Option<u32>,
    #[validate(range(min = 1))]
    name: Patch<String>,
    #[validate(items(max = 3))]
    text: String,
    #[validate(entries(max = 3))]
    list: Vec<String>,
    #[validate(nested)]
    flag: bool,
    #[validate(each(range(max = 3)))]
    names: Vec<String>,
    #[validate(values(length(max = 3)))]
    meta: BTreeMap<String, i64>,
    #[validate(length(max = 3))]
    tags: Vec<String>,
}

fn main() {}
