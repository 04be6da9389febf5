/* The runtime starts, makes basic objects and stops. */
#include "common.h"

int main(void)
{
    BEGIN();
    show("int", PyLong_FromLong(42));
    show("big", PyLong_FromLong(-1234567890123L));
    show("str", PyUnicode_FromString("h\xc3\xa9llo 'x'"));
    show("none", Py_NewRef(Py_None));
    show("true", Py_NewRef(Py_True));
    show_int("initialized", Py_IsInitialized());
    show("getattr missing", PyObject_GetAttrString(Py_None, "nope"));
    show("type", Py_NewRef((PyObject *)Py_TYPE(Py_None)));
    show("type of type", PyObject_Repr((PyObject *)&PyLong_Type));
    END();
}
