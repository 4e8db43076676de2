//! Behaviour of every `#[derive(Validate)]` rule at its edges: valid at the
//! bound, invalid one past it, with the path, code and parameters checked.

use std::collections::BTreeMap;

use spec_validate::{Code, Param, Patch, Report, Secret, Validate};

/// `(path, code)` of every violation, in order.
fn found(r: Result<(), Report>) -> Vec<(String, &'static str)> {
    match r {
        Ok(()) => Vec::new(),
        Err(r) => r
            .iter()
            .map(|v| (v.path.clone(), v.code.as_str()))
            .collect(),
    }
}

fn one(path: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(path.to_string(), code)]
}

// ---------------------------------------------------------------- length

#[derive(Validate)]
struct Len {
    #[validate(length(min = 1, max = 140))]
    name: String,
}

#[test]
fn length_counts_unicode_scalar_values() {
    let ok = |s: String| Len { name: s }.validate();
    assert_eq!(found(ok("a".into())), vec![]);
    assert_eq!(found(ok("x".repeat(140))), vec![]);
    assert_eq!(
        found(ok("é".repeat(140))),
        vec![],
        "140 × é is 280 bytes but 140 chars"
    );
    assert_eq!(found(ok("😀".repeat(140))), vec![]);
    assert_eq!(found(ok("x".repeat(141))), one("name", "length"));
    assert_eq!(found(ok("é".repeat(141))), one("name", "length"));
    assert_eq!(found(ok(String::new())), one("name", "length"));
    let err = Len {
        name: "é".repeat(141),
    }
    .validate()
    .unwrap_err();
    let v = &err.violations()[0];
    assert_eq!(v.code, Code::Length);
    assert_eq!(v.message, "must be between 1 and 140 characters (got 141)");
    assert_eq!(v.params.get("min"), Some(&Param::Int(1)));
    assert_eq!(v.params.get("max"), Some(&Param::Int(140)));
    assert_eq!(v.params.get("actual"), Some(&Param::Int(141)));
}

// ---------------------------------------------------------------- pattern

#[derive(Validate)]
struct Pat {
    #[validate(pattern = "^[^<>]+$")]
    scan: Option<String>,
    #[validate(pattern = "^[A-Za-z0-9_-]{2,3}$")]
    counted: Option<String>,
    #[validate(pattern = "^(https|http)://[a-z]+$")]
    regex: Option<String>,
    #[validate(pattern = "[0-9]")]
    unanchored: Option<String>,
}

fn pat() -> Pat {
    Pat {
        scan: None,
        counted: None,
        regex: None,
        unanchored: None,
    }
}

#[test]
fn pattern_scan_and_regex() {
    let v = |f: fn(&mut Pat)| {
        let mut p = pat();
        f(&mut p);
        found(p.validate())
    };
    assert_eq!(v(|p| p.scan = Some("hello world é".into())), vec![]);
    assert_eq!(v(|p| p.scan = Some("a<b".into())), one("scan", "pattern"));
    assert_eq!(v(|p| p.scan = Some("b>".into())), one("scan", "pattern"));
    assert_eq!(
        v(|p| p.scan = Some(String::new())),
        one("scan", "pattern"),
        "`+` needs one char"
    );
    assert_eq!(v(|p| p.counted = Some("ab".into())), vec![]);
    assert_eq!(v(|p| p.counted = Some("a_-".into())), vec![]);
    assert_eq!(
        v(|p| p.counted = Some("a".into())),
        one("counted", "pattern")
    );
    assert_eq!(
        v(|p| p.counted = Some("abcd".into())),
        one("counted", "pattern")
    );
    assert_eq!(
        v(|p| p.counted = Some("a b".into())),
        one("counted", "pattern")
    );
    assert_eq!(v(|p| p.regex = Some("https://abc".into())), vec![]);
    assert_eq!(
        v(|p| p.regex = Some("ftp://abc".into())),
        one("regex", "pattern")
    );
    assert_eq!(v(|p| p.unanchored = Some("abc1def".into())), vec![]);
    assert_eq!(
        v(|p| p.unanchored = Some("abc".into())),
        one("unanchored", "pattern")
    );
    let err = Pat {
        scan: Some("<".into()),
        ..pat()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err.violations()[0].message,
        "must match the pattern `^[^<>]+$`"
    );
    assert_eq!(
        err.violations()[0].params.get("pattern"),
        Some(&Param::Str("^[^<>]+$".into()))
    );
}

// ---------------------------------------------------------------- range

#[derive(Validate)]
struct Rng {
    #[validate(range(min = 10, max = 600))]
    expiry: Patch<u16>,
    #[validate(range(min = -5, max = 5))]
    signed: i32,
    #[validate(range(max = 0))]
    upper_only: Option<i64>,
}

#[test]
fn range_edges() {
    let v = |e: Patch<u16>, s: i32, u: Option<i64>| {
        found(
            Rng {
                expiry: e,
                signed: s,
                upper_only: u,
            }
            .validate(),
        )
    };
    assert_eq!(v(Patch::Value(10), 0, None), vec![]);
    assert_eq!(v(Patch::Value(600), -5, Some(0)), vec![]);
    assert_eq!(v(Patch::Value(9), 5, None), one("expiry", "range"));
    assert_eq!(v(Patch::Value(601), 0, None), one("expiry", "range"));
    assert_eq!(
        v(Patch::Null, 0, None),
        vec![],
        "null is not judged by field rules"
    );
    assert_eq!(
        v(Patch::Absent, -6, Some(1)),
        vec![("signed".into(), "range"), ("upper_only".into(), "range")]
    );
    let err = Rng {
        expiry: Patch::Value(601),
        signed: 0,
        upper_only: None,
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "expiry: must be between 10 and 600 (got 601)"
    );
}

#[derive(Validate)]
struct Wide {
    #[validate(range(min = 1, max = 10))]
    big: u128,
    #[validate(range(min = -10))]
    low: i128,
}

#[derive(Validate)]
#[validate(when(path = "v", equals = -170141183460469231731687303715884105728, absent(w)))]
struct Extreme {
    #[validate(range(
        min = -170141183460469231731687303715884105728,
        max = 170141183460469231731687303715884105726
    ))]
    v: i128,
    w: Option<u8>,
}

#[test]
fn range_and_equals_take_every_i128() {
    let e = |v: i128| found(Extreme { v, w: Some(1) }.validate());
    assert_eq!(e(i128::MIN), one("w", "absent"));
    assert_eq!(e(0), vec![]);
    assert_eq!(e(i128::MAX), one("v", "range"));
}

/// Values beyond `i128` are reported exactly, never saturated; in JSON,
/// `actual` is a number when it fits 64 bits, else a decimal string.
#[test]
fn range_reports_the_exact_value_of_wide_integers() {
    let err = Wide {
        big: u128::MAX,
        low: i128::MIN,
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "big: must be between 1 and 10 (got {})\nlow: must be at least -10 (got {})",
            u128::MAX,
            i128::MIN
        )
    );
    assert_eq!(
        err.violations()[0].params.get("actual"),
        Some(&Param::BigUint(u128::MAX))
    );
    let json = serde_json::to_value(&err).unwrap();
    let actual = |i: usize| json["violations"][i]["params"]["actual"].clone();
    assert_eq!(actual(0), u128::MAX.to_string());
    assert_eq!(actual(1), i128::MIN.to_string());
    assert_eq!(json["violations"][0]["params"]["max"], 10);
    assert!(Wide { big: 10, low: -10 }.validate().is_ok());
}

