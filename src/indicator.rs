//! Poverty indicators: what each figure measures, when and where.

use crate::chars::{char_at, char_before};
use crate::extract::{Cursor, Found, TimeKind, TimeRaw};
use crate::lexicon::{CharSet, Lexicon, Occ, Occurrences, bound_from, sweep};
use crate::quantity::{Raw, is_cjk_char};
use crate::unit::named_enum;
use crate::{ParseError, ParseErrorKind, Quantity, Span, Unit};
use core::fmt;
use core::iter::FusedIterator;
use core::str::FromStr;

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

/// The year or years a figure refers to.
///
/// ```
/// use fupin::{Period, extract};
/// let found: Vec<_> = extract("2016年至2019年全县累计脱贫1.2万人。").collect();
/// assert_eq!(found[0].period, Some(Period { start: 2016, end: 2019 }));
/// ```
// Two years, forever: a period with more fields would be another type.
#[allow(clippy::exhaustive_structs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Period {
    /// The first year.
    pub start: i32,
    /// The last year (equal to `start` for one year).
    pub end: i32,
}

/// The earlier value of a change (由A下降到B: A), with its own period.
///
/// ```
/// use fupin::{Period, extract};
/// let text = "全县贫困发生率由2014年的17.3%下降到2019年的0.5%。";
/// let ind = extract(text).next().expect("an indicator");
/// assert_eq!(ind.quantity.text, "0.5%");
/// let previous = ind.previous.expect("the earlier value");
/// assert_eq!(previous.quantity.text, "17.3%");
/// assert_eq!(previous.period, Some(Period { start: 2014, end: 2014 }));
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Previous {
    /// The earlier quantity, with its span in the original text.
    pub quantity: Quantity<'static>,
    /// Its period, where the text gives one.
    pub period: Option<Period>,
}

/// A figure that the text ties to a poverty indicator.
///
/// Owned, `Send + Sync`, serializable and deserializable (feature `serde`) as the flat
/// JSON of spec section 5.
///
/// ```
/// use fupin::{IndicatorKind, Unit, extract};
/// let text = "2019年底,石岭县建档立卡贫困人口由28615人减少到121人。";
/// let ind = extract(text).next().expect("an indicator");
/// assert_eq!(ind.kind, IndicatorKind::PoorPopulation);
/// assert_eq!((ind.quantity.value.to_string(), ind.quantity.unit), ("121".into(), Some(Unit::Person)));
/// assert_eq!(&text[ind.quantity.span], "121人");
/// assert_eq!(ind.subject, "建档立卡贫困人口");
/// assert_eq!(ind.region.as_deref(), Some("石岭县"));
///
/// // The JSON reads back to the same record (feature `serde`).
/// let json = serde_json::to_string(&ind)?;
/// assert_eq!(serde_json::from_str::<fupin::PovertyIndicator>(&json)?, ind);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PovertyIndicator {
    /// What it measures.
    pub kind: IndicatorKind,
    /// The figure, with its span in the original text.
    pub quantity: Quantity<'static>,
    /// The words that tied the figure to its kind, as written (建档立卡贫困人口).
    pub subject: String,
    /// Byte span of the subject in the original text.
    pub subject_span: Span,
    /// The year or years it refers to, where the text says so.
    pub period: Option<Period>,
    /// The place it belongs to: a place named in its clause, else the document's main
    /// county or city, found from the text.
    pub region: Option<String>,
    /// The earlier value of a change (由A下降到B).
    pub previous: Option<Previous>,
    /// Actual, target or expected.
    pub modality: Modality,
}

/// Options for [`extract`]: build with [`Extractor::new`], then call
/// [`Extractor::extract`].
///
/// ```
/// use fupin::{Extractor, IndicatorKind, Period};
///
/// let text = "今年初全县建档立卡贫困人口5767户10473人。";
/// let found: Vec<_> = Extractor::new().date(2017, 6, 9).extract(text).collect();
/// assert_eq!(found[1].kind, IndicatorKind::PoorPopulation);
/// assert_eq!(found[1].period, Some(Period { start: 2017, end: 2017 }));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    date: Option<(i32, u8, u8)>,
    _private: (),
}

impl Extractor {
    /// Default options: the document date is read from the text's header, if any.
    #[must_use]
    pub const fn new() -> Extractor {
        Extractor {
            date: None,
            _private: (),
        }
    }

    /// The document's date, for 今年, 去年, 上年, 明年 and `2016年以来`.
    #[must_use]
    pub const fn date(mut self, year: i32, month: u8, day: u8) -> Extractor {
        self.date = Some((year, month, day));
        self
    }

    /// Finds the indicators of `text`, in source order.
    #[must_use]
    pub fn extract<'t>(&self, text: &'t str) -> Indicators<'t> {
        Indicators {
            cursor: Cursor::new(text),
            date: self.date,
            info: None,
            queue: std::collections::VecDeque::new(),
            items: Vec::new(),
            scratch: Scratch::default(),
            started: false,
            done: false,
        }
    }
}

