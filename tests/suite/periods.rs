//! The period rules of spec section 3, one table row each: the text, the document's
//! date given by the caller (or none: read from the header), and each indicator's
//! quantity with the period expected.

use fupin::{Extractor, Period};

type Row<'a> = (
    &'a str,
    Option<(i32, u8, u8)>,
    &'a [(&'a str, Option<(i32, i32)>)],
);

#[track_caller]
fn table(rows: &[Row<'_>]) {
    for (text, date, want) in rows {
        let mut e = Extractor::new();
        if let Some((y, m, d)) = *date {
            e = e.date(y, m, d);
        }
        let got: Vec<(String, Option<Period>)> = e
            .extract(text)
            .map(|i| (i.quantity.text.into_owned(), i.period))
            .collect();
        let want: Vec<(String, Option<Period>)> = want
            .iter()
            .map(|(q, p)| ((*q).to_owned(), p.map(|(start, end)| Period { start, end })))
            .collect();
        assert_eq!(got, want, "in {text:?} dated {date:?}");
    }
}

const D2021: Option<(i32, u8, u8)> = Some((2021, 6, 30));
const EARLY2021: Option<(i32, u8, u8)> = Some((2021, 2, 20));

#[test]
fn explicit_years_and_ranges() {
    table(&[
        (
            "2017年全县脱贫2100人。",
            None,
            &[("2100人", Some((2017, 2017)))],
        ),
        (
            "截至2019年底,累计脱贫1.1万人。",
            None,
            &[("1.1万人", Some((2019, 2019)))],
        ),
        (
            "2016—2020年,累计投入扶贫资金9.6亿元。",
            None,
            &[("9.6亿元", Some((2016, 2020)))],
        ),
        // A month range across years is both years.
        (
            "2019年1月至2020年6月,累计脱贫3200人。",
            None,
            &[("3200人", Some((2019, 2020)))],
        ),
        (
            "2018年3月到2019年5月,新增扶贫贷款4100万元。",
            None,
            &[("4100万元", Some((2018, 2019)))],
        ),
        // 以来 and 至今 run to the document's year.
        (
            "2016年以来,全县累计脱贫1.6万人。",
            D2021,
            &[("1.6万人", Some((2016, 2021)))],
        ),
        (
            "2017年至今,全县易地扶贫搬迁1300户。",
            D2021,
            &[("1300户", Some((2017, 2021)))],
        ),
        // 分别 with two years and two figures.
        (
            "2018年和2019年分别脱贫1200人和1500人。",
            None,
            &[
                ("1200人", Some((2018, 2018))),
                ("1500人", Some((2019, 2019))),
            ],
        ),
        (
            "2019年、2020年貧困發生率分別降至2.1%和0%。",
            None,
            &[("2.1%", Some((2019, 2019))), ("0%", Some((2020, 2020)))],
        ),
        // A standard's year, a price base and a deadline are no period.
        (
            "按2014年标准,全县贫困人口1200人。",
            None,
            &[("1200人", None)],
        ),
        ("贫困人口3100人(2010年不变价)。", None, &[("3100人", None)]),
        (
            "全县脱贫680人,一包到2020年底结束。",
            None,
            &[("680人", None)],
        ),
        // A time after the figure in its clause; not one in the next clause.
        (
            "28个贫困村于2018年全部出列。",
            None,
            &[("28个", Some((2018, 2018)))],
        ),
        (
            "全县建档立卡贫困人口4300户;2014年全县农民人均纯收入2900元。",
            None,
            &[("4300户", None), ("2900元", Some((2014, 2014)))],
        ),
    ]);
}

#[test]
fn relative_times() {
    table(&[
        (
            "今年全县脱贫900人,去年脱贫1400人。",
            D2021,
            &[
                ("900人", Some((2021, 2021))),
                ("1400人", Some((2020, 2020))),
            ],
        ),
        (
            "上年全县減少貧困人口720人。",
            D2021,
            &[("720人", Some((2020, 2020)))],
        ),
        (
            "明年将新增脱贫人口500人。",
            D2021,
            &[("500人", Some((2022, 2022)))],
        ),
        (
            "目前,全县有监测户310户。",
            D2021,
            &[("310户", Some((2021, 2021)))],
        ),
        (
            "截至目前,全县发放小额信贷3.2亿元。",
            D2021,
            &[("3.2亿元", Some((2021, 2021)))],
        ),
        // 比上年 is the base of a comparison, not the figure's year.
        ("人均纯收入较上年增加900元。", D2021, &[("900元", None)]),
        // Five-year plans.
        (
            "“十三五”期间,全县减少贫困人口5.3万人。",
            None,
            &[("5.3万人", Some((2016, 2020)))],
        ),
        (
            "十二五时期,全县易地扶贫搬迁2100户。",
            None,
            &[("2100户", Some((2011, 2015)))],
        ),
        (
            "“十四五”期间,全县计划投入衔接资金12亿元。",
            None,
            &[("12亿元", Some((2021, 2025)))],
        ),
        (
            "“十四五”以来,纳入监测对象420户。",
            Some((2023, 8, 1)),
            &[("420户", Some((2021, 2023)))],
        ),
        // Look backs end with the document's year, or the year before when it is dated
        // January to March.
        (
            "过去五年,全县累计脱贫1.2万人。",
            D2021,
            &[("1.2万人", Some((2017, 2021)))],
        ),
        (
            "过去五年,全县累计脱贫1.2万人。",
            EARLY2021,
            &[("1.2万人", Some((2016, 2020)))],
        ),
        (
            "五年来,全县减少贫困人口1.2万人。",
            EARLY2021,
            &[("1.2万人", Some((2016, 2020)))],
        ),
        (
            "近三年,全县脱贫1200户。",
            D2021,
            &[("1200户", Some((2019, 2021)))],
        ),
        (
            "在过去的一年中,全县脱贫1200户。",
            EARLY2021,
            &[("1200户", Some((2020, 2020)))],
        ),
        // Without the document's date a relative time names no period.
        ("今年全县脱贫900人。", None, &[("900人", None)]),
        // A month alone is in the document's year, or the year named before it.
        (
            "6月份,全县贫困人口预脱贫4312人。",
            D2021,
            &[("4312人", Some((2021, 2021)))],
        ),
        (
            "2019年全县脱贫1000人,截至11月底脱贫率达到95%。",
            D2021,
            &[("1000人", Some((2019, 2019)))],
        ),
    ]);
}

#[test]
fn the_documents_date_from_its_header() {
    table(&[
        (
            "2019-12-23 来源:县扶贫办\n今年全县脱贫1200人。",
            None,
            &[("1200人", Some((2019, 2019)))],
        ),
        (
            "发布时间:2021-03-02 09:12\n去年全县脱贫800人。",
            None,
            &[("800人", Some((2020, 2020)))],
        ),
        (
            "03.11.2017\n今年全县脱贫1200人。",
            None,
            &[("1200人", Some((2017, 2017)))],
        ),
        (
            "2019年12月23日\n今年全县脱贫1200人。",
            None,
            &[("1200人", Some((2019, 2019)))],
        ),
        // A government work report is read early in its year: its review is of the year
        // before.
        (
            "2020年永和县政府工作报告\n过去一年,全县脱贫1200人。今年要实现脱贫800人。",
            None,
            &[
                ("1200人", Some((2019, 2019))),
                ("800人", Some((2020, 2020))),
            ],
        ),
        // The caller's date wins over the header.
        (
            "2019-12-23\n今年全县脱贫1200人。",
            Some((2020, 5, 1)),
            &[("1200人", Some((2020, 2020)))],
        ),
    ]);
}

#[test]
fn paragraph_scope() {
    table(&[
        // A year carries within its paragraph until another is named.
        (
            "2019年,全县脱贫1200人。全县贫困发生率降至1.2%。2020年,全县脱贫300人。",
            None,
            &[
                ("1200人", Some((2019, 2019))),
                ("1.2%", Some((2019, 2019))),
                ("300人", Some((2020, 2020))),
            ],
        ),
        // Not into the next paragraph.
        (
            "2019年,全县脱贫1200人。\n全县贫困发生率降至1.2%。",
            None,
            &[("1200人", Some((2019, 2019))), ("1.2%", None)],
        ),
        // A heading scopes what follows it, until the next heading.
        (
            "2018年工作回顾\n全县脱贫1200人。\n\n全县易地扶贫搬迁300户。\n下一步打算\n全县危房改造120户。",
            None,
            &[
                ("1200人", Some((2018, 2018))),
                ("300户", Some((2018, 2018))),
                ("120户", None),
            ],
        ),
        // A review span goes on into the next paragraph…
        (
            "五年来,全县扎实推进产业扶贫。\n这是产业扶贫的新答卷——带动贫困户3400户增收。",
            EARLY2021,
            &[("3400户", Some((2016, 2020)))],
        ),
        // …but not into one that opens an item of its own, nor does a year stated there.
        (
            "(二)易地扶贫搬迁。“十三五”期间,全县易地扶贫搬迁2100户。\n(三)兜底保障。全县农村低保对象5100人。",
            None,
            &[("2100户", Some((2016, 2020))), ("5100人", None)],
        ),
        (
            "“两金”互动。2016年至2019年,全县统筹整合资金9.8亿元。\n“两生”共赢。带动3900户贫困户年均增收6600元。",
            None,
            &[
                ("9.8亿元", Some((2016, 2019))),
                ("3900户", None),
                ("6600元", None),
            ],
        ),
        // A cumulative total takes no single carried year.
        (
            "2019年,全县脱贫1200人。累计脱贫3.2万人。",
            None,
            &[("1200人", Some((2019, 2019))), ("3.2万人", None)],
        ),
        ("累计脱贫3.2万人。", D2021, &[("3.2万人", None)]),
    ]);
}

/// Period errors found on real reports, each in sentences of our own.
#[test]
fn classes_found_on_real_reports() {
    table(&[
        // A time after 比/较 is the base of a comparison.
        (
            "2022年,全县务工就业1.8万人,比2021年底多1200人。",
            None,
            &[("1.8万人", Some((2022, 2022)))],
        ),
        // The year that dates the start of a change is the earlier value's.
        (
            "2019年末,全省贫困人口从2014年末的98万人减少至3.2万人,累计减少94.8万人。",
            None,
            &[
                ("3.2万人", Some((2019, 2019))),
                ("94.8万人", Some((2019, 2019))),
            ],
        ),
        // A yearly figure over an unnamed span takes no earlier year.
        (
            "全县贫困人口从2013年的4.1万人减少到2018年的0.3万人,连续5年平均每年减贫7600人。",
            None,
            &[("0.3万人", Some((2018, 2018))), ("7600人", None)],
        ),
        // A look back with no document date names no year, and hides the one before.
        (
            "全县贫困人口从2012年的3.2万人减少至2015年的1.1万人,三年来共减少贫困人口2.1万人。",
            None,
            &[("1.1万人", Some((2015, 2015))), ("2.1万人", None)],
        ),
        // A dateline is no heading; a dotted date is the document's.
        ("2019-10-29\n全县脱贫1200人。", None, &[("1200人", None)]),
        (
            "25.12.2015 15:40\n今年全县减贫3100人。",
            None,
            &[("3100人", Some((2015, 2015)))],
        ),
    ]);
}

/// A deadline in an earlier sentence (到2020年…, the end of a plan) is no period of the
/// figures after it; a range (…至2020年6月) and a year said outright still carry.
#[test]
fn deadlines_do_not_carry() {
    table(&[
        (
            "到2020年全面建成小康社会是重大战略部署。通过一年的努力,全县贫困人口减少了2009人,贫困发生率降至12.1%。",
            None,
            &[("2009人", None), ("12.1%", None)],
        ),
        (
            "到2020年全面建成小康社會。經過一年努力,全縣貧困人口減少了2009人。",
            None,
            &[("2009人", None)],
        ),
        (
            "2019年1月至2020年6月,全县扎实推进脱贫攻坚。全县贫困人口减少了2009人。",
            None,
            &[("2009人", Some((2019, 2020)))],
        ),
        (
            "2018年,全县上下克难攻坚。全县贫困人口减少了2009人。",
            None,
            &[("2009人", Some((2018, 2018)))],
        ),
        // In the figure's own clause a deadline is the year of a plan's figure.
        (
            "计划到2020年全县贫困人口减少3000人。",
            None,
            &[("3000人", Some((2020, 2020)))],
        ),
    ]);
}

/// Since a party congress (党的十八大以来) runs from the first year after it to the
/// document's year; the congress named alone (十八大报告) is no span.
#[test]
fn since_a_party_congress() {
    table(&[
        (
            "党的十八大以来,全省累计减少农村贫困人口612万人。",
            Some((2019, 10, 8)),
            &[("612万人", Some((2013, 2019)))],
        ),
        (
            "黨的十八大以來,全縣累計減少貧困人口3.1萬人。",
            Some((2018, 6, 1)),
            &[("3.1萬人", Some((2013, 2018)))],
        ),
        (
            "党的十九大以来,全市共有1.2万贫困人口脱贫。",
            Some((2020, 5, 1)),
            &[("1.2万", Some((2018, 2020)))],
        ),
        // Without a date there is no end to the span: none.
        (
            "党的十八大以来,全省累计减少农村贫困人口612万人。",
            None,
            &[("612万人", None)],
        ),
    ]);
}

/// A sentence about an unnamed past (在过去的脱贫攻坚中, 以往) takes no year from the
/// sentences before it; one that names its own look back keeps it.
#[test]
fn an_unnamed_past_takes_no_carried_year() {
    table(&[
        (
            "当前,全省脱贫人口人均纯收入达到11260元。在过去的脱贫攻坚中,全省累计惠及贫困人口312万。",
            Some((2022, 6, 2)),
            &[("11260元", Some((2022, 2022))), ("312万", None)],
        ),
        (
            "目前,全縣脫貧人口人均純收入達到10980元。在過去的脫貧攻堅中,全縣共有貧困村46個。",
            Some((2022, 6, 2)),
            &[("10980元", Some((2022, 2022))), ("46個", None)],
        ),
        (
            "今年全县脱贫1200人。在过去的一年中,全县新建扶贫车间12个。",
            Some((2019, 7, 1)),
            &[("1200人", Some((2019, 2019)))],
        ),
    ]);
}

/// A year inside a phrase that describes a noun (2014年识别的贫困户, 2016年搬迁的群众)
/// dates the noun, not the figure, when an earlier time of the sentence dates the
/// figure; alone, it still gives the period. 2014年的 (of that year) and 2016年以来的
/// (a span) are no such phrase.
#[test]
fn a_year_that_describes_a_noun() {
    table(&[
        (
            "截至2020年,全乡2015年识别的贫困户已全部脱贫,累计脱贫1306户。",
            None,
            &[("1306户", Some((2020, 2020)))],
        ),
        (
            "2019年,全县2016年底搬迁的贫困群众已稳定脱贫4210人。",
            None,
            &[("4210人", Some((2019, 2019)))],
        ),
        (
            "2018年完成的易地扶贫搬迁安置贫困人口2600人。",
            None,
            &[("2600人", Some((2018, 2018)))],
        ),
        (
            "截至2019年,全县贫困发生率由2014年的21.3%下降到2019年的0.6%。",
            None,
            &[("0.6%", Some((2019, 2019)))],
        ),
        (
            "2016年以来的扶贫资金累计投入7.8亿元。",
            Some((2020, 5, 1)),
            &[("7.8亿元", Some((2016, 2020)))],
        ),
    ]);
}

/// A level reached over a span (a rate or a standing count fallen to, an income raised to,
/// 由A到B or 下降到, 减少至, 提高到) is the level at the span's end; the flows of the same
/// sentence keep the span, and so does a count with no reaching verb. Found on unseen
/// provincial releases (2018, 2020).
#[test]
fn a_level_reached_over_a_span_is_the_spans_end() {
    table(&[
        (
            "2015-2019年,全州贫困发生率由22.6%下降到0.8%,农民人均可支配收入由4870元提高到10920元。",
            None,
            &[
                ("0.8%", Some((2019, 2019))),
                ("10920元", Some((2019, 2019))),
            ],
        ),
        (
            "2017年至2018年,全區累計減少貧困人口18.2萬人,貧困發生率下降到9.6%。",
            None,
            &[
                ("18.2萬人", Some((2017, 2018))),
                ("9.6%", Some((2018, 2018))),
            ],
        ),
        (
            "“十三五”期间,全县贫困人口减少至860人。",
            None,
            &[("860人", Some((2020, 2020)))],
        ),
        (
            "2016年以来,全县累计投入扶贫资金4.2亿元,贫困村减少到3个。",
            D2021,
            &[("4.2亿元", Some((2016, 2021))), ("3个", Some((2021, 2021)))],
        ),
        (
            "2016-2020年全县41个贫困村实现产业全覆盖。",
            None,
            &[("41个", Some((2016, 2020)))],
        ),
    ]);
}

/// A sentence that opens its own span (2016年以来, 至今) is of that span: where the
/// document's year that ends it is unknown its figures have none, and no clause of it
/// takes the year of a sentence before. Found on an unseen white paper of 2021.
#[test]
fn an_open_span_with_no_date_takes_no_earlier_year() {
    table(&[
        (
            "截至2020年,全区参与乡村旅游就业6.1万人。2016年以来,全区累计整合涉农资金58.2亿元,直接带动9.4万贫困群众脱贫,发放小额信贷4.6亿元。",
            None,
            &[
                ("6.1万人", Some((2020, 2020))),
                ("58.2亿元", None),
                ("9.4万", None),
                ("4.6亿元", None),
            ],
        ),
        (
            "截至2020年,全區參與鄉村旅遊就業6.1萬人。2016年以來,全區累計整合涉農資金58.2億元,直接帶動9.4萬貧困群眾脫貧。",
            D2021,
            &[
                ("6.1萬人", Some((2020, 2020))),
                ("58.2億元", Some((2016, 2021))),
                ("9.4萬", Some((2016, 2021))),
            ],
        ),
    ]);
}
