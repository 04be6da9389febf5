# Unusual but valid code: shadowed builtins, odd names, huge functions built by exec, deeply nested functions and classes.
def __(): return '__'
_ = __()
print(_, __(), (lambda _: _)(1))
class int_(int): pass
print(int_(5) + 1, type(int_(5)).__name__)
src = 'def big(x):\n' + ''.join(f'    x = x + {i}\n' for i in range(3000)) + '    return x\n'
ns = {}
exec(src, ns)
print(ns['big'](0))
src = 'def many():\n' + ''.join(f'    v{i} = {i}\n' for i in range(2000)) + '    return ' + ' + '.join(f'v{i}' for i in range(0, 2000, 100)) + '\n'
exec(src, ns)
print(ns['many']())
nested = 'x = 0\n'
for depth in range(50):
    nested += '    ' * depth + f'def f{depth}():\n'
nested += '    ' * 50 + 'return "deep"\n'
nested += ''.join('    ' * (49 - d) + f'return f{49 - d}()\n' for d in range(49))
exec(nested, ns)
print(ns['f0']())
args = ', '.join(f'a{i}' for i in range(255))
exec(f'def wide({args}):\n    return a254\n', ns)
print(ns['wide'](*range(255)))
exec('class C:\n' + ''.join(f'    m{i} = {i}\n' for i in range(1000)), ns)
print(ns['C'].m999)
big_literal = '{' + ', '.join(f'"k{i}": {i}' for i in range(5000)) + '}'
print(len(eval(big_literal)))
print(eval('1' + ' + 1' * 3000))
print(eval('(' + ' if True else '.join(['1'] * 500) + ')'))