/// The indicators of a text, in source order; see [`extract`].
///
/// Reads the text a piece at a time (at most 64 KiB, cut after line breaks), so
/// memory is bounded by the piece and what is found in it, whatever the text's size.
///
/// ```
/// use fupin::IndicatorKind;
/// let text = "全县有贫困村46个,建档立卡贫困户9342户。";
/// let kinds: Vec<IndicatorKind> = fupin::extract(text).map(|i| i.kind).collect();
/// assert_eq!(kinds, [IndicatorKind::PoorVillages, IndicatorKind::PoorHouseholds]);
/// ```
#[derive(Debug)]
pub struct Indicators<'t> {
    cursor: Cursor<'t>,
    date: Option<(i32, u8, u8)>,
    info: Option<DocInfo>,
    /// The current chunk's indicators, decided but not yet built: each is built (its
    /// strings allocated) when asked for, so a caller that handles one at a time holds
    /// one at a time.
    queue: std::collections::VecDeque<Pending>,
    /// The figures of the current chunk that the queue refers to.
    items: Vec<Item>,
    /// Lists filled anew for each chunk, kept so that their memory is reused.
    scratch: Scratch,
    started: bool,
    done: bool,
}

/// An indicator of the current chunk, decided, with nothing allocated yet.
#[derive(Clone, Debug)]
struct Pending {
    kind: IndicatorKind,
    /// The figure: an index into the chunk's items.
    item: usize,
    /// The trigger word the kind came from (offsets in the cleaned chunk).
    subject: Option<(usize, usize)>,
    period: Option<Period>,
    /// A place named in the figure's clause; `None` for the document's main region.
    region: Option<String>,
    /// The figure it changed from (an item index), with its own period.
    previous: Option<(usize, Option<Period>)>,
    modality: Modality,
}

impl Pending {
    /// The indicator, with its spans in the whole document.
    fn build(
        self,
        cursor: &mut Cursor<'_>,
        items: &[Item],
        main_region: Option<&String>,
    ) -> Option<PovertyIndicator> {
        let raw = &items.get(self.item)?.raw;
        // In text order (a previous value comes first): the offset map is searched
        // forward from the last span.
        let previous = self.previous.and_then(|(j, period)| {
            Some(Previous {
                quantity: cursor.quantity(&items.get(j)?.raw).into_owned(),
                period,
            })
        });
        let quantity = cursor.quantity(raw).into_owned();
        let (subject, subject_span) = match self.subject {
            Some((a, b)) => {
                let (text, span) = cursor.original(Span::new(a, b));
                (text.to_owned(), span)
            }
            None => (String::new(), quantity.span),
        };
        Some(PovertyIndicator {
            kind: self.kind,
            quantity,
            subject,
            subject_span,
            period: self.period,
            region: self.region.or_else(|| main_region.cloned()),
            previous,
            modality: self.modality,
        })
    }
}

impl Iterator for Indicators<'_> {
    type Item = PovertyIndicator;

    fn next(&mut self) -> Option<PovertyIndicator> {
        loop {
            if let Some(p) = self.queue.pop_front() {
                let main = self.info.as_ref().and_then(|i| i.region.as_ref());
                if let Some(found) = p.build(&mut self.cursor, &self.items, main) {
                    return Some(found);
                }
                continue;
            }
            if self.done {
                return None;
            }
            if self.started && !self.cursor.advance() {
                self.done = true;
                return None;
            }
            self.started = true;
            chunk_indicators(self);
        }
    }
}

impl FusedIterator for Indicators<'_> {}

/// Finds the poverty indicators of a report: figures tied to a kind, with period,
/// region, previous value and modality. Same as `Extractor::new().extract(text)`.
///
/// Precision comes first: a figure whose clause names no indicator is left out, and
/// so are near-misses (贫困乡镇发生率, 地质灾害搬迁, a road's 总投资).
///
/// ```
/// use fupin::{extract, IndicatorKind};
///
/// let text = "2016年全县贫困发生率由19.7%下降到15.2%。";
/// let found: Vec<_> = extract(text).collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].kind, IndicatorKind::PovertyIncidence);
/// assert_eq!(found[0].quantity.value.to_string(), "15.2");
/// assert_eq!(found[0].previous.as_ref().map(|p| &*p.quantity.text), Some("19.7%"));
/// ```
#[must_use]
pub fn extract(text: &str) -> Indicators<'_> {
    Extractor::new().extract(text)
}

