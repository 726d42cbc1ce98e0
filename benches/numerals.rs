//! Numerals parsed per second over a mixed list of a few hundred forms
//! (tests/data/numerals.tsv, every row).
//!
//! `cargo bench --bench numerals`; medians are in `target/criterion/*/new/estimates.json`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn forms() -> Vec<&'static str> {
    include_str!("../tests/data/numerals.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("category\t"))
        .filter_map(|l| l.split('\t').nth(1))
        .collect()
}

fn bench(c: &mut Criterion) {
    let forms = forms();
    assert!(forms.len() > 150);
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(forms.len() as u64));
    g.bench_function("quantity/mixed", |b| {
        b.iter(|| {
            forms
                .iter()
                .filter(|f| fupin::parse_quantity(black_box(f)).is_ok())
                .count()
        })
    });
    g.bench_function("number/mixed", |b| {
        b.iter(|| {
            forms
                .iter()
                .filter(|f| fupin::parse_number(black_box(f)).is_ok())
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
