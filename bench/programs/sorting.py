# Sorting: list.sort and sorted() on ints, floats, strings and tuples, with and
# without key= (lambda, attribute getter), reverse=True, and stability.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def lcg(seed, n):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(x)
    return out


class Item:
    def __init__(self, key, value):
        self.key = key
        self.value = value


def run(n, rounds):
    digest = 0
    for r in range(rounds):
        data = lcg(r + 1, n)
        ints = sorted(data)
        floats = sorted([x / 7.0 for x in data], reverse=True)
        words = sorted(["k%x" % x for x in data[: n // 2]])
        by_mod = sorted(data, key=lambda x: x % 1000)
        pairs = sorted([(x % 100, x) for x in data[: n // 2]])
        items = [Item(x % 50, x) for x in data[: n // 4]]
        items.sort(key=lambda it: it.key)
        data.sort(reverse=True)
        digest = (digest * 31 + ints[n // 2] + int(floats[0]) + len(words[-1])
                  + by_mod[0] + pairs[-1][1] + items[0].value + data[0]) % 1000000007
    return digest


print("checksum", run(max(10, int(100000 * SCALE)), 4))
