# Integer arithmetic in tight loops: Collatz chain lengths (while loop, //, %, *)
# and a modular mixing loop over range() (bit operations, shifts, comparisons).
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def collatz_total(limit):
    total = 0
    longest = 0
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n % 2 == 0:
                n = n // 2
            else:
                n = 3 * n + 1
            steps += 1
        total += steps
        if steps > longest:
            longest = steps
    return total, longest


def mix(rounds):
    h = 2166136261
    acc = 0
    for i in range(rounds):
        h = ((h ^ (i & 0xFF)) * 16777619) & 0xFFFFFFFF
        acc += (h >> 7) % 1000 - (i & 3)
        if acc > 1 << 30:
            acc -= 1 << 30
    return h, acc


total, longest = collatz_total(max(2, int(90000 * SCALE)))
h, acc = mix(max(1, int(3000000 * SCALE)))
print("checksum", total, longest, h, acc)
