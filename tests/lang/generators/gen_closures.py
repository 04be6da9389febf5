# Generators closing over variables, generators in classes, generator-based iterators (__iter__ yields).
def make(n):
    def gen():
        for i in range(n):
            yield i * step
    step = 10
    return gen
print(list(make(3)()))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), sum(t), 3 in t, max(t))
class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __reversed__(self):
        i = self.n
        while i:
            i -= 1
            yield i
r = Range2(4)
print(list(r), list(reversed(r)), [x * y for x in r for y in r if x == y])
def shared_state():
    data = []
    def producer():
        for c in 'abc':
            data.append(c)
            yield len(data)
    return producer, data
p, d = shared_state()
print(list(p()), d)
def gen_default(x=[]):
    x.append(len(x))
    yield list(x)
print(next(gen_default()), next(gen_default()))
