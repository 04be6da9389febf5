/* Private header of Carapace's C shims: the C-variadic entry points of the
 * Stable ABI. Each shim pulls its variadic arguments into a plain array and
 * calls a non-variadic Rust function (capi/format.rs, capi/modsupport.rs,
 * capi/getargs.rs) that does the real work.
 *
 * Deliberately independent of CPython's headers and of include/. */
#ifndef CARAPACE_SHIM_H
#define CARAPACE_SHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct _object PyObject; /* opaque here */
typedef ssize_t Py_ssize_t;

#define CARAPACE_EXPORT __attribute__((visibility("default")))
#define CARAPACE_HIDDEN __attribute__((visibility("hidden")))
/* Defines the declared function as a second symbol for `target` (same address;
 * target must be defined in the same file): for the legacy names that are the
 * same function, such as the _SizeT variants. */
#define CARAPACE_ALIAS_OF(target) __attribute__((alias(#target)))

/* Argument kinds (core/src/fmt_units.rs `Kind`): keep equal. */
enum {
    CARAPACE_K_INT = 1,
    CARAPACE_K_UINT = 2,
    CARAPACE_K_LONG = 3,
    CARAPACE_K_ULONG = 4,
    CARAPACE_K_LONGLONG = 5,
    CARAPACE_K_ULONGLONG = 6,
    CARAPACE_K_SSIZE = 7,
    CARAPACE_K_SIZE = 8,
    CARAPACE_K_PTRDIFF = 9,
    CARAPACE_K_INTMAX = 10,
    CARAPACE_K_UINTMAX = 11,
    CARAPACE_K_DOUBLE = 12,
    CARAPACE_K_PTR = 13,
    CARAPACE_K_FUNC = 14
};

/* Grammars (core/src/fmt_units.rs `GRAMMAR_*`). */
enum {
    CARAPACE_G_BUILD = 1,
    CARAPACE_G_GETARGS = 2,
    CARAPACE_G_UNICODE = 3,
    CARAPACE_G_BYTES = 4
};

/* One variadic argument after default promotions (capi/format.rs `CArg`). */
typedef union {
    long long i;
    unsigned long long u;
    double d;
    void *p;
    void (*f)(void);
} carapace_arg;

/* Small on-stack capacity before the shims fall back to malloc. */
#define CARAPACE_SMALL_ARGS 32

/* shims/collect.c: read the arguments `fmt` consumes under `grammar` from
 * `*va` into `small` (or a malloc'ed array when more than `nsmall` are
 * needed; free it with carapace_release_args). On allocation failure sets
 * MemoryError and returns NULL. *n receives the count. */
CARAPACE_HIDDEN carapace_arg *carapace_collect(int grammar, const char *fmt, va_list *va,
                                               carapace_arg *small, Py_ssize_t nsmall,
                                               Py_ssize_t *n);
CARAPACE_HIDDEN void carapace_release_args(carapace_arg *args, carapace_arg *small);

/* The body the format-taking shims share: collect what `fmt` consumes under
 * `grammar` from `va` (a va_list *) into `cargs`, `n`, then `res = (call)` (an
 * expression over `cargs` and `n`) and release them; when collecting fails
 * (MemoryError is set) `res = (fail)` instead. */
#define CARAPACE_CALL_WITH_ARGS(res, fail, grammar, fmt, va, call)                    \
    do {                                                                          \
        carapace_arg small_[CARAPACE_SMALL_ARGS];                                 \
        Py_ssize_t n;                                                             \
        carapace_arg *cargs =                                                     \
            carapace_collect((grammar), (fmt), (va), small_, CARAPACE_SMALL_ARGS, &n); \
        if (cargs == NULL) {                                                       \
            (res) = (fail);                                                       \
            break;                                                                \
        }                                                                         \
        (res) = (call);                                                           \
        carapace_release_args(cargs, small_);                                     \
    } while (0)

/* Collect `n` pointers (PyObject* or PyObject**) from *va. */
CARAPACE_HIDDEN void **carapace_collect_ptrs(va_list *va, Py_ssize_t n, void **small,
                                             Py_ssize_t nsmall);
/* Count the pointers before the terminating NULL (va is left untouched). */
CARAPACE_HIDDEN Py_ssize_t carapace_count_until_null(va_list va);

/* The C API functions the shims call directly. */
PyObject *PyErr_NoMemory(void);

/* ---- Rust entry points: capi/format.rs ---- */
Py_ssize_t carapace_kinds(int grammar, const char *fmt, unsigned char *out, Py_ssize_t cap);
PyObject *carapace_unicode_from_format(const char *fmt, const carapace_arg *args, Py_ssize_t n);
PyObject *carapace_bytes_from_format(const char *fmt, const carapace_arg *args, Py_ssize_t n);
PyObject *carapace_err_format(PyObject *exc, const char *fmt, const carapace_arg *args,
                              Py_ssize_t n);
int carapace_warn_format(PyObject *category, Py_ssize_t stack_level, const char *fmt,
                         const carapace_arg *args, Py_ssize_t n);
int carapace_resource_warning(PyObject *source, Py_ssize_t stack_level, const char *fmt,
                              const carapace_arg *args, Py_ssize_t n);
/* which: 1 = stdout, 2 = stderr */
void carapace_sys_write(int which, const char *text, int truncated);
void carapace_sys_format(int which, const char *fmt, const carapace_arg *args, Py_ssize_t n);

/* ---- Rust entry points: capi/modsupport.rs ---- */
PyObject *carapace_build_value(const char *fmt, const carapace_arg *args, Py_ssize_t n);
PyObject *carapace_call_function(PyObject *callable, const char *fmt, const carapace_arg *args,
                                 Py_ssize_t n);
PyObject *carapace_call_method(PyObject *obj, const char *name, const char *fmt,
                               const carapace_arg *args, Py_ssize_t n);
PyObject *carapace_call_objargs(PyObject *callable, PyObject *const *objs, Py_ssize_t n);
PyObject *carapace_call_method_objargs(PyObject *obj, PyObject *name, PyObject *const *objs,
                                       Py_ssize_t n);
PyObject *carapace_tuple_pack(Py_ssize_t n, PyObject *const *objs);
int carapace_sys_audit(const char *event, const char *fmt, const carapace_arg *args,
                       Py_ssize_t n);

/* ---- Rust entry points: capi/getargs.rs ---- */
int carapace_arg_parse(PyObject *args, const char *fmt, const carapace_arg *cargs, Py_ssize_t n,
                       int compat);
int carapace_arg_parse_kw(PyObject *args, PyObject *kwargs, const char *fmt,
                          char *const *kwlist, const carapace_arg *cargs, Py_ssize_t n);
Py_ssize_t carapace_unpack_tuple_count(PyObject *args, const char *name, Py_ssize_t min,
                                       Py_ssize_t max);
void carapace_unpack_tuple_fill(PyObject *args, PyObject **const *dest, Py_ssize_t n);

#endif /* CARAPACE_SHIM_H */
