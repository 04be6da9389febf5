# sets of ints (their iteration order is deterministic for small ints), frozensets, errors.
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s, 9 in s)
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {3} < b, a.isdisjoint({9}))
print(sorted(a.union([7])), sorted(a.intersection(b, {4})), sorted(a.difference(b)), a.issuperset({1}))
f = frozenset([1, 2]); print(sorted(f), hash(f) == hash(frozenset([2, 1])), f | {3} == {1, 2, 3}, type(f | {3}).__name__)
c = set(); c |= {1}; c &= {1, 2}; c -= {5}; c ^= {7}; print(sorted(c))
print(set(), set('aab') == {'a', 'b'}, {frozenset({1})}, len({1, 1.0, True}))
for expr in ["set().pop()", "{1}.remove(2)", "{[1]}", "{1} + {2}", "set(1)", "frozenset([[]])"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
print(sorted({x % 3 for x in range(10)}), {1, 2} == frozenset({1, 2}))
