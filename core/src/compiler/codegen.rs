//! Code generation: the compiler state, one `UnitState` per code block being
//! built (a stack mirroring the nesting of scopes), name resolution to
//! instructions, and the blocks that create code objects (functions, lambdas,
//! classes, comprehensions, annotation and type-parameter scopes).
//! Statements are in `stmt.rs`, expressions in `expr.rs`, patterns in
//! `pattern.rs`.

use std::collections::{BTreeSet, HashMap};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::SourceMap;
use super::symtable::{mangle, NameScope, Role, ScopeId, ScopeKind, SymbolTable};
use super::unit::{Label, Unit};
use super::CompileError;
use crate::bytecode::opcode::{funcattr, intrinsic1, intrinsic2};
use crate::bytecode::{fast, flags, CodeUnit, Constant, Location, Opcode as Op};

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// What `break`/`continue`/`return` must undo when leaving a block early.
#[derive(Clone)]
pub(crate) enum FBlock<'a> {
    While {
        head: Label,
        exit: Label,
    },
    /// The iterator is on the stack.
    For {
        head: Label,
        exit: Label,
    },
    /// The async iterator is on the stack (its SETUP_FINALLY is not active in
    /// the body).
    AsyncFor {
        head: Label,
        exit: Label,
    },
    TryExcept,
    FinallyTry {
        body: &'a [Stmt],
    },
    /// Running a `finally` body for an exception: prev_exc and exc on the stack.
    FinallyEnd,
    /// `__exit__` and self_or_null on the stack.
    With {
        is_async: bool,
        loc: Location,
    },
    /// In an `except` body: prev_exc on the stack; `name` is cleared on exit.
    HandlerCleanup {
        name: Option<String>,
        star: bool,
    },
}

pub(crate) struct UnitState<'a> {
    pub unit: Unit,
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub code: CodeUnit,
    pub fast: HashMap<String, u32>,
    pub fblocks: Vec<FBlock<'a>>,
    pub private: Option<String>,
    /// Attributes assigned through `self.` in this class's methods.
    pub static_attributes: BTreeSet<String>,
    /// Name of the first parameter (methods).
    pub first_param: Option<String>,
    /// Locals that may be unbound when read (everything but parameters that
    /// are never deleted).
    pub safe_fast: std::collections::HashSet<String>,
    /// Module and class bodies with conditional annotations: the index of each
    /// simple annotated assignment (by address).
    pub ann_index: HashMap<usize, usize>,
}

