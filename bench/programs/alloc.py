# Object allocation: many short-lived small instances (plain classes, __slots__
# classes, tuples, small lists), a linked list built and walked, and dropping it.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next):
        self.value = value
        self.next = next


def run(n):
    acc = 0
    for i in range(n):
        p = Point(i, i + 1)
        s = Slotted(p.y, i)
        t = (s.a, s.b, p.x)
        acc += t[0] - t[2] + len([t, s])
    head = None
    for i in range(n // 2):
        head = Node(i, head)
    length = 0
    total = 0
    node = head
    while node is not None:
        length += 1
        total += node.value
        node = node.next
    keep = [Point(i, -i) for i in range(n // 4)]
    kept = sum(p.x + p.y + 1 for p in keep)
    return acc, length, total, kept


print("checksum", *run(max(10, int(1400000 * SCALE))))
