//! Validation runtime (piece A fills this in).
