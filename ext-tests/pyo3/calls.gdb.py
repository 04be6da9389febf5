# gdb script (python): which of the C API functions a PyO3 module imports are actually
# called *from that module* at run time.  Used by `run.sh calls` (see README.md).
#   gdb -batch -x calls.gdb.py --args <embedder...>   with env CALLS_SO, CALLS_SYMS, CALLS_OUT
#   and optionally CALLS_PYTHONHOME, CALLS_LD_LIBRARY_PATH (set for the embedder only)
import os
import gdb

SO = os.environ["CALLS_SO"]            # path fragment of the extension module
SYMS = open(os.environ["CALLS_SYMS"]).read().split()
OUT = os.environ["CALLS_OUT"]
called = set()


class FirstCall(gdb.Breakpoint):
    """Stops never; records the first call whose caller lies in the extension module."""

    def __init__(self, sym):
        super().__init__(sym, internal=True)
        self.sym = sym
        self.silent = True

    def stop(self):
        try:
            caller = gdb.selected_frame().older()
            name = gdb.solib_name(caller.pc()) if caller else None
        except gdb.error:
            name = None
        if name and SO in name:
            called.add(self.sym)
            self.enabled = False
        return False


gdb.execute("set pagination off")
for var in ("PYTHONHOME", "LD_LIBRARY_PATH"):   # for the inferior only (gdb's own Python must not see them)
    if os.environ.get("CALLS_" + var):
        gdb.execute("set environment %s=%s" % (var, os.environ["CALLS_" + var]))
gdb.execute("set breakpoint pending on")
gdb.execute("set confirm off")
# break once libpython is loaded, then plant the breakpoints there
gdb.execute("catch load libpython3.15")
gdb.execute("run")
for s in SYMS:
    try:
        FirstCall(s)
    except gdb.error:
        pass
gdb.execute("delete 1")
gdb.execute("continue")
with open(OUT, "w") as f:
    f.write("".join(s + "\n" for s in sorted(called)))
