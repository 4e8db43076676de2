//! The `spec-codegen` command line: a thin shell over the library.
//!
//! Exit codes (also in `--help`): 0 when every spec is clean (and every command succeeded), 1
//! when a spec has errors (a spec file that is not UTF-8 is one, located at its first invalid
//! byte), 2 for usage errors and files that cannot be read or written.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Like `eprintln!`, but a closed stderr (`spec-codegen check x.yaml 2>&1 | head -1`) is not a
/// panic: the message is dropped and the exit code still tells.
macro_rules! report {
    ($($arg:tt)*) => {
        $crate::write_stderr(::std::format_args!($($arg)*))
    };
}

mod emit_cmd;
use spec_codegen::{LoadError, Summary};

/// Shown after every `--help`.
const EXIT_CODES: &str = "\
Exit codes:
  0  success (every spec clean, every command done; `--help`, `--version`)
  1  a spec has errors (printed to stderr, located; a spec that is not UTF-8 is one), or
     `generate --check FILE` found FILE stale
  2  usage error, or a file cannot be read or written";

/// Generate typed, validated Rust bindings and Markdown docs from an HTTP endpoint spec.
#[derive(Debug, Parser)]
#[command(name = "spec-codegen", version, about, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// One subcommand per workflow; each is a small function below.
#[derive(Debug, Subcommand)]
enum Command {
    /// Check specs: print every problem to stderr, and one summary line per clean spec to stdout.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// The spec files (YAML) to check.
        #[arg(required = true, value_name = "SPEC")]
        specs: Vec<PathBuf>,
    },
    /// Generate the Rust bindings of a spec, or check that a generated file is current.
    ///
    /// Writes to stdout, or to `-o FILE` (only when the content changed). With `--check FILE`,
    /// exits 0 when FILE is current and 1, naming the first differing line, when it is stale.
    #[command(after_help = EXIT_CODES)]
    Generate {
        /// The spec file (YAML).
        #[arg(value_name = "SPEC")]
        spec: PathBuf,
        /// Write the output to FILE instead of stdout (only when its content changed).
        #[arg(short, long, value_name = "FILE", conflicts_with = "check")]
        output: Option<PathBuf>,
        /// Compare the output with FILE instead of writing it.
        #[arg(long, value_name = "FILE")]
        check: Option<PathBuf>,
    },
    /// Generate the Markdown reference of a spec.
    ///
    /// Writes to stdout, or to `-o FILE` (only when the content changed).
    #[command(after_help = EXIT_CODES)]
    Docs {
        /// The spec file (YAML).
        #[arg(value_name = "SPEC")]
        spec: PathBuf,
        /// Write the output to FILE instead of stdout (only when its content changed).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// Exit code: a spec has errors.
pub(crate) const EXIT_SPEC_ERRORS: u8 = 1;
/// Exit code: usage error, or a file could not be read or written.
pub(crate) const EXIT_IO: u8 = 2;

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with 2; `--help` and `--version` exit with 0.
    let cli = Cli::parse();
    match cli.command {
        Command::Check { specs } => check(&specs),
        Command::Generate {
            spec,
            output,
            check,
        } => emit_cmd::generate(&spec, output.as_deref(), check.as_deref()),
        Command::Docs { spec, output } => emit_cmd::docs(&spec, output.as_deref()),
    }
}

/// Writes `message` and a line break to stderr, ignoring failures (see `report!`).
pub(crate) fn write_stderr(message: std::fmt::Arguments<'_>) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr
        .write_fmt(message)
        .and_then(|()| stderr.write_all(b"\n"));
}

/// `spec-codegen check SPEC...`: loads every spec, even after one fails, and exits with the
/// worst outcome (I/O over spec errors over clean).
fn check(specs: &[PathBuf]) -> ExitCode {
    let mut worst = 0;
    let stdout = std::io::stdout();
    for path in specs {
        match spec_codegen::load(path) {
            Ok(api) => {
                let _ = writeln!(
                    stdout.lock(),
                    "{}: ok — {}",
                    path.display(),
                    Summary::of(&api)
                );
            }
            Err(error @ LoadError::Io { .. }) => {
                report!("{error}");
                worst = worst.max(EXIT_IO);
            }
            Err(LoadError::Spec(diagnostics)) => {
                report!("{diagnostics}\n");
                worst = worst.max(EXIT_SPEC_ERRORS);
            }
        }
    }
    ExitCode::from(worst)
}
