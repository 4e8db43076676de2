//! Reading a spec: file → text → located YAML nodes → [`crate::model::Spec`] → checked
//! [`crate::ir::Api`].
//!
//! [`load`], [`load_bytes`] and [`load_str`] are the entry points. Shape problems (YAML syntax,
//! duplicate or unknown keys, wrong value types, missing keys) and semantic problems (found by
//! [`crate::check`]) are all collected into one [`Diagnostics`]; nothing here panics on any
//! input.

pub mod extract;
pub mod yaml;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;
use crate::ir;

/// Why a spec file could not be loaded: it could not be read, or it is not a valid spec.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be read (missing, unreadable). A file that is not UTF-8 was read: it
    /// is a [`LoadError::Spec`] error located at its first invalid byte.
    Io {
        /// The path as given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file was read, but the spec has errors; every one is in here.
    Spec(Diagnostics),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => {
                write!(f, "error: cannot read {}: {source}", path.display())
            }
            LoadError::Spec(diagnostics) => fmt::Display::fmt(diagnostics, f),
        }
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            LoadError::Spec(diagnostics) => Some(diagnostics),
        }
    }
}

impl From<Diagnostics> for LoadError {
    fn from(diagnostics: Diagnostics) -> Self {
        LoadError::Spec(diagnostics)
    }
}

/// Reads, parses and checks the spec at `path`.
///
/// Diagnostics and [`ir::Api::source`] name the file by [`source_name`]`(path)`: the path as
/// given, without `.` components and with `/` separators, so `./spec/x.yaml` and `spec/x.yaml`
/// give the same output (pass a relative path for stable messages).
///
/// # Errors
/// [`LoadError::Io`] when the file cannot be read, [`LoadError::Spec`] with every problem found
/// when it is not a valid spec.
pub fn load(path: &Path) -> Result<ir::Api, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(load_bytes(&source_name(path), &bytes)?)
}

/// How a spec path is shown in diagnostics and `@generated` headers: as given, but without
/// `.` components and with `/` separators (`./spec\\x.yaml` on Windows → `spec/x.yaml`).
/// `..` is kept: resolving it could change the meaning (symbolic links).
pub fn source_name(path: &Path) -> String {
    use std::path::Component;
    let mut root = String::new();
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::Prefix(prefix) => root = prefix.as_os_str().to_string_lossy().into_owned(),
            Component::RootDir => root.push('/'),
            Component::CurDir => {}
            Component::ParentDir => parts.push("..".to_owned()),
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
        }
    }
    let name = format!("{root}{}", parts.join("/"));
    if name.is_empty() {
        ".".to_owned()
    } else {
        name
    }
}

/// Decodes, parses and checks a spec read as bytes; `source_name` names it in diagnostics and
/// becomes [`ir::Api::source`]. A spec must be UTF-8 (a UTF-8 byte-order mark is fine); one in
/// UTF-16 or UTF-32, or with bytes that are not UTF-8, is one located error.
///
/// # Errors
/// Every problem found, located in the text.
pub fn load_bytes(source_name: &str, bytes: &[u8]) -> Result<ir::Api, Diagnostics> {
    if let Some(encoding) = Encoding::detect(bytes) {
        return Err(wrong_encoding(source_name, bytes, encoding));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(source_name, text),
        Err(err) => Err(not_utf8(source_name, bytes, err)),
    }
}

/// A Unicode encoding other than UTF-8, recognised as YAML 1.2 does (section 5.2): by a
/// byte-order mark, or by the zero bytes of an ASCII first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Encoding {
    /// `UTF-16` or `UTF-32`.
    name: &'static str,
    /// Code unit size in bytes.
    unit: usize,
    big_endian: bool,
    /// Whether the text starts with a byte-order mark.
    bom: bool,
}

impl Encoding {
    fn detect(bytes: &[u8]) -> Option<Encoding> {
        let e = |name, unit, big_endian, bom| {
            Some(Encoding {
                name,
                unit,
                big_endian,
                bom,
            })
        };
        match bytes {
            [0, 0, 0xFE, 0xFF, ..] => e("UTF-32", 4, true, true),
            [0, 0, 0, x, ..] if *x != 0 => e("UTF-32", 4, true, false),
            [0xFF, 0xFE, 0, 0, ..] => e("UTF-32", 4, false, true),
            [x, 0, 0, 0, ..] if *x != 0 => e("UTF-32", 4, false, false),
            [0xFE, 0xFF, ..] => e("UTF-16", 2, true, true),
            [0, x, ..] if *x != 0 => e("UTF-16", 2, true, false),
            [0xFF, 0xFE, ..] => e("UTF-16", 2, false, true),
            [x, 0, ..] if *x != 0 => e("UTF-16", 2, false, false),
            _ => None,
        }
    }

