//! Validating a valid value allocates nothing: a counting global allocator over
//! a struct that uses every rule. (Its own test binary: the allocator is global.)

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::BTreeMap;

use spec_validate::{Patch, Scopes, Secret, Validate, Wire, WireValue};

struct Counting;

thread_local! {
    // Per thread, so the test harness's own threads do not count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[derive(Clone, Copy)]
enum Alg {
    Rs256,
}
impl WireValue for Alg {
    fn wire(&self) -> Wire<'_> {
        match self {
            Alg::Rs256 => Wire::Str("RS256"),
        }
    }
}

#[derive(Validate)]
struct Jwt {
    alg: Option<Alg>,
    #[validate(range(min = 1, max = 36000))]
    lifetime_in_seconds: Option<u32>,
}

/// A newtype: transparent, its rules at the enclosing path.
#[derive(Validate)]
struct Slug(#[validate(length(min = 1, max = 32), pattern = "^[a-z0-9-]+$")] String);

#[derive(Validate)]
enum Target {
    Url(#[validate(url(https))] String),
    Ids(#[validate(items(max = 4, unique), each(range(min = 1)))] Vec<u64>),
    Named {
        #[validate(length(max = 10))]
        name: String,
        #[validate(nested)]
        slug: Slug,
    },
}

#[derive(Validate)]
#[validate(properties(min = 1, max = 40), scopes("update:clients"))]
#[validate(mutually_exclusive(client_authentication_methods, token_endpoint_auth_method))]
#[validate(when_set(
    client_authentication_methods,
    then(path = "jwt_configuration.alg", equals = "RS256")
))]
#[validate(when(path = "is_first_party", equals = false, absent(organization_usage)))]
#[validate(when(
    path = "organization_require_behavior",
    equals = "post_login_prompt",
    then(path = "oidc_conformant", equals = true)
))]
#[validate(when(
    path = "retries",
    equals = 3,
    then(path = "jwt_configuration.lifetime_in_seconds", equals = 36000)
))]
#[allow(clippy::duplicated_attributes)] // distinct `when(...)` rules, read as duplicates by clippy
struct Everything {
    #[validate(length(min = 1, max = 140), pattern = "^[^<>]+$")]
    name: Patch<String>,
    #[validate(pattern = "^(foo|bar)[0-9]+$")]
    regex: Option<String>,
    // A multi-part scanned pattern.
    #[validate(pattern = "^[a-z]{2}[0-9]{3}[A-Z]{1,4}$")]
    code: Option<String>,
    #[validate(length(max = 64), scopes("update:client_keys"))]
    client_secret: Option<Secret<String>>,
    #[validate(range(min = 10, max = 600))]
    par_request_expiry: Patch<u16>,
    #[validate(range(min = 0, max = 5))]
    retries: Option<u8>,
    #[validate(one_of("none", "client_secret_post"))]
    method: Option<String>,
    #[validate(url(https, placeholders, empty))]
    logo_uri: Option<String>,
    #[validate(url)]
    initiate_login_uri: Option<String>,
    #[validate(ip)]
    ip: Option<String>,
    #[validate(ip(cidr))]
    cidr: Option<String>,
    #[validate(items(min = 1, max = 10, unique), each(url(placeholders)))]
    callbacks: Option<Vec<String>>,
    #[validate(items(unique))]
    long_list: Vec<String>,
    // Above the pairwise threshold, within the stack buffer.
    #[validate(items(unique))]
    secrets: Vec<Secret<String>>,
    #[validate(
        entries(max = 10),
        keys(length(max = 255), pattern = "^[A-Za-z0-9_-]*$"),
        values(length(max = 255))
    )]
    client_metadata: Option<BTreeMap<String, Patch<String>>>,
    #[validate(keys(url), values(nested))]
    hooks: BTreeMap<String, Slug>,
    #[validate(keys(ip(cidr)))]
    ranges: Option<BTreeMap<String, bool>>,
    #[validate(nested)]
    jwt_configuration: Option<Box<Jwt>>,
    #[validate(nested)]
    jwts: Vec<Jwt>,
    #[validate(each(nested))]
    slugs: Option<Vec<Slug>>,
    #[validate(nested)]
    target: Option<Target>,
    #[validate(each(nested))]
    targets: Vec<Target>,
    #[validate(length(max = 20))]
    boxed: Box<str>,
    // Several wrapper layers, peeled one by one.
    #[validate(length(max = 8))]
    double: Option<Option<String>>,
    #[validate(nested)]
    slug: Patch<Slug>,
    client_authentication_methods: Patch<String>,
    token_endpoint_auth_method: Option<String>,
    is_first_party: Option<bool>,
    organization_usage: Patch<String>,
    organization_require_behavior: Option<String>,
    oidc_conformant: Option<bool>,
}

