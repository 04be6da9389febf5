/* errno against CPython 3.15: every name, errorcode. */
#include "natives.h"
#include <string.h>

int main(void)
{
    BEGIN();
    PyObject *m = import("errno");
    PyObject *d = PyObject_Dir(m);
    PyList_Sort(d);
    for (Py_ssize_t i = 0; i < PyList_Size(d); i++) {
        PyObject *n = PyList_GetItem(d, i);
        if (u8(n)[0] == '_')
            continue;
        if (strcmp(u8(n), "errorcode") == 0)
            continue;
        show(u8(n), PyObject_GetAttr(m, n));
    }
    show("errorcode", PyObject_GetAttrString(m, "errorcode"));
    END();
}
