//! Kinds: the trigger words, what each says about the figures near it, and how a
//! figure's kind is decided from its clause and sentence.

use super::*;

named_enum! {
    /// The kinds of poverty indicator (spec section 3), by their JSON names.
    ///
    /// `Display`/`FromStr` use the snake_case names; [`IndicatorKind::label`] gives a
    /// Chinese label for tables.
    ///
    /// ```
    /// use fupin::IndicatorKind;
    /// let k: IndicatorKind = "poverty_incidence".parse()?;
    /// assert_eq!(k, IndicatorKind::PovertyIncidence);
    /// assert_eq!(k.label(), "贫困发生率");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum IndicatorKind {
        /// People in poverty, registered or counted (建档立卡贫困人口).
        PoorPopulation => "poor_population",
        /// Households in poverty (贫困户).
        PoorHouseholds => "poor_households",
        /// People lifted out of poverty (脱贫人口).
        LiftedPopulation => "lifted_population",
        /// Households lifted out of poverty.
        LiftedHouseholds => "lifted_households",
        /// Poverty incidence, in percent or (for a gap) percentage points.
        PovertyIncidence => "poverty_incidence",
        /// Poor villages (贫困村).
        PoorVillages => "poor_villages",
        /// Poor villages that left the list (出列, 退出).
        VillagesExited => "villages_exited",
        /// Per-capita disposable income (人均可支配收入).
        PerCapitaDisposableIncome => "per_capita_disposable_income",
        /// Per-capita net income (人均纯收入).
        PerCapitaNetIncome => "per_capita_net_income",
        /// Added income per person or household (户均增收, 人均增收).
        IncomeIncrease => "income_increase",
        /// Village collective income (村集体经济收入).
        VillageCollectiveIncome => "village_collective_income",
        /// Money put into poverty work (扶贫资金, 统筹整合资金, 投入, 赔付).
        PovertyFunds => "poverty_funds",
        /// Microcredit (小额信贷): amounts, households reached, loans.
        Microcredit => "microcredit",
        /// People relocated (易地扶贫搬迁).
        RelocatedPopulation => "relocated_population",
        /// Households relocated.
        RelocatedHouseholds => "relocated_households",
        /// Households whose dilapidated houses were renovated (危房改造).
        HousingRenovation => "housing_renovation",
        /// Social assistance (低保, 五保, 特困供养, 兜底): money, standards, people covered.
        SocialAssistance => "social_assistance",
        /// Poor households or people reached by a measure (带动, 受益, 资助).
        Beneficiaries => "beneficiaries",
        /// Poor workers employed, posts created (就业, 务工, 岗位).
        Employment => "employment",
        /// First secretaries, village teams, paired cadres (第一书记, 驻村工作队).
        AssistancePersonnel => "assistance_personnel",
        /// Households watched against falling back into poverty (防止返贫监测对象…户,
        /// 纳入监测, 监测户), in the consolidation reports of 2021 on.
        MonitoredHouseholds => "monitored_households",
        /// The people of those households (防止返贫监测对象…人).
        MonitoredPopulation => "monitored_population",
    }
}

impl IndicatorKind {
    /// A short Chinese label.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            IndicatorKind::PoorPopulation => "贫困人口",
            IndicatorKind::PoorHouseholds => "贫困户",
            IndicatorKind::LiftedPopulation => "脱贫人口",
            IndicatorKind::LiftedHouseholds => "脱贫户",
            IndicatorKind::PovertyIncidence => "贫困发生率",
            IndicatorKind::PoorVillages => "贫困村",
            IndicatorKind::VillagesExited => "出列贫困村",
            IndicatorKind::PerCapitaDisposableIncome => "人均可支配收入",
            IndicatorKind::PerCapitaNetIncome => "人均纯收入",
            IndicatorKind::IncomeIncrease => "增收",
            IndicatorKind::VillageCollectiveIncome => "村集体经济收入",
            IndicatorKind::PovertyFunds => "扶贫资金",
            IndicatorKind::Microcredit => "小额信贷",
            IndicatorKind::RelocatedPopulation => "易地扶贫搬迁人口",
            IndicatorKind::RelocatedHouseholds => "易地扶贫搬迁户",
            IndicatorKind::HousingRenovation => "危房改造",
            IndicatorKind::SocialAssistance => "社会救助",
            IndicatorKind::Beneficiaries => "受益对象",
            IndicatorKind::Employment => "就业",
            IndicatorKind::AssistancePersonnel => "帮扶力量",
            IndicatorKind::MonitoredHouseholds => "防止返贫监测户",
            IndicatorKind::MonitoredPopulation => "防止返贫监测人口",
        }
    }

    /// The units a figure of this kind may have.
    #[must_use]
    pub fn units(self) -> &'static [Unit] {
        use IndicatorKind as K;
        use Unit as U;
        match self {
            K::PoorPopulation | K::LiftedPopulation | K::RelocatedPopulation => &[U::Person],
            K::PoorHouseholds | K::LiftedHouseholds | K::RelocatedHouseholds => &[U::Household],
            K::MonitoredHouseholds => &[U::Household],
            K::MonitoredPopulation => &[U::Person],
            K::HousingRenovation => &[U::Household],
            K::PovertyIncidence => &[U::Percent, U::PercentagePoint],
            K::PoorVillages | K::VillagesExited => &[U::Count],
            K::PerCapitaDisposableIncome
            | K::PerCapitaNetIncome
            | K::IncomeIncrease
            | K::VillageCollectiveIncome
            | K::PovertyFunds => &[U::Yuan],
            K::Microcredit => &[U::Yuan, U::Household, U::Count],
            K::SocialAssistance => &[U::Yuan, U::Person, U::PersonTime, U::Household],
            K::Beneficiaries => &[U::Household, U::Person, U::PersonTime],
            K::Employment | K::AssistancePersonnel => &[U::Person, U::Count],
        }
    }
}

/// What a trigger word says about the figures near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    /// A population noun: poor people or households (贫困人口, 贫困户, 贫困对象).
    Poor,
    /// Poor villages (贫困村).
    PoorVillage,
    /// Lifted out (脱贫, 退出, 出列, 摘帽).
    Lift,
    /// Exited villages as a noun (脱贫村).
    ExitedVillage,
    /// A lifting word negated (未脱贫, 尚未出列): what it counts is still poor.
    Remain,
    /// Households or people watched against falling back (防止返贫监测对象, 监测户).
    Monitored,
    /// A measure with its own kind.
    Kind(IndicatorKind),
    /// Funds in general (投入, 投资, 资金): poverty funds only in a poverty context.
    GenericFunds,
    /// Posts (岗位): employment, as persons or as posts counted.
    Posts,
    /// Aid paid (资助): beneficiaries in persons, funds in yuan.
    Aid,
    /// Insurance enrolment (参保, 养老保险): beneficiaries when the clause is about the poor.
    Enrolment,
    /// Cadres (干部): assistance personnel only with an assistance verb in the clause.
    Cadre,
    /// A near-miss of a trigger (地质灾害搬迁, 非贫困村, 贫困乡镇发生率): the clause is
    /// about something else.
    NearMiss,
}

