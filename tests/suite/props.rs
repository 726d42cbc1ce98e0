//! Properties: round trips and no panics, on values and on hostile text.

use fupin::{
    Approx, Decimal, Quantity, Unit, normalize, parse_number, parse_quantity, quantities,
    to_chinese, to_chinese_capital,
};
use proptest::prelude::*;

/// Integers up to 10^16 and decimals with up to four fractional digits.
fn value() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        // The whole range of the decimal type, where 亿 groups nest (found by fuzzing).
        (0u128..=79_228_162_514_264_337_593_543_950_335u128)
            .prop_map(|m| Decimal::from_i128_with_scale(m as i128, 0)),
        (0u64..=10_000_000_000_000_000).prop_map(Decimal::from),
        (0u64..=10_000_000_000_000, 0u32..=4)
            .prop_map(|(m, s)| Decimal::new(m as i64, s).normalize()),
    ]
}

/// Arabic with 万 or 亿 when the value is a whole number of them.
fn arabic_wan_yi(v: &Decimal) -> String {
    let wan = Decimal::from(10_000);
    let yi = Decimal::from(100_000_000);
    if !v.is_zero() && (v / yi).fract().is_zero() {
        format!("{}亿", (v / yi).normalize())
    } else if !v.is_zero() && (v / wan).scale() <= 8 && (v / wan) >= Decimal::ONE {
        format!("{}万", (v / wan).normalize())
    } else {
        v.to_string()
    }
}

const PIECES: &[&str] = &[
    "一",
    "二",
    "两",
    "三",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "零",
    "〇",
    "点",
    "负",
    "壹",
    "拾",
    "萬",
    "億",
    "0",
    "1",
    "5",
    "9",
    ".",
    ",",
    "%",
    "‰",
    "元",
    "人",
    "户",
    "个",
    "亩",
    "人次",
    "百分之",
    "个百分点",
    "分之",
    "余",
    "多",
    "约",
    "近",
    "以上",
    "至",
    "-",
    "~",
    "年",
    "月",
    "日",
    "?",
    "\u{FFFD}",
    "(",
    ")",
    "(chǎn)",
    "“",
    "”",
    "《",
    "》",
    "第",
    "，",
    "、",
    "。",
    "１",
    "．",
    "％",
    " ",
    "\n",
    "貧",
    "困",
    "脫",
    "贫",
    "发生率",
    "由",
    "下降到",
    "投入",
    "资金",
];

fn junk() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    // 512 cases by default; PROPTEST_CASES sets more for long runs.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn chinese_round_trip(v in value()) {
        let s = to_chinese(v);
        prop_assert_eq!(parse_number(&s).map_err(|e| e.to_string()), Ok(v), "{}", s);
        let s = to_chinese_capital(v);
        prop_assert_eq!(parse_number(&s).map_err(|e| e.to_string()), Ok(v), "{}", s);
        let neg = -v;
        if !v.is_zero() {
            prop_assert_eq!(parse_number(&to_chinese(neg)).map_err(|e| e.to_string()), Ok(neg));
        }
    }

    #[test]
    fn arabic_round_trip(v in value()) {
        let s = arabic_wan_yi(&v);
        prop_assert_eq!(parse_number(&s).map_err(|e| e.to_string()), Ok(v), "{}", s);
        prop_assert_eq!(parse_number(&v.to_string()).map_err(|e| e.to_string()), Ok(v));
    }

    #[test]
    fn parsers_never_panic(s in "\\PC*") {
        let _ = parse_number(&s);
        let _ = parse_quantity(&s);
    }

    #[test]
    fn parsers_never_panic_on_numeral_junk(s in junk()) {
        if let Ok(q) = parse_quantity(&s) {
            prop_assert_eq!(&s[q.span.range()], &*q.text);
        }
        if let Err(e) = parse_number(&s) {
            prop_assert!(s.get(e.span().range()).is_some());
        }
    }

    #[test]
    fn quantity_spans(s in prop_oneof![junk(), "\\PC*"]) {
        let mut last = 0;
        for q in quantities(&s).include_damaged(true) {
            prop_assert!(s.is_char_boundary(q.span.start) && s.is_char_boundary(q.span.end));
            prop_assert_eq!(&s[q.span.range()], &*q.text);
            prop_assert!(q.span.start >= last, "overlap or disorder at {:?}", q.span);
            last = q.span.end;
        }
        // Damaged numbers left out are all that differs from asking for them.
        let clean: Vec<_> = quantities(&s).collect();
        let kept: Vec<_> = quantities(&s).include_damaged(true).filter(|q| !q.damaged).collect();
        prop_assert_eq!(clean, kept);
        for i in fupin::extract(&s) {
            prop_assert_eq!(&s[i.quantity.span.range()], &*i.quantity.text);
            if let Some(p) = &i.previous {
                prop_assert!(p.quantity.span.end <= i.quantity.span.start);
            }
        }
    }

    #[test]
    fn normalize_is_idempotent_and_monotone(s in prop_oneof![junk(), "\\PC*"]) {
        let n = normalize(&s);
        let again = normalize(n.as_str());
        prop_assert_eq!(again.as_str(), n.as_str());
        prop_assert!(again.is_borrowed());
        let mut last = 0;
        for (i, _) in n.as_str().char_indices().chain(std::iter::once((n.as_str().len(), ' '))) {
            let src = n.source_start(i);
            prop_assert!(src >= last && src <= s.len());
            prop_assert!(s.is_char_boundary(src));
            last = src;
        }
    }

    #[test]
    fn display_from_str_identity(
        v in value(),
        unit in proptest::option::of(proptest::sample::select(Unit::ALL)),
        approx in proptest::sample::select(Approx::ALL),
    ) {
        let q = Quantity::new(v, unit).with_approx(approx);
        let back: Quantity = q.to_string().parse().map_err(|e: fupin::ParseError| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, q);
        for u in Unit::ALL {
            prop_assert_eq!(u.to_string().parse::<Unit>().ok(), Some(*u));
        }
        for a in Approx::ALL {
            prop_assert_eq!(a.to_string().parse::<Approx>().ok(), Some(*a));
        }
    }
}
