use spec_validate::Validate;

#[derive(Validate)]
pub struct Page<T: Validate> {
    #[validate(nested)]
    pub items: Vec<T>,
    #[validate(range(max = 100))]
    pub per_page: u8,
}

#[derive(Validate)]
pub enum Value {
    List(#[validate(items(max = 2))] Vec<String>),
    Single(#[validate(length(max = 5))] String),
    Empty,
}

#[derive(Validate)]
pub struct Newtype(#[validate(length(min = 1))] pub String);

fn main() {
    let p = Page {
        items: vec![Value::Single("abc".into()), Value::Empty],
        per_page: 10,
    };
    assert!(p.validate().is_ok());
    assert!(Newtype(String::new()).validate().is_err());
}