/// Trigger words. Longer words come before words they contain, so that the longest
/// match at a position wins.
pub(super) static TRIGGERS: &[(&str, Role)] = {
    use IndicatorKind as K;
    use Role as R;
    &[
        ("贫困发生率", R::Kind(K::PovertyIncidence)),
        // As translated and news texts write it (农村地区的贫困率从7.2%下降到3.1%).
        ("贫困率", R::Kind(K::PovertyIncidence)),
        ("防止返贫监测对象", R::Monitored),
        ("监测对象", R::Monitored),
        ("纳入监测", R::Monitored),
        ("监测户", R::Monitored),
        ("脱贫不稳定户", R::Monitored),
        ("边缘易致贫户", R::Monitored),
        ("突发严重困难户", R::Monitored),
        ("三类对象", R::Monitored),
        ("监测总数", R::Monitored),
        // Households whose risk was removed (风险消除1219户) are a part of those watched,
        // not their count: no monitored figure.
        ("消除风险", R::NearMiss),
        ("风险消除", R::NearMiss),
        ("消除返贫风险", R::NearMiss),
        ("消除返贫致贫风险", R::NearMiss),
        ("消除致贫返贫风险", R::NearMiss),
        ("风险已消除", R::NearMiss),
        // The interest a budget pays on loans and the fund that covers their losses
        // (财政贴息860万元, 风险补偿金3200万元) are neither the loans nor poverty funds.
        ("贴息", R::NearMiss),
        ("风险补偿", R::NearMiss),
        ("摆脱贫困", R::Lift),
        ("人均可支配收入", R::Kind(K::PerCapitaDisposableIncome)),
        ("人均纯收入", R::Kind(K::PerCapitaNetIncome)),
        // 人均 spelled out, as some traditional-character converters write it.
        ("每人平均可支配收入", R::Kind(K::PerCapitaDisposableIncome)),
        ("每人平均纯收入", R::Kind(K::PerCapitaNetIncome)),
        ("集体经济收入", R::Kind(K::VillageCollectiveIncome)),
        ("村集体经济", R::Kind(K::VillageCollectiveIncome)),
        ("集体经济", R::Kind(K::VillageCollectiveIncome)),
        ("村集体", R::Kind(K::VillageCollectiveIncome)),
        ("村均", R::Kind(K::VillageCollectiveIncome)),
        ("增收", R::Kind(K::IncomeIncrease)),
        ("小额扶贫贷款", R::Kind(K::Microcredit)),
        ("扶贫小额信贷", R::Kind(K::Microcredit)),
        ("小额信贷", R::Kind(K::Microcredit)),
        ("小额贷款", R::Kind(K::Microcredit)),
        ("扶贫贷款", R::Kind(K::Microcredit)),
        ("发放贷款", R::Kind(K::Microcredit)),
        ("贴息贷款", R::Kind(K::Microcredit)),
        ("易地扶贫搬迁", R::Kind(K::RelocatedPopulation)),
        ("易地搬迁", R::Kind(K::RelocatedPopulation)),
        ("搬迁", R::Kind(K::RelocatedPopulation)),
        ("入住", R::Kind(K::RelocatedPopulation)),
        ("危房改造", R::Kind(K::HousingRenovation)),
        // The verb before its object: 改造农村危房1260户.
        ("改造农村危房", R::Kind(K::HousingRenovation)),
        ("改造危房", R::Kind(K::HousingRenovation)),
        // Relief funds for people in hardship (困难群众救助补助资金): social assistance
        // paid, not funds of poverty projects.
        ("救助补助资金", R::Kind(K::SocialAssistance)),
        ("救助资金", R::Kind(K::SocialAssistance)),
        ("低保", R::Kind(K::SocialAssistance)),
        ("五保", R::Kind(K::SocialAssistance)),
        ("特困供养", R::Kind(K::SocialAssistance)),
        ("兜底", R::Kind(K::SocialAssistance)),
        ("残疾人", R::Kind(K::SocialAssistance)),
        ("护理补贴", R::Kind(K::SocialAssistance)),
        ("生活补贴", R::Kind(K::SocialAssistance)),
        ("孤儿", R::Kind(K::SocialAssistance)),
        ("带动", R::Kind(K::Beneficiaries)),
        ("受益", R::Kind(K::Beneficiaries)),
        ("惠及", R::Kind(K::Beneficiaries)),
        ("培训", R::Kind(K::Beneficiaries)),
        ("救治", R::Kind(K::Beneficiaries)),
        ("参保", R::Enrolment),
        ("养老保险", R::Enrolment),
        ("资助", R::Aid),
        ("公益岗位", R::Posts),
        ("就业岗位", R::Posts),
        ("岗位", R::Posts),
        ("就业", R::Kind(K::Employment)),
        ("务工", R::Kind(K::Employment)),
        // Labour sent out to work (输转脱贫劳动力…万人).
        ("输转", R::Kind(K::Employment)),
        ("用工", R::Kind(K::Employment)),
        ("第一书记", R::Kind(K::AssistancePersonnel)),
        ("驻村工作队", R::Kind(K::AssistancePersonnel)),
        ("工作队", R::Kind(K::AssistancePersonnel)),
        ("驻村队员", R::Kind(K::AssistancePersonnel)),
        ("帮扶干部", R::Kind(K::AssistancePersonnel)),
        ("党员干部", R::Kind(K::AssistancePersonnel)),
        ("结对帮扶", R::Kind(K::AssistancePersonnel)),
        ("扶贫骨干", R::Kind(K::AssistancePersonnel)),
        ("联络组", R::Kind(K::AssistancePersonnel)),
        ("包联", R::Kind(K::AssistancePersonnel)),
        ("包保", R::Kind(K::AssistancePersonnel)),
        ("省领导", R::Kind(K::AssistancePersonnel)),
        ("市领导", R::Kind(K::AssistancePersonnel)),
        ("干部", R::Cadre),
        ("扶贫资金", R::Kind(K::PovertyFunds)),
        ("帮扶资金", R::Kind(K::PovertyFunds)),
        ("衔接资金", R::Kind(K::PovertyFunds)),
        ("整合资金", R::Kind(K::PovertyFunds)),
        ("涉农资金", R::Kind(K::PovertyFunds)),
        ("统筹资金", R::Kind(K::PovertyFunds)),
        ("形成资产", R::GenericFunds),
        ("奖补", R::Kind(K::PovertyFunds)),
        ("补助", R::Kind(K::PovertyFunds)),
        ("赔付", R::Kind(K::PovertyFunds)),
        ("拨付", R::Kind(K::PovertyFunds)),
        ("资金", R::GenericFunds),
        ("总投资", R::GenericFunds),
        ("投资", R::GenericFunds),
        ("投入", R::GenericFunds),
        ("建档立卡贫困人口", R::Poor),
        ("建档立卡贫困户", R::Poor),
        ("贫困对象", R::Poor),
        ("贫困人口", R::Poor),
        ("贫困群众", R::Poor),
        ("贫困户", R::Poor),
        ("脱贫人口", R::Lift),
        ("脱贫户", R::Lift),
        ("脱贫村", R::ExitedVillage),
        ("贫困村", R::PoorVillage),
        ("脱贫", R::Lift),
        ("减贫", R::Lift),
        ("退出", R::Lift),
        ("出列", R::Lift),
        ("摘帽", R::Lift),
    ]
};

/// Words that make a trigger at the same place something else (地质灾害搬迁 is not
/// poverty relocation; 脱贫攻坚 is the campaign, not people lifted out).
pub(super) fn blocked(t: &str, at: usize, word: &str) -> bool {
    let before = t.get(..at).unwrap_or("");
    let after = t.get(at + word.len()..).unwrap_or("");
    match word {
        "脱贫" => {
            after.starts_with("攻坚")
                || after.starts_with("成果")
                || after.starts_with("摘帽县")
                || after.starts_with("县")
                || after.starts_with("户")
                || after.starts_with("人口")
                // 脱贫劳动力: workers of lifted households, counted as workers (输转,
                // 务工), never as people lifted.
                || after.starts_with("劳动力")
        }
        "干部" => before.ends_with("党员") || before.ends_with("帮扶"),
        "资金" => ["扶贫", "帮扶", "衔接", "整合", "涉农"]
            .iter()
            .any(|w| before.ends_with(w)),
        "投资" => before.ends_with('总'),
        "增收" => before.ends_with("集体"),
        // 小额信贷扶贫资金: the fund of the loans, which are the measure.
        "扶贫资金" => before.ends_with("信贷") || before.ends_with("贷款"),
        // 小额信贷风险补偿金, 小额贷款贴息: a fund or a subsidy of the loans, not them.
        "扶贫小额信贷" | "小额信贷" | "小额贷款" | "小额扶贫贷款" | "扶贫贷款" => {
            after.starts_with("风险") || after.starts_with("贴息")
        }
        _ => false,
    }
}

