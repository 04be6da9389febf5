/* Carapace Python.h -- the Limited C API and Stable ABI (abi3, abi3t) of
 * CPython 3.15 for extensions loaded by Carapace. Written for Carapace;
 * ABI-identical to CPython 3.15's headers for every Py_LIMITED_API value and
 * for Py_TARGET_ABI3T. Extensions include only this file. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "patchlevel.h"
#include "pyconfig.h"

/* C library headers extensions have always received from Python.h. */
#include <assert.h>
#include <inttypes.h>
#include <stdint.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <wchar.h>
#include <sys/types.h>
#include <sys/stat.h>

#include "carapace/abi.h"

/* Older Limited API versions also pulled these in; keep doing so. */
#if _Py_LIMITED_VERSION < 0x030b0000
#  include <errno.h>
#  include <stdio.h>
#  include <stdlib.h>
#endif
#if _Py_LIMITED_VERSION < 0x030d0000
#  include <ctype.h>
#  include <unistd.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#include "carapace/types.h"
#include "carapace/slots.h"

#include "carapace/api_object.h"
#include "carapace/api_numbers.h"
#include "carapace/api_text.h"
#include "carapace/api_containers.h"
#include "carapace/api_callables.h"
#include "carapace/api_errors.h"
#include "carapace/api_runtime.h"
#include "carapace/api_abstract.h"

#include "carapace/inline.h"

#ifdef __cplusplus
}
#endif

#endif /* Py_PYTHON_H */