// ---------------------------------------------------------------- one_of

#[derive(Validate)]
struct OneOf {
    #[validate(one_of("none", "client_secret_post"))]
    method: Option<String>,
}

#[test]
fn one_of_strings() {
    assert_eq!(
        found(
            OneOf {
                method: Some("none".into())
            }
            .validate()
        ),
        vec![]
    );
    assert_eq!(
        found(
            OneOf {
                method: Some("client_secret_post".into())
            }
            .validate()
        ),
        vec![]
    );
    assert_eq!(
        found(
            OneOf {
                method: Some("None".into())
            }
            .validate()
        ),
        one("method", "one_of")
    );
    let err = OneOf {
        method: Some("x".into()),
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err.violations()[0].message,
        "must be one of `none`, `client_secret_post`"
    );
}

// ---------------------------------------------------------------- url

#[derive(Validate, Default)]
struct Urls {
    #[validate(url)]
    any: Option<String>,
    #[validate(url(https))]
    https: Option<String>,
    #[validate(url(empty))]
    or_empty: Option<String>,
    #[validate(url(placeholders))]
    placeholders: Option<String>,
    #[validate(url(https, placeholders, empty))]
    all: Option<String>,
}

#[test]
fn url_variants() {
    let any = |s: &str| {
        found(
            Urls {
                any: Some(s.into()),
                ..Default::default()
            }
            .validate(),
        )
    };
    for ok in [
        "https://example.com/callback",
        "http://localhost:3000",
        "http://localhost:3000/callback?x=1#frag",
        "myapp://callback",
        "com.example.app://auth0.example.com/android/com.example.app/callback",
        "https://user:pw@example.com:8443/a%20b",
        "http://[::1]:8080/",
        "urn:ietf:wg:oauth:2.0:oob",
        "https://bücher.example/",
    ] {
        assert_eq!(any(ok), vec![], "{ok}");
    }
    for bad in [
        "",
        "example.com",
        "/callback",
        "https://",
        "https:example.com",
        "https://exa mple.com",
        "https://example.com/{tenant}",
        "https://*.example.com",
        "https://example.com:99999",
        "https://example.com/%zz",
        "1http://x",
        "https://a..b",
    ] {
        assert_eq!(any(bad), one("any", "url"), "{bad:?}");
    }
    let https = |s: &str| {
        found(
            Urls {
                https: Some(s.into()),
                ..Default::default()
            }
            .validate(),
        )
    };
    assert_eq!(https("https://example.com"), vec![]);
    assert_eq!(https("HTTPS://example.com"), vec![]);
    assert_eq!(https("http://example.com"), one("https", "url"));
    assert_eq!(https("myapp://callback"), one("https", "url"));
    let empty = |s: &str| {
        found(
            Urls {
                or_empty: Some(s.into()),
                ..Default::default()
            }
            .validate(),
        )
    };
    assert_eq!(empty(""), vec![]);
    assert_eq!(empty(" "), one("or_empty", "url"));
    let ph = |s: &str| {
        found(
            Urls {
                placeholders: Some(s.into()),
                ..Default::default()
            }
            .validate(),
        )
    };
    assert_eq!(ph("https://{tenant}.example.com/{path}/cb"), vec![]);
    assert_eq!(ph("https://*.example.com/callback"), vec![]);
    assert_eq!(ph("https://example.com/{}"), one("placeholders", "url"));
    assert_eq!(
        ph("https://example.com/{unclosed"),
        one("placeholders", "url")
    );
    assert_eq!(ph("https://ex*mple.com/"), one("placeholders", "url"));
    let all = |s: &str| {
        found(
            Urls {
                all: Some(s.into()),
                ..Default::default()
            }
            .validate(),
        )
    };
    assert_eq!(all(""), vec![]);
    assert_eq!(all("https://*.{domain}/x"), vec![]);
    assert_eq!(all("http://*.{domain}/x"), one("all", "url"));
    let err = Urls {
        https: Some("http://x".into()),
        ..Default::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "https: must be an https URL (scheme must be https)"
    );
}

// ---------------------------------------------------------------- ip

#[derive(Validate)]
struct Ips {
    #[validate(ip)]
    addr: Option<String>,
    #[validate(ip(cidr))]
    range: Option<String>,
}

#[test]
fn ip_and_cidr() {
    let a = |s: &str| {
        found(
            Ips {
                addr: Some(s.into()),
                range: None,
            }
            .validate(),
        )
    };
    let c = |s: &str| {
        found(
            Ips {
                addr: None,
                range: Some(s.into()),
            }
            .validate(),
        )
    };
    for ok in ["10.0.0.1", "::1", "2001:db8::1", "255.255.255.255"] {
        assert_eq!(a(ok), vec![], "{ok}");
        assert_eq!(c(ok), vec![], "{ok}");
    }
    for bad in ["", "256.0.0.1", "10.0.0", "10.0.0.1/8", "host", "10.0.0.1 "] {
        assert_eq!(a(bad), one("addr", "ip"), "{bad:?}");
    }
    for ok in [
        "10.0.0.0/8",
        "10.0.0.0/0",
        "10.0.0.0/32",
        "2001:db8::/128",
        "::/0",
    ] {
        assert_eq!(c(ok), vec![], "{ok}");
    }
    for bad in [
        "10.0.0.0/33",
        "2001:db8::/129",
        "10.0.0.0/",
        "10.0.0.0/+8",
        "10.0.0.0/8/8",
        "/8",
        "10.0.0.0/0008",
    ] {
        assert_eq!(c(bad), one("range", "ip"), "{bad:?}");
    }
}

// ---------------------------------------------------------------- items / each

#[derive(Validate)]
struct Items {
    #[validate(items(min = 1, max = 4, unique), each(one_of("a", "b", "c", "d", "e")))]
    grant_types: Vec<String>,
    #[validate(items(unique))]
    many: Option<Vec<u32>>,
    #[validate(each(length(max = 2)))]
    nullable_items: Vec<Option<String>>,
}

fn items(g: &[&str]) -> Items {
    Items {
        grant_types: g.iter().map(|s| s.to_string()).collect(),
        many: None,
        nullable_items: Vec::new(),
    }
}