    /// `UTF-16LE`, as `iconv` spells it.
    fn label(&self) -> String {
        format!("{}{}", self.name, if self.big_endian { "BE" } else { "LE" })
    }

    /// The text, decoded (invalid sequences as U+FFFD), so that the diagnostic can show it.
    fn decode(&self, bytes: &[u8]) -> String {
        let units = bytes.chunks_exact(self.unit).map(|c| {
            let mut v: u32 = 0;
            for i in 0..self.unit {
                let byte = if self.big_endian {
                    c[i]
                } else {
                    c[self.unit - 1 - i]
                };
                v = (v << 8) | u32::from(byte);
            }
            v
        });
        if self.unit == 2 {
            char::decode_utf16(units.map(|u| u as u16))
                .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        } else {
            units
                .map(|u| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER))
                .collect()
        }
    }
}

/// The diagnostic for a spec in UTF-16 or UTF-32, at its start.
fn wrong_encoding(source_name: &str, bytes: &[u8], encoding: Encoding) -> Diagnostics {
    let text = encoding.decode(bytes);
    let mut diagnostics = Diagnostics::new(source_name, text.as_str());
    let label = encoding.label();
    let (message, span_label, from) = if encoding.bom {
        (
            format!(
                "the spec is {label} (it starts with a {} byte-order mark), not UTF-8",
                encoding.name
            ),
            "byte-order mark".to_owned(),
            // iconv reads the byte order from the mark, and drops it.
            encoding.name.to_owned(),
        )
    } else {
        let first: Vec<String> = bytes[..encoding.unit]
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect();
        (
            format!(
                "the spec looks like {label}, not UTF-8 (its first bytes are `{}`)",
                first.join(" ")
            ),
            format!("a {label} character"),
            label.clone(),
        )
    };
    // The renderer does not show a byte-order mark, so the caret lands on the first
    // character either way.
    diagnostics.push(
        crate::Diagnostic::error(message, crate::diagnostic::Span::new(1, 1, 0, 1))
            .label(span_label)
            .help(format!(
                "specs must be UTF-8: save the file as UTF-8 (for example `iconv -f {from} -t UTF-8`)"
            )),
    );
    diagnostics
}

/// The diagnostic for a spec that is not UTF-8, at its first invalid byte. The snippet shows
/// the text decoded lossily (the bad byte as U+FFFD), which is identical up to that byte.
fn not_utf8(source_name: &str, bytes: &[u8], err: std::str::Utf8Error) -> Diagnostics {
    let at = err.valid_up_to();
    // Valid up to `at` by definition.
    let before = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    let offset = before.chars().count();
    let text = String::from_utf8_lossy(bytes);
    let mut diagnostics = Diagnostics::new(source_name, text.as_ref());
    diagnostics.push(
        crate::Diagnostic::error(
            "the spec is not valid UTF-8",
            crate::diagnostic::Span::new(line, column, offset, 1),
        )
        .label(format!("invalid byte 0x{:02X}", bytes[at]))
        .help("save the spec as UTF-8"),
    );
    diagnostics
}

/// Parses and checks a spec given as text; `source_name` names it in diagnostics and becomes
/// [`ir::Api::source`].
///
/// # Errors
/// Every problem found, located in `text`.
pub fn load_str(source_name: &str, text: &str) -> Result<ir::Api, Diagnostics> {
    let mut diagnostics = Diagnostics::new(source_name, text);
    let mut errors = Vec::new();
    let Some(root) = yaml::parse(text, &mut errors) else {
        diagnostics.extend(errors);
        return Err(diagnostics);
    };
    let mut extractor = extract::Extractor::new();
    let spec = extractor.spec(&root);
    errors.extend(extractor.errors);
    let chars: Vec<char> = text.chars().collect();
    let result = crate::check::check(source_name, &spec, &chars);
    match result {
        Ok(api) if errors.is_empty() => Ok(api),
        Ok(_) => {
            diagnostics.extend(errors);
            diagnostics.sort();
            Err(diagnostics)
        }
        Err(more) => {
            diagnostics.extend(errors);
            diagnostics.extend(more);
            if diagnostics.is_empty() {
                // Every path that fails to lower records why; this is a safety net, so that an
                // `Err` always explains itself.
                diagnostics.push(crate::Diagnostic::error(
                    "internal error: the spec could not be lowered (please report this)",
                    crate::diagnostic::Span::start_of_text(),
                ));
            }
            diagnostics.sort();
            Err(diagnostics)
        }
    }
}

