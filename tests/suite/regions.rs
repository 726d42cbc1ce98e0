//! Regions: the place each figure belongs to, from the gazetteer (spec section 3),
//! with sentences we write in the style of county and city reports.

use fupin::{Extractor, Region, RegionLevel, extract};

/// `(figure as written, region name, code)` for each indicator of `text`.
fn regions_with(ex: &Extractor, text: &str) -> Vec<(String, Option<String>, Option<u32>)> {
    ex.extract(text)
        .map(|i| {
            let r = i.region.as_ref();
            (
                i.quantity.text.into_owned(),
                r.map(|r| r.name().to_owned()),
                r.and_then(Region::code),
            )
        })
        .collect()
}

fn regions(text: &str) -> Vec<(String, Option<String>, Option<u32>)> {
    regions_with(&Extractor::new(), text)
}

#[track_caller]
fn expect(text: &str, want: &[(&str, Option<&str>, Option<u32>)]) {
    let want: Vec<_> = want
        .iter()
        .map(|(q, n, c)| ((*q).to_owned(), n.map(str::to_owned), *c))
        .collect();
    assert_eq!(regions(text), want, "{text}");
}

#[test]
fn names_with_numerals_are_found_whole() {
    expect(
        "百色市建档立卡贫困人口3.2万户。",
        &[("3.2万户", Some("百色市"), Some(451000))],
    );
    expect(
        "两当县贫困发生率降至0.6%。",
        &[("0.6%", Some("两当县"), Some(621228))],
    );
    expect(
        "六盘水市累计脱贫12.3万人。",
        &[("12.3万人", Some("六盘水市"), Some(520200))],
    );
    expect(
        "十堰市今年投入扶贫资金8.6亿元。",
        &[("8.6亿元", Some("十堰市"), Some(420300))],
    );
    expect(
        "七台河市贫困发生率为1.1%,三门峡市贫困发生率为0.9%。",
        &[
            ("1.1%", Some("七台河市"), Some(230900)),
            ("0.9%", Some("三门峡市"), Some(411200)),
        ],
    );
}

#[test]
fn words_that_end_like_places_are_no_places() {
    // No place named anywhere: no region, never the word.
    for text in [
        "全县样板县建设投入扶贫资金2.1亿元。",
        "减少农村贫困人口5.3万人。",
        "参加城乡居民医保的贫困人口1.2万人。",
        "县委县政府累计投入扶贫资金3000万元。",
        "全国农村贫困人口减少1386万人。",
        "上级下达我县扶贫资金1500万元。",
        "全市示范村投入扶贫资金80万元。",
    ] {
        for (q, name, _) in regions(text) {
            let ok = name.as_deref().is_none_or(|n| n == "全国");
            assert!(ok, "{text}: {q} in {name:?}");
        }
    }
    // 乡 and 村 that start a word (乡村振兴, 村民) end no name.
    for text in [
        "中央财政衔接推进乡村振兴补助资金投入1561亿元。",
        "带领村民累计投入扶贫资金300万元。",
    ] {
        assert_eq!(
            regions(text).first().map(|r| r.1.clone()),
            Some(None),
            "{text}"
        );
    }
    // 全国 qualifying a word of an earlier clause is not the place of a later figure.
    let text = "沅陵县脱贫攻坚综述\n发挥全国扶贫改革试点作用,5年累计减贫6.2万人。";
    assert_eq!(
        regions(text).first().and_then(|r| r.1.clone()).as_deref(),
        Some("沅陵县")
    );
    // 全国 is the country.
    let national = extract("全国农村贫困人口减少1386万人。")
        .next()
        .and_then(|i| i.region);
    assert_eq!(national.map(|r| r.level()), Some(RegionLevel::National));
}

#[test]
fn two_places_in_one_sentence_each_have_their_figures() {
    expect(
        "临洮县贫困发生率降至1.2%,定西市降至0.8%。",
        &[
            ("1.2%", Some("临洮县"), Some(621124)),
            ("0.8%", Some("定西市"), Some(621100)),
        ],
    );
    // 全县 then 全市 in a report about a county: the county, then its city.
    let text = "会宁县2019年脱贫工作总结\n全县贫困发生率降至1.5%,全市降至0.9%。";
    assert_eq!(
        regions(text),
        [
            ("1.5%".to_owned(), Some("会宁县".to_owned()), Some(620422)),
            ("0.9%".to_owned(), Some("白银市".to_owned()), Some(620400)),
        ]
    );
    // A place compared with, gone to or paired with is another party's.
    expect(
        "会宁县贫困发生率为2.1%,比全省低0.5个百分点。",
        &[
            ("2.1%", Some("会宁县"), Some(620422)),
            ("0.5个百分点", Some("会宁县"), Some(620422)),
        ],
    );
}

