//! Worst cases: 1 MB each of inputs built to make a scanner slow. Each is measured with
//! `quantities` and `extract`; time must stay linear in the input (throughput at least a
//! quarter of that on ordinary report text, `benches/quantities.rs`).
//!
//! `cargo bench --bench adversarial`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common.rs"]
mod common;

const MB: usize = 1 << 20;

/// `unit` repeated to 1 MB, cut at a char boundary.
fn fill(unit: &str) -> String {
    let mut s = common::repeated_exact(unit, MB);
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

fn inputs() -> Vec<(&'static str, String)> {
    let every_unit = "元人户个%亩公顷平方公里千米兆瓦人次个百分点万元亿元名位口笔座项";
    let mut out = vec![
        ("ordinary", common::repeated(common::SAMPLE, MB)),
        ("yi", fill("一")),
        ("wan", fill("万")),
        ("ling", fill("零")),
        ("ideographic_zero", fill("〇")),
        ("digit_run", fill("7")),
        ("dotted", fill("1.")),
        ("percent_words", fill("百分之")),
        ("open_parens", fill("(")),
        ("pinyin_lookalikes", fill("字(a)")),
        ("damage_and_digits", fill("?1")),
        ("every_unit", fill(every_unit)),
        ("range_dashes", fill("1-")),
        ("separators", fill("1,")),
        ("quotes", fill("“1”")),
        ("open_titles", fill("《1")),
        ("numeral_soup", fill("一二三四五六七八九十百千万亿零点")),
        ("list_markers", fill("1、")),
        // A list of counts walked for a shared unit (个、…个百分点): was quadratic.
        ("count_list", fill("12个、")),
        ("dash_list", fill("3-")),
        ("spaced_numbers", fill("12 ")),
        // Clauses with no punctuation, each figure among hundreds of indicator words:
        // every figure used to read every word of its window (and count the characters
        // between) again.
        ("trigger_run", fill("贫困人口12人")),
        ("negated_run", fill("未脱贫12人")),
        ("household_list", fill("脱贫12户、")),
        (
            "mixed_list",
            fill("全县建档立卡贫困户9342户、贫困人口12.4万人、贫困村46个、"),
        ),
        ("part_list", fill("其中贫困人口12人、")),
        ("place_list", fill("会宁县贫困人口12人、")),
        ("reach_list", fill("覆盖12个贫困村、")),
        (
            "respectively_list",
            fill("2018年和2019年分别脱贫1200人和1500人、"),
        ),
    ];
    // One line with no break: the ordinary text with its line breaks removed.
    // Lines of a thousand short items each.
    let line: Vec<String> = (0..1000).map(|i| format!("{i}个")).collect();
    out.push((
        "item_lines",
        common::repeated(&(line.join("、") + "。\n"), MB),
    ));
    out.push((
        "one_line",
        common::repeated(common::SAMPLE, MB).replace('\n', ""),
    ));
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10);
    for (name, text) in inputs() {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("quantities/{name}"), |b| {
            b.iter(|| fupin::quantities(black_box(&text)).count())
        });
        g.bench_function(format!("extract/{name}"), |b| {
            b.iter(|| fupin::extract(black_box(&text)).count())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
