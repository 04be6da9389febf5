//! Source positions and syntax errors: byte offsets from the parser become
//! `Location`s (1-based lines, 0-based byte columns) for instructions, and
//! `CompileError`s (1-based character offsets) with CPython's messages.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, ParseError, ParseErrorType};
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

    /// A parser error, with CPython's wording for the common cases.
    pub fn parse_error(&self, err: &ParseError) -> CompileError {
        use ParseErrorType as P;
        let range = err.location;
        let (kind, msg) = match &err.error {
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
}
