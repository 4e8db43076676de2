//! A `prost-build`-style builder for `build.rs`: load a spec, generate Rust (and optionally the
//! Markdown reference) into `OUT_DIR`, write only what changed, and tell Cargo precisely when
//! to run again.
//!
//! ```no_run
//! // build.rs (the body of `main`)
//! let result = spec_codegen::Config::new()
//!     .source_name("spec/auth0/update-client.yaml")
//!     .docs_file_name("update_client.md")
//!     .generate("../spec/auth0/update-client.yaml");
//! if let Err(err) = result {
//!     // Located diagnostics, one per problem; no panic, no backtrace.
//!     eprintln!("{err}");
//!     std::process::exit(1);
//! }
//! ```
//! and in `lib.rs`: `include!(concat!(env!("OUT_DIR"), "/update_client.rs"));`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostics;

/// Settings for generating bindings from a spec in a build script. Build with [`Config::new`],
/// adjust with the `&mut self -> &mut Self` methods, finish with [`Config::generate`].
#[derive(Debug, Clone)]
pub struct Config {
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    docs_file_name: Option<String>,
    source_name: Option<String>,
    emit_rerun_if_changed: bool,
}

impl Default for Config {
    fn default() -> Self {
        Self::new()
    }
}

/// Why [`Config::generate`] failed.
#[derive(Debug)]
pub enum Error {
    /// The spec file could not be read.
    Read {
        /// The spec path as given.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The spec has errors; every one, located (`file:line:col` with the source line).
    Spec(Diagnostics),
    /// An output file could not be written.
    Write {
        /// The output path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Neither [`Config::out_dir`] nor the `OUT_DIR` environment variable (set by Cargo for
    /// build scripts) says where to write.
    NoOutDir,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => {
                write!(f, "error: cannot read spec {}: {source}", path.display())
            }
            Error::Spec(diagnostics) => fmt::Display::fmt(diagnostics, f),
            Error::Write { path, source } => {
                write!(f, "error: cannot write {}: {source}", path.display())
            }
            Error::NoOutDir => f.write_str(
                "error: no output directory: OUT_DIR is not set (not in a build script?) and \
                 Config::out_dir was not called",
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            Error::Spec(diagnostics) => Some(diagnostics),
            Error::NoOutDir => None,
        }
    }
}

impl Config {
    /// Defaults: write into `$OUT_DIR`, name the Rust file after the spec (`update-client.yaml`
    /// → `update_client.rs`), write no Markdown, print `cargo::rerun-if-changed` for the spec.
    pub fn new() -> Self {
        Config {
            out_dir: None,
            file_name: None,
            docs_file_name: None,
            source_name: None,
            emit_rerun_if_changed: true,
        }
    }

    /// Writes into `dir` instead of `$OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Names the generated Rust file (inside the output directory).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = Some(name.into());
        self
    }

    /// Also writes the Markdown reference ([`crate::markdown`]) under this name, e.g. to show
    /// it as crate docs with `#![doc = include_str!(concat!(env!("OUT_DIR"), "/api.md"))]`.
    pub fn docs_file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.docs_file_name = Some(name.into());
        self
    }

    /// How the spec is named in the `@generated` header and in diagnostics (default: the path
    /// as passed to [`Config::generate`], without `.` components and with `/` separators: see
    /// [`crate::source_name`]). Use the workspace-relative path, so the output is
    /// the same as the CLI's `spec-codegen generate spec/...` run from the workspace root.
    pub fn source_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.source_name = Some(name.into());
        self
    }

    /// Whether to print `cargo::rerun-if-changed=<spec>` (default `true`). With it, Cargo
    /// reruns the build script when the spec changes and only then (plus when the build script
    /// or its dependencies, such as this crate, change).
    pub fn emit_rerun_if_changed(&mut self, yes: bool) -> &mut Self {
        self.emit_rerun_if_changed = yes;
        self
    }

    /// Loads and checks the spec at `spec_path`, generates the Rust bindings (and the Markdown
    /// reference if asked), and writes each file only when its content changed, so an
    /// unchanged spec never touches mtimes. Returns the path of the Rust file.
    ///
    /// # Errors
    /// [`Error::Spec`] carries every problem in the spec, located; print it with `{}` and exit
    /// non-zero. The other variants are I/O problems.
    pub fn generate(&self, spec_path: impl AsRef<Path>) -> Result<PathBuf, Error> {
        let spec_path = spec_path.as_ref();
        // Printed first, so that a broken spec is looked at again once it is fixed.
        if self.emit_rerun_if_changed {
            println!("cargo::rerun-if-changed={}", spec_path.display());
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        let bytes = std::fs::read(spec_path).map_err(|source| Error::Read {
            path: spec_path.to_owned(),
            source,
        })?;
        let source_name = self
            .source_name
            .clone()
            .unwrap_or_else(|| crate::source_name(spec_path));
        // A spec that is not UTF-8 is a located spec error, as with the CLI.
        let api = crate::load_bytes(&source_name, &bytes).map_err(Error::Spec)?;

        let file_name = self
            .file_name
            .clone()
            .unwrap_or_else(|| default_file_name(spec_path));
        let rust_path = out_dir.join(file_name);
        write_if_changed(&rust_path, &crate::generate(&api))?;
        if let Some(docs) = &self.docs_file_name {
            write_if_changed(&out_dir.join(docs), &crate::markdown(&api))?;
        }
        Ok(rust_path)
    }
}

