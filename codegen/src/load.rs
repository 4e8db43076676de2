//! Reading a spec: file → text → located YAML nodes → [`crate::model::Spec`] → checked
//! [`crate::ir::Api`].
//!
//! [`load`] and [`load_str`] are the entry points. Shape problems (YAML syntax, duplicate or
//! unknown keys, wrong value types, missing keys) and semantic problems (found by
//! [`crate::check`]) are all collected into one [`Diagnostics`]; nothing here panics on any input.

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
/// Diagnostics name the file by `path` as given (pass a relative path for stable messages).
///
/// # Errors
/// [`LoadError::Io`] when the file cannot be read, [`LoadError::Spec`] with every problem found
/// when it is not a valid spec.
pub fn load(path: &Path) -> Result<ir::Api, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_owned(),
        source,
    })?;
    let name = path.display().to_string();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => return Err(not_utf8(&name, err.as_bytes(), err.utf8_error()).into()),
    };
    Ok(load_str(&name, &text)?)
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
