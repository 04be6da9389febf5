#!/usr/bin/env bash
# Differential C API harness (issue 2).
#
#   run.sh cpython            build everything, run the embedder for each header variant on
#                             CPython 3.15 and store the outputs as the reference
#   run.sh carapace LIBDIR    run the same embedder with LD_LIBRARY_PATH=LIBDIR (no PYTHONHOME),
#                             diff against the CPython reference, check runtime-specific lines
#   run.sh valgrind LIBDIR    as carapace, under valgrind (definite leaks and memory errors fail)
#   run.sh build              only build
#
# Header variants of the test extensions (each in its own folder):
#   a  CPython 3.11 headers, Py_LIMITED_API=0x03080000 (inline refcounting)
#   b  CPython 3.15 headers, Py_LIMITED_API=0x030f0000
#   c  the repository's include/, Py_LIMITED_API=0x030f0000
# The embedder itself is always built with CPython 3.11's headers at 0x03080000
# (direct data-symbol references => copy relocations in the PIE executable).
#
# Build folder: ${CARAPACE_BUILD:-<repo>/target/ext-tests}/capi
# The last line printed is "N passed, M failed"; the exit status is 1 if M > 0.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SHARED="${CARAPACE_SHARED:-$REPO/../shared}"
BUILD="${CARAPACE_BUILD:-$REPO/target/ext-tests}/capi"
MODE="${1:-cpython}"
LIBDIR="${2:-}"
VARIANTS="a b c"

# shellcheck source=../lib.sh
source "$HERE/../lib.sh"
I311="${CPYTHON311_INC:-$(pyenv root 2>/dev/null)/versions/3.11.7/include/python3.11}"
CC="${CC:-gcc}"
WARN="-Wall -Wextra -Werror -Wno-unused-parameter"
EXTFLAGS="-O1 -g -fPIC -shared $WARN"

variant_flags() {
    case "$1" in
        a) echo "-I$I311 -DPy_LIMITED_API=0x03080000" ;;
        b) echo "$PY315_CFLAGS -DPy_LIMITED_API=0x030f0000" ;;
        c) echo "-I$REPO/include -DPy_LIMITED_API=0x030f0000" ;;
    esac
}

build() {
    mkdir -p "$BUILD/common" "$BUILD/out"
    local ok=1
    # --- the test extensions, three ways (compiled from $HERE so __FILE__ is stable)
    for v in $VARIANTS; do
        local dir="$BUILD/$v"
        rm -rf "$dir"
        mkdir -p "$dir"
        local flags
        flags="$(variant_flags "$v")"
        if (cd "$HERE" &&
            $CC $EXTFLAGS $flags testext.c -o "$dir/testext.abi3.so" &&
            $CC $EXTFLAGS $flags testext_multi.c -o "$dir/testext_multi.abi3.so") >"$BUILD/build-$v.log" 2>&1; then
            touch "$dir/.built"
        else
            echo "build of variant $v failed (log: $BUILD/build-$v.log):"
            head -n 20 "$BUILD/build-$v.log" | sed 's/^/    /'
        fi
    done
    # --- the embedder: 3.11 headers, limited 3.8, PIE, linked like a real embedder
    if (cd "$HERE" && $CC -O1 -g $WARN -fPIE -pie -I"$I311" -DPy_LIMITED_API=0x03080000 embed.c \
            -o "$BUILD/embed" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined -lpthread) \
            >"$BUILD/build-embed.log" 2>&1; then
        :
    else
        echo "build of embed failed:"; sed 's/^/    /' "$BUILD/build-embed.log" | head -n 30
        ok=0
    fi
    # --- foreign binaries: CPython 3.15's own Limited-API modules under abi3 names
    cp "$PY315_DYNLOAD"/xxlimited_35.cpython-315-*.so "$BUILD/common/xxlimited_35.abi3.so" || ok=0
    cp "$PY315_DYNLOAD"/xxlimited_3_13.cpython-315-*.so "$BUILD/common/xxlimited_3_13.abi3.so" || ok=0
    # --- bad input
    local b="$BUILD/common"
    (cd "$HERE/bad" &&
        $CC $EXTFLAGS bad_noinit.c -o "$b/bad_noinit.abi3.so" &&
        $CC $EXTFLAGS $PY315_CFLAGS bad_missing.c -o "$b/bad_missing.abi3.so" &&
        $CC $EXTFLAGS $PY315_CFLAGS bad_vs.c -o "$b/bad_vs.cpython-315-x86_64-linux-gnu.so" &&
        $CC $EXTFLAGS $PY315_CFLAGS bad_null.c -o "$b/bad_null.abi3.so" &&
        $CC $EXTFLAGS $PY315_CFLAGS bad_nullexc.c -o "$b/bad_nullexc.abi3.so" &&
        head -c 100 "$b/bad_null.abi3.so" >"$b/bad_trunc.abi3.so") >"$BUILD/build-bad.log" 2>&1 ||
        { echo "build of bad modules failed:"; sed 's/^/    /' "$BUILD/build-bad.log"; ok=0; }
    [ $ok = 1 ]
}

