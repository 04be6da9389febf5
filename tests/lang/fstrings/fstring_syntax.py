# f-string syntax errors and edge cases compiled at runtime.
for src in ["f'{}'", "f'{x!z}'", "f'{x'", "f'}'", "f'{'", "f'{x!}'", "f'{x=!r:>5}'", "f'{1:{2:{3:{4}}}}'",
            "f'{a b}'", "f'{yield}'", "f'{*x}'", "f'{x:{y}}'", "f'{lambda x: 1}'", "f'{(lambda x: 1)}'", "f'{#}'",
            "f'{x!r=}'", "f'{ = }'"]:
    try:
        compile(src, 's', 'eval')
        print('ok     ', src)
    except SyntaxError as e:
        print('SyntaxError', src, '->', e.msg)
x, y = 5, '>8'
print(f'{x:{y}}|', f'{x!r:{y}}|', f'{x=:{y}}|')
print(f'{x:{{}}>5}' if False else 'skip')
class F:
    def __format__(self, spec):
        return f'F<{spec}>'
print(f'{F()}', f'{F():abc}', f'{F():{x}}', format(F(), 'zz'), '{:q}'.format(F()))
class R:
    def __repr__(self): return 'R-repr'
    def __str__(self): return 'R-str'
print(f'{R()}', f'{R()!r}', f'{R()!s}', f'{R()=}', f'{R()!a}')
class BadFmt:
    def __format__(self, spec):
        return 42
try:
    f'{BadFmt()}'
except TypeError as e:
    print('TypeError', e)
print(f'{"a" "b"}', f'{x}{x}{x}', f'{x}' * 2, len(f'{"":>100}'))
