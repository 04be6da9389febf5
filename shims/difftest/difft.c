#include <Python.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>
PyObject *T_Py_BuildValue(const char *, ...);
PyObject *T_PyUnicode_FromFormat(const char *, ...);
PyObject *T_PyBytes_FromFormat(const char *, ...);
PyObject *T_PyErr_Format(PyObject *, const char *, ...);
int T_PyArg_ParseTuple(PyObject *, const char *, ...);
int T_PyArg_Parse(PyObject *, const char *, ...);
int T_PyArg_ParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, ...);
int T_PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t, Py_ssize_t, ...);
PyObject *T_PyObject_CallFunction(PyObject *, const char *, ...);
PyObject *T_PyObject_CallMethod(PyObject *, const char *, const char *, ...);
PyObject *T_PyObject_CallFunctionObjArgs(PyObject *, ...);
PyObject *T_PyObject_CallMethodObjArgs(PyObject *, PyObject *, ...);
PyObject *T_PyTuple_Pack(Py_ssize_t, ...);

static PyObject *out;
static PyObject *grab(PyObject *r) {
    if (r) { PyObject *s = PyObject_Repr(r); Py_DECREF(r); return s; }
    PyObject *e = PyErr_GetRaisedException();
    if (!e) return PyUnicode_FromString("NULL-without-exception");
    PyObject *s = PyUnicode_FromFormat("%T: %S", e, e); Py_DECREF(e); return s;
}
static void rec(const char *label, PyObject *a, PyObject *b) {
    PyObject *t = Py_BuildValue("sNN", label, grab(a), grab(b));
    PyList_Append(out, t); Py_DECREF(t);
}
#define CMP(label, A, B) do { PyObject *_a = (A); PyObject *_ga = grab(_a); PyObject *_b = (B); PyObject *_gb = grab(_b); \
   PyObject *t = Py_BuildValue("sNN", label, _ga, _gb); PyList_Append(out, t); Py_DECREF(t); } while (0)
#define BV(...) CMP(#__VA_ARGS__, Py_BuildValue(__VA_ARGS__), T_Py_BuildValue(__VA_ARGS__))
#define UF(...) CMP(#__VA_ARGS__, PyUnicode_FromFormat(__VA_ARGS__), T_PyUnicode_FromFormat(__VA_ARGS__))
#define BF(...) CMP(#__VA_ARGS__, PyBytes_FromFormat(__VA_ARGS__), T_PyBytes_FromFormat(__VA_ARGS__))

static void rec2(const char *l, PyObject *a, PyObject *b) { PyObject *t = Py_BuildValue("sNN", l, a, b); PyList_Append(out, t); Py_DECREF(t); }
typedef int (*pt_t)(PyObject *, const char *, ...);
typedef int (*kw_t)(PyObject *, PyObject *, const char *, char **, ...);

static PyObject *p1(pt_t f, PyObject *a) { int i=0; long l=0; const char *s=NULL; unsigned char b=0; short h=0; double d=0; float fl=0; long long L=0; Py_ssize_t n=0; int p=0; int C=0; char c=0;
  if (!f(a, "ibhl|dfLnpCcs:p1", &i, &b, &h, &l, &d, &fl, &L, &n, &p, &C, &c, &s)) return NULL;
  return Py_BuildValue("ibhldfLnpCcz", i, b, h, l, d, (double)fl, L, n, p, C, (int)c, s); }
static PyObject *p2(pt_t f, PyObject *a) { const char *s=NULL; Py_ssize_t len=0; PyObject *o=NULL, *u=NULL; Py_buffer buf; int x=0, y=0; unsigned int I=0; unsigned long k=0;
  if (!f(a, "s#O!(ii)|y*UIk", &s, &len, &PyLong_Type, &o, &x, &y, &buf, &u, &I, &k)) return NULL;
  PyObject *r = Py_BuildValue("s#OiiOIk", s, len, o, x, y, u ? u : Py_None, I, k);
  if (PyTuple_GET_SIZE(a) > 3) PyBuffer_Release(&buf);
  return r; }
static PyObject *p3(pt_t f, PyObject *a) { char *e = NULL; const char *z = "x"; Py_ssize_t zl = 0;
  if (!f(a, "es|z#;custom message", "utf-8", &e, &z, &zl)) return NULL;
  PyObject *r = Py_BuildValue("yz#", e, z, zl); PyMem_Free(e); return r; }