/// What a trigger word says about the figures near it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A population noun: poor people or households (贫困人口, 贫困户, 贫困对象).
    Poor,
    /// Poor villages (贫困村).
    PoorVillage,
    /// Lifted out (脱贫, 退出, 出列, 摘帽).
    Lift,
    /// Exited villages as a noun (脱贫村).
    ExitedVillage,
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
static TRIGGERS: &[(&str, Role)] = {
    use IndicatorKind as K;
    use Role as R;
    &[
        ("贫困发生率", R::Kind(K::PovertyIncidence)),
        ("人均可支配收入", R::Kind(K::PerCapitaDisposableIncome)),
        ("人均纯收入", R::Kind(K::PerCapitaNetIncome)),
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
        ("易地扶贫搬迁", R::Kind(K::RelocatedPopulation)),
        ("易地搬迁", R::Kind(K::RelocatedPopulation)),
        ("搬迁", R::Kind(K::RelocatedPopulation)),
        ("入住", R::Kind(K::RelocatedPopulation)),
        ("危房改造", R::Kind(K::HousingRenovation)),
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
        ("参保", R::Enrolment),
        ("养老保险", R::Enrolment),
        ("资助", R::Aid),
        ("公益岗位", R::Posts),
        ("就业岗位", R::Posts),
        ("岗位", R::Posts),
        ("就业", R::Kind(K::Employment)),
        ("务工", R::Kind(K::Employment)),
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
fn blocked(t: &str, at: usize, word: &str) -> bool {
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
        }
        "干部" => before.ends_with("党员") || before.ends_with("帮扶"),
        "资金" => ["扶贫", "帮扶", "衔接", "整合", "涉农"]
            .iter()
            .any(|w| before.ends_with(w)),
        "投资" => before.ends_with('总'),
        "增收" => before.ends_with("集体"),
        _ => false,
    }
}

/// A trigger word that names something else here: 地质灾害搬迁, 非贫困村.
fn near_miss(t: &str, at: usize, word: &str) -> bool {
    let before = t.get(..at).unwrap_or("");
    match word {
        "搬迁" => before.ends_with("灾害") || before.ends_with("避险"),
        "贫困村" | "脱贫村" | "贫困户" | "贫困人口" => before.ends_with('非'),
        _ => false,
    }
}

/// Words that mark a poverty context, which generic fund words need.
static POVERTY_CONTEXT: &[&str] = &[
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
static ASSIST_VERBS: &[&str] = &[
    "帮扶", "结对", "包保", "包联", "选派", "下派", "驻村", "挂职", "派驻", "互派", "帮包",
];

#[derive(Clone, Copy, Debug)]
struct Trigger {
    start: usize,
    end: usize,
    role: Role,
}

/// A figure with its place in the document.
#[derive(Clone, Debug)]
struct Item {
    raw: Raw,
    sentence: (usize, usize),
    clause: (usize, usize),
}

/// What holds for the whole document: its year and main region, read from its first
/// chunk (64 KiB: the whole of most reports, and their title and header in any case).
#[derive(Clone, Debug)]
struct DocInfo {
    year: Option<i32>,
    region: Option<String>,
}

/// Sentences end at full stops and line breaks; a semicolon goes on with the same
/// time and place (2014年,全县…;农村居民人均可支配收入仅4127元).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | '！' | '？' | '\n')
}

fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | '，' | ':' | '：' | '(' | ')' | ';' | '；')
}

/// Where the stretches of a text end: the offsets of the characters for which `end`
/// holds, found in one pass, so that each figure's sentence and clause are two binary
/// searches.
#[derive(Default)]
struct Ends(Vec<usize>);

impl Ends {
    /// The bounds of the stretch around `pos` (`t` is the text this was built from).
    /// `k` is where the last call left off: positions asked in order cost nothing to
    /// find.
    fn around(&self, t: &str, pos: usize, k: &mut usize) -> (usize, usize) {
        *k = bound_from(&self.0, *k, pos, |&i| i);
        let start = k
            .checked_sub(1)
            .and_then(|j| self.0.get(j))
            .map_or(0, |&i| i + char_at(t, i).map_or(1, char::len_utf8));
        let stop = self.0.get(*k).copied().unwrap_or(t.len());
        (start, stop)
    }
}

/// How far a figure's sentence or clause reaches on either side, in bytes: words further
/// off do not describe it, and a text with no sentence breaks (百分之百分之…) stays
/// linear.
const REACH: usize = 1500;

/// `bounds` cut to `REACH` bytes either side of the figure, on char boundaries.
fn window(t: &str, bounds: (usize, usize), raw: &Raw) -> (usize, usize) {
    let mut start = bounds.0.max(raw.start.saturating_sub(REACH));
    while !t.is_char_boundary(start) {
        start += 1;
    }
    let mut end = bounds.1.min(raw.end.saturating_add(REACH)).max(raw.end);
    while !t.is_char_boundary(end) {
        end -= 1;
    }
    (start.min(raw.start), end)
}

fn chars_between(t: &str, a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    t.get(a..b).map_or(0, |s| s.chars().count())
}

