# except*: splitting groups among handlers, re-raising the rest, naked exceptions, errors.
def show(e):
    return f'{type(e).__name__}({e.message!r}, {[type(x).__name__ for x in e.exceptions]})' if isinstance(e, BaseExceptionGroup) else repr(e)
try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as e:
    print('values:', show(e))
except* TypeError as e:
    print('types:', show(e))
except* LookupError as e:
    print('lookups:', show(e))
try:
    raise ValueError('naked')
except* ValueError as e:
    print('naked wrapped:', show(e), repr(e.exceptions[0]))
try:
    try:
        raise ExceptionGroup('eg', [ValueError(1), OSError(2)])
    except* ValueError:
        print('handled values')
except ExceptionGroup as rest:
    print('unhandled rest:', show(rest))
try:
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ValueError as e:
        raise KeyError('new in handler')
except BaseException as outer:
    print('outer:', show(outer), repr(outer.__context__)[:40])
try:
    try:
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except ExceptionGroup as outer:
    print('reraise:', show(outer))
for src in ["try:\n    pass\nexcept* (ValueError, ExceptionGroup):\n    pass", "try:\n    pass\nexcept*:\n    pass",
            "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass",
            "for x in y:\n    try:\n        pass\n    except* E:\n        break",
            "def f():\n    try:\n        pass\n    except* E:\n        return 1"]:
    try:
        compile(src, 's', 'exec')
        print('compiles')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
try:
    try:
        raise ExceptionGroup('eg', [ValueError(1)])
    except* ExceptionGroup:
        pass
except TypeError as e:
    print('TypeError', e)
def nothing_matched():
    try:
        raise ExceptionGroup('eg', [ZeroDivisionError()])
    except* KeyError:
        print('no')
    else:
        print('else not run')
try:
    nothing_matched()
except ExceptionGroup as e:
    print('propagates unchanged:', show(e))
try:
    raise ExceptionGroup('eg', [ValueError('x')])
except* ValueError:
    print('handled')
else:
    print('else skipped')
finally:
    print('finally runs')
