//! Bench input shared by the benches: the bundled sample report and its traditional
//! variant, repeated to at least 1 MB.

// Each bench uses only some of these helpers.
#![allow(dead_code)]

pub const SAMPLE: &str = include_str!("../examples/data/sample.txt");
pub const SAMPLE_TRAD: &str = include_str!("../examples/data/sample-trad.txt");

/// `text` repeated until it is at least `min` bytes long.
pub fn repeated(text: &str, min: usize) -> String {
    let mut s = String::with_capacity(min + text.len());
    while s.len() < min {
        s.push_str(text);
        s.push('\n');
    }
    s
}

/// Extra input named by `FUPIN_BENCH_TEXT` (a path), repeated to 1 MB: measure on your
/// own reports without committing them.
pub fn extra() -> Option<String> {
    let path = std::env::var_os("FUPIN_BENCH_TEXT")?;
    let text = std::fs::read_to_string(path).ok()?;
    Some(repeated(&text, 1 << 20))
}

/// `unit` repeated to exactly `len` bytes or a little more (no separator).
pub fn repeated_exact(unit: &str, len: usize) -> String {
    unit.repeat(len / unit.len().max(1) + 1)
}

/// The inputs of the throughput benches: the sample and its traditional variant at 1 MB,
/// and `FUPIN_BENCH_TEXT` when set.
pub fn report_inputs() -> Vec<(&'static str, String)> {
    let mut inputs = vec![
        ("simplified", repeated(SAMPLE, 1 << 20)),
        ("traditional", repeated(SAMPLE_TRAD, 1 << 20)),
    ];
    if let Some(e) = extra() {
        inputs.push(("FUPIN_BENCH_TEXT", e));
    }
    inputs
}
