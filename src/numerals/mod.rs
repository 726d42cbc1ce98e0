//! Numerals: every way a Chinese report writes one number, read to an exact decimal.
//!
//! The accepted grammar is documented in `GRAMMAR.md` beside this file, published as
//! [`crate::numeral_grammar`]; a grammar change updates it in the same commit.

pub(crate) mod lex;
mod write;

pub use write::{to_chinese, to_chinese_capital};

use crate::common::chars::{Quoted, char_at};
use crate::common::input::{unexpected, whole_input};
use crate::{ParseError, ParseErrorKind, Span};
use lex::{Tok, token};
use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::char,
    combinator::{map, opt, value, verify},
    multi::many0_count,
    sequence::preceded,
};
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
                let (c, p) = (Quoted(*c), Quoted(*p));
                write!(f, "misordered numeral: {c} cannot follow {p}")
            }
            Message::Misordered(c, None) => {
                let c = Quoted(*c);
                write!(f, "misordered numeral: {c} cannot start a number")
            }
            Message::DigitAfter(c) => {
                let c = Quoted(*c);
                write!(f, "expected a digit after {c}, found end of input")
            }
            Message::AfterPoint(Some(c)) => {
                let c = Quoted(*c);
                write!(f, "expected a digit after '点', found {c}")
            }
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

/// The error inside the numeral parsers: `Copy`, a few words, never allocated.
///
/// nom's recoverable `Err::Error` carries [`Fault::STOP`] (this rule does not start
/// here: `alt` tries the next branch, a repetition ends); a committed `Err::Failure`
/// carries the kind, the span and the message, which become a [`NumError`] (and, at the
/// public edge, a [`ParseError`]) only when a caller asks for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fault {
    kind: FaultKind,
    span: (usize, usize),
    message: Message,
}

/// The kinds of [`Fault`]: those of [`ParseErrorKind`] a numeral can give, and `Stop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FaultKind {
    /// Not a failure: the rule does not start here.
    Stop,
    /// [`ParseErrorKind::UnexpectedChar`]: a character that cannot stand here.
    UnexpectedChar(char),
    /// [`ParseErrorKind::UnexpectedEnd`]: the input stops where more was needed.
    UnexpectedEnd,
    /// [`ParseErrorKind::Misordered`]: parts in an order no number is written in.
    Misordered,
    /// [`ParseErrorKind::Overflow`]: past what a decimal holds.
    Overflow,
}

impl Fault {
    /// The recoverable error: nothing of the rule at this input.
    const STOP: Fault = Fault {
        kind: FaultKind::Stop,
        span: (0, 0),
        message: Message::Text(""),
    };

    /// The error the layers above see; `skip_to` is set by [`scan`].
    fn into_num_error(self) -> NumError {
        let kind = match self.kind {
            FaultKind::UnexpectedChar(c) => ParseErrorKind::UnexpectedChar(c),
            FaultKind::UnexpectedEnd => ParseErrorKind::UnexpectedEnd,
            FaultKind::Overflow => ParseErrorKind::Overflow,
            FaultKind::Misordered | FaultKind::Stop => ParseErrorKind::Misordered,
        };
        NumError {
            kind,
            span: Span::new(self.span.0, self.span.1),
            message: self.message,
            skip_to: self.span.1,
        }
    }
}

impl<I> nom::error::ParseError<I> for Fault {
    fn from_error_kind(_: I, _: nom::error::ErrorKind) -> Fault {
        Fault::STOP
    }

    fn append(_: I, _: nom::error::ErrorKind, other: Fault) -> Fault {
        other
    }
}

/// What the numeral parsers return: the rest of the input and a value, or a [`Fault`].
type PResult<'t, T> = IResult<&'t str, T, Fault>;

/// A committed failure: the input is a numeral, and a wrong one (nom's `cut`).
fn failure<T>(f: Fault) -> Result<T, nom::Err<Fault>> {
    Err(nom::Err::Failure(f))
}

/// The recoverable error: the rule does not apply here.
fn stop<T>() -> Result<T, nom::Err<Fault>> {
    Err(nom::Err::Error(Fault::STOP))
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
    /// Where the tokens read so far end.
    pos: usize,
}

