//! Many documents at once: sequential and (feature `rayon`) parallel.

use crate::{Extractor, PovertyIndicator, Quantity};

impl Extractor {
    /// The indicators of each document, in document order, one after the other (the
    /// lists they are read with are set up once, not once per document).
    ///
    /// ```
    /// let docs = ["全县脱贫1500人。", "没有数字。", "贫困发生率降至0.5%。"];
    /// let counts: Vec<usize> = fupin::Extractor::new().extract_all(docs).map(|v| v.len()).collect();
    /// assert_eq!(counts, [1, 0, 1]);
    /// ```
    pub fn extract_all<'e, I>(&'e self, docs: I) -> impl Iterator<Item = Vec<PovertyIndicator>> + 'e
    where
        I: IntoIterator + 'e,
        I::Item: AsRef<str>,
    {
        docs.into_iter()
            .map(move |d| self.extract(d.as_ref()).collect())
    }

    /// The indicators of each document, in document order, computed in parallel on
    /// rayon's global thread pool (or the pool installed by the caller).
    ///
    /// ```
    /// let docs = vec!["全县脱贫1500人。".to_string(), "投入扶贫资金3亿元。".to_string()];
    /// let found = fupin::Extractor::new().par_extract(&docs);
    /// assert_eq!(found.len(), 2);
    /// assert_eq!(found[1][0].quantity.text, "3亿元");
    /// ```
    #[cfg(feature = "rayon")]
    #[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
    pub fn par_extract<T: AsRef<str> + Sync>(&self, docs: &[T]) -> Vec<Vec<PovertyIndicator>> {
        use rayon::prelude::*;
        docs.par_iter()
            .map(|d| self.extract(d.as_ref()).collect())
            .collect()
    }
}

/// The quantities of each document, in document order, computed in parallel on rayon's
/// thread pool. They borrow their text from `docs`.
///
/// ```
/// let docs = ["3万余人", "9.82亿元和78个村"];
/// let found = fupin::par_quantities(&docs);
/// assert_eq!(found[1].len(), 2);
/// ```
#[cfg(feature = "rayon")]
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
pub fn par_quantities<T: AsRef<str> + Sync>(docs: &[T]) -> Vec<Vec<Quantity<'_>>> {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|d| crate::quantities(d.as_ref()).collect())
        .collect()
}

/// The quantities of each document, in document order, one after the other. They own
/// their text ([`Quantity::into_owned`]): the documents may be temporaries.
///
/// ```
/// let counts: Vec<usize> = fupin::quantities_all(["3万余人", "无"]).map(|v| v.len()).collect();
/// assert_eq!(counts, [1, 0]);
/// ```
pub fn quantities_all<I>(docs: I) -> impl Iterator<Item = Vec<Quantity<'static>>>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    docs.into_iter().map(|d| {
        crate::quantities(d.as_ref())
            .map(Quantity::into_owned)
            .collect()
    })
}

/// The quantities of one document, its pieces read in parallel on rayon's thread pool
/// (or the pool installed by the caller): the same quantities, in the same order, as
/// [`quantities`](crate::quantities) gives. They borrow their text from `text`.
///
/// A document is read in pieces of at most 64 KiB, cut after line breaks, each on its
/// own; worth it for long documents (a few hundred KB and more). A document of one piece
/// is read on the calling thread. For many documents, [`par_quantities`] spreads the
/// documents instead.
///
/// ```
/// let report = "全县脱贫3万余人,投入资金9.82億元。\n".repeat(10_000);
/// let found = fupin::par_quantities_document(&report);
/// assert_eq!(found.len(), 20_000);
/// assert_eq!(found, fupin::quantities(&report).collect::<Vec<_>>());
/// ```
#[cfg(feature = "rayon")]
#[cfg_attr(docsrs, doc(cfg(feature = "rayon")))]
#[must_use]
pub fn par_quantities_document(text: &str) -> Vec<Quantity<'_>> {
    use rayon::prelude::*;
    let ends = piece_ends(text, true);
    if ends.len() <= 1 {
        return crate::quantities(text).collect();
    }
    let pieces: Vec<(usize, usize)> = core::iter::once(0)
        .chain(ends.iter().copied())
        .zip(ends.iter().copied())
        .collect();
    let found: Vec<Vec<Quantity<'_>>> = pieces
        .par_iter()
        .map(|&(a, b)| {
            let mut v: Vec<Quantity<'_>> =
                crate::quantities(text.get(a..b).unwrap_or("")).collect();
            v.iter_mut()
                .for_each(|q| q.span = crate::Span::new(q.span.start + a, q.span.end + a));
            v
        })
        .collect();
    let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
    found.into_iter().for_each(|v| all.extend(v));
    all
}

/// Where the pieces of `text` end, in order, as [`quantities`](crate::quantities) and
/// [`Extractor::extract`] cut it (none for an empty text). With `last`, `text` ends
/// the document and the last piece ends with it; else `text` is a window of a longer
/// document, and a piece whose end would depend on what follows the window (the last
/// 64 KiB) is left out.
///
/// A piece read alone is read as it is read within the whole: nothing crosses from one
/// piece to the next but what holds for the whole document (its date and main place,
/// decided from the first piece).
pub(crate) fn piece_ends(text: &str, last: bool) -> Vec<usize> {
    let mut ends = Vec::with_capacity(text.len() / crate::quantities::scanner::CHUNK + 1);
    let mut start = 0;
    while start < text.len() {
        if !last && text.len() - start <= crate::quantities::scanner::CHUNK {
            break;
        }
        let end = crate::quantities::scanner::chunk_end(text, start);
        if end <= start {
            break;
        }
        ends.push(end);
        start = end;
    }
    ends
}

