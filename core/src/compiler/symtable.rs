//! The symbol table: which scope each name lives in, with CPython's rules.
//!
//! A first pass walks the AST and records, per scope, how each name is used
//! (bound, read, declared `global`/`nonlocal`, a parameter, ...). A second pass
//! resolves every name to local, cell, free, explicit or implicit global, the way
//! CPython's `symtable.c` does: bindings of enclosing functions are visible to
//! nested ones, class bodies are not (except for `__class__`, `__classdict__` and
//! `__conditional_annotations__`, which they provide as cells), and annotation and
//! type-parameter scopes inside a class can read the class namespace.
//!
//! Scopes are keyed by the address of the AST node that opens them plus a role
//! (a `def` opens up to three: its type parameters, its `__annotate__`, its body).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::SourceMap;
use super::CompileError;

pub(crate) type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    /// A comprehension or generator expression (compiled as a function).
    Comprehension,
    /// `__annotate__` of a module, class or function.
    Annotation,
    /// `<generic parameters of X>`.
    TypeParams,
    /// The lazily evaluated value of `type X = ...`, or a TypeVar's bound,
    /// constraints or default.
    TypeValue,
}

impl ScopeKind {
    pub fn is_function_like(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }
}

/// Which scope of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    Body,
    TypeParams,
    Annotations,
    Bound,
    Default,
}

pub(crate) mod def {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 32;
    pub const IMPORT: u32 = 64;
    pub const ANNOT: u32 = 128;
    pub const COMP_ITER: u32 = 256;
    pub const TYPE_PARAM: u32 = 512;
    pub const DELETED: u32 = 1024;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u32,
    pub scope: NameScope,
}

pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    /// Symbols in order of first appearance.
    pub symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Parameters in order.
    pub params: Vec<String>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub needs_class_closure: bool,
    pub needs_classdict: bool,
    pub has_conditional_annotations: bool,
    pub can_see_class_scope: bool,
    /// Comprehension: a generator expression.
    pub is_genexp: bool,
    pub private: Option<String>,
    /// Where each `nonlocal` name was declared (for "no binding" errors).
    nonlocal_at: HashMap<String, TextRange>,
}

impl Scope {
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    pub fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.lookup(name).map(|s| s.scope)
    }

    fn flags(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }
}

pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    keys: HashMap<(usize, Role), ScopeId>,
}

impl SymbolTable {
    pub fn scope_for<T>(&self, node: &T, role: Role) -> ScopeId {
        self.keys[&(node as *const T as usize, role)]
    }

    pub fn try_scope_for<T>(&self, node: &T, role: Role) -> Option<ScopeId> {
        self.keys.get(&(node as *const T as usize, role)).copied()
    }

    /// The `__annotate__` scope of a module or class body, if it has annotations.
    pub fn annotations_of(&self, scope: ScopeId) -> Option<ScopeId> {
        self.keys
            .get(&(annotations_key(scope), Role::Annotations))
            .copied()
    }
}

/// Key of the `__annotate__` scope of a module or class (not an AST address:
/// small multiples of 8 never collide with one).
fn annotations_key(owner: ScopeId) -> usize {
    (owner + 1) * 8
}

/// `__x` inside class `C` is `_C__x` (CPython's private name mangling).
pub(crate) fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.into();
    }
    format!("_{class}{name}").into()
}

struct Builder<'a> {
    src: &'a SourceMap<'a>,
    scopes: Vec<Scope>,
    keys: HashMap<(usize, Role), ScopeId>,
    stack: Vec<ScopeId>,
    /// Inside the iteration targets of a comprehension.
    in_comp_iter_target: bool,
    /// Nesting of compound statements in the current scope (for conditional
    /// annotations).
    in_conditional: u32,
    /// Nesting of `try` statements in the current scope (lazy imports).
    in_try: u32,
    allow_top_level_await: bool,
}

type R = Result<(), CompileError>;

