//! Periods: the year or years a figure refers to (spec section 3).
//!
//! In order: a time in the figure's sentence before it (the nearest; a month range
//! across years, 2019年1月至2020年6月, is both years; 2016年以来 and 2016年至今 run to
//! the document's year; a month alone is the year in force, else the document's),
//! or a relative one (今年, 去年, 上年, 明年, 目前, 过去五年, 五年来, 近三年, 十三五期间);
//! else a time after it before the next semicolon; else, unless the figure is a
//! cumulative total (累计), the last time named earlier in its paragraph, else the
//! period of the heading over it. A year that names a standard (按2014年标准,
//! 2010年不变价) is no figure's period.

use super::*;

/// The year or years a figure refers to.
///
/// ```
/// use fupin::{Period, extract};
/// let found: Vec<_> = extract("2016年至2019年全县累计脱贫1.2万人。").collect();
/// assert_eq!(found[0].period, Some(Period { start: 2016, end: 2019 }));
/// ```
// Two years, forever: a period with more fields would be another type.
#[allow(clippy::exhaustive_structs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// The first year.
    pub start: i32,
    /// The last year (equal to `start` for one year).
    pub end: i32,
}

impl Period {
    fn year(y: i32) -> Period {
        Period { start: y, end: y }
    }
}

/// The document's date, for relative times: its year, and its month (0 when unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DocDate {
    pub(super) year: i32,
    pub(super) month: u8,
}

impl DocDate {
    /// The last year a look back (过去五年, 五年来) covers: the year before when the
    /// document is dated January to March, as annual reviews are.
    fn reviewed(self) -> i32 {
        if (1..=3).contains(&self.month) {
            self.year.saturating_sub(1)
        } else {
            self.year
        }
    }
}

/// A time named relative to the document's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Relative {
    /// 今年, 本年, 目前 (0), 去年, 上年 (-1), 明年 (1).
    Year(i32),
    /// 过去五年, 五年来, 近三年: the N years that end with the document's year (see
    /// [`DocDate::reviewed`]).
    Last(i32),
    /// A five-year plan (十三五: 2016-2020) from its first year; `since` for 十三五以来,
    /// which runs to the document's year.
    Plan { first: i32, since: bool },
    /// From a year to the document's year (党的十八大以来: 2013 on).
    Since(i32),
}

impl Relative {
    /// The period it names in a document of date `doc`.
    pub(super) fn resolve(self, doc: Option<DocDate>) -> Option<Period> {
        match self {
            Relative::Plan {
                first,
                since: false,
            } => Some(Period {
                start: first,
                end: first + 4,
            }),
            Relative::Plan { first, since: true } => {
                let d = doc?;
                (d.year >= first).then_some(Period {
                    start: first,
                    end: d.year.min(first + 4),
                })
            }
            Relative::Since(first) => {
                let d = doc?;
                (d.year >= first).then_some(Period {
                    start: first,
                    end: d.year,
                })
            }
            Relative::Year(shift) => Some(Period::year(doc?.year.saturating_add(shift))),
            Relative::Last(n) => {
                let end = doc?.reviewed();
                Some(Period {
                    start: end.saturating_sub(n - 1),
                    end,
                })
            }
        }
    }
}

/// The first year of the five-year plan a word names (十三五: 2016).
pub(super) fn plan_start(word: &str) -> Option<i32> {
    match word {
        "十一五" => Some(2006),
        "十二五" => Some(2011),
        "十三五" => Some(2016),
        "十四五" => Some(2021),
        _ => None,
    }
}

/// The first full year after the party congress a word names (十八大, November 2012:
/// 2013), for 党的十八大以来.
pub(super) fn congress_start(word: &str) -> Option<i32> {
    match word {
        "十八大" => Some(2013),
        "十九大" => Some(2018),
        "二十大" => Some(2023),
        _ => None,
    }
}

/// N in a look back ending at `at` (the 年 of 过去五年, 五年来, 两年内, 近3年): the numeral right
/// before it, one character (or 十), not part of a longer number.
pub(super) fn look_back(t: &str, at: usize) -> Option<i32> {
    let before = t.get(..at)?;
    let after = t.get(at + '年'.len_utf8()..)?;
    let c = before.chars().next_back()?;
    let n = match c {
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        '1'..='9' => i32::try_from(c.to_digit(10)?).ok()?,
        _ => return None,
    };
    let rest = before.get(..before.len() - c.len_utf8())?;
    let prev = rest.chars().next_back().unwrap_or(' ');
    if prev.is_ascii_digit() || "一二两三四五六七八九十百千零〇".contains(prev) {
        return None;
    }
    let opened = ["过去的", "过去", "最近", "近", "这"]
        .iter()
        .any(|w| rest.ends_with(w));
    let closed = ['来', '内', '间'].iter().any(|&c| after.starts_with(c));
    (opened || closed || after.starts_with("以来")).then_some(n)
}

