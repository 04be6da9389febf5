//! Pure grammar of the C API's format strings (no C API calls, no allocation
//! beyond `Vec`): the argument *kinds* each format consumes, so that the C
//! shims in `shims/` can pull variadic arguments with the right promoted C
//! type, and the specification pieces that `capi/format.rs`,
//! `capi/modsupport.rs` and `capi/getargs.rs` walk again when they convert.
//!
//! One grammar per family, each mirroring CPython 3.15:
//! - `Py_BuildValue` and friends ([`build_kinds`], [`count_format`]),
//! - `PyArg_Parse*` ([`getargs_kinds`]),
//! - `PyUnicode_FromFormat` ([`unicode_pieces`]),
//! - `PyBytes_FromFormat` ([`bytes_pieces`]).
//!
//! The kind codes are shared with `shims/shim.h` (`CARAPACE_K_*`): keep them equal.

/// How one variadic argument is read with `va_arg` (after default promotions).
#[repr(u8)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Int = 1,
    UInt = 2,
    Long = 3,
    ULong = 4,
    LongLong = 5,
    ULongLong = 6,
    SSize = 7,
    Size = 8,
    PtrDiff = 9,
    IntMax = 10,
    UIntMax = 11,
    Double = 12,
    /// Any data pointer (`void *`, `char *`, `PyObject *`, `PyObject **` ...).
    Ptr = 13,
    /// A function pointer (`O&` converters).
    Func = 14,
}

/// Which grammar `carapace_kinds` applies (shared with `shims/shim.h`).
pub const GRAMMAR_BUILD: i32 = 1;
pub const GRAMMAR_GETARGS: i32 = 2;
pub const GRAMMAR_UNICODE: i32 = 3;
pub const GRAMMAR_BYTES: i32 = 4;

/// Kinds consumed by `fmt` under `grammar` (unknown grammar: none).
pub fn kinds(grammar: i32, fmt: &[u8]) -> Vec<Kind> {
    match grammar {
        GRAMMAR_BUILD => build_kinds(fmt),
        GRAMMAR_GETARGS => getargs_kinds(fmt),
        GRAMMAR_UNICODE => unicode_kinds(fmt),
        GRAMMAR_BYTES => bytes_kinds(fmt),
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------- Py_BuildValue

/// Arguments consumed by a `Py_BuildValue` format, in order. `Py_BuildValue`
/// consumes its units strictly left to right (even after an error, to release
/// `N` arguments), so a linear scan that stops at the first bad unit is exact.
pub fn build_kinds(fmt: &[u8]) -> Vec<Kind> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        let next = fmt.get(i).copied();
        match c {
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b':' | b',' | b' ' | b'\t' => {}
            b'b' | b'B' | b'h' | b'i' | b'H' | b'c' | b'C' | b'p' => out.push(Kind::Int),
            b'I' => out.push(Kind::UInt),
            b'n' => out.push(Kind::SSize),
            b'l' => out.push(Kind::Long),
            b'k' => out.push(Kind::ULong),
            b'L' => out.push(Kind::LongLong),
            b'K' => out.push(Kind::ULongLong),
            b'f' | b'd' => out.push(Kind::Double),
            b'D' => out.push(Kind::Ptr),
            b's' | b'z' | b'U' | b'y' | b'u' => {
                out.push(Kind::Ptr);
                if next == Some(b'#') {
                    out.push(Kind::SSize);
                    i += 1;
                }
            }
            b'N' | b'S' | b'O' => {
                if next == Some(b'&') {
                    out.push(Kind::Func);
                    out.push(Kind::Ptr);
                    i += 1;
                } else {
                    out.push(Kind::Ptr);
                }
            }
            _ => break,
        }
    }
    out
}

/// CPython's `countformat`: the number of items before `endchar` at nesting
/// level 0. `None` for a premature end ("unmatched paren in format").
pub fn count_format(fmt: &[u8], endchar: u8) -> Option<usize> {
    let mut count = 0usize;
    let mut level = 0i32;
    let mut i = 0;
    loop {
        let c = fmt.get(i).copied().unwrap_or(0);
        if level <= 0 && c == endchar {
            return Some(count);
        }
        match c {
            0 => return None,
            b'(' | b'[' | b'{' => {
                if level == 0 {
                    count += 1;
                }
                level += 1;
            }
            b')' | b']' | b'}' => level -= 1,
            b'#' | b'&' | b',' | b':' | b' ' | b'\t' => {}
            _ => {
                if level == 0 {
                    count += 1;
                }
            }
        }
        i += 1;
    }
}

