# with looks up __enter__/__exit__ on the type; instance attributes do not count; exit arguments are the exception triple.
class Inst:
    pass
i = Inst()
i.__enter__ = lambda: 'instance enter'
i.__exit__ = lambda *a: None
try:
    with i:
        pass
except TypeError as e:
    print('TypeError', e)
class Later:
    pass
Later.__enter__ = lambda self: 'added to class'
Later.__exit__ = lambda self, *a: False
with Later() as v:
    print(v)
class Inspect:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print(et is type(ev), isinstance(ev, et), tb.tb_frame.f_code.co_name if tb else None)
        return True
def body():
    with Inspect():
        raise IndexError('x')
body()
class ExitReturnsNotBool:
    def __enter__(self): return None
    def __exit__(self, *a): return 0
try:
    with ExitReturnsNotBool():
        raise ValueError('falsy return does not suppress')
except ValueError as e:
    print('ValueError', e)
class EnterReturnsSelfless:
    def __enter__(self): pass
    def __exit__(self, *a): pass
with EnterReturnsSelfless() as nothing:
    print(nothing)
