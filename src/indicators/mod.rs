//! Poverty indicators: what each figure measures, when and where.

use crate::common::chars::{char_at, char_before};
use crate::common::lexicon::{CharSet, Lexicon, Occ, Occurrences, bound_from, sweep};
use crate::common::named_enum;
use crate::quantities::scanner::{Cursor, Found};
use crate::quantities::time::{TimeKind, TimeRaw};
use crate::quantities::{Raw, is_cjk_char};
use crate::{ParseError, ParseErrorKind, Quantity, Region, Span, Unit};
use core::fmt;
use core::iter::FusedIterator;
use core::str::FromStr;

mod change;
mod kind;
mod marks;
mod modality;
mod period;
mod predicate;
mod region;

use change::*;
use kind::*;
use marks::*;
use modality::{list_modality, modality};
use period::*;
use predicate::*;
use region::*;

pub use kind::IndicatorKind;
pub use modality::Modality;
pub use period::Period;

/// The earlier value of a change (由A下降到B: A), with its own period.
///
/// ```
/// use fupin::{Period, extract};
/// let text = "全县贫困发生率由2014年的17.3%下降到2019年的0.5%。";
/// let ind = extract(text).next().expect("an indicator");
/// assert_eq!(ind.quantity.text, "0.5%");
/// let previous = ind.previous.expect("the earlier value");
/// assert_eq!(previous.quantity.text, "17.3%");
/// assert_eq!(previous.period, Some(Period { start: 2014, end: 2014 }));
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Previous {
    /// The earlier quantity, with its span in the original text.
    pub quantity: Quantity<'static>,
    /// Its period, where the text gives one.
    pub period: Option<Period>,
}

/// A figure that the text ties to a poverty indicator.
///
/// Owned, `Send + Sync`, serializable and deserializable (feature `serde`) as the flat
/// JSON of spec section 5.
///
/// ```
/// use fupin::{IndicatorKind, Unit, extract};
/// let text = "2019年底,会宁县建档立卡贫困人口由28615人减少到121人。";
/// let ind = extract(text).next().expect("an indicator");
/// assert_eq!(ind.kind, IndicatorKind::PoorPopulation);
/// assert_eq!((ind.quantity.value.to_string(), ind.quantity.unit), ("121".into(), Some(Unit::Person)));
/// assert_eq!(&text[ind.quantity.span], "121人");
/// assert_eq!(ind.subject, "建档立卡贫困人口");
/// let region = ind.region.as_ref().expect("a place");
/// assert_eq!((region.name(), region.code()), ("会宁县", Some(620422)));
///
/// // The JSON reads back to the same record (feature `serde`).
/// let json = serde_json::to_string(&ind)?;
/// assert_eq!(serde_json::from_str::<fupin::PovertyIndicator>(&json)?, ind);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PovertyIndicator {
    /// What it measures.
    pub kind: IndicatorKind,
    /// The figure, with its span in the original text.
    pub quantity: Quantity<'static>,
    /// The words that tied the figure to its kind, as written (建档立卡贫困人口).
    pub subject: String,
    /// Byte span of the subject in the original text.
    pub subject_span: Span,
    /// Byte span in the original text of the sentence the figure was read from, its
    /// closing full stop included: the evidence a reviewer reads
    /// (`&text[found.sentence.range()]`).
    pub sentence: Span,
    /// The year or years it refers to, where the text says so.
    pub period: Option<Period>,
    /// The place it belongs to: the place named before it in its sentence, else the
    /// document's main place (from its head, or [`Extractor::region`]); `None` where
    /// the text names a place that does not resolve to one (a name several units
    /// share) or names none. Never a word that only looks like a place.
    pub region: Option<Region>,
    /// The earlier value of a change (由A下降到B).
    pub previous: Option<Previous>,
    /// Actual, target or expected.
    pub modality: Modality,
}

/// Options for [`extract`]: build with [`Extractor::new`], then call
/// [`Extractor::extract`].
///
/// ```
/// use fupin::{Extractor, IndicatorKind, Period};
///
/// let text = "今年初全县建档立卡贫困人口5767户10473人。";
/// let found: Vec<_> = Extractor::new().date(2017, 6, 9).extract(text).collect();
/// assert_eq!(found[1].kind, IndicatorKind::PoorPopulation);
/// assert_eq!(found[1].period, Some(Period { start: 2017, end: 2017 }));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    date: Option<(i32, u8, u8)>,
    region: Option<Region>,
    _private: (),
}

