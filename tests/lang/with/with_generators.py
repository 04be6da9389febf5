# Hand-written context-manager classes wrapping generators (contextlib is stdlib).
class gencm:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError('generator did not stop')
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")
def managed(name):
    print('setup', name)
    try:
        yield name + '!'
    except LookupError as e:
        print('handled in generator', type(e).__name__)
    finally:
        print('teardown', name)
with gencm(managed('a')) as v:
    print('using', v)
with gencm(managed('b')):
    raise KeyError('k')
print('after b')
try:
    with gencm(managed('c')):
        raise ValueError('v')
except ValueError as e:
    print('escaped', e)
def stateful():
    state = {'depth': 0}
    class Nest:
        def __enter__(self):
            state['depth'] += 1
            return state['depth']
        def __exit__(self, *a):
            state['depth'] -= 1
    return Nest
N = stateful()
with N() as d1:
    with N() as d2:
        with N() as d3:
            print(d1, d2, d3)
with N() as again:
    print(again)
