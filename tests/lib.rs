//! The crate's integration tests, one binary: table tests of numerals, quantities and
//! indicators, error messages, properties and golden output.

mod suite;