impl Extractor {
    /// Default options: the document date is read from the text's header, if any.
    #[must_use]
    pub const fn new() -> Extractor {
        Extractor {
            date: None,
            region: None,
            _private: (),
        }
    }

    /// The document's date, for 今年, 去年, 上年, 明年, 目前, `2016年以来`, month-only
    /// dates, and look backs (过去五年, 五年来), which end with the year before when the
    /// month is January to March (as annual reviews are dated). It wins over a date
    /// read from the text's header.
    #[must_use]
    pub const fn date(mut self, year: i32, month: u8, day: u8) -> Extractor {
        self.date = Some((year, month, day));
        self
    }

    /// The place the document is about, when the caller knows it: figures whose
    /// sentence names no place belong to it, and it resolves names several units share
    /// (朝阳区 in a document about 北京市).
    ///
    /// ```
    /// use fupin::{Extractor, Region};
    ///
    /// let lintao = Region::lookup("临洮县").unwrap();
    /// let text = "全县建档立卡贫困人口5767户。";
    /// let found: Vec<_> = Extractor::new().region(lintao).extract(text).collect();
    /// let region = found[0].region.as_ref().unwrap();
    /// assert_eq!((region.name(), region.code()), ("临洮县", Some(621124)));
    /// ```
    #[must_use]
    pub fn region(mut self, region: Region) -> Extractor {
        self.region = Some(region);
        self
    }

    /// Finds the indicators of `text`, in source order.
    ///
    /// Nothing is set up per call: the working lists of the last document read on this
    /// thread are reused (taken back when the [`Indicators`] is dropped), so a short
    /// document allocates little more than what it returns.
    #[must_use]
    pub fn extract<'t>(&self, text: &'t str) -> Indicators<'t> {
        self.indicators(text, None)
    }

    /// The indicators of `text` (a whole document, or one of its pieces with the
    /// document's `info` decided already).
    pub(crate) fn indicators<'t>(&self, text: &'t str, info: Option<DocInfo>) -> Indicators<'t> {
        Indicators {
            cursor: Cursor::new(text),
            date: self.date,
            known_region: self.region.clone(),
            info,
            lists: Lists::take(),
            last_sentence: None,
            started: false,
            done: false,
        }
    }

    /// The indicators of one document, its pieces read in parallel on rayon's thread
    /// pool (or the pool installed by the caller); the same records, in the same order,
    /// as [`extract`](Extractor::extract) gives.
    ///
    /// A document is read in pieces of at most 64 KiB, cut after line breaks. What holds
    /// for the whole document (its date, its main place) is decided first, from its
    /// first piece, as [`extract`](Extractor::extract) decides it; then the other
    /// pieces are read at once, each on its own (see [`Pieces`](crate::Pieces)). Worth
    /// it for long documents (a few hundred KB and more); a document of one piece is
    /// read on the calling thread. For many documents,
    /// [`par_extract`](Extractor::par_extract) spreads the documents instead.
    ///
    /// ```
    /// let report = "2019年,全县建档立卡贫困人口减少到1200人。\n".repeat(10_000);
    /// let extractor = fupin::Extractor::new();
    /// let found = extractor.par_extract_document(&report);
    /// assert_eq!(found.len(), 10_000);
    /// assert_eq!(found, extractor.extract(&report).collect::<Vec<_>>());
    /// ```
    #[cfg(feature = "rayon")]
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    #[must_use]
    pub fn par_extract_document(&self, text: &str) -> Vec<PovertyIndicator> {
        use rayon::prelude::*;
        let ends = crate::batch::piece_ends(text, true);
        let Some((&first, rest)) = ends.split_first() else {
            return Vec::new();
        };
        if rest.is_empty() {
            return self.extract(text).collect();
        }
        // The first piece decides what holds for the whole document; its records are
        // kept, so it is read once.
        let mut head = self.indicators(text.get(..first).unwrap_or(""), None);
        let mut all: Vec<PovertyIndicator> = head.by_ref().collect();
        let info = head.info.take();
        drop(head);
        let pieces: Vec<(usize, usize)> = ends.iter().copied().zip(rest.iter().copied()).collect();
        let found: Vec<Vec<PovertyIndicator>> = pieces
            .par_iter()
            .map(|&(a, b)| {
                let piece = text.get(a..b).unwrap_or("");
                let found = self.indicators(piece, info.clone());
                found
                    .map(|mut i| {
                        i.shift(a);
                        i
                    })
                    .collect()
            })
            .collect();
        all.reserve(found.iter().map(Vec::len).sum());
        found.into_iter().for_each(|v| all.extend(v));
        all
    }

    /// What holds for the whole document whose first piece is `first`: decided as
    /// [`extract`](Extractor::extract) decides it (its first piece read in full).
    pub(crate) fn doc_info(&self, first: &str) -> Option<DocInfo> {
        let mut head = self.indicators(first, None);
        chunk_indicators(&mut head);
        head.info.take()
    }
}

