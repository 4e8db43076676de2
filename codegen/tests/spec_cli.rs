//! The `spec-codegen check` command line: output streams and exit codes
//! (0 clean, 1 spec errors, 2 usage or I/O errors).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const CLEAN: &str = "\
endpoint:
  name: ping
  summary: Ping
  method: POST
  path: /ping
  auth: { scheme: bearer }
  request: { type: Ping }
  responses: { 204: { description: Done. } }
types:
  Ping:
    kind: object
    fields:
      message: { type: string, max_length: 10 }
";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_spec-codegen"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A clean spec written to a fresh temporary directory (unique per test).
fn clean_spec(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spec-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("ping.yaml");
    std::fs::write(&path, CLEAN).expect("temp spec");
    path
}

#[test]
fn spec_cli_clean_spec_exits_0_with_summary() {
    let spec = clean_spec("clean");
    let out = run(&["check", spec.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: ok — 1 type, 1 field, 0 rules, 1 request property\n",
            spec.display()
        )
    );
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn spec_cli_shipped_spec_is_clean() {
    let out = run(&["check", "spec/auth0/update-client.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("spec/auth0/update-client.yaml: ok — "),
        "{stdout}"
    );
    assert!(stdout.ends_with(", 58 request properties\n"), "{stdout}");
}

#[test]
fn spec_cli_spec_errors_exit_1_on_stderr() {
    let out = run(&["check", "tests/fixtures/invalid/unknown-key.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: unknown key `min_lenght` in field `name`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--> tests/fixtures/invalid/unknown-key.yaml:19:9"),
        "{stderr}"
    );
    assert!(
        stderr.contains("= help: did you mean `min_length`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: 4 errors in tests/fixtures/invalid/unknown-key.yaml"),
        "{stderr}"
    );
}

#[test]
fn spec_cli_every_spec_is_checked_and_the_worst_code_wins() {
    let spec = clean_spec("mixed");
    let clean = spec.to_str().expect("utf-8 path");
    let out = run(&["check", "tests/fixtures/invalid/empty.yaml", clean]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains(": ok — "));

    let out = run(&[
        "check",
        "no/such/spec.yaml",
        "tests/fixtures/invalid/empty.yaml",
        clean,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: cannot read no/such/spec.yaml: "),
        "{stderr}"
    );
    assert!(stderr.contains("error: the spec is empty"), "{stderr}");
    assert!(text(&out.stdout).contains(": ok — "));
}

#[test]
fn spec_cli_usage_errors_exit_2_and_help_exits_0() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["check"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(
        text(&help.stdout).contains("check"),
        "{}",
        text(&help.stdout)
    );
    let help = run(&["check", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("SPEC"));
}

#[test]
fn spec_cli_help_documents_exit_codes() {
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["generate", "--help"],
    ] {
        let help = text(&run(args).stdout);
        for line in [
            "0  success",
            "1  a spec has errors",
            "2  usage error, or a file cannot be read or written",
        ] {
            assert!(help.contains(line), "{args:?}: {help}");
        }
    }
}

#[test]
fn spec_cli_non_utf8_spec_is_a_located_spec_error() {
    let dir = std::env::temp_dir().join(format!("spec-cli-{}-latin1", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("latin1.yaml");
    // `é` in Latin-1 on line 3, column 12 (1-based, in characters).
    std::fs::write(&path, b"endpoint:\n  name: x\n  summary: caf\xE9\n").expect("temp spec");
    let out = run(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("error: the spec is not valid UTF-8"),
        "{stderr}"
    );
    assert!(stderr.contains("latin1.yaml:3:15"), "{stderr}");
    assert!(stderr.contains("invalid byte 0xE9"), "{stderr}");
}

/// Runs the binary with stderr connected to a pipe whose reading end is already closed, as in
/// `spec-codegen check x.yaml 2>&1 | head -1` once `head` has its line.
fn run_with_closed_stderr(args: &[&str]) -> std::process::ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_spec-codegen"))
        .args(args)
        .current_dir(workspace())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stderr.take());
    child.wait().expect("the binary ends")
}

#[test]
fn spec_cli_closed_stderr_is_not_a_panic() {
    // A spec with errors, for each command that prints them; a missing file (an I/O error).
    let many = "tests/fixtures/invalid/several-mistakes.yaml";
    for (args, code) in [
        (&["check", "/dev/null"][..], 1),
        (&["check", many], 1),
        (&["docs", many], 1),
        (&["generate", many], 1),
        (&["check", "no/such/spec.yaml"], 2),
        (&["docs", "no/such/spec.yaml"], 2),
    ] {
        let status = run_with_closed_stderr(args);
        assert_eq!(status.code(), Some(code), "{args:?}: {status}");
    }
}

#[test]
fn spec_cli_spec_path_is_normalised_in_output() {
    let header = "// @generated by spec-codegen from spec/auth0/update-client.yaml. Do not edit.\n";
    for spec in [
        "spec/auth0/update-client.yaml",
        "./spec/auth0/update-client.yaml",
        "spec/./auth0//update-client.yaml",
    ] {
        let out = run(&["generate", spec]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with(header), "{spec}");
        let docs = text(&run(&["docs", spec]).stdout);
        assert!(
            docs.contains("<!-- @generated by spec-codegen from spec/auth0/update-client.yaml."),
            "{spec}"
        );
    }
    // `--check` compares against what the plain path generates.
    let dir = std::env::temp_dir().join(format!("spec-cli-{}-normalised", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let generated = dir.join("update_client.rs");
    let out = run(&["generate", "spec/auth0/update-client.yaml"]);
    std::fs::write(&generated, &out.stdout).expect("write generated");
    let check = generated.to_str().expect("utf-8 path");
    let out = run(&[
        "generate",
        "./spec/auth0/update-client.yaml",
        "--check",
        check,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Diagnostics name the spec the same way.
    let out = run(&["check", "./tests/fixtures/invalid/unknown-key.yaml"]);
    assert!(
        text(&out.stderr).contains("--> tests/fixtures/invalid/unknown-key.yaml:19:9"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn spec_cli_utf16_spec_says_so() {
    let dir = std::env::temp_dir().join(format!("spec-cli-{}-utf16", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("utf16.yaml");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(CLEAN.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, bytes).expect("temp spec");
    let out = run(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "error: the spec is UTF-16LE (it starts with a UTF-16 byte-order mark), not UTF-8"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("utf16.yaml:1:1"), "{stderr}");
    // The offending line is shown decoded.
    assert!(stderr.contains("1 | endpoint:"), "{stderr}");
    assert!(stderr.contains("specs must be UTF-8"), "{stderr}");
}

#[test]
fn spec_cli_nesting_through_aliases_is_a_located_error() {
    let dir = std::env::temp_dir().join(format!("spec-cli-{}-aliases", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("aliases.yaml");
    let mut spec = String::from("x0: &x0 []\n");
    for i in 1..160 {
        spec.push_str(&format!(
            "x{i}: &x{i} {}*x{}{}\n",
            "[".repeat(60),
            i - 1,
            "]".repeat(60)
        ));
    }
    std::fs::write(&path, spec).expect("temp spec");
    for command in ["check", "generate", "docs"] {
        let out = run(&[command, path.to_str().expect("utf-8 path")]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{command}: {}",
            text(&out.stderr)
        );
        let stderr = text(&out.stderr);
        assert!(
            stderr.starts_with("error: the YAML is nested too deeply through an alias\n"),
            "{stderr}"
        );
        assert!(stderr.contains("aliases.yaml:3:69"), "{stderr}");
    }
}
