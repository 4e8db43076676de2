//! What `#[derive(Validate)]` costs at run time, measured with divan.
//!
//! Run with `cargo bench -p spec-validate --bench validate` (add a filter such
//! as `-- pattern` to run one group). The machine may be shared and noisy, so
//! compare rows *within one run* as ratios rather than against old numbers.
//!
//! * `report`: a valid value of a struct that uses most rules (length, a
//!   scanned pattern, range, url(https, placeholders, empty), items/each,
//!   entries/keys/values on a `BTreeMap`, nested, struct-level `properties`
//!   and `when`/`then`) against the same struct with eight violations.
//!   `divan::AllocProfiler` is the
//!   global allocator, so the `alloc:` rows show allocations per iteration:
//!   the valid path should show none (divan omits all-zero `alloc:`/`dealloc:`
//!   rows, so no rows means zero), the error path some. Every benchmark
//!   drops the `Result` inside the timed loop, so the error path's time and
//!   counts include freeing the report.
//! * `pattern`: `^[^<>]+$`, which the derive turns into a direct character
//!   scan, against `regex::Regex::is_match` on the same pattern (compiled once,
//!   outside the loop), on strings of 100, 10 000 and 1 000 000 characters.
//! * `scaling`: validating untrusted strings of 1 KB, 1 MB and 10 MB. Time
//!   should grow linearly (constant throughput), including for `aaaa…!`
//!   against `^(a+)+$`, which is catastrophic for a backtracking engine but is
//!   matched by the `regex` crate in linear time.

use std::collections::BTreeMap;

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use spec_validate::{Patch, Validate};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// `len` ASCII characters of ordinary text (no `<` or `>`).
fn ascii_text(len: usize) -> String {
    "Acme Corp, team 42 - the quick brown fox jumps over the lazy dog. "
        .chars()
        .cycle()
        .take(len)
        .collect()
}

/// `len` characters of text with some non-ASCII letters (no `<` or `>`).
fn unicode_text(len: usize) -> String {
    "Café Müller – Zürich, équipe 42 "
        .chars()
        .cycle()
        .take(len)
        .collect()
}

/// Rule-heavy struct used by the `report` group.
mod rules {
    use super::*;

    #[derive(Validate)]
    pub struct Sso {
        #[validate(url(https))]
        pub issuer: Option<String>,
        pub enabled: Option<bool>,
        #[validate(range(min = 60, max = 86_400))]
        pub session_seconds: Option<u32>,
    }

    #[derive(Validate)]
    #[validate(properties(min = 1))]
    #[validate(when(
        path = "plan",
        equals = "enterprise",
        then(path = "sso.enabled", equals = true)
    ))]
    pub struct Settings {
        #[validate(length(min = 1, max = 64), pattern = "^[^<>]+$")]
        pub display_name: Patch<String>,
        pub plan: Option<String>,
        #[validate(range(min = 1, max = 500))]
        pub seats: Patch<u32>,
        #[validate(url(https, placeholders, empty))]
        pub login_uri: Option<String>,
        #[validate(items(max = 10, unique), each(url(https, placeholders)))]
        pub webhooks: Option<Vec<String>>,
        #[validate(
            entries(max = 10),
            keys(length(max = 255), pattern = "^[A-Za-z0-9_-]+$"),
            values(length(max = 255))
        )]
        pub labels: Option<BTreeMap<String, Option<String>>>,
        #[validate(nested)]
        pub sso: Option<Sso>,
    }

    pub fn valid() -> Settings {
        Settings {
            display_name: Patch::Value("Acme Corp – Zürich".into()),
            plan: Some("enterprise".into()),
            seats: Patch::Value(250),
            login_uri: Some("https://{tenant}.example.com/login".into()),
            webhooks: Some(vec![
                "https://hooks.example.com/a".into(),
                "https://*.example.com/{tenant}/b".into(),
                "https://hooks.example.com:8443/c?x=1".into(),
            ]),
            labels: Some(
                [
                    ("owner".to_string(), Some("platform-team".to_string())),
                    ("cost_center".to_string(), Some("cc-1234".to_string())),
                    ("deprecated".to_string(), None),
                ]
                .into(),
            ),
            sso: Some(Sso {
                issuer: Some("https://login.example.com/".into()),
                enabled: Some(true),
                session_seconds: Some(3600),
            }),
        }
    }

    /// The valid value with eight violations.
    pub fn invalid() -> Settings {
        let mut s = valid();
        s.display_name = Patch::Value("<b>Acme</b>".into()); // pattern
        s.seats = Patch::Value(0); // range
        s.login_uri = Some("http://example.com/login".into()); // url: not https
        if let Some(w) = s.webhooks.as_mut() {
            w[1] = "not a url".into(); // each(url)
        }
        if let Some(l) = s.labels.as_mut() {
            l.insert("bad key!".into(), Some("x".repeat(300))); // key pattern + value length
        }
        s.sso = Some(Sso {
            issuer: Some("http://login.example.com/".into()), // nested url
            enabled: Some(false),                             // when/then
            session_seconds: Some(3600),
        });
        s
    }
}