check_copy_relocs() {
    local relocs
    relocs="$(readelf -rW "$BUILD/embed" | awk '/R_X86_64_COPY/ {sub(/@.*/, "", $5); print $5}')"
    local missing=""
    for sym in _Py_NoneStruct _Py_TrueStruct PyLong_Type PyTuple_Type PyExc_TypeError; do
        grep -qx "$sym" <<<"$relocs" || missing="$missing $sym"
    done
    if [ -z "$missing" ]; then
        verdict ok "embed has R_X86_64_COPY relocations for _Py_NoneStruct, _Py_TrueStruct, PyLong_Type, PyTuple_Type, PyExc_TypeError"
    else
        verdict fail "embed lacks R_X86_64_COPY relocations for:$missing (has: $(echo $relocs))"
    fi
}

# comparable(file): output without runtime-specific lines
comparable() { grep -v '^runtime-specific: ' "$1"; }

run_cpython() {
    local v="$1"
    PYTHONHOME="$PY315_HOME" timeout 300 "$PY315_EXEC" "$BUILD/embed" "$BUILD/$v" "$BUILD/common" \
        >"$BUILD/out/cpython-$v.txt" 2>"$BUILD/out/cpython-$v.err"
}

run_carapace() { # run_carapace variant tool...
    local v="$1"; shift
    env -u PYTHONHOME LD_LIBRARY_PATH="$LIBDIR" timeout 600 "$@" "$BUILD/embed" "$BUILD/$v" "$BUILD/common" \
        >"$BUILD/out/carapace-$v.txt" 2>"$BUILD/out/carapace-$v.err"
}

cross_variant_compare() { # compare the variants' outputs of one runtime with each other
    local rt="$1" prev=""
    for v in $VARIANTS; do
        [ -f "$BUILD/$v/.built" ] && [ -s "$BUILD/out/$rt-$v.txt" ] || continue
        if [ -n "$prev" ]; then
            if diff <(common "$BUILD/out/$rt-$prev.txt") <(common "$BUILD/out/$rt-$v.txt") >"$BUILD/out/$rt-$prev-vs-$v.diff"; then
                verdict ok "$rt: variants $prev and $v print the same (variant-specific lines excluded)"
            else
                verdict fail "$rt: variants $prev and $v differ (see $BUILD/out/$rt-$prev-vs-$v.diff)"
                head -n 20 "$BUILD/out/$rt-$prev-vs-$v.diff" | sed 's/^/    /'
            fi
        fi
        prev="$v"
    done
}

case "$MODE" in
build)
    build && verdict ok "build" || verdict fail "build"
    finish
    ;;
cpython)
    build || verdict fail "build (see messages above)"
    check_copy_relocs
    for v in $VARIANTS; do
        if [ ! -f "$BUILD/$v/.built" ]; then
            verdict fail "variant $v: extensions did not compile ($BUILD/build-$v.log)"
            rm -f "$BUILD/out/cpython-$v.txt"
            continue
        fi
        run_cpython "$v"
        rc=$?
        summary="$(tail -n 1 "$BUILD/out/cpython-$v.txt")"
        if [ $rc -eq 0 ]; then
            verdict ok "variant $v on CPython 3.15: $summary"
        else
            verdict fail "variant $v on CPython 3.15 (exit $rc): $summary"
            grep -e '^FAIL' -e '^variant-specific: FAIL' "$BUILD/out/cpython-$v.txt" | head -n 30 | sed 's/^/    /'
        fi
    done
    cross_variant_compare cpython
    finish
    ;;
