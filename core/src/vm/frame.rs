//! Frames: the per-call state the evaluation loop runs on.
//!
//! A frame is a `Frame` header followed by its slots: the fast locals (`nlocalsplus`
//! of them: parameters, locals, cells, free variables) then the value stack
//! (`stacksize`). Calls allocate frames on a per-thread data stack (chunks of
//! memory used last-in first-out), so a call costs a bump of a pointer, not a heap
//! allocation. A generator's frame lives inside the generator object. A frame
//! object (`frame` at the Python level) is made only when asked for (tracebacks,
//! `sys._getframe`); when the frame ends while its frame object is still referenced,
//! the frame object takes a copy of it (CPython's "take ownership").

use core::cell::UnsafeCell;
use core::ptr::null_mut;

use crate::object::*;
use crate::objects::code::{self, CodeObject};

/// Who holds a frame's memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Owner {
    /// The thread's data stack.
    Thread,
    /// A generator, coroutine or async generator object.
    Generator,
    /// A frame object that outlived the execution.
    FrameObject,
}

/// Execution state of a generator's frame (thread frames are always `Executing`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum State {
    Created,
    Suspended,
    Executing,
    Completed,
}

/// `instr` of a frame that has not run an instruction yet.
pub const NOT_STARTED: u32 = u32::MAX;

#[repr(C)]
pub struct Frame {
    /// The code object (strong).
    pub code: *mut PyObject,
    /// The function being run (strong), NULL for module and `exec` code.
    pub func: *mut PyObject,
    pub globals: *mut PyObject,
    pub builtins: *mut PyObject,
    /// The locals mapping of module and class frames (strong), else NULL.
    pub locals: *mut PyObject,
    /// The frame that called this one (NULL for the outermost one and for
    /// suspended generators).
    pub previous: *mut Frame,
    /// The frame object made for this frame (strong), or NULL.
    pub frame_obj: *mut PyObject,
    /// Index of the instruction running (or last run, for a frame that called
    /// another or is suspended); `NOT_STARTED` before the first.
    pub instr: u32,
    /// Slots in use (locals + value stack) when the frame is not running.
    pub stacktop: u32,
    pub owner: Owner,
    pub state: State,
    /// The evaluation loop returns to Rust when this frame returns (it was started
    /// by a Rust call, not by a `CALL` inlined in the loop).
    pub entry: bool,
    /// Data-stack position to go back to when a thread frame is popped.
    pub mark: usize,
}

impl Frame {
    /// The slots: fast locals, then the value stack.
    #[inline(always)]
    pub fn slots(&self) -> *mut *mut PyObject {
        unsafe { (self as *const Frame as *mut u8).add(core::mem::size_of::<Frame>()) as _ }
    }
    #[inline(always)]
    pub unsafe fn code(&self) -> &CodeObject {
        code::c(self.code)
    }
    /// Bytes of a frame of `co` (header and slots).
    pub fn size_for(co: &CodeObject) -> usize {
        core::mem::size_of::<Frame>()
            + (co.nlocalsplus as usize + co.stacksize as usize) * core::mem::size_of::<usize>()
    }
    /// The source line running (None when the instruction has no line).
    pub unsafe fn lineno(&self) -> Option<u32> {
        let i = if self.instr == NOT_STARTED {
            0
        } else {
            self.instr as usize
        };
        let co = self.code();
        co.line_of(i).or(if self.instr == NOT_STARTED {
            Some(co.firstlineno)
        } else {
            None
        })
    }
    /// `f_lasti`: the byte offset of the instruction (2 per code unit), -1 before
    /// the first.
    pub fn lasti(&self) -> i32 {
        if self.instr == NOT_STARTED {
            -1
        } else {
            2 * self.instr as i32
        }
    }
}

// ---- the per-thread data stack -----------------------------------------------------------

/// Words per chunk of the data stack (a frame larger than this gets its own).
const CHUNK_WORDS: usize = 32 * 1024;

struct DataStack {
    chunks: Vec<Box<[usize]>>,
    /// The chunk in use and the first free word in it.
    cur: usize,
    top: usize,
}

/// What the interpreter keeps per thread.
pub struct VmThread {
    /// The innermost running frame (NULL when no Python code runs).
    pub current: *mut Frame,
    /// Python frames executing on this thread (the recursion limit counts these).
    pub depth: i32,
    /// Eval-breaker countdown.
    pub ticks: u32,
    stack: DataStack,
}

thread_local! {
    static VM: UnsafeCell<VmThread> = const {
        UnsafeCell::new(VmThread {
            current: null_mut(),
            depth: 0,
            ticks: 0,
            stack: DataStack { chunks: Vec::new(), cur: 0, top: 0 },
        })
    };
}

/// This thread's interpreter state.
#[inline(always)]
pub fn vm() -> *mut VmThread {
    VM.with(|v| v.get())
}

/// Pack a data-stack position.
fn mark_of(cur: usize, top: usize) -> usize {
    (cur << 32) | top
}

