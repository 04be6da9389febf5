#!/usr/bin/python3.11
"""Run the benchmark programs side by side on CPython 3.11, CPython 3.15, PyPy
and Carapace, and print one table of times and ratios to CPython 3.11.

Every program prints a checksum line; a runtime whose output differs from
CPython 3.11's at the same scale is reported as "wrong" and not timed. Each
(program, runtime) cell is the best time (wall-clock, or CPU with --metric cpu)
of --repeat runs of the whole process, startup included, with the peak RSS of
that run. Standard library only, so it runs on the system's /usr/bin/python3.11.
"""

import argparse
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PROGRAMS = BENCH / "programs"
BUILD = BENCH / "build"
EXT_SOURCE = BENCH / "ext" / "benchext.c"
FETCH_PY315 = Path("/work/shared/tools/fetch-cpython3.15")
REFERENCE = "cpython3.11"
# METH_FASTCALL entered the limited API in 3.10, so the module targets the 3.10
# Stable ABI; the same .abi3.so loads on every CPython-ABI runtime from 3.10 on.
LIMITED_API = "0x030A0000"


class Runtime:
    """One interpreter: how to start it, and where its copy of benchext lives
    (None with a reason when it cannot have one)."""

    def __init__(self, name, argv, ext_dir=None, problem=None):
        self.name = name
        self.argv = argv
        self.ext_dir = ext_dir
        self.ext_problem = None
        self.problem = problem  # why the runtime cannot run at all, or None