#[test]
fn items_count_unique_and_each() {
    assert_eq!(found(items(&["a"]).validate()), vec![]);
    assert_eq!(found(items(&["a", "b", "c", "d"]).validate()), vec![]);
    assert_eq!(found(items(&[]).validate()), one("grant_types", "items"));
    assert_eq!(
        found(items(&["a", "b", "c", "d", "e"]).validate()),
        one("grant_types", "items")
    );
    assert_eq!(
        found(items(&["a", "b", "zz"]).validate()),
        one("grant_types[2]", "one_of")
    );
    assert_eq!(
        found(items(&["a", "b", "a", "b"]).validate()),
        vec![
            ("grant_types[2]".into(), "unique"),
            ("grant_types[3]".into(), "unique")
        ]
    );
    let err = items(&["a", "a"]).validate().unwrap_err();
    assert_eq!(
        err.violations()[0].params.get("duplicate_of"),
        Some(&Param::Int(0))
    );
    // Long lists take the sorting path; the report is still in index order.
    let mut it = items(&["a"]);
    let mut many: Vec<u32> = (0..1000).collect();
    many[700] = 3;
    many[10] = 999;
    it.many = Some(many);
    assert_eq!(
        found(it.validate()),
        vec![
            ("many[700]".into(), "unique"),
            ("many[999]".into(), "unique")
        ]
    );
    let mut it = items(&["a"]);
    it.nullable_items = vec![None, Some("ab".into()), Some("abc".into())];
    assert_eq!(found(it.validate()), one("nullable_items[2]", "length"));
}

#[derive(Validate)]
struct Secrets {
    #[validate(items(unique))]
    keys: Vec<spec_validate::Secret<String>>,
}

/// `unique` sorts: secrets are `Ord`, and lists above the stack buffer (1024)
/// take the heap path, still in O(n log n) and reported in index order.
#[test]
fn unique_on_secrets_and_long_lists() {
    let mut keys: Vec<_> = (0..5000)
        .map(|i| spec_validate::Secret::new(format!("key{i}")))
        .collect();
    assert_eq!(found(Secrets { keys: keys.clone() }.validate()), vec![]);
    keys[4000] = spec_validate::Secret::new("key17".into());
    keys[10] = spec_validate::Secret::new("key4999".into());
    assert_eq!(
        found(Secrets { keys }.validate()),
        vec![
            ("keys[4000]".into(), "unique"),
            ("keys[4999]".into(), "unique")
        ]
    );
}

// ---------------------------------------------------------------- entries / keys / values

#[derive(Validate)]
struct Meta {
    #[validate(
        entries(max = 3),
        keys(length(min = 1, max = 5), pattern = "^[A-Za-z0-9_-]*$"),
        values(length(max = 3))
    )]
    client_metadata: Option<BTreeMap<String, Option<String>>>,
}

/// Keys are untrusted: controls, bidi overrides and other invisible characters
/// are escaped in report paths, never printed raw.
#[test]
fn map_keys_are_escaped_in_paths() {
    let r = meta(&[("\u{202e}x", None), ("a\u{7f}", None), ("\u{e0041}", None)])
        .validate()
        .unwrap_err();
    let paths: Vec<&str> = r.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "client_metadata[\"a\\u007f\"]",
            "client_metadata[\"\\u202ex\"]",
            "client_metadata[\"\\udb40\\udc41\"]",
        ]
    );
    // Still readable text otherwise.
    let r = meta(&[("é-ü", Some("long"))]).validate().unwrap_err();
    assert_eq!(r.violations()[0].path, "client_metadata[\"é-ü\"]");
}

fn meta(pairs: &[(&str, Option<&str>)]) -> Meta {
    Meta {
        client_metadata: Some(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
                .collect(),
        ),
    }
}

#[test]
fn map_entries_keys_values() {
    assert_eq!(
        found(meta(&[("foo", Some("bar")), ("a", None), ("b_-1", Some(""))]).validate()),
        vec![]
    );
    assert_eq!(
        found(meta(&[("foo", Some("barz"))]).validate()),
        one("client_metadata.foo", "length")
    );
    assert_eq!(
        found(meta(&[("fooooo", Some("b"))]).validate()),
        one("client_metadata.fooooo", "length")
    );
    assert_eq!(
        found(meta(&[("a.b", None)]).validate()),
        one("client_metadata[\"a.b\"]", "pattern")
    );
    assert_eq!(
        found(meta(&[("", None)]).validate()),
        one("client_metadata[\"\"]", "length")
    );
    assert_eq!(
        found(meta(&[("a", None), ("b", None), ("c", None), ("d", None)]).validate()),
        one("client_metadata", "entries")
    );
    let err = meta(&[("fooooo", None)]).validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "client_metadata.fooooo: key must be between 1 and 5 characters (got 6)"
    );
    assert_eq!(
        err.violations()[0].params.get("key"),
        Some(&Param::Bool(true))
    );
}

// ---------------------------------------------------------------- nested

#[derive(Validate, Default)]
struct Inner {
    #[validate(length(max = 3))]
    alg: Option<String>,
}

#[derive(Validate, Default)]
struct Outer {
    #[validate(nested)]
    plain: Inner,
    #[validate(nested)]
    option: Option<Inner>,
    #[validate(nested)]
    patch: Patch<Inner>,
    #[validate(nested)]
    list: Vec<Inner>,
    #[validate(nested)]
    boxed: Option<Box<Inner>>,
    #[validate(nested)]
    map: BTreeMap<String, Inner>,
    #[validate(items(max = 1), each(nested))]
    each: Vec<Inner>,
}

fn bad() -> Inner {
    Inner {
        alg: Some("long".into()),
    }
}

#[test]
fn nested_through_wrappers() {
    assert_eq!(found(Outer::default().validate()), vec![]);
    let o = Outer {
        plain: bad(),
        option: Some(bad()),
        patch: Patch::Value(bad()),
        list: vec![Inner::default(), bad()],
        boxed: Some(Box::new(bad())),
        map: [("k".to_string(), bad())].into(),
        each: vec![bad(), bad()],
    };
    assert_eq!(
        found(o.validate()),
        vec![
            ("plain.alg".into(), "length"),
            ("option.alg".into(), "length"),
            ("patch.alg".into(), "length"),
            ("list[1].alg".into(), "length"),
            ("boxed.alg".into(), "length"),
            ("map.k.alg".into(), "length"),
            ("each".into(), "items"),
            ("each[0].alg".into(), "length"),
            ("each[1].alg".into(), "length"),
        ]
    );
}

// ---------------------------------------------------------------- struct-level rules

#[derive(Validate, Default)]
struct Jwt {
    alg: Option<String>,
}

#[derive(Validate, Default)]
#[validate(properties(min = 1, max = 6))]
#[validate(mutually_exclusive(client_authentication_methods, token_endpoint_auth_method))]
#[validate(when_set(
    client_authentication_methods,
    then(path = "jwt_configuration.alg", equals = "RS256")
))]
#[validate(when(
    path = "is_first_party",
    equals = false,
    absent(organization_usage, organization_require_behavior)
))]
#[validate(when(
    path = "organization_require_behavior",
    equals = "post_login_prompt",
    then(path = "oidc_conformant", equals = true)
))]
struct Req {
    client_authentication_methods: Patch<String>,
    token_endpoint_auth_method: Option<String>,
    #[validate(nested)]
    jwt_configuration: Option<Jwt>,
    is_first_party: Option<bool>,
    organization_usage: Patch<String>,
    organization_require_behavior: Patch<String>,
    oidc_conformant: Option<bool>,
}

