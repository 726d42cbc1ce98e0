//! Numerals: every way a Chinese report writes one number, read to an exact decimal.
//!
//! The accepted grammar is documented in `GRAMMAR.md` beside this file, published as
//! [`crate::numeral_grammar`]; a grammar change updates it in the same commit.

pub(crate) mod lex;
mod write;

pub use write::{to_chinese, to_chinese_capital};

use crate::common::chars::char_at;
use crate::common::input::{check_damaged, trim_bounds, unexpected};
use crate::{ParseError, ParseErrorKind, Span};
use lex::{Tok, token};
use rust_decimal::Decimal;

/// A numeral read from text: its value, where it ends and what it looked like.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scanned {
    pub value: Decimal,
    pub end: usize,
    pub shape: Shape,
}

/// What a numeral looked like, for the layers above (years, ranges, bare numbers).
///
/// Kept small (16 bytes): it travels inside every read quantity, and a read of at most
/// 128 bytes is moved by a few register copies instead of a call to `memcpy`. Counts
/// saturate (see [`Shape::count`]); the layers above compare them with small numbers.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Shape {
    /// A plain Arabic integer (no separators, point or units): its digit count.
    pub arabic_int: Option<u16>,
    /// A Chinese digit string (二〇一九) with no point: its length.
    pub digit_string: Option<u16>,
    /// Any 十百千万亿.
    pub has_units: bool,
    /// Any 万 or 亿.
    pub has_big: bool,
    /// One Chinese digit character alone (一, 两).
    pub lone_digit: bool,
    /// Multiplier of the small units right after the last coefficient (百 in 九百亿), 1 if none.
    pub tail_small: u16,
    /// Power of ten of the big units at the very end (亿 in 九百亿 is 8), 0 if none.
    pub tail_big: u8,
    /// Any Arabic digits.
    pub arabic: bool,
    /// Begins with a bare 百, 千 or 万 (千一, 萬九): only whole inputs take these.
    pub bare_lead: bool,
}

impl Shape {
    /// A digit count as kept in a shape: `u16::MAX` stands for that many or more.
    pub fn count(n: usize) -> u16 {
        u16::try_from(n).unwrap_or(u16::MAX)
    }

    /// A small-unit multiplier as kept in a shape, saturating like the product it tracks.
    pub fn small(m: u32) -> u16 {
        u16::try_from(m).unwrap_or(u16::MAX)
    }

    /// A big-unit power as kept in a shape, saturating.
    pub fn big(p: u32) -> u8 {
        u8::try_from(p).unwrap_or(u8::MAX)
    }
}

/// The message of a numeral error, formatted only when a caller asks for it: the
/// extractors meet many failed numerals (一 in words) and drop them unformatted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Message {
    Text(&'static str),
    /// A character that cannot follow the one before it (`None`: it starts the number).
    Misordered(char, Option<char>),
    /// A bare 百/千/万 with nothing after it.
    DigitAfter(char),
    /// 点 followed by something other than a digit (or nothing).
    AfterPoint(Option<char>),
}

pub(crate) const OVERFLOW: &str =
    "number too large for an exact decimal (at most 28 significant digits)";

impl core::fmt::Display for Message {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Message::Text(s) => f.write_str(s),
            Message::Misordered(c, Some(p)) => {
                write!(f, "misordered numeral: {c:?} cannot follow {p:?}")
            }
            Message::Misordered(c, None) => {
                write!(f, "misordered numeral: {c:?} cannot start a number")
            }
            Message::DigitAfter(c) => write!(f, "expected a digit after {c:?}, found end of input"),
            Message::AfterPoint(Some(c)) => write!(f, "expected a digit after '点', found {c:?}"),
            Message::AfterPoint(None) => {
                f.write_str("expected a digit after '点', found end of input")
            }
        }
    }
}

/// A numeral that cannot be read, with the byte span (of the text scanned) at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NumError {
    pub kind: ParseErrorKind,
    pub span: Span,
    pub message: Message,
    /// Where the numeral-like run that failed ends, so that a scanner can skip it.
    pub skip_to: usize,
}

impl NumError {
    pub(crate) fn into_parse_error(self) -> ParseError {
        ParseError::new(self.kind, self.span, self.message.to_string())
    }
}

