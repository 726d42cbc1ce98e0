//! Tokens of a numeral: what each character of the (normalized) text means.
//!
//! Arabic numbers are read whole, with nom, as one token; Chinese digits are read as a
//! run, because a run of two or more (`二〇二〇`) is a digit string, while one digit
//! stands before a unit (`二十`).

use crate::common::lexicon::CharSet;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    combinator::{map, map_opt, opt, peek, recognize, value, verify},
    error::{ErrorKind, ParseError},
    multi::{fold_many0, many0_count, many1_count},
    sequence::{preceded, terminated},
};
use rust_decimal::Decimal;

/// One token of a numeral, with the byte offset where it ends.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Tok {
    /// An Arabic number: digits, thousands separators, a decimal point.
    Arabic(Arabic),
    /// A run of Chinese digits (零 to 九, 两, capitals).
    Run(Run),
    /// 十, 百, 千 (and 拾, 佰, 仟).
    Small(u32),
    /// 廿 (20) and 卅 (30): a digit and 十 in one character.
    Tens(u8),
    /// 万 (4) or 亿 (8): the power of ten.
    Big(u32),
    /// 点: the Chinese decimal point.
    Point,
}

/// A non-negative integer of at most 96 bits (what a [`Decimal`]'s mantissa holds), or
/// none (it did not fit). Kept in 8-byte words: an `Option<i128>` takes 32 bytes with
/// 16-byte alignment, and every token of a numeral carries one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mantissa {
    lo: u64,
    hi: u32,
    some: bool,
}

impl Mantissa {
    /// `m` when it is from 0 to 2^96 - 1, else none: every reader of a mantissa turns a
    /// larger one into an overflow, as it does a missing one.
    pub(crate) fn new(m: Option<i128>) -> Mantissa {
        match m.map(|v| {
            (
                u64::try_from(v & i128::from(u64::MAX)),
                u32::try_from(v >> 64),
            )
        }) {
            Some((Ok(lo), Ok(hi))) => Mantissa { lo, hi, some: true },
            _ => Mantissa {
                lo: 0,
                hi: 0,
                some: false,
            },
        }
    }

    /// The integer, if it fit.
    pub(crate) fn get(self) -> Option<i128> {
        self.some
            .then(|| i128::from(self.hi) << 64 | i128::from(self.lo))
    }
}

impl core::fmt::Debug for Mantissa {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.get().fmt(f)
    }
}

/// An Arabic number as written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arabic {
    /// All digits as one integer, or none when they do not fit 96 bits.
    pub mantissa: Mantissa,
    /// Digits after the point, trailing zeros dropped.
    pub scale: u32,
    /// Digits before the point, leading zeros included.
    pub int_digits: usize,
    /// Whether it has a decimal point.
    pub has_point: bool,
    /// Whether it has thousands separators.
    pub has_sep: bool,
}

impl Arabic {
    pub(crate) fn value(&self) -> Option<Decimal> {
        let m = self.mantissa.get()?;
        // Already normalized: the readers drop the fraction's trailing zeros, so a
        // mantissa with a scale never ends in 0 (and 0.00 has scale 0).
        debug_assert!(self.scale == 0 || m % 10 != 0);
        Decimal::try_from_i128_with_scale(m, self.scale).ok()
    }
}

/// A run of Chinese digits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    /// The digits read as a digit string, or none when they do not fit 96 bits.
    pub mantissa: Mantissa,
    /// Number of digits.
    pub len: usize,
    /// Number of leading zeros (零, 〇, ○).
    pub leading_zeros: usize,
    /// Byte offset of the second character from the start of the run, for error spans.
    pub second: usize,
}

/// The value of a Chinese digit character, with simplified and capital forms.
/// Traditional forms are mapped to simplified by `normalize` before this; the capital
/// 3 is read in every form because `參` is not simplified (its simplified form 参 is
/// not a numeral).
pub(crate) const fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '两' | '貳' | '兩' | '俩' | '倆' => 2,
        '三' | '叁' | '參' | '叄' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

