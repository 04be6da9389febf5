//! `time`: the POSIX clocks (`clock_gettime`), `sleep` (interruptible: a signal
//! runs its handler, SIGINT raises KeyboardInterrupt), the calendar functions
//! over libc's `gmtime_r`/`localtime_r`/`mktime`/`strftime`, `struct_time`, and
//! the time zone constants.

use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;
use std::sync::OnceLock;

use crate::defs::*;
use crate::exported::*;
use crate::modules::{add, add_int, check_positional, ret};
use crate::object::*;
use crate::objects::sequtil::fastcall_args;
use crate::objects::typeobject::type_name;
use crate::objects::{dict, float, long, structseq, tuple, unicode};
use crate::protocols::object as pobj;

crate::native_module!(
    c"time",
    c"This module provides various functions to manipulate time values.",
    exec,
    [
        crate::func!(c"time", time, METH_NOARGS, c"time($module, /)\n--\n\nSeconds since the Epoch, as a float."),
        crate::func!(c"time_ns", time_ns, METH_NOARGS, c"time_ns($module, /)\n--\n\nNanoseconds since the Epoch, as an int."),
        crate::func!(c"monotonic", monotonic, METH_NOARGS, c"monotonic($module, /)\n--\n\nA monotonic clock, in seconds."),
        crate::func!(c"monotonic_ns", monotonic_ns, METH_NOARGS, c"monotonic_ns($module, /)\n--\n\nA monotonic clock, in nanoseconds."),
        crate::func!(c"perf_counter", monotonic, METH_NOARGS, c"perf_counter($module, /)\n--\n\nThe performance counter, in seconds."),
        crate::func!(c"perf_counter_ns", monotonic_ns, METH_NOARGS, c"perf_counter_ns($module, /)\n--\n\nThe performance counter, in nanoseconds."),
        crate::func!(c"process_time", process_time, METH_NOARGS, c"process_time($module, /)\n--\n\nCPU time of the process, in seconds."),
        crate::func!(c"process_time_ns", process_time_ns, METH_NOARGS, c"process_time_ns($module, /)\n--\n\nCPU time of the process, in nanoseconds."),
        crate::func!(c"thread_time", thread_time, METH_NOARGS, c"thread_time($module, /)\n--\n\nCPU time of the thread, in seconds."),
        crate::func!(c"thread_time_ns", thread_time_ns, METH_NOARGS, c"thread_time_ns($module, /)\n--\n\nCPU time of the thread, in nanoseconds."),
        crate::func!(c"clock_gettime", clock_gettime, METH_O, c"clock_gettime($module, clk_id, /)\n--\n\nThe time of the given clock, in seconds."),
        crate::func!(c"clock_gettime_ns", clock_gettime_ns, METH_O, c"clock_gettime_ns($module, clk_id, /)\n--\n\nThe time of the given clock, in nanoseconds."),
        crate::func!(c"clock_getres", clock_getres, METH_O, c"clock_getres($module, clk_id, /)\n--\n\nThe resolution of the given clock, in seconds."),
        crate::func!(c"clock_settime", clock_settime, METH_FASTCALL, c"clock_settime($module, clk_id, time, /)\n--\n\nSet the given clock, in seconds."),
        crate::func!(c"clock_settime_ns", clock_settime_ns, METH_FASTCALL, c"clock_settime_ns($module, clk_id, time, /)\n--\n\nSet the given clock, in nanoseconds."),
        crate::func!(c"pthread_getcpuclockid", pthread_getcpuclockid, METH_O, c"pthread_getcpuclockid($module, thread_id, /)\n--\n\nThe clock id of a thread's CPU time."),
        crate::func!(c"sleep", sleep, METH_O, c"sleep($module, seconds, /)\n--\n\nDelay execution for a number of seconds."),
        crate::func!(c"gmtime", gmtime, METH_FASTCALL, c"gmtime([seconds]) -> struct_time\n\nSeconds since the Epoch as UTC calendar time."),
        crate::func!(c"localtime", localtime, METH_FASTCALL, c"localtime([seconds]) -> struct_time\n\nSeconds since the Epoch as local calendar time."),
        crate::func!(c"mktime", mktime, METH_O, c"mktime(tuple) -> floating-point number\n\nLocal calendar time as seconds since the Epoch."),
        crate::func!(c"asctime", asctime, METH_FASTCALL, c"asctime([tuple]) -> string\n\nA calendar time as 'Sat Jun 06 16:26:11 1998'."),
        crate::func!(c"ctime", ctime, METH_FASTCALL, c"ctime(seconds) -> string\n\nSeconds since the Epoch as local time, like asctime()."),
        crate::func!(c"strftime", strftime, METH_FASTCALL, c"strftime(format[, tuple]) -> string\n\nA calendar time formatted by the C library's strftime."),
        crate::func!(c"strptime", strptime, METH_FASTCALL, c"strptime(string, format) -> struct_time\n\nParse a string to a time tuple according to a format."),
        crate::func!(c"tzset", tzset_, METH_NOARGS, c"tzset($module, /)\n--\n\nReinitialize the time zone from the TZ environment variable."),
        crate::func!(c"get_clock_info", get_clock_info, METH_O, c"get_clock_info($module, name, /)\n--\n\nInformation about the clock of the given name."),
    ]
);

