# Traceback and frame objects: tb_lineno, tb_frame, f_code names, f_back chain.
import sys
def a():
    b()
def b():
    c()
def c():
    raise ValueError('here')
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
        tb = tb.tb_next
    print(names)
def frames():
    f = sys._getframe()
    out = []
    while f is not None:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out
def caller():
    return frames()
print(caller())
f = sys._getframe()
print(f.f_code.co_name, f.f_globals is globals(), f.f_locals is globals() or f.f_locals == globals(), f.f_back)
print(type(f).__name__, type(f.f_code).__name__)
def lines():
    x = sys._getframe().f_lineno
    y = sys._getframe().f_lineno
    return y - x
print(lines())
try:
    sys._getframe(100)
except ValueError as e:
    print('ValueError', e)
co = a.__code__
print(co.co_name, co.co_filename.endswith('traceback_attrs.py'), co.co_argcount, co.co_nlocals, type(co.co_code).__name__)
