/* embed_pyo3: a C program that embeds Python (linked -lpython3.15, PIE) and drives
 * carapace_pyo3_demo, an extension module written with PyO3 (src/lib.rs).
 *
 * Compiled against CPython 3.15's headers with Py_LIMITED_API=0x030f0000.
 *
 * usage: embed_pyo3 MODDIR
 *   MODDIR holds carapace_pyo3_demo.abi3.so (one PyO3 feature variant)
 *
 * Output, one line per check: "ok NAME: VALUE" or "FAIL NAME: got VALUE, expected
 * EXPECTED", where VALUE is the repr of a result or "!QualifiedTypeName: message" for
 * a raised exception, so two runtimes' outputs can be diffed.  Lines that legitimately
 * differ between the PyO3 feature variants start with "variant-specific: ".  The last
 * line is "N passed, M failed"; the exit status is 1 if anything failed.
 *
 * Rules (Carapace has no Python interpreter yet): no Python source is run, and only
 * sys and carapace_pyo3_demo are imported.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>

static int passed = 0, failed = 0;

static void report(const char *prefix, const char *name, int ok, const char *value, const char *expected)
{
    if (ok) {
        printf("%sok %s: %s\n", prefix, name, value);
        passed++;
    } else {
        printf("%sFAIL %s: got %s, expected %s\n", prefix, name, value, expected);
        failed++;
    }
    fflush(stdout);
}

static void check(const char *name, int ok, const char *detail)
{
    report("", name, ok, ok ? "yes" : detail, "yes");
}

/* copy a str object's UTF-8 into out (or a placeholder); does not steal */
static void str_utf8(PyObject *s, char *out, size_t cap)
{
    Py_ssize_t n = 0;
    const char *u = s ? PyUnicode_AsUTF8AndSize(s, &n) : NULL;
    if (u == NULL) {
        PyErr_Clear();
        snprintf(out, cap, "<not text>");
        return;
    }
    snprintf(out, cap, "%s", u);
}

/* "!QualifiedTypeName: message" for the pending exception (cleared) */
static void exc_text(char *out, size_t cap)
{
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) {
        snprintf(out, cap, "!<NULL without exception>");
        return;
    }
    PyObject *tname = PyType_GetFullyQualifiedName(Py_TYPE(exc));
    PyObject *msg = PyObject_Str(exc);
    char a[512], b[2048];
    str_utf8(tname, a, sizeof a);
    str_utf8(msg, b, sizeof b);
    /* PyO3 names the failing argument with BaseException.add_note(): show __notes__ */
    char notes[1024] = "";
    PyObject *n = PyObject_GetAttrString(exc, "__notes__");
    if (n == NULL) {
        PyErr_Clear();
    } else {
        PyObject *nr = PyObject_Repr(n);
        char c[1000];
        str_utf8(nr, c, sizeof c);
        snprintf(notes, sizeof notes, " (__notes__: %s)", c);
        Py_XDECREF(nr);
        Py_DECREF(n);
    }
    snprintf(out, cap, "!%s: %s%s", a, b, notes);
    Py_XDECREF(tname);
    Py_XDECREF(msg);
    Py_DECREF(exc);
    PyErr_Clear();
}

/* repr of res (stolen), or the exception text when res is NULL */
static void result_text(PyObject *res, char *out, size_t cap)
{
    if (res == NULL) {
        exc_text(out, cap);
        return;
    }
    PyObject *r = PyObject_Repr(res);
    if (r == NULL) exc_text(out, cap);
    else str_utf8(r, out, cap);
    Py_XDECREF(r);
    Py_DECREF(res);
}

/* compare the repr of res (stolen; NULL = exception) with expected */
static void expect_v(const char *prefix, const char *name, PyObject *res, const char *expected)
{
    char text[4096];
    if (PyErr_Occurred() && res != NULL) {
        /* a result together with a set exception is a bug in itself */
        exc_text(text, sizeof text);
        report(prefix, name, 0, "result with an exception set", expected);
        Py_DECREF(res);
        return;
    }
    result_text(res, text, sizeof text);
    report(prefix, name, strcmp(text, expected) == 0, text, expected);
}

static void expect(const char *name, PyObject *res, const char *expected)
{
    expect_v("", name, res, expected);
}

