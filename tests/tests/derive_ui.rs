//! What `#[derive(Validate)]` accepts and rejects (trybuild). The `.stderr`
//! files next to each case are reviewed: every error must point at the
//! attribute and say what to do.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass_*.rs");
    t.compile_fail("ui/fail_*.rs");
}
