//! What Carapace reports itself as: CPython 3.15 (a GIL build, at the ABI level).

pub const MAJOR: u32 = 3;
pub const MINOR: u32 = 15;
pub const MICRO: u32 = 2;
/// `PY_VERSION_HEX` of 3.15.2 final.
pub const PY_VERSION_HEX: u32 = (MAJOR << 24) | (MINOR << 16) | (MICRO << 8) | (0xF << 4);
pub const VERSION_STRING: &str = "3.15.2 (carapace) [Rust]";
/// `sys.implementation.cache_tag`: our own, so bytecode caches never collide
/// with CPython 3.15's in a shared `Lib/`.
pub const CACHE_TAG: &str = "carapace-315";