/// A trigger word that names something else here: 地质灾害搬迁, 非贫困村.
pub(super) fn near_miss(t: &str, at: usize, word: &str) -> bool {
    let before = t.get(..at).unwrap_or("");
    match word {
        "搬迁" => before.ends_with("灾害") || before.ends_with("避险"),
        "贫困村" | "脱贫村" | "贫困户" | "贫困人口" => before.ends_with('非'),
        _ => false,
    }
}

/// Words that mark a poverty context, which generic fund words need.
pub(super) static POVERTY_CONTEXT: &[&str] = &[
    "扶贫",
    "脱贫",
    "贫困",
    "帮扶",
    "易地搬迁",
    "攻坚",
    "兜底",
    "低保",
    "巩固拓展",
    "危房改造",
];

/// Verbs that make 干部 assistance personnel (选派干部, 结对帮扶).
pub(super) static ASSIST_VERBS: &[&str] = &[
    "帮扶", "结对", "包保", "包联", "选派", "下派", "驻村", "挂职", "派驻", "互派", "帮包",
];

#[derive(Clone, Copy, Debug)]
pub(super) struct Trigger {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) role: Role,
}

/// The kind of item `i`: from its clause, else from the clause before it, else from a
/// measure word elsewhere in its sentence; none in a clause about something else.
pub(super) fn decide(
    t: &str,
    items: &[Item],
    kinds: &[Option<IndicatorKind>],
    i: usize,
    ctx: &Local<'_>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let item = items.get(i)?;
    let (kind, trigger) = decide_words(t, items, kinds, i, ctx)?;
    // An income of town dwellers, or a median, is no poverty figure (see `not_rural`).
    if matches!(
        kind,
        IndicatorKind::PerCapitaDisposableIncome | IndicatorKind::PerCapitaNetIncome
    ) && trigger.is_some_and(|tr| not_rural(t, items, i, &tr, ctx))
    {
        return None;
    }
    // Two subjects joined before one figure (脱贫人口和监测对象795.7万人): the figure
    // counts both, and is neither kind alone.
    if let Some(tr) = trigger {
        let joined = ["和", "及", "与", "、"]
            .iter()
            .find(|w| t.get(..tr.start).is_some_and(|b| b.ends_with(*w)));
        if let Some(w) = joined {
            let other = tr.start - w.len();
            let before = within(ctx.triggers, (item.clause.0, tr.start));
            if let Some(o) = before.last().filter(|o| o.end == other) {
                if kind_for(o.role, &item.raw, t, false) != Some(kind) && o.role != Role::NearMiss {
                    return None;
                }
            }
        }
    }
    // The same after the figure (296户脱贫户及三类监测对象, 412户脱贫户和监测户): the
    // figure counts both groups.
    if let Some(tr) = trigger.filter(|tr| tr.start >= item.raw.end) {
        let after = t.get(tr.end..).unwrap_or("");
        let joined = ["和", "及", "与", "、"]
            .iter()
            .find(|w| after.starts_with(*w));
        if let Some(w) = joined {
            let other = tr.end + w.len();
            // (三类监测对象: the other group may open with a word of its own.)
            let next = ctx
                .triggers
                .iter()
                .find(|o| o.start >= other && o.start <= other + 2 * 3);
            // (No figure between: 16727名贫困人口脱贫、67个贫困村退出 is a list of two facts.)
            let k = items.partition_point(|p| p.raw.start < other);
            if let Some(o) = next.filter(|o| items.get(k).is_none_or(|p| p.raw.start >= o.start)) {
                if o.role != Role::NearMiss && kind_for(o.role, &item.raw, t, false) != Some(kind) {
                    return None;
                }
            }
        }
    }
    // Reached by a measure (光伏扶贫覆盖107个贫困村、4500户贫困户, 惠及26个贫困村): the
    // households and people are its beneficiaries, not the standing poor count; the
    // villages are no count of poor villages.
    // So are the lifted when the word is their status noun (带动脱贫户3500户增收), not
    // the verb (带动贫困户脱贫).
    let status_noun = trigger.is_some_and(|tr| {
        t.get(tr.start..tr.end)
            .is_some_and(|w| matches!(w, "脱贫户" | "脱贫人口"))
    });
    let reached = (matches!(
        kind,
        IndicatorKind::PoorVillages | IndicatorKind::PoorHouseholds | IndicatorKind::PoorPopulation
    ) || status_noun
        && matches!(
            kind,
            IndicatorKind::LiftedHouseholds | IndicatorKind::LiftedPopulation
        ))
        && (ctx.has(Ctx::Reach, (item.clause.0, item.raw.start))
            || supported(t.get(item.clause.0..item.raw.start).unwrap_or("")));
    if reached {
        match kind {
            IndicatorKind::PoorVillages => return None,
            IndicatorKind::PoorHouseholds | IndicatorKind::PoorPopulation => {
                return Some((IndicatorKind::Beneficiaries, trigger));
            }
            // The verb that reaches them is the subject, as it is where it beats a poor
            // noun (带动贫困户98户).
            IndicatorKind::LiftedHouseholds | IndicatorKind::LiftedPopulation => {
                let verb = ctx
                    .occurrences(Ctx::Reach, (item.clause.0, item.raw.start))
                    .last()
                    .map(|(start, end)| Trigger {
                        start,
                        end,
                        role: Role::Kind(IndicatorKind::Beneficiaries),
                    });
                return Some((IndicatorKind::Beneficiaries, verb.or(trigger)));
            }
            _ => {}
        }
    }
    // Those visited or checked (入户走访搬迁群众2333户, 抽查贫困户120户, 核查…) are a
    // sample, not the count the noun names.
    if matches!(
        kind,
        IndicatorKind::PoorPopulation
            | IndicatorKind::PoorHouseholds
            | IndicatorKind::LiftedPopulation
            | IndicatorKind::LiftedHouseholds
            | IndicatorKind::RelocatedPopulation
            | IndicatorKind::RelocatedHouseholds
            | IndicatorKind::MonitoredHouseholds
            | IndicatorKind::MonitoredPopulation
            | IndicatorKind::PoorVillages
            | IndicatorKind::VillagesExited
    ) && trigger.is_some_and(|tr| sampled(t, tr.start))
    {
        return None;
    }
    // Resettled (安置贫困群众1.2万人, 安置建档立卡贫困户860户): in a sentence about
    // relocation they are the people or households relocated; elsewhere (公益性岗位安置,
    // 就业安置) they are placed somehow, and no count of the poor.
    let kind = match (kind, trigger) {
        (IndicatorKind::PoorPopulation | IndicatorKind::PoorHouseholds, Some(tr))
            if crate::common::chars::ends(t, tr.start, "安置") =>
        {
            let relocation = ctx.triggers.iter().any(|o| {
                o.start < tr.start
                    && matches!(
                        o.role,
                        Role::Kind(
                            IndicatorKind::RelocatedPopulation | IndicatorKind::RelocatedHouseholds
                        )
                    )
            });
            if !relocation {
                return None;
            }
            sibling(IndicatorKind::RelocatedPopulation, item.raw.unit?)?
        }
        _ => kind,
    };
    // A count narrowed by a criterion right before it in its clause (年人均纯收入低于3000元
    // 的有120户, 收入超过1万元的农户860户) is a part, not the standing count.
    let count = matches!(
        kind,
        IndicatorKind::PoorPopulation
            | IndicatorKind::PoorHouseholds
            | IndicatorKind::LiftedPopulation
            | IndicatorKind::LiftedHouseholds
            | IndicatorKind::PoorVillages
            | IndicatorKind::VillagesExited
    );
    let narrowed = || {
        i.checked_sub(1)
            .and_then(|j| items.get(j))
            .is_some_and(|p| p.clause == item.clause && criterion(t, &p.raw))
    };
    if count && narrowed() {
        return None;
    }
    // A count of units whose rate follows as a bound (28个深度贫困村的贫困发生率降至5%
    // 以下) counts those that meet the bound, not the standing count.
    let bound_after = || {
        items.get(i + 1).is_some_and(|n| {
            n.clause == item.clause
                && n.raw.unit == Some(Unit::Percent)
                && matches!(n.raw.approx, crate::Approx::Under | crate::Approx::Over)
                && t.get(item.raw.end..n.raw.start)
                    .is_some_and(|g| g.contains('的') && g.contains("发生率"))
        })
    };
    if count && bound_after() {
        return None;
    }
    Some((settle(t, item, kind, ctx)?, trigger))
}

