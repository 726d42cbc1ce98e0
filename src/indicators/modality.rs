//! Modality: whether a figure is done, planned or expected.

use super::*;

named_enum! {
    /// Whether a figure is done or measured, or only planned or expected.
    ///
    /// ```
    /// use fupin::{Modality, extract};
    /// let text = "2019年全县脱贫1500人,计划2020年实现脱贫800人。";
    /// let found: Vec<_> = extract(text).map(|i| (i.quantity.text, i.modality)).collect();
    /// assert_eq!(found, [("1500人".into(), Modality::Actual), ("800人".into(), Modality::Target)]);
    /// ```
    pub enum Modality {
        /// Done or measured.
        Actual => "actual",
        /// A target or plan (目标, 任务, 计划, 省定).
        Target => "target",
        /// Expected (预计, 将, 可带动, 力争).
        Expected => "expected",
    }
}

/// Target (目标, 任务, 计划, 省定, 力争, and for the whole sentence 确保, 拟, 规划, 要,
/// 目标:) or expected (预计, 将, 将新增, 可带动, 明年) figures; a figure said to be the
/// actual one (预计…,实际脱贫1620人) is actual.
pub(super) fn modality(t: &str, marks: &Local<'_>, item: &Item) -> Modality {
    let head = (item.clause.0, item.raw.start);
    let sentence_head = (item.sentence.0, item.raw.start);
    let tail = (item.raw.end, item.clause.1);
    if marks.has(Ctx::Actual, head) {
        return Modality::Actual;
    }
    let head_text = t.get(head.0..head.1).unwrap_or("");
    let sentence_text = t.get(sentence_head.0..sentence_head.1).unwrap_or("");
    // A pledge scopes its own clause (确保全年脱贫1200人), and the whole sentence when
    // it opens it (规划建设扶贫车间15个,带动就业450人), not the clauses after a later
    // one (…,确保贫困对象有序退出,2016年有1579户…达到退出标准).
    let opens = || {
        let first_clause = sentence_text
            .find([',', '，', ';', '；'])
            .map_or(sentence_head.1, |k| sentence_head.0 + k);
        marks.has(Ctx::Pledge, (sentence_head.0, first_clause))
    };
    let pledged = (marks.has(Ctx::Pledge, head)
        || marks.has(Ctx::Pledge, sentence_head) && opens())
        && !head_text.contains('已');
    if marks.has(Ctx::Target, head)
        // 完成…任务 is the task done, not a target; unless a plan earlier in the
        // sentence governs it (计划减少贫困人口64万人,…,全面完成120万人搬迁任务), or
        // the task was exceeded (超额完成3万人的目标任务: the figure is the target).
        || marks.has(Ctx::TargetTail, tail)
            && (!has_word(head_text, "完成")
                || head_text.contains("超额")
                || marks.has(Ctx::Target, sentence_head)
                    && !head_text.contains('已')
                    && !head_text.contains('了'))
        || pledged
        || plan_title(t, tail)
        || again(head_text)
        || marks.has(Ctx::TargetLabel, sentence_head)
    {
        return Modality::Target;
    }
    if marks.has(Ctx::Expected, sentence_head)
        || will(head_text) && !marks.has(Ctx::WillPoor, head) && !disposal(t, head_text, tail)
        || will_after(t, tail)
        || marks.has(Ctx::NextYear, sentence_head)
    {
        return Modality::Expected;
    }
    Modality::Actual
}

/// Whether the words after a figure to its clause's end name a plan that the figure is
/// in (实施3年10万人就业扶贫规划, 5万人转移就业计划): the figure is the plan's, a target.
/// Only a short noun phrase ending the clause in 规划 or 计划, with no verb in it that
/// makes the plan something done to the figure's units (120个村完成规划: those are counted),
/// and no 的 (总投资11.5亿元的…规划 describes a plan drawn up, whose sum the text reports
/// as it stands; a plan's figure there would also carry its modality to the list after).
fn plan_title(t: &str, (from, to): (usize, usize)) -> bool {
    let Some(tail) = t.get(from..to).map(str::trim_end) else {
        return false;
    };
    (tail.ends_with("规划") || tail.ends_with("计划"))
        && tail.chars().count() <= 10
        && ![
            "完成", "编制", "制定", "实现", "达到", "纳入", "超", "占", "的",
        ]
        .iter()
        .any(|w| tail.contains(w))
}

/// A figure that opens its clause and goes on with a list of planned or expected
/// figures (力争86万人脱贫、940个村出列,27万人易地扶贫搬迁) is planned or expected as
/// they are: the modality of the figure before it in the same sentence, when that one
/// is not actual and this clause says nothing before the figure, or only a short verb
/// and noun of its own (see `plans_on`).
///
/// A clause with words before its figure goes on with the plan only where those words
/// say nothing of their own (`own`, the figure's modality read alone, is actual): 计划
/// 投入…,预计带动…户 stays expected.
pub(super) fn list_modality(
    t: &str,
    item: &Item,
    before: Option<(&Pending, &[Item])>,
    own: impl FnOnce() -> Modality,
) -> Option<Modality> {
    let (p, items) = before?;
    let prev = items.get(p.item)?;
    let head = t.get(item.clause.0..item.raw.start)?;
    // (…,800人已脱贫: said done after the figure.)
    let done = t
        .get(item.raw.end..item.clause.1)
        .is_some_and(|tail| tail.contains(['已', '了']) || has_word(tail, "实际"));
    (p.modality != Modality::Actual
        && prev.sentence == item.sentence
        && prev.clause != item.clause
        && !done
        && (head.trim().is_empty() || plans_on(head) && own() == Modality::Actual))
        .then_some(p.modality)
}

