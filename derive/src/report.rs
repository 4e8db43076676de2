//! The validation report: every violation, in declaration order, with its JSON path.

use std::borrow::Cow;
use std::fmt;

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};

/// The JSON path of the value being validated, as a linked list of borrowed
/// segments that lives on the stack.
///
/// Building a `Path` never allocates; it is turned into a `String` only when a
/// violation is recorded ([`Report::push`]).
///
/// ```
/// use spec_validate::Path;
/// let root = Path::root();
/// let meta = root.field("client_metadata");
/// let key = meta.key("foo");
/// assert_eq!(key.to_string(), "client_metadata.foo");
/// let grants = root.field("grant_types");
/// assert_eq!(grants.index(2).to_string(), "grant_types[2]");
/// // Names that are not plain words are quoted, fields and keys alike.
/// assert_eq!(root.field("a b").key("x.y").to_string(), r#"["a b"]["x.y"]"#);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Seg<'a> {
    Root,
    Index(usize),
    Key(&'a str),
}

impl Path<'static> {
    /// The root of a value: the empty path `""`.
    pub const fn root() -> Path<'static> {
        Path {
            parent: None,
            seg: Seg::Root,
        }
    }
}

impl<'a> Path<'a> {
    /// The path of field `name` of this value (`parent.name`), written as a
    /// map [`key`](Self::key) is: a field whose serde name is not a plain
    /// word (`#[serde(rename = "a b")]`) is `parent["a b"]`.
    pub fn field<'b>(&'b self, name: &'b str) -> Path<'b> {
        self.key(name)
    }

    /// The path of element `index` of this array (`parent[index]`).
    pub fn index(&self, index: usize) -> Path<'_> {
        Path {
            parent: Some(self),
            seg: Seg::Index(index),
        }
    }

    /// The path of entry `key` of this map (`parent.key`, or `parent["k e y"]`
    /// when the key is not a plain word: a JSON string, in which control,
    /// bidirectional and other invisible characters are escaped as `\uXXXX`).
    pub fn key<'b>(&'b self, key: &'b str) -> Path<'b> {
        Path {
            parent: Some(self),
            seg: Seg::Key(key),
        }
    }

    /// Whether this is the root path.
    pub fn is_root(&self) -> bool {
        self.parent.is_none_or(|p| p.is_root()) && matches!(self.seg, Seg::Root)
    }

    fn write_to(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write_to(out);
        }
        match self.seg {
            Seg::Root => {}
            Seg::Index(i) => {
                use fmt::Write;
                let _ = write!(out, "[{i}]");
            }
            Seg::Key(key) => {
                let plain = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    out.push('[');
                    push_json_string(out, key);
                    out.push(']');
                }
            }
        }
    }
}

fn push_json_string(out: &mut String, s: &str) {
    use fmt::Write;
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if invisible(c) => {
                // A JSON escape; characters outside the BMP as a surrogate pair.
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{:04x}", u);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Characters that must not reach a report raw: controls (C0, DEL, C1),
/// bidirectional controls (which can reorder what a reader sees, `U+202E`),
/// and other invisible format characters (zero-width, separators, tags).
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{061c}'
                | '\u{180e}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{feff}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        self.write_to(&mut s);
        f.write_str(&s)
    }
}

/// A stable, machine-readable violation code. Its string form ([`Code::as_str`])
/// never changes between releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// `length(min, max)`: string length in Unicode scalar values.
    Length,
    /// `pattern = "..."`: the string does not match.
    Pattern,
    /// `range(min, max)`: integer out of range.
    Range,
    /// `one_of(...)`: string not in the allowed set.
    OneOf,
    /// `url(...)`: not an acceptable URL.
    Url,
    /// `ip` / `ip(cidr)`: not an IP address (or CIDR range).
    Ip,
    /// `items(min, max)`: wrong number of array items.
    Items,
    /// `items(unique)`: an item repeats an earlier one.
    Unique,
    /// `entries(min, max)`: wrong number of map entries.
    Entries,
    /// `properties(min, max)`: wrong number of fields present in the object.
    Properties,
    /// `mutually_exclusive(a, b)`: two fields set together.
    MutuallyExclusive,
    /// `then(path, equals)`: a field does not have the value a condition requires.
    Equals,
    /// `absent(...)`: a field is set although a condition requires it absent or null.
    Absent,
    /// A code chosen by a hand-written [`Validate`](crate::Validate) impl.
    Custom(&'static str),
}

