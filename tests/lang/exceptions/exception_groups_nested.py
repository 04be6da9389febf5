# Nested exception groups with except*: leaf matching across levels, tracebacks preserved, empty results.
def make():
    return ExceptionGroup('top', [
        ValueError('v1'),
        ExceptionGroup('mid', [TypeError('t1'), ValueError('v2'), ExceptionGroup('low', [KeyError('k')])]),
        OSError('o'),
    ])
def leaves(eg):
    if isinstance(eg, BaseExceptionGroup):
        out = []
        for e in eg.exceptions:
            out.extend(leaves(e))
        return out
    return [repr(eg)]
try:
    raise make()
except* ValueError as e:
    print('ValueError part:', leaves(e), e.message)
except* (TypeError, KeyError) as e:
    print('Type/Key part:', leaves(e), [x.message for x in e.exceptions if isinstance(x, BaseExceptionGroup)])
except* OSError as e:
    print('OSError part:', leaves(e))
eg = make()
v, rest = eg.split(ValueError)
print(leaves(v), leaves(rest))
print(eg.split(ZeroDivisionError))
print(eg.subgroup(lambda e: isinstance(e, BaseExceptionGroup) and e.message == 'low'))
flat = ExceptionGroup('flat', [ValueError(i) for i in range(5)])
odd, even = flat.split(lambda e: not isinstance(e, BaseExceptionGroup) and e.args[0] % 2 == 1)
print(leaves(odd), leaves(even))
class E1(Exception): pass
try:
    try:
        raise ExceptionGroup('g', [E1('x')])
    except* E1 as caught:
        raise caught.exceptions[0]
except E1 as direct:
    print('re-raised leaf directly', direct)
