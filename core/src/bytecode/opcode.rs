//! The instruction set: one row per instruction, the single definition every tier
//! reads (the compiler's stack-depth pass, the interpreter's dispatch, the
//! disassembler, later the specializer and the JIT). Semantics follow CPython
//! 3.13's instruction of the same name unless the row says otherwise; the stack
//! picture is `(inputs -- outputs)`, top of stack last.
//!
//! Each row: `NAME = number, caches, (pops, pushes), jump`, where `pops`/`pushes`
//! are expressions in `oparg` for the fall-through path and `jump` is `None` or
//! `Some((pops, pushes))` for the branch taken to the target in the argument.

macro_rules! opcodes {
    (|$oparg:ident| $( $(#[doc = $doc:literal])* $name:ident = $num:literal, $caches:literal,
        ($pop:expr, $push:expr), $jump:expr; )*) => {
        /// An instruction's opcode byte.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Opcode { $( $(#[doc = $doc])* $name = $num, )* }

        impl Opcode {
            /// The opcode for a byte, if it names one.
            pub const fn from_u8(b: u8) -> Option<Opcode> {
                match b { $( $num => Some(Opcode::$name), )* _ => None }
            }
            /// The name `dis` prints.
            pub const fn name(self) -> &'static str {
                match self { $( Opcode::$name => stringify!($name), )* }
            }
            /// Inline cache units that follow the instruction.
            pub const fn cache_entries(self) -> u32 {
                match self { $( Opcode::$name => $caches, )* }
            }
            /// `(pops, pushes)` when execution falls through to the next instruction.
            #[allow(unused_variables)]
            pub fn stack_effect(self, $oparg: u32) -> (u32, u32) {
                match self { $( Opcode::$name => ($pop, $push), )* }
            }
            /// `(pops, pushes)` on the branch to the argument's target; `None` for
            /// instructions that never jump.
            #[allow(unused_variables)]
            pub fn jump_effect(self, $oparg: u32) -> Option<(u32, u32)> {
                match self { $( Opcode::$name => $jump, )* }
            }
        }

        /// Every opcode, in numbering order.
        pub const ALL: &[Opcode] = &[ $( Opcode::$name, )* ];
    };
}

/// `CALL_INTRINSIC_1` functions (CPython 3.12's numbering).
pub mod intrinsic1 {
    /// Interactive mode: `sys.displayhook(value)`; pushes None.
    pub const PRINT: u32 = 1;
    /// `from module import *` into the frame's locals; pushes None.
    pub const IMPORT_STAR: u32 = 2;
    /// Inside a generator's outermost handler: turn a StopIteration (or
    /// StopAsyncIteration in async generators) escaping the body into RuntimeError.
    pub const STOPITERATION_ERROR: u32 = 3;
    pub const ASYNC_GEN_WRAP: u32 = 4;
    pub const UNARY_POSITIVE: u32 = 5;
    pub const LIST_TO_TUPLE: u32 = 6;
    pub const TYPEVAR: u32 = 7;
    pub const PARAMSPEC: u32 = 8;
    pub const TYPEVARTUPLE: u32 = 9;
    pub const SUBSCRIPT_GENERIC: u32 = 10;
    pub const TYPEALIAS: u32 = 11;
}

/// `CALL_INTRINSIC_2` functions (CPython 3.12's numbering; arguments are
/// `(value2, value1)` with value1 on top).
pub mod intrinsic2 {
    pub const PREP_RERAISE_STAR: u32 = 1;
    pub const TYPEVAR_WITH_BOUND: u32 = 2;
    pub const TYPEVAR_WITH_CONSTRAINTS: u32 = 3;
    pub const SET_FUNCTION_TYPE_PARAMS: u32 = 4;
    pub const SET_TYPEPARAM_DEFAULT: u32 = 5;
}

/// `BINARY_OP` arguments (CPython's `NB_*`): the in-place form is the plain one + 13.
pub mod binop {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const INPLACE: u32 = 13;
}

/// `SET_FUNCTION_ATTRIBUTE` flags (CPython 3.14's values).
pub mod funcattr {
    pub const DEFAULTS: u32 = 0x01;
    pub const KWDEFAULTS: u32 = 0x02;
    pub const ANNOTATIONS: u32 = 0x04;
    pub const CLOSURE: u32 = 0x08;
    pub const ANNOTATE: u32 = 0x10;
}

