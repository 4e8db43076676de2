//! The `validate` example's contract: exit codes, `PATH: message` lines, stdout vs stderr.

#[allow(dead_code)]
#[path = "../examples/validate.rs"]
mod validate;

use std::path::PathBuf;

use validate::{Outcome, run};

fn file(name: &str, content: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate-example");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.display().to_string()
}

fn args(mode: &str, path: &str) -> Vec<String> {
    vec![mode.to_owned(), path.to_owned()]
}

fn lines(outcome: &Outcome) -> Vec<&str> {
    outcome.stdout.lines().collect()
}

#[test]
fn valid_request_prints_nothing() {
    let outcome = run(&args("request", &file("ok.json", r#"{"name": "My app"}"#)));
    assert_eq!(outcome, Outcome::default());
}

#[test]
fn invalid_request_prints_one_line_per_violation() {
    let body = r#"{"name": "a<b", "par_request_expiry": 5, "callbacks": ["nope"]}"#;
    let outcome = run(&args("request", &file("bad.json", body)));
    assert_eq!(outcome.code, 1);
    assert!(outcome.stderr.is_empty());
    let paths: Vec<&str> = lines(&outcome)
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(paths, ["name", "callbacks[0]", "par_request_expiry"]);
}

#[test]
fn deserialization_errors_become_path_lines() {
    for (name, body, prefix) in [
        ("malformed.json", "{", ": "),
        ("wrong-type.json", r#"{"name": 5}"#, "name: invalid type"),
        (
            "unknown-field.json",
            r#"{"nmae": "x"}"#,
            "nmae: unknown field `nmae` (did you mean `name`?)",
        ),
        (
            "unknown-enum.json",
            r#"{"app_type": "spaceship"}"#,
            "app_type: unknown variant `spaceship`",
        ),
        (
            "nested.json",
            r#"{"jwt_configuration": {"alg": "X"}}"#,
            "jwt_configuration.alg: unknown variant",
        ),
        (
            "array.json",
            "[]",
            ": expected a JSON object, found an array",
        ),
        ("empty.json", "{}", ": "),
        (
            "trailing.json",
            r#"{"name": "x"} {}"#,
            ": trailing characters",
        ),
    ] {
        let outcome = run(&args("request", &file(name, body)));
        assert_eq!(outcome.code, 1, "{name}: {outcome:?}");
        let found = lines(&outcome);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(found[0].starts_with(prefix), "{name}: {found:?}");
    }
}

#[test]
fn responses_and_scopes() {
    let client = r#"{"client_id": "x", "app_type": "new_kind", "brand_new": {"a": 1}}"#;
    assert_eq!(
        run(&args("response", &file("client.json", client))),
        Outcome::default()
    );
    let outcome = run(&args("response", &file("not-client.json", r#""x""#)));
    assert_eq!(outcome.code, 1);
    assert!(outcome.stdout.starts_with(": "), "{outcome:?}");

    let body = r#"{"client_secret": "s", "name": "n"}"#;
    let outcome = run(&args("scopes", &file("scopes.json", body)));
    assert_eq!(outcome.code, 0);
    assert_eq!(lines(&outcome), ["update:client_keys", "update:clients"]);
}

#[test]
fn usage_and_io_errors_exit_2_on_stderr() {
    let outcome = run(&[]);
    assert_eq!(outcome.code, 2);
    assert!(outcome.stdout.is_empty() && outcome.stderr.contains("usage"));
    let outcome = run(&args("bogus", "x"));
    assert_eq!(outcome.code, 2);
    let outcome = run(&args("request", "/definitely/not/here.json"));
    assert_eq!(outcome.code, 2);
    assert!(
        outcome.stderr.contains("/definitely/not/here.json"),
        "{outcome:?}"
    );
}
