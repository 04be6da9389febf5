/* str predicates and case mappings over every code point, as per-block digests
 * (area `text`): a differing line names the method and the 4096-character block. */
#include "common.h"

int main(void)
{
    BEGIN();
    static const char *methods[] = {"isalpha", "isdigit", "isdecimal", "isnumeric", "isspace",
        "isprintable", "isupper", "islower", "isalnum", "istitle", "isidentifier", "upper",
        "lower", "casefold", "title", "swapcase", "capitalize", "repr", NULL};
    for (int m = 0; methods[m]; m++) {
        int is_repr = methods[m][0] == 'r';
        PyObject *name = PyUnicode_FromString(methods[m]);
        for (long blk = 0; blk < 0x110000; blk += 4096) {
            unsigned long long acc = 0;
            long count = 0;
            for (long c = blk; c < blk + 4096; c++) {
                if (c >= 0xD800 && c < 0xE000)
                    continue;
                PyObject *s = PyUnicode_FromOrdinal((int)c);
                PyObject *r = is_repr ? PyObject_Repr(s) : PyObject_CallMethodObjArgs(s, name, NULL);
                if (r == NULL) {
                    PyErr_Clear();
                    acc += 7;
                }
                else if (PyBool_Check(r)) {
                    if (r == Py_True) {
                        acc += (unsigned long long)c * 31 + 1;
                        count++;
                    }
                }
                else {
                    Py_ssize_t n = PyUnicode_GetLength(r);
                    for (Py_ssize_t i = 0; i < n; i++)
                        acc = acc * 1000003ULL + PyUnicode_ReadChar(r, i);
                    acc += (unsigned long long)n;
                }
                Py_XDECREF(r);
                Py_DECREF(s);
            }
            printf("%s %05lx %llu %ld\n", methods[m], blk, acc, count);
        }
        Py_DECREF(name);
    }
    /* context-dependent mappings */
    show("lower_final_sigma", PyObject_CallMethod(PyUnicode_FromString("\xce\xa3\xce\x91\xce\xa3 \xce\xa3"), "lower", NULL));
    show("title_apostrophe", PyObject_CallMethod(PyUnicode_FromString("they're bill's"), "title", NULL));
    show("capitalize_dz", PyObject_CallMethod(PyUnicode_FromString("\xc7\x86" "abc"), "capitalize", NULL));
    END();
}
