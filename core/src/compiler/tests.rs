//! Compiler tests: shapes of the generated code, stack depths, exception
//! tables, and SyntaxErrors against what CPython 3.15 reports.

use super::*;
use crate::bytecode::dis::dis;
use crate::bytecode::{arg_of, op_byte, Constant};

fn compile_ok(src: &str) -> CodeUnit {
    match compile(src, "<test>", Mode::Exec, 0, 0) {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e:?}\n{src}"),
    }
}

fn ops(code: &CodeUnit) -> Vec<Opcode> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.code.len() {
        let op = Opcode::from_u8(op_byte(code.code[i])).unwrap();
        out.push(op);
        i += 1 + op.cache_entries() as usize;
    }
    out
}

fn inner<'c>(code: &'c CodeUnit, name: &str) -> &'c CodeUnit {
    find(code, name).unwrap_or_else(|| panic!("no code named {name}\n{}", dis(code)))
}

fn find<'c>(code: &'c CodeUnit, name: &str) -> Option<&'c CodeUnit> {
    for c in &code.consts {
        if let Constant::Code(c) = c {
            if c.name == name {
                return Some(c);
            }
            if let Some(f) = find(c, name) {
                return Some(f);
            }
        }
    }
    None
}

/// Every jump lands on an instruction and the stack never goes negative along
/// any path (recomputed independently of the emitter's tracking).
fn check_stack(code: &CodeUnit) {
    let n = code.code.len();
    let mut depth: Vec<Option<u32>> = vec![None; n + 1];
    let mut work = vec![(0usize, 0u32)];
    while let Some((i, d)) = work.pop() {
        if i >= n {
            continue;
        }
        if let Some(old) = depth[i] {
            assert_eq!(
                old,
                d,
                "inconsistent depth at {i} in {}\n{}",
                code.qualname,
                dis(code)
            );
            continue;
        }
        depth[i] = Some(d);
        let op = Opcode::from_u8(op_byte(code.code[i])).unwrap();
        let arg = arg_of(code.code[i]);
        let (pops, pushes) = op.stack_effect(arg);
        assert!(
            pops <= d,
            "underflow at {i} ({op:?}) in {}\n{}",
            code.qualname,
            dis(code)
        );
        let after = d - pops + pushes;
        assert!(
            after <= code.stacksize,
            "stacksize too small in {}",
            code.qualname
        );
        if let Some((jp, jpush)) = op.jump_effect(arg) {
            work.push((arg as usize, d - jp + jpush));
        }
        let next = i + 1 + op.cache_entries() as usize;
        if !matches!(
            op,
            Opcode::JUMP
                | Opcode::JUMP_BACKWARD
                | Opcode::RETURN_VALUE
                | Opcode::RAISE_VARARGS
                | Opcode::RERAISE
        ) {
            work.push((next, after));
        }
        for e in &code.exception_table {
            if (e.start as usize) <= i && i < e.end as usize {
                work.push((e.handler as usize, e.depth + e.push_lasti as u32 + 1));
            }
        }
    }
    for c in &code.consts {
        if let Constant::Code(c) = c {
            check_stack(c);
        }
    }
}

#[test]
fn compiles_basic_module() {
    let code = compile_ok("x = 1\nprint(x + 2)\n");
    let o = ops(&code);
    assert_eq!(o[0], Opcode::RESUME);
    assert!(o.contains(&Opcode::BINARY_OP));
    assert_eq!(*o.last().unwrap(), Opcode::RETURN_VALUE);
    check_stack(&code);
}

