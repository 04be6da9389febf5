# Messages of common runtime errors raised by the interpreter itself (must match CPython's wording).
cases = [
    "undefined_name", "1 + 'a'", "'a' + 1", "[] + ()", "len(5)", "None.attr", "(1).attr", "[].nope", "{}['k']",
    "[][0]", "()[0]", "''[0]", "int('x')", "1 / 0", "1 // 0", "1 % 0", "1.0 / 0", "float('x')", "[].pop()",
    "{}.pop(1)", "set().pop()", "iter(5)", "next(iter([]))", "f = 5; f()", "f = 's'; f()", "a, b = 1, 2, 3", "a, b = [1]",
    "import nonexistent_mod", "from sys import nonexistent_name", "int.nope", "object().__dict__", "hash([])",
    "{[]: 1}", "1 < 'a'", "-'a'", "~1.5", "abs('a')", "'%d' % 'a'", "'{}'.format", "chr(-1)", "ord('ab')",
    "range(1, 2, 0)", "[1, 2].index(3)", "(1).__add__()", "sum(['a'])", "max()", "min([])", "sorted([1, 'a'])",
    "list(1)", "dict([1])", "type('X', (1,), {})", "getattr(1, 'x')", "int(None)", "'abc'.decode()",
    "b'a' + 'a'", "[1][1:2:0]", "divmod(1, 0)", "pow(0, -1)", "round('x')", "(lambda: 0)(1)", "(lambda x: 0)()",
    "print(end=1)", "isinstance(1, 1)", "issubclass(1, int)", "super()", "object.__new__(1)", "bytes(-1)",
    "bytearray(b'a').pop(3)", "memoryview(1)", "frozenset(1)", "complex('x')", "zip(1)", "enumerate(1)", "map(1)",
    "reversed(1)", "vars(1)", "dir(1, 2)", "open()", "eval(1)", "compile(1, 'f', 'exec')", "format(1, 'q')",
    "'x' * 1.5", "[1] * 'a'", "1 .real = 2", "del [].append", "globals()[1]", "__import__(1)", "slice()",
]
for src in cases:
    try:
        exec(src, {})
        print(src, '-> no error')
    except BaseException as e:
        print(src, '->', type(e).__name__ + ':', e)