/// The whole character that starts `span` (a span may end inside a character: only
/// its start is read). A span past the text gives a space, never U+FFFD, so that no
/// message quotes a character the input does not hold.
fn ch(text: &str, span: (usize, usize)) -> char {
    char_at(text, span.0).unwrap_or(' ')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prev {
    Start,
    Coef,
    Small(u32),
    Big,
    Zero,
}

#[derive(Clone, Copy, Debug)]
struct Pending {
    value: Decimal,
    /// One digit character (Chinese or Arabic, no point).
    single: bool,
    /// Written with a decimal point (1.6).
    point: bool,
    /// The unit right before it (as a value), when nothing stood between.
    after_unit: Option<Decimal>,
}

/// The accumulating state of one numeral.
struct Acc<'t> {
    text: &'t str,
    /// Everything at the 亿 level and above.
    yi: Decimal,
    yi_used: bool,
    /// The last 亿 made a compound unit (万亿, 亿亿) or came after 兆: lower 亿 groups
    /// add to it.
    yi_compound: bool,
    /// The 万 group inside the current 亿 group.
    wan: Decimal,
    wan_used: bool,
    /// Below 万.
    section: Decimal,
    /// The last of 十百千 in this section, 0 if none.
    last_small: u32,
    /// The power of the last big unit (4 or 8), 0 if none.
    last_big: u32,
    pending: Option<Pending>,
    prev: Prev,
    prev_span: (usize, usize),
    /// A big unit took a coefficient with a point (10.1万): it fills the lower places,
    /// so nothing may follow.
    closed: bool,
    /// 0: normal; 1: a bare leading 百/千/万 seen, one digit must follow; 2: that
    /// digit seen, only a big unit or the end may follow; 3: done.
    bare: u8,
    shape: Shape,
    tokens: usize,
}

fn pow10(p: u32) -> Decimal {
    // The callers pass 1..=16; 10^28 is the largest power a Decimal holds.
    Decimal::from_i128_with_scale(10i128.pow(p.min(28)), 0)
}