const CLOCKS: &[(&str, libc::clockid_t)] = &[
    ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
    ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
    ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
    ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
    ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
    ("CLOCK_TAI", libc::CLOCK_TAI),
    ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
];

unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    for &(name, id) in CLOCKS {
        add_int(m, name, id as i64)?;
    }
    add_int(m, "_STRUCT_TM_ITEMS", 11)?;
    add(m, "struct_time", new_ref(struct_time_type()?))?;
    init_timezone(m)
}

// ---- clocks -------------------------------------------------------------------------------

/// Nanoseconds of a clock (OSError when the clock does not exist).
unsafe fn clock_ns(id: libc::clockid_t) -> PyResult<i128> {
    let mut ts: libc::timespec = core::mem::zeroed();
    if libc::clock_gettime(id, &mut ts) != 0 {
        return os_error();
    }
    Ok(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
}

fn os_error<T>() -> PyResult<T> {
    unsafe {
        let e = *libc::__errno_location();
        crate::errors::set_from_errno_objects(
            crate::objects::exceptions::exc(&raw mut PyExc_OSError),
            e,
            null_mut(),
            null_mut(),
        );
    }
    Err(())
}

fn seconds(ns: i128) -> PyResult<*mut PyObject> {
    nonnull(unsafe { float::from_f64(ns as f64 * 1e-9) })
}

fn nanoseconds(ns: i128) -> PyResult<*mut PyObject> {
    nonnull(unsafe { long::from_i128(ns) })
}

macro_rules! clock_fns {
    ($($secs:ident, $ns:ident => $id:expr;)*) => {$(
        unsafe extern "C" fn $secs(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            ret(clock_ns($id).and_then(seconds))
        }
        unsafe extern "C" fn $ns(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
            ret(clock_ns($id).and_then(nanoseconds))
        }
    )*};
}

clock_fns! {
    time, time_ns => libc::CLOCK_REALTIME;
    monotonic, monotonic_ns => libc::CLOCK_MONOTONIC;
    process_time, process_time_ns => libc::CLOCK_PROCESS_CPUTIME_ID;
    thread_time, thread_time_ns => libc::CLOCK_THREAD_CPUTIME_ID;
}

unsafe fn clock_id(o: *mut PyObject) -> PyResult<libc::clockid_t> {
    if !long::is_long(o) {
        return crate::raise!(
            PyExc_TypeError,
            "clk_id should be integer, not {}",
            type_name(Py_TYPE(o))
        );
    }
    let v = crate::modules::math_integer::index_big(o)?;
    num_traits::ToPrimitive::to_i32(&v).ok_or(()).or_else(|()| {
        crate::raise!(
            PyExc_OverflowError,
            "Python int too large to convert to C int"
        )
    })
}

unsafe extern "C" fn clock_gettime(_m: *mut PyObject, id: *mut PyObject) -> *mut PyObject {
    ret(clock_id(id).and_then(|id| clock_ns(id)).and_then(seconds))
}

unsafe extern "C" fn clock_gettime_ns(_m: *mut PyObject, id: *mut PyObject) -> *mut PyObject {
    ret(clock_id(id)
        .and_then(|id| clock_ns(id))
        .and_then(nanoseconds))
}

unsafe extern "C" fn clock_getres(_m: *mut PyObject, id: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let id = clock_id(id)?;
        let mut ts: libc::timespec = core::mem::zeroed();
        if libc::clock_getres(id, &mut ts) != 0 {
            return os_error();
        }
        seconds(ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128)
    })())
}