#[test]
fn properties_count_present_fields() {
    assert_eq!(found(Req::default().validate()), one("", "properties"));
    let r = Req {
        organization_usage: Patch::Null,
        ..Default::default()
    };
    assert_eq!(found(r.validate()), vec![], "null counts as present");
    let err = Req::default().validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "(root): must set between 1 and 6 properties (got 0)"
    );
    let full = Req {
        client_authentication_methods: Patch::Null,
        token_endpoint_auth_method: Some("x".into()),
        jwt_configuration: Some(Jwt::default()),
        is_first_party: Some(true),
        organization_usage: Patch::Null,
        organization_require_behavior: Patch::Null,
        oidc_conformant: Some(true),
    };
    assert_eq!(found(full.validate()), one("", "properties"));
}

#[test]
fn mutually_exclusive_reports_the_later_field() {
    let r = Req {
        client_authentication_methods: Patch::Value("x".into()),
        token_endpoint_auth_method: Some("none".into()),
        jwt_configuration: Some(Jwt {
            alg: Some("RS256".into()),
        }),
        ..Default::default()
    };
    assert_eq!(
        found(r.validate()),
        one("token_endpoint_auth_method", "mutually_exclusive")
    );
    // Null is not "set".
    let r = Req {
        client_authentication_methods: Patch::Null,
        token_endpoint_auth_method: Some("none".into()),
        ..Default::default()
    };
    assert_eq!(found(r.validate()), vec![]);
}

#[test]
fn when_set_then_nested_path() {
    let with = |jwt: Option<Jwt>| Req {
        client_authentication_methods: Patch::Value("x".into()),
        jwt_configuration: jwt,
        ..Default::default()
    };
    assert_eq!(
        found(
            with(Some(Jwt {
                alg: Some("RS256".into())
            }))
            .validate()
        ),
        vec![]
    );
    assert_eq!(
        found(with(None).validate()),
        vec![],
        "absent path is not judged"
    );
    assert_eq!(
        found(with(Some(Jwt { alg: None })).validate()),
        vec![],
        "absent leaf is not judged"
    );
    assert_eq!(
        found(
            with(Some(Jwt {
                alg: Some("HS256".into())
            }))
            .validate()
        ),
        one("jwt_configuration.alg", "equals")
    );
    let err = with(Some(Jwt {
        alg: Some("HS256".into()),
    }))
    .validate()
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "jwt_configuration.alg: must be `RS256` when `client_authentication_methods` is set"
    );
}

#[test]
fn when_equals_absent() {
    let r = |first: Option<bool>, usage: Patch<String>| Req {
        is_first_party: first,
        organization_usage: usage,
        organization_require_behavior: Patch::Value("no_prompt".into()),
        ..Default::default()
    };
    assert_eq!(
        found(r(Some(true), Patch::Value("deny".into())).validate()),
        vec![]
    );
    assert_eq!(
        found(r(None, Patch::Value("deny".into())).validate()),
        vec![]
    );
    assert_eq!(
        found(r(Some(false), Patch::Null).validate()),
        one("organization_require_behavior", "absent")
    );
    assert_eq!(
        found(r(Some(false), Patch::Value("deny".into())).validate()),
        vec![
            ("organization_usage".into(), "absent"),
            ("organization_require_behavior".into(), "absent")
        ]
    );
    let err = r(Some(false), Patch::Null).validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "organization_require_behavior: must be absent or null when `is_first_party` is false"
    );
}

#[test]
fn when_equals_then() {
    let r = |behavior: &str, oidc: Option<bool>| Req {
        organization_require_behavior: Patch::Value(behavior.into()),
        oidc_conformant: oidc,
        ..Default::default()
    };
    assert_eq!(found(r("post_login_prompt", Some(true)).validate()), vec![]);
    assert_eq!(found(r("post_login_prompt", None).validate()), vec![]);
    assert_eq!(found(r("no_prompt", Some(false)).validate()), vec![]);
    assert_eq!(
        found(r("post_login_prompt", Some(false)).validate()),
        one("oidc_conformant", "equals")
    );
}

#[derive(Validate, Default)]
#[validate(when_set(a, then(path = "b.c", equals = 3)))]
struct NullHop {
    a: Option<bool>,
    b: Patch<Hop>,
}
#[derive(Validate, Default)]
struct Hop {
    c: Patch<u8>,
}

#[test]
fn null_on_the_way_fails() {
    let r = |b: Patch<Hop>| found(NullHop { a: Some(true), b }.validate());
    assert_eq!(r(Patch::Absent), vec![]);
    assert_eq!(r(Patch::Null), one("b.c", "equals"));
    assert_eq!(
        r(Patch::Value(Hop { c: Patch::Null })),
        one("b.c", "equals")
    );
    assert_eq!(r(Patch::Value(Hop { c: Patch::Value(3) })), vec![]);
    assert_eq!(
        r(Patch::Value(Hop { c: Patch::Value(4) })),
        one("b.c", "equals")
    );
}

// ---------------------------------------------------------------- order, report

#[derive(Validate)]
#[validate(mutually_exclusive(a, c))]
struct Order {
    #[validate(length(max = 1), pattern = "^[a-z]*$")]
    a: String,
    #[validate(range(max = 1))]
    b: u8,
    #[validate(length(max = 1))]
    c: String,
}

#[test]
fn report_is_in_declaration_order_and_serializes() {
    let r = Order {
        a: "AB".into(),
        b: 2,
        c: "xy".into(),
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        r.to_string(),
        "a: must be at most 1 character (got 2)\n\
         a: must match the pattern `^[a-z]*$`\n\
         b: must be at most 1 (got 2)\n\
         c: must be at most 1 character (got 2)\n\
         c: cannot be set together with `a`"
    );
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json["violations"][0],
        serde_json::json!({
            "path": "a",
            "code": "length",
            "message": "must be at most 1 character (got 2)",
            "params": {"max": 1, "actual": 2}
        })
    );
    assert_eq!(json["violations"][4]["code"], "mutually_exclusive");
    assert_eq!(
        json["violations"][4]["params"],
        serde_json::json!({"other": "a"})
    );
    assert_eq!(r.len(), 5);
}

// ---------------------------------------------------------------- serde names, enums, newtypes

#[derive(Validate, serde::Serialize)]
struct Renamed {
    #[serde(rename = "logo-uri")]
    #[validate(url)]
    logo: Option<String>,
}

#[test]
fn paths_use_serde_names() {
    assert_eq!(
        found(
            Renamed {
                logo: Some("x".into())
            }
            .validate()
        ),
        one("logo-uri", "url")
    );
}

