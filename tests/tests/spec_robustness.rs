//! The loader never panics, whatever it is given: truncated files, garbage, mutated specs.
//! Every result is either a checked API or diagnostics that render.

use std::path::Path;

fn load_any(text: &str) {
    match spec_codegen::load_str("fuzz.yaml", text) {
        Ok(api) => {
            let _ = spec_codegen::Summary::of(&api);
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            let rendered = diagnostics.to_string();
            assert!(rendered.contains("error"), "{rendered}");
        }
    }
}

fn fixtures() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures exist")
        .filter_map(|entry| std::fs::read_to_string(entry.ok()?.path()).ok())
        .collect();
    texts.sort();
    texts
}

/// Every prefix of every fixture: what an editor saving half a file produces.
#[test]
fn spec_robustness_truncated_fixtures() {
    for text in fixtures() {
        for (i, _) in text.char_indices() {
            load_any(&text[..i]);
        }
    }
}

/// Deterministic mutations (a cheap xorshift, so failures reproduce): insert YAML
/// punctuation, delete characters, duplicate lines.
#[test]
fn spec_robustness_mutated_fixtures() {
    const INSERTS: &[&str] = &[
        ":", "-", "[", "]", "{", "}", "\"", "'", "\n", "  ", "&a ", "*a", "!!str ", "? ", "#", "|",
        "\t", "é", "0x", "~", "---\n", "%", "@", "`",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for text in fixtures() {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for _ in 0..150 {
            let at = boundaries[(next() as usize) % boundaries.len()];
            let mut mutated = text.clone();
            match next() % 3 {
                0 => mutated.insert_str(at, INSERTS[(next() as usize) % INSERTS.len()]),
                1 => {
                    mutated.remove(at);
                }
                _ => {
                    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
                    mutated.insert_str(line_start, &text[line_start..line_end]);
                }
            }
            load_any(&mutated);
        }
    }
}

/// Inputs that are not specs at all.
#[test]
fn spec_robustness_garbage() {
    let inputs = [
        "",
        "\u{feff}",
        "null",
        "42",
        "- a\n- b",
        "endpoint:",
        "types:",
        "endpoint: {}\ntypes: {}",
        "endpoint: ~\ntypes: ~",
        "types: { A: { kind: object, fields: { a: { type: A } } } }",
        "types: { A: { kind: map, values: { type: A } } }",
        "a: &x [*x]",
        "a: &a [&b [&c [*a, *a], *b], *a]",
        "{\"endpoint\": 1, \"types\": [1, 2]}",
        "\0\0\0",
        "endpoint: { path: '{{{}}}' }",
        "endpoint: { path: '{' }",
        "endpoint: { path: '}' }",
        "types: { A: { kind: object, rules: [ { when: { path: '.', equals: 1 }, then: { path: '..', equals: [] } } ] } }",
        "types: { A: { kind: object, fields: { a: { type: string, pattern: '\\\\' } } } }",
        "types: { A: { kind: object, fields: { a: { type: string, pattern: '[' } } } }",
        "types: { A: { kind: object, fields: { a: { type: string, pattern: 'a{99999999999}' } } } }",
        "types: { A: { kind: object, fields: { a: { type: integer, minimum: 99999999999999999999 } } } }",
        "types: { A: { kind: object, fields: { a: { type: any, default: .nan } } } }",
    ];
    for input in inputs {
        load_any(input);
    }
    // Billion laughs: aliases that would expand exponentially.
    let mut laughs = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        laughs.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    load_any(&laughs);
    // Many problems on one very long line (minified flow YAML): rendering stays linear.
    let mut flow = String::from("types: {");
    for i in 0..2000 {
        flow.push_str(&format!("k{i}: 1, k{}: 2, ", i / 2));
    }
    flow.push('}');
    let rendered = spec_codegen::load_str("flow.yaml", &flow)
        .expect_err("not a valid spec")
        .to_string();
    assert!(rendered.lines().all(|line| line.chars().count() < 200));
    // Deep nesting.
    load_any(&format!("a: {}{}", "[".repeat(10_000), "]".repeat(10_000)));
    load_any(&"- ".repeat(10_000));
}
