//! A basic file object (binary and text) for `open()` and `sys.std*`, until `_io`
//! (the standard-library issue) replaces it.
//!
//! Two layers, as CPython's `io`: a binary file over a file descriptor with a read
//! buffer and a write buffer (`_io.FileIO` when unbuffered, else
//! `_io.BufferedReader`/`BufferedWriter`/`BufferedRandom`: one implementation
//! under four names), and `_io.TextIOWrapper` over a binary file (its `buffer`),
//! which decodes and encodes with the built-in codecs and translates newlines.
//! Each object's state sits behind its own lock; the lock is never held while
//! Python code runs, and the thread detaches around blocking system calls.

use core::cell::UnsafeCell;
use core::ffi::{c_int, c_void};
use core::ptr::null_mut;

use crate::builtins::args::{parse, Signature};
use crate::defs::{PyGetSetDef, PyMethodDef, METH_FASTCALL, METH_NOARGS, METH_O, METH_VARARGS};
use crate::exported::*;
use crate::lock::RawLock;
use crate::object::*;
use crate::objects::codecs::{self, Codec};
use crate::objects::sequtil::{fastcall_args, tname, SENTINEL};
use crate::objects::{bytes, list, long, unicode};
use crate::typeobj::PyTypeObject;

const CHUNK: usize = 8192;

// ---- the binary layer -----------------------------------------------------------------

struct RawState {
    fd: c_int,
    closefd: bool,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    /// Read-ahead: `rbuf[rpos..]` has been read from the fd but not returned.
    rbuf: Vec<u8>,
    rpos: usize,
    /// Written but not yet handed to the fd.
    wbuf: Vec<u8>,
    /// Every write goes straight to the fd (`FileIO`, `-u`).
    unbuffered: bool,
    /// The fd could not seek (pipes, terminals); None before the first try.
    seekable: Option<bool>,
}

#[repr(C)]
pub struct BinaryFile {
    ob_base: PyObject,
    lock: RawLock,
    state: UnsafeCell<RawState>,
    name: *mut PyObject,
    dict: *mut PyObject,
}

pub static mut FILEIO_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut BUFFERED_READER_TYPE: PyTypeObject =
    PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut BUFFERED_WRITER_TYPE: PyTypeObject =
    PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut BUFFERED_RANDOM_TYPE: PyTypeObject =
    PyTypeObject::static_empty(&raw mut PyType_Type);
pub static mut TEXTIO_TYPE: PyTypeObject = PyTypeObject::static_empty(&raw mut PyType_Type);

/// `io.UnsupportedOperation` (a subclass of OSError and ValueError), made once.
static UNSUPPORTED: core::sync::atomic::AtomicPtr<PyObject> =
    core::sync::atomic::AtomicPtr::new(null_mut());

unsafe fn unsupported<T>(msg: &str) -> PyResult<T> {
    let t = UNSUPPORTED.load(core::sync::atomic::Ordering::Acquire);
    let t = if t.is_null() {
        crate::objects::exceptions::exc(&raw mut PyExc_OSError)
    } else {
        t
    };
    crate::errors::raise(t, msg)
}

unsafe fn closed_error<T>() -> PyResult<T> {
    crate::raise!(PyExc_ValueError, "I/O operation on closed file.")
}

