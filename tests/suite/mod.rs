mod autotraits;
mod errors;
mod indicators;
mod numerals;
mod props;
mod quantities;
mod regions;
#[cfg(feature = "serde")]
mod snapshots;
