# Parser limits: nested parentheses (200 is the tokenizer's limit), long operator chains, deep blocks.
def attempt(label, src, mode='eval'):
    try:
        compile(src, '<hostile>', mode)
        print(label, 'compiles')
    except SyntaxError as e:
        print(label, 'SyntaxError', e.msg, e.lineno, e.offset)
    except (RecursionError, MemoryError) as e:
        print(label, type(e).__name__, e)
for n in [10, 199, 200, 201, 1000]:
    attempt(f'parens {n}', '(' * n + '1' + ')' * n)
    attempt(f'lists {n}', '[' * n + ']' * n)
    attempt(f'braces {n}', '{' * n + '}' * n if n < 50 else '{1:' * n + '1' + '}' * n)
attempt('unbalanced', '(' * 50)
attempt('close only', ')')
attempt('mismatch', '(]')
attempt('calls 150', 'f' + '(' * 150 + ')' * 150)
attempt('plus chain 10000', '+'.join(['1'] * 10000))
attempt('unary 1000', '-' * 1000 + '1')
attempt('unary 100000', '-' * 100000 + '1')
attempt('not chain', 'not ' * 1000 + 'x')
attempt('attr chain', 'a' + '.b' * 10000)
attempt('subscripts', 'a' + '[0]' * 5000)
attempt('lambda nest', 'lambda: ' * 500 + '0')
attempt('ternary nest', '1 if x else ' * 2000 + '0')
blocks = ''.join(' ' * i + 'if x:\n' for i in range(100)) + ' ' * 100 + 'pass\n'
attempt('indent 100', blocks, 'exec')
blocks = ''.join(' ' * i + 'if x:\n' for i in range(101)) + ' ' * 101 + 'pass\n'
attempt('indent 101', blocks, 'exec')
attempt('long name', 'x' * 100000 + ' = 1', 'exec')
attempt('many args', 'f(' + ', '.join(['a'] * 10000) + ')')
attempt('many params', 'def f(' + ', '.join(f'a{i}' for i in range(300)) + '): pass', 'exec')
attempt('many elifs', 'if x: pass\n' + 'elif x: pass\n' * 5000, 'exec')
print(eval('(' * 199 + '7' + ')' * 199))
print(eval('+'.join(['1'] * 5000)))
