# Conditional expressions, nesting, laziness, precedence.
def loud(v):
    print('eval', v); return v
print(loud('a') if True else loud('b'))
print(loud('a') if False else loud('b'))
x = 5
print('big' if x > 3 else 'small', 'pos' if x > 0 else 'neg' if x < 0 else 'zero')
print(1 + (2 if x else 3) * 4, (lambda: 1 if x else 2)())
print([('e' if i % 2 == 0 else 'o') for i in range(4)])
print(x if x > 10 else x * 2 if x > 4 else x * 3)
print((1, 2) if [] else ())
y = None
print(y.attr if y is not None else 'no attr')
print(not x if x else 'falsy')
