#!/usr/bin/env python3
"""Regenerate abi/stable_abi.tsv: the Stable ABI of CPython 3.15 as Carapace's data.

Facts come from two places:
- the reference CSV of CPython's manifest (shared/reference/stable_abi_items.csv):
  kinds, names, versions, abi_only, ifdef, struct kinds, members. It carries
  entries from the 3.16 development branch; Carapace is 3.15, so those are dropped
  and the 28 data items that the branch flips to abi_only are kept as ordinary
  3.15 Limited API data;
- CPython 3.15's real headers (shared/tools/fetch-cpython3.15), compiled once with
  Py_LIMITED_API=0x030f0000 and once with Py_TARGET_ABI3T=0x030f0000: what abi3t
  declares, and which structs it leaves incomplete. The manifest has no abi3t flag
  for anything but structs; PEP 803 makes the abi3t symbol set the abi3 set (an
  abi3t extension links against the same libpython3.so), so a function or data
  symbol is in both ABIs even where abi3t headers do not declare it.
Then abi/pending.tsv (symbols Carapace does not export yet, with the reason) gives
the last column.

Columns (tab separated, one item per line, sorted by kind then name):
  kind      function | data | struct | const | macro | typedef | feature_macro, and
            inline (a static inline function of the headers, not a symbol)
  name      the C name
  added     the version that added it to abi3 (abi3t starts at 3.15: every abi3t
            item is available from abi3t 3.15 on)
  api       'limited' (usable from source), 'abi-only' (exported for binaries
            only), or 'header' (not a manifest item: a public name of the 3.15
            headers that only one of abi3 and abi3t declares)
  platform  'all', or the feature macro that must hold (MS_WINDOWS, HAVE_FORK, ...)
  abi       'both' (part of abi3 and abi3t), 'abi3' (abi3 only: CPython 3.15's
            headers hide it under Py_TARGET_ABI3T, as PEP 803 says) or 'abi3t'
  abi3t     how abi3t's headers show it: 'declared', 'hidden' (not declared; for
            functions and data the symbol stays exported), 'opaque' (an incomplete
            struct), 'complete' (a struct whose layout is ABI), '-' (abi-only or a
            platform that is not Linux)
  detail    struct_abi_kind[:members] for structs, value for consts, else '-'
  carapace  for function and data symbols: 'exported' (libpython3.so must export
            it), 'pending:REASON' (listed in abi/pending.tsv), or 'no:PLATFORM'
            (not a Linux symbol); '-' for other kinds
Usage: abi/gen_manifest.py [CSV]   (needs gcc and the fetched CPython 3.15 headers)
"""
import csv
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

here = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(here / "checks"))
import decls  # noqa: E402

LINUX = ("all", "HAVE_FORK", "PY_HAVE_THREAD_NATIVE_ID")


def reference_flags():
    fetch = here.parent.parent / "shared/tools/fetch-cpython3.15"
    env = subprocess.run(["bash", "-c", f'eval "$({fetch})"; echo "$PY315_CFLAGS"'],
                         capture_output=True, text=True, check=True).stdout
    return shlex.split(env.strip())


def complete_types(flags, define, names):
    """Which of `names` (struct or typedef names) are complete types: one probe
    per name in a single translation unit, failures read back from the errors."""
    with tempfile.TemporaryDirectory() as d:
        src = ["#include <Python.h>"]
        first = len(src) + 1
        for n in names:
            t = n if n != "symtable" else "struct symtable"
            src.append(f"int probe_{n} = (int)sizeof({t});")
        c = os.path.join(d, "t.c")
        pathlib.Path(c).write_text("\n".join(src) + "\n")
        r = subprocess.run(["gcc", *flags, define, "-fmax-errors=0", "-fsyntax-only", c],
                           capture_output=True, text=True)
        bad = {int(m.group(1)) for m in re.finditer(r"t\.c:(\d+):\d+: error", r.stderr)}
    return {n for i, n in enumerate(names) if first + i not in bad}


