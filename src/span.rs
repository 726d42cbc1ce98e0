//! Byte spans into the caller's original text.

use core::ops::{Index, Range};

/// A half-open range of UTF-8 **byte** offsets into the caller's original input.
///
/// Every span the crate reports points into the string the caller passed in, never into
/// the cleaned-up text the crate works on internally, so `&input[span]` is always the text
/// as written. Both ends lie on `char` boundaries.
///
/// Note that offsets are bytes, not characters: `"万"` is three bytes long.
///
/// ```
/// use fupin::Span;
///
/// let text = "贫困人口3万余人";
/// let span = Span::from(12..22);
/// assert_eq!(&text[span], "3万余人");
/// assert_eq!(span.len(), 10);
/// ```
// A span is two offsets forever; adding a field would be a different type.
#[allow(clippy::exhaustive_structs)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (half-open, in bytes).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range<usize>`, for slicing.
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Its length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no bytes.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    /// Slices the string by a span.
    ///
    /// # Panics
    ///
    /// As `&s[a..b]`: when the span is out of bounds or not on char boundaries. Spans
    /// the crate returns for a string are always valid for that string.
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

impl core::fmt::Display for Span {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
