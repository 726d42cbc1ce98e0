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
    /// Words of expectation (预计, 可带动, 预期, 有望, 届时, 可实现, 可望).
    Expected,
    /// 将贫困: 将 as a preposition, not "will".
    WillPoor,
    /// Words of what remains (还有, 尚有, 剩余, 仅剩): the count is still poor.
    Remain,
    /// Falling back into poverty (返贫), outside 防止返贫 and 返贫风险.
    Relapse,
    /// 户均: per household, never per person.
    PerHousehold,
    /// 实际: a measured figure, after an expected one (预计…实际…).
    Actual,
    /// Words that set a target for the whole sentence (确保, 拟, 规划, 要).
    Pledge,
    /// 目前, 当前, 截至目前: the document's year.
    Now,
    /// 十一五, 十二五, 十三五, 十四五: five-year plan periods.
    Plan,
    /// 分别: figures given in the order of the years or places before.
    Respectively,
    /// A cumulative total (累计, 累积, 共 as "in all").
    Cumulative,
    /// Every year of an unnamed span (每年, 年均, 连续).
    Yearly,
    /// A target label that scopes its sentence (目标:, 任务:, 目标是).
    TargetLabel,
    /// 明年: next year, so expected.
    NextYear,
    /// A group of areas (西部地区, 深度贫困地区, 片区, 重点县, 贫困县); 地区生产总值 is
    /// the economy's output, no group.
    AreaGroup,
    /// Verbs by which a measure reaches its beneficiaries (覆盖, 惠及, 辐射, 带动, 帮扶;
    /// 解决 of a problem solved for them: 解决了3.2万贫困人口饮水安全问题).
    Reach,
    /// The newly identified or newly added (新识别, 新增, 新纳入…): an inflow.
    New,
    /// A bound closing a relative clause (以上, 以下, 以内, 之间, before 的).
    Bound,
    /// Words that can make an income per person no measured rural income: town dwellers
    /// (城镇, 城市, 城乡), the income line of the watch against falling back (监测范围,
    /// 监测标准, 监测线), a value reset by rule (调整到, 调整为, 调整至). One list, so that
    /// most figures ask once; the few near one read which it is.
    IncomeLine,
}

pub(super) const CONTEXTS: usize = 23;

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
            (
                &[
                    "预计",
                    "预估",
                    "可带动",
                    "预期",
                    "有望",
                    "届时",
                    "可实现",
                    "可望",
                ],
                Ctx::Expected,
            ),
            (&["将贫困"], Ctx::WillPoor),
            (
                &[
                    "还有", "尚有", "仍有", "剩余", "仅剩", "还剩", "剩下", "尚余", "余下", "尚存",
                ],
                Ctx::Remain,
            ),
            (&["返贫"], Ctx::Relapse),
            (&["户均"], Ctx::PerHousehold),
            (&["实际"], Ctx::Actual),
            (&["确保", "拟", "规划", "要"], Ctx::Pledge),
            (&["目前", "当前", "截至目前", "截止目前"], Ctx::Now),
            (
                &[
                    "十一五",
                    "十二五",
                    "十三五",
                    "十四五",
                    "十八大",
                    "十九大",
                    "二十大",
                ],
                Ctx::Plan,
            ),
            (&["分别"], Ctx::Respectively),
            (&["累计", "累积", "共"], Ctx::Cumulative),
            (&["每年", "年均", "连续"], Ctx::Yearly),
            (&["目标:", "任务:", "目标是"], Ctx::TargetLabel),
            (&["明年"], Ctx::NextYear),
            (
                &["地区", "片区", "重点县", "贫困县", "省区"],
                Ctx::AreaGroup,
            ),
            (
                &["覆盖", "惠及", "辐射", "带动", "帮扶", "解决"],
                Ctx::Reach,
            ),
            (
                &["新识别", "新增", "新纳入", "新认定", "新评定", "新致贫"],
                Ctx::New,
            ),
            (&["以上", "以下", "以内", "之间"], Ctx::Bound),
            (
                &[
                    "城镇",
                    "城市",
                    "城乡",
                    "监测范围",
                    "监测标准",
                    "监测线",
                    "调整到",
                    "调整为",
                    "调整至",
                ],
                Ctx::IncomeLine,
            ),
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
    /// Relative times (今年, 去年, 目前, 过去五年, 十三五): where each starts and ends,
    /// and what it names.
    pub(super) relative: Vec<(usize, usize, Relative)>,
    pub(super) sentence_ends: Ends,
    pub(super) clause_ends: Ends,
    /// Line breaks: paragraphs end there.
    pub(super) paragraph_ends: Ends,
    /// Headings: short lines with no sentence or clause punctuation (2018年工作回顾),
    /// where each starts and ends.
    pub(super) headings: Vec<(usize, usize)>,
    /// Whether the chunk is hard-wrapped: a sentence may then hold line breaks.
    pub(super) wrapped: bool,
}

