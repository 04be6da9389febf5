//! `traceback` objects (`PyTraceBack_Type`) and the printing of exceptions:
//! `PyErr_Display`, `PyTraceBack_Print`, the default `sys.unraisablehook`.
//!
//! An entry is added to the raised exception's `__traceback__` as it passes each
//! frame (`here`, `PyTraceBack_Here`); printing shows each entry's file, line,
//! function and source line, with carets under the failing part of the line.

use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::defs::*;
use crate::exported::*;
use crate::object::*;
use crate::objects::exceptions::{self, BaseExceptionObject};
use crate::objects::typeobject::visit_each;
use crate::objects::typeobject::{module_name, qual_name, type_name};
use crate::objects::unicode;
use crate::typeobj::*;

/// CPython's `PyTracebackObject`.
#[repr(C)]
pub struct TracebackObject {
    pub ob_base: PyObject,
    pub tb_next: *mut PyObject,
    pub tb_frame: *mut PyObject,
    pub tb_lasti: c_int,
    pub tb_lineno: c_int,
}

#[inline]
pub unsafe fn is_traceback(o: *mut PyObject) -> bool {
    !o.is_null() && Py_TYPE(o) == &raw mut PyTraceBack_Type
}

unsafe extern "C" fn tb_new(
    _t: *mut PyTypeObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject {
    const NAMES: [&str; 4] = ["tb_next", "tb_frame", "tb_lasti", "tb_lineno"];
    let pos = if args.is_null() {
        &[][..]
    } else {
        crate::objects::tuple::as_slice(args)
    };
    if pos.len() > 4 {
        return crate::raise_null!(
            PyExc_TypeError,
            "traceback() takes at most 4 arguments ({} given)",
            pos.len()
        );
    }
    let mut vals: [*mut PyObject; 4] = [null_mut(); 4];
    vals[..pos.len()].copy_from_slice(pos);
    if !kwds.is_null() {
        for (k, v) in crate::objects::dict::snapshot(kwds) {
            let ks = unicode::to_string_lossy(k);
            Py_DECREF(k);
            Py_DECREF(v);
            match NAMES.iter().position(|n| *n == ks) {
                Some(i) if !vals[i].is_null() => {
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "argument for traceback() given by name ('{}') and position ({})",
                        ks,
                        i + 1
                    )
                }
                Some(i) => vals[i] = v,
                None => {
                    return crate::raise_null!(
                        PyExc_TypeError,
                        "traceback() got an unexpected keyword argument '{}'",
                        ks
                    )
                }
            }
        }
    }
    for (i, v) in vals.iter().enumerate() {
        if v.is_null() {
            return crate::raise_null!(
                PyExc_TypeError,
                "traceback() missing required argument '{}' (pos {})",
                NAMES[i],
                i + 1
            );
        }
    }
    let (next, f) = (vals[0], vals[1]);
    if !crate::objects::frameobject::is_frame(f) {
        let what = if f == none() {
            "None"
        } else {
            type_name(Py_TYPE(f))
        };
        return crate::raise_null!(
            PyExc_TypeError,
            "traceback() argument 'tb_frame' must be frame, not {}",
            what
        );
    }
    if next != none() && !is_traceback(next) {
        return crate::raise_null!(
            PyExc_TypeError,
            "expected traceback object or None, got '{}'",
            type_name(Py_TYPE(next))
        );
    }
    let int = |o: *mut PyObject| -> PyResult<c_int> {
        if !crate::objects::long::is_long(o) {
            return crate::raise!(
                PyExc_TypeError,
                "'{}' object cannot be interpreted as an integer",
                type_name(Py_TYPE(o))
            );
        }
        Ok(crate::objects::long::to_i64(o).unwrap_or(-1) as c_int)
    };
    let (Ok(lasti), Ok(lineno)) = (int(vals[2]), int(vals[3])) else {
        return null_mut();
    };
    new_tb(
        if next == none() { null_mut() } else { next },
        f,
        lasti,
        lineno,
    )
}

/// A traceback entry (new reference) for the frame object `frame`.
pub unsafe fn new_tb(
    next: *mut PyObject,
    frame: *mut PyObject,
    lasti: c_int,
    lineno: c_int,
) -> *mut PyObject {
    Py_XINCREF(next);
    let o = crate::alloc::new_object(
        &raw mut PyTraceBack_Type,
        TracebackObject {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            tb_next: next,
            tb_frame: new_ref(frame),
            tb_lasti: lasti,
            tb_lineno: lineno,
        },
    ) as *mut PyObject;
    if o.is_null() {
        Py_XDECREF(next);
        Py_DECREF(frame);
        return o;
    }
    crate::gc::track(o);
    o
}

