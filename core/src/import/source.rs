//! Python source modules: reading and decoding a `.py` file (PEP 263 coding
//! cookie, UTF-8 BOM, CPython's SyntaxErrors for undecodable text), compiling it
//! and running it in the module's namespace (`SourceFileLoader.exec_module`).

use core::ptr::null_mut;

use crate::exported::*;
use crate::object::*;
use crate::objects::{dict, module, tuple, unicode};

use super::machinery::{self, owned, str_obj};

/// Raise the OSError subclass for an I/O error on `path`.
pub unsafe fn raise_os_error(e: &std::io::Error, path: &str) {
    let f = unicode::from_str(path);
    crate::errors::set_from_errno_objects(
        crate::objects::exceptions::exc(&raw mut PyExc_OSError),
        e.raw_os_error().unwrap_or(0),
        f,
        null_mut(),
    );
    Py_XDECREF(f);
}

/// Why the bytes of a source file cannot be decoded: CPython's SyntaxError
/// message and location (`lineno` 0 when there is none).
#[derive(Debug, PartialEq)]
pub struct DecodeError {
    pub msg: String,
    pub lineno: usize,
    pub offset: i64,
    pub text: Option<String>,
    pub end_offset: i64,
}

impl DecodeError {
    fn whole_file(msg: String) -> DecodeError {
        DecodeError {
            msg,
            lineno: 0,
            offset: -1,
            text: None,
            end_offset: -1,
        }
    }
}

/// The encoding name of a coding cookie in `line`, if it is a comment carrying
/// one (`# -*- coding: latin-1 -*-`, `# vim: set fileencoding=utf-8 :`).
fn cookie(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | 0x0c))?;
    if line[start] != b'#' {
        return None;
    }
    let text = &line[start..];
    let mut from = 0;
    while let Some(p) = find(&text[from..], b"coding") {
        let after = from + p + 6;
        if matches!(text.get(after), Some(b':') | Some(b'=')) {
            let rest = &text[after + 1..];
            let skip = rest
                .iter()
                .position(|&b| b != b' ' && b != b'\t')
                .unwrap_or(rest.len());
            let name: Vec<u8> = rest[skip..]
                .iter()
                .copied()
                .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
                .collect();
            if !name.is_empty() {
                return Some(normal_name(&String::from_utf8_lossy(&name)));
            }
        }
        from = after;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The tokenizer's name normalisation: spellings of UTF-8 and Latin-1 become
/// `utf-8` / `iso-8859-1`; anything else is kept as written.
fn normal_name(name: &str) -> String {
    let low: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    let is = |base: &str| low == base || low.starts_with(&format!("{}-", base));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.into()
    }
}

/// Is the line blank or only a comment (so that a cookie may follow on line 2)?
fn blank_or_comment(line: &[u8]) -> bool {
    match line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | 0x0c | b'\r' | b'\n'))
    {
        None => true,
        Some(p) => line[p] == b'#',
    }
}

/// The declared encoding of a source file, after a UTF-8 BOM if any: `None` for
/// the default (UTF-8), with the BOM stripped from the returned bytes.
pub fn detect_encoding(data: &[u8]) -> Result<(Option<String>, &[u8]), DecodeError> {
    let (bom, body) = match data.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, data),
    };
    let mut lines = body.split_inclusive(|&b| b == b'\n');
    let first = lines.next().unwrap_or(b"");
    let (found, lineno, line) = match cookie(first) {
        Some(c) => (Some(c), 1, first),
        None if blank_or_comment(first) => {
            let second = lines.next().unwrap_or(b"");
            (cookie(second), 2, second)
        }
        None => (None, 0, first),
    };
    if bom {
        if let Some(c) = &found {
            if c != "utf-8" {
                let text = String::from_utf8_lossy(line)
                    .trim_end_matches(['\r', '\n'])
                    .to_string();
                let end = text.chars().count() as i64;
                return Err(DecodeError {
                    msg: format!("encoding problem: {} with BOM", c),
                    lineno,
                    offset: 0,
                    text: Some(text),
                    end_offset: end,
                });
            }
        }
    }
    Ok((found.filter(|c| c != "utf-8"), body))
}

