//! `_operator`: the operators as functions, `attrgetter`, `itemgetter` and
//! `methodcaller`; and `operator`, the public module (`_operator`'s names, the
//! dunder aliases and `__all__`, as CPython's `operator.py` lays them out).

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::alloc;
use crate::defs::*;
use crate::exported::*;
use crate::modules::{add as add_attr, check_positional, ret};
use crate::object::*;
use crate::objects::sequtil::{bool_ref, fastcall_args};
use crate::objects::typeobject::type_name;
use crate::objects::{dict, long, tuple, unicode};
use crate::protocols::sequence::Search;
use crate::protocols::{call, mapping, number, object as pobj, objproto, sequence};
use crate::typeobj::*;

const DOC: &core::ffi::CStr = c"Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.";

/// `f(a, b)` for a two-argument function of `_operator`.
unsafe fn two(
    name: &str,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> PyResult<(*mut PyObject, *mut PyObject)> {
    check_positional(name, n as usize, 2, 2)?;
    let a = fastcall_args(args, n);
    Ok((a[0], a[1]))
}

macro_rules! binary {
    ($($name:ident => $f:expr;)*) => {$(
        unsafe extern "C" fn $name(_m: *mut PyObject, args: *const *mut PyObject, n: Py_ssize_t) -> *mut PyObject {
            let f: unsafe fn(*mut PyObject, *mut PyObject) -> *mut PyObject = $f;
            let name = match stringify!($name) { "mod_" => "mod", n => n };
            match two(name, args, n) {
                Ok((a, b)) => f(a, b),
                Err(()) => null_mut(),
            }
        }
    )*};
}

binary! {
    add => number::add;
    sub => number::subtract;
    mul => number::multiply;
    matmul => number::matrix_multiply;
    floordiv => number::floor_divide;
    truediv => number::true_divide;
    mod_ => number::remainder;
    lshift => number::lshift;
    rshift => number::rshift;
    and_ => number::and;
    or_ => number::or;
    xor => number::xor;
    pow => |a, b| number::power(a, b, none());
    iadd => number::inplace_add;
    isub => number::inplace_subtract;
    imul => number::inplace_multiply;
    imatmul => number::inplace_matrix_multiply;
    ifloordiv => number::inplace_floor_divide;
    itruediv => number::inplace_true_divide;
    imod => number::inplace_remainder;
    ilshift => number::inplace_lshift;
    irshift => number::inplace_rshift;
    iand => number::inplace_and;
    ior => number::inplace_or;
    ixor => number::inplace_xor;
    ipow => |a, b| number::inplace_power(a, b, none());
    lt => |a, b| pobj::rich_compare(a, b, 0);
    le => |a, b| pobj::rich_compare(a, b, 1);
    eq => |a, b| pobj::rich_compare(a, b, 2);
    ne => |a, b| pobj::rich_compare(a, b, 3);
    gt => |a, b| pobj::rich_compare(a, b, 4);
    ge => |a, b| pobj::rich_compare(a, b, 5);
    is_ => |a, b| new_ref(bool_ref(a == b));
    is_not => |a, b| new_ref(bool_ref(a != b));
    getitem => pobj::get_item;
    concat => concat_impl;
    iconcat => iconcat_impl;
    contains => |a, b| int_result(sequence::contains(a, b) as isize, |r| bool_ref(r != 0));
    countOf => |a, b| int_result(sequence::iter_search(a, b, Search::Count), |r| long::from_i64(r as i64));
    indexOf => |a, b| int_result(sequence::iter_search(a, b, Search::Index), |r| long::from_i64(r as i64));
    delitem => |a, b| res_none(mapping::set_item(a, b, null_mut()));
    _compare_digest => compare_digest;
}

macro_rules! unary {
    ($($name:ident => $f:expr;)*) => {$(
        unsafe extern "C" fn $name(_m: *mut PyObject, a: *mut PyObject) -> *mut PyObject {
            let f: unsafe fn(*mut PyObject) -> *mut PyObject = $f;
            f(a)
        }
    )*};
}

unary! {
    abs => number::absolute;
    neg => number::negative;
    pos => number::positive;
    inv => number::invert;
    index => number::index_exact;
    not_ => |a| int_result(objproto::not(a) as isize, |r| bool_ref(r != 0));
    truth => |a| int_result(pobj::is_true(a) as isize, |r| bool_ref(r != 0));
    is_none => |a| new_ref(bool_ref(a == none()));
    is_not_none => |a| new_ref(bool_ref(a != none()));
}

/// A C-style int result (-1 with an exception set is an error) as an object.
unsafe fn int_result(r: isize, f: impl FnOnce(isize) -> *mut PyObject) -> *mut PyObject {
    if r < 0 && !crate::errors::raised().is_null() {
        return null_mut();
    }
    let o = f(r);
    if o == bool_ref(true) || o == bool_ref(false) {
        new_ref(o)
    } else {
        o
    }
}

unsafe fn res_none(r: PyResult<()>) -> *mut PyObject {
    match r {
        Ok(()) => new_ref(none()),
        Err(()) => null_mut(),
    }
}

/// `concat`/`iconcat` accept only sequences on the left.
unsafe fn check_concat(a: *mut PyObject) -> PyResult<()> {
    let sq = (*Py_TYPE(a)).tp_as_sequence;
    if sq.is_null() || (*sq).sq_item.is_none() && !sequence::check(a) {
        return crate::raise!(
            PyExc_TypeError,
            "'{}' object can't be concatenated",
            type_name(Py_TYPE(a))
        );
    }
    Ok(())
}

unsafe fn concat_impl(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    match check_concat(a) {
        Ok(()) => sequence::concat(a, b),
        Err(()) => null_mut(),
    }
}

unsafe fn iconcat_impl(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    match check_concat(a) {
        Ok(()) => sequence::inplace_concat(a, b),
        Err(()) => null_mut(),
    }
}

/// Constant-time comparison of two ASCII strings or two bytes-like objects.
unsafe fn compare_digest(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let (x, y): (Vec<u8>, Vec<u8>) = if unicode::is_unicode(a) && unicode::is_unicode(b) {
            let (x, y) = (unicode::bytes_of(a), unicode::bytes_of(b));
            if !x.is_ascii() || !y.is_ascii() {
                return crate::raise!(
                    PyExc_TypeError,
                    "comparing strings with non-ASCII characters is not supported"
                );
            }
            (x.to_vec(), y.to_vec())
        } else {
            if !crate::protocols::buffer::check(a) && !crate::protocols::buffer::check(b) {
                return crate::raise!(
                    PyExc_TypeError,
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    type_name(Py_TYPE(a)),
                    type_name(Py_TYPE(b))
                );
            }
            let buf = |o: *mut PyObject| -> PyResult<Vec<u8>> {
                let v = crate::protocols::buffer::BufferView::new(o, 0)?;
                Ok(v.as_slice().to_vec())
            };
            (buf(a)?, buf(b)?)
        };
        // Every byte of the longer input is looked at whatever the contents.
        let mut diff = (x.len() != y.len()) as u8;
        let other = if x.len() == y.len() { &y } else { &x };
        for (p, q) in x.iter().zip(other.iter()) {
            diff |= p ^ q;
        }
        Ok(new_ref(bool_ref(diff == 0)))
    })())
}

