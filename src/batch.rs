//! Many documents at once: sequential and (feature `rayon`) parallel.

use crate::{Extractor, PovertyIndicator, Quantity};

impl Extractor {
    /// The indicators of each document, in document order, one after the other.
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
    let ends = piece_ends(text);
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
/// [`Extractor::extract`] cut it (the last is `text.len()`; none for an empty text).
/// A piece read alone is read as it is read within the whole: nothing crosses from one
/// piece to the next but what holds for the whole document (its date and main place,
/// decided from the first piece).
pub(crate) fn piece_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::with_capacity(text.len() / crate::extract::CHUNK + 1);
    let mut start = 0;
    while start < text.len() {
        let end = crate::extract::chunk_end(text, start);
        if end <= start {
            break;
        }
        ends.push(end);
        start = end;
    }
    ends
}