#[test]
fn error_messages_match_cpython() {
    let cases: &[(&str, &str, u32, u32)] = &[
        (
            "def f():\n    lazy import os\n",
            "lazy import not allowed inside functions",
            2,
            5,
        ),
        (
            "class C:\n    lazy import os\n",
            "lazy import not allowed inside classes",
            2,
            5,
        ),
        (
            "try:\n    lazy import os\nexcept: pass\n",
            "lazy import not allowed inside try/except blocks",
            2,
            5,
        ),
        (
            "lazy from x import *\n",
            "lazy from ... import * is not allowed",
            1,
            1,
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
            3,
            5,
        ),
        (
            "def f():\n    print(x)\n    global x\n",
            "name 'x' is used prior to global declaration",
            3,
            5,
        ),
        (
            "def f():\n    def g():\n        nonlocal x\n",
            "no binding for nonlocal 'x' found",
            3,
            9,
        ),
        ("return 1\n", "'return' outside function", 1, 1),
        ("yield 1\n", "'yield' outside function", 1, 1),
        ("await x\n", "'await' outside function", 1, 1),
        ("break\n", "'break' outside loop", 1, 1),
        ("continue\n", "'continue' not properly in loop", 1, 1),
        (
            "def f():\n    await x\n",
            "'await' outside async function",
            2,
            5,
        ),
        (
            "def f(a, a): pass\n",
            "duplicate parameter 'a' in function definition",
            1,
            10,
        ),
        (
            "[(x := 1) for x in y]\n",
            "assignment expression cannot rebind comprehension iteration variable 'x'",
            1,
            3,
        ),
        (
            "class C:\n    [(y := 1) for x in y]\n",
            "assignment expression within a comprehension cannot be used in a class body",
            2,
            7,
        ),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
            1,
            1,
        ),
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
            2,
            5,
        ),
        (
            "x: int\nglobal x\n",
            "annotated name 'x' can't be global",
            2,
            1,
        ),
        (
            "for x in y:\n    pass\nelse:\n    break\n",
            "'break' outside loop",
            4,
            5,
        ),
        (
            "async def f():\n    yield from x\n",
            "'yield from' inside async function",
            2,
            5,
        ),
        (
            "def f():\n    async with x: pass\n",
            "'async with' outside async function",
            2,
            5,
        ),
        (
            "def f():\n    async for x in y: pass\n",
            "'async for' outside async function",
            2,
            5,
        ),
        (
            "def f[T, T](): pass\n",
            "duplicate type parameter 'T'",
            1,
            10,
        ),
        (
            "def f():\n    from x import *\n",
            "import * only allowed at module level",
            2,
            5,
        ),
    ];
    for (src, msg, line, col) in cases {
        let e = compile(src, "<s>", Mode::Exec, 0, 0).expect_err(src);
        assert_eq!(
            (e.msg.as_str(), e.lineno, e.offset),
            (*msg, *line, *col),
            "{src:?}"
        );
    }
}

#[test]
fn whole_language_snippets_compile() {
    let src = r#"
import os, a.b.c as d
from . import x as y
from m import *
lazy import json
def f(a, /, b=1, *c, d, e=2, **g) -> int:
    "doc"
    global q
    q = a
    def inner():
        nonlocal b
        b += 1
        return [i * b for i in c if i]
    return inner
async def co(x):
    async with x as y, x:
        await y
    async for i in x:
        pass
    return [j async for j in x]
async def agen():
    yield 1
def gen():
    x = yield 1
    yield from range(3)
    return x
class K(Base, metaclass=M):
    "doc"
    a: int = 1
    def m(self):
        self.z = 1
        return super().m()
try:
    pass
except (A, B) as e:
    pass
except C:
    pass
else:
    pass
finally:
    pass
try:
    pass
except* ValueError as eg:
    pass
except* TypeError:
    pass
with open(f) as (a, b), g:
    pass
while x:
    if y: break
    else: continue
else:
    pass
for i, *j in k:
    try:
        break
    finally:
        del i
match p:
    case 1 | 2: pass
    case [a, *rest] if a: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=yy): pass
    case str() as s: pass
    case None: pass
    case _: pass
print(f"{x!r:>{w}} {y=} {z:.2f}", t"a{b}c")
assert x, "msg"
x = [*a, *b]; y = {**c, 'k': 1}; z = {1, *s}
f(*a, k=1, **kw)
(w := 10)
lambda q, *r, s=3: q
type Alias[T] = list[T]
def gf[T: int, *Ts, **P](x: T) -> T: return x
class G[T]:
    def m(self) -> T: ...
a[1:2] = b[::3]
a.b += 1; a[i] -= 2
del a[0], a.b
x = -1, 2.5, 3j, not y, ~z, a if b else c, a < b < c
"#;
    let code = compile_ok(src);
    check_stack(&code);
}

