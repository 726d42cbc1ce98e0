//! The one public parse error.

use crate::Span;

/// What went wrong while parsing a numeral or quantity.
///
/// Returned by [`parse_number`](crate::parse_number), [`parse_quantity`](crate::parse_quantity)
/// and the `FromStr` impls. It says what kind of problem it is ([`ParseError::kind`]) and
/// where in the input ([`ParseError::span`], bytes of the caller's original string).
/// Its `Display` text says what was expected, what was found and where:
///
/// ```
/// let err = fupin::parse_number("十点").unwrap_err();
/// assert_eq!(err.to_string(), "expected a digit after '点', found end of input (bytes 6..6)");
/// assert_eq!(err.kind(), &fupin::ParseErrorKind::UnexpectedEnd);
/// assert_eq!(err.span(), fupin::Span::new(6, 6));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (bytes {span})")]
pub struct ParseError {
    kind: ParseErrorKind,
    span: Span,
    message: String,
}

impl ParseError {
    pub(crate) fn new(kind: ParseErrorKind, span: Span, message: String) -> ParseError {
        ParseError {
            kind,
            span,
            message,
        }
    }

    /// The kind of problem.
    #[must_use]
    pub fn kind(&self) -> &ParseErrorKind {
        &self.kind
    }

    /// Where it is: a byte span of the input that was passed in.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The message without the position suffix.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The error of a parse of `norm` (the cleaned `original`) as an error of
    /// `original`: its span maps back, and a character it quotes is the one the caller
    /// wrote at that span (`億`, not the `亿` it was cleaned to), whole.
    pub(crate) fn in_original(
        mut self,
        norm: &crate::Normalized<'_>,
        original: &str,
    ) -> ParseError {
        let cleaned = self.span;
        self.span = norm.source_span(cleaned);
        if let ParseErrorKind::UnknownUnit(word) = &mut self.kind {
            if let Some(w) = original.get(self.span.range()) {
                w.clone_into(word);
                self.message = format!("unknown unit {w:?} after the number");
            }
            return self;
        }
        let first = |t: &str, at: usize| t.get(at..).and_then(|r| r.chars().next());
        let last = |t: &str, at: usize| t.get(..at).and_then(|r| r.chars().next_back());
        // The character at the span, or (an empty span: "expected a digit after '萬'")
        // the one right before it.
        let (n, o) = if cleaned.start < cleaned.end {
            (
                first(norm.as_str(), cleaned.start),
                first(original, self.span.start),
            )
        } else {
            (
                last(norm.as_str(), cleaned.start),
                last(original, self.span.start),
            )
        };
        if let (Some(n), Some(o)) = (n, o) {
            if n != o {
                self.message = self.message.replace(&format!("{n:?}"), &format!("{o:?}"));
                if let ParseErrorKind::UnexpectedChar(c) = &mut self.kind {
                    if *c == n {
                        *c = o;
                    }
                }
            }
        }
        self
    }
}

/// The kinds of [`ParseError`]. More may be added in a minor release.
///
/// ```
/// use fupin::{ParseErrorKind, parse_number};
/// assert_eq!(parse_number("万万万").unwrap_err().kind(), &ParseErrorKind::Misordered);
/// assert_eq!(parse_number("3x").unwrap_err().kind(), &ParseErrorKind::UnexpectedChar('x'));
/// assert_eq!(parse_number("  ").unwrap_err().kind(), &ParseErrorKind::Empty);
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The input holds no numeral at all (empty or only blanks).
    Empty,
    /// A character that cannot stand where it is (`十一十二`'s second `十` is
    /// [`Misordered`](ParseErrorKind::Misordered); `3x` gives this one with `'x'`).
    UnexpectedChar(char),
    /// The input stops where more was needed (`十点`, `负`, `百分之`).
    UnexpectedEnd,
    /// Numeral parts in an order no number is written in (`万万万`, `十一十二`, `一二三万`).
    Misordered,
    /// The value does not fit the decimal type (more than 28 significant digits, or
    /// beyond ±79228162514264337593543950335).
    Overflow,
    /// The number is damaged: a `?` or U+FFFD (the replacement character) stands in it
    /// or right before it, so any value read from it could be wrong.
    Damaged,
    /// A numeral followed by words that are not a known unit (`parse_quantity("3公斤")`
    /// is fine as a count, but `"3斤x"` is not).
    UnknownUnit(String),
    /// A string that is not one of the names this type displays as (`Unit`, `Approx`,
    /// `IndicatorKind` from `FromStr`).
    UnknownName(String),
}
