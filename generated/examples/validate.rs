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
//! file, message on stderr. A file that was read but is not UTF-8 is invalid input: exit 1.
//!
//! Every problem is reported, not only the first one, in this order:
//!
//! 1. duplicate keys anywhere in the JSON text (`PATH: duplicate key `k``): a parser keeps only
//!    the last value, which would hide e.g. an 11th `client_metadata` entry from the max-10 check;
//! 2. deserialization problems (wrong type, unknown field or enum value...), in the order of the
//!    file: after each one the object member holding the offending value is removed and the body is
//!    deserialized again (for a problem inside an array element, the member holding the whole
//!    array is removed, so the indices of later paths stay true);
//! 3. `request` only: the validator's violations on what is left.
//!
//! What was removed in step 2 is not judged in step 3, and removing it must not invent problems:
//! a `missing field` caused by a removal is not reported (the member holding that object is
//! removed in turn), and a "too few properties/entries" verdict on an object that lost members is
//! dropped (it had more). A "too many" verdict is kept (it had even more) but counts only what
//! is left, and a map entry that was removed is not counted at all.
//!
//! Paths are written as `spec_validate::Report` writes them (`a.b[2]`, `client_metadata["k y"]`),
//! and control characters in paths and messages are escaped, so a problem is always one line.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::process::ExitCode;

use auth0_clients::{Client, UpdateClientRequest};
use serde::de::{DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use spec_validate::{Code, Param, Path, Scopes, Validate};
use spec_validate_impl::suggest::did_you_mean;

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
        "request" => {
            let checked = check::<UpdateClientRequest>(&bytes);
            let mut lines = checked.problems;
            if let Some(request) = &checked.value {
                lines.extend(violations(request, &checked.shrunk));
            }
            (lines.is_empty(), lines)
        }
        "response" => {
            let checked = check::<Client>(&bytes);
            (checked.problems.is_empty(), checked.problems)
        }
        _ => {
            let checked = check::<UpdateClientRequest>(&bytes);
            match checked.value {
                Some(request) if checked.problems.is_empty() => (
                    true,
                    request
                        .required_scopes()
                        .into_iter()
                        .map(str::to_owned)
                        .collect(),
                ),
                _ => (false, checked.problems),
            }
        }
    };
    Outcome {
        code: if ok { 0 } else { 1 },
        stdout: lines.iter().map(|l| format!("{l}\n")).collect(),
        stderr: String::new(),
    }
}

/// The validator's violations as `PATH: message` lines, minus the "too few" verdicts on objects
/// that lost members to deserialization problems (`shrunk`: their paths).
fn violations(value: &impl Validate, shrunk: &HashSet<String>) -> Vec<String> {
    let Err(report) = value.validate() else {
        return Vec::new();
    };
    report
        .violations()
        .iter()
        .filter(|v| {
            let counted = matches!(v.code, Code::Properties | Code::Entries);
            let too_few = match (v.params.get("actual"), v.params.get("min")) {
                (Some(Param::Int(actual)), Some(Param::Int(min))) => actual < min,
                _ => false,
            };
            !(counted && too_few && shrunk.contains(&v.path))
        })
        .map(|v| format!("{}: {}", one_line(&v.path), one_line(&v.message)))
        .collect()
}

/// The result of reading a body into `T`.
struct Checked<T> {
    /// `PATH: message` lines: duplicate keys, then deserialization problems.
    problems: Vec<String>,
    /// The body minus the members that did not deserialize; `None` when nothing usable is left.
    value: Option<T>,
    /// Paths (as printed) of the objects that lost members.
    shrunk: HashSet<String>,
}

impl<T> Checked<T> {
    fn failed(line: String) -> Self {
        Checked {
            problems: vec![line],
            value: None,
            shrunk: HashSet::new(),
        }
    }
}

