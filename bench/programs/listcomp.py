# Comprehensions: list comprehensions with conditions and nesting, dict and set
# comprehensions, and comprehensions over enumerate/zip.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def run(n, rounds):
    acc = 0
    for r in range(rounds):
        squares = [i * i for i in range(n)]
        odd = [x for x in squares if x & 1]
        pairs = [(i, j) for i in range(40) for j in range(i, 40) if (i + j) % 3 == r % 3]
        grid = [[i * j for j in range(30)] for i in range(30)]
        flat = [v for row in grid for v in row if v % 4]
        index = {i: v for i, v in enumerate(odd[:1000])}
        distinct = {x % 997 for x in squares}
        zipped = [a - b for a, b in zip(squares, odd)]
        acc = (acc + len(odd) + sum(odd[-10:]) + len(pairs) + sum(flat) + len(index)
               + len(distinct) + sum(zipped[:100]) + r) % 1000000007
    return acc


print("checksum", run(max(10, int(1000000 * SCALE)), 6))
