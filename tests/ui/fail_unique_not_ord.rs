// `unique` sorts (O(n log n) on untrusted input), so it needs `Ord` items:
// floats and types without `Ord` are rejected at the `unique` word.
use spec_validate::Validate;

#[derive(PartialEq)]
struct Point {
    x: i32,
}

#[derive(Validate)]
struct Request {
    #[validate(items(unique))]
    scores: Vec<f64>,
    #[validate(items(max = 10, unique))]
    points: Option<Vec<Point>>,
}

fn main() {}
