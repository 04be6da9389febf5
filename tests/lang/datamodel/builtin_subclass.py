# Subclassing builtins: list, dict, int, str, exceptions; overridden methods and implicit calls.
class MyList(list):
    def __getitem__(self, i):
        return ('mine', super().__getitem__(i))
ml = MyList([1, 2, 3])
print(ml[0], list(ml), len(ml), ml + [4], type(ml + [4]).__name__, type(ml[:1]).__name__ if False else '', sorted(ml))
class MyDict(dict):
    def __getitem__(self, k):
        return 'custom ' + str(k)
md = MyDict(a=1)
print(md['a'], md.get('a'), dict(md), list(md.items()), '{a}'.format_map(md))
class Pos(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError('negative')
        return super().__new__(cls, v)
    def __add__(self, o):
        return Pos(int(self) + int(o))
print(Pos(3) + 4, type(Pos(3) + 4).__name__, type(Pos(3) * 2).__name__, Pos(5) == 5, hash(Pos(5)) == hash(5))
try:
    Pos(-1)
except ValueError as e:
    print('ValueError', e)
class Loud(str):
    def upper(self):
        return 'LOUD ' + super().upper()
print(Loud('x').upper(), Loud('ab') * 2, type(Loud('ab') * 2).__name__, Loud('q') == 'q', isinstance(Loud(''), str))
class Stack(list):
    push = list.append
    def peek(self): return self[-1]
s = Stack(); s.push(1); s.push(2); print(s.peek(), s.pop(), s)
class Attr(list): pass
a = Attr(); a.extra = 'has dict'; print(a.extra, a)
class FloatSub(float):
    def __repr__(self): return f'FloatSub({float(self)})'
print(repr(FloatSub(1.5)), FloatSub(1.5) + 1, str(FloatSub(2.5)))
class SetSub(set): pass
print(sorted(SetSub([3, 1])), type(SetSub([1]) | {2}).__name__)
class TupleSub(tuple):
    def __len__(self): return 99
print(len(TupleSub((1,))), list(TupleSub((1, 2))))
class BytesSub(bytes): pass
print(BytesSub(b'ab'), BytesSub(b'x') + b'y', type(BytesSub(b'a')).__name__)
