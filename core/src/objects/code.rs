//! `code` objects: a `bytecode::CodeUnit` as a Python object.
//!
//! The instructions stay `u32` code units (`co_code` shows their little-endian
//! bytes); offsets the Python level sees (`f_lasti`, `tb_lasti`, `co_lines()`)
//! count 2 per code unit, as CPython's do, so `co_positions()` (one entry per
//! unit) is indexed by `lasti // 2` exactly as `traceback` does it.

use core::ffi::c_void;
use core::ptr::null_mut;

use crate::bytecode::{fast, flags, CodeUnit, Constant, ExceptionEntry, Location};
use crate::compiler::{ErrorKind, Mode};
use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::sequtil::*;
use crate::objects::{bytes, list, long, tuple, unicode};
use crate::typeobj::*;

#[repr(C)]
pub struct CodeObject {
    pub ob_base: PyObject,
    pub code: Vec<u32>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionEntry>,
    pub localsplus_kinds: Vec<u8>,
    /// Tuples: constants (nested code units as code objects), names used by
    /// `*_NAME`/`*_ATTR`/..., every fast slot's name (interned strs).
    pub consts: *mut PyObject,
    pub names: *mut PyObject,
    pub localsplus_names: *mut PyObject,
    pub filename: *mut PyObject,
    pub name: *mut PyObject,
    pub qualname: *mut PyObject,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub stacksize: u32,
    pub firstlineno: u32,
    /// Fast slots (locals, cells, free variables) and how many are free.
    pub nlocalsplus: u32,
    pub nfree: u32,
    pub weakreflist: *mut PyObject,
}

pub static mut CODE_TYPE: PyTypeObject = PyTypeObject::static_empty(null_mut());

#[inline]
pub unsafe fn is_code(o: *mut PyObject) -> bool {
    !o.is_null() && Py_TYPE(o) == &raw mut CODE_TYPE
}

#[inline]
pub unsafe fn c<'a>(o: *mut PyObject) -> &'a CodeObject {
    &*(o as *mut CodeObject)
}

/// A str constant: identifier-like strings are interned, as CPython does.
unsafe fn str_constant(b: &[u8]) -> *mut PyObject {
    if !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        return unicode::intern_str(core::str::from_utf8_unchecked(b));
    }
    unicode::from_wtf8_unchecked(b)
}

/// A compile-time constant as an object (new reference).
pub unsafe fn constant(k: &Constant) -> *mut PyObject {
    match k {
        Constant::None => none(),
        Constant::True => py_true(),
        Constant::False => py_false(),
        Constant::Ellipsis => ellipsis(),
        Constant::Int(v) => long::from_bigint(v.clone()),
        Constant::Float(v) => crate::objects::float::from_f64(*v),
        Constant::Complex { re, im } => crate::objects::complex::from_doubles(*re, *im),
        Constant::Str(s) => {
            let o = str_constant(s);
            Py_XINCREF(o);
            o
        }
        Constant::Bytes(b) => bytes::from_slice(b),
        Constant::Tuple(items) => match constants(items) {
            Some(v) => tuple::from_vec_steal(v),
            None => null_mut(),
        },
        Constant::FrozenSet(items) => {
            let Some(v) = constants(items) else {
                return null_mut();
            };
            let t = tuple::from_vec_steal(v);
            if t.is_null() {
                return t;
            }
            let s = crate::objects::set::make(&raw mut PyFrozenSet_Type, t);
            Py_DECREF(t);
            s
        }
        Constant::Code(u) => from_unit(u),
    }
}

unsafe fn constants(items: &[Constant]) -> Option<Vec<*mut PyObject>> {
    let mut v = Vec::with_capacity(items.len());
    for k in items {
        let o = constant(k);
        if o.is_null() {
            v.into_iter().for_each(|p| Py_DECREF(p));
            return None;
        }
        v.push(o);
    }
    Some(v)
}

unsafe fn interned_tuple(names: &[String]) -> *mut PyObject {
    let v: Vec<*mut PyObject> = names.iter().map(|n| unicode::intern_str(n)).collect();
    if v.iter().any(|p| p.is_null()) {
        return null_mut();
    }
    tuple::from_slice(&v)
}

