//! Time expressions: years, year ranges and dates (`2014年`, `2016年至2019年`,
//! `2019年12月23日`, `19年底`), which are no quantities but give indicators their periods.

use super::scanner::{Cursor, Found};
use crate::Span;
use crate::common::chars::{char_at, char_before, starts};
use crate::numerals;
use crate::quantities;
use core::iter::FusedIterator;

/// What kind of time expression.
///
/// ```
/// use fupin::TimeKind;
/// let kinds: Vec<TimeKind> = fupin::times("2014年,2016年至2019年,6月30日").map(|t| t.kind).collect();
/// assert_eq!(kinds, [TimeKind::Year, TimeKind::YearRange, TimeKind::Date]);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A year: `2014年`, `二〇一九年`, `2015年初`.
    Year,
    /// Years from one to another: `2016年至2019年`, `2016-2020年`.
    YearRange,
    /// A date or month, with or without its year: `2019年12月23日`, `6月30日`,
    /// `2021年10月`, `2019-12-23`.
    Date,
}

/// A time expression found in text: years and dates are not quantities, but an
/// indicator's period is read from them.
///
/// ```
/// let t: Vec<_> = fupin::times("2016年至2019年,6月30日").collect();
/// assert_eq!((t[0].year, t[0].end_year), (Some(2016), Some(2019)));
/// assert_eq!((t[1].month, t[1].day), (Some(6), Some(30)));
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TimeExpr {
    /// What kind it is.
    pub kind: TimeKind,
    /// The (first) year, when written.
    pub year: Option<i32>,
    /// The last year of a range (`2019` in `2016年至2019年`); for a single year, `None`.
    pub end_year: Option<i32>,
    /// The month, when written.
    pub month: Option<u8>,
    /// The day, when written.
    pub day: Option<u8>,
    /// `初`, `底`, `末` right after a year (`2015年初`, `2020年末`).
    pub part: Option<char>,
    /// The text as written in the original input.
    pub text: String,
    /// Byte span in the original input.
    pub span: Span,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct TimeRaw {
    pub kind: TimeKind,
    pub year: Option<i32>,
    pub end_year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub part: Option<char>,
    pub start: usize,
    pub end: usize,
}

pub(super) fn year_of(s: &numerals::Scanned) -> Option<i32> {
    let plausible = s.shape.arabic_int == Some(4) || s.shape.digit_string == Some(4);
    let y = i32::try_from(s.value.mantissa()).ok()?;
    (plausible && s.value.scale() == 0 && (1900..=2100).contains(&y)).then_some(y)
}

/// A year written with two digits (19年底, 20年初, 21年度, 19年12月): read as 20xx, and
/// only where what follows 年 makes it a point in time (初, 底, 末, 度, or a month), or
/// where the year opens a clause and a comma or the clause's subject follows it
/// (19年,全县…; 20年全市…; 截至21年我县…), as a date opens a report's sentence.
/// `工作了20年`, `近20年`, `20年来`, `连续15年全县…` stay lengths of time: the rule leans
/// to a duration.
#[inline]
fn two_digit_year(t: &str, pos: usize, s: &numerals::Scanned) -> Option<i32> {
    if s.shape.arabic_int != Some(2) || s.value.scale() != 0 || !starts(t, s.end, "年") {
        return None;
    }
    let v = i32::try_from(s.value.mantissa()).ok()?;
    if !(10..=39).contains(&v) {
        return None;
    }
    let after = s.end + "年".len();
    let opens = || {
        let head = t.get(..pos).unwrap_or("");
        let clause_start = head
            .trim_end_matches([' ', '\u{3000}'])
            .chars()
            .next_back()
            .is_none_or(|c| {
                matches!(
                    c,
                    ',' | '，' | '。' | '；' | ';' | '：' | ':' | '\n' | '、' | '（' | '('
                )
            })
            || ["截至", "截止", "截止到", "在", "于"]
                .iter()
                .any(|w| head.ends_with(w));
        let rest = t.get(after..).unwrap_or("");
        clause_start
            && (rest.starts_with([',', '，'])
                || [
                    "全县",
                    "全市",
                    "全省",
                    "全区",
                    "全州",
                    "全镇",
                    "全乡",
                    "我县",
                    "我市",
                    "我省",
                    "我区",
                    "该县",
                    "该市",
                    "上半年",
                    "下半年",
                    "全年",
                ]
                .iter()
                .any(|w| rest.starts_with(w)))
    };
    let point = matches!(char_at(t, after), Some('初' | '底' | '末' | '度'))
        || opens()
        || numerals::scan(t, after)
            .ok()
            .flatten()
            .is_some_and(|m| small_int(&m, 12).is_some() && starts(t, m.end, "月"));
    point.then_some(2000 + v)
}

fn small_int(s: &numerals::Scanned, max: i128) -> Option<u8> {
    let v = s.value;
    if v.scale() != 0 || s.shape.has_big || s.shape.arabic && s.shape.arabic_int.is_none() {
        return None;
    }
    let m = v.mantissa();
    (1..=max)
        .contains(&m)
        .then(|| u8::try_from(m).ok())
        .flatten()
}

/// The end of the 年 at `p`, or after blanks there (2016-2020 年).
fn year_word(t: &str, p: usize) -> Option<usize> {
    let q = quantities::skip_blanks(t, p);
    starts(t, q, "年").then_some(q + "年".len())
}

/// Reads a time expression at `pos`, if one starts there; `s` is the numeral there.
pub(super) fn time_at(t: &str, pos: usize, s: &numerals::Scanned) -> Option<TimeRaw> {
    let mut tr = TimeRaw {
        kind: TimeKind::Year,
        year: None,
        end_year: None,
        month: None,
        day: None,
        part: None,
        start: pos,
        end: s.end,
    };
    // 2019-12-23, 2019/12/23, 2019.12.23
    if let (Some(y), Some(sep @ ('-' | '/' | '.'))) = (year_of(s), char_at(t, s.end)) {
        let m = numerals::scan(t, s.end + 1).ok().flatten()?;
        if let (Some(mo), Some(sep2)) = (small_int(&m, 12), char_at(t, m.end)) {
            if sep2 == sep {
                let d = numerals::scan(t, m.end + 1).ok().flatten();
                if let Some(day) = d.as_ref().and_then(|d| small_int(d, 31)) {
                    tr.kind = TimeKind::Date;
                    tr.year = Some(y);
                    tr.month = Some(mo);
                    tr.day = Some(day);
                    tr.end = d.map_or(m.end, |d| d.end);
                    return Some(tr);
                }
            }
        }
        if sep == '.' {
            return None;
        }
    }
    let mut p = s.end;
    if let Some(y) = year_of(s).or_else(|| two_digit_year(t, pos, s)) {
        // 2016-2020年, 2016至2020年 (one character tells whether a separator may follow);
        // typeset pages space them (2016 至 2019 年, 2018—2020 年), as they space a
        // single year (2017 年末): two four-digit years and 年 are a range of years,
        // blanks or none, never a count of years from 2016 to 2019.
        let ps = quantities::skip_blanks(t, p);
        let seps: &[&str] = if matches!(
            char_at(t, ps),
            Some('—' | '-' | '–' | '~' | '〜' | '至' | '到' | '－')
        ) {
            &["——", "--", "—", "–", "-", "~", "〜", "至", "到", "－"]
        } else {
            &[]
        };
        for sep in seps {
            if starts(t, ps, sep) {
                let q = quantities::skip_blanks(t, ps + sep.len());
                if let Some(e) = numerals::scan(t, q).ok().flatten() {
                    if let Some(y2) = year_of(&e) {
                        if let Some(end) = year_word(t, e.end).filter(|_| y2 > y) {
                            tr.kind = TimeKind::YearRange;
                            tr.year = Some(y);
                            tr.end_year = Some(y2);
                            tr.end = end;
                            return Some(tr);
                        }
                    }
                }
            }
        }
        // 2017 年末, 2013 年的: blanks before 年, as typeset pages space them.
        let q = if starts(t, p, "年") {
            p
        } else {
            quantities::skip_blanks(t, p)
        };
        if !starts(t, q, "年") {
            // 2017底, 2018末: a four-digit year whose 年 the writer dropped before 底 or
            // 末 (到2017底,全省还有…).
            if let (Some(y4), Some(c @ ('底' | '末'))) = (year_of(s), char_at(t, p)) {
                tr.year = Some(y4);
                tr.part = Some(c);
                tr.end = p + c.len_utf8();
                return Some(tr);
            }
            return None;
        }
        p = q + "年".len();
        tr.year = Some(y);
        tr.end = p;
        // 2016年至2019年
        let seps: &[&str] = if matches!(
            char_at(t, p),
            Some('至' | '到' | '-' | '—' | '–' | '~' | '〜')
        ) {
            &["至", "到", "-", "—", "–", "~", "〜"]
        } else {
            &[]
        };
        for sep in seps {
            if starts(t, p, sep) {
                if let Some(e) = numerals::scan(t, p + sep.len()).ok().flatten() {
                    if let Some(y2) = year_of(&e) {
                        if y2 > y && starts(t, e.end, "年") {
                            tr.kind = TimeKind::YearRange;
                            tr.end_year = Some(y2);
                            tr.end = e.end + "年".len();
                            p = tr.end;
                            break;
                        }
                    }
                }
            }
        }
        if tr.kind == TimeKind::YearRange {
            return Some(tr);
        }
        if let Some(c @ ('初' | '底' | '末')) = char_at(t, p) {
            tr.part = Some(c);
            tr.end = p + c.len_utf8();
            return Some(tr);
        }
        // 2019年12月23日
        if let Some(m) = numerals::scan(t, p).ok().flatten() {
            if let Some(mo) = small_int(&m, 12) {
                if starts(t, m.end, "月") && !starts(t, p, "个") {
                    tr.kind = TimeKind::Date;
                    tr.month = Some(mo);
                    tr.end = m.end + "月".len();
                    day_after(t, &mut tr);
                }
            }
        }
        return Some(tr);
    }
    // 6月30日, 10月末
    if let Some(mo) = small_int(s, 12) {
        if starts(t, p, "月") && !matches!(char_before(t, pos), Some('个')) {
            tr.kind = TimeKind::Date;
            tr.month = Some(mo);
            tr.end = p + "月".len();
            day_after(t, &mut tr);
            return Some(tr);
        }
    }
    // 30日 after a month written elsewhere; 18号
    if let Some(d) = small_int(s, 31) {
        if (starts(t, p, "日") || starts(t, p, "号")) && !starts(t, p + 3, "元") {
            tr.kind = TimeKind::Date;
            tr.day = Some(d);
            tr.end = p + 3;
            return Some(tr);
        }
    }
    None
}

fn day_after(t: &str, tr: &mut TimeRaw) {
    if let Some(c @ ('初' | '底' | '末')) = char_at(t, tr.end) {
        tr.part = Some(c);
        tr.end += c.len_utf8();
        return;
    }
    if let Some(d) = numerals::scan(t, tr.end).ok().flatten() {
        if let Some(day) = small_int(&d, 31) {
            if starts(t, d.end, "日") || starts(t, d.end, "号") {
                tr.day = Some(day);
                tr.end = d.end + 3;
            }
        }
    }
}

/// Every time expression in a text, in source order; see [`times`].
///
/// ```
/// let years: Vec<Option<i32>> = fupin::times("2014年底至今,二〇一九年").map(|t| t.year).collect();
/// assert_eq!(years, [Some(2014), Some(2019)]);
/// ```
#[derive(Clone, Debug)]
pub struct Times<'t> {
    cursor: Cursor<'t>,
    done: bool,
}