/* call callable(*args, **kwargs); args and kwargs are new references (stolen), kwargs may be NULL */
static PyObject *call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    if (callable == NULL || args == NULL || PyErr_Occurred()) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "embed_pyo3: bad call setup");
        return NULL;
    }
    PyObject *r = PyObject_Call(callable, args, kwargs);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
    return r;
}

/* obj.method(*args, **kwargs) */
static PyObject *call_method(PyObject *obj, const char *method, PyObject *args, PyObject *kwargs)
{
    PyObject *m = obj ? PyObject_GetAttrString(obj, method) : NULL;
    if (m == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        return NULL;
    }
    PyObject *r = call(m, args, kwargs);
    Py_DECREF(m);
    return r;
}

/* setattr(obj, name, value) (value stolen) -> "0" or the exception text */
static void expect_set(const char *check_name, PyObject *obj, const char *attr, PyObject *value, const char *expected)
{
    char text[4096];
    /* value NULL: delete the attribute */
    int r = obj ? PyObject_SetAttrString(obj, attr, value) : -1;
    Py_XDECREF(value);
    if (r == 0) snprintf(text, sizeof text, "0");
    else exc_text(text, sizeof text);
    report("", check_name, strcmp(text, expected) == 0, text, expected);
}

static PyObject *big(const char *digits)
{
    return PyLong_FromString(digits, NULL, 10);
}

/* ---------------------------------------------------------------- checks */

static void test_functions(PyObject *m)
{
    PyObject *add = PyObject_GetAttrString(m, "add");
    expect("add(2, 3)", call(add, Py_BuildValue("(ii)", 2, 3), NULL), "5");
    expect("add(-7, 10)", call(add, Py_BuildValue("(ii)", -7, 10), NULL), "3");
    expect("add(a=1, b=2)", call(add, PyTuple_New(0), Py_BuildValue("{s:i,s:i}", "a", 1, "b", 2)), "3");
    expect("add(2**62, 2**62)", call(add, Py_BuildValue("(LL)", 1LL << 62, 1LL << 62), NULL),
           "!OverflowError: add: result does not fit in 64 bits");
    expect("add(2**70, 0)", call(add, Py_BuildValue("(Ni)", big("1180591620717411303424"), 0), NULL),
           "!OverflowError: Python int too large to convert to C long (__notes__: [\"while processing 'a'\"])");
    expect("add('x', 1)", call(add, Py_BuildValue("(si)", "x", 1), NULL),
           "!TypeError: 'str' object cannot be interpreted as an integer (__notes__: [\"while processing 'a'\"])");
    expect("add(1)", call(add, Py_BuildValue("(i)", 1), NULL),
           "!TypeError: add() missing 1 required positional argument: 'b'");
    expect("add(1, 2, 3)", call(add, Py_BuildValue("(iii)", 1, 2, 3), NULL),
           "!TypeError: add() takes 2 positional arguments but 3 were given");
    expect("add.__name__", PyObject_GetAttrString(add, "__name__"), "'add'");
    expect("add.__module__", PyObject_GetAttrString(add, "__module__"), "'carapace_pyo3_demo'");
    expect("add.__doc__", PyObject_GetAttrString(add, "__doc__"),
           "'add(a, b) -> int: the sum of two ints (OverflowError outside i64).'");
    expect("add.__text_signature__", PyObject_GetAttrString(add, "__text_signature__"), "'(a, b)'");
    Py_XDECREF(add);

    PyObject *greet = PyObject_GetAttrString(m, "greet");
    expect("greet('World')", call(greet, Py_BuildValue("(s)", "World"), NULL), "'Hello, World! (5 chars)'");
    expect("greet(non-ASCII)", call(greet, Py_BuildValue("(s)", "h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93"), NULL),
           "'Hello, h\xc3\xa9llo w\xc3\xb6rld \xe2\x9c\x93! (13 chars)'");
    expect("greet(name='')", call(greet, PyTuple_New(0), Py_BuildValue("{s:s}", "name", "")), "'Hello, ! (0 chars)'");
    expect("greet(5)", call(greet, Py_BuildValue("(i)", 5), NULL),
           "!TypeError: 'int' object is not an instance of 'str' (__notes__: [\"while processing 'name'\"])");
    Py_XDECREF(greet);

    PyObject *power = PyObject_GetAttrString(m, "power");
    expect("power(3)", call(power, Py_BuildValue("(i)", 3), NULL), "9");
    expect("power(2, 10)", call(power, Py_BuildValue("(ii)", 2, 10), NULL), "1024");
    expect("power(base=5)", call(power, PyTuple_New(0), Py_BuildValue("{s:i}", "base", 5)), "25");
    expect("power(2, exponent=5, modulo=7)",
           call(power, Py_BuildValue("(i)", 2), Py_BuildValue("{s:i,s:i}", "exponent", 5, "modulo", 7)), "4");
    expect("power(-3, 3, modulo=5)", call(power, Py_BuildValue("(ii)", -3, 3), Py_BuildValue("{s:i}", "modulo", 5)), "3");
    expect("power(2, modulo=0)", call(power, Py_BuildValue("(i)", 2), Py_BuildValue("{s:i}", "modulo", 0)),
           "!carapace_pyo3_demo.DemoError: power: modulo must not be zero");
    expect("power(2, 3, 5)", call(power, Py_BuildValue("(iii)", 2, 3, 5), NULL),
           "!TypeError: power() takes from 1 to 2 positional arguments but 3 were given");
    expect("power(2, foo=1)", call(power, Py_BuildValue("(i)", 2), Py_BuildValue("{s:i}", "foo", 1)),
           "!TypeError: power() got an unexpected keyword argument 'foo'");
    expect("power(2, 64)", call(power, Py_BuildValue("(ii)", 2, 64), NULL),
           "!OverflowError: power: result does not fit in 64 bits");
    expect("power(2, -1)", call(power, Py_BuildValue("(ii)", 2, -1), NULL),
           "!OverflowError: out of range integral type conversion attempted (__notes__: [\"while processing 'exponent'\"])");
    expect("power.__text_signature__", PyObject_GetAttrString(power, "__text_signature__"),
           "'(base, exponent=2, *, modulo=None)'");
    Py_XDECREF(power);

    PyObject *divide = PyObject_GetAttrString(m, "divide");
    expect("divide(7, 2)", call(divide, Py_BuildValue("(ii)", 7, 2), NULL), "3");
    expect("divide(-7, 2)", call(divide, Py_BuildValue("(ii)", -7, 2), NULL), "-4");
    expect("divide(1, 0)", call(divide, Py_BuildValue("(ii)", 1, 0), NULL),
           "!carapace_pyo3_demo.DemoError: cannot divide 1 by zero");
    Py_XDECREF(divide);
}

