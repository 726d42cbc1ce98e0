//! Regions: the places a figure belongs to, from the gazetteer of China's
//! administrative divisions.
//!
//! A figure belongs to the nearest place named before it in its sentence (龙山县…1.2%,
//! 湘西州…0.9%: each its own), else to the document's main place. Places are names of
//! the gazetteer (standard, short or old; a name several units share is resolved by the
//! province or prefecture the document names, else no answer), townships and villages
//! as written (龙泉镇大北山村, under the county named before them), 片区, 全国, and 全县,
//! 全市, 全省 and the like, which mean the document's own unit at that level. Words that
//! only end like place names (样板县, 减少农村, 县委县政府) name nothing.

use crate::gazetteer::{self, Hit, Region, RegionLevel, What};

/// How much of a document's start its main place is read from, in bytes: the title and
/// header of a report, and its opening paragraph.
const HEAD: usize = 1500;

/// The first bytes count double (the title).
const TITLE: usize = 400;

/// Characters right before a place that make it another party's, not the figure's: a
/// destination (到北京务工), a partner (与浙江省结对) or a comparison (比全省高, 较全市低).
const NOT_OWN_BEFORE: &str = "到赴往向与同比较于从";

/// Verbs whose object a place is (带动靖宇镇945户): the place holds for the figures of
/// its own clause only, not for those after the next comma.
const OBJECT_VERBS: &[&str] = &["带动", "辐射", "覆盖", "帮扶", "包联", "对接"];

/// How far back 全村 or 该镇 looks for the village or township it means, in bytes.
const NAMED_REACH: usize = 4000;

/// The document's main place and the places its head names (provinces and prefectures
/// that resolve names several units share).
#[derive(Clone, Debug, Default)]
pub(super) struct DocPlaces {
    pub(super) main: Option<Region>,
    pub(super) context: Vec<Region>,
}

/// The main place of the document `t`: the unit its head names most often (names in its
/// first lines counting double; ties to the first named), or the one the caller gave.
pub(super) fn doc_places(t: &str, all: &[Hit], known: Option<&Region>) -> DocPlaces {
    let hits = all
        .get(..all.partition_point(|h| h.end <= HEAD))
        .unwrap_or(&[]);
    // Unambiguous names first; they resolve the others.
    let mut context: Vec<Region> = known.into_iter().cloned().collect();
    for h in hits {
        if let Some(r) = gazetteer::resolve(t, h, &[], None, None) {
            if matches!(h.what, What::Units(..)) && r.level() <= RegionLevel::Prefecture {
                context.push(r);
            }
        }
    }
    let mut counts: Vec<(Region, usize, usize)> = Vec::new();
    for (k, h) in hits.iter().enumerate() {
        if !matches!(h.what, What::Units(..)) {
            continue;
        }
        let Some(r) = gazetteer::resolve(t, h, &context, None, None) else {
            continue;
        };
        // A province or prefecture written right before a unit under it (甘肃武威市,
        // 湖北恩施州) only says where that unit is: the unit is what the text is about.
        let qualifies = hits.get(k + 1).is_some_and(|n| {
            n.start == h.end
                && gazetteer::resolve(t, n, &context, None, None)
                    .is_some_and(|c| c.level() > r.level() && r.contains(&c))
        });
        if qualifies {
            continue;
        }
        // A news agency's dateline (新华社乌鲁木齐1月14日电) says where the story was
        // filed, not what it is about.
        if is_dateline(t, h.end) {
            continue;
        }
        let w = if h.start < TITLE { 2 } else { 1 };
        match counts.iter_mut().find(|(n, _, _)| *n == r) {
            Some(e) => e.1 += w,
            None => counts.push((r, w, h.start)),
        }
    }
    let main = known.cloned().or_else(|| {
        let best = counts
            .iter()
            .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))?;
        // A head that names two units of one level as often (广西、云南、西藏三省…)
        // is about several places, not one.
        let tied = counts
            .iter()
            .any(|(r, n, _)| *n == best.1 && r != &best.0 && r.level() == best.0.level());
        (!tied).then(|| best.0.clone())
    });
    // The level a document speaks as (我县, 本市 …), if it does.
    let voice = hits.iter().find_map(|h| match h.what {
        What::Own(s) if matches!(t.get(h.start..), Some(r) if r.starts_with('我') || r.starts_with('本')) => Some(s),
        _ => None,
    });
    // A report about a township or a village (红岩镇石门村扶贫工作汇报) whose head
    // names no unit: the one place its title line names, if one alone.
    let main = main.or_else(|| {
        if !counts.is_empty() {
            return None;
        }
        let title_end = t.find('\n').unwrap_or(t.len()).min(TITLE);
        let mut written = hits
            .iter()
            .filter(|h| h.end <= title_end && matches!(h.what, What::Township | What::Village));
        let first = written.next()?;
        if written.next().is_some() {
            return None;
        }
        gazetteer::resolve(t, first, &context, None, None)
    });
    // A national release (国家统计局…全国农村贫困人口, 我国): where the head names no
    // unit and speaks as no unit, the country.
    let main = main.or_else(|| {
        let national = hits.iter().any(|h| h.what == What::National);
        (counts.is_empty() && voice.is_none() && national).then(Region::national)
    });
    // A document that speaks as a county (我县, 本县, 我旗) or a city (我市, 本市) is about
    // a unit of that level: a province or municipality its head names (重庆彭水网…我县)
    // is not its main place, and no guess is better than the wrong level.
    let finer = |m: &Region| match voice {
        Some('县' | '旗') => m.level() < RegionLevel::County,
        Some('市') => m.level() < RegionLevel::Prefecture,
        _ => false,
    };
    // The unit of the voice's level that the head names most, inside the wider place
    // ((贵州省)2019年威宁彝族回族苗族自治县政府工作报告…我县): that one, if one alone.
    let main = match main {
        Some(m) if known.is_none() && finer(&m) => {
            let level = if matches!(voice, Some('市')) {
                RegionLevel::Prefecture
            } else {
                RegionLevel::County
            };
            let inside: Vec<&(Region, usize, usize)> = counts
                .iter()
                .filter(|(r, _, _)| r.level() == level && m.contains(r))
                .collect();
            let top = inside.iter().map(|c| c.1).max();
            let mut best = inside.iter().filter(|c| Some(c.1) == top);
            match (best.next(), best.next()) {
                (Some(only), None) => Some(only.0.clone()),
                _ => None,
            }
        }
        m => m,
    };
    if let Some(m) = &main {
        context.extend(m.province());
        context.extend(m.prefecture());
    }
    DocPlaces { main, context }
}

