//! Marks: what one pass over a chunk finds (trigger and context words, sentence and
//! clause ends, relative years, place names), asked about by each figure.

use super::*;

/// Sentences end at full stops and line breaks; a semicolon goes on with the same
/// time and place (2014年,全县…;农村居民人均可支配收入仅4127元).
pub(super) fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '！' | '？' | '\n')
}

pub(super) fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '，' | ':' | '：' | '(' | ')' | ';' | '；')
}

/// Where the stretches of a text end: the offsets of the characters for which `end`
/// holds, found in one pass, so that each figure's sentence and clause are two binary
/// searches.
#[derive(Default)]
pub(super) struct Ends(pub(super) Vec<usize>);

impl Ends {
    /// The bounds of the stretch around `pos` (`t` is the text this was built from).
    /// `k` is where the last call left off: positions asked in order cost nothing to
    /// find.
    pub(super) fn around(&self, t: &str, pos: usize, k: &mut usize) -> (usize, usize) {
        *k = bound_from(&self.0, *k, pos, |&i| i);
        let start = k
            .checked_sub(1)
            .and_then(|j| self.0.get(j))
            .map_or(0, |&i| i + char_at(t, i).map_or(1, char::len_utf8));
        let stop = self.0.get(*k).copied().unwrap_or(t.len());
        (start, stop)
    }
}

/// Which list a word of the one-pass lexicon belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    /// `TRIGGERS`, with the index of the word there.
    Trigger(usize),
    /// A list of context words.
    Context(Ctx),
}

/// Lists of context words, whose occurrences a figure's stretches are asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ctx {
    /// Words of a poverty context.
    Poverty,
    /// Assistance verbs.
    Assist,
    /// Target words before a figure (计划, 目标, 省定, 力争, 任务).
    Target,
    /// Target words after a figure (目标, 任务).
    TargetTail,
    /// Words of expectation (预计, 可带动, 预期, 有望, 届时).
    Expected,
    /// 将贫困: 将 as a preposition, not "will".
    WillPoor,
}

pub(super) const CONTEXTS: usize = 6;

impl List {
    /// A number of its own for each list: the triggers, then each context list.
    pub(super) fn slot(self) -> usize {
        match self {
            List::Trigger(_) => 0,
            List::Context(c) => 1 + c as usize,
        }
    }
}

/// Every word looked up in a chunk, in one lexicon, and the characters at which the
/// one pass of [`Marks::fill`] has something to do.
pub(super) struct Words {
    pub(super) words: Vec<&'static str>,
    pub(super) lists: Vec<List>,
    pub(super) lx: Lexicon,
    pub(super) special: CharSet,
}

pub(super) fn words() -> &'static Words {
    static W: std::sync::OnceLock<Words> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        let mut words = Vec::new();
        let mut lists = Vec::new();
        for (i, (w, _)) in TRIGGERS.iter().enumerate() {
            words.push(*w);
            lists.push(List::Trigger(i));
        }
        let contexts: [(&[&'static str], Ctx); CONTEXTS] = [
            (POVERTY_CONTEXT, Ctx::Poverty),
            (ASSIST_VERBS, Ctx::Assist),
            (&["计划", "目标", "省定", "力争", "任务"], Ctx::Target),
            (&["目标", "任务"], Ctx::TargetTail),
            (&["预计", "可带动", "预期", "有望", "届时"], Ctx::Expected),
            (&["将贫困"], Ctx::WillPoor),
        ];
        for (ws, c) in contexts {
            for w in ws {
                words.push(*w);
                lists.push(List::Context(c));
            }
        }
        let lx = Lexicon::new(words.iter().copied());
        let mut special: String = words.iter().filter_map(|w| w.chars().next()).collect();
        special.push_str("。！？，：；年");
        Words {
            words,
            lists,
            lx,
            special: CharSet::new(&special),
        }
    })
}

/// What one pass over a chunk finds: trigger words, context words, sentence and clause
/// ends and relative years, each sorted by position, so that every figure
/// asks about its own stretch with binary searches instead of reading it again.
#[derive(Default)]
pub(super) struct Marks {
    pub(super) triggers: Vec<Trigger>,
    /// The context words of each list, by `Ctx`.
    pub(super) context: [Occurrences; CONTEXTS],
    /// 今年, 本年 (0), 去年, 上年 (-1), 明年 (1): where each starts, and the shift.
    pub(super) relative: Vec<(usize, i32)>,
    pub(super) sentence_ends: Ends,
    pub(super) clause_ends: Ends,
}

/// The marks of one sentence (see [`Marks::local`]): questions about stretches inside
/// it search only these.
#[derive(Clone, Copy, Default)]
pub(super) struct Local<'m> {
    pub(super) range: (usize, usize),
    pub(super) triggers: &'m [Trigger],
    pub(super) context: [Occ<'m>; CONTEXTS],
}

