# Generator introspection: gi_frame locals, gi_code, gi_yieldfrom, running state.
def g(a):
    b = a * 2
    yield b
    c = b + 1
    yield c
it = g(5)
print(it.gi_code.co_name, it.gi_running, it.gi_yieldfrom)
next(it)
print(sorted(it.gi_frame.f_locals.items()))
next(it)
print(sorted(it.gi_frame.f_locals.items()))
def sub():
    yield 1
    yield 2
def deleg():
    yield from sub()
d = deleg(); next(d)
print(d.gi_yieldfrom.__name__)
def running():
    yield gen_self.gi_running
gen_self = running()
print(next(gen_self))
print(g.__code__.co_flags & 0x20 != 0, sub.__code__.co_flags & 0x20 != 0, len.__name__)
import sys
def frames():
    yield sys._getframe().f_code.co_name
print(next(frames()))
