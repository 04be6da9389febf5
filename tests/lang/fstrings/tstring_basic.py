# Template strings (PEP 750): structure of Template and Interpolation.
from string.templatelib import Template, Interpolation
name, n = 'World', 42
t = t'Hello {name}! n={n!r:>5} {n + 1 = }'
print(type(t).__name__, t.strings)
for i in t.interpolations:
    print(type(i).__name__, repr(i.value), repr(i.expression), repr(i.conversion), repr(i.format_spec))
print(t.values)
print(list(t)[0], [type(p).__name__ for p in t])
empty = t''
print(empty.strings, empty.interpolations, list(empty))
adj = t'{1}{2}'
print(adj.strings, adj.values)
spec = 6
t2 = t'{n:>{spec}}'
print(t2.interpolations[0].format_spec)
def render(tmpl):
    out = []
    for part in tmpl:
        if isinstance(part, str):
            out.append(part)
        else:
            v = part.value
            if part.conversion == 'r':
                v = repr(v)
            elif part.conversion == 's':
                v = str(v)
            elif part.conversion == 'a':
                v = ascii(v)
            out.append(format(v, part.format_spec))
    return ''.join(out)
print(render(t), '|', render(t2))
combined = t'a{1}' + t'b{2}'
print(combined.strings, combined.values)
try:
    t'x' + 'y'
except TypeError as e:
    print('TypeError', e)
try:
    'y' + t'x'
except TypeError as e:
    print('TypeError', e)
i = Interpolation(5, 'five', 'r', '>3')
print(i.value, i.expression, i.conversion, i.format_spec)
built = Template('start ', i, ' end')
print(built.strings, built.values, render(built))
print(Template('a', 'b').strings, Template(Interpolation(1, 'x')).strings)
print(repr(t''), repr(t'{1}'))
try:
    str(t'x')
    print('str works:', str(t'x{1}'))
except TypeError as e:
    print('TypeError', e)
