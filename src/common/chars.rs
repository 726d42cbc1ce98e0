//! Characters at byte offsets of a text, decoded from its bytes.
//!
//! The scanners ask what character stands at (or right before) an offset many times
//! for each figure. ASCII and three-byte characters, nearly every answer in a Chinese
//! report, are decoded by hand; anything else goes through `str`. As with
//! [`str::get`], an offset that is not a character boundary gives `None`.

/// Whether `b` continues a character (10xxxxxx) rather than starting one.
pub(crate) const fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// The code point of the three-byte UTF-8 sequence `b0 b1 b2` (lead byte 0xE0..=0xEF
/// and two continuation bytes).
#[inline]
pub(crate) fn decode3(b0: u8, b1: u8, b2: u8) -> u32 {
    (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F)
}

/// The code point of the three-byte UTF-8 character (U+0800..U+FFFF) that starts at
/// byte `i` of `bytes` (valid UTF-8), if one does.
#[inline]
pub(crate) fn three_byte_at(bytes: &[u8], i: usize) -> Option<u32> {
    match (bytes.get(i), bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(&b0 @ 0xE0..=0xEF), Some(&b1), Some(&b2)) => Some(decode3(b0, b1, b2)),
        _ => None,
    }
}

/// The character starting at byte `pos` of `t`.
#[inline]
pub(crate) fn char_at(t: &str, pos: usize) -> Option<char> {
    let b = t.as_bytes();
    match *b.get(pos)? {
        b0 @ 0..=0x7F => Some(char::from(b0)),
        // The lead byte is matched already: only its two continuation bytes to read.
        b0 @ 0xE0..=0xEF => {
            let (&b1, &b2) = (b.get(pos + 1)?, b.get(pos + 2)?);
            char::from_u32(decode3(b0, b1, b2))
        }
        _ => t.get(pos..).and_then(|r| r.chars().next()),
    }
}

/// The character ending at byte `pos` of `t`.
#[inline]
pub(crate) fn char_before(t: &str, pos: usize) -> Option<char> {
    let b = t.as_bytes();
    // `pos` must be a boundary: the end, or a byte that is not a continuation byte.
    if pos > b.len() || b.get(pos).is_some_and(|&x| (0x80..0xC0).contains(&x)) {
        return None;
    }
    let last = *b.get(pos.checked_sub(1)?)?;
    if last < 0x80 {
        return Some(char::from(last));
    }
    if let Some(&b0 @ 0xE0..=0xEF) = pos.checked_sub(3).and_then(|k| b.get(k)) {
        // Valid UTF-8: the lead byte's two continuation bytes end right at `pos`.
        let (&b1, &b2) = (b.get(pos - 2)?, b.get(pos - 1)?);
        return char::from_u32(decode3(b0, b1, b2));
    }
    t.get(..pos).and_then(|r| r.chars().next_back())
}

/// Whether `t` has `s` (not empty) at byte `pos`.
#[inline]
pub(crate) fn starts(t: &str, pos: usize, s: &str) -> bool {
    // A non-empty `s` starts with a byte that starts a character, so a match is at a
    // character boundary of `t`. Compared byte by byte: `s` is a short word, most texts
    // differ at its first byte, and a call to compare memory would cost more.
    debug_assert!(!s.is_empty());
    t.as_bytes()
        .get(pos..pos.saturating_add(s.len()))
        .is_some_and(|r| r.iter().zip(s.as_bytes()).all(|(a, b)| a == b))
}

/// Whether `s` ends at byte `pos` of `t`: [`starts`] looking back. A match starts at a
/// character boundary (`s` starts with a byte that starts a character); `pos` is one
/// when the caller took it from a character boundary.
#[inline]
pub(crate) fn ends(t: &str, pos: usize, s: &str) -> bool {
    debug_assert!(!s.is_empty());
    pos.checked_sub(s.len())
        .and_then(|k| t.as_bytes().get(k..pos))
        .is_some_and(|r| r.iter().zip(s.as_bytes()).all(|(a, b)| a == b))
}

/// Whether `c` is a CJK ideograph: the unified ideographs, extension A and the
/// compatibility ideographs.
pub(crate) fn is_cjk_char(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// Whether `{c:?}` writes `c` as itself, and so does a string's `{s:?}`: ASCII letters
/// and digits, a few punctuation marks and the CJK unified ideographs (tested against the
/// standard library at every such character).
fn plain_in_debug(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, ' ' | '.' | ',' | '%' | '-' | '+' | '/' | '(' | ')')
        || ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A character as `{c:?}` writes it (`'万'`). Error messages quote the characters they
/// name, and the standard library looks each one up in its tables of printable
/// characters; a CJK ideograph or an ASCII digit is written here without the look-up.
#[derive(Clone, Copy)]
pub(crate) struct Quoted(pub char);

impl core::fmt::Display for Quoted {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if plain_in_debug(self.0) {
            write!(f, "'{}'", self.0)
        } else {
            write!(f, "{:?}", self.0)
        }
    }
}

/// A string as `{s:?}` writes it (`"3斤"`), as [`Quoted`] does for a character.
#[derive(Clone, Copy)]
pub(crate) struct QuotedStr<'a>(pub &'a str);

impl core::fmt::Display for QuotedStr<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.0.chars().all(plain_in_debug) {
            write!(f, "\"{}\"", self.0)
        } else {
            write!(f, "{:?}", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_str_at_every_offset() {
        let t = "a贫困人口3.2万人é\u{301}😀,（12）\u{3000}萬\n";
        for pos in 0..=t.len() + 2 {
            assert_eq!(
                char_at(t, pos),
                t.get(pos..).and_then(|r| r.chars().next()),
                "char_at {pos}"
            );
            assert_eq!(
                char_before(t, pos),
                t.get(..pos).and_then(|r| r.chars().next_back()),
                "char_before {pos}"
            );
            for s in ["贫", "困人", "3", "😀", "萬\n", "\u{301}"] {
                assert_eq!(
                    starts(t, pos, s),
                    t.get(pos..).is_some_and(|r| r.starts_with(s)),
                    "starts {pos} {s}"
                );
                assert_eq!(
                    ends(t, pos, s),
                    t.get(..pos).is_some_and(|r| r.ends_with(s)),
                    "ends {pos} {s}"
                );
            }
        }
    }

    #[test]
    fn quoted_writes_what_debug_writes() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(Quoted(c).to_string(), format!("{c:?}"), "{c:?}");
            if plain_in_debug(c) {
                let s = c.to_string();
                assert_eq!(QuotedStr(&s).to_string(), format!("{s:?}"), "{s:?}");
            }
        }
        for s in ["3斤x", "扶贫 2019", "a\"b", "é\u{301}", "", "\n万"] {
            assert_eq!(QuotedStr(s).to_string(), format!("{s:?}"), "{s:?}");
        }
    }
}