const fn small_unit_value(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

const fn big_unit_value(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// Whether `c` can start or continue a numeral.
pub(crate) fn is_numeral_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    // One bit test per character: this runs at every character of a document.
    numeral_chars().contains(c)
}

const fn is_numeral_char_slow(c: char) -> bool {
    chinese_digit(c).is_some()
        || small_unit_value(c).is_some()
        || big_unit_value(c).is_some()
        || matches!(c, '廿' | '卅' | '点' | '點' | '兆')
}

/// The numeral characters other than ASCII digits.
pub(crate) fn numeral_chars() -> &'static CharSet {
    static SET: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| CharSet::from_words(&NUMERAL_WORDS))
}

/// The BMP characters of [`numeral_chars`], one bit each (bit `c % 64` of word `c / 64`),
/// computed at compile time: a process does not test every BMP character when it starts.
static NUMERAL_WORDS: [u64; 0x10000 / 64] = {
    let mut words = [0u64; 0x10000 / 64];
    let mut u = 0x80;
    while u < 0x10000 {
        if let Some(c) = char::from_u32(u) {
            if is_numeral_char_slow(c) {
                #[allow(clippy::indexing_slicing)] // compile time: out of bounds fails the build
                {
                    words[u as usize / 64] |= 1 << (u % 64);
                }
            }
        }
        u += 1;
    }
    words
};

/// Whether `c` is a digit of either script (not a unit).
pub(crate) fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit() || chinese_digit(c).is_some()
}

type PResult<'a, T> = IResult<&'a [u8], T, ()>;

/// How many ASCII digits start `i` at `p`.
fn digits_at(i: &[u8], p: usize) -> usize {
    i.get(p..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Exactly three digits at `p`, not followed by a fourth: a thousands group.
pub(crate) fn group_at(i: &[u8], p: usize) -> bool {
    digits_at(i, p) == 3
}

/// What may follow a fraction written after `。` (18。62%, 3。07个百分点, 5。8万元): a
/// percent, percentage points, or yuan. Anything else (a year, a count, a bare number)
/// leaves `。` the full stop it usually is.
const AFTER_IDEOGRAPHIC_POINT: &[&str] = &["%", "‰", "个百分点", "百分点", "元", "万元", "亿元"];

/// `。` used as a decimal point at `p` (after digits): its length with the fraction
/// digits after it, when digits follow at once and a unit of
/// [`AFTER_IDEOGRAPHIC_POINT`] follows them.
fn ideographic_point(i: &[u8], p: usize) -> Option<usize> {
    if i.get(p..p + 3)? != "。".as_bytes() {
        return None;
    }
    let d = digits_at(i, p + 3);
    let tail = i.get(p + 3 + d..)?;
    (d > 0
        && AFTER_IDEOGRAPHIC_POINT
            .iter()
            .any(|u| tail.starts_with(u.as_bytes())))
    .then_some(3 + d)
}

/// Whether the `。` at byte `p` of `t` is a decimal point (digits right before it, and
/// digits and a percent or yuan right after: 23。45%), as [`arabic`] reads it, so that
/// it ends no sentence.
pub(crate) fn decimal_stop(t: &[u8], p: usize) -> bool {
    p.checked_sub(1)
        .and_then(|b| t.get(b))
        .is_some_and(u8::is_ascii_digit)
        && ideographic_point(t, p).is_some()
}

/// Whether digits at the start of `i`, `n` of them with no fraction, go on past the
/// plain reading: a digit group set apart by a blank (`4 300`), or `。` as a decimal
/// point (`18。62%`).
fn continues(i: &[u8], n: usize) -> bool {
    match i.get(n) {
        Some(b' ') => spaced_lead(i, n) && group_at(i, n + 1),
        Some(0xE3) => ideographic_point(i, n).is_some(),
        _ => false,
    }
}

/// Whether the first `n` digits of `i` may lead digit groups set apart by blanks: one to
/// three digits, not starting with 0 (a typeset thousands group never does).
fn spaced_lead(i: &[u8], n: usize) -> bool {
    (1..=3).contains(&n) && i.first() != Some(&b'0')
}

/// `arabic = int ( "." digits | "。" digits &pct-or-yuan )?`
///
/// The Arabic number at the start of `i`: digits; thousands groups after `,` or `，`
/// (`1,234,567`), or after single blanks (`4 300`, `12 345 678`: a first group of one
/// to three digits, every other of exactly three); an optional fraction after `.`, `．`
/// or, before a percent, percentage points or yuan, `。` (`18。62%`).
///
/// Which way the blank rule leans: a blank joins only groups of exactly three after a
/// first group of one to three digits not starting with 0, so `2019 300人` (a year,
/// then a count), `12 34` and `0 300` stay apart. A blank is every character that
/// clean-up turns into a space (U+0020, U+00A0, U+2009, U+202F, U+3000 …).
fn arabic_text(i: &[u8]) -> PResult<'_, &[u8]> {
    recognize((int, opt(alt((point_fraction, ideographic_fraction))))).parse(i)
}

/// `digits = [0-9]+`
fn digits(i: &[u8]) -> PResult<'_, &[u8]> {
    take_while1(|b: u8| b.is_ascii_digit()).parse(i)
}

