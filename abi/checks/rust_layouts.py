#!/usr/bin/env python3
"""The third side of the layout check: Carapace's Rust definitions.

Reads the `#[repr(C)]` structs and the integer `pub const`s of the core's ABI
files (core/src/{defs,typeobj,object}.rs, including `pub mod` blocks such as
`slot`), then writes two probes that print the same lines:
  rust   a Rust program linked against the built carapace-core rlib printing
         size_of / offset_of / the constant's value;
  c      a C file printing sizeof / offsetof / the macro's value, for names a
         header set defines (the caller compiles it against each header set and
         drops the lines the compiler refuses, i.e. what that set lacks).
Lines: "size NAME N", "offset NAME.FIELD N", "const NAME V".

usage: rust_layouts.py rust|c OUTFILE
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parents[2]
FILES = ["core/src/defs.rs", "core/src/typeobj.rs", "core/src/object.rs"]
INT_TYPES = {"c_int", "c_uint", "c_long", "c_ulong", "u8", "u16", "u32", "u64",
             "i8", "i16", "i32", "i64", "isize", "usize", "Py_ssize_t", "c_char"}
# Rust names that differ from the C ones (a keyword, or a private C name).
C_NAMES = {"Py_TPFLAGS_MATCH_SELF": "_Py_TPFLAGS_MATCH_SELF"}
C_FIELDS = {"type_code": "type"}


def items():
    consts, structs = [], []
    for rel in FILES:
        text = (root / rel).read_text()
        module = {"core/src/defs.rs": "defs", "core/src/typeobj.rs": "typeobj",
                  "core/src/object.rs": "object"}[rel]
        path = [module]
        depth_of_mod = []
        depth = 0
        lines = text.splitlines()
        i = 0
        while i < len(lines):
            line = lines[i]
            m = re.match(r"\s*pub mod (\w+) \{", line)
            if m:
                path.append(m.group(1))
                depth_of_mod.append(depth)
            m = re.match(r"\s*pub const (\w+): (\w+) = ", line)
            if m and m.group(2) in INT_TYPES:
                consts.append(("::".join(path), m.group(1)))
            if re.match(r"\s*#\[repr\(C\)\]", line):
                j = i + 1
                while lines[j].strip().startswith("#["):
                    j += 1
                m = re.match(r"\s*pub struct (\w+) \{", lines[j])
                if m:
                    fields = []
                    j += 1
                    while not lines[j].strip().startswith("}"):
                        f = re.match(r"\s*pub (\w+):", lines[j])
                        if f:
                            fields.append(f.group(1))
                        j += 1
                    structs.append(("::".join(path), m.group(1), fields))
            depth += line.count("{") - line.count("}")
            if depth_of_mod and depth <= depth_of_mod[-1]:
                depth_of_mod.pop()
                path.pop()
            i += 1
    return consts, structs


def main():
    what, out = sys.argv[1], pathlib.Path(sys.argv[2])
    consts, structs = items()
    src = []
    if what == "rust":
        src.append("#![allow(non_upper_case_globals, unused_imports)]")
        src.append("use core::mem::{offset_of, size_of};")
        src.append("fn main() {")
        for path, name, fields in structs:
            p = f"carapace_core::{path}::{name}"
            src.append(f'    println!("size {name} {{}}", size_of::<{p}>());')
            for f in fields:
                src.append(f'    println!("offset {name}.{f} {{}}", offset_of!({p}, {f}));')
        for path, name in consts:
            src.append(f'    println!("const {C_NAMES.get(name, name)} {{}}", '
                       f'carapace_core::{path}::{name} as i128);')
        src.append("}")
    else:
        src.append("#include <Python.h>\n#include <stdio.h>\n#include <stddef.h>\nint main(void) {")
        for _, name, fields in structs:
            src.append(f'printf("size {name} %zu\\n", sizeof({name}));')
            for f in fields:
                src.append(f'printf("offset {name}.{f} %zu\\n", offsetof({name}, {C_FIELDS.get(f, f)}));')
        for _, name in consts:
            c = C_NAMES.get(name, name)
            src.append(f'printf("const {c} %lld\\n", (long long)({c}));')
        src.append("return 0;\n}")
    out.write_text("\n".join(src) + "\n")


if __name__ == "__main__":
    main()
