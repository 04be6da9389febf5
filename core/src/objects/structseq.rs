//! Struct sequences (`PyStructSequence_*`): tuple subclasses whose items are also
//! named, read-only attributes, with invisible trailing fields (`os.stat_result`).
//!
//! An instance holds `n_fields` items but its `ob_size` is `n_sequence_fields`,
//! so Python code sees only the visible ones, as in CPython.

use core::ffi::{c_int, c_void, CStr};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, heaptype, tuple, unicode};
use crate::typeobj::*;

unsafe fn type_int(t: *mut PyTypeObject, name: &str) -> Py_ssize_t {
    let v = crate::objects::typeobject::lookup_str(t, name);
    if v.is_null() {
        return 0;
    }
    crate::objects::long::to_i64(v).unwrap_or(0) as Py_ssize_t
}

/// `n_fields` of a struct sequence type (all fields, visible or not).
pub unsafe fn n_fields(t: *mut PyTypeObject) -> Py_ssize_t {
    type_int(t, "n_fields")
}

pub unsafe fn n_sequence_fields(t: *mut PyTypeObject) -> Py_ssize_t {
    type_int(t, "n_sequence_fields")
}

/// `PyStructSequence_New`: all fields NULL, to be filled with `SetItem`.
pub unsafe fn new(t: *mut PyTypeObject) -> *mut PyObject {
    let size = n_fields(t);
    let vsize = n_sequence_fields(t);
    let o = crate::alloc::new_untracked(t, size);
    if o.is_null() {
        return o;
    }
    for i in 0..size {
        *tuple::items(o).offset(i) = null_mut();
    }
    set_size(o, vsize);
    crate::gc::track(o);
    o
}

unsafe extern "C" fn structseq_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    let n = n_fields(Py_TYPE(o));
    for i in 0..n {
        Py_XDECREF(*tuple::items(o).offset(i));
    }
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn structseq_traverse(
    o: *mut PyObject,
    visit: visitproc,
    arg: *mut c_void,
) -> c_int {
    let n = n_fields(Py_TYPE(o));
    for i in 0..n {
        let p = *tuple::items(o).offset(i);
        if !p.is_null() {
            let r = visit(p, arg);
            if r != 0 {
                return r;
            }
        }
    }
    visit(Py_TYPE(o) as *mut PyObject, arg)
}

unsafe extern "C" fn structseq_repr(o: *mut PyObject) -> *mut PyObject {
    let t = Py_TYPE(o);
    let mut s = format!("{}(", crate::objects::typeobject::tp_name(t));
    let vis = Py_SIZE(o);
    let members = (*t).tp_members;
    for i in 0..vis {
        if i > 0 {
            s.push_str(", ");
        }
        // The member whose offset is this item's.
        let off = core::mem::size_of::<PyVarObject>() as Py_ssize_t
            + i * core::mem::size_of::<*mut PyObject>() as Py_ssize_t;
        let mut name = "unnamed field".to_string();
        let mut m = members;
        while !m.is_null() && !(*m).name.is_null() {
            if (*m).offset == off {
                name = CStr::from_ptr((*m).name).to_string_lossy().into_owned();
                break;
            }
            m = m.add(1);
        }
        let v = *tuple::items(o).offset(i);
        let r = if v.is_null() {
            "NULL".to_string()
        } else {
            let r = crate::protocols::object::repr(v);
            if r.is_null() {
                return null_mut();
            }
            let rs = unicode::to_string_lossy(r);
            Py_DECREF(r);
            rs
        };
        s.push_str(&name);
        s.push('=');
        s.push_str(&r);
    }
    s.push(')');
    unicode::from_str(&s)
}

unsafe extern "C" fn structseq_new(
    t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    let n = if args.is_null() { 0 } else { Py_SIZE(args) };
    let mut seq = null_mut();
    let mut d = null_mut();
    if n >= 1 {
        seq = tuple::get_item(args, 0);
    }
    if n >= 2 {
        d = tuple::get_item(args, 1);
    }
    if !kwds.is_null() {
        if let Some(v) = Some(dict::get_str(kwds, "sequence")).filter(|p| !p.is_null()) {
            seq = v;
        }
        let v = dict::get_str(kwds, "dict");
        if !v.is_null() {
            d = v;
        }
    }
    let tn = crate::objects::typeobject::tp_name(t);
    if n > 2 {
        return crate::raise_null!(
            PyExc_TypeError,
            "structseq() takes at most 2 arguments ({} given)",
            n
        );
    }
    if seq.is_null() {
        return crate::raise_null!(
            PyExc_TypeError,
            "structseq() missing required argument 'sequence' (pos 1)"
        );
    }
    let items = tuple::sequence_to_tuple(seq);
    if items.is_null() {
        return items;
    }
    let items = Owned(items);
    if !d.is_null() && d != none() && !dict::is_dict(d) {
        return crate::raise_null!(
            PyExc_TypeError,
            "{}() takes a dict as second arg, if any",
            tn
        );
    }
    let len = Py_SIZE(items.as_ptr());
    let min_len = n_sequence_fields(t);
    let max_len = n_fields(t);
    if len < min_len || len > max_len {
        if min_len == max_len {
            return crate::raise_null!(
                PyExc_TypeError,
                "{}() takes a {}-sequence ({}-sequence given)",
                tn,
                min_len,
                len
            );
        }
        return crate::raise_null!(
            PyExc_TypeError,
            "{}() takes an {} {}-sequence ({}-sequence given)",
            tn,
            if len < min_len { "at least" } else { "at most" },
            if len < min_len { min_len } else { max_len },
            len
        );
    }
    let o = new(t);
    if o.is_null() {
        return o;
    }
    for i in 0..len {
        *tuple::items(o).offset(i) = new_ref(tuple::get_item(items.as_ptr(), i));
    }
    let members = (*t).tp_members;
    for i in len..max_len {
        let mut v = none();
        if !d.is_null() && d != none() && !members.is_null() {
            let m = members.offset(i);
            if !(*m).name.is_null() {
                let x = dict::get_str(d, &CStr::from_ptr((*m).name).to_string_lossy());
                if !x.is_null() {
                    v = x;
                }
            }
        }
        *tuple::items(o).offset(i) = new_ref(v);
    }
    o
}