/// Whether the per-capita income that the word `tr` names for item `i` is not the rural
/// residents' mean: an income of town dwellers (城镇居民人均可支配收入31200元), the first
/// of two figures after words naming both (城乡居民…30730元、10611元; 城镇、农村居民…:
/// town first, then country), a figure for both together (城乡居民人均可支配收入2.1万元),
/// or a median (人均可支配收入中位数11149元).
fn not_rural(t: &str, items: &[Item], i: usize, tr: &Trigger, ctx: &Local<'_>) -> bool {
    let Some(item) = items.get(i) else {
        return false;
    };
    if crate::common::chars::starts(t, tr.end, "中位数") {
        return true;
    }
    // A group of all residents by income (低收入组, 高收入组), or all residents at once
    // (全国居民, 全县居民, 居民 alone as a bulletin writes it: town and country together),
    // is no rural figure. (Suffix tests of the words right before: no search.)
    let subject = t.get(item.clause.0..tr.start).unwrap_or("").trim_end();
    if subject.ends_with("收入组") {
        return true;
    }
    if let Some(b) = subject.strip_suffix("居民") {
        let b = b.strip_suffix("常住").unwrap_or(b).trim_end();
        let whole = b
            .strip_suffix(['国', '省', '市', '县', '区', '州', '旗', '乡', '镇', '体'])
            .is_some_and(|w| w.ends_with('全'));
        // …or a place named whole (内蒙古自治区居民, 遵义市居民, 自治区 as its own
        // government writes it).
        // (Rural residents, the common case, need no look-up.)
        let rural = ["农村", "乡村", "农牧区", "牧区", "农区"]
            .iter()
            .any(|w| b.ends_with(w));
        let place = || {
            !rural
                && (["自治区", "自治州", "自治县", "自治旗"]
                    .iter()
                    .any(|w| b.ends_with(w))
                    || b.char_indices().rev().take(8).skip(1).any(|(k, _)| {
                        b.get(k..)
                            .is_some_and(|n| !crate::Region::lookup_all(n).is_empty())
                    }))
        };
        if b.is_empty() || whole || b.ends_with('年') || place() {
            return true;
        }
    }
    // The subject before the word: up to 20 characters (城镇常住居民、农村常住居民), in
    // most texts with no town word (the marks of the chunk answer).
    let mut from = tr.start.saturating_sub(60).max(item.clause.0);
    while !t.is_char_boundary(from) {
        from += 1;
    }
    if !ctx.has(Ctx::IncomeLine, (from, tr.start)) {
        return false;
    }
    let near = t.get(from..tr.start).unwrap_or("");
    // (城镇化, urbanisation, names no one.)
    let town = near
        .match_indices("城镇")
        .any(|(k, w)| !near.get(k + w.len()..).is_some_and(|r| r.starts_with('化')))
        || near.contains("城市");
    let both = near.contains("城乡") || town && near.contains("农村");
    if !town && !both {
        return false;
    }
    // Both named: the second of a pair written together is the rural one.
    let second = i
        .checked_sub(1)
        .and_then(|j| items.get(j))
        .is_some_and(|p| {
            p.clause == item.clause && p.raw.start >= tr.end && p.group_end >= item.raw.end
        });
    !(both && second)
}

/// Whether a clause head ends with 支持 or 扶持 as the verb of the figure after it
/// (支持了620多万贫困户, 扶持贫困户1200户): those reached by a measure. Not the 支持 of
/// 在…支持下 ("with the support of"), nor one further off than a short noun.
fn supported(head: &str) -> bool {
    let near = near_end(head);
    // One search for the second character; then the first before it.
    let Some(at) = near.rfind('持') else {
        return false;
    };
    if !near
        .get(..at)
        .is_some_and(|b| b.ends_with('支') || b.ends_with('扶'))
    {
        return false;
    }
    let rest = near.get(at + '持'.len_utf8()..).unwrap_or("");
    let rest = rest.strip_prefix('了').unwrap_or(rest);
    !rest.starts_with(['下', '和', '与']) && rest.chars().count() <= 5
}

/// The kind the words of item `i`'s clause and sentence give it, before what
/// happened to it is read (see [`settle`]).
fn decide_words(
    t: &str,
    items: &[Item],
    kinds: &[Option<IndicatorKind>],
    i: usize,
    ctx: &Local<'_>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let item = items.get(i)?;
    // A label and its figure (贫困发生率:5.2%, 贫困人口:1200人): the clause is the
    // label's.
    let labelled;
    let item = match label_clause(t, item) {
        Some(clause) => {
            labelled = Item {
                clause,
                ..item.clone()
            };
            &labelled
        }
        None => item,
    };
    let triggers = ctx.triggers;
    let raw = &item.raw;
    // A figure that only describes what follows (100人以上易地扶贫搬迁安置村, 6人帮扶工作组).
    let next = char_at(t, raw.end);
    let written = t.get(raw.start..raw.end).unwrap_or("");
    if (written.ends_with("以上") || written.ends_with("以下")) && next.is_some_and(is_cjk_char)
    {
        return None;
    }
    if raw.unit == Some(Unit::Person) {
        let team = t
            .get(raw.end..)
            .unwrap_or("")
            .chars()
            .take(5)
            .take_while(|&c| is_cjk_char(c))
            .any(|c| c == '组');
        if team {
            return None;
        }
    }
    let near_miss = within(triggers, (item.clause.0, raw.start))
        .iter()
        .any(|tr| tr.role == Role::NearMiss);
    let own = classify(t, item, item.group_end, ctx);
    // 其中…: a part of the figure before, of the same kind (…163户414人(其中建档立卡贫困对象161户409人)).
    // (其中: with a colon, which ends a clause, opens the part as well.)
    let clause_head = t.get(item.clause.0..raw.start).unwrap_or("");
    let after_colon = || {
        // Most clauses follow a comma: one byte says so (':' or the last byte of '：').
        let last = item
            .clause
            .0
            .checked_sub(1)
            .and_then(|k| t.as_bytes().get(k));
        matches!(last, Some(b':' | 0x9A))
            && t.get(..item.clause.0)
                .and_then(|b| b.strip_suffix([':', '：']))
                .is_some_and(|b| b.ends_with("其中"))
    };
    if clause_head.starts_with("其中") || after_colon() {
        let own_is_noun = own
            .as_ref()
            .is_some_and(|(_, tr)| tr.is_some_and(|tr| tier(tr.role) == 1));
        if own_is_noun {
            let unit = raw.unit?;
            let prev = items.get(..i).and_then(|before| {
                before
                    .iter()
                    .rposition(|p| p.sentence == item.sentence && p.raw.end <= item.clause.0)
            });
            if let Some(k) = prev.and_then(|j| kinds.get(j).copied().flatten()) {
                if let Some(k) = sibling(k, unit) {
                    return Some((k, None));
                }
            }
        }
        // 其中 and a place with nothing else (长治市贫困发生率为1.6%,其中武乡县为2.1%): the
        // same measure, for a part of the whole.
        // (The place is looked up only for a figure that could go on from the one before.)
        if own.is_none() {
            // The list of parts goes on after 、 (其中安定区为0.8%、通渭县为1.6%): the
            // figure before in the clause gives the kind.
            let listed = i.checked_sub(1).and_then(|j| {
                let p = items.get(j).filter(|p| p.clause == item.clause)?;
                let rest = t.get(p.raw.end..raw.start)?.strip_prefix('、')?;
                let k = kinds.get(j).copied().flatten()?;
                place_and_verb(rest)
                    .then(|| sibling(k, raw.unit?))
                    .flatten()
            });
            if let Some(k) = listed {
                return Some((k, None));
            }
            return inherit(t, items, kinds, i).filter(|_| part_place(clause_head));
        }
        return own;
    }
    if own.is_some() {
        return own;
    }
    if near_miss {
        return None;
    }
    // What remains (…减少3100人,年底剩余5100人) is still poor, whatever the figure
    // before it counted.
    let remains = || ctx.has(Ctx::Remain, (item.clause.0, raw.start));
    inherit(t, items, kinds, i)
        .map(|(k, tr)| match k {
            IndicatorKind::LiftedPopulation if remains() => (IndicatorKind::PoorPopulation, tr),
            IndicatorKind::LiftedHouseholds if remains() => (IndicatorKind::PoorHouseholds, tr),
            IndicatorKind::VillagesExited if remains() => (IndicatorKind::PoorVillages, tr),
            _ => (k, tr),
        })
        .or_else(|| {
            let j = i.checked_sub(1)?;
            villages_exited_after(t, item, items.get(j)?, kinds.get(j).copied().flatten())
        })
        .or_else(|| fall_after_stop(t, items, kinds, i, triggers))
        .or_else(|| sentence_fallback(t, items, i, item, triggers))
        .or_else(|| {
            let j = i.checked_sub(1)?;
            let prev_kind = kinds.get(j).copied().flatten()?;
            subject_across_stop(t, item, items.get(j)?, prev_kind, ctx)
        })
}

