//! Helpers below every layer: character tests and the word lexicons that scan a text
//! once for many words.

pub(crate) mod chars;
pub(crate) mod input;
pub(crate) mod lexicon;
mod named;
pub(crate) use named::named_enum;