/// `PyTraceBack_Here`: add an entry for the frame object `frame` (its current
/// instruction and line) in front of the raised exception's traceback.
pub unsafe fn here(frame: *mut PyObject) -> PyResult<()> {
    let exc = crate::errors::take_raised();
    if exc.is_null() {
        return Ok(());
    }
    let f = crate::objects::frameobject::frame_of(frame);
    let (lasti, lineno) = if f.is_null() {
        (-1, -1)
    } else {
        (
            (*f).lasti(),
            (*f).lineno().map(|l| l as c_int).unwrap_or(-1),
        )
    };
    let prev = if crate::errors::is_exception_instance(exc) {
        exceptions::get_traceback(exc)
    } else {
        null_mut()
    };
    let tb = new_tb(prev, frame, lasti, lineno);
    if tb.is_null() {
        Py_DECREF(exc);
        return Err(());
    }
    let r = exceptions::set_traceback(exc, tb);
    Py_DECREF(tb);
    crate::errors::set_raised(exc);
    r
}

/// The interpreter's entry point: an entry for frame `f` (its frame object made
/// now). A failure to record it leaves the exception as it was.
pub unsafe fn here_frame(f: *mut crate::vm::frame::Frame) {
    let exc = crate::errors::take_raised();
    let fo = crate::vm::frame::frame_object(f);
    if fo.is_null() {
        crate::errors::set_raised(exc);
        return;
    }
    crate::errors::set_raised(exc);
    // A failure replaces the exception with MemoryError, as in CPython.
    let _ = here(fo);
    Py_DECREF(fo);
}

unsafe extern "C" fn tb_dealloc(o: *mut PyObject) {
    crate::gc::untrack(o);
    tb_clear(o);
    crate::alloc::free_via_type(o);
}

unsafe extern "C" fn tb_clear(o: *mut PyObject) -> c_int {
    let t = &mut *(o as *mut TracebackObject);
    xsetref(&mut t.tb_next, null_mut());
    xsetref(&mut t.tb_frame, null_mut());
    0
}

