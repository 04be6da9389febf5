//! A text disassembler for `CodeUnit`s (tests and debugging): one line per
//! instruction with its offset, line, name, argument and what the argument
//! names, then the exception table, then nested code units.

use std::fmt::Write;

use super::{arg_of, op_byte, CodeUnit, Constant, Opcode};

/// Disassemble `code` and the code units in its constants.
pub fn dis(code: &CodeUnit) -> String {
    let mut out = String::new();
    dis_into(code, &mut out);
    out
}

fn dis_into(code: &CodeUnit, out: &mut String) {
    let _ = writeln!(
        out,
        "code {} (line {}, stack {}, flags {:#x})",
        code.qualname, code.firstlineno, code.stacksize, code.flags
    );
    let mut i = 0;
    let mut last_line = 0;
    while i < code.code.len() {
        let unit = code.code[i];
        let line = code.locations.get(i).map_or(0, |l| l.line);
        let line_text = if line != last_line && line != 0 {
            last_line = line;
            line.to_string()
        } else {
            String::new()
        };
        let Some(op) = Opcode::from_u8(op_byte(unit)) else {
            let _ = writeln!(out, "{line_text:>4} {i:>5} <{}>", op_byte(unit));
            i += 1;
            continue;
        };
        let arg = arg_of(unit);
        let _ = write!(out, "{line_text:>4} {i:>5} {:<24}", op.name());
        if takes_arg(op) {
            let _ = write!(out, " {arg}");
            let note = describe(code, op, arg);
            if !note.is_empty() {
                let _ = write!(out, " ({note})");
            }
        }
        out.push('\n');
        i += 1 + op.cache_entries() as usize;
    }
    if !code.exception_table.is_empty() {
        out.push_str("exception table:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.handler,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.push('\n');
            dis_into(inner, out);
        }
    }
}

fn takes_arg(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::CACHE
            | Opcode::NOP
            | Opcode::POP_TOP
            | Opcode::PUSH_NULL
            | Opcode::END_SEND
            | Opcode::RETURN_VALUE
            | Opcode::MAKE_FUNCTION
            | Opcode::GET_ITER
            | Opcode::UNARY_NEGATIVE
            | Opcode::UNARY_NOT
            | Opcode::UNARY_INVERT
            | Opcode::LOAD_BUILD_CLASS
            | Opcode::LOAD_ASSERTION_ERROR
            | Opcode::LOAD_LOCALS
            | Opcode::PUSH_EXC_INFO
            | Opcode::POP_EXCEPT
            | Opcode::CHECK_EXC_MATCH
            | Opcode::CHECK_EG_MATCH
            | Opcode::WITH_EXCEPT_START
            | Opcode::BEFORE_WITH
            | Opcode::BEFORE_ASYNC_WITH
            | Opcode::RETURN_GENERATOR
            | Opcode::GET_YIELD_FROM_ITER
            | Opcode::GET_AITER
            | Opcode::GET_ANEXT
            | Opcode::END_ASYNC_FOR
            | Opcode::CLEANUP_THROW
            | Opcode::MATCH_MAPPING
            | Opcode::MATCH_SEQUENCE
            | Opcode::MATCH_KEYS
            | Opcode::GET_LEN
            | Opcode::FORMAT_SIMPLE
            | Opcode::FORMAT_WITH_SPEC
            | Opcode::BUILD_TEMPLATE
            | Opcode::BINARY_SLICE
            | Opcode::STORE_SLICE
            | Opcode::DELETE_SUBSCR
            | Opcode::BINARY_SUBSCR
            | Opcode::STORE_SUBSCR
            | Opcode::SETUP_ANNOTATIONS
    )
}

fn describe(code: &CodeUnit, op: Opcode, arg: u32) -> String {
    let name = |i: u32| code.names.get(i as usize).cloned().unwrap_or_default();
    let local = |i: u32| {
        code.localsplus_names
            .get(i as usize)
            .cloned()
            .unwrap_or_default()
    };
    match op {
        Opcode::LOAD_CONST => match code.consts.get(arg as usize) {
            Some(Constant::Code(c)) => format!("<code {}>", c.qualname),
            Some(c) => const_repr(c),
            None => String::new(),
        },
        Opcode::LOAD_NAME
        | Opcode::STORE_NAME
        | Opcode::DELETE_NAME
        | Opcode::STORE_GLOBAL
        | Opcode::DELETE_GLOBAL
        | Opcode::STORE_ATTR
        | Opcode::DELETE_ATTR
        | Opcode::LOAD_FROM_DICT_OR_GLOBALS => name(arg),
        Opcode::LOAD_GLOBAL | Opcode::LOAD_ATTR | Opcode::IMPORT_NAME | Opcode::IMPORT_FROM => {
            let mut s = name(arg >> 1);
            if arg & 1 != 0 {
                s.push_str(match op {
                    Opcode::LOAD_GLOBAL => " + NULL",
                    Opcode::LOAD_ATTR => " + method",
                    _ => " lazy",
                });
            }
            s
        }
        Opcode::LOAD_FAST
        | Opcode::LOAD_FAST_CHECK
        | Opcode::LOAD_FAST_AND_CLEAR
        | Opcode::STORE_FAST
        | Opcode::DELETE_FAST
        | Opcode::LOAD_DEREF
        | Opcode::STORE_DEREF
        | Opcode::DELETE_DEREF
        | Opcode::MAKE_CELL
        | Opcode::LOAD_FROM_DICT_OR_DEREF => local(arg),
        Opcode::COMPARE_OP => ["<", "<=", "==", "!=", ">", ">="]
            .get(arg as usize)
            .map_or(String::new(), |s| s.to_string()),
        _ if op.jump_effect(arg).is_some() => format!("to {arg}"),
        _ => String::new(),
    }
}

fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Complex { re, im } => format!("({re:?}+{im:?}j)"),
        Constant::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(c) => format!("<code {}>", c.qualname),
    }
}
