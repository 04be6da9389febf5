/* vm: compiling and running code from C (Py_CompileString, PyEval_EvalCode,
 * PyEval_EvalCodeEx), the running frame seen from a C function called by Python
 * (PyEval_GetFrame/GetGlobals/GetLocals/GetFrameBuiltins, PyFrame_GetCode,
 * PyFrame_GetLineNumber), and reports printed for uncaught exceptions. stderr is
 * sent to stdout so that the differential run compares it. */
#include "common.h"
#include <unistd.h>

/* Called from Python: what the C API says about the caller's frame. */
static PyObject *where(PyObject *self, PyObject *arg)
{
    (void)self;
    (void)arg;
    PyObject *f = (PyObject *)PyEval_GetFrame();
    if (f == NULL)
        return PyUnicode_FromString("no frame");
    PyObject *co = (PyObject *)PyFrame_GetCode((PyFrameObject *)f);
    PyObject *name = PyObject_GetAttrString(co, "co_name");
    PyObject *g = PyEval_GetGlobals();
    PyObject *l = PyEval_GetFrameLocals();
    PyObject *b = PyEval_GetFrameBuiltins();
    PyObject *keys = PySequence_List(l);
    PyObject *r = PyUnicode_FromFormat("%U line %d globals-has-where=%d locals=%R builtins-has-len=%d",
                                       name, PyFrame_GetLineNumber((PyFrameObject *)f),
                                       PyMapping_HasKeyString(g, "where"), keys,
                                       PyMapping_HasKeyString(b, "len"));
    Py_DECREF(co);
    Py_DECREF(name);
    Py_DECREF(l);
    Py_DECREF(b);
    Py_DECREF(keys);
    return r;
}

static PyMethodDef where_def = {"where", where, METH_NOARGS, NULL};

static void run(const char *label, const char *src, int start, PyObject *globals)
{
    PyObject *co = Py_CompileString(src, "<vm_eval>", start);
    if (co == NULL) {
        show(label, NULL);
        return;
    }
    show(label, PyEval_EvalCode(co, globals, globals));
    Py_DECREF(co);
}

int main(void)
{
    dup2(1, 2);
    Py_Initialize();
    PyObject *g = PyDict_New();
    PyObject *w = PyCFunction_New(&where_def, NULL);
    PyDict_SetItemString(g, "where", w);
    Py_DECREF(w);

    show("no frame globals", Py_NewRef(PyEval_GetGlobals() ? Py_True : Py_False));
    show("no frame", Py_NewRef(PyEval_GetFrame() ? Py_True : Py_False));
    run("exec", "x = 6 * 7\ndef f(a, b=2):\n    return a * b + x\n", Py_file_input, g);
    run("eval", "f(3), f(1, b=10), x", Py_eval_input, g);
    run("frame from module", "where()", Py_eval_input, g);
    run("frame from function", "(lambda q=1: where())()", Py_eval_input, g);
    run("generator", "list(i * i for i in range(5))", Py_eval_input, g);
    run("closure", "(lambda n: (lambda: n + 1))(41)()", Py_eval_input, g);
    run("syntax error", "x = (1,", Py_file_input, g);
    run("indentation", "if x:\npass\n", Py_file_input, g);
    run("name error", "undefined_name", Py_eval_input, g);
    run("bad call", "f()", Py_eval_input, g);
    run("recursion", "(lambda r: r(r))(lambda r: r(r))", Py_eval_input, g);

    /* PyEval_EvalCodeEx: the code of a function, with arguments and defaults. */
    PyObject *fn = PyDict_GetItemString(g, "f");
    PyObject *fco = PyObject_GetAttrString(fn, "__code__");
    PyObject *args[1] = {PyLong_FromLong(5)};
    PyObject *defs[1] = {PyLong_FromLong(100)};
    show("EvalCodeEx", PyEval_EvalCodeEx(fco, g, NULL, args, 1, NULL, 0, defs, 1, NULL, NULL));
    Py_DECREF(args[0]);
    Py_DECREF(defs[0]);
    Py_DECREF(fco);

    /* An uncaught exception printed with its frames. */
    PyObject *co = Py_CompileString("def inner():\n    return 1 / 0\ndef outer():\n    inner()\nouter()\n",
                                    "<vm_eval>", Py_file_input);
    PyObject *r = PyEval_EvalCode(co, g, g);
    if (r == NULL)
        PyErr_Print();
    Py_XDECREF(r);
    Py_DECREF(co);
    fflush(stdout);
    Py_DECREF(g);
    return Py_FinalizeEx() < 0 ? 1 : 0;
}