impl Iterator for Times<'_> {
    type Item = TimeExpr;

    fn next(&mut self) -> Option<TimeExpr> {
        while !self.done {
            let Some(found) = self.cursor.next_in_chunk() else {
                self.done = !self.cursor.advance();
                continue;
            };
            if let Found::Time(tr) = found {
                return Some(time_expr(&tr, &self.cursor));
            }
        }
        None
    }
}

impl FusedIterator for Times<'_> {}

pub(crate) fn time_expr(tr: &TimeRaw, cursor: &Cursor<'_>) -> TimeExpr {
    let (text, span) = cursor.original(Span::new(tr.start, tr.end));
    TimeExpr {
        kind: tr.kind,
        year: tr.year,
        end_year: tr.end_year,
        month: tr.month,
        day: tr.day,
        part: tr.part,
        text: text.to_owned(),
        span,
    }
}

/// Finds the time expressions of a document: years (`2014年`, `二〇一九年`, `2015年初`),
/// year ranges (`2016年至2019年`, `2016-2020年`) and dates (`2019年12月23日`, `6月30日`,
/// `2019-12-23`), in source order, with spans into `text`.
///
/// ```
/// let t: Vec<_> = fupin::times("二〇一九年全县脱贫3000人").collect();
/// assert_eq!(t[0].year, Some(2019));
/// assert_eq!(t[0].text, "二〇一九年");
/// ```
#[must_use]
pub fn times(text: &str) -> Times<'_> {
    Times {
        cursor: Cursor::new(text),
        done: false,
    }
}
