# f-strings nested in f-strings (PEP 701 allows reusing quotes), backslashes and comments in replacement fields.
names = ['a', 'b']
print(f"{", ".join(f"<{n}>" for n in names)}")
print(f'{f'{f'{f'{1 + 1}'}'}'}')
print(f'{'\n'.join(names)}')
print(f'{names[0]!r:{'>'}{5}}')
x = 3
print(f'''{
    x   # a comment inside a multi-line replacement field
    + 1
}''')
print(f'{x:{x}}|{x:0{x}d}|{x:{"^"}{x * 3}}|')
d = {'key': 'value'}
print(f'{d["key"]}', f"{d['key']}", f'{d.get("missing", "dflt")}')
print(f'{"{"}{"}"}', f'{{}}', f'{{{x}}}', f'{ {x} }', f'{ {"k": x}["k"] }')
print(f'{(lambda y: y * 2)(x)}', f'{[i for i in range(x)]}', f'{x if x > 2 else "small"}')
print(f'{x!r}{x!s}{x!a}', f'{"é"!a}', f'{"tab\t"!r}')
print(f'{3.14159:.{x}f}', f'{"s":{"*"}^{2 * x}}', f'{12345:{","}}')
print(f'{x=}', f'{x = }', f'{x=:>5}', f'{names[1]=}', f'{len(names)=}', f'{x+1=!r}')
print(f'{"multi" \
}' if False else 'line continuation skipped')
print(F'upper prefix {x}', rf'raw \n {x}', fR'{x} raw \t', Rf'\{x}')
