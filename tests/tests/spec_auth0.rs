//! The shipped spec `spec/auth0/update-client.yaml` loads clean and covers the request fields
//! named on the seed page.

use std::path::Path;

use spec_codegen::ir;

fn spec_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/auth0/update-client.yaml")
}

fn load() -> ir::Api {
    let text = std::fs::read_to_string(spec_path()).expect("spec/auth0/update-client.yaml exists");
    match spec_codegen::load_str("spec/auth0/update-client.yaml", &text) {
        Ok(api) => api,
        Err(diagnostics) => panic!("the shipped spec has errors:\n{diagnostics}"),
    }
}

fn request_fields(api: &ir::Api) -> Vec<&ir::Field> {
    match &api.types[&api.endpoint.request.type_name].kind {
        ir::TypeKind::Object(object) => object.fields.iter().collect(),
        other => panic!("request type is not an object: {other:?}"),
    }
}

#[test]
fn spec_auth0_loads_clean_with_58_request_properties() {
    let api = load();
    assert_eq!(api.endpoint.method, "PATCH");
    assert_eq!(api.endpoint.path, "/api/v2/clients/{id}");
    // `UpdateClientRequestContent` in the published schema (2026-09-23) has 58 properties.
    assert_eq!(request_fields(&api).len(), 58);
    assert_eq!(spec_codegen::Summary::of(&api).request_properties, 58);
}

/// The request fields described on the seed page (`shared/seeds/000_003c4cda91d75498.txt`), in
/// the seed's order. The seed shows each field's description rather than its name; each name
/// below is paired with the start of its description as it appears on the seed page, matched to
/// the name through `UpdateClientRequestContent` in the published schema. The seed lists fewer
/// fields (48) than the 2026-09 schema (58).
const SEED_FIELDS: &[(&str, &str)] = &[
    (
        "name",
        "The name of the client. Must contain at least one character.",
    ),
    (
        "description",
        "Free text description of the purpose of the Client.",
    ),
    (
        "client_secret",
        "The secret used to sign tokens for the client",
    ),
    (
        "logo_uri",
        "The URL of the client logo (recommended size: 150x150)",
    ),
    (
        "callbacks",
        "A set of URLs that are valid to call back from Auth0",
    ),
    ("oidc_logout", "Configuration for OIDC backchannel logout"),
    (
        "oidc_backchannel_logout",
        "Configuration for OIDC backchannel logout (deprecated",
    ),
    ("session_transfer", "Native to Web SSO Configuration"),
    (
        "allowed_origins",
        "A set of URLs that represents valid origins for CORS",
    ),
    (
        "web_origins",
        "A set of URLs that represents valid web origins",
    ),
    (
        "grant_types",
        "A set of grant types that the client is authorized to use.",
    ),
    ("client_aliases", "List of audiences for SAML protocol"),
    (
        "allowed_clients",
        "Ids of clients that will be allowed to perform delegation requests.",
    ),
    (
        "allowed_logout_urls",
        "URLs that are valid to redirect to after logout from Auth0",
    ),
    (
        "jwt_configuration",
        "An object that holds settings related to how JWTs are created",
    ),
    ("encryption_key", "The client's encryption key"),
    (
        "sso",
        "true to use Auth0 instead of the IdP to do Single Sign On",
    ),
    (
        "cross_origin_authentication",
        "true if this client can be used to make cross-origin",
    ),
    (
        "cross_origin_loc",
        "URL for the location in your site where the cross origin verification",
    ),
    ("sso_disabled", "true to disable Single Sign On"),
    (
        "custom_login_page_on",
        "true if the custom login page is to be used",
    ),
    (
        "token_endpoint_auth_method",
        "Defines the requested authentication method for the token endpoint.",
    ),
    (
        "is_token_endpoint_ip_header_trusted",
        "If true, trust that the IP specified in the auth0-forwarded-for header",
    ),
    ("app_type", "The type of application this client represents"),
    (
        "is_first_party",
        "Whether this client a first party client or not",
    ),
    (
        "oidc_conformant",
        "Whether this client will conform to strict OIDC specifications",
    ),
    (
        "custom_login_page",
        "The content (HTML, CSS, JS) of the custom login page",
    ),
    ("form_template", "Form template for WS-Federation protocol"),
    (
        "addons",
        "Addons enabled for this client and their associated configurations.",
    ),
    ("client_metadata", "Metadata associated with the client"),
    ("mobile", "Configuration related to native mobile apps"),
    ("initiate_login_uri", "Initiate login uri, must be https"),
    ("native_social_login", "Configure native social settings"),
    ("refresh_token", "Refresh token configuration"),
    (
        "default_organization",
        "Defines the default Organization ID and flows",
    ),
    (
        "organization_usage",
        "Defines how to proceed during an authentication transaction with regards an organization.",
    ),
    (
        "organization_require_behavior",
        "Defines how to proceed during an authentication transaction when client.organization_usage",
    ),
    (
        "organization_discovery_methods",
        "Defines the available methods for organization discovery",
    ),
    (
        "client_authentication_methods",
        "Defines client authentication methods.",
    ),
    (
        "require_pushed_authorization_requests",
        "Makes the use of Pushed Authorization Requests mandatory",
    ),
    (
        "require_proof_of_possession",
        "Makes the use of Proof-of-Possession mandatory",
    ),
    (
        "signed_request_object",
        "JWT-secured Authorization Requests (JAR) settings.",
    ),
    (
        "compliance_level",
        "Defines the compliance level for this client",
    ),
    (
        "skip_non_verifiable_callback_uri_confirmation_prompt",
        "Controls whether a confirmation prompt is shown",
    ),
    ("token_exchange", "Configuration for token exchange."),
    (
        "par_request_expiry",
        "Specifies how long, in seconds, a Pushed Authorization Request URI remains valid",
    ),
    (
        "express_configuration",
        "Application specific configuration for use with the OIN Express Configuration feature.",
    ),
    (
        "async_approval_notification_channels",
        "Array of notification channels for contacting the user",
    ),
];

