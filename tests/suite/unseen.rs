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