#[derive(Validate)]
struct Name(#[validate(length(max = 3))] String);

#[derive(Validate)]
enum Union {
    List(#[validate(items(max = 1))] Vec<String>),
    Single(#[validate(length(max = 2))] String),
    Named {
        #[validate(range(max = 1))]
        n: u8,
    },
    Unit,
}

#[derive(Validate)]
struct HasUnion {
    #[validate(nested)]
    u: Option<Union>,
    #[validate(nested)]
    name: Name,
}

#[test]
fn enums_and_newtypes_are_transparent() {
    let h = |u: Union, n: &str| {
        found(
            HasUnion {
                u: Some(u),
                name: Name(n.into()),
            }
            .validate(),
        )
    };
    assert_eq!(h(Union::Unit, "abc"), vec![]);
    assert_eq!(
        h(Union::Single("abc".into()), "abcd"),
        vec![("u".into(), "length"), ("name".into(), "length")]
    );
    assert_eq!(
        h(Union::List(vec!["a".into(), "b".into()]), "a"),
        one("u", "items")
    );
    assert_eq!(h(Union::Named { n: 2 }, "a"), one("u.n", "range"));
}

// ---------------------------------------------------------------- crate override

mod renamed {
    pub use spec_validate as sv;
}

#[derive(renamed::sv::Validate)]
#[validate(crate = "renamed::sv")]
struct Overridden {
    #[validate(length(max = 1))]
    a: String,
}

#[test]
fn crate_path_override() {
    assert_eq!(
        found(Overridden { a: "ab".into() }.validate()),
        one("a", "length")
    );
}

// ---------------------------------------------------------------- huge values

#[test]
fn huge_values_validate_without_panicking() {
    let big = "é".repeat(5_000_000);
    assert_eq!(
        found(Len { name: big.clone() }.validate()),
        one("name", "length")
    );
    let p = Pat {
        scan: Some(big.clone()),
        counted: Some(big.clone()),
        regex: Some(big.clone()),
        unanchored: Some(big.clone()),
    };
    assert_eq!(
        found(p.validate()),
        vec![
            ("counted".into(), "pattern"),
            ("regex".into(), "pattern"),
            ("unanchored".into(), "pattern")
        ]
    );
    let u = Urls {
        all: Some(format!("https://{}.com", "a".repeat(1_000_000))),
        any: Some(big.clone()),
        ..Default::default()
    };
    assert_eq!(found(u.validate()), one("any", "url"));
    assert_eq!(
        found(
            Ips {
                addr: Some(big.clone()),
                range: Some(big)
            }
            .validate()
        )
        .len(),
        2
    );
    let m: BTreeMap<String, Option<String>> = (0..100_000)
        .map(|i| (format!("{i:x}"), Some("v".into())))
        .collect();
    let r = Meta {
        client_metadata: Some(m),
    }
    .validate()
    .unwrap_err();
    assert_eq!(r.len(), 1);
    let mut it = items(&["a"]);
    it.many = Some((0..200_000).collect());
    assert!(it.validate().is_ok());
}

// ---------------------------------------------------------------- secrets

#[derive(Validate, Debug)]
struct WithSecret {
    #[validate(length(max = 3), pattern = "^[a-z]+$", one_of("abc"))]
    client_secret: Secret<String>,
}

#[test]
fn secrets_never_show() {
    let s = WithSecret {
        client_secret: Secret::new("TOPSECRET".into()),
    };
    assert_eq!(format!("{s:?}"), "WithSecret { client_secret: [REDACTED] }");
    assert_eq!(format!("{}", s.client_secret), "[REDACTED]");
    let r = s.validate().unwrap_err();
    assert_eq!(r.len(), 3);
    let all = format!("{r}\n{r:?}\n{}", serde_json::to_string(&r).unwrap());
    assert!(!all.contains("TOPSECRET"), "{all}");
    assert_eq!(
        serde_json::to_string(&s.client_secret).unwrap(),
        "\"TOPSECRET\""
    );
    let back: Secret<String> = serde_json::from_str("\"x\"").unwrap();
    assert_eq!(back.expose(), "x");
}

// ---------------------------------------------------------------- scans agree with the regex

/// For each pattern, a struct whose validation must agree with `regex` on
/// every string of a small exhaustive alphabet (scanned patterns are not
/// run through the regex crate, so this checks the scan).
macro_rules! agree {
    ($($name:ident = $pat:literal;)*) => {$(
        #[derive(Validate)]
        struct $name {
            #[validate(pattern = $pat)]
            v: String,
        }
    )*
        #[test]
        fn scanned_patterns_agree_with_regex() {
            let alphabet = ['a', 'Z', '0', '-', '=', '<', 'é', '😀', ' '];
            let mut inputs = vec![String::new()];
            for len in 1..=4 {
                let mut next = Vec::new();
                for s in inputs.iter().filter(|s| s.chars().count() == len - 1) {
                    for c in alphabet {
                        next.push(format!("{s}{c}"));
                    }
                }
                inputs.extend(next);
            }
            inputs.push("a".repeat(70));
            inputs.push(format!("{}==", "a".repeat(4)));
            $(
                let re = regex::Regex::new($pat).unwrap();
                for s in &inputs {
                    let ours = $name { v: s.clone() }.validate().is_ok();
                    assert_eq!(ours, re.is_match(s), "pattern {} on {s:?}", $pat);
                }
            )*
        }
    };
}

agree! {
    P1 = "^[^<>]+$";
    P2 = "^[^<>]*$";
    P3 = "^[A-Za-z0-9_-]{2,3}$";
    P4 = "^([a-z0-9]){1}([a-z0-9-]){2,62}$";
    P5 = "^([A-Za-z0-9+/]){4}==$";
    P6 = "^[a]$";
    P7 = "^a-?$";
    P8 = "^Z[0-9]{0,2}$";
    P9 = "^[^\\n\\r\\u2028\\u2029]*$";
    P10 = "^(a|Z)+$";
}

#[derive(Validate, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Camel {
    #[validate(length(max = 1))]
    logo_uri: String,
    #[serde(rename = "X")]
    #[validate(length(max = 1))]
    other: String,
}

#[test]
fn paths_follow_rename_all() {
    let c = Camel {
        logo_uri: "ab".into(),
        other: "ab".into(),
    };
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        serde_json::json!({"logoUri": "ab", "X": "ab"})
    );
    assert_eq!(
        found(c.validate()),
        vec![("logoUri".into(), "length"), ("X".into(), "length")]
    );
}

// ---------------------------------------------------------------- wrappers at any depth

/// Every field is absent by default; `properties(max = 0)` reports how many
/// are present (`actual`).
#[derive(Validate, Default)]
#[validate(properties(max = 0))]
struct Layers {
    boxed: Box<Option<String>>,
    /// serde_with's double option: `None` absent, `Some(None)` null.
    double: Option<Option<String>>,
    patch_in_option: Option<Patch<u8>>,
    option_in_patch: Patch<Option<u8>>,
    patch_box: Patch<Box<str>>,
    box_patch: Box<Patch<String>>,
    option_box_option: Option<Box<Option<u8>>>,
}

fn present_count(l: &Layers) -> i128 {
    match l.validate() {
        Ok(()) => 0,
        Err(r) => match r.violations()[0].params.get("actual") {
            Some(Param::Int(n)) => *n,
            other => panic!("{other:?}"),
        },
    }
}

#[test]
fn presence_looks_through_every_wrapper_layer() {
    let count = |f: fn(&mut Layers)| {
        let mut l = Layers::default();
        f(&mut l);
        present_count(&l)
    };
    assert_eq!(count(|_| {}), 0, "every default is absent");
    assert_eq!(count(|l| *l.boxed = Some("x".into())), 1);
    assert_eq!(count(|l| l.double = Some(None)), 1, "Some(None) is null");
    assert_eq!(count(|l| l.double = Some(Some("x".into()))), 1);
    assert_eq!(count(|l| l.patch_in_option = Some(Patch::Absent)), 0);
    assert_eq!(count(|l| l.patch_in_option = Some(Patch::Null)), 1);
    assert_eq!(count(|l| l.option_in_patch = Patch::Value(None)), 1);
    assert_eq!(count(|l| l.option_in_patch = Patch::Null), 1);
    assert_eq!(count(|l| l.patch_box = Patch::Value(Box::default())), 1);
    assert_eq!(count(|l| *l.box_patch = Patch::Null), 1);
    assert_eq!(count(|l| l.option_box_option = Some(Box::new(None))), 1);
}

#[derive(Validate, Default)]
#[validate(mutually_exclusive(boxed, double, patch_in_option))]
#[validate(when(path = "flag", equals = true, absent(double, option_in_patch)))]
struct SetLayers {
    #[validate(length(max = 3))]
    boxed: Box<Option<String>>,
    #[validate(length(max = 3))]
    double: Option<Option<String>>,
    #[validate(range(max = 3))]
    patch_in_option: Option<Patch<u8>>,
    #[validate(range(max = 3))]
    option_in_patch: Patch<Option<u8>>,
    #[validate(length(max = 3))]
    patch_box: Patch<Box<str>>,
    #[validate(length(max = 3))]
    box_patch: Box<Patch<String>>,
    flag: Box<Option<Box<bool>>>,
    #[validate(each(length(max = 1)))]
    items: Vec<Option<Box<Option<String>>>>,
    #[validate(values(length(max = 1)))]
    map: BTreeMap<String, Patch<Option<String>>>,
}

#[test]
fn field_rules_and_set_look_through_every_wrapper_layer() {
    let v = |f: fn(&mut SetLayers)| {
        let mut l = SetLayers::default();
        f(&mut l);
        found(l.validate())
    };
    assert_eq!(v(|_| {}), vec![]);
    // Field rules apply to the value inside every layer.
    assert_eq!(
        v(|l| {
            *l.boxed = Some("long".into());
            l.patch_box = Patch::Value("long".into());
            *l.box_patch = Patch::Value("long".into());
            l.option_in_patch = Patch::Value(Some(4));
        }),
        vec![
            ("boxed".into(), "length"),
            ("option_in_patch".into(), "range"),
            ("patch_box".into(), "length"),
            ("box_patch".into(), "length"),
        ]
    );
    assert_eq!(
        v(|l| {
            l.items = vec![
                Some(Box::new(Some("ab".into()))),
                Some(Box::new(None)),
                None,
            ];
            l.map = [
                ("a".to_string(), Patch::Value(Some("ab".into()))),
                ("b".to_string(), Patch::Value(None)),
            ]
            .into();
        }),
        vec![("items[0]".into(), "length"), ("map.a".into(), "length")]
    );
    // Null inside a set layer is not set: no conflict.
    assert_eq!(
        v(|l| {
            *l.boxed = Some("x".into());
            l.double = Some(None);
            l.patch_in_option = Some(Patch::Null);
        }),
        vec![]
    );
    assert_eq!(
        v(|l| {
            *l.boxed = None;
            l.double = Some(Some("x".into()));
            l.patch_in_option = Some(Patch::Value(1));
        }),
        one("patch_in_option", "mutually_exclusive")
    );
    // The condition looks through `Box<Option<Box<bool>>>`; null passes `absent`.
    assert_eq!(
        v(|l| {
            *l.flag = Some(Box::new(true));
            l.double = Some(None);
            l.option_in_patch = Patch::Value(None);
        }),
        vec![]
    );
    assert_eq!(
        v(|l| {
            *l.flag = Some(Box::new(true));
            l.double = Some(Some("x".into()));
            l.option_in_patch = Patch::Value(Some(1));
        }),
        vec![
            ("double".into(), "absent"),
            ("option_in_patch".into(), "absent")
        ]
    );
}

#[derive(Validate)]
#[validate(mutually_exclusive(name, maybe))]
struct Borrowed<'a> {
    #[validate(length(max = 2))]
    name: &'a str,
    #[validate(length(max = 2))]
    opt: Option<&'a str>,
    #[validate(length(max = 2))]
    maybe: &'a Option<String>,
}

