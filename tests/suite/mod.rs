mod autotraits;
mod errors;
mod forms;
mod indicators;
mod numerals;
mod props;
mod quantities;
#[cfg(feature = "serde")]
mod snapshots;