/// `int = lead (" " ddd)+ | digits ("," ddd)*`
fn int(i: &[u8]) -> PResult<'_, &[u8]> {
    alt((spaced_groups, separated_groups)).parse(i)
}

/// `lead (" " ddd)+`: digit groups set apart by single blanks (`4 300`, `12 345 678`).
fn spaced_groups(i: &[u8]) -> PResult<'_, &[u8]> {
    recognize((lead, many1_count(preceded(tag(&b" "[..]), three_digits)))).parse(i)
}

/// `lead = one to three digits, not starting with 0`
fn lead(i: &[u8]) -> PResult<'_, &[u8]> {
    verify(digits, |d: &[u8]| spaced_lead(d, d.len())).parse(i)
}

/// `digits ("," ddd)*`: plain digits, or thousands groups after `,` or `，` (`1,234,567`).
fn separated_groups(i: &[u8]) -> PResult<'_, &[u8]> {
    recognize((
        digits,
        many0_count(preceded(
            alt((tag(&b","[..]), tag("，".as_bytes()))),
            three_digits,
        )),
    ))
    .parse(i)
}

/// `"." digits`: the fraction after `.` or the full-width `．`.
fn point_fraction(i: &[u8]) -> PResult<'_, &[u8]> {
    preceded(alt((tag(&b"."[..]), tag("．".as_bytes()))), digits).parse(i)
}

/// `"。" digits &pct-or-yuan`: `。` as a decimal point, only with a percent,
/// percentage points or yuan right after the fraction (`18。62%`, `1。5万元`).
fn ideographic_fraction(i: &[u8]) -> PResult<'_, &[u8]> {
    terminated(preceded(tag("。".as_bytes()), digits), peek(pct_or_yuan)).parse(i)
}

/// `pct-or-yuan = "%" | "‰" | "个百分点" | "百分点" | "元" | "万元" | "亿元"`
fn pct_or_yuan(i: &[u8]) -> PResult<'_, &[u8]> {
    alt((
        tag("%".as_bytes()),
        tag("‰".as_bytes()),
        tag("个百分点".as_bytes()),
        tag("百分点".as_bytes()),
        tag("元".as_bytes()),
        tag("万元".as_bytes()),
        tag("亿元".as_bytes()),
    ))
    .parse(i)
}

/// Exactly three digits not followed by a fourth: a thousands group.
fn three_digits(i: &[u8]) -> PResult<'_, &[u8]> {
    let (rest, d) = take_while1(|b: u8| b.is_ascii_digit()).parse(i)?;
    if d.len() == 3 {
        Ok((rest, d))
    } else {
        Err(nom::Err::Error(()))
    }
}