impl Acc<'_> {
    fn err(&self, kind: ParseErrorKind, span: (usize, usize), message: Message) -> NumError {
        NumError {
            kind,
            span: Span::new(span.0, span.1),
            message,
            skip_to: span.1,
        }
    }

    fn misordered(&self, span: (usize, usize)) -> NumError {
        let c = ch(self.text, span);
        // The character right before, the last of the previous token (三 in 一二三万).
        // None when nothing stands before it (亿元: the number starts with 亿).
        let p = self
            .text
            .get(self.prev_span.0..self.prev_span.1)
            .and_then(|s| s.chars().next_back());
        self.err(ParseErrorKind::Misordered, span, Message::Misordered(c, p))
    }

    fn overflow(&self, span: (usize, usize)) -> NumError {
        self.err(ParseErrorKind::Overflow, span, Message::Text(OVERFLOW))
    }

    fn add(&self, a: Decimal, b: Decimal, span: (usize, usize)) -> Result<Decimal, NumError> {
        a.checked_add(b).ok_or_else(|| self.overflow(span))
    }

    fn mul(&self, a: Decimal, b: Decimal, span: (usize, usize)) -> Result<Decimal, NumError> {
        a.checked_mul(b).ok_or_else(|| self.overflow(span))
    }

    /// Takes the pending coefficient; `abbreviate` reads a lone digit right after a unit
    /// of a hundred or more one step lower (三万五 is 35000).
    fn take_pending(
        &mut self,
        abbreviate: bool,
        span: (usize, usize),
    ) -> Result<Decimal, NumError> {
        self.take_pending_below(abbreviate, None, span)
    }

    /// As `take_pending`, abbreviating only after a unit below `below` (百二万: 百 is
    /// below 万, but in 5亿1万 the 1 after 亿 is a plain 1).
    fn take_pending_below(
        &mut self,
        abbreviate: bool,
        below: Option<Decimal>,
        span: (usize, usize),
    ) -> Result<Decimal, NumError> {
        let Some(p) = self.pending.take() else {
            return Ok(Decimal::ZERO);
        };
        match p.after_unit {
            Some(u)
                if abbreviate
                    && p.single
                    && u >= Decimal::ONE_HUNDRED
                    && below.is_none_or(|b| u < b) =>
            {
                let v = self.mul(p.value, u, span)?;
                Ok(v / Decimal::TEN)
            }
            _ => Ok(p.value),
        }
    }

    fn unit_before(&self) -> Option<Decimal> {
        match self.prev {
            Prev::Small(u) => Some(Decimal::from(u)),
            Prev::Big => Some(pow10(self.last_big)),
            _ => None,
        }
    }

    fn coefficient(&mut self, tok: Tok, span: (usize, usize)) -> Result<(), NumError> {
        if self.pending.is_some() || self.bare == 2 || self.shape.digit_string.is_some() {
            return Err(self.misordered(span));
        }
        let after_unit = self.unit_before();
        match tok {
            Tok::Arabic(a) => {
                let value = a.value().ok_or_else(|| self.overflow(span))?;
                self.shape.arabic = true;
                self.shape.arabic_int = (self.prev == Prev::Start && !a.has_point && !a.has_sep)
                    .then_some(Shape::count(a.int_digits));
                self.pending = Some(Pending {
                    value,
                    single: a.int_digits == 1 && !a.has_point,
                    point: a.has_point,
                    after_unit,
                });
                self.prev = Prev::Coef;
            }
            Tok::Run(r) => {
                let mantissa = r.mantissa.ok_or_else(|| self.overflow(span))?;
                let value = Decimal::try_from_i128_with_scale(mantissa, 0)
                    .map_err(|_| self.overflow(span))?;
                if self.prev == Prev::Start {
                    // 二〇二〇 is a digit string; 二 alone a coefficient.
                    if r.len >= 2 {
                        self.shape.digit_string = Some(Shape::count(r.len));
                    } else {
                        self.shape.lone_digit = true;
                    }
                    self.pending = Some(Pending {
                        value,
                        single: r.len == 1,
                        point: false,
                        after_unit: None,
                    });
                    self.prev = Prev::Coef;
                } else if r.leading_zeros == r.len {
                    // 零 between terms marks a gap (一百零五).
                    self.prev = Prev::Zero;
                } else if r.len - r.leading_zeros == 1 {
                    self.pending = Some(Pending {
                        value,
                        single: true,
                        point: false,
                        after_unit: if r.leading_zeros > 0 {
                            None
                        } else {
                            after_unit
                        },
                    });
                    self.prev = Prev::Coef;
                } else {
                    // 一百二三: two digits after a unit.
                    let len = ch(self.text, (r.second, r.second)).len_utf8();
                    // The digit before it is the run's first (二 of 一百二三).
                    self.prev_span = (span.0, r.second);
                    return Err(self.misordered((r.second, r.second + len)));
                }
            }
            _ => {}
        }
        if self.bare == 1 {
            if self.pending.is_some_and(|p| p.single) {
                self.bare = 2;
            } else {
                return Err(self.misordered(span));
            }
        }
        Ok(())
    }

    fn small(
        &mut self,
        u: u32,
        coef: Option<Decimal>,
        span: (usize, usize),
    ) -> Result<(), NumError> {
        if self.shape.digit_string.is_some() || self.bare != 0 {
            return Err(self.misordered(span));
        }
        let c = match (coef, self.pending.is_some()) {
            (Some(_), true) => return Err(self.misordered(span)),
            (Some(c), false) => c,
            (None, true) => self.take_pending(false, span)?,
            (None, false) => match self.prev {
                Prev::Start if u == 10 => Decimal::ONE,
                Prev::Start => {
                    // 千一: a bare leading unit, only in an abbreviated number.
                    self.bare = 1;
                    Decimal::ONE
                }
                Prev::Zero => Decimal::ONE,
                Prev::Big if u == 10 => Decimal::ONE,
                Prev::Small(v) if u == 10 && v > 10 => Decimal::ONE,
                _ => return Err(self.misordered(span)),
            },
        };
        // 零十, 0百: zero is no coefficient of 十, 百 or 千 (零十 read as 0 before).
        if self.last_small != 0 && u >= self.last_small || c.is_zero() {
            return Err(self.misordered(span));
        }
        let term = self.mul(c, Decimal::from(u), span)?;
        self.section = self.add(self.section, term, span)?;
        self.last_small = u;
        self.prev = Prev::Small(u);
        self.shape.has_units = true;
        Ok(())
    }

    /// A big unit; `before_yi` says a 亿 follows at once (this is the first of 亿亿).
    fn big(&mut self, p: u32, span: (usize, usize), before_yi: bool) -> Result<(), NumError> {
        if self.shape.digit_string.is_some() || self.bare == 1 {
            return Err(self.misordered(span));
        }
        let had_pending = self.pending.is_some();
        let pointed = self.pending.is_some_and(|p| p.point);
        let pend = self.take_pending_below(true, Some(pow10(p)), span)?;
        let here = self.add(self.section, pend, span)?;
        let empty_here = !had_pending && self.last_small == 0;
        if p == 12 {
            // 兆 (10^12) stands above every 亿 group.
            if empty_here && !self.wan_used || self.yi_used {
                return Err(self.misordered(span));
            }
            let group = self.add(self.wan, here, span)?;
            self.yi = self.mul(group, pow10(12), span)?;
            self.yi_used = true;
            // Lower 亿 groups add to 兆 (五兆六十二亿), as they do to 万亿.
            self.yi_compound = true;
            self.wan = Decimal::ZERO;
            self.wan_used = false;
        } else if p == 4 {
            if empty_here && self.prev == Prev::Big && self.last_big == 4 && self.bare == 0 {
                // 四万万: 万万 is 亿 in older writing. A third 万 then cannot follow.
                let v = self.mul(self.wan, pow10(4), span)?;
                self.yi = self.add(self.yi, v, span)?;
                self.yi_used = true;
                self.wan = Decimal::ZERO;
                self.wan_used = false;
                self.section = Decimal::ZERO;
                self.last_small = 0;
                self.last_big = 8;
                self.shape.has_units = true;
                self.shape.has_big = true;
                return Ok(());
            }
            if empty_here {
                if self.prev != Prev::Start {
                    return Err(self.misordered(span));
                }
                // 萬九: a bare leading 万, only in an abbreviated number.
                self.bare = 1;
                self.wan = pow10(4);
            } else if self.wan_used {
                return Err(self.misordered(span));
            } else {
                self.wan = self.mul(here, pow10(4), span)?;
            }
            self.wan_used = true;
        } else {
            if empty_here && !self.wan_used && !(self.prev == Prev::Big && self.yi_used) {
                return Err(self.misordered(span));
            }
            let group = self.add(self.wan, here, span)?;
            let scaled = self.mul(group, pow10(8), span)?;
            // After a compound unit (万亿, 亿亿, 兆) a lower 亿 group adds: 一万亿三千亿 is
            // 1.3 × 10^12, 一亿亿二千万亿 is 1.2 × 10^16. Otherwise a second 亿 multiplies
            // all before it: 一亿二千万亿 is also 1.2 × 10^16.
            // The first 亿 of 亿亿 never adds: X亿亿 is X × 10^16 whatever X holds.
            let additive = self.yi_used
                && self.yi_compound
                && !before_yi
                && !group.is_zero()
                && scaled < self.yi;
            // A first 亿 right after 万 makes 万亿; 亿 right after 亿 makes 亿亿.
            let compound = self.prev == Prev::Big
                && !had_pending
                && (self.last_big == 4 && !self.yi_used || self.last_big == 8 && group.is_zero());
            if additive {
                self.yi = self.add(self.yi, scaled, span)?;
            } else {
                // 三亿, 3万亿, and nested 一亿二千万亿 or 亿亿: multiplies all before it.
                let all = self.add(self.yi, group, span)?;
                self.yi = self.mul(all, pow10(8), span)?;
            }
            self.yi_used = true;
            self.yi_compound = compound;
            self.wan = Decimal::ZERO;
            self.wan_used = false;
        }
        if self.bare == 2 {
            self.bare = 3;
        }
        self.closed |= pointed;
        self.section = Decimal::ZERO;
        self.last_small = 0;
        self.last_big = p;
        self.prev = Prev::Big;
        self.shape.has_units = true;
        self.shape.has_big = true;
        Ok(())
    }

    fn total(&mut self, abbreviate: bool, end: usize) -> Result<Decimal, NumError> {
        let span = (end, end);
        let pend = self.take_pending(abbreviate, span)?;
        let v = self.add(self.yi, self.wan, span)?;
        let v = self.add(v, self.section, span)?;
        self.add(v, pend, span)
    }

    /// Keeps `tail_small`/`tail_big` (the unit chain after the last coefficient).
    fn track_tail(&mut self, tok: Tok) {
        let s = &mut self.shape;
        match tok {
            Tok::Arabic(_) | Tok::Run(_) => {
                s.tail_small = 1;
                s.tail_big = 0;
            }
            Tok::Small(u) => {
                if s.tail_big > 0 {
                    s.tail_small = 1;
                    s.tail_big = 0;
                }
                s.tail_small = Shape::small(u32::from(s.tail_small).saturating_mul(u));
            }
            Tok::Tens(_) => {
                s.tail_small = 10;
                s.tail_big = 0;
            }
            Tok::Big(p) => s.tail_big = s.tail_big.saturating_add(Shape::big(p)),
            Tok::Point => {}
        }
    }
}

