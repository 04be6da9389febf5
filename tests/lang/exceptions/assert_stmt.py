# assert: messages, evaluation, AssertionError attributes; the message is only evaluated on failure.
calls = []
def msg():
    calls.append('msg')
    return 'message'
assert True, msg()
print(calls)
try:
    assert 1 == 2, msg()
except AssertionError as e:
    print('AssertionError', e, e.args, calls)
try:
    assert []
except AssertionError as e:
    print('no message', repr(e), e.args)
try:
    assert False, ('tuple', 1)
except AssertionError as e:
    print(e.args)
try:
    assert 0, None
except AssertionError as e:
    print(e.args)
def check(x):
    assert isinstance(x, int), f'expected int, got {type(x).__name__}'
    return x
for v in [1, 'a', 2.0]:
    try:
        print(check(v))
    except AssertionError as e:
        print('AssertionError', e)
import sys
print(sys.flags.optimize, __debug__)
AssertionError_saved = AssertionError
try:
    assert False
except AssertionError_saved:
    print('caught via alias')
