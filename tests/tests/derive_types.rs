//! The runtime types: `Patch` serde round trips, `Secret`, `Wire`, `Scopes`.

use serde::{Deserialize, Serialize};
use spec_validate::{Patch, Scopes, Secret, Validate, Wire, WireValue};

#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(deny_unknown_fields)]
struct Body {
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    x: Patch<i64>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    s: Patch<Vec<String>>,
}

#[test]
fn patch_round_trips_exactly() {
    for json in [
        r#"{}"#,
        r#"{"x":null}"#,
        r#"{"x":1}"#,
        r#"{"s":[]}"#,
        r#"{"x":0,"s":null}"#,
        r#"{"s":["a"]}"#,
    ] {
        let body: Body = serde_json::from_str(json).unwrap();
        assert_eq!(serde_json::to_string(&body).unwrap(), json, "{json}");
    }
    assert_eq!(serde_json::from_str::<Body>("{}").unwrap().x, Patch::Absent);
    assert_eq!(
        serde_json::from_str::<Body>(r#"{"x":null}"#).unwrap().x,
        Patch::Null
    );
    assert_eq!(
        serde_json::from_str::<Body>(r#"{"x":1}"#).unwrap().x,
        Patch::Value(1)
    );
    assert!(serde_json::from_str::<Body>(r#"{"x":"1"}"#).is_err());
}

#[test]
fn patch_api() {
    let p: Patch<u8> = Patch::default();
    assert!(p.is_absent());
    assert!(Patch::<u8>::Null.is_null());
    assert_eq!(Patch::from(3).as_value(), Some(&3));
    assert_eq!(Patch::Value(2).map(|v| v * 2), Patch::Value(4));
    assert_eq!(Patch::<u8>::Null.map(|v| v * 2), Patch::Null);
    assert_eq!(Patch::Value(1).into_value(), Some(1));
    // A bare Patch serializes absent as null, the only JSON for "no value".
    assert_eq!(serde_json::to_string(&Patch::<u8>::Absent).unwrap(), "null");
}

#[test]
fn secret_is_redacted_but_serialized() {
    let s = Secret::new(String::from("s3cr3t"));
    assert_eq!(format!("{s:?}"), "[REDACTED]");
    assert_eq!(format!("{s:#?}"), "[REDACTED]");
    assert_eq!(s.to_string(), "[REDACTED]");
    assert_eq!(serde_json::to_string(&s).unwrap(), r#""s3cr3t""#);
    assert_eq!(s.into_inner(), "s3cr3t");
}

#[test]
fn wire_values() {
    assert_eq!("a".wire(), Wire::Str("a"));
    assert_eq!(String::from("a").wire(), Wire::Str("a"));
    assert_eq!(true.wire(), Wire::Bool(true));
    assert_eq!(7u16.wire(), Wire::Int(7));
    assert_eq!((-7i8).wire(), Wire::Int(-7));
    // Exact, never saturated: u64::MAX is not i64::MAX.
    assert_eq!(u64::MAX.wire(), Wire::Int(i128::from(u64::MAX)));
    assert_ne!(u64::MAX.wire(), Wire::Int(i128::from(i64::MAX)));
    assert_eq!(i128::MIN.wire(), Wire::Int(i128::MIN));
    assert_eq!(u128::MAX.wire(), Wire::BigUint(u128::MAX));
}

#[derive(Validate, Default)]
#[validate(scopes("update:clients"))]
struct Req {
    name: Option<String>,
    #[validate(scopes("update:client_keys"))]
    client_secret: Option<Secret<String>>,
    #[validate(scopes("update:client_credentials", "update:clients"))]
    client_authentication_methods: Patch<String>,
    description: Patch<String>,
}

#[test]
fn scopes_are_sorted_and_deduplicated() {
    assert_eq!(Req::default().required_scopes(), Vec::<&str>::new());
    let r = Req {
        client_secret: Some(Secret::new("x".into())),
        ..Default::default()
    };
    assert_eq!(r.required_scopes(), vec!["update:client_keys"]);
    let r = Req {
        name: Some("n".into()),
        client_secret: Some(Secret::new("x".into())),
        client_authentication_methods: Patch::Null,
        description: Patch::Null,
    };
    assert_eq!(
        r.required_scopes(),
        vec![
            "update:client_credentials",
            "update:client_keys",
            "update:clients"
        ]
    );
}

#[derive(Validate)]
#[allow(dead_code)] // `b` exists to show it adds no scope
struct NoDefault {
    #[validate(scopes("b:x", "a:x"))]
    a: Option<u8>,
    b: Option<u8>,
}

#[test]
fn fields_without_scopes_need_none_without_a_default() {
    assert_eq!(
        NoDefault {
            a: None,
            b: Some(1)
        }
        .required_scopes(),
        Vec::<&str>::new()
    );
    assert_eq!(
        NoDefault {
            a: Some(1),
            b: Some(1)
        }
        .required_scopes(),
        vec!["a:x", "b:x"]
    );
}

#[derive(Validate, Default)]
#[validate(when(path = "n", equals = 9223372036854775807, absent(other)))]
struct BigInt {
    n: Option<u64>,
    other: Option<String>,
}

/// An integer beyond the literal's type never compares equal to it.
#[test]
fn equals_never_matches_an_out_of_range_integer() {
    let big = |n| BigInt {
        n: Some(n),
        other: Some("x".into()),
    };
    assert!(big(u64::MAX).validate().is_ok());
    assert!(big(i64::MAX as u64 + 1).validate().is_ok());
    assert!(big(i64::MAX as u64).validate().is_err());
}

/// An enum without variants has no value to validate, but still derives.
#[derive(Validate)]
#[allow(dead_code)]
enum Never {}

#[test]
fn empty_enum_derives() {
    fn is_validate<T: Validate>() {}
    is_validate::<Never>();
}
