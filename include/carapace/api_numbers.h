/* Carapace: Limited API declarations -- int, float, complex, bool, number/string conversion.
 * Each block is guarded by the first Limited API version that offers it. */
#ifndef CARAPACE_API_NUMBERS_H
#define CARAPACE_API_NUMBERS_H

/* since 3.2 */
PyAPI_FUNC(PyObject *) PyBool_FromLong(long);
PyAPI_FUNC(PyObject *) PyComplex_FromDoubles(double, double);
PyAPI_FUNC(double) PyComplex_ImagAsDouble(PyObject *);
PyAPI_FUNC(double) PyComplex_RealAsDouble(PyObject *);
PyAPI_FUNC(double) PyFloat_AsDouble(PyObject *);
PyAPI_FUNC(PyObject *) PyFloat_FromDouble(double);
PyAPI_FUNC(PyObject *) PyFloat_FromString(PyObject *);
PyAPI_FUNC(PyObject *) PyFloat_GetInfo(void);
PyAPI_FUNC(double) PyFloat_GetMax(void);
PyAPI_FUNC(double) PyFloat_GetMin(void);
PyAPI_FUNC(PyLongWriter *) PyLongWriter_Create(int, Py_ssize_t, void **);
PyAPI_FUNC(void) PyLongWriter_Discard(PyLongWriter *);
PyAPI_FUNC(PyObject *) PyLongWriter_Finish(PyLongWriter *);
PyAPI_FUNC(double) PyLong_AsDouble(PyObject *);
PyAPI_FUNC(long) PyLong_AsLong(PyObject *);
PyAPI_FUNC(long) PyLong_AsLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(long long) PyLong_AsLongLong(PyObject *);
PyAPI_FUNC(long long) PyLong_AsLongLongAndOverflow(PyObject *, int *);
PyAPI_FUNC(size_t) PyLong_AsSize_t(PyObject *);
PyAPI_FUNC(Py_ssize_t) PyLong_AsSsize_t(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLong(PyObject *);
PyAPI_FUNC(unsigned long long) PyLong_AsUnsignedLongLongMask(PyObject *);
PyAPI_FUNC(unsigned long) PyLong_AsUnsignedLongMask(PyObject *);
PyAPI_FUNC(void *) PyLong_AsVoidPtr(PyObject *);
PyAPI_FUNC(int) PyLong_Export(PyObject *, PyLongExport *);
PyAPI_FUNC(void) PyLong_FreeExport(PyLongExport *);
PyAPI_FUNC(PyObject *) PyLong_FromDouble(double);
PyAPI_FUNC(PyObject *) PyLong_FromLong(long);
PyAPI_FUNC(PyObject *) PyLong_FromLongLong(long long);
PyAPI_FUNC(PyObject *) PyLong_FromSize_t(size_t);
PyAPI_FUNC(PyObject *) PyLong_FromSsize_t(Py_ssize_t);
PyAPI_FUNC(PyObject *) PyLong_FromString(const char *, char **, int);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLong(unsigned long);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedLongLong(unsigned long long);
PyAPI_FUNC(PyObject *) PyLong_FromVoidPtr(void *);
PyAPI_FUNC(PyObject *) PyLong_GetInfo(void);
PyAPI_FUNC(const PyLongLayout *) PyLong_GetNativeLayout(void);
PyAPI_FUNC(char *) PyOS_double_to_string(double, char, int, int, int *);
PyAPI_FUNC(double) PyOS_string_to_double(const char *, char **, PyObject *);
PyAPI_FUNC(long) PyOS_strtol(const char *, char **, int);
PyAPI_FUNC(unsigned long) PyOS_strtoul(const char *, char **, int);
PyAPI_FUNC(int) Py_IsFalse(PyObject *);
PyAPI_FUNC(int) Py_IsTrue(PyObject *);

#if _Py_LIMITED_VERSION >= 0x030d0000
PyAPI_FUNC(int) PyLong_AsInt(PyObject *);
#endif /* >= 3.13 */

#if _Py_LIMITED_VERSION >= 0x030e0000
PyAPI_FUNC(int) PyLong_AsInt32(PyObject *, int32_t *);
PyAPI_FUNC(int) PyLong_AsInt64(PyObject *, int64_t *);
PyAPI_FUNC(Py_ssize_t) PyLong_AsNativeBytes(PyObject *, void *, Py_ssize_t, int);
PyAPI_FUNC(int) PyLong_AsUInt32(PyObject *, uint32_t *);
PyAPI_FUNC(int) PyLong_AsUInt64(PyObject *, uint64_t *);
PyAPI_FUNC(PyObject *) PyLong_FromInt32(int32_t);
PyAPI_FUNC(PyObject *) PyLong_FromInt64(int64_t);
PyAPI_FUNC(PyObject *) PyLong_FromNativeBytes(const void *, size_t, int);
PyAPI_FUNC(PyObject *) PyLong_FromUInt32(uint32_t);
PyAPI_FUNC(PyObject *) PyLong_FromUInt64(uint64_t);
PyAPI_FUNC(PyObject *) PyLong_FromUnsignedNativeBytes(const void *, size_t, int);
#endif /* >= 3.14 */

#endif