unsafe fn settime(
    args: *const *mut PyObject,
    n: Py_ssize_t,
    name: &str,
    ns: bool,
) -> PyResult<*mut PyObject> {
    check_positional(name, n as usize, 2, 2)?;
    let a = fastcall_args(args, n);
    let id = clock_id(a[0])?;
    let total: i128 = if ns {
        let v = crate::modules::math_integer::index_big(a[1])?;
        num_traits::ToPrimitive::to_i128(&v).unwrap_or(i128::MAX)
    } else {
        (float::as_f64(a[1])? * 1e9) as i128
    };
    let ts = libc::timespec {
        tv_sec: total.div_euclid(1_000_000_000) as libc::time_t,
        tv_nsec: total.rem_euclid(1_000_000_000) as _,
    };
    if libc::clock_settime(id, &ts) != 0 {
        return os_error();
    }
    Ok(new_ref(none()))
}

unsafe extern "C" fn clock_settime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret(settime(args, n, "clock_settime", false))
}

unsafe extern "C" fn clock_settime_ns(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret(settime(args, n, "clock_settime_ns", true))
}

unsafe extern "C" fn pthread_getcpuclockid(_m: *mut PyObject, tid: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let v = crate::modules::math_integer::index_big(tid)?;
        let t = num_traits::ToPrimitive::to_u64(&v)
            .ok_or(())
            .or_else(|()| {
                crate::raise!(
                    PyExc_OverflowError,
                    "Python int too large to convert to C unsigned long"
                )
            })?;
        let mut id: libc::clockid_t = 0;
        let e = libc::pthread_getcpuclockid(t as libc::pthread_t, &mut id);
        if e != 0 {
            *libc::__errno_location() = e;
            return os_error();
        }
        nonnull(long::from_i64(id as i64))
    })())
}

