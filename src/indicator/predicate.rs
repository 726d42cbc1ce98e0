//! What happened: the predicate written before a figure (reduced by, reduced to,
//! increased by, reached), and how it settles the kind the words of the clause gave.
//!
//! The trigger words say what a figure is about (贫困人口, 人均纯收入); the predicate
//! says what happened to it. A change is not the standing count: 减少贫困人口2300人 is
//! 2300 lifted out, 贫困人口减至326人 is 326 still poor, 比上年增加1200元 is an income
//! increase, never the income. Standards that define eligibility (扶贫标准2300元) and
//! figures per household (户均) are no per-capita facts.

use super::*;

/// What a predicate says happened to the figure after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Pred {
    /// The figure is the fall (减少2300人, 净减少, 下降2个百分点).
    FallBy,
    /// The figure is what is left after a fall (减至, 减少到, 降为).
    FallTo,
    /// The figure is the rise (增加1200元, 增长, 提高).
    RiseBy,
    /// The figure is the level reached (增至, 增加到, 达到).
    RiseTo,
}

/// Predicate words. The nearest one before a figure governs it; of two ending at the
/// same place the longer wins (减少到 over 减少).
static PREDICATES: &[(&str, Pred)] = {
    use Pred as P;
    &[
        ("净减少", P::FallBy),
        ("减少", P::FallBy),
        ("下降", P::FallBy),
        ("降低", P::FallBy),
        ("减少到", P::FallTo),
        ("减少至", P::FallTo),
        ("减少为", P::FallTo),
        ("减至", P::FallTo),
        ("减为", P::FallTo),
        ("减到", P::FallTo),
        ("降至", P::FallTo),
        ("降到", P::FallTo),
        ("降为", P::FallTo),
        ("下降到", P::FallTo),
        ("下降至", P::FallTo),
        ("下降为", P::FallTo),
        ("降低到", P::FallTo),
        ("降低至", P::FallTo),
        ("降低为", P::FallTo),
        ("增加", P::RiseBy),
        ("增长", P::RiseBy),
        ("提高", P::RiseBy),
        ("上涨", P::RiseBy),
        ("增加到", P::RiseTo),
        ("增加至", P::RiseTo),
        ("增加为", P::RiseTo),
        ("增长到", P::RiseTo),
        ("增长至", P::RiseTo),
        ("增长为", P::RiseTo),
        ("提高到", P::RiseTo),
        ("提高至", P::RiseTo),
        ("提高为", P::RiseTo),
        ("增至", P::RiseTo),
        ("达到", P::RiseTo),
    ]
};

/// How many characters before a figure a predicate may stand and still govern it.
const PREDICATE_REACH: usize = 12;

/// The predicate that governs a figure whose clause head (from the clause start to
/// the figure) is `head`: the nearest predicate word in its last characters, a
/// particle (了) after it aside.
pub(super) fn predicate(head: &str) -> Option<Pred> {
    let from = head
        .char_indices()
        .rev()
        .nth(PREDICATE_REACH - 1)
        .map_or(0, |(i, _)| i);
    let near = head.get(from..).unwrap_or("");
    let mut best: Option<(usize, usize, Pred)> = None;
    for &(w, p) in PREDICATES {
        let Some(at) = near.rfind(w) else { continue };
        let end = at + w.len();
        if best.is_none_or(|(e, l, _)| (end, w.len()) > (e, l)) {
            best = Some((end, w.len(), p));
        }
    }
    // 比上年多1200元, 较2021年底多48万人: a comparison by 多 (or 少) right before the
    // figure.
    let tail = near.trim_end();
    let compared = near.contains('比') || near.contains('较');
    if compared && tail.ends_with('多') && best.is_none_or(|(e, _, _)| e < tail.len()) {
        return Some(Pred::RiseBy);
    }
    if compared && tail.ends_with('少') && best.is_none_or(|(e, _, _)| e < tail.len()) {
        return Some(Pred::FallBy);
    }
    best.map(|(_, _, p)| p)
}

