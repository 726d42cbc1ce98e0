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
