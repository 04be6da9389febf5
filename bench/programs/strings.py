# String work: building with join and +=, split, replace, find, upper/lower,
# slicing, %-formatting, str.format and f-strings with format specs.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


def run(n):
    parts = []
    for i in range(n):
        parts.append(f"{i:05d}:{i * 0.25:.2f}:{'odd' if i & 1 else 'even'}")
    text = ";".join(parts)
    fields = text.split(";")
    total = 0
    for f in fields:
        idx, val, kind = f.split(":")
        total += int(idx) + len(kind) + int(float(val))
    s = ""
    for i in range(n // 4):
        s += "%d-%s," % (i, "x" * (i % 5))
    upper = s.upper().replace("X", "yz")
    pos = 0
    found = 0
    while True:
        pos = upper.find("yzyz", pos)
        if pos < 0:
            break
        found += 1
        pos += 1
    lines = []
    for i in range(n // 2):
        lines.append("{:>8}|{:<6}|{:^7}".format(i, hex(i), str(i)[::-1]))
    report = "\n".join(lines)
    digest = 0
    for ch in report[::97]:
        digest = (digest * 131 + ord(ch)) % 1000000007
    return len(text), total, len(s), found, len(report), digest


print("checksum", *run(max(4, int(700000 * SCALE))))