/// Digits accumulated into an integer: a `u64` while it fits (up to 19 digits), then
/// an `i128`; `None` once even that overflows.
#[derive(Clone, Copy)]
enum Digits {
    Small(u64),
    Big(Option<i128>),
}

impl Digits {
    #[inline]
    fn push(self, d: u8) -> Digits {
        match self {
            Digits::Small(m) => match m.checked_mul(10).and_then(|m| m.checked_add(u64::from(d))) {
                Some(m) => Digits::Small(m),
                None => Digits::Big(
                    i128::from(m)
                        .checked_mul(10)
                        .and_then(|m| m.checked_add(i128::from(d))),
                ),
            },
            Digits::Big(m) => Digits::Big(
                m.and_then(|m| m.checked_mul(10))
                    .and_then(|m| m.checked_add(i128::from(d))),
            ),
        }
    }

    fn value(self) -> Option<i128> {
        match self {
            Digits::Small(m) => Some(i128::from(m)),
            Digits::Big(m) => m,
        }
    }
}

/// Reads the Arabic number at the start of `i`; `None` when `i` does not start with a digit.
pub(crate) fn arabic(i: &str) -> Option<(Arabic, usize)> {
    let bytes = i.as_bytes();
    // The common cases: plain digits (17990), or digits, a point and digits (21.6, 7.35,
    // 0.50), at most 18 digits in all (a u64 holds them), with no separator or point
    // after them. The grammar below would read just these, dropping the trailing zeros
    // of the fraction. One pass counts the digits and accumulates them (the value is
    // used only when there are 18 or fewer).
    let mut n = 0;
    let mut m = 0u64;
    while let Some(&b) = bytes.get(n) {
        if !b.is_ascii_digit() {
            break;
        }
        if n < 18 {
            m = m * 10 + u64::from(b - b'0');
        }
        n += 1;
    }
    // The fraction: its digits are accumulated after the integer's, trailing zeros held
    // back until a digit that is not 0 follows them.
    let mut f = 0;
    let mut kept = 0;
    let mut zeros = 0;
    if bytes.get(n) == Some(&b'.') {
        while let Some(&b) = bytes.get(n + 1 + f) {
            if !b.is_ascii_digit() {
                break;
            }
            f += 1;
            if n + f <= 18 {
                if b == b'0' {
                    zeros += 1;
                } else {
                    for _ in 0..zeros {
                        m *= 10;
                    }
                    m = m * 10 + u64::from(b - b'0');
                    kept += zeros + 1;
                    zeros = 0;
                }
            }
        }
    }
    let end = if f > 0 { n + 1 + f } else { n };
    if n >= 1
        && n + f <= 18
        && !matches!(bytes.get(end), Some(b',' | b'.' | 0xEF))
        && !(f == 0 && matches!(bytes.get(end), Some(b' ' | 0xE3)) && continues(bytes, n))
    {
        let a = Arabic {
            mantissa: Mantissa::new(Some(i128::from(m))),
            scale: u32::try_from(kept).unwrap_or(0),
            int_digits: n,
            has_point: f > 0,
            has_sep: false,
        };
        return Some((a, end));
    }
    arabic_by_grammar(i)
}

/// [`arabic`] without the shortcut for plain digits.
fn arabic_by_grammar(i: &str) -> Option<(Arabic, usize)> {
    let (_, text) = arabic_text(i.as_bytes()).ok()?;
    let mut mantissa = Digits::Small(0);
    let mut int_digits = 0usize;
    let mut frac_digits = 0u32;
    let mut in_frac = false;
    let mut has_sep = false;
    let mut pending_zeros = 0u32;
    for &b in text {
        match b {
            b'0'..=b'9' => {
                let d = b - b'0';
                if in_frac {
                    // Trailing zeros of the fraction are dropped: 1.10 is 1.1.
                    if d == 0 {
                        pending_zeros = pending_zeros.saturating_add(1);
                        continue;
                    }
                    for _ in 0..pending_zeros {
                        mantissa = mantissa.push(0);
                    }
                    frac_digits = frac_digits.saturating_add(pending_zeros + 1);
                    pending_zeros = 0;
                } else {
                    int_digits += 1;
                }
                mantissa = mantissa.push(d);
            }
            // '.' and the last byte of '．' (U+FF0E) and of '。' (U+3002); ',', the
            // last byte of '，' (U+FF0C) and a blank between digit groups. The other
            // bytes of the full-width forms are skipped.
            b'.' | 0x8E | 0x82 => in_frac = true,
            b',' | 0x8C | b' ' => has_sep = true,
            _ => {}
        }
    }
    let a = Arabic {
        mantissa: Mantissa::new(if frac_digits > 28 {
            None
        } else {
            mantissa.value()
        }),
        scale: frac_digits,
        int_digits,
        has_point: in_frac,
        has_sep,
    };
    Some((a, text.len()))
}