// ---------------------------------------------------------------- PyArg_Parse*

/// Arguments consumed by a `PyArg_Parse*` format (all pointers, plus the
/// converter of `O&`), in order; stops at the end markers `:` `;` or at the
/// first unit it cannot size.
pub fn getargs_kinds(fmt: &[u8]) -> Vec<Kind> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        let next = fmt.get(i).copied();
        match c {
            b'(' | b')' | b'|' | b'$' => {}
            b':' | b';' => break,
            b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'k' | b'L' | b'K' | b'n' | b'f'
            | b'd' | b'D' | b'c' | b'C' | b'p' | b'S' | b'Y' | b'U' => out.push(Kind::Ptr),
            b'e' => {
                out.push(Kind::Ptr); // encoding
                if next == Some(b's') || next == Some(b't') {
                    i += 1;
                    out.push(Kind::Ptr); // char **buffer
                    if fmt.get(i) == Some(&b'#') {
                        out.push(Kind::Ptr); // Py_ssize_t *
                        i += 1;
                    }
                } else {
                    break;
                }
            }
            b's' | b'z' | b'y' | b'w' => {
                out.push(Kind::Ptr);
                if next == Some(b'#') {
                    out.push(Kind::Ptr);
                    i += 1;
                } else if next == Some(b'*') {
                    i += 1;
                }
            }
            b'O' => match next {
                Some(b'!') => {
                    out.push(Kind::Ptr);
                    out.push(Kind::Ptr);
                    i += 1;
                }
                Some(b'&') => {
                    out.push(Kind::Func);
                    out.push(Kind::Ptr);
                    i += 1;
                }
                _ => out.push(Kind::Ptr),
            },
            _ => break,
        }
    }
    out
}

/// The header of a `PyArg_ParseTuple` format, as `vgetargs1` scans it:
/// `(min, max, fname, message)` where fname/message are byte offsets of the
/// text after `:` / `;`. Errors are CPython's fatal errors, as text.
pub struct GetargsHeader {
    pub min: usize,
    pub max: usize,
    pub fname: Option<usize>,
    pub message: Option<usize>,
}

pub fn getargs_header(fmt: &[u8]) -> Result<GetargsHeader, &'static str> {
    let mut min: Option<usize> = None;
    let mut max = 0usize;
    let mut level = 0usize;
    let mut fname = None;
    let mut message = None;
    let mut i = 0;
    loop {
        let c = fmt.get(i).copied().unwrap_or(0);
        i += 1;
        match c {
            b'(' => {
                if level == 0 {
                    max += 1;
                }
                level += 1;
                if level >= 30 {
                    return Err("too many tuple nesting levels in argument format string");
                }
            }
            b')' => {
                if level == 0 {
                    return Err("excess ')' in getargs format");
                }
                level -= 1;
            }
            0 => break,
            b':' => {
                fname = Some(i);
                break;
            }
            b';' => {
                message = Some(i);
                break;
            }
            b'|' => {
                if level == 0 {
                    min = Some(max);
                }
            }
            _ => {
                if level == 0 && c.is_ascii_alphabetic() && c != b'e' {
                    max += 1;
                }
            }
        }
    }
    if level != 0 {
        return Err("missing ')' in getargs format");
    }
    Ok(GetargsHeader {
        min: min.unwrap_or(max),
        max,
        fname,
        message,
    })
}

/// Number of items in a nested `(...)` group whose text starts at `fmt`
/// (just after the `(`), as `converttuple` counts them.
pub fn tuple_items(fmt: &[u8]) -> usize {
    let mut level = 0;
    let mut n = 0;
    for &c in fmt.iter().chain(std::iter::once(&0u8)) {
        match c {
            b'(' => {
                if level == 0 {
                    n += 1;
                }
                level += 1;
            }
            b')' => {
                if level == 0 {
                    break;
                }
                level -= 1;
            }
            b':' | b';' | 0 => break,
            _ => {
                if level == 0 && c.is_ascii_alphabetic() {
                    n += 1;
                }
            }
        }
    }
    n
}

