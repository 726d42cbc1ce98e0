//! Throughput of `quantities` (and `normalize`) over 1 MB of report text.
//!
//! `cargo bench --bench quantities`; medians are in `target/criterion/*/new/estimates.json`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common.rs"]
mod common;

fn bench(c: &mut Criterion) {
    let inputs = common::report_inputs();
    let mut g = c.benchmark_group("quantities");
    g.sample_size(20);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| {
                let n = fupin::quantities(black_box(text)).count();
                assert!(n > 1000);
                n
            })
        });
    }
    g.finish();
    let mut g = c.benchmark_group("normalize");
    g.sample_size(20);
    for (name, text) in &inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| fupin::normalize(black_box(text)).as_str().len())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