impl PovertyIndicator {
    /// Moves every span `by` bytes on: a piece's records as records of the document.
    pub(crate) fn shift(&mut self, by: usize) {
        let on = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
        on(&mut self.quantity.span);
        on(&mut self.subject_span);
        on(&mut self.sentence);
        if let Some(p) = &mut self.previous {
            on(&mut p.quantity.span);
        }
    }
}

/// The indicators of a text, in source order; see [`extract`].
///
/// Reads the text a piece at a time (at most 64 KiB, cut after line breaks), so
/// memory is bounded by the piece and what is found in it, whatever the text's size.
///
/// ```
/// use fupin::IndicatorKind;
/// let text = "全县有贫困村46个,建档立卡贫困户9342户。";
/// let kinds: Vec<IndicatorKind> = fupin::extract(text).map(|i| i.kind).collect();
/// assert_eq!(kinds, [IndicatorKind::PoorVillages, IndicatorKind::PoorHouseholds]);
/// ```
#[derive(Debug)]
pub struct Indicators<'t> {
    cursor: Cursor<'t>,
    date: Option<(i32, u8, u8)>,
    known_region: Option<Region>,
    info: Option<DocInfo>,
    /// Lists filled anew for each chunk, kept so that their memory is reused (and
    /// handed on to the next document read on this thread).
    lists: Lists,
    /// The last sentence mapped to the original text (cleaned bounds, span).
    last_sentence: Option<((usize, usize), Span)>,
    started: bool,
    done: bool,
}

/// An indicator of the current chunk, decided, with nothing allocated yet.
#[derive(Clone, Debug)]
struct Pending {
    kind: IndicatorKind,
    /// The figure: an index into the chunk's items.
    item: usize,
    /// The trigger word the kind came from (offsets in the cleaned chunk).
    subject: Option<(usize, usize)>,
    period: Option<Period>,
    /// A place named in the figure's sentence (`Some(None)` for one that does not
    /// resolve); `None` for the document's main region.
    region: Option<Option<Region>>,
    /// The figure it changed from (an item index), with its own period.
    previous: Option<(usize, Option<Period>)>,
    /// The sentence it was read from (offsets in the cleaned chunk).
    sentence: (usize, usize),
    modality: Modality,
}

impl Pending {
    /// The indicator, with its spans in the whole document.
    fn build(
        self,
        cursor: &mut Cursor<'_>,
        items: &[Item],
        main_region: Option<&Region>,
        last_sentence: &mut Option<((usize, usize), Span)>,
    ) -> Option<PovertyIndicator> {
        let raw = &items.get(self.item)?.raw;
        // In text order (a previous value comes first): the offset map is searched
        // forward from the last span.
        let previous = self.previous.and_then(|(j, period)| {
            Some(Previous {
                quantity: cursor.quantity(&items.get(j)?.raw).into_owned(),
                period,
            })
        });
        let quantity = cursor.quantity(raw).into_owned();
        let (subject, subject_span) = match self.subject {
            Some((a, b)) => {
                let (text, span) = cursor.original(Span::new(a, b));
                (text.to_owned(), span)
            }
            None => (String::new(), quantity.span),
        };
        // Figures of one sentence come one after the other: its span is mapped once.
        let sentence = match *last_sentence {
            Some((s, span)) if s == self.sentence => span,
            _ => {
                let span = cursor
                    .original(Span::new(self.sentence.0, self.sentence.1))
                    .1;
                *last_sentence = Some((self.sentence, span));
                span
            }
        };
        Some(PovertyIndicator {
            kind: self.kind,
            quantity,
            subject,
            subject_span,
            sentence,
            period: self.period,
            region: self.region.unwrap_or_else(|| main_region.cloned()),
            previous,
            modality: self.modality,
        })
    }
}