/// The error of a rule that does not start at the input: nom's recoverable error.
fn no<'a, T, E: ParseError<&'a str>>(i: &'a str, kind: ErrorKind) -> IResult<&'a str, T, E> {
    Err(nom::Err::Error(E::from_error_kind(i, kind)))
}

/// `arabic`, read as one token of a numeral (see [`arabic`]).
pub(crate) fn arabic_number<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, Arabic, E> {
    // Most tokens are Chinese: one byte answers for them before any reading.
    if !i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return no(i, ErrorKind::Digit);
    }
    match arabic(i) {
        Some((a, n)) => Ok((i.get(n..).unwrap_or(""), a)),
        None => no(i, ErrorKind::Digit),
    }
}

/// The first character of `i`, decoded once (nom's `anychar` also decodes the one after
/// it to find where the rest starts, and a numeral reads many single characters).
pub(crate) fn one_char<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, char, E> {
    match i.chars().next() {
        Some(c) => Ok((i.get(c.len_utf8()..).unwrap_or(""), c)),
        None => no(i, ErrorKind::Eof),
    }
}

/// One Chinese digit: 零 to 九, 〇, 两, the capitals (壹 贰 叁 …).
pub(crate) fn chinese_digit_char<'a, E: ParseError<&'a str>>(
    i: &'a str,
) -> IResult<&'a str, u8, E> {
    map_opt(one_char, chinese_digit).parse(i)
}

/// A run of Chinese digits (`二〇二〇`, `零五`, `三`): one token, a digit string when
/// it has two or more, a coefficient when it has one.
pub(crate) fn digit_run<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, Run, E> {
    let (rest, first) = chinese_digit_char(i)?;
    let start = Run {
        mantissa: Mantissa::new(Some(i128::from(first))),
        len: 1,
        leading_zeros: usize::from(first == 0),
        second: i.len() - rest.len(),
    };
    fold_many0(
        chinese_digit_char,
        move || start,
        |mut run: Run, d| {
            if d == 0 && run.len == run.leading_zeros {
                run.leading_zeros += 1;
            }
            run.len += 1;
            run.mantissa = Mantissa::new(
                run.mantissa
                    .get()
                    .and_then(|m| m.checked_mul(10))
                    .and_then(|m| m.checked_add(i128::from(d))),
            );
            run
        },
    )
    .parse(rest)
}

/// `small-unit = 十 | 百 | 千 | 拾 | 佰 | 仟`, as its multiplier.
pub(crate) fn small_unit<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, u32, E> {
    map_opt(one_char, small_unit_value).parse(i)
}

/// `廿 (二十) | 卅 (三十)`: a digit and 十 in one character, as the digit.
pub(crate) fn tens<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, u8, E> {
    map_opt(one_char, |c| match c {
        '廿' => Some(2),
        '卅' => Some(3),
        _ => None,
    })
    .parse(i)
}

/// `big-unit = 万 | 亿 | 兆`, as its power of ten. 兆 is 10^12 only inside a numeral
/// that goes on with a digit (五兆六十二亿); before 瓦 it is mega.
pub(crate) fn big_unit<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, u32, E> {
    alt((
        map_opt(one_char, big_unit_value),
        value(
            12,
            terminated(verify(one_char, |&c| c == '兆'), peek(chinese_digit_char)),
        ),
    ))
    .parse(i)
}

