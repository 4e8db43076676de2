//! Every valid fixture's generated code (and the shipped spec's) compiles with every warning
//! denied, `#![deny(missing_docs)]` and `#![forbid(unsafe_code)]`, and passes clippy with
//! `-D warnings` when clippy is installed; its rustdoc builds with `-D warnings`.
//!
//! How: the sources are written into a scratch crate under Cargo's per-test temporary
//! directory (`target/tmp`), which depends on `spec-validate` by path and reuses the
//! workspace's `Cargo.lock`, then checked offline with the same toolchain. One crate, one
//! module per spec, so the dependencies compile once.

mod generate_common;

use std::path::Path;
use std::process::Command;

use generate_common::{fixtures, workspace};

/// The specs to compile: every valid fixture, then the shipped spec.
fn specs() -> Vec<String> {
    let mut out = fixtures();
    out.push("spec/auth0/update-client.yaml".to_owned());
    out
}

fn module_name(spec: &str) -> String {
    let stem = Path::new(spec)
        .file_stem()
        .expect("file name")
        .to_string_lossy();
    let dir = Path::new(spec)
        .parent()
        .and_then(Path::file_name)
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{dir}_{stem}").replace(['-', '.'], "_")
}

#[test]
fn generated_code_compiles_without_warnings() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("generated-check");
    std::fs::create_dir_all(&root).expect("create scratch crate");
    let workspace = workspace();

    let mut lib = String::from(
        "//! Generated code of every valid fixture, compiled with all warnings denied.\n\
         #![forbid(unsafe_code)]\n#![deny(warnings, missing_docs)]\n",
    );
    for spec in specs() {
        let text = std::fs::read_to_string(workspace.join(&spec)).expect("read spec");
        let api = spec_codegen::load_str(&spec, &text)
            .unwrap_or_else(|d| panic!("{spec} does not load:\n{d}"));
        let module = module_name(&spec);
        std::fs::write(
            root.join(format!("{module}.rs")),
            spec_codegen::generate(&api),
        )
        .expect("write generated source");
        lib.push_str(&format!(
            "\n/// Generated from `{spec}`.\npub mod {module} {{\n    include!(\"{module}.rs\");\n}}\n"
        ));
    }
    std::fs::write(root.join("lib.rs"), lib).expect("write lib.rs");
    let manifest = format!(
        "[package]\nname = \"generated-check\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [lib]\npath = \"lib.rs\"\n\n\
         [dependencies]\nspec-validate = {{ path = {:?} }}\nserde = {{ version = \"1\", features = [\"derive\"] }}\nserde_json = \"1\"\n\n\
         # Not part of the enclosing workspace.\n[workspace]\n",
        workspace.join("derive").display().to_string()
    );
    std::fs::write(root.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    // Same versions as the workspace, so the check runs offline.
    std::fs::copy(workspace.join("Cargo.lock"), root.join("Cargo.lock")).expect("copy Cargo.lock");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let has_clippy = Command::new(&cargo)
        .args(["clippy", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    let mut command = Command::new(&cargo);
    if has_clippy {
        command.arg("clippy");
    } else {
        command.arg("check");
    }
    command
        .args(["--offline", "--quiet", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target"));
    if has_clippy {
        command.args(["--", "-D", "warnings"]);
    }
    // The scratch crate must not inherit the outer build's target directory or flags.
    command
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS");
    let output = command.output().expect("run cargo");
    assert!(
        output.status.success(),
        "generated code does not compile cleanly ({}):\n{}",
        if has_clippy {
            "cargo clippy -D warnings"
        } else {
            "cargo check"
        },
        String::from_utf8_lossy(&output.stderr)
    );

    // The docs too: descriptions become rustdoc (bare URLs, `<tags>`, `[brackets]`, links).
    let output = Command::new(&cargo)
        .args([
            "doc",
            "--no-deps",
            "--offline",
            "--quiet",
            "--manifest-path",
        ])
        .arg(root.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(root.join("target"))
        .env_remove("CARGO_TARGET_DIR")
        .env("RUSTDOCFLAGS", "-D warnings")
        .output()
        .expect("run cargo doc");
    assert!(
        output.status.success(),
        "generated docs have warnings:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
