# __format__, __str__, __repr__, __bytes__: fallbacks and errors.
class Plain: pass
class OnlyRepr:
    def __repr__(self): return 'OnlyRepr!'
class OnlyStr:
    def __str__(self): return 'OnlyStr!'
class Fmt:
    def __format__(self, spec): return f'<{spec or "empty"}>'
print(str(OnlyRepr()), repr(OnlyRepr()), str(OnlyStr()), format(OnlyStr()), f'{OnlyRepr()}')
print(format(Fmt(), 'x'), f'{Fmt():y}', '{:z}'.format(Fmt()), format(Fmt()))
try:
    format(Plain(), 'x')
except TypeError as e:
    print('TypeError', e)
print(format(Plain(), '')[:8])
class BadRepr:
    def __repr__(self): return 5
class BadStr:
    def __str__(self): return None
for f, o in [(repr, BadRepr()), (str, BadStr()), (str, BadRepr())]:
    try:
        f(o)
    except TypeError as e:
        print('TypeError', e)
class By:
    def __bytes__(self): return b'bytes!'
print(bytes(By()))
class BadBy:
    def __bytes__(self): return 'str'
try:
    bytes(BadBy())
except TypeError as e:
    print('TypeError', e)
class StrSub(str):
    def __str__(self): return 'overridden'
print(str(StrSub('orig')), StrSub('orig') + '!', f'{StrSub("o")}', format(StrSub('o')))
class IntFmt(int):
    def __format__(self, spec): return 'IntFmt:' + spec
print(f'{IntFmt(5):d}', format(IntFmt(5), 'x'), str(IntFmt(5)), repr(IntFmt(5)))
class RecRepr:
    def __repr__(self): return 'R(' + repr([self]) + ')' if False else 'R'
lst = [1]; lst.append(lst); d = {}; d['self'] = d
print(repr(lst), repr(d), repr([RecRepr()]))
print(repr('quote\'s'), repr("dq\""), repr('both\'"'), repr('\x00\n\t\\é\u2028'), ascii('é\u2028'))