#[test]
fn references_are_transparent() {
    let none = None;
    let long = Some("long".to_string());
    assert_eq!(
        found(
            Borrowed {
                name: "ab",
                opt: None,
                maybe: &none
            }
            .validate()
        ),
        vec![]
    );
    assert_eq!(
        found(
            Borrowed {
                name: "abc",
                opt: Some("abc"),
                maybe: &long
            }
            .validate()
        ),
        vec![
            ("name".into(), "length"),
            ("opt".into(), "length"),
            ("maybe".into(), "length"),
            ("maybe".into(), "mutually_exclusive"),
        ]
    );
}

// ---------------------------------------------------------------- struct-level messages use wire names

#[derive(Validate, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[validate(mutually_exclusive(account_name, r#type))]
#[validate(when(path = "self_", equals = true, absent(account_name)))]
#[validate(when_set(r#type, then(path = "self_", equals = false)))]
struct WireNames {
    account_name: Option<String>,
    r#type: Option<String>,
    #[serde(rename = "self")]
    self_: Option<bool>,
}

#[test]
fn struct_level_messages_name_fields_by_their_wire_names() {
    let w = WireNames {
        account_name: Some("a".into()),
        r#type: Some("t".into()),
        self_: Some(true),
    };
    assert_eq!(
        serde_json::to_value(&w).unwrap(),
        serde_json::json!({"accountName": "a", "type": "t", "self": true})
    );
    let r = w.validate().unwrap_err();
    assert_eq!(
        r.to_string(),
        "type: cannot be set together with `accountName`\n\
         accountName: must be absent or null when `self` is true\n\
         self: must be false when `type` is set"
    );
    let v = r.violations();
    assert_eq!(
        v[0].params.get("other"),
        Some(&Param::Str("accountName".into()))
    );
    assert_eq!(
        v[1].params.get("condition"),
        Some(&Param::Str("`self` is true".into()))
    );
    assert_eq!(
        v[2].params.get("condition"),
        Some(&Param::Str("`type` is set".into()))
    );
}

// ---------------------------------------------------------------- serde's rename rules, exactly

/// A one-segment path as the plain name (the report writes a name that is
/// not a plain word as `["..."]`).
fn unquote(path: &str) -> String {
    match path.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
        Some(quoted) => serde_json::from_str(quoted).unwrap(),
        None => path.to_string(),
    }
}