#[test]
fn short_forms_and_traditional_text() {
    expect(
        "恩施州建档立卡贫困人口72.9万人。",
        &[("72.9万人", Some("恩施土家族苗族自治州"), Some(422800))],
    );
    expect(
        "黔東南州累計減少貧困人口119萬人。",
        &[("119萬人", Some("黔东南苗族侗族自治州"), Some(522600))],
    );
    expect(
        "臨洮縣建檔立卡貧困人口2.1萬戶。",
        &[("2.1萬戶", Some("临洮县"), Some(621124))],
    );
    expect(
        "西藏贫困发生率降至0.5%。",
        &[("0.5%", Some("西藏自治区"), Some(540000))],
    );
}

#[test]
fn ambiguous_names_are_resolved_by_the_documents_province_or_left_out() {
    // 朝阳县 is in Liaoning only, 朝阳区 in Beijing and Changchun.
    expect("朝阳区脱贫1200人。", &[("1200人", None, None)]);
    let text = "吉林省长春市脱贫攻坚综述\n朝阳区脱贫1200人。";
    assert_eq!(
        regions(text),
        [("1200人".to_owned(), Some("朝阳区".to_owned()), Some(220104))]
    );
    let ex = Extractor::new().region(Region::lookup("北京市").unwrap());
    assert_eq!(
        regions_with(&ex, "朝阳区脱贫1200人。"),
        [("1200人".to_owned(), Some("朝阳区".to_owned()), Some(110105))]
    );
}

#[test]
fn the_documents_place_comes_from_its_head_or_the_caller() {
    let text = "岚县“十三五”脱贫攻坚回顾\n“十三五”期间,全县累计脱贫2.1万人。";
    assert_eq!(
        regions(text),
        [("2.1万人".to_owned(), Some("岚县".to_owned()), Some(141127))]
    );
    let ex = Extractor::new().region(Region::from_code("141127").unwrap());
    assert_eq!(
        regions_with(&ex, "全县累计脱贫2.1万人。"),
        [("2.1万人".to_owned(), Some("岚县".to_owned()), Some(141127))]
    );
    // No place anywhere: no region.
    expect("全县累计脱贫2.1万人。", &[("2.1万人", None, None)]);
    // A national release (its head names the country and no unit): the country, for
    // figures whose sentence names no place; a group of areas stays no place, also
    // in a clause that goes on after an adverb (累计, 年均).
    expect(
        "国家统计局发布全国农村贫困监测数据\n据调查,2018年农村贫困人口减少1320万人。西部地区农村贫困人口从2012年的4800万人减少到2018年的950万人,累计减少3850万人,年均减少640万人。民族八省区农村贫困人口为590万人。",
        &[
            ("1320万人", Some("全国"), None),
            ("950万人", None, None),
            ("3850万人", None, None),
            ("640万人", None, None),
            ("590万人", None, None),
        ],
    );
    // A head that speaks as a county is no national release.
    expect(
        "我县召开全国脱贫攻坚表彰大会精神传达会\n全县累计脱贫2.1万人。",
        &[("2.1万人", None, None)],
    );
}

#[test]
fn townships_and_villages_as_written_under_their_county() {
    let text = "西和县脱贫攻坚纪实\n西和县建档立卡贫困人口2万户。长道镇何坝村投入扶贫资金50万元,带动全村贫困户86户。";
    assert_eq!(
        regions(text),
        [
            ("2万户".to_owned(), Some("西和县".to_owned()), Some(621225)),
            (
                "50万元".to_owned(),
                Some("长道镇何坝村".to_owned()),
                Some(621225)
            ),
            (
                "86户".to_owned(),
                Some("长道镇何坝村".to_owned()),
                Some(621225)
            ),
        ]
    );
    // A report about a village whose head names no county: the village its title
    // names is the document's place; two in the title, and none.
    expect(
        "红岩镇石门村扶贫工作汇报\n各位领导:本村共有286户。建档立卡贫困户41户153人。2019年脱贫12户47人。",
        &[
            ("41户", Some("红岩镇石门村"), None),
            ("153人", Some("红岩镇石门村"), None),
            ("12户", Some("红岩镇石门村"), None),
            ("47人", Some("红岩镇石门村"), None),
        ],
    );
    expect(
        "红岩镇、青山乡脱贫工作汇报\n建档立卡贫困户41户153人。",
        &[("41户", None, None), ("153人", None, None)],
    );
    // A list of villages is no one village's: the county's.
    let text = "西和县脱贫攻坚纪实\n西和县建档立卡贫困人口2万户。何坝村、姚河村等3个村投入扶贫资金90万元。";
    assert_eq!(
        regions(text).get(1).and_then(|r| r.1.clone()).as_deref(),
        Some("西和县")
    );
}