/// Whether a time names a standard or a price base, not the figure's year (按2014年标准,
/// 2010年不变价).
fn standard_year(t: &str, tr: &TimeRaw) -> bool {
    let after = t.get(tr.end..).unwrap_or("");
    ["标准", "的标准", "不变价", "价格", "的价格"]
        .iter()
        .any(|w| after.starts_with(w))
}

/// Whether a time opens a phrase that describes a noun before `pos`: a verb of one to
/// four characters and 的 (2014年识别的, 2015年底搬迁的, 2017年出列的), not 的 right
/// after the time (2014年的17.3%, of that year) nor a span word (2016年以来的).
fn describes_noun(t: &str, tr: &TimeRaw, pos: usize) -> bool {
    let after = t.get(tr.end..pos).unwrap_or("");
    // The characters before 的 are ideographs (three bytes each), so 的 can stand only
    // at bytes 3, 6, 9 or 12: most times have it at none of them.
    let de = "的".as_bytes();
    if ![3, 6, 9, 12]
        .iter()
        .any(|&k| after.as_bytes().get(k..k + 3) == Some(de))
    {
        return false;
    }
    for (n, c) in after.chars().take(5).enumerate() {
        if c == '的' {
            return n > 0;
        }
        let verb_char = is_cjk_char(c)
            && !"以来前后底末初度间中内时至今起止年月日".contains(c)
            && !crate::numerals::lex::is_numeral_char(c);
        if !verb_char {
            return false;
        }
    }
    false
}

/// Whether a time is the base of a comparison (比2021年底增加, 较2019年下降, 与2015年
/// 相比): the figure is not of that year.
fn compared(t: &str, tr: &TimeRaw) -> bool {
    let before = t.get(..tr.start).unwrap_or("");
    if ["比", "较", "与", "同"].iter().any(|w| before.ends_with(w)) {
        return true;
    }
    // 和2014年建档立卡初期相比: 和 opens a comparison only with 相比 closing it in
    // the same clause (2018年和2019年 is a list of years).
    before.ends_with('和') && {
        let after = t.get(tr.end..).unwrap_or("");
        let clause = after
            .char_indices()
            .take(16)
            .find(|&(_, c)| is_clause_end(c))
            .map_or(after.len().min(16 * 3), |(k, _)| k);
        let mut end = clause.min(after.len());
        while !after.is_char_boundary(end) {
            end -= 1;
        }
        after.get(..end).is_some_and(|a| a.contains("相比"))
    }
}

/// Whether a time dates the start of a change (从2012年末的9899万人减少至1660万人): it
/// is the earlier value's (the figure right after its 的), not the period of a figure
/// at `pos` further on.
fn change_start(t: &str, tr: &TimeRaw, pos: usize) -> bool {
    let before = t.get(..tr.start).unwrap_or("");
    let after = t.get(tr.end..).unwrap_or("");
    // The time may be read without the part of the year after it (2012年 of 2012年年末).
    let part = ["年末", "年底", "年初", "末", "底", "初"]
        .iter()
        .find(|w| after.starts_with(*w))
        .map_or(0, |w| w.len());
    (before.ends_with('从') || before.ends_with('由'))
        && after.get(part..).is_some_and(|a| a.starts_with('的'))
        && tr.end + part + '的'.len_utf8() != pos
}

/// The period a time expression names by itself; a month or date without a year is in
/// `year_in_force` (the year named before it, else the document's).
fn period_of(
    t: &str,
    tr: &TimeRaw,
    year_in_force: Option<i32>,
    doc: Option<DocDate>,
) -> Option<Period> {
    // An open span (2016年以来) ends with the document's year: none where that is unknown,
    // never its first year alone.
    let open = |a: &str| a.starts_with("以来") || a.starts_with("至今");
    if tr.year.is_some() && t.get(tr.end..).is_some_and(open) {
        return since(t, tr, doc);
    }
    match tr.year {
        Some(y) => Some(Period {
            start: y,
            end: tr.end_year.unwrap_or(y),
        }),
        None if tr.month.is_some() => year_in_force.or(doc.map(|d| d.year)).map(Period::year),
        None => None,
    }
}

pub(super) fn year_of_time(tr: &TimeRaw) -> Option<Period> {
    let y = tr.year?;
    Some(Period {
        start: y,
        end: tr.end_year.unwrap_or(y),
    })
}

