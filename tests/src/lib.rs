//! Test-only package: see `tests/tests/`. Fixtures live in `tests/fixtures/`.