/// Valid vs invalid value of the rule-heavy struct; see the `alloc:` rows.
mod report {
    use super::*;

    #[divan::bench]
    fn valid(bencher: Bencher) {
        let value = rules::valid();
        assert!(value.validate().is_ok());
        bencher.bench_local(|| black_box(&value).validate().is_ok());
    }

    #[divan::bench]
    fn invalid(bencher: Bencher) {
        let value = rules::invalid();
        assert_eq!(value.validate().unwrap_err().violations().len(), 8);
        bencher.bench_local(|| black_box(&value).validate().is_ok());
    }
}

/// The derive's direct scan of `^[^<>]+$` vs `Regex::is_match` on the same pattern.
mod pattern {
    use super::*;

    const PATTERN: &str = "^[^<>]+$";
    const CHARS: &[usize] = &[100, 10_000, 1_000_000];

    #[derive(Validate)]
    struct Name {
        #[validate(pattern = "^[^<>]+$")]
        name: String,
    }

    fn scan(bencher: Bencher, text: String) {
        let value = Name { name: text };
        assert!(value.validate().is_ok());
        bencher
            .counter(BytesCount::of_str(&value.name))
            .bench_local(|| black_box(&value).validate().is_ok());
    }

    fn regex(bencher: Bencher, text: String) {
        let re = regex::Regex::new(PATTERN).unwrap();
        assert!(re.is_match(&text));
        bencher
            .counter(BytesCount::of_str(&text))
            .bench_local(|| re.is_match(black_box(&text)));
    }

    #[divan::bench(args = CHARS)]
    fn ascii_derive_scan(bencher: Bencher, chars: usize) {
        scan(bencher, ascii_text(chars));
    }

    #[divan::bench(args = CHARS)]
    fn ascii_regex_is_match(bencher: Bencher, chars: usize) {
        regex(bencher, ascii_text(chars));
    }

    #[divan::bench(args = CHARS)]
    fn unicode_derive_scan(bencher: Bencher, chars: usize) {
        scan(bencher, unicode_text(chars));
    }

    #[divan::bench(args = CHARS)]
    fn unicode_regex_is_match(bencher: Bencher, chars: usize) {
        regex(bencher, unicode_text(chars));
    }
}

/// Validation time against input size: should be linear (constant throughput).
mod scaling {
    use super::*;

    const BYTES: &[usize] = &[1_000, 1_000_000, 10_000_000];

    #[derive(Validate)]
    struct Untrusted {
        #[validate(length(min = 1), pattern = "^[^<>]+$")]
        text: String,
        // Not a scan: compiled once by the `regex` crate.
        #[validate(pattern = "^(a+)+$")]
        repeated: Option<String>,
    }

    /// A valid `text` of `bytes` ASCII characters: length count plus scan.
    #[divan::bench(args = BYTES)]
    fn scanned_field(bencher: Bencher, bytes: usize) {
        let value = Untrusted {
            text: ascii_text(bytes),
            repeated: None,
        };
        assert!(value.validate().is_ok());
        bencher
            .counter(BytesCount::new(bytes))
            .bench_local(|| black_box(&value).validate().is_ok());
    }

    /// `aaaa…a!` against `^(a+)+$`: exponential for backtracking, linear here.
    /// One violation, so the report allocates (a constant amount).
    #[divan::bench(args = BYTES)]
    fn nested_quantifier_worst_case(bencher: Bencher, bytes: usize) {
        let mut repeated = "a".repeat(bytes - 1);
        repeated.push('!');
        let value = Untrusted {
            text: "x".into(),
            repeated: Some(repeated),
        };
        assert_eq!(value.validate().unwrap_err().violations().len(), 1);
        bencher
            .counter(BytesCount::new(bytes))
            .bench_local(|| black_box(&value).validate().is_ok());
    }
}