unsafe extern "C" fn setitem(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    if check_positional("setitem", n as usize, 3, 3).is_err() {
        return null_mut();
    }
    let a = fastcall_args(args, n);
    res_none(mapping::set_item(a[0], a[1], a[2]))
}

/// `PyObject_LengthHint`: `len(o)` if it has one, else `o.__length_hint__()`,
/// else `default`.
unsafe fn length_hint_of(o: *mut PyObject, default: isize) -> PyResult<isize> {
    let t = Py_TYPE(o);
    let has_len = (!(*t).tp_as_sequence.is_null() && (*(*t).tp_as_sequence).sq_length.is_some())
        || (!(*t).tp_as_mapping.is_null() && (*(*t).tp_as_mapping).mp_length.is_some());
    if has_len {
        let n = sequence::object_size(o);
        if n >= 0 {
            return Ok(n as isize);
        }
        let te = crate::objects::exceptions::exc(&raw mut PyExc_TypeError);
        if !crate::errors::exception_matches(te) {
            return Err(());
        }
        crate::errors::clear();
    }
    let hint = objproto::lookup_special(o, "__length_hint__")?;
    if hint.is_null() {
        return Ok(default);
    }
    let hint = Owned(hint);
    let r = call::call_function(hint.as_ptr(), &[]);
    if r.is_null() {
        let te = crate::objects::exceptions::exc(&raw mut PyExc_TypeError);
        if crate::errors::exception_matches(te) {
            crate::errors::clear();
            return Ok(default);
        }
        return Err(());
    }
    let r = Owned(r);
    if r.as_ptr() == not_implemented() {
        return Ok(default);
    }
    if !long::is_long(r.as_ptr()) {
        return crate::raise!(
            PyExc_TypeError,
            "__length_hint__ must be an integer, not {}",
            type_name(Py_TYPE(r.as_ptr()))
        );
    }
    let v = number::as_ssize_t(r.as_ptr(), &raw mut PyExc_OverflowError)?;
    if v < 0 {
        return crate::raise!(PyExc_ValueError, "__length_hint__() should return >= 0");
    }
    Ok(v as isize)
}