/// The indicators of the cursor's current chunk, in order, with spans into the whole
/// document; `info` is filled from the first chunk when it is `None`.
fn chunk_indicators(ind: &mut Indicators<'_>) {
    let Indicators {
        cursor,
        date,
        info,
        queue: out,
        items,
        scratch: Scratch { marks, times },
        ..
    } = ind;
    let date = *date;
    // The marks first: each figure's sentence and clause are found as it is read,
    // and figures go straight into their items.
    marks.fill(cursor.norm.as_str());
    let marks = &*marks;
    let sentence_ends = &marks.sentence_ends;
    let clause_ends = &marks.clause_ends;
    let (mut ks, mut kc) = (0, 0);
    items.clear();
    times.clear();
    out.clear();
    while let Some(f) = cursor.next_in_chunk() {
        match f {
            Found::Quantity { raw, damaged } => {
                if !damaged && raw.unit.is_some() {
                    let t = cursor.norm.as_str();
                    let sentence = window(t, sentence_ends.around(t, raw.num_start, &mut ks), &raw);
                    let clause = window(t, clause_ends.around(t, raw.num_start, &mut kc), &raw);
                    items.push(Item {
                        raw,
                        sentence,
                        clause,
                    });
                }
            }
            Found::Time(tr) => times.push(tr),
        }
    }
    let cursor = &*cursor;
    let t = cursor.norm.as_str();
    let info = info.get_or_insert_with(|| DocInfo {
        year: date.map(|d| d.0).or_else(|| header_year(times, t)),
        region: main_region(t, &marks.places),
    });
    let doc_year = info.year;
    let items = &*items;
    let times = &*times;
    let mut used_as_previous = vec![false; items.len()];
    let mut kinds: Vec<Option<IndicatorKind>> = vec![None; items.len()];
    let mut subjects: Vec<Option<Trigger>> = vec![None; items.len()];
    let mut local = Local::default();
    let mut at = Sweeps::default();
    let locals: Vec<Local<'_>> = items
        .iter()
        .map(|item| {
            if local.range != item.sentence {
                local = marks.local(item.sentence, &mut at);
            }
            local
        })
        .collect();
    for (i, ctx) in locals.iter().enumerate() {
        let choice = decide(t, items, &kinds, i, ctx);
        // An inherited kind keeps the words of the figure it came from.
        let trig = choice.and_then(|c| c.1).or_else(|| {
            choice.and(
                i.checked_sub(1)
                    .and_then(|j| subjects.get(j).copied().flatten()),
            )
        });
        if let (Some(slot), Some(sub)) = (kinds.get_mut(i), subjects.get_mut(i)) {
            *slot = choice.map(|c| c.0);
            *sub = trig;
        }
    }
    // 由A…到B: A becomes B's previous value.
    let mut previous_of: Vec<Option<usize>> = vec![None; items.len()];
    for i in 0..items.len() {
        if let Some(j) = previous_index(t, items, i) {
            if let Some(p) = previous_of.get_mut(i) {
                *p = Some(j);
            }
            if let Some(u) = used_as_previous.get_mut(j) {
                *u = true;
            }
        }
    }
    let mut times_at = (0, 0);
    for (i, item) in items.iter().enumerate() {
        if used_as_previous.get(i).copied().unwrap_or(false) {
            continue;
        }
        let Some(kind) = kinds.get(i).copied().flatten() else {
            continue;
        };
        let trig = subjects.get(i).copied().flatten();
        let prev_item = previous_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|j| items.get(j));
        let period = match prev_item {
            // 由2014年的17.3%下降到2020年的0%: B's own year stands between A and B;
            // else the sentence's year before 由 (截至2020年底,…由…下降到…).
            Some(p) => own_period(t, marks, item.raw.num_start, p.raw.end, times, doc_year)
                .or_else(|| {
                    let from =
                        change_opener(t, (item.sentence.0, p.raw.start)).unwrap_or(p.raw.start);
                    own_period(t, marks, from, item.sentence.0, times, doc_year)
                }),
            None => period_for(
                t,
                marks,
                item.raw.num_start,
                item.sentence,
                times,
                doc_year,
                &mut times_at,
            ),
        };
        let previous = previous_of.get(i).copied().flatten().and_then(|j| {
            let p = items.get(j)?;
            let from = change_opener(t, (p.sentence.0, p.raw.start)).unwrap_or(p.sentence.0);
            let period = own_period(t, marks, p.raw.num_start, from, times, doc_year);
            Some((j, period))
        });
        out.push_back(Pending {
            kind,
            item: i,
            subject: trig.map(|tr| (tr.start, tr.end)),
            period,
            region: clause_region(t, &marks.places, item),
            previous,
            modality: modality(t, locals.get(i).copied().unwrap_or_default(), item),
        });
    }
}

/// The lists [`chunk_indicators`] fills for each chunk, kept by [`Indicators`] so that
/// their memory is reused from chunk to chunk.
#[derive(Default)]
struct Scratch {
    marks: Marks,
    times: Vec<TimeRaw>,
}

impl core::fmt::Debug for Scratch {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Scratch").finish_non_exhaustive()
    }
}

/// The kind of item `i`: from its clause, else from the clause before it, else from a
/// measure word elsewhere in its sentence; none in a clause about something else.
fn decide(
    t: &str,
    items: &[Item],
    kinds: &[Option<IndicatorKind>],
    i: usize,
    ctx: &Local<'_>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let item = items.get(i)?;
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
    let own = classify(t, item, group_end(t, items, i), ctx);
    // 其中…: a part of the figure before, of the same kind (…163户414人(其中建档立卡贫困对象161户409人)).
    let clause_head = t.get(item.clause.0..raw.start).unwrap_or("");
    if clause_head.starts_with("其中") {
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
        return own;
    }
    if own.is_some() {
        return own;
    }
    if near_miss {
        return None;
    }
    inherit(t, items, kinds, i).or_else(|| sentence_fallback(t, items, item, triggers))
}

