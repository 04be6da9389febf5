#!/usr/bin/env bash
# PyO3 extension test (issue 2): carapace_pyo3_demo, built with PyO3 twice (features
# abi3-py39 and abi3-py312), driven by the C embedder embed_pyo3.c.
#
#   run.sh cpython            build both variants and the embedder, run the embedder on
#                             CPython 3.15 (the reference); both variants must pass and print
#                             the same (variant-specific lines excluded)
#   run.sh carapace LIBDIR    run the same binaries with LD_LIBRARY_PATH=LIBDIR (no PYTHONHOME)
#                             and diff each variant's output with the CPython reference
#   run.sh calls [LIBDIR]     (slow, needs gdb) list the C API functions each variant's module
#                             actually calls at run time, on CPython or on LIBDIR
#   run.sh build              only build
#
# Build folders: cargo targets in ${CARGO_TARGET_DIR:-<repo>/target}/pyo3-py39 and
# .../pyo3-py312; the embedder, the renamed modules and the outputs in
# ${CARAPACE_BUILD:-<repo>/target/ext-tests}/pyo3.
# The last line printed is "N passed, M failed"; the exit status is 1 if M > 0.
set -uo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SHARED="${CARAPACE_SHARED:-$REPO/../shared}"
TARGET_ROOT="${CARGO_TARGET_DIR:-$REPO/target}"
BUILD="${CARAPACE_BUILD:-$REPO/target/ext-tests}/pyo3"
MODE="${1:-cpython}"
LIBDIR="${2:-}"
VARIANTS="py39 py312"
JOBS="${PYO3_JOBS:-1}"

# shellcheck source=../lib.sh
source "$HERE/../lib.sh"
CC="${CC:-gcc}"

# build_variant py39|py312: cargo build into its own target folder, copy the module
# under its import name into $BUILD/<variant>/
build_variant() {
    local v="$1" t="$TARGET_ROOT/pyo3-$1"
    local log="$BUILD/build-$v.log"
    rm -f "$BUILD/$v/.built"
    mkdir -p "$BUILD/$v"
    local start=$SECONDS
    # abi3 builds need no interpreter: PYO3_NO_PYTHON keeps pyo3-build-config from looking for one
    if (cd "$HERE" && PYO3_NO_PYTHON=1 CARGO_TARGET_DIR="$t" \
            cargo build --locked -j"$JOBS" --features "$v") >"$log" 2>&1 &&
       cp -f "$t/debug/libcarapace_pyo3_demo.so" "$BUILD/$v/carapace_pyo3_demo.abi3.so"; then
        touch "$BUILD/$v/.built"
        echo "built $v in $((SECONDS - start))s"
        return 0
    fi
    echo "build of variant $v failed (log: $log):"
    tail -n 30 "$log" | sed 's/^/    /'
    return 1
}

build() {
    mkdir -p "$BUILD/out"
    local ok=1
    for v in $VARIANTS; do build_variant "$v" || ok=0; done
    # the embedder: CPython 3.15's headers, Limited API 3.15, PIE, linked like a real embedder
    if (cd "$HERE" && $CC -O1 -g -Wall -Wextra -Werror -fPIE -pie $PY315_CFLAGS -DPy_LIMITED_API=0x030f0000 \
            embed_pyo3.c -o "$BUILD/embed_pyo3" -L"$PY315_LIBDIR" -lpython3.15 -Wl,--allow-shlib-undefined) \
            >"$BUILD/build-embed.log" 2>&1; then
        :
    else
        echo "build of embed_pyo3 failed:"; sed 's/^/    /' "$BUILD/build-embed.log" | head -n 30
        rm -f "$BUILD/embed_pyo3"
        ok=0
    fi
    [ $ok = 1 ]
}