static void test_conversions(PyObject *m)
{
    PyObject *f = PyObject_GetAttrString(m, "sum_list");
    expect("sum_list([1, 2, 3, 4])", call(f, Py_BuildValue("([iiii])", 1, 2, 3, 4), NULL), "10");
    expect("sum_list((5, 6))", call(f, Py_BuildValue("((ii))", 5, 6), NULL), "11");
    expect("sum_list([])", call(f, Py_BuildValue("([])"), NULL), "0");
    expect("sum_list('abc')", call(f, Py_BuildValue("(s)", "abc"), NULL),
           "!TypeError: Can't extract `str` to `Vec` (__notes__: [\"while processing 'values'\"])");
    expect("sum_list([1, 'x'])", call(f, Py_BuildValue("([is])", 1, "x"), NULL),
           "!TypeError: 'str' object cannot be interpreted as an integer (__notes__: [\"while processing 'values'\"])");
    Py_XDECREF(f);

    f = PyObject_GetAttrString(m, "word_lengths");
    expect("word_lengths(['pear', 'fig', 'banana'])",
           call(f, Py_BuildValue("([sss])", "pear", "fig", "banana"), NULL), "{'banana': 6, 'fig': 3, 'pear': 4}");
    Py_XDECREF(f);

    f = PyObject_GetAttrString(m, "swap");
    expect("swap((1, 'one'))", call(f, Py_BuildValue("((is))", 1, "one"), NULL), "('one', 1)");
    expect("swap((1, 2, 3))", call(f, Py_BuildValue("((iii))", 1, 2, 3), NULL),
           "!ValueError: expected tuple of length 2, but got tuple of length 3 (__notes__: [\"while processing 'pair'\"])");
    expect("swap([1, 'one'])", call(f, Py_BuildValue("([is])", 1, "one"), NULL),
           "!TypeError: 'list' object is not an instance of 'tuple' (__notes__: [\"while processing 'pair'\"])");
    Py_XDECREF(f);

    f = PyObject_GetAttrString(m, "invert");
    expect("invert({'a': 1, 'b': 2})", call(f, Py_BuildValue("({s:i,s:i})", "b", 2, "a", 1), NULL), "{1: 'a', 2: 'b'}");
    expect("invert([1])", call(f, Py_BuildValue("([i])", 1), NULL),
           "!TypeError: 'list' object is not an instance of 'dict' (__notes__: [\"while processing 'd'\"])");
    Py_XDECREF(f);

    f = PyObject_GetAttrString(m, "describe");
    expect("describe([1, 'two', 3.0, None, (1,)])",
           call(f, Py_BuildValue("([isdO(i)])", 1, "two", 3.0, Py_None, 1), NULL),
           "{'len': 5, 'types': ('int', 'str', 'float', 'NoneType', 'tuple'), "
           "'reversed': [(1,), None, 3.0, 'two', 1], 'first': 1}");
    expect("describe([])", call(f, Py_BuildValue("([])"), NULL),
           "{'len': 0, 'types': (), 'reversed': [], 'first': None}");
    Py_XDECREF(f);

    f = PyObject_GetAttrString(m, "count_args");
    expect("count_args(1, 2, 3, z=1, a=2)",
           call(f, Py_BuildValue("(iii)", 1, 2, 3), Py_BuildValue("{s:i,s:i}", "z", 1, "a", 2)), "(3, ['a', 'z'])");
    expect("count_args()", call(f, PyTuple_New(0), NULL), "(0, [])");
    Py_XDECREF(f);
}

