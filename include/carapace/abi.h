/* Carapace: ABI selection, portability and utility macros.
 *
 * Which API an extension sees is decided here:
 *   Py_LIMITED_API=V   abi3, Limited API of version V (3 means 3.2)
 *   Py_TARGET_ABI3T=V  abi3t (PEP 803): free-threading-neutral stable ABI,
 *                      PyObject becomes opaque; V must be >= 3.15
 *   neither            the whole Limited API of 3.15 (Carapace ships no
 *                      non-limited API)
 * Everything below tests the single number _Py_LIMITED_VERSION. */
#ifndef CARAPACE_ABI_H
#define CARAPACE_ABI_H

/* ---- ABI selection ---------------------------------------------------- */
#if defined(Py_BUILD_CORE_BUILTIN) || defined(Py_BUILD_CORE_MODULE)
#  ifndef Py_BUILD_CORE
#    define Py_BUILD_CORE
#  endif
#endif

#if defined(Py_LIMITED_API) && Py_LIMITED_API+0 < 3
#  undef Py_LIMITED_API
#  define Py_LIMITED_API 0x03020000
#endif
#if defined(Py_TARGET_ABI3T) && Py_TARGET_ABI3T+0 < 0x030f0000
#  error "Py_TARGET_ABI3T needs a version of 0x030f0000 (3.15) or later"
#endif

/* Limited API on a free-threaded configuration means abi3t. */
#if defined(Py_LIMITED_API) && defined(Py_GIL_DISABLED) && !defined(Py_TARGET_ABI3T)
#  define Py_TARGET_ABI3T Py_LIMITED_API
#endif

#if defined(Py_TARGET_ABI3T)
#  define _Py_OPAQUE_PYOBJECT
#  if !defined(Py_LIMITED_API)
#    define Py_LIMITED_API Py_TARGET_ABI3T
#  elif Py_LIMITED_API > Py_TARGET_ABI3T
#    undef Py_LIMITED_API
#    define Py_LIMITED_API Py_TARGET_ABI3T
#  endif
#  if !defined(Py_GIL_DISABLED)
#    define Py_GIL_DISABLED
#  endif
#elif defined(_Py_OPAQUE_PYOBJECT)
#  error "_Py_OPAQUE_PYOBJECT is set by Py_TARGET_ABI3T; define that instead"
#endif

#if defined(Py_LIMITED_API)
#  undef Py_BUILD_CORE
#  undef Py_BUILD_CORE_BUILTIN
#  undef Py_BUILD_CORE_MODULE
#  if Py_LIMITED_API+0 == 3
#    define _Py_LIMITED_VERSION 0x03020000
#  else
#    define _Py_LIMITED_VERSION (Py_LIMITED_API+0)
#  endif
#else
#  define _Py_LIMITED_VERSION 0x030f0000
#endif

/* ---- symbol visibility -------------------------------------------------- */
#if defined(__GNUC__) || defined(__clang__)
#  define Py_IMPORTED_SYMBOL __attribute__((visibility("default")))
#  define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#  define Py_LOCAL_SYMBOL    __attribute__((visibility("hidden")))
#else
#  define Py_IMPORTED_SYMBOL
#  define Py_EXPORTED_SYMBOL
#  define Py_LOCAL_SYMBOL
#endif

/* Functions and data exported by libpython3.so. */
#define PyAPI_FUNC(RTYPE) Py_EXPORTED_SYMBOL RTYPE
#define PyAPI_DATA(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE

/* Module entry points: C linkage, exported. */
#ifdef __cplusplus
#  define _PyINIT_FUNC_DECLSPEC extern "C" Py_EXPORTED_SYMBOL
#else
#  define _PyINIT_FUNC_DECLSPEC Py_EXPORTED_SYMBOL
#endif
#define PyMODINIT_FUNC   _PyINIT_FUNC_DECLSPEC PyObject*
#define PyMODEXPORT_FUNC _PyINIT_FUNC_DECLSPEC PySlot*

