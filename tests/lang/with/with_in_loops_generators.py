# with inside loops, generators and comprehension-driven code: exits happen on break/continue/return/exception.
class CM:
    count = 0
    def __init__(self, tag): self.tag = tag
    def __enter__(self):
        CM.count += 1
        return self.tag
    def __exit__(self, et, *a):
        CM.count -= 1
        print('exit', self.tag, et.__name__ if et else '-')
for i in range(4):
    with CM(i) as t:
        if t == 1:
            continue
        if t == 3:
            break
print('open after loop:', CM.count)
def gen():
    for i in range(3):
        with CM(f'g{i}'):
            yield i
print(list(gen()), CM.count)
g = gen(); next(g); del g
print('open after generator dropped:', CM.count)
def find(items):
    for item in items:
        with CM(item):
            if item == 'target':
                return 'found'
    return 'missing'
print(find(['a', 'target', 'b']), CM.count)
try:
    for i in range(2):
        with CM(f'e{i}'):
            raise ValueError(i)
except ValueError as e:
    print('escaped', e, CM.count)
