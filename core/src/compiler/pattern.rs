//! `match` statements. Each case matches a copy of the subject; a pattern
//! consumes the value on top of the stack and, on failure, jumps to a "fail
//! pop" label that discards whatever the pattern left above the case's base
//! depth before moving on to the next case. Names are bound as soon as their
//! sub-pattern matches (the language leaves bindings of failed cases
//! unspecified).

use std::collections::BTreeSet;

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::codegen::{CResult, Compiler};
use super::unit::Label;
use crate::bytecode::{Constant, Opcode as Op};

/// Failure targets of the pattern being compiled: `pops[k]` is reached with
/// `k` items above `base` and pops them.
struct FailPops {
    base: u32,
    pops: Vec<Label>,
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let irrefutable = case.guard.is_none() && is_irrefutable(&case.pattern);
            if irrefutable && i + 1 < n {
                let msg = match &case.pattern {
                    Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_some() => format!(
                        "name capture '{}' makes remaining patterns unreachable",
                        a.name.as_ref().unwrap()
                    ),
                    Pattern::MatchAs(a) if a.pattern.is_none() => {
                        "wildcard makes remaining patterns unreachable".to_string()
                    }
                    _ => "irrefutable pattern makes remaining patterns unreachable".to_string(),
                };
                return Err(self.err(msg, case.pattern.range()));
            }
            let saved = self.set_loc(case.pattern.range());
            let mut fail = FailPops {
                base: self.depth(),
                pops: Vec::new(),
            };
            self.emit(Op::COPY, 1);
            self.pattern(&case.pattern, &mut fail)?;
            if let Some(g) = &case.guard {
                let target = self.fail_label(&mut fail, 0);
                self.jump_if(g, false, target)?;
            }
            self.op(Op::POP_TOP);
            self.restore_loc(saved);
            self.stmts(&case.body)?;
            self.jump(Op::JUMP, end);
            self.emit_fail_pops(fail);
        }
        // No case matched.
        self.op(Op::POP_TOP);
        self.bind(end);
        Ok(())
    }

    /// The fail label for a jump that pops `pops` items at the current depth.
    fn fail_label(&mut self, f: &mut FailPops, pops: u32) -> Label {
        let k = self.depth().saturating_sub(pops + f.base) as usize;
        while f.pops.len() <= k {
            let l = self.label();
            f.pops.push(l);
        }
        f.pops[k]
    }

    fn fail_jump(&mut self, f: &mut FailPops, op: Op) {
        let pops = op.jump_effect(0).map_or(0, |(p, _)| p);
        let target = self.fail_label(f, pops);
        self.jump(op, target);
    }

    fn emit_fail_pops(&mut self, f: FailPops) {
        for (k, l) in f.pops.into_iter().enumerate().rev() {
            self.bind(l);
            if k > 0 {
                self.op(Op::POP_TOP);
            }
        }
    }

    fn pattern(&mut self, p: &'a Pattern, f: &mut FailPops) -> CResult {
        let saved = self.set_loc(p.range());
        let r = self.pattern_inner(p, f);
        self.restore_loc(saved);
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, f: &mut FailPops) -> CResult {
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Op::COMPARE_OP, 2);
                self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::True,
                    ast::Singleton::False => Constant::False,
                });
                self.emit(Op::IS_OP, 0);
                self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchAs(a) => {
                if let Some(sub) = &a.pattern {
                    self.emit(Op::COPY, 1);
                    self.pattern(sub, f)?;
                }
                match &a.name {
                    Some(n) => self.store_name(n),
                    None => self.op(Op::POP_TOP),
                }
            }
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.store_name(n),
                None => self.op(Op::POP_TOP),
            },
            Pattern::MatchOr(o) => self.or_pattern(o, f)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, s.range, f)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, f)?,
            Pattern::MatchClass(c) => self.class_pattern(c, f)?,
        }
        Ok(())
    }

    fn or_pattern(&mut self, o: &'a ast::PatternMatchOr, f: &mut FailPops) -> CResult {
        let mut names: Option<BTreeSet<String>> = None;
        for alt in &o.patterns {
            let mut n = BTreeSet::new();
            bound_names(alt, &mut n);
            match &names {
                Some(prev) if *prev != n => {
                    return Err(self.err("alternative patterns bind different names", o.range));
                }
                _ => names = Some(n),
            }
        }
        let success = self.label();
        for alt in &o.patterns {
            let mut inner = FailPops {
                base: self.depth(),
                pops: Vec::new(),
            };
            self.emit(Op::COPY, 1);
            self.pattern(alt, &mut inner)?;
            self.op(Op::POP_TOP);
            self.jump(Op::JUMP, success);
            self.emit_fail_pops(inner);
        }
        // Every alternative failed; the subject is still on the stack.
        self.fail_jump(f, Op::JUMP);
        self.bind(success);
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        patterns: &'a [Pattern],
        range: TextRange,
        f: &mut FailPops,
    ) -> CResult {
        let stars: Vec<usize> = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| matches!(p, Pattern::MatchStar(_)))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return Err(self.err("multiple starred names in sequence pattern", range));
        }
        let n = patterns.len() as u32;
        self.op(Op::MATCH_SEQUENCE);
        self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
        match stars.first() {
            None => {
                self.op(Op::GET_LEN);
                self.load_const(Constant::Int(n.into()));
                self.emit(Op::COMPARE_OP, 2);
                self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
                self.emit(Op::UNPACK_SEQUENCE, n);
            }
            Some(&i) => {
                self.op(Op::GET_LEN);
                self.load_const(Constant::Int((n - 1).into()));
                self.emit(Op::COMPARE_OP, 5);
                self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
                let before = i as u32;
                let after = n - 1 - before;
                self.emit(Op::UNPACK_EX, before | (after << 8));
            }
        }
        for p in patterns {
            self.pattern(p, f)?;
        }
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, f: &mut FailPops) -> CResult {
        let n = m.keys.len() as u32;
        self.op(Op::MATCH_MAPPING);
        self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
        if n > 0 {
            self.op(Op::GET_LEN);
            self.load_const(Constant::Int(n.into()));
            self.emit(Op::COMPARE_OP, 5);
            self.fail_jump(f, Op::POP_JUMP_IF_FALSE);
        }
        let mut seen = Vec::new();
        for k in &m.keys {
            if let Some(c) = super::expr::const_value(k) {
                if seen.contains(&c) {
                    let text = &self.src.source[usize::from(k.start())..usize::from(k.end())];
                    return Err(self.err(
                        format!("mapping pattern checks duplicate key ({text})"),
                        k.range(),
                    ));
                }
                seen.push(c);
            } else if !matches!(k, Expr::Attribute(_)) {
                return Err(self.err(
                    "mapping pattern keys may only match literals and attribute lookups",
                    k.range(),
                ));
            }
            self.expr(k)?;
        }
        self.emit(Op::BUILD_TUPLE, n);
        self.op(Op::MATCH_KEYS);
        self.emit(Op::COPY, 1);
        self.fail_jump(f, Op::POP_JUMP_IF_NONE);
        self.emit(Op::UNPACK_SEQUENCE, n);
        for p in &m.patterns {
            self.pattern(p, f)?;
        }
        // (subject, keys)
        match &m.rest {
            Some(rest) => {
                self.emit(Op::BUILD_MAP, 0);
                self.emit(Op::SWAP, 3);
                self.emit(Op::DICT_UPDATE, 2);
                self.emit(Op::UNPACK_SEQUENCE, n);
                let mut size = n;
                while size > 0 {
                    self.emit(Op::COPY, 1 + size);
                    size -= 1;
                    self.emit(Op::SWAP, 2);
                    self.op(Op::DELETE_SUBSCR);
                }
                self.store_name(rest);
            }
            None => {
                self.op(Op::POP_TOP);
                self.op(Op::POP_TOP);
            }
        }
        Ok(())
    }

    fn class_pattern(&mut self, c: &'a ast::PatternMatchClass, f: &mut FailPops) -> CResult {
        let args = &c.arguments;
        let mut names = Vec::new();
        for k in &args.keywords {
            let name = k.attr.to_string();
            if names.contains(&Constant::Str(name.clone().into_bytes())) {
                return Err(self.err(
                    format!("attribute name repeated in class pattern: {name}"),
                    k.attr.range,
                ));
            }
            names.push(Constant::Str(name.into_bytes()));
        }
        self.expr(&c.cls)?;
        self.load_const(Constant::Tuple(names));
        self.emit(Op::MATCH_CLASS, args.patterns.len() as u32);
        self.emit(Op::COPY, 1);
        self.fail_jump(f, Op::POP_JUMP_IF_NONE);
        let total = (args.patterns.len() + args.keywords.len()) as u32;
        self.emit(Op::UNPACK_SEQUENCE, total);
        for p in &args.patterns {
            self.pattern(p, f)?;
        }
        for k in &args.keywords {
            self.pattern(&k.pattern, f)?;
        }
        Ok(())
    }
}

