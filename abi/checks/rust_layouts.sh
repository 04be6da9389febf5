#!/usr/bin/env bash
# Struct layouts and constants agree three ways: Carapace's Rust definitions
# (core/src/{defs,typeobj,object}.rs, read by rust_layouts.py and printed by a
# probe linked against the built carapace-core rlib), include/, and CPython's
# real headers (3.15 Limited API, 3.15 full API for the type object's structs,
# 3.11 Limited API when pyenv has it). For every struct size, member offset and
# integer constant that a header set defines, the C value must equal the Rust
# one; what a header set lacks (newer items, Carapace-only names) is not
# compared. Usage: bash abi/checks/rust_layouts.sh (after a cargo build)
source "$(dirname "$0")/common.sh"
target="${CARGO_TARGET_DIR:-$ROOT/target}"
rlib=$(ls -t "$target"/debug/deps/libcarapace_core-*.rlib 2>/dev/null | head -1 || true)
[ -n "$rlib" ] || { bad "no carapace-core rlib under $target/debug/deps (cargo build first)"; finish; exit 1; }
python3 "$CHECKS/rust_layouts.py" rust "$WORK/probe.rs"
python3 "$CHECKS/rust_layouts.py" c "$WORK/probe.c"
rustc --edition 2021 -o "$WORK/probe_rs" "$WORK/probe.rs" --extern carapace_core="$rlib" \
  -L dependency="$target/debug/deps" 2>"$WORK/rustc.err" || { bad "Rust probe does not compile"; cat "$WORK/rustc.err"; finish; exit 1; }
"$WORK/probe_rs" | sort >"$WORK/rust.txt"
# Compile the C probe against one header set, dropping the lines it refuses.
c_values() { # tag flags...
  local tag="$1"; shift
  cp "$WORK/probe.c" "$WORK/$tag.c"
  for _ in 1 2 3 4 5; do
    if gcc -w "$@" "$WORK/$tag.c" -o "$WORK/$tag" 2>"$WORK/$tag.err"; then break; fi
    lines=$(grep -oE "$tag\.c:[0-9]+:[0-9]+: error" "$WORK/$tag.err" | cut -d: -f2 | sort -un | tr '\n' ' ')
    [ -n "$lines" ] || { cat "$WORK/$tag.err"; return 1; }
    for l in $lines; do sed -i "${l}s/.*/;/" "$WORK/$tag.c"; done
  done
  "$WORK/$tag" | sort
}
compare() { # tag rust-values flags...
  local tag="$1" rust="$2"; shift 2
  c_values "$tag" "$@" >"$WORK/$tag.txt" || { bad "$tag: the C probe does not compile"; return; }
  local out n m
  out=$(python3 -c '
import sys
rust = {(r[0], r[1]): r[2] for r in (l.split() for l in open(sys.argv[1]))}
c = [l.split() for l in open(sys.argv[2])]
bad = [f"{k} {n}: C {v}, Rust {rust.get((k, n))}" for k, n, v in c if rust.get((k, n)) != v]
print(len(c), len(bad)); print("\n".join(bad))
' "$rust" "$WORK/$tag.txt")
  read -r n m <<<"$(head -1 <<<"$out")"
  while IFS= read -r line; do [ -n "$line" ] && bad "$tag: $line"; done < <(tail -n +2 <<<"$out")
  PASS=$((PASS + n - m))
  echo "$tag: $((n - m)) of $n values agree with the Rust definitions"
}
lines=$(wc -l <"$WORK/rust.txt")
echo "Rust side: $lines values"
# Headers before 3.15 use the old numbers of the eight slot ids PEP 820
# renumbered; Rust names those X_OLD.
python3 -c '
import sys
rows = [l.split() for l in open(sys.argv[1])]
old = {r[1][:-4]: r[2] for r in rows if r[0] == "const" and r[1].endswith("_OLD")}
for r in rows:
    print(r[0], r[1], old.get(r[1], r[2]) if r[0] == "const" else r[2])
' "$WORK/rust.txt" >"$WORK/rust_old_ids.txt"
compare include "$WORK/rust.txt" "${OUR_FLAGS[@]}" -DPy_LIMITED_API=0x030f0000
compare include311 "$WORK/rust_old_ids.txt" "${OUR_FLAGS[@]}" -DPy_LIMITED_API=0x030b0000
compare cpython315 "$WORK/rust.txt" "${REF_FLAGS[@]}" -DPy_LIMITED_API=0x030f0000
compare cpython315full "$WORK/rust.txt" "${REF_FLAGS[@]}"
if [ -n "$PY311_INC" ]; then compare cpython311 "$WORK/rust_old_ids.txt" -I"$PY311_INC" -DPy_LIMITED_API=0x030b0000; fi
finish
