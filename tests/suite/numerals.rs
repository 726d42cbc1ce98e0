//! Every row of tests/data/numerals.tsv (the spec's number forms and more, in the
//! format of score-numerals), and named rows for the forms of spec sections 1 and 2.

use fupin::{Approx, Decimal, Unit, parse_number, parse_quantity};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[track_caller]
fn num(input: &str, want: &str) {
    match parse_number(input) {
        Ok(v) => assert_eq!(v, dec(want), "parse_number({input:?})"),
        Err(e) => panic!("parse_number({input:?}) failed: {e}"),
    }
}

#[track_caller]
fn qty(input: &str, want: &str, unit: Option<Unit>, approx: Approx) {
    let q = parse_quantity(input).unwrap_or_else(|e| panic!("parse_quantity({input:?}): {e}"));
    assert_eq!(q.value, dec(want), "value of {input:?}");
    assert_eq!(q.unit, unit, "unit of {input:?}");
    assert_eq!(q.approx, approx, "approx of {input:?}");
}

#[test]
fn table_file() {
    let data = include_str!("../data/numerals.tsv");
    let mut n = 0;
    for line in data.lines() {
        if line.starts_with('#') || line.starts_with("category\t") || line.trim().is_empty() {
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        let (input, want) = (parts[1], parts[2]);
        let got = parse_quantity(input);
        match want {
            "ERROR" => assert!(got.is_err(), "{input:?} should fail, got {got:?}"),
            w if w.contains('/') => {
                let (a, b) = w.split_once('/').unwrap();
                let exact = dec(a) / dec(b);
                let v = got.unwrap_or_else(|e| panic!("{input:?}: {e}")).value;
                assert_eq!(v, exact, "{input:?}");
            }
            w => {
                let v = got.unwrap_or_else(|e| panic!("{input:?}: {e}")).value;
                assert_eq!(v, dec(w), "{input:?}");
            }
        }
        n += 1;
    }
    assert!(n > 150, "only {n} rows read");
}

#[test]
fn spec_section_1_numbers() {
    // Arabic, separators, full width.
    num("17990", "17990");
    num("0.52", "0.52");
    num("3675.95", "3675.95");
    num("1,234.5", "1234.5");
    num("１７９９０", "17990");
    num("３４．４", "34.4");
    // Multipliers, exact.
    num("1.6万", "16000");
    num("9.82亿", "982000000");
    num("19528.1万", "195281000");
    num("157.695万", "1576950");
    num("4.8萬", "48000");
    num("182.67億", "18267000000");
    num("2万亿", "2000000000000");
    num("5千", "5000");
    // Chinese integers.
    num("一千二百三十四", "1234");
    num("两万", "20000");
    num("十一", "11");
    num("一百零五", "105");
    num("三千零二十", "3020");
    num("二十亿零三百万", "2003000000");
    // Digit by digit, capital, decimals, mixed, negative.
    num("二〇二〇", "2020");
    num("一九九八", "1998");
    num("壹万贰仟叁佰", "12300");
    num("伍拾", "50");
    num("貳", "2");
    num("三点五", "3.5");
    num("零点五二", "0.52");
    num("一百二十三点四五万", "1234500");
    num("3万5千", "35000");
    num("1亿2000万", "120000000");
    num("13万2", "132000");
    num("负五", "-5");
    num("-12.5", "-12.5");
    // Traditional forms are the same numbers.
    num("參拾參", "33");
    num("兩千陸百", "2600");
    num("九點八二億", "982000000");
    num("負一百", "-100");
}

#[test]
fn spec_section_2_quantities() {
    use Approx::*;
    qty("9.82亿元", "982000000", Some(Unit::Yuan), Exact);
    qty("3万余人", "30000", Some(Unit::Person), Over);
    qty("1900余万元", "19000000", Some(Unit::Yuan), Over);
    qty("约91.68万元", "916800", Some(Unit::Yuan), About);
    qty("近50万元", "500000", Some(Unit::Yuan), Nearly);
    qty("2000元以上", "2000", Some(Unit::Yuan), Over);
    qty("不足5%", "5", Some(Unit::Percent), Under);
    qty("200左右", "200", None, About);
    qty("16727名", "16727", Some(Unit::Person), Exact);
    qty("30964口", "30964", Some(Unit::Person), Exact);
    qty("6576户", "6576", Some(Unit::Household), Exact);
    qty("10639人次", "10639", Some(Unit::PersonTime), Exact);
    qty("34.4%", "34.4", Some(Unit::Percent), Exact);
    qty("３４．４％", "34.4", Some(Unit::Percent), Exact);
    qty("百分之三十四点四", "34.4", Some(Unit::Percent), Exact);
    qty("千分之五", "0.5", Some(Unit::Percent), Exact);
    qty("5‰", "0.5", Some(Unit::Percent), Exact);
    qty("三成", "30", Some(Unit::Percent), Exact);
    qty("20.8个百分点", "20.8", Some(Unit::PercentagePoint), Exact);
    qty("1.4 个百分点", "1.4", Some(Unit::PercentagePoint), Exact);
    qty("606亩", "606", Some(Unit::Mu), Exact);
    qty("1.5万亩", "15000", Some(Unit::Mu), Exact);
    qty("200公顷", "200", Some(Unit::Hectare), Exact);
    qty("1212平方公里", "1212", Some(Unit::SquareKm), Exact);
    qty("635公里", "635", Some(Unit::Km), Exact);
    qty("16.3兆瓦", "16.3", Some(Unit::Megawatt), Exact);
    qty("2万千瓦", "20", Some(Unit::Megawatt), Exact);
    qty("1.6万贫困人口", "16000", Some(Unit::Person), Exact);
    qty("3万农户", "30000", Some(Unit::Household), Exact);
    qty("17990", "17990", None, Exact);
}

#[test]
fn counts_keep_classifier_and_noun() {
    let q = parse_quantity("78个贫困村").unwrap();
    assert_eq!(q.unit, Some(Unit::Count));
    assert_eq!(q.classifier.as_deref(), Some("个"));
    assert_eq!(q.noun.as_deref(), Some("贫困村"));
    let q = parse_quantity("1324笔").unwrap();
    assert_eq!((q.classifier.as_deref(), q.noun), (Some("笔"), None));
    let q = parse_quantity("79支").unwrap();
    assert_eq!(q.value, dec("79"));
}

#[test]
fn ranges() {
    for (text, lo, hi) in [
        ("3至5万元", "30000", "50000"),
        ("3-5万元", "30000", "50000"),
        ("3～5万元", "30000", "50000"),
        ("10万到20万元", "100000", "200000"),
        ("1万元--5万元", "10000", "50000"),
        ("8500到3万元", "8500", "30000"),
        ("一千到两千万元", "10000000", "20000000"),
        ("三五百元", "300", "500"),
        ("十几万元", "100000", "200000"),
        // Latin multipliers: w is 万 and k is 千, and the low end takes them too.
        ("3-15w元", "30000", "150000"),
        ("3-15W元", "30000", "150000"),
        ("3-15k元", "3000", "15000"),
        ("0.5-2w元", "5000", "20000"),
        ("8500-3w元", "8500", "30000"),
    ] {
        let q = parse_quantity(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!((q.value, q.max), (dec(lo), Some(dec(hi))), "{text}");
        assert_eq!(q.unit, Some(Unit::Yuan), "{text}");
    }
}

#[test]
fn rates_and_cents() {
    let q = parse_quantity("3600元/年").unwrap();
    assert_eq!((q.value, q.per), (dec("3600"), Some(fupin::Per::Year)));
    qty("123元1角1分", "123.11", Some(Unit::Yuan), Approx::Exact);
    qty("壹拾壹元整", "11", Some(Unit::Yuan), Approx::Exact);
    qty("十块三毛", "10.3", Some(Unit::Yuan), Approx::Exact);
}

#[test]
fn fractions_are_exact_to_28_digits() {
    let q = parse_quantity("三分之一").unwrap();
    assert_eq!(q.value.to_string(), "0.3333333333333333333333333333");
    let q = parse_quantity("五分之二").unwrap();
    assert_eq!(q.value, dec("0.4"));
}

#[test]
fn no_float_rounding() {
    // Tools that go through floats give 1.5699999999999998 here.
    let q = parse_quantity("百分之一点五七").unwrap();
    assert_eq!(q.value.to_string(), "1.57");
    assert_eq!(
        parse_number("0.1").unwrap() + parse_number("0.2").unwrap(),
        dec("0.3")
    );
}

#[test]
fn nested_and_additive_yi_groups() {
    // Additive, as people write: 一万亿三千亿 is 1.3 × 10^12.
    num("一万亿三千亿", "1300000000000");
    num("3万亿", "3000000000000");
    // After 亿亿 lower groups add; a 亿 group before another 亿 nests.
    num("一亿亿二千万亿", "12000000000000000");
    num("一亿二千万亿", "12000000000000000");
    num("一万亿零三千亿", "1300000000000");
    // Regression (fuzzing): 26 nines written in Chinese read back exactly.
    let v = dec("99999999999999999999999999");
    assert_eq!(parse_number(&fupin::to_chinese(v)).unwrap(), v);
}

#[test]
fn writes_chinese_back() {
    use fupin::{to_chinese, to_chinese_capital};
    assert_eq!(to_chinese(dec("12345600")), "一千二百三十四万五千六百");
    assert_eq!(to_chinese(dec("105")), "一百零五");
    assert_eq!(to_chinese(dec("10040")), "一万零四十");
    assert_eq!(to_chinese(dec("2003000000")), "二十亿零三百万");
    assert_eq!(to_chinese(dec("3.25")), "三点二五");
    assert_eq!(to_chinese(dec("-7")), "负七");
    assert_eq!(
        to_chinese_capital(dec("12345600")),
        "壹仟贰佰叁拾肆万伍仟陆佰"
    );
    assert_eq!(to_chinese_capital(dec("10")), "壹拾");
}

#[test]
fn nested_yi_groups_from_fuzzing() {
    for s in [
        "10000001000001678100000000802",
        "99999999999999999999999999",
    ] {
        let v = dec(s);
        let written = fupin::to_chinese(v);
        assert_eq!(
            parse_number(&written).map_err(|e| e.to_string()),
            Ok(v),
            "{written}"
        );
        let written = fupin::to_chinese_capital(v);
        assert_eq!(
            parse_number(&written).map_err(|e| e.to_string()),
            Ok(v),
            "{written}"
        );
    }
}

/// Percent forms are quantities (1.57 percent), not bare numbers: as a number
/// 百分之一点五七 would be 0.0157 to one reader and 1.57 to another, so `parse_number`
/// refuses them and names `parse_quantity`, which reads them.
#[test]
fn percent_forms_are_quantities_not_numbers() {
    for (text, value) in [
        ("百分之一点五七", "1.57"),
        ("34.4%", "34.4"),
        ("３４．４％", "34.4"),
        ("百分之百", "100"),
    ] {
        let e = parse_number(text).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("parse_quantity") && msg.contains(&format!("{value} percent")),
            "{text}: {msg}"
        );
        let q = fupin::parse_quantity(text).unwrap();
        assert_eq!(q.value.to_string(), value);
        assert_eq!(q.unit, Some(fupin::Unit::Percent));
    }
    assert_eq!(parse_number("一点五七").unwrap().to_string(), "1.57");
    // Not every error names a unit: 万万万 is no quantity either.
    assert!(
        !parse_number("万万万")
            .unwrap_err()
            .to_string()
            .contains("parse_quantity")
    );
}
