mod autotraits;
#[cfg(feature = "serde")]
mod bigfile;
mod errors;
#[cfg(feature = "serde")]
mod examples;
mod forms;
mod indicators;
mod numerals;
mod periods;
#[cfg(feature = "rayon")]
mod pieces;
mod props;
mod quantities;
mod realtext;
mod regions;
mod scanner;
#[cfg(feature = "serde")]
mod snapshots;
mod statements;
mod unseen;
#[cfg(feature = "serde")]
mod wire;