unsafe extern "C" fn length_hint(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        check_positional("length_hint", n as usize, 1, 2)?;
        let a = fastcall_args(args, n);
        let default = if a.len() == 2 {
            if !long::is_long(a[1]) {
                return crate::raise!(
                    PyExc_TypeError,
                    "'{}' object cannot be interpreted as an integer",
                    type_name(Py_TYPE(a[1]))
                );
            }
            number::as_ssize_t(a[1], &raw mut PyExc_OverflowError)? as isize
        } else {
            0
        };
        nonnull(long::from_i64(length_hint_of(a[0], default)? as i64))
    })())
}

unsafe extern "C" fn call_(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    let n = call::nargs(nargsf as usize);
    if check_positional("call", n, 1, usize::MAX).is_err() {
        return null_mut();
    }
    call::vectorcall(*args, args.add(1), n - 1, kwnames)
}

crate::native_module!(
    c"_operator",
    DOC,
    exec,
    [
        crate::func!(c"truth", truth, METH_O, c"truth($module, a, /)\n--\n\nReturn True if a is true, False otherwise."),
        crate::func!(c"contains", contains, METH_FASTCALL, c"contains($module, a, b, /)\n--\n\nSame as b in a (note reversed operands)."),
        crate::func!(c"indexOf", indexOf, METH_FASTCALL, c"indexOf($module, a, b, /)\n--\n\nReturn the first index of b in a."),
        crate::func!(c"countOf", countOf, METH_FASTCALL, c"countOf($module, a, b, /)\n--\n\nReturn the number of items in a which are, or which equal, b."),
        crate::func!(c"is_", is_, METH_FASTCALL, c"is_($module, a, b, /)\n--\n\nSame as a is b."),
        crate::func!(c"is_not", is_not, METH_FASTCALL, c"is_not($module, a, b, /)\n--\n\nSame as a is not b."),
        crate::func!(c"is_none", is_none, METH_O, c"is_none($module, a, /)\n--\n\nSame as a is None."),
        crate::func!(c"is_not_none", is_not_none, METH_O, c"is_not_none($module, a, /)\n--\n\nSame as a is not None."),
        crate::func!(c"index", index, METH_O, c"index($module, a, /)\n--\n\nSame as a.__index__()"),
        crate::func!(c"add", add, METH_FASTCALL, c"add($module, a, b, /)\n--\n\nSame as a + b."),
        crate::func!(c"sub", sub, METH_FASTCALL, c"sub($module, a, b, /)\n--\n\nSame as a - b."),
        crate::func!(c"mul", mul, METH_FASTCALL, c"mul($module, a, b, /)\n--\n\nSame as a * b."),
        crate::func!(c"matmul", matmul, METH_FASTCALL, c"matmul($module, a, b, /)\n--\n\nSame as a @ b."),
        crate::func!(c"floordiv", floordiv, METH_FASTCALL, c"floordiv($module, a, b, /)\n--\n\nSame as a // b."),
        crate::func!(c"truediv", truediv, METH_FASTCALL, c"truediv($module, a, b, /)\n--\n\nSame as a / b."),
        crate::func!(c"mod", mod_, METH_FASTCALL, c"mod($module, a, b, /)\n--\n\nSame as a % b."),
        crate::func!(c"neg", neg, METH_O, c"neg($module, a, /)\n--\n\nSame as -a."),
        crate::func!(c"pos", pos, METH_O, c"pos($module, a, /)\n--\n\nSame as +a."),
        crate::func!(c"abs", abs, METH_O, c"abs($module, a, /)\n--\n\nSame as abs(a)."),
        crate::func!(c"inv", inv, METH_O, c"inv($module, a, /)\n--\n\nSame as ~a."),
        crate::func!(c"invert", inv, METH_O, c"invert($module, a, /)\n--\n\nSame as ~a."),
        crate::func!(c"lshift", lshift, METH_FASTCALL, c"lshift($module, a, b, /)\n--\n\nSame as a << b."),
        crate::func!(c"rshift", rshift, METH_FASTCALL, c"rshift($module, a, b, /)\n--\n\nSame as a >> b."),
        crate::func!(c"not_", not_, METH_O, c"not_($module, a, /)\n--\n\nSame as not a."),
        crate::func!(c"and_", and_, METH_FASTCALL, c"and_($module, a, b, /)\n--\n\nSame as a & b."),
        crate::func!(c"xor", xor, METH_FASTCALL, c"xor($module, a, b, /)\n--\n\nSame as a ^ b."),
        crate::func!(c"or_", or_, METH_FASTCALL, c"or_($module, a, b, /)\n--\n\nSame as a | b."),
        crate::func!(c"iadd", iadd, METH_FASTCALL, c"iadd($module, a, b, /)\n--\n\nSame as a += b."),
        crate::func!(c"isub", isub, METH_FASTCALL, c"isub($module, a, b, /)\n--\n\nSame as a -= b."),
        crate::func!(c"imul", imul, METH_FASTCALL, c"imul($module, a, b, /)\n--\n\nSame as a *= b."),
        crate::func!(c"imatmul", imatmul, METH_FASTCALL, c"imatmul($module, a, b, /)\n--\n\nSame as a @= b."),
        crate::func!(c"ifloordiv", ifloordiv, METH_FASTCALL, c"ifloordiv($module, a, b, /)\n--\n\nSame as a //= b."),
        crate::func!(c"itruediv", itruediv, METH_FASTCALL, c"itruediv($module, a, b, /)\n--\n\nSame as a /= b."),
        crate::func!(c"imod", imod, METH_FASTCALL, c"imod($module, a, b, /)\n--\n\nSame as a %= b."),
        crate::func!(c"ilshift", ilshift, METH_FASTCALL, c"ilshift($module, a, b, /)\n--\n\nSame as a <<= b."),
        crate::func!(c"irshift", irshift, METH_FASTCALL, c"irshift($module, a, b, /)\n--\n\nSame as a >>= b."),
        crate::func!(c"iand", iand, METH_FASTCALL, c"iand($module, a, b, /)\n--\n\nSame as a &= b."),
        crate::func!(c"ixor", ixor, METH_FASTCALL, c"ixor($module, a, b, /)\n--\n\nSame as a ^= b."),
        crate::func!(c"ior", ior, METH_FASTCALL, c"ior($module, a, b, /)\n--\n\nSame as a |= b."),
        crate::func!(c"concat", concat, METH_FASTCALL, c"concat($module, a, b, /)\n--\n\nSame as a + b, for a and b sequences."),
        crate::func!(c"iconcat", iconcat, METH_FASTCALL, c"iconcat($module, a, b, /)\n--\n\nSame as a += b, for a and b sequences."),
        crate::func!(c"getitem", getitem, METH_FASTCALL, c"getitem($module, a, b, /)\n--\n\nSame as a[b]."),
        crate::func!(c"setitem", setitem, METH_FASTCALL, c"setitem($module, a, b, c, /)\n--\n\nSame as a[b] = c."),
        crate::func!(c"delitem", delitem, METH_FASTCALL, c"delitem($module, a, b, /)\n--\n\nSame as del a[b]."),
        crate::func!(c"pow", pow, METH_FASTCALL, c"pow($module, a, b, /)\n--\n\nSame as a ** b."),
        crate::func!(c"ipow", ipow, METH_FASTCALL, c"ipow($module, a, b, /)\n--\n\nSame as a **= b."),
        crate::func!(c"eq", eq, METH_FASTCALL, c"eq($module, a, b, /)\n--\n\nSame as a == b."),
        crate::func!(c"ne", ne, METH_FASTCALL, c"ne($module, a, b, /)\n--\n\nSame as a != b."),
        crate::func!(c"lt", lt, METH_FASTCALL, c"lt($module, a, b, /)\n--\n\nSame as a < b."),
        crate::func!(c"le", le, METH_FASTCALL, c"le($module, a, b, /)\n--\n\nSame as a <= b."),
        crate::func!(c"gt", gt, METH_FASTCALL, c"gt($module, a, b, /)\n--\n\nSame as a > b."),
        crate::func!(c"ge", ge, METH_FASTCALL, c"ge($module, a, b, /)\n--\n\nSame as a >= b."),
        crate::func!(c"_compare_digest", _compare_digest, METH_FASTCALL, c"_compare_digest($module, a, b, /)\n--\n\nReturn 'a == b', in a time that does not depend on the contents."),
        crate::func!(c"length_hint", length_hint, METH_FASTCALL, c"length_hint($module, obj, default=0, /)\n--\n\nAn estimate of the number of items in obj."),
        crate::func!(c"call", call_, METH_FASTCALL | METH_KEYWORDS, c"call($module, obj, /, *args, **kwargs)\n--\n\nSame as obj(*args, **kwargs)."),
    ]
);

unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
    crate::modules::add_type(m, "attrgetter", &raw mut ATTRGETTER_TYPE)?;
    crate::modules::add_type(m, "itemgetter", &raw mut ITEMGETTER_TYPE)?;
    crate::modules::add_type(m, "methodcaller", &raw mut METHODCALLER_TYPE)
}

// ---- attrgetter, itemgetter, methodcaller ------------------------------------------------

/// The three callables share one layout.
#[repr(C)]
struct Getter {
    ob_base: PyObject,
    /// attrgetter: one tuple of names per attribute (a dotted name split);
    /// itemgetter: the items; methodcaller: the positional arguments.
    items: *mut PyObject,
    /// attrgetter: the names as given; methodcaller: the method name.
    name: *mut PyObject,
    /// methodcaller: the keyword arguments (a dict).
    kwargs: *mut PyObject,
}

static mut ATTRGETTER_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
static mut ITEMGETTER_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
static mut METHODCALLER_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);

unsafe fn g<'a>(o: *mut PyObject) -> &'a Getter {
    &*(o as *mut Getter)
}

/// A new getter owning `items`, `name` and `kwargs` (any may be NULL).
unsafe fn new_getter(
    t: *mut PyTypeObject,
    items: *mut PyObject,
    name: *mut PyObject,
    kwargs: *mut PyObject,
) -> *mut PyObject {
    let op = alloc::new_object(
        t,
        Getter {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            items,
            name,
            kwargs,
        },
    );
    if op.is_null() {
        Py_XDECREF(items);
        Py_XDECREF(name);
        Py_XDECREF(kwargs);
        return null_mut();
    }
    crate::gc::track(op as *mut PyObject);
    op as *mut PyObject
}