/// The kind of the same family for `unit`: relocated people and households, and so on.
fn sibling(k: IndicatorKind, unit: Unit) -> Option<IndicatorKind> {
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

/// Where the group of figures written together with item `i` ends (6576户17990人,
/// 261153人次、8776.57万元).
fn group_end(t: &str, items: &[Item], i: usize) -> usize {
    let mut end = items.get(i).map_or(0, |x| x.raw.end);
    for next in items.iter().skip(i + 1) {
        let gap = t.get(end..next.raw.start).unwrap_or("x");
        if gap
            .chars()
            .all(|c| matches!(c, '、' | ' ' | ',' | '和' | '及'))
            && chars_between(t, end, next.raw.start) <= 2
        {
            end = next.raw.end;
        } else {
            break;
        }
    }
    end
}

/// Which list a word of the one-pass lexicon belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum List {
    /// `TRIGGERS`, with the index of the word there.
    Trigger(usize),
    /// A list of context words.
    Context(Ctx),
}

/// Lists of context words, whose occurrences a figure's stretches are asked about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
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

const CONTEXTS: usize = 6;

impl List {
    /// A number of its own for each list: the triggers, then each context list.
    fn slot(self) -> usize {
        match self {
            List::Trigger(_) => 0,
            List::Context(c) => 1 + c as usize,
        }
    }
}

/// Every word looked up in a chunk, in one lexicon, and the characters at which the
/// one pass of [`Marks::fill`] has something to do.
struct Words {
    words: Vec<&'static str>,
    lists: Vec<List>,
    lx: Lexicon,
    special: CharSet,
    name_stop: CharSet,
}

fn words() -> &'static Words {
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
        special.push_str("。！？，：；县市镇乡村年");
        Words {
            words,
            lists,
            lx,
            special: CharSet::new(&special),
            name_stop: CharSet::new(NAME_STOPS),
        }
    })
}

/// A place name: one to three characters and a suffix (县, 市, 镇, 乡, 村).
#[derive(Clone, Copy, Debug)]
struct Place {
    start: usize,
    /// Where the suffix starts; the name ends after it.
    suffix: usize,
    end: usize,
    kind: char,
}

/// What one pass over a chunk finds: trigger words, context words, sentence and clause
/// ends, relative years and place names, each sorted by position, so that every figure
/// asks about its own stretch with binary searches instead of reading it again.
#[derive(Default)]
struct Marks {
    triggers: Vec<Trigger>,
    /// The context words of each list, by `Ctx`.
    context: [Occurrences; CONTEXTS],
    /// 今年, 本年 (0), 去年, 上年 (-1), 明年 (1): where each starts, and the shift.
    relative: Vec<(usize, i32)>,
    places: Vec<Place>,
    sentence_ends: Ends,
    clause_ends: Ends,
}

/// The marks of one sentence (see [`Marks::local`]): questions about stretches inside
/// it search only these.
#[derive(Clone, Copy, Default)]
struct Local<'m> {
    range: (usize, usize),
    triggers: &'m [Trigger],
    context: [Occ<'m>; CONTEXTS],
}

impl Local<'_> {
    /// Whether a word of list `c` lies wholly within `range`.
    fn has(&self, c: Ctx, range: (usize, usize)) -> bool {
        self.context
            .get(c as usize)
            .is_some_and(|o| o.any_within(range))
    }
}

/// Where [`Marks::local`] found the last sentence in each list.
#[derive(Default)]
struct Sweeps {
    triggers: (usize, usize),
    context: [(usize, usize); CONTEXTS],
}

