//! Source positions and syntax errors: byte offsets from the parser become
//! `Location`s (1-based lines, 0-based byte columns) for instructions, and
//! `CompileError`s (1-based character offsets) with CPython's messages.

use ruff_python_ast as ast;
use ruff_python_ast::token::{TokenKind, Tokens};
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::Ranged;
use ruff_text_size::{TextRange, TextSize};

use super::{CompileError, ErrorKind};
use crate::bytecode::Location;

/// Line starts of a source, for turning offsets into positions.
pub(crate) struct SourceMap<'a> {
    pub source: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> SourceMap<'a> {
    pub fn new(source: &'a str) -> SourceMap<'a> {
        let mut line_starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceMap {
            source,
            line_starts,
        }
    }

    /// 0-based line of a byte offset, and the offset of that line's start.
    fn line_of(&self, offset: TextSize) -> (usize, u32) {
        let off = u32::from(offset);
        let line = self.line_starts.partition_point(|&s| s <= off) - 1;
        (line, self.line_starts[line])
    }

    pub fn location(&self, range: TextRange) -> Location {
        let (l0, s0) = self.line_of(range.start());
        let (l1, s1) = self.line_of(range.end());
        Location {
            line: l0 as u32 + 1,
            end_line: l1 as u32 + 1,
            col: u32::from(range.start()) - s0,
            end_col: u32::from(range.end()) - s1,
        }
    }

    /// 1-based line and 1-based character column of a byte offset.
    fn line_and_char_col(&self, offset: TextSize) -> (u32, u32) {
        let (line, start) = self.line_of(offset);
        let end = (u32::from(offset) as usize).min(self.source.len());
        let text = self.source.get(start as usize..end).unwrap_or("");
        (line as u32 + 1, text.chars().count() as u32 + 1)
    }

    fn line_text(&self, line: u32) -> Option<String> {
        let start = *self.line_starts.get(line as usize - 1)? as usize;
        let end = self
            .line_starts
            .get(line as usize)
            .map_or(self.source.len(), |&e| e as usize);
        let text = self.source.get(start..end)?;
        let mut text = text.to_string();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        Some(text)
    }

    pub fn error(&self, kind: ErrorKind, msg: impl Into<String>, range: TextRange) -> CompileError {
        let (lineno, offset) = self.line_and_char_col(range.start());
        let (end_lineno, end_offset) = self.line_and_char_col(range.end());
        CompileError {
            kind,
            msg: msg.into(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text: self.line_text(lineno),
        }
    }

    pub fn syntax_error(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        self.error(ErrorKind::SyntaxError, msg, range)
    }

    /// A parser error, with CPython's wording for the common cases. `tokens`
    /// locate unclosed brackets.
    pub fn parse_error(&self, err: &ParseError, tokens: &Tokens) -> CompileError {
        use ParseErrorType as P;
        let mut range = err.location;
        let (kind, msg) = match &err.error {
            P::Lexical(LexicalErrorType::Eof) if unclosed_bracket(tokens).is_some() => {
                let (tok, r) = unclosed_bracket(tokens).unwrap();
                range = r;
                (ErrorKind::SyntaxError, format!("'{tok}' was never closed"))
            }
            P::OtherError(m) if m.starts_with("Expected an indented block after") => {
                let what = m["Expected an indented block after ".len()..].replace('`', "'");
                let (line, _) = self.line_of(range.start());
                let header = (0..line)
                    .rev()
                    .find(|&l| {
                        !self
                            .line_text(l as u32 + 1)
                            .unwrap_or_default()
                            .trim()
                            .is_empty()
                    })
                    .map_or(1, |l| l + 1);
                (
                    ErrorKind::IndentationError,
                    format!("expected an indented block after {what} on line {header}"),
                )
            }
            P::SimpleStatementsOnSameLine if self.statement_starts_with_print(range) => {
                let (line, start) = self.line_of(range.start());
                let text = self.line_text(line as u32 + 1).unwrap_or_default();
                let indent = text.len() - text.trim_start().len();
                let begin = start + indent as u32;
                let end = start + text.trim_end().len() as u32;
                range = TextRange::new(begin.into(), end.into());
                (
                    ErrorKind::SyntaxError,
                    "Missing parentheses in call to 'print'. Did you mean print(...)?".to_string(),
                )
            }
            P::InvalidAssignmentTarget => (
                ErrorKind::SyntaxError,
                format!(
                    "{} here. Maybe you meant '==' instead of '='?",
                    self.target_error(range, "assign to")
                ),
            ),
            P::InvalidDeleteTarget => (ErrorKind::SyntaxError, self.target_error(range, "delete")),
            P::InvalidNamedAssignmentTarget => (
                ErrorKind::SyntaxError,
                self.target_error(range, "use assignment expressions with"),
            ),
            P::InvalidAugmentedAssignmentTarget => {
                let what = match self.expr_at(range) {
                    Some(ast::Expr::Tuple(_)) => "tuple",
                    Some(ast::Expr::List(_)) => "list",
                    _ => "expression",
                };
                (
                    ErrorKind::SyntaxError,
                    format!("'{what}' is an illegal expression for augmented assignment"),
                )
            }
            P::EmptyImportNames => (
                ErrorKind::SyntaxError,
                "Expected one or more names after 'import'".to_string(),
            ),
            P::UnparenthesizedGeneratorExpression => (
                ErrorKind::SyntaxError,
                "Generator expression must be parenthesized".to_string(),
            ),
            P::Lexical(lex) => match lex {
                LexicalErrorType::IndentationError => (
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level".to_string(),
                ),
                LexicalErrorType::UnclosedStringError => (
                    ErrorKind::SyntaxError,
                    "unterminated string literal (detected at line N)".to_string(),
                ),
                LexicalErrorType::Eof => (
                    ErrorKind::SyntaxError,
                    "unexpected EOF while parsing".to_string(),
                ),
                LexicalErrorType::LineContinuationError => (
                    ErrorKind::SyntaxError,
                    "unexpected character after line continuation character".to_string(),
                ),
                LexicalErrorType::InvalidByteLiteral => (
                    ErrorKind::SyntaxError,
                    "bytes can only contain ASCII literal characters".to_string(),
                ),
                LexicalErrorType::UnrecognizedToken { tok } => (
                    ErrorKind::SyntaxError,
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
                ),
                other => (ErrorKind::SyntaxError, other.to_string()),
            },
            P::UnexpectedIndentation => {
                (ErrorKind::IndentationError, "unexpected indent".to_string())
            }
            P::ExpectedToken {
                expected: TokenKind::Indent,
                ..
            } => (
                ErrorKind::IndentationError,
                "expected an indented block".to_string(),
            ),
            P::NonDefaultParamAfterDefaultParam => (
                ErrorKind::SyntaxError,
                "parameter without a default follows parameter with a default".to_string(),
            ),
            P::DuplicateKeywordArgumentError(name) => (
                ErrorKind::SyntaxError,
                format!("keyword argument repeated: {name}"),
            ),
            P::PositionalAfterKeywordArgument => (
                ErrorKind::SyntaxError,
                "positional argument follows keyword argument".to_string(),
            ),
            P::PositionalAfterKeywordUnpacking => (
                ErrorKind::SyntaxError,
                "positional argument follows keyword argument unpacking".to_string(),
            ),
            P::InvalidArgumentUnpackingOrder => (
                ErrorKind::SyntaxError,
                "iterable argument unpacking follows keyword argument unpacking".to_string(),
            ),
            P::IterableUnpackingInComprehension => (
                ErrorKind::SyntaxError,
                "iterable unpacking cannot be used in comprehension".to_string(),
            ),
            _ => (ErrorKind::SyntaxError, "invalid syntax".to_string()),
        };
        let mut e = self.error(kind, msg, range);
        if e.msg.contains("(detected at line N)") {
            e.msg = format!(
                "unterminated string literal (detected at line {})",
                e.lineno
            );
        }
        e
    }

    fn statement_starts_with_print(&self, range: TextRange) -> bool {
        let (line, _) = self.line_of(range.start());
        let text = self.line_text(line as u32 + 1).unwrap_or_default();
        let t = text.trim_start();
        t.starts_with("print ") || t.starts_with("print\t")
    }

    /// The expression at `range`, re-parsed on its own.
    fn expr_at(&self, range: TextRange) -> Option<ast::Expr> {
        let text = self
            .source
            .get(usize::from(range.start())..usize::from(range.end()))?;
        let parsed = ruff_python_parser::parse_expression(text).ok()?;
        Some(*parsed.into_syntax().body)
    }

    /// "cannot assign to function call" and its kin.
    fn target_error(&self, range: TextRange, verb: &str) -> String {
        match self.expr_at(range) {
            Some(e) => super::expr::assign_error(&e, verb),
            None => "invalid syntax".to_string(),
        }
    }
}

/// The innermost bracket left open at the end of the source.
fn unclosed_bracket(tokens: &Tokens) -> Option<(char, TextRange)> {
    let mut open = Vec::new();
    for t in tokens.iter() {
        match t.kind() {
            TokenKind::Lpar => open.push(('(', t.range())),
            TokenKind::Lsqb => open.push(('[', t.range())),
            TokenKind::Lbrace => open.push(('{', t.range())),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                open.pop();
            }
            _ => {}
        }
    }
    open.last().copied()
}