unsafe extern "C" fn get_clock_info(_m: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if !unicode::is_unicode(name) {
            return crate::raise!(
                PyExc_TypeError,
                "get_clock_info() argument must be str, not {}",
                type_name(Py_TYPE(name))
            );
        }
        let (implementation, id, mono, adjustable) = match unicode::as_str(name) {
            "time" => (
                "clock_gettime(CLOCK_REALTIME)",
                libc::CLOCK_REALTIME,
                false,
                true,
            ),
            "monotonic" | "perf_counter" => (
                "clock_gettime(CLOCK_MONOTONIC)",
                libc::CLOCK_MONOTONIC,
                true,
                false,
            ),
            "process_time" => (
                "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)",
                libc::CLOCK_PROCESS_CPUTIME_ID,
                true,
                false,
            ),
            "thread_time" => (
                "clock_gettime(CLOCK_THREAD_CPUTIME_ID)",
                libc::CLOCK_THREAD_CPUTIME_ID,
                true,
                false,
            ),
            _ => return crate::raise!(PyExc_ValueError, "unknown clock"),
        };
        let mut ts: libc::timespec = core::mem::zeroed();
        libc::clock_getres(id, &mut ts);
        let res = ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9;
        let kw = Owned::from_new(dict::new()).ok_or(())?;
        let items: [(&str, *mut PyObject); 4] = [
            ("implementation", unicode::from_str(implementation)),
            (
                "monotonic",
                new_ref(crate::objects::sequtil::bool_ref(mono)),
            ),
            (
                "adjustable",
                new_ref(crate::objects::sequtil::bool_ref(adjustable)),
            ),
            ("resolution", float::from_f64(res)),
        ];
        for (k, v) in items {
            let v = Owned::from_new(v).ok_or(())?;
            dict::set_str(kw.as_ptr(), k, v.as_ptr())?;
        }
        // types.SimpleNamespace, as CPython returns.
        let tname = Owned::from_new(unicode::from_str("types")).ok_or(())?;
        let types = Owned::from_new(crate::import::import(tname.as_ptr())).ok_or(())?;
        let ns = Owned::from_new(pobj::get_attr_str(types.as_ptr(), "SimpleNamespace")).ok_or(())?;
        nonnull(crate::protocols::call::call(
            ns.as_ptr(),
            tuple::empty(),
            kw.as_ptr(),
        ))
    })())
}

// ---- sleep ---------------------------------------------------------------------------------

/// A number of seconds as nanoseconds, rounded as `how` (CPython's `_PyTime_FromSecondsObject`).
unsafe fn seconds_arg(o: *mut PyObject, floor: bool) -> PyResult<i128> {
    if float::is_float(o) {
        let d = float::value(o);
        if d.is_nan() {
            return crate::raise!(PyExc_ValueError, "Invalid value NaN (not a number)");
        }
        let ns = d * 1e9;
        let ns = if floor { ns.floor() } else { ns.ceil() };
        if ns.abs() >= 9.2e18 {
            return crate::raise!(
                PyExc_OverflowError,
                "timestamp too large to convert to C PyTime_t"
            );
        }
        return Ok(ns as i128);
    }
    if long::is_long(o) {
        let v = long::to_bigint(o);
        return match num_traits::ToPrimitive::to_i64(&v).and_then(|s| s.checked_mul(1_000_000_000))
        {
            Some(ns) => Ok(ns as i128),
            None => crate::raise!(
                PyExc_OverflowError,
                "timestamp too large to convert to C PyTime_t"
            ),
        };
    }
    Ok((float::as_f64(o)? * 1e9).ceil() as i128)
}

unsafe extern "C" fn sleep(_m: *mut PyObject, secs: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let ns = seconds_arg(secs, false)?;
        if ns < 0 {
            return crate::raise!(PyExc_ValueError, "sleep length must be non-negative");
        }
        let deadline = clock_ns(libc::CLOCK_MONOTONIC)? + ns;
        let mut left = ns;
        loop {
            let ts = libc::timespec {
                tv_sec: (left / 1_000_000_000) as libc::time_t,
                tv_nsec: (left % 1_000_000_000) as _,
            };
            // Detached while asleep, so that a collection (which stops the
            // world) never waits for this thread.
            let tstate = crate::pystate::detach();
            let r = libc::clock_nanosleep(libc::CLOCK_MONOTONIC, 0, &ts, null_mut());
            if !tstate.is_null() {
                crate::pystate::attach(tstate);
            }
            if r == 0 {
                return Ok(new_ref(none()));
            }
            if r != libc::EINTR {
                *libc::__errno_location() = r;
                return os_error();
            }
            // A signal: its handler runs now (SIGINT raises KeyboardInterrupt),
            // then the sleep goes on for what is left.
            if crate::pystate::take_sigint() {
                crate::errors::set_object(
                    crate::objects::exceptions::exc(&raw mut PyExc_KeyboardInterrupt),
                    null_mut(),
                );
                return Err(());
            }
            if crate::objects::sysmodule::check_signals() < 0 {
                return Err(());
            }
            left = deadline - clock_ns(libc::CLOCK_MONOTONIC)?;
            if left <= 0 {
                return Ok(new_ref(none()));
            }
        }
    })())
}

