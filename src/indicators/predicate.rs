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

/// Predicate words, by their first character. The nearest one before a figure
/// governs it; of two ending at the same place the longer wins (减少到 over 减少).
fn predicates_from(c: char) -> &'static [(&'static str, Pred)] {
    use Pred as P;
    match c {
        '净' => &[("净减少", P::FallBy)],
        '减' => &[
            ("减少", P::FallBy),
            ("减少到", P::FallTo),
            ("减少至", P::FallTo),
            ("减少为", P::FallTo),
            ("减至", P::FallTo),
            ("减为", P::FallTo),
            ("减到", P::FallTo),
        ],
        '下' => &[
            ("下降", P::FallBy),
            ("下降到", P::FallTo),
            ("下降至", P::FallTo),
            ("下降为", P::FallTo),
        ],
        '降' => &[
            ("降低", P::FallBy),
            ("降至", P::FallTo),
            ("降到", P::FallTo),
            ("降为", P::FallTo),
            ("降低到", P::FallTo),
            ("降低至", P::FallTo),
            ("降低为", P::FallTo),
        ],
        '增' => &[
            ("增加", P::RiseBy),
            ("增长", P::RiseBy),
            ("增加到", P::RiseTo),
            ("增加至", P::RiseTo),
            ("增加为", P::RiseTo),
            ("增长到", P::RiseTo),
            ("增长至", P::RiseTo),
            ("增长为", P::RiseTo),
            ("增至", P::RiseTo),
        ],
        '提' => &[
            ("提高", P::RiseBy),
            ("提高到", P::RiseTo),
            ("提高至", P::RiseTo),
            ("提高为", P::RiseTo),
        ],
        '上' => &[("上涨", P::RiseBy)],
        '达' => &[("达到", P::RiseTo)],
        _ => &[],
    }
}

/// The predicate word that `s` ends with, the longest (减少到 over 减少), if one does.
pub(super) fn predicate_ending(s: &str) -> Option<Pred> {
    // Predicate words are at most three characters.
    s.char_indices().rev().take(3).fold(None, |found, (at, c)| {
        let rest = s.get(at..).unwrap_or("");
        predicates_from(c)
            .iter()
            .find(|(w, _)| *w == rest)
            .map(|&(_, p)| p)
            .or(found)
    })
}

/// How many characters before a figure a predicate may stand and still govern it.
const PREDICATE_REACH: usize = 12;

/// The last [`PREDICATE_REACH`] characters of a clause head (about: three bytes a
/// character, cut back to a character boundary): what may govern the figure after it.
pub(super) fn near_end(head: &str) -> &str {
    let mut from = head.len().saturating_sub(PREDICATE_REACH * 3);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    head.get(from..).unwrap_or("")
}

/// What the last characters before a figure hold, read in one pass.
#[derive(Default)]
struct Near {
    /// The governing predicate: its end, length and meaning.
    predicate: Option<(usize, usize, Pred)>,
    /// Where the last 标准 starts.
    standard: Option<usize>,
    /// Where the last 超过, 超额, 超出 or 超 before a target starts.
    excess: Option<usize>,
    /// Whether 比 or 较 (a comparison) stands there.
    compared: bool,
}

fn read_near(near: &str) -> Near {
    let mut n = Near::default();
    for (at, c) in near.char_indices() {
        let rest = near.get(at..).unwrap_or("");
        match c {
            '标' if rest.starts_with("标准") => n.standard = Some(at),
            // 超过, 超额, 超出, and 超 right before what it goes past (超年度目标).
            '超' if [
                "超过",
                "超额",
                "超出",
                "超年度",
                "超目标",
                "超计划",
                "超任务",
            ]
            .iter()
            .any(|w| rest.starts_with(w)) =>
            {
                n.excess = Some(at)
            }
            '比' | '较' => n.compared = true,
            '净' | '减' | '下' | '降' | '增' | '提' | '上' | '达' => {
                for &(w, p) in predicates_from(c) {
                    if !rest.starts_with(w) {
                        continue;
                    }
                    let end = at + w.len();
                    if n.predicate.is_none_or(|(e, l, _)| (end, w.len()) > (e, l)) {
                        n.predicate = Some((end, w.len(), p));
                    }
                }
            }
            _ => {}
        }
    }
    n
}

