//! Rendered diagnostics of every invalid fixture spec (`tests/fixtures/invalid/*.yaml`), one
//! snapshot each. Each fixture shows one kind of mistake; `several-mistakes.yaml` shows that
//! every mistake in a spec is reported in one run.

use std::path::Path;

/// The fixture's path relative to the `tests/` package, so snapshots do not depend on where the
/// repository is checked out.
fn source_name(path: &Path) -> String {
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("fixtures/invalid/{file}")
}

fn render(path: &Path) -> String {
    // As bytes: a fixture may be in the wrong encoding on purpose.
    let bytes = std::fs::read(path).expect("fixture is readable");
    match spec_codegen::load_bytes(&source_name(path), &bytes) {
        Ok(_) => panic!("{} should not load", path.display()),
        Err(diagnostics) => diagnostics.to_string(),
    }
}

#[test]
fn spec_diagnostics_snapshots() {
    insta::glob!("..", "fixtures/invalid/*.yaml", |path| {
        insta::assert_snapshot!(render(path));
    });
}

#[test]
fn spec_diagnostics_all_mistakes_in_one_run() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid/several-mistakes.yaml");
    let text = std::fs::read_to_string(&path).expect("fixture is readable");
    let diagnostics = spec_codegen::load_str("several-mistakes.yaml", &text).unwrap_err();
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    // One expected message fragment per kind of mistake planted in the fixture.
    let planted = [
        "unknown HTTP method `PATCHH`",
        "path parameter `{id}` is not declared",
        "path parameter `widget_id` does not appear",
        "undefined type `UpdateWidgett`",
        "unknown key `descripton`",
        "`min_properties` (2) is greater than `max_properties` (1)",
        "unknown key `min_lenght`",
        "`\\w` matches Unicode word characters",
        "`max_length` does not apply to `integer`",
        "`minimum` must be an integer",
        "unknown format `urii`",
        "undefined type `Metdata`",
        "`public` can never equal string `RS256`",
        "`alg` can never equal string `RS257`",
        "rule names unknown field `nmae`",
        "goes through `name`, which is not an object",
        "duplicate enum value `HS256`",
        "unknown type kind `objekt`",
        "duplicate key `id`",
    ];
    for fragment in planted {
        assert!(
            messages.iter().any(|m| m.contains(fragment)),
            "not reported: {fragment}\n{diagnostics}"
        );
    }
    assert_eq!(diagnostics.len(), planted.len(), "{diagnostics}");
    assert!(
        diagnostics
            .to_string()
            .ends_with("error: 19 errors in several-mistakes.yaml")
    );
    // Reported in source order.
    let lines: Vec<usize> = diagnostics.iter().map(|d| d.span.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
}