impl Iterator for Indicators<'_> {
    type Item = PovertyIndicator;

    fn next(&mut self) -> Option<PovertyIndicator> {
        loop {
            if let Some(p) = self.lists.queue.pop_front() {
                let main = self.info.as_ref().and_then(|i| i.places.main.as_ref());
                if let Some(found) = p.build(
                    &mut self.cursor,
                    &self.lists.items,
                    main,
                    &mut self.last_sentence,
                ) {
                    return Some(found);
                }
                continue;
            }
            if self.done {
                return None;
            }
            if self.started && !self.cursor.advance() {
                self.done = true;
                return None;
            }
            self.started = true;
            self.last_sentence = None;
            chunk_indicators(self);
        }
    }
}

impl FusedIterator for Indicators<'_> {}

impl Drop for Indicators<'_> {
    /// Hands the lists on to the next document read on this thread.
    fn drop(&mut self) {
        Lists::give_back(core::mem::take(&mut self.lists));
    }
}

/// Finds the poverty indicators of a report: figures tied to a kind, with period,
/// region, previous value and modality. Same as `Extractor::new().extract(text)`.
///
/// Precision comes first: a figure whose clause names no indicator is left out, and
/// so are near-misses (贫困乡镇发生率, 地质灾害搬迁, a road's 总投资).
///
/// ```
/// use fupin::{extract, IndicatorKind};
///
/// let text = "2016年全县贫困发生率由19.7%下降到15.2%。";
/// let found: Vec<_> = extract(text).collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].kind, IndicatorKind::PovertyIncidence);
/// assert_eq!(found[0].quantity.value.to_string(), "15.2");
/// assert_eq!(found[0].previous.as_ref().map(|p| &*p.quantity.text), Some("19.7%"));
/// ```
#[must_use]
pub fn extract(text: &str) -> Indicators<'_> {
    Extractor::new().extract(text)
}

/// A figure with its place in the document.
#[derive(Clone, Debug)]
struct Item {
    raw: Raw,
    sentence: (usize, usize),
    clause: (usize, usize),
    /// Where the group of figures written together with this one ends (see
    /// [`group_ends`]).
    group_end: usize,
}

/// What holds for the whole document: its year and main region, read from its first
/// chunk (64 KiB: the whole of most reports, and their title and header in any case).
#[derive(Clone, Debug)]
pub(crate) struct DocInfo {
    date: Option<DocDate>,
    places: DocPlaces,
}

/// How far a figure's sentence or clause reaches on either side, in bytes: words further
/// off do not describe it, and a text with no sentence breaks (百分之百分之…) stays
/// linear.
const REACH: usize = 1500;

/// `bounds` cut to `REACH` bytes either side of the figure, on char boundaries.
fn window(t: &str, bounds: (usize, usize), raw: &Raw) -> (usize, usize) {
    let mut start = bounds.0.max(raw.start.saturating_sub(REACH));
    while !t.is_char_boundary(start) {
        start += 1;
    }
    let mut end = bounds.1.min(raw.end.saturating_add(REACH)).max(raw.end);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    (start.min(raw.start), end)
}

/// The number of characters in `t[a..b]` (0 where that is no slice): short stretches
/// (most, between two words of a clause) byte by byte, long ones by `str`'s word-wise
/// count.
fn chars_between(t: &str, a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    t.get(a..b).map_or(0, |s| {
        if s.len() < 32 {
            s.bytes()
                .filter(|&b| !crate::common::chars::is_continuation(b))
                .count()
        } else {
            s.chars().count()
        }
    })
}

