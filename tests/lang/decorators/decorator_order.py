# Decorator evaluation order: decorator expressions evaluated top-down, applied bottom-up; class and function forms.
log = []
def mk(name):
    log.append('eval ' + name)
    def d(obj):
        log.append('apply ' + name)
        return obj
    return d
@mk('a')
@mk('b')
@mk('c')
def f(): pass
print(log)
log.clear()
@mk('class1')
@mk('class2')
class K:
    log.append('class body')
print(log)
log.clear()
def default():
    log.append('default evaluated')
    return 1
@mk('with-default')
def g(x=default()): pass
print(log)
decorators = {'x': mk('from dict')}
log.clear()
@decorators['x']
def h(): pass
@(lambda fn: fn)
def i(): pass
print(log, i.__name__)
class Namespace:
    class deco:
        @staticmethod
        def wrap(fn):
            fn.wrapped = True
            return fn
@Namespace.deco.wrap
def j(): pass
print(j.wrapped)