/// Build and resolve the symbol table of a module (or an expression).
pub(crate) fn build_module(
    src: &SourceMap,
    body: &[Stmt],
    expr: Option<&Expr>,
    allow_top_level_await: bool,
) -> Result<SymbolTable, CompileError> {
    let mut b = Builder {
        src,
        scopes: Vec::new(),
        keys: HashMap::new(),
        stack: Vec::new(),
        in_comp_iter_target: false,
        in_conditional: 0,
        in_try: 0,
        allow_top_level_await,
    };
    b.enter(ScopeKind::Module, "<module>", 0usize, Role::Body);
    for s in body {
        b.stmt(s)?;
    }
    if let Some(e) = expr {
        b.expr(e)?;
    }
    b.stack.pop();
    let mut st = SymbolTable {
        scopes: b.scopes,
        keys: b.keys,
    };
    analyze(&mut st.scopes, src, 0, None, &HashSet::new(), None)?;
    Ok(st)
}

impl Builder<'_> {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().unwrap();
        &mut self.scopes[id]
    }

    fn cur_id(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }

    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.src.syntax_error(msg, range)
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: usize, role: Role) -> ScopeId {
        let parent = self.stack.last().copied();
        let private = match parent {
            Some(p) if self.scopes[p].kind == ScopeKind::Class => Some(self.scopes[p].name.clone()),
            Some(p) => self.scopes[p].private.clone(),
            None => None,
        };
        let can_see_class_scope = matches!(
            kind,
            ScopeKind::Annotation | ScopeKind::TypeParams | ScopeKind::TypeValue
        ) && parent
            .is_some_and(|p| self.scopes[p].kind == ScopeKind::Class);
        self.scopes.push(Scope {
            kind,
            name: name.to_string(),
            parent,
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_closure: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            can_see_class_scope,
            is_genexp: false,
            private,
            nonlocal_at: HashMap::new(),
        });
        let id = self.scopes.len() - 1;
        self.keys.insert((key, role), id);
        self.stack.push(id);
        if can_see_class_scope {
            self.add("__classdict__", def::USE);
        }
        id
    }

    fn add(&mut self, name: &str, flag: u32) {
        let scope = self.cur();
        let name = mangle(scope.private.as_deref(), name).into_owned();
        let scope = self.cur();
        match scope.index.get(&name) {
            Some(&i) => scope.symbols[i].1.flags |= flag,
            None => {
                scope.index.insert(name.clone(), scope.symbols.len());
                scope.symbols.push((
                    name,
                    Symbol {
                        flags: flag,
                        scope: NameScope::GlobalImplicit,
                    },
                ));
            }
        }
    }

    fn add_param(&mut self, name: &str, range: TextRange) -> R {
        let mangled = mangle(self.cur().private.as_deref(), name).into_owned();
        if self.cur().flags(&mangled) & def::PARAM != 0 {
            return Err(self.err(
                format!("duplicate parameter '{name}' in function definition"),
                range,
            ));
        }
        self.add(name, def::PARAM);
        self.cur().params.push(mangled);
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn conditional_stmts(&mut self, body: &[Stmt]) -> R {
        self.in_conditional += 1;
        let r = self.stmts(body);
        self.in_conditional -= 1;
        r
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.function(f)?;
                self.add(&f.name, def::LOCAL);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.class(c)?;
                self.add(&c.name, def::LOCAL);
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.expr(t)?;
                }
            }
            Stmt::TypeAlias(t) => {
                let Expr::Name(name) = &*t.name else {
                    return Err(self.err("invalid syntax", t.range));
                };
                self.add(&name.id, def::LOCAL);
                let key = t as *const _ as usize;
                if let Some(tp) = &t.type_params {
                    self.enter(ScopeKind::TypeParams, &name.id, key, Role::TypeParams);
                    self.type_params(tp)?;
                }
                self.enter(ScopeKind::TypeValue, &name.id, key, Role::Body);
                self.add_param(".format", t.range)?;
                self.expr(&t.value)?;
                self.stack.pop();
                if t.type_params.is_some() {
                    self.stack.pop();
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.expr(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.add(&n.id, def::USE);
                }
            }
            Stmt::AnnAssign(a) => {
                let kind = self.cur().kind;
                if let Expr::Name(n) = &*a.target {
                    let mangled = mangle(self.cur().private.as_deref(), &n.id).into_owned();
                    let flags = self.cur().flags(&mangled);
                    if flags & (def::GLOBAL | def::NONLOCAL) != 0 && a.simple {
                        let which = if flags & def::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(self.err(
                            format!("annotated name '{}' can't be {which}", n.id),
                            n.range,
                        ));
                    }
                    if a.simple {
                        self.add(&n.id, def::ANNOT | def::LOCAL);
                    } else if a.value.is_some() {
                        self.add(&n.id, def::LOCAL);
                    }
                } else {
                    self.expr(&a.target)?;
                }
                if a.simple && matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    if self.in_conditional > 0 {
                        self.cur().has_conditional_annotations = true;
                    }
                    self.annotation_scope_expr(s as *const Stmt as usize, &a.annotation)?;
                }
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                if f.is_async {
                    self.check_await_allowed(f.range, "asynchronous for")?;
                }
                self.conditional_stmts(&f.body)?;
                self.conditional_stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.conditional_stmts(&w.body)?;
                self.conditional_stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.conditional_stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.conditional_stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                if w.is_async {
                    self.check_await_allowed(w.range, "asynchronous with")?;
                }
                self.conditional_stmts(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.conditional_stmts(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.in_try += 1;
                self.conditional_stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add(n, def::LOCAL);
                    }
                    self.conditional_stmts(&h.body)?;
                }
                self.conditional_stmts(&t.orelse)?;
                self.conditional_stmts(&t.finalbody)?;
                self.in_try -= 1;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                self.check_lazy(i.is_lazy, i.range)?;
                for alias in &i.names {
                    let stored = match &alias.asname {
                        Some(a) => a.id.as_str(),
                        None => alias.name.split('.').next().unwrap_or(""),
                    };
                    self.add(stored, def::IMPORT);
                }
            }
            Stmt::ImportFrom(i) => {
                self.check_lazy(i.is_lazy, i.range)?;
                if i.is_lazy && i.names.iter().any(|a| a.name.as_str() == "*") {
                    return Err(self.err("lazy from ... import * is not allowed", i.range));
                }
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level", i.range));
                        }
                        continue;
                    }
                    let stored = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add(stored, def::IMPORT);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.declare(n, def::GLOBAL, g.range)?;
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(
                        self.err("nonlocal declaration not allowed at module level", g.range)
                    );
                }
                for n in &g.names {
                    self.declare(n, def::NONLOCAL, g.range)?;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
        Ok(())
    }

    fn check_lazy(&self, lazy: bool, range: TextRange) -> R {
        if !lazy {
            return Ok(());
        }
        let kind = self.scopes[self.cur_id()].kind;
        let msg = match kind {
            ScopeKind::Module if self.in_try == 0 => return Ok(()),
            ScopeKind::Module => "lazy import not allowed inside try/except blocks",
            ScopeKind::Class => "lazy import not allowed inside classes",
            _ => "lazy import not allowed inside functions",
        };
        Err(self.err(msg, range))
    }

    fn declare(&mut self, name: &ast::Identifier, flag: u32, range: TextRange) -> R {
        let mangled = mangle(self.cur().private.as_deref(), name).into_owned();
        let flags = self.cur().flags(&mangled);
        let which = if flag == def::GLOBAL {
            "global"
        } else {
            "nonlocal"
        };
        let other = if flag == def::GLOBAL {
            def::NONLOCAL
        } else {
            def::GLOBAL
        };
        if flags & other != 0 {
            return Err(self.err(format!("name '{name}' is nonlocal and global"), range));
        }
        if flags & def::PARAM != 0 {
            return Err(self.err(format!("name '{name}' is parameter and {which}"), range));
        }
        if flags & def::ANNOT != 0 {
            return Err(self.err(format!("annotated name '{name}' can't be {which}"), range));
        }
        if flags & (def::LOCAL | def::IMPORT) != 0 {
            return Err(self.err(
                format!("name '{name}' is assigned to before {which} declaration"),
                range,
            ));
        }
        if flags & def::USE != 0 {
            return Err(self.err(
                format!("name '{name}' is used prior to {which} declaration"),
                range,
            ));
        }
        if flag == def::NONLOCAL && flags & def::TYPE_PARAM != 0 {
            return Err(self.err(
                format!("nonlocal binding not allowed for type parameter '{name}'"),
                range,
            ));
        }
        self.add(name, flag);
        if flag == def::NONLOCAL {
            self.cur().nonlocal_at.insert(mangled, range);
        }
        Ok(())
    }

    fn check_await_allowed(&mut self, range: TextRange, what: &str) -> R {
        let kind = self.cur().kind;
        match kind {
            ScopeKind::Module | ScopeKind::Class if !self.allow_top_level_await => {
                let msg = if what == "await" {
                    "'await' outside function".to_string()
                } else {
                    format!("'{what}' outside async function")
                };
                Err(self.err(msg, range))
            }
            ScopeKind::Annotation | ScopeKind::TypeParams | ScopeKind::TypeValue => Err(self.err(
                format!(
                    "{} cannot be used within {}",
                    if what == "await" {
                        "await expression"
                    } else {
                        what
                    },
                    self.annotation_context_name()
                ),
                range,
            )),
            ScopeKind::Comprehension => {
                // An awaiting generator expression is an async generator; an
                // awaiting comprehension is awaited by its caller.
                self.cur().is_coroutine = true;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn annotation_context_name(&self) -> &'static str {
        match self.scopes[self.cur_id()].kind {
            ScopeKind::Annotation => "an annotation",
            ScopeKind::TypeValue => "a type alias",
            _ => "a TypeVar bound",
        }
    }

    /// Annotations of a module or class body go to its `__annotate__` scope.
    fn annotation_scope_expr(&mut self, _stmt: usize, annotation: &Expr) -> R {
        let key = annotations_key(self.cur_id());
        let id = match self.keys.get(&(key, Role::Annotations)) {
            Some(&id) => {
                self.stack.push(id);
                id
            }
            None => {
                let id = self.enter(
                    ScopeKind::Annotation,
                    "__annotate__",
                    key,
                    Role::Annotations,
                );
                self.add_param("format", annotation.range())?;
                id
            }
        };
        let saved = self.in_conditional;
        self.in_conditional = 0;
        let r = self.expr(annotation);
        self.in_conditional = saved;
        debug_assert_eq!(self.cur_id(), id);
        self.stack.pop();
        r
    }

    fn function(&mut self, f: &ast::StmtFunctionDef) -> R {
        let key = f as *const _ as usize;
        let p = &f.parameters;
        for d in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
            if let Some(d) = &d.default {
                self.expr(d)?;
            }
        }
        if let Some(tp) = &f.type_params {
            let name = format!("<generic parameters of {}>", f.name);
            self.enter(ScopeKind::TypeParams, &name, key, Role::TypeParams);
            if p.posonlyargs
                .iter()
                .chain(&p.args)
                .any(|d| d.default.is_some())
            {
                self.add_param(".defaults", f.range)?;
            }
            if p.kwonlyargs.iter().any(|d| d.default.is_some()) {
                self.add_param(".kwdefaults", f.range)?;
            }
            self.type_params(tp)?;
        }
        let has_annotations = f.returns.is_some() || p.iter().any(|a| a.annotation().is_some());
        if has_annotations {
            self.enter(
                ScopeKind::Annotation,
                "__annotate__",
                key,
                Role::Annotations,
            );
            self.add_param("format", f.range)?;
            for a in p.iter() {
                if let Some(ann) = a.annotation() {
                    self.expr(ann)?;
                }
            }
            if let Some(r) = &f.returns {
                self.expr(r)?;
            }
            self.stack.pop();
        }
        let id = self.enter(ScopeKind::Function, &f.name, key, Role::Body);
        self.scopes[id].is_coroutine = f.is_async;
        self.parameters(p)?;
        let saved = self.in_conditional;
        self.in_conditional = 0;
        self.stmts(&f.body)?;
        self.in_conditional = saved;
        self.stack.pop();
        if f.type_params.is_some() {
            self.stack.pop();
        }
        Ok(())
    }

    /// Parameters in `co_varnames` order: positional, keyword-only, `*args`,
    /// `**kwargs`.
    fn parameters(&mut self, p: &ast::Parameters) -> R {
        for a in p.posonlyargs.iter().chain(&p.args) {
            self.add_param(&a.parameter.name, a.parameter.range)?;
        }
        for a in &p.kwonlyargs {
            self.add_param(&a.parameter.name, a.parameter.range)?;
        }
        if let Some(a) = &p.vararg {
            self.add_param(&a.name, a.range)?;
        }
        if let Some(a) = &p.kwarg {
            self.add_param(&a.name, a.range)?;
        }
        Ok(())
    }

    fn class(&mut self, c: &ast::StmtClassDef) -> R {
        let key = c as *const _ as usize;
        if let Some(tp) = &c.type_params {
            let name = format!("<generic parameters of {}>", c.name);
            self.enter(ScopeKind::TypeParams, &name, key, Role::TypeParams);
            // Type parameters of a class are mangled with its name.
            self.cur().private = Some(c.name.to_string());
            self.add(".type_params", def::LOCAL);
            self.add(".generic_base", def::LOCAL);
            self.type_params(tp)?;
        }
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                self.expr(a)?;
            }
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
            }
        }
        let id = self.enter(ScopeKind::Class, &c.name, key, Role::Body);
        self.scopes[id].private = Some(c.name.to_string());
        if c.type_params.is_some() {
            self.add("__type_params__", def::LOCAL);
            self.add(".type_params", def::USE);
        }
        let saved = self.in_conditional;
        self.in_conditional = 0;
        self.stmts(&c.body)?;
        self.in_conditional = saved;
        if self.scopes[id].has_conditional_annotations {
            self.add("__conditional_annotations__", def::LOCAL);
            let key = (annotations_key(id), Role::Annotations);
            if let Some(&a) = self.keys.get(&key) {
                add_to(&mut self.scopes[a], "__conditional_annotations__", def::USE);
            }
        }
        self.stack.pop();
        if c.type_params.is_some() {
            self.stack.pop();
        }
        Ok(())
    }

    fn type_params(&mut self, tp: &ast::TypeParams) -> R {
        for p in tp.iter() {
            let (name, bound, default, range) = match p {
                ast::TypeParam::TypeVar(t) => {
                    (&t.name, t.bound.as_deref(), t.default.as_deref(), t.range)
                }
                ast::TypeParam::TypeVarTuple(t) => (&t.name, None, t.default.as_deref(), t.range),
                ast::TypeParam::ParamSpec(t) => (&t.name, None, t.default.as_deref(), t.range),
            };
            let mangled = mangle(self.cur().private.as_deref(), name).into_owned();
            if self.cur().flags(&mangled) & def::TYPE_PARAM != 0 {
                return Err(self.err(format!("duplicate type parameter '{name}'"), name.range));
            }
            self.add(name, def::LOCAL | def::TYPE_PARAM);
            let key = p as *const _ as usize;
            for (e, role) in [(bound, Role::Bound), (default, Role::Default)] {
                if let Some(e) = e {
                    self.enter(ScopeKind::TypeValue, name, key, role);
                    self.add_param(".format", range)?;
                    self.expr(e)?;
                    self.stack.pop();
                }
            }
        }
        Ok(())
    }

    fn pattern(&mut self, p: &ast::Pattern) -> R {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(r) = &m.rest {
                    self.add(r, def::LOCAL);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add(n, def::LOCAL);
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add(n, def::LOCAL);
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    fn name(&mut self, n: &ast::ExprName) -> R {
        match n.ctx {
            ast::ExprContext::Load => {
                self.add(&n.id, def::USE);
                if n.id.as_str() == "super" && self.cur().kind == ScopeKind::Function {
                    self.add("__class__", def::USE);
                }
            }
            ast::ExprContext::Store => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.err("cannot assign to __debug__", n.range));
                }
                let mut flag = def::LOCAL;
                if self.in_comp_iter_target {
                    flag |= def::COMP_ITER;
                }
                self.add(&n.id, flag);
            }
            ast::ExprContext::Del => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.err("cannot delete __debug__", n.range));
                }
                self.add(&n.id, def::LOCAL | def::DELETED);
            }
            ast::ExprContext::Invalid => {}
        }
        Ok(())
    }

    fn exprs<'e>(&mut self, es: impl IntoIterator<Item = &'e Expr>) -> R {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.named_target(n)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for d in p.posonlyargs.iter().chain(&p.args).chain(&p.kwonlyargs) {
                        if let Some(d) = &d.default {
                            self.expr(d)?;
                        }
                    }
                }
                self.enter(
                    ScopeKind::Function,
                    "<lambda>",
                    l as *const _ as usize,
                    Role::Body,
                );
                if let Some(p) = &l.parameters {
                    self.parameters(p)?;
                }
                self.expr(&l.body)?;
                self.stack.pop();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.comprehension(e, "<listcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e, "<setcomp>", &c.generators, &[&c.elt], false)?
            }
            Expr::DictComp(c) => {
                self.comprehension(e, "<dictcomp>", &c.generators, &[&c.key, &c.value], false)?
            }
            Expr::Generator(c) => {
                self.comprehension(e, "<genexpr>", &c.generators, &[&c.elt], true)?
            }
            Expr::Await(a) => {
                self.check_await_allowed(a.range, "await")?;
                self.expr(&a.value)?;
            }
            Expr::Yield(y) => {
                self.yield_(y.range)?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_(y.range)?;
                if self.cur().is_coroutine && self.cur().kind == ScopeKind::Function {
                    return Err(self.err("'yield from' inside async function", y.range));
                }
                self.expr(&y.value)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(c.comparators.iter())?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(c.arguments.args.iter())?;
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.interpolated(el)?;
                }
            }
            Expr::TString(t) => {
                for el in t.value.elements() {
                    self.interpolated(el)?;
                }
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => self.name(n)?,
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
        }
        Ok(())
    }

    fn interpolated(&mut self, el: &ast::InterpolatedStringElement) -> R {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.interpolated(el)?;
                }
            }
        }
        Ok(())
    }

    fn yield_(&mut self, range: TextRange) -> R {
        let s = self.cur();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => {
                Err(self.err("'yield' outside function", range))
            }
            ScopeKind::Comprehension => {
                let what = match s.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                Err(self.err(format!("'yield' inside {what}"), range))
            }
            ScopeKind::Annotation | ScopeKind::TypeParams | ScopeKind::TypeValue => {
                let ctx = self.annotation_context_name();
                Err(self.err(
                    format!("yield expression cannot be used within {ctx}"),
                    range,
                ))
            }
            ScopeKind::Function => {
                s.is_generator = true;
                Ok(())
            }
        }
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_genexp: bool,
    ) -> R {
        let first = &generators[0];
        self.expr(&first.iter)?;
        let id = self.enter(
            ScopeKind::Comprehension,
            name,
            node as *const _ as usize,
            Role::Body,
        );
        self.scopes[id].is_genexp = is_genexp;
        self.scopes[id].is_generator = is_genexp;
        self.add_param(".0", first.range)?;
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                if is_genexp {
                    self.scopes[id].is_coroutine = true;
                } else {
                    self.check_await_allowed(g.range, "asynchronous comprehension")?;
                    self.scopes[id].is_coroutine = true;
                }
            }
            self.in_comp_iter_target = true;
            self.expr(&g.target)?;
            self.in_comp_iter_target = false;
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.exprs(&g.ifs)?;
        }
        for e in elts {
            self.expr(e)?;
        }
        self.stack.pop();
        // A comprehension that awaits makes its caller await it.
        if self.scopes[id].is_coroutine && !is_genexp {
            self.check_await_allowed(node.range(), "asynchronous comprehension")?;
        }
        Ok(())
    }

    /// `(x := v)`: in a comprehension the target binds in the enclosing function
    /// (or module).
    fn named_target(&mut self, n: &ast::ExprNamed) -> R {
        let Expr::Name(target) = &*n.target else {
            return self.expr(&n.target);
        };
        if self.cur().kind != ScopeKind::Comprehension {
            return self.name(target);
        }
        // Rebinding an iteration variable of any enclosing comprehension.
        for &sid in self.stack.iter().rev() {
            let s = &self.scopes[sid];
            if s.kind != ScopeKind::Comprehension {
                break;
            }
            if s.flags(&target.id) & def::COMP_ITER != 0 {
                return Err(self.err(
                    format!(
                        "assignment expression cannot rebind comprehension iteration variable '{}'",
                        target.id
                    ),
                    target.range,
                ));
            }
        }
        let mut depth = self.stack.len() - 1;
        while self.scopes[self.stack[depth]].kind == ScopeKind::Comprehension {
            depth -= 1;
        }
        let outer = self.stack[depth];
        match self.scopes[outer].kind {
            ScopeKind::Class => Err(self.err(
                "assignment expression within a comprehension cannot be used in a class body",
                n.range,
            )),
            ScopeKind::Module => {
                for &sid in &self.stack[depth + 1..] {
                    add_to(&mut self.scopes[sid], &target.id, def::GLOBAL);
                }
                add_to(&mut self.scopes[outer], &target.id, def::LOCAL);
                Ok(())
            }
            ScopeKind::Function => {
                let o = &self.scopes[outer];
                let outer_flags = o.flags(&mangle(o.private.as_deref(), &target.id));
                let flag = if outer_flags & def::GLOBAL != 0 {
                    def::GLOBAL
                } else {
                    def::NONLOCAL
                };
                for &sid in &self.stack[depth + 1..] {
                    add_to(&mut self.scopes[sid], &target.id, flag);
                }
                if outer_flags & (def::GLOBAL | def::NONLOCAL) == 0 {
                    add_to(&mut self.scopes[outer], &target.id, def::LOCAL);
                }
                Ok(())
            }
            _ => Err(self.err(
                "assignment expression cannot be used in a comprehension iterable expression",
                n.range,
            )),
        }
    }
}

