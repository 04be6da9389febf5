# Assignment expressions: in conditions, comprehensions (binding to the enclosing scope), errors.
if (n := 10) > 5:
    print('n is', n)
data = [1, 2, 3, 4]
print([y for x in data if (y := x * 2) > 4], y)
print([last := v for v in 'abc'], last)
i = 0
while (i := i + 1) < 4:
    print('loop', i)
def f():
    [(z := k) for k in range(3)]
    return z
print(f())
print((a := 5, a + 1), a)
total = 0
print([total := total + v for v in range(5)], total)
def g():
    vals = []
    return [vals.append(q) or q for _ in range(2) if (q := len(vals)) >= 0], vals
print(g())
for src in ["[i := 0 for i in range(3)]", "(a.b := 1)", "x := 5", "[y for y in range(2) if (y := 1)]", "def f(x=(y:=1)): pass"]:
    try:
        compile(src, 's', 'exec')
        print('compiles', src)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
class C:
    vals = [(w := 7)]
print(C.w, C.vals)
print((lambda: (m := 3) + m)())
print(f'{(x:=42)}', x)
