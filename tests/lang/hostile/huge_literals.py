# Huge literals and values: long strings, big ints (and the str-conversion limit), big containers.
s = eval("'" + 'a' * 1000000 + "'")
print(len(s), s[:3], s[-3:])
b = eval('b"' + 'z' * 500000 + '"')
print(len(b))
n = eval('1' * 4300)
print(n % 1000, n.bit_length())
try:
    eval('1' * 4301)
except (ValueError, SyntaxError) as e:
    print(type(e).__name__, e)
big = 7 ** 50000
print(big.bit_length(), big % 10 ** 9)
try:
    str(big)
except ValueError as e:
    print('ValueError', e)
print(len(hex(big)), hex(big)[:10])
import sys
sys.set_int_max_str_digits(0)
print(len(str(big)))
sys.set_int_max_str_digits(4300)
lst = eval('[' + ','.join(['0'] * 100000) + ']')
print(len(lst), sum(lst))
d = eval('{' + ','.join(f'{i}: {i}' for i in range(20000)) + '}')
print(len(d), d[19999])
t = eval('(' + ','.join(['1'] * 50000) + ',)')
print(len(t))
src = '\n'.join(f'v{i} = {i}' for i in range(20000)) + '\nprint(v19999)'
exec(src, {})
f = eval('"' + '\\x41' * 100000 + '"')
print(len(f), f[:5])
print(len('x' * 10 ** 7), len([None] * 10 ** 6))
fs = eval('f"' + '{1}' * 10000 + '"')
print(len(fs))
