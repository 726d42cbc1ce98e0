//! Periods: the year or years a figure refers to.

use super::*;

/// The year or years a figure refers to.
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

pub(super) fn year_of_time(tr: &TimeRaw) -> Option<Period> {
    let y = tr.year?;
    Some(Period {
        start: y,
        end: tr.end_year.unwrap_or(y),
    })
}

/// The period of a figure: the nearest time expression before it in its sentence, else
/// one after it in its sentence; `2016年以来` runs to the document's year.
/// `at` keeps the bounds in `times` found for the last figure: figures asked in order
/// cost a few steps each (see [`sweep`]).
pub(super) fn period_for(
    t: &str,
    marks: &Marks,
    pos: usize,
    sentence: (usize, usize),
    times: &[TimeRaw],
    doc_year: Option<i32>,
    at: &mut (usize, usize),
) -> Option<Period> {
    let (a, b) = sweep(times, (sentence.0, pos), at, |tr| tr.start);
    own_period_in(
        t,
        marks,
        pos,
        sentence.0,
        times.get(a..b).unwrap_or(&[]),
        doc_year,
    )
    .or_else(|| {
        let after = times.get(b).filter(|tr| tr.end <= sentence.1)?;
        since(t, after, doc_year).or_else(|| year_of_time(after))
    })
}

pub(super) fn since(t: &str, tr: &TimeRaw, doc_year: Option<i32>) -> Option<Period> {
    if tr.kind == TimeKind::Year && t.get(tr.end..).is_some_and(|r| r.starts_with("以来")) {
        let y = tr.year?;
        let end = doc_year?;
        return (end >= y).then_some(Period { start: y, end });
    }
    None
}

/// The nearest time expression (or relative year) before `pos`, not before `from`.
pub(super) fn own_period(
    t: &str,
    marks: &Marks,
    pos: usize,
    from: usize,
    times: &[TimeRaw],
    doc_year: Option<i32>,
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
        doc_year,
    )
}

/// [`own_period`] given `between`, the times that start between `from` and `pos`.
pub(super) fn own_period_in(
    t: &str,
    marks: &Marks,
    pos: usize,
    from: usize,
    between: &[TimeRaw],
    doc_year: Option<i32>,
) -> Option<Period> {
    let abs = between
        .iter()
        .rfind(|tr| tr.end <= pos && tr.year.is_some());
    let rel = marks.relative_year(from, pos, doc_year);
    match (abs, rel) {
        (Some(a), Some((ri, rp))) => {
            if ri > a.start {
                Some(rp)
            } else {
                since(t, a, doc_year).or_else(|| year_of_time(a))
            }
        }
        (Some(a), None) => since(t, a, doc_year).or_else(|| year_of_time(a)),
        (None, Some((_, rp))) => Some(rp),
        (None, None) => None,
    }
}

/// The document's year from a full date near its start (2019-12-23, 发布时间:2021-03-02).
pub(super) fn header_year(times: &[TimeRaw], _t: &str) -> Option<i32> {
    times
        .iter()
        .take_while(|tr| tr.start < 1200)
        .find(|tr| {
            tr.kind == TimeKind::Date && tr.year.is_some() && tr.month.is_some() && tr.day.is_some()
        })
        .and_then(|tr| tr.year)
}