unsafe fn stack_alloc(words: usize) -> (*mut usize, usize) {
    let s = &mut (*vm()).stack;
    if s.chunks.is_empty() {
        s.chunks
            .push(vec![0usize; CHUNK_WORDS.max(words)].into_boxed_slice());
        s.cur = 0;
        s.top = 0;
    }
    let mark = mark_of(s.cur, s.top);
    if s.top + words > s.chunks[s.cur].len() {
        let next = s.cur + 1;
        if next >= s.chunks.len() {
            s.chunks
                .push(vec![0usize; CHUNK_WORDS.max(words)].into_boxed_slice());
        } else if s.chunks[next].len() < words {
            s.chunks[next] = vec![0usize; words].into_boxed_slice();
        }
        s.cur = next;
        s.top = 0;
    }
    let p = s.chunks[s.cur].as_mut_ptr().add(s.top);
    s.top += words;
    (p, mark)
}

unsafe fn stack_free(mark: usize) {
    let s = &mut (*vm()).stack;
    s.cur = mark >> 32;
    s.top = mark & 0xffff_ffff;
}

/// Allocate a thread frame for `code` (new references taken to everything; the
/// slots start empty). The caller fills the arguments and runs it.
pub unsafe fn push(
    code_obj: *mut PyObject,
    func: *mut PyObject,
    globals: *mut PyObject,
    builtins: *mut PyObject,
    locals: *mut PyObject,
) -> *mut Frame {
    let co = code::c(code_obj);
    let words = Frame::size_for(co) / core::mem::size_of::<usize>();
    let (p, mark) = stack_alloc(words);
    let f = p as *mut Frame;
    init(f, code_obj, func, globals, builtins, locals, Owner::Thread);
    (*f).mark = mark;
    f
}

/// Fill a frame header in place and empty its slots.
pub unsafe fn init(
    f: *mut Frame,
    code_obj: *mut PyObject,
    func: *mut PyObject,
    globals: *mut PyObject,
    builtins: *mut PyObject,
    locals: *mut PyObject,
    owner: Owner,
) {
    let co = code::c(code_obj);
    Py_INCREF(code_obj);
    Py_XINCREF(func);
    Py_INCREF(globals);
    Py_INCREF(builtins);
    Py_XINCREF(locals);
    core::ptr::write(
        f,
        Frame {
            code: code_obj,
            func,
            globals,
            builtins,
            locals,
            previous: null_mut(),
            frame_obj: null_mut(),
            instr: NOT_STARTED,
            stacktop: co.nlocalsplus,
            owner,
            state: State::Executing,
            entry: false,
            mark: 0,
        },
    );
    core::ptr::write_bytes((*f).slots(), 0, co.nlocalsplus as usize);
}

/// Release what a frame holds: its value stack, then (unless a frame object takes
/// the frame over) its locals and header references. Thread frames give their
/// data-stack memory back.
pub unsafe fn clear(f: *mut Frame) {
    let nlocals = (*f).code().nlocalsplus as usize;
    let slots = (*f).slots();
    for i in nlocals..(*f).stacktop as usize {
        Py_XDECREF(*slots.add(i));
    }
    (*f).stacktop = nlocals as u32;
    let fo = (*f).frame_obj;
    let owner = (*f).owner;
    let mark = (*f).mark;
    if !fo.is_null() {
        (*f).frame_obj = null_mut();
        if refcnt(fo) > 1 {
            crate::objects::frameobject::take_ownership(fo, f);
            Py_DECREF(fo);
            if owner == Owner::Thread {
                stack_free(mark);
            }
            return;
        }
        crate::objects::frameobject::detach(fo);
        Py_DECREF(fo);
    }
    clear_refs(f);
    if owner == Owner::Thread {
        stack_free(mark);
    }
}

/// Drop the locals and header references of a frame (not its memory).
pub unsafe fn clear_refs(f: *mut Frame) {
    let slots = (*f).slots();
    for i in 0..(*f).stacktop as usize {
        xsetref(slots.add(i), null_mut());
    }
    (*f).stacktop = 0;
    Py_XDECREF((*f).func);
    Py_XDECREF((*f).globals);
    Py_XDECREF((*f).builtins);
    Py_XDECREF((*f).locals);
    (*f).func = null_mut();
    (*f).globals = null_mut();
    (*f).builtins = null_mut();
    (*f).locals = null_mut();
    // The code object last: the slot count above came from it.
    Py_XDECREF((*f).code);
    (*f).code = null_mut();
}

/// Copy a frame to `dst` (header and the slots in use), moving its references.
pub unsafe fn move_to(src: *mut Frame, dst: *mut Frame, owner: Owner) {
    let n = (*src).stacktop as usize;
    core::ptr::copy_nonoverlapping(
        src as *const u8,
        dst as *mut u8,
        core::mem::size_of::<Frame>(),
    );
    core::ptr::copy_nonoverlapping((*src).slots(), (*dst).slots(), n);
    (*dst).owner = owner;
    (*dst).previous = null_mut();
    if !(*dst).frame_obj.is_null() {
        crate::objects::frameobject::relocate((*dst).frame_obj, dst);
    }
}

/// Give a thread frame's memory back without touching what it held (its contents
/// were moved elsewhere).
pub unsafe fn pop_moved(f: *mut Frame) {
    stack_free((*f).mark);
}

/// The frame object of `f` (new reference), made on first request.
pub unsafe fn frame_object(f: *mut Frame) -> *mut PyObject {
    if (*f).frame_obj.is_null() {
        let o = crate::objects::frameobject::new_for(f);
        if o.is_null() {
            return o;
        }
        (*f).frame_obj = o;
    }
    new_ref((*f).frame_obj)
}