/// The period of a figure at `pos` from the stretch `from..pos` (its sentence, or its
/// clause for a yearly figure): the nearest time expression there, else a relative
/// one, else a time after it in its clause (up to `clause_end`). `at` keeps the bounds in `times` found for the last figure: figures asked in order
/// cost a few steps each (see [`sweep`]).
pub(super) fn period_for(
    t: &str,
    marks: &Marks,
    (from, pos): (usize, usize),
    clause_end: usize,
    times: &[TimeRaw],
    doc: Option<DocDate>,
    at: &mut (usize, usize),
) -> Option<Period> {
    let (a, b) = sweep(times, (from, pos), at, |tr| tr.start);
    own_period_in(
        t,
        marks,
        pos,
        from,
        times.get(a..b).unwrap_or(&[]),
        doc,
        false,
    )
    .or_else(|| {
        // A time after the figure speaks of it only in its own clause (28个贫困村于2017年
        // 全部出列), not in the next (…6576户17990人;2014年全县农村人均可支配收入…),
        // and not as a deadline (到2020年底).
        let after = times
            .get(b..)?
            .iter()
            .take_while(|tr| tr.end <= clause_end)
            .find(|tr| !standard_year(t, tr) && !deadline(t, tr))?;
        period_of(t, after, None, doc)
    })
}

/// Whether a time is a deadline (到2020年底, 至2025年): the end of something else. The
/// second time of a range (2019年1月至2020年6月) is none.
fn deadline(t: &str, tr: &TimeRaw) -> bool {
    let before = t.get(..tr.start).unwrap_or("").trim_end();
    let Some(head) = before
        .strip_suffix('到')
        .or_else(|| before.strip_suffix('至'))
    else {
        return false;
    };
    // 截至2017年底 ("as of") dates what it says, as 截止 does.
    !head.ends_with(['年', '月', '日', '底', '末', '初', '季', '度', '截'])
}

/// A year or date followed by 以来 or 至今 runs to the document's year.
pub(super) fn since(t: &str, tr: &TimeRaw, doc: Option<DocDate>) -> Option<Period> {
    let after = t.get(tr.end..).unwrap_or("");
    if after.starts_with("以来") || after.starts_with("至今") {
        let y = tr.year?;
        let end = doc?.year;
        return (end >= y).then_some(Period { start: y, end });
    }
    None
}

/// The nearest time expression (or relative time) before `pos`, not before `from`.
/// `carry`: the time is carried from an earlier sentence, where a deadline (到2020年全面
/// 建成小康社会) is the end of something else, never the period of what follows.
pub(super) fn own_period(
    t: &str,
    marks: &Marks,
    pos: usize,
    from: usize,
    times: &[TimeRaw],
    doc: Option<DocDate>,
    carry: bool,
) -> Option<Period> {
    // Times are sorted by position: look only at those between `from` and `pos`.
    let a = times.partition_point(|tr| tr.start < from);
    let b = times.partition_point(|tr| tr.start < pos);
    own_period_in(
        t,
        marks,
        pos,
        from,
        times.get(a..b.max(a)).unwrap_or(&[]),
        doc,
        carry,
    )
}

/// [`own_period`] given `between`, the times that start between `from` and `pos`.
pub(super) fn own_period_in(
    t: &str,
    marks: &Marks,
    pos: usize,
    from: usize,
    between: &[TimeRaw],
    doc: Option<DocDate>,
    carry: bool,
) -> Option<Period> {
    let usable = |tr: &TimeRaw| {
        tr.end <= pos
            && (tr.year.is_some() || tr.month.is_some())
            && !(carry && deadline(t, tr))
            && !standard_year(t, tr)
            && !change_start(t, tr, pos)
            && !compared(t, tr)
    };
    // A year inside a phrase that describes a noun (2014年识别的贫困户, 2016年搬迁的群众)
    // dates that noun, not the figure, when an earlier time in reach does (截至2019年,
    // 全县2014年识别的贫困户已全部脱贫,累计脱贫8214户: 2019).
    let k = between
        .iter()
        .rposition(|tr| usable(tr) && !describes_noun(t, tr, pos))
        .or_else(|| between.iter().rposition(usable));
    let abs = k.and_then(|k| {
        let tr = between.get(k)?;
        let earlier = between.get(..k).unwrap_or(&[]);
        // 2019年1月至2020年6月: a range from the time before.
        if let (Some(first), Some(last)) = (earlier.last(), tr.year) {
            let gap = t.get(first.end..tr.start).unwrap_or("x").trim();
            if matches!(gap, "至" | "到" | "-" | "—" | "~" | "～" | "－") {
                if let Some(y) = first.year.filter(|&y| y <= last) {
                    return Some((
                        tr.start,
                        Period {
                            start: y,
                            end: last,
                        },
                    ));
                }
            }
        }
        let in_force = earlier.iter().rev().find_map(|e| e.year);
        Some((tr.start, period_of(t, tr, in_force, doc)?))
    });
    let rel = marks.relative_period(from, pos, doc);
    match (abs, rel) {
        (Some((ai, ap)), Some((ri, rp))) => {
            if ri > ai {
                rp
            } else {
                Some(ap)
            }
        }
        (Some((_, p)), None) => Some(p),
        (None, Some((_, rp))) => rp,
        (None, None) => None,
    }
}