/// Reads the numeral that starts at byte `start` of `text` (normalized text).
///
/// Returns `Ok(None)` when no numeral starts there, the numeral and where it ends
/// when it reads, and an error (with the end of the numeral-like run, to skip) when the
/// characters there form no number.
#[inline(always)]
pub(crate) fn scan(text: &str, start: usize) -> Result<Option<Scanned>, NumError> {
    // Fast path: a plain Arabic number that nothing numeral follows (the common case).
    // Digits are read straight away, as `token` reads them, without its dispatch.
    let first = if text.as_bytes().get(start).is_some_and(u8::is_ascii_digit) {
        text.get(start..)
            .and_then(lex::arabic)
            .map(|(a, len)| (Tok::Arabic(a), start + len))
    } else {
        token(text, start)
    };
    if first.is_none() {
        // No numeral starts here (the general path would find no token either).
        return Ok(None);
    }
    if let Some((Tok::Arabic(a), end)) = first {
        // Nothing numeral (nor a blank before 万) follows at `k`: the numeral ends there.
        let ends_at =
            |k: usize| !char_at(text, k).is_some_and(|c| lex::is_numeral_char(c) || c == ' ');
        let shape = Shape {
            tail_small: 1,
            arabic: true,
            arabic_int: (!a.has_point && !a.has_sep).then_some(Shape::count(a.int_digits)),
            ..Shape::default()
        };
        if ends_at(end) {
            if let Some(value) = a.value() {
                return Ok(Some(Scanned { value, end, shape }));
            }
        }
        // Arabic digits and one 万 or 亿 that nothing numeral follows (21.6万人, 7.35亿元):
        // the same reading as the general path below, without setting it up.
        if let Some((Tok::Big(p @ (4 | 8)), end)) = token(text, end) {
            if ends_at(end) {
                let value = a
                    .mantissa
                    .and_then(|m| big_times(m, a.scale, p))
                    .or_else(|| a.value()?.checked_mul(pow10(p)).map(|v| v.normalize()));
                if let Some(value) = value {
                    let shape = Shape {
                        tail_big: Shape::big(p),
                        has_units: true,
                        has_big: true,
                        ..shape
                    };
                    return Ok(Some(Scanned { value, end, shape }));
                }
            }
        }
    }
    scan_general(text, start, first)
}