#[test]
fn respectively_pairs_places_and_figures_in_order() {
    let text = "西和县脱贫攻坚纪实\n项目带动长道镇和何坝镇贫困户人均分别增收1200元和860元。";
    let got: Vec<_> = regions(text).into_iter().map(|r| r.1).collect();
    assert_eq!(got, [Some("长道镇".to_owned()), Some("何坝镇".to_owned())]);
}

#[test]
fn datelines_and_anaphora() {
    // The dateline says where the story was filed; the story is about the region.
    let text = "2019年宁夏脱贫攻坚综述\n新华社银川1月10日电 2019年宁夏共有6.4万人实现脱贫,贫困发生率降至0.5%。\n全区投入扶贫资金40亿元。";
    let got = regions(text);
    assert!(
        got.iter()
            .all(|(_, n, _)| n.as_deref() == Some("宁夏回族自治区")),
        "{got:?}"
    );
    // 该县 is the county named last before it.
    let text =
        "湖北省脱贫攻坚综述\n湖北省贫困发生率降至0.4%。\n竹山县县长介绍说,该县选派第一书记147名。";
    assert_eq!(
        regions(text).last().map(|r| r.1.clone()),
        Some(Some("竹山县".to_owned()))
    );
}

#[test]
fn a_list_of_places_gives_the_unit_that_holds_them_all() {
    // Three counties of three prefectures of Hubei: the province.
    expect(
        "竹溪县、保康县和英山县的贫困发生率降至0.4%。",
        &[("0.4%", Some("湖北省"), Some(420000))],
    );
    // Two counties of 十堰: the prefecture.
    expect(
        "竹山县和郧西县累计脱贫21.3万人。",
        &[("21.3万人", Some("十堰市"), Some(420300))],
    );
    // A partner after 与 is not one of the list.
    let text = "靖宇县脱贫攻坚\n靖宇镇和景山镇与吉林市一家企业合作,投入扶贫资金1000万元。";
    assert_eq!(
        regions(text),
        [(
            "1000万元".to_owned(),
            Some("靖宇县".to_owned()),
            Some(220622)
        )]
    );
}

#[test]
fn a_heading_scopes_the_figures_below_it() {
    let text = "定西市脱贫攻坚工作综述\n支持渭源县脱贫摘帽\n专门安排扶贫资金3.2亿元。\n选派第一书记120名。";
    let got = regions(text);
    assert!(
        got.iter().all(|(_, n, _)| n.as_deref() == Some("渭源县")),
        "{got:?}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn json_keys() {
    let text = "临洮县建档立卡贫困人口2.1万户。";
    let i = extract(text).next().unwrap();
    let v = serde_json::to_value(&i).unwrap();
    assert_eq!(v["region"], "临洮县");
    assert_eq!(v["region_code"], "621124");
    assert_eq!(v["region_level"], "county");
    let i = extract("全县脱贫20人。").next().unwrap();
    let v = serde_json::to_value(&i).unwrap();
    assert!(v["region"].is_null() && v["region_code"].is_null() && v["region_level"].is_null());
}

/// 全国 that opens a sentence's subject (全国农村贫困人口…) is the place of the figures of
/// the clauses after it too; 全国 that qualifies something else (全国…试点) is not.
#[test]
fn the_country_as_the_subject_of_a_sentence() {
    let text =
        "2017年末,全国农村贫困人口比上年末减少1289万人,贫困发生率3.1%,比上年末下降1.4个百分点。";
    let regions: Vec<_> = fupin::extract(text)
        .map(|i| i.region.map(|r| r.name().to_owned()))
        .collect();
    assert_eq!(regions, vec![Some("全国".to_owned()); 3]);
    let trad = "2018年末,全國農村貧困人口減少至1660萬人,貧困發生率1.7%。";
    let regions: Vec<_> = fupin::extract(trad)
        .map(|i| i.region.map(|r| r.name().to_owned()))
        .collect();
    assert_eq!(regions, vec![Some("全国".to_owned()); 2]);
    let pilot = "作为全国综合扶贫改革试点,该乡2018年贫困发生率降至1.2%。";
    assert!(fupin::extract(pilot).all(|i| i.region.as_ref().map(|r| r.name()) != Some("全国")));
}
