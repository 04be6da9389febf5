//! Expressions: values, calls, displays, f- and t-strings, conditional jumps,
//! assignment targets, `yield`/`await`.

use num_bigint::BigInt;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::{CResult, CompKind, Compiler, SeqKind};
use super::symtable::ScopeKind;
use super::unit::Label;
use crate::bytecode::opcode::{binop, intrinsic1};
use crate::bytecode::{Constant, Opcode as Op};

pub(crate) fn binop_arg(op: ast::Operator) -> u32 {
    use ast::Operator as O;
    match op {
        O::Add => binop::ADD,
        O::Sub => binop::SUBTRACT,
        O::Mult => binop::MULTIPLY,
        O::MatMult => binop::MATRIX_MULTIPLY,
        O::Div => binop::TRUE_DIVIDE,
        O::Mod => binop::REMAINDER,
        O::Pow => binop::POWER,
        O::LShift => binop::LSHIFT,
        O::RShift => binop::RSHIFT,
        O::BitOr => binop::OR,
        O::BitXor => binop::XOR,
        O::BitAnd => binop::AND,
        O::FloorDiv => binop::FLOOR_DIVIDE,
    }
}

/// An integer literal's value from its source text (`0x_ff`, `1_000`, ...).
fn int_literal(i: &ast::Int) -> BigInt {
    if let Some(v) = i.as_u64() {
        return v.into();
    }
    let text: String = i.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()
}

fn str_const(s: &str) -> Constant {
    Constant::Str(s.as_bytes().to_vec())
}