fn check<T: DeserializeOwned>(bytes: &[u8]) -> Checked<T> {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err(line) => return Checked::failed(line),
    };
    let mut body: Value = match serde_json::from_str(text) {
        Ok(body) => body,
        Err(err) => return Checked::failed(format!(": {}", one_line(&err.to_string()))),
    };
    // The body as a whole must be one JSON object (serde would also accept an array for a
    // struct, matching elements to fields by position).
    if !body.is_object() {
        return Checked::failed(format!(": expected a JSON object, found {}", kind(&body)));
    }
    let (mut problems, order) = walk(text);
    // Deserialization problems, each with the place in the text of its value.
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut shrunk = HashSet::new();
    // Paths of the members removed so far: a `missing field` for one of them is ours.
    let mut removed: Vec<Vec<Seg>> = Vec::new();
    // Each round removes one member, so this many rounds always suffice.
    for _ in 0..=members(&body) {
        let err = match serde_path_to_error::deserialize::<_, T>(&body) {
            Ok(value) => {
                problems.extend(in_text_order(found));
                return Checked {
                    problems,
                    value: Some(value),
                    shrunk,
                };
            }
            Err(err) => err,
        };
        let path = segments(err.path());
        let message = err.into_inner().to_string();
        let ours = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
            .is_some_and(|field| {
                removed.iter().any(|r| {
                    r.len() == path.len() + 1
                        && r[..path.len()] == path[..]
                        && r[path.len()] == Seg::Key(field.to_owned())
                })
            });
        if !ours {
            // The innermost value on the path that is in the text (an unknown segment may have
            // cut the path short; the root is always there).
            let at = (0..=path.len())
                .rev()
                .find_map(|n| order.get(&render(&path[..n])).copied())
                .unwrap_or(0);
            found.push((
                at,
                format!("{}: {}", render(&path), one_line(&shorten(&message))),
            ));
        }
        let Some(member) = removable(&path) else {
            // A problem with the body as a whole: nothing smaller to take out.
            problems.extend(in_text_order(found));
            return Checked {
                problems,
                value: None,
                shrunk,
            };
        };
        if !remove(&mut body, member) {
            break;
        }
        shrunk.insert(render(&member[..member.len() - 1]));
        removed.push(member.to_vec());
    }
    // Not reached with serde's derives; kept so that a surprise cannot loop forever.
    problems.extend(in_text_order(found));
    problems.push(": could not isolate the remaining problems".to_owned());
    Checked {
        problems,
        value: None,
        shrunk,
    }
}

/// The file as text. A leading UTF-8 byte order mark is not part of the JSON text (RFC 8259
/// §8.1 lets a parser ignore it; serde_json would reject it): it is stripped. Anything that is not
/// UTF-8 is invalid input (exit 1), reported with the place of the first bad byte.
fn decode(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(
            ": the file is UTF-16 (it starts with a UTF-16 byte order mark); JSON must be UTF-8"
                .to_owned(),
        );
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        // Valid up to here, so this cannot fail.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
        format!(
            ": not UTF-8: invalid byte 0x{:02X} at line {line} column {column} (byte offset {}); JSON must be UTF-8",
            bytes[err.valid_up_to()],
            err.valid_up_to()
        )
    })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq)]
enum Seg {
    /// An object member (struct field or map key).
    Key(String),
    /// An array element.
    Index(usize),
}

/// A serde_path_to_error path as steps. serde's enum variants are object members in JSON;
/// segments of unknown kind (none with the generated types) end the path, so it names a
/// container of the problem rather than a wrong place.
fn segments(path: &serde_path_to_error::Path) -> Vec<Seg> {
    use serde_path_to_error::Segment;
    let mut out = Vec::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push(Seg::Index(*index)),
            Segment::Map { key } => out.push(Seg::Key(key.clone())),
            Segment::Enum { variant } => out.push(Seg::Key(variant.clone())),
            Segment::Unknown => break,
        }
    }
    out
}

/// The path in the validator's notation, through `spec_validate::Path` itself: `a.b[2].c`,
/// `client_metadata["bad key!"]`, empty for the root.
fn render(path: &[Seg]) -> String {
    fn go(path: &Path<'_>, rest: &[Seg]) -> String {
        match rest.split_first() {
            None => path.to_string(),
            Some((Seg::Key(key), rest)) => go(&path.key(key), rest),
            Some((Seg::Index(index), rest)) => go(&path.index(*index), rest),
        }
    }
    one_line(&go(&Path::root(), path))
}

