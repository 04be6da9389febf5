# gen.py SEED -- print a random Python program (deterministic by seed) over ints, strs and lists.
# Every statement runs inside try/except and prints its result or its error, so the program's
# output compares interpreters statement by statement. Receivers of calls and subscripts go
# through _v() so no literal draws a compile-time SyntaxWarning; hash() and `is` are left out
# (string hashes are randomized, identity of equal ints is an implementation detail); `~` goes
# through _n() since ~bool draws a DeprecationWarning; _s() drops the
# addresses from reprs like <enumerate object at 0x...>. Values are kept small (_cap) so no seed
# can exhaust memory or time. Uses its own generator of random numbers: no standard library.
import sys


class Rng:
    """xorshift64*: small, fast, the same on every interpreter."""

    def __init__(self, seed):
        self.state = (seed * 0x9E3779B97F4A7C15 + 1) & 0xFFFFFFFFFFFFFFFF or 1

    def next(self):
        x = self.state
        x ^= (x >> 12)
        x ^= (x << 25) & 0xFFFFFFFFFFFFFFFF
        x ^= (x >> 27)
        self.state = x
        return (x * 0x2545F4914F6CDD1D) & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        return self.next() % n

    def pick(self, seq):
        return seq[self.below(len(seq))]

    def chance(self, percent):
        return self.below(100) < percent


VARS = ["a", "b", "c", "s", "t", "xs", "ys"]
INTS = ["0", "1", "-1", "2", "3", "7", "-13", "255", "10**20", "-(2**64)", "True", "False"]
STRS = ["''", "'a'", "'abc'", "'Hello'", "'x y z'", "'123'", "'ä€'", "'  pad '", "'a,b,,c'"]
BINOPS = ["+", "-", "*", "//", "%", "/", "&", "|", "^", "<<", ">>", "**"]
CMPOPS = ["<", "<=", "==", "!=", ">", ">=", "in", "not in"]
STR_METHODS = [("upper", 0), ("lower", 0), ("strip", 0), ("split", 0), ("split", 1), ("replace", 2),
               ("find", 1), ("count", 1), ("startswith", 1), ("join", 1), ("center", 1),
               ("zfill", 1), ("isdigit", 0), ("title", 0), ("partition", 1), ("index", 1)]
LIST_METHODS = [("index", 1), ("count", 1), ("copy", 0)]
BUILTINS = [("len", 1), ("abs", 1), ("repr", 1), ("str", 1), ("int", 1), ("bool", 1), ("sorted", 1),
            ("min", 1), ("max", 1), ("sum", 1), ("list", 1), ("tuple", 1), ("divmod", 2),
            ("pow", 2), ("round", 1), ("reversed", 1), ("chr", 1), ("ord", 1),
            ("hex", 1), ("bin", 1), ("ascii", 1), ("format", 2), ("isinstance", 2), ("any", 1),
            ("all", 1), ("enumerate", 1), ("zip", 2), ("range", 1)]