/// The document's date from its header: a full date near its start (2019-12-23,
/// 发布时间:2021-03-02, 2019年12月23日), a dotted day.month.year (03.11.2017), or a
/// report's title (2020年…政府工作报告, read early in 2020: its review is of 2019).
pub(super) fn header_date(times: &[TimeRaw], t: &str) -> Option<DocDate> {
    let date = |tr: &TimeRaw| {
        let ok = tr.kind == TimeKind::Date && tr.day.is_some();
        Some(DocDate {
            year: tr.year.filter(|_| ok)?,
            month: tr.month?,
        })
    };
    // The date a report was delivered (2019年3月2日在县十八届人大三次会议上) is its
    // date, whatever date a site that copied it stamped above it (文库网 2021-05-12).
    let delivered = times
        .iter()
        .take_while(|tr| tr.start < 1200)
        .filter(|tr| {
            let after = t.get(tr.end..).unwrap_or("");
            let line = after.split('\n').next().unwrap_or("");
            after.starts_with('在') && line.contains("会议")
        })
        .find_map(date);
    let full = delivered.or_else(|| times.iter().take_while(|tr| tr.start < 1200).find_map(date));
    let mut end = t.len().min(1200);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let head = t.get(..end).unwrap_or("");
    let date = full.or_else(|| dotted_date(head));
    // A page republished years later (时间:2024-10-28 over a 2018 release): the date
    // its header carries is not when its figures were written, and would turn 十八大以来
    // or 今年 into the wrong years. When every year the text names is three or more
    // before it, the header date is not the document's.
    if let Some(d) = date {
        let latest = times
            .iter()
            .filter(|tr| !(tr.year == Some(d.year) && tr.month == Some(d.month)))
            .filter_map(|tr| tr.end_year.or(tr.year))
            .max();
        if latest.is_some_and(|y| d.year - y >= 3) {
            return None;
        }
        return Some(d);
    }
    date.or_else(|| {
        // The title: the first line that holds 工作报告, within the first lines.
        let line = head.lines().take(5).find(|l| l.contains("工作报告"))?;
        let at = line.as_ptr() as usize - head.as_ptr() as usize;
        let tr = times
            .iter()
            .find(|tr| tr.start >= at && tr.end <= at + line.len() && tr.year.is_some())?;
        Some(DocDate {
            year: tr.year?,
            month: 1,
        })
    })
}

/// A date written day.month.year (03.11.2017) in `head`.
fn dotted_date(head: &str) -> Option<DocDate> {
    let b = head.as_bytes();
    let num = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let mut i = 0;
    while let Some(k) = b.get(i..)?.iter().position(|&c| c == b'.') {
        let dot = i + k;
        i = dot + 1;
        // dd.mm.yyyy: two digits, a dot, two digits, a dot, four digits.
        let (Some(d), Some(m), Some(y)) = (
            dot.checked_sub(2).and_then(|s| b.get(s..dot)),
            b.get(dot + 1..dot + 3),
            b.get(dot + 4..dot + 8),
        ) else {
            continue;
        };
        let boundary_before = dot
            .checked_sub(3)
            .and_then(|s| b.get(s))
            .is_none_or(|c| !c.is_ascii_digit() && *c != b'.');
        let boundary_after = b.get(dot + 8).is_none_or(|c| !c.is_ascii_digit());
        if b.get(dot + 3) != Some(&b'.') || !boundary_before || !boundary_after {
            continue;
        }
        let (Some(d), Some(m), Some(y)) = (num(d), num(m), num(y)) else {
            continue;
        };
        if (1..=31).contains(&d) && (1..=12).contains(&m) && (1990..=2100).contains(&y) {
            return Some(DocDate {
                year: i32::try_from(y).ok()?,
                month: u8::try_from(m).ok()?,
            });
        }
    }
    None
}

