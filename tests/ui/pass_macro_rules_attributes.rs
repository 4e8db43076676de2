// A `macro_rules!` macro that writes the struct and `#[derive(Validate)]`
// while its CALLER passes the `#[validate(...)]` attributes in: the rule
// tokens then carry the caller's hygiene and the derive's own tokens the
// macro's. Every local the expansion declares must still be found.
use std::collections::BTreeMap;

use spec_validate::{Patch, Validate};

macro_rules! validated {
    ($(#[$sm:meta])* $n:ident { $($(#[$m:meta])* $f:ident: $t:ty),* $(,)? }) => {
        #[derive(Validate, Default)]
        $(#[$sm])*
        pub struct $n { $($(#[$m])* pub $f: $t),* }
    };
}

validated! {
    Inner {
        #[validate(length(max = 2))]
        v: Option<String>,
    }
}

validated! {
    #[validate(properties(min = 1))]
    #[validate(mutually_exclusive(name, alias))]
    #[validate(when_set(name, then(path = "kind", equals = "user")))]
    #[validate(when_set(alias, then(path = "inner.v", equals = "x")))]
    #[validate(when(path = "kind", equals = "bot", absent(alias)))]
    #[validate(when(path = "kind", equals = "user", then(path = "count", equals = 3)))]
    Request {
        #[validate(length(min = 1, max = 8), one_of("ann", "bob", "<x>"), pattern = "^[a-z]+$")]
        name: Option<String>,
        #[validate(pattern = "^(a|b)+$", url(empty), ip(cidr))]
        alias: Patch<String>,
        kind: Option<String>,
        #[validate(range(min = 1, max = 5))]
        count: Option<u8>,
        #[validate(pattern = "^[a-z]{2}[0-9]{1,3}$")]
        code: Option<String>,
        #[validate(items(max = 2, unique), each(length(max = 3), pattern = "^[a-z]*$"))]
        tags: Vec<String>,
        #[validate(entries(max = 1), keys(length(max = 3)), values(range(max = 9)))]
        scores: BTreeMap<String, u8>,
        #[validate(each(each(length(max = 1))))]
        grid: Vec<Vec<String>>,
        #[validate(nested)]
        inner: Option<Inner>,
    }
}

fn main() {
    let ok = Request {
        name: Some("ann".into()),
        kind: Some("user".into()),
        count: Some(3),
        code: Some("ab12".into()),
        tags: vec!["a".into(), "b".into()],
        scores: [("x".to_string(), 1)].into(),
        ..Default::default()
    };
    assert!(ok.validate().is_ok());

    let bad = Request {
        name: Some("<x>".into()),
        alias: Patch::Value("c".into()),
        kind: Some("bot".into()),
        count: Some(9),
        code: Some("a1".into()),
        tags: vec!["abcd".into(), "abcd".into(), "x".into()],
        scores: [("long".to_string(), 10), ("y".to_string(), 0)].into(),
        grid: vec![vec!["ab".into()]],
        inner: Some(Inner { v: Some("abc".into()) }),
    };
    let report = bad.validate().unwrap_err();
    let found: Vec<(String, &str)> = report
        .iter()
        .map(|v| (v.path.clone(), v.code.as_str()))
        .collect();
    let expect = [
        ("name", "pattern"),
        ("alias", "ip"),
        ("alias", "url"),
        ("alias", "pattern"),
        ("count", "range"),
        ("code", "pattern"),
        ("tags", "items"),
        ("tags[0]", "length"),
        ("tags[1]", "length"),
        ("scores", "entries"),
        ("scores.long", "length"),
        ("scores.long", "range"),
        ("grid[0][0]", "length"),
        ("inner.v", "length"),
        ("alias", "mutually_exclusive"),
        ("kind", "equals"),
        ("inner.v", "equals"),
        ("alias", "absent"),
    ];
    let expect: Vec<(String, &str)> = expect.iter().map(|(p, c)| (p.to_string(), *c)).collect();
    assert_eq!(found, expect, "{report}");
}