/// 10^0 to 10^28 (the largest power a Decimal holds), made at compile time: a numeral
/// takes one at each of its units.
static POW10: [Decimal; 29] = {
    let mut table = [Decimal::ZERO; 29];
    let mut k = 0;
    let mut v: u128 = 1;
    while k < 29 {
        let (lo, mid, hi) = (v as u32, (v >> 32) as u32, (v >> 64) as u32);
        #[allow(clippy::indexing_slicing)] // compile time: out of bounds fails the build
        {
            table[k] = Decimal::from_parts(lo, mid, hi, false, 0);
        }
        v *= 10;
        k += 1;
    }
    table
};

#[inline]
fn pow10(p: u32) -> Decimal {
    // The callers pass 1..=16; 10^28 is the largest power a Decimal holds.
    let k = usize::try_from(p.min(28)).unwrap_or(28);
    POW10.get(k).copied().unwrap_or(Decimal::ZERO)
}

impl<'t> Acc<'t> {
    /// Nothing read yet, at byte `start` of `text`.
    fn new(text: &'t str, start: usize) -> Acc<'t> {
        Acc {
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
            pos: start,
        }
    }

    fn err(&self, kind: FaultKind, span: (usize, usize), message: Message) -> Fault {
        Fault {
            kind,
            span,
            message,
        }
    }

    /// The byte offset in the whole text where `rest`, a suffix of it, starts.
    fn at(&self, rest: &str) -> usize {
        self.text.len() - rest.len()
    }

    fn misordered(&self, span: (usize, usize)) -> Fault {
        let c = ch(self.text, span);
        // The character right before, the last of the previous token (三 in 一二三万).
        // None when nothing stands before it (亿元: the number starts with 亿).
        let p = self
            .text
            .get(self.prev_span.0..self.prev_span.1)
            .and_then(|s| s.chars().next_back());
        self.err(FaultKind::Misordered, span, Message::Misordered(c, p))
    }

    fn overflow(&self, span: (usize, usize)) -> Fault {
        self.err(FaultKind::Overflow, span, Message::Text(OVERFLOW))
    }

    #[inline]
    fn add(&self, a: Decimal, b: Decimal, span: (usize, usize)) -> Result<Decimal, Fault> {
        a.checked_add(b).ok_or_else(|| self.overflow(span))
    }

    #[inline]
    fn mul(&self, a: Decimal, b: Decimal, span: (usize, usize)) -> Result<Decimal, Fault> {
        a.checked_mul(b).ok_or_else(|| self.overflow(span))
    }

    /// Takes the pending coefficient; `abbreviate` reads a lone digit right after a unit
    /// of a hundred or more one step lower (三万五 is 35000).
    fn take_pending(&mut self, abbreviate: bool, span: (usize, usize)) -> Result<Decimal, Fault> {
        self.take_pending_below(abbreviate, None, span)
    }

    /// As `take_pending`, abbreviating only after a unit below `below` (百二万: 百 is
    /// below 万, but in 5亿1万 the 1 after 亿 is a plain 1).
    fn take_pending_below(
        &mut self,
        abbreviate: bool,
        below: Option<Decimal>,
        span: (usize, usize),
    ) -> Result<Decimal, Fault> {
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

    fn coefficient(&mut self, tok: Tok, span: (usize, usize)) -> Result<(), Fault> {
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
                let mantissa = r.mantissa.get().ok_or_else(|| self.overflow(span))?;
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
                    let second = span.0 + r.second;
                    let len = ch(self.text, (second, second)).len_utf8();
                    // The digit before it is the run's first (二 of 一百二三).
                    self.prev_span = (span.0, second);
                    return Err(self.misordered((second, second + len)));
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

    fn small(&mut self, u: u32, coef: Option<Decimal>, span: (usize, usize)) -> Result<(), Fault> {
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
    fn big(&mut self, p: u32, span: (usize, usize), before_yi: bool) -> Result<(), Fault> {
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

    fn total(&mut self, abbreviate: bool, end: usize) -> Result<Decimal, Fault> {
        let span = (end, end);
        let pend = self.take_pending(abbreviate, span)?;
        let v = self.add(self.yi, self.wan, span)?;
        let v = self.add(v, self.section, span)?;
        self.add(v, pend, span)
    }

    /// Moves past a token that was read into the value: its span ends the numeral so far.
    fn advance(&mut self, tok: Tok, span: (usize, usize)) {
        self.track_tail(tok);
        self.tokens += 1;
        self.prev_span = span;
        self.pos = span.1;
    }

    /// Whether the last token read is a coefficient of a numeral with Arabic digits, so
    /// that a blank before 万 or 亿 is read through (`1 万`).
    fn arabic_before(&self) -> bool {
        self.prev == Prev::Coef && self.shape.arabic && self.pending.is_some()
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
    // Nothing numeral (nor a blank before 万) follows at `k`: the numeral ends there.
    let ends_at = |k: usize| !char_at(text, k).is_some_and(|c| lex::is_numeral_char(c) || c == ' ');
    if !text.as_bytes().get(start).is_some_and(u8::is_ascii_digit) {
        // No numeral character here: no token either (the grammar would read none).
        return match char_at(text, start) {
            Some(c) if lex::is_numeral_char(c) => scan_chinese(text, start, c),
            _ => Ok(None),
        };
    }
    // Fast path: a plain Arabic number that nothing numeral follows (the common case).
    // Digits are read straight away, as `token` reads them, without its dispatch.
    let first = text
        .get(start..)
        .and_then(lex::arabic)
        .map(|(a, len)| (Tok::Arabic(a), start + len));
    if let Some((Tok::Arabic(a), end)) = first {
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
                    .get()
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
    scan_general(text, start)
}

/// [`scan`] at a numeral character `c` that is no ASCII digit: one Chinese digit alone
/// (一 of 一是, 三 of 三个) is what [`body`] reads as a lone coefficient, read here
/// without setting the grammar up; anything else goes to the grammar.
fn scan_chinese(text: &str, start: usize, c: char) -> Result<Option<Scanned>, NumError> {
    if lex::chinese_digit(c).is_some() {
        if let Some(Ok((rest, r))) = text.get(start..).map(lex::digit_run::<()>) {
            let end = text.len() - rest.len();
            let alone = !char_at(text, end).is_some_and(|c| lex::is_numeral_char(c) || c == ' ');
            if let (1, true, Some(m)) = (r.len, alone, r.mantissa.get()) {
                let shape = Shape {
                    tail_small: 1,
                    lone_digit: true,
                    ..Shape::default()
                };
                let value = Decimal::from_i128_with_scale(m, 0);
                return Ok(Some(Scanned { value, end, shape }));
            }
        }
    }
    scan_general(text, start)
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

/// [`scan`] without its fast paths: the numeral grammar, [`body`], at `start`.
fn scan_general(text: &str, start: usize) -> Result<Option<Scanned>, NumError> {
    let mut acc = Acc::new(text, start);
    match body(&mut acc, text.get(start..).unwrap_or("")) {
        Ok((_, scanned)) => Ok(scanned),
        Err(nom::Err::Failure(f)) => {
            let mut e = f.into_num_error();
            // Skip the whole numeral-like run, so that no part of it is read as a number.
            let mut skip = e.skip_to.max(acc.pos);
            while let Some(c) = text.get(skip..).and_then(|r| r.chars().next()) {
                if lex::is_numeral_char(c) || matches!(c, '.' | ',') {
                    skip += c.len_utf8();
                } else {
                    break;
                }
            }
            e.skip_to = skip;
            Err(e)
        }
        Err(_) => Ok(None),
    }
}

/// `body = terms ( "点" fraction multiplier? )?`
///
/// The numeral at the start of `i`, `None` when `i` starts with no term.
fn body<'t>(acc: &mut Acc<'t>, i: &'t str) -> PResult<'t, Option<Scanned>> {
    let (i, _) = terms(acc, i)?;
    if let Ok((after, ())) = lex::point_mark::<Fault>(i) {
        let span = (acc.at(i), acc.at(after));
        if acc.closed {
            return failure(acc.misordered(span));
        }
        if acc.tokens == 0 {
            return Ok((i, None));
        }
        return decimal(acc, span, after).map(|(rest, s)| (rest, Some(s)));
    }
    if acc.tokens == 0 {
        return Ok((i, None));
    }
    if acc.prev == Prev::Zero {
        return failure(acc.err(
            FaultKind::Misordered,
            acc.prev_span,
            Message::Text("misordered numeral: '零' cannot end a number"),
        ));
    }
    if acc.bare == 1 {
        let c = ch(acc.text, acc.prev_span);
        return failure(acc.err(
            FaultKind::UnexpectedEnd,
            (acc.pos, acc.pos),
            Message::DigitAfter(c),
        ));
    }
    if acc.tokens > 1 {
        acc.shape.lone_digit = false;
    }
    acc.shape.bare_lead = acc.bare != 0;
    let value = acc.total(true, acc.pos).map_err(nom::Err::Failure)?;
    let scanned = Scanned {
        value: value.normalize(),
        end: acc.pos,
        shape: acc.shape,
    };
    Ok((i, Some(scanned)))
}

/// `terms = term+ in falling order of magnitude, 零 marking gaps`
///
/// Each term adds to the value in `acc` with checked arithmetic; the order of
/// magnitude is checked there too. Returns how many terms were read (none is no error:
/// [`body`] decides).
fn terms<'t>(acc: &mut Acc<'t>, i: &'t str) -> PResult<'t, usize> {
    many0_count(|i| term(acc, i)).parse(i)
}

/// `term = coefficient? small-unit | coefficient? big-unit | coefficient`
///
/// `三千`, `十` (an implied 一), `5千`, `3万`, `1.6万`, `9.82亿`; the last coefficient
/// stands alone (个位), and a lone digit right after a unit of a hundred or more is an
/// abbreviated tail (`三万五`, see [`Acc::take_pending_below`]).
fn term<'t>(acc: &mut Acc<'t>, i: &'t str) -> PResult<'t, ()> {
    // Every number ends at a character that starts no term: one test of it answers
    // before the coefficient and unit rules are tried (a blank may still lead 万).
    if !i
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == ' ' || lex::is_numeral_char(c))
    {
        return stop();
    }
    let (rest, coef) = opt(coefficient).parse(i)?;
    let i = match coef {
        Some(tok) => {
            let span = (acc.at(i), acc.at(rest));
            if acc.closed {
                return failure(acc.misordered(span));
            }
            acc.coefficient(tok, span).map_err(nom::Err::Failure)?;
            acc.advance(tok, span);
            rest
        }
        None => i,
    };
    match unit(acc, i) {
        Err(nom::Err::Error(_)) if coef.is_some() => Ok((i, ())),
        other => other,
    }
}

/// `coefficient = arabic | one chinese digit` (a run of them: `二〇二〇` is a digit
/// string, `一二三万` is misordered, both decided by [`Acc::coefficient`]).
fn coefficient(i: &str) -> PResult<'_, Tok> {
    alt((
        map(lex::arabic_number, Tok::Arabic),
        map(lex::digit_run, Tok::Run),
    ))
    .parse(i)
}

/// `small-unit | big-unit` after a term's coefficient (or with none before it).
///
/// What is not read as a unit here: 千 that starts 千瓦, 千米 or 千克 after one figure or
/// a big unit (`500千瓦` is 0.5 MW, but in `3万5千米` 千 completes the number); 百 or 千
/// right after 万 or 亿 with no digit (`1万千瓦`); 百 and 千 before 分 (`3.2百分点`).
/// A blank between Arabic digits and 万 or 亿 is read through (`1 万`).
fn unit<'t>(acc: &mut Acc<'t>, i: &'t str) -> PResult<'t, ()> {
    let (rest, tok) = match lex::unit_token(i) {
        Err(nom::Err::Error(_)) if acc.arabic_before() => spaced_big_unit(i)?,
        other => other?,
    };
    let span = (acc.at(i), acc.at(rest));
    if matches!(tok, Tok::Small(1000))
        && (acc.tokens == 1 || acc.tokens > 1 && acc.prev == Prev::Big)
        && unit_after_thousand(acc.text, span.1)
    {
        return stop();
    }
    if acc.closed && !matches!(tok, Tok::Big(_)) {
        return failure(acc.misordered(span));
    }
    let applied = match tok {
        Tok::Small(u) => {
            if u > 10 && (acc.pending.is_none() && acc.prev == Prev::Big || rest.starts_with('分'))
            {
                return stop();
            }
            acc.small(u, None, span)
        }
        Tok::Tens(n) => acc.small(10, Some(Decimal::from(n)), span),
        Tok::Big(p) => {
            let before_yi = matches!(lex::big_unit::<()>(rest), Ok((_, 8)));
            acc.big(p, span, before_yi)
        }
        _ => Ok(()),
    };
    applied.map_err(nom::Err::Failure)?;
    acc.advance(tok, span);
    Ok((rest, ()))
}

/// `" " big-unit`: 万 or 亿 one blank after Arabic digits (`1 万`, as some pages space
/// them); never 兆.
fn spaced_big_unit(i: &str) -> PResult<'_, Tok> {
    map(
        preceded(char(' '), verify(lex::big_unit, |&p| p < 12)),
        Tok::Big,
    )
    .parse(i)
}

/// `"点" fraction multiplier?`: the Chinese decimal point at `point` (a span) and what
/// follows it in `i`: `三点五`, `一百二十三点四五万`.
fn decimal<'t>(acc: &mut Acc<'t>, point: (usize, usize), i: &'t str) -> PResult<'t, Scanned> {
    let end = point.1;
    let (rest, (mantissa, digits)) = match fraction(i) {
        Ok(read) => read,
        Err(_) => return failure(after_point(acc, i)),
    };
    let fend = acc.at(rest);
    if acc.prev == Prev::Zero || acc.bare != 0 || acc.pending.is_some_and(|p| p.point) {
        return failure(acc.misordered(point));
    }
    // 两千三点一 is 2300.1: the tail abbreviates as at the end of a number.
    let int = acc.total(true, acc.pos).map_err(nom::Err::Failure)?;
    let frac = mantissa
        .filter(|_| digits <= 28)
        .and_then(|m| Decimal::try_from_i128_with_scale(m, u32::try_from(digits).ok()?).ok())
        .ok_or_else(|| nom::Err::Failure(acc.overflow((end, fend))))?;
    let value = acc.add(int, frac, (end, fend)).map_err(nom::Err::Failure)?;
    acc.shape.digit_string = None;
    acc.shape.arabic_int = None;
    acc.shape.lone_digit = false;
    acc.shape.tail_small = 1;
    acc.shape.tail_big = 0;
    acc.prev_span = (end, fend);
    acc.pos = fend;
    // A multiplier may follow when no big unit came before: 一百二十三点四五万.
    let (rest, value) = if !acc.yi_used && !acc.wan_used {
        multiplier(acc, value, rest)?
    } else {
        (rest, value)
    };
    // Nothing numeral may follow, but the 千 of 千瓦 (1.2万千瓦).
    if let Ok((after, t)) = lex::any_token::<()>(rest) {
        let e = acc.at(after);
        if !(matches!(t, Tok::Small(1000)) && unit_after_thousand(acc.text, e)) {
            return failure(acc.misordered((acc.pos, e)));
        }
    }
    let scanned = Scanned {
        value: value.normalize(),
        end: acc.pos,
        shape: acc.shape,
    };
    Ok((rest, scanned))
}

/// `fraction = chinese or arabic digits`: `五` of 三点五, `五二` of 零点五二, `77` of
/// 零點77; as the digits' integer (`None` when it does not fit) and their count.
fn fraction(i: &str) -> PResult<'_, (Option<i128>, usize)> {
    alt((
        map(lex::digit_run, |r| (r.mantissa.get(), r.len)),
        map(
            verify(lex::arabic_number, |a: &lex::Arabic| {
                !a.has_point && !a.has_sep
            }),
            |a| (a.mantissa.get(), a.int_digits),
        ),
    ))
    .parse(i)
}

/// The error of a 点 with no fraction after it: what stands there (a whole token, or
/// one character) or the end of input.
fn after_point(acc: &Acc<'_>, i: &str) -> Fault {
    let end = acc.at(i);
    if let Ok((after, _)) = lex::any_token::<()>(i) {
        let fend = acc.at(after);
        let c = ch(acc.text, (end, fend));
        return acc.err(
            FaultKind::UnexpectedChar(c),
            (end, fend),
            Message::AfterPoint(Some(c)),
        );
    }
    let next = i.chars().next();
    let (kind, to) = match next {
        Some(c) => (FaultKind::UnexpectedChar(c), end + c.len_utf8()),
        None => (FaultKind::UnexpectedEnd, end),
    };
    acc.err(kind, (end, to), Message::AfterPoint(next))
}

/// `multiplier = small-unit? big-unit*`, after a decimal fraction: `百` of 三点五百,
/// `万` of 一百二十三点四五万, `万亿` of 1.2万亿. Multiplies `value`, checked.
fn multiplier<'t>(acc: &mut Acc<'t>, mut value: Decimal, i: &'t str) -> PResult<'t, Decimal> {
    let mut last_big = 0u32;
    let (rest, _) = many0_count(|i: &'t str| {
        let read = alt((
            map(lex::small_unit, Tok::Small),
            map(lex::big_unit, Tok::Big),
        ))
        .parse(i);
        let (rest, t) = read?;
        let span = (acc.at(i), acc.at(rest));
        if matches!(t, Tok::Small(1000)) && unit_after_thousand(acc.text, span.1) {
            return stop();
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
            _ => return stop(),
        };
        value = acc.mul(value, mult, span).map_err(nom::Err::Failure)?;
        acc.shape.has_units = true;
        acc.prev_span = span;
        acc.pos = span.1;
        Ok((rest, ()))
    })
    .parse(i)?;
    Ok((rest, value))
}

/// Whether the 千 that ends at `end` starts a unit (千瓦, 千瓦时, 千米, 千克, 千伏), so that
/// it is not a multiplier: 500千瓦 is 0.5 MW, 1.2万千瓦 is 12 MW, 12千米 is 12 km, 110千伏
/// is 110 kilovolts (never 110000).
fn unit_after_thousand(text: &str, end: usize) -> bool {
    text.get(end..)
        .is_some_and(|r| r.starts_with(['瓦', '米', '克', '伏']))
}

/// `sign = "负" | "-"  (blanks may follow)`, and the minus sign `−`.
fn negative(i: &str) -> PResult<'_, ()> {
    let sign = verify(lex::one_char, |&c| matches!(c, '负' | '-' | '−'));
    let blank = verify(lex::one_char, |&c| matches!(c, ' ' | '\u{3000}'));
    value((), (sign, many0_count(blank))).parse(i)
}

/// Reads a sign (负, -, −) and blanks at `pos` ([`negative`]); returns where the
/// numeral starts.
pub(crate) fn sign(text: &str, pos: usize) -> Option<usize> {
    // Most numbers have none: the first byte of '-', '负' (E8 B4 9F) or '−' (E2 88 92)
    // answers for the rest.
    if !matches!(text.as_bytes().get(pos), Some(b'-' | 0xE8 | 0xE2)) {
        return None;
    }
    let (rest, ()) = negative(text.get(pos..)?).ok()?;
    Some(text.len() - rest.len())
}

/// Reads `text` whole as one number: the grammar's first rule, `number = sign? body`
/// (see [`numeral_grammar`](crate::numeral_grammar)), over the whole input. The public
/// [`parse_number`](crate::parse_number) adds a hint when the text is a quantity.
pub(crate) fn read_number(text: &str) -> Result<Decimal, ParseError> {
    let norm = crate::normalize(text);
    let t = norm.as_str();
    let (start, end) = whole_input(&norm, text, "a number")?;
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

    /// Runs a rule that reads into a numeral's state over the whole of `input`, and
    /// shows what it did: the input left and the value so far, or the failure.
    fn rule<T: core::fmt::Debug>(
        input: &str,
        read: for<'t> fn(&mut Acc<'t>, &'t str) -> PResult<'t, T>,
    ) -> String {
        let mut acc = Acc::new(input, 0);
        match read(&mut acc, input) {
            Ok((rest, out)) => {
                let value = acc.total(true, acc.pos).map(|v| v.normalize());
                format!("{out:?} {value:?} rest {rest:?}")
            }
            Err(nom::Err::Failure(f)) => format!("fail {}", f.into_num_error().into_parse_error()),
            Err(e) => format!("{e:?}"),
        }
    }

    const STOPPED: &str = "Error(Fault { kind: Stop, span: (0, 0), message: Text(\"\") })";

    #[track_caller]
    fn rows<T: core::fmt::Debug>(
        read: for<'t> fn(&mut Acc<'t>, &'t str) -> PResult<'t, T>,
        table: &[(&str, &str)],
    ) {
        for (input, want) in table {
            let want = want.replace("STOPPED", STOPPED);
            assert_eq!(rule(input, read), want, "{input}");
        }
    }

    #[test]
    fn powers_of_ten_are_the_decimal_powers() {
        for p in 0..=30u32 {
            let want = Decimal::from_i128_with_scale(10i128.pow(p.min(28)), 0);
            assert_eq!(pow10(p), want, "{p}");
            assert_eq!(pow10(p).to_string(), want.to_string(), "{p}");
        }
    }

    #[test]
    fn term_rule() {
        rows(
            term,
            &[
                ("三千五", "() Ok(3000) rest \"五\""),
                ("十二", "() Ok(10) rest \"二\""),
                ("5千人", "() Ok(5000) rest \"人\""),
                ("3万5千", "() Ok(30000) rest \"5千\""),
                ("1.6万元", "() Ok(16000) rest \"元\""),
                ("9.82亿", "() Ok(982000000) rest \"\""),
                ("三", "() Ok(3) rest \"\""),
                // 千 of 千瓦 after one figure is the unit's: the term is the figure.
                ("3千瓦", "() Ok(3) rest \"千瓦\""),
                ("1 万人", "() Ok(10000) rest \"人\""),
                ("人", "STOPPED"),
                (
                    "一二三万",
                    "fail misordered numeral: '万' cannot follow '三' (bytes 9..12)",
                ),
            ],
        );
    }

    #[test]
    fn terms_rule() {
        rows(
            terms,
            &[
                ("一千二百三十四元", "4 Ok(1234) rest \"元\""),
                ("一百零五", "2 Ok(105) rest \"\""),
                ("二十亿零三百万户", "4 Ok(2003000000) rest \"户\""),
                ("3万5千米", "2 Ok(35000) rest \"米\""),
                ("两千六", "2 Ok(2600) rest \"\""),
                ("13万2", "2 Ok(132000) rest \"\""),
                ("1万600", "2 Ok(10600) rest \"\""),
                ("廿三日", "2 Ok(23) rest \"日\""),
                ("1万千瓦", "1 Ok(10000) rest \"千瓦\""),
                ("人", "0 Ok(0) rest \"人\""),
                (
                    "万万万",
                    "fail misordered numeral: '万' cannot follow '万' (bytes 3..6)",
                ),
            ],
        );
    }

    #[test]
    fn body_rule() {
        rows(
            body,
            &[
                (
                    "三点五",
                    "Some(Scanned { value: 3.5, end: 9, shape: Shape { arabic_int: None, digit_string: None, has_units: false, has_big: false, lone_digit: false, tail_small: 1, tail_big: 0, arabic: false, bare_lead: false } }) Ok(0) rest \"\"",
                ),
                ("点五", "None Ok(0) rest \"点五\""),
                (
                    "十点钟",
                    "fail expected a digit after '点', found '钟' (bytes 6..9)",
                ),
                (
                    "十点",
                    "fail expected a digit after '点', found end of input (bytes 6..6)",
                ),
                (
                    "一二三万零",
                    "fail misordered numeral: '万' cannot follow '三' (bytes 9..12)",
                ),
                (
                    "一百零",
                    "fail misordered numeral: '零' cannot end a number (bytes 6..9)",
                ),
            ],
        );
        // The value and what is left after it.
        let value = |t: &str| {
            let mut acc = Acc::new(t, 0);
            match body(&mut acc, t) {
                Ok((rest, Some(s))) => format!("{} then {rest:?}", s.value),
                other => format!("{other:?}"),
            }
        };
        for (t, want) in [
            ("一百二十三点四五万人", "1234500 then \"人\""),
            ("1.2万千瓦", "12000 then \"千瓦\""),
            ("零点五二", "0.52 then \"\""),
            ("零點77%", "0.77 then \"%\""),
            ("三点五百", "350 then \"\""),
            ("3千万亿", "3000000000000000 then \"\""),
        ] {
            assert_eq!(value(t), want, "{t}");
        }
    }

    #[test]
    fn coefficient_rule() {
        let tok = |t: &str| match coefficient(t) {
            Ok((rest, Tok::Arabic(a))) => format!("arabic {:?} rest {rest:?}", a.value()),
            Ok((rest, Tok::Run(r))) => {
                format!("run {:?}/{} rest {rest:?}", r.mantissa.get(), r.len)
            }
            other => format!("{other:?}"),
        };
        assert_eq!(tok("17990元"), "arabic Some(17990) rest \"元\"");
        assert_eq!(tok("1,234.5万"), "arabic Some(1234.5) rest \"万\"");
        assert_eq!(tok("二〇二〇年"), "run Some(2020)/4 rest \"年\"");
        assert_eq!(tok("两千"), "run Some(2)/1 rest \"千\"");
        assert_eq!(tok("十"), format!("Err({STOPPED})"));
    }

    #[test]
    fn fraction_rule() {
        assert_eq!(fraction("五二万"), Ok(("万", (Some(52), 2))));
        assert_eq!(fraction("77%"), Ok(("%", (Some(77), 2))));
        assert_eq!(fraction("05"), Ok(("", (Some(5), 2))));
        assert!(fraction("1,234").is_err());
        assert!(fraction("1.5").is_err());
        assert!(fraction("万").is_err());
    }

    #[test]
    fn multiplier_rule() {
        fn times(t: &str) -> Result<(String, &str), nom::Err<Fault>> {
            let mut acc = Acc::new(t, 0);
            multiplier(&mut acc, Decimal::new(15, 1), t)
                .map(|(rest, v)| (v.normalize().to_string(), rest))
        }
        assert_eq!(times("万亿元"), Ok(("1500000000000".to_owned(), "元")));
        assert_eq!(times("百万"), Ok(("1500000".to_owned(), "")));
        // 万 after 万 or 亿 is no multiplier here.
        assert_eq!(times("万万"), Ok(("15000".to_owned(), "万")));
        assert_eq!(times("亿万"), Ok(("150000000".to_owned(), "万")));
        assert_eq!(times("千瓦"), Ok(("1.5".to_owned(), "千瓦")));
        assert_eq!(times("人"), Ok(("1.5".to_owned(), "人")));
    }

    #[test]
    fn spaced_big_unit_rule() {
        assert!(matches!(spaced_big_unit(" 万人"), Ok(("人", Tok::Big(4)))));
        assert!(matches!(spaced_big_unit(" 亿"), Ok(("", Tok::Big(8)))));
        assert!(spaced_big_unit(" 兆五").is_err());
        assert!(spaced_big_unit("万").is_err());
        assert!(spaced_big_unit("  万").is_err());
    }

    #[test]
    fn sign_rule() {
        for (t, rest) in [
            ("负 3", "3"),
            ("-5", "5"),
            ("−\u{3000}2", "2"),
            ("负负", "负"),
        ] {
            assert_eq!(negative(t), Ok((rest, ())), "{t}");
        }
        assert!(negative("正3").is_err());
        assert_eq!(sign("共负 3", 3), Some(7));
        assert_eq!(sign("3", 0), None);
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
                    let general = scan_general(&text, 0);
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

    proptest::proptest! {
        /// The fast paths of [`scan`] (Arabic digits, one 万 or 亿 after them, a lone
        /// Chinese digit) read every input as the grammar does: the same value, end,
        /// shape, or the same error.
        #[test]
        fn fast_paths_agree_with_the_grammar(
            text in "[0-9一二两三零十百千万亿点.,人元年 %分瓦]{0,8}",
            at in 0usize..3,
        ) {
            let Some(start) = text.char_indices().nth(at).map(|(i, _)| i) else {
                return Ok(());
            };
            let fast = scan(&text, start);
            let general = scan_general(&text, start);
            proptest::prop_assert_eq!(format!("{fast:?}"), format!("{general:?}"));
        }
    }
}
