//! Every error kind the public API returns, with its exact message and span.

use fupin::{ParseErrorKind as K, Span, parse_number, parse_quantity};

#[track_caller]
fn err_number(input: &str, kind: K, span: (usize, usize), message: &str) {
    let e = parse_number(input).expect_err(input);
    assert_eq!(e.kind(), &kind, "kind for {input:?}");
    assert_eq!(e.span(), Span::new(span.0, span.1), "span for {input:?}");
    assert_eq!(e.to_string(), message, "message for {input:?}");
}

#[track_caller]
fn err_quantity(input: &str, kind: K, message: &str) {
    let e = parse_quantity(input).expect_err(input);
    assert_eq!(e.kind(), &kind, "kind for {input:?}");
    assert_eq!(e.to_string(), message, "message for {input:?}");
    // Spans point into the input, on char boundaries.
    assert!(input.get(e.span().range()).is_some(), "span of {input:?}");
}

#[test]
fn empty() {
    err_number(
        "",
        K::Empty,
        (0, 0),
        "expected a number, found empty input (bytes 0..0)",
    );
    err_number(
        "   ",
        K::Empty,
        (3, 3),
        "expected a number, found empty input (bytes 3..3)",
    );
    err_quantity(
        "",
        K::Empty,
        "expected a quantity, found empty input (bytes 0..0)",
    );
}

#[test]
fn misordered() {
    err_number(
        "万万万",
        K::Misordered,
        (3, 6),
        "misordered numeral: '万' cannot follow '万' (bytes 3..6)",
    );
    err_number(
        "十一十二",
        K::Misordered,
        (6, 9),
        "misordered numeral: '十' cannot follow '一' (bytes 6..9)",
    );
    err_number(
        "一二三万零",
        K::Misordered,
        (9, 12),
        "misordered numeral: '万' cannot follow '三' (bytes 9..12)",
    );
    err_number(
        "十万零",
        K::Misordered,
        (6, 9),
        "misordered numeral: '零' cannot end a number (bytes 6..9)",
    );
    err_number(
        "10.1万零100",
        K::Misordered,
        (7, 10),
        "misordered numeral: '零' cannot follow '万' (bytes 7..10)",
    );
}

#[test]
fn unexpected_end_and_char() {
    err_number(
        "十点",
        K::UnexpectedEnd,
        (6, 6),
        "expected a digit after '点', found end of input (bytes 6..6)",
    );
    err_number(
        "负",
        K::UnexpectedEnd,
        (3, 3),
        "expected a number, found end of input (bytes 3..3)",
    );
    err_number(
        "点",
        K::UnexpectedChar('点'),
        (0, 3),
        "unexpected character '点' expected a number (bytes 0..3)",
    );
    err_number(
        "3元",
        K::UnexpectedChar('元'),
        (1, 4),
        "unexpected character '元' after the number, expected end of input: \"3元\" is a quantity (3 yuan), not a bare number; parse_quantity reads it (bytes 1..4)",
    );
    err_number(
        "10..1万",
        K::UnexpectedChar('.'),
        (2, 3),
        "unexpected character '.' after the number, expected end of input (bytes 2..3)",
    );
    err_number(
        "百",
        K::UnexpectedEnd,
        (3, 3),
        "expected a digit after '百', found end of input (bytes 3..3)",
    );
}

#[test]
fn overflow() {
    err_number(
        "九千九百九十九亿亿亿亿亿亿",
        K::Overflow,
        (30, 33),
        "number too large for an exact decimal (at most 28 significant digits) (bytes 30..33)",
    );
    err_number(
        "99999999999999999999999999999",
        K::Overflow,
        (0, 29),
        "number too large for an exact decimal (at most 28 significant digits) (bytes 0..29)",
    );
}

#[test]
fn damaged() {
    err_number(
        "?.8萬",
        K::Damaged,
        (0, 1),
        "damaged number: '?' stands in place of a character (bytes 0..1)",
    );
    err_number(
        "3\u{FFFD}5",
        K::Damaged,
        (1, 4),
        "damaged number: U+FFFD (the replacement character) stands in place of a character (bytes 1..4)",
    );
    err_quantity(
        "下撥?6萬元",
        K::Damaged,
        "damaged number: '?' stands in place of a character (bytes 6..7)",
    );
}

#[test]
fn unknown_unit() {
    err_quantity(
        "五万元x",
        K::UnexpectedChar('x'),
        "unexpected character 'x' after the quantity, expected end of input (bytes 9..10)",
    );
    err_quantity(
        "3公斤x",
        K::UnexpectedChar('x'),
        "unexpected character 'x' after the quantity, expected end of input (bytes 7..8)",
    );
    err_quantity(
        "3xyz",
        K::UnknownUnit("xyz".into()),
        "unknown unit \"xyz\" after the number (bytes 1..4)",
    );
}

#[test]
fn unknown_name() {
    let e = "dollar".parse::<fupin::Unit>().unwrap_err();
    assert_eq!(e.kind(), &K::UnknownName("dollar".into()));
    assert_eq!(e.span(), Span::new(0, 6));
    assert_eq!(
        e.to_string(),
        "unknown Unit name \"dollar\", expected one of yuan person household person_time \
         percent percentage_point mu hectare square_km km megawatt kilowatt_hour count (bytes 0..6)"
    );
    let e = "often".parse::<fupin::Approx>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown Approx name \"often\", expected one of exact about over under nearly (bytes 0..5)"
    );
    let e = "weekly".parse::<fupin::Per>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown Per name \"weekly\", expected one of year month day person household mu (bytes 0..6)"
    );
    let e = "planned".parse::<fupin::Modality>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "unknown Modality name \"planned\", expected one of actual target expected (bytes 0..7)"
    );
    let e = "poor".parse::<fupin::IndicatorKind>().unwrap_err();
    assert!(
        e.to_string().starts_with(
            "unknown IndicatorKind name \"poor\", expected one of poor_population poor_households"
        ),
        "{e}"
    );
    assert!(
        e.to_string().ends_with(
            "assistance_personnel monitored_households monitored_population (bytes 0..4)"
        ),
        "{e}"
    );
}