/// The indicators of the cursor's current chunk, in order, with spans into the whole
/// document; `info` is filled from the first chunk when it is `None`.
fn chunk_indicators(ind: &mut Indicators<'_>) {
    let Indicators {
        cursor,
        date,
        known_region,
        info,
        lists,
        ..
    } = ind;
    let Lists {
        queue: out,
        items,
        scratch: Scratch {
            marks,
            times,
            places,
        },
        used_as_previous,
        kinds,
        subjects,
        previous_of,
        local_of,
        locals: spare_locals,
    } = lists;
    let date = *date;
    // The marks first: each figure's sentence and clause are found as it is read,
    // and figures go straight into their items.
    marks.fill(cursor.norm.as_str());
    let marks = &*marks;
    let sentence_ends = &marks.sentence_ends;
    let clause_ends = &marks.clause_ends;
    let (mut ks, mut kc) = (0, 0);
    items.clear();
    times.clear();
    out.clear();
    while let Some(f) = cursor.next_in_chunk() {
        match f {
            Found::Quantity { raw, damaged } => {
                if !damaged && raw.unit.is_some() {
                    let t = cursor.norm.as_str();
                    let sentence = window(t, sentence_ends.around(t, raw.num_start, &mut ks), &raw);
                    let clause = window(t, clause_ends.around(t, raw.num_start, &mut kc), &raw);
                    let group_end = raw.end;
                    items.push(Item {
                        raw,
                        sentence,
                        clause,
                        group_end,
                    });
                }
            }
            Found::Time(tr) => times.push(tr),
        }
    }
    let cursor = &*cursor;
    let t = cursor.norm.as_str();
    group_ends(t, items);
    places.fill(t);
    let info = info.get_or_insert_with(|| DocInfo {
        date: date
            .map(|(year, month, _)| DocDate { year, month })
            .or_else(|| header_date(times, t)),
        places: doc_places(t, &places.hits, known_region.as_ref()),
    });
    let doc = info.date;
    let doc_places = &info.places;
    let items = &*items;
    let times = &*times;
    let n = items.len();
    refill(used_as_previous, n, false);
    refill(kinds, n, None);
    refill(subjects, n, None);
    refill(previous_of, n, None);
    // The marks of each sentence once (figures of a sentence share them), and which
    // one each figure's is. The list's memory is kept between chunks; it is empty
    // in between, so it holds no marks of an earlier chunk.
    let mut at = Sweeps::default();
    let mut locals: Vec<Local<'_>> = relabel(core::mem::take(spare_locals));
    local_of.clear();
    local_of.extend(items.iter().map(|item| {
        if locals.last().is_none_or(|l| l.range != item.sentence) {
            locals.push(marks.local(item.sentence, &mut at));
        }
        locals.len() - 1
    }));
    let local_of = &*local_of;
    let none = Local::default();
    let local = |i: usize| {
        local_of
            .get(i)
            .and_then(|&k| locals.get(k))
            .unwrap_or(&none)
    };
    for i in 0..items.len() {
        let ctx = local(i);
        let choice = decide(t, items, kinds, i, ctx);
        // An inherited kind keeps the words of the figure it came from.
        let trig = choice.and_then(|c| c.1).or_else(|| {
            choice.and(
                i.checked_sub(1)
                    .and_then(|j| subjects.get(j).copied().flatten()),
            )
        });
        if let (Some(slot), Some(sub)) = (kinds.get_mut(i), subjects.get_mut(i)) {
            *slot = choice.map(|c| c.0);
            *sub = trig;
        }
    }
    // 由A…到B: A becomes B's previous value.
    for i in 0..items.len() {
        if let Some(j) = previous_index(t, items, i) {
            if let Some(p) = previous_of.get_mut(i) {
                *p = Some(j);
            }
            if let Some(u) = used_as_previous.get_mut(j) {
                *u = true;
            }
        }
    }
    let mut times_at = (0, 0);
    for (i, item) in items.iter().enumerate() {
        if used_as_previous.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(kind) = kinds.get(i).copied().flatten() else {
            continue;
        };
        let trig = subjects.get(i).copied().flatten();
        let ctx = local(i);
        let head = (item.clause.0, item.raw.start);
        let yearly = ctx.has(Ctx::Yearly, head);
        let prev_item = previous_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|j| items.get(j));
        let period = match prev_item {
            // 由2014年的17.3%下降到2020年的0%: B's own year stands between A and B;
            // else the sentence's year before 由 (截至2020年底,…由…下降到…).
            Some(p) => own_period(t, marks, item.raw.num_start, p.raw.end, times, doc, false)
                .or_else(|| {
                    let from =
                        change_opener(t, (item.sentence.0, p.raw.start)).unwrap_or(p.raw.start);
                    own_period(t, marks, from, item.sentence.0, times, doc, false)
                })
                // Else the year in force, as for any figure (过去一年,…贫困发生率由4.3%
                // 下降到0.6%).
                .or_else(|| {
                    let cumulative = ctx.has(Ctx::Cumulative, head);
                    (!yearly)
                        .then(|| carried(t, marks, item, times, doc, cumulative))
                        .flatten()
                }),
            // 分别 spreading years over a list settles the period, or that it has none.
            None => match respectively_for(t, items, i, Some(ctx), times) {
                Some(settled) => settled,
                None => {
                    // A yearly figure over an unnamed span (连续6年平均每年减贫…, 年均)
                    // looks only in its clause.
                    let from = if yearly {
                        item.clause.0
                    } else {
                        item.sentence.0
                    };
                    period_for(
                        t,
                        marks,
                        (from, item.raw.num_start),
                        item.clause.1,
                        times,
                        doc,
                        &mut times_at,
                    )
                    .or_else(|| {
                        let cumulative = ctx.has(Ctx::Cumulative, head);
                        (!yearly && !after_year_end(marks, item, times, doc))
                            .then(|| carried(t, marks, item, times, doc, cumulative))
                            .flatten()
                    })
                }
            },
        };
        // A level reached over a span (2014-2019年…贫困发生率由19.49%下降到0.48%, 2016年至
        // 2017年…下降到12.4%) is the level at the span's end.
        let period = match period {
            Some(p) if p.start < p.end && reached_over(t, item, kind, prev_item.is_some()) => {
                Some(Period {
                    start: p.end,
                    end: p.end,
                })
            }
            p => p,
        };
        let previous = previous_of.get(i).copied().flatten().and_then(|j| {
            let p = items.get(j)?;
            let from = change_opener(t, (p.sentence.0, p.raw.start)).unwrap_or(p.sentence.0);
            let period = own_period(t, marks, p.raw.num_start, from, times, doc, false);
            Some((j, period))
        });
        out.push_back(Pending {
            kind,
            item: i,
            subject: trig.map(|tr| (tr.start, tr.end)),
            period,
            region: clause_region(t, items, i, doc_places, places, marks),
            previous,
            sentence: evidence(t, item.sentence),
            modality: {
                // The figure's own modality, read at most once.
                let mut own = None;
                let listed = list_modality(t, item, out.back().map(|b| (b, &items[..])), || {
                    *own.get_or_insert_with(|| modality(t, ctx, item))
                });
                listed.unwrap_or_else(|| own.unwrap_or_else(|| modality(t, ctx, item)))
            },
        });
    }
    // Kept, empty, for the next chunk.
    locals.clear();
    *spare_locals = relabel(locals);
}

