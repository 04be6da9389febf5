#!/usr/bin/env bash
# tests/lang/run.sh [--self-check] [CARAPACE_BIN] -- run the language programs on CPython 3.15
# (the reference) and on Carapace, compare stdout, the last line of stderr and the exit status.
# Prints PASS/FAIL/XFAIL per program (a diff for failures) and ends with `N passed, M failed`.
# --self-check runs the reference twice instead: every program must be deterministic and exit
# with the status it declares. See tests/lang/README.md for the program format.
# Environment: LANGTEST_JOBS (parallel runs, default 4), LANGTEST_TIMEOUT (seconds per program,
# default 20; cli cases, which start many interpreters, get three times that; a timeout is a
# failure), LANGTEST_FUZZ_SEEDS (generated programs, default 60), LANGTEST_FILTER (a grep -E
# pattern on program names), LANGTEST_KEEP=1 keeps the work dir.
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Worker mode: run one program on one interpreter; results under $WORK/$TAG/$ID.{out,err,rc}.
if [ "${1:-}" = "--worker" ]; then
  tag="$2"; bin="$3"; id="$4"
  case "$id" in
    fuzz/*) file="$WORK/$id.py" ;;
    cli/*) file="$HERE/$id.sh" ;;
    *) file="$HERE/$id.py" ;;
  esac
  scratch="$WORK/$tag/scratch/$id"
  res="$WORK/$tag/$id"
  mkdir -p "$scratch" "$(dirname "$res")"
  # A program's fixture tree (packages to import, files to read) is copied into its scratch dir.
  if [ -d "$HERE/$id.d" ]; then cp -r "$HERE/$id.d/." "$scratch/"; fi
  cd "$scratch" || exit 1
  export LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
  # A runaway program must not fill the disk: files over 64 MB end it (SIGXFSZ, a failure).
  ulimit -f 131072
  unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONSAFEPATH PYTHONWARNINGS PYTHONINSPECT
  if [ "${id%%/*}" = cli ]; then
    PY="$bin" SCRATCH="$scratch" CASE_DIR="$HERE/cli" timeout -k 2 $((TIMEOUT * 3)) bash "$file" \
      </dev/null >"$res.out" 2>"$res.err"
  else
    timeout -k 2 "$TIMEOUT" "$bin" -S "$file" "$scratch" </dev/null >"$res.out" 2>"$res.err"
  fi
  echo $? >"$res.rc"
  # Scratch paths differ between runs: show them as <scratch>.
  sed -i "s|$scratch|<scratch>|g" "$res.out" "$res.err"
  exit 0
fi

SELF_CHECK=0
if [ "${1:-}" = "--self-check" ]; then SELF_CHECK=1; shift; fi
eval "$(/work/shared/tools/fetch-cpython3.15)" || { echo "cannot fetch CPython 3.15" >&2; exit 2; }
REPO="$(cd "$HERE/../.." && pwd)"
CARAPACE="${1:-${CARGO_TARGET_DIR:-$REPO/target}/carapace-debug/bin/carapace}"
# Programs run from their scratch dirs: a path to the binary must not be relative.
case "$CARAPACE" in */*) CARAPACE="$(realpath -m "$CARAPACE")" ;; esac
JOBS="${LANGTEST_JOBS:-4}"
export TIMEOUT="${LANGTEST_TIMEOUT:-20}"
SEEDS="${LANGTEST_FUZZ_SEEDS:-60}"
export WORK="$(mktemp -d /tmp/langtest.XXXXXX)"
[ "${LANGTEST_KEEP:-0}" = 1 ] && echo "work dir: $WORK" || trap 'rm -rf "$WORK"' EXIT

