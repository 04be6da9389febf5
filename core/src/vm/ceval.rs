//! The evaluation loop: one arm per instruction of `bytecode::opcode`.
//!
//! Dispatch reads one `u32` code unit (opcode in the low byte, argument above) and
//! matches on the opcode; instructions with inline caches skip them (the
//! specializing tier will read and write them). Python-to-Python calls do not
//! recurse in Rust: `CALL` of a Python function pushes the callee's frame and the
//! loop goes on in it; `RETURN_VALUE` pops back to the caller. The loop returns to
//! Rust only when the frame it was started with (an "entry" frame) returns, yields
//! or lets an exception out. Rarely used or long instruction bodies live in
//! functions below the loop (`ops`), which keeps the loop's own stack frame small.

use core::ptr::null_mut;

use crate::bytecode::opcode::{binop, funcattr};
use crate::bytecode::{arg_of, op_byte, Opcode};
use crate::exported::*;
use crate::object::*;
use crate::objects::code::CodeObject;
use crate::objects::exceptions::exc as exc_type;
use crate::objects::{cell, dict, function, long, tuple, unicode};
use crate::protocols::call::ARGUMENTS_OFFSET;
use crate::protocols::{number, object as proto};
use crate::vm::frame::{self, Frame, Owner, State, NOT_STARTED};
use crate::vm::ops;

/// Where a frame resumes: the instruction after `instr` and its caches.
#[inline]
pub unsafe fn resume_pc(f: *mut Frame) -> usize {
    let i = (*f).instr;
    if i == NOT_STARTED {
        return 0;
    }
    let co = (*f).code();
    let unit = co.code[i as usize];
    let caches = Opcode::from_u8(op_byte(unit)).map_or(0, |o| o.cache_entries());
    i as usize + 1 + caches as usize
}

/// Make `f` the running frame of this thread, counting it against the recursion
/// limit.
pub unsafe fn enter(f: *mut Frame) -> PyResult<()> {
    let v = frame::vm();
    let limit = crate::vm::recursion_limit();
    if (*v).depth >= limit {
        return crate::raise!(PyExc_RecursionError, "maximum recursion depth exceeded");
    }
    (*v).depth += 1;
    (*f).previous = (*v).current;
    (*v).current = f;
    Ok(())
}

/// `f` stops running (returned, raised or yielded).
#[inline]
pub unsafe fn leave(f: *mut Frame) {
    let v = frame::vm();
    (*v).depth -= 1;
    (*v).current = (*f).previous;
}

/// A frame is done (returned or raised): generators remember it.
unsafe fn finish(f: *mut Frame) {
    if (*f).owner == Owner::Generator {
        (*f).state = State::Completed;
    }
    frame::clear(f);
}