fn is_irrefutable(p: &Pattern) -> bool {
    match p {
        Pattern::MatchAs(a) => a.pattern.as_deref().is_none_or(is_irrefutable),
        Pattern::MatchOr(o) => o.patterns.iter().any(is_irrefutable),
        _ => false,
    }
}

fn bound_names(p: &Pattern, out: &mut BTreeSet<String>) {
    match p {
        Pattern::MatchValue(_) | Pattern::MatchSingleton(_) => {}
        Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| bound_names(p, out)),
        Pattern::MatchMapping(m) => {
            m.patterns.iter().for_each(|p| bound_names(p, out));
            if let Some(r) = &m.rest {
                out.insert(r.to_string());
            }
        }
        Pattern::MatchClass(c) => {
            c.arguments
                .patterns
                .iter()
                .for_each(|p| bound_names(p, out));
            c.arguments
                .keywords
                .iter()
                .for_each(|k| bound_names(&k.pattern, out));
        }
        Pattern::MatchStar(s) => {
            if let Some(n) = &s.name {
                out.insert(n.to_string());
            }
        }
        Pattern::MatchAs(a) => {
            if let Some(p) = &a.pattern {
                bound_names(p, out);
            }
            if let Some(n) = &a.name {
                out.insert(n.to_string());
            }
        }
        Pattern::MatchOr(o) => {
            if let Some(first) = o.patterns.first() {
                bound_names(first, out);
            }
        }
    }
}
