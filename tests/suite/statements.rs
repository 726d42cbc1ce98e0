//! What happened to a figure decides its kind: negation and remaining, reductions,
//! comparisons, labels, standards, subjects after the number, the monitored kinds, and
//! modality. Sentences of our own, simplified and traditional, for each family.

use fupin::{IndicatorKind as K, Modality, extract};

#[track_caller]
fn table(rows: &[(&str, &[(K, &str)])]) {
    for (text, want) in rows {
        let got: Vec<(K, String)> = extract(text)
            .map(|i| (i.kind, i.quantity.text.into_owned()))
            .collect();
        let want: Vec<(K, String)> = want.iter().map(|(k, t)| (*k, (*t).to_owned())).collect();
        assert_eq!(got, want, "in {text:?}");
    }
}

#[test]
fn negated_and_remaining_counts_are_never_lifted() {
    table(&[
        (
            "2018年底,全乡还有未脱贫人口214户583人。",
            &[(K::PoorHouseholds, "214户"), (K::PoorPopulation, "583人")],
        ),
        (
            "截至2019年6月,该县尚有未脱贫贫困村9个。",
            &[(K::PoorVillages, "9个")],
        ),
        (
            "目前全镇仅剩贫困人口17户41人未脱贫。",
            &[(K::PoorHouseholds, "17户"), (K::PoorPopulation, "41人")],
        ),
        ("全县剩余贫困人口3620人。", &[(K::PoorPopulation, "3620人")]),
        ("全市尚未出列贫困村23个。", &[(K::PoorVillages, "23个")]),
        (
            "还有1150名贫困群众没有脱贫。",
            &[(K::PoorPopulation, "1150名")],
        ),
        // Traditional: the same rule.
        (
            "全縣尚有未脫貧人口402戶1117人。",
            &[(K::PoorHouseholds, "402戶"), (K::PoorPopulation, "1117人")],
        ),
        (
            "全鄉僅剩貧困人口8戶19人。",
            &[(K::PoorHouseholds, "8戶"), (K::PoorPopulation, "19人")],
        ),
        // Those who fell back are neither lifted nor registered poor.
        ("已脱贫人口中返贫36人。", &[]),
        ("當年返貧人口12人。", &[]),
        // A clause that names nothing but what remains goes on from the figure before
        // as the count still poor, never as one more lifted.
        (
            "2016年末全镇有贫困人口6400人,当年减少2750人,年底剩余3650人。",
            &[
                (K::PoorPopulation, "6400人"),
                (K::LiftedPopulation, "2750人"),
                (K::PoorPopulation, "3650人"),
            ],
        ),
        (
            "全年脱贫860户,还剩314户。",
            &[(K::LiftedHouseholds, "860户"), (K::PoorHouseholds, "314户")],
        ),
        (
            "當年減貧1130人,尚余472人。",
            &[
                (K::LiftedPopulation, "1130人"),
                (K::PoorPopulation, "472人"),
            ],
        ),
        // The lifting word still counts where nothing negates it.
        (
            "全年实现脱贫1720户4905人。",
            &[
                (K::LiftedHouseholds, "1720户"),
                (K::LiftedPopulation, "4905人"),
            ],
        ),
    ]);
}

#[test]
fn reductions_the_change_and_what_is_left() {
    table(&[
        // The fall is the number lifted out.
        (
            "“十三五”期间全县减少农村贫困人口4.7万人。",
            &[(K::LiftedPopulation, "4.7万人")],
        ),
        (
            "全年贫困人口减少2861人。",
            &[(K::LiftedPopulation, "2861人")],
        ),
        (
            "贫困人口3120人,较上年减少了1405人。",
            &[
                (K::PoorPopulation, "3120人"),
                (K::LiftedPopulation, "1405人"),
            ],
        ),
        ("贫困户同比减少530户。", &[(K::LiftedHouseholds, "530户")]),
        (
            "全县贫困人口净减少6400人。",
            &[(K::LiftedPopulation, "6400人")],
        ),
        // What is left is still poor.
        ("全县贫困人口减至862人。", &[(K::PoorPopulation, "862人")]),
        ("贫困人口减为1300人。", &[(K::PoorPopulation, "1300人")]),
        (
            "通过脱贫攻坚,贫困人口降至420人。",
            &[(K::PoorPopulation, "420人")],
        ),
        ("貧困人口減少到615人。", &[(K::PoorPopulation, "615人")]),
        // 由A减少到B: B what is left, A its previous value.
        (
            "贫困人口由2.3万人减少到4100人。",
            &[(K::PoorPopulation, "4100人")],
        ),
        // A change in percent is not the rate; in percentage points it is the gap.
        ("贫困发生率下降3.5%。", &[]),
        (
            "贫困发生率下降3.5个百分点。",
            &[(K::PovertyIncidence, "3.5个百分点")],
        ),
        ("贫困发生率降至0.8%。", &[(K::PovertyIncidence, "0.8%")]),
    ]);
}