fn add_to(scope: &mut Scope, name: &str, flag: u32) {
    let name = mangle(scope.private.as_deref(), name).into_owned();
    match scope.index.get(&name) {
        Some(&i) => scope.symbols[i].1.flags |= flag,
        None => {
            scope.index.insert(name.clone(), scope.symbols.len());
            scope.symbols.push((
                name,
                Symbol {
                    flags: flag,
                    scope: NameScope::GlobalImplicit,
                },
            ));
        }
    }
}

/// Resolve the names of scope `id` and its children; returns the names free in
/// it (to be provided by enclosing function scopes).
fn analyze(
    scopes: &mut Vec<Scope>,
    src: &SourceMap,
    id: ScopeId,
    bound: Option<&HashSet<String>>,
    global: &HashSet<String>,
    class_entry: Option<ScopeId>,
) -> Result<HashSet<String>, CompileError> {
    let kind = scopes[id].kind;
    let mut global = global.clone();
    let mut bound_here = bound.cloned();
    let mut local = HashSet::new();
    let mut free = HashSet::new();
    let mut resolved = Vec::with_capacity(scopes[id].symbols.len());
    for (name, sym) in &scopes[id].symbols {
        let f = sym.flags;
        let err = |msg: String| Err(src.syntax_error(msg, TextRange::default()));
        let scope = if f & def::GLOBAL != 0 {
            global.insert(name.clone());
            if let Some(b) = bound_here.as_mut() {
                b.remove(name);
            }
            NameScope::GlobalExplicit
        } else if f & def::NONLOCAL != 0 {
            match &bound_here {
                None => return err("nonlocal declaration not allowed at module level".into()),
                Some(b) if !b.contains(name) => {
                    let range = scopes[id]
                        .nonlocal_at
                        .get(name)
                        .copied()
                        .unwrap_or_default();
                    return Err(
                        src.syntax_error(format!("no binding for nonlocal '{name}' found"), range)
                    );
                }
                _ => {}
            }
            free.insert(name.clone());
            NameScope::Free
        } else if f & def::BOUND != 0 {
            local.insert(name.clone());
            global.remove(name);
            NameScope::Local
        } else if let Some(ce) = class_entry.filter(|_| scopes[id].can_see_class_scope) {
            let cf = scopes[ce].flags(name);
            if cf & def::GLOBAL != 0 {
                NameScope::GlobalExplicit
            } else if cf & def::BOUND != 0 && cf & def::NONLOCAL == 0 {
                NameScope::GlobalImplicit
            } else if bound_here.as_ref().is_some_and(|b| b.contains(name)) {
                free.insert(name.clone());
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            }
        } else if bound_here.as_ref().is_some_and(|b| b.contains(name)) {
            free.insert(name.clone());
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.push(scope);
    }
    for (i, s) in resolved.into_iter().enumerate() {
        scopes[id].symbols[i].1.scope = s;
    }
    // What children see.
    let (child_bound, child_global) = if kind == ScopeKind::Class {
        let mut b = bound.cloned().unwrap_or_default();
        for n in ["__class__", "__classdict__", "__conditional_annotations__"] {
            b.insert(n.to_string());
        }
        (b, global.clone())
    } else {
        let mut b = bound_here.clone().unwrap_or_default();
        if kind.is_function_like() {
            b.extend(local.iter().cloned());
        }
        (b, global.clone())
    };
    let new_class_entry = if kind == ScopeKind::Class {
        Some(id)
    } else {
        class_entry
    };
    let children: Vec<ScopeId> = (id + 1..scopes.len())
        .filter(|&c| scopes[c].parent == Some(id))
        .collect();
    let mut new_free = HashSet::new();
    for c in children {
        let f = analyze(
            scopes,
            src,
            c,
            Some(&child_bound),
            &child_global,
            new_class_entry,
        )?;
        new_free.extend(f);
    }
    if kind.is_function_like() {
        for (name, sym) in scopes[id].symbols.iter_mut() {
            if sym.scope == NameScope::Local && new_free.remove(name) {
                sym.scope = NameScope::Cell;
            }
        }
    } else if kind == ScopeKind::Class {
        if new_free.remove("__class__") {
            scopes[id].needs_class_closure = true;
        }
        if new_free.remove("__classdict__") {
            scopes[id].needs_classdict = true;
        }
        if new_free.remove("__conditional_annotations__") {
            scopes[id].has_conditional_annotations = true;
            if let Some(&i) = scopes[id].index.get("__conditional_annotations__") {
                scopes[id].symbols[i].1.scope = NameScope::Cell;
            }
        }
    }
    // Free names of children not resolved here pass through.
    let is_class = kind == ScopeKind::Class || scopes[id].can_see_class_scope;
    let mut names: Vec<&String> = new_free.iter().collect();
    names.sort();
    for name in names {
        let s = &mut scopes[id];
        if let Some(&i) = s.index.get(name.as_str()) {
            if is_class {
                s.symbols[i].1.flags |= def::FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name.as_str())) || bound.is_none() {
            continue;
        }
        s.index.insert(name.clone(), s.symbols.len());
        s.symbols.push((
            name.clone(),
            Symbol {
                flags: 0,
                scope: NameScope::Free,
            },
        ));
    }
    free.extend(new_free);
    Ok(free)
}
