//! The limit: what the machine does over the same bytes as the `quantities` and
//! `extract` benches when nothing is parsed, so that their throughput can be quoted as
//! a fraction of it (see the README, "Speed and memory").
//!
//! `cargo bench --bench limit`; medians are in `target/criterion/limit/*/new/estimates.json`.
//!
//! Two functions per input (the bundled sample, simplified and traditional, at 1 MB,
//! and `FUPIN_BENCH_TEXT` when set, exactly as `common::report_inputs` gives them to
//! the other benches):
//!
//! - `limit/scan`: a memchr-class candidate scan. It counts the places where a figure
//!   may start by the plainest rule: every ASCII digit, and every occurrence of the five
//!   Chinese multipliers 十 百 千 万 亿 (the characters that make most Chinese numerals of
//!   a report: 三千, 1.5万, 十二). memchr has no search for a class of ten bytes (`memchr3`
//!   takes three), so the digits are counted in one pass with a byte test the compiler
//!   turns into SIMD compares, the same speed class; each multiplier is found by its own
//!   `memchr::memmem` finder (its three UTF-8 bytes), built once outside the loop. Six
//!   passes in all, each at memchr speed: a reference amount of work, not a complete
//!   candidate finder (the traditional 萬 and 億 are not among the five).
//! - `limit/utf8`: `std::str::from_utf8` over the bytes, the check every `&str` costs.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use memchr::memmem::Finder;
use std::hint::black_box;

#[path = "common.rs"]
mod common;

/// The five CJK characters of the scan: the multipliers ten, hundred, thousand, ten
/// thousand and a hundred million.
const MULTIPLIERS: [&str; 5] = ["十", "百", "千", "万", "亿"];

/// How many candidate starts `bytes` holds: ASCII digits and [`MULTIPLIERS`].
fn scan(bytes: &[u8], finders: &[Finder<'_>]) -> usize {
    let digits = bytes.iter().filter(|b| b.is_ascii_digit()).count();
    digits
        + finders
            .iter()
            .map(|f| f.find_iter(bytes).count())
            .sum::<usize>()
}

fn bench(c: &mut Criterion) {
    let inputs = common::report_inputs();
    let finders: Vec<Finder<'static>> = MULTIPLIERS.iter().map(Finder::new).collect();
    let mut g = c.benchmark_group("limit");
    g.sample_size(20);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("scan", name), text, |b, text| {
            b.iter(|| {
                let n = scan(black_box(text.as_bytes()), &finders);
                assert!(n > 1000);
                n
            })
        });
        g.bench_with_input(BenchmarkId::new("utf8", name), text, |b, text| {
            b.iter(|| {
                let ok = std::str::from_utf8(black_box(text.as_bytes())).is_ok();
                assert!(ok);
                ok
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