// ---- struct_time and the calendar ----------------------------------------------------------

static mut FIELDS: [PyStructSequence_Field; 12] = [
    field(c"tm_year", c"year, for example, 1993"),
    field(c"tm_mon", c"month of year, range [1, 12]"),
    field(c"tm_mday", c"day of month, range [1, 31]"),
    field(c"tm_hour", c"hours, range [0, 23]"),
    field(c"tm_min", c"minutes, range [0, 59]"),
    field(c"tm_sec", c"seconds, range [0, 61])"),
    field(c"tm_wday", c"day of week, range [0, 6], Monday is 0"),
    field(c"tm_yday", c"day of year, range [1, 366]"),
    field(
        c"tm_isdst",
        c"1 if summer time is in effect, 0 if not, and -1 if unknown",
    ),
    field(c"tm_zone", c"abbreviation of timezone name"),
    field(c"tm_gmtoff", c"offset from UTC in seconds"),
    PyStructSequence_Field {
        name: core::ptr::null(),
        doc: core::ptr::null(),
    },
];

const fn field(name: &'static CStr, doc: &'static CStr) -> PyStructSequence_Field {
    PyStructSequence_Field {
        name: name.as_ptr(),
        doc: doc.as_ptr(),
    }
}

static mut DESC: PyStructSequence_Desc = PyStructSequence_Desc {
    name: c"time.struct_time".as_ptr(),
    doc: c"The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().  May be considered as a\n sequence of 9 integers.\n\n Note that several fields' values are not the same as those defined by\n the C language standard for struct tm.  For example, the value of the\n field tm_year is the actual year, not year - 1900.  See individual\n fields' descriptions for details.".as_ptr(),
    fields: (&raw mut FIELDS) as *mut PyStructSequence_Field,
    n_in_sequence: 9,
};

/// The one `time.struct_time` type of the process (made on first use).
unsafe fn struct_time_type() -> PyResult<*mut PyObject> {
    static TYPE: OnceLock<usize> = OnceLock::new();
    if let Some(&t) = TYPE.get() {
        return Ok(t as *mut PyObject);
    }
    let t = nonnull(structseq::new_type(&raw mut DESC))?;
    let kept = *TYPE.get_or_init(|| t as usize);
    if kept != t as usize {
        Py_DECREF(t);
    }
    Ok(kept as *mut PyObject)
}

/// A `struct_time` from a C `tm`.
unsafe fn from_tm(tm: &libc::tm) -> PyResult<*mut PyObject> {
    let t = struct_time_type()?;
    let o = Owned::from_new(structseq::new(t as *mut crate::typeobj::PyTypeObject)).ok_or(())?;
    let zone = if tm.tm_zone.is_null() {
        new_ref(none())
    } else {
        unicode::from_utf8(CStr::from_ptr(tm.tm_zone).to_bytes())
    };
    let vals = [
        long::from_i64(tm.tm_year as i64 + 1900),
        long::from_i64(tm.tm_mon as i64 + 1),
        long::from_i64(tm.tm_mday as i64),
        long::from_i64(tm.tm_hour as i64),
        long::from_i64(tm.tm_min as i64),
        long::from_i64(tm.tm_sec as i64),
        long::from_i64((tm.tm_wday as i64 + 6) % 7),
        long::from_i64(tm.tm_yday as i64 + 1),
        long::from_i64(tm.tm_isdst as i64),
        zone,
        long::from_i64(tm.tm_gmtoff),
    ];
    let mut err = false;
    for (i, v) in vals.into_iter().enumerate() {
        err |= v.is_null();
        tuple::set_item_steal(o.as_ptr(), i as Py_ssize_t, v);
    }
    if err {
        return Err(());
    }
    Ok(o.into_ptr())
}

