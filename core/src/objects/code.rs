//! `code` objects: a `bytecode::CodeUnit` as a Python object.
