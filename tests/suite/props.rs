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

/// Pieces of text for the scanner-parser agreement: numerals, units, blanks, line
/// breaks and junk, more of the forms the scanner reads in context.
const AGREE_PIECES: &[&str] = &[
    "一",
    "两",
    "三",
    "五",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "零",
    "点",
    "0",
    "1",
    "2",
    "5",
    "9",
    ".",
    "%",
    "元",
    "人",
    "户",
    "个",
    "人次",
    "亩",
    "公里",
    "千米",
    "千瓦",
    "千瓦时",
    "兆瓦",
    "余",
    "多",
    "约",
    "近",
    "左右",
    "以上",
    "至",
    "-",
    "–",
    "—",
    "~",
    "年",
    "月",
    "成",
    "个百分点",
    "百分之",
    "分之",
    "贫困人口",
    "贫困户",
    "村",
    "的",
    "，",
    "、",
    "。",
    " ",
    "\n",
    "\r\n",
    "\u{3000}",
    "(",
    ")",
    "第",
    "“",
    "”",
    "?",
    "由",
    "减少到",
    "达",
    "投入",
];

/// The vague numerals 几 and 数 (几十万元, 数百户), whose reading belongs to the numeral
/// forms rather than to the scanner.
const VAGUE_PIECES: &[&str] = &["几", "数"];

fn agree_text(vague: bool) -> impl Strategy<Value = String> {
    let mut pieces = AGREE_PIECES.to_vec();
    if vague {
        pieces.extend_from_slice(VAGUE_PIECES);
    }
    proptest::collection::vec(proptest::sample::select(pieces), 0..30).prop_map(|v| v.concat())
}

/// Whether a character is part of a numeral (a digit, a Chinese numeral, a point, or a
/// vague numeral: 几, 数).
fn numeral_char(c: char) -> bool {
    c.is_ascii_digit()
        || "一二两三四五六七八九十百千万亿零〇点几数壹贰叁肆伍陆柒捌玖拾佰仟萬億兩".contains(c)
}

/// A quantity's reading, compared between the scanner and the parser.
fn reading(q: &Quantity<'_>) -> (Decimal, Option<Decimal>, Option<Unit>, Approx) {
    (q.value, q.max, q.unit, q.approx)
}

/// The scanner and the parser agree. For every clean quantity `q` that `quantities`
/// finds in `text`, with `s = &text[q.span]`:
///
/// 1. `parse_quantity(s)` reads the same value, high end, unit and approximation (`s`
///    with the line breaks of a hard-wrapped join and the blanks around them taken
///    out). The unit may differ only where the scanner took it from the context outside
///    `s`: a noun outside the span (implied units), 度 of electricity, and a list's
///    shared 个百分点.
/// 2. `q` is no fragment: `s` widened by the numeral character right before or after it
///    (a digit, a Chinese numeral, a point, 几 or 数; not the 千 of 千米/千瓦/千克 nor the
///    百/千 of 百分之/千分之) either does not parse, so that `q` is an error-free subset
///    of that run, or parses to `q`'s reading. This is what catches `几十万元` read as
///    `十万元`.
fn agree(text: &str) -> Result<(), TestCaseError> {
    for q in quantities(text) {
        let s = &text[q.span.range()];
        let joined: String = if s.contains('\n') {
            s.split('\n')
                .map(|l| l.trim_matches([' ', '\r', '\u{3000}']))
                .collect()
        } else {
            s.to_owned()
        };
        let p = parse_quantity(&joined).map_err(|e| {
            TestCaseError::fail(format!("{s:?} found in {text:?} does not parse: {e}"))
        })?;
        let context_unit = q.noun.as_deref().is_some_and(|n| !s.contains(n))
            || q.unit == Some(Unit::KilowattHour) && s.ends_with('度')
            || q.unit == Some(Unit::PercentagePoint) && !s.contains("百分点");
        let (mut a, mut b) = (reading(&q), reading(&p));
        if context_unit {
            a.2 = None;
            b.2 = None;
        }
        prop_assert_eq!(a, b, "{:?} in {:?}", s, text);
        let before = text[..q.span.start].chars().next_back();
        let rest = &text[q.span.end..];
        let after = rest.chars().next().filter(|_| {
            !["千米", "千瓦", "千克", "百分", "千分", "万分"]
                .iter()
                .any(|u| rest.starts_with(u))
        });
        let mut wider = Vec::new();
        if let Some(c) = before.filter(|&c| numeral_char(c)) {
            wider.push(&text[q.span.start - c.len_utf8()..q.span.end]);
        }
        if let Some(c) = after.filter(|&c| numeral_char(c)) {
            wider.push(&text[q.span.start..q.span.end + c.len_utf8()]);
        }
        for w in wider {
            if let Ok(w_q) = parse_quantity(w) {
                prop_assert_eq!(
                    reading(&w_q),
                    reading(&p),
                    "{:?} is a fragment of {:?} in {:?}",
                    s,
                    w,
                    text
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    /// [`agree`] on text without vague numerals (passes 100000 cases).
    #[test]
    fn scanner_and_parser_agree(text in agree_text(false)) {
        agree(&text)?;
    }

    /// [`agree`] with the vague numerals 几 and 数 too. Ignored: it fails on the vague
    /// numeral forms, which issue 15 gives to the numeral-form work, not the scanner:
    /// `几十%` is read as `十%` (10 percent, exact) where the parser reads 10 to 100
    /// percent, about; `几十万元` as `十万元` likewise. Run it with `--ignored` once they
    /// are read whole.
    #[test]
    #[ignore = "junk runs of vague numerals and digits (几十两%: 两% read alone) still give fragments"]
    fn scanner_and_parser_agree_with_vague_numerals(text in agree_text(true)) {
        agree(&text)?;
    }
}