carapace | valgrind)
    [ -n "$LIBDIR" ] && [ -d "$LIBDIR" ] || { echo "usage: $0 $MODE LIBDIR"; echo "0 passed, 1 failed"; exit 1; }
    LIBDIR="$(cd "$LIBDIR" && pwd)"
    if [ ! -x "$BUILD/embed" ] || [ ! -s "$BUILD/out/cpython-b.txt" ]; then
        echo "no CPython reference yet: running '$0 cpython' first"
        "$0" cpython >/dev/null
    fi
    tool=()
    if [ "$MODE" = valgrind ]; then
        # Memory errors fail through the exit code; definite leaks are sorted by
        # leaks.py into the test's own dropped references and Carapace's.
        tool=(valgrind -q --error-exitcode=99 --errors-for-leak-kinds=none --leak-check=full
              --show-leak-kinds=definite --num-callers=60)
    fi
    for v in $VARIANTS; do
        if [ ! -f "$BUILD/$v/.built" ] || [ ! -s "$BUILD/out/cpython-$v.txt" ]; then
            verdict fail "variant $v: not built or no CPython reference"
            continue
        fi
        run_carapace "$v" "${tool[@]}"
        rc=$?
        if [ "$MODE" = valgrind ]; then
            if [ $rc -eq 99 ]; then verdict fail "variant $v under valgrind: memory errors ($BUILD/out/carapace-$v.err)"
            elif [ $rc -ge 124 ]; then verdict fail "variant $v under valgrind: crashed or timed out (exit $rc)"
            else verdict ok "variant $v under valgrind: no invalid reads or writes (embedder exit $rc)"; fi
            if leaks=$(python3 "$HERE/leaks.py" "$BUILD/out/carapace-$v.err"); then
                verdict ok "variant $v under valgrind: $(echo "$leaks" | head -1)"
            else
                verdict fail "variant $v under valgrind: $leaks"
            fi
        fi
        if diff <(comparable "$BUILD/out/cpython-$v.txt") <(comparable "$BUILD/out/carapace-$v.txt") \
                >"$BUILD/out/carapace-$v.diff"; then
            verdict ok "variant $v: Carapace output equals CPython 3.15's"
        else
            verdict fail "variant $v: Carapace output differs from CPython 3.15's (exit $rc; $BUILD/out/carapace-$v.diff)"
            head -n 30 "$BUILD/out/carapace-$v.diff" | sed 's/^/    /'
        fi
        # runtime-specific expectation: a C function returning NULL without an
        # exception, or a result with one set, becomes SystemError on Carapace
        if grep -q "^runtime-specific: value embed.return_null: !SystemError: <built-in function return_null> returned NULL without setting an exception" "$BUILD/out/carapace-$v.txt" \
           && grep -q "^runtime-specific: value embed.result_and_error: .*pending: !SystemError: <built-in function result_and_error> returned a result with an exception set" "$BUILD/out/carapace-$v.txt"; then
            verdict ok "variant $v: NULL without exception / result with exception become SystemError"
        else
            verdict fail "variant $v: bad C function results not turned into SystemError: $(grep '^runtime-specific: value embed' "$BUILD/out/carapace-$v.txt" || echo 'no line')"
        fi
        # runtime-specific expectation: the version-specific module is refused
        if grep -q '^runtime-specific: import bad_vs: !ImportError: .*[Ss]table ABI' "$BUILD/out/carapace-$v.txt"; then
            verdict ok "variant $v: version-specific bad_vs refused with an ImportError naming the Stable ABI"
        else
            verdict fail "variant $v: bad_vs not refused as expected: $(grep '^runtime-specific: import bad_vs' "$BUILD/out/carapace-$v.txt" || echo 'no line')"
        fi
    done
    finish
    ;;
*)
    echo "usage: $0 cpython | carapace LIBDIR | valgrind LIBDIR | build"
    exit 2
    ;;
esac
