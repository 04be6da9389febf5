# Docstrings on modules/functions/classes and constant folding visible through __doc__.
"""Module doc."""
def f():
    "func doc"
    return 1
def g():
    x = 1
    "not a doc"
class C:
    """class doc"""
    def m(self):
        """method doc"""
print(__doc__, f.__doc__, g.__doc__, C.__doc__, C.m.__doc__, C().m.__doc__)
def h():
    pass
print(h.__doc__, (lambda: 'x').__doc__)
def fdoc():
    f"""not a doc {1}"""
print(fdoc.__doc__)
f.__doc__ = 'changed'; print(f.__doc__)