unsafe extern "C" fn getter_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let x = g(o);
    Py_XDECREF(x.items);
    Py_XDECREF(x.name);
    Py_XDECREF(x.kwargs);
    alloc::free_via_type(o);
}

unsafe extern "C" fn getter_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let x = g(o);
    for p in [x.items, x.name, x.kwargs] {
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    0
}

/// The one positional argument of a getter call.
unsafe fn single_arg(
    name: &str,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> PyResult<*mut PyObject> {
    crate::objects::sequtil::no_keywords(name, kw)?;
    let a = crate::objects::sequtil::args_slice(args);
    check_positional(name, a.len(), 1, 1)?;
    Ok(a[0])
}

unsafe extern "C" fn attrgetter_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        crate::objects::sequtil::no_keywords("attrgetter", kw)?;
        let names = crate::objects::sequtil::args_slice(args);
        if names.is_empty() {
            return crate::raise!(PyExc_TypeError, "attrgetter expected 1 argument, got 0");
        }
        let mut paths = Vec::with_capacity(names.len());
        for &n in names {
            if !unicode::is_unicode(n) {
                for p in paths {
                    Py_DECREF(p);
                }
                return crate::raise!(PyExc_TypeError, "attribute name must be a string");
            }
            let parts: Vec<*mut PyObject> = unicode::to_string_lossy(n)
                .split('.')
                .map(|s| unicode::intern_str(s))
                .collect();
            paths.push(tuple::from_vec_steal(parts));
        }
        let items = nonnull(tuple::from_vec_steal(paths))?;
        nonnull(new_getter(
            &raw mut ATTRGETTER_TYPE,
            items,
            new_ref(args),
            null_mut(),
        ))
    })())
}

