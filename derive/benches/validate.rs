//! What `#[derive(Validate)]` costs at run time, measured with criterion.
//!
//! Run with `cargo bench -p spec-validate --bench validate` (add a filter such
//! as `-- pattern` to run one group). The machine may be shared and noisy, so
//! compare rows *within one run* as ratios rather than against old numbers.
//!
//! * `report`: a valid value of a struct that uses most rules (length, a
//!   scanned pattern, range, url(https, placeholders, empty), items/each,
//!   entries/keys/values on a `BTreeMap`, nested, struct-level `properties`
//!   and `when`/`then`) against the same struct with eight violations.
//!   A counting global allocator measures one `validate()` of each value
//!   before the groups run and prints its allocations and bytes (a `realloc`
//!   counts as one allocation of the new size): the valid path should show
//!   none, the error path some. Every benchmark drops the `Result` inside the
//!   timed loop, so the error path's time and counts include freeing the
//!   report.
//! * `pattern`: `^[^<>]+$`, which the derive turns into a direct character
//!   scan, against `regex::Regex::is_match` on the same pattern (compiled once,
//!   outside the loop), on strings of 100, 10 000 and 1 000 000 characters.
//! * `scaling`: validating untrusted strings of 1 KB, 1 MB and 10 MB. Time
//!   should grow linearly (constant throughput), including for `aaaa…!`
//!   against `^(a+)+$`, which is catastrophic for a backtracking engine but is
//!   matched by the `regex` crate in linear time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use spec_validate::{Patch, Validate};

/// The system allocator, counting allocations and allocated bytes.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static BYTES: AtomicUsize = AtomicUsize::new(0);

fn count(bytes: usize) {
    ALLOCATIONS.fetch_add(1, Relaxed);
    BYTES.fetch_add(bytes, Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    print_allocations();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    report(&mut c);
    pattern(&mut c);
    scaling(&mut c);
    c.final_summary();
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

/// Allocations and bytes of one `validate()` (result dropped) of each `report` value.
fn print_allocations() {
    for (case, value) in [("valid", rules::valid()), ("invalid", rules::invalid())] {
        let (allocations, bytes) = (ALLOCATIONS.load(Relaxed), BYTES.load(Relaxed));
        drop(black_box(black_box(&value).validate()));
        println!(
            "report/{case}: {} allocations, {} bytes per validate()",
            ALLOCATIONS.load(Relaxed) - allocations,
            BYTES.load(Relaxed) - bytes,
        );
    }
}

/// Valid vs invalid value of the rule-heavy struct; allocations are printed by
/// `print_allocations`.
fn report(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    let valid = rules::valid();
    assert!(valid.validate().is_ok());
    group.bench_function("valid", |b| b.iter(|| black_box(&valid).validate().is_ok()));

    let invalid = rules::invalid();
    assert_eq!(invalid.validate().unwrap_err().violations().len(), 8);
    group.bench_function("invalid", |b| {
        b.iter(|| black_box(&invalid).validate().is_ok())
    });
    group.finish();
}

#[derive(Validate)]
struct Name {
    #[validate(pattern = "^[^<>]+$")]
    name: String,
}

/// The derive's direct scan of `^[^<>]+$` vs `Regex::is_match` on the same pattern.
fn pattern(c: &mut Criterion) {
    let mut group = c.benchmark_group("pattern");
    // A 1 000 000-character regex match takes milliseconds: fewer samples.
    group.sample_size(30);
    let re = regex::Regex::new("^[^<>]+$").unwrap();
    for chars in [100, 10_000, 1_000_000] {
        for (alphabet, name) in [
            ("ascii", ascii_text(chars)),
            ("unicode", unicode_text(chars)),
        ] {
            let value = Name { name };
            assert!(value.validate().is_ok() && re.is_match(&value.name));
            group.throughput(Throughput::Bytes(value.name.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(format!("{alphabet}_derive_scan"), chars),
                &value,
                |b, value| b.iter(|| black_box(value).validate().is_ok()),
            );
            group.bench_with_input(
                BenchmarkId::new(format!("{alphabet}_regex_is_match"), chars),
                &value.name,
                |b, text| b.iter(|| re.is_match(black_box(text))),
            );
        }
    }
    group.finish();
}

#[derive(Validate)]
struct Untrusted {
    #[validate(length(min = 1), pattern = "^[^<>]+$")]
    text: String,
    // Not a scan: compiled once by the `regex` crate.
    #[validate(pattern = "^(a+)+$")]
    repeated: Option<String>,
}

/// Validation time against input size: should be linear (constant throughput).
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    // A 10 MB iteration takes milliseconds: the fewest samples criterion allows.
    group.sample_size(10);
    for bytes in [1_000, 1_000_000, 10_000_000] {
        group.throughput(Throughput::Bytes(bytes as u64));

        // A valid `text` of `bytes` ASCII characters: length count plus scan.
        let scanned = Untrusted {
            text: ascii_text(bytes),
            repeated: None,
        };
        assert!(scanned.validate().is_ok());
        group.bench_with_input(
            BenchmarkId::new("scanned_field", bytes),
            &scanned,
            |b, value| b.iter(|| black_box(value).validate().is_ok()),
        );

        // `aaaa…a!` against `^(a+)+$`: exponential for backtracking, linear here.
        // One violation, so the report allocates (a constant amount).
        let mut repeated = "a".repeat(bytes - 1);
        repeated.push('!');
        let worst = Untrusted {
            text: "x".into(),
            repeated: Some(repeated),
        };
        assert_eq!(worst.validate().unwrap_err().violations().len(), 1);
        group.bench_with_input(
            BenchmarkId::new("nested_quantifier_worst_case", bytes),
            &worst,
            |b, value| b.iter(|| black_box(value).validate().is_ok()),
        );
    }
    group.finish();
}