/// `spec/auth0/update-client.yaml` → `update_client.rs`.
fn default_file_name(spec_path: &Path) -> String {
    let stem = spec_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "spec".to_owned());
    let stem: String = stem
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{stem}.rs")
}

/// Writes `content` to `path` unless the file already holds exactly that.
pub(crate) fn write_if_changed(path: &Path, content: &str) -> Result<(), Error> {
    if std::fs::read(path).is_ok_and(|old| old == content.as_bytes()) {
        return Ok(());
    }
    if let Some(parent) = path.parent()
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_owned(),
            source,
        })?;
    }
    std::fs::write(path, content).map_err(|source| Error::Write {
        path: path.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names() {
        assert_eq!(
            default_file_name(Path::new("../spec/auth0/update-client.yaml")),
            "update_client.rs"
        );
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("spec-codegen-config-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    const SPEC: &str = "endpoint:
  name: rename_thing
  summary: Rename a thing
  method: PATCH
  path: /things/{id}
  path_params:
    id:
      description: ID.
  auth:
    scheme: bearer
    scopes: [update:things]
  request:
    type: Rename
  responses:
    200:
      type: Rename
types:
  Rename:
    kind: object
    description: A new name.
    fields:
      name:
        type: string
        description: The name.
";

    #[test]
    fn generates_into_out_dir_and_reports_spec_errors() {
        let dir = scratch("generate");
        let spec = dir.join("thing.yaml");
        std::fs::write(&spec, SPEC).unwrap();
        let out = dir.join("out");
        let path = Config::new()
            .out_dir(&out)
            .docs_file_name("thing.md")
            .source_name("spec/thing.yaml")
            .emit_rerun_if_changed(false)
            .generate(&spec)
            .unwrap();
        assert_eq!(path, out.join("thing.rs"));
        let rust = std::fs::read_to_string(&path).unwrap();
        assert!(rust.starts_with("// @generated by spec-codegen from spec/thing.yaml."));
        assert!(
            std::fs::read_to_string(out.join("thing.md"))
                .unwrap()
                .contains("# Rename a thing")
        );

        std::fs::write(&spec, SPEC.replace("type: string", "type: strng")).unwrap();
        let err = Config::new()
            .out_dir(&out)
            .emit_rerun_if_changed(false)
            .generate(&spec)
            .unwrap_err();
        assert!(matches!(err, Error::Spec(_)));
        let message = err.to_string();
        assert!(message.contains("error"), "{message}");
        assert!(message.contains("thing.yaml:"), "{message}");

        // A spec in UTF-16 is a located spec error, not a read error.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(SPEC.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        std::fs::write(&spec, utf16).unwrap();
        let err = Config::new()
            .out_dir(&out)
            .source_name("spec/thing.yaml")
            .emit_rerun_if_changed(false)
            .generate(&spec)
            .unwrap_err();
        assert!(matches!(err, Error::Spec(_)), "{err}");
        assert!(err.to_string().contains("--> spec/thing.yaml:1:1"), "{err}");

        let err = Config::new()
            .out_dir(&out)
            .emit_rerun_if_changed(false)
            .generate(dir.join("missing.yaml"))
            .unwrap_err();
        assert!(matches!(err, Error::Read { .. }), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writes_only_when_changed() {
        let dir = scratch("write");
        let path = dir.join("x.rs");
        write_if_changed(&path, "a").unwrap();
        let before = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(20));
        write_if_changed(&path, "a").unwrap();
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            before
        );
        write_if_changed(&path, "b").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "b");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
