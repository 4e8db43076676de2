use spec_validate::Validate;

#[derive(Validate)]
#[validate(mutually_exclusive(client_authentication_methods, token_endpoint_auth_metod))]
#[validate(when_set(client_auth, then(path = "jwt_configuration.alg", equals = "RS256")))]
#[validate(when(path = "is_first_party", equals = false, absent(organisation_usage)))]
#[validate(when(
    path = "jwt_config.alg",
    equals = "RS256",
    then(path = "oidc_conformant", equals = true)
))]
#[validate(when(
    path = "is_first_party",
    equals = "no",
    absent(client_authentication_methods)
))]
#[validate(when(
    path = "jwt configuration",
    equals = 1,
    absent(client_authentication_methods)
))]
struct Request {
    client_authentication_methods: Option<String>,
    token_endpoint_auth_method: Option<String>,
    jwt_configuration: Option<Jwt>,
    is_first_party: Option<bool>,
    organization_usage: Option<String>,
    oidc_conformant: Option<bool>,
}

#[derive(Validate)]
struct Jwt {
    alg: Option<String>,
}

fn main() {}