/// CPython's `skipitem`: advance past one unit starting at `pos`, returning the
/// new position and how many arguments the unit consumes, or the error text.
pub fn skip_item(fmt: &[u8], pos: usize) -> Result<(usize, usize), &'static str> {
    let at = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let mut i = pos;
    let c = at(i);
    i += 1;
    let mut nargs = 0;
    match c {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'k' | b'L' | b'K' | b'n' | b'f'
        | b'd' | b'D' | b'c' | b'C' | b'p' | b'S' | b'Y' | b'U' => nargs = 1,
        b'e' | b's' | b'z' | b'y' | b'w' => {
            if c == b'e' {
                nargs += 1;
                if !(at(i) == b's' || at(i) == b't') {
                    return Err("impossible<bad format char>");
                }
                i += 1;
            }
            nargs += 1;
            if at(i) == b'#' {
                nargs += 1;
                i += 1;
            } else if c != b'e' && at(i) == b'*' {
                i += 1;
            }
        }
        b'O' => {
            if at(i) == b'!' || at(i) == b'&' {
                nargs = 2;
                i += 1;
            } else {
                nargs = 1;
            }
        }
        b'(' => loop {
            if at(i) == b')' {
                i += 1;
                break;
            }
            if matches!(at(i), 0 | b';' | b':') {
                return Err("Unmatched left paren in format string");
            }
            let (ni, n) = skip_item(fmt, i)?;
            i = ni;
            nargs += n;
        },
        b')' => return Err("Unmatched right paren in format string"),
        _ => return Err("impossible<bad format char>"),
    }
    Ok((i, nargs))
}

// ------------------------------------------------------- PyUnicode_FromFormat

/// Length modifier of a `PyUnicode_FromFormat` conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeMod {
    None,
    Long,
    LongLong,
    Size,
    PtrDiff,
    IntMax,
}

/// Width or precision: absent, a literal number, or `*` (an `int` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Num {
    None,
    Lit(isize),
    Star,
}

pub const F_LJUST: u8 = 1;
pub const F_ZERO: u8 = 2;
pub const F_ALT: u8 = 4;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text `fmt[start..end]`.
    Lit(usize, usize),
    /// `%%`.
    Percent,
    /// One conversion.
    Conv {
        flags: u8,
        width: Num,
        prec: Num,
        size: SizeMod,
        conv: u8,
    },
    /// ValueError("width too big") / ("precision too big"): stops formatting.
    TooBig(&'static str),
    /// SystemError "invalid format string: <fmt[start..]>": stops formatting.
    /// `stars` counts the `*` arguments consumed before the error.
    Invalid { start: usize, stars: u8 },
    /// A non-ASCII byte in the format (ValueError); nothing is consumed.
    NonAscii(u8),
}

/// The end of the literal text starting at `fmt[f]`: the next '%', or the end.
fn literal_end(fmt: &[u8], f: usize) -> usize {
    fmt[f..]
        .iter()
        .position(|&b| b == b'%')
        .map_or(fmt.len(), |p| f + p)
}

/// The decimal number of a width or precision starting at `fmt[*f]` (a digit);
/// `*f` moves past its digits. None when it exceeds `isize::MAX` (then `*f` is left
/// inside the number: the caller stops at the error).
fn decimal(fmt: &[u8], f: &mut usize) -> Option<isize> {
    let mut w: isize = 0;
    while let Some(&c) = fmt.get(*f).filter(|c| c.is_ascii_digit()) {
        let d = (c - b'0') as isize;
        if w > (isize::MAX - d) / 10 {
            return None;
        }
        w = w * 10 + d;
        *f += 1;
    }
    Some(w)
}

