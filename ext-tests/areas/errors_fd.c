/* PyObject_AsFileDescriptor: ints, negative, too large, and objects without fileno(). */
#include "common.h"

static void fd(const char *label, PyObject *o)
{
    int r = PyObject_AsFileDescriptor(o);
    show_int(label, r);
    Py_DECREF(o);
}

int main(void)
{
    BEGIN();
    fd("int 3", PyLong_FromLong(3));
    fd("int 0", PyLong_FromLong(0));
    fd("negative", PyLong_FromLong(-5));
    fd("too large", PyLong_FromLongLong(1LL << 40));
    fd("str", PyUnicode_FromString("3"));
    fd("float", PyFloat_FromDouble(3.0));
    fd("bool", Py_NewRef(Py_True));
    END();
}