static void test_class(PyObject *m)
{
    PyObject *cls = PyObject_GetAttrString(m, "Counter");
    check("Counter is a type", cls != NULL && PyType_Check(cls), "not a type");
    if (cls == NULL || !PyType_Check(cls)) {
        PyErr_Clear();
        Py_XDECREF(cls);
        return;
    }
    expect("repr(Counter)", Py_NewRef(cls), "<class 'carapace_pyo3_demo.Counter'>");
    expect("Counter.__name__", PyObject_GetAttrString(cls, "__name__"), "'Counter'");
    expect("Counter.__qualname__", PyObject_GetAttrString(cls, "__qualname__"), "'Counter'");
    expect("Counter.__module__", PyObject_GetAttrString(cls, "__module__"), "'carapace_pyo3_demo'");
    expect("Counter.__doc__", PyObject_GetAttrString(cls, "__doc__"), "'A counter with a name, a current count and a step.'");
    expect("Counter.default_step()", call_method(cls, "default_step", PyTuple_New(0), NULL), "1");

    PyObject *c = call(Py_NewRef(cls), Py_BuildValue("(s)", "apples"), NULL);
    check("Counter('apples') constructs", c != NULL, "construction failed");
    if (c == NULL) {
        PyErr_Clear();
        Py_DECREF(cls);
        return;
    }
    check("isinstance(c, Counter)", PyObject_IsInstance(c, cls) == 1, "not an instance");
    check("type(c) is Counter", (PyObject *)Py_TYPE(c) == cls, "wrong type");
    expect("repr(c)", Py_NewRef(c), "Counter(name=\"apples\", count=0, step=1)");
    expect("str(c)", PyObject_Str(c), "'Counter(name=\"apples\", count=0, step=1)'");
    expect("c.increment()", call_method(c, "increment", PyTuple_New(0), NULL), "1");
    expect("c.increment() again", call_method(c, "increment", PyTuple_New(0), NULL), "2");
    expect("c.count", PyObject_GetAttrString(c, "count"), "2");
    expect_set("c.count = 10", c, "count", PyLong_FromLong(10), "0");
    expect("c.count after set", PyObject_GetAttrString(c, "count"), "10");
    expect_set("c.count = -1", c, "count", PyLong_FromLong(-1), "!ValueError: count must be >= 0, not -1");
    expect_set("c.count = 'x'", c, "count", PyUnicode_FromString("x"),
               "!TypeError: 'str' object cannot be interpreted as an integer (__notes__: [\"while processing 'value'\"])");
    expect_set("del c.count", c, "count", NULL, "!AttributeError: property has no deleter");
    expect("c.count unchanged", PyObject_GetAttrString(c, "count"), "10");
    expect("c.name", PyObject_GetAttrString(c, "name"), "'apples'");
    expect_set("c.name = 'pears'", c, "name", PyUnicode_FromString("pears"),
               "!AttributeError: attribute 'name' of 'carapace_pyo3_demo.Counter' objects is not writable");
    expect("c.step", PyObject_GetAttrString(c, "step"), "1");
    expect_set("c.step = 5", c, "step", PyLong_FromLong(5), "0");
    expect_set("c.step = 0", c, "step", PyLong_FromLong(0), "!ValueError: step must not be zero");
    expect("c.advance(2)", call_method(c, "advance", Py_BuildValue("(i)", 2), NULL), "20");
    expect("c.advance(n=1)", call_method(c, "advance", PyTuple_New(0), Py_BuildValue("{s:i}", "n", 1)), "25");
    expect("c.advance(-1)", call_method(c, "advance", Py_BuildValue("(i)", -1), NULL),
           "!carapace_pyo3_demo.DemoError: cannot advance apples by -1");
    expect("c.as_tuple()", call_method(c, "as_tuple", PyTuple_New(0), NULL), "('apples', 25, 5)");
    expect("repr(c) after changes", Py_NewRef(c), "Counter(name=\"apples\", count=25, step=5)");
    expect("c.reset()", call_method(c, "reset", PyTuple_New(0), NULL), "None");
    expect("c.count after reset", PyObject_GetAttrString(c, "count"), "0");
    expect("c.default_step()", call_method(c, "default_step", PyTuple_New(0), NULL), "1");
    expect("c.no_such", PyObject_GetAttrString(c, "no_such"),
           "!AttributeError: 'carapace_pyo3_demo.Counter' object has no attribute 'no_such'");
    expect("c.increment(1)", call_method(c, "increment", Py_BuildValue("(i)", 1), NULL),
           "!TypeError: Counter.increment() takes no arguments (1 given)");

    PyObject *d = call(Py_NewRef(cls), Py_BuildValue("(si)", "b", 10), Py_BuildValue("{s:i}", "step", 3));
    expect("Counter('b', 10, step=3)", Py_XNewRef(d), "Counter(name=\"b\", count=10, step=3)");
    expect("d.increment()", call_method(d, "increment", PyTuple_New(0), NULL), "13");
    expect("c.count unaffected by d", PyObject_GetAttrString(c, "count"), "0");
    Py_XDECREF(d);
    expect("Counter(name='k', start=4)", call(Py_NewRef(cls), PyTuple_New(0), Py_BuildValue("{s:s,s:i}", "name", "k", "start", 4)),
           "Counter(name=\"k\", count=4, step=1)");
    expect("Counter()", call(Py_NewRef(cls), PyTuple_New(0), NULL),
           "!TypeError: Counter.__new__() missing 1 required positional argument: 'name'");
    expect("Counter('z', step=0)", call(Py_NewRef(cls), Py_BuildValue("(s)", "z"), Py_BuildValue("{s:i}", "step", 0)),
           "!ValueError: step must not be zero");

    /* many instances created and dropped: tp_alloc/tp_dealloc through the runtime */
    int ok = 1;
    for (int i = 0; i < 1000 && ok; i++) {
        PyObject *t = call(Py_NewRef(cls), Py_BuildValue("(si)", "tmp", i), NULL);
        PyObject *r = t ? call_method(t, "increment", PyTuple_New(0), NULL) : NULL;
        ok = r != NULL && PyLong_AsLong(r) == i + 1;
        Py_XDECREF(r);
        Py_XDECREF(t);
    }
    if (!ok) PyErr_Clear();
    check("1000 Counters created, used and dropped", ok, "a construction or call failed");

    Py_DECREF(c);
    Py_DECREF(cls);
}

