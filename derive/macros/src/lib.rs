//! `#[derive(Validate)]` (piece A fills this in).
