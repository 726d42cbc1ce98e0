//! One long document read piece by piece in parallel gives what the sequential read
//! gives, and a thread's reused lists carry nothing from one document to the next.

use fupin::{Extractor, Region};
use proptest::prelude::*;

/// A small generator of our own (xorshift), so that a case is one `u64`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const PLACES: &[&str] = &[
    "会宁县",
    "临洮县",
    "永和县",
    "靖宇县",
    "朝阳区",
    "定西市",
    "甘肃省",
    "北京市",
    "榆社县",
    "黔东南州",
];

const YEARS: &[&str] = &[
    "2014年",
    "2016年",
    "2019年底",
    "二〇二〇年",
    "去年",
    "今年",
    "19年底",
];

/// One sentence of a report, with figures: Arabic, Chinese and full-width numerals,
/// simplified and traditional, changes, pairs (分别), headings and junk.
fn sentence(r: &mut Rng) -> String {
    let n = r.below(90_000) + 10;
    let m = r.below(5000) + 1;
    let p = format!("{}.{}", r.below(30), r.below(10));
    let (place, other, year) = (r.pick(PLACES), r.pick(PLACES), r.pick(YEARS));
    match r.below(16) {
        0 => format!(
            "{year},{place}建档立卡贫困人口由{n}人减少到{m}人,贫困发生率由{p}%下降到0.{}%。",
            r.below(9)
        ),
        1 => format!(
            "全县累计投入财政专项扶贫资金{}.{}亿元,带动{m}户{n}人增收。",
            r.below(20),
            r.below(100)
        ),
        2 => format!("{place}和{other}分别脱贫{n}人和{m}人。"),
        3 => format!("{year}以来,全市新增就业{m}人,农村居民人均可支配收入达到{n}元,增长{p}%。"),
        4 => format!(
            "截至{year},{place}共有贫困村{}个,已退出{}个。",
            m % 300,
            m % 200
        ),
        5 => format!("全縣貧困戶{m}戶{n}人,貧困發生率降至{p}%。"),
        6 => format!(
            "農村居民人均可支配收入１２３４{}元，同比增長８．{}％。",
            m % 10,
            n % 10
        ),
        7 => "全县减少贫困人口三万二千人,易地扶贫搬迁一千二百户。".to_owned(),
        8 => format!("\n一、{place}脱贫攻坚工作情况\n"),
        9 => format!(
            "发布时间:20{}-0{}-1{}\n",
            15 + r.below(7),
            1 + r.below(9),
            r.below(10)
        ),
        10 => format!(
            "贫困人口减少到{}.{}万,“1461”行动计划覆盖{m}个村。",
            r.below(50),
            r.below(10)
        ),
        11 => format!("目标:{year}全县贫困发生率降至{p}%以下,{m}个贫困村全部退出。"),
        12 => format!("?{m}人 ￼ 第{}名 2019-12-2{} 09:15 ", r.below(9), r.below(9)),
        13 => format!(
            "其中,{place}减贫{m}人、{other}减贫{}人,分别占{p}%和{}%。",
            n % 900,
            r.below(50)
        ),
        // Hard wrapped, as copied from a PDF: a line break inside a figure.
        14 => format!(
            "全县共识别建档立卡贫困户{}\n{}户,贫困人口3\n{m}人,\n",
            m % 90 + 1,
            m % 900 + 100
        ),
        _ => format!("{place}{year}实现{m}户脱贫,户均增收{n}元"),
    }
}

/// A report of several 64 KiB pieces: a head (title, place, date), then sentences run
/// into lines of random length, some of them longer than a piece (cut at punctuation).
fn report(seed: u64, bytes: usize) -> String {
    let mut r = Rng(seed | 1);
    let mut text = format!(
        "{}{}年政府工作报告\n{}\n",
        r.pick(PLACES),
        2016 + r.below(6),
        sentence(&mut r)
    );
    while text.len() < bytes {
        // Mostly lines of a few sentences; now and then a very long one.
        let per_line = if r.below(40) == 0 {
            2000
        } else {
            r.below(8) + 1
        };
        for _ in 0..per_line {
            text.push_str(&sentence(&mut r));
        }
        text.push('\n');
    }
    text
}