#[test]
fn spec_auth0_has_every_seed_request_field() {
    let api = load();
    let names: Vec<&str> = request_fields(&api)
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    let missing: Vec<&str> = SEED_FIELDS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !names.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "seed fields missing from the spec: {missing:?}"
    );
    assert_eq!(SEED_FIELDS.len(), 48);
}

/// The copied descriptions really are on the seed page, when `shared/` sits beside the
/// repository (as in development and CI).
#[test]
fn spec_auth0_seed_field_list_matches_seed_page() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let Ok(page) = std::fs::read_to_string(seeds.join("000_003c4cda91d75498.txt")) else {
        eprintln!("shared/seeds not found beside the repository; skipping");
        return;
    };
    let request_part = page
        .split("Client successfully updated.")
        .next()
        .unwrap_or("");
    for (name, description) in SEED_FIELDS {
        assert!(
            request_part.contains(description),
            "{name}: `{description}` is not on the seed page"
        );
    }
}

#[test]
fn spec_auth0_cross_field_rules_from_the_seed() {
    let api = load();
    let ir::TypeKind::Object(request) = &api.types[&api.endpoint.request.type_name].kind else {
        panic!("request is not an object");
    };
    let path = |p: &str| ir::FieldPath(p.split('.').map(str::to_owned).collect());
    let expected = [
        ir::RuleKind::MutuallyExclusive {
            fields: vec![
                "client_authentication_methods".to_owned(),
                "token_endpoint_auth_method".to_owned(),
            ],
        },
        ir::RuleKind::RequiresWhenSet {
            field: "client_authentication_methods".to_owned(),
            then: path("jwt_configuration.alg"),
            equals: ir::Literal::Str("RS256".to_owned()),
        },
        ir::RuleKind::AbsentWhenEquals {
            when: path("is_first_party"),
            equals: ir::Literal::Bool(false),
            absent: vec![
                "organization_usage".to_owned(),
                "organization_require_behavior".to_owned(),
            ],
        },
        ir::RuleKind::RequiresWhenEquals {
            when: path("organization_require_behavior"),
            equals: ir::Literal::Str("post_login_prompt".to_owned()),
            then: path("oidc_conformant"),
            then_equals: ir::Literal::Bool(true),
        },
    ];
    for kind in &expected {
        let rule = request.rules.iter().find(|rule| &rule.kind == kind);
        let rule = rule.unwrap_or_else(|| panic!("missing rule {kind:?}"));
        assert!(
            rule.description.is_some(),
            "rule {kind:?} has no description"
        );
    }
}

/// Mutating the real spec never panics the loader (a cheap deterministic fuzz at scale).
#[test]
fn spec_auth0_mutations_never_panic() {
    let text = std::fs::read_to_string(spec_path()).expect("spec exists");
    let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..40 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = boundaries[(state as usize) % boundaries.len()];
        let mut mutated = text.clone();
        if round % 2 == 0 {
            mutated.insert_str(at, [":", "- ", "{", "\n  x: 1\n", "'"][round % 5]);
        } else {
            mutated.truncate(at);
        }
        let _ = spec_codegen::load_str("mutated.yaml", &mutated).map_err(|d| d.to_string());
    }
}