/// Split a `PyUnicode_FromFormat` format into pieces; the last piece is an
/// error piece when the format is bad.
pub fn unicode_pieces(fmt: &[u8]) -> Vec<Piece> {
    let mut out = Vec::new();
    if let Some(&b) = fmt.iter().find(|&&b| b > 127) {
        out.push(Piece::NonAscii(b));
        return out;
    }
    let at = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let mut f = 0;
    while f < fmt.len() {
        if fmt[f] != b'%' {
            let end = literal_end(fmt, f);
            out.push(Piece::Lit(f, end));
            f = end;
            continue;
        }
        let p = f;
        f += 1;
        if at(f) == b'%' {
            out.push(Piece::Percent);
            f += 1;
            continue;
        }
        let mut flags = 0u8;
        loop {
            match at(f) {
                b'-' => flags |= F_LJUST,
                b'0' => flags |= F_ZERO,
                b'#' => flags |= F_ALT,
                _ => break,
            }
            f += 1;
        }
        let mut stars = 0u8;
        let mut width = Num::None;
        if at(f) == b'*' {
            width = Num::Star;
            stars += 1;
            f += 1;
        } else if at(f).is_ascii_digit() {
            let Some(w) = decimal(fmt, &mut f) else {
                out.push(Piece::TooBig("width too big"));
                return out;
            };
            width = Num::Lit(w);
        }
        let mut prec = Num::None;
        if at(f) == b'.' {
            f += 1;
            if at(f) == b'*' {
                prec = Num::Star;
                stars += 1;
                f += 1;
            } else if at(f).is_ascii_digit() {
                let Some(w) = decimal(fmt, &mut f) else {
                    // the '*' width (if any) was consumed already
                    out.push(Piece::TooBig("precision too big"));
                    return out;
                };
                prec = Num::Lit(w);
            }
        }
        let size = match at(f) {
            b'l' if at(f + 1) == b'l' => {
                f += 2;
                SizeMod::LongLong
            }
            b'l' => {
                f += 1;
                SizeMod::Long
            }
            b'z' => {
                f += 1;
                SizeMod::Size
            }
            b't' => {
                f += 1;
                SizeMod::PtrDiff
            }
            b'j' => {
                f += 1;
                SizeMod::IntMax
            }
            _ => SizeMod::None,
        };
        let conv = at(f);
        // A literal width/precision >= 0 counts as given; '*' counts too
        // (CPython checks the values after reading them: a negative '*'
        // width becomes a positive one, a negative '*' precision -2).
        let has_width = width != Num::None;
        let has_prec = match prec {
            Num::None => false,
            Num::Lit(_) => true,
            Num::Star => true, // refined at run time by the formatter
        };
        let valid = match conv {
            b'd' | b'i' | b'o' | b'u' | b'x' | b'X' => true,
            b'c' | b'p' => size == SizeMod::None && !has_width && (!has_prec || prec == Num::Star),
            b's' | b'V' => size == SizeMod::None || size == SizeMod::Long,
            b'U' | b'S' | b'R' | b'A' | b'T' | b'N' => size == SizeMod::None,
            _ => false,
        };
        if !valid {
            out.push(Piece::Invalid { start: p, stars });
            return out;
        }
        f += 1;
        out.push(Piece::Conv {
            flags,
            width,
            prec,
            size,
            conv,
        });
    }
    out
}

/// Kinds consumed by one unicode conversion's value(s) (after its `*`s).
pub fn unicode_conv_kinds(size: SizeMod, conv: u8) -> &'static [Kind] {
    match conv {
        b'c' => &[Kind::Int],
        b'd' | b'i' => match size {
            SizeMod::None => &[Kind::Int],
            SizeMod::Long => &[Kind::Long],
            SizeMod::LongLong => &[Kind::LongLong],
            SizeMod::Size => &[Kind::SSize],
            SizeMod::PtrDiff => &[Kind::PtrDiff],
            SizeMod::IntMax => &[Kind::IntMax],
        },
        b'o' | b'u' | b'x' | b'X' => match size {
            SizeMod::None => &[Kind::UInt],
            SizeMod::Long => &[Kind::ULong],
            SizeMod::LongLong => &[Kind::ULongLong],
            SizeMod::Size => &[Kind::Size],
            SizeMod::PtrDiff => &[Kind::PtrDiff],
            SizeMod::IntMax => &[Kind::UIntMax],
        },
        b'V' => &[Kind::Ptr, Kind::Ptr],
        _ => &[Kind::Ptr],
    }
}

pub fn unicode_kinds(fmt: &[u8]) -> Vec<Kind> {
    let mut out = Vec::new();
    for p in unicode_pieces(fmt) {
        match p {
            Piece::Conv {
                width,
                prec,
                size,
                conv,
                ..
            } => {
                if width == Num::Star {
                    out.push(Kind::Int);
                }
                if prec == Num::Star {
                    out.push(Kind::Int);
                }
                out.extend_from_slice(unicode_conv_kinds(size, conv));
            }
            Piece::Invalid { stars, .. } => {
                for _ in 0..stars {
                    out.push(Kind::Int);
                }
            }
            _ => {}
        }
    }
    out
}

// --------------------------------------------------------- PyBytes_FromFormat

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BytesPiece {
    Lit(usize, usize),
    Percent,
    /// `conv` in `c d u i x s p`; `long`/`size` modifiers (only for d/u);
    /// `prec` for `%s` (0: whole string).
    Conv {
        conv: u8,
        long: bool,
        size: bool,
        prec: usize,
    },
    /// An unknown conversion: the rest of the format from `start` is copied
    /// verbatim and formatting ends.
    Rest(usize),
}