# static checks on a built module: it imports no function that runs Python source
check_imports() {
    local v="$1" so="$BUILD/$1/carapace_pyo3_demo.abi3.so"
    nm -D --undefined-only "$so" | awk '{print $2}' | sed 's/@.*//' | grep -E '^_?Py' | sort >"$BUILD/out/imports-$v.txt"
    local bad
    bad="$(grep -E '^(PyRun_|Py_CompileString|PyEval_Eval|Py_Main|Py_BytesMain)' "$BUILD/out/imports-$v.txt" | tr '\n' ' ')"
    if [ -z "$bad" ]; then
        verdict ok "$v: the module imports $(wc -l <"$BUILD/out/imports-$v.txt") C API symbols, none that runs Python source"
    else
        verdict fail "$v: the module imports functions that run Python source: $bad"
    fi
}

summary_of() { tail -n 1 "$1" 2>/dev/null | grep -E '^[0-9]+ passed, [0-9]+ failed$' || echo "no summary line"; }

case "$MODE" in
build)
    build && verdict ok "build" || verdict fail "build"
    finish
    ;;
cpython)
    build || verdict fail "build (see messages above)"
    prev=""
    for v in $VARIANTS; do
        if [ ! -f "$BUILD/$v/.built" ] || [ ! -x "$BUILD/embed_pyo3" ]; then
            verdict fail "$v: not built"
            rm -f "$BUILD/out/cpython-$v.txt"
            continue
        fi
        check_imports "$v"
        PYTHONHOME="$PY315_HOME" timeout 300 "$PY315_EXEC" "$BUILD/embed_pyo3" "$BUILD/$v" \
            >"$BUILD/out/cpython-$v.txt" 2>"$BUILD/out/cpython-$v.err"
        rc=$?
        if [ $rc -eq 0 ]; then
            verdict ok "$v on CPython 3.15: $(summary_of "$BUILD/out/cpython-$v.txt")"
        else
            verdict fail "$v on CPython 3.15 (exit $rc): $(summary_of "$BUILD/out/cpython-$v.txt")"
            grep -e 'FAIL' "$BUILD/out/cpython-$v.txt" | head -n 30 | sed 's/^/    /'
            tail -n 5 "$BUILD/out/cpython-$v.err" | sed 's/^/    stderr: /'
        fi
        if [ -n "$prev" ]; then
            if diff <(common "$BUILD/out/cpython-$prev.txt") <(common "$BUILD/out/cpython-$v.txt") \
                    >"$BUILD/out/cpython-$prev-vs-$v.diff"; then
                verdict ok "CPython 3.15: $prev and $v print the same (variant-specific lines excluded)"
            else
                verdict fail "CPython 3.15: $prev and $v differ ($BUILD/out/cpython-$prev-vs-$v.diff)"
                head -n 20 "$BUILD/out/cpython-$prev-vs-$v.diff" | sed 's/^/    /'
            fi
        fi
        prev="$v"
    done
    finish
    ;;
carapace)
    [ -n "$LIBDIR" ] && [ -d "$LIBDIR" ] || { echo "usage: $0 carapace LIBDIR"; echo "0 passed, 1 failed"; exit 1; }
    LIBDIR="$(cd "$LIBDIR" && pwd)"
    if [ ! -x "$BUILD/embed_pyo3" ] || [ ! -s "$BUILD/out/cpython-py39.txt" ] || [ ! -s "$BUILD/out/cpython-py312.txt" ]; then
        echo "no CPython reference yet: running '$0 cpython' first"
        "$0" cpython >/dev/null
    fi
    for v in $VARIANTS; do
        if [ ! -f "$BUILD/$v/.built" ] || [ ! -s "$BUILD/out/cpython-$v.txt" ]; then
            verdict fail "$v: not built or no CPython reference"
            continue
        fi
        env -u PYTHONHOME LD_LIBRARY_PATH="$LIBDIR" timeout 300 "$BUILD/embed_pyo3" "$BUILD/$v" \
            >"$BUILD/out/carapace-$v.txt" 2>"$BUILD/out/carapace-$v.err"
        rc=$?
        case $rc in
            0) how="exit 0" ;;
            124) how="timed out after 300s" ;;
            127) how="exit 127, a loader error: $(head -n 1 "$BUILD/out/carapace-$v.err" | cut -c 1-300)" ;;
            *) if [ $rc -gt 128 ]; then how="killed by signal $((rc - 128))"; else how="exit $rc"; fi ;;
        esac
        if [ $rc -eq 0 ]; then
            verdict ok "$v on Carapace: $(summary_of "$BUILD/out/carapace-$v.txt")"
        else
            verdict fail "$v on Carapace ($how): $(summary_of "$BUILD/out/carapace-$v.txt")"
            tail -n 5 "$BUILD/out/carapace-$v.err" | sed 's/^/    stderr: /'
        fi
        if [ ! -s "$BUILD/out/carapace-$v.txt" ]; then
            verdict fail "$v: Carapace printed nothing to compare with CPython 3.15's output"
        elif diff "$BUILD/out/cpython-$v.txt" "$BUILD/out/carapace-$v.txt" >"$BUILD/out/carapace-$v.diff"; then
            verdict ok "$v: Carapace output equals CPython 3.15's"
        else
            verdict fail "$v: Carapace output differs from CPython 3.15's ($BUILD/out/carapace-$v.diff)"
            head -n 30 "$BUILD/out/carapace-$v.diff" | sed 's/^/    /'
        fi
    done
    finish
    ;;