static void test_exception(PyObject *m)
{
    PyObject *err = PyObject_GetAttrString(m, "DemoError");
    check("DemoError is a type", err != NULL && PyType_Check(err), "not a type");
    if (err == NULL || !PyType_Check(err)) {
        PyErr_Clear();
        Py_XDECREF(err);
        return;
    }
    expect("repr(DemoError)", Py_NewRef(err), "<class 'carapace_pyo3_demo.DemoError'>");
    expect("DemoError.__doc__", PyObject_GetAttrString(err, "__doc__"),
           "'Raised by carapace_pyo3_demo when it is asked to do something wrong.'");
    check("issubclass(DemoError, Exception)", PyObject_IsSubclass(err, PyExc_Exception) == 1, "no");
    check("not issubclass(DemoError, TypeError)", PyObject_IsSubclass(err, PyExc_TypeError) == 0, "it is");

    PyObject *fail = PyObject_GetAttrString(m, "fail");
    PyObject *r = call(fail, Py_BuildValue("(s)", "boom"), NULL);
    check("fail('boom') returns NULL", r == NULL, "returned a value");
    Py_XDECREF(r);
    check("fail('boom') sets an exception", PyErr_Occurred() != NULL, "no exception");
    check("PyErr_ExceptionMatches(DemoError)", PyErr_ExceptionMatches(err), "does not match");
    check("PyErr_ExceptionMatches(Exception)", PyErr_ExceptionMatches(PyExc_Exception), "does not match");
    PyObject *exc = PyErr_GetRaisedException();
    if (exc) {
        expect("type(exc)", Py_NewRef((PyObject *)Py_TYPE(exc)), "<class 'carapace_pyo3_demo.DemoError'>");
        expect("str(exc)", PyObject_Str(exc), "'boom'");
        expect("repr(exc)", Py_NewRef(exc), "DemoError('boom')");
        expect("exc.args", PyObject_GetAttrString(exc, "args"), "('boom',)");
        check("isinstance(exc, DemoError)", PyObject_IsInstance(exc, err) == 1, "no");
        Py_DECREF(exc);
    }
    PyErr_Clear();
    expect("fail('')", call(fail, Py_BuildValue("(s)", ""), NULL), "!carapace_pyo3_demo.DemoError: ");
    Py_XDECREF(fail);

    /* the exception type is usable from C like any other */
    PyErr_SetString(err, "raised from C");
    expect("PyErr_SetString(DemoError)", NULL, "!carapace_pyo3_demo.DemoError: raised from C");
    expect("DemoError('x', 2)", call(Py_NewRef(err), Py_BuildValue("(si)", "x", 2), NULL), "DemoError('x', 2)");
    Py_DECREF(err);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s MODDIR\n", argv[0]);
        return 2;
    }
    Py_Initialize();
    check("Py_IsInitialized", Py_IsInitialized(), "0");

    PyObject *path = PySys_GetObject("path"); /* borrowed */
    PyObject *dir = PyUnicode_FromString(argv[1]);
    check("sys.path.insert(0, MODDIR)", path && dir && PyList_Check(path) && PyList_Insert(path, 0, dir) == 0,
          "could not put MODDIR on sys.path");
    Py_XDECREF(dir);

    PyObject *m = PyImport_ImportModule("carapace_pyo3_demo");
    if (m == NULL) {
        char text[4096];
        exc_text(text, sizeof text);
        report("", "import carapace_pyo3_demo", 0, text, "a module");
    } else {
        report("", "import carapace_pyo3_demo", 1, "a module", "a module");
        PyObject *again = PyImport_ImportModule("carapace_pyo3_demo");
        check("second import returns the same module", again == m, "a different object");
        Py_XDECREF(again);
        PyErr_Clear();
        expect("module __name__", PyModule_GetNameObject(m), "'carapace_pyo3_demo'");
        expect("module __doc__", PyObject_GetAttrString(m, "__doc__"), "'A PyO3 test module for Carapace.'");
        /* PyO3's add_function/add_class/add keep __all__ up to date */
        expect("module __all__", PyObject_GetAttrString(m, "__all__"),
               "['add', 'greet', 'power', 'fail', 'divide', 'sum_list', 'word_lengths', 'swap', 'invert', "
               "'describe', 'count_args', 'Counter', 'DemoError', 'ABI_FEATURE']");
        PyObject *feat = PyObject_GetAttrString(m, "ABI_FEATURE");
        char text[256];
        result_text(feat, text, sizeof text);
        report("variant-specific: ", "ABI_FEATURE", strncmp(text, "'abi3-py", 8) == 0, text, "'abi3-py...'");

        test_functions(m);
        test_conversions(m);
        test_class(m);
        test_exception(m);
        check("no exception left pending", PyErr_Occurred() == NULL, "an exception is pending");
        PyErr_Clear();
        Py_DECREF(m);
    }

    int fin = Py_FinalizeEx();
    check("Py_FinalizeEx() == 0", fin == 0, "nonzero");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