/// Check that `data` is UTF-8, reporting the first bad byte as CPython does.
pub fn check_utf8(data: &[u8]) -> Result<&str, DecodeError> {
    match core::str::from_utf8(data) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.valid_up_to();
            let line_start = data[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|p| p + 1)
                .unwrap_or(0);
            let lineno = data[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let line_end = data[at..]
                .iter()
                .position(|&b| b == b'\n')
                .map(|p| at + p)
                .unwrap_or(data.len());
            let col = String::from_utf8_lossy(&data[line_start..at])
                .chars()
                .count() as i64
                + 1;
            let text = String::from_utf8_lossy(&data[line_start..line_end])
                .trim_end_matches('\r')
                .to_string();
            Err(DecodeError {
                msg: format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' on line {}, but no encoding \
                     declared; see https://peps.python.org/pep-0263/ for details",
                    data[at], lineno
                ),
                lineno,
                offset: col,
                text: Some(text),
                end_offset: col,
            })
        }
    }
}

/// Universal newlines: `\r\n` and `\r` become `\n`.
fn translate_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

unsafe fn raise_syntax_error(filename: &str, e: &DecodeError) {
    let r = (|| -> PyResult<()> {
        let msg = str_obj(&e.msg)?;
        let f = str_obj(filename)?;
        let int = |v: i64| owned(crate::objects::long::from_i64(v));
        let lineno = int(e.lineno as i64)?;
        let offset = int(e.offset)?;
        let (text, end_lineno, end_offset) = match &e.text {
            Some(t) => (str_obj(t)?, int(e.lineno as i64)?, int(e.end_offset)?),
            None => (
                Owned::from_borrowed(none()),
                Owned::from_borrowed(none()),
                Owned::from_borrowed(none()),
            ),
        };
        let loc = owned(tuple::pack(&[
            f.as_ptr(),
            lineno.as_ptr(),
            offset.as_ptr(),
            text.as_ptr(),
            end_lineno.as_ptr(),
            end_offset.as_ptr(),
        ]))?;
        let t = crate::objects::exceptions::exc(&raw mut PyExc_SyntaxError);
        let exc = owned(crate::objects::exceptions::new_instance(
            t as *mut crate::typeobj::PyTypeObject,
            &[msg.as_ptr(), loc.as_ptr()],
        ))?;
        crate::errors::set_object(t, exc.as_ptr());
        Ok(())
    })();
    let _ = r;
}

/// Decode the bytes of source file `filename` to text.
pub unsafe fn decode_source(data: &[u8], filename: &str) -> PyResult<String> {
    let (encoding, body) = match detect_encoding(data) {
        Ok(x) => x,
        Err(e) => {
            raise_syntax_error(filename, &e);
            return Err(());
        }
    };
    let text = match encoding {
        None => match check_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) => {
                raise_syntax_error(filename, &e);
                return Err(());
            }
        },
        Some(enc) => {
            let codec = crate::objects::codecs::lookup(&enc);
            if codec.is_null() {
                crate::errors::clear();
                raise_syntax_error(
                    filename,
                    &DecodeError::whole_file(format!("unknown encoding: {}", enc)),
                );
                return Err(());
            }
            Py_DECREF(codec);
            let s = crate::objects::codecs::decode_by_name(body, &enc, Some("strict"));
            if s.is_null() {
                let e = crate::errors::take_raised();
                let msg = crate::protocols::object::str(e);
                Py_XDECREF(e);
                let m = if msg.is_null() {
                    crate::errors::clear();
                    format!("cannot decode with {}", enc)
                } else {
                    let m = unicode::to_string_lossy(msg);
                    Py_DECREF(msg);
                    m
                };
                raise_syntax_error(filename, &DecodeError::whole_file(m));
                return Err(());
            }
            let s = Owned(s);
            if !unicode::is_unicode(s.as_ptr()) {
                return crate::raise!(PyExc_TypeError, "decoder did not return a str");
            }
            unicode::to_string_lossy(s.as_ptr())
        }
    };
    Ok(translate_newlines(&text))
}