/// The Arabic number `m` (scale `scale`, no trailing zero after the point) times
/// 10^`p`, normalized, computed on the integer: the product and normalization of
/// [`Decimal`] give the same value, at several times the cost. `None` when the
/// product does not fit 96 bits (the caller then multiplies the decimals).
#[inline]
fn big_times(m: i128, scale: u32, p: u32) -> Option<Decimal> {
    let product = m.checked_mul(10i128.checked_pow(p)?)?;
    if product >= 1i128 << 96 || scale > 28 {
        return None;
    }
    if scale <= p {
        Decimal::try_from_i128_with_scale(m * 10i128.pow(p - scale), 0).ok()
    } else {
        Decimal::try_from_i128_with_scale(m, scale - p).ok()
    }
}

/// [`scan`] without its fast paths: `first` is the token at `start`, already read.
fn scan_general(
    text: &str,
    start: usize,
    first: Option<(Tok, usize)>,
) -> Result<Option<Scanned>, NumError> {
    let mut acc = Acc {
        text,
        yi: Decimal::ZERO,
        yi_used: false,
        yi_compound: false,
        wan: Decimal::ZERO,
        wan_used: false,
        section: Decimal::ZERO,
        last_small: 0,
        last_big: 0,
        pending: None,
        prev: Prev::Start,
        prev_span: (start, start),
        bare: 0,
        closed: false,
        shape: Shape {
            tail_small: 1,
            ..Shape::default()
        },
        tokens: 0,
    };
    let mut pos = start;
    scan_inner(&mut acc, &mut pos, first).map_err(|mut e| {
        // Skip the whole numeral-like run, so that no part of it is read as a number.
        let mut skip = e.skip_to.max(pos);
        while let Some(c) = text.get(skip..).and_then(|r| r.chars().next()) {
            if lex::is_numeral_char(c) || matches!(c, '.' | ',') {
                skip += c.len_utf8();
            } else {
                break;
            }
        }
        e.skip_to = skip;
        e
    })
}