/// Whether a clause head goes on with the plan of the clause before (计划脱贫3100人,退出
/// 贫困村9个: 退出贫困村): a short verb and noun, with no time of its own (2018年,
/// 去年, 目前) and nothing that says it is done or counted (已, 了, 实际, 累计).
fn plans_on(head: &str) -> bool {
    // Eight characters at most: ideographs are three bytes each.
    if head.len() > 8 * 3 {
        return false;
    }
    for (n, (i, c)) in head.char_indices().enumerate() {
        let rest = head.get(i..).unwrap_or("");
        let stop = match c {
            '已' | '了' | '年' | '月' | '日' => true,
            '实' => rest.starts_with("实际"),
            '目' => rest.starts_with("目前"),
            '当' => rest.starts_with("当前"),
            '截' => rest.starts_with("截至") || rest.starts_with("截止"),
            '累' => rest.starts_with("累计"),
            '现' => rest.starts_with("现有"),
            '共' => rest.starts_with("共有"),
            _ => false,
        };
        if stop || n >= 8 {
            return false;
        }
    }
    true
}

/// Whether 将 ("will") stands in the clause head: within six characters of the figure,
/// or further off with the verb it governs (将新增, 将实现, 将带动).
fn will(head: &str) -> bool {
    // Most clauses hold no 将 in reach: one byte search says so.
    let mut from = head.len().saturating_sub(14 * 3);
    while !head.is_char_boundary(from) {
        from += 1;
    }
    if !head.get(from..).is_some_and(|h| h.contains('将')) {
        return false;
    }
    let Some((n, at)) = head
        .char_indices()
        .rev()
        .take(14)
        .enumerate()
        .find(|(_, (_, c))| *c == '将')
        .map(|(n, (i, _))| (n, i))
    else {
        return false;
    };
    let verb = head.get(at + '将'.len_utf8()..).unwrap_or("");
    n < 6 || WILL_VERBS.iter().any(|w| verb.starts_with(w))
}

/// Whether 将 right after a figure and its noun governs the verb that tells what the
/// figure is (30余万贫困人口将全部脱贫, 1200人将实现脱贫): what will be, not what is.
fn will_after(t: &str, tail: (usize, usize)) -> bool {
    let rest = t.get(tail.0..tail.1).unwrap_or("");
    let Some(at) = rest
        .char_indices()
        .take(10)
        .find(|&(_, c)| c == '将')
        .map(|(k, _)| k)
    else {
        return false;
    };
    let verb = rest.get(at + '将'.len_utf8()..).unwrap_or("");
    [
        "全部脱贫",
        "脱贫",
        "实现脱贫",
        "全部出列",
        "出列",
        "摘帽",
        "全部摘帽",
        "退出",
    ]
    .iter()
    .any(|w| verb.starts_with(w))
}

/// Verbs that 将 governs as "will" (将新增, 将实现, 将带动).
const WILL_VERBS: &[&str] = &[
    "新增", "实现", "完成", "达到", "带动", "超过", "减少", "增加", "突破", "覆盖", "惠及", "新建",
    "建成", "累计",
];

/// Whether the last 将 of a clause head marks its object (及时将符合条件的3120名农村
///人口纳入低保, 将1200户纳入监测): an object right after it (符合条件的, 其, 所有, a
/// figure) or a verb of placing after the figure (纳入, 列入, 列为), not "will".
fn disposal(t: &str, head: &str, tail: (usize, usize)) -> bool {
    let Some(at) = head.rfind('将') else {
        return false;
    };
    let object = head.get(at + '将'.len_utf8()..).unwrap_or("");
    let placed = t.get(tail.0..tail.1).is_some_and(|rest| {
        ["纳入", "列入", "列为", "认定为", "识别为", "转为"]
            .iter()
            .any(|v| has_word(rest, v))
    });
    ["符合", "其", "所有", "全部", "这些", "上述"]
        .iter()
        .any(|w| object.starts_with(w))
        || object.starts_with(|c: char| c.is_ascii_digit())
        || placed && !WILL_VERBS.iter().any(|w| object.starts_with(w))
}

/// Whether 再 ("once more", of what is still to come; 又 is of what was done) stands
/// right before the verb of the clause (今年再减少贫困人口1000万, 明年再脱贫800人)
/// with nothing said done after it: a plan, whatever word names it.
fn again(head: &str) -> bool {
    let Some(at) = head.rfind('再') else {
        return false;
    };
    if head.get(..at).is_some_and(|b| b.ends_with('一')) {
        return false;
    }
    let verb = head.get(at + '再'.len_utf8()..).unwrap_or("");
    [
        "减少", "减贫", "脱贫", "实现", "完成", "退出", "出列", "摘帽", "搬迁", "新增", "解决",
        "带动",
    ]
    .iter()
    .any(|w| verb.starts_with(w))
        && !verb.contains('已')
        && !verb.contains('了')
}