impl Code {
    /// The stable string form, e.g. `"length"`, `"mutually_exclusive"`.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Code::Length => "length",
            Code::Pattern => "pattern",
            Code::Range => "range",
            Code::OneOf => "one_of",
            Code::Url => "url",
            Code::Ip => "ip",
            Code::Items => "items",
            Code::Unique => "unique",
            Code::Entries => "entries",
            Code::Properties => "properties",
            Code::MutuallyExclusive => "mutually_exclusive",
            Code::Equals => "equals",
            Code::Absent => "absent",
            Code::Custom(s) => s,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The value of one parameter of a violation (a bound, the expected value...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Param {
    /// An integer (bounds, actual lengths and counts).
    Int(i128),
    /// The actual value of a `u128` field above `i128::MAX` (from `range`).
    BigUint(u128),
    /// A boolean.
    Bool(bool),
    /// A string (a pattern, a field name, an expected value).
    Str(Cow<'static, str>),
    /// A list of strings (allowed values, field names).
    List(Vec<Cow<'static, str>>),
}

impl Serialize for Param {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // Values that fit 64 bits go out as plain JSON numbers; wider ones
            // (only the `actual` of an `i128`/`u128` field) as decimal strings:
            // most JSON readers (and `serde_json::Value`) cannot hold them.
            Param::Int(i) => match i64::try_from(*i) {
                Ok(i) => s.serialize_i64(i),
                Err(_) => match u64::try_from(*i) {
                    Ok(u) => s.serialize_u64(u),
                    Err(_) => s.collect_str(i),
                },
            },
            Param::BigUint(u) => s.collect_str(u),
            Param::Bool(b) => s.serialize_bool(*b),
            Param::Str(v) => s.serialize_str(v),
            Param::List(v) => v.serialize(s),
        }
    }
}

impl fmt::Display for Param {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Int(i) => write!(f, "{i}"),
            Param::BigUint(u) => write!(f, "{u}"),
            Param::Bool(b) => write!(f, "{b}"),
            Param::Str(s) => f.write_str(s),
            Param::List(v) => f.write_str(&v.join(", ")),
        }
    }
}

impl From<i128> for Param {
    fn from(v: i128) -> Self {
        Param::Int(v)
    }
}
impl From<usize> for Param {
    fn from(v: usize) -> Self {
        Param::Int(v as i128)
    }
}
impl From<bool> for Param {
    fn from(v: bool) -> Self {
        Param::Bool(v)
    }
}
impl From<&'static str> for Param {
    fn from(v: &'static str) -> Self {
        Param::Str(Cow::Borrowed(v))
    }
}
impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::Str(Cow::Owned(v))
    }
}

/// Named parameters of a violation, in insertion order; serialized as a JSON object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, Param)>);

impl Params {
    /// No parameters (does not allocate).
    pub const fn new() -> Self {
        Params(Vec::new())
    }

    /// Adds a parameter.
    pub fn with(mut self, name: &'static str, value: impl Into<Param>) -> Self {
        self.0.push((name, value.into()));
        self
    }

    /// Looks a parameter up by name.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Iterates over `(name, value)` pairs in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Param)> {
        self.0.iter().map(|(n, v)| (*n, v))
    }

    /// Whether there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// One broken rule: where (`path`), which rule (`code`), a human message and the
/// rule's parameters. Messages never contain the offending value itself, so a
/// secret cannot leak through a report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// JSON path of the offending value, e.g. `jwt_configuration.alg`,
    /// `client_metadata.foo`, `grant_types[2]`; `""` for the root object.
    pub path: String,
    /// Stable code of the rule.
    pub code: Code,
    /// Human-readable message, e.g. `must be at most 140 characters (got 141)`.
    pub message: Cow<'static, str>,
    /// The rule's parameters (`min`, `max`, `actual`, `pattern`, ...).
    pub params: Params,
}

impl Violation {
    /// JSON path of the offending value.
    pub fn path(&self) -> &str {
        &self.path
    }
    /// Stable code of the rule.
    pub fn code(&self) -> Code {
        self.code
    }
    /// Human-readable message.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// The rule's parameters.
    pub fn params(&self) -> &Params {
        &self.params
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

/// Every violation found in a value, in declaration order.
///
/// `Display` prints one `path: message` per line (the root object's path is
/// shown as `(root)`); `Serialize` writes `{"violations": [{"path", "code",
/// "message", "params"}, ...]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// An empty report (does not allocate).
    pub const fn new() -> Self {
        Report {
            violations: Vec::new(),
        }
    }

    /// Records a violation at `path`. This is the only place a path string is built.
    pub fn push(
        &mut self,
        path: &Path<'_>,
        code: Code,
        message: impl Into<Cow<'static, str>>,
        params: Params,
    ) {
        let mut p = String::new();
        path.write_to(&mut p);
        self.violations.push(Violation {
            path: p,
            code,
            message: message.into(),
            params,
        });
    }

    /// The violations, in the order they were found (declaration order).
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Consumes the report, returning its violations.
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }

    /// Whether no violation was recorded.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// Number of violations.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), Report> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// Marks violations recorded since `from` as being about a map key rather
    /// than its value (the path is the same): message prefixed with `key `,
    /// parameter `key: true`.
    #[doc(hidden)]
    pub fn __mark_keys(&mut self, from: usize) {
        for v in self.violations.iter_mut().skip(from) {
            v.message = Cow::Owned(format!("key {}", v.message));
            v.params.0.push(("key", Param::Bool(true)));
        }
    }

    /// Iterates over the violations.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.violations.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Report", 1)?;
        st.serialize_field("violations", &self.violations)?;
        st.end()
    }
}
