//! Library types that `#[derive(Validate)]` recognises by name.
//!
//! The derive sees tokens, not resolved types, so it reads a field's type by the last segment
//! of its path: any type named `String` counts as a string, any `Vec` as a list, any `Patch` as
//! the tri-state wrapper. This table is the one list of those names: the derive's type checks
//! use it, and the spec checker (`spec-codegen`) reserves these names so that a generated type
//! can never be mistaken for one of them.

/// What the derive reads a type of a known name as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnownType {
    /// A string (`String`, `Cow<str>`).
    Str,
    /// A `Vec`: a sequence that `items` and `each` apply to.
    Vec,
    /// Another collection (`BTreeSet`, `VecDeque`, ...), which the sequence rules refuse.
    Collection,
    /// A map with string keys (`BTreeMap`, `HashMap`, `IndexMap`).
    Map,
    /// `spec_validate::Patch`, the absent / null / value wrapper.
    Patch,
}

/// Every known name, in alphabetical order, with what it is read as.
pub const KNOWN_TYPES: &[(&str, KnownType)] = &[
    ("BTreeMap", KnownType::Map),
    ("BTreeSet", KnownType::Collection),
    ("BinaryHeap", KnownType::Collection),
    ("Cow", KnownType::Str),
    ("HashMap", KnownType::Map),
    ("HashSet", KnownType::Collection),
    ("IndexMap", KnownType::Map),
    ("IndexSet", KnownType::Collection),
    ("LinkedList", KnownType::Collection),
    ("Patch", KnownType::Patch),
    ("String", KnownType::Str),
    ("Vec", KnownType::Vec),
    ("VecDeque", KnownType::Collection),
];

impl KnownType {
    /// What a type whose path ends in `name` is read as, if `name` is known.
    pub fn of(name: &str) -> Option<KnownType> {
        KNOWN_TYPES
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, kind)| kind)
    }

    /// The kind in words, for diagnostics: "a string", "a map", ...
    pub fn describe(self) -> &'static str {
        match self {
            KnownType::Str => "a string",
            KnownType::Vec | KnownType::Collection => "a list or set",
            KnownType::Map => "a map",
            KnownType::Patch => "the `Patch` wrapper of optional nullable fields",
        }
    }
}
