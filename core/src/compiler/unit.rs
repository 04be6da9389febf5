//! The instruction buffer of one code block and its assembler.
//!
//! Code generation appends instructions here with symbolic jump targets
//! (`Label`s). The value-stack depth is tracked while emitting, from the opcode
//! table's `stack_effect`/`jump_effect`: a jump records the depth at its target,
//! binding a label takes the recorded depth, and after an unconditional transfer
//! the position is unreachable until a label that something jumps to is bound, so
//! dead code is simply not emitted. Exception handlers are pushed and popped as
//! the code is generated; each instruction remembers the innermost active one,
//! and the assembler turns runs of instructions with the same handler into the
//! exception table.

use std::collections::HashMap;

use crate::bytecode::{encode, CodeUnit, Constant, ExceptionEntry, Location, Opcode};

/// A jump target inside the unit being built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(u32);

struct Instr {
    op: Opcode,
    arg: u32,
    target: Option<Label>,
    loc: Location,
    handler: Option<u32>,
}

/// An exception handler: where to go, the stack depth to unwind to, and whether
/// the raising instruction's offset is pushed under the exception.
#[derive(Clone, Copy)]
struct Handler {
    label: Label,
    depth: u32,
    lasti: bool,
}

pub(crate) struct Unit {
    instrs: Vec<Instr>,
    /// Instruction index each label is bound to.
    bound: Vec<Option<u32>>,
    /// Stack depth on entry to each label, once something reaches it.
    entry_depth: Vec<Option<u32>>,
    /// Current depth; None while the position is unreachable.
    depth: Option<u32>,
    max_depth: u32,
    handlers: Vec<Handler>,
    active: Vec<u32>,
    pub loc: Location,
    pub consts: Vec<Constant>,
    const_index: HashMap<String, u32>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
}

impl Unit {
    pub fn new() -> Unit {
        Unit {
            instrs: Vec::new(),
            bound: Vec::new(),
            entry_depth: Vec::new(),
            depth: Some(0),
            max_depth: 0,
            handlers: Vec::new(),
            active: Vec::new(),
            loc: Location::default(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.bound.push(None);
        self.entry_depth.push(None);
        Label(self.bound.len() as u32 - 1)
    }

    /// Whether code emitted now can run.
    pub fn reachable(&self) -> bool {
        self.depth.is_some()
    }

    /// Current stack depth (0 when unreachable).
    pub fn depth(&self) -> u32 {
        self.depth.unwrap_or(0)
    }

    fn reach(&mut self, label: Label, depth: u32) {
        let slot = &mut self.entry_depth[label.0 as usize];
        debug_assert!(
            slot.is_none() || *slot == Some(depth),
            "inconsistent stack depth at a jump target: {slot:?} vs {depth}"
        );
        *slot = Some(depth);
        self.max_depth = self.max_depth.max(depth);
    }

    pub fn bind(&mut self, label: Label) {
        self.bound[label.0 as usize] = Some(self.instrs.len() as u32);
        if let Some(d) = self.depth {
            self.reach(label, d);
        }
        self.depth = self.entry_depth[label.0 as usize];
    }

    pub fn emit(&mut self, op: Opcode, arg: u32) {
        self.emit_full(op, arg, None);
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label) {
        self.emit_full(op, 0, Some(target));
    }

    fn emit_full(&mut self, op: Opcode, arg: u32, target: Option<Label>) {
        let Some(depth) = self.depth else { return };
        let (pops, pushes) = op.stack_effect(arg);
        debug_assert!(pops <= depth, "stack underflow at {op:?} (depth {depth})");
        if let (Some(t), Some((jp, jpush))) = (target, op.jump_effect(arg)) {
            self.reach(t, depth - jp + jpush);
        }
        let after = depth.saturating_sub(pops) + pushes;
        self.max_depth = self.max_depth.max(after);
        self.depth = if ends_block(op) { None } else { Some(after) };
        self.instrs.push(Instr {
            op,
            arg,
            target,
            loc: self.loc,
            handler: self.active.last().copied(),
        });
    }

    /// Make `label` the handler of the instructions emitted from now on, until the
    /// matching `pop_handler`. `depth` is what the stack is unwound to.
    pub fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) {
        if self.reachable() {
            self.reach(label, depth + lasti as u32 + 1);
        }
        self.handlers.push(Handler {
            label,
            depth,
            lasti,
        });
        self.active.push(self.handlers.len() as u32 - 1);
    }

    pub fn pop_handler(&mut self) -> u32 {
        self.active.pop().expect("handler stack underflow")
    }

    /// Re-activate a handler popped while emitting unwinding code.
    pub fn restore_handler(&mut self, id: u32) {
        self.active.push(id);
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        if let Constant::Code(_) = c {
            self.consts.push(c);
            return self.consts.len() as u32 - 1;
        }
        let key = format!("{c:?}");
        if let Some(&i) = self.const_index.get(&key) {
            return i;
        }
        self.consts.push(c);
        let i = self.consts.len() as u32 - 1;
        self.const_index.insert(key, i);
        i
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        let i = self.names.len() as u32 - 1;
        self.name_index.insert(name.to_string(), i);
        i
    }

    /// Lay out the code: code-unit offsets with caches, jump targets, locations
    /// and the exception table. Fills `code`, `locations`, `exception_table`,
    /// `consts`, `names` and `stacksize` of `out`.
    pub fn assemble(self, out: &mut CodeUnit) {
        let mut offsets = Vec::with_capacity(self.instrs.len() + 1);
        let mut off = 0u32;
        for i in &self.instrs {
            offsets.push(off);
            off += 1 + i.op.cache_entries();
        }
        offsets.push(off);
        let target_of = |l: Label| -> u32 {
            let idx = self.bound[l.0 as usize].expect("jump to an unbound label");
            offsets[idx as usize]
        };
        let mut code = Vec::with_capacity(off as usize);
        let mut locations = Vec::with_capacity(off as usize);
        for i in &self.instrs {
            let arg = match i.target {
                Some(l) => target_of(l),
                None => i.arg,
            };
            code.push(encode(i.op, arg));
            locations.push(i.loc);
            for _ in 0..i.op.cache_entries() {
                code.push(encode(Opcode::CACHE, 0));
                locations.push(i.loc);
            }
        }
        let mut table: Vec<ExceptionEntry> = Vec::new();
        for (n, i) in self.instrs.iter().enumerate() {
            let Some(h) = i.handler else { continue };
            let h = self.handlers[h as usize];
            let handler = target_of(h.label);
            let (start, end) = (offsets[n], offsets[n + 1]);
            if let Some(last) = table.last_mut() {
                if last.end == start
                    && last.handler == handler
                    && last.depth == h.depth
                    && last.push_lasti == h.lasti
                {
                    last.end = end;
                    continue;
                }
            }
            table.push(ExceptionEntry {
                start,
                end,
                handler,
                depth: h.depth,
                push_lasti: h.lasti,
            });
        }
        out.code = code;
        out.locations = locations;
        out.exception_table = table;
        out.consts = self.consts;
        out.names = self.names;
        out.stacksize = self.max_depth;
    }
}

/// Instructions after which control never falls through.
fn ends_block(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP
            | Opcode::JUMP_BACKWARD
            | Opcode::RETURN_VALUE
            | Opcode::RAISE_VARARGS
            | Opcode::RERAISE
    )
}
