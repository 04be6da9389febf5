/* Pulling variadic arguments into arrays, driven by the Rust format grammar. */
#include <stdlib.h>

#include "shim.h"

carapace_arg *
carapace_collect(int grammar, const char *fmt, va_list *va, carapace_arg *small,
                 Py_ssize_t nsmall, Py_ssize_t *n)
{
    unsigned char small_kinds[64];
    unsigned char *kinds = small_kinds;
    carapace_arg *args = small;
    Py_ssize_t count = carapace_kinds(grammar, fmt, small_kinds, (Py_ssize_t)sizeof small_kinds);
    Py_ssize_t i;

    *n = 0;
    if (count < 0) {
        return NULL; /* error already set */
    }
    if (count > (Py_ssize_t)sizeof small_kinds) {
        kinds = malloc((size_t)count);
        if (kinds == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        carapace_kinds(grammar, fmt, kinds, count);
    }
    if (count > nsmall) {
        args = malloc((size_t)count * sizeof(carapace_arg));
        if (args == NULL) {
            if (kinds != small_kinds) {
                free(kinds);
            }
            PyErr_NoMemory();
            return NULL;
        }
    }
    for (i = 0; i < count; i++) {
        carapace_arg *a = &args[i];
        a->u = 0;
        switch (kinds[i]) {
        case CARAPACE_K_INT: a->i = va_arg(*va, int); break;
        case CARAPACE_K_UINT: a->u = va_arg(*va, unsigned int); break;
        case CARAPACE_K_LONG: a->i = va_arg(*va, long); break;
        case CARAPACE_K_ULONG: a->u = va_arg(*va, unsigned long); break;
        case CARAPACE_K_LONGLONG: a->i = va_arg(*va, long long); break;
        case CARAPACE_K_ULONGLONG: a->u = va_arg(*va, unsigned long long); break;
        case CARAPACE_K_SSIZE: a->i = va_arg(*va, Py_ssize_t); break;
        case CARAPACE_K_SIZE: a->u = va_arg(*va, size_t); break;
        case CARAPACE_K_PTRDIFF: a->i = va_arg(*va, ptrdiff_t); break;
        case CARAPACE_K_INTMAX: a->i = va_arg(*va, intmax_t); break;
        case CARAPACE_K_UINTMAX: a->u = va_arg(*va, uintmax_t); break;
        case CARAPACE_K_DOUBLE: a->d = va_arg(*va, double); break;
        case CARAPACE_K_PTR: a->p = va_arg(*va, void *); break;
        case CARAPACE_K_FUNC: a->f = va_arg(*va, void (*)(void)); break;
        default:
            /* Unknown kind: the grammar and this switch disagree; stop
               reading (the Rust side sees fewer arguments and fails). */
            count = i;
            break;
        }
    }
    if (kinds != small_kinds) {
        free(kinds);
    }
    *n = count;
    return args;
}

void
carapace_release_args(carapace_arg *args, carapace_arg *small)
{
    if (args != NULL && args != small) {
        free(args);
    }
}

void **
carapace_collect_ptrs(va_list *va, Py_ssize_t n, void **small, Py_ssize_t nsmall)
{
    void **out = small;
    Py_ssize_t i;
    if (n > nsmall) {
        out = malloc((size_t)n * sizeof(void *));
        if (out == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    for (i = 0; i < n; i++) {
        out[i] = va_arg(*va, void *);
    }
    return out;
}

Py_ssize_t
carapace_count_until_null(va_list va)
{
    Py_ssize_t n = 0;
    va_list countva;
    va_copy(countva, va);
    while (va_arg(countva, void *) != NULL) {
        n++;
    }
    va_end(countva);
    return n;
}
