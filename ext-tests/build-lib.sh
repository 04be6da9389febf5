#!/usr/bin/env bash
# Build libpython3.15.so.1.0 (and the carapace command) and stage the library under
# its three names in ${CARGO_TARGET_DIR:-target}/carapace/lib: libpython3.15.so.1.0
# (the SONAME embedders record), libpython3.15.so (what -lpython3.15 finds) and
# libpython3.so, and the carapace command in .../bin (it finds the library through
# its $ORIGIN/../lib run path). Prints the lib folder. Usage: ext-tests/build-lib.sh [--release]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
profile=debug
args=()
if [ "${1:-}" = "--release" ]; then profile=release; args+=(--release); fi
target="${CARGO_TARGET_DIR:-$root/target}"
cargo build -q "${args[@]}" -p carapace-capi -p carapace-cli >&2
lib="$target/carapace-$profile/lib"
mkdir -p "$lib"
cp -f "$target/$profile/libpython3.so" "$lib/libpython3.15.so.1.0.tmp"
mv -f "$lib/libpython3.15.so.1.0.tmp" "$lib/libpython3.15.so.1.0"
ln -sf libpython3.15.so.1.0 "$lib/libpython3.15.so"
ln -sf libpython3.15.so.1.0 "$lib/libpython3.so"
mkdir -p "$lib/../bin"
cp -f "$target/$profile/carapace" "$lib/../bin/carapace.tmp"
mv -f "$lib/../bin/carapace.tmp" "$lib/../bin/carapace"
echo "$lib"
