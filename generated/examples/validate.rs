//! Checks a JSON file against the generated bindings.
//!
//! ```text
//! cargo run -q -p auth0-clients --example validate -- request FILE    # PATCH body
//! cargo run -q -p auth0-clients --example validate -- response FILE   # 200 body (Client)
//! cargo run -q -p auth0-clients --example validate -- scopes FILE     # scopes a body needs
//! ```
//!
//! Exit 0: valid (`request`, `response`: nothing on stdout; `scopes`: one scope per line,
//! sorted; a body `request` rejects has no scopes to print, so `scopes` reports its problems
//! the same way). Exit 1: invalid, one `PATH: message` line per problem on stdout (the path is empty
//! for the body as a whole, so such a line starts with `: `). Exit 2: wrong usage or unreadable
//! file, message on stderr. A file that was read but is not UTF-8 is invalid input: exit 1.
//!
//! Every problem is reported, not only the first one, in this order:
//!
//! 1. duplicate keys anywhere in the JSON text (`PATH: duplicate key `k``): a parser keeps only
//!    the last value, which would hide e.g. an 11th `client_metadata` entry from the max-10 check;
//! 2. deserialization problems (wrong type, unknown field or enum value...), in the order of the
//!    file: after each one the offending value (the object member or array element) is removed
//!    and the body is deserialized again; paths always name the place in the file, so after
//!    `grant_types[1]` was removed the next bad element is still reported as `grant_types[2]`;
//! 3. `request` only: the validator's violations on what is left.
//!
//! What was removed in step 2 is not judged in step 3, and removing it must not invent problems:
//! a `missing field` caused by a removal is not reported (the object missing it is removed in
//! turn), and a "too few properties/entries/items" verdict on an object or array that lost
//! members is dropped (it had more). A "too many" verdict is kept (it had even more) but counts
//! only what is left. The validator's paths are mapped back to the file too: in
//! `[5, "", "ok"]`, the empty string is `[1]` although it is the first element left. (The index
//! of the earlier item named in a `unique` message is not mapped; the Auth0 spec has no
//! `unique` array.)
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
            let (_, problems) = read_request(&bytes);
            (problems.is_empty(), problems)
        }
        "response" => {
            let checked = check::<Client>(&bytes);
            (checked.problems.is_empty(), checked.problems)
        }
        _ => match read_request(&bytes) {
            (Some(request), problems) if problems.is_empty() => (
                true,
                request
                    .required_scopes()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            ),
            (_, problems) => (false, problems),
        },
    };
    Outcome {
        code: if ok { 0 } else { 1 },
        stdout: lines.iter().map(|l| format!("{l}\n")).collect(),
        stderr: String::new(),
    }
}

/// A PATCH body read and validated: what could be read of it, and every problem (duplicate
/// keys, deserialization problems, then the validator's violations).
fn read_request(bytes: &[u8]) -> (Option<UpdateClientRequest>, Vec<String>) {
    let checked = check::<UpdateClientRequest>(bytes);
    let mut problems = checked.problems;
    if let Some(request) = &checked.value {
        problems.extend(violations(request, &checked.removed));
    }
    (checked.value, problems)
}

/// The validator's violations as `PATH: message` lines, with paths in the file, minus what
/// step 2's removals make untrue: "too few" verdicts on objects and arrays that lost members.
fn violations(value: &impl Validate, removed: &Removed) -> Vec<String> {
    let Err(report) = value.validate() else {
        return Vec::new();
    };
    report
        .violations()
        .iter()
        .filter_map(|v| {
            let path = removed.path_in_file(&one_line(&v.path));
            let counted = matches!(v.code, Code::Properties | Code::Entries | Code::Items);
            let too_few = match (v.params.get("actual"), v.params.get("min")) {
                (Some(Param::Int(actual)), Some(Param::Int(min))) => actual < min,
                _ => false,
            };
            if counted && too_few && removed.shrunk.contains(&path) {
                return None;
            }
            Some(format!("{path}: {}", one_line(&v.message)))
        })
        .collect()
}

/// The result of reading a body into `T`.
struct Checked<T> {
    /// `PATH: message` lines: duplicate keys, then deserialization problems.
    problems: Vec<String>,
    /// The body minus the members that did not deserialize; `None` when nothing usable is left.
    value: Option<T>,
    /// What was taken out to get `value`.
    removed: Removed,
}