/// The marks of one sentence (see [`Marks::local`]): questions about stretches inside
/// it search only these.
#[derive(Clone, Copy, Default)]
pub(super) struct Local<'m> {
    pub(super) range: (usize, usize),
    /// Whether the chunk is hard-wrapped (see [`Marks::wrapped`]).
    pub(super) wrapped: bool,
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

    /// The words of list `c` that lie wholly within `range`, in order.
    pub(super) fn occurrences(
        &self,
        c: Ctx,
        range: (usize, usize),
    ) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.context
            .get(c as usize)
            .copied()
            .unwrap_or_default()
            .within(range)
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
            paragraph_ends,
            headings,
            wrapped,
        } = m;
        triggers.clear();
        context.iter_mut().for_each(Occurrences::clear);
        relative.clear();
        sentence_ends.0.clear();
        clause_ends.0.clear();
        paragraph_ends.0.clear();
        headings.clear();
        // Triggers do not overlap: a trigger is looked for only from here on.
        let mut trigger_from = 0;
        let mut from = 0;
        // Sentence ends are clause ends too: the ASCII ones are all the ASCII wanted.
        let ascii = |b: u8| is_clause_end(char::from(b));
        // In hard-wrapped text (a PDF copy) a line broken by the width goes on with the
        // same sentence.
        let wrap = crate::quantities::wrap::wrap_width(t);
        *wrapped = wrap.is_some();
        let mut line_from = 0;
        while let Some((pos, c)) = w.special.find_in(t, from, ascii) {
            from = pos + c.len_utf8();
            // A thousands separator (5,086万人) is inside a figure, no clause end; nor is
            // the comma a page converter doubles before a list separator (2900万个,、).
            if c == ','
                && (thousands_separator(t.as_bytes(), pos)
                    || crate::common::chars::starts(t, pos + 1, "、"))
            {
                continue;
            }
            if c == '\n' {
                let line = t.get(line_from..pos).unwrap_or("");
                line_from = pos + 1;
                if wrap.is_some_and(|w| crate::quantities::wrap::wrapped_line(line, w)) {
                    continue;
                }
            }
            // Most characters found start words: the ends are asked about only for
            // ASCII and the six full-width stops and marks that end a clause.
            if c.is_ascii() || matches!(c, '。' | '！' | '？' | '，' | '：' | '；') {
                if is_sentence_end(c) {
                    // 。 as a decimal point (由2015年的23。45%下降到…) is inside a
                    // figure: no end at all.
                    if c == '。' && crate::numerals::lex::decimal_stop(t.as_bytes(), pos) {
                        continue;
                    }
                    m.sentence_ends.0.push(pos);
                }
                if is_clause_end(c) {
                    m.clause_ends.0.push(pos);
                }
                if c == '\n' {
                    let line_start = m.paragraph_ends.0.last().map_or(0, |&e| e + 1);
                    if heading(t.get(line_start..pos).unwrap_or("")) {
                        m.headings.push((line_start, pos));
                    }
                    m.paragraph_ends.0.push(pos);
                }
                if c.is_ascii() {
                    continue;
                }
            }
            if c == '年' {
                let before = char_before(t, pos);
                let shift = match before {
                    Some('今' | '本') => Some(0),
                    Some('去' | '上') => Some(-1),
                    Some('明') => Some(1),
                    _ => None,
                };
                let start = pos.saturating_sub(before.map_or(0, char::len_utf8));
                // 比上年, 较去年, 同上年: the base of a comparison, not the figure's year.
                let compared = matches!(char_before(t, start), Some('比' | '较' | '同' | '于'));
                let end = pos + c.len_utf8();
                if let Some(d) = shift.filter(|_| !compared) {
                    m.relative.push((start, end, Relative::Year(d)));
                } else if let Some(n) = look_back(t, pos) {
                    m.relative.push((start, end, Relative::Last(n)));
                }
            }
            let rest = t.get(pos..).unwrap_or("");
            let h = crate::common::lexicon::head(rest);
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
                                } else if matches!(role, Role::Lift | Role::ExitedVillage)
                                    && negation_before(t, pos) > 0
                                {
                                    Some(Role::Remain)
                                } else {
                                    Some(role)
                                };
                                if let Some(role) = role {
                                    // A negated word's subject starts at its negation
                                    // (未脱贫人口).
                                    let neg = if role == Role::Remain {
                                        negation_before(t, pos)
                                    } else {
                                        0
                                    };
                                    m.triggers.push(Trigger {
                                        start: span.0.saturating_sub(neg),
                                        end: span.1,
                                        role,
                                    });
                                    trigger_from = span.1;
                                }
                            }
                        }
                    }
                    List::Context(c) if !context_word(t, pos, word, c) => {}
                    List::Context(Ctx::Now) => {
                        m.relative.push((span.0, span.1, Relative::Year(0)));
                    }
                    List::Context(Ctx::Plan) => {
                        if let Some(first) = plan_start(word) {
                            let after = t.get(span.1..).unwrap_or("");
                            let after = after.trim_start_matches(['”', '"', '」', '’', '\'']);
                            let since = after.starts_with("以来");
                            m.relative
                                .push((span.0, span.1, Relative::Plan { first, since }));
                        } else if let Some(first) = congress_start(word) {
                            // 党的十八大以来: from the year after the congress; the
                            // congress alone (十八大报告) is no span.
                            if t.get(span.1..).is_some_and(|a| a.starts_with("以来")) {
                                m.relative.push((span.0, span.1, Relative::Since(first)));
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
        let mut context = [Occ::default(); CONTEXTS];
        for ((slot, o), at) in context
            .iter_mut()
            .zip(&self.context)
            .zip(at.context.iter_mut())
        {
            *slot = o.starting_in(range, at);
        }
        Local {
            range,
            wrapped: self.wrapped,
            triggers: self.triggers.get(ta..tb).unwrap_or(&[]),
            context,
        }
    }

    /// Relative times within `from..pos`: the last one, where it starts, and the
    /// period it names in a document of date `doc` (`None` when it needs a date the
    /// document does not give: 4年来 with no date names no year, and hides none).
    pub(super) fn relative_period(
        &self,
        from: usize,
        pos: usize,
        doc: Option<DocDate>,
    ) -> Option<(usize, Option<Period>)> {
        let k = self.relative.partition_point(|&(_, e, _)| e <= pos);
        let &(start, _, rel) = self.relative.get(k.checked_sub(1)?)?;
        if start < from {
            return None;
        }
        Some((start, rel.resolve(doc)))
    }

    /// Whether a word of list `c` lies wholly within `range`, anywhere in the chunk.
    pub(super) fn has(&self, c: Ctx, range: (usize, usize)) -> bool {
        self.context
            .get(c as usize)
            .is_some_and(|o| o.all().any_within(range))
    }

    /// Where the paragraph holding `pos` starts.
    pub(super) fn paragraph_start(&self, pos: usize) -> usize {
        let k = self.paragraph_ends.0.partition_point(|&e| e < pos);
        k.checked_sub(1)
            .and_then(|j| self.paragraph_ends.0.get(j))
            .map_or(0, |&e| e + 1)
    }

    /// The last heading that ends before `pos`.
    pub(super) fn heading_before(&self, pos: usize) -> Option<(usize, usize)> {
        let k = self.headings.partition_point(|&(_, e)| e < pos);
        self.headings.get(k.checked_sub(1)?).copied()
    }
}

/// Whether the comma at `pos` separates thousands: a digit before it, a thousands group
/// after it (as the numeral lexer reads one).
fn thousands_separator(b: &[u8], pos: usize) -> bool {
    pos > 0
        && b.get(pos - 1).is_some_and(u8::is_ascii_digit)
        && crate::numerals::lex::group_at(b, pos + 1)
}

/// Whether a line is a heading that scopes what follows: short (at most 30
/// characters), with no sentence or clause punctuation, and not a report's title or
/// a page's dateline (报告, 公报, 来源, 发布).
fn heading(line: &str) -> bool {
    let line = line.trim();
    // A line that is a year alone (2013年底, 2019年末, 2020年) labels the lines after it,
    // as list-like pages write it; a full date (2019年12月23日) is a dateline instead.
    if year_label(line) {
        return true;
    }
    !line.is_empty()
        && line.len() <= 30 * 3
        && line.chars().count() <= 30
        && !line.contains(['。', ',', '，', ';', '；', '!', '?', '！', '？'])
        && !["报告", "公报", "来源", "发布", "时间"]
            .iter()
            .any(|w| line.contains(w))
        // Words, not a dateline (2019-10-29, 2019年12月23日).
        && line.chars().filter(|&c| is_cjk_char(c)).count() * 2 > line.chars().count()
}

/// Whether a line is a year and nothing else: four digits, 年, and at most 底, 末 or
/// 初 (年底, 年末, 年初).
fn year_label(line: &str) -> bool {
    let (year, rest) = line.split_at_checked(4).unwrap_or(("", ""));
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && matches!(
            rest,
            "年" | "年底" | "年末" | "年初" | "底" | "末" | "年年底" | "年年末"
        )
}

/// The length in bytes of the negation right before the lifting word at `at` (未脱贫,
/// 尚未出列, 没有脱贫, 不能退出; 0 for none): what such a word counts has not been
/// lifted out.
pub(super) fn negation_before(t: &str, at: usize) -> usize {
    let before = t.get(..at).unwrap_or("");
    ["没有", "无法", "不能", "未", "没", "不"]
        .iter()
        .find(|w| before.ends_with(*w))
        .map_or(0, |w| w.len())
}

/// Whether a context word at `pos` means what its list says here: 返贫 in 防止返贫 or
/// 返贫风险 is the watch, not a fall; 要 in 主要, 需要, 要求 is no pledge; 拟 in 模拟 is
/// no plan; 实际 in 实际困难, 结合实际 is no measured figure.
fn context_word(t: &str, pos: usize, word: &str, c: Ctx) -> bool {
    let before = t.get(..pos).unwrap_or("");
    let after = t.get(pos + word.len()..).unwrap_or("");
    let prev = before.chars().next_back().unwrap_or(' ');
    let next = after.chars().next().unwrap_or(' ');
    match c {
        Ctx::Relapse => {
            !(before.ends_with("防止")
                || before.ends_with('防')
                || before.ends_with('致')
                || ["监测", "风险", "致贫"]
                    .iter()
                    .any(|w| after.starts_with(w)))
        }
        Ctx::Pledge if word == "要" => {
            !"主需重只纲摘概首简必想紧提纪政不还就也都".contains(prev)
                && !"求素点闻件害是有的紧".contains(next)
        }
        // 计划生育 (family planning) and 计划单列 are names of policies, not plans.
        Ctx::Target if word == "计划" => !after.starts_with("生育") && !after.starts_with("单列"),
        // 规划 as a verb opens its clause (规划建设扶贫车间15个); after another word it
        // is a noun (因地制宜规划, 产业规划), save as what the figures follow (根据规划,
        // 按照规划, 按规划: what the plan says is to be).
        Ctx::Pledge if word == "规划" => !is_cjk_char(prev) || "将拟要并再据照按".contains(prev),
        // 地区生产总值 is no group; 5个贫困县摘帽 counts counties, it names no subject.
        // 农村地区 is the countryside of the whole, where poverty is counted, no group.
        Ctx::AreaGroup if word == "地区" => {
            !after.starts_with("生产") && !before.ends_with("农村")
        }
        Ctx::AreaGroup => !matches!(prev, '个' | '個') && !prev.is_ascii_digit(),
        Ctx::Bound => after.trim_start().starts_with('的'),
        // 共 as "in all" (共发放, 共计), not 共有 ("there are") or 共同.
        Ctx::Cumulative if word == "共" => !matches!(next, '有' | '同'),
        Ctx::Pledge if word == "拟" => !"模虚草".contains(prev) && next != '定',
        Ctx::Actual => {
            !(before.ends_with("结合")
                || before.ends_with("切合")
                || before.ends_with('从')
                || ["困难", "情况", "问题", "需要", "需求", "出发"]
                    .iter()
                    .any(|w| after.starts_with(w)))
        }
        _ => true,
    }
}

/// Where `word` last occurs in `hay`, found from its first character (a byte search):
/// the short words asked about in a figure's clause cost no searcher set-up, as
/// `str::rfind` with a string pattern does for each call.
pub(super) fn rfind_word(hay: &str, word: &str) -> Option<usize> {
    let first = word.chars().next()?;
    hay.rmatch_indices(first)
        .map(|(i, _)| i)
        .find(|&i| hay.get(i..).is_some_and(|r| r.starts_with(word)))
}

/// Whether `word` occurs in `hay` (see [`rfind_word`]).
pub(super) fn has_word(hay: &str, word: &str) -> bool {
    rfind_word(hay, word).is_some()
}