fn valid() -> Everything {
    Everything {
        name: Patch::Value("My app é".into()),
        regex: Some("foo123".into()),
        code: Some("ab123XYZ".into()),
        client_secret: Some(Secret::new("s".repeat(64))),
        par_request_expiry: Patch::Value(600),
        retries: Some(3),
        method: Some("client_secret_post".into()),
        logo_uri: Some("https://{tenant}.example.com/logo.png".into()),
        initiate_login_uri: Some("https://example.com/login".into()),
        ip: Some("2001:db8::1".into()),
        cidr: Some("10.0.0.0/8".into()),
        callbacks: Some(vec![
            "https://a.example.com/cb".into(),
            "http://localhost:3000".into(),
        ]),
        long_list: (0..100).map(|i| format!("item{i}")).collect(),
        secrets: (0..1000).map(|i| Secret::new(format!("k{i}"))).collect(),
        client_metadata: Some(
            [
                ("foo".to_string(), Patch::Value("bar".to_string())),
                ("gone".to_string(), Patch::Null),
            ]
            .into(),
        ),
        hooks: [("https://example.com/hook".to_string(), Slug("hook".into()))].into(),
        ranges: Some([("10.0.0.0/8".to_string(), true)].into()),
        jwt_configuration: Some(Box::new(Jwt {
            alg: Some(Alg::Rs256),
            lifetime_in_seconds: Some(36000),
        })),
        jwts: vec![Jwt {
            alg: None,
            lifetime_in_seconds: Some(1),
        }],
        slugs: Some(vec![Slug("a".into()), Slug("b-2".into())]),
        target: Some(Target::Named {
            name: "n".into(),
            slug: Slug("s".into()),
        }),
        targets: vec![
            Target::Url("https://example.com".into()),
            Target::Ids(vec![1, 2, 3]),
        ],
        boxed: "boxed".into(),
        double: Some(Some("double".into())),
        slug: Patch::Value(Slug("x".into())),
        client_authentication_methods: Patch::Value("private_key_jwt".into()),
        token_endpoint_auth_method: None,
        is_first_party: Some(true),
        organization_usage: Patch::Value("deny".into()),
        organization_require_behavior: Some("post_login_prompt".into()),
        oidc_conformant: Some(true),
    }
}

#[test]
fn a_valid_value_allocates_nothing() {
    let value = valid();
    // Warm up: the first validation that uses a regex `pattern` allocates,
    // once per process to compile it and once per thread for the regex
    // crate's match cache; this test measures on the thread that warmed up.
    assert!(
        value.validate().is_ok(),
        "{}",
        value.validate().unwrap_err()
    );
    let before = allocations();
    for _ in 0..100 {
        assert!(value.validate().is_ok());
    }
    assert_eq!(
        allocations() - before,
        0,
        "validating a valid value allocated"
    );

    // Every rule ran: breaking each field is reported.
    let mut broken = valid();
    broken.code = Some("ab12".into());
    broken.method = Some("nope".into());
    broken.secrets[999] = Secret::new("k0".into());
    broken.hooks = [("nope".to_string(), Slug("UP".into()))].into();
    broken.ranges = Some([("10.0.0.0/99".to_string(), true)].into());
    broken.targets = vec![Target::Ids(vec![2, 2, 0])];
    broken.slug = Patch::Value(Slug("Bad".into()));
    broken.par_request_expiry = Patch::Value(5);
    broken.double = Some(Some("too long!".into()));
    broken
        .jwt_configuration
        .as_mut()
        .unwrap()
        .lifetime_in_seconds = Some(100);
    let paths: Vec<(String, &str)> = broken
        .validate()
        .unwrap_err()
        .iter()
        .map(|v| (v.path.clone(), v.code.as_str()))
        .collect();
    for want in [
        ("code", "pattern"),
        ("method", "one_of"),
        ("secrets[999]", "unique"),
        ("hooks.nope", "url"),
        ("hooks.nope", "pattern"),
        ("ranges[\"10.0.0.0/99\"]", "ip"),
        ("targets[0][1]", "unique"),
        ("targets[0][2]", "range"),
        ("slug", "pattern"),
        ("double", "length"),
        ("par_request_expiry", "range"),
        ("jwt_configuration.lifetime_in_seconds", "equals"),
    ] {
        assert!(
            paths.iter().any(|(p, c)| (p.as_str(), *c) == want),
            "{want:?} not in {paths:?}"
        );
    }

    // Sanity: the counter does count, and an invalid value does allocate its report.
    let mut bad = valid();
    bad.name = Patch::Value("<".into());
    let before = allocations();
    assert!(bad.validate().is_err());
    assert!(allocations() > before);
    assert_eq!(
        value.required_scopes(),
        vec!["update:client_keys", "update:clients"]
    );
}