/// Build a code object from the compiler's output (nested code units become code
/// objects among the constants).
pub unsafe fn from_unit(u: &CodeUnit) -> *mut PyObject {
    let Some(consts) = constants(&u.consts) else {
        return null_mut();
    };
    let consts = tuple::from_vec_steal(consts);
    let names = interned_tuple(&u.names);
    let lp = interned_tuple(&u.localsplus_names);
    let filename = unicode::from_str(&u.filename);
    let name = unicode::intern_str(&u.name);
    let qualname = unicode::from_str(&u.qualname);
    let parts = [consts, names, lp, filename, name, qualname];
    if parts.iter().any(|p| p.is_null()) {
        for p in [consts, names, lp, filename, qualname] {
            Py_XDECREF(p);
        }
        return null_mut();
    }
    let nfree = u
        .localsplus_kinds
        .iter()
        .filter(|k| **k & fast::FREE != 0)
        .count() as u32;
    let o = crate::alloc::new_object(
        &raw mut CODE_TYPE,
        CodeObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            code: u.code.clone(),
            locations: u.locations.clone(),
            exception_table: u.exception_table.clone(),
            localsplus_kinds: u.localsplus_kinds.clone(),
            consts,
            names,
            localsplus_names: lp,
            filename,
            name: new_ref(name),
            qualname,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            stacksize: u.stacksize,
            firstlineno: u.firstlineno,
            nlocalsplus: u.localsplus_names.len() as u32,
            nfree,
            weakreflist: null_mut(),
        },
    );
    o as *mut PyObject
}

/// Compile `source` into a `code` object (the core of `compile()`,
/// `Py_CompileString`, imports): SyntaxError (or IndentationError/TabError) with
/// filename, line, offset, text and end position when the compiler refuses it.
/// `filename` is a str.
pub unsafe fn compile(
    source: &str,
    filename: *mut PyObject,
    mode: Mode,
    flags: u32,
    optimize: i32,
) -> *mut PyObject {
    let fname = unicode::to_string_lossy(filename);
    match crate::compiler::compile(source, &fname, mode, flags, optimize) {
        Ok(u) => from_unit(&u),
        Err(e) => {
            let ty = match e.kind {
                ErrorKind::SyntaxError => PyExc_SyntaxError,
                ErrorKind::IndentationError => PyExc_IndentationError,
                ErrorKind::TabError => PyExc_TabError,
            };
            let text = match &e.text {
                Some(t) => unicode::from_str(t),
                None => none(),
            };
            let lineno = |v: u32| long::from_i64(v as i64);
            let details = [
                new_ref(filename),
                lineno(e.lineno),
                lineno(e.offset),
                text,
                lineno(e.end_lineno),
                lineno(e.end_offset),
            ];
            let msg = unicode::from_str(&e.msg);
            if details.iter().any(|p| p.is_null()) || msg.is_null() {
                details.into_iter().for_each(|p| Py_XDECREF(p));
                Py_XDECREF(msg);
                return null_mut();
            }
            let args = tuple::pack(&[msg, tuple::from_vec_steal(details.to_vec())]);
            if !args.is_null() {
                crate::errors::set_object(ty, args);
                Py_DECREF(args);
            }
            null_mut()
        }
    }
}

// ---- queries the interpreter and the frames use --------------------------------------

impl CodeObject {
    /// The source line of the code unit at `index` (None when it has none).
    pub fn line_of(&self, index: usize) -> Option<u32> {
        match self.locations.get(index) {
            Some(l) if l.line != 0 => Some(l.line),
            _ => None,
        }
    }

    /// The exception-table entry covering the code unit at `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        let t = &self.exception_table;
        let i = t.partition_point(|e| e.end <= index);
        t.get(i).filter(|e| e.start <= index)
    }

    /// The slot number of the first free variable.
    pub fn first_free(&self) -> usize {
        (self.nlocalsplus - self.nfree) as usize
    }

    /// Name of fast slot `i` (borrowed).
    pub unsafe fn slot_name(&self, i: usize) -> *mut PyObject {
        tuple::get_item(self.localsplus_names, i as isize)
    }

    /// Total positional + keyword-only parameters, plus `*args` / `**kwargs`.
    pub fn total_args(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}

// ---- the type -----------------------------------------------------------------------

