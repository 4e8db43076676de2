//! What the generated bindings (`auth0-clients`) promise, checked on small bodies: PATCH
//! tri-state, no invented values, closed requests, open responses, secrets, scopes, and
//! violations reported together with JSON paths.

use auth0_clients::request::{self, UpdateClientRequest};
use auth0_clients::response::{self, Client};
use serde_json::json;
use spec_validate::{Patch, Scopes, Secret, Validate};

fn request(value: serde_json::Value) -> Result<UpdateClientRequest, String> {
    serde_path_to_error::deserialize(&value).map_err(|e| format!("{}: {}", e.path(), e.inner()))
}

fn violations(value: serde_json::Value) -> Vec<String> {
    let request = request(value).expect("deserializes");
    match request.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.message))
            .collect(),
    }
}

#[test]
fn absent_fields_are_not_sent_and_nothing_is_invented() {
    let body = UpdateClientRequest {
        name: Some("My app".to_owned()),
        ..Default::default()
    };
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({ "name": "My app" })
    );
}

#[test]
fn null_empty_and_absent_stay_distinct() {
    // `null` on a nullable field is `Patch::Null` and is sent as `null`.
    let body = request(json!({ "par_request_expiry": null })).unwrap();
    assert_eq!(body.par_request_expiry, Patch::Null);
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({ "par_request_expiry": null })
    );
    // An empty array is a value (it clears the list) and is sent.
    let body = request(json!({ "callbacks": [] })).unwrap();
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({ "callbacks": [] })
    );
    // `null` on a field that is not nullable is an error, not "absent".
    let err = request(json!({ "name": null })).unwrap_err();
    assert!(err.starts_with("name: invalid type: null"), "{err}");
}

#[test]
fn requests_are_closed() {
    let err = request(json!({ "nmae": "x" })).unwrap_err();
    assert!(err.starts_with("nmae: unknown field `nmae`"), "{err}");
    let err = request(json!({ "app_type": "spaceship" })).unwrap_err();
    assert!(
        err.starts_with("app_type: unknown variant `spaceship`"),
        "{err}"
    );
    let err = request(json!({ "jwt_configuration": { "alg": "RS999" } })).unwrap_err();
    assert!(
        err.starts_with("jwt_configuration.alg: unknown variant"),
        "{err}"
    );
}

#[test]
fn objects_come_only_from_json_objects() {
    // serde's derive would map array elements to fields by position.
    let err = serde_json::from_str::<UpdateClientRequest>(r#"["My app"]"#).unwrap_err();
    assert!(err.to_string().contains("expected a JSON object"), "{err}");
    let err = request(json!({ "refresh_token": ["rotating"] })).unwrap_err();
    assert!(
        err.starts_with("refresh_token: invalid type: sequence"),
        "{err}"
    );
    let err = request(json!({ "jwt_configuration": ["RS256"] })).unwrap_err();
    assert!(
        err.starts_with("jwt_configuration: invalid type: sequence"),
        "{err}"
    );
}

#[test]
fn nested_arrays_and_nulls_are_rejected_at_their_paths() {
    // An array whose elements would fit the fields by position (`enforce`, `per_day`,
    // `per_hour`) is still not an object, however deep the closed object sits...
    let err =
        request(json!({ "token_quota": { "client_credentials": [true, 10, 100] } })).unwrap_err();
    assert!(
        err.starts_with(
            "token_quota.client_credentials: invalid type: sequence, expected a JSON object"
        ),
        "{err}"
    );
    // ...including inside an array.
    let err = request(json!({
        "client_authentication_methods": { "private_key_jwt": { "credentials": [["cred_1"]] } },
    }))
    .unwrap_err();
    assert!(
        err.starts_with(
            "client_authentication_methods.private_key_jwt.credentials[0]: invalid type: \
             sequence, expected a JSON object"
        ),
        "{err}"
    );
    // `null` on a nested field that is not nullable is an error at that field, whether the
    // field is optional or required.
    let err = request(json!({ "token_quota": { "client_credentials": { "per_day": null } } }))
        .unwrap_err();
    assert!(
        err.starts_with("token_quota.client_credentials.per_day: invalid type: null"),
        "{err}"
    );
    let err = request(json!({
        "client_authentication_methods": { "private_key_jwt": { "credentials": [{ "id": null }] } },
    }))
    .unwrap_err();
    assert!(
        err.starts_with(
            "client_authentication_methods.private_key_jwt.credentials[0].id: invalid type: null"
        ),
        "{err}"
    );
    // The same shapes written as objects with values, or with the optional field left out, read
    // and write back unchanged.
    for body in [
        json!({ "token_quota": { "client_credentials": { "enforce": true, "per_day": 10 } } }),
        json!({ "token_quota": { "client_credentials": {} } }),
        json!({ "client_authentication_methods": { "private_key_jwt": { "credentials": [{ "id": "cred_1" }] } } }),
    ] {
        let read = request(body.clone()).unwrap();
        assert_eq!(serde_json::to_value(&read).unwrap(), body);
    }
}

#[test]
fn every_violation_is_reported_with_its_path() {
    let found = violations(json!({
        "name": "a<b",
        "description": "é".repeat(141),
        "callbacks": ["https://ok.example.com/cb", "not a url"],
        "client_metadata": { "bad key!": "v", "ok": "x".repeat(256) },
        "par_request_expiry": 5,
        "is_first_party": false,
        "organization_usage": "deny",
    }));
    let paths: Vec<&str> = found
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    for expected in [
        "name",
        "description",
        "callbacks[1]",
        "par_request_expiry",
        "organization_usage",
    ] {
        assert!(
            paths.contains(&expected),
            "no violation at {expected}: {found:#?}"
        );
    }
    assert!(
        paths.iter().any(|p| p.starts_with("client_metadata")),
        "{found:#?}"
    );
    // 140 characters are fine even when they take 280 bytes.
    assert!(violations(json!({ "description": "é".repeat(140) })).is_empty());
}

#[test]
fn an_empty_body_is_an_error_at_the_root() {
    assert_eq!(violations(json!({})).len(), 1);
    assert!(violations(json!({}))[0].starts_with(": "));
}

#[test]
fn cross_field_rules() {
    let found = violations(json!({
        "client_authentication_methods": { "private_key_jwt": { "credentials": [{ "id": "cred_1" }] } },
        "token_endpoint_auth_method": "none",
        "jwt_configuration": { "alg": "HS256" },
    }));
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("token_endpoint_auth_method: ")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|l| l.starts_with("jwt_configuration.alg: ")),
        "{found:#?}"
    );
    // What the body leaves out cannot be judged client-side: it passes.
    assert!(violations(json!({ "client_authentication_methods": { "private_key_jwt": { "credentials": [{ "id": "cred_1" }] } } })).is_empty());
}