static PyObject *k1(kw_t f, PyObject *a, PyObject *kw) { static char *kwl[] = {"", "a", "b", "c", NULL}; int x=0, y=0; PyObject *b=NULL; const char *c="dflt";
  if (!f(a, kw, "i(i)|O$s:k1", kwl, &x, &y, &b, &c)) return NULL;
  return Py_BuildValue("iiOs", x, y, b ? b : Py_None, c); }
static PyObject *k2(kw_t f, PyObject *a, PyObject *kw) { static char *kwl[] = {"x", "y", NULL}; int x=0, y=0;
  if (!f(a, kw, "ii", kwl, &x, &y)) return NULL;
  return Py_BuildValue("ii", x, y); }

static PyObject *run_parse(PyObject *self, PyObject *args) {
    int which; PyObject *a, *kw = NULL;
    if (!PyArg_ParseTuple(args, "iO|O", &which, &a, &kw)) return NULL;
    out = PyList_New(0);
    char label[32]; snprintf(label, sizeof label, "parse%d", which);
    switch (which) {
    case 1: CMP(label, p1(PyArg_ParseTuple, a), p1(T_PyArg_ParseTuple, a)); break;
    case 2: CMP(label, p2(PyArg_ParseTuple, a), p2(T_PyArg_ParseTuple, a)); break;
    case 3: CMP(label, p3(PyArg_ParseTuple, a), p3(T_PyArg_ParseTuple, a)); break;
    case 4: CMP(label, k1(PyArg_ParseTupleAndKeywords, a, kw), k1(T_PyArg_ParseTupleAndKeywords, a, kw)); break;
    case 8: { static char *kwl[] = {"x", NULL}; int x1=0, x2=0; int r1 = PyArg_ParseTupleAndKeywords(a, kw, "i", kwl, &x1); PyObject *A = grab(r1 ? PyLong_FromLong(x1) : NULL);
              int r2 = T_PyArg_ParseTupleAndKeywords(a, kw, "i", kwl, &x2); PyObject *B = grab(r2 ? PyLong_FromLong(x2) : NULL); rec2(label, A, B); break; }
    case 5: CMP(label, k2(PyArg_ParseTupleAndKeywords, a, kw), k2(T_PyArg_ParseTupleAndKeywords, a, kw)); break;
    case 6: { PyObject *x=NULL,*y=NULL,*x2=NULL,*y2=NULL; int r1 = PyArg_UnpackTuple(a, "un", 1, 2, &x, &y); PyObject *A = grab(r1 ? Py_BuildValue("OO", x, y?y:Py_None) : NULL);
              int r2 = T_PyArg_UnpackTuple(a, "un", 1, 2, &x2, &y2); PyObject *B = grab(r2 ? Py_BuildValue("OO", x2, y2?y2:Py_None) : NULL); rec2(label, A, B); break; }
    case 7: { int i1=0,i2=0; int r1 = PyArg_Parse(a, "i:pp", &i1); PyObject *A = grab(r1 ? PyLong_FromLong(i1) : NULL); int r2 = T_PyArg_Parse(a, "i:pp", &i2); PyObject *B = grab(r2 ? PyLong_FromLong(i2) : NULL); rec2(label, A, B); break; }
    }
    PyObject *r = out; out = NULL; return r;
}

static PyObject *conv(void *p) { return PyUnicode_FromString((const char *)p); }

