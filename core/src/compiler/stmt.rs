//! Statements, including the exception-handling layouts of `try`, `with` and
//! `async for`, and the unwinding done by `break`/`continue`/`return`.

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::{CResult, Compiler, FBlock};
use super::expr::binop_arg;
use super::unit::Label;
use crate::bytecode::opcode::{binop, intrinsic1, intrinsic2};
use crate::bytecode::{Constant, Location, Opcode as Op};

/// What leaving blocks early popped, to put back once the jump is emitted.
pub(crate) struct Unwound<'a> {
    fblocks: Vec<FBlock<'a>>,
    handlers: Vec<u32>,
}

impl<'a> Compiler<'a> {
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let saved = self.set_loc(s.range());
        let r = self.stmt_inner(s);
        self.restore_loc(saved);
        r
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.function_def(f)?,
            Stmt::ClassDef(c) => self.class_def(c)?,
            Stmt::Return(r) => self.return_stmt(r)?,
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            Stmt::TypeAlias(t) => self.type_alias(t)?,
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::COPY, 1);
                    }
                    self.assign_target(t)?;
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a)?,
            Stmt::AnnAssign(a) => self.ann_assign(a)?,
            Stmt::For(f) => self.for_stmt(f)?,
            Stmt::While(w) => self.while_stmt(w)?,
            Stmt::If(i) => self.if_stmt(i)?,
            Stmt::With(w) => {
                if w.is_async && !self.in_async_context() {
                    return Err(self.err("'async with' outside async function", w.range));
                }
                self.with_stmt(w, 0)?
            }
            Stmt::Match(m) => self.match_stmt(m)?,
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RAISE_VARARGS, n);
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t)?;
                } else if t.is_star {
                    self.try_star_except(t)?;
                } else {
                    self.try_except(t)?;
                }
            }
            Stmt::Assert(a) => {
                if self.optimize == 0 {
                    let end = self.label();
                    self.jump_if(&a.test, true, end)?;
                    self.op(Op::LOAD_ASSERTION_ERROR);
                    if let Some(m) = &a.msg {
                        self.expr(m)?;
                        self.emit(Op::CALL, 0);
                    }
                    self.emit(Op::RAISE_VARARGS, 1);
                    self.bind(end);
                }
            }
            Stmt::Import(i) => self.import(i)?,
            Stmt::ImportFrom(i) => self.import_from(i)?,
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => {}
            Stmt::Expr(e) => self.expr_stmt(&e.value)?,
            Stmt::Break(b) => self.break_continue(b.range, true)?,
            Stmt::Continue(c) => self.break_continue(c.range, false)?,
            Stmt::IpyEscapeCommand(i) => return Err(self.err("invalid syntax", i.range)),
        }
        Ok(())
    }

    fn expr_stmt(&mut self, e: &'a Expr) -> CResult {
        if self.interactive && self.units.len() == 1 {
            self.expr(e)?;
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::PRINT);
            self.op(Op::POP_TOP);
            return Ok(());
        }
        if crate::compiler::expr::const_value(e).is_some() {
            // A constant statement does nothing (docstrings are handled apart).
            return Ok(());
        }
        self.expr(e)?;
        self.op(Op::POP_TOP);
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = binop_arg(a.op) + binop::INPLACE;
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.emit(Op::BINARY_OP, op);
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::COPY, 1);
                let name = self.mangle(&at.attr).into_owned();
                let i = self.name_index(&name);
                self.emit(Op::LOAD_ATTR, i << 1);
                self.expr(&a.value)?;
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_ATTR, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.emit(Op::BINARY_SUBSCR, 0);
                self.expr(&a.value)?;
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.emit(Op::STORE_SUBSCR, 0);
            }
            other => {
                return Err(self.err(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        illegal_aug_target(other)
                    ),
                    other.range(),
                ))
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.assign_target(&a.target)?;
        } else if let Expr::Attribute(at) = &*a.target {
            // `x.y: T` evaluates x.
            self.expr(&at.value)?;
            self.op(Op::POP_TOP);
        } else if let Expr::Subscript(s) = &*a.target {
            self.expr(&s.value)?;
            self.op(Op::POP_TOP);
            self.expr(&s.slice)?;
            self.op(Op::POP_TOP);
        }
        let key = a as *const ast::StmtAnnAssign as usize;
        if let Some(&index) = self.ur().ann_index.get(&key) {
            self.load_name("__conditional_annotations__");
            self.load_const(Constant::Int(index.into()));
            self.emit(Op::SET_ADD, 1);
            self.op(Op::POP_TOP);
        }
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.label();
        let mut next = self.label();
        self.jump_if(&i.test, false, next)?;
        self.stmts(&i.body)?;
        for clause in &i.elif_else_clauses {
            self.jump(Op::JUMP, end);
            self.bind(next);
            next = self.label();
            if let Some(t) = &clause.test {
                let saved = self.set_loc(clause.range);
                self.jump_if(t, false, next)?;
                self.restore_loc(saved);
            }
            self.stmts(&clause.body)?;
        }
        self.bind(next);
        self.bind(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let head = self.label();
        let orelse = self.label();
        let exit = self.label();
        self.bind(head);
        self.jump_if(&w.test, false, orelse)?;
        self.u().fblocks.push(FBlock::While { head, exit });
        self.stmts(&w.body)?;
        self.u().fblocks.pop();
        let saved = self.set_loc(w.test.range());
        self.jump(Op::JUMP_BACKWARD, head);
        self.restore_loc(saved);
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> CResult {
        if f.is_async {
            if !self.in_async_context() {
                return Err(self.err("'async for' outside async function", f.range));
            }
            return self.async_for(f);
        }
        let head = self.label();
        let orelse = self.label();
        let exit = self.label();
        self.expr(&f.iter)?;
        self.op(Op::GET_ITER);
        self.bind(head);
        let saved = self.set_loc(f.iter.range());
        self.jump(Op::FOR_ITER, orelse);
        self.restore_loc(saved);
        self.assign_target(&f.target)?;
        self.u().fblocks.push(FBlock::For { head, exit });
        self.stmts(&f.body)?;
        self.u().fblocks.pop();
        let saved = self.set_loc(f.iter.range());
        self.jump(Op::JUMP_BACKWARD, head);
        self.restore_loc(saved);
        self.bind(orelse);
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        let head = self.label();
        let except = self.label();
        let exit = self.label();
        self.expr(&f.iter)?;
        self.op(Op::GET_AITER);
        self.bind(head);
        let depth = self.depth();
        self.u().unit.push_handler(except, depth, false);
        self.op(Op::GET_ANEXT);
        self.load_none();
        self.yield_from(true);
        self.u().unit.pop_handler();
        self.assign_target(&f.target)?;
        self.u().fblocks.push(FBlock::AsyncFor { head, exit });
        self.stmts(&f.body)?;
        self.u().fblocks.pop();
        self.jump(Op::JUMP_BACKWARD, head);
        self.bind(except);
        self.op(Op::END_ASYNC_FOR);
        self.stmts(&f.orelse)?;
        self.bind(exit);
        Ok(())
    }

    // ---- early exits ----

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        let kind = self.ur().kind;
        if !kind.is_function_like() {
            return Err(self.err("'return' outside function", r.range));
        }
        let s = &self.st.scopes[self.ur().scope];
        if r.value.is_some() && s.is_generator && s.is_coroutine {
            return Err(self.err("'return' with value in async generator", r.range));
        }
        self.check_except_star_exit(r.range)?;
        match &r.value {
            Some(v) => self.expr(v)?,
            None => self.load_none(),
        }
        let unwound = self.unwind(true, false)?;
        let saved = self.set_loc(r.range);
        self.op(Op::RETURN_VALUE);
        self.restore_loc(saved);
        self.rewind(unwound);
        Ok(())
    }

    fn break_continue(&mut self, range: TextRange, is_break: bool) -> CResult {
        let has_loop = self.ur().fblocks.iter().any(|f| {
            matches!(
                f,
                FBlock::While { .. } | FBlock::For { .. } | FBlock::AsyncFor { .. }
            )
        });
        if !has_loop {
            let msg = if is_break {
                "'break' outside loop"
            } else {
                "'continue' not properly in loop"
            };
            return Err(self.err(msg, range));
        }
        self.check_except_star_exit(range)?;
        let unwound = self.unwind(false, true)?;
        let (head, exit, pops) = match self.ur().fblocks.last() {
            Some(FBlock::While { head, exit }) => (*head, *exit, false),
            Some(FBlock::For { head, exit }) | Some(FBlock::AsyncFor { head, exit }) => {
                (*head, *exit, true)
            }
            _ => unreachable!("unwind stops at a loop"),
        };
        if is_break {
            if pops {
                self.op(Op::POP_TOP);
            }
            self.jump(Op::JUMP, exit);
        } else {
            self.jump(Op::JUMP_BACKWARD, head);
        }
        self.rewind(unwound);
        Ok(())
    }

    /// CPython forbids leaving an `except*` body with break/continue/return.
    fn check_except_star_exit(&self, range: TextRange) -> CResult {
        for f in self.ur().fblocks.iter().rev() {
            match f {
                FBlock::HandlerCleanup { star: true, .. } => {
                    return Err(self.err(
                        "'break', 'continue' and 'return' cannot appear in an except* block",
                        range,
                    ))
                }
                FBlock::While { .. } | FBlock::For { .. } | FBlock::AsyncFor { .. } => break,
                _ => {}
            }
        }
        Ok(())
    }

    /// Emit the clean-up of the blocks being left (innermost first), up to the
    /// innermost loop when `to_loop`, or all of them. With `preserve_tos` the
    /// value on top (a return value) is kept on top throughout.
    fn unwind(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Unwound<'a>> {
        let saved = self.ur().fblocks.clone();
        let mut handlers = Vec::new();
        while let Some(fb) = self.ur().fblocks.last().cloned() {
            match fb {
                FBlock::While { .. } | FBlock::For { .. } | FBlock::AsyncFor { .. } if to_loop => {
                    break
                }
                _ => {}
            }
            self.u().fblocks.pop();
            match fb {
                FBlock::While { .. } => {}
                FBlock::For { .. } | FBlock::AsyncFor { .. } => {
                    if preserve_tos {
                        self.emit(Op::SWAP, 2);
                    }
                    self.op(Op::POP_TOP);
                }
                FBlock::TryExcept => handlers.push(self.u().unit.pop_handler()),
                FBlock::FinallyTry { body } => {
                    handlers.push(self.u().unit.pop_handler());
                    self.stmts(body)?;
                }
                FBlock::FinallyEnd => {
                    if preserve_tos {
                        self.emit(Op::SWAP, 2);
                    }
                    self.op(Op::POP_TOP);
                    if preserve_tos {
                        self.emit(Op::SWAP, 2);
                    }
                    handlers.push(self.u().unit.pop_handler());
                    self.op(Op::POP_EXCEPT);
                }
                FBlock::With { is_async, loc } => {
                    handlers.push(self.u().unit.pop_handler());
                    let saved_loc = std::mem::replace(&mut self.u().unit.loc, loc);
                    if preserve_tos {
                        self.emit(Op::SWAP, 3);
                        self.emit(Op::SWAP, 2);
                    }
                    self.call_exit_with_nones(is_async);
                    self.u().unit.loc = saved_loc;
                }
                FBlock::HandlerCleanup { name, .. } => {
                    if name.is_some() {
                        handlers.push(self.u().unit.pop_handler());
                    }
                    if preserve_tos {
                        self.emit(Op::SWAP, 2);
                    }
                    handlers.push(self.u().unit.pop_handler());
                    self.op(Op::POP_EXCEPT);
                    if let Some(n) = name {
                        self.load_none();
                        self.store_name(&n);
                        self.delete_name(&n);
                    }
                }
            }
        }
        Ok(Unwound {
            fblocks: saved,
            handlers,
        })
    }

    fn rewind(&mut self, u: Unwound<'a>) {
        for h in u.handlers.into_iter().rev() {
            self.u().unit.restore_handler(h);
        }
        self.u().fblocks = u.fblocks;
    }

    /// `exit(None, None, None)` and discard the result.
    fn call_exit_with_nones(&mut self, is_async: bool) {
        self.load_none();
        self.load_none();
        self.load_none();
        self.emit(Op::CALL, 3);
        if is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_none();
            self.yield_from(true);
        }
        self.op(Op::POP_TOP);
    }

    // ---- try ----

    /// The shared tail of exception handlers: restore the previous exception
    /// and re-raise (the target of SETUP_CLEANUP-style handlers).
    fn cleanup_block(&mut self, cleanup: Label) {
        self.bind(cleanup);
        self.u().unit.loc = Location::default();
        self.emit(Op::COPY, 3);
        self.op(Op::POP_EXCEPT);
        self.emit(Op::RERAISE, 1);
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.label();
        let cleanup = self.label();
        let exit = self.label();
        let depth = self.depth();
        self.u().unit.push_handler(handler, depth, false);
        self.u()
            .fblocks
            .push(FBlock::FinallyTry { body: &t.finalbody });
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(t)?;
            } else {
                self.try_except(t)?;
            }
        } else {
            self.stmts(&t.body)?;
        }
        self.u().fblocks.pop();
        self.u().unit.pop_handler();
        self.stmts(&t.finalbody)?;
        self.jump(Op::JUMP, exit);
        // The exceptional path: run the body with the exception saved.
        self.bind(handler);
        let depth = self.depth();
        self.u().unit.push_handler(cleanup, depth, true);
        self.op(Op::PUSH_EXC_INFO);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.stmts(&t.finalbody)?;
        self.u().fblocks.pop();
        self.emit(Op::RERAISE, 0);
        self.u().unit.pop_handler();
        self.cleanup_block(cleanup);
        self.bind(exit);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.label();
        let cleanup = self.label();
        let orelse = self.label();
        let end = self.label();
        let depth = self.depth();
        self.u().unit.push_handler(handler, depth, false);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.u().fblocks.pop();
        self.u().unit.pop_handler();
        self.jump(Op::JUMP, orelse);
        self.bind(handler);
        let depth = self.depth();
        self.u().unit.push_handler(cleanup, depth, true);
        self.op(Op::PUSH_EXC_INFO);
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_loc(h.range);
            let next = self.label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.op(Op::CHECK_EXC_MATCH);
                    self.jump(Op::POP_JUMP_IF_FALSE, next);
                }
                None if i + 1 < n => {
                    return Err(self.err("default 'except:' must be last", h.range));
                }
                None => {}
            }
            self.handler_body(h, false, end)?;
            self.restore_loc(saved);
            self.bind(next);
        }
        // No handler matched.
        self.u().unit.loc = Location::default();
        self.emit(Op::RERAISE, 0);
        self.u().unit.pop_handler();
        self.cleanup_block(cleanup);
        self.bind(orelse);
        self.stmts(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// An except body with the exception on top (matched): bind or drop it,
    /// run the body, restore the previous exception, jump to `end`.
    fn handler_body(
        &mut self,
        h: &'a ast::ExceptHandlerExceptHandler,
        star: bool,
        end: Label,
    ) -> CResult {
        match &h.name {
            Some(name) => {
                self.store_name(name);
                let cleanup_end = self.label();
                let depth = self.depth();
                self.u().unit.push_handler(cleanup_end, depth, true);
                self.u().fblocks.push(FBlock::HandlerCleanup {
                    name: Some(name.to_string()),
                    star,
                });
                self.stmts(&h.body)?;
                self.u().fblocks.pop();
                self.u().unit.pop_handler();
                if star {
                    self.load_none();
                    self.store_name(name);
                    self.delete_name(name);
                    self.jump(Op::JUMP, end);
                } else {
                    let outer = self.u().unit.pop_handler();
                    self.op(Op::POP_EXCEPT);
                    self.load_none();
                    self.store_name(name);
                    self.delete_name(name);
                    self.jump(Op::JUMP, end);
                    self.u().unit.restore_handler(outer);
                }
                // The body raised: clear the name and re-raise.
                self.bind(cleanup_end);
                self.load_none();
                self.store_name(name);
                self.delete_name(name);
                if star {
                    // Collect it for the final re-raise of except*.
                    self.emit(Op::LIST_APPEND, 3);
                    self.op(Op::POP_TOP);
                    self.jump(Op::JUMP, end);
                } else {
                    self.emit(Op::RERAISE, 1);
                }
            }
            None => {
                self.op(Op::POP_TOP);
                if star {
                    let cleanup_body = self.label();
                    let depth = self.depth();
                    self.u().unit.push_handler(cleanup_body, depth, true);
                    self.u()
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: None, star });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    self.u().unit.pop_handler();
                    self.jump(Op::JUMP, end);
                    self.bind(cleanup_body);
                    self.emit(Op::LIST_APPEND, 3);
                    self.op(Op::POP_TOP);
                    self.jump(Op::JUMP, end);
                } else {
                    self.u()
                        .fblocks
                        .push(FBlock::HandlerCleanup { name: None, star });
                    self.stmts(&h.body)?;
                    self.u().fblocks.pop();
                    let outer = self.u().unit.pop_handler();
                    self.op(Op::POP_EXCEPT);
                    self.jump(Op::JUMP, end);
                    self.u().unit.restore_handler(outer);
                }
            }
        }
        Ok(())
    }

    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let handler = self.label();
        let cleanup = self.label();
        let orelse = self.label();
        let end = self.label();
        let depth = self.depth();
        self.u().unit.push_handler(handler, depth, false);
        self.u().fblocks.push(FBlock::TryExcept);
        self.stmts(&t.body)?;
        self.u().fblocks.pop();
        self.u().unit.pop_handler();
        self.jump(Op::JUMP, orelse);
        self.bind(handler);
        let depth = self.depth();
        self.u().unit.push_handler(cleanup, depth, true);
        self.op(Op::PUSH_EXC_INFO);
        // [prev, orig, list, rest]
        self.emit(Op::COPY, 1);
        self.emit(Op::BUILD_LIST, 0);
        self.emit(Op::SWAP, 2);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let saved = self.set_loc(h.range);
            let no_match = self.label();
            let next = self.label();
            let Some(ty) = &h.type_ else {
                return Err(self.err("expected one or more exception types", h.range));
            };
            self.expr(ty)?;
            self.op(Op::CHECK_EG_MATCH);
            self.emit(Op::COPY, 1);
            self.jump(Op::POP_JUMP_IF_NONE, no_match);
            self.handler_body(h, true, next)?;
            self.bind(no_match);
            self.op(Op::POP_TOP);
            self.bind(next);
            self.restore_loc(saved);
        }
        // [prev, orig, list, rest]
        self.u().unit.loc = Location::default();
        let reraise = self.label();
        // The unmatched rest (None when everything matched) joins the raised.
        self.emit(Op::LIST_APPEND, 1);
        self.emit(Op::CALL_INTRINSIC_2, intrinsic2::PREP_RERAISE_STAR);
        self.emit(Op::COPY, 1);
        self.jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
        self.op(Op::POP_TOP);
        self.u().unit.pop_handler();
        self.op(Op::POP_EXCEPT);
        self.jump(Op::JUMP, end);
        self.bind(reraise);
        self.emit(Op::SWAP, 2);
        self.op(Op::POP_EXCEPT);
        self.emit(Op::RERAISE, 0);
        self.cleanup_block(cleanup);
        self.bind(orelse);
        self.stmts(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    // ---- with ----

    fn with_stmt(&mut self, w: &'a ast::StmtWith, i: usize) -> CResult {
        let item = &w.items[i];
        let loc = self.src.location(item.context_expr.range());
        let handler = self.label();
        let cleanup = self.label();
        let suppress = self.label();
        let exit = self.label();
        self.expr(&item.context_expr)?;
        let saved = self.set_loc(item.context_expr.range());
        if w.is_async {
            self.op(Op::BEFORE_ASYNC_WITH);
            self.emit(Op::GET_AWAITABLE, 1);
            self.load_none();
            self.yield_from(true);
        } else {
            self.op(Op::BEFORE_WITH);
        }
        let depth = self.depth();
        self.u()
            .unit
            .push_handler(handler, depth.saturating_sub(1), true);
        self.u().fblocks.push(FBlock::With {
            is_async: w.is_async,
            loc,
        });
        match &item.optional_vars {
            Some(v) => self.assign_target(v)?,
            None => self.op(Op::POP_TOP),
        }
        self.restore_loc(saved);
        if i + 1 < w.items.len() {
            self.with_stmt(w, i + 1)?;
        } else {
            self.stmts(&w.body)?;
        }
        self.u().fblocks.pop();
        self.u().unit.pop_handler();
        let saved = std::mem::replace(&mut self.u().unit.loc, loc);
        self.call_exit_with_nones(w.is_async);
        self.jump(Op::JUMP, exit);
        // Exceptional exit: (exit, self_or_null, lasti, exc).
        self.bind(handler);
        let depth = self.depth();
        self.u().unit.push_handler(cleanup, depth, true);
        self.op(Op::PUSH_EXC_INFO);
        self.op(Op::WITH_EXCEPT_START);
        if w.is_async {
            self.emit(Op::GET_AWAITABLE, 2);
            self.load_none();
            self.yield_from(true);
        }
        self.jump(Op::POP_JUMP_IF_TRUE, suppress);
        self.emit(Op::RERAISE, 2);
        self.bind(suppress);
        self.op(Op::POP_TOP);
        self.u().unit.pop_handler();
        self.op(Op::POP_EXCEPT);
        self.op(Op::POP_TOP);
        self.op(Op::POP_TOP);
        self.op(Op::POP_TOP);
        self.jump(Op::JUMP, exit);
        self.cleanup_block(cleanup);
        self.bind(exit);
        self.u().unit.loc = saved;
        Ok(())
    }

    // ---- imports ----

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult {
        let lazy = i.is_lazy as u32;
        for alias in &i.names {
            let saved = self.set_loc(alias.range);
            self.load_const(Constant::Int(0.into()));
            self.load_none();
            let ni = self.name_index(&alias.name);
            self.emit(Op::IMPORT_NAME, (ni << 1) | lazy);
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = alias.name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, attr) in parts[1..].iter().enumerate() {
                            let ai = self.name_index(attr);
                            self.emit(Op::IMPORT_FROM, (ai << 1) | lazy);
                            if k + 2 < parts.len() {
                                self.emit(Op::SWAP, 2);
                                self.op(Op::POP_TOP);
                            }
                        }
                        self.store_name(asname);
                        self.op(Op::POP_TOP);
                    } else {
                        self.store_name(asname);
                    }
                }
                None => {
                    let top = alias.name.split('.').next().unwrap_or("");
                    self.store_name(top);
                }
            }
            self.restore_loc(saved);
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        let lazy = i.is_lazy as u32;
        self.load_const(Constant::Int(i.level.into()));
        let names: Vec<Constant> = i
            .names
            .iter()
            .map(|a| Constant::Str(a.name.as_bytes().to_vec()))
            .collect();
        self.load_const(Constant::Tuple(names));
        let module = i.module.as_ref().map(|m| m.as_str()).unwrap_or("");
        let mi = self.name_index(module);
        self.emit(Op::IMPORT_NAME, (mi << 1) | lazy);
        if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::IMPORT_STAR);
            self.op(Op::POP_TOP);
            return Ok(());
        }
        for alias in &i.names {
            let ai = self.name_index(&alias.name);
            self.emit(Op::IMPORT_FROM, (ai << 1) | lazy);
            self.store_name(alias.asname.as_ref().unwrap_or(&alias.name));
        }
        self.op(Op::POP_TOP);
        Ok(())
    }

    /// The module body (or interactive statement): docstring, annotations.
    pub fn module_body(&mut self, body: &'a [Stmt]) -> CResult {
        let scope = self.ur().scope;
        let s = &self.st.scopes[scope];
        if s.has_conditional_annotations {
            self.emit(Op::BUILD_SET, 0);
            self.store_name("__conditional_annotations__");
            self.index_annotations(body);
        }
        let mut rest = body;
        if !self.interactive {
            if let Some(doc) = Self::docstring(body) {
                if self.optimize < 2 {
                    let saved = self.set_loc(doc.range);
                    let text = super::codegen::clean_doc(doc.value.to_str());
                    self.load_const(Constant::Str(text.into_bytes()));
                    self.store_name("__doc__");
                    self.restore_loc(saved);
                }
                rest = &body[1..];
            }
        }
        if self.st.annotations_of(scope).is_some() {
            self.body_annotate(scope, body, "__annotate__")?;
        }
        self.stmts(rest)?;
        Ok(())
    }
}

fn illegal_aug_target(e: &Expr) -> &'static str {
    match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) => "list",
        _ => "expression",
    }
}