pub fn bytes_pieces(fmt: &[u8]) -> Vec<BytesPiece> {
    let at = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let mut out = Vec::new();
    let mut f = 0;
    while f < fmt.len() {
        if fmt[f] != b'%' {
            let end = literal_end(fmt, f);
            out.push(BytesPiece::Lit(f, end));
            f = end;
            continue;
        }
        let p = f;
        f += 1;
        while at(f).is_ascii_digit() {
            f += 1;
        }
        let mut prec = 0usize;
        if at(f) == b'.' {
            f += 1;
            while at(f).is_ascii_digit() {
                prec = prec.wrapping_mul(10).wrapping_add((at(f) - b'0') as usize);
                f += 1;
            }
        }
        while at(f) != 0 && at(f) != b'%' && !at(f).is_ascii_alphabetic() {
            f += 1;
        }
        let mut long = false;
        let mut size = false;
        if at(f) == b'l' && (at(f + 1) == b'd' || at(f + 1) == b'u') {
            long = true;
            f += 1;
        }
        if at(f) == b'z' && (at(f + 1) == b'd' || at(f + 1) == b'u') {
            size = true;
            f += 1;
        }
        match at(f) {
            b'%' => out.push(BytesPiece::Percent),
            c @ (b'c' | b'd' | b'u' | b'i' | b'x' | b's' | b'p') => out.push(BytesPiece::Conv {
                conv: c,
                long,
                size,
                prec,
            }),
            _ => {
                out.push(BytesPiece::Rest(p));
                return out;
            }
        }
        f += 1;
    }
    out
}