unsafe extern "C" fn code_dealloc(o: *mut PyObject) {
    let co = o as *mut CodeObject;
    if !(*co).weakreflist.is_null() {
        crate::objects::weakref::clear_weakrefs_of(o);
    }
    for p in [
        (*co).consts,
        (*co).names,
        (*co).localsplus_names,
        (*co).filename,
        (*co).name,
        (*co).qualname,
    ] {
        Py_XDECREF(p);
    }
    core::ptr::drop_in_place(&raw mut (*co).code);
    core::ptr::drop_in_place(&raw mut (*co).locations);
    core::ptr::drop_in_place(&raw mut (*co).exception_table);
    core::ptr::drop_in_place(&raw mut (*co).localsplus_kinds);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn code_repr(o: *mut PyObject) -> *mut PyObject {
    let co = c(o);
    let line = if co.firstlineno == 0 {
        -1
    } else {
        co.firstlineno as i64
    };
    unicode::from_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        unicode::to_string_lossy(co.name),
        o as usize,
        unicode::to_string_lossy(co.filename),
        line
    ))
}

/// The names of the fast slots whose kind matches `pred`, as a tuple.
unsafe fn names_where(o: *mut PyObject, pred: impl Fn(u8) -> bool) -> *mut PyObject {
    let co = c(o);
    let v: Vec<*mut PyObject> = co
        .localsplus_kinds
        .iter()
        .enumerate()
        .filter(|(_, k)| pred(**k))
        .map(|(i, _)| co.slot_name(i))
        .collect();
    tuple::from_slice(&v)
}

unsafe extern "C" fn get_varnames(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    names_where(o, |k| k & fast::LOCAL != 0)
}
unsafe extern "C" fn get_cellvars(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    names_where(o, |k| k & fast::CELL != 0)
}
unsafe extern "C" fn get_freevars(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    names_where(o, |k| k & fast::FREE != 0)
}
unsafe extern "C" fn get_nlocals(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let n = c(o)
        .localsplus_kinds
        .iter()
        .filter(|k| **k & fast::LOCAL != 0)
        .count();
    long::from_i64(n as i64)
}
unsafe extern "C" fn get_code(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let b: Vec<u8> = c(o).code.iter().flat_map(|u| u.to_le_bytes()).collect();
    bytes::from_slice(&b)
}

macro_rules! int_getter {
    ($name:ident, $field:ident) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
            long::from_i64(c(o).$field as i64)
        }
    };
}
int_getter!(get_argcount, argcount);
int_getter!(get_posonlyargcount, posonlyargcount);
int_getter!(get_kwonlyargcount, kwonlyargcount);
int_getter!(get_flags, flags);
int_getter!(get_stacksize, stacksize);
int_getter!(get_firstlineno, firstlineno);

macro_rules! obj_getter {
    ($name:ident, $field:ident) => {
        unsafe extern "C" fn $name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
            new_ref(c(o).$field)
        }
    };
}
obj_getter!(get_consts, consts);
obj_getter!(get_names, names);
obj_getter!(get_filename, filename);
obj_getter!(get_name, name);
obj_getter!(get_qualname, qualname);

unsafe fn opt_int(v: u32) -> *mut PyObject {
    if v == 0 {
        none()
    } else {
        long::from_i64(v as i64)
    }
}

/// `co_positions()`: one (line, end_line, col, end_col) per code unit.
unsafe extern "C" fn co_positions(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let co = c(o);
    let out = list::new(0);
    if out.is_null() {
        return out;
    }
    for l in &co.locations {
        let t = if l.line == 0 {
            tuple::from_slice(&[none(), none(), none(), none()])
        } else {
            let items = [
                opt_int(l.line),
                opt_int(l.end_line),
                long::from_i64(l.col as i64),
                long::from_i64(l.end_col as i64),
            ];
            tuple::from_vec_steal(items.to_vec())
        };
        if t.is_null() || list::append(out, t).is_err() {
            Py_XDECREF(t);
            Py_DECREF(out);
            return null_mut();
        }
        Py_DECREF(t);
    }
    let it = crate::protocols::iter::get_iter(out);
    Py_DECREF(out);
    it
}

/// `co_lines()`: (start, end, line) ranges of offsets (2 per code unit) sharing a
/// line, as PEP 626 defines them.
unsafe extern "C" fn co_lines(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    let co = c(o);
    let mut ranges: Vec<(usize, usize, u32)> = Vec::new();
    for (i, l) in co.locations.iter().enumerate() {
        match ranges.last_mut() {
            Some(r) if r.2 == l.line => r.1 = 2 * (i + 1),
            _ => ranges.push((2 * i, 2 * (i + 1), l.line)),
        }
    }
    let out = list::new(0);
    if out.is_null() {
        return out;
    }
    for (s, e, line) in ranges {
        let t = tuple::from_vec_steal(vec![
            long::from_i64(s as i64),
            long::from_i64(e as i64),
            opt_int(line),
        ]);
        if t.is_null() || list::append(out, t).is_err() {
            Py_XDECREF(t);
            Py_DECREF(out);
            return null_mut();
        }
        Py_DECREF(t);
    }
    let it = crate::protocols::iter::get_iter(out);
    Py_DECREF(out);
    it
}

