//! The `generate` and `docs` subcommands (piece D): load, emit, then print, write or compare.

use std::path::Path;
use std::process::ExitCode;

use spec_codegen::LoadError;

use crate::{EXIT_IO, EXIT_SPEC_ERRORS};

/// Exit code: `generate --check` found the file stale.
const EXIT_STALE: u8 = 1;

/// Loads a spec, printing its problems; `Err` carries the exit code.
fn load(spec: &Path) -> Result<spec_codegen::ir::Api, ExitCode> {
    spec_codegen::load(spec).map_err(|error| match error {
        error @ LoadError::Io { .. } => {
            report!("{error}");
            ExitCode::from(EXIT_IO)
        }
        LoadError::Spec(diagnostics) => {
            report!("{diagnostics}");
            ExitCode::from(EXIT_SPEC_ERRORS)
        }
    })
}

/// Prints `content` to stdout, or writes it to `output` when it differs from what is there.
fn emit(content: &str, output: Option<&Path>) -> ExitCode {
    match output {
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(content.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    report!("error: cannot write to stdout: {err}");
                    ExitCode::from(EXIT_IO)
                }
            }
        }
        Some(path) => {
            let unchanged = std::fs::read(path).is_ok_and(|old| old == content.as_bytes());
            if unchanged {
                return ExitCode::SUCCESS;
            }
            match std::fs::write(path, content) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    report!("error: cannot write {}: {err}", path.display());
                    ExitCode::from(EXIT_IO)
                }
            }
        }
    }
}

/// `spec-codegen generate SPEC [-o FILE | --check FILE]`.
pub fn generate(spec: &Path, output: Option<&Path>, check: Option<&Path>) -> ExitCode {
    let api = match load(spec) {
        Ok(api) => api,
        Err(code) => return code,
    };
    let content = spec_codegen::generate(&api);
    match check {
        Some(file) => compare(&content, file, spec),
        None => emit(&content, output),
    }
}

/// `spec-codegen docs SPEC [-o FILE]`.
pub fn docs(spec: &Path, output: Option<&Path>) -> ExitCode {
    match load(spec) {
        Ok(api) => emit(&spec_codegen::markdown(&api), output),
        Err(code) => code,
    }
}

/// Compares the freshly generated `expected` with `file`; on a difference names the first
/// differing line on stderr.
fn compare(expected: &str, file: &Path, spec: &Path) -> ExitCode {
    let found = match std::fs::read_to_string(file) {
        Ok(found) => found,
        Err(err) => {
            report!("error: cannot read {}: {err}", file.display());
            return ExitCode::from(EXIT_IO);
        }
    };
    match first_difference(expected, &found) {
        None => ExitCode::SUCCESS,
        Some((line, e, f)) => {
            report!(
                "error: {} is stale (regenerate with `spec-codegen generate {} -o {}`)\n  first difference at line {line}:\n  expected: {e}\n  found:    {f}",
                file.display(),
                spec.display(),
                file.display(),
            );
            ExitCode::from(EXIT_STALE)
        }
    }
}

/// The first line (1-based) where `expected` and `found` differ, with both versions quoted
/// (`end of file` past the end); `None` when they are identical.
fn first_difference(expected: &str, found: &str) -> Option<(usize, String, String)> {
    if expected == found {
        return None;
    }
    let show = |s: Option<&str>| match s {
        // Quoted with its line break, so a missing final newline shows.
        Some(s) => format!("{s:?}"),
        None => "end of file".to_owned(),
    };
    let mut expected_lines = expected.split_inclusive('\n');
    let mut found_lines = found.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (expected_lines.next(), found_lines.next()) {
            (Some(e), Some(f)) if e == f => line += 1,
            (e, f) => return Some((line, show(e), show(f))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::first_difference;

    #[test]
    fn names_the_first_differing_line() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(
            first_difference("a\nb\nc\n", "a\nx\nc\n"),
            Some((2, "\"b\\n\"".to_owned(), "\"x\\n\"".to_owned()))
        );
        assert_eq!(
            first_difference("a\nb\n", "a\n"),
            Some((2, "\"b\\n\"".to_owned(), "end of file".to_owned()))
        );
        // A missing final newline is a difference too.
        assert_eq!(
            first_difference("a\n", "a"),
            Some((1, "\"a\\n\"".to_owned(), "\"a\"".to_owned()))
        );
    }
}
