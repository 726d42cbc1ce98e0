mod autotraits;
mod errors;
mod indicators;
mod numerals;
mod periods;
mod props;
mod quantities;
#[cfg(feature = "serde")]
mod snapshots;
mod statements;
