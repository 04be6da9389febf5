# Template string syntax: prefixes, raw, triple quotes, nesting, errors.
from string.templatelib import Template
x = 3
print(rt'\n{x}'.strings, tr'{x}\t'.strings, T'{x}'.values, t'''multi
{x}'''.strings)
print(t'{x!s}'.interpolations[0].conversion, t'{x:{x}}'.interpolations[0].format_spec)
print(t'{ x = }'.strings, t'{x=}'.interpolations[0].expression)
for src in ["t'{}'", "t'{x!q}'", "bt'x'", "tf'x'", "ut'x'", "t'a' 'b'", "t'a' f'b'", "t'a' t'b'", "t'{x:{t\"y\"}}'"]:
    try:
        v = eval(src, {'x': 1})
        print('ok', src, type(v).__name__, v.strings)
    except SyntaxError as e:
        print('SyntaxError', src, e.msg)
    except Exception as e:
        print(type(e).__name__, src, e)
lazy_calls = []
def f():
    lazy_calls.append(1)
    return 'called'
tt = t'{f()} {f()}'
print(lazy_calls, tt.values)
print(isinstance(t'', Template), Template.__module__)
