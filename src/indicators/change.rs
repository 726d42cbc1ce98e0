//! Changes: 由A下降到B, 从A增加到B, where A is the earlier value of B.

use super::*;

/// For 由A下降到B, 从A增加到B: the index of A for B = item `i`.
pub(super) fn previous_index(t: &str, items: &[Item], i: usize) -> Option<usize> {
    let item = items.get(i)?;
    let j = i.checked_sub(1)?;
    let prev = items.get(j)?;
    if prev.raw.unit != item.raw.unit || prev.sentence != item.sentence {
        return None;
    }
    let between = t.get(prev.raw.end..item.raw.start)?;
    if between.len() > 16 * 4 || between.chars().count() > 16 {
        return None;
    }
    let to = between.chars().any(|c| matches!(c, '到' | '至' | '为'));
    let changed = to
        && [
            "下降", "增加", "增长", "提高", "减少", "降低", "上升", "提升", "降", "减",
        ]
        .iter()
        .any(|w| has_word(between, w));
    if !changed {
        return None;
    }
    let from = change_opener(t, (item.sentence.0, prev.raw.start))?;
    let from_to_a = t.get(from..prev.raw.start)?.chars().count();
    (from_to_a <= 12).then_some(j)
}

/// Where the 由 (else the 从) that opens a change (由A下降到B, 从A增加到B) stands in
/// `range` of `t`: the last one.
pub(super) fn change_opener(t: &str, range: (usize, usize)) -> Option<usize> {
    let head = t.get(range.0..range.1)?;
    let k = head.rfind('由').or_else(|| head.rfind('从'))?;
    Some(range.0 + k)
}