/// Follow a dotted path of attribute names from `o`.
unsafe fn get_path(o: *mut PyObject, path: *mut PyObject) -> PyResult<Owned> {
    let mut cur = Owned::from_borrowed(o);
    for &name in tuple::as_slice(path) {
        cur = Owned::from_new(pobj::get_attr(cur.as_ptr(), name)).ok_or(())?;
    }
    Ok(cur)
}

/// One result, or a tuple of one per entry.
unsafe fn each(
    entries: *mut PyObject,
    f: impl Fn(*mut PyObject) -> PyResult<Owned>,
) -> PyResult<*mut PyObject> {
    let e = tuple::as_slice(entries);
    if e.len() == 1 {
        return Ok(f(e[0])?.into_ptr());
    }
    let mut out = Vec::with_capacity(e.len());
    for &x in e {
        out.push(f(x)?);
    }
    nonnull(tuple::from_vec_steal(
        out.into_iter().map(Owned::into_ptr).collect(),
    ))
}

unsafe extern "C" fn attrgetter_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let obj = single_arg("attrgetter", args, kw)?;
        each(g(o).items, |path| get_path(obj, path))
    })())
}

unsafe extern "C" fn itemgetter_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        crate::objects::sequtil::no_keywords("itemgetter", kw)?;
        if crate::objects::sequtil::args_slice(args).is_empty() {
            return crate::raise!(PyExc_TypeError, "itemgetter expected 1 argument, got 0");
        }
        nonnull(new_getter(
            &raw mut ITEMGETTER_TYPE,
            new_ref(args),
            null_mut(),
            null_mut(),
        ))
    })())
}

unsafe extern "C" fn itemgetter_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let obj = single_arg("itemgetter", args, kw)?;
        each(g(o).items, |item| {
            Owned::from_new(pobj::get_item(obj, item)).ok_or(())
        })
    })())
}

unsafe extern "C" fn methodcaller_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = crate::objects::sequtil::args_slice(args);
        if a.is_empty() {
            return crate::raise!(
                PyExc_TypeError,
                "methodcaller needs at least one argument, the method name"
            );
        }
        if !unicode::is_unicode(a[0]) {
            return crate::raise!(PyExc_TypeError, "method name must be a string");
        }
        let name = unicode::intern_str(&unicode::to_string_lossy(a[0]));
        let rest = tuple::from_slice(&a[1..]);
        let kwargs = if kw.is_null() {
            dict::new()
        } else {
            dict::copy(kw)
        };
        if rest.is_null() || kwargs.is_null() {
            Py_XDECREF(rest);
            Py_XDECREF(kwargs);
            return Err(());
        }
        nonnull(new_getter(
            &raw mut METHODCALLER_TYPE,
            rest,
            new_ref(name),
            kwargs,
        ))
    })())
}

unsafe extern "C" fn methodcaller_call(
    o: *mut PyObject,
    args: *mut PyObject,
    kw: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let obj = single_arg("methodcaller", args, kw)?;
        let x = g(o);
        let meth = Owned::from_new(pobj::get_attr(obj, x.name)).ok_or(())?;
        nonnull(call::call(meth.as_ptr(), x.items, x.kwargs))
    })())
}

