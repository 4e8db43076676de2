//! Real traffic against the generated bindings (`auth0-clients`):
//!
//! - every PATCH body Auth0 answered with 2xx deserializes into `UpdateClientRequest`, passes
//!   validation, and serializes back to the same JSON value;
//! - every client object Auth0 returned (including the PATCH responses) deserializes into
//!   `Client` and serializes back to the same JSON value.
//!
//! The recordings are copied into `tests/fixtures/recordings/` (see its README) so a clean
//! clone is self-contained. Each test fails loudly when it finds no recordings, rather than
//! passing vacuously. When the shared reference folder is present next to the workspace
//! (`../shared/reference`), the copy is checked to be complete.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use auth0_clients::{Client, UpdateClientRequest};
use serde::Serialize;
use serde::de::DeserializeOwned;
use spec_codegen::ir;
use spec_validate::Validate;

fn recordings() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/recordings/go-auth0")
}

/// `*.json` files of a directory, sorted, filtered by name.
fn json_files(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".json") && keep(n))
        })
        .collect();
    out.sort();
    out
}

fn is_body(name: &str) -> bool {
    !name.ends_with(".response.json")
}

/// Whether the recorded status of a request body is 2xx.
fn succeeded(body: &Path) -> bool {
    let status_path = body.with_extension("status");
    let status = std::fs::read_to_string(&status_path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", status_path.display()));
    status
        .trim()
        .parse::<u16>()
        .is_ok_and(|s| (200..300).contains(&s))
}

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// Deserializes `value` into `T` and back; `Err` describes the first problem.
fn round_trip<T: DeserializeOwned + Serialize>(value: &serde_json::Value) -> Result<T, String> {
    let typed: T = serde_path_to_error::deserialize(value)
        .map_err(|err| format!("does not deserialize: {}: {}", err.path(), err.inner()))?;
    let back = serde_json::to_value(&typed).map_err(|err| format!("does not serialize: {err}"))?;
    if &back != value {
        return Err(format!(
            "round trip changed the value:\n  before: {value}\n  after:  {back}"
        ));
    }
    Ok(typed)
}

#[test]
fn recorded_patch_bodies_deserialize_validate_and_round_trip() {
    let bodies: Vec<PathBuf> = json_files(&recordings().join("request"), is_body)
        .into_iter()
        .filter(|path| succeeded(path))
        .collect();
    assert!(
        bodies.len() >= 10,
        "expected at least 10 recorded 2xx PATCH bodies, found {}",
        bodies.len()
    );
    let mut failures = Vec::new();
    for path in &bodies {
        let value = read_json(path);
        match round_trip::<UpdateClientRequest>(&value) {
            Err(problem) => failures.push(format!("{}: {problem}", path.display())),
            Ok(request) => {
                if let Err(report) = request.validate() {
                    failures.push(format!(
                        "{}: rejected by validation:\n{report}",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every recorded client object: `client/*.json` and the PATCH responses.
fn recorded_clients() -> Vec<PathBuf> {
    let mut files = json_files(&recordings().join("client"), |_| true);
    files.extend(json_files(&recordings().join("request"), |n| {
        n.ends_with(".response.json")
    }));
    files
}

/// 141 client objects plus 10 PATCH responses; a lower count means recordings went missing.
const RECORDED_CLIENTS: usize = 151;

/// Top-level members of recorded clients that the spec does not declare, so `Client.extra`
/// keeps them. Anything else landing in `extra` would be a declared field whose wire name the
/// bindings no longer match (or a new field: then add it here, or to the spec).
const UNDECLARED_CLIENT_FIELDS: &[(&str, &str)] = &[
    (
        "cross_origin_auth",
        "deprecated alias of cross_origin_authentication, still returned; the response schema \
         lacks it (spec comment on `Client`)",
    ),
    (
        "oidc_backchannel_logout",
        "deprecated predecessor of oidc_logout, in 0033-TestClient_CreateWithOIDCLogout.json; the \
         response schema lacks it (spec comment on `Client`)",
    ),
];

#[test]
fn recorded_clients_deserialize_and_round_trip() {
    let files = recorded_clients();
    assert!(
        files.len() >= RECORDED_CLIENTS,
        "expected at least {RECORDED_CLIENTS} recorded client objects, found {}",
        files.len()
    );
    let allowed: BTreeSet<&str> = UNDECLARED_CLIENT_FIELDS.iter().map(|(k, _)| *k).collect();
    let mut failures = Vec::new();
    for path in &files {
        match round_trip::<Client>(&read_json(path)) {
            Err(problem) => failures.push(format!("{}: {problem}", path.display())),
            Ok(client) => {
                // A round trip alone passes when a field lands in `extra` (a broken rename
                // keeps the value, just untyped).
                for key in client.extra.keys() {
                    if !allowed.contains(key.as_str()) {
                        failures.push(format!(
                            "{}: `{key}` was kept in Client.extra, not typed",
                            path.display()
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn load_spec() -> ir::Api {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/auth0/update-client.yaml");
    let text = std::fs::read_to_string(&path).expect("the shipped spec");
    spec_codegen::load_str("spec/auth0/update-client.yaml", &text)
        .unwrap_or_else(|diagnostics| panic!("the shipped spec has errors:\n{diagnostics}"))
}

/// The JSON kinds a schema accepts (besides `null`).
fn accepted_kinds(api: &ir::Api, schema: &ir::Schema) -> BTreeSet<&'static str> {
    let all = ["object", "string", "boolean", "array", "number"];
    match schema {
        ir::Schema::String(_) => BTreeSet::from(["string"]),
        ir::Schema::Integer(_) | ir::Schema::Number => BTreeSet::from(["number"]),
        ir::Schema::Boolean => BTreeSet::from(["boolean"]),
        ir::Schema::Array(_) => BTreeSet::from(["array"]),
        ir::Schema::Map(_) => BTreeSet::from(["object"]),
        ir::Schema::Any => all.into_iter().collect(),
        ir::Schema::Named(name) => match &api.types[name].kind {
            ir::TypeKind::Object(_) | ir::TypeKind::Map(_) => BTreeSet::from(["object"]),
            ir::TypeKind::Enum(_) => BTreeSet::from(["string"]),
            ir::TypeKind::Union(union) => union
                .variants
                .iter()
                .flat_map(|v| accepted_kinds(api, &v.schema))
                .collect(),
        },
    }
}

/// A value of a JSON kind `schema` does not accept, or `None` when it accepts everything.
fn wrong_value(api: &ir::Api, schema: &ir::Schema) -> Option<serde_json::Value> {
    let accepted = accepted_kinds(api, schema);
    let probes = [
        ("object", serde_json::json!({ "__probe__": 0 })),
        ("string", serde_json::json!("__probe__")),
        ("boolean", serde_json::json!(true)),
        ("array", serde_json::json!(["__probe__"])),
        ("number", serde_json::json!(0.5)),
    ];
    probes
        .into_iter()
        .find(|(kind, _)| !accepted.contains(kind))
        .map(|(_, value)| value)
}

/// One declared field met in a recording: where (a JSON pointer) and what it must reject.
struct Probe {
    pointer: String,
    wrong: serde_json::Value,
}

/// Walks `value` against `schema`, noting for each `(type, field)` the first place a declared
/// field appears with a value (`probes`).
fn declared_fields(
    api: &ir::Api,
    schema: &ir::Schema,
    value: &serde_json::Value,
    pointer: &str,
    probes: &mut BTreeMap<(String, String), Probe>,
) {
    match (schema, value) {
        (ir::Schema::Array(array), serde_json::Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                declared_fields(api, &array.items, item, &format!("{pointer}/{i}"), probes);
            }
        }
        (ir::Schema::Map(map), serde_json::Value::Object(members)) => {
            for (key, item) in members {
                let pointer = format!("{pointer}/{}", escape_pointer(key));
                declared_fields(api, &map.values, item, &pointer, probes);
            }
        }
        (ir::Schema::Named(name), serde_json::Value::Object(members)) => {
            match &api.types[name].kind {
                ir::TypeKind::Object(object) => {
                    for field in &object.fields {
                        let Some(item) = members.get(&field.name) else {
                            continue;
                        };
                        let pointer = format!("{pointer}/{}", escape_pointer(&field.name));
                        if let Some(wrong) = wrong_value(api, &field.schema) {
                            probes
                                .entry((name.clone(), field.name.clone()))
                                .or_insert_with(|| Probe {
                                    pointer: pointer.clone(),
                                    wrong,
                                });
                        }
                        declared_fields(api, &field.schema, item, &pointer, probes);
                    }
                }
                ir::TypeKind::Map(map) => {
                    for (key, item) in members {
                        let pointer = format!("{pointer}/{}", escape_pointer(key));
                        declared_fields(api, &map.values, item, &pointer, probes);
                    }
                }
                // Which variant a union value takes is the deserializer's business: not walked.
                ir::TypeKind::Enum(_) | ir::TypeKind::Union(_) => {}
            }
        }
        _ => {}
    }
}

fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// For every declared field of every type that occurs in `recordings` (at any depth): putting a
/// value of the wrong JSON kind there must make deserialization into `T` fail. A field whose wire
/// name the bindings do not match would land in `extra` and accept anything. Returns the
/// fields that accepted a wrong value, and how many fields were probed.
fn fields_kept_untyped<T: DeserializeOwned>(
    api: &ir::Api,
    root: &str,
    recordings: &[PathBuf],
) -> (Vec<String>, usize) {
    let mut probes = BTreeMap::new();
    let mut sources = BTreeMap::new();
    for path in recordings {
        let value = read_json(path);
        let before = probes.len();
        declared_fields(
            api,
            &ir::Schema::Named(root.to_owned()),
            &value,
            "",
            &mut probes,
        );
        if probes.len() > before {
            sources.insert(path.clone(), value);
        }
    }
    let mut accepted = Vec::new();
    for ((type_name, field), probe) in &probes {
        // The first recording holding this field (the walk met it there).
        let (path, mut value) = sources
            .iter()
            .find(|(_, v)| v.pointer(&probe.pointer).is_some())
            .map(|(p, v)| (p.clone(), v.clone()))
            .expect("a recording holds the probed field");
        *value.pointer_mut(&probe.pointer).expect("probed field") = probe.wrong.clone();
        if serde_json::from_value::<T>(value).is_ok() {
            accepted.push(format!(
                "{type_name}.{field} (at {} in {}) accepted {}: it is not typed",
                probe.pointer,
                path.display(),
                probe.wrong
            ));
        }
    }
    (accepted, probes.len())
}

#[test]
fn recorded_declared_fields_are_typed_at_every_depth() {
    let api = load_spec();
    let root = api
        .endpoint
        .responses
        .iter()
        .find(|r| r.status == 200)
        .and_then(|r| r.type_name.clone())
        .expect("a 200 response type");
    let (accepted, probed) = fields_kept_untyped::<Client>(&api, &root, &recorded_clients());
    assert!(accepted.is_empty(), "{}", accepted.join("\n"));
    // Well over the top level: nested objects (jwt_configuration, refresh_token...) are probed.
    assert!(
        probed >= 90,
        "only {probed} (type, field) pairs probed (93 when written)"
    );
}

/// The check above is not vacuous: bindings that keep everything in `extra` round-trip every
/// recording, and the probes catch them.
#[test]
fn untyped_bindings_are_caught_by_the_probes() {
    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct AllExtra {
        #[serde(rename = "clientId")]
        client_id: Option<String>,
        #[serde(flatten)]
        extra: BTreeMap<String, serde_json::Value>,
    }
    let api = load_spec();
    let (accepted, probed) = fields_kept_untyped::<AllExtra>(&api, "Client", &recorded_clients());
    assert_eq!(accepted.len(), probed);
    assert!(
        accepted.iter().any(|a| a.starts_with("Client.client_id ")),
        "{accepted:?}"
    );
}

/// When the shared reference data sits next to the workspace, the copy here must hold every
/// 2xx PATCH body and every client object of it, byte for byte.
#[test]
fn copied_recordings_match_the_shared_reference() {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/reference/recordings/go-auth0");
    if !shared.is_dir() {
        // A clean clone has only the copy; the other tests still run on it.
        eprintln!(
            "note: {} not found; skipping the completeness check",
            shared.display()
        );
        return;
    }
    let mut expected = json_files(&shared.join("client"), |_| true);
    expected.extend(
        json_files(&shared.join("request"), |_| true)
            .into_iter()
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                !is_body(name) || succeeded(p)
            }),
    );
    for original in expected {
        let relative = original.strip_prefix(&shared).expect("under shared");
        let copy = recordings().join(relative);
        let same = std::fs::read(&copy).ok() == std::fs::read(&original).ok();
        assert!(
            same,
            "{} is missing or differs from {}",
            copy.display(),
            original.display()
        );
    }
}

#[test]
fn response_keeps_unknown_fields_enum_values_and_nulls() {
    let value = serde_json::json!({
        "client_id": "abc",
        "app_type": "a_type_from_the_future",
        "token_endpoint_auth_method": "client_secret_post",
        "cross_origin_auth": true,
        "jwt_configuration": { "alg": "RS256", "brand_new": [1, 2] },
        // Nullable in the spec: a present `null` is kept apart from absent.
        "par_request_expiry": null,
        "default_organization": null,
        "compliance_level": null,
        "refresh_token": null,
        "client_authentication_methods": null,
    });
    let client: Client = round_trip(&value).expect("round trip");
    assert!(client.extra.contains_key("cross_origin_auth"));
    assert_eq!(client.extra.len(), 1, "{:?}", client.extra.keys());

    // Every field the spec makes nullable on `Client`, all null at once.
    let api = load_spec();
    let ir::TypeKind::Object(object) = &api.types["Client"].kind else {
        panic!("Client is an object");
    };
    let mut value = serde_json::json!({ "client_id": "abc" });
    let nullable: Vec<&str> = object
        .fields
        .iter()
        .filter(|f| f.nullable)
        .map(|f| f.name.as_str())
        .collect();
    assert!(nullable.len() >= 5, "{nullable:?}");
    for name in &nullable {
        value[*name] = serde_json::Value::Null;
    }
    let client: Client = round_trip(&value).expect("nulls round trip");
    assert!(client.extra.is_empty(), "{:?}", client.extra.keys());
}

#[test]
fn request_accepts_null_for_objects_the_server_unsets() {
    // Auth0 answered 200 to these (see the reference README).
    for field in [
        "addons",
        "signed_request_object",
        "token_vault_privileged_access",
        "oidc_backchannel_logout",
    ] {
        let value = serde_json::json!({ field: null });
        let request: UpdateClientRequest =
            round_trip(&value).unwrap_or_else(|e| panic!("{field}: {e}"));
        request
            .validate()
            .unwrap_or_else(|r| panic!("{field}: {r}"));
    }
}