/// For a figure whose sentence names no time: the last time named earlier in its
/// paragraph, else the period of the heading over its paragraph; none for a cumulative
/// total (`cumulative`: 累计, 共) or where neither names one.
pub(super) fn carried(
    t: &str,
    marks: &Marks,
    item: &Item,
    times: &[TimeRaw],
    doc: Option<DocDate>,
    cumulative: bool,
) -> Option<Period> {
    // A sentence about an unnamed past (在过去的脱贫攻坚中, 以往) takes no year from
    // the sentences before it: it says its figure is not of their time.
    let head = t.get(item.sentence.0..item.raw.start).unwrap_or("");
    if ["过去的", "以往", "曾经"].iter().any(|w| head.contains(w)) {
        return None;
    }
    // A sentence that opens its own span (2016年以来, 2016年至今) is of that span, even
    // where the document's year that ends it is unknown: never of a year before it.
    let first = times.partition_point(|tr| tr.start < item.sentence.0);
    let open_span = times
        .get(first..)
        .unwrap_or(&[])
        .iter()
        .take_while(|tr| tr.end <= item.raw.start)
        .any(|tr| {
            tr.year.is_some()
                && t.get(tr.end..)
                    .is_some_and(|a| a.starts_with("以来") || a.starts_with("至今"))
        });
    if open_span {
        return None;
    }
    let para = marks.paragraph_start(item.sentence.0);
    let found = own_period(t, marks, item.sentence.0, para, times, doc, true)
        .or_else(|| {
            // A review span (五年来, 过去五年, 十三五时期) in the paragraph before opens a
            // passage that goes on into this one (这是产业扶贫书写的新答卷——…); a
            // year or range stated there (2016年至2019年,全县…) is that statement's.
            if opens_item(t.get(para..item.sentence.1)?) {
                return None;
            }
            let prev_end = t.get(..para)?.trim_end().len();
            let prev = marks.paragraph_start(prev_end);
            let p = marks.relative_period(prev, prev_end, doc)?.1?;
            (p.start < p.end).then_some(p)
        })
        .or_else(|| {
            let (a, b) = marks.heading_before(para)?;
            own_period(t, marks, b, a, times, doc, true)
        })?;
    // A cumulative total (累计, 共) is no single year's: it takes a span only.
    (!cumulative || found.start < found.end).then_some(found)
}

/// Whether a paragraph opens an item of its own: a list marker ((三), 三、, ①, 2.) or
/// a short label closed by a full stop or colon (兜底保障:, “两生”共赢。), so that it
/// does not go on with the paragraph before.
fn opens_item(para: &str) -> bool {
    let p = para.trim_start();
    let mut chars = p.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    if matches!(first, '(' | '（') && numeral(second)
        || numeral(first) && matches!(second, '、' | '.' | ')' | '）')
        || ('①'..='⑳').contains(&first)
    {
        return true;
    }
    p.chars()
        .take(12)
        .position(|c| matches!(c, '。' | ':' | '：'))
        .is_some_and(|n| n <= 10)
}

/// 分别 after two or more years, with as many figures after it (2018年和2019年分别脱贫
/// 1200人和1500人): the k-th figure takes the k-th year. `figures` counts the figures
/// of the same unit in 分别's list, `k` this one's place among them. `None` where 分别
/// pairs no years (one year, none); `Some(None)` where it spreads a range or several
/// years over a list they do not match one to one: no figure of it has the whole span.
pub(super) fn respectively(
    t: &str,
    times: &[TimeRaw],
    sentence_start: usize,
    word: usize,
    figures: usize,
    k: usize,
) -> Option<Option<Period>> {
    let a = times.partition_point(|tr| tr.start < sentence_start);
    let b = times.partition_point(|tr| tr.start < word);
    let years: Vec<&TimeRaw> = times
        .get(a..b.max(a))?
        .iter()
        .filter(|tr| tr.year.is_some() && !standard_year(t, tr))
        .collect();
    // 2014至2016年…分别为86万人、92万人…: one range of as many years as figures
    // gives the k-th year to the k-th figure.
    if let [range] = years.as_slice() {
        let (first, last) = (range.year?, range.end_year?);
        let span = usize::try_from(last - first + 1).ok()?;
        if span >= 2 && span == figures {
            return Some(Some(Period::year(first + i32::try_from(k).ok()?)));
        }
        return (span >= 2 && figures >= 2).then_some(None);
    }
    if years.len() < 2 {
        return None;
    }
    if years.len() != figures {
        return (figures >= 2).then_some(None);
    }
    Some(year_of_time(years.get(k)?))
}
