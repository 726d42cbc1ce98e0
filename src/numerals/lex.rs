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
    combinator::{opt, peek, recognize, verify},
    multi::{many0_count, many1_count},
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

/// An Arabic number as written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Arabic {
    /// All digits as one integer, or `None` when they do not fit.
    pub mantissa: Option<i128>,
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
        let m = self.mantissa?;
        // Already normalized: the readers drop the fraction's trailing zeros, so a
        // mantissa with a scale never ends in 0 (and 0.00 has scale 0).
        debug_assert!(self.scale == 0 || m % 10 != 0);
        Decimal::try_from_i128_with_scale(m, self.scale).ok()
    }
}

/// A run of Chinese digits.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    /// The digits read as a digit string, or `None` when they do not fit.
    pub mantissa: Option<i128>,
    /// Number of digits.
    pub len: usize,
    /// Number of leading zeros (零, 〇, ○).
    pub leading_zeros: usize,
    /// Byte offset of the second character, for error spans.
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

const fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

const fn big_unit(c: char) -> Option<u32> {
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
        || small_unit(c).is_some()
        || big_unit(c).is_some()
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
    let digits = || take_while1(|b: u8| b.is_ascii_digit());
    let spaced = recognize((
        verify(digits(), |d: &[u8]| spaced_lead(d, d.len())),
        many1_count(preceded(tag(&b" "[..]), three_digits)),
    ));
    let separated = recognize((
        digits(),
        many0_count(preceded(
            alt((tag(&b","[..]), tag("，".as_bytes()))),
            three_digits,
        )),
    ));
    let ideographic = terminated(
        preceded(tag("。".as_bytes()), digits()),
        peek(alt((
            tag("%".as_bytes()),
            tag("‰".as_bytes()),
            tag("个百分点".as_bytes()),
            tag("百分点".as_bytes()),
            tag("元".as_bytes()),
            tag("万元".as_bytes()),
            tag("亿元".as_bytes()),
        ))),
    );
    recognize((
        alt((spaced, separated)),
        opt(alt((
            preceded(alt((tag(&b"."[..]), tag("．".as_bytes()))), digits()),
            ideographic,
        ))),
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
            mantissa: Some(i128::from(m)),
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
        mantissa: if frac_digits > 28 {
            None
        } else {
            mantissa.value()
        },
        scale: frac_digits,
        int_digits,
        has_point: in_frac,
        has_sep,
    };
    Some((a, text.len()))
}

/// Reads the token at byte `pos` of `text`.
pub(crate) fn token(text: &str, pos: usize) -> Option<(Tok, usize)> {
    let rest = text.get(pos..)?;
    let c = rest.chars().next()?;
    if c.is_ascii_digit() {
        let (a, len) = arabic(rest)?;
        return Some((Tok::Arabic(a), pos + len));
    }
    let end = pos + c.len_utf8();
    if let Some(u) = small_unit(c) {
        return Some((Tok::Small(u), end));
    }
    if let Some(p) = big_unit(c) {
        return Some((Tok::Big(p), end));
    }
    // 兆 is 10^12 only inside a numeral that goes on (五兆六十二亿); before 瓦 it is mega.
    if c == '兆'
        && rest
            .get(3..)
            .and_then(|r| r.chars().next())
            .is_some_and(|n| chinese_digit(n).is_some())
    {
        return Some((Tok::Big(12), end));
    }
    match c {
        '廿' => return Some((Tok::Tens(2), end)),
        '卅' => return Some((Tok::Tens(3), end)),
        '点' | '點' => return Some((Tok::Point, end)),
        _ => {}
    }
    chinese_digit(c)?;
    let mut run = Run {
        mantissa: Some(0),
        len: 0,
        leading_zeros: 0,
        second: end,
    };
    let mut at = pos;
    for ch in rest.chars() {
        let Some(d) = chinese_digit(ch) else { break };
        if run.len == 1 {
            run.second = at;
        }
        if d == 0 && run.len == run.leading_zeros {
            run.leading_zeros += 1;
        }
        run.len += 1;
        run.mantissa = run
            .mantissa
            .and_then(|m| m.checked_mul(10))
            .and_then(|m| m.checked_add(i128::from(d)));
        at += ch.len_utf8();
    }
    Some((Tok::Run(run), at))
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
            r.map(|(a, n)| (a.mantissa, a.scale, a.int_digits, a.has_point, a.has_sep, n))
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

    #[test]
    fn runs() {
        let Some((Tok::Run(r), end)) = token("二〇二〇年", 0) else {
            panic!()
        };
        assert_eq!((r.mantissa, r.len, end), (Some(2020), 4, 12));
        let Some((Tok::Run(r), _)) = token("零五", 0) else {
            panic!()
        };
        assert_eq!((r.leading_zeros, r.len), (1, 2));
    }
}
