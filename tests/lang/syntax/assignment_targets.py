# Assignment forms: chained, tuple, nested, attribute, subscript, starred, evaluation order.
a = b = c = [0]
a.append(1); print(a, b, c, a is c)
x, y = 1, 2; x, y = y, x; print(x, y)
(p, q), [r, s] = (1, 2), 'ab'; print(p, q, r, s)
first, *mid, last = range(6); print(first, mid, last)
*init, tail = 'xyz'; print(init, tail)
head, *rest = [1]; print(head, rest)
class O: pass
o = O(); o.a, o.b = 3, 4; print(o.a, o.b)
lst = [0, 0, 0]; lst[0], lst[2] = 'a', 'c'; print(lst)
i = 0; lst2 = [10, 20, 30]
i, lst2[i] = 2, 'X'; print(i, lst2)
d = {}; d['x'] = d['y'] = 5; print(d)
for expr in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, b = 1", "*a, b, c = [1]", "a, = []"]:
    try:
        exec(expr, {})
        print('ok', expr)
    except Exception as e:
        print(expr, type(e).__name__, e)
order = []
class Rec:
    def __setitem__(self, k, v):
        order.append(('set', k, v))
def val(n):
    order.append(('val', n)); return n
rec = Rec()
rec[val('k1')], rec[val('k2')] = val(1), val(2)
print(order)
[e1, e2] = (i * 2 for i in range(2)); print(e1, e2)
x = y = z = 'same'; print(x is y is z)
big, = [42]; print(big)
m = [[1, 2], [3, 4]]; m[1][0] = 9; print(m)