/// A sentence (or a part after a semicolon) with no subject that opens with what
/// happened to a standing count (…有贫困人口2.8万人。到2019年底,已减少到0.35万人): the
/// count of the figure right before (`prev`, of kind `k`) goes on falling. Only for a
/// fall to a level (减少到, 降至, 减为), with one full stop and a short stretch between,
/// and only where nothing in the new sentence names a subject.
fn subject_across_stop(
    t: &str,
    item: &Item,
    prev: &Item,
    k: IndicatorKind,
    ctx: &Local<'_>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    use IndicatorKind as K;
    if !matches!(
        k,
        K::PoorPopulation | K::PoorHouseholds | K::PoorVillages | K::PovertyIncidence
    ) {
        return None;
    }
    let between = t.get(prev.raw.end..item.raw.start)?;
    let stop = between.find(['。', '！', '!', '；', ';'])?;
    let stops = between
        .matches(['。', '！', '!', '？', '?', '；', ';'])
        .count();
    if stops != 1 || between.contains('\n') || chars_between(t, prev.raw.end, item.raw.start) > 30 {
        return None;
    }
    let from = prev.raw.end + stop;
    let head = t.get(item.clause.0..item.raw.start)?.trim_end();
    // …有贫困村56个。截至目前,已累计退出48个: the villages' exit verb with no noun.
    let exit = exit_verb_ending(head)
        .filter(|_| k == K::PoorVillages && item.raw.unit == Some(Unit::Count))
        .filter(|_| item.raw.noun.is_none());
    if let Some(len) = exit {
        // The exit verb is the one word of the new sentence.
        let verb_end = item.clause.0 + len;
        let words = within(ctx.triggers, (from, item.raw.start));
        let only_exit = matches!(words, [w] if w.end == verb_end);
        return only_exit.then_some((K::VillagesExited, None));
    }
    if !within(ctx.triggers, (from, item.raw.start)).is_empty() {
        return None;
    }
    if predicate_ending(head) != Some(Pred::FallTo) || !bare_head(head) {
        return None;
    }
    sibling(k, item.raw.unit?).map(|k| (k, None))
}

/// A level fallen to, in a sentence with no subject of its own that opens with it
/// (全县贫困人口4.2万人。经过五年努力,到2019年底减少到0.3万人): the standing count or
/// rate of the figure right before, in the sentence before in the same paragraph, of
/// the same unit. The sentence names no kind before the figure, and in the figure's
/// clause only times, a whole place (全县) and adverbs stand before the verb.
fn fall_after_stop(
    t: &str,
    items: &[Item],
    kinds: &[Option<IndicatorKind>],
    i: usize,
    triggers: &[Trigger],
) -> Option<(IndicatorKind, Option<Trigger>)> {
    use IndicatorKind as K;
    let item = items.get(i)?;
    // (Every fall to a level ends with 到, 至 or 为 right before the figure: one test of
    // the character before it answers for most figures.)
    if !char_before(t, item.raw.start).is_some_and(|c| matches!(c, '到' | '至' | '为')) {
        return None;
    }
    let head = t.get(item.clause.0..item.raw.start)?;
    if predicate_ending(head) != Some(Pred::FallTo) {
        return None;
    }
    // The figure right before its sentence; a span of years between (经过五年努力)
    // counts nothing.
    let j = items
        .get(..i)?
        .iter()
        .rposition(|p| p.sentence != item.sentence)?;
    let spans_only = items
        .get(j + 1..i)?
        .iter()
        .all(|p| p.raw.classifier == Some("年"));
    let prev = items.get(j)?;
    let k = kinds.get(j).copied().flatten()?;
    let level = match k {
        K::PoorPopulation | K::PoorHouseholds | K::PoorVillages => true,
        K::PovertyIncidence => item.raw.unit == Some(Unit::Percent),
        _ => false,
    };
    if !level || !spans_only || prev.raw.unit != item.raw.unit || prev.sentence.1 > item.sentence.0
    {
        return None;
    }
    // The sentence before in the same paragraph: one stop between, no line break.
    let gap = t.get(prev.raw.end..item.sentence.0)?;
    if gap.contains('\n') || gap.chars().filter(|&c| is_sentence_end(c)).count() != 1 {
        return None;
    }
    // No subject of its own: no kind named in the sentence before the figure, and in its
    // clause only times, a whole place and adverbs before the verb.
    if within(triggers, (item.sentence.0, item.raw.start))
        .iter()
        .any(|tr| tr.role != Role::NearMiss)
    {
        return None;
    }
    bare_head(head).then_some((k, None))
}

/// Whether a clause head holds only times, a whole place (全县) and adverbs before its
/// verb of falling (到2019年底,全县已减少到): it names no subject of its own.
fn bare_head(head: &str) -> bool {
    head.replace(['全', '县', '市', '省', '乡', '镇', '区', '州', '旗'], "")
        .chars()
        .all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || "年月日底末初前到至截止已再又进一步逐渐减少降下为".contains(c)
        })
}

/// A bare count right after an exit verb (退出48个, 累计出列了12个) in a sentence whose
/// figure before it (`prev`, of kind `prev_kind`) counts villages (全县有贫困村60个,到2019年底
/// 累计退出48个): the villages that left the list, the village word written once for both.
fn villages_exited_after(
    t: &str,
    item: &Item,
    prev: &Item,
    prev_kind: Option<IndicatorKind>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let raw = &item.raw;
    if raw.unit != Some(Unit::Count) || raw.noun.is_some() || raw.classifier != Some("个") {
        return None;
    }
    exit_verb_ending(t.get(item.clause.0..raw.start)?.trim_end())?;
    let village = matches!(
        prev_kind,
        Some(IndicatorKind::PoorVillages | IndicatorKind::VillagesExited)
    );
    (village && prev.sentence == item.sentence && prev.clause != item.clause)
        .then_some((IndicatorKind::VillagesExited, None))
}

/// Where the villages' exit verb (退出, 出列, perhaps with 了 after it) ends, when a
/// clause head ends with it: the length of the head up to the verb's end.
fn exit_verb_ending(head: &str) -> Option<usize> {
    let verb = head.strip_suffix('了').unwrap_or(head);
    (verb.ends_with("退出") || verb.ends_with("出列")).then_some(verb.len())
}

/// Whether a verb of visiting or checking (走访, 暗访, 抽查, 核查, 调查, 排查, 抽样)
/// stands right before the word at `at`: what it counts after is those visited, a
/// sample (入户走访搬迁群众2333户).
fn sampled(t: &str, at: usize) -> bool {
    let Some(second) = char_before(t, at) else {
        return false;
    };
    if !matches!(second, '访' | '查' | '样') {
        return false;
    }
    let first = char_before(t, at - second.len_utf8());
    match (first, second) {
        (Some(f), '访') => matches!(f, '走' | '暗'),
        (Some(f), '查') => matches!(f, '抽' | '核' | '调' | '排'),
        (Some(f), '样') => f == '抽',
        _ => false,
    }
}

