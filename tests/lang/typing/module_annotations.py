# Module-level annotations and annotations in function bodies (never stored), with conditional blocks.
import sys
a: int = 1
b: 'later'
if True:
    c: float = 2.0
mod = sys.modules[__name__]
print(mod.__annotations__)
print(type(mod.__annotate__).__name__)
def body():
    local: int = 3
    unassigned: str
    return locals()
print(body())
class K:
    attr: int
    def m(self):
        self.inst: str = 'x'
        return self.inst
print(K.__annotations__, K().m())
lst = [0]
lst[0]: int = 9
print(lst)
class O: pass
o = O()
o.attr: int = 4
print(o.attr)