unsafe extern "C" fn tb_traverse(o: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int {
    let t = &*(o as *mut TracebackObject);
    visit_each([t.tb_next, t.tb_frame], visit, arg)
}

unsafe extern "C" fn tb_get_next(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let n = (*(o as *mut TracebackObject)).tb_next;
    new_ref(if n.is_null() { none() } else { n })
}

unsafe extern "C" fn tb_set_next(o: *mut PyObject, v: *mut PyObject, _c: *mut c_void) -> c_int {
    if v.is_null() {
        let _: PyResult<()> = crate::raise!(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    let v = if v == none() { null_mut() } else { v };
    if !v.is_null() && !is_traceback(v) {
        let _: PyResult<()> = crate::raise!(
            PyExc_TypeError,
            "expected traceback object, got '{}'",
            type_name(Py_TYPE(v))
        );
        return -1;
    }
    let mut c = v;
    while !c.is_null() {
        if c == o {
            let _: PyResult<()> = crate::raise!(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
        c = (*(c as *mut TracebackObject)).tb_next;
    }
    Py_XINCREF(v);
    xsetref(&mut (*(o as *mut TracebackObject)).tb_next, v);
    0
}

unsafe extern "C" fn tb_get_frame(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let f = (*(o as *mut TracebackObject)).tb_frame;
    new_ref(if f.is_null() { none() } else { f })
}

static mut TB_GETSET: [PyGetSetDef; 3] = [
    PyGetSetDef {
        name: c"tb_next".as_ptr(),
        get: Some(tb_get_next),
        set: Some(tb_set_next),
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef {
        name: c"tb_frame".as_ptr(),
        get: Some(tb_get_frame),
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    },
    PyGetSetDef::SENTINEL,
];

static mut TB_MEMBERS: [PyMemberDef; 3] = [
    PyMemberDef {
        name: c"tb_lasti".as_ptr(),
        type_code: Py_T_INT,
        offset: core::mem::offset_of!(TracebackObject, tb_lasti) as Py_ssize_t,
        flags: Py_READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef {
        name: c"tb_lineno".as_ptr(),
        type_code: Py_T_INT,
        offset: core::mem::offset_of!(TracebackObject, tb_lineno) as Py_ssize_t,
        flags: Py_READONLY,
        doc: core::ptr::null(),
    },
    PyMemberDef::SENTINEL,
];

/// Fill `PyTraceBack_Type` (before the pending-type defaults are applied).
pub unsafe fn init_type() {
    let t = &raw mut PyTraceBack_Type;
    crate::objects::typeobject::init_builtin(
        t,
        c"traceback",
        core::mem::size_of::<TracebackObject>(),
        0,
    );
    (*t).tp_flags |= Py_TPFLAGS_HAVE_GC;
    (*t).tp_doc = c"Create a new traceback object.".as_ptr();
    (*t).tp_new = Some(tb_new);
    (*t).tp_dealloc = Some(tb_dealloc);
    (*t).tp_traverse = Some(tb_traverse);
    (*t).tp_clear = Some(tb_clear);
    (*t).tp_getset = (&raw mut TB_GETSET).cast();
    (*t).tp_members = (&raw mut TB_MEMBERS).cast();
}

// ---- printing ------------------------------------------------------------------------

/// CPython's limit on identical consecutive entries before "[Previous line
/// repeated N more times]".
const RECURSIVE_CUTOFF: usize = 3;

/// `PyTraceBack_Print` into a string: the "Traceback (most recent call last):" block.
pub unsafe fn format_tb(tb: *mut PyObject) -> String {
    let mut out = String::from("Traceback (most recent call last):\n");
    let mut last: Option<(String, i32, String)> = None;
    let mut repeated = 0usize;
    let mut c = tb;
    let flush = |out: &mut String, repeated: usize| {
        if repeated > RECURSIVE_CUTOFF {
            let n = repeated - RECURSIVE_CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {} more time{}]\n",
                n,
                if n > 1 { "s" } else { "" }
            ));
        }
    };
    while is_traceback(c) {
        let t = &*(c as *mut TracebackObject);
        let (file, name, loc) = entry_info(t);
        let key = (file.clone(), t.tb_lineno, name.clone());
        if last.as_ref() == Some(&key) {
            repeated += 1;
        } else {
            flush(&mut out, repeated);
            repeated = 1;
            last = Some(key);
        }
        if repeated <= RECURSIVE_CUTOFF {
            if t.tb_lineno < 0 {
                out.push_str(&format!("  File \"{}\", line ?, in {}\n", file, name));
            } else {
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    file, t.tb_lineno, name
                ));
                source_line(&file, t.tb_lineno, loc, &mut out);
            }
        }
        c = t.tb_next;
    }
    flush(&mut out, repeated);
    out
}

/// File name, function name and source position of an entry.
unsafe fn entry_info(t: &TracebackObject) -> (String, String, crate::bytecode::Location) {
    let f = if crate::objects::frameobject::is_frame(t.tb_frame) {
        crate::objects::frameobject::frame_of(t.tb_frame)
    } else {
        null_mut()
    };
    if f.is_null() || (*f).code.is_null() {
        return ("<unknown>".into(), "<unknown>".into(), Default::default());
    }
    let co = (*f).code();
    let loc = if t.tb_lasti >= 0 {
        co.locations
            .get(t.tb_lasti as usize / 2)
            .copied()
            .unwrap_or_default()
    } else {
        Default::default()
    };
    (
        unicode::to_string_lossy(co.filename),
        unicode::to_string_lossy(co.name),
        loc,
    )
}

/// The source line of an entry, stripped, and carets under the part that failed
/// when that is not the whole line.
unsafe fn source_line(file: &str, lineno: i32, loc: crate::bytecode::Location, out: &mut String) {
    let text = crate::errors::program_text(file.as_bytes(), lineno);
    if text.is_null() {
        return;
    }
    let line = unicode::to_string_lossy(text);
    Py_DECREF(text);
    let line = line.trim_end_matches(['\n', '\r']);
    let stripped = line.trim_start();
    if stripped.is_empty() {
        return;
    }
    out.push_str("    ");
    out.push_str(stripped);
    out.push('\n');
    if loc.line != lineno as u32 || loc.end_line != loc.line || loc.end_col <= loc.col {
        return;
    }
    let indent = line.len() - stripped.len();
    let (start, end) = (loc.col as usize, loc.end_col as usize);
    if start < indent
        || end > line.len()
        || !line.is_char_boundary(start)
        || !line.is_char_boundary(end)
    {
        return;
    }
    if start == indent && end == line.trim_end().len() {
        return;
    }
    let width = |s: &str| s.chars().count();
    out.push_str("    ");
    out.push_str(&" ".repeat(width(&line[indent..start])));
    out.push_str(&"^".repeat(width(&line[start..end]).max(1)));
    out.push('\n');
}

/// "module.Qualname" as tracebacks show a type (no module for builtins and __main__).
pub unsafe fn exc_type_name(t: *mut PyTypeObject) -> String {
    let m = module_name(t);
    let ms = if m.is_null() {
        crate::errors::clear();
        Some("<unknown>".to_string())
    } else if unicode::is_unicode(m) {
        let s = unicode::to_string_lossy(m);
        Py_DECREF(m);
        if s == "builtins" || s == "__main__" {
            None
        } else {
            Some(s)
        }
    } else {
        Py_DECREF(m);
        Some("<unknown>".to_string())
    };
    match ms {
        Some(m) => format!("{}.{}", m, qual_name(t)),
        None => qual_name(t).to_string(),
    }
}

/// `str(exc)` for display, or CPython's placeholder when that fails.
unsafe fn exc_text(v: *mut PyObject) -> String {
    let s = crate::protocols::object::str(v);
    if s.is_null() {
        crate::errors::clear();
        return "<exception str() failed>".to_string();
    }
    let r = unicode::to_string_lossy(s);
    Py_DECREF(s);
    r
}

/// One exception: its traceback block, then `format_only`.
unsafe fn format_one(v: *mut PyObject, out: &mut String) {
    let tb = if crate::errors::is_exception_instance(v) {
        exceptions::get_traceback(v)
    } else {
        null_mut()
    };
    if !tb.is_null() {
        out.push_str(&format_tb(tb));
    }
    format_only(v, out)
}

/// The "Type: message" line of one exception, plus its notes.
unsafe fn format_only(v: *mut PyObject, out: &mut String) {
    if !crate::errors::is_exception_instance(v) {
        // CPython prints what it was given.
        out.push_str(&format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            type_name(Py_TYPE(v))
        ));
        return;
    }
    let name = exc_type_name(Py_TYPE(v));
    let text = exc_text(v);
    if crate::objects::typeobject::is_subtype(
        Py_TYPE(v),
        exceptions::exc(&raw mut PyExc_SyntaxError) as *mut PyTypeObject,
    ) {
        format_syntax_error(v, &name, out);
    } else if text.is_empty() {
        out.push_str(&format!("{}\n", name));
    } else {
        out.push_str(&format!("{}: {}\n", name, text));
    }
    let notes =
        match crate::protocols::object::get_optional_attr(v, unicode::intern_str("__notes__")) {
            Ok(n) => n,
            Err(()) => {
                crate::errors::clear();
                null_mut()
            }
        };
    let _notes_owner = Owned::from_new(notes);
    if !notes.is_null() {
        if crate::objects::list::is_list(notes) || crate::objects::tuple::is_tuple(notes) {
            let items = if crate::objects::list::is_list(notes) {
                crate::objects::list::snapshot(notes)
            } else {
                crate::objects::tuple::as_slice(notes)
                    .iter()
                    .map(|&p| Owned::from_borrowed(p))
                    .collect()
            };
            for n in items {
                if unicode::is_unicode(n.as_ptr()) {
                    out.push_str(&unicode::to_string_lossy(n.as_ptr()));
                } else {
                    let s = crate::protocols::object::str(n.as_ptr());
                    if s.is_null() {
                        crate::errors::clear();
                        out.push_str("<note str() failed>");
                    } else {
                        out.push_str(&unicode::to_string_lossy(s));
                        Py_DECREF(s);
                    }
                }
                out.push('\n');
            }
        } else {
            let r = crate::protocols::object::repr(notes);
            if r.is_null() {
                crate::errors::clear();
                out.push_str("<__notes__ repr() failed>\n");
            } else {
                out.push_str(&unicode::to_string_lossy(r));
                out.push('\n');
                Py_DECREF(r);
            }
        }
    }
}

/// SyntaxError's display: the location lines, then "SyntaxError: msg".
unsafe fn format_syntax_error(v: *mut PyObject, name: &str, out: &mut String) {
    let get = |n: &str| {
        let r = crate::protocols::object::get_attr_str(v, n);
        if r.is_null() {
            crate::errors::clear();
        }
        Owned::from_new(r)
    };
    let file = get("filename");
    let line = get("lineno");
    let text = get("text");
    let msg = get("msg");
    let fname = match &file {
        Some(f) if f.as_ptr() != none() => exc_text(f.as_ptr()),
        _ => "<string>".to_string(),
    };
    let lineno = match &line {
        Some(l) if crate::objects::long::is_long(l.as_ptr()) => {
            crate::objects::long::to_i64(l.as_ptr())
        }
        _ => None,
    };
    if let Some(l) = lineno {
        out.push_str(&format!("  File \"{}\", line {}\n", fname, l));
    }
    if let Some(t) = &text {
        if unicode::is_unicode(t.as_ptr()) {
            let s = unicode::to_string_lossy(t.as_ptr());
            let s = s.trim_end_matches(['\n', '\r']).trim_start();
            if !s.is_empty() {
                out.push_str(&format!("    {}\n", s));
            }
        }
    }
    let m = match &msg {
        Some(m) if m.as_ptr() != none() => exc_text(m.as_ptr()),
        _ => exc_text(v),
    };
    if m.is_empty() {
        out.push_str(&format!("{}\n", name));
    } else {
        out.push_str(&format!("{}: {}\n", name, m));
    }
}

/// The whole report for `v` with its `__cause__`/`__context__` chain and, for
/// exception groups, their members in boxes, as `traceback.print_exception` lays
/// it out.
pub unsafe fn format_exception(v: *mut PyObject) -> String {
    let mut ctx = PrintCtx {
        seen: Vec::new(),
        depth: 0,
        need_close: false,
    };
    let mut out = String::new();
    format_tree(v, &mut ctx, &mut out);
    out
}

/// `traceback._ExceptionPrintContext`.
struct PrintCtx {
    seen: Vec<usize>,
    depth: usize,
    need_close: bool,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }
    /// Every line of `text` prefixed with the indent and the margin character.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

unsafe fn is_group(v: *mut PyObject) -> bool {
    crate::errors::is_exception_instance(v)
        && crate::objects::typeobject::is_subtype(
            Py_TYPE(v),
            exceptions::exc(&raw mut PyExc_BaseExceptionGroup) as *mut PyTypeObject,
        )
}

unsafe fn format_tree(v: *mut PyObject, ctx: &mut PrintCtx, out: &mut String) {
    // The chain, newest last once reversed: (message introducing it, exception).
    let mut chain: Vec<(Option<&str>, *mut PyObject)> = Vec::new();
    let mut cur = v;
    ctx.seen.push(v as usize);
    while !cur.is_null() {
        let mut next = null_mut();
        let mut msg = None;
        if crate::errors::is_exception_instance(cur) {
            let x = &*(cur as *mut BaseExceptionObject);
            if !x.cause.is_null() && !ctx.seen.contains(&(x.cause as usize)) {
                next = x.cause;
                msg = Some(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !x.context.is_null()
                && x.suppress_context == 0
                && !ctx.seen.contains(&(x.context as usize))
            {
                next = x.context;
                msg = Some(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        // The message goes between the chained exception and this one.
        chain.push((msg, cur));
        if !next.is_null() {
            ctx.seen.push(next as usize);
        }
        cur = next;
    }
    for (m, exc) in chain.into_iter().rev() {
        if let Some(m) = m {
            ctx.emit(out, m, '|');
        }
        if !is_group(exc) {
            let mut one = String::new();
            format_one(exc, &mut one);
            ctx.emit(out, &one, '|');
            continue;
        }
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                out,
                &format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH),
                '|',
            );
            continue;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        let tb = exceptions::get_traceback(exc);
        if !tb.is_null() {
            let t = format_tb(tb).replacen(
                "Traceback (most recent call last):",
                "Exception Group Traceback (most recent call last):",
                1,
            );
            let (head, rest) = t.split_at(t.find('\n').map(|p| p + 1).unwrap_or(t.len()));
            ctx.emit(out, head, if toplevel { '+' } else { '|' });
            ctx.emit(out, rest, '|');
        }
        let mut one = String::new();
        format_only(exc, &mut one);
        ctx.emit(out, &one, '|');
        let members = crate::objects::exceptions::extra(exc, 1);
        let items: Vec<*mut PyObject> = if members.is_null() {
            Vec::new()
        } else {
            crate::objects::tuple::as_slice(members).to_vec()
        };
        let num = items.len();
        let n = if num <= MAX_GROUP_WIDTH {
            num
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        #[allow(clippy::needless_range_loop)] // `i` also numbers the groups
        for i in 0..n {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            out.push_str(&format!(
                "{}{}+---------------- {} ----------------\n",
                ctx.indent(),
                if i == 0 { "+-" } else { "  " },
                title
            ));
            ctx.depth += 1;
            if !truncated {
                ctx.seen.push(items[i] as usize);
                format_tree(items[i], ctx, out);
            } else {
                let remaining = num - MAX_GROUP_WIDTH;
                ctx.emit(
                    out,
                    &format!(
                        "and {} more exception{}\n",
                        remaining,
                        if remaining > 1 { "s" } else { "" }
                    ),
                    '|',
                );
            }
            if last && ctx.need_close {
                out.push_str(&format!(
                    "{}+------------------------------------\n",
                    ctx.indent()
                ));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }
}

/// Write text to `file` with its `write()` method (errors left set).
pub unsafe fn write_to(file: *mut PyObject, s: &str) -> PyResult<()> {
    let text = unicode::from_str(s);
    nonnull(text)?;
    let r = crate::protocols::call::call_method(file, "write", &[text]);
    Py_DECREF(text);
    Py_DECREF(r?);
    Ok(())
}

/// `file.flush()` if it has one; errors ignored.
pub unsafe fn flush(file: *mut PyObject) {
    match crate::protocols::call::call_method(file, "flush", &[]) {
        Ok(r) => Py_DECREF(r),
        Err(()) => crate::errors::clear(),
    }
}

/// `PyErr_DisplayException` into `sys.stderr` (fd 2 when it is missing or fails).
pub unsafe fn display(v: *mut PyObject) {
    let text = format_exception(v);
    let saved = crate::errors::take_raised();
    let f = crate::objects::sysmodule::get_object("stderr");
    if f == none() {
        // sys.stderr = None: silence, as CPython.
    } else if f.is_null() {
        crate::objects::sysmodule::write_fd(2, &text);
        crate::objects::sysmodule::write_fd(2, "lost sys.stderr\n");
    } else {
        Py_INCREF(f);
        if write_to(f, &text).is_err() {
            crate::errors::clear();
            crate::objects::sysmodule::write_fd(2, &text);
        } else {
            flush(f);
        }
        Py_DECREF(f);
    }
    crate::errors::set_raised(saved);
}

/// `PyTraceBack_Print(tb, file)`.
pub unsafe fn print_tb(tb: *mut PyObject, file: *mut PyObject) -> PyResult<()> {
    write_to(file, &format_tb(tb))
}

/// The default `sys.unraisablehook` for the raised exception: "msg: repr(obj)"
/// (or "Exception ignored in: repr(obj)"), the traceback, "Type: message".
/// Clears the exception.
pub unsafe fn write_unraisable(msg: &str, obj: *mut PyObject) {
    let ex = crate::errors::take_raised();
    if ex.is_null() {
        return;
    }
    let mut out = String::new();
    if !obj.is_null() && obj != none() {
        if msg.is_empty() {
            out.push_str("Exception ignored in: ");
        } else {
            out.push_str(msg);
            out.push_str(": ");
        }
        let r = crate::protocols::object::repr(obj);
        if r.is_null() {
            crate::errors::clear();
            out.push_str("<object repr() failed>");
        } else {
            out.push_str(&unicode::to_string_lossy(r));
            Py_DECREF(r);
        }
        out.push('\n');
    } else if !msg.is_empty() {
        out.push_str(msg);
        out.push_str(":\n");
    }
    out.push_str(&format_exception(ex));
    Py_DECREF(ex);
    let f = crate::objects::sysmodule::get_object("stderr");
    if f == none() {
        return;
    }
    if f.is_null() {
        crate::objects::sysmodule::write_fd(2, &out);
        return;
    }
    Py_INCREF(f);
    if write_to(f, &out).is_err() {
        crate::errors::clear();
        crate::objects::sysmodule::write_fd(2, &out);
    } else {
        flush(f);
    }
    Py_DECREF(f);
}
