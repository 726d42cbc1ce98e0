mod autotraits;
mod errors;
mod indicators;
mod numerals;
mod props;
mod quantities;
#[cfg(feature = "serde")]
mod snapshots;
#[cfg(feature = "serde")]
mod wire;
