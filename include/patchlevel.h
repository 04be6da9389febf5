/* Carapace patchlevel.h -- the CPython version Carapace presents itself as,
 * and the helpers that pack version numbers. */
#ifndef _Py_PATCHLEVEL_H
#define _Py_PATCHLEVEL_H

/* Release levels used in the low byte of a packed version. */
#define PY_RELEASE_LEVEL_ALPHA  0xA
#define PY_RELEASE_LEVEL_BETA   0xB
#define PY_RELEASE_LEVEL_GAMMA  0xC
#define PY_RELEASE_LEVEL_FINAL  0xF

#define PY_MAJOR_VERSION   3
#define PY_MINOR_VERSION   15
#define PY_MICRO_VERSION   2
#define PY_RELEASE_LEVEL   PY_RELEASE_LEVEL_FINAL
#define PY_RELEASE_SERIAL  0
#define PY_VERSION         "3.15.2"

/* X.Y.Z + level + serial packed as 0xXXYYZZLS (usable in #if). */
#define _Py_PACK_FULL_VERSION(X, Y, Z, LEVEL, SERIAL) \
    ((((X) & 0xff) << 24) | (((Y) & 0xff) << 16) | (((Z) & 0xff) << 8) \
     | (((LEVEL) & 0xf) << 4) | ((SERIAL) & 0xf))
#define _Py_PACK_VERSION(X, Y) _Py_PACK_FULL_VERSION(X, Y, 0, 0, 0)

#define PY_VERSION_HEX  0x030F02F0

/* C API and ABI version stamps (unchanged for many releases). */
#define PYTHON_API_VERSION  1013
#define PYTHON_API_STRING   "1013"
#define PYTHON_ABI_VERSION  3
#define PYTHON_ABI_STRING   "3"

#endif /* _Py_PATCHLEVEL_H */
