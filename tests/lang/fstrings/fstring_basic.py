# f-strings: expressions, conversions, format specs, nested fields, '=' debugging.
name, n, pi = 'World', 42, 3.14159265
print(f'Hello {name}!', f'{n + 1}', f'{name!r}', f'{name!s}', f'{"é"!a}', f'{n!r:>6}')
print(f'{pi:.3f}|{pi:10.2f}|{pi:<10.1f}|{pi:^10.4}|{pi:+.2e}|{n:08b}|{n:#x}|{n:#o}|{n:,}|{10**7:_}')
print(f'{n=}', f'{pi = :.2f}', f'{name=!s}', f'{n + 1 = }', f'{ name = }')
width, prec = 12, 3
print(f'{pi:{width}.{prec}f}|', f'{name:{"*"}^{width}}', f'{n:{"x"}}')
print(f'{{literal braces}}', f'{{{n}}}', f'{"nested " + f"{n}"}', f'{[1, 2][0]}', f'{ {"a": 1}["a"] }')
print(f'{3.0:g} {1e20:g} {0.00001:g} {123456789:e} {0.5:%} {1/3:.2%}')
print(f'{"left":<8}|{"right":>8}|{"mid":^9}|{"fill":_^10}|')
print(f'{-5:=+6}|{5: }|{-5: }|{5:+}|{1234567.891:,.2f}')
print(f'{True!r} {None} {b"x"} {(1, 2)} {[n for n in range(3)]}')
print(f'''multi
{name}''', f'{name}' f'{n}', 'plain' f'{n}')
print(f'{"quote\'s"}', f"{'double'}", f'{name.upper()}', f'{len(name)}', f'{name[1:3]}')
x = 7
print(f'{x if x > 5 else 0}', f'{(lambda: "lam")()}', f'{x:{">" if x else "<"}5}')
print(f'{n!r:^{width}}|', f'{3:03}', f'{-3:03}', f'{"abc":.2}', f'{12:c}')
for spec in ['d', 'q', '.2d', ',s', 'z']:
    try:
        print(spec, f'{n:{spec}}')
    except ValueError as e:
        print(spec, 'ValueError', e)
try:
    f'{undefined_in_fstring}'
except NameError as e:
    print('NameError', e)
print(f'{"\n".join(["a", "b"])}', f'{"\t"!r}')
print(f"{f'{f"{x}"}'}", f'{x:}', f'{x!r:}')