/// The argument count check of a `PyArg_ParseTuple` function ("gmtime() takes
/// at most 1 argument (2 given)").
fn check_varargs(name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    let (how, k) = if min == max {
        ("exactly", min)
    } else if n < min {
        ("at least", min)
    } else {
        ("at most", max)
    };
    let s = if k == 1 { "" } else { "s" };
    crate::raise!(
        PyExc_TypeError,
        "{}() takes {} {} argument{} ({} given)",
        name,
        how,
        k,
        s,
        n
    )
}

/// The optional seconds argument of gmtime/localtime/ctime as a `time_t`.
unsafe fn time_t_arg(
    name: &str,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> PyResult<libc::time_t> {
    check_varargs(name, n as usize, 0, 1)?;
    let a = fastcall_args(args, n);
    if a.is_empty() || a[0] == none() {
        return Ok((clock_ns(libc::CLOCK_REALTIME)?.div_euclid(1_000_000_000)) as libc::time_t);
    }
    let o = a[0];
    let overflow = || {
        crate::raise!(
            PyExc_OverflowError,
            "timestamp out of range for platform time_t"
        )
    };
    if float::is_float(o) {
        let d = float::value(o);
        if d.is_nan() {
            return crate::raise!(PyExc_ValueError, "Invalid value NaN (not a number)");
        }
        let f = d.floor();
        if !(-9.2e18..9.2e18).contains(&f) {
            return overflow();
        }
        return Ok(f as libc::time_t);
    }
    if long::is_long(o) {
        return match long::to_i64(o) {
            Some(v) => Ok(v),
            None => overflow(),
        };
    }
    let d = float::as_f64(o)?;
    if !(-9.2e18..9.2e18).contains(&d) {
        return overflow();
    }
    Ok(d.floor() as libc::time_t)
}

/// `gmtime_r` or `localtime_r`; OSError (EOVERFLOW) when the year does not fit.
unsafe fn broken_down(t: libc::time_t, local: bool) -> PyResult<libc::tm> {
    let mut tm: libc::tm = core::mem::zeroed();
    *libc::__errno_location() = 0;
    let r = if local {
        libc::localtime_r(&t, &mut tm)
    } else {
        libc::gmtime_r(&t, &mut tm)
    };
    if r.is_null() {
        if *libc::__errno_location() == 0 {
            *libc::__errno_location() = libc::EINVAL;
        }
        return os_error();
    }
    Ok(tm)
}

unsafe extern "C" fn gmtime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret(time_t_arg("gmtime", args, n).and_then(|t| from_tm(&broken_down(t, false)?)))
}

unsafe extern "C" fn localtime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret(time_t_arg("localtime", args, n).and_then(|t| from_tm(&broken_down(t, true)?)))
}

