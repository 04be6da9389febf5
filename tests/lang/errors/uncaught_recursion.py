# Unbounded recursion at top level ends with RecursionError, exit 1.
# exit: 1
def f(n):
    return f(n + 1) + 1
f(0)