#[test]
fn try_finally_layout() {
    let code = compile_ok("try:\n    f()\nfinally:\n    g()\n");
    let o = ops(&code);
    assert!(o.contains(&Opcode::PUSH_EXC_INFO));
    assert!(o.contains(&Opcode::RERAISE));
    assert_eq!(code.exception_table.len(), 2, "{}", dis(&code));
    check_stack(&code);
}

#[test]
fn generator_prologue() {
    let code = compile_ok("def g():\n    yield 1\n");
    let g = inner(&code, "g");
    let o = ops(g);
    assert_eq!(
        &o[..3],
        &[Opcode::RETURN_GENERATOR, Opcode::POP_TOP, Opcode::RESUME]
    );
    assert!(g.flags & crate::bytecode::flags::GENERATOR != 0);
    let last = g.exception_table.last().unwrap();
    assert!(last.push_lasti && last.depth == 0);
}

#[test]
fn closures_and_cells() {
    let code = compile_ok("def f(a):\n    def g():\n        return a\n    return g\n");
    let f = inner(&code, "f");
    assert_eq!(f.localsplus_names, ["a", "g"]);
    assert_eq!(
        f.localsplus_kinds[0],
        crate::bytecode::fast::LOCAL | crate::bytecode::fast::CELL
    );
    let g = inner(&code, "g");
    assert_eq!(g.qualname, "f.<locals>.g");
    assert_eq!(g.localsplus_kinds, [crate::bytecode::fast::FREE]);
    assert_eq!(ops(g)[0], Opcode::COPY_FREE_VARS);
}

#[test]
fn class_body_layout() {
    let code = compile_ok("class C:\n    'd'\n    def m(self):\n        self.x = super().f()\n");
    let c = inner(&code, "C");
    assert!(c.names.contains(&"__classcell__".to_string()));
    assert!(c.names.contains(&"__static_attributes__".to_string()));
    assert!(c
        .consts
        .contains(&Constant::Tuple(vec![Constant::Str(b"x".to_vec())])));
}

/// Compile every `.py` file under `$PY315_LIB` (CPython 3.15's standard
/// library) and check each result's stack discipline. Files CPython itself
/// rejects are skipped by asking it first (run with `--ignored`).
#[test]
#[ignore]
fn compiles_cpython_lib() {
    let Ok(lib) = std::env::var("PY315_LIB") else {
        return;
    };
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(lib)];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                files.push(p);
            }
        }
    }
    files.sort();
    let rejected: std::collections::HashSet<String> = std::env::var("PY315_REJECTS")
        .ok()
        .and_then(|f| std::fs::read_to_string(f).ok())
        .map(|s| s.lines().map(str::to_string).collect())
        .unwrap_or_default();
    let (mut ok, mut failed) = (0, Vec::new());
    for f in &files {
        let name = f.display().to_string();
        if rejected.contains(&name) {
            continue;
        }
        let Ok(src) = std::fs::read_to_string(f) else {
            continue;
        };
        let r = std::panic::catch_unwind(|| {
            compile(&src, &name, Mode::Exec, 0, 0).map(|c| check_stack(&c))
        });
        match r {
            Ok(Ok(())) => ok += 1,
            Ok(Err(e)) => failed.push(format!("{name}:{}:{}: {}", e.lineno, e.offset, e.msg)),
            Err(p) => {
                let msg = p
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failed.push(format!("{name}: panic: {msg}"))
            }
        }
    }
    for f in &failed {
        println!("FAIL {f}");
    }
    println!("compiled {ok} of {} files", ok + failed.len());
    assert!(failed.is_empty());
}

/// `DEBUG_PY=file cargo test ... debug_source -- --ignored --nocapture`
#[test]
#[ignore]
fn debug_source() {
    let Ok(path) = std::env::var("DEBUG_PY") else {
        return;
    };
    let src = std::fs::read_to_string(path).unwrap();
    let code = compile_ok(&src);
    println!("{}", dis(&code));
    check_stack(&code);
}

#[test]
#[ignore]
fn debug_parse_errors() {
    let Ok(path) = std::env::var("DEBUG_PY") else {
        return;
    };
    for src in std::fs::read_to_string(path).unwrap().split("\n#####\n") {
        let p = ruff_python_parser::parse_unchecked(
            src,
            ParseOptions::from(ruff_python_parser::Mode::Module),
        );
        println!("{src:?} => {:?}", p.errors());
    }
}