def main():
    src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else \
        here.parent.parent / "shared/reference/stable_abi_items.csv"
    items = []
    for r in csv.DictReader(open(src)):
        note = r["note"]
        if note.startswith("3.16-development-branch"):
            continue
        r["abi_only"] = r["abi_only"] == "yes" and \
            not note.startswith("abi_only only in the 3.16 branch")
        items.append(r)

    flags = reference_flags()
    abi3_def, abi3t_def = "-DPy_LIMITED_API=0x030f0000", "-DPy_TARGET_ABI3T=0x030f0000"
    seen = {d: decls.dump(flags, [d]) for d in (abi3_def, abi3t_def)}
    layout_names = [r["name"] for r in items if r["kind"] in ("struct", "typedef")]
    complete = {d: complete_types(flags, d, layout_names) for d in (abi3_def, abi3t_def)}

    pending = {}
    for line in (here / "pending.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            name, reason = line.split("\t", 1)
            pending[name] = reason

    def declared(d, kind, name):
        s = seen[d]
        if kind == "function":
            return name in s["functions"] or name in s["macros"]
        if kind == "data":
            return name in s["data"] or name in s["macros"]
        return name in s["macros"]

    rows = []
    for r in items:
        kind, name = r["kind"], r["name"]
        platform = r["ifdef"] or "all"
        detail, carapace = "-", "-"
        if kind == "struct":
            detail = r["struct_abi_kind"] + (":" + r["members"] if r["members"] else "")
            in_abi3t = name in complete[abi3t_def]
            abi3t = "complete" if in_abi3t else "opaque"
            # A struct exposed (wholly or by members) in abi3 and incomplete in
            # abi3t keeps its name in both; only its layout is abi3's.
            abi = "both"
        elif kind == "typedef":
            ok = name in complete[abi3t_def] or declared(abi3t_def, kind, name)
            abi3t = "declared" if ok else "hidden"
            abi = "both" if ok else "abi3"
        elif kind == "feature_macro":
            abi, abi3t = "both", "-"
        elif r["abi_only"] or platform not in LINUX:
            abi, abi3t = "both", "-"
        else:
            d3, d3t = declared(abi3_def, kind, name), declared(abi3t_def, kind, name)
            abi3t = "declared" if d3t else "hidden"
            # Symbols stay in both ABIs (the abi3t symbol set is abi3's); a macro
            # or constant that abi3t's headers drop is abi3 only.
            abi = "both" if d3t or kind in ("function", "data") or not d3 else "abi3"
        if kind == "const" and r["value"]:
            detail = r["value"]
        if kind in ("function", "data"):
            if platform not in LINUX:
                carapace = "no:" + platform
            elif name in pending:
                carapace = "pending:" + pending[name]
            else:
                carapace = "exported"
        rows.append((kind, name, r["added"] or "-", "abi-only" if r["abi_only"] else "limited",
                     platform, abi, abi3t, detail, carapace))
    # Public names of the Limited API headers that are not manifest items but that
    # one ABI has and the other lacks (PyObject_HEAD, Py_SET_TYPE, Py_TARGET_ABI3T...).
    manifest_names = {r[1] for r in rows}
    for d, other, abi in ((abi3_def, abi3t_def, "abi3"), (abi3t_def, abi3_def, "abi3t")):
        for what, kind in (("functions", "inline"), ("macros", "macro")):
            for name in sorted(set(seen[d][what]) - set(seen[other][what])):
                if name.startswith("_") or name in manifest_names:
                    continue
                abi3t = "declared" if abi == "abi3t" else "hidden"
                rows.append((kind, name, "-", "header", "all", abi, abi3t, "-", "-"))
    unknown = set(pending) - {r[1] for r in rows}
    if unknown:
        sys.exit(f"abi/pending.tsv names symbols outside the manifest: {sorted(unknown)}")
    rows.sort()
    out = here / "stable_abi.tsv"
    with open(out, "w") as f:
        f.write("# Carapace's copy of the Stable ABI of CPython 3.15 (abi3 and abi3t). "
                "Generated by abi/gen_manifest.py; columns described there.\n")
        f.write("# kind\tname\tadded\tapi\tplatform\tabi\tabi3t\tdetail\tcarapace\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} items to {out}")


if __name__ == "__main__":
    main()
