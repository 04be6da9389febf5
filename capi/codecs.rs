//! The codec registry and error handlers (`PyCodec_*`).

use core::ffi::{c_char, c_int, CStr};
use core::ptr::null_mut;

use carapace_core::errors;
use carapace_core::object::*;
use carapace_core::objects::codecs::{self, Handler};
use carapace_core::objects::{tuple, unicode};

unsafe fn s<'a>(p: *const c_char) -> std::borrow::Cow<'a, str> {
    String::from_utf8_lossy(CStr::from_ptr(p).to_bytes())
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_Register(search: *mut PyObject) -> c_int {
    guard!(-1, {
        if search.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match codecs::register_search(search) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_Unregister(search: *mut PyObject) -> c_int {
    guard!(-1, {
        codecs::unregister_search(search);
        0
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_KnownEncoding(encoding: *const c_char) -> c_int {
    guard!(0, {
        let r = codecs::lookup(&s(encoding));
        if r.is_null() {
            errors::clear();
            return 0;
        }
        Py_DECREF(r);
        1
    })
}

unsafe fn info_item(encoding: *const c_char, i: isize) -> *mut PyObject {
    if encoding.is_null() {
        errors::bad_internal_call();
        return null_mut();
    }
    let info = codecs::lookup(&s(encoding));
    if info.is_null() {
        return info;
    }
    let r = new_ref(tuple::get_item(info, i));
    Py_DECREF(info);
    r
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_Encoder(encoding: *const c_char) -> *mut PyObject {
    guard!(null_mut(), { info_item(encoding, 0) })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_Decoder(encoding: *const c_char) -> *mut PyObject {
    guard!(null_mut(), { info_item(encoding, 1) })
}

/// `codecinfo.<attr>(*args)` (incremental codecs and stream readers/writers come
/// from the registered codec's CodecInfo).
unsafe fn info_call(encoding: *const c_char, attr: &str, args: &[*mut PyObject]) -> *mut PyObject {
    if encoding.is_null() {
        errors::bad_internal_call();
        return null_mut();
    }
    let info = codecs::lookup(&s(encoding));
    if info.is_null() {
        return info;
    }
    let info = Owned(info);
    if let Some(c) = codecs::builtin_of_info(info.as_ptr()) {
        let kind = match attr {
            "incrementalencoder" => 0,
            "incrementaldecoder" => 1,
            "streamwriter" => 2,
            _ => 3,
        };
        let (stream, err) = if kind >= 2 {
            (args[0], args.get(1).copied())
        } else {
            (null_mut(), args.first().copied())
        };
        let e = err.map(|p| unicode::to_string_lossy(p));
        return codecs::new_incremental(c, kind, e.as_deref(), stream);
    }
    let f = carapace_core::protocols::object::get_attr_str(info.as_ptr(), attr);
    if f.is_null() {
        return f;
    }
    let r = carapace_core::protocols::call::call_function(f, args);
    Py_DECREF(f);
    r
}

unsafe fn errors_arg(e: *const c_char) -> Option<Owned> {
    if e.is_null() {
        None
    } else {
        Owned::from_new(unicode::from_utf8(CStr::from_ptr(e).to_bytes()))
    }
}

/// `codecs.lookup(encoding).<attr>(*leading[, errors])`: the factories behind
/// PyCodec_Incremental*coder and PyCodec_Stream*; `errors` only when given.
unsafe fn factory_call(
    encoding: *const c_char,
    attr: &str,
    leading: &[*mut PyObject],
    e: *const c_char,
) -> *mut PyObject {
    match errors_arg(e) {
        Some(x) => {
            let mut args = leading.to_vec();
            args.push(x.as_ptr());
            info_call(encoding, attr, &args)
        }
        None if !e.is_null() => null_mut(),
        None => info_call(encoding, attr, leading),
    }
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_IncrementalEncoder(
    encoding: *const c_char,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        factory_call(encoding, "incrementalencoder", &[], e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_IncrementalDecoder(
    encoding: *const c_char,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        factory_call(encoding, "incrementaldecoder", &[], e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_StreamReader(
    encoding: *const c_char,
    stream: *mut PyObject,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        factory_call(encoding, "streamreader", &[stream], e)
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_StreamWriter(
    encoding: *const c_char,
    stream: *mut PyObject,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), {
        factory_call(encoding, "streamwriter", &[stream], e)
    })
}

/// PyCodec_Encode (0) and PyCodec_Decode (1): check the arguments, then look the
/// codec up and call its encoder or decoder.
unsafe fn encode_or_decode(
    o: *mut PyObject,
    encoding: *const c_char,
    e: *const c_char,
    which: usize,
) -> *mut PyObject {
    if o.is_null() || encoding.is_null() {
        errors::bad_internal_call();
        return null_mut();
    }
    let err = if e.is_null() {
        None
    } else {
        Some(s(e).into_owned())
    };
    codecs::call_codec(o, &s(encoding), err.as_deref(), which)
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_Encode(
    o: *mut PyObject,
    encoding: *const c_char,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { encode_or_decode(o, encoding, e, 0) })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_Decode(
    o: *mut PyObject,
    encoding: *const c_char,
    e: *const c_char,
) -> *mut PyObject {
    guard!(null_mut(), { encode_or_decode(o, encoding, e, 1) })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_RegisterError(
    name: *const c_char,
    handler: *mut PyObject,
) -> c_int {
    guard!(-1, {
        if name.is_null() || handler.is_null() {
            errors::bad_internal_call();
            return -1;
        }
        match codecs::register_error(&s(name), handler) {
            Ok(()) => 0,
            Err(()) => -1,
        }
    })
}

#[no_mangle]
pub unsafe extern "C" fn PyCodec_LookupError(name: *const c_char) -> *mut PyObject {
    guard!(null_mut(), {
        let n = if name.is_null() {
            "strict".into()
        } else {
            s(name)
        };
        codecs::lookup_error(&n)
    })
}

macro_rules! handler_export {
    ($name:ident, $h:expr) => {
        #[no_mangle]
        pub unsafe extern "C" fn $name(exc: *mut PyObject) -> *mut PyObject {
            guard!(null_mut(), { codecs::run_handler($h, exc) })
        }
    };
}
handler_export!(PyCodec_StrictErrors, Handler::Strict);
handler_export!(PyCodec_IgnoreErrors, Handler::Ignore);
handler_export!(PyCodec_ReplaceErrors, Handler::Replace);
handler_export!(PyCodec_XMLCharRefReplaceErrors, Handler::XmlCharRefReplace);
handler_export!(PyCodec_BackslashReplaceErrors, Handler::BackslashReplace);
handler_export!(PyCodec_NameReplaceErrors, Handler::NameReplace);
