# Recursive calls of a small Python function: naive Fibonacci.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


total = 0
for i in range(max(1, int(110 * SCALE))):
    total += fib(24 + i % 2)
print("checksum", total)
