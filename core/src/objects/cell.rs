//! `cell` objects: the shared variables of closures.