#[test]
fn fraction_of_nothing() {
    err_quantity(
        "零分之一",
        K::Overflow,
        "fraction cannot be computed exactly (denominator is zero or too small) (bytes 0..12)",
    );
}

#[test]
fn spans_point_into_original_text() {
    // Full-width and traditional characters change byte lengths when cleaned. 12萬萬
    // is 12亿 in older writing; the third 萬 is the one at fault.
    let e = parse_number("１２萬萬萬").unwrap_err();
    assert_eq!(e.span(), Span::new(12, 15));
    assert_eq!(&"１２萬萬萬"[e.span().range()], "萬");
    assert_eq!(
        e.to_string(),
        "misordered numeral: '萬' cannot follow '萬' (bytes 12..15)"
    );
}

/// Every message quotes whole characters: never U+FFFD, and where the error is at a
/// character (a span that holds one), that character as the caller wrote it, whole,
/// even when clean-up changed it (億, ｘ) and whatever stands around it.
#[track_caller]
fn quotes_whole(e: &fupin::ParseError, input: &str, kind: &K) {
    let m = e.to_string();
    assert!(!m.contains('\u{FFFD}'), "{input:?}: {m}");
    assert_eq!(e.kind(), kind, "{input:?}: {m}");
    let s = e.span();
    let here = input
        .get(s.range())
        .unwrap_or_else(|| panic!("{input:?}: span {s} off a character boundary"));
    match kind {
        K::UnknownUnit(w) => {
            assert_eq!(w, here, "{input:?}");
            assert!(m.contains(&format!("{here:?}")), "{input:?}: {m}");
        }
        K::UnexpectedChar(c) => {
            assert_eq!(here.chars().next(), Some(*c), "{input:?}");
            assert!(m.contains(&format!("{c:?}")), "{input:?}: {m}");
        }
        K::UnexpectedEnd if s.start == s.end => {
            // The character before the end, where one is quoted ("after '萬'").
            if let Some(c) = input[..s.start].chars().next_back() {
                if m.contains("after") {
                    assert!(m.contains(&format!("{c:?}")), "{input:?}: {m}");
                }
            }
        }
        K::Damaged if here == "\u{FFFD}" => assert!(m.contains("U+FFFD"), "{input:?}: {m}"),
        K::Misordered | K::Damaged => {
            let c = here.chars().next().expect("a character at the span");
            assert!(m.contains(&format!("{c:?}")), "{input:?}: {m}");
        }
        _ => {}
    }
}

#[test]
fn every_error_kind_quotes_whole_characters() {
    // (input, kind) for parse_number, then for parse_quantity: multi-byte text before
    // and after the fault, simplified, traditional and full-width.
    let numbers: &[(&str, K)] = &[
        ("亿元", K::Misordered),
        ("億元", K::Misordered),
        ("萬", K::UnexpectedEnd),
        ("万万万", K::Misordered),
        ("萬萬萬", K::Misordered),
        ("一百二三", K::Misordered),
        ("壹佰貳叁", K::Misordered),
        ("十一十二", K::Misordered),
        ("十萬零", K::Misordered),
        ("　十点", K::UnexpectedEnd),
        ("十點", K::UnexpectedEnd),
        ("千", K::UnexpectedEnd),
        ("十点钟", K::UnexpectedChar('钟')),
        ("十點鐘", K::UnexpectedChar('鐘')),
        ("３ｘ", K::UnexpectedChar('ｘ')),
        ("3萬元", K::UnexpectedChar('元')),
        ("3億圓", K::UnexpectedChar('圓')),
        ("貧困", K::UnexpectedChar('貧')),
        ("九千九百九十九亿亿亿亿亿亿亿亿", K::Overflow),
        ("九千九百九十九億億億億億億億億", K::Overflow),
        ("下撥?6萬", K::Damaged),
        ("?6萬", K::Damaged),
        ("６\u{FFFD}萬", K::Damaged),
        ("", K::Empty),
        ("　", K::Empty),
    ];
    for (input, kind) in numbers {
        let e = parse_number(input).expect_err(input);
        quotes_whole(&e, input, kind);
    }
    let quantities: &[(&str, K)] = &[
        ("亿元", K::Misordered),
        ("億元", K::Misordered),
        ("約十一十二元", K::Misordered),
        ("3斤x", K::UnexpectedChar('x')),
        ("3萬元ｘ", K::UnexpectedChar('ｘ')),
        ("3萬元貧困", K::UnexpectedChar('貧')),
        ("3貧窮線", K::UnknownUnit("貧窮線".into())),
        ("３ｘｙｚ", K::UnknownUnit("ｘｙｚ".into())),
        ("約十點", K::UnexpectedEnd),
        ("約?6萬元", K::Damaged),
        ("九千九百九十九億億億億億億億億元", K::Overflow),
        ("零分之一", K::Overflow),
        ("", K::Empty),
    ];
    for (input, kind) in quantities {
        let e = parse_quantity(input).expect_err(input);
        quotes_whole(&e, input, kind);
    }
    for name in ["億", "ｘ", "美元"] {
        let e = name.parse::<fupin::Unit>().expect_err(name);
        assert!(!e.to_string().contains('\u{FFFD}'));
        assert!(e.to_string().contains(name), "{e}");
        assert_eq!(e.kind(), &K::UnknownName(name.into()));
    }
}