/// The constant an expression folds to, as CPython folds it (literals, signed
/// numbers, tuples of constants).
pub(crate) fn const_value(e: &Expr) -> Option<Constant> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => Constant::Int(int_literal(i)),
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex {
                re: *real,
                im: *imag,
            },
        },
        Expr::StringLiteral(s) => str_const(s.value.to_str()),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect()),
        Expr::BooleanLiteral(b) => {
            if b.value {
                Constant::True
            } else {
                Constant::False
            }
        }
        Expr::NoneLiteral(_) => Constant::None,
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::UnaryOp(u) if matches!(&*u.operand, Expr::NumberLiteral(_)) => {
            let v = const_value(&u.operand)?;
            match (u.op, v) {
                (ast::UnaryOp::USub, Constant::Int(i)) => Constant::Int(-i),
                (ast::UnaryOp::USub, Constant::Float(f)) => Constant::Float(-f),
                (ast::UnaryOp::USub, Constant::Complex { re, im }) => {
                    Constant::Complex { re: -re, im: -im }
                }
                (ast::UnaryOp::UAdd, c) => c,
                (ast::UnaryOp::Invert, Constant::Int(i)) => Constant::Int(!i),
                _ => return None,
            }
        }
        Expr::Tuple(t) => Constant::Tuple(t.elts.iter().map(const_value).collect::<Option<_>>()?),
        _ => return None,
    })
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.restore_loc(saved);
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = const_value(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.label();
                let jump = match b.op {
                    ast::BoolOp::And => Op::POP_JUMP_IF_FALSE,
                    ast::BoolOp::Or => Op::POP_JUMP_IF_TRUE,
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit(Op::COPY, 1);
                        self.jump(jump, end);
                        self.op(Op::POP_TOP);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::COPY, 1);
                self.assign_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Op::BINARY_OP, binop_arg(b.op));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                match u.op {
                    ast::UnaryOp::Invert => self.op(Op::UNARY_INVERT),
                    ast::UnaryOp::Not => self.op(Op::UNARY_NOT),
                    ast::UnaryOp::UAdd => {
                        self.emit(Op::CALL_INTRINSIC_1, intrinsic1::UNARY_POSITIVE)
                    }
                    ast::UnaryOp::USub => self.op(Op::UNARY_NEGATIVE),
                }
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let orelse = self.label();
                let end = self.label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(Op::JUMP, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => {
                self.sequence_build(&s.elts.iter().collect::<Vec<_>>(), SeqKind::Set)?
            }
            Expr::ListComp(c) => {
                self.comprehension(e, "<listcomp>", &c.generators, CompKind::List(&c.elt))?
            }
            Expr::SetComp(c) => {
                self.comprehension(e, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?
            }
            Expr::DictComp(c) => self.comprehension(
                e,
                "<dictcomp>",
                &c.generators,
                CompKind::Dict(&c.key, &c.value),
            )?,
            Expr::Generator(c) => {
                self.comprehension(e, "<genexpr>", &c.generators, CompKind::Gen(&c.elt))?
            }
            Expr::Await(a) => {
                if !self.in_async_context() {
                    return Err(self.err("'await' outside async function", a.range));
                }
                self.expr(&a.value)?;
                self.emit(Op::GET_AWAITABLE, 0);
                self.load_none();
                self.yield_from(true);
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_none(),
                }
                self.yield_value();
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.op(Op::GET_YIELD_FROM_ITER);
                self.load_none();
                self.yield_from(false);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => self.tstring(t)?,
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => unreachable!("constants are folded"),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangle(&a.attr).into_owned();
                let i = self.name_index(&name);
                self.set_loc(a.range);
                self.emit(Op::LOAD_ATTR, i << 1);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                if let Some((lo, hi)) = two_part_slice(&s.slice) {
                    self.slice_bound(lo)?;
                    self.slice_bound(hi)?;
                    self.op(Op::BINARY_SLICE);
                } else {
                    self.expr(&s.slice)?;
                    self.emit(Op::BINARY_SUBSCR, 0);
                }
            }
            Expr::Starred(s) => {
                return Err(self.err("can't use starred expression here", s.range));
            }
            Expr::Name(n) => self.load_name(&n.id),
            Expr::List(l) => {
                self.sequence_build(&l.elts.iter().collect::<Vec<_>>(), SeqKind::List)?
            }
            Expr::Tuple(t) => {
                self.sequence_build(&t.elts.iter().collect::<Vec<_>>(), SeqKind::Tuple)?
            }
            Expr::Slice(s) => {
                self.slice_bound(s.lower.as_deref())?;
                self.slice_bound(s.upper.as_deref())?;
                match &s.step {
                    Some(st) => {
                        self.expr(st)?;
                        self.emit(Op::BUILD_SLICE, 3);
                    }
                    None => self.emit(Op::BUILD_SLICE, 2),
                }
            }
            Expr::IpyEscapeCommand(i) => return Err(self.err("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn slice_bound(&mut self, e: Option<&'a Expr>) -> CResult {
        match e {
            Some(e) => self.expr(e),
            None => {
                self.load_none();
                Ok(())
            }
        }
    }

    /// Whether `await` is allowed here.
    pub fn in_async_context(&self) -> bool {
        for u in self.units.iter().rev() {
            let s = &self.st.scopes[u.scope];
            match u.kind {
                ScopeKind::Comprehension => {
                    if s.is_genexp && s.is_coroutine {
                        return true;
                    }
                }
                ScopeKind::Function => return s.is_coroutine,
                ScopeKind::Module => return self.top_level_await,
                _ => return false,
            }
        }
        false
    }

    pub fn yield_value(&mut self) {
        let s = &self.st.scopes[self.ur().scope];
        if s.is_coroutine && s.is_generator {
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::ASYNC_GEN_WRAP);
        }
        self.emit(Op::YIELD_VALUE, 0);
        self.emit(Op::RESUME, 1);
    }

    /// The send loop of `yield from` / `await`: (receiver, value -- result).
    pub fn yield_from(&mut self, is_await: bool) {
        let send = self.label();
        let fail = self.label();
        let exit = self.label();
        self.bind(send);
        self.jump(Op::SEND, exit);
        let depth = self.depth();
        self.u().unit.push_handler(fail, depth, false);
        self.emit(Op::YIELD_VALUE, 1);
        self.u().unit.pop_handler();
        self.emit(Op::RESUME, if is_await { 3 } else { 2 });
        self.jump(Op::JUMP, send);
        self.bind(fail);
        self.op(Op::CLEANUP_THROW);
        self.bind(exit);
        self.op(Op::END_SEND);
    }

    /// Build a tuple, list or set from elements that may include `*x`.
    pub fn sequence_build(&mut self, elts: &[&'a Expr], kind: SeqKind) -> CResult {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred {
            if kind != SeqKind::Tuple && elts.len() > 2 {
                if let Some(items) = elts
                    .iter()
                    .map(|e| const_value(e))
                    .collect::<Option<Vec<_>>>()
                {
                    // BUILD_LIST 0; LOAD_CONST (items); LIST_EXTEND 1, as CPython.
                    let (build, extend) = match kind {
                        SeqKind::List => (Op::BUILD_LIST, Op::LIST_EXTEND),
                        _ => (Op::BUILD_SET, Op::SET_UPDATE),
                    };
                    self.emit(build, 0);
                    let c = if kind == SeqKind::Set {
                        Constant::FrozenSet(items)
                    } else {
                        Constant::Tuple(items)
                    };
                    self.load_const(c);
                    self.emit(extend, 1);
                    return Ok(());
                }
            }
            for e in elts {
                self.expr(e)?;
            }
            let op = match kind {
                SeqKind::Tuple => Op::BUILD_TUPLE,
                SeqKind::List => Op::BUILD_LIST,
                SeqKind::Set => Op::BUILD_SET,
            };
            self.emit(op, elts.len() as u32);
            return Ok(());
        }
        let (build, add, extend) = match kind {
            SeqKind::Set => (Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE),
            _ => (Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND),
        };
        // Plain elements before the first star go into the initial build.
        let lead = elts
            .iter()
            .take_while(|e| !matches!(e, Expr::Starred(_)))
            .count();
        for e in &elts[..lead] {
            self.expr(e)?;
        }
        self.emit(build, lead as u32);
        for e in &elts[lead..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                e => {
                    self.expr(e)?;
                    self.emit(add, 1);
                }
            }
        }
        if kind == SeqKind::Tuple {
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> CResult {
        let mut pending = 0u32;
        let mut have_dict = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Op::BUILD_MAP, pending);
                        if have_dict {
                            self.emit(Op::DICT_UPDATE, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(&item.value)?;
                    self.emit(Op::DICT_UPDATE, 1);
                }
            }
        }
        if pending > 0 || !have_dict {
            self.emit(Op::BUILD_MAP, pending);
            if have_dict {
                self.emit(Op::DICT_UPDATE, 1);
            }
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.cmp_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.label();
        let end = self.label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.emit(Op::SWAP, 2);
            self.emit(Op::COPY, 2);
            self.cmp_op(c.ops[i]);
            self.emit(Op::COPY, 1);
            self.jump(Op::POP_JUMP_IF_FALSE, cleanup);
            self.op(Op::POP_TOP);
        }
        self.expr(&c.comparators[n - 1])?;
        self.cmp_op(c.ops[n - 1]);
        self.jump(Op::JUMP, end);
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_TOP);
        self.bind(end);
        Ok(())
    }

    fn cmp_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp as C;
        match op {
            C::Lt => self.emit(Op::COMPARE_OP, 0),
            C::LtE => self.emit(Op::COMPARE_OP, 1),
            C::Eq => self.emit(Op::COMPARE_OP, 2),
            C::NotEq => self.emit(Op::COMPARE_OP, 3),
            C::Gt => self.emit(Op::COMPARE_OP, 4),
            C::GtE => self.emit(Op::COMPARE_OP, 5),
            C::Is => self.emit(Op::IS_OP, 0),
            C::IsNot => self.emit(Op::IS_OP, 1),
            C::In => self.emit(Op::CONTAINS_OP, 0),
            C::NotIn => self.emit(Op::CONTAINS_OP, 1),
        }
    }

    /// Jump to `target` when the truth of `e` is `cond`; fall through otherwise.
    pub fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> CResult {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                return self.jump_if(&u.operand, !cond, target);
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != cond {
                    // and/false or or/true: any operand decides.
                    for v in &b.values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.label();
                    for v in &b.values[..n - 1] {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(&b.values[n - 1], cond, target)?;
                    self.bind(skip);
                }
                return Ok(());
            }
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                let saved = self.set_loc(e.range());
                self.expr(&c.left)?;
                let is = (c.ops[0] == ast::CmpOp::Is) == cond;
                let op = if is {
                    Op::POP_JUMP_IF_NONE
                } else {
                    Op::POP_JUMP_IF_NOT_NONE
                };
                self.jump(op, target);
                self.restore_loc(saved);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        let saved = self.set_loc(e.range());
        let op = if cond {
            Op::POP_JUMP_IF_TRUE
        } else {
            Op::POP_JUMP_IF_FALSE
        };
        self.jump(op, target);
        self.restore_loc(saved);
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        let args = &c.arguments;
        let simple = !args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && !args.keywords.iter().any(|k| k.arg.is_none());
        match &*c.func {
            Expr::Attribute(a) if simple => {
                self.expr(&a.value)?;
                let name = self.mangle(&a.attr).into_owned();
                let i = self.name_index(&name);
                let saved = self.set_loc(a.range);
                self.emit(Op::LOAD_ATTR, (i << 1) | 1);
                self.restore_loc(saved);
            }
            Expr::Name(n) if self.try_load_global_for_call(&n.id) => {}
            f => {
                self.expr(f)?;
                self.op(Op::PUSH_NULL);
            }
        }
        self.call_args(&args.args, &args.keywords, 0, None::<fn(&mut Self)>)
    }

    /// Arguments of a call whose callable and self_or_null are pushed, after
    /// `pushed` positional arguments already on the stack; `extra` pushes one
    /// more positional argument after the explicit ones.
    pub fn call_args(
        &mut self,
        args: &'a [Expr],
        keywords: &'a [ast::Keyword],
        pushed: u32,
        extra: Option<impl FnOnce(&mut Self)>,
    ) -> CResult {
        let has_star = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = keywords.iter().any(|k| k.arg.is_none());
        if !has_star && !has_dstar {
            for a in args {
                self.expr(a)?;
            }
            let mut n = pushed + args.len() as u32;
            if let Some(f) = extra {
                f(self);
                n += 1;
            }
            if keywords.is_empty() {
                self.emit(Op::CALL, n);
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    let name = k.arg.as_ref().map(|a| a.as_str()).unwrap_or("");
                    names.push(str_const(name));
                }
                self.load_const(Constant::Tuple(names));
                self.emit(Op::CALL_KW, n + keywords.len() as u32);
            }
            return Ok(());
        }
        // CALL_FUNCTION_EX: a tuple of positional arguments and a dict.
        if let ([Expr::Starred(s)], 0, None) = (args, pushed, &extra) {
            self.expr(&s.value)?;
        } else {
            let lead = args
                .iter()
                .take_while(|a| !matches!(a, Expr::Starred(_)))
                .count();
            for a in &args[..lead] {
                self.expr(a)?;
            }
            self.emit(Op::BUILD_LIST, pushed + lead as u32);
            for a in &args[lead..] {
                match a {
                    Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(Op::LIST_EXTEND, 1);
                    }
                    a => {
                        self.expr(a)?;
                        self.emit(Op::LIST_APPEND, 1);
                    }
                }
            }
            if let Some(f) = extra {
                f(self);
                self.emit(Op::LIST_APPEND, 1);
            }
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::LIST_TO_TUPLE);
        }
        if keywords.is_empty() {
            self.emit(Op::CALL_FUNCTION_EX, 0);
            return Ok(());
        }
        let mut pending = 0u32;
        let mut have_dict = false;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(str_const(name));
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 || !have_dict {
                        self.emit(Op::BUILD_MAP, pending);
                        if have_dict {
                            self.emit(Op::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DICT_MERGE, 1);
                }
            }
        }
        if pending > 0 {
            self.emit(Op::BUILD_MAP, pending);
            if have_dict {
                self.emit(Op::DICT_MERGE, 1);
            }
        }
        self.emit(Op::CALL_FUNCTION_EX, 1);
        Ok(())
    }

    // ---- assignment targets ----

    /// Store the value on top of the stack into `target`.
    pub fn assign_target(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.range());
        let r = self.assign_inner(target);
        self.restore_loc(saved);
        r
    }

    fn assign_inner(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => self.store_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangle(&a.attr).into_owned();
                self.note_static_attribute(&a.value, &name);
                let i = self.name_index(&name);
                self.emit(Op::STORE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                if let Some((lo, hi)) = two_part_slice(&s.slice) {
                    self.slice_bound(lo)?;
                    self.slice_bound(hi)?;
                    self.op(Op::STORE_SLICE);
                } else {
                    self.expr(&s.slice)?;
                    self.emit(Op::STORE_SUBSCR, 0);
                }
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack_into(elts, target.range())?
            }
            Expr::Starred(s) => {
                return Err(self.err(
                    "starred assignment target must be in a list or tuple",
                    s.range,
                ))
            }
            other => return Err(self.err(assign_error(other, "assign to"), other.range())),
        }
        Ok(())
    }

    fn unpack_into(&mut self, elts: &'a [Expr], range: TextRange) -> CResult {
        let stars: Vec<usize> = elts
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Expr::Starred(_)))
            .map(|(i, _)| i)
            .collect();
        match stars.as_slice() {
            [] => self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32),
            [i] => {
                let before = *i as u32;
                let after = (elts.len() - i - 1) as u32;
                if before >= 256 || after >= (1 << 16) {
                    return Err(
                        self.err("too many expressions in star-unpacking assignment", range)
                    );
                }
                self.emit(Op::UNPACK_EX, before | (after << 8));
            }
            _ => {
                return Err(self.err("multiple starred expressions in assignment", range));
            }
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.assign_target(&s.value)?,
                e => self.assign_target(e)?,
            }
        }
        Ok(())
    }

    /// `self.x = ...` inside a class's functions feeds `__static_attributes__`.
    fn note_static_attribute(&mut self, owner: &Expr, attr: &str) {
        let Expr::Name(n) = owner else { return };
        if n.id.as_str() != "self" || !self.ur().kind.is_function_like() {
            return;
        }
        if let Some(class) = self
            .units
            .iter_mut()
            .rev()
            .find(|u| u.kind == ScopeKind::Class)
        {
            class.static_attributes.insert(attr.to_string());
        }
    }

    /// `del target`.
    pub fn delete_target(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.range());
        match target {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.mangle(&a.attr).into_owned();
                let i = self.name_index(&name);
                self.emit(Op::DELETE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.op(Op::DELETE_SUBSCR);
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            other => return Err(self.err(assign_error(other, "delete"), other.range())),
        }
        self.restore_loc(saved);
        Ok(())
    }

    // ---- f-strings and t-strings ----

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut pieces = Pieces::default();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => pieces.text(&l.value),
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        self.fstring_element(el, &mut pieces)?;
                    }
                }
            }
        }
        pieces.finish(self);
        Ok(())
    }

    fn fstring_element(
        &mut self,
        el: &'a ast::InterpolatedStringElement,
        p: &mut Pieces,
    ) -> CResult {
        match el {
            ast::InterpolatedStringElement::Literal(l) => p.text(&l.value),
            ast::InterpolatedStringElement::Interpolation(i) => {
                let mut conversion = i.conversion;
                if let Some(d) = &i.debug_text {
                    let text = self.debug_text(i, d);
                    p.text(&text);
                    if conversion == ast::ConversionFlag::None && i.format_spec.is_none() {
                        conversion = ast::ConversionFlag::Repr;
                    }
                }
                p.flush(self);
                self.expr(&i.expression)?;
                if let Some(c) = conversion_arg(conversion) {
                    self.emit(Op::CONVERT_VALUE, c);
                }
                match &i.format_spec {
                    Some(spec) => {
                        let mut inner = Pieces::default();
                        for el in spec.elements.iter() {
                            self.fstring_element(el, &mut inner)?;
                        }
                        inner.finish(self);
                        self.op(Op::FORMAT_WITH_SPEC);
                    }
                    None => self.op(Op::FORMAT_SIMPLE),
                }
                p.count += 1;
            }
        }
        Ok(())
    }

    fn debug_text(&self, i: &ast::InterpolatedElement, d: &ast::DebugText) -> String {
        let r = i.expression.range();
        let src = &self.src.source[usize::from(r.start())..usize::from(r.end())];
        format!("{}{}{}", d.leading, src, d.trailing)
    }

    fn tstring(&mut self, t: &'a ast::ExprTString) -> CResult {
        let mut strings: Vec<String> = vec![String::new()];
        let mut n = 0u32;
        for ts in t.value.iter() {
            for el in ts.elements.iter() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) => {
                        strings.last_mut().unwrap().push_str(&l.value)
                    }
                    ast::InterpolatedStringElement::Interpolation(i) => {
                        if let Some(d) = &i.debug_text {
                            let text = self.debug_text(i, d);
                            strings.last_mut().unwrap().push_str(&text);
                        }
                        strings.push(String::new());
                        n += 1;
                    }
                }
            }
        }
        let consts: Vec<Constant> = strings.iter().map(|s| str_const(s)).collect();
        self.load_const(Constant::Tuple(consts));
        for ts in t.value.iter() {
            for el in ts.elements.iter() {
                if let ast::InterpolatedStringElement::Interpolation(i) = el {
                    self.expr(&i.expression)?;
                    let r = i.expression.range();
                    let expr_text = &self.src.source[usize::from(r.start())..usize::from(r.end())];
                    self.load_const(str_const(expr_text));
                    let mut conversion = i.conversion;
                    if i.debug_text.is_some()
                        && conversion == ast::ConversionFlag::None
                        && i.format_spec.is_none()
                    {
                        conversion = ast::ConversionFlag::Repr;
                    }
                    let mut oparg = conversion_arg(conversion).unwrap_or(0) << 2;
                    if let Some(spec) = &i.format_spec {
                        let mut inner = Pieces::default();
                        for el in spec.elements.iter() {
                            self.fstring_element(el, &mut inner)?;
                        }
                        inner.finish(self);
                        oparg |= 1;
                    }
                    self.emit(Op::BUILD_INTERPOLATION, oparg);
                }
            }
        }
        self.emit(Op::BUILD_TUPLE, n);
        self.op(Op::BUILD_TEMPLATE);
        Ok(())
    }
}