# The programs: <area>/<name>.py (fixture trees <name>.d/ are not programs), cli/<name>.sh,
# and fuzz/seed_N.py written by the generator.
ids=$(cd "$HERE" && { ls -1 */*.py | grep -v '^fuzz/'; ls -1 cli/*.sh 2>/dev/null; } | sed 's/\.\(py\|sh\)$//' | sort)
mkdir -p "$WORK/fuzz"
for s in $(seq 1 "$SEEDS"); do
  n=$(printf 'seed_%03d' "$s")
  "$PY315" -S "$HERE/fuzz/gen.py" "$s" >"$WORK/fuzz/$n.py" || { echo "fuzz generator failed on seed $s" >&2; exit 2; }
  ids="$ids"$'\n'"fuzz/$n"
done
if [ -n "${LANGTEST_FILTER:-}" ]; then ids=$(grep -E "$LANGTEST_FILTER" <<<"$ids"); fi

source_of() {
  case "$1" in fuzz/*) echo "$WORK/$1.py" ;; cli/*) echo "$HERE/$1.sh" ;; *) echo "$HERE/$1.py" ;; esac
}
# `# needs: mod, mod` on the first line: standard-library modules Carapace does not have yet.
needs_of() { head -1 "$(source_of "$1")" | sed -n 's/^# needs: *//p'; }
# `# exit: N` in the first three lines: the status the program ends with (default 0).
exit_of() { local e; e=$(head -3 "$(source_of "$1")" | sed -n 's/^# exit: *\([0-9]*\).*/\1/p'); echo "${e:-0}"; }

if [ "$SELF_CHECK" = 1 ]; then
  A=ref1; B=ref2; BIN_A="$PY315"; BIN_B="$PY315"
else
  A=ref; B=carapace; BIN_A="$PY315"; BIN_B="$CARAPACE"
  [ -x "$CARAPACE" ] || echo "warning: no carapace binary at $CARAPACE: every program will fail" >&2
fi
ids=$(grep -v '^$' <<<"$ids")
[ -n "$ids" ] || { echo "no programs selected"; echo "0 passed, 0 failed"; exit 0; }
plain=$(while read -r id; do [ -z "$(needs_of "$id")" ] && echo "$id"; done <<<"$ids")
{
  sed "s|^|$A $BIN_A |" <<<"$ids"
  if [ "$SELF_CHECK" = 1 ]; then sed "s|^|$B $BIN_B |" <<<"$ids"
  elif [ -n "$plain" ]; then sed "s|^|$B $BIN_B |" <<<"$plain"; fi
} | xargs -P "$JOBS" -L 1 bash "$HERE/run.sh" --worker

declare -A XFAIL
if [ "$SELF_CHECK" = 0 ] && [ -f "$HERE/xfail.txt" ]; then
  while read -r name reason; do
    case "$name" in ''|'#'*) continue ;; esac
    XFAIL[$name]="$reason"
  done <"$HERE/xfail.txt"
fi

passed=0; failed=0; xfailed=0; needs=0
show() { # show TAG ID: what a run produced, as compared
  cat "$WORK/$1/$2.out"; echo "--- stderr (last line): $(tail -n 1 "$WORK/$1/$2.err")"; echo "--- exit: $(cat "$WORK/$1/$2.rc")"
}
same() { # same ID: stdout, last line of stderr and exit status agree
  cmp -s "$WORK/$A/$1.out" "$WORK/$B/$1.out" && cmp -s "$WORK/$A/$1.rc" "$WORK/$B/$1.rc" &&
    [ "$(tail -n 1 "$WORK/$A/$1.err")" = "$(tail -n 1 "$WORK/$B/$1.err")" ]
}
while read -r id; do
  want=$(exit_of "$id")
  got=$(cat "$WORK/$A/$id.rc")
  if [ "$got" != "$want" ]; then
    echo "FAIL $id (reference exits $got, the program declares $want)"
    tail -n 5 "$WORK/$A/$id.err" | sed 's/^/    /'
    failed=$((failed + 1)); continue
  fi
  mods=$(needs_of "$id")
  if [ -n "$mods" ] && [ "$SELF_CHECK" = 0 ]; then
    echo "NEEDS-STDLIB $id ($mods)"; needs=$((needs + 1)); continue
  fi
  if same "$id"; then
    if [ -n "${XFAIL[$id]+x}" ]; then
      echo "FAIL $id unexpectedly passes: remove it from xfail.txt"; failed=$((failed + 1))
    else
      echo "PASS $id"; passed=$((passed + 1))
    fi
  elif [ -n "${XFAIL[$id]+x}" ]; then
    echo "XFAIL $id (${XFAIL[$id]})"; xfailed=$((xfailed + 1))
  else
    echo "FAIL $id"
    [ "$(cat "$WORK/$B/$id.rc")" = 124 ] && echo "    timed out after ${TIMEOUT}s"
    diff -u --label "$A" --label "$B" <(show "$A" "$id") <(show "$B" "$id") | head -n 40 | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done <<<"$ids"
echo "$xfailed expected failures (xfail.txt), $needs needs-stdlib (checked on CPython only)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