/// `first` is the token at `pos`, already read.
fn scan_inner(
    acc: &mut Acc<'_>,
    pos: &mut usize,
    first: Option<(Tok, usize)>,
) -> Result<Option<Scanned>, NumError> {
    let text = acc.text;
    let mut first = first;
    while let Some((tok, end)) = first
        .take()
        .or_else(|| token(text, *pos))
        .or_else(|| spaced_big(acc, *pos))
    {
        let span = (*pos, end);
        // 千瓦, 千米 …: the unit starts here after one figure or a big unit (500千瓦 is
        // 0.5 MW, 1.2万千瓦 12 MW), not after a digit that 千 completes (3万5千米 is
        // 35000 米: 千 is part of the number there).
        if matches!(tok, Tok::Small(1000))
            && (acc.tokens == 1 || acc.tokens > 1 && acc.prev == Prev::Big)
            && unit_after_thousand(text, end)
        {
            break;
        }
        // 1 万: a blank between Arabic digits and 万 or 亿 (as some pages space them).
        if acc.closed && !matches!(tok, Tok::Big(_)) {
            return Err(acc.misordered(span));
        }
        match tok {
            Tok::Arabic(_) | Tok::Run(_) => acc.coefficient(tok, span)?,
            Tok::Small(u) => {
                // 千 right after 万 with no digit is not part of the number (1万千瓦), and
                // 百分/千分 start a percent word (3.2百分点, 千分之).
                if acc.pending.is_none() && acc.prev == Prev::Big && u > 10
                    || u > 10 && text.get(end..).is_some_and(|r| r.starts_with('分'))
                {
                    break;
                }
                acc.small(u, None, span)?;
            }
            Tok::Tens(n) => acc.small(10, Some(Decimal::from(n)), span)?,
            Tok::Big(p) => {
                let before_yi = matches!(token(text, end), Some((Tok::Big(8), _)));
                acc.big(p, span, before_yi)?;
            }
            Tok::Point => {
                if acc.tokens == 0 {
                    return Ok(None);
                }
                return point(acc, pos, span).map(Some);
            }
        }
        acc.track_tail(tok);
        acc.tokens += 1;
        acc.prev_span = span;
        *pos = end;
    }
    if acc.tokens == 0 {
        return Ok(None);
    }
    if acc.prev == Prev::Zero {
        return Err(acc.err(
            ParseErrorKind::Misordered,
            acc.prev_span,
            Message::Text("misordered numeral: '零' cannot end a number"),
        ));
    }
    if acc.bare == 1 {
        let c = ch(text, acc.prev_span);
        return Err(acc.err(
            ParseErrorKind::UnexpectedEnd,
            (*pos, *pos),
            Message::DigitAfter(c),
        ));
    }
    if acc.tokens > 1 {
        acc.shape.lone_digit = false;
    }
    acc.shape.bare_lead = acc.bare != 0;
    let value = acc.total(true, *pos)?;
    Ok(Some(Scanned {
        value: value.normalize(),
        end: *pos,
        shape: acc.shape,
    }))
}

/// `1 万`: after Arabic digits, one blank before 万 or 亿 is read through.
fn spaced_big(acc: &Acc<'_>, pos: usize) -> Option<(Tok, usize)> {
    let arabic_before = acc.prev == Prev::Coef && acc.shape.arabic && acc.pending.is_some();
    if !arabic_before || !acc.text.get(pos..)?.starts_with(' ') {
        return None;
    }
    match token(acc.text, pos + 1)? {
        (Tok::Big(p), e) if p < 12 => Some((Tok::Big(p), e)),
        _ => None,
    }
}