/// Pieces of an f-string being built: literal text is merged, then pushed as
/// one constant before the next formatted value.
#[derive(Default)]
struct Pieces {
    text: String,
    count: u32,
}

impl Pieces {
    fn text(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn flush(&mut self, c: &mut Compiler) {
        if !self.text.is_empty() {
            let t = std::mem::take(&mut self.text);
            c.load_const(str_const(&t));
            self.count += 1;
        }
    }

    fn finish(mut self, c: &mut Compiler) {
        self.flush(c);
        match self.count {
            0 => c.load_const(str_const("")),
            1 => {}
            n => c.emit(Op::BUILD_STRING, n),
        }
    }
}

fn conversion_arg(c: ast::ConversionFlag) -> Option<u32> {
    match c {
        ast::ConversionFlag::None => None,
        ast::ConversionFlag::Str => Some(1),
        ast::ConversionFlag::Repr => Some(2),
        ast::ConversionFlag::Ascii => Some(3),
    }
}

/// `a[lo:hi]` without a step compiles to BINARY_SLICE / STORE_SLICE.
fn two_part_slice(e: &Expr) -> Option<(Option<&Expr>, Option<&Expr>)> {
    match e {
        Expr::Slice(s) if s.step.is_none() => Some((s.lower.as_deref(), s.upper.as_deref())),
        _ => None,
    }
}

/// CPython's "cannot assign to X" wording.
pub(crate) fn assign_error(e: &Expr, verb: &str) -> String {
    let what = match e {
        Expr::Call(_) => "function call",
        Expr::Compare(_) => "comparison",
        Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::BoolOp(_) => "expression",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Await(_) => "await expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::FString(_) => "f-string expression",
        Expr::TString(_) => "t-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::EllipsisLiteral(_) => "ellipsis",
        _ => "literal",
    };
    format!("cannot {verb} {what}")
}
