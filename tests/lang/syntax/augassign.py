# Augmented assignment on names, attributes, subscripts; evaluation order.
x = 5
x += 3; x -= 1; x *= 2; x //= 3; x %= 3; x **= 5; x <<= 2; x >>= 1; x |= 64; x &= 0xF0; x ^= 1
print(x)
f = 7.0; f /= 2; f **= 2; f -= 0.25
print(f)
class O:
    pass
o = O(); o.v = [1]
o.v += [2]; o.v *= 2; print(o.v)
d = {'k': 1}; d['k'] += 10; print(d)
order = []
def obj():
    order.append('obj'); return d
def key():
    order.append('key'); return 'k'
obj()[key()] += 1
print(order, d)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print('TypeError', e)
print(t)
s = 'a'; s += 'b'; s *= 3; print(s)
l = [1]; alias = l; l += [2]; print(alias, alias is l)
tu = (1,); alias2 = tu; tu += (2,); print(alias2, tu)
try:
    undefined_name += 1
except NameError as e:
    print('NameError', e)