/// `replace(**changes)`: a copy with the named `co_*` fields changed.
unsafe extern "C" fn code_replace(
    o: *mut PyObject,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    if nargs != 0 {
        return crate::raise_null!(
            PyExc_TypeError,
            "replace() takes no positional arguments ({} given)",
            nargs
        );
    }
    let co = c(o);
    let mut n = CodeObject {
        ob_base: PyObject {
            ob_refcnt: 1,
            ob_type: null_mut(),
        },
        code: co.code.clone(),
        locations: co.locations.clone(),
        exception_table: co.exception_table.clone(),
        localsplus_kinds: co.localsplus_kinds.clone(),
        consts: co.consts,
        names: co.names,
        localsplus_names: co.localsplus_names,
        filename: co.filename,
        name: co.name,
        qualname: co.qualname,
        argcount: co.argcount,
        posonlyargcount: co.posonlyargcount,
        kwonlyargcount: co.kwonlyargcount,
        flags: co.flags,
        stacksize: co.stacksize,
        firstlineno: co.firstlineno,
        nlocalsplus: co.nlocalsplus,
        nfree: co.nfree,
        weakreflist: null_mut(),
    };
    // New objects made while reading the changes, alive until the copy holds them.
    let mut temps: Vec<Owned> = Vec::new();
    let kws = if kwnames.is_null() {
        &[][..]
    } else {
        tuple::as_slice(kwnames)
    };
    for (i, &k) in kws.iter().enumerate() {
        let v = *args.add(i);
        let key = unicode::to_string_lossy(k);
        let need = |ok: bool, what: &str| -> PyResult<()> {
            if ok {
                Ok(())
            } else {
                crate::raise!(
                    PyExc_TypeError,
                    "replace() argument '{}' must be {}, not {}",
                    key,
                    what,
                    crate::objects::typeobject::type_name(Py_TYPE(v))
                )
            }
        };
        let int = || -> PyResult<u32> {
            need(long::is_long(v), "int")?;
            match long::to_i64(v) {
                Some(x) if (0..=u32::MAX as i64).contains(&x) => Ok(x as u32),
                _ => crate::raise!(PyExc_ValueError, "{} out of range", key),
            }
        };
        let r: PyResult<()> = match key.as_str() {
            "co_argcount" => int().map(|x| n.argcount = x),
            "co_posonlyargcount" => int().map(|x| n.posonlyargcount = x),
            "co_kwonlyargcount" => int().map(|x| n.kwonlyargcount = x),
            "co_flags" => int().map(|x| n.flags = x),
            "co_stacksize" => int().map(|x| n.stacksize = x),
            "co_firstlineno" => int().map(|x| n.firstlineno = x),
            "co_consts" => need(tuple::is_tuple(v), "tuple").map(|_| n.consts = v),
            "co_names" => need(tuple::is_tuple(v), "tuple").map(|_| n.names = v),
            "co_filename" => need(unicode::is_unicode(v), "str").map(|_| n.filename = v),
            "co_name" => need(unicode::is_unicode(v), "str").map(|_| n.name = v),
            "co_qualname" => need(unicode::is_unicode(v), "str").map(|_| n.qualname = v),
            "co_varnames" => {
                // Only the names of the local slots, same count.
                need(tuple::is_tuple(v), "tuple").and_then(|_| {
                    let mut all: Vec<*mut PyObject> = tuple::as_slice(n.localsplus_names).to_vec();
                    let locals: Vec<usize> = (0..all.len())
                        .filter(|&i| n.localsplus_kinds[i] & fast::LOCAL != 0)
                        .collect();
                    let given = tuple::as_slice(v);
                    if given.len() != locals.len() {
                        return crate::raise!(PyExc_ValueError, "code: co_varnames is too small");
                    }
                    for (slot, name) in locals.into_iter().zip(given) {
                        all[slot] = *name;
                    }
                    let t = tuple::from_slice(&all);
                    nonnull(t)?;
                    n.localsplus_names = t;
                    temps.push(Owned(t));
                    Ok(())
                })
            }
            _ => crate::raise!(
                PyExc_TypeError,
                "replace() got an unexpected keyword argument '{}'",
                key
            ),
        };
        if r.is_err() {
            return null_mut();
        }
    }
    for p in [
        n.consts,
        n.names,
        n.localsplus_names,
        n.filename,
        n.name,
        n.qualname,
    ] {
        Py_INCREF(p);
    }
    crate::alloc::new_object(&raw mut CODE_TYPE, n) as *mut PyObject
}

