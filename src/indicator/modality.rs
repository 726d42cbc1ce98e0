//! Modality: whether a figure is done, planned or expected.

use super::*;

named_enum! {
    /// Whether a figure is done or measured, or only planned or expected.
    pub enum Modality {
        /// Done or measured.
        Actual => "actual",
        /// A target or plan (目标, 任务, 计划, 省定).
        Target => "target",
        /// Expected (预计, 将, 可带动, 力争).
        Expected => "expected",
    }
}

/// Target (目标, 任务, 计划, 省定, 力争) or expected (预计, 将, 可带动) figures.
pub(super) fn modality(t: &str, marks: Local<'_>, item: &Item) -> Modality {
    let head = (item.clause.0, item.raw.start);
    let sentence_head = (item.sentence.0, item.raw.start);
    let tail = (item.raw.end, item.clause.1);
    if marks.has(Ctx::Target, head) || marks.has(Ctx::TargetTail, tail) {
        return Modality::Target;
    }
    let will = || {
        t.get(head.0..head.1)
            .unwrap_or("")
            .chars()
            .rev()
            .take(6)
            .any(|c| c == '将')
    };
    if marks.has(Ctx::Expected, sentence_head) || will() && !marks.has(Ctx::WillPoor, head) {
        return Modality::Expected;
    }
    Modality::Actual
}
