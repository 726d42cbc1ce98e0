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
const HEAD: usize = 3000;

/// The first bytes count double (the title).
const TITLE: usize = 400;

/// Characters right before a place that make it another party's, not the figure's: a
/// destination (到北京务工), a partner (与浙江省结对) or a comparison (比全省高, 较全市低).
const NOT_OWN_BEFORE: &str = "到赴往向与同比较于";

/// The document's main place and the places its head names (provinces and prefectures
/// that resolve names several units share).
#[derive(Clone, Debug, Default)]
pub(super) struct DocPlaces {
    pub(super) main: Option<Region>,
    pub(super) context: Vec<Region>,
}

/// The main place of the document `t`: the unit its head names most often (names in its
/// first lines counting double; ties to the first named), or the one the caller gave.
pub(super) fn doc_places(t: &str, known: Option<&Region>) -> DocPlaces {
    let mut end = t.len().min(HEAD);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    let mut hits = Vec::new();
    gazetteer::scan(t, 0, end, &mut hits);
    // Unambiguous names first; they resolve the others.
    let mut context: Vec<Region> = known.into_iter().cloned().collect();
    for h in &hits {
        if let Some(r) = gazetteer::resolve(t, h, &[], None, None) {
            if matches!(h.what, What::Units(..)) && r.level() <= RegionLevel::Prefecture {
                context.push(r);
            }
        }
    }
    let mut counts: Vec<(Region, usize, usize)> = Vec::new();
    for h in &hits {
        if !matches!(h.what, What::Units(..)) {
            continue;
        }
        let Some(r) = gazetteer::resolve(t, h, &context, None, None) else {
            continue;
        };
        if r.level() == RegionLevel::Province {
            continue;
        }
        let w = if h.start < TITLE { 2 } else { 1 };
        match counts.iter_mut().find(|(n, _, _)| *n == r) {
            Some(e) => e.1 += w,
            None => counts.push((r, w, h.start)),
        }
    }
    let main = known.cloned().or_else(|| {
        counts
            .iter()
            .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
            .map(|(r, _, _)| r.clone())
    });
    if let Some(m) = &main {
        context.extend(m.province());
        context.extend(m.prefecture());
    }
    DocPlaces { main, context }
}

/// The place names of one sentence, kept while the figures of that sentence are read.
#[derive(Default)]
pub(super) struct SentencePlaces {
    range: Option<(usize, usize)>,
    hits: Vec<Hit>,
}

/// The place named in the figure's sentence before it, nearest first; `None` where the
/// sentence names none (the document's main place then holds) or names one that does
/// not resolve to a single place.
pub(super) fn clause_region(
    t: &str,
    item: &Item,
    doc: &DocPlaces,
    cache: &mut SentencePlaces,
) -> Option<Option<Region>> {
    if cache.range != Some(item.sentence) {
        cache.range = Some(item.sentence);
        gazetteer::scan(t, item.sentence.0, item.sentence.1, &mut cache.hits);
    }
    let before = cache.hits.partition_point(|h| h.end <= item.raw.start);
    let hits = cache.hits.get(..before).unwrap_or(&[]);
    let (k, hit) = hits.iter().enumerate().rev().find(|(_, h)| {
        !crate::chars::char_before(t, h.start).is_some_and(|c| NOT_OWN_BEFORE.contains(c))
    })?;
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

use super::Item;