/// Whether a clause head is 其中 and a place name, perhaps with a verb of being after it
/// (其中武乡县为, 其中平顺县): a part of the whole that the clause before measured.
fn part_place(head: &str) -> bool {
    head.trim_end()
        .strip_prefix("其中")
        .is_some_and(place_and_verb)
}

/// Whether `rest` is a place name, perhaps with a verb of being after it (武乡县为,
/// 平顺县).
fn place_and_verb(rest: &str) -> bool {
    let rest = ["达到", "为", "是", "达", "有"]
        .iter()
        .find_map(|v| rest.strip_suffix(v))
        .unwrap_or(rest);
    !rest.is_empty() && rest.chars().count() <= 8 && crate::Region::lookup(rest).is_some()
}

/// The kind of the same family for `unit`: relocated people and households, and so on.
pub(super) fn sibling(k: IndicatorKind, unit: Unit) -> Option<IndicatorKind> {
    use IndicatorKind as K;
    let k = match (k, unit) {
        (K::RelocatedPopulation | K::RelocatedHouseholds, Unit::Person) => K::RelocatedPopulation,
        (K::RelocatedPopulation | K::RelocatedHouseholds, Unit::Household) => {
            K::RelocatedHouseholds
        }
        (K::PoorPopulation | K::PoorHouseholds, Unit::Person) => K::PoorPopulation,
        (K::PoorPopulation | K::PoorHouseholds, Unit::Household) => K::PoorHouseholds,
        (K::LiftedPopulation | K::LiftedHouseholds, Unit::Person) => K::LiftedPopulation,
        (K::LiftedPopulation | K::LiftedHouseholds, Unit::Household) => K::LiftedHouseholds,
        (k, _) => k,
    };
    k.units().contains(&unit).then_some(k)
}

/// Where the group of figures written together with each item ends (6576户17990人,
/// 261153人次、8776.57万元): set in `group_end`, in one pass from the last item back,
/// so that a list of thousands of figures costs one step per figure.
pub(super) fn group_ends(t: &str, items: &mut [Item]) {
    let mut next_group: Option<(usize, usize)> = None;
    for item in items.iter_mut().rev() {
        let end = item.raw.end;
        item.group_end = match next_group {
            Some((start, group_end)) if joined_figures(t, end, start) => group_end,
            _ => end,
        };
        next_group = Some((item.raw.start, item.group_end));
    }
}

/// Whether only a list separator stands between a figure ending at `end` and the next
/// one, starting at `next`.
fn joined_figures(t: &str, end: usize, next: usize) -> bool {
    let gap = t.get(end..next).unwrap_or("x");
    gap.chars()
        .all(|c| matches!(c, '、' | ' ' | ',' | '和' | '及'))
        && chars_between(t, end, next) <= 2
}

/// The kind a role gives a figure of `unit` (with its classifier and noun).
pub(super) fn kind_for(role: Role, raw: &Raw, t: &str, lifted: bool) -> Option<IndicatorKind> {
    use IndicatorKind as K;
    let unit = raw.unit?;
    let noun = raw.noun.and_then(|(a, b)| t.get(a..b)).unwrap_or("");
    // The noun as the scanner reads it runs on into the verb (12个村出列: 村出列): the
    // counted noun ends before a verb of leaving poverty.
    let verb_at = |(k, c): (usize, char)| {
        matches!(c, '出' | '退' | '脱' | '摘')
            && ["出列", "退出", "脱贫", "摘帽"]
                .iter()
                .any(|v| noun.get(k..).is_some_and(|r| r.starts_with(v)))
    };
    let verb = (unit == Unit::Count && raw.classifier == Some("个"))
        .then(|| noun.char_indices().find(|&kc| verb_at(kc)))
        .flatten();
    // …and before the adverb on that verb (214个贫困村全部出列).
    let noun = match verb {
        Some((k, _)) => {
            let before_verb = noun.get(..k).filter(|n| !n.is_empty()).unwrap_or(noun);
            ALL_DONE
                .iter()
                .find_map(|a| before_verb.strip_suffix(a).filter(|n| !n.is_empty()))
                .unwrap_or(before_verb)
        }
        None => noun,
    };
    let villages = unit == Unit::Count
        && raw.classifier == Some("个")
        && noun.ends_with('村')
        && !noun.contains("行政村");
    // A count whose own noun names something else (158个行政村, 284个贫困县) is no
    // count of poor or exited villages.
    let other = !noun.contains('村') || noun.starts_with("行政村");
    if unit == Unit::Count
        && !noun.is_empty()
        && other
        && matches!(
            role,
            Role::Poor | Role::Lift | Role::Remain | Role::PoorVillage | Role::ExitedVillage
        )
    {
        return None;
    }
    let kind = match role {
        Role::Poor | Role::Lift => match unit {
            Unit::Person if role == Role::Lift || lifted => K::LiftedPopulation,
            Unit::Household if role == Role::Lift || lifted => K::LiftedHouseholds,
            Unit::Person => K::PoorPopulation,
            Unit::Household => K::PoorHouseholds,
            Unit::Count if villages && (role == Role::Lift || lifted) => K::VillagesExited,
            _ => return None,
        },
        Role::PoorVillage if unit == Unit::Count && (villages || raw.classifier == Some("个")) => {
            if lifted {
                K::VillagesExited
            } else {
                K::PoorVillages
            }
        }
        Role::ExitedVillage if unit == Unit::Count => K::VillagesExited,
        Role::Remain => match unit {
            Unit::Person => K::PoorPopulation,
            Unit::Household => K::PoorHouseholds,
            // 未摘帽县只剩52个: counties, not villages.
            Unit::Count if villages => K::PoorVillages,
            _ => return None,
        },
        Role::Monitored => match unit {
            Unit::Person => K::MonitoredPopulation,
            Unit::Household => K::MonitoredHouseholds,
            _ => return None,
        },
        Role::Kind(K::RelocatedPopulation) => match unit {
            Unit::Person => K::RelocatedPopulation,
            Unit::Household => K::RelocatedHouseholds,
            _ => return None,
        },
        Role::Aid if unit == Unit::Yuan => K::PovertyFunds,
        Role::Aid | Role::Enrolment => K::Beneficiaries,
        Role::Posts if unit == Unit::Count && raw.classifier != Some("个") => return None,
        Role::Posts => K::Employment,
        Role::Kind(K::Employment) if unit == Unit::Count => return None,
        Role::Kind(K::AssistancePersonnel)
            if unit == Unit::Count && raw.classifier == Some("支") =>
        {
            K::AssistancePersonnel
        }
        Role::Kind(K::Microcredit) if unit == Unit::Count && raw.classifier == Some("笔") => {
            K::Microcredit
        }
        Role::Kind(K::AssistancePersonnel | K::Microcredit) if unit == Unit::Count => return None,
        Role::Kind(k) => k,
        Role::GenericFunds => K::PovertyFunds,
        Role::Cadre if unit == Unit::Person => K::AssistancePersonnel,
        _ => return None,
    };
    kind.units().contains(&unit).then_some(kind)
}

/// The figures of `sentence` (every one of them starts inside it), found by stepping
/// from item `i`, which lies in it, and the index of the first: a figure asks about its
/// own sentence, whose few figures stand next to it, and a binary search over the whole
/// chunk (items are large) cost more than the steps.
pub(super) fn sentence_items(
    items: &[Item],
    i: usize,
    sentence: (usize, usize),
) -> (usize, &[Item]) {
    let bound = |limit: usize| {
        let mut k = i.min(items.len());
        while k > 0 && items.get(k - 1).is_some_and(|o| o.raw.start >= limit) {
            k -= 1;
        }
        while items.get(k).is_some_and(|o| o.raw.start < limit) {
            k += 1;
        }
        k
    };
    let (a, b) = (bound(sentence.0), bound(sentence.1));
    (a, items.get(a..b.max(a)).unwrap_or(&[]))
}