/// The kind a figure takes once what happened to it is read: `kind` as the words of
/// its clause gave it, `None` when the predicate or the clause rules it out.
pub(super) fn settle(
    t: &str,
    item: &Item,
    kind: IndicatorKind,
    ctx: &Local<'_>,
) -> Option<IndicatorKind> {
    use IndicatorKind as K;
    let raw = &item.raw;
    let head_range = (item.clause.0, raw.start);
    let head = t.get(head_range.0..head_range.1).unwrap_or("");
    // Those who fell back (返贫) are neither lifted nor counted among the registered
    // poor.
    if matches!(
        kind,
        K::LiftedPopulation | K::LiftedHouseholds | K::PoorPopulation | K::PoorHouseholds
    ) && ctx.has(Ctx::Relapse, head_range)
    {
        return None;
    }
    // 户均 is per household: never a per-capita figure.
    if matches!(kind, K::PerCapitaDisposableIncome | K::PerCapitaNetIncome)
        && ctx.has(Ctx::PerHousehold, head_range)
    {
        return None;
    }
    if kind != K::SocialAssistance && standard(t, head, raw.end, item.clause.1) {
        return None;
    }
    // A share (占32.6%, 占比, 比重) is not a rate.
    if kind == K::PovertyIncidence
        && raw.unit == Some(Unit::Percent)
        && ["占", "占比", "比重", "比例", "占比为", "比重为"]
            .iter()
            .any(|w| head.trim_end().ends_with(w))
    {
        return None;
    }
    let kind = match (predicate(head), kind) {
        // 减少贫困人口2300人, 贫困人口减少2300人, 较上年减少300户: the fall is the
        // number lifted out.
        (Some(Pred::FallBy), K::PoorPopulation) => K::LiftedPopulation,
        (Some(Pred::FallBy), K::PoorHouseholds) => K::LiftedHouseholds,
        // 贫困人口减至326人, 贫困村减少到12个: what is left is still poor.
        (Some(Pred::FallTo), K::LiftedPopulation) => K::PoorPopulation,
        (Some(Pred::FallTo), K::LiftedHouseholds) => K::PoorHouseholds,
        (Some(Pred::FallTo), K::VillagesExited) => K::PoorVillages,
        // 比上年增加1200元: the increase, never the income.
        (Some(Pred::RiseBy), K::PerCapitaDisposableIncome | K::PerCapitaNetIncome) => {
            K::IncomeIncrease
        }
        // A village's added income is not an income per person, nor its income.
        (Some(Pred::RiseBy), K::VillageCollectiveIncome) => return None,
        // A change written in percent (下降2.1%) is not the rate; in percentage points
        // it is the gap.
        (Some(Pred::FallBy | Pred::RiseBy), K::PovertyIncidence)
            if raw.unit == Some(Unit::Percent) =>
        {
            return None;
        }
        (Some(Pred::FallBy | Pred::RiseBy), K::PovertyIncidence) => K::PovertyIncidence,
        // The change of any other count or sum (就业规模比上年增加132.9万人, 资金较上年
        // 增加84.76亿元) is not the count.
        (
            Some(Pred::FallBy | Pred::RiseBy),
            K::PoorVillages
            | K::VillagesExited
            | K::PovertyFunds
            | K::Microcredit
            | K::RelocatedPopulation
            | K::RelocatedHouseholds
            | K::HousingRenovation
            | K::SocialAssistance
            | K::Beneficiaries
            | K::Employment
            | K::AssistancePersonnel
            | K::MonitoredHouseholds
            | K::MonitoredPopulation,
        ) => return None,
        (_, k) => k,
    };
    // What goes beyond a target (超过年度目标任务258.7万人) is an excess, not the count.
    if let Some(at) = head.rfind("超过").or_else(|| head.rfind("超额")) {
        let rest = head.get(at..).unwrap_or("");
        if rest.contains("目标") || rest.contains("任务") || rest.contains("计划") {
            return None;
        }
    }
    Some(kind)
}

/// Whether the figure states a standard (扶贫标准2300元, 标准为每人4000元, 降到2%以下
/// 的退出标准) rather than a fact: 标准 in the last characters before it, not as what
/// was met (达到退出标准的1579户), or 的…标准 right after it.
fn standard(t: &str, head: &str, end: usize, clause_end: usize) -> bool {
    let from = head.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
    let near = head.get(from..).unwrap_or("");
    if let Some(at) = near.rfind("标准") {
        let before = near.get(..at).unwrap_or("");
        if !before.contains('达') && !before.contains("符合") {
            return true;
        }
    }
    let tail = t.get(end..clause_end).unwrap_or("");
    let to = tail.char_indices().nth(8).map_or(tail.len(), |(i, _)| i);
    let tail = tail.get(..to).unwrap_or("");
    tail.find('的')
        .is_some_and(|d| tail.get(d..).is_some_and(|r| r.contains("标准")))
}