/// The Chinese decimal point at `span`: the fraction after it and an optional
/// multiplier (一百二十三点四五万).
fn point(acc: &mut Acc<'_>, pos: &mut usize, span: (usize, usize)) -> Result<Scanned, NumError> {
    let text = acc.text;
    let end = span.1;
    let Some((ftok, fend)) = token(text, end) else {
        let next = text.get(end..).and_then(|r| r.chars().next());
        let (kind, to) = match next {
            Some(c) => (ParseErrorKind::UnexpectedChar(c), end + c.len_utf8()),
            None => (ParseErrorKind::UnexpectedEnd, end),
        };
        return Err(acc.err(kind, (end, to), Message::AfterPoint(next)));
    };
    let (mantissa, digits) = match ftok {
        Tok::Run(r) => (r.mantissa, r.len),
        Tok::Arabic(a) if !a.has_point && !a.has_sep => (a.mantissa, a.int_digits),
        _ => {
            let c = ch(text, (end, fend));
            return Err(acc.err(
                ParseErrorKind::UnexpectedChar(c),
                (end, fend),
                Message::AfterPoint(Some(c)),
            ));
        }
    };
    if acc.prev == Prev::Zero || acc.bare != 0 || acc.pending.is_some_and(|p| p.point) {
        return Err(acc.misordered(span));
    }
    // 两千三点一 is 2300.1: the tail abbreviates as at the end of a number.
    let int = acc.total(true, *pos)?;
    let frac = mantissa
        .filter(|_| digits <= 28)
        .and_then(|m| Decimal::try_from_i128_with_scale(m, u32::try_from(digits).ok()?).ok())
        .ok_or_else(|| acc.overflow((end, fend)))?;
    let mut value = acc.add(int, frac, (end, fend))?;
    acc.shape.digit_string = None;
    acc.shape.arabic_int = None;
    acc.shape.lone_digit = false;
    acc.shape.tail_small = 1;
    acc.shape.tail_big = 0;
    acc.prev_span = (end, fend);
    *pos = fend;
    // A multiplier may follow when no big unit came before: 一百二十三点四五万.
    if !acc.yi_used && !acc.wan_used {
        let mut last_big = 0u32;
        while let Some((t, e)) = token(text, *pos) {
            if matches!(t, Tok::Small(1000)) && unit_after_thousand(text, e) {
                break;
            }
            let mult = match t {
                Tok::Small(u) if last_big == 0 && acc.shape.tail_small == 1 => {
                    acc.shape.tail_small = Shape::small(u);
                    Decimal::from(u)
                }
                // 万 may not follow 万 or 亿 here (亿万, 万万).
                Tok::Big(p) if p != 4 || last_big == 0 => {
                    last_big = p;
                    acc.shape.tail_big = acc.shape.tail_big.saturating_add(Shape::big(p));
                    acc.shape.has_big = true;
                    pow10(p)
                }
                _ => break,
            };
            value = acc.mul(value, mult, (*pos, e))?;
            acc.shape.has_units = true;
            acc.prev_span = (*pos, e);
            *pos = e;
        }
    }
    if let Some((t, e)) = token(text, *pos) {
        // 1.2万千瓦: 千 starts the unit.
        if !(matches!(t, Tok::Small(1000)) && unit_after_thousand(text, e)) {
            return Err(acc.misordered((*pos, e)));
        }
    }
    Ok(Scanned {
        value: value.normalize(),
        end: *pos,
        shape: acc.shape,
    })
}

/// Whether the 千 that ends at `end` starts a unit (千瓦, 千瓦时, 千米, 千克), so that it
/// is not a multiplier: 500千瓦 is 0.5 MW, 1.2万千瓦 is 12 MW, 12千米 is 12 km.
fn unit_after_thousand(text: &str, end: usize) -> bool {
    text.get(end..)
        .is_some_and(|r| r.starts_with(['瓦', '米', '克']))
}

/// Reads a sign (负, -, −) and blanks at `pos`; returns where the numeral starts.
pub(crate) fn sign(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let c = rest.chars().next()?;
    if !matches!(c, '负' | '-' | '−') {
        return None;
    }
    let mut p = pos + c.len_utf8();
    while let Some(b) = text.get(p..).and_then(|r| r.chars().next()) {
        if b == ' ' || b == '\u{3000}' {
            p += b.len_utf8();
        } else {
            break;
        }
    }
    Some(p)
}