pub(crate) struct Compiler<'a> {
    pub src: &'a SourceMap<'a>,
    pub st: &'a SymbolTable,
    pub filename: String,
    pub optimize: i32,
    pub interactive: bool,
    pub top_level_await: bool,
    pub units: Vec<UnitState<'a>>,
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut UnitState<'a> {
        self.units.last_mut().unwrap()
    }

    pub fn ur(&self) -> &UnitState<'a> {
        self.units.last().unwrap()
    }

    pub fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.syntax_error(msg, range)
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        self.u().unit.emit(op, arg);
    }

    pub fn op(&mut self, op: Op) {
        self.u().unit.emit(op, 0);
    }

    pub fn jump(&mut self, op: Op, target: Label) {
        self.u().unit.emit_jump(op, target);
    }

    pub fn label(&mut self) -> Label {
        self.u().unit.new_label()
    }

    pub fn bind(&mut self, l: Label) {
        self.u().unit.bind(l);
    }

    pub fn depth(&self) -> u32 {
        self.ur().unit.depth()
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.u().unit.add_const(c);
        self.emit(Op::LOAD_CONST, i);
    }

    pub fn load_none(&mut self) {
        self.load_const(Constant::None);
    }

    pub fn name_index(&mut self, name: &str) -> u32 {
        self.u().unit.add_name(name)
    }

    pub fn set_loc(&mut self, range: TextRange) -> Location {
        let loc = self.src.location(range);
        std::mem::replace(&mut self.u().unit.loc, loc)
    }

    pub fn restore_loc(&mut self, loc: Location) {
        self.u().unit.loc = loc;
    }

    pub fn mangle<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        mangle(self.ur().private.as_deref(), name)
    }

    /// Open a code block for scope `scope`.
    pub fn enter_scope(&mut self, scope: ScopeId, name: &str, range: TextRange) {
        let s = &self.st.scopes[scope];
        let mut code = CodeUnit {
            name: name.to_string(),
            filename: self.filename.clone(),
            firstlineno: self.src.location(range).line,
            ..CodeUnit::default()
        };
        code.qualname = self.qualname(scope, name);
        let mut fast_map = HashMap::new();
        let mut add = |code: &mut CodeUnit, n: &str, kind: u8| {
            if let Some(&i) = fast_map.get(n) {
                code.localsplus_kinds[i as usize] |= kind;
                return;
            }
            fast_map.insert(n.to_string(), code.localsplus_names.len() as u32);
            code.localsplus_names.push(n.to_string());
            code.localsplus_kinds.push(kind);
        };
        let function_like = s.kind.is_function_like();
        if function_like {
            for p in &s.params {
                add(&mut code, p, fast::LOCAL);
            }
            for (n, sym) in &s.symbols {
                if sym.scope == NameScope::Local {
                    add(&mut code, n, fast::LOCAL);
                }
            }
        }
        let mut cells: Vec<&str> = s
            .symbols
            .iter()
            .filter(|(_, sym)| sym.scope == NameScope::Cell)
            .map(|(n, _)| n.as_str())
            .collect();
        cells.sort();
        if s.kind == ScopeKind::Class {
            if s.needs_class_closure {
                add(&mut code, "__class__", fast::CELL);
            }
            if s.needs_classdict {
                add(&mut code, "__classdict__", fast::CELL);
            }
            if s.has_conditional_annotations {
                add(&mut code, "__conditional_annotations__", fast::CELL);
            }
        }
        for c in cells {
            add(&mut code, c, fast::CELL);
        }
        let mut frees: Vec<&str> = s
            .symbols
            .iter()
            .filter(|(_, sym)| {
                sym.scope == NameScope::Free
                    || (s.kind == ScopeKind::Class
                        && sym.flags & super::symtable::def::FREE_CLASS != 0)
            })
            .map(|(n, _)| n.as_str())
            .collect();
        frees.sort();
        // In a class, a free name that the body also binds (FREE_CLASS) is
        // passed through to methods; the body itself uses its namespace.
        for f in frees {
            add(&mut code, f, fast::FREE);
        }
        let private = match s.kind {
            ScopeKind::Class => Some(s.name.clone()),
            _ => s.private.clone(),
        };
        let mut unit = Unit::new();
        unit.loc = self.src.location(range);
        self.units.push(UnitState {
            unit,
            scope,
            kind: s.kind,
            code,
            fast: fast_map,
            fblocks: Vec::new(),
            private,
            static_attributes: BTreeSet::new(),
            first_param: None,
            safe_fast: Default::default(),
            ann_index: HashMap::new(),
        });
        self.prologue();
    }

    /// MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR and RESUME.
    fn prologue(&mut self) {
        let loc = self.ur().unit.loc;
        self.u().unit.loc = Location::default();
        let kinds = self.ur().code.localsplus_kinds.clone();
        let nfree = kinds.iter().filter(|&&k| k & fast::FREE != 0).count() as u32;
        if nfree > 0 {
            self.emit(Op::COPY_FREE_VARS, nfree);
        }
        for (i, k) in kinds.iter().enumerate() {
            if k & fast::CELL != 0 {
                self.emit(Op::MAKE_CELL, i as u32);
            }
        }
        self.u().unit.loc = loc;
        let s = &self.st.scopes[self.ur().scope];
        if s.is_generator || (s.is_coroutine && s.kind.is_function_like()) {
            self.op(Op::RETURN_GENERATOR);
            self.op(Op::POP_TOP);
        }
        self.emit(Op::RESUME, 0);
    }

    /// Close the current block; returns its code.
    pub fn exit_scope(&mut self) -> CodeUnit {
        let us = self.units.pop().unwrap();
        let s = &self.st.scopes[us.scope];
        let mut code = us.code;
        let mut f = 0;
        if s.kind.is_function_like() {
            f |= flags::OPTIMIZED | flags::NEWLOCALS;
        }
        if self.units.iter().any(|u| u.kind.is_function_like()) {
            f |= flags::NESTED;
        }
        if s.is_generator && s.is_coroutine {
            f |= flags::ASYNC_GENERATOR;
        } else if s.is_generator {
            f |= flags::GENERATOR;
        } else if s.is_coroutine && s.kind.is_function_like() {
            f |= flags::COROUTINE;
        }
        if !code
            .localsplus_kinds
            .iter()
            .any(|k| k & (fast::CELL | fast::FREE) != 0)
        {
            f |= flags::NOFREE;
        }
        code.flags |= f;
        us.unit.assemble(&mut code);
        code
    }

    fn qualname(&self, scope: ScopeId, name: &str) -> String {
        let s = &self.st.scopes[scope];
        if matches!(s.kind, ScopeKind::Module) {
            return name.to_string();
        }
        // The enclosing unit, skipping type-parameter scopes.
        let mut i = self.units.len();
        let parent = loop {
            if i == 0 {
                return name.to_string();
            }
            i -= 1;
            let p = &self.units[i];
            if p.kind != ScopeKind::TypeParams {
                break p;
            }
        };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(s.kind, ScopeKind::Function | ScopeKind::Class) {
            let ps = &self.st.scopes[parent.scope];
            let mangled = mangle(parent.private.as_deref(), name);
            if ps.scope_of(&mangled) == Some(NameScope::GlobalExplicit) {
                return name.to_string();
            }
        }
        let base = &parent.code.qualname;
        match parent.kind {
            ScopeKind::Function | ScopeKind::Comprehension => format!("{base}.<locals>.{name}"),
            _ => format!("{base}.{name}"),
        }
    }

    /// Load a code object as a function, with its closure when it has free
    /// variables; `extra` attribute flags for values already pushed (defaults,
    /// kwdefaults, annotate, in that order under the closure).
    pub fn make_function(&mut self, code: CodeUnit, extra: u32) {
        let frees: Vec<String> = code
            .localsplus_names
            .iter()
            .zip(&code.localsplus_kinds)
            .filter(|(_, &k)| k & fast::FREE != 0)
            .map(|(n, _)| n.clone())
            .collect();
        let mut attrs = extra;
        if !frees.is_empty() {
            for f in &frees {
                let idx = self.closure_slot(f);
                self.emit(Op::LOAD_FAST, idx);
            }
            self.emit(Op::BUILD_TUPLE, frees.len() as u32);
            attrs |= funcattr::CLOSURE;
        }
        self.load_const(Constant::Code(Box::new(code)));
        self.op(Op::MAKE_FUNCTION);
        for flag in [
            funcattr::CLOSURE,
            funcattr::ANNOTATE,
            funcattr::ANNOTATIONS,
            funcattr::KWDEFAULTS,
            funcattr::DEFAULTS,
        ] {
            if attrs & flag != 0 {
                self.emit(Op::SET_FUNCTION_ATTRIBUTE, flag);
            }
        }
    }

    /// The slot of the cell that provides free variable `name` to a child.
    fn closure_slot(&self, name: &str) -> u32 {
        let u = self.ur();
        match u.fast.get(name) {
            Some(&i) => i,
            None => panic!("no cell for free variable {name} in {}", u.code.qualname),
        }
    }

    // ---- names ----

    pub fn load_name(&mut self, name: &str) {
        self.name_op(name, NameCtx::Load);
    }

    pub fn store_name(&mut self, name: &str) {
        self.name_op(name, NameCtx::Store);
    }

    pub fn delete_name(&mut self, name: &str) {
        self.name_op(name, NameCtx::Del);
    }

    fn name_op(&mut self, name: &str, ctx: NameCtx) {
        let mangled = self.mangle(name).into_owned();
        let u = self.ur();
        let s = &self.st.scopes[u.scope];
        let scope = s.scope_of(&mangled);
        let function_like = s.kind.is_function_like();
        let can_see_class = s.can_see_class_scope;
        let is_class = s.kind == ScopeKind::Class;
        // Class bodies keep their own bindings in the namespace even when the
        // same name is also a free variable passed through to methods.
        let scope = match scope {
            Some(NameScope::Free)
                if is_class
                    && s.lookup(&mangled)
                        .is_some_and(|sym| sym.flags & super::symtable::def::BOUND != 0) =>
            {
                Some(NameScope::Local)
            }
            other => other,
        };
        match scope {
            Some(NameScope::Free) | Some(NameScope::Cell) => {
                let idx = u.fast[&mangled];
                match ctx {
                    NameCtx::Load if is_class => {
                        self.op(Op::LOAD_LOCALS);
                        self.emit(Op::LOAD_FROM_DICT_OR_DEREF, idx);
                    }
                    NameCtx::Load if can_see_class => {
                        let cd = u.fast["__classdict__"];
                        self.emit(Op::LOAD_DEREF, cd);
                        self.emit(Op::LOAD_FROM_DICT_OR_DEREF, idx);
                    }
                    NameCtx::Load => self.emit(Op::LOAD_DEREF, idx),
                    NameCtx::Store => self.emit(Op::STORE_DEREF, idx),
                    NameCtx::Del => self.emit(Op::DELETE_DEREF, idx),
                }
            }
            Some(NameScope::Local) if function_like => {
                let idx = u.fast[&mangled];
                match ctx {
                    NameCtx::Load => {
                        let op = if u.safe_fast.contains(&mangled) {
                            Op::LOAD_FAST
                        } else {
                            Op::LOAD_FAST_CHECK
                        };
                        self.emit(op, idx);
                    }
                    NameCtx::Store => self.emit(Op::STORE_FAST, idx),
                    NameCtx::Del => self.emit(Op::DELETE_FAST, idx),
                }
            }
            Some(NameScope::GlobalImplicit) | None if function_like => {
                let i = self.name_index(&mangled);
                match ctx {
                    NameCtx::Load if can_see_class => {
                        let cd = self.ur().fast["__classdict__"];
                        self.emit(Op::LOAD_DEREF, cd);
                        self.emit(Op::LOAD_FROM_DICT_OR_GLOBALS, i);
                    }
                    NameCtx::Load => self.emit(Op::LOAD_GLOBAL, i << 1),
                    NameCtx::Store => self.emit(Op::STORE_GLOBAL, i),
                    NameCtx::Del => self.emit(Op::DELETE_GLOBAL, i),
                }
            }
            Some(NameScope::GlobalExplicit) => {
                let i = self.name_index(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Op::LOAD_GLOBAL, i << 1),
                    NameCtx::Store => self.emit(Op::STORE_GLOBAL, i),
                    NameCtx::Del => self.emit(Op::DELETE_GLOBAL, i),
                }
            }
            _ => {
                let i = self.name_index(&mangled);
                match ctx {
                    NameCtx::Load => self.emit(Op::LOAD_NAME, i),
                    NameCtx::Store => self.emit(Op::STORE_NAME, i),
                    NameCtx::Del => self.emit(Op::DELETE_NAME, i),
                }
            }
        }
    }

    /// Load a global-looking name as a callable with its NULL (`LOAD_GLOBAL`
    /// with the low bit), when the name resolves to a plain global.
    pub fn try_load_global_for_call(&mut self, name: &str) -> bool {
        let mangled = self.mangle(name).into_owned();
        let u = self.ur();
        let s = &self.st.scopes[u.scope];
        let scope = s.scope_of(&mangled);
        let ok = match scope {
            Some(NameScope::GlobalExplicit) => true,
            Some(NameScope::GlobalImplicit) | None => {
                s.kind.is_function_like() && !s.can_see_class_scope
            }
            _ => false,
        };
        if ok {
            let i = self.name_index(&mangled);
            self.emit(Op::LOAD_GLOBAL, (i << 1) | 1);
        }
        ok
    }

    // ---- function-like blocks ----

    /// Push defaults (tuple) and keyword-only defaults (dict); returns the
    /// SET_FUNCTION_ATTRIBUTE flags for them.
    pub fn defaults(&mut self, p: &'a ast::Parameters) -> CResult<u32> {
        let mut attrs = 0;
        let pos: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(&p.args)
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !pos.is_empty() {
            self.sequence_build(&pos, SeqKind::Tuple)?;
            attrs |= funcattr::DEFAULTS;
        }
        let kw: Vec<(&str, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| a.default.as_deref().map(|d| (a.parameter.name.as_str(), d)))
            .collect();
        if !kw.is_empty() {
            for (n, d) in &kw {
                let n = self.mangle(n).into_owned();
                self.load_const(Constant::Str(n.into_bytes()));
                self.expr(d)?;
            }
            self.emit(Op::BUILD_MAP, kw.len() as u32);
            attrs |= funcattr::KWDEFAULTS;
        }
        Ok(attrs)
    }

    fn set_arg_counts(&mut self, p: Option<&ast::Parameters>) {
        let Some(p) = p else { return };
        let u = self.u();
        u.code.posonlyargcount = p.posonlyargs.len() as u32;
        u.code.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.code.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.code.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.code.flags |= flags::VARKEYWORDS;
        }
        let first = p.posonlyargs.iter().chain(&p.args).next();
        u.first_param = first.map(|a| a.parameter.name.to_string());
    }

    /// Parameters never deleted can be loaded without the unbound check.
    fn mark_safe_params(&mut self) {
        let s = &self.st.scopes[self.ur().scope];
        let safe: Vec<String> = s
            .params
            .iter()
            .filter(|p| {
                s.lookup(p).is_some_and(|sym| {
                    sym.flags & super::symtable::def::DELETED == 0 && sym.scope == NameScope::Local
                })
            })
            .cloned()
            .collect();
        self.u().safe_fast.extend(safe);
    }

    /// Docstring of a body, if its first statement is a string literal.
    pub fn docstring(body: &[Stmt]) -> Option<&ast::ExprStringLiteral> {
        match body.first() {
            Some(Stmt::Expr(e)) => match &*e.value {
                Expr::StringLiteral(s) => Some(s),
                _ => None,
            },
            _ => None,
        }
    }

    /// Body of a function (with the StopIteration guard of generators).
    fn function_body(&mut self, body: &'a [Stmt], is_lambda_expr: Option<&'a Expr>) -> CResult {
        let s = &self.st.scopes[self.ur().scope];
        let wrap = s.is_generator || s.is_coroutine;
        let guard = self.label();
        if wrap {
            self.u().unit.push_handler(guard, 0, true);
        }
        match is_lambda_expr {
            Some(e) => {
                self.expr(e)?;
                if self.st.scopes[self.ur().scope].is_generator {
                    self.op(Op::POP_TOP);
                    self.load_none();
                }
                self.op(Op::RETURN_VALUE);
            }
            None => {
                self.stmts(body)?;
                self.implicit_return(body);
            }
        }
        if wrap {
            self.u().unit.pop_handler();
            self.bind(guard);
            self.u().unit.loc = Location::default();
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::STOPITERATION_ERROR);
            self.emit(Op::RERAISE, 1);
        }
        Ok(())
    }

    /// `return None` at the end of a body, located at its last line.
    pub fn implicit_return(&mut self, body: &[Stmt]) {
        if self.ur().unit.reachable() {
            if let Some(last) = body.last() {
                let mut loc = self.src.location(last.range());
                loc.line = loc.end_line;
                loc.col = loc.end_col;
                let _ = loc;
            }
            self.load_none();
            self.op(Op::RETURN_VALUE);
        }
    }

    pub fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        let saved = self.set_loc(f.range);
        for d in &f.decorator_list {
            self.decorator(&d.expression)?;
        }
        let first_deco_line = f.decorator_list.first().map(|d| d.range);
        let _ = first_deco_line;
        let p = &*f.parameters;
        let mut attrs = self.defaults(p)?;
        let tp_scope = f
            .type_params
            .as_ref()
            .map(|_| self.st.scope_for(f, Role::TypeParams));
        if let (Some(tps), Some(tp)) = (tp_scope, &f.type_params) {
            // The defaults become the arguments of the type-parameter function.
            let nargs = (attrs & funcattr::DEFAULTS != 0) as u32
                + (attrs & funcattr::KWDEFAULTS != 0) as u32;
            let name = format!("<generic parameters of {}>", f.name);
            self.enter_scope(tps, &name, f.range);
            self.u().code.argcount = nargs;
            self.u()
                .safe_fast
                .extend([".defaults".into(), ".kwdefaults".into()]);
            self.type_params(tp)?;
            // Reload the defaults passed in.
            let mut n = 0;
            if attrs & funcattr::DEFAULTS != 0 {
                self.emit(Op::LOAD_FAST, n);
                n += 1;
            }
            if attrs & funcattr::KWDEFAULTS != 0 {
                self.emit(Op::LOAD_FAST, n);
            }
            self.function_object(f, attrs)?;
            self.emit(Op::SWAP, 2);
            self.emit(Op::CALL_INTRINSIC_2, intrinsic2::SET_FUNCTION_TYPE_PARAMS);
            self.op(Op::RETURN_VALUE);
            let code = self.exit_scope();
            self.make_function(code, 0);
            match nargs {
                0 => self.op(Op::PUSH_NULL),
                1 => self.emit(Op::SWAP, 2),
                _ => {
                    // callable under both defaults: build (kwdefaults) as the
                    // second positional argument.
                    self.emit(Op::SWAP, 3);
                    self.emit(Op::SWAP, 2);
                }
            }
            self.emit(Op::CALL, nargs.saturating_sub(1));
            attrs = 0;
        } else {
            self.function_object(f, attrs)?;
            attrs = 0;
        }
        let _ = attrs;
        for _ in &f.decorator_list {
            self.emit(Op::CALL, 1);
        }
        self.store_name(&f.name);
        self.restore_loc(saved);
        Ok(())
    }

    /// Push a decorator as a callable with its NULL.
    fn decorator(&mut self, e: &'a Expr) -> CResult {
        self.expr(e)?;
        self.op(Op::PUSH_NULL);
        Ok(())
    }

    /// With defaults already pushed (per `attrs`): build `__annotate__` if
    /// needed and the function object itself.
    fn function_object(&mut self, f: &'a ast::StmtFunctionDef, mut attrs: u32) -> CResult {
        if let Some(ann) = self.st.try_scope_for(f, Role::Annotations) {
            self.function_annotate(ann, f)?;
            attrs |= funcattr::ANNOTATE;
        }
        let scope = self.st.scope_for(f, Role::Body);
        self.enter_scope(scope, &f.name, f.range);
        self.set_arg_counts(Some(&f.parameters));
        self.mark_safe_params();
        let doc = Self::docstring(&f.body);
        if let Some(d) = doc.filter(|_| self.optimize < 2) {
            let text = clean_doc(d.value.to_str());
            self.u().unit.add_const(Constant::Str(text.into_bytes()));
            self.u().code.flags |= flags::HAS_DOCSTRING;
        }
        let body = if doc.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        if doc.is_some() && body.is_empty() {
            // Keep the line of the docstring for the implicit return.
            let saved = self.set_loc(f.body[0].range());
            self.load_none();
            self.op(Op::RETURN_VALUE);
            self.restore_loc(saved);
        }
        self.function_body(body, None)?;
        let code = self.exit_scope();
        self.make_function(code, attrs);
        Ok(())
    }

    /// `__annotate__(format)` of a function: a dict of its parameter and
    /// return annotations.
    fn function_annotate(&mut self, scope: ScopeId, f: &'a ast::StmtFunctionDef) -> CResult {
        self.enter_scope(scope, "__annotate__", f.range);
        self.annotate_prologue();
        let mut n = 0;
        for a in f.parameters.iter() {
            if let Some(ann) = a.annotation() {
                let name = self.mangle(a.name()).into_owned();
                self.load_const(Constant::Str(name.into_bytes()));
                match ann {
                    // `*args: *Ts` is `[ann] = [*Ts]`.
                    Expr::Starred(s) => {
                        self.expr(&s.value)?;
                        self.emit(Op::UNPACK_SEQUENCE, 1);
                    }
                    ann => self.expr(ann)?,
                }
                n += 1;
            }
        }
        if let Some(r) = &f.returns {
            self.load_const(Constant::Str(b"return".to_vec()));
            self.expr(r)?;
            n += 1;
        }
        self.emit(Op::BUILD_MAP, n);
        self.op(Op::RETURN_VALUE);
        let code = self.exit_scope();
        self.make_function(code, 0);
        Ok(())
    }

    /// `if format > 2: raise NotImplementedError` (VALUE_WITH_FAKE_GLOBALS is
    /// the last format an annotate function handles itself).
    fn annotate_prologue(&mut self) {
        self.u().code.argcount = 1;
        self.u().code.posonlyargcount = 1;
        let ok = self.label();
        self.emit(Op::LOAD_FAST, 0);
        self.load_const(Constant::Int(2.into()));
        self.emit(Op::COMPARE_OP, 4);
        self.jump(Op::POP_JUMP_IF_FALSE, ok);
        // CPython loads the builtin itself (LOAD_COMMON_CONSTANT); a global
        // lookup differs only when a module shadows the name.
        let i = self.name_index("NotImplementedError");
        self.emit(Op::LOAD_GLOBAL, i << 1);
        self.emit(Op::RAISE_VARARGS, 1);
        self.bind(ok);
    }

    /// The lazily evaluated function of a TypeVar bound/default or a type
    /// alias value (`.format` parameter, default 1).
    fn lazy_value(&mut self, scope: ScopeId, name: &str, e: &'a Expr, range: TextRange) -> CResult {
        self.load_const(Constant::Tuple(vec![Constant::Int(1.into())]));
        self.enter_scope(scope, name, range);
        self.annotate_prologue();
        self.u().code.posonlyargcount = 1;
        self.expr(e)?;
        self.op(Op::RETURN_VALUE);
        let code = self.exit_scope();
        self.make_function(code, funcattr::DEFAULTS);
        Ok(())
    }

    /// Create the type parameters in the current (type-parameter) scope,
    /// storing each and leaving their tuple on the stack.
    pub fn type_params(&mut self, tp: &'a ast::TypeParams) -> CResult {
        for p in tp.iter() {
            let saved = self.set_loc(p.range());
            match p {
                ast::TypeParam::TypeVar(t) => {
                    self.load_const(Constant::Str(t.name.as_bytes().to_vec()));
                    if let Some(b) = &t.bound {
                        let scope = self.st.scope_for(p, Role::Bound);
                        self.lazy_value(scope, &t.name, b, t.range)?;
                        let which = if matches!(&**b, Expr::Tuple(_)) {
                            intrinsic2::TYPEVAR_WITH_CONSTRAINTS
                        } else {
                            intrinsic2::TYPEVAR_WITH_BOUND
                        };
                        self.emit(Op::CALL_INTRINSIC_2, which);
                    } else {
                        self.emit(Op::CALL_INTRINSIC_1, intrinsic1::TYPEVAR);
                    }
                    self.type_param_default(p, &t.name, t.default.as_deref())?;
                    self.op_copy_store(&t.name);
                }
                ast::TypeParam::TypeVarTuple(t) => {
                    self.load_const(Constant::Str(t.name.as_bytes().to_vec()));
                    self.emit(Op::CALL_INTRINSIC_1, intrinsic1::TYPEVARTUPLE);
                    self.type_param_default(p, &t.name, t.default.as_deref())?;
                    self.op_copy_store(&t.name);
                }
                ast::TypeParam::ParamSpec(t) => {
                    self.load_const(Constant::Str(t.name.as_bytes().to_vec()));
                    self.emit(Op::CALL_INTRINSIC_1, intrinsic1::PARAMSPEC);
                    self.type_param_default(p, &t.name, t.default.as_deref())?;
                    self.op_copy_store(&t.name);
                }
            }
            self.restore_loc(saved);
        }
        self.emit(Op::BUILD_TUPLE, tp.len() as u32);
        Ok(())
    }

    fn type_param_default(
        &mut self,
        p: &'a ast::TypeParam,
        name: &str,
        default: Option<&'a Expr>,
    ) -> CResult {
        if let Some(d) = default {
            let scope = self.st.scope_for(p, Role::Default);
            self.lazy_value(scope, name, d, p.range())?;
            self.emit(Op::CALL_INTRINSIC_2, intrinsic2::SET_TYPEPARAM_DEFAULT);
        }
        Ok(())
    }

    fn op_copy_store(&mut self, name: &str) {
        self.emit(Op::COPY, 1);
        self.store_name(name);
    }

    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let attrs = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let scope = self.st.scope_for(l, Role::Body);
        self.enter_scope(scope, "<lambda>", l.range);
        self.set_arg_counts(l.parameters.as_deref());
        self.mark_safe_params();
        // CPython keeps None as the first constant of lambdas (no docstring).
        self.function_body(&[], Some(&l.body))?;
        let code = self.exit_scope();
        self.make_function(code, attrs);
        Ok(())
    }

    pub fn type_alias(&mut self, t: &'a ast::StmtTypeAlias) -> CResult {
        let Expr::Name(name) = &*t.name else {
            return Err(self.err("invalid syntax", t.range));
        };
        let saved = self.set_loc(t.range);
        let value_scope = self.st.scope_for(t, Role::Body);
        if let Some(tp) = &t.type_params {
            let tps = self.st.scope_for(t, Role::TypeParams);
            let label = format!("<generic parameters of {}>", name.id);
            self.enter_scope(tps, &label, t.range);
            self.load_const(Constant::Str(name.id.as_bytes().to_vec()));
            self.type_params(tp)?;
            self.lazy_value(value_scope, &name.id, &t.value, t.range)?;
            self.emit(Op::BUILD_TUPLE, 3);
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::TYPEALIAS);
            self.op(Op::RETURN_VALUE);
            let code = self.exit_scope();
            self.make_function(code, 0);
            self.op(Op::PUSH_NULL);
            self.emit(Op::CALL, 0);
        } else {
            self.load_const(Constant::Str(name.id.as_bytes().to_vec()));
            self.load_none();
            self.lazy_value(value_scope, &name.id, &t.value, t.range)?;
            self.emit(Op::BUILD_TUPLE, 3);
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::TYPEALIAS);
        }
        self.store_name(&name.id);
        self.restore_loc(saved);
        Ok(())
    }

    // ---- classes ----

    pub fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        let saved = self.set_loc(c.range);
        for d in &c.decorator_list {
            self.decorator(&d.expression)?;
        }
        if let Some(tp) = &c.type_params {
            let tps = self.st.scope_for(c, Role::TypeParams);
            let label = format!("<generic parameters of {}>", c.name);
            self.enter_scope(tps, &label, c.range);
            self.type_params(tp)?;
            self.store_name(".type_params");
            self.class_call(c, true)?;
            self.op(Op::RETURN_VALUE);
            let code = self.exit_scope();
            self.make_function(code, 0);
            self.op(Op::PUSH_NULL);
            self.emit(Op::CALL, 0);
        } else {
            self.class_call(c, false)?;
        }
        for _ in &c.decorator_list {
            self.emit(Op::CALL, 1);
        }
        self.store_name(&c.name);
        self.restore_loc(saved);
        Ok(())
    }

    /// `__build_class__(body, name, *bases, **keywords)`.
    fn class_call(&mut self, c: &'a ast::StmtClassDef, generic: bool) -> CResult {
        self.op(Op::LOAD_BUILD_CLASS);
        self.op(Op::PUSH_NULL);
        let code = self.class_body(c)?;
        self.make_function(code, 0);
        self.load_const(Constant::Str(c.name.as_bytes().to_vec()));
        let (pos, kws): (&'a [Expr], &'a [ast::Keyword]) = match c.arguments.as_deref() {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        let generic_base = if generic {
            Some(|this: &mut Self| {
                this.load_name(".type_params");
                this.emit(Op::CALL_INTRINSIC_1, intrinsic1::SUBSCRIPT_GENERIC);
                this.store_name(".generic_base");
                this.load_name(".generic_base");
            })
        } else {
            None
        };
        self.call_args(pos, kws, 2, generic_base)?;
        Ok(())
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef) -> CResult<CodeUnit> {
        let scope = self.st.scope_for(c, Role::Body);
        self.enter_scope(scope, &c.name, c.range);
        let s = &self.st.scopes[scope];
        self.load_name("__name__");
        self.store_name("__module__");
        let qualname = self.ur().code.qualname.clone();
        self.load_const(Constant::Str(qualname.into_bytes()));
        self.store_name("__qualname__");
        let line = self.ur().code.firstlineno;
        self.load_const(Constant::Int(line.into()));
        self.store_name("__firstlineno__");
        if c.type_params.is_some() {
            self.load_name(".type_params");
            self.store_name("__type_params__");
        }
        if s.needs_classdict {
            self.op(Op::LOAD_LOCALS);
            let i = self.ur().fast["__classdict__"];
            self.emit(Op::STORE_DEREF, i);
        }
        if s.has_conditional_annotations {
            self.emit(Op::BUILD_SET, 0);
            let i = self.ur().fast["__conditional_annotations__"];
            self.emit(Op::STORE_DEREF, i);
            self.index_annotations(&c.body);
        }
        let doc = Self::docstring(&c.body);
        let body = match doc {
            Some(d) => {
                if self.optimize < 2 {
                    let saved = self.set_loc(d.range);
                    self.load_const(Constant::Str(clean_doc(d.value.to_str()).into_bytes()));
                    self.store_name("__doc__");
                    self.restore_loc(saved);
                }
                &c.body[1..]
            }
            None => &c.body[..],
        };
        self.stmts(body)?;
        self.body_annotate(scope, body, "__annotate_func__")?;
        let attrs: Vec<Constant> = self
            .ur()
            .static_attributes
            .iter()
            .map(|a| Constant::Str(a.clone().into_bytes()))
            .collect();
        self.u().unit.loc = self.src.location(c.range);
        self.load_const(Constant::Tuple(attrs));
        self.store_name("__static_attributes__");
        if s.needs_classdict {
            let i = self.ur().fast["__classdict__"];
            self.emit(Op::LOAD_FAST, i);
            self.store_name("__classdictcell__");
        }
        if s.needs_class_closure {
            let i = self.ur().fast["__class__"];
            self.emit(Op::LOAD_FAST, i);
            self.emit(Op::COPY, 1);
            self.store_name("__classcell__");
        } else {
            self.load_none();
        }
        self.op(Op::RETURN_VALUE);
        Ok(self.exit_scope())
    }

    /// The `__annotate__` of a module or class body, stored as `store_as`.
    pub fn body_annotate(&mut self, owner: ScopeId, body: &'a [Stmt], store_as: &str) -> CResult {
        let Some(scope) = self.st.annotations_of(owner) else {
            return Ok(());
        };
        let conditional = self.st.scopes[owner].has_conditional_annotations;
        let mut anns = Vec::new();
        collect_annotations(body, &mut anns);
        self.enter_scope(scope, "__annotate__", TextRange::default());
        let line = self.units[self.units.len() - 2].code.firstlineno.max(1);
        self.u().code.firstlineno = line;
        self.u().unit.loc = Location {
            line,
            end_line: line,
            col: 0,
            end_col: 0,
        };
        self.annotate_prologue();
        self.emit(Op::BUILD_MAP, 0);
        for (index, a) in anns.iter().enumerate() {
            let Expr::Name(n) = &*a.target else { continue };
            let skip = self.label();
            if conditional {
                self.load_const(Constant::Int(index.into()));
                self.load_name("__conditional_annotations__");
                self.emit(Op::CONTAINS_OP, 0);
                self.jump(Op::POP_JUMP_IF_FALSE, skip);
            }
            self.expr(&a.annotation)?;
            self.emit(Op::COPY, 2);
            let name = self.mangle(&n.id).into_owned();
            self.load_const(Constant::Str(name.into_bytes()));
            self.emit(Op::STORE_SUBSCR, 0);
            self.bind(skip);
        }
        self.op(Op::RETURN_VALUE);
        let code = self.exit_scope();
        self.make_function(code, 0);
        self.store_name(store_as);
        Ok(())
    }

    /// Number the simple annotations of a module or class body that tracks
    /// which of them ran (`__conditional_annotations__`).
    pub fn index_annotations(&mut self, body: &[Stmt]) {
        let mut anns = Vec::new();
        collect_annotations(body, &mut anns);
        let index = anns
            .iter()
            .enumerate()
            .map(|(i, a)| (*a as *const ast::StmtAnnAssign as usize, i))
            .collect();
        self.u().ann_index = index;
    }

    // ---- comprehensions ----

    pub fn comprehension(
        &mut self,
        node: &'a Expr,
        name: &str,
        generators: &'a [ast::Comprehension],
        kind: CompKind<'a>,
    ) -> CResult {
        let scope = self.st.scope_for(node, Role::Body);
        let s = &self.st.scopes[scope];
        let is_async_comp = s.is_coroutine && !s.is_genexp;
        if is_async_comp && !self.in_async_context() {
            return Err(self.err(
                "asynchronous comprehension outside of an asynchronous function",
                node.range(),
            ));
        }
        let first = &generators[0];
        self.expr(&first.iter)?;
        if first.is_async {
            self.op(Op::GET_AITER);
        } else {
            self.op(Op::GET_ITER);
        }
        self.enter_scope(scope, name, node.range());
        self.u().code.argcount = 1;
        self.u().safe_fast.insert(".0".into());
        let is_genexp = matches!(kind, CompKind::Gen(_));
        let guard = self.label();
        if is_genexp || is_async_comp {
            self.u().unit.push_handler(guard, 0, true);
        }
        match kind {
            CompKind::List(_) => self.emit(Op::BUILD_LIST, 0),
            CompKind::Set(_) => self.emit(Op::BUILD_SET, 0),
            CompKind::Dict(..) => self.emit(Op::BUILD_MAP, 0),
            CompKind::Gen(_) => {}
        }
        self.comp_generator(generators, 0, kind)?;
        if is_genexp {
            self.load_none();
        }
        self.op(Op::RETURN_VALUE);
        if is_genexp || is_async_comp {
            self.u().unit.pop_handler();
            self.bind(guard);
            self.u().unit.loc = Location::default();
            self.emit(Op::CALL_INTRINSIC_1, intrinsic1::STOPITERATION_ERROR);
            self.emit(Op::RERAISE, 1);
        }
        let code = self.exit_scope();
        // function(iterator), with the iterator (already pushed) in the
        // self_or_null position.
        self.make_function(code, 0);
        self.emit(Op::SWAP, 2);
        self.emit(Op::CALL, 0);
        if is_async_comp {
            self.emit(Op::GET_AWAITABLE, 0);
            self.load_none();
            self.yield_from(true);
        }
        Ok(())
    }

    fn comp_generator(
        &mut self,
        generators: &'a [ast::Comprehension],
        i: usize,
        kind: CompKind<'a>,
    ) -> CResult {
        let g = &generators[i];
        if i == 0 {
            self.emit(Op::LOAD_FAST, 0);
        } else {
            self.expr(&g.iter)?;
            if g.is_async {
                self.op(Op::GET_AITER);
            } else {
                self.op(Op::GET_ITER);
            }
        }
        let head = self.label();
        let exit = self.label();
        let next = self.label();
        self.bind(head);
        if g.is_async {
            let depth = self.depth();
            self.u().unit.push_handler(exit, depth, false);
            self.op(Op::GET_ANEXT);
            self.load_none();
            self.yield_from(true);
            self.u().unit.pop_handler();
        } else {
            self.jump(Op::FOR_ITER, exit);
        }
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, next)?;
        }
        if i + 1 < generators.len() {
            self.comp_generator(generators, i + 1, kind)?;
        } else {
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::List(e) => {
                    self.expr(e)?;
                    self.emit(Op::LIST_APPEND, depth);
                }
                CompKind::Set(e) => {
                    self.expr(e)?;
                    self.emit(Op::SET_ADD, depth);
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Op::MAP_ADD, depth);
                }
                CompKind::Gen(e) => {
                    self.expr(e)?;
                    self.yield_value();
                    self.op(Op::POP_TOP);
                }
            }
        }
        self.bind(next);
        self.jump(Op::JUMP_BACKWARD, head);
        self.bind(exit);
        if g.is_async {
            self.op(Op::END_ASYNC_FOR);
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
pub(crate) enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeqKind {
    Tuple,
    List,
    Set,
}

#[derive(Clone, Copy)]
enum NameCtx {
    Load,
    Store,
    Del,
}

/// Simple (name-target) annotated assignments of a module or class body, in
/// source order, not descending into nested scopes.
pub(crate) fn collect_annotations<'s>(body: &'s [Stmt], out: &mut Vec<&'s ast::StmtAnnAssign>) {
    for s in body {
        match s {
            Stmt::AnnAssign(a) if a.simple => out.push(a),
            Stmt::If(i) => {
                collect_annotations(&i.body, out);
                for c in &i.elif_else_clauses {
                    collect_annotations(&c.body, out);
                }
            }
            Stmt::For(f) => {
                collect_annotations(&f.body, out);
                collect_annotations(&f.orelse, out);
            }
            Stmt::While(w) => {
                collect_annotations(&w.body, out);
                collect_annotations(&w.orelse, out);
            }
            Stmt::With(w) => collect_annotations(&w.body, out),
            Stmt::Try(t) => {
                collect_annotations(&t.body, out);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    collect_annotations(&h.body, out);
                }
                collect_annotations(&t.orelse, out);
                collect_annotations(&t.finalbody, out);
            }
            Stmt::Match(m) => {
                for c in &m.cases {
                    collect_annotations(&c.body, out);
                }
            }
            _ => {}
        }
    }
}

/// Docstring indentation removal, as CPython 3.13+ does at compile time: the
/// common leading whitespace of the lines after the first is removed, and the
/// first line's leading whitespace.
pub(crate) fn clean_doc(doc: &str) -> String {
    let expanded = doc.replace('\t', "        ");
    let mut lines: Vec<&str> = expanded.split('\n').collect();
    let margin = lines
        .iter()
        .skip(1)
        .filter(|l| !l.trim_start_matches(' ').is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    if let Some(first) = lines.first_mut() {
        *first = first.trim_start_matches(' ');
    }
    let mut out = String::with_capacity(expanded.len());
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            let strip = margin.min(l.len() - l.trim_start_matches(' ').len());
            out.push_str(&l[strip..]);
        } else {
            out.push_str(l);
        }
    }
    out
}
