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

fn bytes_file(name: &str, content: &[u8]) -> String {
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
            // An enum's values stay listed, with no hint when none is close.
            "far-enum.json",
            r#"{"app_type": "xyzzy"}"#,
            "app_type: unknown variant `xyzzy`, expected one of `native`, `spa`,",
        ),
        (
            // ...and after the closest one when one is.
            "misspelt-enum.json",
            r#"{"app_type": "regular_wbe"}"#,
            "app_type: unknown variant `regular_wbe` (did you mean `regular_web`?), expected one of `native`, `spa`,",
        ),
        (
            "misspelt-enum-case.json",
            r#"{"jwt_configuration": {"alg": "rs256"}}"#,
            "jwt_configuration.alg: unknown variant `rs256` (did you mean `RS256`?), expected one of `HS256`, `RS256`, `RS512`, `PS256`",
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

    // A body `request` rejects has no scopes to print: its problems instead, exit 1.
    let body = r#"{"client_secret": "", "name": "a<b"}"#;
    let outcome = run(&args("scopes", &file("scopes-invalid.json", body)));
    assert_eq!(outcome.code, 1);
    let paths: Vec<&str> = lines(&outcome)
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect();
    assert_eq!(paths, ["name", "client_secret"], "{outcome:?}");
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

/// Runs `request` on `body` and returns the printed lines (exit 1 expected unless none).
fn request_lines(name: &str, body: &str) -> Vec<String> {
    let outcome = run(&args("request", &file(name, body)));
    assert!(outcome.stderr.is_empty(), "{name}: {outcome:?}");
    let found: Vec<String> = outcome.stdout.lines().map(str::to_owned).collect();
    assert_eq!(
        outcome.code,
        u8::from(!found.is_empty()),
        "{name}: {outcome:?}"
    );
    found
}

fn paths(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .map(|l| l.split(": ").next().unwrap())
        .collect()
}

#[test]
fn a_deserialization_problem_does_not_hide_the_others() {
    let body = format!(
        r#"{{"grant_types": ["implicit", "refresh_token", "spaceship"], "description": "{}"}}"#,
        "x".repeat(141)
    );
    let found = request_lines("all-problems.json", &body);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("grant_types[2]: unknown variant `spaceship`"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("description: must be at most 140"),
        "{found:?}"
    );

    // Several deserialization problems, in the order of the file (not `Value`'s key order),
    // then the violations of what is left.
    let body = r#"{"name": "a<b", "nmae": "x", "app_type": "spaceship", "jwt_configuration": {"alg": "X"}, "callbacks": 5, "logo_uri": "nope"}"#;
    let found = request_lines("several.json", body);
    assert_eq!(
        paths(&found),
        [
            "nmae",
            "app_type",
            "jwt_configuration.alg",
            "callbacks",
            "name",
            "logo_uri",
        ],
        "{found:?}"
    );
    assert!(found[0].contains("unknown field `nmae`"), "{found:?}");
}

#[test]
fn removing_what_failed_invents_no_problem() {
    // Each body has exactly one problem; taking the member out must not add "must set at
    // least 1 property" (the root, a nested object) or "missing field" (a required field).
    for (name, body, line) in [
        (
            "only-unknown.json",
            r#"{"nmae": "x"}"#,
            "nmae: unknown field `nmae`",
        ),
        (
            "only-bad-type.json",
            r#"{"name": 5}"#,
            "name: invalid type: integer `5`, expected a string",
        ),
        (
            "nested-emptied.json",
            r#"{"token_quota": {"client_credentials": {"enforce": "yes"}}}"#,
            "token_quota.client_credentials.enforce: invalid type",
        ),
        (
            "required-removed.json",
            r#"{"token_quota": {"client_credentials": 5}}"#,
            "token_quota.client_credentials: invalid type",
        ),
        (
            "in-array.json",
            r#"{"grant_types": ["nope"]}"#,
            "grant_types[0]: unknown variant `nope`",
        ),
    ] {
        let found = request_lines(name, body);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(found[0].starts_with(line), "{name}: {found:?}");
    }
    // An empty body is still an error of its own.
    assert_eq!(
        request_lines("empty-body.json", "{}"),
        [": must set at least 1 property (got 0)"]
    );
    // A "too many" verdict on what is left stays true: 12 entries, one of them not a string.
    let mut entries: Vec<String> = (0..11).map(|i| format!(r#""k{i}": "v""#)).collect();
    entries.push(r#""bad": 5"#.to_owned());
    let body = format!(r#"{{"client_metadata": {{{}}}}}"#, entries.join(", "));
    let found = request_lines("metadata-too-many.json", &body);
    assert_eq!(
        paths(&found),
        ["client_metadata.bad", "client_metadata"],
        "{found:?}"
    );
}

#[test]
fn paths_use_the_validator_notation_and_stay_on_one_line() {
    // The same map key, once as a deserialization problem and once as a violation.
    let found = request_lines(
        "key-type.json",
        r#"{"client_metadata": {"bad key!": 5, "ok": "v", "a\"b": 5}}"#,
    );
    assert_eq!(
        paths(&found),
        [
            r#"client_metadata["bad key!"]"#,
            r#"client_metadata["a\"b"]"#
        ],
        "{found:?}"
    );
    let found = request_lines(
        "key-pattern.json",
        r#"{"client_metadata": {"bad key!": "v"}}"#,
    );
    assert_eq!(
        paths(&found),
        [r#"client_metadata["bad key!"]"#],
        "{found:?}"
    );

    // Control characters and line separators in keys and in serde's messages are escaped.
    let body = r#"{"a\nb\u0085c\u2028": 1, "client_metadata": {"x\ny": 5}, "name\r": 1}"#;
    let found = request_lines("controls.json", body);
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(
        found[0].starts_with(r#"["a\nb\u0085c\u2028"]: unknown field `a\nb\u0085c\u2028`"#),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(r#"client_metadata["x\ny"]: invalid type"#),
        "{found:?}"
    );
    assert!(
        found[2].starts_with(r#"["name\r"]: unknown field `name\r`"#),
        "{found:?}"
    );
    for line in &found {
        assert!(
            !line.chars().any(|c| c.is_control() || c == '\u{2028}'),
            "{line:?}"
        );
    }
}

#[test]
fn duplicate_keys_are_problems_everywhere() {
    // Ten distinct metadata keys, eleven entries: the max-10 check alone would pass.
    let mut entries: Vec<String> = (0..10).map(|i| format!(r#""k{i}": "v""#)).collect();
    entries.push(r#""k3": "w""#.to_owned());
    let body = format!(
        r#"{{"name": "a", "client_metadata": {{{}}}, "name": "b", "jwt_configuration": {{"alg": "HS256", "alg": "RS256", "alg": "PS256"}}, "mobile": {{"android": {{"app_package_name": "x"}}, "x y": 1, "x y": 2}}}}"#,
        entries.join(", ")
    );
    let found = request_lines("duplicates.json", &body);
    assert_eq!(
        found,
        [
            "client_metadata.k3: duplicate key `k3`",
            "name: duplicate key `name`",
            "jwt_configuration.alg: duplicate key `alg`",
            r#"mobile["x y"]: duplicate key `x y`"#,
        ]
    );
    // In a response, whose unknown members are kept in `extra`, and in arrays.
    let client = r#"{"client_id": "x", "brand_new": 1, "callbacks": ["a"], "brand_new": 2, "x": [{"a": 1, "a": 1}]}"#;
    let outcome = run(&args("response", &file("dup-client.json", client)));
    assert_eq!(outcome.code, 1, "{outcome:?}");
    assert_eq!(
        lines(&outcome),
        [
            "brand_new: duplicate key `brand_new`",
            "x[0].a: duplicate key `a`"
        ]
    );
    // `scopes` refuses to answer for an ambiguous body.
    let outcome = run(&args(
        "scopes",
        &file("dup-scopes.json", r#"{"name": "a", "name": "b"}"#),
    ));
    assert_eq!(outcome.code, 1, "{outcome:?}");
    assert_eq!(lines(&outcome), ["name: duplicate key `name`"]);
}

#[test]
fn byte_order_mark_and_encoding() {
    // A UTF-8 byte order mark is skipped.
    let path = bytes_file("bom.json", b"\xEF\xBB\xBF{\"name\": \"x\"}");
    assert_eq!(run(&args("request", &path)), Outcome::default());
    let path = bytes_file("bom-bad.json", b"\xEF\xBB\xBF{\"name\": 5}");
    let outcome = run(&args("request", &path));
    assert!(
        outcome.stdout.starts_with("name: invalid type"),
        "{outcome:?}"
    );
    // Not UTF-8: invalid input (exit 1, stdout), located.
    let path = bytes_file("latin1.json", b"{\"name\":\n \"caf\xE9\"}");
    let outcome = run(&args("request", &path));
    assert_eq!(outcome.code, 1, "{outcome:?}");
    assert!(outcome.stderr.is_empty(), "{outcome:?}");
    assert_eq!(
        lines(&outcome),
        [": not UTF-8: invalid byte 0xE9 at line 2 column 6 (byte offset 14); JSON must be UTF-8"]
    );
    let path = bytes_file("utf16.json", b"\xFF\xFE{\x00}\x00");
    let outcome = run(&args("response", &path));
    assert_eq!(outcome.code, 1, "{outcome:?}");
    assert!(
        outcome.stdout.starts_with(": the file is UTF-16"),
        "{outcome:?}"
    );
}

#[test]
fn every_bad_array_element_is_reported_at_its_place_in_the_file() {
    let found = request_lines(
        "bad-elements.json",
        r#"{"grant_types": ["implicit", 3, "nope", 4]}"#,
    );
    assert_eq!(
        paths(&found),
        ["grant_types[1]", "grant_types[2]", "grant_types[3]"],
        "{found:?}"
    );
    // Nested, and in an array with `items(min = 1)` and `each(length(min = 1))`: the elements
    // left are still judged, under their index in the file (the empty strings are the first
    // and third elements left), and losing elements does not make the array "too short".
    let found = request_lines(
        "bad-nested-elements.json",
        r#"{"mobile": {"android": {"sha256_cert_fingerprints": [5, "", "ok", 6, ""]}}}"#,
    );
    assert_eq!(
        paths(&found),
        [
            "mobile.android.sha256_cert_fingerprints[0]",
            "mobile.android.sha256_cert_fingerprints[3]",
            "mobile.android.sha256_cert_fingerprints[1]",
            "mobile.android.sha256_cert_fingerprints[4]",
        ],
        "{found:?}"
    );
    assert!(
        found[2].ends_with("must be at least 1 character (got 0)"),
        "{found:?}"
    );
    let found = request_lines(
        "only-bad-element.json",
        r#"{"mobile": {"android": {"sha256_cert_fingerprints": [5]}}}"#,
    );
    assert_eq!(
        paths(&found),
        ["mobile.android.sha256_cert_fingerprints[0]"],
        "{found:?}"
    );
    // An array inside an element of another array that lost elements: the outer index is
    // mapped first, then the inner one.
    let found = request_lines(
        "arrays-in-arrays.json",
        r#"{"refresh_token": {"rotation_type": "rotating", "expiration_type": "expiring",
            "policies": [5, {"audience": "a", "scope": [1, "", "ok", 2, ""]}]}}"#,
    );
    assert_eq!(
        paths(&found),
        [
            "refresh_token.policies[0]",
            "refresh_token.policies[1].scope[0]",
            "refresh_token.policies[1].scope[3]",
            "refresh_token.policies[1].scope[1]",
            "refresh_token.policies[1].scope[4]",
        ],
        "{found:?}"
    );
    // Two arrays that lost elements in one body.
    let found = request_lines(
        "two-arrays.json",
        r#"{"callbacks": [3, "not a url"], "grant_types": ["implicit", 4]}"#,
    );
    assert_eq!(
        paths(&found),
        ["callbacks[0]", "grant_types[1]", "callbacks[1]"],
        "{found:?}"
    );
    // An array that lost nothing is judged the same way.
    let found = request_lines(
        "empty-element.json",
        r#"{"mobile": {"android": {"sha256_cert_fingerprints": ["ok", ""]}}}"#,
    );
    assert_eq!(
        paths(&found),
        ["mobile.android.sha256_cert_fingerprints[1]"],
        "{found:?}"
    );
}

#[test]
fn messages_speak_json_not_rust() {
    for (name, body, line) in [
        (
            "null-object.json",
            r#"{"jwt_configuration": null}"#,
            "jwt_configuration: invalid type: null, expected an object",
        ),
        (
            "string-array.json",
            r#"{"callbacks": "x"}"#,
            r#"callbacks: invalid type: string "x", expected an array"#,
        ),
        (
            "number-map.json",
            r#"{"client_metadata": 5}"#,
            "client_metadata: invalid type: integer `5`, expected an object",
        ),
        (
            "number-enum.json",
            r#"{"app_type": 5}"#,
            "app_type: invalid type: integer `5`, expected a string",
        ),
        (
            "string-integer.json",
            r#"{"jwt_configuration": {"lifetime_in_seconds": "1"}}"#,
            r#"jwt_configuration.lifetime_in_seconds: invalid type: string "1", expected an integer"#,
        ),
        (
            "integer-too-big.json",
            r#"{"par_request_expiry": 70000}"#,
            "par_request_expiry: integer `70000` is out of range for this field",
        ),
    ] {
        assert_eq!(request_lines(name, body), [line], "{name}");
    }
}