/* ---- compiler helpers --------------------------------------------------- */
#ifdef __cplusplus
#  define _Py_STATIC_CAST(T, e) static_cast<T>(e)
#  define _Py_CAST(T, e) ((T)(e))
#  if __cplusplus >= 201103
#    define _Py_NULL nullptr
#  else
#    define _Py_NULL NULL
#  endif
#else
#  define _Py_STATIC_CAST(T, e) ((T)(e))
#  define _Py_CAST(T, e) ((T)(e))
#  define _Py_NULL NULL
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#  define Py_ALWAYS_INLINE __attribute__((always_inline))
#  define Py_NO_INLINE __attribute__((noinline))
#  define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#  define _Py_NO_RETURN __attribute__((__noreturn__))
#  define Py_ALIGNED(x) __attribute__((aligned(x)))
#  define Py_UNUSED(name) _unused_ ## name __attribute__((unused))
#  define Py_UNREACHABLE() __builtin_unreachable()
#  define _Py_TYPEOF(expr) __typeof__(expr)
#else
#  define Py_GCC_ATTRIBUTE(x)
#  define Py_ALWAYS_INLINE
#  define Py_NO_INLINE
#  define Py_DEPRECATED(VERSION_UNUSED)
#  define _Py_NO_RETURN
#  define Py_ALIGNED(x)
#  define Py_UNUSED(name) _unused_ ## name
#  define Py_UNREACHABLE() abort()
#endif

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#if _Py_LIMITED_VERSION < 0x030b0000
#  define Py_MEMCPY memcpy
#endif
#define Py_VA_COPY va_copy
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))
#define Py_FORCE_EXPANSION(X) X
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) _Py_STATIC_CAST(NARROW, (VALUE))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define Py_LL(x) x##LL
#define Py_ULL(x) Py_LL(x##U)

/* small arithmetic / stringification helpers */
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define _Py_XSTRINGIFY(x) #x
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)
#define Py_MEMBER_SIZE(type, member) sizeof(((type *)0)->member)

#if defined(__cplusplus) && __cplusplus >= 201103L
#  define Py_BUILD_ASSERT_EXPR(cond) \
     (sizeof(char[(cond) ? 1 : -1]) ? 0 : 0)
#  define Py_BUILD_ASSERT(cond) static_assert((cond), #cond)
#elif defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#  define Py_BUILD_ASSERT_EXPR(cond) \
     ((void)sizeof(struct { int dummy; _Static_assert(cond, #cond); }), 0)
#  define Py_BUILD_ASSERT(cond) do { _Static_assert((cond), #cond); } while (0)
#else
#  define Py_BUILD_ASSERT_EXPR(cond) (sizeof(char[1 - 2 * !(cond)]) - 1)
#  define Py_BUILD_ASSERT(cond) ((void)Py_BUILD_ASSERT_EXPR(cond))
#endif

#if defined(__GNUC__) && !defined(__cplusplus)
#  define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]) \
     + Py_BUILD_ASSERT_EXPR(!__builtin_types_compatible_p(__typeof__(a), __typeof__(&(a)[0]))))
#else
#  define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* docstrings */
#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STR(str) str
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)

/* ---- integer types and limits ------------------------------------------- */
#define HAVE_LONG_LONG 1
#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#ifndef LONG_LONG_MAX
#  define LONG_LONG_MAX __LONG_LONG_MAX__
#endif
#ifndef LONG_LONG_MIN
#  define LONG_LONG_MIN (-LONG_LONG_MAX - 1LL)
#endif
#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t
#define PYLONG_BITS_IN_DIGIT 30
#define PY_DWORD_MAX 4294967295U
#define PY_SIZE_MAX SIZE_MAX
#define PY_SSIZE_T_MAX INTPTR_MAX
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_FORMAT_SIZE_T "z"
#define PY_STDIOTEXTMODE "b"
#define PY_TIMEOUT_T long long
#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T
#define PY_LITTLE_ENDIAN 1
#define PY_BIG_ENDIAN 0
#ifndef LONG_BIT
#  define LONG_BIT (8 * SIZEOF_LONG)
#endif
#define PY_CXX_CONST
#define Py_CAN_START_THREADS 1
#define WITH_THREAD
#define Py_USING_UNICODE
#define Py_UNICODE_WIDE
#define Py_UNICODE_SIZE SIZEOF_WCHAR_T

typedef uintptr_t Py_uintptr_t;
typedef intptr_t  Py_intptr_t;
typedef ssize_t   Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t    Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;

/* hash algorithm identifiers */
#define Py_HASH_EXTERNAL 0
#define Py_HASH_SIPHASH24 1
#define Py_HASH_FNV 2
#define Py_HASH_SIPHASH13 3
#define Py_HASH_ALGORITHM Py_HASH_SIPHASH13
#define Py_HASH_CUTOFF 0

/* floating point helpers */
#define Py_HUGE_VAL HUGE_VAL
#define Py_INFINITY ((double)INFINITY)
#define Py_NAN ((double)NAN)
#define Py_IS_NAN(X) isnan(X)
#define Py_IS_INFINITY(X) isinf(X)
#define Py_IS_FINITE(X) isfinite(X)
#define Py_MATH_PIl 3.1415926535897932384626433832795029L
#define Py_MATH_PI 3.14159265358979323846
#define Py_MATH_El 2.7182818284590452353602874713526625L
#define Py_MATH_E 2.7182818284590452354
#define Py_MATH_TAU 6.2831853071795864769252867665590057683943L

#endif /* CARAPACE_ABI_H */
