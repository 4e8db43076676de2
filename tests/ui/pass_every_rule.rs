use std::collections::BTreeMap;

use spec_validate::{Patch, Scopes, Secret, Validate, Wire, WireValue};

#[derive(Clone, Copy)]
pub enum Alg {
    Rs256,
}

impl WireValue for Alg {
    fn wire(&self) -> Wire<'_> {
        Wire::Str(match self {
            Alg::Rs256 => "RS256",
        })
    }
}

#[derive(Validate)]
pub struct Jwt {
    pub alg: Option<Alg>,
}

#[derive(Validate)]
#[validate(
    crate = "::spec_validate",
    properties(min = 1, max = 10),
    scopes("update:clients")
)]
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
pub struct Request {
    #[validate(length(min = 1, max = 140), pattern = "^[^<>]+$")]
    pub name: Option<String>,
    #[validate(length(max = 64), scopes("update:client_keys"))]
    pub client_secret: Option<Secret<String>>,
    #[validate(range(min = 10, max = 600))]
    pub par_request_expiry: Patch<u16>,
    #[validate(url(https, placeholders, empty))]
    pub logo_uri: Option<String>,
    #[validate(one_of("none", "client_secret_post"))]
    pub token_endpoint_auth_method: Option<String>,
    #[validate(ip(cidr))]
    pub allowed_ip: Option<String>,
    #[validate(items(min = 1, max = 10, unique), each(url(placeholders)))]
    pub callbacks: Option<Vec<String>>,
    #[validate(
        entries(max = 10),
        keys(length(max = 255), pattern = "^[A-Za-z0-9_-]*$"),
        values(length(max = 255))
    )]
    pub client_metadata: Patch<BTreeMap<String, Option<String>>>,
    #[validate(nested)]
    pub jwt_configuration: Patch<Jwt>,
    #[validate(scopes("update:client_credentials"))]
    pub client_authentication_methods: Patch<String>,
    pub is_first_party: Option<bool>,
    pub organization_usage: Patch<String>,
    pub organization_require_behavior: Patch<String>,
    pub oidc_conformant: Option<bool>,
}

fn main() {
    let r = Request {
        name: Some("app".into()),
        client_secret: None,
        par_request_expiry: Patch::Null,
        logo_uri: None,
        token_endpoint_auth_method: None,
        allowed_ip: None,
        callbacks: None,
        client_metadata: Patch::Absent,
        jwt_configuration: Patch::Absent,
        client_authentication_methods: Patch::Absent,
        is_first_party: None,
        organization_usage: Patch::Absent,
        organization_require_behavior: Patch::Absent,
        oidc_conformant: None,
    };
    assert!(r.validate().is_ok());
    assert_eq!(r.required_scopes(), vec!["update:clients"]);
}