impl<T> Checked<T> {
    fn failed(line: String) -> Self {
        Checked {
            problems: vec![line],
            value: None,
            removed: Removed::default(),
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
    let mut removed = Removed::default();
    // Each round removes one member or element, so this many rounds always suffice.
    for _ in 0..=members(&body) {
        let err = match serde_path_to_error::deserialize::<_, T>(&body) {
            Ok(value) => {
                problems.extend(in_text_order(found));
                return Checked {
                    problems,
                    value: Some(value),
                    removed,
                };
            }
            Err(err) => err,
        };
        let path = segments(err.path());
        let in_file = removed.in_file(&path);
        let message = err.into_inner().to_string();
        let ours = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.strip_suffix('`'))
            .is_some_and(|field| {
                let mut member = in_file.clone();
                member.push(Seg::Key(field.to_owned()));
                removed.members.contains(&member)
            });
        if !ours {
            // The innermost value on the path that is in the text (an unknown segment may have
            // cut the path short; the root is always there).
            let at = (0..=in_file.len())
                .rev()
                .find_map(|n| order.get(&render(&in_file[..n])).copied())
                .unwrap_or(0);
            found.push((
                at,
                format!("{}: {}", render(&in_file), one_line(&plain(&message))),
            ));
        }
        if path.is_empty() {
            // A problem with the body as a whole: nothing smaller to take out.
            problems.extend(in_text_order(found));
            return Checked {
                problems,
                value: None,
                removed,
            };
        }
        if !removed.remove(&mut body, &path, in_file) {
            break;
        }
    }
    // Not reached with serde's derives; kept so that a surprise cannot loop forever.
    problems.extend(in_text_order(found));
    problems.push(": could not isolate the remaining problems".to_owned());
    Checked {
        problems,
        value: None,
        removed,
    }
}

/// What step 2 took out of the body, and how to name what is left by its place in the file.
#[derive(Default)]
struct Removed {
    /// The object members removed, by their path in the file.
    members: Vec<Vec<Seg>>,
    /// For each array that lost elements (by its path in the file), the indices in the file of
    /// the elements still in the body, in order.
    kept: HashMap<Vec<Seg>, Vec<usize>>,
    /// Paths in the file (as printed) of the objects and arrays that lost members.
    shrunk: HashSet<String>,
}

impl Removed {
    /// A path in the body as it is now, as a path in the file.
    fn in_file(&self, path: &[Seg]) -> Vec<Seg> {
        let mut out = Vec::with_capacity(path.len());
        for seg in path {
            let seg = match seg {
                Seg::Index(i) => Seg::Index(
                    self.kept
                        .get(&out)
                        .and_then(|kept| kept.get(*i))
                        .copied()
                        .unwrap_or(*i),
                ),
                key => key.clone(),
            };
            out.push(seg);
        }
        out
    }

    /// Removes the object member or array element at `path` (in the body as it is now; `in_file`
    /// is the same path in the file); whether it was there.
    fn remove(&mut self, body: &mut Value, path: &[Seg], in_file: Vec<Seg>) -> bool {
        let Some((last, parents)) = path.split_last() else {
            return false;
        };
        let mut at = &mut *body;
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
        let gone = match (last, at) {
            (Seg::Key(key), Value::Object(map)) => map.remove(key).is_some(),
            (Seg::Index(index), Value::Array(items)) if *index < items.len() => {
                let array = in_file[..in_file.len() - 1].to_vec();
                let kept = self
                    .kept
                    .entry(array)
                    .or_insert_with(|| (0..items.len()).collect());
                kept.remove(*index);
                items.remove(*index);
                true
            }
            _ => false,
        };
        if gone {
            self.shrunk.insert(render(&in_file[..in_file.len() - 1]));
            if matches!(last, Seg::Key(_)) {
                self.members.push(in_file);
            }
        }
        gone
    }

    /// A validator path (as printed) of the body as it is now, as a path in the file: indices
    /// into arrays that lost elements are mapped back, outer arrays first (an inner array's
    /// path in the file is known once the outer index is).
    fn path_in_file(&self, path: &str) -> String {
        let mut arrays: Vec<_> = self.kept.iter().collect();
        arrays.sort_by_key(|(array, _)| array.len());
        let mut path = path.to_owned();
        for (array, kept) in arrays {
            let array = render(array);
            let Some((index, rest)) = path
                .strip_prefix(array.as_str())
                .and_then(|rest| rest.strip_prefix('['))
                .and_then(|rest| rest.split_once(']'))
            else {
                continue;
            };
            if let Some(in_file) = index.parse::<usize>().ok().and_then(|i| kept.get(i)) {
                path = format!("{array}[{in_file}]{rest}");
            }
        }
        path
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
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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

/// Number of object members and array elements in `value`, at any depth.
fn members(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.len() + map.values().map(members).sum::<usize>(),
        Value::Array(items) => items.len() + items.iter().map(members).sum::<usize>(),
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

/// serde's message in the terms of JSON rather than Rust (`expected u16` → `expected an
/// integer`, `expected struct Jwt` → `expected an object`), with the names listed after an
/// unknown field or value shortened by [`shorten`].
fn plain(message: &str) -> String {
    let message = shorten(message);
    let Some((head, expected)) = message.split_once(", expected ") else {
        return message;
    };
    let json = match expected {
        // serde_json's reading of a (unit-only) enum.
        "string or map" => "a string",
        "a sequence" => "an array",
        "a map" => "an object",
        struct_name if struct_name.starts_with("struct ") => "an object",
        "u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" => {
            // Integer types are sized by the spec's limits, so a value the type cannot hold
            // breaks them; the field's docs give the range.
            if let Some(value) = head.strip_prefix("invalid value: integer ") {
                return format!("integer {value} is out of range for this field");
            }
            "an integer"
        }
        _ => return message,
    };
    format!("{head}, expected {json}")
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