opcodes! { |oparg|
    /// Filler for inline cache units; never executed.
    CACHE = 0, 0, (0, 0), None;
    NOP = 1, 0, (0, 0), None;
    /// Start of a code block (0), after `yield` (1), after `yield from` (2), after
    /// `await` (3): checks the eval breaker (signals, pending calls, stop-the-world).
    RESUME = 2, 0, (0, 0), None;
    /// (value -- )
    POP_TOP = 3, 0, (1, 0), None;
    /// ( -- NULL)
    PUSH_NULL = 4, 0, (0, 1), None;
    /// (bottom, *n-1 items* -- bottom, *items*, bottom): push a new reference to the
    /// n-th item from the top (n >= 1).
    COPY = 5, 0, (oparg, oparg + 1), None;
    /// Exchange the top with the n-th item from the top (n >= 2).
    SWAP = 6, 0, (oparg, oparg), None;
    /// (receiver, value -- value): after a `SEND` loop ends.
    END_SEND = 7, 0, (2, 1), None;

    /// ( -- co_consts[oparg])
    LOAD_CONST = 10, 0, (0, 1), None;
    /// ( -- fast[oparg]); the compiler proves the slot bound.
    LOAD_FAST = 11, 0, (0, 1), None;
    /// ( -- fast[oparg]); UnboundLocalError "cannot access local variable 'x' where
    /// it is not associated with a value" when empty.
    LOAD_FAST_CHECK = 12, 0, (0, 1), None;
    /// ( -- fast[oparg] or NULL), leaving the slot empty (inlined comprehensions).
    LOAD_FAST_AND_CLEAR = 13, 0, (0, 1), None;
    /// (value -- ): fast[oparg] = value.
    STORE_FAST = 14, 0, (1, 0), None;
    /// Empty fast[oparg]; UnboundLocalError when already empty.
    DELETE_FAST = 15, 0, (0, 0), None;
    /// ( -- value): locals, then globals, then builtins; NameError "name 'x' is not
    /// defined". Resolves lazy-import proxies found in globals.
    LOAD_NAME = 16, 0, (0, 1), None;
    STORE_NAME = 17, 0, (1, 0), None;
    DELETE_NAME = 18, 0, (0, 0), None;
    /// ( -- value [, NULL]): names[oparg >> 1] from globals, then builtins; pushes a
    /// NULL after it when oparg & 1. Resolves lazy-import proxies.
    LOAD_GLOBAL = 19, 2, (0, 1 + (oparg & 1)), None;
    STORE_GLOBAL = 20, 0, (1, 0), None;
    DELETE_GLOBAL = 21, 0, (0, 0), None;
    /// ( -- cell contents of fast[oparg]); NameError "cannot access free variable
    /// 'x' where it is not associated with a value in enclosing scope" for free
    /// slots, UnboundLocalError for cell slots.
    LOAD_DEREF = 22, 0, (0, 1), None;
    STORE_DEREF = 23, 0, (1, 0), None;
    DELETE_DEREF = 24, 0, (0, 0), None;
    /// Replace fast[oparg] with a new cell holding its current value (or empty).
    MAKE_CELL = 25, 0, (0, 0), None;
    /// Copy the function's closure cells into the last oparg fast slots.
    COPY_FREE_VARS = 26, 0, (0, 0), None;
    /// (mapping -- value): mapping[name of fast slot oparg], else the cell's contents
    /// (class bodies reading a variable of an enclosing function).
    LOAD_FROM_DICT_OR_DEREF = 27, 0, (1, 1), None;
    /// (mapping -- value): mapping[names[oparg]], else globals, else builtins
    /// (annotation scopes and type-parameter scopes inside classes).
    LOAD_FROM_DICT_OR_GLOBALS = 28, 0, (1, 1), None;
    /// ( -- locals): the frame's locals mapping; SystemError if none.
    LOAD_LOCALS = 29, 0, (0, 1), None;

    /// (owner -- attr): owner.names[oparg >> 1]. With oparg & 1 (a method call
    /// follows): (owner -- method, owner) when the attribute found on the type is a
    /// method descriptor (a Python function, a C method descriptor) not shadowed by
    /// the instance, else (owner -- attr, NULL).
    LOAD_ATTR = 30, 2, (1, 1 + (oparg & 1)), None;
    /// (value, owner -- ): owner.names[oparg] = value.
    STORE_ATTR = 31, 2, (2, 0), None;
    /// (owner -- )
    DELETE_ATTR = 32, 0, (1, 0), None;

    /// (lhs, rhs -- result): the `binop` in oparg (in-place forms try `__iXXX__`).
    BINARY_OP = 40, 1, (2, 1), None;
    /// (container, key -- container[key])
    BINARY_SUBSCR = 41, 1, (2, 1), None;
    /// (value, container, key -- ): container[key] = value.
    STORE_SUBSCR = 42, 1, (3, 0), None;
    /// (container, key -- )
    DELETE_SUBSCR = 43, 0, (2, 0), None;
    /// (container, start, stop -- container[start:stop])
    BINARY_SLICE = 44, 0, (3, 1), None;
    /// (value, container, start, stop -- )
    STORE_SLICE = 45, 0, (4, 0), None;
    /// (start, stop [, step] -- slice): oparg is 2 or 3.
    BUILD_SLICE = 46, 0, (oparg, 1), None;
    UNARY_NEGATIVE = 47, 0, (1, 1), None;
    /// (value -- not value) as a bool.
    UNARY_NOT = 48, 0, (1, 1), None;
    UNARY_INVERT = 49, 0, (1, 1), None;
    /// (lhs, rhs -- result): rich comparison, oparg = Py_LT..Py_GE (0..5); the result
    /// is whatever `__lt__` etc. return (not forced to bool).
    COMPARE_OP = 50, 1, (2, 1), None;
    /// (lhs, rhs -- bool): `is`, or `is not` when oparg == 1.
    IS_OP = 51, 0, (2, 1), None;
    /// (lhs, rhs -- bool): `lhs in rhs`, or `not in` when oparg == 1.
    CONTAINS_OP = 52, 0, (2, 1), None;

    /// (*oparg items* -- tuple)
    BUILD_TUPLE = 60, 0, (oparg, 1), None;
    BUILD_LIST = 61, 0, (oparg, 1), None;
    BUILD_SET = 62, 0, (oparg, 1), None;
    /// (k1, v1, ... kn, vn -- dict) with n = oparg; later keys win.
    BUILD_MAP = 63, 0, (2 * oparg, 1), None;
    /// (*oparg strs* -- str): concatenation of f-string pieces.
    BUILD_STRING = 64, 0, (oparg, 1), None;
    /// (list, *oparg-1 items*, value -- list, *items*): list.append(value); the list
    /// is the oparg-th item below the value (comprehensions).
    LIST_APPEND = 65, 0, (1, 0), None;
    SET_ADD = 66, 0, (1, 0), None;
    /// (dict, ..., key, value -- dict, ...): dict[key] = value, dict oparg below key.
    MAP_ADD = 67, 0, (2, 0), None;
    /// (list, ..., iterable -- list, ...): list.extend(iterable); TypeError "Value
    /// after * must be an iterable, not T" for non-iterables.
    LIST_EXTEND = 68, 0, (1, 0), None;
    SET_UPDATE = 69, 0, (1, 0), None;
    /// (dict, ..., mapping -- dict, ...): dict.update(mapping); TypeError "'T' object
    /// is not a mapping".
    DICT_UPDATE = 70, 0, (1, 0), None;
    /// Like DICT_UPDATE for `**` arguments of a call: duplicate keys raise TypeError
    /// "f() got multiple values for keyword argument 'k'", non-mappings "f()
    /// argument after ** must be a mapping, not T", where f is the callable found
    /// oparg + 2 items below the top.
    DICT_MERGE = 71, 0, (1, 0), None;
    /// (seq -- *oparg items*, first on top): ValueError "too many values to unpack
    /// (expected n)" / "not enough values to unpack (expected n, got m)".
    UNPACK_SEQUENCE = 72, 1, (1, oparg), None;
    /// (seq -- *before*, list, *after*, first on top): oparg = before | after << 8.
    UNPACK_EX = 73, 0, (1, (oparg & 0xff) + (oparg >> 8) + 1), None;

    /// (iterable -- iterator)
    GET_ITER = 80, 0, (1, 1), None;
    /// (iterator -- iterator, next): on exhaustion pops the iterator and jumps to the
    /// target (no END_FOR in this instruction set).
    FOR_ITER = 81, 1, (1, 2), Some((1, 0));
    /// Unconditional jump with no eval-breaker check: forward jumps, and the
    /// backward edge of the `yield from`/`await` send loop (CPython's
    /// JUMP_BACKWARD_NO_INTERRUPT).
    JUMP = 82, 0, (0, 0), Some((0, 0));
    /// Backward jump (loop edge): checks the eval breaker; hotness counter later.
    JUMP_BACKWARD = 83, 1, (0, 0), Some((0, 0));
    /// (cond -- ): jump when false by truth value.
    POP_JUMP_IF_FALSE = 84, 0, (1, 0), Some((1, 0));
    POP_JUMP_IF_TRUE = 85, 0, (1, 0), Some((1, 0));
    POP_JUMP_IF_NONE = 86, 0, (1, 0), Some((1, 0));
    POP_JUMP_IF_NOT_NONE = 87, 0, (1, 0), Some((1, 0));
    /// (value -- ): return from the frame.
    RETURN_VALUE = 88, 0, (1, 0), None;

    /// (code -- function): a function over the frame's globals, named and qualnamed
    /// by the code object.
    MAKE_FUNCTION = 90, 0, (1, 1), None;
    /// (attr, func -- func): set the `funcattr` in oparg.
    SET_FUNCTION_ATTRIBUTE = 91, 0, (2, 1), None;
    /// (callable, self_or_null, *oparg args* -- result): a call with self prepended
    /// when self_or_null is not NULL.
    CALL = 92, 2, (oparg + 2, 1), None;
    /// (callable, self_or_null, *oparg args*, kwnames -- result): the last
    /// len(kwnames) args are keyword values.
    CALL_KW = 93, 2, (oparg + 3, 1), None;
    /// (callable, NULL, args, kwargs if oparg & 1 -- result): args is converted to a
    /// tuple when it is not one ("Value after * must be an iterable, not T"), kwargs
    /// to a dict ("argument after ** must be a mapping, not T").
    CALL_FUNCTION_EX = 94, 0, (3 + (oparg & 1), 1), None;
    /// (value -- result): the `intrinsic1` function in oparg.
    CALL_INTRINSIC_1 = 95, 0, (1, 1), None;
    /// (value2, value1 -- result): the `intrinsic2` function in oparg.
    CALL_INTRINSIC_2 = 96, 0, (2, 1), None;
    /// ( -- builtins.__build_class__); NameError "__build_class__ not found".
    LOAD_BUILD_CLASS = 97, 0, (0, 1), None;
    /// ( -- AssertionError)
    LOAD_ASSERTION_ERROR = 98, 0, (0, 1), None;
    /// Create `__annotations__` in the frame's locals if missing.
    SETUP_ANNOTATIONS = 99, 0, (0, 0), None;

    /// (level, fromlist -- module): `__import__(names[oparg >> 1], globals, locals,
    /// fromlist, level)`; with oparg & 1 the import is lazy (PEP 810): pushes a
    /// lazy-import proxy instead, resolved on first use.
    IMPORT_NAME = 100, 0, (2, 1), None;
    /// (module -- module, attr): `from module import names[oparg >> 1]`, ImportError
    /// "cannot import name 'x' from 'm' (path)"; lazy proxy when oparg & 1.
    IMPORT_FROM = 101, 0, (1, 2), None;

    /// Raise: oparg 0 re-raises the handled exception ("No active exception to
    /// reraise"), 1 raises TOS, 2 raises TOS1 from TOS (cause).
    RAISE_VARARGS = 110, 0, (oparg, 0), None;
    /// (*values*, exc -- ): re-raise exc keeping its traceback; when oparg is set,
    /// the item under exc (oparg-th from top) is the lasti to report.
    RERAISE = 111, 0, (oparg + 1, 0), None;
    /// (exc -- prev_exc, exc): save the handled exception (sys.exception()) and make
    /// exc the handled one.
    PUSH_EXC_INFO = 112, 0, (1, 2), None;
    /// (prev_exc -- ): restore the handled exception.
    POP_EXCEPT = 113, 0, (1, 0), None;
    /// (exc, type -- exc, bool): `except type:`; TypeError "catching classes that do
    /// not inherit from BaseException is not allowed".
    CHECK_EXC_MATCH = 114, 0, (2, 2), None;
    /// (exc, type -- rest, match): `except* type:` split; match is None when nothing
    /// matched.
    CHECK_EG_MATCH = 115, 0, (2, 2), None;
    /// (exit, self_or_null, lasti, prev_exc, exc -- exit, self_or_null, lasti,
    /// prev_exc, exc, result): call `__exit__(type, exc, tb)` (3.13 layout).
    WITH_EXCEPT_START = 116, 0, (5, 6), None;
    /// (mgr -- exit, self_or_null, enter_result): look up `__exit__` and `__enter__`
    /// on the type (TypeError "'T' object does not support the context manager
    /// protocol (missed __exit__ method)"), call `__enter__`. The exit callable and
    /// self_or_null are pushed in the CALL convention (bound method + NULL, or
    /// function + self).
    BEFORE_WITH = 117, 0, (1, 3), None;
    /// As BEFORE_WITH with `__aenter__`/`__aexit__` (the result is awaited next).
    BEFORE_ASYNC_WITH = 118, 0, (1, 3), None;

    /// Turn the frame into a generator, coroutine or async generator object (by
    /// co_flags) and return it; the first instruction of such code blocks, after
    /// MAKE_CELL/COPY_FREE_VARS. The first resumption (`send(None)`, `next()`)
    /// continues after it with the sent value pushed, as every resumption does
    /// (the compiler follows it with POP_TOP).
    RETURN_GENERATOR = 120, 0, (0, 1), None;
    /// (value -- sent): suspend, yielding value; resumes with the sent value.
    /// oparg: 0 for `yield`, 1 inside `yield from`/`await`. `throw()` resumes
    /// the same way (None pushed as the sent value) and then raises at this
    /// instruction, so the handler of a `yield from` (CLEANUP_THROW) finds
    /// (receiver, sent, exc).
    YIELD_VALUE = 121, 0, (1, 1), None;
    /// (receiver, value -- receiver, result): send value into receiver (`next()` when
    /// None for generators/iterators). If the receiver returns, replace TOS with the
    /// return value and jump to the target (pops 1 pushes 1 relative to the inputs:
    /// receiver, retval).
    SEND = 122, 1, (2, 2), Some((2, 2));
    /// (iterable -- iterator): `yield from`: iter(x), except coroutines inside
    /// non-coroutine generators raise TypeError "cannot 'yield from' a coroutine
    /// object in a non-coroutine generator".
    GET_YIELD_FROM_ITER = 123, 0, (1, 1), None;
    /// (iterable -- awaitable): `__await__` result; oparg 1: after __aenter__, 2:
    /// after __aexit__ (for the error message).
    GET_AWAITABLE = 124, 0, (1, 1), None;
    /// (aiterable -- aiterator)
    GET_AITER = 125, 0, (1, 1), None;
    /// (aiter -- aiter, awaitable): `__anext__()` made awaitable.
    GET_ANEXT = 126, 0, (1, 2), None;
    /// (aiter, exc -- ): end an `async for` on StopAsyncIteration, else re-raise.
    END_ASYNC_FOR = 127, 0, (2, 0), None;
    /// (sub_iter, last_sent_val, exc -- None, value): handle an exception thrown
    /// into a `yield from`: StopIteration gives its value, others re-raise.
    CLEANUP_THROW = 128, 0, (3, 2), None;

    /// (subject -- subject, bool): is a mapping (Py_TPFLAGS_MAPPING).
    MATCH_MAPPING = 130, 0, (1, 2), None;
    /// (subject -- subject, bool): is a sequence (Py_TPFLAGS_SEQUENCE).
    MATCH_SEQUENCE = 131, 0, (1, 2), None;
    /// (subject, keys -- subject, keys, values_or_None)
    MATCH_KEYS = 132, 0, (2, 3), None;
    /// (subject, type, names -- attrs_or_None): oparg positional sub-patterns.
    MATCH_CLASS = 133, 0, (3, 1), None;
    /// (subject -- subject, len)
    GET_LEN = 134, 0, (1, 2), None;

    /// (value -- str): `format(value, '')`.
    FORMAT_SIMPLE = 140, 0, (1, 1), None;
    /// (value, spec -- str)
    FORMAT_WITH_SPEC = 141, 0, (2, 1), None;
    /// (value -- converted): oparg 1 `!s`, 2 `!r`, 3 `!a`.
    CONVERT_VALUE = 142, 0, (1, 1), None;
    /// (strings, interpolations -- Template): both tuples (3.14 t-strings).
    BUILD_TEMPLATE = 143, 0, (2, 1), None;
    /// (value, expr_str [, format_spec] -- Interpolation): oparg & 1 says a spec is
    /// present, oparg >> 2 is the conversion (0 none, 1 s, 2 r, 3 a).
    BUILD_INTERPOLATION = 144, 0, (2 + (oparg & 1), 1), None;
}