def compile_ext(out, include_flags, defines=()):
    """Compile benchext.c into the shared object `out`, unless it is newer than
    the source already. Returns None, or the compiler's complaint."""
    if out.exists() and out.stat().st_mtime >= EXT_SOURCE.stat().st_mtime:
        return None
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = ["gcc", "-shared", "-fPIC", "-O2", "-Wall", *include_flags, *defines,
           str(EXT_SOURCE), "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return last_line(proc.stderr) or "gcc failed"
    return None


def build_abi3():
    """The abi3 module, compiled once against CPython 3.11's headers."""
    includes = subprocess.run(["/usr/bin/python3.11-config", "--includes"],
                              capture_output=True, text=True).stdout.split()
    out = BUILD / "abi3" / "benchext.abi3.so"
    problem = compile_ext(out, includes, [f"-DPy_LIMITED_API={LIMITED_API}"])
    return out.parent, problem


def build_pypy(pypy):
    """PyPy's cpyext cannot load CPython abi3 binaries, so it gets its own build
    from the same source against its own headers (Debian's pypy3-dev)."""
    probe = ("import sysconfig, importlib.machinery as m;"
             "print(sysconfig.get_paths()['include']);"
             "print(m.EXTENSION_SUFFIXES[0])")
    proc = subprocess.run([pypy, "-c", probe], capture_output=True, text=True)
    if proc.returncode != 0:
        return None, "pypy3 did not start: " + last_line(proc.stderr)
    include, suffix = proc.stdout.split()
    if not (Path(include) / "Python.h").exists():
        return None, f"no Python.h in {include} (apt-get install -y pypy3-dev)"
    out = BUILD / "pypy" / ("benchext" + suffix)
    return out.parent, compile_ext(out, ["-I" + include])


def find_py315():
    """$PY315, or the path the fetch tool reports (it unpacks on first use)."""
    if os.environ.get("PY315"):
        return os.environ["PY315"], None
    if not FETCH_PY315.exists():
        return None, f"{FETCH_PY315} not found and $PY315 unset"
    proc = subprocess.run([str(FETCH_PY315)], capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        if line.startswith("PY315="):
            return line.split("=", 1)[1].strip("'\""), None
    return None, "fetch-cpython3.15 failed: " + last_line(proc.stderr)


def find_carapace(explicit):
    if explicit:
        return Path(explicit)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "carapace-release" / "bin" / "carapace"


def discover_runtimes(args):
    """All four runtimes in table order; a missing one stays in the table with
    the reason it is missing."""
    abi3_dir, abi3_problem = build_abi3()
    runtimes = []

    # -S everywhere: the programs import nothing from site-packages, Carapace has
    # no site module yet, and the same minimal startup keeps the comparison fair.
    cp311 = Runtime("cpython3.11", ["/usr/bin/python3.11", "-S"], abi3_dir)
    runtimes.append(cp311)

    py315, problem = find_py315()
    runtimes.append(Runtime("cpython3.15", [py315, "-S"] if py315 else None, abi3_dir, problem))

    pypy = shutil.which("pypy3")
    if pypy:
        pypy_dir, pypy_problem = build_pypy(pypy)
        rt = Runtime("pypy3", [pypy, "-S"], pypy_dir)
        rt.ext_problem = pypy_problem
        runtimes.append(rt)
    else:
        runtimes.append(Runtime("pypy3", None, problem="pypy3 not installed (apt-get install -y pypy3)"))

    carapace = find_carapace(args.carapace)
    if carapace.exists():
        runtimes.append(Runtime("carapace", [str(carapace), "-S"], abi3_dir))
    else:
        runtimes.append(Runtime("carapace", None, problem=f"{carapace} not built"))

    for rt in runtimes:
        if rt.argv and rt.ext_dir is abi3_dir:
            rt.ext_problem = abi3_problem
    if args.runtimes:
        wanted = set(args.runtimes.split(","))
        unknown = wanted - {rt.name for rt in runtimes}
        if unknown:
            sys.exit(f"unknown runtimes: {', '.join(sorted(unknown))}")
        runtimes = [rt for rt in runtimes if rt.name in wanted | {REFERENCE}]
    return runtimes


def last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def run_once(argv, env, timeout):
    """Run one process to completion. Returns (wall seconds, CPU seconds, exit
    status, stdout, stderr, peak RSS in KiB, timed out). os.wait4 gives this
    child's own rusage, where getrusage(RUSAGE_CHILDREN) would give the maximum
    over all children."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        expired = threading.Event()
        start = time.perf_counter()
        # Its own process group, so a timeout also stops anything it started.
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                env=env, cwd=PROGRAMS, start_new_session=True)

        def kill():
            expired.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:  # it ended just as the timer fired
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
        cpu = usage.ru_utime + usage.ru_stime
        return wall, cpu, proc.returncode, stdout, stderr, usage.ru_maxrss, expired.is_set()


def child_env(runtime):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("PYTHON") and k not in ("PY315",)}
    env["PYTHONHASHSEED"] = "0"
    if runtime.ext_dir:
        env["PYTHONPATH"] = str(runtime.ext_dir)
    return env


def measure(program, runtime, scale, repeat, timeout, metric, reference_output):
    """One table cell: a dict with status ok/wrong/fails/timeout/n/a, and for ok
    the best time by `metric` ("wall" or "cpu"), every run's wall and CPU times,
    and the peak RSS of the best run."""
    if runtime.argv is None:
        return {"status": "n/a", "detail": runtime.problem}
    if program.stem == "cext" and runtime.ext_problem:
        return {"status": "n/a", "detail": "benchext not built: " + runtime.ext_problem}
    argv = runtime.argv + [str(program), repr(scale)]
    env = child_env(runtime)
    walls, cpus, rss = [], [], []
    output = None
    for _ in range(repeat):
        wall, cpu, code, stdout, stderr, maxrss, timed_out = run_once(argv, env, timeout)
        if timed_out:
            return {"status": "timeout", "detail": f"over {timeout:g}s"}
        if code != 0:
            detail = last_line(stderr) or f"exit status {code}"
            return {"status": "fails", "detail": detail}
        if reference_output is not None and stdout != reference_output:
            return {"status": "wrong", "detail": last_line(stdout)[:120], "output": stdout}
        output = stdout
        walls.append(wall)
        cpus.append(cpu)
        rss.append(maxrss)
    times = walls if metric == "wall" else cpus
    best = min(range(len(times)), key=times.__getitem__)
    return {"status": "ok", "time": times[best], "wall": walls, "cpu": cpus,
            "rss_kib": rss[best], "output": output}


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else None


def cell_text(cell, ref_time):
    if cell["status"] != "ok":
        return cell["status"]
    text = f"{cell['time']:.3f}s"
    if ref_time:
        text += f" {cell['time'] / ref_time:5.2f}x"
    return text


def print_table(results, runtimes, programs, metric):
    names = [rt.name for rt in runtimes]
    header = ["program"] + names
    rows = []
    ratios = {name: [] for name in names}
    for prog in programs:
        row_cells = results[prog]
        ref = row_cells.get(REFERENCE, {})
        ref_time = ref.get("time") if ref.get("status") == "ok" else None
        row = [prog]
        for name in names:
            cell = row_cells[name]
            row.append(cell_text(cell, ref_time))
            if cell["status"] == "ok" and ref_time:
                ratios[name].append(cell["time"] / ref_time)
        rows.append(row)
    gm_row = ["geomean"]
    for name in names:
        gm = geomean(ratios[name])
        counted = len(ratios[name])
        gm_row.append(f"{gm:.2f}x ({counted}/{len(programs)})" if gm else "-")
    rss_rows = []
    for prog in programs:
        row = [prog]
        for name in names:
            cell = results[prog][name]
            row.append(f"{cell['rss_kib'] / 1024:.0f} MiB" if cell["status"] == "ok" else "-")
        rss_rows.append(row)

    def emit(title, head, body, footer=None):
        table = [head] + body + ([footer] if footer else [])
        widths = [max(len(r[i]) for r in table) for i in range(len(head))]
        fmt = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                  for i, (c, w) in enumerate(zip(r, widths)))
        print(title)
        print(fmt(head))
        print("  ".join("-" * w for w in widths))
        for r in body:
            print(fmt(r))
        if footer:
            print("  ".join("-" * w for w in widths))
            print(fmt(footer))
        print()

    emit(f"Best {metric} time per program (ratio to {REFERENCE}; lower is faster)",
         header, rows, gm_row)
    emit("Peak RSS of the timed run", header, rss_rows)
    notes = []
    for rt in runtimes:
        if rt.problem:
            # A missing interpreter is said once, not once per program.
            notes.append(f"  {rt.name}: n/a: {rt.problem}")
            continue
        for prog in programs:
            cell = results[prog][rt.name]
            if cell["status"] != "ok":
                notes.append(f"  {prog} on {rt.name}: {cell['status']}: {cell.get('detail', '')}")
    if notes:
        print("Cells without a time:")
        print("\n".join(notes))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("programs", nargs="*", help="program names (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cell, best kept (3)")
    parser.add_argument("--scale", type=float, default=1.0, help="work multiplier (1.0)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: one run per cell at scale 0.05")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--carapace", metavar="PATH", help="the carapace command to run")
    parser.add_argument("--runtimes", help="comma-separated subset of "
                        "cpython3.11,cpython3.15,pypy3,carapace (the reference is always run)")
    parser.add_argument("--metric", choices=("wall", "cpu"), default="wall",
                        help="what is timed: wall-clock time (default) or the process's "
                        "user+system CPU time, steadier on a busy machine")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run (120)")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
        args.scale = 0.05
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def main():
    args = parse_args()
    available = sorted(p.stem for p in PROGRAMS.glob("*.py"))
    chosen = args.programs or available
    unknown = [p for p in chosen if p not in available]
    if unknown:
        sys.exit(f"unknown programs: {', '.join(unknown)} (have: {', '.join(available)})")
    runtimes = discover_runtimes(args)
    print(f"scale {args.scale:g}, best {args.metric} time of {args.repeat}; runtimes:",
          file=sys.stderr)
    for rt in runtimes:
        print(f"  {rt.name}: {' '.join(rt.argv) if rt.argv else rt.problem}", file=sys.stderr)

    results = {}
    for prog in chosen:
        path = PROGRAMS / f"{prog}.py"
        results[prog] = {}
        reference_output = None
        for rt in runtimes:
            cell = measure(path, rt, args.scale, args.repeat, args.timeout, args.metric,
                           reference_output)
            if rt.name == REFERENCE:
                reference_output = cell.get("output") if cell["status"] == "ok" else None
            results[prog][rt.name] = cell
            print(f"  {prog:14} {rt.name:12} {cell_text(cell, None)}", file=sys.stderr)
    print()
    print_table(results, runtimes, chosen, args.metric)

    if args.json:
        doc = {
            "scale": args.scale,
            "repeat": args.repeat,
            "metric": args.metric,
            "reference": REFERENCE,
            "host": {"platform": sysconfig.get_platform(), "cpus": os.cpu_count()},
            "runtimes": {rt.name: {"argv": rt.argv, "problem": rt.problem} for rt in runtimes},
            "results": {prog: {name: {k: v for k, v in cell.items() if k != "output"}
                               for name, cell in cells.items()}
                        for prog, cells in results.items()},
        }
        Path(args.json).write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    main()