#[test]
fn scopes_follow_the_fields_present() {
    let body = request(json!({ "name": "x" })).unwrap();
    assert_eq!(body.required_scopes(), ["update:clients"]);
    let body = request(json!({ "client_secret": "s3cr3t" })).unwrap();
    assert_eq!(body.required_scopes(), ["update:client_keys"]);
    let body = request(json!({
        "name": "x",
        "client_authentication_methods": { "private_key_jwt": { "credentials": [{ "id": "c" }] } },
    }))
    .unwrap();
    assert_eq!(
        body.required_scopes(),
        ["update:client_credentials", "update:clients"]
    );
}

#[test]
fn secrets_never_show_in_debug() {
    let body = UpdateClientRequest {
        client_secret: Some(Secret::new("hunter2-hunter2".to_owned())),
        ..Default::default()
    };
    let debug = format!("{body:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("[REDACTED]"), "{debug}");
    // ...but the wire value is the secret itself.
    assert_eq!(
        serde_json::to_value(&body).unwrap(),
        json!({ "client_secret": "hunter2-hunter2" })
    );
}

#[test]
fn responses_are_open_and_lossless() {
    let value = json!({
        "client_id": "abc",
        "app_type": "spa",
        "token_endpoint_auth_method": "a_method_from_the_future",
        "cross_origin_auth": true,
    });
    let client: Client = serde_json::from_value(value.clone()).unwrap();
    // A known value always maps to its variant...
    assert_eq!(client.app_type, Some(response::AppType::Spa));
    // ...an unknown one is kept verbatim...
    assert_eq!(
        client
            .token_endpoint_auth_method
            .as_ref()
            .map(|m| m.as_str()),
        Some("a_method_from_the_future")
    );
    // ...and so is an unknown field.
    assert_eq!(client.extra.get("cross_origin_auth"), Some(&json!(true)));
    assert_eq!(serde_json::to_value(&client).unwrap(), value);
    // Constructing `Unknown` with a known value still serializes to that value.
    assert_eq!(
        serde_json::to_value(response::AppType::Unknown("spa".to_owned())).unwrap(),
        json!("spa")
    );
}

#[test]
fn request_enums_expose_their_wire_values() {
    assert_eq!(request::AppType::RegularWeb.as_str(), "regular_web");
    assert!(request::AppType::ALL.contains(&request::AppType::Spa));
}

/// The YAML block of `spec/README.md` that contains `marker`.
fn readme_block(readme: &str, marker: &str) -> String {
    readme
        .split("```yaml\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or_default())
        .find(|block| block.contains(marker))
        .unwrap_or_else(|| panic!("spec/README.md has a yaml block with `{marker}`"))
        .to_owned()
}

/// The spec README's examples of `type: number`, `type: any` and a response without a body
/// load as documented and generate the documented Rust types.
#[test]
fn spec_readme_examples_of_number_any_and_empty_responses() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/README.md");
    let readme = std::fs::read_to_string(path).expect("spec/README.md");
    let spec = format!(
        "endpoint:
  name: update_widget
  summary: Update a widget
  method: PATCH
  path: /widgets
  auth: {{ scheme: bearer, scopes: [update:widgets] }}
  request: {{ type: UpdateWidget, default_scopes: [update:widgets] }}
{responses}types:
  UpdateWidget:
    kind: object
    fields:
{fields}  Client:
    kind: object
    fields:
      client_id: {{ type: string }}
",
        responses = readme_block(&readme, "204:"),
        fields = readme_block(&readme, "sample_rate:"),
    );
    let api =
        spec_codegen::load_str("readme.yaml", &spec).unwrap_or_else(|d| panic!("{d}\n{spec}"));
    let spec_codegen::ir::TypeKind::Object(object) = &api.types["UpdateWidget"].kind else {
        panic!("an object");
    };
    let field = |name: &str| object.fields.iter().find(|f| f.name == name).expect(name);
    assert_eq!(
        field("sample_rate").schema,
        spec_codegen::ir::Schema::Number
    );
    assert_eq!(
        field("custom_payload").schema,
        spec_codegen::ir::Schema::Any
    );
    assert!(field("custom_payload").nullable);
    let statuses: Vec<(u16, Option<&str>)> = api
        .endpoint
        .responses
        .iter()
        .map(|r| (r.status, r.type_name.as_deref()))
        .collect();
    assert_eq!(statuses, [(200, Some("Client")), (204, None)]);
}
