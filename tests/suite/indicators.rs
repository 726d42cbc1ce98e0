//! Indicators: sentences we write for every rule of spec section 3.

use fupin::{Extractor, IndicatorKind as K, Modality, Period, extract};

fn kinds(text: &str) -> Vec<(K, String)> {
    extract(text)
        .map(|i| {
            assert_eq!(&text[i.quantity.span.range()], i.quantity.text);
            if !i.subject.is_empty() {
                assert_eq!(&text[i.subject_span.range()], i.subject);
            }
            (i.kind, i.quantity.text.into_owned())
        })
        .collect()
}

#[track_caller]
fn expect(text: &str, want: &[(K, &str)]) {
    let got = kinds(text);
    let want: Vec<(K, String)> = want.iter().map(|(k, t)| (*k, (*t).to_owned())).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn population_and_households_together() {
    expect(
        "全县建档立卡贫困人口4120户11873人。",
        &[
            (K::PoorHouseholds, "4120户"),
            (K::PoorPopulation, "11873人"),
        ],
    );
    expect(
        "累计脱贫53个村3208户9127人。",
        &[
            (K::VillagesExited, "53个"),
            (K::LiftedHouseholds, "3208户"),
            (K::LiftedPopulation, "9127人"),
        ],
    );
    expect(
        "当年有1200户3300名贫困对象达到退出标准。",
        &[
            (K::LiftedHouseholds, "1200户"),
            (K::LiftedPopulation, "3300名"),
        ],
    );
    expect("全市2.1万贫困人口脱贫。", &[(K::LiftedPopulation, "2.1万")]);
}

#[test]
fn incidence_and_gap() {
    expect(
        "贫困发生率28.1%,高于全省平均水平12.5个百分点。",
        &[
            (K::PovertyIncidence, "28.1%"),
            (K::PovertyIncidence, "12.5个百分点"),
        ],
    );
    // Near-miss: another rate.
    expect("贫困乡镇发生率12%。", &[]);
    expect("森林覆盖率达到45%。", &[]);
}

#[test]
fn previous_values() {
    let text = "全县贫困发生率由2014年的23.4%下降到2019年的1.2%。";
    let found: Vec<_> = extract(text).collect();
    assert_eq!(found.len(), 1);
    let i = &found[0];
    assert_eq!(i.quantity.text, "1.2%");
    assert_eq!(
        i.period,
        Some(Period {
            start: 2019,
            end: 2019
        })
    );
    let p = i.previous.as_ref().unwrap();
    assert_eq!(p.quantity.text, "23.4%");
    assert_eq!(
        p.period,
        Some(Period {
            start: 2014,
            end: 2014
        })
    );
    let text = "农民人均纯收入从2015年的3100元增加到2020年的9800元";
    let found: Vec<_> = extract(text).collect();
    assert_eq!(found[0].kind, K::PerCapitaNetIncome);
    assert_eq!(
        found[0]
            .previous
            .as_ref()
            .unwrap()
            .quantity
            .value
            .to_string(),
        "3100"
    );
}

#[test]
fn funds_and_near_misses() {
    expect(
        "全县统筹整合涉农资金3.6亿元用于脱贫攻坚。",
        &[(K::PovertyFunds, "3.6亿元")],
    );
    expect("投入扶贫资金860万元。", &[(K::PovertyFunds, "860万元")]);
    // A road's total investment is not poverty funds.
    expect("新修公路总投资2亿元。", &[]);
    // Geological-hazard relocation is not poverty relocation.
    expect(
        "危房改造3200户,地质灾害搬迁500户。",
        &[(K::HousingRenovation, "3200户")],
    );
    expect(
        "易地扶贫搬迁1200户4100人。",
        &[
            (K::RelocatedHouseholds, "1200户"),
            (K::RelocatedPopulation, "4100人"),
        ],
    );
}

#[test]
fn measures() {
    expect(
        "发放小额扶贫贷款2300户,金额9800万元。",
        &[(K::Microcredit, "2300户"), (K::Microcredit, "9800万元")],
    );
    expect(
        "带动贫困户560户,户均增收2600元。",
        &[(K::Beneficiaries, "560户"), (K::IncomeIncrease, "2600元")],
    );
    expect(
        "村集体经济收入达到12万元。",
        &[(K::VillageCollectiveIncome, "12万元")],
    );
    expect(
        "发放农村低保金2100万元、五保金600万元。",
        &[
            (K::SocialAssistance, "2100万元"),
            (K::SocialAssistance, "600万元"),
        ],
    );
    expect(
        "外出务工贫困劳动力达4300人,开发公益岗位610个。",
        &[(K::Employment, "4300人"), (K::Employment, "610个")],
    );
    expect(
        "选派第一书记60名,组建驻村工作队58支。",
        &[
            (K::AssistancePersonnel, "60名"),
            (K::AssistancePersonnel, "58支"),
        ],
    );
    expect(
        "农村居民人均可支配收入8900元。",
        &[(K::PerCapitaDisposableIncome, "8900元")],
    );
    expect("全县有贫困村38个。", &[(K::PoorVillages, "38个")]);
}

#[test]
fn team_sizes_are_not_personnel() {
    expect("各县成立由科级干部任组长的5人帮扶工作组。", &[]);
    expect("有30名干部因表现突出被提拔。", &[]);
}

#[test]
fn modality() {
    let m = |t: &str| extract(t).map(|i| i.modality).collect::<Vec<_>>();
    assert_eq!(m("计划投入衔接资金1.5亿元。"), [Modality::Target]);
    assert_eq!(m("预计带动脱贫户900户增收。"), [Modality::Expected]);
    assert_eq!(m("全年完成省定任务脱贫1500人。"), [Modality::Target]);
    assert_eq!(m("已投入扶贫资金1.5亿元。"), [Modality::Actual]);
}

#[test]
fn periods() {
    let p = |e: Extractor, t: &str| e.extract(t).map(|i| i.period).collect::<Vec<_>>();
    let y = |a, b| Some(Period { start: a, end: b });
    assert_eq!(
        p(Extractor::new(), "2016年全县脱贫1500人。"),
        [y(2016, 2016)]
    );
    assert_eq!(
        p(Extractor::new(), "2016年至2019年累计投入扶贫资金3亿元。"),
        [y(2016, 2019)]
    );
    assert_eq!(
        p(
            Extractor::new().date(2021, 3, 2),
            "2016年以来累计投入扶贫资金3亿元。"
        ),
        [y(2016, 2021)]
    );
    assert_eq!(
        p(Extractor::new().date(2018, 5, 1), "去年全县脱贫1500人。"),
        [y(2017, 2017)]
    );
    assert_eq!(
        p(
            Extractor::new(),
            "发布时间:2019-04-01\n今年全县脱贫1500人。"
        ),
        [y(2019, 2019)]
    );
    assert_eq!(p(Extractor::new(), "全县脱贫1500人。"), [None]);
    assert_eq!(
        p(Extractor::new(), "28个贫困村于2017年全部出列。"),
        [y(2017, 2017)]
    );
}

#[test]
fn regions() {
    let r = |t: &str| {
        extract(t)
            .map(|i| i.region.map(|r| (r.name().to_owned(), r.code())))
            .collect::<Vec<_>>()
    };
    let text = "青川县脱贫攻坚纪实\n青川县建档立卡贫困人口3000户。白石镇红岩村投入扶贫资金60万元。";
    // The village as written, with its county's code.
    assert_eq!(
        r(text),
        [
            Some(("青川县".to_owned(), Some(510822))),
            Some(("白石镇红岩村".to_owned(), Some(510822)))
        ]
    );
}

#[test]
fn repeated_figures_are_each_reported() {
    let text = "全县脱贫1500人。总结:全县脱贫1500人。";
    let spans: Vec<_> = extract(text).map(|i| i.quantity.span).collect();
    assert_eq!(spans.len(), 2);
    assert_ne!(spans[0], spans[1]);
}

#[test]
fn traditional_report() {
    expect(
        "全縣建檔立卡貧困人口3210戶8765人,貧困發生率18.2%。",
        &[
            (K::PoorHouseholds, "3210戶"),
            (K::PoorPopulation, "8765人"),
            (K::PovertyIncidence, "18.2%"),
        ],
    );
}

#[test]
fn kind_names_round_trip() {
    for k in K::ALL {
        assert_eq!(k.to_string().parse::<K>().unwrap(), *k);
        assert!(!k.label().is_empty());
    }
}