/// `repr` of each item of `items`, joined by ", ".
unsafe fn reprs(items: &[*mut PyObject], out: &mut String) -> PyResult<()> {
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let r = Owned::from_new(pobj::repr(x)).ok_or(())?;
        out.push_str(&unicode::to_string_lossy(r.as_ptr()));
    }
    Ok(())
}

/// `operator.attrgetter('a', 'b.c')`, guarded against self-reference.
unsafe extern "C" fn getter_repr(o: *mut PyObject) -> *mut PyObject {
    let tname = crate::objects::typeobject::tp_name(Py_TYPE(o));
    if pobj::repr_enter(o) != 0 {
        return unicode::from_str(&format!("{}(...)", tname));
    }
    let x = g(o);
    let r = (|| {
        let mut s = format!("{}(", tname);
        if Py_TYPE(o) == &raw mut ITEMGETTER_TYPE {
            reprs(tuple::as_slice(x.items), &mut s)?;
        } else if Py_TYPE(o) == &raw mut ATTRGETTER_TYPE {
            reprs(tuple::as_slice(x.name), &mut s)?;
        } else {
            reprs(&[x.name], &mut s)?;
            for &a in tuple::as_slice(x.items) {
                s.push_str(", ");
                reprs(&[a], &mut s)?;
            }
            for (k, v) in dict::snapshot(x.kwargs) {
                let (k, v) = (Owned(k), Owned(v));
                s.push_str(&format!(", {}=", unicode::to_string_lossy(k.as_ptr())));
                reprs(&[v.as_ptr()], &mut s)?;
            }
        }
        s.push(')');
        nonnull(unicode::from_str(&s))
    })();
    pobj::repr_leave(o);
    ret(r)
}

/// `__reduce__`: (type, args), or for a methodcaller with keyword arguments
/// (partial(methodcaller, name, **kwargs), args).
unsafe extern "C" fn getter_reduce(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let x = g(o);
        let t = Py_TYPE(o) as *mut PyObject;
        if Py_TYPE(o) == &raw mut ITEMGETTER_TYPE {
            return nonnull(tuple::pack(&[t, x.items]));
        }
        if Py_TYPE(o) == &raw mut ATTRGETTER_TYPE {
            return nonnull(tuple::pack(&[t, x.name]));
        }
        if dict::len(x.kwargs) == 0 {
            let mut args = vec![x.name];
            args.extend_from_slice(tuple::as_slice(x.items));
            let args = Owned::from_new(tuple::from_slice(&args)).ok_or(())?;
            return nonnull(tuple::pack(&[t, args.as_ptr()]));
        }
        let name = Owned::from_new(unicode::from_str("functools")).ok_or(())?;
        let functools = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
        let partial =
            Owned::from_new(pobj::get_attr_str(functools.as_ptr(), "partial")).ok_or(())?;
        let pargs = Owned::from_new(tuple::pack(&[t, x.name])).ok_or(())?;
        let p = Owned::from_new(call::call(partial.as_ptr(), pargs.as_ptr(), x.kwargs)).ok_or(())?;
        nonnull(tuple::pack(&[p.as_ptr(), x.items]))
    })())
}

static mut GETTER_METHODS: [PyMethodDef; 2] = [
    crate::meth!(c"__reduce__", getter_reduce, METH_NOARGS),
    PyMethodDef::SENTINEL,
];