/// Escapes what could break a line (control characters, Unicode line and paragraph
/// separators) as JSON does. `spec_validate::Path` already escapes C0 controls in keys; this also
/// covers serde's messages, which quote unknown names verbatim.
fn one_line(s: &str) -> String {
    use fmt::Write;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// The member to remove for a problem at `path`: the deepest object member on it, or for a
/// problem inside an array element, the member holding the (outermost) array. `None` at the root.
fn removable(path: &[Seg]) -> Option<&[Seg]> {
    let cut = path
        .iter()
        .position(|s| matches!(s, Seg::Index(_)))
        .unwrap_or(path.len());
    let last = path[..cut].iter().rposition(|s| matches!(s, Seg::Key(_)))?;
    Some(&path[..=last])
}

/// Removes the member at `path` (object members only); whether it was there.
fn remove(body: &mut Value, path: &[Seg]) -> bool {
    let Some((Seg::Key(last), parents)) = path.split_last() else {
        return false;
    };
    let mut at = body;
    for seg in parents {
        let next = match (seg, at) {
            (Seg::Key(key), Value::Object(map)) => map.get_mut(key),
            (Seg::Index(index), Value::Array(items)) => items.get_mut(*index),
            _ => None,
        };
        match next {
            Some(next) => at = next,
            None => return false,
        }
    }
    match at {
        Value::Object(map) => map.remove(last).is_some(),
        _ => false,
    }
}

/// Number of object members in `value`, at any depth.
fn members(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.len() + map.values().map(members).sum::<usize>(),
        Value::Array(items) => items.iter().map(members).sum(),
        _ => 0,
    }
}

/// Problems sorted by their place in the text. `Value` keeps object members sorted by key, so
/// serde meets them in that order, not in the order of the file.
fn in_text_order(mut found: Vec<(usize, String)>) -> Vec<String> {
    found.sort_by_key(|(at, _)| *at);
    found.into_iter().map(|(_, line)| line).collect()
}

/// One streaming pass over `text` (valid JSON): `PATH: duplicate key `k`` for every key repeated
/// within one object, once per key and object, at the path of the repeated member, in text
/// order; and the place in the text (a rank) of every value, by printed path.
fn walk(text: &str) -> (Vec<String>, HashMap<String, usize>) {
    let mut found = Walked::default();
    let mut de = serde_json::Deserializer::from_str(text);
    // The text parsed as a `Value` already, so this walk cannot fail (same parser and limits).
    let _ = Walk {
        path: Path::root(),
        found: &mut found,
    }
    .deserialize(&mut de);
    (found.duplicates, found.order)
}

#[derive(Default)]
struct Walked {
    duplicates: Vec<String>,
    order: HashMap<String, usize>,
}

/// A streaming walk over any JSON value that records repeated keys and where values are.
struct Walk<'p, 'f> {
    path: Path<'p>,
    found: &'f mut Walked,
}

impl<'de> DeserializeSeed<'de> for Walk<'_, '_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        let rank = self.found.order.len();
        self.found
            .order
            .entry(one_line(&self.path.to_string()))
            .or_insert(rank);
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            let path = self.path.index(index);
            let walk = Walk {
                path,
                found: &mut *self.found,
            };
            if seq.next_element_seed(walk)?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        let mut reported = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = self.path.key(&key);
            if !seen.insert(key.clone()) && reported.insert(key.clone()) {
                self.found.duplicates.push(format!(
                    "{}: duplicate key `{}`",
                    one_line(&path.to_string()),
                    one_line(&key)
                ));
            }
            map.next_value_seed(Walk {
                path,
                found: &mut *self.found,
            })?;
        }
        Ok(())
    }
}

/// serde lists every expected name after an unknown field or enum value. Add the closest one
/// when it is a likely typo; past a handful of fields (an object has dozens), name only that one
/// instead of the list. An enum's values are always kept: they are few and say what is allowed.
fn shorten(message: &str) -> String {
    let Some((head, rest)) = message.split_once(", expected ") else {
        return message.to_owned();
    };
    let (list, location) = match rest.rfind(" at line ") {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    // `one of `a`, `b`, `c``, `` `a` or `b` `` or `` `a` ``: the names are what is quoted.
    let names: Vec<&str> = list.split('`').skip(1).step_by(2).collect();
    let given = head.split('`').nth(1).unwrap_or_default();
    let hint = did_you_mean(given, names.iter().copied())
        .map(|n| format!(" (did you mean `{n}`?)"))
        .unwrap_or_default();
    if head.starts_with("unknown variant ") {
        format!("{head}{hint}, expected {list}{location}")
    } else if head.starts_with("unknown field ") && names.len() > 8 {
        format!("{head}{hint}{location}")
    } else {
        message.to_owned()
    }
}