/// Counts that describe a loaded spec, for the CLI's one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Named types.
    pub types: usize,
    /// Fields over all object types.
    pub fields: usize,
    /// Cross-field rules over all object types.
    pub rules: usize,
    /// Fields of the request body's type.
    pub request_properties: usize,
}

impl Summary {
    /// Counts the parts of `api`.
    pub fn of(api: &ir::Api) -> Self {
        let objects = || {
            api.types.values().filter_map(|t| match &t.kind {
                ir::TypeKind::Object(object) => Some(object),
                _ => None,
            })
        };
        let request_properties = match api.types.get(&api.endpoint.request.type_name) {
            Some(ir::TypeDef {
                kind: ir::TypeKind::Object(object),
                ..
            }) => object.fields.len(),
            _ => 0,
        };
        Summary {
            types: api.types.len(),
            fields: objects().map(|o| o.fields.len()).sum(),
            rules: objects().map(|o| o.rules.len()).sum(),
            request_properties,
        }
    }
}

impl fmt::Display for Summary {
    /// `72 types, 412 fields, 4 rules, 58 request properties`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        write!(
            f,
            "{}, {}, {}, {}",
            plural(self.types, "type"),
            plural(self.fields, "field"),
            plural(self.rules, "rule"),
            plural(self.request_properties, "request property").replace("propertys", "properties")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_source_names_drop_dot_components() {
        for (given, shown) in [
            (
                "spec/auth0/update-client.yaml",
                "spec/auth0/update-client.yaml",
            ),
            (
                "./spec/auth0/update-client.yaml",
                "spec/auth0/update-client.yaml",
            ),
            (
                "spec/./auth0//update-client.yaml",
                "spec/auth0/update-client.yaml",
            ),
            ("../spec/x.yaml", "../spec/x.yaml"),
            ("/abs/./x.yaml", "/abs/x.yaml"),
            (".", "."),
        ] {
            assert_eq!(source_name(Path::new(given)), shown, "{given}");
        }
    }

    #[test]
    fn spec_encodings_are_recognised() {
        let utf16le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a: 1\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let utf16be: Vec<u8> = "a: 1\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let utf32le: Vec<u8> = [0xFF, 0xFE, 0, 0]
            .into_iter()
            .chain("a".chars().flat_map(|c| u32::from(c).to_le_bytes()))
            .collect();
        for (bytes, message) in [
            (
                &utf16le[..],
                "the spec is UTF-16LE (it starts with a UTF-16 byte-order mark), not UTF-8",
            ),
            (
                &utf16be[..],
                "the spec looks like UTF-16BE, not UTF-8 (its first bytes are `00 61`)",
            ),
            (
                &utf32le[..],
                "the spec is UTF-32LE (it starts with a UTF-32 byte-order mark), not UTF-8",
            ),
        ] {
            let diagnostics = load_bytes("x.yaml", bytes).expect_err("not UTF-8");
            let first = diagnostics.iter().next().expect("one diagnostic");
            assert_eq!(first.message, message);
            assert_eq!((first.span.line, first.span.column), (1, 1));
            assert!(diagnostics.to_string().contains("1 | a"), "{diagnostics}");
        }
        // UTF-8, with or without a byte-order mark, is read as text (here: not a spec).
        for bytes in [&b"a: 1\n"[..], b"\xEF\xBB\xBFa: 1\n"] {
            let diagnostics = load_bytes("x.yaml", bytes).expect_err("not a spec");
            assert!(diagnostics.iter().all(|d| !d.message.contains("UTF")));
        }
        // Truncated or odd-length input never panics.
        for bytes in [&[0xFF][..], &[0xFF, 0xFE, 0x61], &[0, 0, 0xFE], &[0x61, 0]] {
            let _ = load_bytes("x.yaml", bytes);
        }
    }
}
