//! A basic file object (binary and text) for `open()` and `sys.std*`, until `_io` (the standard-library issue) replaces it.