/// Field names that are not snake_case, and non-ASCII letters: serde's rules
/// change case in ASCII only and do not re-segment a field name.
macro_rules! renamed_all {
    ($($name:ident = $rule:literal;)*) => {$(
        #[derive(Validate, serde::Serialize)]
        #[serde(rename_all = $rule)]
        #[allow(non_snake_case)]
        struct $name {
            #[validate(length(max = 0))]
            naïve_field: String,
            #[validate(length(max = 0))]
            mixedCase_x: String,
            // (serde fails on a camelCase name that starts non-ASCII.)
            #[validate(length(max = 0))]
            x_über: String,
            #[validate(length(max = 0))]
            r#type: String,
        }
    )*
        #[test]
        fn rename_all_follows_serde_exactly() {
            $(
                let v = $name {
                    naïve_field: "x".into(),
                    mixedCase_x: "x".into(),
                    x_über: "x".into(),
                    r#type: "x".into(),
                };
                let wire: Vec<String> = serde_json::to_value(&v)
                    .unwrap()
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect();
                let mut paths: Vec<String> = found(v.validate()).into_iter().map(|(p, _)| unquote(&p)).collect();
                paths.sort();
                assert_eq!(paths, wire, "rename_all = {}", $rule);
            )*
        }
    };
}

renamed_all! {
    Lower = "lowercase";
    Upper = "UPPERCASE";
    Pascal = "PascalCase";
    CamelR = "camelCase";
    Snake = "snake_case";
    ScreamingSnake = "SCREAMING_SNAKE_CASE";
    Kebab = "kebab-case";
    ScreamingKebab = "SCREAMING-KEBAB-CASE";
}

#[test]
fn rename_rules_on_sample_names() {
    let v = Lower {
        naïve_field: "x".into(),
        mixedCase_x: "x".into(),
        x_über: "x".into(),
        r#type: "x".into(),
    };
    let paths: Vec<String> = found(v.validate()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths[1], "mixedCase_x",
        "lowercase leaves a field name as is"
    );
    let v = Upper {
        naïve_field: "x".into(),
        mixedCase_x: "x".into(),
        x_über: "x".into(),
        r#type: "x".into(),
    };
    let paths: Vec<String> = found(v.validate())
        .iter()
        .map(|(p, _)| unquote(p))
        .collect();
    assert_eq!(
        paths,
        ["NAïVE_FIELD", "MIXEDCASE_X", "X_üBER", "TYPE"],
        "ASCII-only"
    );
}

#[derive(Validate, serde::Serialize)]
#[serde(rename_all_fields = "camelCase")]
enum AllFields {
    Plain {
        #[validate(length(max = 0))]
        long_name: String,
    },
    #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
    Own {
        #[validate(length(max = 0))]
        long_name: String,
    },
    #[serde(rename_all(deserialize = "kebab-case"))]
    DeserializeOnly {
        #[validate(length(max = 0))]
        long_name: String,
    },
}

#[derive(Validate, serde::Serialize)]
#[serde(rename_all(serialize = "PascalCase", deserialize = "kebab-case"))]
struct SerializeNames {
    #[validate(length(max = 0))]
    long_name: String,
    #[serde(rename(serialize = "out", deserialize = "in"))]
    #[validate(length(max = 0))]
    both: String,
    #[serde(rename(deserialize = "in2"))]
    #[validate(length(max = 0))]
    de_only: String,
}

#[test]
fn paths_use_serialize_names_and_rename_all_fields() {
    let path = |e: AllFields| found(e.validate())[0].0.clone();
    assert_eq!(
        path(AllFields::Plain {
            long_name: "x".into()
        }),
        "longName"
    );
    assert_eq!(
        path(AllFields::Own {
            long_name: "x".into()
        }),
        "LONG_NAME"
    );
    assert_eq!(
        path(AllFields::DeserializeOnly {
            long_name: "x".into()
        }),
        "longName",
        "a variant's rename_all without `serialize` leaves the enum's rename_all_fields"
    );
    let s = SerializeNames {
        long_name: "x".into(),
        both: "x".into(),
        de_only: "x".into(),
    };
    let wire: Vec<String> = serde_json::to_value(&s)
        .unwrap()
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    assert_eq!(wire, ["DeOnly", "LongName", "out"]);
    let paths: Vec<String> = found(s.validate()).into_iter().map(|(p, _)| p).collect();
    assert_eq!(paths, ["LongName", "out", "DeOnly"]);
}

// ---------------------------------------------------------------- raw names in rule paths

#[derive(Validate, Default)]
#[allow(clippy::duplicated_attributes, reason = "distinct rules")]
#[validate(mutually_exclusive(r#type, other))]
#[validate(when(path = "r#type", equals = "a", absent(r#loop)))]
#[validate(when(path = "type", equals = "b", absent(r#loop)))]
#[validate(when_set(other, then(path = "r#loop.r#type", equals = "c")))]
struct Raw {
    r#type: Option<String>,
    other: Option<String>,
    r#loop: Option<RawInner>,
}

#[derive(Validate, Default)]
struct RawInner {
    r#type: Option<String>,
}

#[test]
fn raw_and_plain_spellings_of_keywords_are_accepted_in_paths() {
    let r = |t: &str| {
        found(
            Raw {
                r#type: Some(t.into()),
                other: None,
                r#loop: Some(RawInner::default()),
            }
            .validate(),
        )
    };
    assert_eq!(r("a"), one("loop", "absent"));
    assert_eq!(r("b"), one("loop", "absent"));
    let hop = Raw {
        r#type: None,
        other: Some("x".into()),
        r#loop: Some(RawInner {
            r#type: Some("d".into()),
        }),
    };
    assert_eq!(found(hop.validate()), one("loop.type", "equals"));
}

// ---------------------------------------------------------------- flatten

#[derive(Validate, Default, serde::Serialize)]
struct FlatInner {
    #[validate(length(max = 1))]
    inner_name: Option<String>,
}

#[derive(Validate, Default, serde::Serialize)]
#[validate(properties(max = 3))]
struct Flat {
    name: Option<String>,
    #[serde(flatten)]
    #[validate(entries(max = 2), keys(length(max = 3)), values(length(max = 1)))]
    extra: BTreeMap<String, String>,
}

#[derive(Validate, Default, serde::Serialize)]
struct FlatStruct {
    #[serde(flatten)]
    #[validate(nested)]
    inner: FlatInner,
    #[serde(flatten)]
    #[validate(values(length(max = 1)))]
    more: Option<BTreeMap<String, String>>,
}

#[test]
fn flattened_members_are_members_of_the_enclosing_object() {
    let f = Flat {
        name: Some("n".into()),
        extra: [
            ("abcd".to_string(), "xy".to_string()),
            ("b".to_string(), "z".to_string()),
            ("c".to_string(), "w".to_string()),
        ]
        .into(),
    };
    assert_eq!(
        serde_json::to_value(&f).unwrap(),
        serde_json::json!({"name": "n", "abcd": "xy", "b": "z", "c": "w"})
    );
    assert_eq!(
        found(f.validate()),
        vec![
            ("".into(), "properties"),
            ("".into(), "entries"),
            ("abcd".into(), "length"),
            ("abcd".into(), "length"),
        ]
    );
    let s = FlatStruct {
        inner: FlatInner {
            inner_name: Some("ab".into()),
        },
        more: Some([("k".to_string(), "vw".to_string())].into()),
    };
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        serde_json::json!({"inner_name": "ab", "k": "vw"})
    );
    assert_eq!(
        found(s.validate()),
        vec![("inner_name".into(), "length"), ("k".into(), "length")]
    );
}