calls)
    command -v gdb >/dev/null || { echo "gdb not found"; echo "0 passed, 1 failed"; exit 1; }
    [ -x "$BUILD/embed_pyo3" ] || build || { verdict fail "build"; finish; }
    if [ -n "$LIBDIR" ]; then
        LIBDIR="$(cd "$LIBDIR" && pwd)"
        runner=("$BUILD/embed_pyo3"); rt=carapace
        export CALLS_LD_LIBRARY_PATH="$LIBDIR"
    else
        # with-cpython3.15 is a shell script around CPython's own loader: gdb needs the ELF
        read -r ldso lpath < <(sed -n 's/^exec "\([^"]*\)" --library-path "\([^"]*\)" "\$@"$/\1 \2/p' "$PY315_EXEC")
        [ -n "${ldso:-}" ] || { echo "cannot parse $PY315_EXEC"; echo "0 passed, 1 failed"; exit 1; }
        runner=("$ldso" --library-path "$lpath" "$BUILD/embed_pyo3"); rt=cpython
        export CALLS_PYTHONHOME="$PY315_HOME"
    fi
    for v in $VARIANTS; do
        so="$BUILD/$v/carapace_pyo3_demo.abi3.so"
        nm -D --undefined-only "$so" | awk '{print $2}' | sed 's/@.*//' | grep -E '^_?Py' |
            grep -v -E '^(PyExc_|_Py_NoneStruct$|_Py_TrueStruct$|_Py_FalseStruct$|Py.*_Type$)' | sort >"$BUILD/out/functions-$v.txt"
        CALLS_SO="$BUILD/$v/carapace_pyo3_demo" CALLS_SYMS="$BUILD/out/functions-$v.txt" \
            CALLS_OUT="$BUILD/out/called-$rt-$v.txt" \
            timeout 600 gdb -batch -x "$HERE/calls.gdb.py" --args "${runner[@]}" "$BUILD/$v" \
            >"$BUILD/out/calls-$rt-$v.log" 2>&1
        if [ -s "$BUILD/out/called-$rt-$v.txt" ]; then
            verdict ok "$v on $rt: calls $(wc -l <"$BUILD/out/called-$rt-$v.txt") of the $(wc -l <"$BUILD/out/functions-$v.txt") C API functions it imports"
            echo "  called:     $(tr '\n' ' ' <"$BUILD/out/called-$rt-$v.txt")"
            echo "  not called: $(comm -23 "$BUILD/out/functions-$v.txt" "$BUILD/out/called-$rt-$v.txt" | tr '\n' ' ')"
        else
            verdict fail "$v on $rt: no calls recorded ($BUILD/out/calls-$rt-$v.log)"
        fi
    done
    finish
    ;;
*)
    echo "usage: $0 cpython | carapace LIBDIR | calls [LIBDIR] | build"
    exit 2
    ;;
esac