/// `_operator`'s types, filled in (lifecycle readies them).
pub unsafe fn static_types() -> Vec<*mut PyTypeObject> {
    use crate::objects::typeobject::init_builtin;
    let table: [(*mut PyTypeObject, &'static core::ffi::CStr, newfunc, ternaryfunc, &'static core::ffi::CStr); 3] = [
        (&raw mut ATTRGETTER_TYPE, c"operator.attrgetter", attrgetter_new, attrgetter_call,
         c"attrgetter(attr, /, *attrs)\n--\n\nReturn a callable object that fetches the given attribute(s) from its operand."),
        (&raw mut ITEMGETTER_TYPE, c"operator.itemgetter", itemgetter_new, itemgetter_call,
         c"itemgetter(item, /, *items)\n--\n\nReturn a callable object that fetches the given item(s) from its operand."),
        (&raw mut METHODCALLER_TYPE, c"operator.methodcaller", methodcaller_new, methodcaller_call,
         c"methodcaller(name, /, *args, **kwargs)\n--\n\nReturn a callable object that calls the given method on its operand."),
    ];
    for (t, name, new, call, doc) in table {
        init_builtin(t, name, core::mem::size_of::<Getter>(), 0);
        (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
        (*t).tp_new = Some(new);
        (*t).tp_call = Some(call);
        (*t).tp_repr = Some(getter_repr);
        (*t).tp_dealloc = Some(getter_dealloc);
        (*t).tp_traverse = Some(getter_traverse);
        (*t).tp_methods = (&raw mut GETTER_METHODS).cast();
        (*t).tp_doc = doc.as_ptr();
    }
    vec![
        &raw mut ATTRGETTER_TYPE,
        &raw mut ITEMGETTER_TYPE,
        &raw mut METHODCALLER_TYPE,
    ]
}

/// `operator`: `_operator`'s names (the same objects), the dunder aliases
/// (`__add__` for `add`, ...) and `__all__`, as `Lib/operator.py` defines them.
pub mod public {
    use super::*;

    crate::native_module!(c"operator", super::DOC, exec, []);

    /// Every public name; those with a dunder alias are marked.
    const NAMES: &[(&str, bool)] = &[
        ("abs", true),
        ("add", true),
        ("and_", true),
        ("attrgetter", false),
        ("call", true),
        ("concat", true),
        ("contains", true),
        ("countOf", false),
        ("delitem", true),
        ("eq", true),
        ("floordiv", true),
        ("ge", true),
        ("getitem", true),
        ("gt", true),
        ("iadd", true),
        ("iand", true),
        ("iconcat", true),
        ("ifloordiv", true),
        ("ilshift", true),
        ("imatmul", true),
        ("imod", true),
        ("imul", true),
        ("index", true),
        ("indexOf", false),
        ("inv", true),
        ("invert", true),
        ("ior", true),
        ("ipow", true),
        ("irshift", true),
        ("is_", false),
        ("is_none", false),
        ("is_not", false),
        ("is_not_none", false),
        ("isub", true),
        ("itemgetter", false),
        ("itruediv", true),
        ("ixor", true),
        ("le", true),
        ("length_hint", false),
        ("lshift", true),
        ("lt", true),
        ("matmul", true),
        ("methodcaller", false),
        ("mod", true),
        ("mul", true),
        ("ne", true),
        ("neg", true),
        ("not_", true),
        ("or_", true),
        ("pos", true),
        ("pow", true),
        ("rshift", true),
        ("setitem", true),
        ("sub", true),
        ("truediv", true),
        ("truth", false),
        ("xor", true),
    ];

    unsafe fn exec(m: *mut PyObject) -> PyResult<()> {
        let name = Owned::from_new(unicode::from_str("_operator")).ok_or(())?;
        let base = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
        let mut all = Vec::with_capacity(NAMES.len());
        for &(n, dunder) in NAMES {
            let v = Owned::from_new(pobj::get_attr_str(base.as_ptr(), n)).ok_or(())?;
            add_attr(m, n, new_ref(v.as_ptr()))?;
            if dunder {
                add_attr(
                    m,
                    &format!("__{}__", n.trim_end_matches('_')),
                    new_ref(v.as_ptr()),
                )?;
            }
            all.push(Owned::from_new(unicode::from_str(n)).ok_or(())?);
        }
        let all: Vec<*mut PyObject> = all.iter().map(Owned::as_ptr).collect();
        add_attr(m, "__all__", crate::objects::list::from_slice(&all))?;
        let name = Owned::from_new(unicode::from_str("builtins")).ok_or(())?;
        let builtins = Owned::from_new(crate::import::import(name.as_ptr())).ok_or(())?;
        // `_abs` is builtins' abs, once the builtins are there.
        let abs = objproto::get_attr_opt_str(builtins.as_ptr(), "abs")?;
        if abs.is_null() {
            return Ok(());
        }
        add_attr(m, "_abs", abs)
    }
}