static PyObject *run_fixed(PyObject *self, PyObject *unused) {
    out = PyList_New(0);
    Py_complex cx = {1.5, -2.0};
    BV(""); BV("i", 5); BV("ii", 1, 2); BV("(ii)", 1, 2); BV("[i,s]", 1, "x"); BV("{s:i,s:d}", "a", 1, "b", 2.5);
    BV("bBhHiIlkLKn", -1, 255, -3, 65535, -5, 4000000000u, -7L, 8UL, -9LL, 10ULL, (Py_ssize_t)-11);
    BV("fdD", 1.25, 2.5, &cx); BV("cC", 'a', 0x20ac); BV("s#y#z#", "abc", (Py_ssize_t)2, "xyz", (Py_ssize_t)1, NULL, (Py_ssize_t)0);
    BV("zyp", NULL, "by", 7); BV("O&", conv, "conv"); BV("w"); BV("(i", 1); BV("{i}", 1); BV("i)", 1); BV("O", NULL); BV("((i)[i]{s:i})", 1, 2, "k", 3);
    BV("ii:", 1, 2); BV("i i\ti", 1, 2, 3); BV("U", "u");
    UF("plain"); UF("%d|%5d|%-5d|%05d|%.3d|%x|%X|%o|%u", -42, 42, 42, 42, 7, 255, 255, 8, 3000000000u);
    UF("%ld %lu %lld %llu %zd %zu %td %jd", -1L, 2UL, -3LL, 4ULL, (Py_ssize_t)-5, (size_t)6, (ptrdiff_t)-7, (intmax_t)-8);
    UF("%c%c", 'A', 0x20ac); UF("%c", 0x110000); UF("%s|%10s|%-10s|%.2s|%5.1s", "abc", "r", "l", "trunc", "xy");
    UF("%*d|%-*d|%.*s|%*s", 6, 3, 4, 5, 1, "xyz", -4, "ab"); UF("%q"); UF("abc%"); UF("%lc", 65); UF("%5c", 65); UF("%%%d%%", 1);
    UF("%p", (void *)0x1234); UF("%p", NULL);
    UF("%S|%R|%A", PyUnicode_FromString("s"), PyUnicode_FromString("r\xc3\xa9"), PyUnicode_FromString("a\xc3\xa9"));
    UF("%U|%-6U|%6.2U", PyUnicode_FromString("u"), PyUnicode_FromString("l"), PyUnicode_FromString("wxyz"));
    UF("%V|%V", NULL, "fromstr", PyUnicode_FromString("obj"), "unused");
    UF("%T|%#T|%N|%#N", Py_None, Py_None, (PyObject *)&PyLong_Type, (PyObject *)&PyLong_Type); UF("%N", Py_None);
    UF("%ls|%.2ls", L"wide", L"wxyz"); UF("\xe9"); UF("%.3s", "\xc3\xa9\xc3\xa9");
    BF("%5d|%.2s|%c|%x|%i|%%|%ld|%zu|%lu", 3, "abc", 65, 255, -4, -5L, (size_t)6, 7UL); BF("%c", 300); BF("abc%"); BF("x%qy %d", 1); BF("%p", (void*)0x10);
    CMP("errfmt", PyErr_Format(PyExc_ValueError, "bad %d %s", 1, "x"), T_PyErr_Format(PyExc_ValueError, "bad %d %s", 1, "x"));
    PyObject *f = PyObject_GetAttrString((PyObject *)&PyLong_Type, "__new__");
    PyObject *strtype = (PyObject *)&PyUnicode_Type;
    CMP("callfunc", PyObject_CallFunction(strtype, "i", 5), T_PyObject_CallFunction(strtype, "i", 5));
    CMP("callfunc tuple", PyObject_CallFunction(strtype, "(s)", "q"), T_PyObject_CallFunction(strtype, "(s)", "q"));
    CMP("callfunc none", PyObject_CallFunction(strtype, NULL), T_PyObject_CallFunction(strtype, NULL));
    CMP("callmeth", PyObject_CallMethod(PyUnicode_FromString("a,b"), "split", "s", ","), T_PyObject_CallMethod(PyUnicode_FromString("a,b"), "split", "s", ","));
    CMP("callmeth missing", PyObject_CallMethod(Py_None, "nope", NULL), T_PyObject_CallMethod(Py_None, "nope", NULL));
    CMP("objargs", PyObject_CallFunctionObjArgs(strtype, Py_None, NULL), T_PyObject_CallFunctionObjArgs(strtype, Py_None, NULL));
    PyObject *sp = PyUnicode_FromString("split"), *sep = PyUnicode_FromString("-"), *s = PyUnicode_FromString("x-y");
    CMP("methobjargs", PyObject_CallMethodObjArgs(s, sp, sep, NULL), T_PyObject_CallMethodObjArgs(s, sp, sep, NULL));
    CMP("pack", PyTuple_Pack(2, sp, sep), T_PyTuple_Pack(2, sp, sep)); CMP("pack0", PyTuple_Pack(0), T_PyTuple_Pack(0));
    Py_XDECREF(f);
    PyObject *r = out; out = NULL; return r;
}
static PyMethodDef m[] = {{"run_fixed", run_fixed, METH_NOARGS, NULL}, {"run_parse", run_parse, METH_VARARGS, NULL}, {NULL}};
static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "difft", NULL, -1, m};
PyMODINIT_FUNC PyInit_difft(void) { return PyModule_Create(&def); }
