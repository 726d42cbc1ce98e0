mod autotraits;
mod errors;
mod indicators;
mod numerals;
mod props;
mod quantities;
mod scanner;
#[cfg(feature = "serde")]
mod snapshots;
