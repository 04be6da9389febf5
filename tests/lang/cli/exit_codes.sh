# Exit statuses: SystemExit codes and messages, uncaught exceptions exit 1, KeyboardInterrupt.
run() { $PY -S -c "$1" 2>err.txt; echo "rc=$? stderr: $(tail -n 1 err.txt)"; }
run 'pass'
run 'import sys; sys.exit()'
run 'import sys; sys.exit(0)'
run 'import sys; sys.exit(None)'
run 'import sys; sys.exit(4)'
run 'import sys; sys.exit(255)'
run 'import sys; sys.exit(256)'
run 'import sys; sys.exit(-1)'
run 'import sys; sys.exit("goodbye message")'
run 'import sys; sys.exit(True)'
run 'raise SystemExit(3)'
run 'raise SystemExit'
run 'raise SystemExit("msg", 2)'
run 'raise SystemExit([1, 2])'
run 'raise ValueError("uncaught")'
run 'raise KeyError'
run '1/0'
run 'raise BaseException("base")'
run 'raise KeyboardInterrupt'
run 'def f(): f()
f()'
run 'raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])'
run 'import sys; print("out before exit"); sys.exit(2)'
run 'try:
    raise SystemExit(5)
finally:
    print("finally runs on exit")'
run 'class E(Exception):
    def __str__(self): raise RuntimeError("bad str")
raise E()'