unsafe extern "C" fn code_richcompare(
    a: *mut PyObject,
    b: *mut PyObject,
    op: i32,
) -> *mut PyObject {
    if !is_code(b) || (op != 2 && op != 3) {
        return new_ref(not_implemented());
    }
    let (x, y) = (c(a), c(b));
    let mut eq = a == b
        || (x.code == y.code
            && x.argcount == y.argcount
            && x.posonlyargcount == y.posonlyargcount
            && x.kwonlyargcount == y.kwonlyargcount
            && x.flags == y.flags
            && x.firstlineno == y.firstlineno
            && x.exception_table == y.exception_table
            && x.localsplus_kinds == y.localsplus_kinds);
    if eq && a != b {
        for (p, q) in [
            (x.name, y.name),
            (x.names, y.names),
            (x.localsplus_names, y.localsplus_names),
            (x.consts, y.consts),
        ] {
            match crate::protocols::object::rich_compare_bool(p, q, 2) {
                1 => {}
                0 => {
                    eq = false;
                    break;
                }
                _ => return null_mut(),
            }
        }
    }
    new_ref(py_bool(eq == (op == 2)))
}

unsafe extern "C" fn code_hash(o: *mut PyObject) -> Py_hash_t {
    let co = c(o);
    let h = crate::protocols::object::hash(co.name);
    if h == -1 {
        return -1;
    }
    let mut x = h ^ (co.code.len() as Py_hash_t).wrapping_mul(1_000_003);
    x ^= co.firstlineno as Py_hash_t;
    if x == -1 {
        -2
    } else {
        x
    }
}

static mut CODE_GETSET: [PyGetSetDef; 19] = [
    getset!(c"co_argcount", get_argcount),
    getset!(c"co_posonlyargcount", get_posonlyargcount),
    getset!(c"co_kwonlyargcount", get_kwonlyargcount),
    getset!(c"co_flags", get_flags),
    getset!(c"co_stacksize", get_stacksize),
    getset!(c"co_firstlineno", get_firstlineno),
    getset!(c"co_nlocals", get_nlocals),
    getset!(c"co_consts", get_consts),
    getset!(c"co_names", get_names),
    getset!(c"co_varnames", get_varnames),
    getset!(c"co_cellvars", get_cellvars),
    getset!(c"co_freevars", get_freevars),
    getset!(c"co_filename", get_filename),
    getset!(c"co_name", get_name),
    getset!(c"co_qualname", get_qualname),
    getset!(c"co_code", get_code),
    getset!(c"_co_code_adaptive", get_code),
    getset!(c"co_linetable", get_linetable),
    PyGetSetDef::SENTINEL,
];

/// `co_linetable` / `co_exceptiontable`: Carapace's tables are not CPython's
/// encodings; empty bytes say "nothing to decode".
unsafe extern "C" fn get_linetable(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    bytes::from_slice(b"")
}

static mut CODE_METHODS: [PyMethodDef; 4] = [
    crate::meth!(c"co_positions", co_positions, METH_NOARGS),
    crate::meth!(c"co_lines", co_lines, METH_NOARGS),
    crate::meth!(c"replace", code_replace, METH_FASTCALL | METH_KEYWORDS),
    SENTINEL,
];

pub unsafe fn init_type() {
    let t = &raw mut CODE_TYPE;
    crate::objects::typeobject::init_builtin(t, c"code", core::mem::size_of::<CodeObject>(), 0);
    (*t).tp_dealloc = Some(code_dealloc);
    (*t).tp_repr = Some(code_repr);
    (*t).tp_hash = Some(code_hash);
    (*t).tp_richcompare = Some(code_richcompare);
    (*t).tp_weaklistoffset = core::mem::offset_of!(CodeObject, weakreflist) as Py_ssize_t;
    (*t).tp_getset = (&raw mut CODE_GETSET).cast();
    (*t).tp_methods = (&raw mut CODE_METHODS).cast();
    (*t).tp_doc = c"Create a code object.  Not for the faint of heart.".as_ptr();
}
