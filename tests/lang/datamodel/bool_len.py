# Truth testing: __bool__ beats __len__, bad return types, default truthiness.
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): print('bool called'); return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self): print('len called'); return self.n
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(B(True)), bool(B(False)), bool(L(0)), bool(L(3)), bool(Both()), bool(object()))
if L(0):
    print('no')
else:
    print('empty L is falsy')
print(not B(False), B(True) and 'and-value', L(0) or 'or-value')
for bad in [B(1), B('yes'), B(None)]:
    try:
        bool(bad)
    except TypeError as e:
        print('TypeError', e)
class NegLen:
    def __len__(self): return -1
try:
    bool(NegLen())
except ValueError as e:
    print('ValueError', e)
class Raising:
    def __bool__(self): raise RuntimeError('no truth')
try:
    if Raising():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
try:
    while Raising():
        pass
except RuntimeError as e:
    print('RuntimeError in while', e)
print([x for x in [L(0), L(1), B(False)] if x].__len__())
class BoolSub(int):
    pass
print(bool(BoolSub(0)), bool(BoolSub(5)))
try:
    class MyBool(bool): pass
except TypeError as e:
    print('TypeError', e)
