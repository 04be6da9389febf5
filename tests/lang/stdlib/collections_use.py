# needs: collections
# Language features used through collections: namedtuple classes, deque, Counter ordering, OrderedDict, defaultdict.
from collections import namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap
P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p._asdict(), p._replace(x=5), P._fields, isinstance(p, tuple))
d = deque([1, 2, 3], maxlen=3); d.append(4); d.appendleft(0); print(d, d.maxlen)
c = Counter('abracadabra'); print(c.most_common(2), sorted(c.items()))
od = OrderedDict(a=1, b=2); od.move_to_end('a'); print(list(od))
dd = defaultdict(list); dd['k'].append(1); print(dict(dd))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm))
match p:
    case P(x=1, y=yy):
        print('matched namedtuple', yy)
