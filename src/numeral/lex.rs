//! Tokens of a numeral: what each character of the (normalized) text means.
//!
//! Arabic numbers are read whole, with nom, as one token; Chinese digits are read as a
//! run, because a run of two or more (`二〇二〇`) is a digit string, while one digit
//! stands before a unit (`二十`).

use crate::lexicon::CharSet;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    combinator::{opt, recognize},
    multi::many0_count,
    sequence::preceded,
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
        if self.scale == 0 {
            // Nothing to normalize: no fraction digits.
            return Decimal::try_from_i128_with_scale(m, 0).ok();
        }
        Decimal::try_from_i128_with_scale(m, self.scale)
            .ok()
            .map(|d| d.normalize())
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
pub(crate) fn chinese_digit(c: char) -> Option<u8> {
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

fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' | '拾' => Some(10),
        '百' | '佰' => Some(100),
        '千' | '仟' => Some(1000),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<u32> {
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

fn is_numeral_char_slow(c: char) -> bool {
    chinese_digit(c).is_some()
        || small_unit(c).is_some()
        || big_unit(c).is_some()
        || matches!(c, '廿' | '卅' | '点' | '點' | '兆')
}

/// The numeral characters other than ASCII digits.
pub(crate) fn numeral_chars() -> &'static CharSet {
    static SET: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| CharSet::from_fn(|c| !c.is_ascii() && is_numeral_char_slow(c)))
}

/// Whether `c` is a digit of either script (not a unit).
pub(crate) fn is_digit_char(c: char) -> bool {
    c.is_ascii_digit() || chinese_digit(c).is_some()
}

type PResult<'a, T> = IResult<&'a [u8], T, ()>;

/// `1,234,567.89`: digits, groups of three after a separator, an optional fraction.
/// Read as bytes: every character of it is ASCII or a full-width separator.
fn arabic_text(i: &[u8]) -> PResult<'_, &[u8]> {
    let digits = || take_while1(|b: u8| b.is_ascii_digit());
    recognize((
        digits(),
        many0_count(preceded(
            alt((tag(&b","[..]), tag("，".as_bytes()))),
            three_digits,
        )),
        opt(preceded(
            alt((tag(&b"."[..]), tag("．".as_bytes()))),
            digits(),
        )),
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
    let n = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    // The common cases: plain digits (17990), or digits, a point and digits (21.6, 7.35,
    // 0.50), at most 18 digits in all (a u64 holds them), with no separator or point
    // after them. The grammar below would read just these, dropping the trailing zeros
    // of the fraction.
    let frac = match bytes.get(n) {
        Some(b'.') => bytes.get(n + 1..).unwrap_or(&[]),
        _ => &[],
    };
    let f = frac.iter().take_while(|b| b.is_ascii_digit()).count();
    let end = if f > 0 { n + 1 + f } else { n };
    if n >= 1 && n + f <= 18 && !matches!(bytes.get(end), Some(b',' | b'.' | 0xEF)) {
        let zeros = frac
            .get(..f)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|&&b| b == b'0')
            .count();
        let kept = f - zeros;
        let digits = bytes
            .get(..n)
            .unwrap_or(&[])
            .iter()
            .chain(frac.get(..kept).unwrap_or(&[]));
        let m = digits.fold(0u64, |m, d| m * 10 + u64::from(d - b'0'));
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
            // '.' and the last byte of '．' (U+FF0E); ',' and the last byte of '，'
            // (U+FF0C). The other bytes of the full-width forms are skipped.
            b'.' | 0x8E => in_frac = true,
            b',' | 0x8C => has_sep = true,
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