/// The triggers that lie within `range` (triggers are sorted by position).
pub(super) fn within(triggers: &[Trigger], range: (usize, usize)) -> &[Trigger] {
    let a = triggers.partition_point(|tr| tr.start < range.0);
    let b = triggers.partition_point(|tr| tr.start < range.1);
    let inside = triggers.get(a..b.max(a)).unwrap_or(&[]);
    // The last one may run past the end of the range.
    match inside.last() {
        Some(last) if last.end > range.1 => inside.get(..inside.len() - 1).unwrap_or(&[]),
        _ => inside,
    }
}

/// Picks the kind of an item from the trigger words of its clause: the nearest word
/// that fits its unit; measure words (verbs) before population nouns.
pub(super) fn classify(
    t: &str,
    item: &Item,
    group_end: usize,
    ctx: &Local<'_>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let raw = &item.raw;
    let triggers = ctx.triggers;
    let (cs, ce) = item.clause;
    // Remaining (还有, 尚有, 仅剩…) before the figure: what it counts is still poor,
    // whatever lifting word the clause holds.
    // …unless the clause says they have all been lifted since (剩余的1200名贫困人口全部
    // 脱贫, 剩余贫困人口1200人全部脱贫: the remaining, lifted).
    let all_lifted = || {
        within(triggers, item.clause).iter().any(|tr| {
            tr.role == Role::Lift
                && tr.start >= raw.end
                && ALL_DONE
                    .iter()
                    .any(|a| crate::common::chars::ends(t, tr.start, a))
        })
    };
    let remain = ctx.has(Ctx::Remain, (cs, raw.start)) && !all_lifted();
    // A lifting word after the figure that has a figure of its own right after it
    // (48万贫困人口已累计脱贫41.6万) tells what that one is, not this one.
    let lifts =
        |tr: &Trigger| tr.role == Role::Lift && !(tr.start >= raw.end && object_follows(t, tr.end));
    let lifted = !remain && within(triggers, item.clause).iter().any(lifts);
    // Poverty context for generic fund words: the sentence up to the figure, or a few
    // characters after it (项目总投资1500万元(其中扶贫资金1000万元)).
    let right_end = t
        .get(raw.end..item.sentence.1)
        .unwrap_or("")
        .char_indices()
        .nth(12)
        .map_or(item.sentence.1, |(i, _)| raw.end + i);
    let poverty_context = ctx.has(Ctx::Poverty, (item.sentence.0, raw.start))
        || ctx.has(Ctx::Poverty, (raw.end, right_end));
    let assisting = ctx.has(Ctx::Assist, item.clause);
    let poor_clause = ctx.has(Ctx::Poverty, item.clause);
    // The best word so far, ranked by (tier, score, order): tier 0 for measure words, 1
    // for population nouns; the score is the distance in characters; of two that tie,
    // the one written first wins (the figure's own noun counts as first of all).
    let mut best: Option<Best> = None;
    // A figure's own noun (1.6万贫困人口, 78个贫困村) is a trigger at distance 0.
    if let Some((a, b)) = raw.noun {
        if let Some(tr) = within(triggers, (a, b)).last().copied() {
            if tr.role == Role::NearMiss {
                return None;
            }
            if let Some(k) = kind_for(remaining(tr.role, remain), raw, t, lifted) {
                consider(&mut best, (tier(tr.role), 0, 0), k, tr);
            }
        }
    }
    let inside = within(triggers, (cs, ce));
    // Triggers do not overlap: those ending before the number come first, those after
    // the figure's group last, and between them nothing is a candidate.
    let n_before = inside.partition_point(|tr| tr.end <= raw.num_start);
    let n_skip = inside
        .get(n_before..)
        .map_or(0, |rest| rest.partition_point(|tr| tr.start < group_end));
    let (before, after) = inside.split_at(n_before.min(inside.len()));
    let after = after.get(n_skip..).unwrap_or(&[]);
    // Each side is read from the figure outwards, its distances counted along the way
    // (once per character, however many words the clause holds), and left as soon as
    // no word further off could win: beyond four characters (where a near miss rules
    // the figure out) and beyond the best measure word's distance.
    // (A population noun as the best leaves room for a measure word further off, if
    // the side holds one there.)
    let settled = |best: &Option<Best>, distance: usize, measure_beyond: bool| {
        distance > 4
            && best
                .as_ref()
                .is_some_and(|b| b.rank.1 < distance && (b.rank.0 == 0 || !measure_beyond))
    };
    let first_measure = before.iter().position(|tr| tier(tr.role) == 0);
    let last_measure = after.iter().rposition(|tr| tier(tr.role) == 0);
    // What a word at `distance` says of the figure: `Err` when it rules the figure out
    // (a near miss right next to it), `Ok(None)` when it does not fit or cannot beat
    // `best`, else its rank and kind.
    let judge = |tr: &Trigger, distance: usize, after: bool, order: usize, best: &Option<Best>| {
        match tr.role {
            Role::NearMiss if distance <= 4 => return Err(()),
            Role::GenericFunds | Role::Kind(IndicatorKind::Employment) if !poverty_context => {
                return Ok(None);
            }
            Role::Enrolment if !poor_clause => return Ok(None),
            Role::Cadre if !assisting => return Ok(None),
            // A population noun after the figure names it only when it follows at once
            // (6448户14571人贫困人口); 50户企业…与贫困户 is not.
            Role::Poor if after && distance > 2 => return Ok(None),
            // A noun after a list separator heads the next item of the list
            // (脱贫不稳定户5018户18684人、边缘易致贫户4876户…).
            Role::Poor | Role::Monitored | Role::PoorVillage | Role::ExitedVillage
                if after
                    && t.get(group_end..tr.start)
                        .is_some_and(|g| g.contains(['、', ',', '，', ';', '；'])) =>
            {
                return Ok(None);
            }
            Role::Lift if !lifts(tr) => return Ok(None),
            // Village counts take the village word right next to them (脱贫村135个,
            // 78个是贫困村), not one further off (贫困村“一村一品”专业村8个).
            // …unless a fall stands between (贫困村减少至6个, 贫困村由76个减少到2018年的21个):
            // what is left; or the verb of their exit (贫困村出列18个).
            Role::PoorVillage | Role::ExitedVillage
                if distance > 1
                    && raw.noun.is_none()
                    && (after
                        || !falls_to(t, tr.end, raw.start)
                            && !exit_between(t, tr.end, raw.start)) =>
            {
                return Ok(None);
            }
            _ => {}
        }
        // Specific fund words (低保、五保资金) before the generic 资金 next to them.
        let extra = usize::from(tr.role == Role::GenericFunds) * 3;
        let rank = (tier(tr.role), distance + extra, order);
        // A word that cannot beat the best so far needs no kind.
        if best.as_ref().is_some_and(|b| rank >= b.rank) {
            return Ok(None);
        }
        Ok(kind_for(remaining(tr.role, remain), raw, t, lifted).map(|k| (rank, k)))
    };
    let (mut at, mut distance) = (raw.start, 0);
    for (j, tr) in before.iter().enumerate().rev() {
        if tr.end < at {
            distance += chars_between(t, tr.end, at);
            at = tr.end;
        }
        if settled(&best, distance, first_measure.is_some_and(|f| f <= j)) {
            break;
        }
        match judge(tr, distance, false, 1 + j, &best) {
            Ok(Some((rank, k))) => consider(&mut best, rank, k, *tr),
            Ok(None) => {}
            Err(()) => return None,
        }
    }
    let (mut at, mut distance) = (group_end, 0);
    for (j, tr) in after.iter().enumerate() {
        if tr.start > at {
            distance += chars_between(t, at, tr.start);
            at = tr.start;
        }
        if settled(&best, distance, last_measure.is_some_and(|l| l >= j)) {
            break;
        }
        match judge(tr, distance, true, 1 + n_before + n_skip + j, &best) {
            Ok(Some((rank, k))) => consider(&mut best, rank, k, *tr),
            Ok(None) => {}
            Err(()) => return None,
        }
    }
    best.map(|b| (b.kind, Some(b.trigger)))
}

