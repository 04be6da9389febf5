# Calling C extension functions in a loop: benchext.add (METH_FASTCALL, two
# arguments) and benchext.twice (METH_O), from the runner's compiled module.
import sys

import benchext

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def run(n):
    add = benchext.add
    twice = benchext.twice
    acc = 0
    for i in range(n):
        acc = add(acc, i & 1023)
        acc = add(acc, twice(i & 7))
        if acc > 1000000:
            acc = benchext.add(acc, -1000000)
    fsum = 0.0
    for i in range(n // 4):
        fsum = add(fsum, twice(0.5))
    return acc, fsum


print("checksum", *run(max(10, int(8000000 * SCALE))))