// ---------------------------------------------------------------- the expansion is lint-clean

/// The expansion compiles without warnings in a crate that denies them, for
/// a deprecated type (serde's derives allow `deprecated` the same way), and
/// under clippy's restriction lint `min_ident_chars` (checked by
/// `cargo clippy --all-targets -D warnings`).
#[deny(warnings, clippy::min_ident_chars)]
mod lint_clean {
    use spec_validate::Validate;

    #[deprecated = "use something else"]
    #[derive(Validate)]
    #[validate(properties(min = 1), scopes("read:x"))]
    pub struct Old {
        #[validate(pattern = "^[a-z]+$", length(max = 8))]
        pub name: Option<String>,
        #[deprecated = "gone"]
        #[validate(pattern = "^[a-z]{2}[0-9]{1,3}$")]
        pub code: Option<String>,
    }

    #[test]
    #[allow(deprecated)]
    fn deprecated_types_derive() {
        use spec_validate::Scopes as _;
        let old = Old {
            name: Some("abc".into()),
            code: None,
        };
        assert!(old.validate().is_ok());
        assert_eq!(old.required_scopes(), ["read:x"]);
    }
}

// ---------------------------------------------------------------- wire names of nested hops

#[derive(Validate, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct WireJwt {
    signing_alg: Option<String>,
    #[serde(rename = "ttl")]
    lifetime: Option<u32>,
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    key_set: Patch<WireKeys>,
}

#[derive(Validate, Default, serde::Serialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
struct WireKeys {
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    key_id: Patch<String>,
    #[serde(rename = "alg")]
    r#type: Option<String>,
}

#[derive(Validate, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
#[allow(clippy::duplicated_attributes, reason = "distinct rules")]
#[validate(when_set(flag_one, then(path = "jwt_config.signing_alg", equals = "RS256")))]
#[validate(when(
    path = "jwt_config.lifetime",
    equals = 5,
    then(path = "jwtConfig.key_set.key_id", equals = "k1")
))]
#[validate(when(
    path = "jwt_config.key_set.type",
    equals = "x",
    absent(flag_one),
    then(path = "jwt_config.key_set.key_id", equals = "k2")
))]
struct WireOuter {
    flag_one: Option<bool>,
    jwt_config: Option<Box<WireJwt>>,
}

fn wire_outer(jwt: WireJwt) -> WireOuter {
    WireOuter {
        flag_one: Some(true),
        jwt_config: Some(Box::new(jwt)),
    }
}

#[test]
fn nested_hops_are_named_by_their_wire_names() {
    // rename_all on both structs.
    let o = wire_outer(WireJwt {
        signing_alg: Some("HS256".into()),
        ..Default::default()
    });
    assert_eq!(found(o.validate()), one("jwtConfig.signingAlg", "equals"));
    let json = serde_json::to_value(wire_outer(WireJwt::default())).unwrap();
    assert!(
        json["jwtConfig"]
            .as_object()
            .unwrap()
            .contains_key("signingAlg")
    );
}

#[test]
fn nested_hops_are_named_even_when_the_value_is_missing() {
    // The inner value is null: no value to read the name from, the type has it.
    let o = WireOuter {
        flag_one: Some(true),
        jwt_config: Some(Box::new(WireJwt {
            lifetime: Some(5),
            signing_alg: Some("RS256".into()),
            key_set: Patch::Absent,
        })),
    };
    assert_eq!(found(o.validate()), vec![]);
    let o = WireOuter {
        flag_one: Some(true),
        jwt_config: Some(Box::new(WireJwt {
            lifetime: Some(5),
            signing_alg: Some("RS256".into()),
            key_set: Patch::Null,
        })),
    };
    assert_eq!(
        found(o.validate()),
        one("jwtConfig.keySet.KEY-ID", "equals")
    );
    let o = WireOuter {
        flag_one: Some(true),
        jwt_config: Some(Box::new(WireJwt {
            lifetime: Some(5),
            signing_alg: Some("RS256".into()),
            key_set: Patch::Value(WireKeys {
                key_id: Patch::Null,
                r#type: None,
            }),
        })),
    };
    assert_eq!(
        found(o.validate()),
        one("jwtConfig.keySet.KEY-ID", "equals")
    );
}

#[test]
fn nested_conditions_are_named_by_wire_names_in_messages() {
    // A renamed inner field in the condition, a three-hop then-path.
    let o = WireOuter {
        flag_one: None,
        jwt_config: Some(Box::new(WireJwt {
            lifetime: Some(5),
            key_set: Patch::Value(WireKeys {
                key_id: Patch::Value("k0".into()),
                r#type: None,
            }),
            ..Default::default()
        })),
    };
    let err = o.validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "jwtConfig.keySet.KEY-ID: must be `k1` when `jwtConfig.ttl` is 5"
    );
    let v = &err.violations()[0];
    assert_eq!(
        v.params.get("condition"),
        Some(&Param::Str("`jwtConfig.ttl` is 5".into()))
    );
    // A three-hop condition through a renamed raw field; `absent` and `then`.
    let o = WireOuter {
        flag_one: Some(false),
        jwt_config: Some(Box::new(WireJwt {
            signing_alg: Some("RS256".into()),
            key_set: Patch::Value(WireKeys {
                key_id: Patch::Absent,
                r#type: Some("x".into()),
            }),
            ..Default::default()
        })),
    };
    let err = o.validate().unwrap_err();
    assert_eq!(
        err.to_string(),
        "flagOne: must be absent or null when `jwtConfig.keySet.alg` is `x`"
    );
    let o = WireOuter {
        flag_one: None,
        jwt_config: Some(Box::new(WireJwt {
            key_set: Patch::Value(WireKeys {
                key_id: Patch::Value("k3".into()),
                r#type: Some("x".into()),
            }),
            ..Default::default()
        })),
    };
    assert_eq!(
        o.validate().unwrap_err().to_string(),
        "jwtConfig.keySet.KEY-ID: must be `k2` when `jwtConfig.keySet.alg` is `x`"
    );
}

#[derive(Validate, Default, serde::Serialize)]
#[validate(when_set(on, then(path = "mid.inner.key_id", equals = "k")))]
struct BoxedHops {
    on: Option<bool>,
    mid: Option<BoxedMid>,
}

#[derive(Validate, Default, serde::Serialize)]
struct BoxedMid {
    // Past the first hop one wrapper layer is looked through, and the field
    // access goes through the `Box` (and so do the wire names).
    #[serde(rename = "in")]
    inner: Option<Box<WireKeys>>,
}

#[test]
fn later_hops_are_named_through_a_box() {
    let r = |inner: Option<Box<WireKeys>>| {
        found(
            BoxedHops {
                on: Some(true),
                mid: Some(BoxedMid { inner }),
            }
            .validate(),
        )
    };
    assert_eq!(r(None), vec![]);
    let keys = |k: &str| {
        Some(Box::new(WireKeys {
            key_id: Patch::Value(k.into()),
            r#type: None,
        }))
    };
    assert_eq!(r(keys("k")), vec![]);
    assert_eq!(r(keys("j")), one("mid.in.KEY-ID", "equals"));
}