impl Local<'_> {
    /// Whether a word of list `c` lies wholly within `range`.
    pub(super) fn has(&self, c: Ctx, range: (usize, usize)) -> bool {
        self.context
            .get(c as usize)
            .is_some_and(|o| o.any_within(range))
    }
}

/// Where [`Marks::local`] found the last sentence in each list.
#[derive(Default)]
pub(super) struct Sweeps {
    pub(super) triggers: (usize, usize),
    pub(super) context: [(usize, usize); CONTEXTS],
}

impl Marks {
    /// Finds the marks of `t`, in place of those of the last chunk (their memory is
    /// kept: the lists grow once per document, not once per chunk).
    pub(super) fn fill(&mut self, t: &str) {
        let w = words();
        let m = self;
        // Every list named, so that a new one cannot be left holding the last chunk's.
        let Marks {
            triggers,
            context,
            relative,
            sentence_ends,
            clause_ends,
        } = m;
        triggers.clear();
        context.iter_mut().for_each(Occurrences::clear);
        relative.clear();
        sentence_ends.0.clear();
        clause_ends.0.clear();
        // Triggers do not overlap: a trigger is looked for only from here on.
        let mut trigger_from = 0;
        let mut from = 0;
        // Sentence ends are clause ends too: the ASCII ones are all the ASCII wanted.
        let ascii = |b: u8| is_clause_end(char::from(b));
        while let Some((pos, c)) = w.special.find_in(t, from, ascii) {
            from = pos + c.len_utf8();
            if is_sentence_end(c) {
                m.sentence_ends.0.push(pos);
            }
            if is_clause_end(c) {
                m.clause_ends.0.push(pos);
            }
            if c.is_ascii() {
                continue;
            }
            if c == '年' {
                let before = char_before(t, pos).unwrap_or('\0');
                let shift = match before {
                    '今' | '本' => Some(0),
                    '去' | '上' => Some(-1),
                    '明' => Some(1),
                    _ => None,
                };
                if let Some(d) = shift {
                    m.relative.push((pos - before.len_utf8(), d));
                }
            }
            let rest = t.get(pos..).unwrap_or("");
            let h = crate::lexicon::head(rest);
            if !w.lx.may_start_at(c, h) {
                continue;
            }
            let mut seen = [false; 1 + CONTEXTS];
            for &k in w.lx.candidates(c) {
                let (Some(&word), Some(&list)) = (w.words.get(k), w.lists.get(k)) else {
                    continue;
                };
                let slot = list.slot();
                if seen.get(slot).copied().unwrap_or(true) || !w.lx.word_at(k, word, h, rest) {
                    continue;
                }
                if let Some(s) = seen.get_mut(slot) {
                    *s = true;
                }
                let span = (pos, pos + word.len());
                match list {
                    List::Trigger(i) => {
                        if pos >= trigger_from {
                            if let Some(&(_, role)) = TRIGGERS.get(i) {
                                let role = if near_miss(t, pos, word) {
                                    Some(Role::NearMiss)
                                } else if blocked(t, pos, word) {
                                    None
                                } else {
                                    Some(role)
                                };
                                if let Some(role) = role {
                                    m.triggers.push(Trigger {
                                        start: span.0,
                                        end: span.1,
                                        role,
                                    });
                                    trigger_from = span.1;
                                }
                            }
                        }
                    }
                    List::Context(c) => {
                        if let Some(o) = m.context.get_mut(c as usize) {
                            o.push(span);
                        }
                    }
                }
            }
        }
    }

    /// The marks that start within `range` (a figure's sentence), to ask about the
    /// stretches inside it. `at` keeps where the last call's range was found in each
    /// list: sentences asked in order cost a few steps.
    pub(super) fn local(&self, range: (usize, usize), at: &mut Sweeps) -> Local<'_> {
        let (ta, tb) = sweep(&self.triggers, range, &mut at.triggers, |tr| tr.start);
        let mut lists = self.context.iter().zip(at.context.iter_mut());
        Local {
            range,
            triggers: self.triggers.get(ta..tb).unwrap_or(&[]),
            context: core::array::from_fn(|_| {
                lists
                    .next()
                    .map_or_else(Occ::default, |(o, at)| o.starting_in(range, at))
            }),
        }
    }

    /// Relative years (今年, 本年, 去年, 上年, 明年) within `from..pos`: the last one and
    /// where it starts.
    pub(super) fn relative_year(
        &self,
        from: usize,
        pos: usize,
        doc_year: Option<i32>,
    ) -> Option<(usize, Period)> {
        let y = doc_year?;
        // Each is two characters (6 bytes) long.
        let last = pos.checked_sub(6)?;
        let k = self.relative.partition_point(|&(s, _)| s <= last);
        let &(start, d) = self.relative.get(k.checked_sub(1)?)?;
        (start >= from).then_some((
            start,
            Period {
                start: y + d,
                end: y + d,
            },
        ))
    }
}