impl Marks {
    /// Finds the marks of `t`, in place of those of the last chunk (their memory is
    /// kept: the lists grow once per document, not once per chunk).
    fn fill(&mut self, t: &str) {
        let w = words();
        let m = self;
        // Every list named, so that a new one cannot be left holding the last chunk's.
        let Marks {
            triggers,
            context,
            relative,
            places,
            sentence_ends,
            clause_ends,
        } = m;
        triggers.clear();
        context.iter_mut().for_each(Occurrences::clear);
        relative.clear();
        places.clear();
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
            if matches!(c, '县' | '市' | '镇' | '乡' | '村') {
                let mut start = pos;
                let head = t.get(..pos).unwrap_or("");
                for (j, h) in head.char_indices().rev().take(3) {
                    if !is_cjk_char(h) || w.name_stop.contains(h) {
                        break;
                    }
                    start = j;
                }
                if start < pos {
                    m.places.push(Place {
                        start,
                        suffix: pos,
                        end: pos + c.len_utf8(),
                        kind: c,
                    });
                }
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
    fn local(&self, range: (usize, usize), at: &mut Sweeps) -> Local<'_> {
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
    fn relative_year(
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

/// The kind a role gives a figure of `unit` (with its classifier and noun).
fn kind_for(role: Role, raw: &Raw, t: &str, lifted: bool) -> Option<IndicatorKind> {
    use IndicatorKind as K;
    let unit = raw.unit?;
    let noun = raw.noun.and_then(|(a, b)| t.get(a..b)).unwrap_or("");
    let villages = unit == Unit::Count
        && raw.classifier == Some("个")
        && noun.ends_with('村')
        && !noun.contains("行政村");
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

/// The triggers that lie within `range` (triggers are sorted by position).
fn within(triggers: &[Trigger], range: (usize, usize)) -> &[Trigger] {
    let a = triggers.partition_point(|tr| tr.start < range.0);
    let b = triggers.partition_point(|tr| tr.start < range.1);
    let inside = triggers.get(a..b.max(a)).unwrap_or(&[]);
    // The last one may run past the end of the range.
    match inside.last() {
        Some(last) if last.end > range.1 => inside.get(..inside.len() - 1).unwrap_or(&[]),
        _ => inside,
    }
}

/// Whether a lifting word (脱贫, 退出, 出列) stands in the clause of the item.
fn lifted_in(triggers: &[Trigger], clause: (usize, usize)) -> bool {
    within(triggers, clause)
        .iter()
        .any(|tr| tr.role == Role::Lift)
}

/// Picks the kind of an item from the trigger words of its clause: the nearest word
/// that fits its unit; measure words (verbs) before population nouns.
fn classify(
    t: &str,
    item: &Item,
    group_end: usize,
    ctx: &Local<'_>,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let raw = &item.raw;
    let triggers = ctx.triggers;
    let (cs, ce) = item.clause;
    let lifted = lifted_in(triggers, item.clause);
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
    // (tier, score, kind, trigger): tier 0 for measure words, 1 for population nouns.
    let mut best: Option<(u8, usize, IndicatorKind, Option<Trigger>)> = None;
    let mut consider = |tier: u8, score: usize, k: IndicatorKind, tr: Option<Trigger>| {
        if best.as_ref().is_none_or(|b| (tier, score) < (b.0, b.1)) {
            best = Some((tier, score, k, tr));
        }
    };
    // A figure's own noun (1.6万贫困人口, 78个贫困村) is a trigger at distance 0.
    if let Some((a, b)) = raw.noun {
        if let Some(tr) = within(triggers, (a, b)).last().copied() {
            if tr.role == Role::NearMiss {
                return None;
            }
            if let Some(k) = kind_for(tr.role, raw, t, lifted) {
                consider(tier(tr.role), 0, k, Some(tr));
            }
        }
    }
    for tr in within(triggers, (cs, ce)) {
        let (distance, after) = if tr.end <= raw.num_start {
            (chars_between(t, tr.end, raw.start), false)
        } else if tr.start >= group_end {
            (chars_between(t, group_end, tr.start), true)
        } else {
            continue;
        };
        match tr.role {
            Role::NearMiss if distance <= 4 => return None,
            Role::GenericFunds | Role::Kind(IndicatorKind::Employment) if !poverty_context => {
                continue;
            }
            Role::Enrolment if !poor_clause => continue,
            Role::Cadre if !assisting => continue,
            // A population noun after the figure names it only when it follows at once
            // (6448户14571人贫困人口); 50户企业…与贫困户 is not.
            Role::Poor if after && distance > 2 => continue,
            // Village counts take the village word right next to them (脱贫村135个,
            // 78个是贫困村), not one further off (贫困村“一村一品”专业村8个).
            Role::PoorVillage | Role::ExitedVillage if distance > 1 && raw.noun.is_none() => {
                continue;
            }
            _ => {}
        }
        let Some(k) = kind_for(tr.role, raw, t, lifted) else {
            continue;
        };
        // Specific fund words (低保、五保资金) before the generic 资金 next to them.
        let extra = usize::from(tr.role == Role::GenericFunds) * 3;
        consider(tier(tr.role), distance + extra, k, Some(*tr));
    }
    best.map(|(_, _, k, tr)| (k, tr))
}

fn tier(role: Role) -> u8 {
    match role {
        Role::Poor | Role::PoorVillage => 1,
        _ => 0,
    }
}

/// When the clause names nothing: a measure word elsewhere in the sentence (做好“易地搬迁”
/// 文章,…,两年内对163户414人…进行易地搬迁; 社会保障兜底,…标准人均3140元). Before the
/// figure any measure word counts; after it only relocation and renovation, which end
/// such sentences.
fn sentence_fallback(
    t: &str,
    items: &[Item],
    item: &Item,
    triggers: &[Trigger],
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let raw = &item.raw;
    // A word that already names another figure of the same unit, nearer to it, is that
    // figure's (利用扶贫资金195万元…,两年后每年收入可达100多万元).
    let same_sentence = {
        let a = items.partition_point(|o| o.raw.start < item.sentence.0);
        let b = items.partition_point(|o| o.raw.start < item.sentence.1);
        items.get(a..b.max(a)).unwrap_or(&[])
    };
    let taken = |tr: &Trigger| {
        same_sentence.iter().any(|o| {
            o.raw.unit == raw.unit
                && o.raw.start != raw.start
                && (tr.end <= o.raw.start && o.raw.end <= raw.start
                    || raw.end <= o.raw.start && o.raw.end <= tr.start)
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
fn inherit(
    t: &str,
    items: &[Item],
    kinds: &[Option<IndicatorKind>],
    i: usize,
) -> Option<(IndicatorKind, Option<Trigger>)> {
    let item = items.get(i)?;
    if chars_between(t, item.clause.0, item.raw.start) > 10 {
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

/// For 由A下降到B, 从A增加到B: the index of A for B = item `i`.
fn previous_index(t: &str, items: &[Item], i: usize) -> Option<usize> {
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
            "下降", "增加", "增长", "提高", "减少", "降低", "上升", "提升", "降",
        ]
        .iter()
        .any(|w| between.contains(w));
    if !changed {
        return None;
    }
    let from = change_opener(t, (item.sentence.0, prev.raw.start))?;
    let from_to_a = t.get(from..prev.raw.start)?.chars().count();
    (from_to_a <= 12).then_some(j)
}

/// Where the 由 (else the 从) that opens a change (由A下降到B, 从A增加到B) stands in
/// `range` of `t`: the last one.
fn change_opener(t: &str, range: (usize, usize)) -> Option<usize> {
    let head = t.get(range.0..range.1)?;
    let k = head.rfind('由').or_else(|| head.rfind('从'))?;
    Some(range.0 + k)
}

fn year_of_time(tr: &TimeRaw) -> Option<Period> {
    let y = tr.year?;
    Some(Period {
        start: y,
        end: tr.end_year.unwrap_or(y),
    })
}

/// The period of a figure: the nearest time expression before it in its sentence, else
/// one after it in its sentence; `2016年以来` runs to the document's year.
/// `at` keeps the bounds in `times` found for the last figure: figures asked in order
/// cost a few steps each (see [`sweep`]).
fn period_for(
    t: &str,
    marks: &Marks,
    pos: usize,
    sentence: (usize, usize),
    times: &[TimeRaw],
    doc_year: Option<i32>,
    at: &mut (usize, usize),
) -> Option<Period> {
    let (a, b) = sweep(times, (sentence.0, pos), at, |tr| tr.start);
    own_period_in(
        t,
        marks,
        pos,
        sentence.0,
        times.get(a..b).unwrap_or(&[]),
        doc_year,
    )
    .or_else(|| {
        let after = times.get(b).filter(|tr| tr.end <= sentence.1)?;
        since(t, after, doc_year).or_else(|| year_of_time(after))
    })
}

fn since(t: &str, tr: &TimeRaw, doc_year: Option<i32>) -> Option<Period> {
    if tr.kind == TimeKind::Year && t.get(tr.end..).is_some_and(|r| r.starts_with("以来")) {
        let y = tr.year?;
        let end = doc_year?;
        return (end >= y).then_some(Period { start: y, end });
    }
    None
}

/// The nearest time expression (or relative year) before `pos`, not before `from`.
fn own_period(
    t: &str,
    marks: &Marks,
    pos: usize,
    from: usize,
    times: &[TimeRaw],
    doc_year: Option<i32>,
) -> Option<Period> {
    // Times are sorted by position: look only at those between `from` and `pos`.
    let a = times.partition_point(|tr| tr.start < from);
    let b = times.partition_point(|tr| tr.start < pos);
    own_period_in(
        t,
        marks,
        pos,
        from,
        times.get(a..b.max(a)).unwrap_or(&[]),
        doc_year,
    )
}

/// [`own_period`] given `between`, the times that start between `from` and `pos`.
fn own_period_in(
    t: &str,
    marks: &Marks,
    pos: usize,
    from: usize,
    between: &[TimeRaw],
    doc_year: Option<i32>,
) -> Option<Period> {
    let abs = between
        .iter()
        .rfind(|tr| tr.end <= pos && tr.year.is_some());
    let rel = marks.relative_year(from, pos, doc_year);
    match (abs, rel) {
        (Some(a), Some((ri, rp))) => {
            if ri > a.start {
                Some(rp)
            } else {
                since(t, a, doc_year).or_else(|| year_of_time(a))
            }
        }
        (Some(a), None) => since(t, a, doc_year).or_else(|| year_of_time(a)),
        (None, Some((_, rp))) => Some(rp),
        (None, None) => None,
    }
}

/// The document's year from a full date near its start (2019-12-23, 发布时间:2021-03-02).
fn header_year(times: &[TimeRaw], _t: &str) -> Option<i32> {
    times
        .iter()
        .take_while(|tr| tr.start < 1200)
        .find(|tr| {
            tr.kind == TimeKind::Date && tr.year.is_some() && tr.month.is_some() && tr.day.is_some()
        })
        .and_then(|tr| tr.year)
}

/// Characters that cannot be part of a place name before 县/市/镇/乡/村 (besides
/// characters that are not CJK ideographs).
const NAME_STOPS: &str = "全本该各此每外贫困点帽度非省市区乡镇村县等和与及了在对向到从为是的个其共有中小两一二三四五六七八九十百千万年月日全部所这那深重各级联包帮扶个户入驻";

/// The county or city the document is about: the most named one, names in the first
/// line counting double.
fn main_region(t: &str, places: &[Place]) -> Option<String> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    let first_line_end = t.find('\n').unwrap_or(t.len()).min(400);
    for p in places.iter().filter(|p| matches!(p.kind, '县' | '市')) {
        let Some(name) = t.get(p.start..p.end) else {
            continue;
        };
        let w = if p.start < first_line_end { 2 } else { 1 };
        match counts.iter_mut().find(|(n, _, _)| *n == name) {
            Some(e) => e.1 += w,
            None => counts.push((name, w, p.start)),
        }
    }
    counts
        .into_iter()
        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
        .map(|(n, _, _)| n.to_owned())
}

/// A township, village or county named in the item's sentence before it (龙泉镇大北山村),
/// as written in normalized text.
fn clause_region(t: &str, places: &[Place], item: &Item) -> Option<String> {
    let (s, e) = (item.sentence.0, item.raw.start);
    // Names whose suffix lies in s..e, cut at s, the last two of them.
    let k = places.partition_point(|p| p.end <= e);
    let mut names = places
        .get(..k)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|p| p.suffix >= s)
        .filter(|p| matches!(p.kind, '镇' | '乡' | '村' | '县'))
        .map(|p| (p.start.max(s), p.suffix, p.end))
        .filter(|&(a, suffix, _)| a < suffix)
        .map(|(a, _, b)| (a, b));
    let (a, b) = names.next()?;
    let name = t.get(a..b)?;
    // 贫困村, 行政村 and the like are not places.
    if [
        "贫困村",
        "行政村",
        "脱贫村",
        "贫困县",
        "重点村",
        "示范村",
        "出列村",
    ]
    .iter()
    .any(|w| name.ends_with(w))
        || GENERIC_PLACES.contains(&name)
        || name.chars().count() < 3
    {
        return None;
    }
    // 龙泉镇大北山村: a village right after its township.
    let full = names
        .next()
        .filter(|&(_, pb)| pb == a)
        .and_then(|(pa, _)| t.get(pa..b))
        .unwrap_or(name);
    Some(full.to_owned())
}

/// Words ending like place names that name no place.
static GENERIC_PLACES: &[&str] = &[
    "农村", "乡村", "城乡", "山村", "新村", "全村", "本村", "该村", "各村", "村村", "乡镇", "城镇",
    "集镇",
];

/// Target (目标, 任务, 计划, 省定, 力争) or expected (预计, 将, 可带动) figures.
fn modality(t: &str, marks: Local<'_>, item: &Item) -> Modality {
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

#[cfg(feature = "serde")]
mod wire {
    use super::*;
    use crate::serde_impls::{quantity_entries, quantity_wire};
    use serde::de::Error as _;
    use serde::ser::SerializeMap;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The flat JSON of spec section 5: the quantity keys, then `kind`, `subject`,
    /// `period`, `region`, `previous` (when there is one) and `modality`.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for PovertyIndicator {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("kind", &self.kind)?;
            quantity_entries(&self.quantity, &mut m)?;
            m.serialize_entry("subject", &self.subject)?;
            m.serialize_entry("subject_start", &self.subject_span.start)?;
            m.serialize_entry("subject_end", &self.subject_span.end)?;
            m.serialize_entry("period", &self.period)?;
            m.serialize_entry("region", &self.region)?;
            if let Some(p) = &self.previous {
                m.serialize_entry("previous", p)?;
            }
            m.serialize_entry("modality", &self.modality)?;
            m.end()
        }
    }

    quantity_wire! {
        /// An indicator as written in JSON: the quantity keys and these.
        IndicatorWire {
            kind: IndicatorKind,
            #[serde(default)]
            subject: String,
            #[serde(default)]
            subject_start: usize,
            #[serde(default)]
            subject_end: usize,
            #[serde(default)]
            period: Option<Period>,
            #[serde(default)]
            region: Option<String>,
            #[serde(default)]
            previous: Option<Previous>,
            modality: Modality,
        }
    }

    /// Reads the JSON [`Serialize`] writes. Keys that may be absent: `max`, `classifier`,
    /// `noun`, `per`, `damaged`, `period`, `region`, `previous`; unknown keys (the
    /// examples' `file`, `id`, `url`) are ignored. The quantity is checked as
    /// [`Quantity`]'s own `Deserialize` checks it.
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for PovertyIndicator {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<PovertyIndicator, D::Error> {
            let mut w = IndicatorWire::deserialize(d)?;
            if w.subject_end < w.subject_start {
                return Err(D::Error::custom(format!(
                    "subject span end {} before start {}",
                    w.subject_end, w.subject_start
                )));
            }
            Ok(PovertyIndicator {
                quantity: w.quantity()?,
                kind: w.kind,
                subject: w.subject,
                subject_span: Span::new(w.subject_start, w.subject_end),
                period: w.period,
                region: w.region,
                previous: w.previous,
                modality: w.modality,
            })
        }
    }

    /// The quantity keys of the earlier value, then its `period` (`null` when the text
    /// gives none).
    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl Serialize for Previous {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            quantity_entries(&self.quantity, &mut m)?;
            m.serialize_entry("period", &self.period)?;
            m.end()
        }
    }

    quantity_wire! {
        /// An earlier value as written in JSON: the quantity keys and its period.
        PreviousWire {
            #[serde(default)]
            period: Option<Period>,
        }
    }

    #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
    impl<'de> Deserialize<'de> for Previous {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Previous, D::Error> {
            let mut w = PreviousWire::deserialize(d)?;
            Ok(Previous {
                quantity: w.quantity()?,
                period: w.period,
            })
        }
    }
}