/// A C `tm` from a struct_time or a 9-tuple (CPython's `gettmarg`); the zone
/// string, when the struct_time has one, is kept alive in the returned buffer.
unsafe fn tm_arg(o: *mut PyObject, fname: &str) -> PyResult<(libc::tm, Option<std::ffi::CString>)> {
    if !tuple::is_tuple(o) {
        return crate::raise!(PyExc_TypeError, "Tuple or struct_time argument required");
    }
    let items = tuple::as_slice(o);
    let is_struct = Py_TYPE(o) as *mut PyObject == struct_time_type()?;
    if items.len() != 9 && !is_struct {
        return crate::raise!(PyExc_TypeError, "{}(): illegal time tuple argument", fname);
    }
    let mut v = [0i64; 9];
    for (i, &x) in items.iter().take(9).enumerate() {
        let big = crate::modules::math_integer::index_big(x)?;
        v[i] = match num_traits::ToPrimitive::to_i32(&big) {
            Some(k) => k as i64,
            None => {
                return crate::raise!(
                    PyExc_OverflowError,
                    "Python int too large to convert to C int"
                )
            }
        };
    }
    let mut tm: libc::tm = core::mem::zeroed();
    tm.tm_year = (v[0] - 1900) as c_int;
    tm.tm_mon = (v[1] - 1) as c_int;
    tm.tm_mday = v[2] as c_int;
    tm.tm_hour = v[3] as c_int;
    tm.tm_min = v[4] as c_int;
    tm.tm_sec = v[5] as c_int;
    tm.tm_wday = ((v[6] + 1) % 7) as c_int;
    if tm.tm_wday < 0 {
        return crate::raise!(PyExc_ValueError, "day of week out of range");
    }
    tm.tm_yday = (v[7] - 1) as c_int;
    tm.tm_isdst = v[8] as c_int;
    // tm_zone and tm_gmtoff are fields of a struct_time beyond its 9 items.
    let mut zone = None;
    if is_struct {
        let z = Owned::from_new(pobj::get_attr_str(o, "tm_zone")).ok_or(())?;
        if unicode::is_unicode(z.as_ptr()) {
            zone = std::ffi::CString::new(unicode::to_string_lossy(z.as_ptr())).ok();
            if let Some(z) = &zone {
                tm.tm_zone = z.as_ptr();
            }
        }
        let off = Owned::from_new(pobj::get_attr_str(o, "tm_gmtoff")).ok_or(())?;
        if let Some(off) = long::is_long(off.as_ptr())
            .then(|| long::to_i64(off.as_ptr()))
            .flatten()
        {
            tm.tm_gmtoff = off;
        }
    }
    Ok((tm, zone))
}

/// The range checks of asctime/strftime (CPython's `checktm`).
fn check_tm(tm: &libc::tm) -> PyResult<()> {
    let bad = |what: &str| crate::raise!(PyExc_ValueError, "{} out of range", what);
    if !(0..=11).contains(&tm.tm_mon) {
        return bad("month");
    }
    if !(1..=31).contains(&tm.tm_mday) {
        return bad("day of month");
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return bad("hour");
    }
    if !(0..=59).contains(&tm.tm_min) {
        return bad("minute");
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return bad("seconds");
    }
    if !(0..=6).contains(&tm.tm_wday) {
        return bad("day of week");
    }
    if !(0..=365).contains(&tm.tm_yday) {
        return bad("day of year");
    }
    Ok(())
}

unsafe extern "C" fn mktime(_m: *mut PyObject, t: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let (mut tm, _zone) = tm_arg(t, "mktime")?;
        // -1 is also a valid result: a wday left untouched tells the error apart.
        tm.tm_wday = -1;
        let r = libc::mktime(&mut tm);
        if r == -1 && tm.tm_wday == -1 {
            return crate::raise!(PyExc_OverflowError, "mktime argument out of range");
        }
        nonnull(float::from_f64(r as f64))
    })())
}

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn format_asctime(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday as usize],
        MONTHS[tm.tm_mon as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        1900 + tm.tm_year as i64
    )
}

unsafe extern "C" fn asctime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_varargs("asctime", n as usize, 0, 1)?;
        let a = fastcall_args(args, n);
        let tm = if a.is_empty() {
            broken_down(
                (clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t,
                true,
            )?
        } else {
            tm_arg(a[0], "asctime")?.0
        };
        check_tm(&tm)?;
        nonnull(unicode::from_str(&format_asctime(&tm)))
    })())
}

unsafe extern "C" fn ctime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let tm = broken_down(time_t_arg("ctime", args, n)?, true)?;
        nonnull(unicode::from_str(&format_asctime(&tm)))
    })())
}

