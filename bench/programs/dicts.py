# Dict work: building dicts with int and str keys, lookups, get/setdefault,
# membership, updates, deletion, and iteration over items().
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def run(n):
    words = ["w%d" % (i * 7919 % 1000) for i in range(n)]
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    groups = {}
    for i, w in enumerate(words):
        groups.setdefault(len(w), []).append(i)
    squares = {}
    for i in range(n):
        squares[i] = i * i
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in squares:
            hits += squares[i] & 0xFF
    for i in range(0, n, 2):
        del squares[i]
    merged = dict(counts)
    merged.update({"w%d" % i: -i for i in range(0, 1000, 5)})
    acc = 0
    for k, v in merged.items():
        acc = (acc * 31 + len(k) + v) & 0xFFFFFFFF
    for k in squares:
        acc ^= squares[k]
    return len(counts), len(groups), hits, len(squares), acc


n = max(10, int(300000 * SCALE))
results = [run(n + r) for r in range(7)]
print("checksum", *[sum(col) & 0xFFFFFFFF for col in zip(*results)])
