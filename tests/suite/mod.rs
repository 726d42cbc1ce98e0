mod autotraits;
mod errors;
#[cfg(feature = "serde")]
mod examples;
mod forms;
mod indicators;
mod numerals;
mod props;
mod quantities;
#[cfg(feature = "serde")]
mod snapshots;
#[cfg(feature = "serde")]
mod wire;