class Gen:
    def __init__(self, seed):
        self.r = Rng(seed)
        self.lines = []
        self.indent = 0
        self.nfunc = 0

    def emit(self, line):
        self.lines.append("    " * self.indent + line)

    def atom(self):
        r = self.r
        k = r.below(6)
        if k == 0:
            return r.pick(INTS)
        if k == 1:
            return r.pick(STRS)
        if k == 2:
            return "[" + ", ".join(r.pick(INTS + STRS) for _ in range(r.below(4))) + "]"
        return r.pick(VARS)

    def expr(self, depth=0):
        r = self.r
        if depth > 3 or r.chance(30):
            return self.atom()
        k = r.below(14)
        e = lambda: self.expr(depth + 1)
        if k <= 3:
            op = r.pick(BINOPS)
            if op == "**":
                return f"({e()} ** ({e()} % 5))"
            if op in ("<<", ">>"):
                return f"({e()} {op} ({e()} % 40))"
            return f"({e()} {op} {e()})"
        if k == 4:
            return f"({e()} {r.pick(CMPOPS)} {e()})"
        if k == 5:
            return f"({e()} {r.pick(['and', 'or'])} {e()})"
        if k == 6:
            op = r.pick(['not ', '-', '~', '+'])
            return f"(~_n({e()}))" if op == '~' else f"({op}{e()})"
        if k == 7:
            name, n = r.pick(BUILTINS)
            return f"{name}({', '.join(e() for _ in range(n))})"
        if k == 8:
            name, n = r.pick(STR_METHODS)
            return f"_v({e()}).{name}({', '.join(e() for _ in range(n))})"
        if k == 9:
            name, n = r.pick(LIST_METHODS)
            return f"{r.pick(['xs', 'ys'])}.{name}({', '.join(e() for _ in range(n))})"
        if k == 10:
            if r.chance(50):
                return f"_v({e()})[{e()}]"
            return f"_v({e()})[{r.pick(['', '1', '-2', 'a % 5'])}:{r.pick(['', '3', '-1'])}:{r.pick(['', '1', '2', '-1'])}]"
        if k == 11:
            return f"({e()} if {e()} else {e()})"
        if k == 12:
            v = r.pick(["i", "j"])
            return f"[{v} {r.pick(['*', '+', '%'])} {e()} for {v} in {e()} if {v}]"
        return f"f'{{{e()}!r}}-{{{e()}:>{r.below(8)}}}'"

    def target(self):
        return self.r.pick(VARS)

    def stmt(self, depth=0):
        r = self.r
        k = r.below(12)
        if k <= 3:
            self.emit(f"{self.target()} = _cap({self.expr()})")
        elif k == 4:
            self.emit(f"{self.target()} {r.pick(['+=', '-=', '*=', '//=', '%=', '|='])} {self.expr()}")
        elif k == 5:
            self.emit(f"print(_s({self.expr()}))")
        elif k == 6 and depth < 2:
            self.emit(f"if {self.expr()}:")
            self.block(depth)
            if r.chance(50):
                self.emit("else:")
                self.block(depth)
        elif k == 7 and depth < 2:
            v = r.pick(["i", "j"])
            self.emit(f"for {v} in list({self.expr()})[:5]:")
            self.block(depth)
        elif k == 8 and depth < 2:
            name = f"f{self.nfunc}"
            self.nfunc += 1
            self.emit(f"def {name}(a, b=3, *rest):")
            self.indent += 1
            self.stmt(depth + 1)
            self.emit(f"return {self.expr()}")
            self.indent -= 1
            self.emit(f"print(_s({name}({self.expr()})), _s({name}({self.expr()}, {self.expr()}, {self.expr()})))")
        elif k == 9:
            self.emit(f"{r.pick(['xs', 'ys'])}.{r.pick(['append', 'insert', 'remove'])}({self.expr()})" if r.chance(70)
                      else f"del {r.pick(['xs', 'ys'])}[{self.expr()}]")
        elif k == 10:
            self.emit(f"a, *b = {self.expr()}")
        else:
            self.emit(f"assert {self.expr()}, {self.expr()}")

    def block(self, depth):
        self.indent += 1
        for _ in range(1 + self.r.below(2)):
            self.stmt(depth + 1)
        self.indent -= 1

    def program(self, count):
        out = ["# generated by tests/lang/fuzz/gen.py",
               "def _v(v):",
               "    return v",
               "def _s(v):",
               "    r = v if isinstance(v, str) else repr(v)",
               "    while ' at 0x' in r:",
               "        i = j = r.index(' at 0x') + 6",
               "        while j < len(r) and r[j] in '0123456789abcdef':",
               "            j += 1",
               "        r = r[:i - 6] + r[j:]",
               "    return r",
               "def _n(v):",
               "    return int(v) if isinstance(v, bool) else v",
               "def _cap(v):",
               "    if isinstance(v, int) and not -10**40 < v < 10**40:",
               "        return v % 10**40",
               "    if isinstance(v, (str, list)) and len(v) > 60:",
               "        return v[:60]",
               "    return v",
               "a, b, c, s, t, xs, ys = 5, -3, 10**12, 'spam', 'eggs', [1, 2, 3], ['x', 'y']"]
        for n in range(count):
            self.lines = []
            self.indent = 1
            self.stmt()
            out.append("try:")
            out.extend(self.lines)
            out.append("except Exception as e:")
            out.append(f"    print({n}, type(e).__name__, _s(str(e)))")
            out.append("a, b, c, s, t = _cap(a), _cap(b), _cap(c), _cap(s), _cap(t)")
            out.append("xs, ys = _cap(xs) if isinstance(xs, list) else [xs], _cap(ys) if isinstance(ys, list) else [ys]")
        out.append("print('end', _s(a)[:80], _s(b)[:80], _s(s)[:80], len(xs), len(ys))")
        return "\n".join(out) + "\n"


print(Gen(int(sys.argv[1])).program(80), end="")