/// Whether the words between a noun ending at `from` and a figure at `to` end with a fall
/// to what is left (a [`Pred::FallTo`] word: 减少至, 降至, 下降到, 减为 …), a year of the figure's own
/// perhaps after it (减少到2018年的), in one clause.
fn falls_to(t: &str, from: usize, to: usize) -> bool {
    let Some(gap) = t.get(from..to).filter(|g| g.len() <= 24 * 3) else {
        return false;
    };
    if gap.chars().any(is_clause_end) {
        return false;
    }
    // A year of the figure (2018年的, 2019年底的) after the verb.
    let mut head = gap.strip_suffix('的').unwrap_or(gap);
    for part in ["底", "末", "初"] {
        head = head.strip_suffix(part).unwrap_or(head);
    }
    if let Some(h) = head.strip_suffix('年') {
        head = h.trim_end_matches(|c: char| c.is_ascii_digit());
    }
    predicate_ending(head) == Some(Pred::FallTo)
}

/// Whether only the verb of an exit stands between a village word ending at `from` and
/// its count at `to` (贫困村出列18个, 贫困村全部退出12个).
fn exit_between(t: &str, from: usize, to: usize) -> bool {
    let gap = t.get(from..to).unwrap_or("");
    let verb = ALL_DONE
        .iter()
        .find_map(|a| gap.strip_prefix(a))
        .unwrap_or(gap);
    let verb = verb.strip_prefix("已").unwrap_or(verb);
    matches!(verb, "出列" | "退出" | "脱贫出列" | "实现出列")
}

/// Adverbs that say every one of a count was lifted (全部脱贫, 均已出列, 如期脱贫).
const ALL_DONE: &[&str] = &[
    "全部",
    "均已",
    "均",
    "都已",
    "都",
    "已全部",
    "如期",
    "全部实现",
];

/// The best trigger word for a figure so far (see [`classify`]).
#[derive(Clone, Copy)]
struct Best {
    /// Tier (0 for measure words, 1 for population nouns), distance, order written.
    rank: (u8, usize, usize),
    kind: IndicatorKind,
    trigger: Trigger,
}

fn consider(
    best: &mut Option<Best>,
    rank: (u8, usize, usize),
    kind: IndicatorKind,
    trigger: Trigger,
) {
    if best.as_ref().is_none_or(|b| rank < b.rank) {
        *best = Some(Best {
            rank,
            kind,
            trigger,
        });
    }
}

/// A lifting word in a clause that says what remains (还有…未脱贫, 仅剩) counts what
/// is left: a remaining count is never a lifted one.
fn remaining(role: Role, remain: bool) -> Role {
    match role {
        Role::Lift | Role::ExitedVillage if remain => Role::Remain,
        r => r,
    }
}

/// Whether a figure follows the word ending at `end` as its object (脱贫41.6万,
/// 脱贫了1200人): a numeral right after it, a particle aside.
fn object_follows(t: &str, end: usize) -> bool {
    let rest = t.get(end..).unwrap_or("");
    let rest = rest.strip_prefix('了').unwrap_or(rest);
    rest.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千万零〇".contains(c))
}

pub(super) fn tier(role: Role) -> u8 {
    match role {
        Role::Poor | Role::PoorVillage => 1,
        _ => 0,
    }
}

/// When the clause names nothing: a measure word elsewhere in the sentence (做好“易地搬迁”
/// 文章,…,两年内对163户414人…进行易地搬迁; 社会保障兜底,…标准人均3140元). Before the
/// figure any measure word counts; after it only relocation and renovation, which end
/// such sentences.
pub(super) fn sentence_fallback(
    t: &str,
    items: &[Item],
    i: usize,
    item: &Item,
    triggers: &[Trigger],
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let raw = &item.raw;
    // A word that already names another figure of the same unit, nearer to it, is that
    // figure's (利用扶贫资金195万元…,两年后每年收入可达100多万元).
    let (_, same_sentence) = sentence_items(items, i, item.sentence);
    // A word after the figure with another figure between them is that one's
    // (改造农房12.8万户,完成9万贫困人口易地扶贫搬迁任务), whatever its unit.
    let next_end = same_sentence
        .iter()
        .find(|o| o.raw.start >= raw.end)
        .map(|o| o.raw.end);
    // Nor is a word that heads a later clause with its own figure after it (新建农房
    // 1260户,易地扶贫搬迁840户): that figure's.
    let taken = |tr: &Trigger| {
        next_end.is_some_and(|e| e <= tr.start)
            || same_sentence.iter().any(|o| {
                o.raw.unit == raw.unit
                    && o.raw.start != raw.start
                    && tr.end <= o.raw.start
                    && o.raw.end <= raw.start
            })
            || tr.start >= raw.end
                && same_sentence.iter().any(|o| {
                    o.clause.0 >= raw.end && o.clause.0 <= tr.start && tr.end <= o.raw.start
                })
    };
    if raw.unit == Some(Unit::Count) || raw.unit == Some(Unit::Percent) {
        return None;
    }
    let mut best: Option<(usize, IndicatorKind, Trigger)> = None;
    for tr in within(triggers, item.sentence) {
        let Role::Kind(k) = tr.role else { continue };
        if taken(tr) {
            continue;
        }
        let distance = if tr.end <= raw.start {
            chars_between(t, tr.end, raw.start)
        } else if tr.start >= raw.end
            && matches!(
                k,
                IndicatorKind::RelocatedPopulation | IndicatorKind::HousingRenovation
            )
        {
            chars_between(t, raw.end, tr.start)
        } else {
            continue;
        };
        if matches!(
            k,
            IndicatorKind::IncomeIncrease | IndicatorKind::PovertyIncidence
        ) {
            continue;
        }
        let Some(kind) = kind_for(tr.role, raw, t, false) else {
            continue;
        };
        if best.as_ref().is_none_or(|b| distance < b.0) {
            best = Some((distance, kind, *tr));
        }
    }
    best.map(|(_, k, tr)| (k, Some(tr)))
}

/// A figure whose short clause names nothing takes the kind of the figure before it in
/// the same sentence (…贫困发生率34.4%,高于全省平均水平20.8个百分点; …4436户,金额19528.1万元).
pub(super) fn inherit(
    t: &str,
    items: &[Item],
    kinds: &[Option<IndicatorKind>],
    i: usize,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let item = items.get(i)?;
    if chars_between(t, item.clause.0, item.raw.start) > 10 {
        return None;
    }
    // A clause that opens with a kind of household (残疾户437人, 一般户120户) names
    // its own group: it is not one more figure of the clause before.
    if t.get(item.clause.0..item.raw.start)
        .is_some_and(|h| h.trim_end().ends_with(['户', '戶']))
    {
        return None;
    }
    let j = i.checked_sub(1)?;
    let prev = items.get(j)?;
    if prev.sentence != item.sentence || prev.clause == item.clause {
        return None;
    }
    let k = (*kinds.get(j)?)?;
    let unit = item.raw.unit?;
    // Counts are too loosely tied to go on (以上141个村 after 示范村1个); loans (笔)
    // after a microcredit amount are the exception.
    if unit == Unit::Count
        && !(k == IndicatorKind::Microcredit && item.raw.classifier == Some("笔"))
    {
        return None;
    }
    // Only from the clause right before, with nothing between.
    let between = t.get(prev.raw.end..item.clause.0).unwrap_or("");
    if between
        .chars()
        .any(|c| is_clause_end(c) && !matches!(c, ',' | '，'))
        || between.chars().count() > 6
    {
        return None;
    }
    k.units().contains(&unit).then_some((k, None))
}

/// For a figure right after a colon (贫困人口:1200人), the clause that runs from the
/// label's clause start to the figure's clause end.
fn label_clause(t: &str, item: &Item) -> Option<(usize, usize)> {
    let before = t.get(..item.clause.0)?;
    let label = before
        .strip_suffix(':')
        .or_else(|| before.strip_suffix('：'))?;
    let head = t.get(item.clause.0..item.raw.start)?;
    if !head.trim().is_empty() {
        return None;
    }
    // The label: back to the clause end before it, at most 20 characters.
    let mut start = label.len();
    for (n, (i, c)) in label.char_indices().rev().enumerate() {
        if is_clause_end(c) || n >= 20 {
            break;
        }
        start = i;
    }
    (start < label.len()).then_some((start, item.clause.1))
}
