// Struct-level rules that repeat an earlier one, name one field twice (also
// by its Rust and serde names), or contradict their own condition are
// reported at the second one.
use spec_validate::Validate;

#[derive(Validate, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[validate(mutually_exclusive(account_name, kind))]
#[validate(mutually_exclusive(kind, account_name))]
#[validate(mutually_exclusive(account_name, accountName, kind))]
#[validate(when(path = "kind", equals = "a", absent(kind, other)))]
#[validate(when_set(other, absent(account_name), absent(accountName)))]
#[validate(when(path = "kind", equals = "a", then(path = "kind", equals = "b")))]
#[validate(when(path = "accountName", equals = "x", absent(other)))]
#[validate(when(path = "account_name", equals = "x", absent(other)))]
struct Request {
    account_name: Option<String>,
    kind: Option<String>,
    other: Option<String>,
}

fn main() {}