/// The predicate that governs a figure whose clause head ends with `near` (see
/// [`near_end`]), read as `n`: the nearest predicate word there, or a comparison by
/// 多 or 少 right before the figure (比上年多1200元, 较2021年底多48万人).
fn governing(near: &str, n: &Near) -> Option<Pred> {
    let best = n.predicate;
    let tail = near.trim_end();
    if n.compared && best.is_none_or(|(e, _, _)| e < tail.len()) {
        if tail.ends_with('多') {
            return Some(Pred::RiseBy);
        }
        if tail.ends_with('少') {
            return Some(Pred::FallBy);
        }
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
    // A figure right after a digit, a point and a blank (12. 8万个, 0. 6%) is the tail
    // of a decimal a line break or a copy split: its value is not the one written.
    if broken_decimal(t.get(..raw.start).unwrap_or("")) {
        return None;
    }
    // A count or sum narrowed by a bound (贫困发生率在20%以上的贫困村92个, 人均纯收入
    // 3000元以下的贫困户120户) is a part of what the kind names, not the whole.
    if bounded_subset(t, ctx, head_range) || criterion(t, raw) {
        return None;
    }
    // The newly identified or newly added poor (新识别贫困人口189户, 新增贫困村3个) are
    // an inflow, not the standing count.
    if matches!(
        kind,
        K::PoorPopulation | K::PoorHouseholds | K::PoorVillages
    ) && ctx.has(Ctx::New, head_range)
    {
        return None;
    }
    // A sum in 亿 (hundreds of millions) is a total: never a figure per person.
    if matches!(
        kind,
        K::PerCapitaDisposableIncome | K::PerCapitaNetIncome | K::IncomeIncrease
    ) && t.get(raw.start..raw.end).is_some_and(|q| q.contains('亿'))
    {
        return None;
    }
    // A bound on a rate said of several units at once (全部低于2%, 均低于3%) or set as
    // a condition to meet (确保…贫困发生率低于3%) is a threshold, not a measured rate.
    if kind == K::PovertyIncidence
        && matches!(raw.approx, crate::Approx::Under | crate::Approx::Over)
        && (several(near_end(head))
            || ctx.has(Ctx::Pledge, head_range)
            || counted_units(clause_tail(head)))
    {
        return None;
    }
    // Points said of a rate of change (降幅高出全省平均水平7.19个百分点, 增速快1.8个百分点)
    // compare two changes: no gap of the rate itself.
    if kind == K::PovertyIncidence
        && raw.unit == Some(Unit::PercentagePoint)
        && ["降幅", "增幅", "减幅", "降速", "增速", "幅度"]
            .iter()
            .any(|w| near_end(head).contains(w))
    {
        return None;
    }
    // A bound on an income said of each of several at once (…户年人均纯收入全部实现破万元,
    // 均超过6000元) is a threshold they all pass, not their income.
    if matches!(kind, K::PerCapitaDisposableIncome | K::PerCapitaNetIncome)
        && matches!(raw.approx, crate::Approx::Under | crate::Approx::Over)
        && several(near_end(head))
    {
        return None;
    }
    // An intention (达成就业意向860余人, 签订务工意向) is no one placed in work.
    if kind == K::Employment && head.trim_end().ends_with("意向") {
        return None;
    }
    // A gap to an average (高出全省平均水平860元, 比全国平均水平低3200元) is no income.
    if matches!(kind, K::PerCapitaDisposableIncome | K::PerCapitaNetIncome)
        && raw.unit == Some(Unit::Yuan)
        && near_end(head).contains("平均水平")
    {
        return None;
    }
    // An income line reset (由…7200元调整到…7800元) or said of the watch against falling
    // back (防止返贫监测范围…年人均纯收入7800元) is a standard, no one's income.
    if matches!(kind, K::PerCapitaDisposableIncome | K::PerCapitaNetIncome)
        && (ctx.has(Ctx::IncomeLine, (item.sentence.0, raw.start))
            && ["监测范围", "监测标准", "监测线"].iter().any(|w| {
                t.get(item.sentence.0..raw.start)
                    .is_some_and(|s| s.contains(w))
            })
            || ctx.has(Ctx::IncomeLine, item.clause)
                && ["调整到", "调整为", "调整至"].iter().any(|w| {
                    t.get(item.clause.0..item.clause.1)
                        .is_some_and(|s| s.contains(w))
                }))
    {
        return None;
    }
    // 户均 is per household: never a per-capita figure.
    if matches!(kind, K::PerCapitaDisposableIncome | K::PerCapitaNetIncome)
        && ctx.has(Ctx::PerHousehold, head_range)
    {
        return None;
    }
    // A break that the width made (hard-wrapped text: 下降\n到) splits no word.
    let joined;
    let near = match near_end(head) {
        n if ctx.wrapped && n.bytes().any(|b| b == b'\n' || b == b'\r') => {
            joined = n.replace(['\n', '\r'], "");
            joined.as_str()
        }
        n => n,
    };
    let read = read_near(near);
    if kind != K::SocialAssistance && standard(t, near, &read, raw.end, item.clause.1) {
        return None;
    }
    // A share (占32.6%, 占比, 比重) is not a rate.
    if kind == K::PovertyIncidence
        && raw.unit == Some(Unit::Percent)
        && [
            "占",
            "占比",
            "比重",
            "比例",
            "占比为",
            "比重为",
            "平均水平",
            "平均水平的",
        ]
        .iter()
        .any(|w| head.trim_end().ends_with(w))
    {
        // (A share of an average, 低于全市平均水平55%, is no rate either.)
        return None;
    }
    let kind = match (governing(near, &read), kind) {
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
    if let Some(at) = read.excess {
        let rest = near.get(at..).unwrap_or("");
        if ["目标", "任务", "计划"].iter().any(|w| has_word(rest, w)) {
            return None;
        }
    }
    Some(kind)
}

/// Whether the figure states a standard (扶贫标准2300元, 标准为每人4000元, 降到2%以下
/// 的退出标准) rather than a fact: 标准 in the last characters before it, not as what
/// was met (达到退出标准的1579户), or 的…标准 right after it.
fn standard(t: &str, near: &str, read: &Near, end: usize, clause_end: usize) -> bool {
    if let Some(at) = read.standard {
        let before = near.get(..at).unwrap_or("");
        // 按照国家标准: the standard frames the count, it is not stated. (现行标准下…
        // 全部脱贫 stays out: it is the 2021 announcement of the whole campaign, whose
        // figure no year of the sentence dates.)
        let frame = before.contains(['按', '依']);
        if !frame && !before.contains('达') && !has_word(before, "符合") {
            return true;
        }
    }
    let mut to = end.saturating_add(8 * 3).min(clause_end);
    while !t.is_char_boundary(to) && to > end {
        to -= 1;
    }
    let tail = t.get(end..to).unwrap_or("");
    tail.find('的')
        .is_some_and(|d| tail.get(d..).is_some_and(|r| has_word(r, "标准")))
}

/// Whether a clause head (`head`, a range of `t`) narrows its noun by a bound in a
/// relative clause (在20%以上的, 3000元以下的, 60岁以上的, 之间的): the figure after it
/// counts a part only. The bounds before 的 are found once per chunk
/// ([`Ctx::Bound`]); the 的 must lie in the head, and a numeral within the eight
/// characters of the head before the bound.
fn bounded_subset(t: &str, ctx: &Local<'_>, head: (usize, usize)) -> bool {
    ctx.occurrences(Ctx::Bound, head).any(|(start, end)| {
        let de = t
            .get(end..head.1)
            .map(|a| end + (a.len() - a.trim_start().len()));
        let closed =
            de.is_some_and(|d| crate::common::chars::starts(t, d, "的") && d + 3 <= head.1);
        closed
            && t.get(head.0..start).is_some_and(|rest| {
                rest.chars()
                    .rev()
                    .take(8)
                    .any(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万两".contains(c))
            })
    })
}

/// Whether a figure is a bound that describes a noun (人均纯收入低于3000元的农户, 超过5万元
/// 的项目): a criterion, not a measured figure. The comparison word is before the number
/// (500多块钱的补助 is an amount).
pub(super) fn criterion(t: &str, raw: &Raw) -> bool {
    matches!(raw.approx, crate::Approx::Under | crate::Approx::Over)
        && raw.start < raw.num_start
        && crate::common::chars::starts(t, raw.end, "的")
}

/// Whether the last characters before a rate say it of several units at once: a
/// quantifier (全部, 均, 都, 普遍, 一律; not the 均 of 平均 or 人均) or 各 before the
/// units (各省农村贫困发生率普遍下降至6%以下, 各出列村贫困发生率均低于3%).
fn several(near: &str) -> bool {
    let quantified = near.char_indices().any(|(at, c)| {
        let before = near.get(..at).and_then(|b| b.chars().next_back());
        match c {
            '均' => !matches!(before, Some('平' | '人' | '户' | '年')),
            '都' | '皆' => true,
            _ => ["全部", "普遍", "一律"]
                .iter()
                .any(|w| near.get(at..).is_some_and(|r| r.starts_with(w))),
        }
    });
    quantified || near.contains('各')
}

/// The last 30 characters of a clause head: far enough back for a count of units and
/// the noun phrase that follows it (19个省份的农村贫困发生率降到了).
fn clause_tail(head: &str) -> &str {
    let from = head.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    head.get(from..).unwrap_or("")
}

/// Whether a count of units stands before a rate (其中9个省份贫困发生率降到2%以下,
/// 12个村贫困发生率低于2%, 19个省份的农村贫困发生率降到了2%以下): the bound is said of
/// each of them, not one place's rate.
fn counted_units(near: &str) -> bool {
    near.char_indices().any(|(at, c)| {
        matches!(c, '个' | '個')
            && near
                .get(..at)
                .and_then(|b| b.chars().next_back())
                .is_some_and(|d| d.is_ascii_digit() || "一二两三四五六七八九十百千万".contains(d))
            && near
                .get(at + c.len_utf8()..)
                .and_then(|a| a.chars().next())
                .is_some_and(|u| "省市县縣区區村乡鄉镇鎮州旗贫貧深".contains(u))
    })
}

/// Whether `before` ends with a digit, a full stop or point and blanks: the figure
/// after it continues a decimal split by a copy (12. 8万个, 0. 6%).
fn broken_decimal(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\u{3000}', '\u{a0}']);
    if trimmed.len() == before.len() {
        return false;
    }
    trimmed
        .strip_suffix(['.', '．'])
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}
