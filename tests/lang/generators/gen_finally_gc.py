# Generator finalization: finally when a suspended generator is closed or collected.
import gc
def res(name):
    try:
        print(name, 'open')
        yield 1
        yield 2
    finally:
        print(name, 'cleanup')
g = res('a'); next(g); del g; gc.collect()
print('after del a')
for v in res('b'):
    print('got', v)
    break
gc.collect()
print('after break b')
def gen_with_return():
    try:
        yield 1
        return 'r'
    finally:
        print('finally before return')
print(list(gen_with_return()))
g2 = res('c'); next(g2); g2.close(); print('closed c')
def nested_finally():
    try:
        try:
            yield 'x'
        finally:
            print('inner cleanup')
    finally:
        print('outer cleanup')
n = nested_finally(); next(n); n.close()
def raise_in_finally():
    try:
        yield 1
    finally:
        raise ValueError('from finally')
r = raise_in_finally(); next(r)
try:
    r.close()
except ValueError as e:
    print('ValueError', e)
