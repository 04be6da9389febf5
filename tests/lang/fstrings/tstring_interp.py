# Template strings: interpolations keep values (not strings), evaluation order, conversions, nested templates.
from string.templatelib import Template, Interpolation
order = []
def v(x):
    order.append(x)
    return x
t = t'{v(1)}-{v("two")}-{v([3])}'
print(order, t.values, [type(x).__name__ for x in t.values])
inner = t'inner {v(4)}'
outer = t'outer {inner}'
print(type(outer.values[0]).__name__, outer.values[0].values)
obj = object()
t2 = t'{obj}'
print(t2.values[0] is obj)
x = 5
t3 = t'{x!r} {x!s} {x!a} {x:>4} {x!r:>4} {x=}'
for i in t3.interpolations:
    print(repr(i.expression), repr(i.conversion), repr(i.format_spec))
print(t3.strings)
print(Interpolation(1, 'expr').conversion, Interpolation(1, 'expr').format_spec)
for bad in [(1, 'e', 'q'), (1, 5)]:
    try:
        Interpolation(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(Template().strings, Template('a', 'b', 'c').strings, Template(Interpolation(1, 'a'), Interpolation(2, 'b')).strings)
try:
    Template(5)
except TypeError as e:
    print('TypeError', e)
print(t'a' == t'a', t'{x}' == t'{x}')
m = t'{x}'
match m:
    case Template():
        print('matched Template')
i = m.interpolations[0]
match i:
    case Interpolation(value, expression, conversion, format_spec):
        print('Interpolation pattern', value, expression, conversion, repr(format_spec))
