# ExceptionGroup / BaseExceptionGroup: construction, split, subgroup, derive, nesting, errors.
eg = ExceptionGroup('group', [ValueError('v1'), TypeError('t1'), ExceptionGroup('inner', [ValueError('v2'), KeyError('k')])])
print(repr(eg))
print(str(eg), eg.message, len(eg.exceptions), type(eg).__mro__[:3])
match_, rest = eg.split(ValueError)
print(repr(match_))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
print(repr(eg.split((TypeError, KeyError))[0]))
beg = BaseExceptionGroup('base', [KeyboardInterrupt()])
print(type(beg).__name__, repr(beg))
beg2 = BaseExceptionGroup('auto', [ValueError()])
print(type(beg2).__name__)
for args in [('m', []), ('m', [1]), ('m', ValueError()), (5, [ValueError()]), ('m',)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup('m', [KeyboardInterrupt()])
except TypeError as e:
    print('TypeError', e)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + '*', excs)
mg = MyGroup('mine', [ValueError(1), TypeError(2)])
m, r = mg.split(ValueError)
print(type(m).__name__, m.message, type(r).__name__, r.message)
eg.add_note('a note')
print(eg.__notes__, eg.split(TypeError)[0].__notes__)
same = eg.subgroup(lambda e: True)
print(same is eg)
print(eg.exceptions[2].exceptions[0], isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