/// Run `f0` (an entry frame) until it returns or yields (the value, new reference)
/// or an exception leaves it (NULL). With `throwflag` the raised exception is
/// delivered at the frame's current instruction instead of resuming it. The frame
/// is cleared unless it is a suspended generator frame.
pub unsafe fn run(f0: *mut Frame, throwflag: bool) -> *mut PyObject {
    (*f0).entry = true;
    if !crate::vm::stack_ok() || enter(f0).is_err() {
        if (*f0).owner == Owner::Generator {
            // Not started: the generator stays as it was.
            return null_mut();
        }
        frame::clear(f0);
        return null_mut();
    }
    (*f0).state = State::Executing;

    let mut f = f0;
    let mut co: *const CodeObject;
    let mut code: *const u32;
    let mut slots: *mut *mut PyObject;
    let mut sp: *mut *mut PyObject;
    let mut pc: usize;
    let mut consts: *mut *mut PyObject;
    let mut names: *mut *mut PyObject;

    macro_rules! load_frame {
        () => {{
            co = (*f).code() as *const CodeObject;
            code = (*co).code.as_ptr();
            slots = (*f).slots();
            sp = slots.add((*f).stacktop as usize);
            consts = tuple::items((*co).consts);
            names = tuple::items((*co).names);
        }};
    }
    macro_rules! save_sp {
        () => {
            (*f).stacktop = sp.offset_from(slots) as u32
        };
    }
    macro_rules! push {
        ($v:expr) => {{
            *sp = $v;
            sp = sp.add(1);
        }};
    }
    macro_rules! pop {
        () => {{
            sp = sp.sub(1);
            *sp
        }};
    }
    macro_rules! peek {
        ($n:expr) => {
            *sp.sub($n)
        };
    }
    macro_rules! name {
        ($i:expr) => {
            *names.add($i as usize)
        };
    }
    load_frame!();
    pc = resume_pc(f);

    // `reraise`: the exception is re-raised as it is (no traceback entry for this
    // frame: `raise` without argument, RERAISE, END_ASYNC_FOR, CLEANUP_THROW).
    let mut reraise = false;
    let mut throwing = throwflag;
    loop {
        if !throwing {
            'dispatch: loop {
                macro_rules! err {
                    () => {
                        break 'dispatch
                    };
                }
                macro_rules! reraise {
                    () => {{
                        reraise = true;
                        break 'dispatch;
                    }};
                }
                /// A new reference or the error path.
                macro_rules! check {
                    ($e:expr) => {{
                        let r = $e;
                        if r.is_null() {
                            err!();
                        }
                        r
                    }};
                }
                macro_rules! ok {
                    ($e:expr) => {
                        if ($e).is_err() {
                            err!();
                        }
                    };
                }
                /// Replace the `n` top items with `r` (NULL: error after popping).
                macro_rules! replace_top {
                    ($n:expr, $r:expr) => {{
                        let r = $r;
                        for _ in 0..$n {
                            Py_XDECREF(pop!());
                        }
                        if r.is_null() {
                            err!();
                        }
                        push!(r);
                    }};
                }

                let unit = *code.add(pc);
                (*f).instr = pc as u32;
                pc += 1;
                let arg = arg_of(unit);
                let Some(op) = Opcode::from_u8(op_byte(unit)) else {
                    let _: PyResult<()> =
                        crate::raise!(PyExc_SystemError, "unknown opcode {}", op_byte(unit));
                    err!();
                };
                match op {
                    Opcode::CACHE | Opcode::NOP => {}
                    Opcode::RESUME => ok!(breaker()),
                    Opcode::POP_TOP => Py_XDECREF(pop!()),
                    Opcode::PUSH_NULL => push!(null_mut()),
                    Opcode::COPY => {
                        let v = peek!(arg as usize);
                        Py_XINCREF(v);
                        push!(v);
                    }
                    Opcode::SWAP => {
                        let a = sp.sub(1);
                        let b = sp.sub(arg as usize);
                        core::ptr::swap(a, b);
                    }
                    Opcode::END_SEND => {
                        let v = pop!();
                        Py_XDECREF(pop!());
                        push!(v);
                    }
                    Opcode::LOAD_CONST => push!(new_ref(*consts.add(arg as usize))),
                    Opcode::LOAD_FAST | Opcode::LOAD_FAST_CHECK => {
                        let v = *slots.add(arg as usize);
                        if v.is_null() {
                            ops::unbound_local(&*co, arg as usize);
                            err!();
                        }
                        push!(new_ref(v));
                    }
                    Opcode::LOAD_FAST_AND_CLEAR => {
                        let s = slots.add(arg as usize);
                        push!(*s);
                        *s = null_mut();
                    }
                    Opcode::STORE_FAST => xsetref(slots.add(arg as usize), pop!()),
                    Opcode::DELETE_FAST => {
                        let s = slots.add(arg as usize);
                        if (*s).is_null() {
                            ops::unbound_local(&*co, arg as usize);
                            err!();
                        }
                        xsetref(s, null_mut());
                    }
                    Opcode::LOAD_NAME => push!(check!(ops::load_name(f, name!(arg)))),
                    Opcode::STORE_NAME => {
                        let v = pop!();
                        let r = ops::store_name(f, name!(arg), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::DELETE_NAME => ok!(ops::delete_name(f, name!(arg))),
                    Opcode::LOAD_GLOBAL => {
                        let v = check!(ops::load_global(f, name!(arg >> 1)));
                        push!(v);
                        if arg & 1 != 0 {
                            push!(null_mut());
                        }
                        pc += 2;
                    }
                    Opcode::STORE_GLOBAL => {
                        let v = pop!();
                        let r = dict::set_item((*f).globals, name!(arg), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::DELETE_GLOBAL => ok!(ops::delete_global(f, name!(arg))),
                    Opcode::LOAD_DEREF => {
                        let v = cell::get(*slots.add(arg as usize));
                        if v.is_null() {
                            ops::unbound_deref(&*co, arg as usize);
                            err!();
                        }
                        push!(v);
                    }
                    Opcode::STORE_DEREF => {
                        let v = pop!();
                        cell::set(*slots.add(arg as usize), v);
                        Py_DECREF(v);
                    }
                    Opcode::DELETE_DEREF => {
                        let c = *slots.add(arg as usize);
                        let v = cell::get(c);
                        if v.is_null() {
                            ops::unbound_deref(&*co, arg as usize);
                            err!();
                        }
                        Py_DECREF(v);
                        cell::set(c, null_mut());
                    }
                    Opcode::MAKE_CELL => {
                        let s = slots.add(arg as usize);
                        let c = check!(cell::new(*s));
                        xsetref(s, c);
                    }
                    Opcode::COPY_FREE_VARS => {
                        let func = (*f).func;
                        let closure = if func.is_null() {
                            null_mut()
                        } else {
                            function::f(func).closure
                        };
                        let first = (*co).nlocalsplus as usize - arg as usize;
                        for i in 0..arg as usize {
                            let c = if closure.is_null() {
                                null_mut()
                            } else {
                                tuple::get_item(closure, i as isize)
                            };
                            Py_XINCREF(c);
                            xsetref(slots.add(first + i), c);
                        }
                    }
                    Opcode::LOAD_FROM_DICT_OR_DEREF => {
                        let r = ops::load_from_dict_or_deref(
                            peek!(1),
                            &*co,
                            *slots.add(arg as usize),
                            arg as usize,
                        );
                        replace_top!(1, r);
                    }
                    Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                        let r = ops::load_from_dict_or_globals(f, peek!(1), name!(arg));
                        replace_top!(1, r);
                    }
                    Opcode::LOAD_LOCALS => {
                        let l = (*f).locals;
                        if l.is_null() {
                            let _: PyResult<()> =
                                crate::raise!(PyExc_SystemError, "no locals found");
                            err!();
                        }
                        push!(new_ref(l));
                    }

                    Opcode::LOAD_ATTR => {
                        let owner = peek!(1);
                        let name = name!(arg >> 1);
                        if arg & 1 != 0 {
                            let (m, unbound) = ops::load_method(owner, name);
                            if m.is_null() {
                                Py_DECREF(pop!());
                                err!();
                            }
                            if unbound {
                                // (owner -- method, owner)
                                *sp.sub(1) = m;
                                push!(owner);
                            } else {
                                Py_DECREF(owner);
                                *sp.sub(1) = m;
                                push!(null_mut());
                            }
                        } else {
                            replace_top!(1, proto::get_attr(owner, name));
                        }
                        pc += 2;
                    }
                    Opcode::STORE_ATTR => {
                        let owner = pop!();
                        let v = pop!();
                        let r = proto::set_attr(owner, name!(arg), v);
                        Py_DECREF(owner);
                        Py_DECREF(v);
                        ok!(r);
                        pc += 2;
                    }
                    Opcode::DELETE_ATTR => {
                        let owner = pop!();
                        let r = proto::set_attr(owner, name!(arg), null_mut());
                        Py_DECREF(owner);
                        ok!(r);
                    }

                    Opcode::BINARY_OP => {
                        let r = binary_op(peek!(2), peek!(1), arg);
                        replace_top!(2, r);
                        pc += 1;
                    }
                    Opcode::BINARY_SUBSCR => {
                        let r = proto::get_item(peek!(2), peek!(1));
                        replace_top!(2, r);
                        pc += 1;
                    }
                    Opcode::STORE_SUBSCR => {
                        let r = crate::protocols::mapping::set_item(peek!(2), peek!(1), peek!(3));
                        for _ in 0..3 {
                            Py_DECREF(pop!());
                        }
                        ok!(r);
                        pc += 1;
                    }
                    Opcode::DELETE_SUBSCR => {
                        let r = crate::protocols::mapping::set_item(peek!(2), peek!(1), null_mut());
                        for _ in 0..2 {
                            Py_DECREF(pop!());
                        }
                        ok!(r);
                    }
                    Opcode::BINARY_SLICE => {
                        let r = ops::slice_get(peek!(3), peek!(2), peek!(1));
                        replace_top!(3, r);
                    }
                    Opcode::STORE_SLICE => {
                        let r = ops::slice_set(peek!(3), peek!(2), peek!(1), peek!(4));
                        for _ in 0..4 {
                            Py_DECREF(pop!());
                        }
                        ok!(r);
                    }
                    Opcode::BUILD_SLICE => {
                        let r = if arg == 3 {
                            crate::objects::slice::new(peek!(3), peek!(2), peek!(1))
                        } else {
                            crate::objects::slice::new(peek!(2), peek!(1), none())
                        };
                        replace_top!(arg, r);
                    }
                    Opcode::UNARY_NEGATIVE => replace_top!(1, number::negative(peek!(1))),
                    Opcode::UNARY_INVERT => replace_top!(1, number::invert(peek!(1))),
                    Opcode::UNARY_NOT => {
                        let t = proto::is_true(peek!(1));
                        if t < 0 {
                            Py_DECREF(pop!());
                            err!();
                        }
                        replace_top!(1, new_ref(py_bool(t == 0)));
                    }
                    Opcode::COMPARE_OP => {
                        let r = proto::rich_compare(peek!(2), peek!(1), arg as i32);
                        replace_top!(2, r);
                        pc += 1;
                    }
                    Opcode::IS_OP => {
                        let same = peek!(2) == peek!(1);
                        replace_top!(2, new_ref(py_bool(same != (arg == 1))));
                    }
                    Opcode::CONTAINS_OP => {
                        let r = crate::protocols::sequence::contains(peek!(1), peek!(2));
                        if r < 0 {
                            Py_DECREF(pop!());
                            Py_DECREF(pop!());
                            err!();
                        }
                        replace_top!(2, new_ref(py_bool((r == 1) != (arg == 1))));
                    }

                    Opcode::BUILD_TUPLE => {
                        let n = arg as usize;
                        let items = core::slice::from_raw_parts(sp.sub(n), n).to_vec();
                        sp = sp.sub(n);
                        push!(check!(tuple::from_vec_steal(items)));
                    }
                    Opcode::BUILD_LIST => {
                        let n = arg as usize;
                        let r = crate::objects::list::from_slice(core::slice::from_raw_parts(
                            sp.sub(n),
                            n,
                        ));
                        replace_top!(n, r);
                    }
                    Opcode::BUILD_SET => {
                        let r = ops::build_set(core::slice::from_raw_parts(
                            sp.sub(arg as usize),
                            arg as usize,
                        ));
                        replace_top!(arg, r);
                    }
                    Opcode::BUILD_MAP => {
                        let n = 2 * arg as usize;
                        let r = ops::build_map(core::slice::from_raw_parts(sp.sub(n), n));
                        replace_top!(n, r);
                    }
                    Opcode::BUILD_STRING => {
                        let n = arg as usize;
                        let r = ops::build_string(core::slice::from_raw_parts(sp.sub(n), n));
                        replace_top!(n, r);
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!();
                        let r = crate::objects::list::append(peek!(arg as usize), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::SET_ADD => {
                        let v = pop!();
                        let r = crate::objects::set::add(peek!(arg as usize), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::MAP_ADD => {
                        let v = pop!();
                        let k = pop!();
                        let r = dict::set_item(peek!(arg as usize), k, v);
                        Py_DECREF(k);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::LIST_EXTEND => {
                        let v = pop!();
                        let r = ops::list_extend(peek!(arg as usize), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::SET_UPDATE => {
                        let v = pop!();
                        let r = crate::objects::set::update(peek!(arg as usize), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::DICT_UPDATE => {
                        let v = pop!();
                        let r = ops::dict_update(peek!(arg as usize), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::DICT_MERGE => {
                        let v = pop!();
                        // (callable, self_or_null, args, dict, ... , mapping)
                        let callable = peek!(arg as usize + 3);
                        let r = ops::dict_merge(callable, peek!(arg as usize), v);
                        Py_DECREF(v);
                        ok!(r);
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        let seq = pop!();
                        let r = ops::unpack(seq, arg as usize, None, sp);
                        Py_DECREF(seq);
                        match r {
                            Ok(n) => sp = sp.add(n),
                            Err(()) => err!(),
                        }
                        pc += 1;
                    }
                    Opcode::UNPACK_EX => {
                        let seq = pop!();
                        let before = (arg & 0xff) as usize;
                        let after = (arg >> 8) as usize;
                        let r = ops::unpack(seq, before, Some(after), sp);
                        Py_DECREF(seq);
                        match r {
                            Ok(n) => sp = sp.add(n),
                            Err(()) => err!(),
                        }
                    }

                    Opcode::GET_ITER => {
                        replace_top!(1, crate::protocols::iter::get_iter(peek!(1)))
                    }
                    Opcode::FOR_ITER => {
                        let it = peek!(1);
                        match ops::iter_next(it) {
                            Ok(v) if !v.is_null() => {
                                push!(v);
                                pc += 1;
                            }
                            Ok(_) => {
                                Py_DECREF(pop!());
                                pc = arg as usize;
                            }
                            Err(()) => err!(),
                        }
                    }
                    Opcode::JUMP => pc = arg as usize,
                    Opcode::JUMP_BACKWARD => {
                        pc = arg as usize;
                        ok!(breaker());
                    }
                    Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                        let v = pop!();
                        let t = if v == py_true() {
                            1
                        } else if v == py_false() || v == none() {
                            0
                        } else {
                            proto::is_true(v)
                        };
                        Py_DECREF(v);
                        if t < 0 {
                            err!();
                        }
                        if (t == 1) == (op == Opcode::POP_JUMP_IF_TRUE) {
                            pc = arg as usize;
                        }
                    }
                    Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                        let v = pop!();
                        let is_none = v == none();
                        Py_DECREF(v);
                        if is_none == (op == Opcode::POP_JUMP_IF_NONE) {
                            pc = arg as usize;
                        }
                    }
                    Opcode::RETURN_VALUE => {
                        let v = pop!();
                        save_sp!();
                        leave(f);
                        if (*f).entry {
                            finish(f);
                            return v;
                        }
                        let caller = (*f).previous;
                        finish(f);
                        f = caller;
                        load_frame!();
                        pc = resume_pc(f);
                        push!(v);
                    }

                    Opcode::MAKE_FUNCTION => {
                        replace_top!(1, function::new(peek!(1), (*f).globals))
                    }
                    Opcode::SET_FUNCTION_ATTRIBUTE => {
                        let func = pop!();
                        let v = pop!();
                        let fo = function::f(func);
                        let slot = match arg {
                            funcattr::DEFAULTS => &mut fo.defaults,
                            funcattr::KWDEFAULTS => &mut fo.kwdefaults,
                            funcattr::ANNOTATIONS => &mut fo.annotations,
                            funcattr::CLOSURE => &mut fo.closure,
                            _ => &mut fo.annotate,
                        };
                        xsetref(slot, v);
                        push!(func);
                    }
                    Opcode::CALL | Opcode::CALL_KW => {
                        let kwnames = if op == Opcode::CALL_KW {
                            pop!()
                        } else {
                            null_mut()
                        };
                        let nkw = if kwnames.is_null() {
                            0
                        } else {
                            Py_SIZE(kwnames) as usize
                        };
                        let mut nargs = arg as usize - nkw;
                        let callable = peek!(arg as usize + 2);
                        let self_or_null = peek!(arg as usize + 1);
                        let mut args = sp.sub(arg as usize);
                        if !self_or_null.is_null() {
                            args = args.sub(1);
                            nargs += 1;
                        }
                        let total = arg as usize + 2;
                        if function::is_function(callable) {
                            // Inline call: the callee runs in this loop.
                            let fo = function::f(callable);
                            let nf =
                                frame::push(fo.code, callable, fo.globals, fo.builtins, null_mut());
                            let bound = function::bind_arguments(
                                callable,
                                (*nf).slots(),
                                args,
                                nargs,
                                kwnames,
                            );
                            Py_XDECREF(kwnames);
                            for _ in 0..total {
                                Py_XDECREF(pop!());
                            }
                            if bound.is_err() {
                                frame::clear(nf);
                                err!();
                            }
                            save_sp!();
                            if !crate::vm::stack_ok() || enter(nf).is_err() {
                                frame::clear(nf);
                                err!();
                            }
                            f = nf;
                            load_frame!();
                            pc = 0;
                            continue;
                        }
                        let r = crate::protocols::call::vectorcall(
                            callable,
                            args,
                            nargs | ARGUMENTS_OFFSET,
                            kwnames,
                        );
                        Py_XDECREF(kwnames);
                        replace_top!(total, r);
                        pc += 2;
                    }
                    Opcode::CALL_FUNCTION_EX => {
                        let n = 3 + (arg & 1) as usize;
                        let kwargs = if arg & 1 != 0 { peek!(1) } else { null_mut() };
                        let r = ops::call_ex(peek!(n), peek!(n - 1), peek!(n - 2), kwargs);
                        replace_top!(n, r);
                    }
                    Opcode::CALL_INTRINSIC_1 => {
                        let r = ops::intrinsic1(f, arg, peek!(1));
                        replace_top!(1, r);
                    }
                    Opcode::CALL_INTRINSIC_2 => {
                        let r = ops::intrinsic2(arg, peek!(2), peek!(1));
                        replace_top!(2, r);
                    }
                    Opcode::LOAD_BUILD_CLASS => push!(check!(ops::load_build_class(f))),
                    Opcode::LOAD_ASSERTION_ERROR => {
                        push!(new_ref(exc_type(&raw mut PyExc_AssertionError)))
                    }
                    Opcode::SETUP_ANNOTATIONS => ok!(ops::setup_annotations(f)),
                    Opcode::IMPORT_NAME => {
                        let r =
                            ops::import_name(f, name!(arg >> 1), peek!(1), peek!(2), arg & 1 != 0);
                        replace_top!(2, r);
                    }
                    Opcode::IMPORT_FROM => {
                        let m = peek!(1);
                        let r = if arg & 1 != 0 {
                            crate::objects::lazyimport::new_lazy_from(m, name!(arg >> 1))
                        } else {
                            crate::import::import_from(m, name!(arg >> 1))
                        };
                        push!(check!(r));
                    }

                    Opcode::RAISE_VARARGS => {
                        let (e, cause) = match arg {
                            2 => {
                                let c = pop!();
                                (pop!(), c)
                            }
                            1 => (pop!(), null_mut()),
                            _ => (null_mut(), null_mut()),
                        };
                        if ops::do_raise(e, cause) {
                            reraise!();
                        }
                        err!();
                    }
                    Opcode::RERAISE => {
                        let e = pop!();
                        if arg != 0 {
                            let lasti = peek!(arg as usize);
                            if let Some(i) = long::to_i64(lasti) {
                                (*f).instr = i as u32;
                            }
                        }
                        crate::errors::set_raised(e);
                        reraise!();
                    }
                    Opcode::PUSH_EXC_INFO => {
                        let e = pop!();
                        let prev = crate::errors::handled();
                        push!(new_ref(if prev.is_null() { none() } else { prev }));
                        crate::errors::set_handled(e);
                        push!(e);
                    }
                    Opcode::POP_EXCEPT => {
                        let prev = pop!();
                        crate::errors::set_handled(prev);
                        Py_DECREF(prev);
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        let r = ops::check_exc_match(peek!(2), peek!(1));
                        replace_top!(1, r);
                    }
                    Opcode::CHECK_EG_MATCH => match ops::check_eg_match(peek!(2), peek!(1)) {
                        Ok((rest, matched)) => {
                            Py_DECREF(pop!());
                            Py_DECREF(pop!());
                            push!(rest);
                            push!(matched);
                        }
                        Err(()) => {
                            Py_DECREF(pop!());
                            Py_DECREF(pop!());
                            err!();
                        }
                    },
                    Opcode::WITH_EXCEPT_START => {
                        let r = ops::with_except_start(peek!(5), peek!(4), peek!(1));
                        push!(check!(r));
                    }
                    Opcode::BEFORE_WITH | Opcode::BEFORE_ASYNC_WITH => {
                        let mgr = pop!();
                        let r = ops::before_with(mgr, op == Opcode::BEFORE_ASYNC_WITH);
                        Py_DECREF(mgr);
                        match r {
                            Ok((exit, enter_result)) => {
                                push!(exit);
                                push!(null_mut());
                                push!(enter_result);
                            }
                            Err(()) => err!(),
                        }
                    }

                    Opcode::RETURN_GENERATOR => {
                        save_sp!();
                        let g = crate::objects::genobject::from_frame(f);
                        if g.is_null() {
                            err!();
                        }
                        // The frame now lives in the generator.
                        let caller = (*f).previous;
                        let entry = (*f).entry;
                        let v = frame::vm();
                        (*v).depth -= 1;
                        (*v).current = caller;
                        if entry {
                            frame::pop_moved(f);
                            return g;
                        }
                        frame::pop_moved(f);
                        f = caller;
                        load_frame!();
                        pc = resume_pc(f);
                        push!(g);
                    }
                    Opcode::YIELD_VALUE => {
                        let v = pop!();
                        save_sp!();
                        (*f).state = State::Suspended;
                        leave(f);
                        (*f).previous = null_mut();
                        return v;
                    }
                    Opcode::SEND => {
                        match crate::objects::genobject::send_into(peek!(2), peek!(1)) {
                            Ok((r, returned)) => {
                                Py_DECREF(pop!());
                                push!(r);
                                if returned {
                                    pc = arg as usize;
                                } else {
                                    pc += 1;
                                }
                            }
                            Err(()) => {
                                Py_DECREF(pop!());
                                err!();
                            }
                        }
                    }
                    Opcode::GET_YIELD_FROM_ITER => {
                        let r = ops::get_yield_from_iter(&*co, peek!(1));
                        replace_top!(1, r);
                    }
                    Opcode::GET_AWAITABLE => {
                        let r = crate::objects::genobject::get_awaitable(peek!(1), arg);
                        replace_top!(1, r);
                    }
                    Opcode::GET_AITER => replace_top!(1, ops::get_aiter(peek!(1))),
                    Opcode::GET_ANEXT => push!(check!(ops::get_anext(peek!(1)))),
                    Opcode::END_ASYNC_FOR => {
                        let e = pop!();
                        if crate::errors::given_exception_matches(
                            e,
                            exc_type(&raw mut PyExc_StopAsyncIteration),
                        ) {
                            Py_DECREF(e);
                            Py_DECREF(pop!());
                        } else {
                            crate::errors::set_raised(e);
                            reraise!();
                        }
                    }
                    Opcode::CLEANUP_THROW => {
                        let e = peek!(1);
                        if crate::errors::given_exception_matches(
                            e,
                            exc_type(&raw mut PyExc_StopIteration),
                        ) {
                            let v = check!(proto::get_attr_str(e, "value"));
                            for _ in 0..3 {
                                Py_DECREF(pop!());
                            }
                            push!(none());
                            push!(v);
                        } else {
                            let e = pop!();
                            crate::errors::set_raised(e);
                            reraise!();
                        }
                    }

                    Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE => {
                        let flag = if op == Opcode::MATCH_MAPPING {
                            crate::typeobj::Py_TPFLAGS_MAPPING
                        } else {
                            crate::typeobj::Py_TPFLAGS_SEQUENCE
                        };
                        let t = Py_TYPE(peek!(1));
                        push!(new_ref(py_bool(crate::typeobj::has_flag(t, flag))));
                    }
                    Opcode::MATCH_KEYS => push!(check!(ops::match_keys(peek!(2), peek!(1)))),
                    Opcode::MATCH_CLASS => {
                        let r = ops::match_class(peek!(3), peek!(2), arg as usize, peek!(1));
                        replace_top!(3, r);
                    }
                    Opcode::GET_LEN => {
                        let n = crate::protocols::sequence::object_size(peek!(1));
                        if n < 0 {
                            err!();
                        }
                        push!(check!(long::from_i64(n as i64)));
                    }

                    Opcode::FORMAT_SIMPLE => {
                        let v = peek!(1);
                        if !unicode::is_unicode_exact(v) {
                            let r = crate::protocols::objproto::format(v, unicode::empty());
                            replace_top!(1, r);
                        }
                    }
                    Opcode::FORMAT_WITH_SPEC => {
                        let r = crate::protocols::objproto::format(peek!(2), peek!(1));
                        replace_top!(2, r);
                    }
                    Opcode::CONVERT_VALUE => {
                        let v = peek!(1);
                        let r = match arg {
                            1 => proto::str(v),
                            2 => proto::repr(v),
                            _ => proto::ascii(v),
                        };
                        replace_top!(1, r);
                    }
                    Opcode::BUILD_TEMPLATE => {
                        let r = crate::objects::template::build_template(peek!(2), peek!(1));
                        replace_top!(2, r);
                    }
                    Opcode::BUILD_INTERPOLATION => {
                        let n = 2 + (arg & 1) as usize;
                        let r = ops::build_interpolation(
                            peek!(n),
                            peek!(n - 1),
                            if arg & 1 != 0 { peek!(1) } else { null_mut() },
                            arg >> 2,
                        );
                        replace_top!(n, r);
                    }
                }
            }
        }

        // ---- an exception is raised at instruction `(*f).instr` ----------------------
        if !reraise {
            crate::objects::traceback::here_frame(f);
        }
        reraise = false;
        throwing = false;
        loop {
            let instr = (*f).instr;
            let handler = if instr == NOT_STARTED {
                None
            } else {
                (*co).handler_for(instr).copied()
            };
            if let Some(h) = handler {
                let base = slots.add((*co).nlocalsplus as usize + h.depth as usize);
                while sp > base {
                    Py_XDECREF(pop!());
                }
                if h.push_lasti {
                    let l = long::from_i64(instr as i64);
                    if l.is_null() {
                        // Lost: the MemoryError replaces the exception.
                        crate::errors::clear();
                        crate::errors::no_memory();
                    }
                    push!(l);
                }
                push!(crate::errors::take_raised());
                pc = h.handler as usize;
                break;
            }
            // No handler: the frame ends with the exception.
            while sp > slots.add((*co).nlocalsplus as usize) {
                Py_XDECREF(pop!());
            }
            save_sp!();
            leave(f);
            if (*f).entry {
                finish(f);
                return null_mut();
            }
            let caller = (*f).previous;
            finish(f);
            f = caller;
            load_frame!();
            crate::objects::traceback::here_frame(f);
        }
    }
}

/// `BINARY_OP`'s operators (in-place forms from `binop::INPLACE` on).
unsafe fn binary_op(a: *mut PyObject, b: *mut PyObject, arg: u32) -> *mut PyObject {
    let inplace = arg >= binop::INPLACE;
    let op = if inplace { arg - binop::INPLACE } else { arg };
    macro_rules! pick {
        ($plain:path, $inpl:path) => {
            if inplace {
                $inpl(a, b)
            } else {
                $plain(a, b)
            }
        };
    }
    match op {
        binop::ADD => pick!(number::add, number::inplace_add),
        binop::AND => pick!(number::and, number::inplace_and),
        binop::FLOOR_DIVIDE => pick!(number::floor_divide, number::inplace_floor_divide),
        binop::LSHIFT => pick!(number::lshift, number::inplace_lshift),
        binop::MATRIX_MULTIPLY => pick!(number::matrix_multiply, number::inplace_matrix_multiply),
        binop::MULTIPLY => pick!(number::multiply, number::inplace_multiply),
        binop::REMAINDER => pick!(number::remainder, number::inplace_remainder),
        binop::OR => pick!(number::or, number::inplace_or),
        binop::POWER => {
            if inplace {
                number::inplace_power(a, b, none())
            } else {
                number::power(a, b, none())
            }
        }
        binop::RSHIFT => pick!(number::rshift, number::inplace_rshift),
        binop::SUBTRACT => pick!(number::subtract, number::inplace_subtract),
        binop::TRUE_DIVIDE => pick!(number::true_divide, number::inplace_true_divide),
        binop::XOR => pick!(number::xor, number::inplace_xor),
        _ => crate::raise_null!(PyExc_SystemError, "bad BINARY_OP argument {}", arg),
    }
}

/// The eval breaker (RESUME and loop back edges): pending signals and
/// asynchronous exceptions, and a switch point for other threads (stop-the-world
/// requests, the legacy fallback lock).
#[inline]
pub unsafe fn breaker() -> PyResult<()> {
    let v = frame::vm();
    (*v).ticks = (*v).ticks.wrapping_add(1);
    if (*v).ticks & 63 != 0 {
        return Ok(());
    }
    breaker_slow((*v).ticks)
}

#[inline(never)]
unsafe fn breaker_slow(ticks: u32) -> PyResult<()> {
    if crate::lifecycle::is_main_thread() {
        if crate::pystate::take_sigint() {
            crate::errors::set_object(exc_type(&raw mut PyExc_KeyboardInterrupt), null_mut());
            return Err(());
        }
        if crate::objects::sysmodule::check_signals() < 0 {
            return Err(());
        }
    }
    crate::pystate::raise_async_exc()?;
    if ticks & 1023 == 0 {
        let ts = crate::pystate::current();
        if !ts.is_null() && (*ts).attached {
            if crate::pystate::legacy_lock_enabled() {
                crate::pystate::yield_legacy_lock();
            }
            // Let a thread waiting to stop the world in.
            crate::pystate::detach();
            crate::pystate::attach(ts);
        }
    }
    Ok(())
}
