/* Carapace pyconfig.h -- build facts of the runtime (Linux, x86-64, LP64).
 * Only what extension modules commonly test; values equal CPython 3.15's
 * GIL build on the same platform. */
#ifndef Py_PYCONFIG_H
#define Py_PYCONFIG_H

/* Feature-test macros: must be set before any libc header is read. */
#ifndef _GNU_SOURCE
#  define _GNU_SOURCE 1
#endif
#ifndef _FILE_OFFSET_BITS
#  define _FILE_OFFSET_BITS 64
#endif
#ifndef _LARGEFILE_SOURCE
#  define _LARGEFILE_SOURCE 1
#endif
#ifndef _REENTRANT
#  define _REENTRANT 1
#endif

/* Type sizes and alignments. */
#define SIZEOF_SHORT        2
#define SIZEOF_INT          4
#define SIZEOF_LONG         8
#define SIZEOF_LONG_LONG    8
#define SIZEOF_FLOAT        4
#define SIZEOF_DOUBLE       8
#define SIZEOF_LONG_DOUBLE  16
#define SIZEOF_VOID_P       8
#define SIZEOF_SIZE_T       8
#define SIZEOF_UINTPTR_T    8
#define SIZEOF_WCHAR_T      4
#define SIZEOF_TIME_T       8
#define SIZEOF_OFF_T        8
#define SIZEOF_FPOS_T       16
#define SIZEOF_PID_T        4
#define SIZEOF_PTHREAD_T    8
#define SIZEOF_PTHREAD_KEY_T 4
#define SIZEOF__BOOL        1
#define ALIGNOF_LONG        8
#define ALIGNOF_SIZE_T      8
#define ALIGNOF_MAX_ALIGN_T 16
#define DOUBLE_IS_LITTLE_ENDIAN_IEEE754 1
#define PTHREAD_KEY_T_IS_COMPATIBLE_WITH_INT 1

/* Headers and facilities that are present. */
#define STDC_HEADERS 1
#define HAVE_STDINT_H 1
#define HAVE_INTTYPES_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRING_H 1
#define HAVE_STRINGS_H 1
#define HAVE_UNISTD_H 1
#define HAVE_FCNTL_H 1
#define HAVE_DLFCN_H 1
#define HAVE_PTHREAD_H 1
#define HAVE_SIGNAL_H 1
#define HAVE_WCHAR_H 1
#define HAVE_LANGINFO_H 1
#define HAVE_ERRNO_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_SELECT_H 1
#define HAVE_SYS_WAIT_H 1
#define HAVE_SYS_MMAN_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_RESOURCE_H 1
#define HAVE_SYS_IOCTL_H 1
#define HAVE_SYS_UN_H 1
#define HAVE_NETINET_IN_H 1
#define HAVE_NETDB_H 1
#define HAVE_DIRENT_H 1
#define HAVE_POLL_H 1
#define HAVE_LONG_DOUBLE 1
#define HAVE_GCC_ASM_FOR_X87 1
#define HAVE_GCC_ASM_FOR_X64 1
#define HAVE_STD_ATOMIC 1
#define HAVE_BUILTIN_ATOMIC 1
#define HAVE_DYNAMIC_LOADING 1
#define HAVE_DLOPEN 1
#define HAVE_FORK 1
#define HAVE_CLOCK 1
#define HAVE_CLOCK_GETTIME 1
#define HAVE_GETPID 1
#define HAVE_KILL 1
#define HAVE_SIGACTION 1
#define HAVE_STRFTIME 1
#define HAVE_MMAP 1
#define HAVE_POLL 1
#define HAVE_SNPRINTF 1
#define HAVE_UNAME 1
#define HAVE_WCSCOLL 1
#define HAVE_WCSFTIME 1
#define HAVE_WCSXFRM 1
#define HAVE_LIBDL 1
#define HAVE_PTHREAD_KILL 1
#define HAVE_PTHREAD_SIGMASK 1
#define HAVE_PTHREAD_GETCPUCLOCKID 1
#define HAVE_SETLOCALE 1
#define HAVE_NICE 1
#define HAVE_UTIMES 1
#define HAVE_ERF 1
#define HAVE_ERFC 1
#define HAVE_ACOSH 1
#define HAVE_ASINH 1
#define HAVE_ATANH 1
#define HAVE_EXPM1 1
#define HAVE_LOG1P 1
#define HAVE_LOG2 1

/* How the runtime was built. */
#define WITH_DOC_STRINGS 1
#define WITH_PYMALLOC 1
#define ENABLE_IPV6 1
#define RETSIGTYPE void
#define SOABI_PLATFORM "x86_64-linux-gnu"

#endif /* Py_PYCONFIG_H */
