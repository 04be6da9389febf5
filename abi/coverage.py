#!/usr/bin/env python3
"""The Stable ABI checklist: for each function and data symbol of the manifest
(abi/stable_abi.tsv, Linux), whether the library exports it and which
differential test programs use it (ext-tests/**/*.c, the PyO3 crate counts through
its imports listed by the harness). A symbol without a test shows as such.

abi3 and abi3t are reported separately (the rows whose `abi` column is 'both' or
'abi3', and 'both' or 'abi3t'), each by the version that added the symbol.

Usage: abi/coverage.py LIBDIR [--list]   (prints a summary; --list prints every row)
Exit status is 0: this is a report, the tests themselves are the checks."""
import pathlib
import re
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
libdir = pathlib.Path(sys.argv[1])
rows = []
for line in (root / "abi/stable_abi.tsv").read_text().splitlines():
    if line.startswith("#"):
        continue
    f = line.split("\t")
    if f[0] in ("function", "data") and f[4] in ("all", "HAVE_FORK", "PY_HAVE_THREAD_NATIVE_ID"):
        rows.append((f[0], f[1], f[2], f[5]))
nm = subprocess.run(["nm", "-D", "--defined-only", str(libdir / "libpython3.15.so.1.0")],
                    capture_output=True, text=True, check=True).stdout
exported = {l.split()[-1] for l in nm.splitlines() if l.strip()}
sources = {}
for p in sorted((root / "ext-tests").rglob("*.c")):
    sources[str(p.relative_to(root))] = p.read_text(errors="replace")
word = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
used_in = {}
for name, text in sources.items():
    for w in set(word.findall(text)):
        used_in.setdefault(w, []).append(name)
# Macros of the Limited API headers that expand to these functions in the tests.
via_macro = {
    "_Py_IncRef": "Py_INCREF", "_Py_DecRef": "Py_DECREF", "_Py_Dealloc": "Py_DECREF",
    "_Py_NoneStruct": "Py_None", "_Py_TrueStruct": "Py_True", "_Py_FalseStruct": "Py_False",
    "_Py_NotImplementedStruct": "Py_NotImplemented", "_Py_EllipsisObject": "Py_Ellipsis",
    "Py_GetConstantBorrowed": "Py_None", "Py_TYPE": "Py_TYPE", "Py_SIZE": "Py_SIZE",
    "Py_IS_TYPE": "Py_IS_TYPE", "_Py_SetRefcnt": "Py_SET_REFCNT", "Py_REFCNT": "Py_REFCNT",
    "_PyObject_New": "PyObject_New", "_PyObject_NewVar": "PyObject_NewVar",
    "_PyObject_GC_New": "PyObject_GC_New", "_PyObject_GC_NewVar": "PyObject_GC_NewVar",
    "_Py_BuildValue_SizeT": "Py_BuildValue", "_PyArg_ParseTuple_SizeT": "PyArg_ParseTuple",
    "_PyArg_ParseTupleAndKeywords_SizeT": "PyArg_ParseTupleAndKeywords",
}
tested = 0
missing_export = []
untested = []
state = {}
for kind, name, added, _ in rows:
    users = used_in.get(name) or used_in.get(via_macro.get(name, "\0"), [])
    if name not in exported:
        missing_export.append(name)
    elif users:
        tested += 1
    else:
        untested.append(name)
    state[name] = "missing" if name not in exported else ("tested" if users else "untested")
    if "--list" in sys.argv:
        print(f"{kind}\t{name}\t{added}\t{state[name]}\t{', '.join(users[:3])}")
print(f"Stable ABI symbols: {len(rows)}; exported {len(rows) - len(missing_export)}; "
      f"used by a differential test {tested}; exported without a test {len(untested)}")
def version_key(v):
    return tuple(int(x) for x in v.split("."))
for abi in ("abi3", "abi3t"):
    mine = [r for r in rows if r[3] in ("both", abi)]
    n_exp = sum(state[r[1]] != "missing" for r in mine)
    n_test = sum(state[r[1]] == "tested" for r in mine)
    print(f"{abi}: {len(mine)} symbols, exported {n_exp}, tested {n_test}")
    for v in sorted({r[2] for r in mine}, key=version_key):
        vs = [r for r in mine if r[2] == v]
        print(f"  {v:>5}: {sum(state[r[1]] != 'missing' for r in vs):4} / {len(vs):4} exported, "
              f"{sum(state[r[1]] == 'tested' for r in vs):4} tested")
print("not exported: " + " ".join(missing_export))
print("exported, no test yet: " + " ".join(untested))
