//! Annotations as strings (`from __future__ import annotations`): the
//! expression written back the way CPython's `ast.unparse` normalises it, for
//! the forms annotations use; anything else keeps its source text.

use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

/// `repr()` of a str, CPython's quote choice.
pub(crate) fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

pub(crate) fn unparse(e: &Expr, source: &str) -> String {
    let mut out = String::new();
    write(e, source, &mut out);
    out
}

fn write_all(items: &[Expr], source: &str, out: &mut String) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(e, source, out);
    }
}

fn write(e: &Expr, source: &str, out: &mut String) {
    match e {
        Expr::Name(n) => out.push_str(&n.id),
        Expr::Attribute(a) => {
            write(&a.value, source, out);
            out.push('.');
            out.push_str(&a.attr);
        }
        Expr::Subscript(s) => {
            write(&s.value, source, out);
            out.push('[');
            match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => write_all(&t.elts, source, out),
                other => write(other, source, out),
            }
            out.push(']');
        }
        Expr::Tuple(t) => {
            out.push('(');
            write_all(&t.elts, source, out);
            if t.elts.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Expr::List(l) => {
            out.push('[');
            write_all(&l.elts, source, out);
            out.push(']');
        }
        Expr::StringLiteral(s) => out.push_str(&str_repr(s.value.to_str())),
        Expr::NoneLiteral(_) => out.push_str("None"),
        Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::BinOp(b) if b.op == ast::Operator::BitOr => {
            write(&b.left, source, out);
            out.push_str(" | ");
            write(&b.right, source, out);
        }
        Expr::Starred(s) => {
            out.push('*');
            write(&s.value, source, out);
        }
        Expr::Call(c) if c.arguments.keywords.is_empty() => {
            write(&c.func, source, out);
            out.push('(');
            write_all(&c.arguments.args, source, out);
            out.push(')');
        }
        other => {
            let r = other.range();
            out.push_str(&source[usize::from(r.start())..usize::from(r.end())]);
        }
    }
}
