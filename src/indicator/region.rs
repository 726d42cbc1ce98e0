//! Regions: the places a figure belongs to.

use super::*;

/// A place name: one to three characters and a suffix (县, 市, 镇, 乡, 村).
#[derive(Clone, Copy, Debug)]
pub(super) struct Place {
    pub(super) start: usize,
    /// Where the suffix starts; the name ends after it.
    pub(super) suffix: usize,
    pub(super) end: usize,
    pub(super) kind: char,
}

/// Characters that cannot be part of a place name before 县/市/镇/乡/村 (besides
/// characters that are not CJK ideographs).
pub(super) const NAME_STOPS: &str = "全本该各此每外贫困点帽度非省市区乡镇村县等和与及了在对向到从为是的个其共有中小两一二三四五六七八九十百千万年月日全部所这那深重各级联包帮扶个户入驻";

/// The county or city the document is about: the most named one, names in the first
/// line counting double.
pub(super) fn main_region(t: &str, places: &[Place]) -> Option<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let first_line_end = t.find('\n').unwrap_or(t.len()).min(400);
    for p in places.iter().filter(|p| matches!(p.kind, '县' | '市')) {
        let Some(name) = t.get(p.start..p.end) else {
            continue;
        };
        let w = if p.start < first_line_end { 2 } else { 1 };
        match counts.iter_mut().find(|(n, _, _)| *n == name) {
            Some(e) => e.1 += w,
            None => counts.push((name, w, p.start)),
        }
    }
    counts
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
        .map(|(n, _, _)| n.to_owned())
}

/// A township, village or county named in the item's sentence before it (龙泉镇大北山村),
/// as written in normalized text.
pub(super) fn clause_region(t: &str, places: &[Place], item: &Item) -> Option<String> {
    let (s, e) = (item.sentence.0, item.raw.start);
    // Names whose suffix lies in s..e, cut at s, the last two of them.
    let k = places.partition_point(|p| p.end <= e);
    let mut names = places
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|p| p.suffix >= s)
        .filter(|p| matches!(p.kind, '镇' | '乡' | '村' | '县'))
        .map(|p| (p.start.max(s), p.suffix, p.end))
        .filter(|&(a, suffix, _)| a < suffix)
        .map(|(a, _, b)| (a, b));
    let (a, b) = names.next()?;
    let name = t.get(a..b)?;
    // 贫困村, 行政村 and the like are not places.
    if [
        "贫困村",
        "行政村",
        "脱贫村",
        "贫困县",
        "重点村",
        "示范村",
        "出列村",
    ]
    .iter()
    .any(|w| name.ends_with(w))
        || GENERIC_PLACES.contains(&name)
        || name.chars().count() < 3
    {
        return None;
    }
    // 龙泉镇大北山村: a village right after its township.
    let full = names
        .next()
        .filter(|&(_, pb)| pb == a)
        .and_then(|(pa, _)| t.get(pa..b))
        .unwrap_or(name);
    Some(full.to_owned())
}

/// Words ending like place names that name no place.
pub(super) static GENERIC_PLACES: &[&str] = &[
    "农村", "乡村", "城乡", "山村", "新村", "全村", "本村", "该村", "各村", "村村", "乡镇", "城镇",
    "集镇",
];