#[test]
fn increases_are_not_incomes() {
    table(&[
        (
            "农村居民人均可支配收入达到9807元,较上年增加861元。",
            &[
                (K::PerCapitaDisposableIncome, "9807元"),
                (K::IncomeIncrease, "861元"),
            ],
        ),
        (
            "贫困户人均纯收入达到7350元,比上年增加1240元,增长20.3%。",
            &[
                (K::PerCapitaNetIncome, "7350元"),
                (K::IncomeIncrease, "1240元"),
            ],
        ),
        ("农民人均纯收入增加650元。", &[(K::IncomeIncrease, "650元")]),
        (
            "人均纯收入6100元,比上年多740元。",
            &[
                (K::PerCapitaNetIncome, "6100元"),
                (K::IncomeIncrease, "740元"),
            ],
        ),
        (
            "農民人均純收入比上年增加930元。",
            &[(K::IncomeIncrease, "930元")],
        ),
        (
            "人均可支配收入增长到11200元。",
            &[(K::PerCapitaDisposableIncome, "11200元")],
        ),
        // 户均 is per household, never per person.
        ("参与农户户均可支配收入2.4万元。", &[]),
        ("户均增收2600元。", &[(K::IncomeIncrease, "2600元")]),
        // A village's added income is neither.
        ("村集体经济收入增加3.5万元。", &[]),
    ]);
}

#[test]
fn labels_standards_and_subjects_after_the_number() {
    table(&[
        ("贫困发生率:3.9%", &[(K::PovertyIncidence, "3.9%")]),
        ("建档立卡贫困人口:2650人", &[(K::PoorPopulation, "2650人")]),
        ("貧困人口：1730人", &[(K::PoorPopulation, "1730人")]),
        // Standards that define eligibility are no facts.
        ("以现行扶贫标准2300元计算。", &[]),
        ("贫困县退出的标准为贫困发生率降到2%以下。", &[]),
        ("贫困发生率降到3%以下的退出标准。", &[]),
        ("按现行标准,危房改造补助标准每户2万元。", &[]),
        // A standard of social assistance is its own kind (spec: 每人每年3600元).
        (
            "农村低保标准每人每年4200元。",
            &[(K::SocialAssistance, "4200元")],
        ),
        // The lifting word has a figure of its own after it: the one before is the total.
        (
            "36万贫困人口已累计脱贫31.2万人。",
            &[
                (K::PoorPopulation, "36万"),
                (K::LiftedPopulation, "31.2万人"),
            ],
        ),
        ("1280户贫困户实现脱贫。", &[(K::LiftedHouseholds, "1280户")]),
        // Figures joined by 、 and 和.
        (
            "脱贫1150户、3260人。",
            &[
                (K::LiftedHouseholds, "1150户"),
                (K::LiftedPopulation, "3260人"),
            ],
        ),
    ]);
}

#[test]
fn monitored_households_and_people() {
    table(&[
        (
            "全县纳入防止返贫监测对象318户957人。",
            &[
                (K::MonitoredHouseholds, "318户"),
                (K::MonitoredPopulation, "957人"),
            ],
        ),
        (
            "2022年新识别监测户47户。",
            &[(K::MonitoredHouseholds, "47户")],
        ),
        (
            "全縣防止返貧監測對象226戶681人。",
            &[
                (K::MonitoredHouseholds, "226戶"),
                (K::MonitoredPopulation, "681人"),
            ],
        ),
        (
            "脱贫不稳定户85户,边缘易致贫户62户。",
            &[
                (K::MonitoredHouseholds, "85户"),
                (K::MonitoredHouseholds, "62户"),
            ],
        ),
        // The watch is no fall back.
        (
            "防止返贫监测对象中脱贫不稳定户191户。",
            &[(K::MonitoredHouseholds, "191户")],
        ),
        // Those whose risk was removed are a part of the watched, not their count.
        ("防止返贫监测对象中已消除风险191户。", &[]),
    ]);
    for k in [K::MonitoredHouseholds, K::MonitoredPopulation] {
        assert_eq!(k.to_string().parse::<K>().ok(), Some(k));
        assert!(!k.label().is_empty());
    }
    assert_eq!(K::MonitoredHouseholds.units(), &[fupin::Unit::Household]);
    assert_eq!(K::MonitoredPopulation.units(), &[fupin::Unit::Person]);
}