impl Extractor {
    /// A document cut into its pieces, for a caller that reads them on threads of its
    /// own, or reads a file larger than memory a window at a time. See [`Pieces`].
    #[must_use]
    pub fn pieces(&self) -> Pieces {
        Pieces {
            extractor: self.clone(),
            info: None,
            offset: 0,
            keep_damaged: false,
        }
    }
}

/// One document cut into the pieces it is read in (at most 64 KiB each, cut after line
/// breaks), each of which can be read on its own, on any thread, with the same records
/// as [`Extractor::extract`] and [`quantities`](crate::quantities) give for the whole.
///
/// Give [`cut`](Pieces::cut) the document, or a window of it at a time: the text from
/// where the last window's pieces ended on. It returns the pieces that lie wholly in
/// the window; the rest of the window belongs to the next one (give it again, with
/// more text after it). Windows much longer than a piece (some MB) waste nothing.
/// What holds for the whole document (its date, its main place) is decided from its
/// first piece, at the first call.
///
/// ```
/// let report = "2019年,全县建档立卡贫困人口减少到1200人。\n".repeat(8_000);
/// let mut pieces = fupin::Extractor::new().pieces();
/// let mut found = Vec::new();
/// // A window of 200 KB at a time, as a file would be read.
/// let (mut from, window) = (0, 200_000);
/// while from < report.len() {
///     let mut to = (from + window).min(report.len());
///     while !report.is_char_boundary(to) {
///         to -= 1;
///     }
///     let last = to == report.len();
///     let cut = pieces.cut(&report[from..to], last);
///     // Each piece on its own: on threads, in any order.
///     for piece in &cut {
///         found.extend(piece.extract());
///     }
///     from += cut.iter().map(|p| p.text().len()).sum::<usize>();
/// }
/// assert_eq!(found, fupin::extract(&report).collect::<Vec<_>>());
/// ```
#[derive(Clone, Debug)]
pub struct Pieces {
    extractor: Extractor,
    info: Option<std::sync::Arc<Option<crate::indicators::DocInfo>>>,
    /// Where the next window starts in the document.
    offset: usize,
    keep_damaged: bool,
}

impl Pieces {
    /// Quantities as [`Quantities::include_damaged`](crate::Quantities::include_damaged)
    /// gives them, for [`Piece::quantities`].
    #[must_use]
    pub fn include_damaged(mut self, yes: bool) -> Pieces {
        self.keep_damaged = yes;
        self
    }

    /// The pieces that lie wholly in `window`, the document's text from where the last
    /// call's pieces ended (from its start at the first call); all of it when `last`
    /// says the window ends the document. A piece whose end depends on text after the
    /// window is left for the next window: when `window` is shorter than 64 KiB and not
    /// `last`, none.
    pub fn cut<'w>(&mut self, window: &'w str, last: bool) -> Vec<Piece<'w>> {
        let ends = piece_ends(window, last);
        let info = match &self.info {
            Some(info) => info.clone(),
            None => {
                let Some(&first) = ends.first() else {
                    return Vec::new();
                };
                let info =
                    std::sync::Arc::new(self.extractor.doc_info(window.get(..first).unwrap_or("")));
                self.info = Some(info.clone());
                info
            }
        };
        let extractor = std::sync::Arc::new(self.extractor.clone());
        let mut from = 0;
        let pieces = ends
            .into_iter()
            .map(|end| {
                let piece = Piece {
                    text: window.get(from..end).unwrap_or(""),
                    offset: self.offset + from,
                    extractor: extractor.clone(),
                    info: info.clone(),
                    keep_damaged: self.keep_damaged,
                };
                from = end;
                piece
            })
            .collect();
        self.offset += from;
        pieces
    }
}

/// One piece of a document (see [`Pieces`]): its text, where it starts, and what holds
/// for the whole document. `Send` and `Sync`: read it on any thread.
#[derive(Clone, Debug)]
pub struct Piece<'w> {
    text: &'w str,
    offset: usize,
    extractor: std::sync::Arc<Extractor>,
    info: std::sync::Arc<Option<crate::indicators::DocInfo>>,
    keep_damaged: bool,
}

impl<'w> Piece<'w> {
    /// The piece's text.
    #[must_use]
    pub fn text(&self) -> &'w str {
        self.text
    }

    /// Where the piece starts in the document, in bytes.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The piece's indicators, as [`Extractor::extract`] finds them in the whole
    /// document, with spans into the whole document.
    pub fn extract(&self) -> impl Iterator<Item = PovertyIndicator> + 'w {
        let by = self.offset;
        let info = self.info.as_ref().clone();
        self.extractor
            .indicators(self.text, info)
            .map(move |mut i| {
                i.shift(by);
                i
            })
    }

    /// The piece's quantities, as [`quantities`](crate::quantities) finds them in the
    /// whole document, with spans into the whole document.
    pub fn quantities(&self) -> impl Iterator<Item = Quantity<'w>> + 'w {
        let by = self.offset;
        crate::quantities(self.text)
            .include_damaged(self.keep_damaged)
            .map(move |mut q| {
                q.span = crate::Span::new(q.span.start + by, q.span.end + by);
                q
            })
    }
}
