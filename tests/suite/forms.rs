//! The number forms of issue 15, each family alone (`parse_quantity`) and in running
//! text (`quantities`), simplified, traditional and full-width: digit groups set apart,
//! `。` as a decimal point, vague numerals and neighbouring digits, round multipliers,
//! tenths with 成, negated comparison words and invisible characters. Sentences are
//! our own, in the style of county reports.

use fupin::{Decimal, Quantity, parse_number, parse_quantity, quantities};
use proptest::prelude::*;

/// `value[-max] unit approx`, the unit `-` for a bare number.
pub(super) fn show(q: &Quantity<'_>) -> String {
    let max = q.max.map(|m| format!("-{m}")).unwrap_or_default();
    let unit = q.unit.map_or_else(|| "-".to_owned(), |u| u.to_string());
    format!("{}{max} {unit} {}", q.value, q.approx)
}

/// Each input alone must read as `want`.
#[track_caller]
fn alone(cases: &[(&str, &str)]) {
    for (input, want) in cases {
        let q = parse_quantity(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(show(&q), *want, "{input:?}");
        assert_eq!(&input[q.span.range()], &*q.text, "{input:?}");
    }
}

/// Every quantity of `text`, as `text=value[-max] unit approx`, spans checked.
pub(super) fn found(text: &str) -> Vec<String> {
    quantities(text)
        .map(|q| {
            assert_eq!(&text[q.span.range()], &*q.text, "span in {text:?}");
            format!("{}={}", q.text, show(&q))
        })
        .collect()
}

#[track_caller]
fn in_text(text: &str, want: &[&str]) {
    assert_eq!(found(text), want, "in {text:?}");
}

#[test]
fn digit_groups_set_apart() {
    alone(&[
        ("4 300萬", "43000000 - exact"),
        ("4 300万", "43000000 - exact"),
        ("2 315元", "2315 yuan exact"),
        ("12 345.6", "12345.6 - exact"),
        ("12 345 678元", "12345678 yuan exact"),
        ("1\u{2009}234人", "1234 person exact"),
        ("1\u{202F}234戶", "1234 household exact"),
        ("1\u{00A0}234.5万元", "12345000 yuan exact"),
        ("３ ４５６人", "3456 person exact"),
        ("約1 200萬元", "12000000 yuan about"),
        ("2 315元/年", "2315 yuan exact"),
    ]);
    assert_eq!(
        parse_number("12 345.6").map(|d| d.to_string()),
        Ok("12345.6".into())
    );
    assert_eq!(
        parse_number("4 300萬").map(|d| d.to_string()),
        Ok("43000000".into())
    );
    // Groups not of three, a first group of four or one starting with 0: no joining.
    for input in ["12 34", "2019 300人", "0 300", "12 3456", "1 23"] {
        assert!(parse_quantity(input).is_err(), "{input:?}");
    }
}

#[test]
fn digit_groups_set_apart_in_text() {
    in_text(
        "全省現有4 300萬貧困人口,人均純收入為2 315元。",
        &["4 300萬=43000000 person exact", "2 315元=2315 yuan exact"],
    );
    in_text(
        "全年投入扶贫资金12 345.6万元,惠及1 024户。",
        &[
            "12 345.6万元=123456000 yuan exact",
            "1 024户=1024 household exact",
        ],
    );
    in_text(
        "贫困人口由2\u{2009}130人减少到\u{00A0}860人",
        &["2\u{2009}130人=2130 person exact", "860人=860 person exact"],
    );
    in_text(
        "全市減少貧困人口1\u{202F}352人",
        &["1\u{202F}352人=1352 person exact"],
    );
    // A year, then a count: no joining.
    in_text(
        "2019 300人",
        &["2019=2019 - exact", "300人=300 person exact"],
    );
    // Digits starting with 0 after digits and a blank never stand alone (000萬 is not 0).
    in_text("共计1234 000萬元", &["1234=1234 - exact"]);
    in_text("合计2020 0312户", &["2020=2020 - exact"]);
    // After 编号 the first group is a code too (see the scanner's code labels).
    in_text("编号2020 0312户", &[]);
    // A lone 0 after a blank is a number.
    in_text("增速由3 0.5%", &["3=3 - exact", "0.5%=0.5 percent exact"]);
}

#[test]
fn ideographic_full_stop_as_a_decimal_point() {
    alone(&[
        ("18。62%", "18.62 percent exact"),
        ("3。07%", "3.07 percent exact"),
        ("１８。６２％", "18.62 percent exact"),
        ("5。8个百分点", "5.8 percentage_point exact"),
        ("1。5万元", "15000 yuan exact"),
        ("2。35亿元", "235000000 yuan exact"),
        ("12。5元", "12.5 yuan exact"),
    ]);
    in_text(
        "贫困发生率由18。62%下降到3。07%。",
        &["18。62%=18.62 percent exact", "3。07%=3.07 percent exact"],
    );
    in_text(
        "貧困發生率由１８。６２％下降到３。０７％",
        &[
            "１８。６２％=18.62 percent exact",
            "３。０７％=3.07 percent exact",
        ],
    );
    // A sentence that ends after a number is a full stop.
    in_text(
        "全年脱贫1200人。2019年新增就业300人。",
        &["1200人=1200 person exact", "300人=300 person exact"],
    );
    in_text(
        "累计投入1200。30个村受益",
        &["1200=1200 - exact", "30个=30 count exact"],
    );
    in_text(
        "脱贫户达到1200。5万人",
        &["1200=1200 - exact", "5万人=50000 person exact"],
    );
}

#[test]
fn neighbouring_digits_are_ranges() {
    alone(&[
        ("一两个", "1-2 count about"),
        ("兩三個", "2-3 count about"),
        ("两三千元", "2000-3000 yuan about"),
        ("兩三千元", "2000-3000 yuan about"),
        ("三四十户", "30-40 household about"),
        ("三四十戶", "30-40 household about"),
        ("七八万", "70000-80000 - about"),
        ("七八萬元", "70000-80000 yuan about"),
        ("三五头", "3-5 count about"),
        ("三五頭", "3-5 count about"),
        ("七八成", "70-80 percent about"),
        ("六七个", "6-7 count about"),
        ("二三十人", "20-30 person about"),
        ("五六百户", "500-600 household about"),
        ("八九亿元", "800000000-900000000 yuan about"),
        ("三十七八", "37-38 - about"),
        ("百分之三十七八", "37-38 percent about"),
        ("二十三四万元", "230000-240000 yuan about"),
    ]);
    in_text(
        "每户养了三五头牛,一年收入两三千元,带动一两个村。",
        &[
            "三五头=3-5 count about",
            "两三千元=2000-3000 yuan about",
            "一两个=1-2 count about",
        ],
    );
    in_text(
        "全組三四十戶,七八成的勞動力外出,工資七八萬元",
        &[
            "三四十戶=30-40 household about",
            "七八成=70-80 percent about",
            "七八萬元=70000-80000 yuan about",
        ],
    );
    // A pair alone, or ending a clause, is a bare range; parse_number, which reads one
    // exact number, refuses 两 in a digit string (一两 is not 12).
    alone(&[
        ("一两", "1-2 - about"),
        ("兩三", "2-3 - about"),
        ("七八", "7-8 - about"),
    ]);
    for input in ["一两", "兩三", "二两"] {
        assert!(parse_number(input).is_err(), "{input:?}");
    }
    assert_eq!(
        parse_number("二〇二〇").map(|d| d.to_string()),
        Ok("2020".into())
    );
    in_text("这样的户有七八。", &["七八=7-8 - about"]);
    in_text(
        "每天干六七个小时,占百分之三十七八",
        &[
            "六七个=6-7 count about",
            "百分之三十七八=37-38 percent about",
        ],
    );
}

#[test]
fn numerals_next_to_each_other_that_are_no_pair() {
    // 唯一 is a word: the one after it is an article, never 11 nor 1 to 2.
    in_text("这是全县唯一一个贫困村", &[]);
    in_text("這是全縣唯一一個貧困村", &[]);
    in_text("全镇唯一两个合作社", &["两个=2 count exact"]);
    in_text("统一一个标准", &[]);
    in_text("屋里乱七八糟", &[]);
    in_text("忙到夜里一两点", &[]);
    in_text("九八个人", &[]);
    // 三五成群 is an idiom, not 30 to 50 percent.
    in_text("村民三五成群", &[]);
    in_text("三五天就到", &["三五天=3-5 count about"]);
}

#[test]
fn more_than_a_month() {
    alone(&[
        ("1个多月", "1 count over"),
        ("兩個多月", "2 count over"),
        ("3个多小时", "3 count over"),
    ]);
    in_text(
        "还差1個多月才收,每天干3个多小时",
        &["1個多月=1 count over", "3个多小时=3 count over"],
    );
    let q = parse_quantity("1个多月").expect("1个多月");
    assert_eq!(q.classifier.as_deref(), Some("个月"));
}

#[test]
fn vague_numerals_are_ranges_or_nothing() {
    alone(&[
        ("几十万元", "100000-1000000 yuan about"),
        ("幾十萬元", "100000-1000000 yuan about"),
        ("十几个", "10-20 count about"),
        ("十幾個", "10-20 count about"),
        ("数百户", "100-1000 household about"),
        ("數百戶", "100-1000 household about"),
        ("数十个", "10-100 count about"),
        ("几百万元", "1000000-10000000 yuan about"),
        ("十来万元", "100000 yuan about"),
        ("二十来个", "20 count about"),
    ]);
    // In running text the read starts at 几/数: never 十万元 or 十个 alone.
    in_text(
        "村里投入几十万元建起大棚,带动数百户。",
        &[
            "几十万元=100000-1000000 yuan about",
            "数百户=100-1000 household about",
        ],
    );
    in_text(
        "村裡投入幾十萬元,帶動數十個貧困戶",
        &[
            "幾十萬元=100000-1000000 yuan about",
            "數十個=10-100 count about",
        ],
    );
    in_text(
        "好几百万元的项目",
        &["几百万元=1000000-10000000 yuan about"],
    );
    // 人数, 总数: 数 is part of a word there.
    in_text("贫困人数十万", &["十万=100000 - exact"]);
    // 几 with no ten after it is a few: no quantity.
    in_text("来了几个人", &[]);
    in_text("成千上万的群众", &[]);
    in_text("成百上千的贫困户", &[]);
}

#[test]
fn round_multipliers() {
    alone(&[
        ("百万", "1000000 - exact"),
        ("千万元", "10000000 yuan exact"),
        ("百亿", "10000000000 - exact"),
        ("十万", "100000 - exact"),
        ("千萬元", "10000000 yuan exact"),
        ("近万人", "10000 person nearly"),
        ("近萬人", "10000 person nearly"),
        ("过万元", "10000 yuan over"),
        ("過萬元", "10000 yuan over"),
        ("上万人", "10000 person over"),
        ("上千人", "1000 person over"),
        ("上百户", "100 household over"),
        ("千余人", "1000 person over"),
        ("萬餘人", "10000 person over"),
        ("近千人", "1000 person nearly"),
        ("逾万户", "10000 household over"),
    ]);
    for input in ["万", "亿元", "亿万", "萬萬"] {
        assert!(parse_quantity(input).is_err(), "{input:?}");
    }
    in_text(
        "全乡近万人受益,上千人就业,人均增收过万元,千余人参加培训",
        &[
            "近万人=10000 person nearly",
            "上千人=1000 person over",
            "过万元=10000 yuan over",
            "千余人=1000 person over",
        ],
    );
    in_text("一年投入千万元", &["千万元=10000000 yuan exact"]);
    // A bare round number in a clause about people is a number of people (spec section
    // 2, implied units); with no such noun it stays bare.
    in_text("受益群众达百万。", &["百万=1000000 person exact"]);
    in_text("累计发放贷款笔数达百万。", &["百万=1000000 - exact"]);
    in_text("百万富翁", &[]);
    // 几 after a numeral: no fragment from 几 on.
    in_text("投入一百零几万元", &[]);
    in_text("投入壹千五百零幾萬元", &[]);
    // A range's high end of Chinese digits that are no pair is no number: no range.
    in_text("0至三五第", &["0=0 - exact"]);
    // 以上 closes the figure before it: the 上 is not the 上 of 上百, and 百户 with
    // nothing to mark it stays a word.
    in_text("补助万元以上百户受益", &["万元以上=10000 yuan over"]);
    in_text(
        "补助万元以上上百户受益",
        &["万元以上=10000 yuan over", "上百户=100 household over"],
    );
    in_text(
        "全省有万人以上安置点22个,千元以下的补助",
        &[
            "万人以上=10000 person over",
            "22个=22 count exact",
            "千元以下=1000 yuan under",
        ],
    );
    in_text("近千万名群众搬迁", &["近千万名=10000000 person nearly"]);
    // 不过千元 is "no more than": never over; 万众一心 and 千千万万 are words.
    in_text("补助不过千元", &[]);
    in_text("万众一心,千千万万", &[]);
    in_text("产值迈上千亿元", &["上千亿元=100000000000 yuan over"]);
    // Words: 千万不要, 百姓, 万一, 千家万户, 亿万人民.
    in_text("千万不要返贫,百姓万一生病", &[]);
    in_text("走进千家万户,亿万人民", &[]);
}

#[test]
fn tenths_with_cheng() {
    alone(&[
        ("三成", "30 percent exact"),
        ("两成半", "25 percent exact"),
        ("兩成半", "25 percent exact"),
        ("九成五", "95 percent exact"),
        ("一成", "10 percent exact"),
    ]);
    in_text(
        "收益两成半留给村集体,九成五的群众满意",
        &["两成半=25 percent exact", "九成五=95 percent exact"],
    );
    // 多 or 余 after 成: more than the tenths.
    in_text(
        "一成多农户发展养殖,三成余收益归村集体",
        &["一成多=10 percent over", "三成余=30 percent over"],
    );
}

#[test]
fn negated_comparisons_never_turn_around() {
    let cases: &[(&str, &str)] = &[
        ("不超过5万元", "50000 yuan under"),
        ("不超過5萬元", "50000 yuan under"),
        ("未超过3户", "3 household under"),
        ("未超過3戶", "3 household under"),
        ("没有超过10人", "10 person under"),
        ("沒有超過10人", "10 person under"),
        ("不多于20%", "20 percent under"),
        ("不多於20％", "20 percent under"),
        ("最多5万元", "50000 yuan under"),
        ("最多5萬元", "50000 yuan under"),
        ("不少于3万元", "30000 yuan over"),
        ("不少於3萬元", "30000 yuan over"),
        ("不低于60%", "60 percent over"),
        ("不低於60％", "60 percent over"),
        ("至少2人", "2 person over"),
        ("不足100户", "100 household under"),
        ("不到1万元", "10000 yuan under"),
        ("不满3000元", "3000 yuan under"),
        ("不下2000人", "2000 person over"),
        ("未达到4000元", "4000 yuan under"),
        ("没有达到5户", "5 household under"),
        ("超过5万元", "50000 yuan over"),
        ("少于3人", "3 person under"),
        ("5万元以下", "50000 yuan under"),
        ("5萬元以上", "50000 yuan over"),
        ("5万元及以下", "50000 yuan under"),
        ("3人及以上", "3 person over"),
        ("5万元以内", "50000 yuan under"),
        ("不超過５萬元", "50000 yuan under"),
        ("不少於３戶", "3 household over"),
        ("最多５０％", "50 percent under"),
        ("５萬元及以上", "50000 yuan over"),
    ];
    alone(cases);
    // The same words in running text, before and after the number.
    for (input, want) in cases {
        let text = format!("扶贫小额信贷每户{input},期限三年");
        let got = found(&text);
        assert_eq!(got.len(), 2, "{text:?}: {got:?}");
        assert!(got[0].ends_with(want), "{text:?}: {got:?}");
        assert!(got[0].starts_with(input), "{text:?}: {got:?}");
    }
    // A rate's unit between the word and the number, or an adverb with its verb: the
    // bound holds, the span stays the number's.
    in_text(
        "补助标准不低于每人每年1800元,贷款不超过每户5万元",
        &["1800元=1800 yuan over", "5万元=50000 yuan under"],
    );
    in_text(
        "每个车间至少吸纳15人,每户最多补助6000元,最多的村有9户",
        &[
            "15人=15 person over",
            "6000元=6000 yuan under",
            "9户=9 household exact",
        ],
    );
    in_text(
        "贷款额度不超过5万元、期限不超过3年,带动不少于2户",
        &[
            "不超过5万元=50000 yuan under",
            "不超过3年=3 count under",
            "不少于2户=2 household over",
        ],
    );
}

#[test]
fn invisible_characters_inside_numbers() {
    for mark in [
        "\u{200B}", "\u{00AD}", "\u{2060}", "\u{FEFF}", "\u{200C}", "\u{200D}",
    ] {
        let input = format!("12{mark}345人");
        let q = parse_quantity(&input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(show(&q), "12345 person exact", "{input:?}");
        let text = format!("全县脱贫12{mark}345人,投入3.{mark}5亿元");
        let qs: Vec<_> = quantities(&text).collect();
        assert_eq!(qs.len(), 2, "{text:?}");
        assert_eq!(qs[0].value.to_string(), "12345");
        assert_eq!(&*qs[0].text, format!("12{mark}345人"));
        assert_eq!(qs[1].value.to_string(), "350000000");
        assert_eq!(&text[qs[1].span.range()], format!("3.{mark}5亿元"));
    }
    let text = "貧困人口１２\u{200B}３４５人";
    let q = quantities(text).next().expect("a quantity");
    assert_eq!(
        (q.value.to_string(), &*q.text),
        ("12345".into(), "１２\u{200B}３４５人")
    );
}

#[test]
fn values_are_normalized() {
    for (input, want) in [
        ("3.5w元", "35000"),
        ("3.50w元", "35000"),
        ("1.0k元", "1000"),
        ("2.50万元", "25000"),
        ("0.50亿元", "50000000"),
        ("3.0-5.0万元", "30000"),
        ("12.0%", "12"),
    ] {
        let q = parse_quantity(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(q.value.to_string(), want, "{input:?}");
    }
}

/// Pieces of quantities with trailing zeros, multipliers and units of every kind.
const PIECES: &[&str] = &[
    "3.50",
    "0.10",
    "12.0",
    "1.000",
    "7",
    "0.5",
    "2 500",
    "18。50",
    "w",
    "k",
    "W",
    "万",
    "亿",
    "千",
    "元",
    "%",
    "‰",
    "成",
    "千瓦",
    "亩",
    "人",
    "户",
    "-",
    "至",
    "~",
    "约",
    "不超过",
    "余",
    "多",
    "两三",
    "几十",
    "数百",
    "近",
    "上",
    "万元",
    "个百分点",
    "角",
    "分",
    ",",
    "。",
    " ",
];

fn pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 1..12).prop_map(|v| v.concat())
}

fn tidy(d: &Decimal) -> bool {
    let s = d.to_string();
    let exponent = s.contains(['e', 'E']);
    let trailing_zero = s.contains('.') && s.ends_with('0');
    !exponent && !trailing_zero
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    /// Every value and high end, however made (Latin k/w, 成, ‰, ranges, cents, vague
    /// numerals), prints with no trailing zeros after the point and no exponent.
    #[test]
    fn values_print_tidy(s in pieces()) {
        if let Ok(q) = parse_quantity(&s) {
            prop_assert!(tidy(&q.value), "{:?}: {}", s, q.value);
            prop_assert!(q.max.as_ref().is_none_or(tidy), "{:?}: {:?}", s, q.max);
        }
        for q in quantities(&s).include_damaged(true) {
            prop_assert!(tidy(&q.value), "{:?}: {}", s, q.value);
            prop_assert!(q.max.as_ref().is_none_or(tidy), "{:?}: {:?}", s, q.max);
        }
    }
}