/// `PyStructSequence_NewType`.
pub unsafe fn new_type(desc: *mut PyStructSequence_Desc) -> *mut PyObject {
    let unnamed = PyStructSequence_UnnamedField;
    let mut nfields = 0isize;
    let mut nunnamed = 0isize;
    let mut f = (*desc).fields;
    while !(*f).name.is_null() {
        if (*f).name == unnamed {
            nunnamed += 1;
        }
        nfields += 1;
        f = f.add(1);
    }
    let nvisible = (*desc).n_in_sequence as isize;
    if nvisible < 0 || nvisible > nfields {
        return crate::raise_null!(
            PyExc_SystemError,
            "PyStructSequence_NewType: n_in_sequence out of range"
        );
    }
    // Members: the named fields (all of them, visible first), in field order, as
    // CPython lists them; the member table is copied by the type.
    let mut members: Vec<PyMemberDef> = Vec::new();
    let item0 = core::mem::size_of::<PyVarObject>() as Py_ssize_t;
    for i in 0..nfields {
        let fd = (*desc).fields.offset(i);
        if (*fd).name == unnamed {
            continue;
        }
        members.push(PyMemberDef {
            name: (*fd).name,
            type_code: _Py_T_OBJECT,
            offset: item0 + i * core::mem::size_of::<*mut PyObject>() as Py_ssize_t,
            flags: Py_READONLY,
            doc: (*fd).doc,
        });
    }
    members.push(PyMemberDef {
        name: core::ptr::null(),
        type_code: 0,
        offset: 0,
        flags: 0,
        doc: core::ptr::null(),
    });
    // The type keeps its own copy of the member table (`ht_members`).
    let mut slots: Vec<PyType_Slot> = vec![
        PyType_Slot {
            slot: slot::Py_tp_dealloc as c_int,
            pfunc: structseq_dealloc as *mut c_void,
        },
        PyType_Slot {
            slot: slot::Py_tp_traverse as c_int,
            pfunc: structseq_traverse as *mut c_void,
        },
        PyType_Slot {
            slot: slot::Py_tp_repr as c_int,
            pfunc: structseq_repr as *mut c_void,
        },
        PyType_Slot {
            slot: slot::Py_tp_new as c_int,
            pfunc: structseq_new as *mut c_void,
        },
        PyType_Slot {
            slot: slot::Py_tp_members as c_int,
            pfunc: members.as_mut_ptr() as *mut c_void,
        },
    ];
    if !(*desc).doc.is_null() {
        slots.push(PyType_Slot {
            slot: slot::Py_tp_doc as c_int,
            pfunc: (*desc).doc as *mut c_void,
        });
    }
    slots.push(PyType_Slot {
        slot: 0,
        pfunc: null_mut(),
    });
    let mut spec = PyType_Spec {
        name: (*desc).name,
        basicsize: 0,
        itemsize: core::mem::size_of::<*mut PyObject>() as c_int,
        flags: (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC) as core::ffi::c_uint,
        slots: slots.as_mut_ptr(),
    };
    let t = heaptype::from_metaclass(
        null_mut(),
        null_mut(),
        &mut spec,
        &raw mut PyTuple_Type as *mut PyObject,
    );
    if t.is_null() {
        return t;
    }
    let tt = t as *mut PyTypeObject;
    let d = (*tt).tp_dict;
    let mut ok = true;
    for (name, v) in [
        ("n_sequence_fields", nvisible),
        ("n_fields", nfields),
        ("n_unnamed_fields", nunnamed),
    ] {
        let o = crate::objects::long::from_i64(v as i64);
        ok &= !o.is_null() && dict::set_str(d, name, o).is_ok();
        Py_XDECREF(o);
    }
    let mut names: Vec<*mut PyObject> = Vec::new();
    for i in 0..nvisible {
        let fd = (*desc).fields.offset(i);
        if (*fd).name != unnamed {
            names.push(unicode::from_utf8(CStr::from_ptr((*fd).name).to_bytes()));
        }
    }
    if names.iter().any(|p| p.is_null()) {
        ok = false;
    }
    let ma = tuple::from_vec_steal(names);
    ok &= !ma.is_null() && dict::set_str(d, "__match_args__", ma).is_ok();
    Py_XDECREF(ma);
    if !ok {
        Py_DECREF(t);
        return null_mut();
    }
    t
}