pub fn bytes_kinds(fmt: &[u8]) -> Vec<Kind> {
    let mut out = Vec::new();
    for p in bytes_pieces(fmt) {
        if let BytesPiece::Conv {
            conv, long, size, ..
        } = p
        {
            out.push(match (conv, long, size) {
                (b'd', true, _) => Kind::Long,
                (b'd', _, true) => Kind::SSize,
                (b'u', true, _) => Kind::ULong,
                (b'u', _, true) => Kind::Size,
                (b'u', _, _) => Kind::UInt,
                (b's' | b'p', _, _) => Kind::Ptr,
                _ => Kind::Int,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::Kind::*;
    use super::*;

    #[test]
    fn build_value_kinds() {
        assert_eq!(
            build_kinds(b"iIlkLKn"),
            [Int, UInt, Long, ULong, LongLong, ULongLong, SSize]
        );
        assert_eq!(
            build_kinds(b"(s#y#)[z#]"),
            [Ptr, SSize, Ptr, SSize, Ptr, SSize]
        );
        assert_eq!(build_kinds(b"{s:O&, s:N}"), [Ptr, Func, Ptr, Ptr, Ptr]);
        assert_eq!(build_kinds(b"fdD"), [Double, Double, Ptr]);
        assert_eq!(build_kinds(b"bBhHcCp"), [Int; 7]);
        assert_eq!(build_kinds(b"iwi"), [Int]); // stops at the bad unit
        assert_eq!(build_kinds(b"u#"), [Ptr, SSize]);
    }

    #[test]
    fn countformat() {
        assert_eq!(count_format(b"", 0), Some(0));
        assert_eq!(count_format(b"i", 0), Some(1));
        assert_eq!(count_format(b"ii", 0), Some(2));
        assert_eq!(count_format(b"(ii)s#", 0), Some(2));
        assert_eq!(count_format(b"ii)", b')'), Some(2));
        assert_eq!(count_format(b"{s:i,s:i}", 0), Some(1));
        assert_eq!(count_format(b"s:i,s:i}", b'}'), Some(4));
        assert_eq!(count_format(b"(i", 0), None);
        assert_eq!(count_format(b"i", b')'), None);
        assert_eq!(count_format(b"O&", 0), Some(1));
        assert_eq!(count_format(b"i)", 0), Some(1)); // ')' at level 0 drops the level
    }

    #[test]
    fn getargs_kind_list() {
        assert_eq!(
            getargs_kinds(b"iO!O&|s#:f"),
            [Ptr, Ptr, Ptr, Func, Ptr, Ptr, Ptr]
        );
        assert_eq!(getargs_kinds(b"es#et"), [Ptr, Ptr, Ptr, Ptr, Ptr]);
        assert_eq!(
            getargs_kinds(b"(ii)y*w*$p;msg i"),
            [Ptr, Ptr, Ptr, Ptr, Ptr]
        );
        assert_eq!(getargs_kinds(b"ex"), [Ptr]);
    }

    #[test]
    fn getargs_header_counts() {
        let h = getargs_header(b"ii|s:fn").unwrap();
        assert_eq!((h.min, h.max), (2, 3));
        assert_eq!(h.fname, Some(5));
        let h = getargs_header(b"(ii)es#;oops").unwrap();
        assert_eq!((h.min, h.max, h.message), (2, 2, Some(8)));
        assert!(getargs_header(b"(i").is_err());
        assert!(getargs_header(b"i)").is_err());
        assert_eq!(tuple_items(b"i(ii)s)O"), 3);
    }

    #[test]
    fn skipitem() {
        assert_eq!(skip_item(b"es#", 0), Ok((3, 3)));
        assert_eq!(skip_item(b"O!", 0), Ok((2, 2)));
        assert_eq!(skip_item(b"(iO&)", 0), Ok((5, 3)));
        assert_eq!(skip_item(b"s*", 0), Ok((2, 1)));
        assert_eq!(
            skip_item(b"(i", 0),
            Err("Unmatched left paren in format string")
        );
        assert_eq!(skip_item(b"ex", 0), Err("impossible<bad format char>"));
        assert_eq!(skip_item(b"q", 0), Err("impossible<bad format char>"));
    }

    #[test]
    fn unicode_format_grammar() {
        assert_eq!(
            unicode_kinds(b"%d %ld %lld %zd %td %jd"),
            [Int, Long, LongLong, SSize, PtrDiff, IntMax]
        );
        assert_eq!(
            unicode_kinds(b"%u %lu %llu %zu %x %jX %o"),
            [UInt, ULong, ULongLong, Size, UInt, UIntMax, UInt]
        );
        assert_eq!(
            unicode_kinds(b"%*.*s %V %lV %ls %%"),
            [Int, Int, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr]
        );
        assert_eq!(
            unicode_kinds(b"%c %p %S %R %A %U %T %#N"),
            [Int, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr]
        );
        let p = unicode_pieces(b"ab%-05.3dx");
        assert_eq!(p[0], Piece::Lit(0, 2));
        assert_eq!(
            p[1],
            Piece::Conv {
                flags: F_LJUST | F_ZERO,
                width: Num::Lit(5),
                prec: Num::Lit(3),
                size: SizeMod::None,
                conv: b'd'
            }
        );
        assert_eq!(p[2], Piece::Lit(9, 10));
        assert_eq!(
            *unicode_pieces(b"x%q").last().unwrap(),
            Piece::Invalid { start: 1, stars: 0 }
        );
        assert_eq!(
            *unicode_pieces(b"%lc").last().unwrap(),
            Piece::Invalid { start: 0, stars: 0 }
        );
        assert_eq!(
            *unicode_pieces(b"%5c").last().unwrap(),
            Piece::Invalid { start: 0, stars: 0 }
        );
        assert_eq!(
            *unicode_pieces(b"%*c").last().unwrap(),
            Piece::Invalid { start: 0, stars: 1 }
        );
        assert_eq!(
            *unicode_pieces(b"%lS").last().unwrap(),
            Piece::Invalid { start: 0, stars: 0 }
        );
        assert_eq!(
            *unicode_pieces(b"abc%").last().unwrap(),
            Piece::Invalid { start: 3, stars: 0 }
        );
        assert_eq!(unicode_pieces(b"\xe9"), [Piece::NonAscii(0xe9)]);
        assert_eq!(
            unicode_pieces(b"%99999999999999999999d"),
            [Piece::TooBig("width too big")]
        );
        assert_eq!(unicode_kinds(b"%q%d"), Vec::<Kind>::new());
    }

    #[test]
    fn bytes_format_grammar() {
        assert_eq!(
            bytes_kinds(b"%5d|%.2s|%c|%x|%q rest %d"),
            [Int, Ptr, Int, Int]
        );
        assert_eq!(
            bytes_kinds(b"%ld%zu%lu%i%%%zd%u"),
            [Long, Size, ULong, Int, SSize, UInt]
        );
        assert_eq!(*bytes_pieces(b"abc%").last().unwrap(), BytesPiece::Rest(3));
        assert_eq!(
            bytes_pieces(b"%.2s")[0],
            BytesPiece::Conv {
                conv: b's',
                long: false,
                size: false,
                prec: 2
            }
        );
    }
}
