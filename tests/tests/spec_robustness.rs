//! The loader never panics, whatever it is given: truncated files, garbage, mutated specs.
//! Every result is either a checked API or diagnostics that render.

use std::path::Path;

fn load_any(text: &str) {
    match spec_codegen::load_str("fuzz.yaml", text) {
        Ok(api) => {
            let _ = spec_codegen::Summary::of(&api);
            // Whatever loads also generates: the emitters never panic on a checked spec.
            let _ = spec_codegen::generate(&api);
            let _ = spec_codegen::markdown(&api);
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            let rendered = diagnostics.to_string();
            assert!(rendered.contains("error"), "{rendered}");
        }
    }
}

fn fixtures() -> Vec<String> {
    fixtures_in("fixtures/invalid")
}

/// The UTF-8 fixtures in a directory (a fixture in another encoding is skipped).
fn fixtures_in(dir: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
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
/// punctuation, delete characters, duplicate lines. Mutants that still load are generated.
#[test]
fn spec_robustness_mutated_fixtures() {
    const INSERTS: &[&str] = &[
        ":", "-", "[", "]", "{", "}", "\"", "'", "\n", "  ", "&a ", "*a", "!!str ", "? ", "#", "|",
        "\t", "é", "0x", "~", "---\n", "%", "@", "`", "٣", "\u{200d}", "\r", ".",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    // The valid fixtures too: their mutants often still load, and must then generate.
    let mut texts = fixtures();
    texts.extend(fixtures_in("fixtures/valid"));
    for text in texts {
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

/// The header every adversarial spec below shares (the request type is `Req`).
fn with_types(types: &str) -> String {
    format!(
        "endpoint:\n  name: update_widget\n  summary: Update a widget\n  method: PATCH\n  \
         path: /widgets\n  auth: {{ scheme: bearer, scopes: [update:widgets] }}\n  \
         request: {{ type: Req }}\n  responses:\n    200: {{ type: Req, description: Updated. }}\n\
         types:\n{types}"
    )
}

/// Aliases that nest copies of deep values (a 19 KB file, from a review): the nesting limit
/// holds through aliases, and each offending alias is reported where it is used.
#[test]
fn spec_robustness_nesting_through_aliases() {
    let mut text = String::from("x0: &x0 []\n");
    for i in 1..160 {
        text.push_str(&format!(
            "x{i}: &x{i} {}*x{}{}\n",
            "[".repeat(60),
            i - 1,
            "]".repeat(60)
        ));
    }
    let diagnostics = spec_codegen::load_str("aliases.yaml", &text).expect_err("too deep");
    assert!(
        diagnostics
            .iter()
            .all(|d| d.message == "the YAML is nested too deeply through an alias"),
        "{diagnostics}"
    );
    // The first alias that goes too deep is on line 3 (`x1` is 61 levels, used 61 deep).
    assert_eq!(diagnostics.iter().next().map(|d| d.span.line), Some(3));
    load_any(&text);
}

/// Long chains of types and long rule paths: every walk over types and paths is iterative or
/// bounded, so none of them exhausts a test thread's stack (2 MiB), and generating code and docs
/// from them works.
#[test]
fn spec_robustness_long_chains_of_types() {
    // A chain of objects, each holding the next inline (none needs a box); generating code for
    // it takes a while, so it is shorter than the chains below.
    let n = 2_000;
    let mut types = String::from("  Req: { kind: object, fields: { next: { type: O0 } } }\n");
    for i in 0..n {
        types.push_str(&format!(
            "  O{i}: {{ kind: object, fields: {{ next: {{ type: O{} }} }} }}\n",
            i + 1
        ));
    }
    types.push_str(&format!(
        "  O{n}: {{ kind: object, fields: {{ flag: {{ type: boolean }} }} }}\n"
    ));
    let api = spec_codegen::load_str("chain.yaml", &with_types(&types)).expect("a valid spec");
    let rust = spec_codegen::generate(&api);
    assert!(!rust.contains("Box<"), "no cycle, nothing to box");
    assert!(spec_codegen::markdown(&api).contains(&format!("### O{n}")));

    // A chain of unions, then of maps: reported, never a crash.
    let n = 20_000;
    let mut unions = String::from("  Req: { kind: object, fields: { u: { type: U0 } } }\n");
    // (Its secret field and unique items would make the checker follow the whole chain.)
    let mut maps = String::from(
        "  Req: { kind: object, fields: { m: { type: M0, secret: true }, \
         u: { type: array, items: { type: M0 }, unique_items: true } } }\n",
    );
    for i in 0..n {
        unions.push_str(&format!(
            "  U{i}: {{ kind: union, variants: [ {{ name: Next, type: U{} }} ] }}\n",
            i + 1
        ));
        maps.push_str(&format!(
            "  M{i}: {{ kind: map, values: {{ type: M{} }} }}\n",
            i + 1
        ));
    }
    unions.push_str(&format!(
        "  U{n}: {{ kind: union, variants: [ {{ name: Back, type: U0 }} ] }}\n"
    ));
    maps.push_str(&format!(
        "  M{n}: {{ kind: map, values: {{ type: string, max_length: 3 }} }}\n"
    ));
    let diagnostics =
        spec_codegen::load_str("unions.yaml", &with_types(&unions)).expect_err("a union cycle");
    assert_eq!(diagnostics.len(), n + 1, "every variant on the cycle");
    let diagnostics =
        spec_codegen::load_str("maps.yaml", &with_types(&maps)).expect_err("too deep");
    assert_eq!(diagnostics.len(), 1, "{diagnostics}");
    assert!(
        diagnostics
            .to_string()
            .contains("nests more than 64 levels")
    );

    // A rule path of thousands of hops over a recursive type, with a `.` in a field name
    // that makes every prefix readable two ways.
    let path = vec!["a"; 4000].join(".");
    let types = format!(
        "  Req:\n    kind: object\n    fields:\n      a: {{ type: Req }}\n      a.a: {{ type: Req }}\n      \
         flag: {{ type: boolean }}\n    rules:\n      - when: {{ path: '{path}', equals: true }}\n        \
         then: {{ path: flag, equals: true }}\n"
    );
    let diagnostics = spec_codegen::load_str("path.yaml", &with_types(&types)).expect_err("bad");
    assert!(
        diagnostics.to_string().contains("is ambiguous"),
        "{diagnostics}"
    );
}
