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

use std::path::{Path, PathBuf};

use auth0_clients::{Client, UpdateClientRequest};
use serde::Serialize;
use serde::de::DeserializeOwned;
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

#[test]
fn recorded_clients_deserialize_and_round_trip() {
    let mut files = json_files(&recordings().join("client"), |_| true);
    files.extend(json_files(&recordings().join("request"), |n| {
        n.ends_with(".response.json")
    }));
    assert!(
        files.len() >= 141,
        "expected at least 141 recorded client objects, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for path in &files {
        if let Err(problem) = round_trip::<Client>(&read_json(path)) {
            failures.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
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
    });
    let client: Client = round_trip(&value).expect("round trip");
    assert!(client.extra.contains_key("cross_origin_auth"));
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