/// The decoded text of the source file at `path`.
pub unsafe fn read_source(path: &str) -> PyResult<String> {
    match std::fs::read(path) {
        Ok(data) => decode_source(&data, path),
        Err(e) => {
            raise_os_error(&e, path);
            Err(())
        }
    }
}

/// Read and compile the source file at `path` into a code object.
pub unsafe fn compile_file(path: &str) -> PyResult<Owned> {
    let text = read_source(path)?;
    let f = str_obj(path)?;
    owned(crate::objects::code::compile(
        &text,
        f.as_ptr(),
        crate::compiler::Mode::Exec,
        0,
        -1,
    ))
}

/// `SourceFileLoader.exec_module(module)`: run the loader's file in the module's
/// namespace (which gets `__builtins__` first, as `exec` gives it).
pub unsafe fn exec_module(loader: *mut PyObject, m: *mut PyObject) -> PyResult<()> {
    let path = machinery::loader_path(loader)?;
    let code = compile_file(&path)?;
    let d = if module::is_module(m) {
        Owned::from_borrowed(module::m(m).md_dict)
    } else {
        owned(crate::protocols::object::get_attr_str(m, "__dict__"))?
    };
    if !dict::is_dict(d.as_ptr()) {
        return crate::raise!(PyExc_TypeError, "module __dict__ must be a dict");
    }
    if dict::get_str(d.as_ptr(), "__builtins__").is_null() {
        dict::set_str(d.as_ptr(), "__builtins__", crate::vm::current_builtins())?;
    }
    owned(crate::vm::eval_code(code.as_ptr(), d.as_ptr(), d.as_ptr())).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies() {
        assert_eq!(
            cookie(b"# -*- coding: latin-1 -*-\n"),
            Some("iso-8859-1".into())
        );
        assert_eq!(
            cookie(b"# vim: set fileencoding=UTF_8 :\n"),
            Some("utf-8".into())
        );
        assert_eq!(cookie(b"x = 1 # coding: latin-1\n"), None);
        assert_eq!(cookie(b"#coding=cp1252\n"), Some("cp1252".into()));
        assert_eq!(cookie(b"# no cookie here\n"), None);
    }

    #[test]
    fn cookie_placement() {
        let d = |s: &'static [u8]| detect_encoding(s).map(|x| x.0);
        assert_eq!(
            d(b"#!/usr/bin/env python\n# coding: latin-1\n"),
            Ok(Some("iso-8859-1".into()))
        );
        assert_eq!(d(b"x = 1\n# coding: latin-1\n"), Ok(None));
        assert_eq!(d(b"\n\n# coding: latin-1\n"), Ok(None));
        assert_eq!(d(b"\xef\xbb\xbf# coding: utf-8\n"), Ok(None));
        let e = detect_encoding(b"\xef\xbb\xbf# coding: latin-1\nx=1\n").unwrap_err();
        assert_eq!(e.msg, "encoding problem: iso-8859-1 with BOM");
        assert_eq!((e.lineno, e.offset, e.end_offset), (1, 0, 17));
    }

    #[test]
    fn bad_utf8() {
        let e = check_utf8(b"x=1\ny = \"\xff\"\n").unwrap_err();
        assert_eq!(e.lineno, 2);
        assert_eq!(e.offset, 6);
        assert!(e
            .msg
            .starts_with("Non-UTF-8 code starting with '\\xff' on line 2"));
        assert_eq!(translate_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