/// `text` read a window of `window` bytes at a time (each window from where the last
/// one's pieces ended), its pieces read in reverse order: the records of the whole.
fn same_in_windows(extractor: &Extractor, text: &str, window: usize, damaged: bool) {
    let mut pieces = extractor.pieces().include_damaged(damaged);
    let (mut found, mut quantities) = (Vec::new(), Vec::new());
    let mut from = 0;
    let mut rounds = 0;
    while from < text.len() {
        let mut to = (from + window).min(text.len());
        while !text.is_char_boundary(to) {
            to -= 1;
        }
        let cut = pieces.cut(&text[from..to], to == text.len());
        assert!(!cut.is_empty(), "a window longer than a piece gives one");
        let mut at = from;
        for p in &cut {
            assert_eq!(p.offset(), at);
            assert_eq!(p.text(), &text[at..at + p.text().len()]);
            at += p.text().len();
        }
        let mut each: Vec<_> = cut
            .iter()
            .rev()
            .map(|p| {
                (
                    p.extract().collect::<Vec<_>>(),
                    p.quantities().collect::<Vec<_>>(),
                )
            })
            .collect();
        each.reverse();
        for (f, q) in each {
            found.extend(f);
            quantities.extend(q);
        }
        from = at;
        rounds += 1;
    }
    assert!(rounds > 1 || text.len() <= window);
    assert_eq!(found, extractor.extract(text).collect::<Vec<_>>());
    let whole: Vec<_> = fupin::quantities(text).include_damaged(damaged).collect();
    assert_eq!(quantities, whole);
}

fn same_in_parallel(extractor: &Extractor, text: &str) {
    let seq: Vec<_> = extractor.extract(text).collect();
    let par = extractor.par_extract_document(text);
    assert_eq!(seq.len(), par.len());
    for (k, (s, p)) in seq.iter().zip(&par).enumerate() {
        assert_eq!(s, p, "indicator {k} differs");
    }
    let seq: Vec<_> = fupin::quantities(text).collect();
    let par = fupin::par_quantities_document(text);
    assert_eq!(seq, par);
    for q in &par {
        assert_eq!(&text[q.span], q.text);
    }
}

proptest! {
    // Each case reads some 200 KB twice: a few cases by default.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(6),
        ..ProptestConfig::default()
    })]

    #[test]
    fn pieces_in_parallel_read_as_the_whole(
        seed in any::<u64>(),
        kb in 140usize..260,
        date in proptest::option::of((2015i32..2022, 1u8..13, 1u8..29)),
        known in proptest::option::of(0usize..PLACES.len()),
        window in 70_000usize..200_000,
        damaged in any::<bool>(),
    ) {
        let text = report(seed, kb << 10);
        prop_assume!(text.len() > 2 << 16);
        let mut extractor = Extractor::new();
        if let Some((y, m, d)) = date {
            extractor = extractor.date(y, m, d);
        }
        if let Some(region) = known.and_then(|k| Region::lookup(PLACES[k])) {
            extractor = extractor.region(region);
        }
        same_in_parallel(&extractor, &text);
        same_in_windows(&extractor, &text, window, damaged);
    }
}

fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus beside the crate");
    let mut texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    texts.push(include_str!("../../examples/data/sample.txt").to_owned());
    texts.push(include_str!("../../examples/data/sample-trad.txt").to_owned());
    texts
}

/// Each real report repeated to several pieces (its own head decides its date and
/// place), and all of them one after the other.
#[test]
fn corpus_in_parallel_reads_as_the_whole() {
    let texts = corpus();
    for t in &texts {
        let long = t.repeat((300 << 10) / t.len() + 1);
        same_in_parallel(&Extractor::new(), &long);
    }
    let all = texts.concat().repeat(4);
    assert!(all.len() > 4 << 16);
    same_in_parallel(&Extractor::new(), &all);
    same_in_parallel(&Extractor::new().date(2020, 3, 2), &all);
    same_in_windows(&Extractor::new(), &all, 100_000, false);
}

/// The lists a thread keeps from one document to the next change nothing: every
/// report read after every other on one thread reads as it does on a fresh thread.
#[test]
fn documents_read_one_after_another_read_as_alone() {
    let texts = corpus();
    let alone: Vec<Vec<_>> = texts
        .iter()
        .map(|t| {
            let t = t.clone();
            std::thread::spawn(move || fupin::extract(&t).collect::<Vec<_>>())
                .join()
                .unwrap()
        })
        .collect();
    for (a, first) in texts.iter().enumerate() {
        for (b, second) in texts.iter().enumerate() {
            // A partly read document leaves its lists half full.
            let mut it = fupin::extract(first);
            let _ = it.next();
            drop(it);
            let _ = fupin::extract(first).count();
            let again: Vec<_> = fupin::extract(second).collect();
            assert_eq!(again, alone[b], "{b} after {a}");
        }
    }
}

/// What a clause says about 分别 is remembered while its figures are read: never into
/// the next document, whose clause may lie at the same offsets.
#[test]
fn respectively_is_not_remembered_into_the_next_document() {
    let first = "会宁县和临洮县分别脱贫1200人和1500人。";
    let second = "会宁县和临洮县全部脱贫1200人和1500人。";
    assert_eq!(first.len(), second.len());
    let fresh = {
        let s = second.to_owned();
        std::thread::spawn(move || fupin::extract(&s).collect::<Vec<_>>())
            .join()
            .unwrap()
    };
    let _ = fupin::extract(first).count();
    assert_eq!(fupin::extract(second).collect::<Vec<_>>(), fresh);
}
