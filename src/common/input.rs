//! The edges of an input: blanks around it, characters a page lost, and the error for
//! a character that was not expected.

use crate::common::chars::Quoted;
use crate::{Normalized, ParseError, ParseErrorKind, Span};

/// Blank characters that may surround a whole-string input or stand between a number
/// and its unit.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// The bounds of `t` without leading and trailing blanks.
pub(crate) fn trim_bounds(t: &str) -> (usize, usize) {
    // Most inputs have no blank at either end: the first and last characters answer.
    let (Some(first), Some(last)) = (t.chars().next(), t.chars().next_back()) else {
        return (0, 0);
    };
    if !is_blank(first) && !is_blank(last) {
        return (0, t.len());
    }
    let start = t.len() - t.trim_start_matches(is_blank).len();
    let end = t.trim_end_matches(is_blank).len();
    (start, end.max(start))
}

/// A character that stands in for one a page lost: `?` or U+FFFD.
pub(crate) fn is_damage(c: char) -> bool {
    matches!(c, '?' | '\u{FFFD}')
}

/// Whether a damage character ([`is_damage`]) stands in `s`. Reads bytes: `?` is one,
/// and U+FFFD (EF BF BD) is the only damage character with a lead byte 0xEF, which
/// cleaned-up text rarely holds, so characters are decoded only after such a byte.
pub(crate) fn has_damage(s: &str) -> bool {
    s.bytes().any(|b| b == b'?' || b == 0xEF) && s.chars().any(is_damage)
}

/// Whether the character that ends at byte `p` of `t` is a damage character.
pub(crate) fn damage_ends_at(t: &str, p: usize) -> bool {
    let b = t.as_bytes();
    match p.checked_sub(1).and_then(|k| b.get(k)) {
        Some(b'?') => true,
        Some(0xBD) => p
            .checked_sub(3)
            .and_then(|k| b.get(k..p))
            .is_some_and(|w| w == "\u{FFFD}".as_bytes()),
        _ => false,
    }
}

/// A `Damaged` error when a `?` or U+FFFD stands in `t[start..end]`.
pub(crate) fn check_damaged(t: &str, start: usize, end: usize) -> Result<(), ParseError> {
    let Some(s) = t.get(start..end) else {
        return Ok(());
    };
    // Most inputs have none: a look at each byte for `?` and U+FFFD's lead byte answers
    // before any character is decoded (inputs are short: a plain loop beats a SIMD
    // search's set-up).
    let Some(first) = s.bytes().position(|b| b == b'?' || b == 0xEF) else {
        return Ok(());
    };
    let s = s.get(first..).unwrap_or("");
    let start = start + first;
    match s.char_indices().find(|&(_, c)| is_damage(c)) {
        Some((i, c)) => Err(ParseError::new(
            ParseErrorKind::Damaged,
            Span::new(start + i, start + i + c.len_utf8()),
            // U+FFFD is named, not printed: a message never holds a broken character.
            if c == '\u{FFFD}' {
                "damaged number: U+FFFD (the replacement character) stands in place of a character"
                    .into()
            } else {
                format!(
                    "damaged number: {} stands in place of a character",
                    Quoted(c)
                )
            },
        )),
        None => Ok(()),
    }
}

/// An `UnexpectedChar` (or `UnexpectedEnd`) error at `pos`, with `context` saying what
/// was expected.
pub(crate) fn unexpected(t: &str, pos: usize, context: &str) -> ParseError {
    match t.get(pos..).and_then(|r| r.chars().next()) {
        Some(c) => ParseError::new(
            ParseErrorKind::UnexpectedChar(c),
            Span::new(pos, pos + c.len_utf8()),
            format!("unexpected character {} {context}", Quoted(c)),
        ),
        None => ParseError::new(
            ParseErrorKind::UnexpectedEnd,
            Span::new(pos, pos),
            format!("{context}, found end of input"),
        ),
    }
}

/// The bounds of a whole-string input without its blanks: `norm` is `text` cleaned up,
/// `what` what was expected (`"a number"`, `"a quantity"`). An `Empty` error for blank
/// input and a `Damaged` one for a `?` or U+FFFD in it, with spans into `text`.
pub(crate) fn whole_input(
    norm: &Normalized<'_>,
    text: &str,
    what: &str,
) -> Result<(usize, usize), ParseError> {
    let t = norm.as_str();
    let (start, end) = trim_bounds(t);
    if start >= end {
        return Err(ParseError::new(
            ParseErrorKind::Empty,
            norm.source_span(Span::new(start, start)),
            format!("expected {what}, found empty input"),
        ));
    }
    check_damaged(t, start, end).map_err(|e| e.in_original(norm, text))?;
    Ok((start, end))
}