/// `"点"`: the Chinese decimal point (點 in traditional text).
pub(crate) fn point_mark<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, (), E> {
    value((), verify(one_char, |&c| matches!(c, '点' | '點'))).parse(i)
}

/// A unit of either size, or 廿/卅, as one token: the character is decoded once.
///
/// Agrees with `alt((small_unit, big_unit, tens))` (tested below); numerals meet these
/// at most of their tokens, so one decode instead of three counts.
pub(crate) fn unit_token<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, Tok, E> {
    let (rest, c) = one_char(i)?;
    let tok = match c {
        '十' | '拾' => Tok::Small(10),
        '百' | '佰' => Tok::Small(100),
        '千' | '仟' => Tok::Small(1000),
        '万' | '萬' => Tok::Big(4),
        '亿' | '億' => Tok::Big(8),
        // Rare: 兆 needs a digit after it, 廿 and 卅 are read by their own rule.
        '兆' => return map(big_unit, Tok::Big).parse(i),
        '廿' | '卅' => return map(tens, Tok::Tens).parse(i),
        _ => return no(i, ErrorKind::Char),
    };
    Ok((rest, tok))
}

/// Any one token of a numeral: `arabic`, a run of Chinese digits, a unit or `点`.
pub(crate) fn any_token<'a, E: ParseError<&'a str>>(i: &'a str) -> IResult<&'a str, Tok, E> {
    alt((
        map(arabic_number, Tok::Arabic),
        map(digit_run, Tok::Run),
        unit_token,
        value(Tok::Point, point_mark),
    ))
    .parse(i)
}

/// Reads the token at byte `pos` of `text`.
pub(crate) fn token(text: &str, pos: usize) -> Option<(Tok, usize)> {
    let rest = text.get(pos..)?;
    let (after, tok) = any_token::<()>(rest).ok()?;
    Some((tok, text.len() - after.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compile_time_numeral_set_agrees_with_the_rule_at_every_code_point() {
        let set = numeral_chars();
        let at_run_time = CharSet::from_fn(|c| !c.is_ascii() && is_numeral_char_slow(c));
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let expected = (c as u32) < 0x10000 && !c.is_ascii() && is_numeral_char_slow(c);
            assert_eq!(set.contains(c), expected, "{c:?}");
            assert_eq!(at_run_time.contains(c), expected, "{c:?}");
        }
        assert!(set.contains('万') && set.contains('〇') && !set.contains('1'));
    }

    /// Every numeral's tokens are moved through nom's results: kept small (an
    /// `Option<i128>` mantissa made each 64 bytes, 16-byte aligned).
    #[test]
    fn tokens_stay_small() {
        assert!(core::mem::size_of::<Tok>() <= 40);
        assert_eq!(core::mem::align_of::<Tok>(), 8);
        for m in [Some(0), Some(2020), Some((1i128 << 96) - 1)] {
            assert_eq!(Mantissa::new(m).get(), m);
        }
        for m in [None, Some(1i128 << 96), Some(-1)] {
            assert_eq!(Mantissa::new(m).get(), None);
        }
    }

    #[test]
    fn arabic_forms() {
        let (a, n) = arabic("1,234.50元").unwrap();
        assert_eq!(n, 8);
        assert_eq!(a.value().unwrap().to_string(), "1234.5");
        assert!(a.has_sep && a.has_point);
        let (a, n) = arabic("2014年").unwrap();
        assert_eq!((n, a.int_digits), (4, 4));
        // A separator needs exactly three digits after it.
        let (_, n) = arabic("12,34").unwrap();
        assert_eq!(n, 2);
        let (_, n) = arabic("10..1").unwrap();
        assert_eq!(n, 2);
        assert!(arabic("万").is_none());
    }

    #[test]
    fn fast_reads_agree_with_the_grammar() {
        let key = |r: Option<(Arabic, usize)>| {
            r.map(|(a, n)| {
                (
                    a.mantissa.get(),
                    a.scale,
                    a.int_digits,
                    a.has_point,
                    a.has_sep,
                    n,
                )
            })
        };
        let mut texts: Vec<String> = [
            "7",
            "0042人",
            "123456789012345678",
            "1234567890123456789",
            "12,345",
            "12.5",
            "12，345",
            "12．5",
            "12．",
            "3万",
            "99%",
            "1,23",
            "",
            "万",
            "1.",
            "0",
            "4 300萬",
            "12 345.6",
            "12 345 678元",
            "2019 300人",
            "0 300",
            "012 300",
            "12 34",
            "12 3456",
            "1 234 5678",
            "1,234 567",
            "12.5 300",
            "7 ",
            "7 万",
            "18。62%",
            "3。07个百分点",
            "5。8万元",
            "5。8万人",
            "1200。2019年",
            "1200。",
            "12。%",
            "1 234。5元",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for n in 1..=40 {
            texts.push("9".repeat(n));
            texts.push(format!("{}元", "1".repeat(n)));
        }
        // Decimals: every split of up to 20 digits, trailing zeros, and what may follow.
        for int in 1..=20 {
            for frac in 1..=20 {
                for tail in ["", "万元", ".5", ",5", "，", "．5", "%", "0"] {
                    texts.push(format!("{}.{}{tail}", "9".repeat(int), "1".repeat(frac)));
                    texts.push(format!("{}.{}{tail}", "1".repeat(int), "0".repeat(frac)));
                    texts.push(format!("{}.5{}{tail}", "0".repeat(int), "0".repeat(frac)));
                }
            }
        }
        for t in &texts {
            assert_eq!(key(arabic(t)), key(arabic_by_grammar(t)), "{t}");
        }
        // Digit groups set apart, and 。 as a point before a percent or yuan.
        let len = |t: &str| arabic(t).map(|(_, n)| n);
        for (t, n) in [
            ("4 300萬", 5),
            ("12 345.6", 8),
            ("12 345 678元", 10),
            ("2019 300人", 4),
            ("0 300", 1),
            ("12 34", 2),
            ("12 3456", 2),
            ("1 234 5678", 5),
            ("18。62%", 7),
            ("5。8万人", 1),
            ("1200。2019年", 4),
            ("1 234。5元", 9),
        ] {
            assert_eq!(len(t), Some(n), "{t}");
        }
    }

    type R<'a, T> = IResult<&'a str, T, ()>;

    #[test]
    fn unit_rules() {
        let small = |t| small_unit::<()>(t);
        assert_eq!(small("千瓦"), Ok(("瓦", 1000)));
        assert_eq!(small("拾"), Ok(("", 10)));
        assert_eq!(small("佰万"), Ok(("万", 100)));
        assert!(small("万").is_err());
        let big = |t| big_unit::<()>(t);
        assert_eq!(big("万人"), Ok(("人", 4)));
        assert_eq!(big("億元"), Ok(("元", 8)));
        assert_eq!(big("兆五"), Ok(("五", 12)));
        // 兆 before 瓦 is mega, no numeral unit.
        assert!(big("兆瓦").is_err());
        assert!(big("千").is_err());
        assert_eq!(tens::<()>("廿三"), Ok(("三", 2)));
        assert_eq!(tens::<()>("卅"), Ok(("", 3)));
        assert!(tens::<()>("十").is_err());
        assert_eq!(point_mark::<()>("點五"), Ok(("五", ())));
        assert!(point_mark::<()>(".5").is_err());
    }

    /// The one-decode unit token reads what the three unit rules read, at every
    /// character they know and a few they do not.
    #[test]
    fn unit_token_is_the_three_unit_rules() {
        let key = |r: R<'_, Tok>| r.map(|(rest, t)| (rest.to_owned(), format!("{t:?}")));
        for t in [
            "十", "拾", "百", "佰", "千", "仟", "万", "萬", "亿", "億", "廿", "卅", "兆五", "兆瓦",
            "兆", "点", "一", "人", "", "1",
        ] {
            let three: R<'_, Tok> = alt((
                map(small_unit, Tok::Small),
                map(big_unit, Tok::Big),
                map(tens, Tok::Tens),
            ))
            .parse(t);
            assert_eq!(key(unit_token::<()>(t)), key(three), "{t}");
        }
    }

    #[test]
    fn digit_run_rule() {
        let run = |t| {
            digit_run::<()>(t)
                .map(|(rest, r)| (rest, r.mantissa.get(), r.len, r.leading_zeros, r.second))
        };
        assert_eq!(run("二〇二〇年"), Ok(("年", Some(2020), 4, 0, 3)));
        assert_eq!(run("零五"), Ok(("", Some(5), 2, 1, 3)));
        assert_eq!(run("〇〇七"), Ok(("", Some(7), 3, 2, 3)));
        assert_eq!(run("三"), Ok(("", Some(3), 1, 0, 3)));
        assert_eq!(run("壹万"), Ok(("万", Some(1), 1, 0, 3)));
        let long = "九".repeat(40);
        assert_eq!(run(&long).map(|r| r.1), Ok(None));
        assert!(run("十").is_err());
    }

    #[test]
    fn arabic_rules() {
        type B<'a> = PResult<'a, &'a [u8]>;
        let ok = |r: B<'_>| {
            r.map(|(rest, got)| {
                (
                    String::from_utf8_lossy(got).into_owned(),
                    String::from_utf8_lossy(rest).into_owned(),
                )
            })
            .ok()
        };
        let pair = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(ok(int(b"4 300\xe4\xb8\x87")), pair("4 300", "万"));
        assert_eq!(ok(int(b"2019 300")), pair("2019", " 300"));
        assert_eq!(ok(int(b"1,234,567.5")), pair("1,234,567", ".5"));
        assert_eq!(ok(int(b"12,34")), pair("12", ",34"));
        assert_eq!(ok(lead(b"012")), None);
        assert_eq!(ok(lead(b"12")), pair("12", ""));
        assert_eq!(ok(spaced_groups(b"12 345 678")), pair("12 345 678", ""));
        assert_eq!(ok(spaced_groups(b"12 3456")), None);
        assert_eq!(
            ok(separated_groups("1，234".as_bytes())),
            pair("1，234", "")
        );
        assert_eq!(ok(point_fraction("．50".as_bytes())), pair("50", ""));
        assert_eq!(
            ok(ideographic_fraction("。62%".as_bytes())),
            pair("62", "%")
        );
        assert_eq!(ok(ideographic_fraction("。5万人".as_bytes())), None);
        assert_eq!(ok(pct_or_yuan("个百分点".as_bytes())), pair("个百分点", ""));
        assert_eq!(ok(arabic_text("18。62%".as_bytes())), pair("18。62", "%"));
        assert_eq!(ok(arabic_text(b"x")), None);
    }

    proptest::proptest! {
        /// The shortcut of [`arabic`] for plain digits reads what the grammar reads.
        #[test]
        fn arabic_shortcut_agrees_with_the_grammar(text in "[0-9., ，．。%元万个百分点x]{0,24}") {
            let key = |r: Option<(Arabic, usize)>| {
                r.map(|(a, n)| (a.mantissa.get(), a.scale, a.int_digits, a.has_point, a.has_sep, n))
            };
            proptest::prop_assert_eq!(key(arabic(&text)), key(arabic_by_grammar(&text)));
        }
    }

    #[test]
    fn runs() {
        let Some((Tok::Run(r), end)) = token("二〇二〇年", 0) else {
            panic!()
        };
        assert_eq!((r.mantissa.get(), r.len, end), (Some(2020), 4, 12));
        let Some((Tok::Run(r), _)) = token("零五", 0) else {
            panic!()
        };
        assert_eq!((r.leading_zeros, r.len), (1, 2));
    }
}
