//! Exact numbers, quantities and poverty-alleviation indicators from Chinese reports.
//!
//! ```
//! use fupin::{parse_quantity, quantities, Unit};
//!
//! let q = parse_quantity("9.82億元")?;
//! assert_eq!(q.value.to_string(), "982000000");
//! assert_eq!(q.unit, Some(Unit::Yuan));
//!
//! let text = "全县建档立卡贫困人口6576户17990人,贫困发生率34.4%。";
//! let found: Vec<_> = quantities(text).map(|q| q.text).collect();
//! assert_eq!(found, ["6576户", "17990人", "34.4%"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Overview
//!
//! Three layers, each on the one below:
//!
//! - **Numerals**: [`parse_number`] reads one written number to an exact
//!   [`Decimal`]: Arabic with separators, full-width digits,
//!   万/亿 multipliers, Chinese and capital numerals, traditional forms, digit strings,
//!   decimals, mixed forms (the [grammar](numeral_grammar)). [`to_chinese`] and
//!   [`to_chinese_capital`] write one back.
//! - **Quantities**: [`parse_quantity`] reads one number with its unit and approximation
//!   words into a [`Quantity`]; [`quantities`] finds every quantity in a whole document,
//!   and [`times`] every time expression (years, dates) which are not quantities.
//! - **Indicators**: [`extract`] ties quantities to the poverty indicators they measure
//!   ([`PovertyIndicator`], [`IndicatorKind`]), with period, region, previous value and
//!   modality. Regions come from a gazetteer of China's administrative divisions
//!   ([`Region`]: names, short forms and GB/T 2260 codes, looked up either way).
//!
//! Values never pass through binary floating point. Overflow is an error, never a wrap.
//!
//! # Numbers
//!
//! See [`numeral_grammar`] for every accepted form.
//!
//! # Crate features
//!
//! - **serde** (default): `Serialize`/`Deserialize` for the public records. Decimal values
//!   are written as strings (`"982000000"`), never as JSON numbers.
//! - **rayon**: [`Extractor::par_extract`] and [`par_quantities`], documents in parallel;
//!   [`Extractor::par_extract_document`] and [`par_quantities_document`], the pieces of one
//!   long document in parallel.
//!   [`Extractor::extract_all`] and [`quantities_all`] are the sequential forms.
//!
//! # Spans
//!
//! Every [`Span`] is a half-open range of UTF-8 **byte** offsets into the string the
//! caller passed in, even when the crate cleaned the text up (traditional characters,
//! full-width forms, pinyin annotations) before reading it: `&input[q.span] == q.text`.
//!
//! # Errors
//!
//! The parsers return [`ParseError`], which names its [`ParseErrorKind`] and the byte
//! span at fault. Nothing in this crate panics on any input; the extractors are
//! infallible and skip what they cannot read exactly (a wrong number is worse than a
//! missing one).

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

// The layers, each a folder, each using only those listed before it:
// - `common`: character tests, word lexicons, the edges of an input, `named_enum!`;
// - `text`: clean-up (NFKC, traditional forms, junk) and the offset map;
// - `gazetteer`: the administrative divisions (GB/T 2260) and place names in text;
// - `numerals`: the numeral grammar;
// - `quantities`: the unit grammar, the document scanner, time expressions;
// - `indicators`: kinds, periods, regions, modality, one file per question.
// `batch` runs the top layers over many documents; `error`, `span` and `serde_impls`
// hold the types every layer shares.
mod batch;
mod common;
mod error;
mod gazetteer;
mod indicators;
mod numerals;
mod quantities;
#[cfg(feature = "serde")]
mod serde_impls;
mod span;
mod text;

pub use batch::{Piece, Pieces, quantities_all};
#[cfg(feature = "rayon")]
pub use batch::{par_quantities, par_quantities_document};
pub use error::{ParseError, ParseErrorKind};
pub use gazetteer::{Region, RegionLevel};
pub use indicators::{
    Extractor, IndicatorKind, Indicators, Modality, Period, PovertyIndicator, Previous, extract,
};
pub use numerals::{to_chinese, to_chinese_capital};
pub use quantities::scanner::{Quantities, quantities};
pub use quantities::time::{TimeExpr, TimeKind, Times, times};
pub use quantities::unit::{Approx, Per, Unit};
pub use quantities::{Quantity, parse_number, parse_quantity};
pub use rust_decimal::Decimal;
pub use span::Span;
pub use text::{Normalized, normalize};

/// The numeral grammar, with examples (the docs of the `numerals` layer).
pub mod numeral_grammar {
    #![doc = include_str!("numerals/GRAMMAR.md")]
}

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