/// Raise the OSError for `errno` (the subclass CPython picks for it).
unsafe fn os_error<T>(e: i32) -> PyResult<T> {
    crate::errors::set_from_errno_objects(
        crate::objects::exceptions::exc(&raw mut PyExc_OSError),
        e,
        null_mut(),
        null_mut(),
    );
    Err(())
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Run a blocking system call detached from the runtime (CPython's
/// `Py_BEGIN_ALLOW_THREADS`), so that a stop-the-world never waits on it.
unsafe fn blocking<R>(f: impl FnOnce() -> R) -> R {
    let ts = crate::pystate::detach();
    let r = f();
    if !ts.is_null() {
        crate::pystate::attach(ts);
    }
    r
}

/// A system call returning -1 on error, retried on EINTR unless a signal handler
/// raised (Ctrl-C while reading gives KeyboardInterrupt).
unsafe fn retry(mut f: impl FnMut() -> isize) -> PyResult<usize> {
    loop {
        let n = blocking(&mut f);
        if n >= 0 {
            return Ok(n as usize);
        }
        let e = last_errno();
        if e == libc::EINTR {
            if crate::objects::sysmodule::check_signals() < 0 {
                return Err(());
            }
            continue;
        }
        return os_error(e);
    }
}

unsafe fn bf<'a>(o: *mut PyObject) -> &'a BinaryFile {
    &*(o as *const BinaryFile)
}

/// Run `f` on the binary file's state with its lock held.
unsafe fn with_raw<R>(
    o: *mut PyObject,
    f: impl FnOnce(&mut RawState) -> PyResult<R>,
) -> PyResult<R> {
    let b = bf(o);
    b.lock.with(|| f(&mut *b.state.get()))
}

impl RawState {
    fn check_open(&self) -> PyResult<()> {
        if self.fd < 0 {
            return unsafe { closed_error() };
        }
        Ok(())
    }

    fn check_readable(&self) -> PyResult<()> {
        if self.fd < 0 {
            return crate::raise!(PyExc_ValueError, "read of closed file");
        }
        if !self.readable {
            return unsafe { unsupported("read") };
        }
        Ok(())
    }

    fn check_writable(&self) -> PyResult<()> {
        self.check_open()?;
        if !self.writable {
            return unsafe { unsupported("write") };
        }
        Ok(())
    }

    /// Hand the write buffer to the fd.
    unsafe fn flush_writes(&mut self) -> PyResult<()> {
        let mut done = 0;
        while done < self.wbuf.len() {
            let fd = self.fd;
            let rest = &self.wbuf[done..];
            let n = retry(|| libc::write(fd, rest.as_ptr() as *const c_void, rest.len()));
            match n {
                Ok(n) => done += n,
                Err(()) => {
                    self.wbuf.drain(..done);
                    return Err(());
                }
            }
        }
        self.wbuf.clear();
        Ok(())
    }

    /// Give back read-ahead bytes to the fd (before a write or a seek).
    unsafe fn drop_read_ahead(&mut self) -> PyResult<()> {
        let unread = self.rbuf.len() - self.rpos;
        if unread > 0
            && self.is_seekable()
            && libc::lseek(self.fd, -(unread as libc::off_t), libc::SEEK_CUR) < 0
        {
            return os_error(last_errno());
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    unsafe fn is_seekable(&mut self) -> bool {
        if self.seekable.is_none() {
            self.seekable = Some(libc::lseek(self.fd, 0, libc::SEEK_CUR) >= 0);
        }
        self.seekable == Some(true)
    }

    unsafe fn write(&mut self, data: &[u8]) -> PyResult<usize> {
        self.check_writable()?;
        if self.rpos < self.rbuf.len() {
            self.drop_read_ahead()?;
        }
        self.wbuf.extend_from_slice(data);
        if self.unbuffered || self.wbuf.len() >= CHUNK {
            self.flush_writes()?;
        }
        Ok(data.len())
    }

    /// One `read()` of up to `n` bytes from the fd; empty at end of file.
    unsafe fn read_fd(&mut self, n: usize) -> PyResult<Vec<u8>> {
        let mut buf = vec![0u8; n];
        let fd = self.fd;
        let p = buf.as_mut_ptr();
        let got = retry(|| libc::read(fd, p as *mut c_void, n))?;
        buf.truncate(got);
        Ok(buf)
    }

    /// Refill the read-ahead buffer; false at end of file.
    unsafe fn fill(&mut self) -> PyResult<bool> {
        self.flush_writes()?;
        let chunk = self.read_fd(CHUNK)?;
        self.rbuf.drain(..self.rpos);
        self.rpos = 0;
        let got = !chunk.is_empty();
        self.rbuf.extend_from_slice(&chunk);
        Ok(got)
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let end = (self.rpos + n).min(self.rbuf.len());
        let v = self.rbuf[self.rpos..end].to_vec();
        self.rpos = end;
        v
    }

    /// `read(n)`: up to `n` bytes (all that is left with None). An unbuffered
    /// file makes one system call, as `FileIO.read` does.
    unsafe fn read(&mut self, n: Option<usize>) -> PyResult<Vec<u8>> {
        self.check_readable()?;
        match n {
            None => {
                while self.fill()? {}
                let left = self.rbuf.len() - self.rpos;
                Ok(self.take(left))
            }
            Some(n) if self.unbuffered && self.rpos == self.rbuf.len() => {
                self.flush_writes()?;
                self.read_fd(n)
            }
            Some(n) => {
                while self.rbuf.len() - self.rpos < n && self.fill()? {}
                Ok(self.take(n))
            }
        }
    }

    /// At most one system call: what is buffered, else one read (`read1`).
    unsafe fn read_some(&mut self, n: usize) -> PyResult<Vec<u8>> {
        self.check_readable()?;
        if self.rpos == self.rbuf.len() {
            self.fill()?;
        }
        Ok(self.take(n))
    }

    /// One line including its `\n` (at most `limit` bytes).
    unsafe fn readline(&mut self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        self.check_readable()?;
        let mut scanned = 0;
        loop {
            let avail = &self.rbuf[self.rpos..];
            if let Some(p) = avail[scanned..].iter().position(|&b| b == b'\n') {
                let n = scanned + p + 1;
                return Ok(self.take(limit.map_or(n, |l| l.min(n))));
            }
            scanned = avail.len();
            if limit.is_some_and(|l| scanned >= l) || !self.fill()? {
                return Ok(self.take(limit.map_or(scanned, |l| l.min(scanned))));
            }
        }
    }

    /// The logical position (the fd's, less read-ahead, plus pending writes).
    unsafe fn tell(&mut self) -> PyResult<i64> {
        self.check_open()?;
        let pos = libc::lseek(self.fd, 0, libc::SEEK_CUR);
        if pos < 0 {
            return os_error(last_errno());
        }
        Ok(pos - (self.rbuf.len() - self.rpos) as i64 + self.wbuf.len() as i64)
    }

    unsafe fn seek(&mut self, pos: i64, whence: c_int) -> PyResult<i64> {
        self.check_open()?;
        self.flush_writes()?;
        let unread = (self.rbuf.len() - self.rpos) as i64;
        self.rbuf.clear();
        self.rpos = 0;
        // A relative seek counts from the logical position.
        let (pos, whence) = if whence == libc::SEEK_CUR {
            (pos - unread, whence)
        } else {
            (pos, whence)
        };
        let r = libc::lseek(self.fd, pos, whence);
        if r < 0 {
            return os_error(last_errno());
        }
        Ok(r)
    }

    unsafe fn truncate(&mut self, size: Option<i64>) -> PyResult<i64> {
        self.check_open()?;
        if !self.writable {
            return unsupported("truncate");
        }
        let size = match size {
            Some(s) => s,
            None => self.tell()?,
        };
        self.flush_writes()?;
        self.drop_read_ahead()?;
        if libc::ftruncate(self.fd, size) < 0 {
            return os_error(last_errno());
        }
        Ok(size)
    }

    /// Flush and close the fd (when owned); closing twice is fine.
    unsafe fn close(&mut self) -> PyResult<()> {
        if self.fd < 0 {
            return Ok(());
        }
        let flushed = self.flush_writes();
        let fd = core::mem::replace(&mut self.fd, -1);
        if self.closefd && libc::close(fd) < 0 && flushed.is_ok() {
            return os_error(last_errno());
        }
        flushed
    }

    fn mode(&self) -> &'static str {
        match (self.created, self.appending, self.readable, self.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }
}

/// The flags of an open mode, checked with CPython's messages.
#[derive(Default, Clone, Copy)]
struct ModeFlags {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    text: bool,
    binary: bool,
}

unsafe fn parse_mode(mode: &str) -> PyResult<ModeFlags> {
    let mut m = ModeFlags::default();
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return crate::raise!(PyExc_ValueError, "invalid mode: '{}'", mode);
        }
        seen.push(c);
        match c {
            'r' => m.read = true,
            'w' => m.write = true,
            'a' => m.append = true,
            'x' => m.create = true,
            '+' => m.plus = true,
            't' => m.text = true,
            _ => m.binary = true,
        }
    }
    if m.text && m.binary {
        return crate::raise!(PyExc_ValueError, "can't have text and binary mode at once");
    }
    if [m.read, m.write, m.append, m.create]
        .iter()
        .filter(|&&x| x)
        .count()
        != 1
    {
        return crate::raise!(
            PyExc_ValueError,
            "must have exactly one of create/read/write/append mode"
        );
    }
    Ok(m)
}

impl ModeFlags {
    fn os_flags(self) -> c_int {
        let access = if self.plus {
            libc::O_RDWR
        } else if self.read {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        let extra = if self.write {
            libc::O_CREAT | libc::O_TRUNC
        } else if self.append {
            libc::O_CREAT | libc::O_APPEND
        } else if self.create {
            libc::O_CREAT | libc::O_EXCL
        } else {
            0
        };
        access | extra | libc::O_CLOEXEC
    }
}

/// A new binary file object over `fd` (`name` is stored as given).
unsafe fn new_binary(
    t: *mut PyTypeObject,
    fd: c_int,
    m: ModeFlags,
    closefd: bool,
    unbuffered: bool,
    name: *mut PyObject,
) -> PyResult<*mut PyObject> {
    let o = crate::alloc::new_object(
        t,
        BinaryFile {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            state: UnsafeCell::new(RawState {
                fd,
                closefd,
                readable: m.read || m.plus,
                writable: !m.read || m.plus,
                appending: m.append,
                created: m.create,
                rbuf: Vec::new(),
                rpos: 0,
                wbuf: Vec::new(),
                unbuffered,
                seekable: None,
            }),
            name: new_ref(name),
            dict: null_mut(),
        },
    );
    nonnull(o as *mut PyObject)
}

unsafe extern "C" fn binary_dealloc(o: *mut PyObject) {
    let b = o as *mut BinaryFile;
    // An unclosed file is flushed and closed when it goes away, as CPython's
    // IOBase finalizer does; errors are dropped.
    let saved = crate::errors::take_raised();
    if with_raw(o, |st| st.close()).is_err() {
        crate::errors::clear();
    }
    crate::errors::set_raised(saved);
    core::ptr::drop_in_place((*b).state.get());
    Py_XDECREF((*b).name);
    Py_XDECREF((*b).dict);
    crate::alloc::free_via_type(o);
}

// ---- the text layer -------------------------------------------------------------------

/// How lines end (`newline=`): None translates `\r\n` and `\r` to `\n` on
/// reading; `''` recognises them without translating; else one fixed ending.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    Universal,
    Untranslated,
    Lf,
    Cr,
    CrLf,
}

struct TextState {
    /// Decoded text (WTF-8: lone surrogates from surrogateescape stay in their
    /// 3-byte form) not yet returned, before newline translation.
    pending: Vec<u8>,
    /// Bytes read but not decoded yet (an incomplete sequence).
    undecoded: Vec<u8>,
    eof: bool,
}

#[repr(C)]
pub struct TextFile {
    ob_base: PyObject,
    lock: RawLock,
    state: UnsafeCell<TextState>,
    buffer: *mut PyObject,
    codec: Codec,
    encoding: *mut PyObject,
    errors: *mut PyObject,
    newline: Newline,
    line_buffering: bool,
    write_through: bool,
    mode: *mut PyObject,
    dict: *mut PyObject,
}

unsafe fn tf<'a>(o: *mut PyObject) -> &'a TextFile {
    &*(o as *const TextFile)
}

unsafe fn errors_str<'a>(t: &TextFile) -> &'a str {
    unicode::as_str(t.errors)
}

unsafe fn with_text<R>(
    o: *mut PyObject,
    f: impl FnOnce(&TextFile, &mut TextState) -> PyResult<R>,
) -> PyResult<R> {
    let t = tf(o);
    t.lock.with(|| f(t, &mut *t.state.get()))
}

impl TextState {
    /// Read one more chunk from the buffer and decode it; false at end of file.
    unsafe fn fill(&mut self, t: &TextFile, all: bool) -> PyResult<bool> {
        if self.eof {
            return Ok(false);
        }
        let chunk = with_raw(t.buffer, |st| {
            if all {
                st.read(None)
            } else {
                st.read_some(CHUNK)
            }
        })?;
        let last = chunk.is_empty() || all;
        self.undecoded.extend_from_slice(&chunk);
        let (text, used) =
            codecs::decode_to_wtf8(&self.undecoded, t.codec, Some(errors_str(t)), last)?;
        self.undecoded.drain(..used);
        self.pending.extend_from_slice(&text);
        if last {
            self.eof = true;
        }
        Ok(!last || !self.pending.is_empty())
    }

    /// Take up to `limit` characters of translated text, stopping after a line
    /// end when `line` is set. None when more input is needed to decide (a `\r`
    /// at the end of what is decoded, or no line end yet).
    fn take(&mut self, t: &TextFile, limit: Option<usize>, line: bool) -> Option<Vec<u8>> {
        let p = &self.pending;
        let universal = matches!(t.newline, Newline::Universal | Newline::Untranslated);
        let translate = t.newline == Newline::Universal;
        let mut out = Vec::new();
        let mut count = 0;
        let mut i = 0;
        while i < p.len() {
            if limit.is_some_and(|l| count >= l) {
                break;
            }
            let c = p[i];
            let next = p.get(i + 1).copied();
            let mut width = unicode::utf8_width(c).max(1);
            let mut end_of_line = false;
            if c == b'\r'
                && (universal || t.newline == Newline::CrLf)
                && next.is_none()
                && !self.eof
            {
                // "\r" then maybe "\n" in the next chunk.
                break;
            }
            match c {
                b'\r' if universal => {
                    if next == Some(b'\n') {
                        width = 2;
                    }
                    out.extend_from_slice(if translate { b"\n" } else { &p[i..i + width] });
                    end_of_line = true;
                }
                b'\r' if t.newline == Newline::CrLf && next == Some(b'\n') => {
                    width = 2;
                    out.extend_from_slice(b"\r\n");
                    end_of_line = true;
                }
                b'\r' if t.newline == Newline::Cr => {
                    out.push(b'\r');
                    end_of_line = true;
                }
                b'\n' if universal || t.newline == Newline::Lf => {
                    out.push(b'\n');
                    end_of_line = true;
                }
                _ => out.extend_from_slice(&p[i..(i + width).min(p.len())]),
            }
            i += width;
            count += 1;
            if line && end_of_line {
                self.pending.drain(..i.min(self.pending.len()));
                return Some(out);
            }
        }
        let complete = self.eof || limit.is_some_and(|l| count >= l);
        if !complete {
            return None;
        }
        self.pending.drain(..i.min(self.pending.len()));
        Some(out)
    }

    /// Read text: up to `limit` characters (all with None), or one line.
    unsafe fn read(&mut self, t: &TextFile, limit: Option<usize>, line: bool) -> PyResult<Vec<u8>> {
        if limit.is_none() && !line {
            self.fill(t, true)?;
        }
        loop {
            // Enough decoded text to answer without reading more?
            let chars = || self.pending.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            let enough = limit.is_some_and(|l| chars() > l)
                || (line && self.pending.iter().any(|&b| b == b'\n' || b == b'\r'));
            if enough || self.eof {
                if let Some(s) = self.take(t, limit, line) {
                    return Ok(s);
                }
            }
            if !self.fill(t, false)? && self.eof {
                return Ok(self.take(t, limit, line).unwrap_or_default());
            }
        }
    }
}

unsafe fn text_check_open(t: &TextFile) -> PyResult<()> {
    with_raw(t.buffer, |st| st.check_open())
}

/// A text stream's read/write refusals say "not readable"/"not writable".
unsafe fn text_check(t: &TextFile, reading: bool) -> PyResult<()> {
    let ok = with_raw(t.buffer, |st| {
        st.check_open()?;
        Ok(if reading { st.readable } else { st.writable })
    })?;
    if !ok {
        return unsupported(if reading {
            "not readable"
        } else {
            "not writable"
        });
    }
    Ok(())
}

/// Bytes of decoded-but-unreturned text, as they were in the file.
unsafe fn pending_bytes(t: &TextFile, ts: &TextState) -> PyResult<usize> {
    if ts.pending.is_empty() {
        return Ok(ts.undecoded.len());
    }
    let s = Owned(nonnull(unicode::from_wtf8_unchecked(&ts.pending))?);
    Ok(codecs::encode_to_vec(s.as_ptr(), t.codec, Some(errors_str(t)))?.len() + ts.undecoded.len())
}

/// Encode and write `s` (a str) through the buffer.
unsafe fn text_write(o: *mut PyObject, s: *mut PyObject) -> PyResult<usize> {
    let t = tf(o);
    let src = unicode::bytes_of(s);
    let ending: &[u8] = match t.newline {
        Newline::Cr => b"\r",
        Newline::CrLf => b"\r\n",
        _ => b"\n",
    };
    let translated = (ending != b"\n" && src.contains(&b'\n')).then(|| {
        let mut v = Vec::with_capacity(src.len() + 16);
        for &b in src {
            if b == b'\n' {
                v.extend_from_slice(ending);
            } else {
                v.push(b);
            }
        }
        v
    });
    let data = match &translated {
        None if t.codec == Codec::Utf8 && unicode::as_unicode(s).has_surrogates == 0 => {
            src.to_vec()
        }
        None => codecs::encode_to_vec(s, t.codec, Some(errors_str(t)))?,
        Some(v) => {
            let tmp = Owned(nonnull(unicode::from_wtf8_unchecked(v))?);
            codecs::encode_to_vec(tmp.as_ptr(), t.codec, Some(errors_str(t)))?
        }
    };
    let flush =
        t.write_through || (t.line_buffering && src.iter().any(|&b| b == b'\n' || b == b'\r'));
    with_text(o, |t, ts| {
        // Writing after reading: the position is where the reader stopped.
        if !ts.pending.is_empty() || !ts.undecoded.is_empty() {
            let back = pending_bytes(t, ts)?;
            ts.pending.clear();
            ts.undecoded.clear();
            with_raw(t.buffer, |st| {
                st.seek(-(back as i64), libc::SEEK_CUR).map(|_| ())
            })?;
        }
        ts.eof = false;
        with_raw(t.buffer, |st| {
            st.write(&data)?;
            if flush {
                st.flush_writes()?;
            }
            Ok(())
        })
    })?;
    Ok(unicode::as_unicode(s).length as usize)
}

/// The byte position of the text stream (the buffer's, less decoded text not
/// returned yet).
unsafe fn text_tell(o: *mut PyObject) -> PyResult<i64> {
    with_text(o, |t, ts| {
        let pos = with_raw(t.buffer, |st| {
            st.flush_writes()?;
            st.tell()
        })?;
        Ok(pos - pending_bytes(t, ts)? as i64)
    })
}

unsafe fn text_seek(o: *mut PyObject, pos: i64, whence: c_int) -> PyResult<i64> {
    if whence == libc::SEEK_CUR && pos != 0 {
        return unsupported("can't do nonzero cur-relative seeks");
    }
    if whence == libc::SEEK_END && pos != 0 {
        return unsupported("can't do nonzero end-relative seeks");
    }
    if whence == libc::SEEK_SET && pos < 0 {
        return crate::raise!(PyExc_ValueError, "negative seek position {}", pos);
    }
    let target = if whence == libc::SEEK_CUR {
        text_tell(o)?
    } else {
        pos
    };
    let whence = if whence == libc::SEEK_CUR {
        libc::SEEK_SET
    } else {
        whence
    };
    with_text(o, |t, ts| {
        ts.pending.clear();
        ts.undecoded.clear();
        ts.eof = false;
        with_raw(t.buffer, |st| st.seek(target, whence))
    })
}

unsafe extern "C" fn text_dealloc(o: *mut PyObject) {
    let t = o as *mut TextFile;
    core::ptr::drop_in_place((*t).state.get());
    Py_XDECREF((*t).buffer);
    Py_XDECREF((*t).encoding);
    Py_XDECREF((*t).errors);
    Py_XDECREF((*t).mode);
    Py_XDECREF((*t).dict);
    crate::alloc::free_via_type(o);
}

/// A text stream over the binary file `buffer` (`mode` is what `open()` got).
pub unsafe fn new_text(
    buffer: *mut PyObject,
    encoding: &str,
    errors: &str,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
    mode: &str,
) -> PyResult<*mut PyObject> {
    let Some(codec) = codecs::find(encoding) else {
        return crate::raise!(PyExc_LookupError, "unknown encoding: {}", encoding);
    };
    let newline = match newline {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        Some(other) => return crate::raise!(PyExc_ValueError, "illegal newline value: {}", other),
    };
    let enc = Owned(nonnull(unicode::from_str(encoding))?);
    let err = Owned(nonnull(unicode::from_str(errors))?);
    let mode = Owned(nonnull(unicode::from_str(mode))?);
    let o = crate::alloc::new_object(
        &raw mut TEXTIO_TYPE,
        TextFile {
            ob_base: PyObject {
                ob_refcnt: 1,
                ob_type: null_mut(),
            },
            lock: RawLock::new(),
            state: UnsafeCell::new(TextState {
                pending: Vec::new(),
                undecoded: Vec::new(),
                eof: false,
            }),
            buffer: new_ref(buffer),
            codec,
            encoding: enc.into_ptr(),
            errors: err.into_ptr(),
            newline,
            line_buffering,
            write_through,
            mode: mode.into_ptr(),
            dict: null_mut(),
        },
    );
    nonnull(o as *mut PyObject)
}

// ---- open() ---------------------------------------------------------------------------

static OPEN_SIG: Signature = Signature {
    fname: "open",
    names: &[
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ],
    posonly: 0,
    max_pos: 8,
    required: 1,
    varargs: false,
};

/// An optional str argument (None allowed).
unsafe fn opt_str(fname: &str, what: &str, v: Option<*mut PyObject>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(s) if unicode::is_unicode(s) => Ok(Some(unicode::to_string_lossy(s))),
        Some(s) => crate::raise!(
            PyExc_TypeError,
            "{}() argument '{}' must be str or None, not {}",
            fname,
            what,
            tname(s)
        ),
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True, opener=None)`.
pub unsafe extern "C" fn builtin_open(
    _m: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    ret((|| {
        let a = parse(&OPEN_SIG, args, nargs, kwnames)?;
        let file = a.values[0];
        let mode_s = match a.opt(1) {
            None => "r".to_string(),
            Some(m) if unicode::is_unicode(m) => unicode::to_string_lossy(m),
            Some(m) => {
                return crate::raise!(
                    PyExc_TypeError,
                    "open() argument 'mode' must be str, not {}",
                    tname(m)
                )
            }
        };
        let buffering = match a.opt(2) {
            Some(b) => crate::protocols::number::as_ssize_t(b, &raw mut PyExc_OverflowError)?,
            None => -1,
        };
        let encoding = opt_str("open", "encoding", a.opt(3))?;
        let errors = opt_str("open", "errors", a.opt(4))?;
        let newline = opt_str("open", "newline", a.opt(5))?;
        let closefd = match a.opt(6) {
            Some(c) => {
                let t = crate::protocols::object::is_true(c);
                if t < 0 {
                    return Err(());
                }
                t == 1
            }
            None => true,
        };
        let m = parse_mode(&mode_s)?;
        if m.binary {
            for (v, what) in [
                (&encoding, "an encoding"),
                (&errors, "an errors"),
                (&newline, "a newline"),
            ] {
                if v.is_some() {
                    return crate::raise!(
                        PyExc_ValueError,
                        "binary mode doesn't take {} argument",
                        what
                    );
                }
            }
        } else if buffering == 0 {
            return crate::raise!(PyExc_ValueError, "can't have unbuffered text I/O");
        }
        if let Some(nl) = &newline {
            if !["", "\n", "\r", "\r\n"].contains(&nl.as_str()) {
                return crate::raise!(PyExc_ValueError, "illegal newline value: {}", nl);
            }
        }
        let (fd, owned) = open_fd(file, m, closefd, a.opt(7))?;
        let unbuffered = buffering == 0;
        let t = if unbuffered {
            &raw mut FILEIO_TYPE
        } else if m.plus {
            &raw mut BUFFERED_RANDOM_TYPE
        } else if m.read {
            &raw mut BUFFERED_READER_TYPE
        } else {
            &raw mut BUFFERED_WRITER_TYPE
        };
        let binary = new_binary(t, fd, m, owned, unbuffered, file);
        let binary = match binary {
            Ok(b) => Owned(b),
            Err(()) => {
                if owned {
                    libc::close(fd);
                }
                return Err(());
            }
        };
        if m.binary {
            return Ok(binary.into_ptr());
        }
        let line_buffering = buffering == 1 || libc::isatty(fd) == 1;
        new_text(
            binary.as_ptr(),
            encoding.as_deref().unwrap_or("utf-8"),
            errors.as_deref().unwrap_or("strict"),
            newline.as_deref(),
            line_buffering,
            false,
            &mode_s,
        )
    })())
}

/// The fd `open()` works on: an int is used as is; a path is opened (through
/// `opener` when given). Returns the fd and whether the file object owns it.
unsafe fn open_fd(
    file: *mut PyObject,
    m: ModeFlags,
    closefd: bool,
    opener: Option<*mut PyObject>,
) -> PyResult<(c_int, bool)> {
    if crate::objects::long::is_long(file) {
        let fd = crate::protocols::number::as_ssize_t(file, &raw mut PyExc_OverflowError)?;
        if fd < 0 {
            return crate::raise!(PyExc_ValueError, "negative file descriptor");
        }
        return Ok((fd as c_int, closefd));
    }
    if !closefd {
        return crate::raise!(PyExc_ValueError, "Cannot use closefd=False with file name");
    }
    let path = fs_path(file)?;
    let flags = m.os_flags();
    let fd = if let Some(opener) = opener {
        let fl = Owned(nonnull(long::from_i64(flags as i64))?);
        let r = Owned(nonnull(crate::protocols::call::call_function(
            opener,
            &[file, fl.as_ptr()],
        ))?);
        if !long::is_long(r.as_ptr()) {
            return crate::raise!(PyExc_TypeError, "expected integer from opener");
        }
        let fd = crate::protocols::number::as_ssize_t(r.as_ptr(), &raw mut PyExc_OverflowError)?;
        if fd < 0 {
            return crate::raise!(PyExc_ValueError, "opener returned {}", fd);
        }
        fd as c_int
    } else {
        let c = std::ffi::CString::new(path.clone()).map_err(|_| {
            crate::errors::set_string(
                crate::objects::exceptions::exc(&raw mut PyExc_ValueError),
                "embedded null byte",
            )
        })?;
        let mut fd;
        loop {
            fd = blocking(|| libc::open(c.as_ptr(), flags, 0o666));
            if fd >= 0 || last_errno() != libc::EINTR {
                break;
            }
            if crate::objects::sysmodule::check_signals() < 0 {
                return Err(());
            }
        }
        if fd < 0 {
            let e = last_errno();
            crate::errors::set_from_errno_objects(
                crate::objects::exceptions::exc(&raw mut PyExc_OSError),
                e,
                file,
                null_mut(),
            );
            return Err(());
        }
        fd
    };
    // Opening a directory "succeeds" for reading: refuse it as CPython does.
    let mut st: libc::stat = core::mem::zeroed();
    if libc::fstat(fd, &mut st) == 0 && st.st_mode & libc::S_IFMT == libc::S_IFDIR {
        libc::close(fd);
        crate::errors::set_from_errno_objects(
            crate::objects::exceptions::exc(&raw mut PyExc_OSError),
            libc::EISDIR,
            file,
            null_mut(),
        );
        return Err(());
    }
    Ok((fd, true))
}

/// A path argument as bytes: str, bytes, or an `os.PathLike`.
unsafe fn fs_path(o: *mut PyObject) -> PyResult<Vec<u8>> {
    if unicode::is_unicode(o) {
        // Lone surrogates (from surrogateescape) go back to their bytes.
        let cps: Vec<u32> = unicode::decode_wtf8(unicode::bytes_of(o)).collect();
        let mut out = Vec::new();
        for cp in cps {
            if (0xDC80..0xDD00).contains(&cp) {
                out.push((cp - 0xDC00) as u8);
            } else {
                let mut buf = [0u8; 4];
                out.extend_from_slice(
                    char::from_u32(cp)
                        .unwrap_or('\u{FFFD}')
                        .encode_utf8(&mut buf)
                        .as_bytes(),
                );
            }
        }
        return Ok(out);
    }
    if bytes::is_bytes(o) {
        return Ok(bytes::as_slice_of(o).to_vec());
    }
    let f = crate::protocols::objproto::lookup_special(o, "__fspath__")?;
    if f.is_null() {
        return crate::raise!(
            PyExc_TypeError,
            "expected str, bytes or os.PathLike object, not {}",
            tname(o)
        );
    }
    let f = Owned(f);
    let p = Owned(nonnull(crate::protocols::call::call_function(
        f.as_ptr(),
        &[],
    ))?);
    if !unicode::is_unicode(p.as_ptr()) && !bytes::is_bytes(p.as_ptr()) {
        return crate::raise!(
            PyExc_TypeError,
            "expected {}.__fspath__() to return str or bytes, not {}",
            tname(o),
            tname(p.as_ptr())
        );
    }
    fs_path(p.as_ptr())
}

// ---- the standard streams -------------------------------------------------------------

/// A standard stream as `sys.stdin`/`stdout`/`stderr`: UTF-8 text over a buffer
/// over `fd` (not closed with the object). stdout is line-buffered on a terminal,
/// everything unbuffered with `-u`; stderr uses backslashreplace and is always
/// line-buffered, as in CPython.
pub unsafe fn std_stream(fd: c_int, unbuffered: bool) -> PyResult<*mut PyObject> {
    let m = ModeFlags {
        read: fd == 0,
        write: fd != 0,
        ..ModeFlags::default()
    };
    let t = if fd == 0 {
        &raw mut BUFFERED_READER_TYPE
    } else {
        &raw mut BUFFERED_WRITER_TYPE
    };
    let name = Owned(nonnull(unicode::from_str(match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    }))?);
    let b = Owned(new_binary(
        t,
        fd,
        m,
        false,
        unbuffered && fd != 0,
        name.as_ptr(),
    )?);
    let tty = libc::isatty(fd) == 1;
    new_text(
        b.as_ptr(),
        "utf-8",
        if fd == 2 {
            "backslashreplace"
        } else {
            "strict"
        },
        None,
        fd == 2 || (tty && fd == 1),
        unbuffered && fd != 0,
        if fd == 0 { "r" } else { "w" },
    )
}

// ---- methods shared by both layers ------------------------------------------------------

unsafe fn is_text(o: *mut PyObject) -> bool {
    Py_TYPE(o) == &raw mut TEXTIO_TYPE
}

/// The binary file under `o` (itself when it is one).
unsafe fn raw_of(o: *mut PyObject) -> *mut PyObject {
    if is_text(o) {
        tf(o).buffer
    } else {
        o
    }
}

fn ret(r: PyResult<*mut PyObject>) -> *mut PyObject {
    r.unwrap_or(null_mut())
}

fn ret_none(r: PyResult<()>) -> *mut PyObject {
    match r {
        Ok(()) => none_ref(),
        Err(()) => null_mut(),
    }
}

/// The optional size argument of read/readline: None or an int (negative = all).
unsafe fn size_arg(
    name: &str,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> PyResult<Option<usize>> {
    let a = fastcall_args(args, n);
    crate::objects::sequtil::check_positional(name, a.len(), 0, 1)?;
    match a.first() {
        None => Ok(None),
        Some(&v) if v == none() => Ok(None),
        Some(&v) => {
            if !crate::objects::sequtil::is_index(v) {
                return crate::raise!(
                    PyExc_TypeError,
                    "argument should be integer or None, not '{}'",
                    tname(v)
                );
            }
            let n = crate::protocols::number::as_ssize_t(v, &raw mut PyExc_OverflowError)?;
            Ok((n >= 0).then_some(n as usize))
        }
    }
}

unsafe extern "C" fn m_read(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let size = size_arg("read", args, n)?;
        if is_text(o) {
            text_check(tf(o), true)?;
            let s = with_text(o, |t, ts| ts.read(t, size, false))?;
            return nonnull(unicode::from_wtf8_unchecked(&s));
        }
        let v = with_raw(o, |st| st.read(size))?;
        nonnull(bytes::from_slice(&v))
    })())
}

unsafe extern "C" fn m_read1(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let size = size_arg("read1", args, n)?.unwrap_or(CHUNK);
        let v = with_raw(o, |st| st.read_some(size))?;
        nonnull(bytes::from_slice(&v))
    })())
}

unsafe extern "C" fn m_readline(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let size = size_arg("readline", args, n)?;
        readline(o, size)
    })())
}

/// One line as str (text) or bytes (binary); empty at end of file.
unsafe fn readline(o: *mut PyObject, size: Option<usize>) -> PyResult<*mut PyObject> {
    if is_text(o) {
        text_check(tf(o), true)?;
        let s = with_text(o, |t, ts| ts.read(t, size, true))?;
        return nonnull(unicode::from_wtf8_unchecked(&s));
    }
    let v = with_raw(o, |st| st.readline(size))?;
    nonnull(bytes::from_slice(&v))
}

unsafe extern "C" fn m_readlines(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let hint = size_arg("readlines", args, n)?.filter(|&h| h > 0);
        let l = Owned(nonnull(list::new(0))?);
        let mut total = 0;
        loop {
            let line = Owned(readline(o, None)?);
            let len = crate::protocols::sequence::object_size(line.as_ptr()) as usize;
            if len == 0 {
                break;
            }
            list::append(l.as_ptr(), line.as_ptr())?;
            total += len;
            if hint.is_some_and(|h| total >= h) {
                break;
            }
        }
        Ok(l.into_ptr())
    })())
}

unsafe extern "C" fn m_write(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret((|| {
        if is_text(o) {
            text_check(tf(o), false)?;
            if !unicode::is_unicode(arg) {
                return crate::raise!(
                    PyExc_TypeError,
                    "write() argument must be str, not {}",
                    tname(arg)
                );
            }
            let n = text_write(o, arg)?;
            return nonnull(long::from_i64(n as i64));
        }
        let data = match crate::protocols::number::buffer_bytes(arg) {
            Some(r) => r?,
            None => {
                return crate::raise!(
                    PyExc_TypeError,
                    "a bytes-like object is required, not '{}'",
                    tname(arg)
                )
            }
        };
        let n = with_raw(o, |st| st.write(&data))?;
        nonnull(long::from_i64(n as i64))
    })())
}

unsafe extern "C" fn m_writelines(o: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    ret_none((|| {
        for line in crate::protocols::iter::collect(arg)? {
            let r = m_write(o, line.as_ptr());
            Py_DECREF(nonnull(r)?);
        }
        Ok(())
    })())
}

unsafe extern "C" fn m_flush(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret_none(with_raw(raw_of(o), |st| {
        st.check_open()?;
        if st.writable {
            st.flush_writes()?;
        }
        Ok(())
    }))
}

unsafe extern "C" fn m_close(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret_none(with_raw(raw_of(o), |st| st.close()))
}

unsafe extern "C" fn m_fileno(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(with_raw(raw_of(o), |st| {
        if st.fd < 0 {
            return crate::raise!(PyExc_ValueError, "I/O operation on closed file");
        }
        Ok(st.fd)
    })
    .and_then(|fd| nonnull(long::from_i64(fd as i64))))
}

unsafe extern "C" fn m_isatty(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(with_raw(raw_of(o), |st| {
        st.check_open()?;
        Ok(libc::isatty(st.fd) == 1)
    })
    .map(|b| new_ref(py_bool(b))))
}

unsafe fn flag(o: *mut PyObject, f: impl FnOnce(&mut RawState) -> bool) -> *mut PyObject {
    ret(with_raw(raw_of(o), |st| {
        st.check_open()?;
        Ok(f(st))
    })
    .map(|b| new_ref(py_bool(b))))
}

unsafe extern "C" fn m_readable(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    flag(o, |st| st.readable)
}

unsafe extern "C" fn m_writable(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    flag(o, |st| st.writable)
}

unsafe extern "C" fn m_seekable(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    flag(o, |st| st.is_seekable())
}

unsafe extern "C" fn m_seek(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = fastcall_args(args, n);
        crate::objects::sequtil::check_positional("seek", a.len(), 1, 2)?;
        let pos = crate::protocols::number::as_ssize_t(a[0], &raw mut PyExc_OverflowError)? as i64;
        let whence = match a.get(1) {
            Some(&w) => {
                crate::protocols::number::as_ssize_t(w, &raw mut PyExc_OverflowError)? as c_int
            }
            None => 0,
        };
        if !(0..=2).contains(&whence) {
            return if is_text(o) {
                crate::raise!(
                    PyExc_ValueError,
                    "invalid whence ({}, should be 0, 1 or 2)",
                    whence
                )
            } else {
                crate::raise!(PyExc_ValueError, "whence value {} unsupported", whence)
            };
        }
        let r = if is_text(o) {
            text_check_open(tf(o))?;
            text_seek(o, pos, whence)?
        } else {
            with_raw(o, |st| {
                if !st.is_seekable() && st.fd >= 0 {
                    return os_error(libc::ESPIPE);
                }
                st.seek(pos, whence)
            })?
        };
        nonnull(long::from_i64(r))
    })())
}

unsafe extern "C" fn m_tell(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let r = if is_text(o) {
            text_check_open(tf(o))?;
            text_tell(o)?
        } else {
            with_raw(o, |st| st.tell())?
        };
        nonnull(long::from_i64(r))
    })())
}

unsafe extern "C" fn m_truncate(
    o: *mut PyObject,
    args: *const *mut PyObject,
    n: Py_ssize_t,
) -> *mut PyObject {
    ret((|| {
        let a = fastcall_args(args, n);
        crate::objects::sequtil::check_positional("truncate", a.len(), 0, 1)?;
        let size = match a.first() {
            Some(&s) if s != none() => {
                Some(crate::protocols::number::as_ssize_t(s, &raw mut PyExc_OverflowError)? as i64)
            }
            _ => None,
        };
        if is_text(o) {
            // Pending text is given back to the buffer first.
            let pos = text_tell(o)?;
            text_seek(o, pos, libc::SEEK_SET)?;
        }
        let r = with_raw(raw_of(o), |st| st.truncate(size))?;
        nonnull(long::from_i64(r))
    })())
}

unsafe extern "C" fn m_enter(o: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    ret(with_raw(raw_of(o), |st| st.check_open()).map(|()| new_ref(o)))
}

unsafe extern "C" fn m_exit(o: *mut PyObject, _args: *mut PyObject) -> *mut PyObject {
    m_close(o, null_mut())
}

unsafe extern "C" fn file_iternext(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let line = Owned(readline(o, None)?);
        if crate::protocols::sequence::object_size(line.as_ptr()) == 0 {
            return Ok(null_mut());
        }
        Ok(line.into_ptr())
    })())
}

unsafe extern "C" fn file_iter(o: *mut PyObject) -> *mut PyObject {
    ret(with_raw(raw_of(o), |st| st.check_open()).map(|()| new_ref(o)))
}

static mut FILE_METHODS: [PyMethodDef; 19] = [
    crate::meth!(c"read", m_read, METH_FASTCALL),
    crate::meth!(c"read1", m_read1, METH_FASTCALL),
    crate::meth!(c"readline", m_readline, METH_FASTCALL),
    crate::meth!(c"readlines", m_readlines, METH_FASTCALL),
    crate::meth!(c"write", m_write, METH_O),
    crate::meth!(c"writelines", m_writelines, METH_O),
    crate::meth!(c"flush", m_flush, METH_NOARGS),
    crate::meth!(c"close", m_close, METH_NOARGS),
    crate::meth!(c"fileno", m_fileno, METH_NOARGS),
    crate::meth!(c"isatty", m_isatty, METH_NOARGS),
    crate::meth!(c"readable", m_readable, METH_NOARGS),
    crate::meth!(c"writable", m_writable, METH_NOARGS),
    crate::meth!(c"seekable", m_seekable, METH_NOARGS),
    crate::meth!(c"seek", m_seek, METH_FASTCALL),
    crate::meth!(c"tell", m_tell, METH_NOARGS),
    crate::meth!(c"truncate", m_truncate, METH_FASTCALL),
    crate::meth!(c"__enter__", m_enter, METH_NOARGS),
    crate::meth!(c"__exit__", m_exit, METH_VARARGS),
    SENTINEL,
];

// ---- attributes ---------------------------------------------------------------------------

type Getter = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject;

unsafe extern "C" fn get_closed(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let closed = with_raw(raw_of(o), |st| Ok(st.fd < 0)).unwrap_or(true);
    new_ref(py_bool(closed))
}

unsafe extern "C" fn get_name(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(bf(raw_of(o)).name)
}

unsafe extern "C" fn get_mode(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    if is_text(o) {
        return new_ref(tf(o).mode);
    }
    let m = with_raw(o, |st| Ok(st.mode())).unwrap_or("rb");
    unicode::from_str(m)
}

unsafe extern "C" fn get_buffer(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(tf(o).buffer)
}

unsafe extern "C" fn get_encoding(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(tf(o).encoding)
}

unsafe extern "C" fn get_errors(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(tf(o).errors)
}

unsafe extern "C" fn get_line_buffering(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(py_bool(tf(o).line_buffering))
}

unsafe extern "C" fn get_write_through(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(py_bool(tf(o).write_through))
}

unsafe extern "C" fn get_newlines(_o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    none_ref()
}

unsafe extern "C" fn get_closefd(o: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(py_bool(with_raw(o, |st| Ok(st.closefd)).unwrap_or(true)))
}

const fn getter(name: &'static core::ffi::CStr, f: Getter) -> PyGetSetDef {
    PyGetSetDef {
        name: name.as_ptr(),
        get: Some(f),
        set: None,
        doc: core::ptr::null(),
        closure: null_mut(),
    }
}

const GETSET_END: PyGetSetDef = PyGetSetDef {
    name: core::ptr::null(),
    get: None,
    set: None,
    doc: core::ptr::null(),
    closure: null_mut(),
};

static mut BINARY_GETSET: [PyGetSetDef; 5] = [
    getter(c"closed", get_closed),
    getter(c"name", get_name),
    getter(c"mode", get_mode),
    getter(c"closefd", get_closefd),
    GETSET_END,
];

static mut TEXT_GETSET: [PyGetSetDef; 10] = [
    getter(c"closed", get_closed),
    getter(c"name", get_name),
    getter(c"mode", get_mode),
    getter(c"buffer", get_buffer),
    getter(c"encoding", get_encoding),
    getter(c"errors", get_errors),
    getter(c"line_buffering", get_line_buffering),
    getter(c"write_through", get_write_through),
    getter(c"newlines", get_newlines),
    GETSET_END,
];

unsafe fn name_repr(o: *mut PyObject) -> PyResult<String> {
    let r = Owned(nonnull(crate::protocols::object::repr(bf(raw_of(o)).name))?);
    Ok(unicode::to_string_lossy(r.as_ptr()))
}

unsafe extern "C" fn binary_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let tn = crate::objects::typeobject::tp_name(Py_TYPE(o));
        let (closed, mode, closefd) = with_raw(o, |st| Ok((st.fd < 0, st.mode(), st.closefd)))?;
        let s = if Py_TYPE(o) == &raw mut FILEIO_TYPE {
            if closed {
                format!("<{tn} [closed]>")
            } else {
                let cf = if closefd { "True" } else { "False" };
                format!("<{tn} name={} mode='{mode}' closefd={cf}>", name_repr(o)?)
            }
        } else {
            format!("<{tn} name={}>", name_repr(o)?)
        };
        nonnull(unicode::from_str(&s))
    })())
}

unsafe extern "C" fn text_repr(o: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let t = tf(o);
        let s = format!(
            "<_io.TextIOWrapper name={} mode='{}' encoding='{}'>",
            name_repr(o)?,
            unicode::as_str(t.mode),
            unicode::as_str(t.encoding)
        );
        nonnull(unicode::from_str(&s))
    })())
}

/// Fill and ready the file types and make `io.UnsupportedOperation` (once).
pub unsafe fn init_types() -> PyResult<()> {
    let t = &raw mut TEXTIO_TYPE;
    if (*t).tp_name.is_null() {
        for (t, name) in [
            (&raw mut FILEIO_TYPE, c"_io.FileIO"),
            (&raw mut BUFFERED_READER_TYPE, c"_io.BufferedReader"),
            (&raw mut BUFFERED_WRITER_TYPE, c"_io.BufferedWriter"),
            (&raw mut BUFFERED_RANDOM_TYPE, c"_io.BufferedRandom"),
        ] {
            crate::objects::typeobject::init_builtin(
                t,
                name,
                core::mem::size_of::<BinaryFile>(),
                0,
            );
            (*t).tp_dealloc = Some(binary_dealloc);
            (*t).tp_repr = Some(binary_repr);
            (*t).tp_iter = Some(file_iter);
            (*t).tp_iternext = Some(file_iternext);
            (*t).tp_methods = (&raw mut FILE_METHODS).cast();
            (*t).tp_getset = (&raw mut BINARY_GETSET).cast();
            (*t).tp_dictoffset = core::mem::offset_of!(BinaryFile, dict) as Py_ssize_t;
            (*t).tp_flags |= crate::typeobj::Py_TPFLAGS_DISALLOW_INSTANTIATION;
            crate::objects::typeobject::ready(t)?;
        }
        let t = &raw mut TEXTIO_TYPE;
        crate::objects::typeobject::init_builtin(
            t,
            c"_io.TextIOWrapper",
            core::mem::size_of::<TextFile>(),
            0,
        );
        (*t).tp_dealloc = Some(text_dealloc);
        (*t).tp_repr = Some(text_repr);
        (*t).tp_iter = Some(file_iter);
        (*t).tp_iternext = Some(file_iternext);
        (*t).tp_methods = (&raw mut FILE_METHODS).cast();
        (*t).tp_getset = (&raw mut TEXT_GETSET).cast();
        (*t).tp_dictoffset = core::mem::offset_of!(TextFile, dict) as Py_ssize_t;
        (*t).tp_flags |= crate::typeobj::Py_TPFLAGS_DISALLOW_INSTANTIATION;
        crate::objects::typeobject::ready(t)?;
    }
    if UNSUPPORTED
        .load(core::sync::atomic::Ordering::Acquire)
        .is_null()
    {
        let bases = Owned(nonnull(crate::objects::tuple::pack(&[
            crate::objects::exceptions::exc(&raw mut PyExc_OSError),
            crate::objects::exceptions::exc(&raw mut PyExc_ValueError),
        ]))?);
        let e = nonnull(crate::errors::new_exception(
            "io.UnsupportedOperation",
            None,
            bases.as_ptr(),
            null_mut(),
        ))?;
        if UNSUPPORTED
            .compare_exchange(
                null_mut(),
                e,
                core::sync::atomic::Ordering::AcqRel,
                core::sync::atomic::Ordering::Acquire,
            )
            .is_err()
        {
            Py_DECREF(e);
        }
    }
    Ok(())
}
