//! Checks a JSON file against the generated bindings.
//!
//! ```text
//! cargo run -q -p auth0-clients --example validate -- request FILE    # PATCH body
//! cargo run -q -p auth0-clients --example validate -- response FILE   # 200 body (Client)
//! cargo run -q -p auth0-clients --example validate -- scopes FILE     # scopes a body needs
//! ```
//!
//! Exit 0: valid (`request`, `response`: nothing on stdout; `scopes`: one scope per line,
//! sorted). Exit 1: invalid, one `PATH: message` line per problem on stdout (the path is empty
//! for the body as a whole, so such a line starts with `: `). Exit 2: wrong usage or unreadable
//! file, message on stderr.

use std::process::ExitCode;

use auth0_clients::{Client, UpdateClientRequest};
use serde::de::DeserializeOwned;
use spec_validate::{Scopes, Validate};

const USAGE: &str = "usage: validate (request|response|scopes) FILE";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = run(&args);
    use std::io::Write;
    // A closed pipe is not worth a panic (`println!` would panic).
    let _ = std::io::stdout()
        .lock()
        .write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr()
        .lock()
        .write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}

/// What a run prints and how it exits.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    /// Exit code: 0 valid, 1 invalid, 2 usage or I/O error.
    pub code: u8,
    /// One line per scope (`scopes`) or per problem.
    pub stdout: String,
    /// Usage and I/O errors.
    pub stderr: String,
}

impl Outcome {
    fn usage(message: String) -> Self {
        Outcome {
            code: 2,
            stdout: String::new(),
            stderr: message + "\n",
        }
    }
}

/// The whole program, minus the process: arguments in, outcome out. Never panics.
pub fn run(args: &[String]) -> Outcome {
    let [mode, file] = args else {
        return Outcome::usage(USAGE.to_owned());
    };
    if !matches!(mode.as_str(), "request" | "response" | "scopes") {
        return Outcome::usage(format!("unknown mode `{mode}`\n{USAGE}"));
    }
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::usage(format!("cannot read {file}: {err}")),
    };
    let (ok, lines) = match mode.as_str() {
        "request" => match parse::<UpdateClientRequest>(&bytes) {
            Ok(request) => {
                let found = violations(&request);
                (found.is_empty(), found)
            }
            Err(line) => (false, vec![line]),
        },
        "response" => match parse::<Client>(&bytes) {
            Ok(_) => (true, Vec::new()),
            Err(line) => (false, vec![line]),
        },
        _ => match parse::<UpdateClientRequest>(&bytes) {
            Ok(request) => (
                true,
                request
                    .required_scopes()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            ),
            Err(line) => (false, vec![line]),
        },
    };
    Outcome {
        code: if ok { 0 } else { 1 },
        stdout: lines.iter().map(|l| format!("{l}\n")).collect(),
        stderr: String::new(),
    }
}

fn violations(value: &impl Validate) -> Vec<String> {
    match value.validate() {
        Ok(()) => Vec::new(),
        Err(report) => report
            .violations()
            .iter()
            .map(|v| format!("{}: {}", v.path, v.message))
            .collect(),
    }
}

/// Deserializes the whole input, turning any error into a `PATH: message` line.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    // The body as a whole must be one JSON object (serde would also accept an array for a
    // struct, matching elements to fields by position).
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Err(err) => return Err(format!(": {err}")),
        Ok(serde_json::Value::Object(_)) => {}
        Ok(other) => return Err(format!(": expected a JSON object, found {}", kind(&other))),
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let path = json_path(err.path());
        format!("{path}: {}", shorten(&err.into_inner().to_string()))
    })?;
    de.end().map_err(|err| format!(": {err}"))?;
    Ok(value)
}

fn kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// serde lists every expected name after an unknown field or variant; past a handful, name
/// the closest one instead.
fn shorten(message: &str) -> String {
    let Some((head, rest)) = message.split_once(", expected one of ") else {
        return message.to_owned();
    };
    let (list, location) = match rest.rfind(" at line ") {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let names: Vec<&str> = list.split(", ").map(|n| n.trim_matches('`')).collect();
    if names.len() <= 8 {
        return message.to_owned();
    }
    let given = head.split('`').nth(1).unwrap_or_default();
    let closest = names
        .iter()
        .map(|n| (distance(given, n), *n))
        .min()
        .filter(|(d, _)| *d <= 3)
        .map(|(_, n)| format!(" (did you mean `{n}`?)"))
        .unwrap_or_default();
    format!("{head}{closest}{location}")
}

/// Levenshtein distance, by characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb {
                previous
            } else {
                1 + previous.min(row[j]).min(current)
            };
            previous = current;
        }
    }
    row[b.len()]
}

/// A serde_path_to_error path in the validator's notation: `a.b[2].c`, empty for the root.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Enum { variant } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(variant);
            }
            Segment::Unknown => {}
        }
    }
    out
}