/// `v` cleared and filled with `n` copies of `x`, in the memory it has.
fn refill<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    v.clear();
    v.resize(n, x);
}

/// An empty list of sentence marks as a list of marks borrowed for another while: the
/// same memory (collected in place), nothing in it.
fn relabel<'a, 'b>(mut v: Vec<Local<'a>>) -> Vec<Local<'b>> {
    v.clear();
    v.into_iter().map(|_| Local::default()).collect()
}

/// A sentence's bounds as evidence: blanks trimmed, its closing full stop included.
fn evidence(t: &str, (a, b): (usize, usize)) -> (usize, usize) {
    let s = t.get(a..b).unwrap_or("");
    let a = a + (s.len() - s.trim_start().len());
    let b = a.max(b - (s.len() - s.trim_end().len()));
    let stop = char_at(t, b).filter(|&c| matches!(c, '。' | '!' | '?' | '！' | '？'));
    (a, b + stop.map_or(0, char::len_utf8))
}

/// Whether item `i` of `kind` is a level (a rate, a standing count, an income per person)
/// that its clause says was reached (由A下降到B, 减少至, 提高到, 达到): the level at the end
/// of a span, not over it. `changed` says 由A…到B already holds.
fn reached_over(t: &str, item: &Item, kind: IndicatorKind, changed: bool) -> bool {
    use IndicatorKind as K;
    let level = match kind {
        K::PovertyIncidence => item.raw.unit == Some(Unit::Percent),
        K::PoorPopulation
        | K::PoorHouseholds
        | K::PoorVillages
        | K::PerCapitaDisposableIncome
        | K::PerCapitaNetIncome => true,
        _ => false,
    };
    level
        && (changed
            || t.get(item.clause.0..item.raw.start).is_some_and(|head| {
                matches!(
                    predicate::predicate_ending(head.trim_end()),
                    Some(predicate::Pred::FallTo | predicate::Pred::RiseTo)
                )
            }))
}

/// The period 分别 gives item `i` (2018年和2019年分别脱贫1200人和1500人), if its
/// sentence pairs years and figures so.
/// Whether `item`'s sentence names its own time relative to the document (今年, 目前)
/// with no date to resolve it, after a year's end named before it (2018年底还剩…。今年
/// 再减少…): "now" comes after that year, so the year named is not the figure's.
fn after_year_end(marks: &Marks, item: &Item, times: &[TimeRaw], doc: Option<DocDate>) -> bool {
    let unresolved = marks
        .relative_period(item.sentence.0, item.raw.num_start, doc)
        .is_some_and(|(_, p)| p.is_none());
    unresolved && {
        let k = times.partition_point(|tr| tr.start < item.sentence.0);
        k.checked_sub(1)
            .and_then(|j| times.get(j))
            .is_some_and(|tr| tr.year.is_some() && matches!(tr.part, Some('底' | '末')))
    }
}

fn respectively_for(
    t: &str,
    items: &[Item],
    i: usize,
    ctx: Option<&Local<'_>>,
    times: &[TimeRaw],
) -> Option<Option<Period>> {
    let item = items.get(i)?;
    let (s, pos) = (item.sentence.0, item.raw.start);
    if !ctx?.has(Ctx::Respectively, (s, pos)) {
        return None;
    }
    let word = s + t.get(s..pos)?.rfind("分别")?;
    // 分别 pairs years with the figures it governs, in its own clause (分别脱贫1200人和
    // 1500人); 分别是东岭、西坪 names things, and the figures of later clauses are not
    // its.
    // The sentence's figures (all of them start inside it), found from this one.
    let (a, sentence) = sentence_items(items, i, item.sentence);
    let first = sentence
        .iter()
        .find(|o| o.sentence == item.sentence && o.raw.start > word)?;
    if t.get(word..first.raw.start)?
        .contains([',', '，', ';', '；', '。'])
    {
        return None;
    }
    // The list is 分别's clause: figures joined by 、 and 和, not those of the clauses
    // after it (…,累计减贫265万人), which 分别 does not govern.
    if first.clause != item.clause {
        return None;
    }
    let same =
        |o: &&Item| o.clause == first.clause && o.raw.start > word && o.raw.unit == item.raw.unit;
    let figures = sentence.iter().filter(same).count();
    let k = items.get(a..i)?.iter().filter(same).count();
    respectively(t, times, s, word, figures, k)
}

/// Everything [`chunk_indicators`] fills anew for each chunk: kept by [`Indicators`]
/// from chunk to chunk, and by a thread from document to document (see
/// [`Lists::take`]), so that their memory is reused. Nothing in them is read before it
/// is filled again: a chunk's answer never depends on what was read before it.
#[derive(Default)]
struct Lists {
    /// The current chunk's indicators, decided but not yet built: each is built (its
    /// strings allocated) when asked for, so a caller that handles one at a time holds
    /// one at a time.
    queue: std::collections::VecDeque<Pending>,
    /// The figures of the current chunk that the queue refers to.
    items: Vec<Item>,
    scratch: Scratch,
    used_as_previous: Vec<bool>,
    kinds: Vec<Option<IndicatorKind>>,
    subjects: Vec<Option<Trigger>>,
    previous_of: Vec<Option<usize>>,
    local_of: Vec<usize>,
    /// Always empty between chunks: only its memory is kept.
    locals: Vec<Local<'static>>,
}

thread_local! {
    /// The lists of the last [`Indicators`] dropped on this thread.
    static SPARE: core::cell::Cell<Option<Lists>> = const { core::cell::Cell::new(None) };
}

/// A chunk's lists larger than this (in figures) are not kept for the next document.
const KEEP_ITEMS: usize = 1 << 14;

impl Lists {
    /// The lists the last document read on this thread left, or new ones.
    fn take() -> Lists {
        SPARE
            .try_with(core::cell::Cell::take)
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Keeps `lists` for the next document read on this thread (unless they grew on
    /// an outsized chunk).
    fn give_back(mut lists: Lists) {
        if lists.items.capacity() > KEEP_ITEMS {
            return;
        }
        lists.queue.clear();
        // Ignored when the thread is going away.
        let _ = SPARE.try_with(|s| s.set(Some(lists)));
    }
}

impl core::fmt::Debug for Lists {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Lists").finish_non_exhaustive()
    }
}

/// The lists of the chunk's marks, times and places (see [`Lists`]).
#[derive(Default)]
struct Scratch {
    marks: Marks,
    times: Vec<TimeRaw>,
    places: SentencePlaces,
}

impl core::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Scratch").finish_non_exhaustive()
    }
}

