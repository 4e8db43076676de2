//! Auth0 client bindings (piece D fills this in).