#[track_caller]
fn modalities(text: &str, want: &[Modality]) {
    let got: Vec<Modality> = extract(text).map(|i| i.modality).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn targets_and_expectations() {
    use Modality::{Actual, Expected, Target};
    modalities("确保全年脱贫1800人。", &[Target]);
    modalities("今年要实现脱贫2600人。", &[Target]);
    modalities("拟安排衔接资金4200万元。", &[Target]);
    modalities("规划建设扶贫车间15个,带动就业450人。", &[Target]);
    modalities("目标:全年减少贫困人口900人。", &[Target]);
    modalities("明年将新增脱贫人口700人。", &[Expected]);
    modalities("全县将新增就业岗位320个。", &[Expected]);
    modalities("預計全年脫貧1300人。", &[Expected]);
    // 可实现, 可望: what the year can reach, not what was done.
    modalities(
        "全年可实现12个贫困村出列、18650人脱贫。",
        &[Expected, Expected],
    );
    modalities("全年可望減少貧困人口2100人。", &[Expected]);
    // 预计…实际…: the actual figure is actual.
    modalities("预计全年脱贫1500人,实际脱贫1620人。", &[Expected, Actual]);
    // Names, not plans: 计划生育, 主要, 需要.
    modalities("计划生育家庭帮扶资金86万元。", &[Actual]);
    modalities("主要指标:脱贫1200人。", &[Actual]);
    modalities("需要帮扶的贫困户340户。", &[Actual]);
    // A pledge in an earlier clause does not reach a later, done one.
    modalities(
        "严格退出程序,确保贫困对象有序退出,当年有860户2130名贫困对象达到退出标准。",
        &[Actual, Actual],
    );
    modalities("全县已脱贫1200人。", &[Actual]);
}

#[test]
fn each_record_carries_its_sentence() {
    let text = "标题\n  2019年,全县脱贫1200人。贫困发生率降至1.2%\n";
    let found: Vec<_> = extract(text).collect();
    let sentences: Vec<&str> = found.iter().map(|i| &text[i.sentence.range()]).collect();
    assert_eq!(sentences, ["2019年,全县脱贫1200人。", "贫困发生率降至1.2%"]);
    for i in &found {
        assert!(i.sentence.start <= i.quantity.span.start && i.quantity.span.end <= i.sentence.end);
    }
}

/// Classes of error found on real reports, each in sentences of our own.
#[test]
fn classes_found_on_real_reports() {
    table(&[
        // A count whose own noun names something else is no village count.
        (
            "全县136个行政村中有贫困村71个。",
            &[(K::PoorVillages, "71个")],
        ),
        ("全市今年还有37个贫困县退出。", &[]),
        ("全省未摘帽县仅剩9个。", &[]),
        // People treated are reached by a measure, not counted poor.
        (
            "全年救治贫困患者2.3万人。",
            &[(K::Beneficiaries, "2.3万人")],
        ),
        // A share is not a rate; and villages narrowed by a bound on their rate are a
        // part of the poor villages, not their number.
        ("其中贫困发生率在30%以上的贫困村47个、占38.2%。", &[]),
        ("全县有贫困村47个、占38.2%。", &[(K::PoorVillages, "47个")]),
        // The monitored categories, each its own item of the list.
        (
            "监测总数为5210户16850人(脱贫不稳定户1830户6020人、边缘易致贫户3380户10830人)。",
            &[
                (K::MonitoredHouseholds, "5210户"),
                (K::MonitoredPopulation, "16850人"),
                (K::MonitoredHouseholds, "1830户"),
                (K::MonitoredPopulation, "6020人"),
                (K::MonitoredHouseholds, "3380户"),
                (K::MonitoredPopulation, "10830人"),
            ],
        ),
        // Risk removed: a part of the watched, not their count (see
        // `unseen::risk_removed_is_no_monitored_count`).
        ("累计消除风险2410户7710人。", &[]),
        (
            "全年有1.2萬貧困人口擺脫貧困。",
            &[(K::LiftedPopulation, "1.2萬")],
        ),
        // The change of a count or a sum is not the count.
        (
            "务工就业规模达到1250万人,比上年底增加48万人。",
            &[(K::Employment, "1250万人")],
        ),
        ("衔接资金同口径较上年增加3.6亿元。", &[]),
        // What goes beyond a target is an excess.
        ("全年转移就业超过年度目标任务6.2万人。", &[]),
        // Two subjects joined before one figure.
        ("脱贫人口和监测对象41.3万人。", &[]),
        // The loans are the measure, their fund its money.
        (
            "累计发放小额信贷扶贫资金2.4亿元。",
            &[(K::Microcredit, "2.4亿元")],
        ),
    ]);
    use Modality::{Actual, Expected};
    modalities("预估全年安排衔接资金约6200万元。", &[Expected]);
    // 完成…任务 is the task done.
    modalities("全年完成易地扶贫搬迁1300人的建设任务。", &[Actual]);
}

/// Households and people a measure reaches (覆盖, 惠及, 辐射, 带动) are its beneficiaries,
/// not the standing count of the poor; the villages it reaches are no count of poor
/// villages.
#[test]
fn reached_by_a_measure() {
    table(&[
        (
            "光伏扶贫覆盖107个贫困村、4500户贫困户。",
            &[(K::Beneficiaries, "4500户")],
        ),
        (
            "產業扶貧惠及26個貧困村、3200戶貧困戶。",
            &[(K::Beneficiaries, "3200戶")],
        ),
        (
            "电商服务站辐射贫困人口1.2万人。",
            &[(K::Beneficiaries, "1.2万人")],
        ),
        // Those whose problem a project solved (解决…问题) likewise.
        (
            "新建供水工程38处,解决了1.7万贫困人口饮水安全问题。",
            &[(K::Beneficiaries, "1.7万")],
        ),
        ("解决了12个贫困村的通电问题。", &[]),
        // Without such a verb the counts stand.
        (
            "全县有贫困村26个、贫困户3200户。",
            &[(K::PoorVillages, "26个"), (K::PoorHouseholds, "3200户")],
        ),
    ]);
}

/// The loans (小额信贷, 贴息贷款) are microcredit; the interest a budget pays on them and
/// the fund that covers their losses are neither loans nor poverty funds.
#[test]
fn loans_their_interest_and_their_guarantee_fund() {
    table(&[
        (
            "全年新增扶贫小额信贷2.1亿元,风险补偿金增至2600万元,财政贴息540万元。",
            &[(K::Microcredit, "2.1亿元")],
        ),
        ("小额信贷风险补偿基金达到3800万元。", &[]),
        ("落实扶贫小额贷款贴息资金930万元。", &[]),
        ("发放扶贫贴息贷款1.6亿元。", &[(K::Microcredit, "1.6亿元")]),
    ]);
}

/// A sentence with no subject that opens with a fall to a level goes on with the
/// standing count of the sentence right before; anything that names another subject, a
/// second sentence or a paragraph between, and it does not.
#[test]
fn a_fall_goes_on_across_a_full_stop() {
    table(&[
        (
            "2016年全县有贫困人口3.4万人。到2019年底,已减少到0.42万人。",
            &[
                (K::PoorPopulation, "3.4万人"),
                (K::PoorPopulation, "0.42万人"),
            ],
        ),
        (
            "2017年初全乡有贫困户980户;到年底,减至410户。",
            &[(K::PoorHouseholds, "980户"), (K::PoorHouseholds, "410户")],
        ),
        (
            "2015年全县贫困发生率为21.6%。2019年降至0.8%。",
            &[
                (K::PovertyIncidence, "21.6%"),
                (K::PovertyIncidence, "0.8%"),
            ],
        ),
        // The villages' exit verb with no noun: the villages exited.
        (
            "全县有贫困村42个。截至今年9月,已累计退出35个。",
            &[(K::PoorVillages, "42个"), (K::VillagesExited, "35个")],
        ),
        (
            "全县有贫困村42个。全年共退出项目35个。",
            &[(K::PoorVillages, "42个")],
        ),
        // Not after lifted counts, nor where the new sentence names its own subject
        // or no fall, nor over a second sentence or a paragraph.
        (
            "全年脱贫3100人。到年底减少到900人。",
            &[(K::LiftedPopulation, "3100人")],
        ),
        (
            "全县有贫困人口1.2万人。低保对象减少到3100人。",
            &[
                (K::PoorPopulation, "1.2万人"),
                (K::SocialAssistance, "3100人"),
            ],
        ),
        (
            "全县有贫困人口1.2万人。今年新增就业3100人。",
            &[(K::PoorPopulation, "1.2万人"), (K::Employment, "3100人")],
        ),
        (
            "全县有贫困人口1.2万人。工作扎实推进。到年底减少到3100人。",
            &[(K::PoorPopulation, "1.2万人")],
        ),
        (
            "全县有贫困人口1.2万人。\n到年底减少到3100人。",
            &[(K::PoorPopulation, "1.2万人")],
        ),
    ]);
}