unsafe extern "C" fn strftime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_varargs("strftime", n as usize, 1, 2)?;
        let a = fastcall_args(args, n);
        if !unicode::is_unicode(a[0]) {
            return crate::raise!(
                PyExc_TypeError,
                "strftime() argument 1 must be str, not {}",
                type_name(Py_TYPE(a[0]))
            );
        }
        let (mut tm, _zone) = if a.len() == 2 {
            tm_arg(a[1], "strftime")?
        } else {
            let now = (clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t;
            (broken_down(now, true)?, None)
        };
        // Zeros in the tuple stand for the first month, day and day of year.
        if tm.tm_mon == -1 {
            tm.tm_mon = 0;
        }
        if tm.tm_mday == 0 {
            tm.tm_mday = 1;
        }
        if tm.tm_yday == -1 {
            tm.tm_yday = 0;
        }
        check_tm(&tm)?;
        tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
        // Formatted piece by piece between NULs (strftime stops at the first).
        let fmt = unicode::to_string_lossy(a[0]);
        let mut out = String::new();
        for (i, piece) in fmt.split('\0').enumerate() {
            if i > 0 {
                out.push('\0');
            }
            out.push_str(&strftime_piece(piece, &tm));
        }
        nonnull(unicode::from_str(&out))
    })())
}

/// libc's strftime of a NUL-free format, the buffer grown until the result fits.
unsafe fn strftime_piece(fmt: &str, tm: &libc::tm) -> String {
    if fmt.is_empty() {
        return String::new();
    }
    let c = std::ffi::CString::new(fmt).unwrap_or_default();
    let mut size = 1024usize.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        let n = libc::strftime(buf.as_mut_ptr() as *mut c_char, size, c.as_ptr(), tm);
        // A zero length is either an empty result or a too small buffer.
        if n > 0 || size >= 256 * fmt.len() {
            buf.truncate(n);
            return String::from_utf8_lossy(&buf).into_owned();
        }
        size *= 2;
    }
}

unsafe extern "C" fn strptime(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let name = Owned::from_new(unicode::from_str("_strptime")).ok_or(())?;
        let module = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
        let f = Owned::from_new(pobj::get_attr_str(module.as_ptr(), "_strptime_time")).ok_or(())?;
        nonnull(crate::protocols::call::call_function(
            f.as_ptr(),
            fastcall_args(args, n),
        ))
    })())
}

// ---- time zone --------------------------------------------------------------------------------

extern "C" {
    fn tzset();
}

/// timezone, altzone, daylight and tzname from the offsets of January and July
/// of the current year (as CPython computes them).
unsafe fn init_timezone(m: *mut PyObject) -> PyResult<()> {
    tzset();
    let now = (clock_ns(libc::CLOCK_REALTIME)? / 1_000_000_000) as libc::time_t;
    const YEAR: libc::time_t = (365 * 24 + 6) * 3600;
    let jan_t = (now / YEAR) * YEAR;
    let jan = broken_down(jan_t, true)?;
    let jul = broken_down(jan_t + YEAR / 2, true)?;
    let name = |tm: &libc::tm| {
        if tm.tm_zone.is_null() {
            String::new()
        } else {
            CStr::from_ptr(tm.tm_zone).to_string_lossy().into_owned()
        }
    };
    let (janzone, julzone) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    let (std_off, dst_off, std_name, dst_name) = if janzone < julzone {
        // The southern hemisphere: DST is in January.
        (julzone, janzone, name(&jul), name(&jan))
    } else {
        (janzone, julzone, name(&jan), name(&jul))
    };
    add_int(m, "timezone", std_off)?;
    add_int(m, "altzone", dst_off)?;
    add_int(m, "daylight", (janzone != julzone) as i64)?;
    let names = [unicode::from_str(&std_name), unicode::from_str(&dst_name)];
    add(m, "tzname", tuple::from_vec_steal(names.to_vec()))
}

unsafe extern "C" fn tzset_(_m: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let name = Owned::from_new(unicode::from_str("time")).ok_or(())?;
        let m = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
        init_timezone(m.as_ptr())?;
        Ok(new_ref(none()))
    })())
}