/// Reads `text` whole as one number (see [`parse_number`](crate::parse_number), which
/// adds a hint when the text is a quantity).
pub(crate) fn read_number(text: &str) -> Result<Decimal, ParseError> {
    let norm = crate::normalize(text);
    let t = norm.as_str();
    let back = |s: Span| norm.source_span(s);
    let (start, end) = trim_bounds(t);
    if start >= end {
        return Err(ParseError::new(
            ParseErrorKind::Empty,
            back(Span::new(start, start)),
            "expected a number, found empty input".into(),
        ));
    }
    check_damaged(t, start, end).map_err(|e| e.in_original(&norm, text))?;
    let (negative, at) = match sign(t, start) {
        Some(p) => (true, p),
        None => (false, start),
    };
    let scanned = match scan(t, at) {
        Ok(Some(s)) => s,
        Ok(None) => {
            return Err(unexpected(t, at, "expected a number").in_original(&norm, text));
        }
        Err(e) => return Err(e.into_parse_error().in_original(&norm, text)),
    };
    if scanned.end < end {
        return Err(
            unexpected(t, scanned.end, "after the number, expected end of input")
                .in_original(&norm, text),
        );
    }
    // 两 is never a digit of a number written digit by digit: 一两 is one or two (a
    // range, see parse_quantity), not 12.
    if scanned.shape.digit_string.is_some() {
        if let Some((i, c)) = t
            .get(at..scanned.end)
            .and_then(|s| s.char_indices().find(|&(_, c)| matches!(c, '两' | '俩')))
        {
            let p = t.get(at..at + i).and_then(|s| s.chars().next_back());
            let e = NumError {
                kind: ParseErrorKind::Misordered,
                span: Span::new(at + i, at + i + c.len_utf8()),
                message: Message::Misordered(c, p),
                skip_to: scanned.end,
            };
            return Err(e.into_parse_error().in_original(&norm, text));
        }
    }
    let v = if negative && !scanned.value.is_zero() {
        -scanned.value
    } else {
        scanned.value
    };
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer shortcut for `21.6万` gives what multiplying the decimals and
    /// normalizing gives, at every scale around the power and at the 96-bit limit.
    #[test]
    fn big_times_agrees_with_decimal_product() {
        let limit = (1i128 << 96) - 1;
        for m in [
            0i128,
            1,
            7,
            12,
            216,
            735,
            1_000_001,
            999_999_999_999_999_999,
            limit / 10_000,
        ] {
            for scale in 0..=12u32 {
                if scale > 0 && m % 10 == 0 {
                    continue;
                }
                for p in [4u32, 8] {
                    let Ok(d) = Decimal::try_from_i128_with_scale(m, scale) else {
                        continue;
                    };
                    let want = d.checked_mul(pow10(p)).map(|v| v.normalize());
                    match big_times(m, scale, p) {
                        Some(v) => {
                            assert_eq!(Some(v), want, "{m} {scale} {p}");
                            assert_eq!(v.scale(), want.map_or(0, |w| w.scale()));
                        }
                        None => assert!(m * 10i128.pow(p) >= 1i128 << 96, "{m} {scale} {p}"),
                    }
                }
            }
        }
    }

    #[test]
    fn fast_paths_read_as_the_general_path() {
        let numbers = [
            "0",
            "1",
            "7",
            "21.6",
            "7.35",
            "0.5",
            "1,000",
            "12,345.6",
            "12345",
            "007",
            "1.",
            "99999999999999999999",
            "7922816251426433759354395033",
        ];
        let tails = [
            "",
            "人",
            "元",
            " 人",
            "万",
            "千",
            "亿",
            "分之一",
            ",",
            "5",
            "点",
            "多",
            "余",
            "%",
            "年",
            "-3万",
        ];
        for n in numbers {
            for big in ["", "万", "亿", " 万", "萬"] {
                for tail in tails {
                    let text = format!("{n}{big}{tail}");
                    let fast = scan(&text, 0);
                    let general = scan_general(&text, 0, lex::token(&text, 0));
                    assert_eq!(format!("{fast:?}"), format!("{general:?}"), "{text}");
                }
            }
        }
    }

    fn v(s: &str) -> String {
        match scan(s, 0) {
            Ok(Some(x)) => format!("{}@{}", x.value, x.end),
            Ok(None) => "none".into(),
            Err(e) => format!("err {:?} {}", e.kind, e.span),
        }
    }

    #[test]
    fn scan_prefixes() {
        assert_eq!(v("3万余人"), "30000@4");
        assert_eq!(v("1900余万元"), "1900@4");
        assert_eq!(v("十点钟"), "err UnexpectedChar('钟') 6..9");
        assert_eq!(v("1万千瓦"), "10000@4");
        assert_eq!(v("人"), "none");
        assert_eq!(v("一二三万零"), "err Misordered 9..12");
    }

    #[test]
    fn shapes() {
        let s = scan("九百亿", 0).unwrap().unwrap().shape;
        assert_eq!((s.tail_small, s.tail_big), (100, 8));
        let s = scan("5万", 0).unwrap().unwrap().shape;
        assert_eq!((s.tail_small, s.tail_big), (1, 4));
        let s = scan("2014", 0).unwrap().unwrap().shape;
        assert_eq!(s.arabic_int, Some(4));
        let s = scan("二〇一九", 0).unwrap().unwrap().shape;
        assert_eq!(s.digit_string, Some(4));
        let s = scan("3万亿", 0).unwrap().unwrap().shape;
        assert_eq!(s.tail_big, 12);
    }
}