/// Whether the clause at `start` opens with its predicate, a comparison or a change
/// (比上年减少, 较2019年下降, 同比增长), and so has the subject of the clause before.
fn continues(t: &str, start: usize) -> bool {
    let rest = t.get(start..).unwrap_or("");
    let rest = rest.trim_start();
    // An adverb before the predicate changes nothing (累计减少877万人, 年均下降3.3个百分点).
    let rest = ["累计", "年均", "平均", "分别", "共"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    [
        "比", "较", "同比", "下降", "减少", "增加", "增长", "提高", "降低",
    ]
    .iter()
    .any(|w| rest.starts_with(w))
}

/// Whether a date and 电 follow a place (乌鲁木齐1月14日电): a dateline.
fn is_dateline(t: &str, end: usize) -> bool {
    let rest = t.get(end..).unwrap_or("");
    let date_len = rest
        .char_indices()
        .take(12)
        .take_while(|&(_, c)| c.is_ascii_digit() || matches!(c, '月' | '日' | ' '))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    date_len > 0 && rest.get(date_len..).is_some_and(|r| r.starts_with('电'))
}

/// The place names of one sentence, kept while the figures of that sentence are read.
#[derive(Default)]
pub(super) struct SentencePlaces {
    /// The place names of the whole chunk, read once.
    pub(super) hits: Vec<Hit>,
    range: Option<(usize, usize)>,
    /// The place of the heading above the sentence's line, once asked, with the
    /// line's start: the sentences of one paragraph share it.
    heading: Option<(usize, Option<Region>)>,
    fenbie: Fenbie,
}

/// The clause last asked about 分别, and where it says it.
#[derive(Default)]
struct Fenbie {
    fenbie: (Option<(usize, usize)>, Option<usize>),
}

impl SentencePlaces {
    /// Reads the place names of a new chunk.
    pub(super) fn fill(&mut self, t: &str) {
        gazetteer::scan(t, 0, t.len(), &mut self.hits);
        self.range = None;
        self.heading = None;
        self.fenbie = Fenbie::default();
    }
}

/// The hits that lie wholly within `from..to`.
fn within(hits: &[Hit], from: usize, to: usize) -> &[Hit] {
    let a = hits.partition_point(|h| h.start < from);
    let b = hits.partition_point(|h| h.end <= to);
    hits.get(a..b.max(a)).unwrap_or(&[])
}

/// How far back the heading over a figure is looked for, in bytes.
const HEADING_REACH: usize = 6000;

/// At most this many characters make a heading line (支持榆社县脱贫摘帽).
const HEADING_CHARS: usize = 30;

/// The place named by the heading over `pos`: the nearest line before it that is a
/// heading (short, no sentence inside it), if that heading names a place. A heading
/// without one, or none within reach, gives `None`: the document's main place holds.
fn heading_place(t: &str, all: &[Hit], pos: usize, doc: &DocPlaces) -> Option<Region> {
    let mut floor = pos.saturating_sub(HEADING_REACH);
    while !t.is_char_boundary(floor) {
        floor += 1;
    }
    let area = t.get(floor..pos)?;
    // Lines wholly before `pos`, nearest first (the line holding `pos` is skipped).
    let mut end = area.rfind('\n')?;
    loop {
        let start = area.get(..end)?.rfind('\n').map_or(0, |i| i + 1);
        let line = area.get(start..end)?.trim();
        // Longer than any heading in bytes: not counted (a paragraph is long).
        let chars = if line.len() > 4 * HEADING_CHARS {
            HEADING_CHARS + 1
        } else {
            line.chars().count()
        };
        let is_heading = (4..=HEADING_CHARS).contains(&chars)
            && !line.contains(['。', '，', ',', '；', ';'])
            && !line.ends_with(['：', ':']);
        if is_heading {
            let (a, b) = (floor + start, floor + end);
            let mut named = within(all, a, b)
                .iter()
                .rev()
                .filter(|h| !matches!(h.what, What::Own(_) | What::Named(_)))
                .filter_map(|h| gazetteer::resolve(t, h, &doc.context, doc.main.as_ref(), None));
            let last = named.next()?;
            // A heading that lists places of one level (红岩镇、青山乡工作汇报) is about
            // several: none of them alone. A wider place before (甘肃省定西市) only
            // says where the last is.
            if named.any(|r| r.level() == last.level()) {
                return None;
            }
            return Some(last);
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// The place named in the figure's sentence before it, nearest first; `None` where the
/// sentence names none (the document's main place then holds) or names one that does
/// not resolve to a single place. The line holding the sentence is found in the
/// chunk's `marks` (a binary search), not by searching back through the text.
pub(super) fn clause_region(
    t: &str,
    items: &[Item],
    i: usize,
    doc: &DocPlaces,
    cache: &mut SentencePlaces,
    marks: &super::Marks,
) -> Option<Option<Region>> {
    let item = items.get(i)?;
    if cache.range != Some(item.sentence) {
        cache.range = Some(item.sentence);
    }
    let SentencePlaces {
        hits: all,
        heading,
        fenbie,
        ..
    } = cache;
    let all = &*all;
    let mut heading = || -> Option<Option<Region>> {
        // The heading over a line is the same for all its sentences.
        let line = marks.paragraph_start(item.sentence.0);
        if heading.as_ref().is_none_or(|h| h.0 != line) {
            *heading = Some((line, heading_place(t, all, item.sentence.0, doc)));
        }
        heading.as_ref().and_then(|h| h.1.clone()).map(Some)
    };
    let hits = within(all, item.sentence.0, item.raw.start);
    if let Some(r) = respectively(t, items, i, hits, doc, fenbie) {
        return Some(r);
    }
    let found = hits.iter().enumerate().rev().find(|&(k, h)| {
        let first = list_start(t, hits, k);
        let lead = hits.get(first).map_or(h.start, |f| f.start);
        let other_party = [lead, h.start].iter().any(|&p| {
            crate::common::chars::char_before(t, p).is_some_and(|c| NOT_OWN_BEFORE.contains(c))
        });
        let object_elsewhere = OBJECT_VERBS
            .iter()
            .any(|v| crate::common::chars::ends(t, lead, v))
            && h.start < item.clause.0;
        // 全国 in an earlier clause qualifies something there (全国综合扶贫改革试点,…):
        // the country is a figure's place only in the figure's own clause, unless it
        // opens the sentence's subject (2017年末,全国农村贫困人口减少1289万人,贫困发生率
        // 3.1%: the rate is the country's too).
        // 我国 is always the sentence's subject, never a qualifier: it reaches every clause.
        let national_elsewhere = h.what == What::National
            && h.start < item.clause.0
            && !crate::common::chars::starts(t, h.start, "我")
            && !["农村", "贫困", "农民", "建档立卡", "脱贫"]
                .iter()
                .any(|w| crate::common::chars::starts(t, h.end, w));
        !(other_party || object_elsewhere || national_elsewhere)
    });
    let Some((k, hit)) = found else {
        // A group of areas as the subject (西部地区, 贫困地区农村居民, 重点县, 片区)
        // is a part of the main place, not the main place: no place to give.
        // (The words are found once per chunk: see `Ctx::AreaGroup`.) A clause that
        // opens with its predicate (西部地区农村贫困人口2251万人,比上年减少663万人) goes on
        // with the subject of the clause before.
        let subject_from = if continues(t, item.clause.0) {
            item.sentence.0
        } else {
            item.clause.0
        };
        if marks.has(super::Ctx::AreaGroup, (subject_from, item.raw.start)) {
            return Some(None);
        }
        return heading();
    };
    // A place of a list (梅渚镇周家村、涛城镇黄墅村3个村; 竹溪、保康和五峰5个县) is no one
    // figure's: the figure is the group's, which lies in the smallest unit holding them
    // all (the county, the province), if the text says which.
    let first = list_start(t, hits, k);
    let in_list = first < k
        || hits.get(k + 1).is_some_and(|n| joined(t, hit.end, n.start))
        || crate::common::chars::char_at(t, hit.end) == Some('、');
    if in_list {
        let county = doc
            .main
            .as_ref()
            .filter(|m| m.level() == RegionLevel::County);
        let members: Vec<Option<Region>> = hits
            .get(first..=k)
            .unwrap_or(&[])
            .iter()
            .map(|h| gazetteer::resolve(t, h, &doc.context, doc.main.as_ref(), county))
            .collect();
        return Some(common_unit(&members));
    }
    // 全省重点县, 全国贫困地区: the group within the whole, not the whole.
    if matches!(hit.what, What::Own(_) | What::National)
        && marks.has(super::Ctx::AreaGroup, (hit.end, item.raw.start))
    {
        return Some(None);
    }
    if let What::Named(s) = hit.what {
        return Some(named_before(t, all, hit.start, s, doc));
    }
    // 该县, 该市: the county or city named last before it (竹溪县县长介绍说,该县…).
    if let What::Own(s) = hit.what {
        if crate::common::chars::starts(t, hit.start, "该") {
            if let Some(r) = unit_before(t, all, hit.start, s, doc) {
                return Some(Some(r));
            }
        }
    }
    let needs_context = match hit.what {
        What::Units(lo, hi) => hi > lo + 1,
        What::Township | What::Village => true,
        _ => false,
    };
    if !needs_context {
        return Some(gazetteer::resolve(t, hit, &[], doc.main.as_ref(), None));
    }
    // The places named before it resolve a name several units share (辽宁省朝阳县), and
    // the county before a township is its county.
    let mut context = doc.context.clone();
    let mut county = doc
        .main
        .as_ref()
        .filter(|m| m.level() == RegionLevel::County)
        .cloned();
    for h in hits.get(..k).unwrap_or(&[]) {
        if let Some(r) = gazetteer::resolve(t, h, &context, doc.main.as_ref(), None) {
            if r.level() == RegionLevel::County {
                county = Some(r.clone());
            }
            if r.level() <= RegionLevel::Prefecture {
                context.push(r);
            }
        }
    }
    Some(gazetteer::resolve(
        t,
        hit,
        &context,
        doc.main.as_ref(),
        county.as_ref(),
    ))
}

/// The smallest unit of the administrative divisions that holds every place of a list,
/// by their codes; `None` where one has no code or they lie in different provinces.
fn common_unit(members: &[Option<Region>]) -> Option<Region> {
    let codes: Vec<u32> = members
        .iter()
        .map(|m| m.as_ref().and_then(Region::code))
        .collect::<Option<_>>()?;
    let first = *codes.first()?;
    for unit in [1, 100, 10000] {
        if codes.iter().all(|c| c / unit == first / unit) {
            let code = first / unit * unit;
            if let Some(r) = Region::from_code_number(code) {
                return Some(r);
            }
        }
    }
    None
}

/// 靖宇镇…和景山镇…分别增收1130元和780元: after 分别, the figures of the clause go to
/// the places named before it, in order, when there are as many of each.
fn respectively(
    t: &str,
    items: &[Item],
    i: usize,
    hits: &[Hit],
    doc: &DocPlaces,
    cache: &mut Fenbie,
) -> Option<Option<Region>> {
    let item = items.get(i)?;
    // Pairing needs two places before the figure: most sentences have fewer.
    if hits.len() < 2 {
        return None;
    }
    // Where the clause says 分别, found once per clause.
    if cache.fenbie.0 != Some(item.clause) {
        // `contains` is the vectorised search; most clauses have no 分别.
        let clause = t.get(item.clause.0..item.clause.1).unwrap_or("");
        let at = if clause.contains("分别") {
            clause.find("分别")
        } else {
            None
        };
        cache.fenbie = (Some(item.clause), at.map(|a| item.clause.0 + a));
    }
    let at = cache.fenbie.1.filter(|&a| a < item.raw.start)?;
    let places: Vec<&Hit> = hits
        .iter()
        .filter(|h| h.end <= at && !matches!(h.what, What::Own(_) | What::Named(_)))
        .collect();
    // The figures of the clause after 分别: neighbours of the figure in the list.
    let same = |j: &usize| {
        items
            .get(*j)
            .is_some_and(|it| it.clause == item.clause && it.raw.start > at)
    };
    let first = (0..i).rev().take_while(same).last().unwrap_or(i);
    let figures: Vec<usize> = (first..items.len()).take_while(same).collect();
    if places.len() < 2 || places.len() != figures.len() {
        return None;
    }
    let k = figures.iter().position(|&j| j == i)?;
    let county = doc
        .main
        .as_ref()
        .filter(|m| m.level() == RegionLevel::County);
    let hit = places.get(k)?;
    Some(gazetteer::resolve(
        t,
        hit,
        &doc.context,
        doc.main.as_ref(),
        county,
    ))
}

/// Whether two places are joined as items of a list (、, 和, 及; 与 joins partners).
fn joined(t: &str, end: usize, start: usize) -> bool {
    t.get(end..start)
        .is_some_and(|g| matches!(g, "、" | "和" | "及" | "以及"))
}

/// The first place of the list that the `k`th place ends. A member may be a place
/// written under the one before it (甘孜州、阿坝州和凉山州木里县: 凉山州木里县 is one
/// member), which the list goes on through when a separator stands before the pair.
fn list_start(t: &str, hits: &[Hit], k: usize) -> usize {
    let mut first = k;
    while let (Some(p), Some(h)) = (
        first.checked_sub(1).and_then(|j| hits.get(j)),
        hits.get(first),
    ) {
        if joined(t, p.end, h.start) {
            first -= 1;
            continue;
        }
        let pair = p.end == h.start
            && first
                .checked_sub(2)
                .and_then(|j| hits.get(j))
                .is_some_and(|q| joined(t, q.end, p.start));
        if !pair {
            break;
        }
        first -= 2;
    }
    first
}

/// The last unit before `pos` in its paragraph whose name ends with `s` (县, 市, 州).
fn unit_before(t: &str, all: &[Hit], pos: usize, s: char, doc: &DocPlaces) -> Option<Region> {
    let mut from = pos.saturating_sub(NAMED_REACH);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let from = t.get(from..pos)?.rfind('\n').map_or(from, |i| from + i + 1);
    within(all, from, pos)
        .iter()
        .rev()
        .filter(|h| matches!(h.what, What::Units(..)))
        .filter_map(|h| gazetteer::resolve(t, h, &doc.context, doc.main.as_ref(), None))
        .find(|r| r.name().ends_with(s))
}

/// The village (s = 村) or township (镇, 乡) that 全村 or 该镇 at `pos` means: the last
/// one named before it in its paragraph.
fn named_before(t: &str, all: &[Hit], pos: usize, s: char, doc: &DocPlaces) -> Option<Region> {
    let mut from = pos.saturating_sub(NAMED_REACH);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    let from = t.get(from..pos)?.rfind('\n').map_or(from, |i| from + i + 1);
    let hits = within(all, from, pos);
    let want = if s == '村' {
        What::Village
    } else {
        What::Township
    };
    let county = doc
        .main
        .as_ref()
        .filter(|m| m.level() == RegionLevel::County);
    let h = hits.iter().rev().find(|h| h.what == want)?;
    gazetteer::resolve(t, h, &doc.context, doc.main.as_ref(), county)
}

use super::Item;
