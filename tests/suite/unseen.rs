//! Classes of error found by reading reports nobody tuned the rules to (county and
//! town reviews, provincial and national releases, 2017-2024), each as a rule of the
//! language with sentences of our own, simplified and traditional.

use fupin::{IndicatorKind as K, Modality, Region, extract};

/// `(kind, figure as written, modality)` for each indicator of `text`.
fn read(text: &str) -> Vec<(K, String, Modality)> {
    extract(text)
        .map(|i| (i.kind, i.quantity.text.into_owned(), i.modality))
        .collect()
}

#[track_caller]
fn kinds(text: &str, want: &[(K, &str)]) {
    let got: Vec<(K, String)> = read(text).into_iter().map(|(k, q, _)| (k, q)).collect();
    let want: Vec<(K, String)> = want.iter().map(|(k, q)| (*k, (*q).to_owned())).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[track_caller]
fn modalities(text: &str, want: &[(&str, Modality)]) {
    let got: Vec<(String, Modality)> = read(text).into_iter().map(|(_, q, m)| (q, m)).collect();
    let want: Vec<(String, Modality)> = want.iter().map(|(q, m)| ((*q).to_owned(), *m)).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[track_caller]
fn places(text: &str, want: &[(&str, Option<&str>, Option<u32>)]) {
    let got: Vec<(String, Option<String>, Option<u32>)> = extract(text)
        .map(|i| {
            let r = i.region.as_ref();
            (
                i.quantity.text.into_owned(),
                r.map(|r| r.name().to_owned()),
                r.and_then(Region::code),
            )
        })
        .collect();
    let want: Vec<(String, Option<String>, Option<u32>)> = want
        .iter()
        .map(|(q, n, c)| ((*q).to_owned(), n.map(str::to_owned), *c))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

/// A noun narrowed by a bound in a relative clause (发生率在30%以上的贫困村, 收入在
/// 4000元以下的农户) counts a part of what the kind names: no indicator. The whole
/// still reads.
#[test]
fn counts_narrowed_by_a_bound_are_parts() {
    kinds("全乡贫困发生率在25%以上的贫困村有14个。", &[]);
    kinds("其中人均纯收入3500元以下的贫困户286户。", &[]);
    kinds("全县60岁以上的贫困人口4120人。", &[]);
    kinds("貧困發生率在30%以上的貧困村17個。", &[]);
    kinds("全县共有贫困村41个。", &[(K::PoorVillages, "41个")]);
    // A level, not a bound: 县级以上的 narrows nothing by a figure.
    kinds(
        "全县建档立卡贫困户2630户。",
        &[(K::PoorHouseholds, "2630户")],
    );
}

/// The newly identified poor (新识别, 新增, 新纳入) are an inflow, not the standing
/// count.
#[test]
fn newly_identified_poor_are_no_standing_count() {
    kinds("2018年动态调整中,全镇新识别贫困人口57户203人。", &[]);
    kinds("当年新增贫困村2个。", &[]);
    kinds("經動態管理,新識別貧困人口41戶133人。", &[]);
    kinds(
        "动态调整后,全镇有贫困人口311户1046人。",
        &[(K::PoorHouseholds, "311户"), (K::PoorPopulation, "1046人")],
    );
}

/// A bound on a rate said of several units at once, or set as a condition to meet,
/// is a threshold, not a measured rate.
#[test]
fn bounds_over_several_units_or_set_as_conditions_are_thresholds() {
    kinds("今年摘帽的46个县贫困发生率全部低于2%。", &[]);
    kinds("各出列村贫困发生率均低于3%。", &[]);
    kinds("確保退出村當年貧困發生率低於2%。", &[]);
    kinds(
        "2019年全县贫困发生率降至1.2%。",
        &[(K::PovertyIncidence, "1.2%")],
    );
}

/// A sum in 亿 is a total: never a figure per person, whatever the clause before it
/// was about.
#[test]
fn sums_in_hundreds_of_millions_are_not_per_capita() {
    kinds(
        "农村居民人均可支配收入增长8.2%,社会消费品零售总额41.3亿元、增长5%。",
        &[],
    );
    kinds(
        "农民人均纯收入达到9120元。",
        &[(K::PerCapitaNetIncome, "9120元")],
    );
}

/// 再 before the verb says the act is still to come (又 says it was done): a plan,
/// whatever word names it.
#[test]
fn again_before_the_verb_is_a_plan() {
    modalities(
        "今年再减少农村贫困人口800万以上。",
        &[("800万以上", Modality::Target)],
    );
    modalities("明年全县再脱贫1350人。", &[("1350人", Modality::Target)]);
    modalities(
        "今年再減少貧困人口2.1萬人。",
        &[("2.1萬人", Modality::Target)],
    );
    modalities(
        "去年全县又减少贫困人口1460人。",
        &[("1460人", Modality::Actual)],
    );
}

/// 新 opens a township's name where a word cannot go on before it (沁县新店镇, 在新
/// 添镇), and the township keeps its county's code; 新 after a word (创新镇) or before
/// a verb (新建镇) names nothing.
#[test]
fn townships_named_with_xin_are_found_whole() {
    places(
        "沁县新店镇2018年脱贫286户。",
        &[("286户", Some("新店镇"), Some(140430))],
    );
    places(
        "临洮县新添镇当年脱贫503人。",
        &[("503人", Some("新添镇"), Some(621124))],
    );
    places(
        "沁縣新店鎮當年脫貧172戶。",
        &[("172戶", Some("新店镇"), Some(140430))],
    );
    for text in [
        "沁县创新镇村治理方式,当年脱贫130户。",
        "沁县新建镇村道路,当年脱贫130户。",
    ] {
        let got: Vec<_> = extract(text)
            .filter_map(|i| i.region.map(|r| r.name().to_owned()))
            .collect();
        assert!(got.iter().all(|n| !n.ends_with('镇')), "{text}: {got:?}");
    }
}

/// A head that names several provinces as often as each other (新疆、甘肃、内蒙古
/// 三个省) is about all of them: no main place to credit a figure to that names none.
#[test]
fn a_list_of_places_is_no_main_place() {
    places(
        "西部边境地区脱贫巩固的思考\n现行标准下农村贫困人口全部脱贫,累计退出贫困村8.6万个。\n西部边境涉及新疆、甘肃、内蒙古三个省(自治区),拥有边境县41个,三省(自治区)累计脱贫贫困人口930.5万人。",
        &[("8.6万个", None, None), ("930.5万人", None, None)],
    );
    places(
        "西部邊境地區脫貧鞏固的思考\n累計退出貧困村8.6萬個。\n西部邊境涉及新疆、甘肅、內蒙古三個省(自治區)。",
        &[("8.6萬個", None, None)],
    );
    // One place named more often than the others is still the main place.
    places(
        "临洮县脱贫攻坚工作总结\n临洮县累计退出贫困村93个。与甘肃其他县相比,临洮县进度较快。",
        &[("93个", Some("临洮县"), Some(621124))],
    );
}

/// 完成…任务 is a task done, unless a plan earlier in its sentence governs it: then
/// it is one more item of the plan.
#[test]
fn a_task_in_a_plan_is_planned() {
    modalities(
        "2020年全省计划减少贫困人口42万人,全面完成9.6万人搬迁任务。",
        &[("42万人", Modality::Target), ("9.6万人", Modality::Target)],
    );
    modalities(
        "2020年全省計劃減少貧困人口42萬人,全面完成9.6萬人搬遷任務。",
        &[("42萬人", Modality::Target), ("9.6萬人", Modality::Target)],
    );
    modalities(
        "2019年全省减少贫困人口51万人,全面完成8.3万人搬迁任务。",
        &[("51万人", Modality::Actual), ("8.3万人", Modality::Actual)],
    );
}

/// A rate bounded for several units at once through a quantifier before its predicate
/// (各县…普遍降至5%以下) is a threshold too.
#[test]
fn bounds_said_of_each_unit_are_thresholds() {
    kinds("2019年各县贫困发生率普遍降至5%以下。", &[]);
    kinds("全市各鄉鎮貧困發生率均降到3%以下。", &[]);
    // 平均 is an average, not a quantifier: the rate stands.
    kinds(
        "2019年全县贫困发生率降至0.8%。",
        &[(K::PovertyIncidence, "0.8%")],
    );
}

/// A group of areas as the subject (西部地区, 贫困地区, 集中连片特困地区, 重点县) is a
/// part of the document's place, not the place: no region unless the clause names one.
#[test]
fn groups_of_areas_are_not_the_main_place() {
    places(
        "全国农村贫困人口去年减少1020万人\n2018年末,全国农村贫困人口1420万人。西部地区农村贫困人口806万人。贫困地区农村居民人均可支配收入9870元。",
        &[
            ("1020万人", Some("全国"), None),
            ("1420万人", Some("全国"), None),
            ("806万人", None, None),
            ("9870元", None, None),
        ],
    );
    places(
        "甘肅省脫貧攻堅綜述\n全省國家扶貧開發工作重點縣農村居民人均可支配收入8420元。",
        &[("8420元", None, None)],
    );
    // 地区生产总值 names no group; the main place holds.
    places(
        "临洮县2019年脱贫攻坚总结\n全县地区生产总值增长6%,全年脱贫4120人。",
        &[("4120人", Some("临洮县"), Some(621124))],
    );
}

/// A clause that opens with a kind of household (残疾户, 一般户) names its own group:
/// it takes no kind from the clause before it.
#[test]
fn a_kind_of_household_is_its_own_group() {
    kinds(
        "全镇五保户52户52人,低保户713户1804人,残疾户406人。",
        &[
            (K::SocialAssistance, "52户"),
            (K::SocialAssistance, "52人"),
            (K::SocialAssistance, "713户"),
            (K::SocialAssistance, "1804人"),
        ],
    );
    kinds(
        "全鎮五保戶52戶52人,殘疾戶406人。",
        &[(K::SocialAssistance, "52戶"), (K::SocialAssistance, "52人")],
    );
}

/// A figure right after a digit, a point and a blank continues a decimal that a copy
/// split (12. 8万个, 0. 6%): its value is not the one written, so no indicator.
#[test]
fn the_tail_of_a_split_decimal_is_no_figure() {
    kinds("全国累计退出贫困村12. 8万个。", &[]);
    kinds("2019年贫困发生率下降为0. 6%。", &[]);
    kinds("全國累計退出貧困村12. 8萬個。", &[]);
    kinds(
        "2019年贫困发生率下降为0.6%。",
        &[(K::PovertyIncidence, "0.6%")],
    );
}

/// `(figure as written, period)` for each indicator of `text`.
#[track_caller]
fn periods(text: &str, want: &[(&str, Option<(i32, i32)>)]) {
    let got: Vec<(String, Option<(i32, i32)>)> = extract(text)
        .map(|i| {
            (
                i.quantity.text.into_owned(),
                i.period.map(|p| (p.start, p.end)),
            )
        })
        .collect();
    let want: Vec<(String, Option<(i32, i32)>)> =
        want.iter().map(|(q, p)| ((*q).to_owned(), *p)).collect();
    assert_eq!(got, want, "in {text:?}");
}

/// `(figure as written, its earlier value as written)` for each indicator of `text`.
fn with_previous(text: &str) -> Vec<(String, Option<String>)> {
    extract(text)
        .map(|i| {
            (
                i.quantity.text.into_owned(),
                i.previous.map(|p| p.quantity.text.into_owned()),
            )
        })
        .collect()
}

/// A clause that opens with its predicate (比上年减少…, 较上年下降…) goes on with the
/// subject of the clause before: after a group of areas (西部地区, 贫困地区) its figure
/// is the group's, never the country's or the heading's place.
#[test]
fn a_comparison_clause_keeps_the_area_group_before_it() {
    let text = "二、2016年全国农村贫困人口减少1240万人\n\
                西部地区农村贫困人口2251万人,比上年减少663万人;东部地区农村贫困人口490万人,较上年减少163万人。";
    places(
        text,
        &[
            ("1240万人", Some("全国"), None),
            ("2251万人", None, None),
            ("663万人", None, None),
            ("490万人", None, None),
            ("163万人", None, None),
        ],
    );
    // Traditional, and a growth after the group's income.
    places(
        "一、全省脫貧情況\n貧困地區農民人均可支配收入9216元,比上年增長10.9%。",
        &[("9216元", None, None)],
    );
    // The country's own figures keep the country.
    places(
        "2015年末,全国农村贫困人口5575万人,较上年末减少1442万人。",
        &[
            ("5575万人", Some("全国"), None),
            ("1442万人", Some("全国"), None),
        ],
    );
}

/// 由A减至B, 从A减到B: changes too (the verb 减 alone, before 至/到/为); A is B's
/// earlier value, not a standing count of its own.
#[test]
fn reductions_written_with_jian_alone() {
    assert_eq!(
        with_previous("全县贫困人口从2013年的3.6万人减到2019年的0.12万人。"),
        [("0.12万人".to_owned(), Some("3.6万人".to_owned()))]
    );
    assert_eq!(
        with_previous("貧困人口由8621人減至416人。"),
        [("416人".to_owned(), Some("8621人".to_owned()))]
    );
}

/// The year that opens a sentence dates each change in it (截至2019年底,…从2014年底的
/// A减少至B;贫困发生率从2014年的C下降至D): the earlier year of one change (written
/// 2014年底的, 2014年末的, 2014年的) is that change's start, never the period of the next.
#[test]
fn a_change_start_never_dates_the_next_change() {
    periods(
        "截至2019年底,全县贫困人口从2014年底的2.3万人减少至860人;贫困发生率从2014年的18.6%下降至0.7%。",
        &[("860人", Some((2019, 2019))), ("0.7%", Some((2019, 2019)))],
    );
    periods(
        "截至2020年末,全市农村贫困人口从2013年年末的41万人减少至0人;贫困发生率由2013年年末的12.1%下降至0.3%。",
        &[("0人", Some((2020, 2020))), ("0.3%", Some((2020, 2020)))],
    );
}

/// 我国 is the country, as 全国 is.
#[test]
fn wo_guo_is_the_country() {
    places(
        "我国农村贫困人口从2014年末的7017万人减少到2017年末的3046万人。",
        &[("3046万人", Some("全国"), None)],
    );
    places(
        "我國農村貧困發生率降至0.6%。",
        &[("0.6%", Some("全国"), None)],
    );
}

/// Households and people whose risk was removed (已消除风险, 风险消除, 消除返贫风险) are
/// a part of those under watch, not their count: no monitored figure, while the count
/// itself still reads.
#[test]
fn risk_removed_is_no_monitored_count() {
    kinds(
        "全县累计识别监测对象1426户4892人,已消除风险903户3177人。",
        &[
            (K::MonitoredHouseholds, "1426户"),
            (K::MonitoredPopulation, "4892人"),
        ],
    );
    kinds("其中风险消除512户1730人。", &[]);
    kinds("全鎮累計消除返貧風險86戶312人。", &[]);
    kinds(
        "纳入防止返贫监测对象215户706人,其中风险已消除118户。",
        &[
            (K::MonitoredHouseholds, "215户"),
            (K::MonitoredPopulation, "706人"),
        ],
    );
}

/// 将 as the marker of an object placed somewhere (及时将符合条件的…纳入低保, 将2100人
/// 纳入监测) reports what was done; 将 before a verb (将新增, 将带动) is still "will".
#[test]
fn jiang_that_places_an_object_is_no_future() {
    modalities(
        "全年及时将符合条件的3120名农村人口纳入低保。",
        &[("3120名", Modality::Actual)],
    );
    modalities(
        "按規定將符合條件的1873名困難群眾納入特困供養。",
        &[("1873名", Modality::Actual)],
    );
    modalities(
        "今年以来,全县将286户纳入防止返贫监测对象。",
        &[("286户", Modality::Actual)],
    );
    modalities(
        "明年全县将新增脱贫人口1200人。",
        &[("1200人", Modality::Expected)],
    );
    modalities(
        "2021年全县将实现脱贫1500人。",
        &[("1500人", Modality::Expected)],
    );
}

/// A page republished years after its figures (a header 时间:2024-10-28 over a 2018
/// release) does not date them: 十八大以来 and 今年 get no year rather than the
/// republication's.
#[test]
fn a_republished_page_keeps_no_header_date() {
    let text = "时间:2024-10-28 19:45:01 作者:本站\n\
                2018年全国农村贫困人口减少1386万人。党的十八大以来,全国农村贫困人口累计减少8239万人。";
    periods(
        text,
        &[("1386万人", Some((2018, 2018))), ("8239万人", None)],
    );
    // A header of the same year or the next (an annual review) still dates the text
    // (以来 runs to the document's year).
    let text =
        "发布时间:2019-01-15\n党的十八大以来,全县累计减少贫困人口2.1万人。2018年全县脱贫4300人。";
    periods(
        text,
        &[
            ("2.1万人", Some((2013, 2019))),
            ("4300人", Some((2018, 2018))),
        ],
    );
}

/// A document that speaks as a county (我县, 本县) is about a county: a municipality or
/// province its head names (重庆彭水网) is not its main place; no place beats the wrong
/// level. The county named in full still is.
#[test]
fn a_county_voice_is_no_province() {
    let text = "重庆网讯 今年以来,我县全力巩固脱贫成果。\n累计识别监测对象1186户4012人。";
    places(text, &[("1186户", None, None), ("4012人", None, None)]);
    let text = "彭水县融媒体中心讯 今年以来,我县全力巩固脱贫成果。\n累计识别监测对象1186户4012人。";
    places(
        text,
        &[
            ("1186户", Some("彭水苗族土家族自治县"), Some(500243)),
            ("4012人", Some("彭水苗族土家族自治县"), Some(500243)),
        ],
    );
}

/// A plan's list goes on after a comma: a figure that opens its clause, with nothing
/// before it, is planned as the figures before it are (力争…脱贫、…出列,27万人易地扶贫
/// 搬迁); one said done after it (800人已脱贫) is not.
#[test]
fn a_plans_list_goes_on_after_a_comma() {
    modalities(
        "全省力争实现86万人脱贫、940个贫困村出列,27万人易地扶贫搬迁。",
        &[
            ("86万人", Modality::Target),
            ("940个", Modality::Target),
            ("27万人", Modality::Target),
        ],
    );
    modalities(
        "力爭全年減少貧困人口2.6萬人,8000人易地扶貧搬遷。",
        &[("2.6萬人", Modality::Target), ("8000人", Modality::Target)],
    );
    modalities(
        "计划脱贫1200人,800人已脱贫。",
        &[("1200人", Modality::Target), ("800人", Modality::Actual)],
    );
    modalities(
        "预计全年脱贫1500人,实际脱贫1620人。",
        &[("1500人", Modality::Expected), ("1620人", Modality::Actual)],
    );
}

/// A group of areas counted in a list (3个贫困县摘帽、1180个贫困村退出) is an object, not
/// the subject: the list's figures keep the document's place.
#[test]
fn counted_area_groups_are_no_subject() {
    places(
        "四川省2017年脱贫攻坚综述\n全年任务圆满完成,3个贫困县摘帽、1180个贫困村退出、62.4万贫困人口脱贫。",
        &[
            ("1180个", Some("四川省"), Some(510000)),
            ("62.4万", Some("四川省"), Some(510000)),
        ],
    );
    // A group as the subject still gives no place.
    places(
        "四川省2017年脱贫攻坚综述\n贫困县农村居民人均可支配收入10568元。",
        &[("10568元", None, None)],
    );
}

/// A word after a figure with another figure between them names that one, whatever its
/// unit: 改造农房12.8万户 is no count of relocated households.
#[test]
fn a_word_of_a_later_figure_is_not_this_ones() {
    kinds(
        "改造提升农村住房12.8万户,完成9万贫困人口易地扶贫搬迁任务。",
        &[(K::RelocatedPopulation, "9万")],
    );
}

/// In hard-wrapped text (a work report copied from a PDF, lines broken at a width) a
/// line broken by the width goes on with the same sentence: a change split over the
/// break (下降\n到) is still a change, and the year a paragraph opens with (过去一年)
/// still dates its figures, changes too.
#[test]
fn a_wrapped_line_goes_on_with_its_sentence() {
    let text = "政府工作报告\n\
一、2019年工作回顾\n\
过去一年,全县上下坚持以脱贫攻坚统揽经济社会发展全局,各项工作取得了新的进\n\
展。脱贫攻坚取得决定性胜利,全年减少农村贫困人口3412人,贫困发生率由4.3%下降\n\
到0.6%,18个贫困村退出,全县农村居民人均可支配收入达到9860元,增长9.2%。产业\n\
扶贫带动有力,新建扶贫车间12个,带动贫困劳动力就业860人,发放扶贫小额信贷1.3亿\n\
元,惠及贫困户3160户。易地扶贫搬迁任务全面完成,全县共搬迁安置贫困群众2164户\n\
8521人,建成集中安置点18个,搬迁群众实现了搬得出、稳得住、能致富的目标要求。\n";
    type Row = (K, String, Option<(i32, i32)>, Option<String>);
    let found: Vec<Row> = fupin::Extractor::new()
        .date(2020, 3, 1)
        .extract(text)
        .map(|i| {
            (
                i.kind,
                i.quantity.text.into_owned(),
                i.period.map(|p| (p.start, p.end)),
                i.previous.map(|p| p.quantity.text.into_owned()),
            )
        })
        .collect();
    let rate = found
        .iter()
        .find(|f| f.0 == K::PovertyIncidence)
        .expect("the rate of the split change");
    assert_eq!(
        rate,
        &(
            K::PovertyIncidence,
            "0.6%".to_owned(),
            Some((2019, 2019)),
            Some("4.3%".to_owned())
        )
    );
    let lifted = found
        .iter()
        .find(|f| f.0 == K::LiftedPopulation)
        .expect("lifted");
    assert_eq!(lifted.2, Some((2019, 2019)));
    // A change carries the year of its paragraph as any figure does.
    let page = "过去一年,全县脱贫攻坚取得决定性胜利。贫困发生率由4.3%下降到0.6%。\n";
    let got: Vec<(String, Option<(i32, i32)>)> = fupin::Extractor::new()
        .date(2020, 3, 1)
        .extract(page)
        .map(|i| {
            (
                i.quantity.text.into_owned(),
                i.period.map(|p| (p.start, p.end)),
            )
        })
        .collect();
    assert_eq!(got, [("0.6%".to_owned(), Some((2019, 2019)))]);
}

/// Figures with thousands separators (5,086万人) are figures of their clause like any
/// other: the comma inside them ends no clause.
#[test]
fn thousands_separators_end_no_clause() {
    let got: Vec<(K, String, Option<String>)> = extract(
        "西部地区农村贫困人口从2013年的5,086万人减少到2017年的1,634万人,累计减少3,452万人。",
    )
    .map(|i| {
        (
            i.kind,
            i.quantity.text.into_owned(),
            i.previous.map(|p| p.quantity.text.into_owned()),
        )
    })
    .collect();
    assert_eq!(
        got,
        [
            (
                K::PoorPopulation,
                "1,634万人".to_owned(),
                Some("5,086万人".to_owned())
            ),
            (K::LiftedPopulation, "3,452万人".to_owned(), None),
        ]
    );
    kinds(
        "全县投入扶贫资金12,360万元。",
        &[(K::PovertyFunds, "12,360万元")],
    );
}

/// 贫困率, as translated and news texts write the incidence; 农村地区 of the country is
/// the country's countryside, no group of areas.
#[test]
fn pinkun_lv_is_the_incidence() {
    places(
        "三年间全国农村地区贫困率由7.2%降到3.1%。",
        &[("3.1%", Some("全国"), None)],
    );
    kinds("全县贫困率降至0.8%。", &[(K::PovertyIncidence, "0.8%")]);
}

/// A line that is a year and nothing else (2013年底, 2019年末) labels the lines after
/// it, as list-like pages write their figures; a full date on a line of its own is
/// still a dateline, no label.
#[test]
fn a_year_alone_on_its_line_labels_what_follows() {
    periods(
        "一、历史数据\n-\n2014年底\n建档立卡贫困人口12.8万人,贫困发生率19.6%。\n-\n2020年末\n贫困人口减少至0人。\n",
        &[
            ("12.8万人", Some((2014, 2014))),
            ("19.6%", Some((2014, 2014))),
            ("0人", Some((2020, 2020))),
        ],
    );
    periods(
        "2019年12月23日\n全县建档立卡贫困人口1200人。\n",
        &[("1200人", None)],
    );
}

/// A province written right before a unit under it (甘肃武威市, 湖北恩施州) says where
/// the unit lies: the unit is the document's place.
#[test]
fn a_province_before_its_unit_only_locates_it() {
    places(
        "甘肃武威市2019年底整体脱贫,贫困发生率降到0.03%。\n全市农村居民人均可支配收入11890元。",
        &[
            ("0.03%", Some("武威市"), Some(620600)),
            ("11890元", Some("武威市"), Some(620600)),
        ],
    );
    places(
        "湖北恩施州2018年减少贫困人口15.6万人。",
        &[("15.6万人", Some("恩施土家族苗族自治州"), Some(422800))],
    );
}

/// A count of villages whose verb follows at once (12个村出列, 18个村退出贫困序列) is a
/// count of exited villages: the counted noun ends before the verb. 村民小组 is no
/// village.
#[test]
fn villages_counted_before_their_verb() {
    kinds(
        "全年实现12个村出列、3200人脱贫。",
        &[(K::VillagesExited, "12个"), (K::LiftedPopulation, "3200人")],
    );
    kinds(
        "2019年全縣18個村退出貧困序列。",
        &[(K::VillagesExited, "18個")],
    );
    modalities("力争1520个村出列。", &[("1520个", Modality::Target)]);
    kinds("全县有12个村民小组脱贫。", &[]);
}

/// 和…相比 sets a base of comparison as 与…相比 does (和2014年建档立卡初期相比,…脱贫
/// 1.1万户): that year dates nothing; the year in force does. 和 between two years is
/// still a list (2018年和2019年分别…).
#[test]
fn he_xiangbi_is_a_comparison() {
    periods(
        "截至2017年底,全县共有贫困人口2760人。和2014年相比,全县脱贫人口0.9万户,贫困发生率由2014年的15.2%降至0.71%。",
        &[
            ("2760人", Some((2017, 2017))),
            ("0.9万户", Some((2017, 2017))),
            ("0.71%", Some((2017, 2017))),
        ],
    );
    periods(
        "2018年和2019年分别脱贫1200人和1500人。",
        &[
            ("1200人", Some((2018, 2018))),
            ("1500人", Some((2019, 2019))),
        ],
    );
}

/// A report's own date (2019年3月2日在县人大会议上) dates it, not the date a site that
/// copied it stamped above (文库网 2021-05-12); and a county's report whose head also
/// names its province ((贵州省)…威宁彝族回族苗族自治县政府工作报告…我县) is about the county.
#[test]
fn a_reports_own_date_and_county() {
    let text = "(贵州省)2019年威宁彝族回族苗族自治县政府工作报告\n\
                文库网 2021-05-12 09:30:11 报告范文\n\
                2019年3月2日在县十八届人大三次会议上\n\
                各位代表:我代表县人民政府向大会报告工作。\n\
                今年以来,我县新增脱贫人口1260人。\n";
    periods(text, &[("1260人", Some((2019, 2019)))]);
    places(
        text,
        &[("1260人", Some("威宁彝族回族苗族自治县"), Some(520526))],
    );
}

/// A standard that frames the count (按照国家标准全县贫困人口1200人) is not a standard
/// stated; one stated (扶贫标准为2300元) still gives nothing.
#[test]
fn a_standard_that_frames_the_count() {
    kinds(
        "按照国家标准全县贫困人口1200人。",
        &[(K::PoorPopulation, "1200人")],
    );
    kinds(
        "依據現行標準全縣貧困人口860人。",
        &[(K::PoorPopulation, "860人")],
    );
    kinds("扶贫标准为2300元。", &[]);
}

/// A comma a page converter doubles before a list separator (,、) ends no clause: the
/// list's figures keep the place of its head. A percent of an average (低于全省平均
/// 水平60%) is no rate.
#[test]
fn doubled_list_separators_and_shares_of_an_average() {
    places(
        "四川省巴中市巴州区一处安置点。\n經過排查,,全國共識別貧困村12.6萬個、貧困戶2900萬個,、貧困人口8800萬,,底數基本摸清。",
        &[
            ("12.6萬個", Some("全国"), None),
            ("8800萬", Some("全国"), None),
        ],
    );
    kinds(
        "认定依据为贫困发生率高于全市两倍,、农民人均纯收入低于全市平均水平55%。",
        &[],
    );
}

/// 分别 pairs years with the figures of its own clause (2018年和2019年分别脱贫1200人和
/// 1500人); 分别是 naming things (分别是东岭、西坪) pairs nothing, and the figures of
/// later clauses never take its years one by one.
#[test]
fn fenbie_pairs_only_its_own_clause() {
    let text = "其中2016年已脱贫150户,2017年已脱贫420户,2018年脱贫380户;有3个贫困村,分别是东岭、西坪和南沟;农村低保对象510户,特困供养人员138户,双重身份人员117户。";
    let got: Vec<(String, Option<(i32, i32)>)> = extract(text)
        .filter(|i| i.kind == K::SocialAssistance)
        .map(|i| {
            (
                i.quantity.text.into_owned(),
                i.period.map(|p| (p.start, p.end)),
            )
        })
        .collect();
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(
        got.iter()
            .all(|(_, p)| p.is_none() || *p == Some((2018, 2018))),
        "{got:?}"
    );
    periods(
        "2018年和2019年分别脱贫1200人和1500人。",
        &[
            ("1200人", Some((2018, 2018))),
            ("1500人", Some((2019, 2019))),
        ],
    );
}

/// 我国 opens its sentence as the subject of every clause (我國年均減貧…,農村貧困人口由…
/// 降到1660萬人): never a qualifier of one clause, as 全国 can be (全国综合改革试点,…).
#[test]
fn wo_guo_reaches_every_clause() {
    places(
        "滇西各縣相繼摘帽。\n這些年我國年均減貧逾1000萬人,農村貧困人口由2014年底的7017萬人降到2018年底的1660萬人。",
        &[
            ("逾1000萬人", Some("全国"), None),
            ("1660萬人", Some("全国"), None),
        ],
    );
}

/// A four-digit year whose 年 the writer dropped before 底 or 末 (到2017底, 2018末) is a
/// time: it dates the sentence and is no quantity; 2017户 stays a count.
#[test]
fn a_year_without_nian_before_di_or_mo() {
    periods(
        "到2016底,全省还有285.6万贫困人口。",
        &[("285.6万", Some((2016, 2016)))],
    );
    periods(
        "2018末全縣貧困人口1200人。",
        &[("1200人", Some((2018, 2018)))],
    );
    let texts: Vec<String> = fupin::quantities("到2017底,全县共2017户贫困户。")
        .map(|q| q.text.into_owned())
        .collect();
    assert_eq!(texts, ["2017户"]);
}

/// One range of as many years as figures before 分别 (2013至2018年…分别为1650万人、
/// 1232万人…) gives each figure its year in order; a range of another length gives none.
#[test]
fn fenbie_after_a_range_of_years() {
    periods(
        "2014至2016年全省减贫人数分别为86万人、92万人、101万人。",
        &[
            ("86万人", Some((2014, 2014))),
            ("92万人", Some((2015, 2015))),
            ("101万人", Some((2016, 2016))),
        ],
    );
    let got: Vec<Option<(i32, i32)>> = extract("2013至2018年全县减贫人数分别为1650人、1232人。")
        .map(|i| i.period.map(|p| (p.start, p.end)))
        .collect();
    assert!(
        got.iter().all(|p| !matches!(p, Some((a, b)) if a == b)),
        "{got:?}"
    );
}

/// The remaining, all lifted since (剩余的1200名贫困人口全部脱贫, 剩余的214个贫困嘎查村
/// 全部出列): lifted and exited, not still poor; the remaining with no such verb stay
/// poor.
#[test]
fn the_remaining_all_lifted() {
    kinds(
        "年初剩余的12.3万贫困人口全部脱贫。",
        &[(K::LiftedPopulation, "12.3万")],
    );
    kinds(
        "剩余貧困人口1200人全部脫貧。",
        &[(K::LiftedPopulation, "1200人")],
    );
    kinds(
        "剩余的214個貧困嘎查村全部出列。",
        &[(K::VillagesExited, "214個")],
    );
    kinds("全县剩余贫困人口1200人。", &[(K::PoorPopulation, "1200人")]);
    kinds(
        "全县还有1200名贫困人口未脱贫。",
        &[(K::PoorPopulation, "1200名")],
    );
}

/// 将 right after a figure and its noun, before the verb that says what it is (30余万
/// 贫困人口将全部脱贫), makes it expected; 已 keeps it done.
#[test]
fn jiang_after_the_figure_is_expected() {
    modalities(
        "到2020年,全市现有30余万贫困人口将全部脱贫。",
        &[("30余万", Modality::Expected)],
    );
    modalities("全縣1200人將實現脫貧。", &[("1200人", Modality::Expected)]);
    modalities("全县1200人已全部脱贫。", &[("1200人", Modality::Actual)]);
}

/// Resettled (安置 before the poor noun): in a sentence about relocation the people or
/// households relocated; in posts, the people employed; else no count of the poor. Found
/// by a probe of sentences written for this session.
#[test]
fn resettled_are_relocated_or_nothing() {
    kinds(
        "全县建成易地扶贫搬迁安置点9个,安置贫困群众6400人。",
        &[(K::RelocatedPopulation, "6400人")],
    );
    kinds(
        "易地搬迁工程全面完工,共安置建档立卡貧困戶1,280戶。",
        &[(K::RelocatedHouseholds, "1,280戶")],
    );
    kinds(
        "通过乡村公益岗位安置贫困群众520人。",
        &[(K::Employment, "520人")],
    );
    kinds("全乡妥善安置贫困群众320人。", &[]);
    kinds("全县有贫困群众6400人。", &[(K::PoorPopulation, "6400人")]);
}

/// A village count after a fall (贫困村减少至6个, 贫困村由…减少到…的21个) is the poor
/// villages left, though the village word stands further off than a count's own noun;
/// a fall by a number (减少12个) stays unread. Found by a probe of sentences written for
/// this session.
#[test]
fn villages_left_after_a_fall() {
    kinds("2019年全乡贫困村减少至4个。", &[(K::PoorVillages, "4个")]);
    kinds(
        "全县贫困村由2016年的58个减少到2019年的7个。",
        &[(K::PoorVillages, "7个")],
    );
    kinds("全市貧困村下降至35個。", &[(K::PoorVillages, "35個")]);
    kinds("全县贫困村减少12个。", &[]);
}

/// 脱贫户 (households lifted out, the status noun of reports from 2021 on) before its
/// count is lifted households, as 脱贫人口 is lifted people; reached by a measure
/// (带动脱贫户…增收) they are its beneficiaries, with the verb as subject. Found by a
/// probe of sentences written for this session.
#[test]
fn lifted_households_by_their_status_noun() {
    kinds(
        "全县现有脱贫户8600户、脱贫人口3.1万人。",
        &[
            (K::LiftedHouseholds, "8600户"),
            (K::LiftedPopulation, "3.1万人"),
        ],
    );
    kinds(
        "全縣脫貧戶2,150戶、6,870人。",
        &[
            (K::LiftedHouseholds, "2,150戶"),
            (K::LiftedPopulation, "6,870人"),
        ],
    );
    kinds(
        "茶叶产业带动脱贫户1300户增收。",
        &[(K::Beneficiaries, "1300户")],
    );
    kinds(
        "2022年脱贫户人均纯收入达到12680元。",
        &[(K::PerCapitaNetIncome, "12680元")],
    );
    let subjects: Vec<String> = extract("食用菌基地带动脱贫人口420人就业增收。")
        .map(|i| i.subject)
        .collect();
    assert_eq!(subjects, ["带动"]);
}

/// A plan goes on into the clauses after it that say nothing of their own (计划脱贫…人,
/// 退出贫困村…个): a short verb and noun with no time, no 已 or 了 and no 实际 or 累计
/// is the plan's too; a clause with its own word keeps it (预计带动…). Found by a probe
/// of sentences written for this session (the second figure was read as done).
#[test]
fn a_plan_goes_on_into_the_next_clause() {
    modalities(
        "全乡计划脱贫860人,退出贫困村3个。",
        &[("860人", Modality::Target), ("3个", Modality::Target)],
    );
    modalities(
        "2020年計劃投入扶貧資金1.6億元,新建扶貧車間12個。",
        &[("1.6億元", Modality::Target)],
    );
    modalities(
        "今年计划脱贫1200人,已脱贫1150人。",
        &[("1200人", Modality::Target), ("1150人", Modality::Actual)],
    );
    modalities(
        "计划投入衔接资金1.2亿元,预计带动脱贫户2600户增收。",
        &[
            ("1.2亿元", Modality::Target),
            ("2600户", Modality::Expected),
        ],
    );
    modalities(
        "2019年计划脱贫2100人,2018年脱贫1900人。",
        &[("2100人", Modality::Target), ("1900人", Modality::Actual)],
    );
}

/// A village count after the verb of its exit (贫困村出列18个) is the villages exited.
#[test]
fn villages_exited_after_their_verb() {
    kinds("2019年全县贫困村出列18个。", &[(K::VillagesExited, "18个")]);
    kinds("贫困村全部退出9个。", &[(K::VillagesExited, "9个")]);
    kinds("貧困村出列21個。", &[(K::VillagesExited, "21個")]);
}

/// A year followed by 以来 or 至今 opens a span that ends with the document's year: with
/// no date known, no period, never the first year alone (nor for the sentences after it).
#[test]
fn a_span_since_a_year_needs_the_documents_year() {
    periods(
        "2014年以来,全市累计投入扶贫资金6.3亿元,减少贫困人口2.7万人。",
        &[("6.3亿元", None), ("2.7万人", None)],
    );
    periods(
        "2015年至今,該縣累計減少貧困人口8400人。全縣共投入扶貧資金1.9億元。",
        &[("8400人", None), ("1.9億元", None)],
    );
    // With the document's date the span closes.
    let got: Vec<_> = fupin::Extractor::new()
        .date(2019, 6, 1)
        .extract("2016年以来,全县累计减少贫困人口5600人。")
        .map(|i| i.period.map(|p| (p.start, p.end)))
        .collect();
    assert_eq!(got, [Some((2016, 2019))]);
}

/// 移 opens words (移民, 移交): a short county name right after it (民和 of 移民和) is
/// the rest of that word and the next, no place. As the end of the verb 转移 or 迁移 it
/// still may stand before a place.
#[test]
fn a_short_name_after_yi_is_inside_a_word() {
    places(
        "推进生态移民和产业扶贫,2016年全县减少贫困人口2900人。",
        &[("2900人", None, None)],
    );
    places(
        "推進扶貧移民和城鎮化,2017年全縣減少貧困人口1400人。",
        &[("1400人", None, None)],
    );
    places(
        "2017年,民和县减少贫困人口4100人。",
        &[("4100人", Some("民和回族土族自治县"), Some(630222))],
    );
    places(
        "协助转移临洮贫困劳动力外出就业85人。",
        &[("85人", Some("临洮县"), Some(621124))],
    );
}

/// A task exceeded: in 超额完成X的目标任务 the figure is the target that was passed, not
/// what was done; in 超(过/出)年度目标X the figure is the excess over it, neither the
/// count nor the target: no indicator.
#[test]
fn a_task_exceeded_names_the_target_or_the_excess() {
    modalities(
        "2018年,全州减少贫困人口6.1万人,超额完成5万人的目标任务。",
        &[("6.1万人", Modality::Actual), ("5万人", Modality::Target)],
    );
    modalities(
        "截至11月底,全縣發放小額信貸2680萬元,超額完成全年2500萬元目標任務。",
        &[
            ("2680萬元", Modality::Actual),
            ("2500萬元", Modality::Target),
        ],
    );
    // Done as planned, not exceeded: the task's figure is what was done.
    modalities(
        "2019年全县脱贫1850人,完成1800人的脱贫任务。",
        &[("1850人", Modality::Actual), ("1800人", Modality::Actual)],
    );
    kinds("今年全市脱贫劳动力务工规模超年度目标2.4万人。", &[]);
    kinds("2020年,全省脫貧勞動力外出務工超出計劃3.6萬人。", &[]);
}

/// 支持 and 扶持 as the verb of a count of poor households or people (支持了5200余户贫困户,
/// 扶持贫困户830户) say whom a measure reached: beneficiaries, not the standing poor count.
/// The 支持 of 在…支持下 ("with the support of") is no such verb.
#[test]
fn households_supported_by_a_measure_are_beneficiaries() {
    kinds(
        "全市累计发放扶贫小额信贷2.7亿元,支持了5200余户贫困户。",
        &[(K::Microcredit, "2.7亿元"), (K::Beneficiaries, "5200余户")],
    );
    kinds(
        "該縣扶持貧困戶830戶發展庭院經濟。",
        &[(K::Beneficiaries, "830戶")],
    );
    kinds(
        "在省市支持下全县贫困人口减少到960人。",
        &[(K::PoorPopulation, "960人")],
    );
}

/// 分别 spreads a range of years over the figures of its own clause (joined by 、 or 和):
/// a later clause (…,累计减贫…) is not in the list and keeps the whole range; a list
/// that does not match the years one to one gives none of its figures the whole span.
#[test]
fn respectively_pairs_years_with_its_own_list() {
    periods(
        "2015~2018年,全市每年减贫人口分别达到5.2万人、4.6万人、3.9万人、2.8万人,累计减贫人口16.5万人。",
        &[
            ("5.2万人", Some((2015, 2015))),
            ("4.6万人", Some((2016, 2016))),
            ("3.9万人", Some((2017, 2017))),
            ("2.8万人", Some((2018, 2018))),
            ("16.5万人", Some((2015, 2018))),
        ],
    );
    periods(
        "2016至2019年,全縣分別脫貧1300人和1700人。",
        &[("1300人", None), ("1700人", None)],
    );
    // One year and two places: the year is both figures'.
    periods(
        "2019年,全县和全市分别脱贫1100人和4200人。",
        &[
            ("1100人", Some((2019, 2019))),
            ("4200人", Some((2019, 2019))),
        ],
    );
}

/// 根据规划, 按照规划 (according to the plan) opening a sentence make its figures
/// planned, as 规划 the verb does; one said done (已) stays done.
#[test]
fn figures_according_to_the_plan_are_planned() {
    modalities(
        "根据规划,2017年—2020年,全县易地扶贫搬迁1850户7420人。",
        &[("1850户", Modality::Target), ("7420人", Modality::Target)],
    );
    modalities(
        "按照規劃,全州2016至2020年易地扶貧搬遷3.1萬人。",
        &[("3.1萬人", Modality::Target)],
    );
    modalities(
        "按照规划,全县已完成易地扶贫搬迁2640户。",
        &[("2640户", Modality::Actual)],
    );
}

/// 其中 followed by a colon (其中:建档立卡贫困人口…) opens a part of the figure before, as
/// 其中 alone does: the registered poor among the relocated are relocated people, not the
/// standing count of the registered poor.
#[test]
fn a_part_opened_with_a_colon_keeps_the_kind_before() {
    kinds(
        "全区实施易地扶贫搬迁4600人1180户,其中:建档立卡贫困人口3720人950户。",
        &[
            (K::RelocatedPopulation, "4600人"),
            (K::RelocatedHouseholds, "1180户"),
            (K::RelocatedPopulation, "3720人"),
            (K::RelocatedHouseholds, "950户"),
        ],
    );
    kinds(
        "全縣易地扶貧搬遷2450戶,其中：建檔立卡貧困戶1980戶。",
        &[
            (K::RelocatedHouseholds, "2450戶"),
            (K::RelocatedHouseholds, "1980戶"),
        ],
    );
}

/// A bound on a rate said after a count of units (其中19个省份贫困发生率降到2%以下) is
/// said of each of them: a threshold, not the rate of the place the text is about.
#[test]
fn a_bound_said_of_a_count_of_units_is_no_rate() {
    kinds(
        "2018年末,全国农村贫困发生率为1.7%,其中19个省份贫困发生率已降到2%以下。",
        &[(K::PovertyIncidence, "1.7%")],
    );
    kinds(
        "2019年底,全州貧困發生率0.9%,其中8個縣貧困發生率降至0.5%以下。",
        &[(K::PovertyIncidence, "0.9%")],
    );
    // A longer noun phrase between the count and the rate (…的农村贫困发生率), and the
    // count of those units itself: neither is read.
    kinds("分省份看,共有16个省份的农村贫困发生率已降到了1%以下。", &[]);
    kinds("全县有31个深度贫困村的贫困发生率降至4%以下。", &[]);
    // The count further back, with a longer noun phrase between (…个省份的…降到了).
    kinds(
        "截至2019年底,已有23个省份的农村贫困发生率降到了1%以下。",
        &[],
    );
    kinds("全州共有11個縣市的建檔立卡貧困發生率降到了2%以下。", &[]);
    // The place's own bound stays.
    kinds(
        "2017年,全县贫困发生率降至3%以下。",
        &[(K::PovertyIncidence, "3%以下")],
    );
}

/// 危房改造 written verb first (改造农村危房3150户, 改造危房) is housing renovation; the
/// figure took the subject of the next clause (易地扶贫搬迁) for want of its own.
#[test]
fn renovation_written_verb_first() {
    kinds(
        "五年来,全县改造农村危房3150户,易地扶贫搬迁1620户。",
        &[
            (K::HousingRenovation, "3150户"),
            (K::RelocatedHouseholds, "1620户"),
        ],
    );
    kinds("2017年改造危房478户。", &[(K::HousingRenovation, "478户")]);
    kinds(
        "全縣改造農村危房2960戶。",
        &[(K::HousingRenovation, "2960戶")],
    );
}

/// A subject word that heads a later clause with its own figure (…,易地扶贫搬迁720户)
/// is that figure's: an earlier figure with no subject of its own does not borrow it.
#[test]
fn a_later_clause_keeps_its_subject() {
    kinds(
        "2018年,全县新建农房1340户,易地扶贫搬迁720户。",
        &[(K::RelocatedHouseholds, "720户")],
    );
    kinds(
        "全鄉完成560戶,危房改造130戶。",
        &[(K::HousingRenovation, "130戶")],
    );
    // After the figure in its own clause, the word is still its.
    kinds(
        "全县共980户完成易地扶贫搬迁。",
        &[(K::RelocatedHouseholds, "980户")],
    );
}

/// A sentence that names its own time relative to the document (今年, 目前), with no
/// date to resolve it, after a year's end (2018年底…。今年…): "now" is past that year,
/// so that year is not its figures' period.
#[test]
fn now_after_a_years_end_is_not_that_year() {
    periods(
        "2017年底全省还剩贫困村410个。今年再减少贫困人口15万人以上。",
        &[("410个", Some((2017, 2017))), ("15万人以上", None)],
    );
    periods(
        "截至2019年末,全縣貧困人口降至720人。目前全縣尚有貧困村2個。",
        &[("720人", Some((2019, 2019))), ("2個", None)],
    );
    // With the document's date 今年 resolves.
    let got: Vec<_> = fupin::Extractor::new()
        .date(2018, 3, 7)
        .extract("2017年底全省还剩贫困村410个。今年再减少贫困人口15万人以上。")
        .map(|i| i.period.map(|p| (p.start, p.end)))
        .collect();
    assert_eq!(got, [Some((2017, 2017)), Some((2018, 2018))]);
}

/// An intention to work (达成就业意向…人, 務工意向) counts no one placed in work.
#[test]
fn an_intention_to_work_is_no_employment() {
    kinds(
        "全年举办招聘会41场,达成就业意向960余人,实现就业380人。",
        &[(K::Employment, "380人")],
    );
    kinds("現場達成務工意向530人。", &[]);
}

/// 其中 and a place with nothing else before the figure (…贫困发生率为1.6%,其中武乡县为
/// 2.1%) is the same measure for a part of the whole, with that part as its place; 其中
/// and no place (其中县本级) stays unread. Found by a probe of sentences written for this
/// session.
#[test]
fn a_part_named_after_qizhong() {
    places(
        "2018年,晋中市贫困发生率为1.2%,其中和顺县为2.4%。",
        &[
            ("1.2%", Some("晋中市"), Some(140700)),
            ("2.4%", Some("和顺县"), Some(140723)),
        ],
    );
    kinds(
        "全市建档立卡贫困人口2.6万人,其中昔阳县4100人。",
        &[
            (K::PoorPopulation, "2.6万人"),
            (K::PoorPopulation, "4100人"),
        ],
    );
    kinds(
        "全县投入扶贫资金3000万元,其中县本级1200万元。",
        &[(K::PovertyFunds, "3000万元")],
    );
    // The list of parts goes on after 、, each with its place.
    places(
        "2019年,吕梁市贫困发生率为1.3%,其中岚县为0.9%、兴县为1.7%。",
        &[
            ("1.3%", Some("吕梁市"), Some(141100)),
            ("0.9%", Some("岚县"), Some(141127)),
            ("1.7%", Some("兴县"), Some(141123)),
        ],
    );
    kinds(
        "全市脱贫1.8万人,其中临县6200人、石楼县为3100人。",
        &[
            (K::LiftedPopulation, "1.8万人"),
            (K::LiftedPopulation, "6200人"),
            (K::LiftedPopulation, "3100人"),
        ],
    );
    // 、 and no place goes on from nothing.
    kinds(
        "全市脱贫1.8万人,其中临县6200人、县直单位帮扶300人。",
        &[
            (K::LiftedPopulation, "1.8万人"),
            (K::LiftedPopulation, "6200人"),
        ],
    );
}

/// Those visited or checked (入户走访…户, 抽查贫困户…户, 核查, 调查, 排查, 抽样) are a
/// sample, not the count the noun names: no indicator. Found on an unseen national
/// release (a check of relocation), its sentence rewritten here.
#[test]
fn visited_and_checked_are_a_sample() {
    kinds("评估组随机入户走访易地搬迁群众416户1730人。", &[]);
    kinds("全县抽查建档立卡贫困户260户。", &[]);
    kinds("共核查脫貧戶1,520戶。", &[]);
    kinds(
        "全县有易地搬迁群众416户1730人。",
        &[
            (K::RelocatedHouseholds, "416户"),
            (K::RelocatedPopulation, "1730人"),
        ],
    );
}

/// A gap to an average (高出全省平均水平860元, 比全国平均水平低3200元) is no income; a
/// bound that describes a noun (收入低于3000元的…) is a criterion, and the count it
/// narrows (…的有120户) a part: neither is read. An amount with 多 after it before 的
/// (500多元的补助) stays. Found by a probe of sentences written for this session.
#[test]
fn gaps_and_criteria_are_not_levels() {
    kinds("全县农民人均可支配收入高出全省平均水平760元。", &[]);
    kinds("该县农村居民人均纯收入比全国平均水平低2900元。", &[]);
    kinds("全村人均纯收入低于3500元的有46户。", &[]);
    kinds("对年收入超过8万元的脱贫户开展核查。", &[]);
    kinds(
        "全县农民人均纯收入达到8620元。",
        &[(K::PerCapitaNetIncome, "8620元")],
    );
    kinds(
        "每户每月领取300多元的低保金。",
        &[(K::SocialAssistance, "300多元")],
    );
}

/// 三类对象, 三类监测对象, 三类户 name the households watched against falling back
/// (2021 on); their 三 counts nothing, and read as a figure it joined the households and
/// people of the subject before to the monitored word after (脱贫户…户…人、三类监测对象…:
/// the people went to the monitored). Found on an unseen village report of 2023.
#[test]
fn the_three_categories_name_the_monitored() {
    kinds(
        "全村共核实脱贫户312户1208人、三类监测对象41户156人的收入情况。",
        &[
            (K::LiftedHouseholds, "312户"),
            (K::LiftedPopulation, "1208人"),
            (K::MonitoredHouseholds, "41户"),
            (K::MonitoredPopulation, "156人"),
        ],
    );
    kinds(
        "全鎮脫貧戶640戶2315人、三類對象52戶187人。",
        &[
            (K::LiftedHouseholds, "640戶"),
            (K::LiftedPopulation, "2315人"),
            (K::MonitoredHouseholds, "52戶"),
            (K::MonitoredPopulation, "187人"),
        ],
    );
}

/// A list of places whose last member is written under its prefecture (甘孜州、阿坝州和
/// 凉山州木里县) is still a list: the figure is the group's (the province that holds them
/// all), not the last county's. Found on an unseen report of 2020 on a province's
/// Tibetan areas.
#[test]
fn a_list_member_written_under_its_prefecture() {
    places(
        "该片区涵盖阿坝州、甘孜州和凉山州木里县,2014年底有贫困村1870个、贫困人口31万人。",
        &[
            ("1870个", Some("四川省"), Some(510_000)),
            ("31万人", Some("四川省"), Some(510_000)),
        ],
    );
    // Members in different provinces: no one place.
    places(
        "湖北恩施州、湖南湘西州和重庆黔江区贫困人口共18.6万人。",
        &[("18.6万人", None, None)],
    );
    // The pair alone is no list: the county's own figure.
    places(
        "凉山州木里县贫困人口减少到0.3万人。",
        &[("0.3万人", Some("木里藏族自治县"), Some(513_422))],
    );
}

/// A per-capita income of town dwellers (城镇居民, 城镇常住居民, 城市居民), of town and
/// country together (城乡居民…2.1万元), or a median (中位数), is no poverty figure. Where
/// both are named with two figures (城乡居民…分别…、…; 城镇、农村居民…), the first is the
/// towns' and the second the countryside's, which stays. Found on unseen county work
/// reports (2018, 2021, 2022) and a national statistical release.
#[test]
fn town_incomes_and_medians_are_no_poverty_figures() {
    kinds(
        "城镇居民人均可支配收入30215元,农村居民人均可支配收入8960元。",
        &[(K::PerCapitaDisposableIncome, "8960元")],
    );
    kinds(
        "全县城乡居民人均可支配收入分别达到27450元、9380元,分别增长6%和9.2%。",
        &[(K::PerCapitaDisposableIncome, "9380元")],
    );
    kinds(
        "城镇常住居民、农村常住居民人均可支配收入分别为29870元、10120元。",
        &[(K::PerCapitaDisposableIncome, "10120元")],
    );
    kinds("全市城乡居民人均可支配收入1.86万元。", &[]);
    kinds("城鎮居民人均可支配收入32110元、同比增長8%。", &[]);
    kinds("城市居民人均可支配收入增加1320元。", &[]);
    kinds("农村居民人均可支配收入中位数10460元。", &[]);
    // 城镇化 (urbanisation) names no town dwellers.
    kinds(
        "随着新型城镇化推进农民人均纯收入达到7310元。",
        &[(K::PerCapitaNetIncome, "7310元")],
    );
    kinds(
        "農村居民人均可支配收入9510元,比上年增加840元。",
        &[
            (K::PerCapitaDisposableIncome, "9510元"),
            (K::IncomeIncrease, "840元"),
        ],
    );
}

/// 脱贫劳动力 are the workers of lifted households: a count of them is a count of
/// workers (employment where the clause sends them to work: 输转, 务工), never of people
/// lifted out. Found on an unseen provincial release of 2024.
#[test]
fn workers_of_lifted_households_are_no_people_lifted() {
    kinds(
        "截至9月底,全市输转脱贫劳动力27.6万人。",
        &[(K::Employment, "27.6万人")],
    );
    kinds(
        "全縣輸轉脫貧勞動力1.86萬人,完成年度任務的103%。",
        &[(K::Employment, "1.86萬人")],
    );
    kinds("全县共有脱贫劳动力4.3万人。", &[]);
    kinds(
        "全年外出务工的脱贫劳动力达到2.9万人。",
        &[(K::Employment, "2.9万人")],
    );
    // The people lifted are still read where 脱贫 is the verb.
    kinds(
        "当年有1.2万名贫困劳动力实现脱贫。",
        &[(K::LiftedPopulation, "1.2万名")],
    );
}

/// A problem solved for the poor (解决了…贫困人口饮水安全问题) reaches them: they are
/// beneficiaries of the measure, not the standing poor count; villages whose problem was
/// solved (解决…个贫困村通电问题) are no count of poor villages. Found on an unseen
/// regional release of 2019 (traditional, with doubled punctuation).
#[test]
fn a_problem_solved_for_the_poor_reaches_them() {
    kinds(
        "全州解决了4.7万贫困人口饮水安全问题,解决了31个贫困村通电问题。",
        &[(K::Beneficiaries, "4.7万")],
    );
    kinds(
        "全縣解決1860名貧困人口住房安全問題,。",
        &[(K::Beneficiaries, "1860名")],
    );
    // Not yet solved: still the poor.
    kinds(
        "目前仍有贫困人口930人未解决安全住房问题。",
        &[(K::PoorPopulation, "930人")],
    );
}

/// Points said of a rate of change (降幅高出全省平均水平…个百分点, 增速快…个百分点)
/// compare two changes, not the poverty rate with another: no gap of the rate. The gap of
/// the rate itself (高于全省平均水平…个百分点) and its fall (下降…个百分点) stay. Found on
/// an unseen provincial release of 2020.
#[test]
fn points_said_of_a_change_are_no_gap_of_the_rate() {
    kinds(
        "片区贫困发生率由21.3%下降到0.7%,降幅高出全省平均水平5.6个百分点。",
        &[(K::PovertyIncidence, "0.7%")],
    );
    kinds(
        "貧困發生率下降3.2個百分點,降幅比全市高1.1個百分點。",
        &[(K::PovertyIncidence, "3.2個百分點")],
    );
    kinds(
        "全县贫困发生率为7.4%,高于全省平均水平3.9个百分点。",
        &[
            (K::PovertyIncidence, "7.4%"),
            (K::PovertyIncidence, "3.9个百分点"),
        ],
    );
}

/// A bare 万 figure before a noun of those not yet lifted (还有11.6万未脱贫人口) counts
/// people (or households): the standing poor, where it was no indicator at all. Found on
/// an unseen provincial release of 2020.
#[test]
fn those_not_yet_lifted_written_after_the_figure() {
    kinds(
        "目前,这些县还有4.2万未脱贫人口。",
        &[(K::PoorPopulation, "4.2万")],
    );
    kinds("全市尚有0.9萬未脫貧戶。", &[(K::PoorHouseholds, "0.9萬")]);
    // Lifted, as a noun, stays lifted.
    kinds(
        "已脱贫的38.5万人需要巩固提升。",
        &[(K::LiftedPopulation, "38.5万人")],
    );
}

/// The income line of the watch against falling back (防止返贫监测范围, 监测标准), and any
/// income line reset by rule (由…元调整到…元), is a standard: no one's income. A measured
/// income in a sentence about adjusting something else stays. Found on an unseen
/// provincial release of 2024.
#[test]
fn a_monitoring_income_line_is_a_standard() {
    kinds(
        "全省将防止返贫监测范围由上年的年人均纯收入6900元调整到7300元。",
        &[],
    );
    kinds(
        "科學調整監測範圍,由2022年的年人均純收入6900元調整為今年的7300元。",
        &[],
    );
    kinds("今年全县防返贫监测标准为人均纯收入7400元。", &[]);
    kinds(
        "通过种植结构调整农民人均纯收入达到8120元。",
        &[(K::PerCapitaNetIncome, "8120元")],
    );
}

/// A bare count right after an exit verb (累计退出48个, 出列了21个) in a sentence whose
/// figure before it counts villages names the villages that left the list: the village
/// word is written once for both. Other counts after another clause stay nothing.
#[test]
fn villages_exited_with_the_village_word_before() {
    kinds(
        "全县共有贫困村52个,到2019年底累计退出41个。",
        &[(K::PoorVillages, "52个"), (K::VillagesExited, "41个")],
    );
    kinds(
        "全鄉有貧困村9個,2018年出列了6個。",
        &[(K::PoorVillages, "9個"), (K::VillagesExited, "6個")],
    );
    kinds(
        "全县共有贫困村52个,新建村级光伏电站37个。",
        &[(K::PoorVillages, "52个")],
    );
}

/// A sentence with no subject of its own that opens with a fall to a level (全县贫困人口
/// 4.2万人。经过五年努力,到2019年底减少到0.3万人) goes on with the standing count or rate
/// of the sentence before, in the same paragraph and unit. A subject of its own (全县总
/// 人口减少到…), a line break, or a flow before (累计脱贫…) gives nothing.
#[test]
fn a_fall_goes_on_with_the_subject_of_the_sentence_before() {
    kinds(
        "全县建档立卡贫困人口3.6万人。经过四年努力,到2019年底减少到0.2万人。",
        &[
            (K::PoorPopulation, "3.6万人"),
            (K::PoorPopulation, "0.2万人"),
        ],
    );
    kinds(
        "2014年全縣貧困發生率為21.4%。經過三年攻堅,2017年底已降至2.1%。",
        &[
            (K::PovertyIncidence, "21.4%"),
            (K::PovertyIncidence, "2.1%"),
        ],
    );
    kinds(
        "全县建档立卡贫困人口3.6万人。到2019年底,全县总人口减少到31万人。",
        &[(K::PoorPopulation, "3.6万人")],
    );
    kinds(
        "全县建档立卡贫困人口3.6万人。\n到2019年底减少到0.2万人。",
        &[(K::PoorPopulation, "3.6万人")],
    );
    kinds(
        "全县累计脱贫3.1万人。到2019年底减少到0.2万人。",
        &[(K::LiftedPopulation, "3.1万人")],
    );
}

/// An income per person of all residents at once (全国居民, 全县居民, 居民 alone as a
/// statistical bulletin writes it) or of a group by income (低收入组, 高收入组) is no rural
/// figure: only the rural residents' (农村居民, 农村常住居民, 贫困地区农村居民) stays, and
/// the residents of a named kind of place. Found on an unseen national statistical
/// bulletin (2016).
#[test]
fn all_residents_and_income_groups_are_no_rural_figure() {
    kinds(
        "全年全国居民人均可支配收入24100元,农村居民人均可支配收入12680元。",
        &[(K::PerCapitaDisposableIncome, "12680元")],
    );
    kinds(
        "按五等份收入分组,低收入组人均可支配收入5710元,高收入组人均可支配收入61200元。",
        &[],
    );
    kinds("全縣居民人均可支配收入17900元。", &[]);
    // A place named whole: all its residents (an unseen provincial yearbook, 2017).
    kinds(
        "2018年,自治区居民人均可支配收入为27300元,农牧区居民人均可支配收入13100元。",
        &[(K::PerCapitaDisposableIncome, "13100元")],
    );
    kinds("六盘水市居民人均可支配收入20400元。", &[]);
    kinds(
        "六盘水市农村居民人均可支配收入10100元。",
        &[(K::PerCapitaDisposableIncome, "10100元")],
    );
    kinds(
        "贫困地区农村常住居民人均可支配收入8810元。",
        &[(K::PerCapitaDisposableIncome, "8810元")],
    );
    kinds(
        "安置区居民人均可支配收入7420元。",
        &[(K::PerCapitaDisposableIncome, "7420元")],
    );
}

/// `。` as a decimal point (由2014年的21。37%下降到2019年的1。82%) is inside the figure, as
/// the quantity layer reads it: it ends no sentence, so the change and its earlier value
/// are read whole. A full stop after a figure (1200人。2019年) still ends one. Found on an
/// unseen journal abstract of 2019 (a province's old revolutionary area).
#[test]
fn a_decimal_written_as_a_full_stop_ends_no_sentence() {
    let found: Vec<(K, String, Option<String>)> =
        extract("片区贫困发生率由2014年的21。37%下降到2019年的1。82%。")
            .map(|i| {
                (
                    i.kind,
                    i.quantity.text.into_owned(),
                    i.previous.map(|p| p.quantity.text.into_owned()),
                )
            })
            .collect();
    assert_eq!(
        found,
        [(
            K::PovertyIncidence,
            "1。82%".to_owned(),
            Some("21。37%".to_owned())
        )]
    );
    kinds(
        "全县脱贫1350人。2019年贫困发生率为2。6%。",
        &[
            (K::LiftedPopulation, "1350人"),
            (K::PovertyIncidence, "2。6%"),
        ],
    );
}

/// A kind of area (特困片区, 贫困片区) is no name of one, and an area's name holds no
/// conjunction (中央苏区和特困片区 named a place "央苏区和特困片区"): no region from it. A
/// named area (罗霄山片区) stays. Found on an unseen provincial release of 2020.
#[test]
fn a_kind_of_area_is_no_place() {
    places(
        "全市有原中央苏区和特困片区县(市、区)9个;“十三五”贫困村412个。",
        &[("412个", None, None)],
    );
    places(
        "大别山片区贫困人口降至4.6万人。",
        &[("4.6万人", Some("大别山片区"), None)],
    );
}

/// A figure inside the name of a plan (3年10万人就业扶贫规划, …转移就业计划) is the plan's:
/// a target, not people placed. A count of units the plan is made for (120个村完成村庄
/// 规划) stays actual. Found on an unseen regional release of 2019 (traditional).
#[test]
fn a_figure_in_a_plans_name_is_a_target() {
    modalities(
        "全州持续推进深度贫困县3年8万人就业扶贫规划。",
        &[("8万人", Modality::Target)],
    );
    modalities(
        "持續推進貧困縣2年5萬人就業扶貧規劃。",
        &[("5萬人", Modality::Target)],
    );
    modalities(
        "全县86个贫困村完成村庄规划。",
        &[("86个", Modality::Actual)],
    );
}

/// A figure before two groups joined (412户脱贫户和监测户, …户脱贫户及三类监测对象) counts
/// both and is neither kind, as where the groups come first; and a bound on an income said
/// of each of several at once (…年人均纯收入全部实现破万元, 均超过8000元) is a threshold they
/// all pass, not their income. Found on an unseen village report of 2023.
#[test]
fn figures_of_two_groups_and_bounds_said_of_all() {
    kinds("全村318户脱贫户及三类监测对象全部落实帮扶措施。", &[]);
    kinds("全鎮412戶脫貧戶和監測戶全部簽訂協議。", &[]);
    kinds(
        "全县412户脱贫户及其家庭成员1650人。",
        &[
            (K::LiftedHouseholds, "412户"),
            (K::LiftedPopulation, "1650人"),
        ],
    );
    // Two facts of a list, each with its own figure, stay.
    kinds(
        "全年有1820名贫困人口脱贫、23个贫困村退出。",
        &[(K::LiftedPopulation, "1820名"), (K::VillagesExited, "23个")],
    );
    kinds("全村脱贫户年人均纯收入全部实现破万元。", &[]);
    kinds("全镇脱贫户人均纯收入均超过8000元。", &[]);
    kinds(
        "全县农民人均纯收入超过8000元。",
        &[(K::PerCapitaNetIncome, "超过8000元")],
    );
}

/// 人均 spelled out (每人平均可支配收入, 每人平均纯收入), as some traditional-character
/// converters write it, is the per-capita income all the same. Found on an unseen white
/// paper of 2021 (traditional).
#[test]
fn per_capita_spelled_out() {
    kinds(
        "全區農牧民每人平均可支配收入達到9620元。",
        &[(K::PerCapitaDisposableIncome, "9620元")],
    );
    kinds(
        "全縣貧困戶每人平均純收入達到4810元。",
        &[(K::PerCapitaNetIncome, "4810元")],
    );
}

/// Relief funds for people in hardship (困难群众救助补助资金, 临时救助资金) are social
/// assistance paid, not the funds of poverty projects. Found on an unseen provincial
/// release of 2024.
#[test]
fn relief_funds_are_social_assistance() {
    kinds(
        "全省下达中央和省级困难群众救助补助资金84.2亿元。",
        &[(K::SocialAssistance, "84.2亿元")],
    );
    kinds(
        "全縣發放臨時救助資金620萬元。",
        &[(K::SocialAssistance, "620萬元")],
    );
    kinds(
        "全县投入财政专项扶贫资金1.6亿元。",
        &[(K::PovertyFunds, "1.6亿元")],
    );
}