#[cfg(feature = "serde")]
mod wire {
    use super::*;
    use crate::RegionLevel;
    use crate::serde_impls::{quantity_entries, quantity_wire};
    use serde::de::Error as _;
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The flat JSON of spec section 5: the quantity keys, then `kind`, `subject`,
    /// `period`, `region`, `previous` (when there is one) and `modality`.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for PovertyIndicator {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("kind", &self.kind)?;
            quantity_entries(&self.quantity, &mut m)?;
            m.serialize_entry("subject", &self.subject)?;
            m.serialize_entry("subject_start", &self.subject_span.start)?;
            m.serialize_entry("subject_end", &self.subject_span.end)?;
            m.serialize_entry("sentence_start", &self.sentence.start)?;
            m.serialize_entry("sentence_end", &self.sentence.end)?;
            m.serialize_entry("period", &self.period)?;
            let region = self.region.as_ref();
            m.serialize_entry("region", &region.map(Region::name))?;
            m.serialize_entry(
                "region_code",
                &region.and_then(Region::code).map(|c| c.to_string()),
            )?;
            m.serialize_entry("region_level", &region.map(Region::level))?;
            if let Some(p) = &self.previous {
                m.serialize_entry("previous", p)?;
            }
            m.serialize_entry("modality", &self.modality)?;
            m.end()
        }
    }

    quantity_wire! {
        /// An indicator as written in JSON: the quantity keys and these.
        IndicatorWire {
            kind: IndicatorKind,
            #[serde(default)]
            subject: String,
            #[serde(default)]
            subject_start: usize,
            #[serde(default)]
            subject_end: usize,
            #[serde(default)]
            sentence_start: usize,
            #[serde(default)]
            sentence_end: usize,
            #[serde(default)]
            period: Option<Period>,
            #[serde(default)]
            region: Option<String>,
            #[serde(default)]
            region_code: Option<String>,
            #[serde(default)]
            region_level: Option<RegionLevel>,
            #[serde(default)]
            previous: Option<Previous>,
            modality: Modality,
        }
    }

    /// Reads the JSON [`Serialize`] writes. Keys that may be absent: `max`, `classifier`,
    /// `noun`, `per`, `damaged`, `period`, `region`, `previous`; unknown keys (the
    /// examples' `file`, `id`, `url`) are ignored. The quantity is checked as
    /// [`Quantity`]'s own `Deserialize` checks it.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for PovertyIndicator {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PovertyIndicator, D::Error> {
            let mut w = IndicatorWire::deserialize(d)?;
            if w.subject_end < w.subject_start {
                return Err(D::Error::custom(format!(
                    "subject span end {} before start {}",
                    w.subject_end, w.subject_start
                )));
            }
            if w.sentence_end < w.sentence_start {
                return Err(D::Error::custom(format!(
                    "sentence span end {} before start {}",
                    w.sentence_end, w.sentence_start
                )));
            }
            Ok(PovertyIndicator {
                quantity: w.quantity()?,
                kind: w.kind,
                subject: w.subject,
                subject_span: Span::new(w.subject_start, w.subject_end),
                sentence: Span::new(w.sentence_start, w.sentence_end),
                period: w.period,
                region: match w.region {
                    None => None,
                    Some(name) => {
                        let code = match w.region_code.as_deref() {
                            None => None,
                            Some(c) => Some(
                                Region::from_code(c)
                                    .and_then(|r| r.code())
                                    .or_else(|| c.parse().ok().filter(|_| c.len() == 6))
                                    .ok_or_else(|| {
                                        D::Error::custom(format!(
                                            "region_code {c:?} is not a six-digit code"
                                        ))
                                    })?,
                            ),
                        };
                        let level = w
                            .region_level
                            .ok_or_else(|| D::Error::custom("region without region_level"))?;
                        Some(Region::from_parts(name, code, level))
                    }
                },
                previous: w.previous,
                modality: w.modality,
            })
        }
    }

    /// The quantity keys of the earlier value, then its `period` (`null` when the text
    /// gives none).
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for Previous {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            quantity_entries(&self.quantity, &mut m)?;
            m.serialize_entry("period", &self.period)?;
            m.end()
        }
    }

    quantity_wire! {
        /// An earlier value as written in JSON: the quantity keys and its period.
        PreviousWire {
            #[serde(default)]
            period: Option<Period>,
        }
    }

    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for Previous {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Previous, D::Error> {
            let mut w = PreviousWire::deserialize(d)?;
            Ok(Previous {
                quantity: w.quantity()?,
                period: w.period,
            })
        }
    }
}
