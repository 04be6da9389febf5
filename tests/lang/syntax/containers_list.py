# list operations and errors.
a = [3, 1, 2]
a.append(5); a.insert(0, 9); a.extend((7, 8)); print(a)
print(a.pop(), a.pop(0), a, a.index(2), a.count(1), len(a))
a.remove(1); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
b = a.copy(); b[0] = 100; print(a, b)
a[1:3] = ['x', 'y', 'z']; print(a)
a[::2] = [0] * len(a[::2]); print(a)
del a[0]; del a[::2]; print(a)
a += [1]; a *= 2; print(a, [1, 2] + [3], [0] * 3, 2 * [None])
words = ['banana', 'Apple', 'cherry', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
m = [[0] * 2 for _ in range(2)]; m[0][0] = 1; print(m)
n = [[0] * 2] * 2; n[0][0] = 1; print(n)
print([1, [2, [3]]][1][1][0], list(range(5))[-2:], [1, 2, 3][::-1])
x = [1]; x.append(x); print(x)
for expr in ["[].pop()", "[1].index(2)", "[1].remove(5)", "[1, 2][5]", "[1][::0]", "[1, 'a'].sort()", "[0] * 'a'", "list(5)"]:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
c = [1, 2, 3]
try:
    c[0:2:1] = [9]
except Exception as e:
    print(type(e).__name__, e)
try:
    c[::2] = [1, 2, 3]
except Exception as e:
    print(type(e).__name__, e)
c.clear(); print(c, [] == c, [1, 2] == [1, 2], [1, 2] != [2, 1])
