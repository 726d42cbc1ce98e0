//! Quantities: a number, its approximation words and its unit; the units
//! ([`unit`]), the document scanner that finds quantities and times in running text
//! ([`scanner`]), time expressions ([`time`]), the joining of lines a fixed width broke ([`wrap`]), and the set
//! phrases and place names whose numerals are no quantities ([`words`]).

pub(crate) mod scanner;
pub(crate) mod time;
pub(crate) mod unit;
pub(crate) mod words;
pub(crate) mod wrap;

pub(crate) use crate::common::chars::is_cjk_char;
pub(crate) use crate::common::input::{
    damage_ends_at, has_damage, is_blank, is_damage, unexpected,
};

use crate::common::chars::{QuotedStr, char_at, char_before, starts};
use crate::common::lexicon::Lexicon;
use crate::numerals::{self, Message, NumError, Scanned, Shape, lex};
use crate::{Approx, Normalized, ParseError, ParseErrorKind, Per, Span, Unit};
use core::fmt;
use core::str::FromStr;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::tag,
    character::complete::one_of,
    combinator::{all_consuming, consumed, map, map_opt, not, opt, peek, value, verify},
    sequence::{delimited, preceded, terminated},
};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::sync::OnceLock;

/// A number with its unit, as found in text or parsed from one string.
///
/// A quantity found in a text borrows its [`text`](Quantity::text) (and, where the text
/// needed no cleaning, its [`noun`](Quantity::noun)) from that text: `Quantity<'t>` lives
/// as long as the input. [`into_owned`](Quantity::into_owned) detaches it
/// (`Quantity<'static>`, which is `Send + Sync + 'static`); quantities made with
/// [`Quantity::new`] or parsed with [`FromStr`] are owned already.
///
/// `value` (and `max` for a range) are exact decimals in the base unit of
/// [`unit`](Quantity::unit): `9.82亿元` is 982000000 yuan, `百分之三十四点四` is 34.4 percent,
/// `3万余人` is 30000 persons with [`Approx::Over`]. A number with no unit has `unit: None`.
///
/// Fractions (`三分之一`) have no exact decimal; their value is the quotient rounded to
/// 28 significant digits (0.3333333333333333333333333333).
///
/// ```
/// use fupin::{Approx, Quantity, Unit};
///
/// let q: Quantity = "约91.68万元".parse()?;
/// assert_eq!(q.value.to_string(), "916800");
/// assert_eq!(q.unit, Some(Unit::Yuan));
/// assert_eq!(q.approx, Approx::About);
/// assert_eq!(q.to_string(), "约916800元");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quantity<'t> {
    /// The value in the base unit (the low end of a range).
    pub value: rust_decimal::Decimal,
    /// The high end of a range (`3至5万元`), else `None`.
    pub max: Option<rust_decimal::Decimal>,
    /// The unit, or `None` for a bare number.
    pub unit: Option<Unit>,
    /// Approximation words around the number.
    pub approx: Approx,
    /// What a rate is per (`万元/年`), else `None`.
    pub per: Option<Per>,
    /// For [`Unit::Count`]: the measure word (`个`, `座`); as written after normalization.
    /// Measure words found in text are borrowed from the crate's own word list.
    pub classifier: Option<Cow<'static, str>>,
    /// The counted noun right after the measure word (`78个贫困村` → `贫困村`), or the noun
    /// that gave the unit (`1.6万贫困人口` → `贫困人口`).
    /// As written after normalization: borrowed from the input where that needed no
    /// cleaning, else owned.
    pub noun: Option<Cow<'t, str>>,
    /// The quantity as written in the original input, approximation words and unit
    /// included: `&input[span] == text`.
    /// Borrowed from the input for a quantity found in it.
    pub text: Cow<'t, str>,
    /// Byte span of [`text`](Quantity::text) in the original input.
    pub span: Span,
    /// A `?` or U+FFFD stands in or right before the number: its value may be wrong.
    /// Only reported when asked for ([`Quantities::include_damaged`](crate::Quantities::include_damaged)).
    pub damaged: bool,
}

impl Quantity<'static> {
    /// A quantity of `value` in `unit` (or a bare number), exact, whose `text` is its
    /// canonical written form ([`Display`](fmt::Display)) and whose span covers that text.
    ///
    /// ```
    /// use fupin::{Quantity, Unit};
    /// let q = Quantity::new("17990".parse()?, Some(Unit::Person));
    /// assert_eq!(q.text, "17990人");
    /// assert_eq!(q.text.parse::<Quantity>()?, q);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(value: Decimal, unit: Option<Unit>) -> Quantity<'static> {
        let mut q = Quantity {
            value: value.normalize(),
            max: None,
            unit,
            approx: Approx::Exact,
            per: None,
            classifier: (unit == Some(Unit::Count)).then_some(Cow::Borrowed("个")),
            noun: None,
            text: Cow::Borrowed(""),
            span: Span::default(),
            damaged: false,
        };
        q.retext();
        q
    }

    /// Parses one quantity, the whole string, as [`parse_quantity`] does: its text is
    /// borrowed from `s`.
    ///
    /// # Errors
    ///
    /// As [`parse_quantity`].
    pub fn parse(s: &str) -> Result<Quantity<'_>, ParseError> {
        parse_quantity(s)
    }
}

impl<'t> Quantity<'t> {
    /// The same quantity with another approximation (text recomputed).
    #[must_use]
    pub fn with_approx(mut self, approx: Approx) -> Quantity<'t> {
        self.approx = approx;
        self.retext();
        self
    }

    /// The same quantity as a range up to `max` (text recomputed).
    #[must_use]
    pub fn with_max(mut self, max: Option<Decimal>) -> Quantity<'t> {
        self.max = max.map(|m| m.normalize());
        self.retext();
        self
    }

    /// The same quantity per year, person … (text recomputed).
    #[must_use]
    pub fn with_per(mut self, per: Option<Per>) -> Quantity<'t> {
        self.per = per;
        self.retext();
        self
    }

    /// The same count with another measure word (text recomputed).
    #[must_use]
    pub fn with_classifier(mut self, classifier: impl Into<Cow<'static, str>>) -> Quantity<'t> {
        self.classifier = Some(classifier.into());
        self.retext();
        self
    }

    fn retext(&mut self) {
        let text = self.to_string();
        self.span = Span::new(0, text.len());
        self.text = Cow::Owned(text);
    }

    /// The same quantity, owning its text: it no longer borrows the input it was found
    /// in, and may outlive it or be sent elsewhere.
    ///
    /// ```
    /// fn figures(report: &str) -> Vec<fupin::Quantity<'static>> {
    ///     fupin::quantities(report).map(fupin::Quantity::into_owned).collect()
    /// }
    /// let found = figures(&String::from("脱贫1.2万人"));
    /// assert_eq!(found[0].text, "1.2万人");
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Quantity<'static> {
        Quantity {
            value: self.value,
            max: self.max,
            unit: self.unit,
            approx: self.approx,
            per: self.per,
            classifier: self.classifier,
            noun: self.noun.map(|n| Cow::Owned(n.into_owned())),
            text: Cow::Owned(self.text.into_owned()),
            span: self.span,
            damaged: self.damaged,
        }
    }
}

/// Writes the canonical form: the value in base units, Arabic, with approximation
/// words and the unit (`约916800元`, `30000余人`, `30000-50000元`, `34.4%`,
/// `20.8个百分点`, `78个贫困村`). [`parse_quantity`] reads it back to an equal quantity
/// (text and span aside).
impl fmt::Display for Quantity<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.approx {
            Approx::About => f.write_str("约")?,
            Approx::Nearly => f.write_str("近")?,
            Approx::Under => f.write_str("不足")?,
            _ => {}
        }
        write!(f, "{}", self.value)?;
        if let Some(m) = self.max {
            write!(f, "-{m}")?;
        }
        if self.approx == Approx::Over {
            f.write_str("余")?;
        }
        let unit = match self.unit {
            None => "",
            Some(Unit::Yuan) => "元",
            Some(Unit::Person) => "人",
            Some(Unit::Household) => "户",
            Some(Unit::PersonTime) => "人次",
            Some(Unit::Percent) => "%",
            Some(Unit::PercentagePoint) => "个百分点",
            Some(Unit::Mu) => "亩",
            Some(Unit::Hectare) => "公顷",
            Some(Unit::SquareKm) => "平方公里",
            Some(Unit::Km) => "公里",
            Some(Unit::Megawatt) => "兆瓦",
            Some(Unit::KilowattHour) => "千瓦时",
            Some(Unit::Count) => self.classifier.as_deref().unwrap_or("个"),
        };
        f.write_str(unit)?;
        if let Some(p) = self.per {
            write!(f, "/{}", p.as_char())?;
        }
        if let Some(n) = &self.noun {
            f.write_str(n)?;
        }
        Ok(())
    }
}

/// Parses as [`parse_quantity`] does, into an owned quantity.
impl FromStr for Quantity<'static> {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Quantity<'static>, ParseError> {
        parse_quantity(s).map(Quantity::into_owned)
    }
}

/// A unit label and what it does to the value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Label {
    pub text: &'static str,
    pub unit: Unit,
    /// Power of ten applied to the value (‰ is -1, 千瓦 as megawatts is -3).
    pub pow: i32,
}

const fn l(text: &'static str, unit: Unit, pow: i32) -> Label {
    Label { text, unit, pow }
}

/// Unit labels, longest first where one is a prefix of another (人次 before 人,
/// 个百分点 before 个, 平方公里 before 公里). The order is checked by a test.
pub(crate) static LABELS: &[Label] = &[
    l("个百分点", Unit::PercentagePoint, 0),
    l("百分点", Unit::PercentagePoint, 0),
    l("平方公里", Unit::SquareKm, 0),
    l("平方千米", Unit::SquareKm, 0),
    l("km²", Unit::SquareKm, 0),
    l("km2", Unit::SquareKm, 0),
    l("人次", Unit::PersonTime, 0),
    l("公里", Unit::Km, 0),
    l("千米", Unit::Km, 0),
    l("km", Unit::Km, 0),
    l("公顷", Unit::Hectare, 0),
    l("兆瓦", Unit::Megawatt, 0),
    l("千瓦时", Unit::KilowattHour, 0),
    l("千瓦小时", Unit::KilowattHour, 0),
    l("kWh", Unit::KilowattHour, 0),
    l("kwh", Unit::KilowattHour, 0),
    l("KWh", Unit::KilowattHour, 0),
    l("KWH", Unit::KilowattHour, 0),
    l("千瓦", Unit::Megawatt, -3),
    l("MW", Unit::Megawatt, 0),
    l("kW", Unit::Megawatt, -3),
    l("kw", Unit::Megawatt, -3),
    l("KW", Unit::Megawatt, -3),
    l("亩", Unit::Mu, 0),
    l("元", Unit::Yuan, 0),
    l("块", Unit::Yuan, 0),
    l("圆", Unit::Yuan, 0),
    l("人", Unit::Person, 0),
    l("名", Unit::Person, 0),
    l("位", Unit::Person, 0),
    l("口", Unit::Person, 0),
    l("户", Unit::Household, 0),
    l("%", Unit::Percent, 0),
    l("‰", Unit::Percent, -1),
];

/// Measure words of counts, longest first where one is a prefix of another.
pub(crate) static CLASSIFIERS: &[&str] = &[
    "个月",
    "延长米",
    "立方米",
    "平方米",
    // 平米: the square metre of speech (人均25平米); square and cubic metres in letters.
    "平米",
    "m²",
    "m³",
    "m2",
    "m3",
    // Rainfall, lengths, volumes and temperatures of county profiles (年降水量450毫米,
    // 蓄水池300立方, 年均气温8.5摄氏度).
    // Voltages of the power lines and substations built for poor villages (10千伏线路,
    // 35kV变电站): no unit of the spec, a count with its measure word.
    "千伏安",
    "千伏",
    "kVA",
    "kV",
    "KV",
    "摄氏度",
    // ℃ as clean-up (NFKC) writes it.
    "°C",
    "毫米",
    "厘米",
    "立方",
    "小时",
    "公斤",
    "千克",
    "方面",
    "个",
    "座",
    "块",
    "项",
    "家",
    "支",
    "笔",
    "头",
    "只",
    "袋",
    "棵",
    "株",
    "台",
    "场",
    "条",
    "所",
    "间",
    "套",
    "处",
    "批",
    "期",
    "次",
    "件",
    "辆",
    "张",
    "份",
    "类",
    "种",
    "年",
    "天",
    "周",
    "米",
    "吨",
    "斤",
    "县",
    "省",
    "口",
    "乡",
    "镇",
    "村",
    "床",
    "栋",
    "幢",
    "层",
    "倍",
    "度",
    "届",
    "轮",
    "部",
    "篇",
    "片",
    "眼",
    "门",
    "架",
    "枚",
    "箱",
    "亿",
    "季",
    "队",
    "组",
    "轮",
    "宗",
    "起",
    "例",
    "所",
    // Birds, fish, draught animals and pairs, as livelihood projects count them
    // (存栏蛋鸡12万羽, 投放鱼苗20万尾, 骡马50匹, 劳保鞋200双).
    "羽",
    "尾",
    "匹",
    "双",
];

/// Words after a classifier that make it part of another word (个人 is "individual",
/// 次年 "the next year", 年度 …), so the number before it has no unit.
fn classifier_blocked(cls: &str, next: Option<char>) -> bool {
    let Some(n) = next else { return false };
    match cls {
        "个" => matches!(n, '人' | '体' | '别' | '性'),
        "次" => matches!(n, '年' | '日' | '月'),
        "年" => matches!(
            n,
            '度' | '级' | '份' | '初' | '底' | '末' | '内' | '中' | '来' | '前'
        ),
        "期" => matches!(n, '间' | '末' | '初' | '限' | '内'),
        "度" => matches!(n, '电'),
        "米" => matches!(n, '面' | '饭'),
        // 部分 (part), 部门, 部署: words, not 部 counting.
        "部" => matches!(n, '分' | '门' | '署' | '长'),
        // 省道, 县道, 乡道: a road's class after its number (309省道), no count of provinces;
        // 300村民, 800家庭, 3000乡亲: villagers, families and folk (people and households,
        // read from the noun), not villages, firms or townships.
        "省" | "县" => n == '道',
        "乡" => matches!(n, '道' | '亲'),
        "村" => n == '民',
        "家" => n == '庭',
        // 所示, 所述: "as shown", "as said".
        "所" => matches!(n, '示' | '述'),
        // 羽毛, 羽绒; 尾款, 尾号, 尾数; 匹配; 双方, 双向, 双重, 双休 …: words, not
        // birds, fish, horses or pairs.
        "羽" => matches!(n, '毛' | '绒' | '翼' | '化'),
        "尾" => matches!(
            n,
            '款' | '号' | '数' | '声' | '部' | '巴' | '气' | '端' | '随'
        ),
        "匹" => matches!(n, '配' | '敌' | '狼'),
        "双" => matches!(
            n,
            '方' | '向'
                | '重'
                | '休'
                | '边'
                | '胞'
                | '语'
                | '赢'
                | '创'
                | '百'
                | '层'
                | '轨'
                | '倍'
                | '线'
                | '周'
                | '月'
        ),
        _ => false,
    }
}

/// Nouns that name people or households, for a number with no measure word
/// (1.6万贫困人口, 3万农户): the unit is read from them.
static PERSON_NOUNS: &[&str] = &[
    "建档立卡贫困人口",
    // 建卡: the short form of 建档立卡 (registered as poor).
    "建卡贫困人口",
    "建卡贫困群众",
    "外出务工人员",
    "务工人员",
    "外出人员",
    "乡亲",
    "易地搬迁脱贫群众",
    "易地搬迁脱贫人口",
    "搬迁脱贫群众",
    "搬迁脱贫人口",
    "脱贫群众",
    "农村贫困人口",
    "农村常住人口",
    "农村户籍人口",
    "常住人口",
    "户籍人口",
    "农业人口",
    "农村贫困群众",
    "建档立卡贫困群众",
    "贫困搬迁群众",
    "易地搬迁群众",
    "搬迁群众",
    "易地搬迁贫困人口",
    "搬迁贫困人口",
    "搬迁人口",
    "农村低收入人口",
    "低收入人口",
    "贫困人口",
    // Those not yet lifted (还有11.6万未脱贫人口): people all the same.
    "尚未脱贫人口",
    "未脱贫人口",
    "脱贫人口",
    "农村人口",
    "人口",
    "贫困群众",
    "群众",
    "贫困劳动力",
    "劳动力",
    "农民工",
    "农民",
    "村民",
    "居民",
    "贫困学生",
    "学生",
    "党员",
    "干部",
    "职工",
    "移民",
];
static HOUSEHOLD_NOUNS: &[&str] = &[
    "建档立卡贫困户",
    "建卡贫困户",
    "建档立卡户",
    "建卡户",
    "农村贫困家庭",
    "贫困户",
    "尚未脱贫户",
    "未脱贫户",
    "脱贫户",
    "农户",
    "贫困家庭",
    "家庭",
    "搬迁户",
];

/// Characters that end a counted noun.
fn ends_noun(c: char) -> bool {
    !is_cjk_char(c)
        || lex::is_numeral_char(c)
        || matches!(
            c,
            '的' | '和'
                | '与'
                | '及'
                | '等'
                | '共'
                | '是'
                | '在'
                | '为'
                | '了'
                | '中'
                | '达'
                | '已'
                | '均'
                | '都'
                | '全'
                | '或'
                | '把'
                | '被'
                | '将'
                | '对'
                | '到'
                | '从'
                | '由'
                | '以'
                | '实'
                | '累'
                | '计'
                | '合'
                | '有'
                | '获'
                | '占'
                | '每'
                | '其'
                | '并'
                | '上'
                | '下'
                | '内'
                | '外'
                | '里'
                | '后'
                | '前'
                | '时'
                | '左'
                | '右'
                | '余'
                | '多'
        )
}

/// A quantity read from (normalized) text, offsets into that text.
#[derive(Clone, Debug)]
pub(crate) struct Raw {
    pub start: usize,
    pub end: usize,
    pub num_start: usize,
    pub num_end: usize,
    pub value: Decimal,
    pub max: Option<Decimal>,
    pub unit: Option<Unit>,
    pub approx: Approx,
    pub per: Option<Per>,
    pub classifier: Option<&'static str>,
    pub noun: Option<(usize, usize)>,
    pub shape: Shape,
    /// Written as a fraction (三分之一).
    pub fraction: bool,
}

/// Where to read: whole-string inputs accept signs and currency words that running
/// text does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Whole,
    Text,
}

#[inline]
pub(crate) fn skip_blanks(t: &str, pos: usize) -> usize {
    // Most numbers and units touch: one byte answers, three for the CJK punctuation
    // that shares U+3000's lead byte (。, 、: E3 80 82, E3 80 81; U+3000 is E3 80 80).
    let b = t.as_bytes();
    match b.get(pos) {
        Some(b' ' | b'\t') => skip_blanks_from(t, pos),
        Some(0xE3) if b.get(pos + 1..pos + 3) == Some(&[0x80, 0x80]) => skip_blanks_from(t, pos),
        _ => pos,
    }
}

fn skip_blanks_from(t: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(t, pos) {
        if c == ' ' || c == '\u{3000}' || c == '\t' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// Characters before 约 that make another word of it (节约, 签约, 预约 …).
const NOT_AFTER_YUE: &[char] = &[
    '节', '制', '签', '预', '条', '公', '契', '邀', '相', '特', '违', '履', '简',
];
/// Characters before 近 that make another word of it (最近, 附近, 靠近 …).
const NOT_AFTER_JIN: &[char] = &['最', '附', '靠', '临', '亲', '就', '远', '新'];
/// Characters before 超 that make another word of it (赶超, 高超, 反超, 追超).
const NOT_AFTER_CHAO: &[char] = &['赶', '高', '反', '追'];

/// Approximation words right before `pos` ([`approx_before_rule`]), with where they
/// start.
///
/// The words are read forwards, over the text that ends at the number: from the
/// farthest start (as far back as the longest word that ends in the last character:
/// five characters for 没有超过了) to the nearest, so that the longest word that ends
/// right at `pos` is the one read (不超过 before 超过, 大约 before 约).
#[inline]
pub(crate) fn approx_before(t: &str, pos: usize) -> Option<(Approx, usize)> {
    // Most figures have none: every word ends in one of these (None off a character
    // boundary), and the last character bounds how long the word can be.
    let last = char_before(t, pos)?;
    // The character before the last, for the words whose last character is common
    // before numbers on its own (达到, 高达, 满): only their words' own lead goes on.
    let second = || char_before(t, pos - last.len_utf8());
    let longest = match last {
        '了' => 5,
        '过' => 4,
        // 没有达到 (4); 不到 (2).
        '到' if second() == Some('达') => 4,
        '到' => 2,
        '于' => 3,
        // 没有达 (3), 未达 and 没达 (2); 高达, 共达 are no approximation.
        '达' => match second() {
            Some('有') => 3,
            Some('未' | '没') => 2,
            _ => return None,
        },
        '满' | '下' if second() == Some('不') => 2,
        // 突破1万元: broke through, so more than the figure (打破 is no approximation).
        '破' if second() == Some('突') => 2,
        '少' | '多' | '约' | '为' | '合' | '近' | '足' => 2,
        '逾' | '超' => 1,
        _ => return None,
    };
    approx_before_from(t, pos, last, longest)
}

/// [`approx_before`] once the last character `last` is known to end words of up to
/// `longest` characters. Kept out of line: most figures never reach it.
#[inline(never)]
fn approx_before_from(t: &str, pos: usize, last: char, longest: usize) -> Option<(Approx, usize)> {
    // Where each candidate starts, with its first character, nearest first.
    let mut starts = [(pos, last); 5];
    let mut n = 0;
    let (mut k, mut c) = (pos, last);
    while let Some(slot) = starts.get_mut(n) {
        k -= c.len_utf8();
        *slot = (k, c);
        n += 1;
        if n == longest {
            break;
        }
        // The words are made of few characters: the look back ends at any other.
        match char_before(t, k) {
            Some(p) if approx_word_char(p) => c = p,
            _ => break,
        }
    }
    starts.get(..n)?.iter().rev().find_map(|&(s, first)| {
        // Most starts are no word's first character: one test answers for them.
        if !starts_approx_word(first) {
            return None;
        }
        approx_words(t, s, pos).map(|a| (a, s))
    })
}

/// Whether `c` starts a word of [`approx_before_rule`].
fn starts_approx_word(c: char) -> bool {
    matches!(
        c,
        '没' | '不'
            | '突'
            | '未'
            | '超'
            | '大'
            | '约'
            | '将'
            | '接'
            | '近'
            | '多'
            | '高'
            | '至'
            | '最'
            | '逾'
            | '少'
            | '小'
            | '低'
    )
}

/// Whether `c` stands in a word of [`approx_before_rule`].
fn approx_word_char(c: char) -> bool {
    matches!(
        c,
        '没' | '有'
            | '不'
            | '满'
            | '突'
            | '破'
            | '达'
            | '未'
            | '超'
            | '过'
            | '了'
            | '多'
            | '于'
            | '高'
            | '大'
            | '少'
            | '低'
            | '小'
            | '下'
            | '足'
            | '到'
            | '约'
            | '为'
            | '合'
            | '将'
            | '接'
            | '近'
            | '至'
            | '最'
            | '逾'
    )
}

/// [`approx_before_rule`] over `t[start..end]`, whole. Kept out of line: most figures
/// never reach it, and inlined, its parsers would enlarge the frame of every call.
#[inline(never)]
fn approx_words(t: &str, start: usize, end: usize) -> Option<Approx> {
    let words = t.get(start..end)?;
    let (_, a) = all_consuming(approx_before_rule(char_before(t, start)))
        .parse(words)
        .ok()?;
    Some(a)
}

/// `approx-before = negated | passing | about | nearly | over | under`, over text that
/// ends at the number ([`approx_before`] cuts it so); `before` is the character before
/// it, which may make a one-character word part of another ([`not_after`]).
///
/// ```text
/// negated = ( 没有超过 | 不超过 | 未超过 | 没超过 ) 了? | 不多于 | 不高于 | 不大于 | 不足 | 不到   under
///         | 不满 | ( 没有 | 没 | 未 ) ( 达到 | 达 )                                     under
///         | 不少于 | 不低于 | 不小于 | 不下于 | 不下                                    over
/// passing = 超过 了?                                                                    over
/// about   = 大约 | 约为 | 约合 | 约 (not 节约, 签约 …)
/// nearly  = 将近 | 接近 | 近 (not 最近, 附近 …)
/// over    = 多于 | 高于 | 至少 | 最少 | 逾 | 突破 | 超 (not 赶超, 高超 …)
/// under   = 少于 | 小于 | 低于 | 最多 | 至多
/// ```
///
/// A negated comparison is one word, read whole: 不超过 is `under`, never the `over`
/// of 超过; 不少于 is `over`, never the `under` of 少于. The aspect mark 了 after a word
/// ending in 过 changes nothing (超过了800亿元).
fn approx_before_rule<'t>(
    before: Option<char>,
) -> impl Parser<&'t str, Output = Approx, Error = ()> {
    use Approx::{About, Nearly, Over, Under};
    // Grouped by first character, so that a word is found after a few tests: 不 …,
    // 没/未 超过, 约 …, then the rest.
    let passing = || terminated(tag("超过"), opt(tag("了")));
    alt((
        preceded(
            tag("不"),
            alt((
                value(Under, passing()),
                value(
                    Under,
                    alt((
                        tag("多于"),
                        tag("高于"),
                        tag("大于"),
                        tag("足"),
                        tag("到"),
                        tag("满"),
                    )),
                ),
                value(
                    Over,
                    alt((
                        tag("少于"),
                        tag("低于"),
                        tag("小于"),
                        tag("下于"),
                        tag("下"),
                    )),
                ),
            )),
        ),
        value(
            Under,
            preceded(
                alt((tag("没有"), tag("没"), tag("未"))),
                alt((passing(), tag("达到"), tag("达"))),
            ),
        ),
        value(Over, passing()),
        value(
            About,
            alt((
                tag("约为"),
                tag("约合"),
                preceded(not_after(before, NOT_AFTER_YUE), tag("约")),
                tag("大约"),
            )),
        ),
        value(
            Nearly,
            alt((
                preceded(not_after(before, NOT_AFTER_JIN), tag("近")),
                tag("将近"),
                tag("接近"),
            )),
        ),
        value(
            Over,
            alt((
                preceded(not_after(before, NOT_AFTER_CHAO), tag("超")),
                tag("逾"),
                tag("突破"),
                tag("多于"),
                tag("高于"),
                tag("至少"),
                tag("最少"),
            )),
        ),
        value(
            Under,
            alt((
                tag("少于"),
                tag("小于"),
                tag("低于"),
                tag("最多"),
                tag("至多"),
            )),
        ),
    ))
}

/// Reads nothing, and fails where `before`, the character before the words, is one of
/// `chars`: a one-character word after it is part of another word (节约, 最近, 赶超).
fn not_after<'t>(
    before: Option<char>,
    chars: &'static [char],
) -> impl Parser<&'t str, Output = (), Error = ()> {
    move |i: &'t str| match before {
        Some(c) if chars.contains(&c) => Err(nom::Err::Error(())),
        _ => Ok((i, ())),
    }
}

/// Whether [`bound_across_gap`] may find something before `pos`: the last two
/// characters may end a rate's unit (每年, 每人, 人均 …), or 少 or 多 stands one or two
/// characters back. Three-byte comparisons, so that most figures pass at once.
#[inline]
fn may_bound_across_gap(t: &str, pos: usize) -> bool {
    let b = t.as_bytes();
    let at = |k: usize| pos.checked_sub(k).and_then(|a| b.get(a..a + 3));
    // 年 人 户 亩 月 均 last, in UTF-8, and 每, 人 or 户 before it (每人, 每年, 人均 …).
    let ends_unit = matches!(
        at(3),
        Some(
            [0xE5, 0xB9, 0xB4]
                | [0xE4, 0xBA, 0xBA]
                | [0xE6, 0x88, 0xB7]
                | [0xE4, 0xBA, 0xA9]
                | [0xE6, 0x9C, 0x88]
                | [0xE5, 0x9D, 0x87]
        )
    ) && matches!(
        at(6),
        Some([0xE6, 0xAF, 0x8F] | [0xE4, 0xBA, 0xBA] | [0xE6, 0x88, 0xB7])
    );
    // 少, 多.
    let adverb = |k: usize| matches!(at(k), Some([0xE5, 0xB0, 0x91] | [0xE5, 0xA4, 0x9A]));
    ends_unit || adverb(6) || adverb(9)
}

/// A comparison word with a rate's unit between it and the number (不低于每人每年1500元,
/// 不超过每户5万元), or an adverb of degree with its verb (至少带动20户, 最多补助8000元):
/// the bound holds for the number, whose span stays its own.
#[inline(never)]
fn bound_across_gap(t: &str, pos: usize) -> Option<Approx> {
    const PER: &[&str] = &[
        "每人每年",
        "每户每年",
        "每人每月",
        "每人",
        "每户",
        "每年",
        "每亩",
        "每月",
        "人均",
        "户均",
    ];
    // (Called behind may_bound_across_gap, which most figures do not pass.)
    let head = t.get(..pos)?;
    let last = char_before(t, pos)?;
    if matches!(last, '年' | '人' | '户' | '亩' | '月' | '均') {
        if let Some(p) = PER.iter().find(|p| head.ends_with(*p)) {
            return approx_before(t, pos - p.len()).map(|(a, _)| a);
        }
    }
    // One or two characters of a verb, then the adverb.
    let mut at = pos;
    for _ in 0..2 {
        let c = crate::common::chars::char_before(t, at)?;
        if !is_cjk_char(c) || lex::is_numeral_char(c) || matches!(c, '的' | '是' | '为' | '有')
        {
            return None;
        }
        at -= c.len_utf8();
        let before = t.get(..at)?;
        if before.ends_with("至少") || before.ends_with("最少") {
            return Some(Approx::Over);
        }
        if before.ends_with("最多") || before.ends_with("至多") {
            return Some(Approx::Under);
        }
    }
    None
}

/// What the quantity rules return: the rest of the input and a value, or nom's
/// recoverable error (`()`: the rules answer "not here", never more).
type QResult<'t, T> = IResult<&'t str, T, ()>;

/// Runs a quantity rule on `t` from byte `pos`: its value and where it ends.
fn rule_at<'t, T>(
    t: &'t str,
    pos: usize,
    mut rule: impl Parser<&'t str, Output = T, Error = ()>,
) -> Option<(T, usize)> {
    let (rest, out) = rule.parse(t.get(pos..)?).ok()?;
    Some((out, t.len() - rest.len()))
}

/// `blanks = (" " | "\u{3000}" | "\t")*`
fn blanks(i: &str) -> QResult<'_, ()> {
    let n = skip_blanks(i, 0);
    Ok((i.get(n..).unwrap_or(""), ()))
}

/// `approx-after = "(含)"? ( "左右" | "上下" | "以上" | "以下" | "以内" | "及以上" | "及以下" )`
///
/// 50万元(含)以上: the inclusion mark is read through.
fn approx_after_rule(i: &str) -> QResult<'_, Approx> {
    preceded(
        opt(tag("(含)")),
        alt((
            value(Approx::About, tag("左右")),
            value(Approx::About, tag("上下")),
            value(Approx::Over, tag("以上")),
            value(Approx::Under, tag("以下")),
            value(Approx::Under, tag("以内")),
            value(Approx::Over, tag("及以上")),
            value(Approx::Under, tag("及以下")),
        )),
    )
    .parse(i)
}

/// Approximation words right after `pos`, blanks before them allowed
/// ([`approx_after_rule`]).
fn approx_after(t: &str, pos: usize) -> Option<(Approx, usize)> {
    let p = skip_blanks(t, pos);
    // Most figures have none: the first character answers.
    if !matches!(char_at(t, p), Some('(' | '左' | '上' | '以' | '及')) {
        return None;
    }
    rule_at(t, p, approx_after_rule)
}

/// `lead = ( "人民币" blanks )? ( word blanks )?…`: the words a whole input may start
/// with before its number (in [`parse_quantity`]): currency, then each of these at most
/// once and in this order: 大约 约为 约合 约 将近 接近 近 没有超过 不超过 未超过 没超过
/// 不多于 不高于 不大于 不少于 不低于 不小于 不下于 不下 超过 超 多于 高于 至少 最少 逾 突破 最多
/// 至多 不足 不到 不满 少于 小于 低于 没有达到 没达到 未达到 未达 从. They are read through only: the approximation is
/// [`approx_before`]'s. Whether 人民币 was read.
fn lead_rule(i: &str) -> QResult<'_, bool> {
    let word = |w: &'static str| opt(terminated(tag(w), blanks));
    let (i, yuan) = word("人民币").parse(i)?;
    let (i, _) = (
        (word("大约"), word("约为"), word("约合"), word("约")),
        (word("将近"), word("接近"), word("近")),
        (
            word("没有超过"),
            word("不超过"),
            word("未超过"),
            word("没超过"),
        ),
        (word("不多于"), word("不高于"), word("不大于")),
        (
            word("不少于"),
            word("不低于"),
            word("不小于"),
            word("不下于"),
            word("不下"),
        ),
    )
        .parse(i)?;
    let (i, _) = (
        (word("超过"), word("超"), word("多于"), word("高于")),
        (
            word("至少"),
            word("最少"),
            word("逾"),
            word("突破"),
            word("最多"),
            word("至多"),
        ),
        (
            word("不足"),
            word("不到"),
            word("不满"),
            word("少于"),
            word("小于"),
            word("低于"),
        ),
        (
            word("没有达到"),
            word("没达到"),
            word("未达到"),
            word("未达"),
        ),
        word("从"),
    )
        .parse(i)?;
    Ok((i, yuan.is_some()))
}

/// Whether `c` starts a word of [`lead_rule`]: most inputs start with their number, and
/// one test answers for them.
fn starts_lead_word(c: char) -> bool {
    starts_approx_word(c) || matches!(c, '人' | '从')
}

/// `range-sep = blanks ( "——" | "――" | "--" | "至" | "到" | "-" | "~" | "—" | "–" | "―" | "〜" | "－" ) blanks`
///
/// The long dashes before the short ones, so that `——` is one separator.
fn range_sep_rule(i: &str) -> QResult<'_, ()> {
    value(
        (),
        delimited(
            blanks,
            alt((
                tag("——"),
                tag("――"),
                tag("--"),
                tag("至"),
                tag("到"),
                tag("-"),
                tag("~"),
                tag("—"),
                tag("–"),
                tag("―"),
                tag("〜"),
                tag("－"),
            )),
            blanks,
        ),
    )
    .parse(i)
}

fn label_texts() -> &'static [&'static str] {
    static T: OnceLock<Vec<&'static str>> = OnceLock::new();
    T.get_or_init(|| LABELS.iter().map(|l| l.text).collect())
}

fn label_lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(label_texts().iter().copied()))
}

fn classifier_lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon::new(CLASSIFIERS.iter().copied()))
}

fn noun_lexicon() -> &'static (Vec<&'static str>, Lexicon) {
    static L: OnceLock<(Vec<&'static str>, Lexicon)> = OnceLock::new();
    L.get_or_init(|| {
        let words: Vec<&'static str> = PERSON_NOUNS
            .iter()
            .chain(HOUSEHOLD_NOUNS)
            .copied()
            .collect();
        let lx = Lexicon::new(words.iter().copied());
        (words, lx)
    })
}

/// The unit label at `pos`, if any.
pub(crate) fn label_at(t: &str, pos: usize) -> Option<Label> {
    let rest = t.get(pos..)?;
    let i = label_lexicon().find(label_texts(), rest, |_| true)?;
    LABELS.get(i).copied()
}

/// The measure word at `pos`, if any.
pub(crate) fn classifier_at(t: &str, pos: usize) -> Option<&'static str> {
    let rest = t.get(pos..)?;
    let i = classifier_lexicon().find(CLASSIFIERS, rest, |_| true)?;
    let c = *CLASSIFIERS.get(i)?;
    (!classifier_blocked(c, char_at(t, pos + c.len()))).then_some(c)
}

fn apply_pow(v: Decimal, pow: i32) -> Option<Decimal> {
    let mut v = v;
    if pow < 0 {
        for _ in 0..pow.unsigned_abs() {
            v = v.checked_div(Decimal::TEN)?;
        }
    } else {
        for _ in 0..pow {
            v = v.checked_mul(Decimal::TEN)?;
        }
    }
    Some(v.normalize())
}

/// `multiplier-small = 十 | 拾 | 百 | 佰 | 千 | 仟`, but not the 千 of 千瓦, 千米 or 千伏 (units).
fn multiplier_small(i: &str) -> QResult<'_, u32> {
    let (rest, c) = lex::one_char(i)?;
    let m = match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' if rest.starts_with(['瓦', '米', '伏']) => return Err(nom::Err::Error(())),
        '千' | '仟' => 1000,
        _ => return Err(nom::Err::Error(())),
    };
    Ok((rest, m))
}

/// `multiplier-big = 万 | 亿`, as its power of ten and its factor.
fn multiplier_big(i: &str) -> QResult<'_, (u32, u32)> {
    map_opt(lex::one_char, |c| match c {
        '万' => Some((4, 10_000)),
        '亿' => Some((8, 100_000_000)),
        _ => None,
    })
    .parse(i)
}

/// `multiplier = multiplier-small? multiplier-big? multiplier-big?`, at least one of them: 万, 千万,
/// 亿, 万亿, 百万. Its factor (checked) and shape.
fn multiplier_rule(i: &str) -> QResult<'_, (Decimal, Shape)> {
    let (rest, small) = opt(multiplier_small).parse(i)?;
    let mut shape = Shape {
        tail_small: 1,
        ..Shape::default()
    };
    let mut f = Decimal::ONE;
    if let Some(m) = small {
        shape.tail_small = Shape::small(m);
        shape.has_units = true;
        f = Decimal::from(m);
    }
    // At most two big units (万亿; which pairs make a number, 万万 or 亿万, is for the
    // callers to say).
    let (rest, bigs) = (opt(multiplier_big), opt(multiplier_big)).parse(rest)?;
    let mut f = Some(f);
    for (p, m) in [bigs.0, bigs.1].into_iter().flatten() {
        shape.tail_big = shape.tail_big.saturating_add(Shape::big(p));
        shape.has_big = true;
        shape.has_units = true;
        f = f.and_then(|f| f.checked_mul(Decimal::from(m)));
    }
    match f {
        Some(f) if shape.has_units => Ok((rest, (f, shape))),
        _ => Err(nom::Err::Error(())),
    }
}

/// A multiplier chain right after `pos` (万, 千万, 亿, 万亿, [`multiplier_rule`]): its
/// factor and end.
fn multiplier_at(t: &str, pos: usize) -> Option<(Decimal, usize, Shape)> {
    // Every multiplier character is outside ASCII: a digit answers at once, and most
    // other characters are none of the eight.
    if t.as_bytes().get(pos).is_none_or(u8::is_ascii)
        || !matches!(
            char_at(t, pos),
            Some('十' | '拾' | '百' | '佰' | '千' | '仟' | '万' | '亿')
        )
    {
        return None;
    }
    rule_at(t, pos, multiplier_rule).map(|((f, shape), end)| (f, end, shape))
}

/// `percent-of = multiplier "分之"`, the multiplier a power of ten of at least a hundred:
/// 百分之 (percent), 千分之 (per mille), 万分之, 百万分之. As the power of ten that turns
/// the number after it into percent: 0 for 百分之, -1 for 千分之, -2 for 万分之 ….
fn percent_of_rule(i: &str) -> QResult<'_, i32> {
    map_opt(
        terminated(multiplier_rule, tag("分之")),
        |(_, shape): (Decimal, Shape)| {
            // The factor is 10^k: the small unit's power and the big units'.
            let k = u32::from(shape.tail_small).ilog10() + u32::from(shape.tail_big);
            let k = i32::try_from(k).ok()?;
            (k >= 2).then_some(2 - k)
        },
    )
    .parse(i)
}

/// [`percent_of_rule`] at `pos`: its power and where the number after it starts.
fn percent_of_at(t: &str, pos: usize) -> Option<(i32, usize)> {
    // The multiplier's first character answers for most numbers (see multiplier_at).
    if !matches!(
        char_at(t, pos),
        Some('十' | '拾' | '百' | '佰' | '千' | '仟' | '万' | '亿')
    ) {
        return None;
    }
    rule_at(t, pos, percent_of_rule)
}

/// The number `s` (read from `pos`) times the multiplier `f` that follows its 多 or 余
/// (ending at `end`). The multiplier applies to the section after the number's last
/// 万 or 亿 only: 1亿3千多万 is 1亿 and 3千多万 (130 million), never 1亿3千 times 万.
/// A multiplier no smaller than that 万 or 亿 (1万3千多万) makes no number: an error,
/// never a guess.
fn section_times(
    t: &str,
    pos: usize,
    s: &numerals::Scanned,
    f: Decimal,
    end: usize,
) -> Result<Decimal, NumError> {
    let last_big = if s.shape.has_big && s.shape.tail_big == 0 {
        t.get(pos..s.end)
            .and_then(|n| n.chars().rev().find(|&c| matches!(c, '万' | '亿')))
    } else {
        None
    };
    let Some(big) = last_big else {
        return s.value.checked_mul(f).ok_or_else(|| overflow_err(pos, end));
    };
    let k = Decimal::from(if big == '亿' {
        100_000_000u32
    } else {
        10_000u32
    });
    let tail = s
        .value
        .checked_rem(k)
        .ok_or_else(|| overflow_err(pos, end))?;
    let scaled = tail.checked_mul(f).ok_or_else(|| overflow_err(pos, end))?;
    if f >= k || scaled >= k {
        let at = s.end;
        return Err(NumError {
            kind: ParseErrorKind::Misordered,
            span: Span::new(at, end),
            message: Message::Text(
                "multiplier after 多 or 余 is not smaller than the 万 or 亿 before it",
            ),
            skip_to: end,
        });
    }
    (s.value - tail)
        .checked_add(scaled)
        .ok_or_else(|| overflow_err(pos, end))
}

fn overflow_err(start: usize, end: usize) -> NumError {
    NumError {
        kind: ParseErrorKind::Overflow,
        span: Span::new(start, end),
        message: Message::Text(numerals::OVERFLOW),
        skip_to: end,
    }
}

/// Characters that make a word with a digit after them (唯一, 统一, 之一, 再三, 乱七八糟):
/// two digits after one of them are no pair of neighbouring digits (唯一一个 is one, not
/// 11 nor one or two).
const ENDS_IN_DIGIT: &[char] = &[
    '唯', '统', '之', '同', '单', '专', '逐', '划', '合', '归', '周', '期', '拜', '初', '再', '接',
    '连', '不', '朝', '颠', '丢', '低', '横', '乱', '其', '第',
];

/// Characters that make a word with 数 before them (人数, 总数, 多数, 指数 …): 数 after
/// one of them is no vague numeral (人数十万 is not 10万 to 100万).
const BEFORE_SHU: &[char] = &[
    '人', '户', '总', '次', '基', '半', '多', '少', '无', '参', '指', '系', '分', '岁', '倍', '件',
    '位', '名', '天', '票', '字', '变', '算', '实', '项', '周', '亩', '个', '笔', '台', '村',
];

/// `round = multiplier !numeral`, the multiplier starting with 百, 千, 万 or 亿 and
/// holding no 亿万 or 万万 (words: 亿万人民, not 10^12): 百万, 千万, 百亿, 万, 千 with no
/// digit before them. No numeral may follow: 千一 and 万九 are abbreviated numbers, read
/// by the numeral grammar. The multiplier's factor and shape.
fn round_rule(i: &str) -> QResult<'_, (Decimal, Shape)> {
    let chain = verify(consumed(multiplier_rule), |(chain, _): &(&str, _)| {
        !chain.contains("亿万") && !chain.contains("万万")
    });
    terminated(
        preceded(peek(one_of("百千万亿")), map(chain, |(_, read)| read)),
        not(verify(lex::one_char, |&c| lex::is_numeral_char(c))),
    )
    .parse(i)
}

/// [`round_rule`] at `pos`, not right after a numeral (the 亿 of 亿亿余 ends a chain
/// and is no number of its own): its value, and how many characters it has.
fn round_at(t: &str, pos: usize) -> Option<(Scanned, usize)> {
    if !matches!(char_at(t, pos)?, '百' | '千' | '万' | '亿')
        || char_before(t, pos).is_some_and(lex::is_numeral_char)
    {
        return None;
    }
    let ((value, shape), end) = rule_at(t, pos, round_rule)?;
    let s = Scanned { value, end, shape };
    Some((s, (end - pos) / "万".len()))
}

/// `units-pair = "十" digit digit !digit multiplier?`, the second digit the next after
/// the first (not 0): the end of 三十七八 and 二十三四万, a numeral whose units digit the
/// next digit follows. The multiplier's factor and shape, if any.
fn units_pair_rule(i: &str) -> QResult<'_, Option<(Decimal, Shape)>> {
    let pair = verify(
        (lex::chinese_digit_char, lex::chinese_digit_char),
        |&(d1, d2)| d1 != 0 && d2 == d1 + 1,
    );
    preceded(
        (
            tag("十"),
            pair,
            not(verify(lex::one_char, |&c| lex::is_digit_char(c))),
        ),
        opt(multiplier_rule),
    )
    .parse(i)
}

/// `三十七八`, `二十三四万`: where the numeral grammar refuses a numeral (`e`, misordered
/// at the second digit of a pair), a range of one in the units place
/// ([`units_pair_rule`]), perhaps with a multiplier after it.
fn tens_pair(t: &str, pos: usize, e: &NumError) -> Result<Option<(Scanned, Decimal)>, NumError> {
    let at = e.span.start;
    if e.kind != ParseErrorKind::Misordered || at < pos + 2 * "十".len() {
        return Ok(None);
    }
    // The rule starts at the 十 before the pair's first digit.
    let Some((mult, end)) = rule_at(t, at - 2 * "十".len(), units_pair_rule) else {
        return Ok(None);
    };
    // The numeral up to the first digit of the pair, read alone.
    let Some(head) = t.get(..at) else {
        return Ok(None);
    };
    let Ok(Some(mut s)) = numerals::scan(head, pos) else {
        return Ok(None);
    };
    if s.end != at {
        return Ok(None);
    }
    let mut hi = s.value + Decimal::ONE;
    s.end = at + "十".len();
    if let Some((f, shape)) = mult {
        s.value = s
            .value
            .checked_mul(f)
            .ok_or_else(|| overflow_err(pos, end))?;
        hi = hi.checked_mul(f).ok_or_else(|| overflow_err(pos, end))?;
        s.end = end;
        s.shape.has_big |= shape.has_big;
        s.shape.tail_big = shape.tail_big;
        s.shape.tail_small = shape.tail_small;
    }
    Ok(Some((s, hi)))
}

/// `vague = ( "几" | "数" ) multiplier`, the multiplier starting with 十, 百, 千, 万 or 亿:
/// 几十万, 数百, 几百万, read from one multiplier to ten of it (几十万 is 10万 to 100万).
/// The multiplier's factor and shape.
fn vague_rule(i: &str) -> QResult<'_, (Decimal, Shape)> {
    preceded(
        alt((tag("几"), tag("数"))),
        preceded(peek(one_of("十百千万亿")), multiplier_rule),
    )
    .parse(i)
}

/// `neighbours = digit digit`, the second digit the next after the first (一两, 三四,
/// 八九) or 三五, and no third digit after them: the two ends of a vague range.
fn neighbours_rule(i: &str) -> QResult<'_, (u8, u8)> {
    terminated(
        verify(
            (lex::chinese_digit_char, lex::chinese_digit_char),
            |&(d1, d2)| d1 >= 1 && (d2 == d1 + 1 || (d1, d2) == (3, 5)),
        ),
        not(verify(lex::one_char, |&c| lex::is_digit_char(c))),
    )
    .parse(i)
}

/// `latin-multiplier = ( "k" | "K" | "w" | "W" ) !ascii-alphanumeric`, after Arabic
/// digits: 15k (千), 30w (万); not the k of 5kg or 10km. Its factor.
fn latin_multiplier_rule(i: &str) -> QResult<'_, u32> {
    terminated(
        alt((value(1000, one_of("kK")), value(10_000, one_of("wW")))),
        not(verify(lex::one_char, |c: &char| c.is_ascii_alphanumeric())),
    )
    .parse(i)
}

/// `over = ( "余" | "多" ) multiplier?`: 3万余, 100多, 1900余万, 100多万: more than the
/// number (the multiplier applies to the part after the number's last 万 or 亿, see
/// [`section_times`]). Which word, and the multiplier's factor and shape; whether the
/// words around make it no approximation (余额, 多少, 多元化) is for the caller.
fn over_rule(i: &str) -> QResult<'_, (char, Option<(Decimal, Shape)>)> {
    (one_of("余多"), opt(multiplier_rule)).parse(i)
}

/// `tens-vague = ( "几" | "来" ) multiplier?`, after a number that ends in 十: 十几,
/// 二十几万 (a range of ten: 10 to 20, 20万 to 30万); 十来个, 二十来万 (about that many).
/// Whether it is 几, and the multiplier's factor and shape.
fn tens_vague_rule(i: &str) -> QResult<'_, (bool, Option<(Decimal, Shape)>)> {
    (
        alt((value(true, tag("几")), value(false, tag("来")))),
        opt(multiplier_rule),
    )
        .parse(i)
}

/// Fuzzy amounts that are ranges, as `(low, high)`: 几十万 and 数十亿 (10万 to 100万,
/// [`vague_rule`]), 三五百, 四五千 and 八九亿 (two neighbouring digits before a unit,
/// [`neighbours_rule`]).
fn fuzzy_at(t: &str, pos: usize) -> Result<Option<(Scanned, Decimal)>, NumError> {
    let c1 = char_at(t, pos);
    if matches!(c1, Some('几' | '数')) {
        // 一百零几万: 几 after a numeral is the vague tail of that numeral, whose value
        // is not one range from 几 on (几万 alone would be a fragment): no reading here.
        if char_before(t, pos).is_some_and(lex::is_numeral_char) {
            return Ok(None);
        }
        let Some(((f, shape), e)) = rule_at(t, pos, vague_rule) else {
            return Ok(None);
        };
        let max = f
            .checked_mul(Decimal::TEN)
            .ok_or_else(|| overflow_err(pos, e))?;
        let s = Scanned {
            value: f,
            end: e,
            shape,
        };
        return Ok(Some((s, max)));
    }
    // Most numbers start with no pair of digits: the first two characters answer.
    if c1.and_then(lex::chinese_digit).is_none()
        || char_at(t, pos + "一".len())
            .and_then(lex::chinese_digit)
            .is_none()
    {
        return Ok(None);
    }
    let Some(((d1, d2), after)) = rule_at(t, pos, neighbours_rule) else {
        return Ok(None);
    };
    // 唯一一个, 统一两个, 乱七八糟: a numeral word before the second digit is no pair;
    // 十一二 and 一二三 are other numbers.
    if char_before(t, pos).is_some_and(|c| lex::is_numeral_char(c) || ENDS_IN_DIGIT.contains(&c)) {
        return Ok(None);
    }
    let Some((f, e, shape)) = multiplier_at(t, after) else {
        // 一两个, 三五头, 七八成: with no multiplier, a unit or measure word must follow,
        // or nothing that makes a word with the pair (一两点 is a time, 七八糟 a word; a
        // pair that ends a clause, 有七八。, is a bare range).
        let shape = Shape {
            tail_small: 1,
            ..Shape::default()
        };
        let ends_clause = char_at(t, after).is_none_or(|c| !is_cjk_char(c) && !c.is_alphanumeric());
        if !ends_clause && unit_after(t, after, &shape).is_none() {
            return Ok(None);
        }
        let s = Scanned {
            value: Decimal::from(d1),
            end: after,
            shape,
        };
        return Ok(Some((s, Decimal::from(d2))));
    };
    let lo = f
        .checked_mul(Decimal::from(d1))
        .ok_or_else(|| overflow_err(pos, e))?;
    let hi = f
        .checked_mul(Decimal::from(d2))
        .ok_or_else(|| overflow_err(pos, e))?;
    Ok(Some((
        Scanned {
            value: lo,
            end: e,
            shape,
        },
        hi,
    )))
}

/// What [`fraction_rule`] fails with: no fraction here (`Stop`, nom's recoverable
/// error), or a committed failure with the error to report (a wrong numerator, a
/// quotient that cannot be computed).
#[derive(Debug)]
enum FractionError {
    Stop,
    Numeral(NumError),
}

impl<I> nom::error::ParseError<I> for FractionError {
    fn from_error_kind(_: I, _: nom::error::ErrorKind) -> FractionError {
        FractionError::Stop
    }

    fn append(_: I, _: nom::error::ErrorKind, other: FractionError) -> FractionError {
        other
    }
}

/// `numeral`: a number of the numeral grammar ([`numerals::scan`]) in `t`, read from
/// where the input stands. A wrong numeral fails outright, as `cut` does.
fn numeral<'t>(t: &'t str) -> impl Parser<&'t str, Output = Scanned, Error = FractionError> {
    move |i: &'t str| match numerals::scan(t, t.len() - i.len()) {
        Ok(Some(s)) => Ok((t.get(s.end..).unwrap_or(""), s)),
        Ok(None) => Err(nom::Err::Error(FractionError::Stop)),
        Err(e) => Err(nom::Err::Failure(FractionError::Numeral(e))),
    }
}

/// `fraction = denominator "分之" numeral`: 三分之一, 五分之二, read after the denominator
/// `den` (a number that starts at `pos`). The quotient, rounded to 28 significant digits
/// (checked: a zero or too small denominator is an error, never a guess), and where the
/// numerator ends.
fn fraction_rule<'t>(
    t: &'t str,
    pos: usize,
    den: Decimal,
) -> impl Parser<&'t str, Output = (Decimal, usize), Error = FractionError> {
    move |i: &'t str| {
        let (rest, num) = preceded(tag("分之"), numeral(t)).parse(i)?;
        let quotient = (!den.is_zero())
            .then(|| num.value.checked_div(den))
            .flatten();
        match quotient {
            Some(v) => Ok((rest, (v.normalize(), num.end))),
            None => Err(nom::Err::Failure(FractionError::Numeral(NumError {
                kind: ParseErrorKind::Overflow,
                span: Span::new(pos, num.end),
                message: Message::Text(
                    "fraction cannot be computed exactly (denominator is zero or too small)",
                ),
                skip_to: num.end,
            }))),
        }
    }
}

/// Reads the number at `pos` with its own follow-ups: 余/多 with a multiplier after
/// them (1900余万), and fractions (三分之一).
fn number_at(
    t: &str,
    pos: usize,
    approx: &mut Approx,
    fraction: &mut bool,
    round: &mut usize,
    pre: Option<Scanned>,
) -> Result<Option<(Scanned, Option<Decimal>)>, NumError> {
    if let Some((s, max)) = fuzzy_at(t, pos)? {
        *approx = Approx::About;
        return Ok(Some((s, Some(max))));
    }
    let round_read = if pre.is_none() {
        round_at(t, pos)
    } else {
        None
    };
    let scanned = match (pre, round_read) {
        (Some(s), _) => Some(s),
        (None, Some((s, n))) => {
            *round = n;
            Some(s)
        }
        (None, None) => match numerals::scan(t, pos) {
            Ok(s) => s,
            Err(e) => match tens_pair(t, pos, &e)? {
                Some((s, max)) => {
                    *approx = Approx::About;
                    return Ok(Some((s, Some(max))));
                }
                None => return Err(e),
            },
        },
    };
    let Some(mut s) = scanned else {
        return Ok(None);
    };
    // 15k, 30w: Arabic numbers with a Latin multiplier (not 5kg, 10km).
    if s.shape.arabic && matches!(char_at(t, s.end), Some('k' | 'K' | 'w' | 'W')) {
        if let Some((m, end)) = rule_at(t, s.end, latin_multiplier_rule) {
            s.value = s
                .value
                .checked_mul(Decimal::from(m))
                .ok_or_else(|| overflow_err(pos, s.end))?;
            s.end = end;
            s.shape.has_units = true;
            // k is a small unit (千), w a big one (万): 3-15w is 3万 to 15万.
            (s.shape.tail_small, s.shape.tail_big) = if m == 10_000 { (1, 4) } else { (1000, 0) };
            s.shape.arabic_int = None;
        }
    }
    // 三分之一: a fraction.
    if starts(t, s.end, "分之") {
        match fraction_rule(t, pos, s.value).parse(t.get(s.end..).unwrap_or("")) {
            Ok((_, (value, end))) => {
                *fraction = true;
                let shape = Shape {
                    tail_small: 1,
                    ..Shape::default()
                };
                return Ok(Some((Scanned { value, end, shape }, None)));
            }
            Err(nom::Err::Failure(FractionError::Numeral(e))) => return Err(e),
            Err(_) => {}
        }
    }
    // 十几, 二十几万: 几 after a ten is a range of ten; 十来个, 二十来万: 来 after a ten
    // is about that many.
    let tens_vague = if s.shape.tail_small == 10
        && s.shape.tail_big == 0
        && matches!(char_at(t, s.end), Some('几' | '来'))
    {
        rule_at(t, s.end, tens_vague_rule)
    } else {
        None
    };
    match tens_vague {
        Some(((true, mult), end)) => {
            let mut lo = s.value;
            let mut hi = lo
                .checked_add(Decimal::TEN)
                .ok_or_else(|| overflow_err(pos, s.end))?;
            if let Some((f, _)) = mult {
                lo = lo.checked_mul(f).ok_or_else(|| overflow_err(pos, end))?;
                hi = hi.checked_mul(f).ok_or_else(|| overflow_err(pos, end))?;
            }
            *approx = Approx::About;
            s.value = lo;
            s.end = end;
            s.shape.has_units = true;
            return Ok(Some((s, Some(hi))));
        }
        Some(((false, Some((f, shape))), end)) => {
            s.value = s
                .value
                .checked_mul(f)
                .ok_or_else(|| overflow_err(pos, end))?;
            s.end = end;
            s.shape.has_big |= shape.has_big;
            s.shape.tail_big = shape.tail_big;
            s.shape.tail_small = shape.tail_small;
            *approx = Approx::About;
        }
        // 十来个: with no multiplier, only before a unit or measure word.
        Some(((false, None), after))
            if label_at(t, after).is_some() || classifier_at(t, after).is_some() =>
        {
            s.end = after;
            *approx = Approx::About;
        }
        _ => {}
    }
    // 1900余万, 100多万, 3万余: 余 or 多, then perhaps a multiplier.
    let over = if matches!(char_at(t, s.end), Some('余' | '多')) {
        rule_at(t, s.end, over_rule)
    } else {
        None
    };
    if let Some(((c, mult), end)) = over {
        let after = s.end + c.len_utf8();
        let next = char_at(t, after);
        // 3万余建档立卡贫困户: a population noun counts as the unit it implies.
        let unit_follows = label_at(t, after).is_some()
            || classifier_at(t, after).is_some()
            || people_noun(t, after).is_some()
            || matches!(next, Some('万' | '亿' | '千' | '百' | '十'))
            || next.is_none()
            || next.is_some_and(|n| !is_cjk_char(n));
        // 十多年, 3万多名; but not 余额 or 多个 being another word (多少, 多元).
        // 7万多元 is over 70000 yuan; 多元 is "diverse" only as a word of its own (多元化).
        let blocked = c == '多'
            && (matches!(next, Some('样' | '种' | '方' | '少'))
                || next == Some('元')
                    && matches!(
                        char_at(t, after + '元'.len_utf8()),
                        Some('化' | '素' | '性' | '论' | '文' | '主' | '一')
                    ))
            || c == '余' && matches!(next, Some('额' | '下' | '粮'));
        // The multiplier after 余 ends the numeral (1900余万); one that more numeral
        // follows starts the next number (零余十一万 is not 0 and 10 余).
        let run_on = mult.is_some() && char_at(t, end).is_some_and(lex::is_numeral_char);
        if unit_follows && !blocked && !run_on {
            *approx = Approx::Over;
            s.end = after;
            if let Some((f, shape)) = mult {
                s.value = section_times(t, pos, &s, f, end)?;
                s.end = end;
                s.shape.has_units = true;
                s.shape.has_big |= shape.has_big;
                s.shape.tail_big = shape.tail_big;
                s.shape.tail_small = shape.tail_small;
            }
        }
    }
    Ok(Some((s, None)))
}

/// The unit after a number at `pos` (blanks allowed before it): its label or measure
/// word, with where it ends.
#[derive(Clone, Copy, Debug)]
struct UnitRead {
    unit: Unit,
    pow: i32,
    classifier: Option<&'static str>,
    end: usize,
}

/// The high end of a range as [`range_high_rule`] reads it: the number, its
/// approximation (余, 多) and its unit.
#[derive(Clone, Copy, Debug)]
struct RangeHigh {
    hi: Scanned,
    approx: Approx,
    unit: Option<UnitRead>,
}

/// `range-high = "(含)"? range-sep high unit?`: what follows the low end of a range and
/// its unit `lo_unit` (3至5万元, 1万元-5万元, 50万元(含)-100万元). The high end is read as
/// [`number_at`] reads a number, but no vague range, no fraction and no Chinese digit
/// string (0至一两 is not 0 to 12); its unit must be the low end's where that has one.
fn range_high_rule<'t>(
    t: &'t str,
    lo_unit: Option<UnitRead>,
) -> impl Parser<&'t str, Output = RangeHigh, Error = ()> {
    move |i: &'t str| {
        let (i, _) = (opt(tag("(含)")), range_sep_rule).parse(i)?;
        let (mut approx, mut fraction, mut round) = (Approx::Exact, false, 0);
        let at = t.len() - i.len();
        let Ok(Some((hi, None))) = number_at(t, at, &mut approx, &mut fraction, &mut round, None)
        else {
            return Err(nom::Err::Error(()));
        };
        let unit = unit_after(t, hi.end, &hi.shape);
        let same_unit = match (lo_unit, unit) {
            (None, _) => true,
            (Some(a), Some(b)) => a.unit == b.unit && a.classifier == b.classifier,
            (Some(_), None) => false,
        };
        if !same_unit || fraction || hi.shape.digit_string.is_some() {
            return Err(nom::Err::Error(()));
        }
        let end = unit.map_or(hi.end, |u| u.end);
        let high = RangeHigh { hi, approx, unit };
        Ok((t.get(end..).unwrap_or(""), high))
    }
}

/// [`range_high_rule`] at `pos`, right after the low end and its unit.
fn range_high_at(t: &str, pos: usize, lo_unit: Option<UnitRead>) -> Option<RangeHigh> {
    // Most figures are no range: the first character after the blanks answers.
    let p = if starts(t, pos, "(含)") {
        pos + "(含)".len()
    } else {
        pos
    };
    if !matches!(
        char_at(t, skip_blanks(t, p)),
        Some('—' | '–' | '―' | '-' | '至' | '到' | '~' | '〜' | '－')
    ) {
        return None;
    }
    rule_at(t, pos, range_high_rule(t, lo_unit)).map(|(high, _)| high)
}

/// Things counted with 口 that are not people: wells, cisterns, ponds, pools, kilns.
fn container(c: Option<char>) -> bool {
    matches!(c, Some('井' | '窖' | '塘' | '池' | '窑' | '缸' | '锅'))
}

/// Whether a unit or measure word, as a number's reader takes one, starts at `pos`.
pub(crate) fn unit_word_at(t: &str, pos: usize) -> bool {
    unit_after(t, pos, &Shape::default()).is_some_and(|u| u.end > pos)
}

/// `unit = blanks ( label | "成" | classifier )`: the unit after a figure's number at
/// `pos` (after its multiplier), or its measure word.
fn unit_after(t: &str, pos: usize, shape: &Shape) -> Option<UnitRead> {
    let p = skip_blanks(t, pos);
    let (read, end) = rule_at(
        t,
        p,
        alt((
            label_unit(t, pos),
            tenths_unit(p == pos && !shape.has_big),
            classifier_unit(t),
        )),
    )?;
    let (unit, pow, classifier) = read;
    Some(UnitRead {
        unit,
        pow,
        classifier,
        end,
    })
}

/// What a unit rule reads: the unit, the power of ten it applies, the measure word.
type UnitOut = (Unit, i32, Option<&'static str>);

/// `label`: a unit label of [`LABELS`] (longest first, one lexicon lookup), but not where
/// the characters after it make another word (人民, 名单, 元素, 户籍 …: see
/// [`label_blocked`]). `pos` is where the blanks before it start.
#[inline(always)]
fn label_unit<'t>(t: &'t str, pos: usize) -> impl Parser<&'t str, Output = UnitOut, Error = ()> {
    move |i: &'t str| {
        let p = t.len() - i.len();
        match label_at(t, p) {
            Some(l) if !label_blocked(t, pos, p, l) => {
                Ok((i.get(l.text.len()..).unwrap_or(""), (l.unit, l.pow, None)))
            }
            _ => Err(nom::Err::Error(())),
        }
    }
}

/// Whether the label `l` at `p` (the figure's blanks start at `pos`) is part of
/// another word and no unit.
#[inline(always)]
fn label_blocked(t: &str, pos: usize, p: usize, l: Label) -> bool {
    // 人 starting 人民/人均/人口 (as in 3人民币) is not the unit 人, except 人口 (口 counts people).
    let next = char_at(t, p + l.text.len());
    match l.text {
        "人" => matches!(next, Some('民' | '均' | '员' | '才' | '大' | '工')),
        "名" => matches!(next, Some('单' | '称' | '义' | '额')),
        // 两位数增长 is double-digit growth, no two persons.
        "位" => matches!(next, Some('于' | '置' | '数')),
        // 口 counts people (30964口脱贫人口, 5口人), except wells, cisterns, ponds
        // and pools named right after it or just before the number (12口井,
        // 水窖2059口): there it is a measure word.
        "口" => {
            container(next) || {
                let mut k = pos;
                while let Some(c) =
                    char_before(t, k).filter(|&c| lex::is_numeral_char(c) || c == '.')
                {
                    k -= c.len_utf8();
                }
                let head = t.get(..k).unwrap_or("");
                head.chars().rev().take(3).any(|c| container(Some(c)))
            }
        }
        "元" => matches!(next, Some('素' | '旦')),
        // 块 is the yuan of speech (200块, 200块钱) only where no noun follows it:
        // 12块光伏板, 3块地 count pieces.
        // 十块三毛, 两块五: the jiao after it goes on the yuan.
        // 三块多钱 is over 3 yuan, but 12块多晶硅组件 counts pieces: after 多 or 余
        // the character after decides.
        "块" => next.is_some_and(|c| {
            let word = |c: char| {
                is_cjk_char(c)
                    && !lex::is_numeral_char(c)
                    && !matches!(
                        c,
                        '钱' | '左' | '上' | '以' | '的' | '了' | '至' | '到' | '及'
                    )
            };
            if matches!(c, '多' | '余') {
                char_at(t, p + l.text.len() + c.len_utf8()).is_some_and(word)
            } else {
                word(c)
            }
        }),
        "户" => matches!(next, Some('籍' | '口')),
        "亩" => false,
        "km" | "MW" | "kW" | "kw" | "KW" | "kWh" | "kwh" | "KWh" | "KWH" => {
            next.is_some_and(|c| c.is_ascii_alphanumeric())
        }
        _ => false,
    }
}

/// `"成"` as tenths of a whole (三成 is 30 percent), touching the number and after no 万
/// or 亿 (`ok`), and not in 成为, 成立, 成本, 成效 …
#[inline(always)]
fn tenths_unit<'t>(ok: bool) -> impl Parser<&'t str, Output = UnitOut, Error = ()> {
    move |i: &'t str| {
        if !ok {
            return Err(nom::Err::Error(()));
        }
        let (rest, _) = nom::character::complete::char('成').parse(i)?;
        let (_, ()) = not(verify(nom::character::complete::anychar, |&c| {
            tenths_word(c)
        }))
        .parse(rest)?;
        Ok((rest, (Unit::Percent, 1, None)))
    }
}

/// Whether `c` after 成 makes a word of it (成为, 成立, 成本 …).
fn tenths_word(c: char) -> bool {
    matches!(
        c,
        '为' | '立'
            | '本'
            | '效'
            | '果'
            | '绩'
            | '功'
            | '熟'
            | '长'
            | '员'
            | '交'
            | '就'
            | '型'
            | '片'
            | '套'
            | '品'
            | '都'
            | '年'
            | '群'
    )
}

/// `classifier`: a measure word of [`CLASSIFIERS`] (个, 家, 所 …), not where the next
/// character makes it another word.
#[inline(always)]
fn classifier_unit<'t>(t: &'t str) -> impl Parser<&'t str, Output = UnitOut, Error = ()> {
    move |i: &'t str| match classifier_at(t, t.len() - i.len()) {
        Some(c) => Ok((i.get(c.len()..).unwrap_or(""), (Unit::Count, 0, Some(c)))),
        None => Err(nom::Err::Error(())),
    }
}

/// `per = ( "/" | "每" ) ( 年 | 月 | 天 | 日 | 人 | 户 | 亩 )`: 万元/年, 元每亩.
fn per_rule(i: &str) -> QResult<'_, Per> {
    preceded(
        alt((tag("/"), tag("每"))),
        map_opt(nom::character::complete::anychar, Per::from_char),
    )
    .parse(i)
}

/// A rate's `per` right after `pos` ([`per_rule`]).
fn per_after(t: &str, pos: usize) -> Option<(Per, usize)> {
    // Most figures are no rate: the first byte answers ('/', or 每's first byte).
    if !matches!(t.as_bytes().get(pos), Some(b'/' | 0xE6)) {
        return None;
    }
    rule_at(t, pos, per_rule)
}

/// The counted noun at `pos`, up to eight CJK characters.
fn noun_after(t: &str, pos: usize, whole: bool) -> Option<(usize, usize)> {
    let mut p = pos;
    let mut n = 0;
    while let Some(c) = char_at(t, p) {
        if whole {
            if !is_cjk_char(c) {
                break;
            }
        } else if ends_noun(c) || n == 12 {
            break;
        }
        p += c.len_utf8();
        n += 1;
    }
    (p > pos).then_some((pos, p))
}

pub(crate) fn people_noun(t: &str, pos: usize) -> Option<(Unit, usize)> {
    let rest = t.get(pos..)?;
    let (words, lx) = noun_lexicon();
    let i = lx.find(words, rest, |_| true)?;
    let w = words.get(i)?;
    let unit = if i < PERSON_NOUNS.len() {
        Unit::Person
    } else {
        Unit::Household
    };
    Some((unit, pos + w.len()))
}

/// What the last walk of a list of `N个、M个…` found: every item of a list ends at the
/// same place and shares one answer, so a scanner that reads the items one after another
/// walks the list once, not once per item (a list of n items cost n² before).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ListMemo {
    /// The walk started here and stopped at `until`; `from == until` when there was none.
    from: usize,
    until: usize,
    unit: Option<Unit>,
}

/// Whether the clause before `pos` speaks of electricity (发电, 用电, 电量, 供电 …: a 电
/// within the last twelve characters, no clause break between), so that a 度 after the
/// number there is a kilowatt-hour and not a degree. Leans to no: without 电 nearby,
/// 度 stays a measure word.
fn electricity_before(t: &str, pos: usize) -> bool {
    let head = t.get(..pos).unwrap_or("");
    for c in head.chars().rev().take(12) {
        if c == '电' || c == '電' {
            return true;
        }
        if matches!(c, '，' | ',' | '。' | '；' | ';' | '\n' | '：' | ':') {
            return false;
        }
    }
    false
}

// How many items the list walks have read on this thread: a test counts work with it.
#[cfg(test)]
thread_local! {
    pub(crate) static LIST_STEPS: core::cell::Cell<usize> = const { core::cell::Cell::new(0) };
}

/// `list-item = "、" numeral ( "个百分点" | "个" )`: the next item of a list of counts
/// (5个、10个、3个百分点); whether it is the last, with percentage points.
fn list_item_rule<'t>(t: &'t str) -> impl Parser<&'t str, Output = bool, Error = ()> {
    move |i: &'t str| {
        let (i, _) = tag("、").parse(i)?;
        let Ok((i, _)) = numeral(t).parse(i) else {
            return Err(nom::Err::Error(()));
        };
        alt((value(true, tag("个百分点")), value(false, tag("个")))).parse(i)
    }
}

/// After `N个` at `pos`: `、M个百分点` gives the list's unit to N too.
fn shared_list_unit(t: &str, pos: usize, memo: &mut ListMemo) -> Option<Unit> {
    // A later item of the list last walked: the same walk's answer (the walk from any
    // item passes through every later one and stops where the first walk stopped).
    if memo.from < pos && pos <= memo.until {
        return memo.unit;
    }
    let mut p = pos;
    let mut unit = None;
    while starts(t, p, "、") {
        #[cfg(test)]
        LIST_STEPS.with(|n| n.set(n.get() + 1));
        match rule_at(t, p, list_item_rule(t)) {
            Some((true, _)) => {
                unit = Some(Unit::PercentagePoint);
                break;
            }
            Some((false, end)) => p = end,
            None => break,
        }
    }
    *memo = ListMemo {
        from: pos,
        until: p,
        unit,
    };
    unit
}

/// `cent-digit`: a numeral of one digit (0 to 9, no unit, no point) in `t`, read by
/// the numeral grammar from where the input stands.
fn cent_digit<'t>(t: &'t str) -> impl Parser<&'t str, Output = Decimal, Error = ()> {
    move |i: &'t str| match numerals::scan(t, t.len() - i.len()) {
        Ok(Some(s)) if !s.shape.has_units && s.value < Decimal::TEN && s.value.scale() == 0 => {
            Ok((t.get(s.end..).unwrap_or(""), s.value))
        }
        _ => Err(nom::Err::Error(())),
    }
}

/// `cents = ( cent-digit ( "角" | "毛" ) )? ( cent-digit "分" )?`, at least one: the
/// 1角1分 of 123元1角1分, the 三毛 of 十块三毛; as a decimal of a yuan.
fn cents_rule(t: &str) -> impl Parser<&str, Output = Decimal, Error = ()> {
    map_opt(
        (
            opt(terminated(cent_digit(t), alt((tag("角"), tag("毛"))))),
            opt(terminated(cent_digit(t), tag("分"))),
        ),
        |(jiao, fen)| {
            let mut add = Decimal::ZERO;
            if let Some(v) = jiao {
                add += v / Decimal::TEN;
            }
            if let Some(v) = fen {
                add += v / Decimal::ONE_HUNDRED;
            }
            (jiao.is_some() || fen.is_some()).then_some(add)
        },
    )
}

/// 元 followed by 角 and 分 at `pos` ([`cents_rule`]): the cents and where they end.
#[inline]
fn cents_after(t: &str, pos: usize) -> Option<(Decimal, usize)> {
    // The cents start with a digit: anything else answers without reading a numeral.
    if !char_at(t, pos).is_some_and(lex::is_digit_char) {
        return None;
    }
    cents_at(t, pos)
}

/// [`cents_rule`] at `pos`, kept out of line: it is rare, and inlined, its parsers
/// would enlarge the frame of every read.
#[inline(never)]
fn cents_at(t: &str, pos: usize) -> Option<(Decimal, usize)> {
    rule_at(t, pos, cents_rule(t))
}

/// Reads a quantity whose number starts at `pos` (after a percent prefix, if any: the
/// caller passes `pct` when 百分之/千分之 stood before it).
pub(crate) fn read(t: &str, pos: usize, mode: Mode) -> Result<Option<Raw>, NumError> {
    read_scanned(t, pos, mode, None, &mut ListMemo::default())
}

/// As [`read`], with the numeral at `pos` already scanned by the caller (`pre`), when
/// it starts right at `pos`.
pub(crate) fn read_scanned(
    t: &str,
    pos: usize,
    mode: Mode,
    pre: Option<Scanned>,
    memo: &mut ListMemo,
) -> Result<Option<Raw>, NumError> {
    let mut start = pos;
    let mut approx = Approx::Exact;
    // 百分之…, 千分之…, 万分之…, 百万分之…: parts of a power of ten, as percent.
    let mut pct_pow = None;
    let mut at = pos;
    // Most figures start with an Arabic digit: no percent word (its multiplier is
    // Chinese) and no sign can start there, so neither is looked for.
    let digit_first = t.as_bytes().get(pos).is_some_and(u8::is_ascii_digit);
    if !digit_first {
        if let Some((p, e)) = percent_of_at(t, pos) {
            pct_pow = Some(p);
            at = e;
        }
    }
    let mut negative = false;
    let sign = if digit_first {
        None
    } else {
        numerals::sign(t, at)
    };
    if let Some(p) = sign {
        // In running text the sign must touch the number (负3.9%, -10000).
        if mode == Mode::Whole || p == at + char_at(t, at).map_or(0, char::len_utf8) {
            negative = true;
            at = p;
        }
    }
    let mut fraction = false;
    // 几十万, 数百户: the vague digit stands before the candidate's 十/百/千/万/亿; the read
    // starts at it, so that no part of it (十万) is read alone.
    if pct_pow.is_none()
        && at >= "几".len()
        && matches!(char_at(t, at), Some('十' | '百' | '千' | '万' | '亿'))
    {
        let vague = match char_before(t, at) {
            Some('几') => true,
            Some('数') => {
                !char_before(t, at - "数".len()).is_some_and(|c| BEFORE_SHU.contains(&c))
            }
            _ => false,
        };
        if vague {
            at -= "几".len();
            start = at;
        }
    }
    let mut round = 0;
    let num = if pct_pow == Some(0)
        && starts(t, at, "百")
        && !char_at(t, at + 3).is_some_and(lex::is_numeral_char)
    {
        // 百分之百
        let s = Scanned {
            value: Decimal::ONE_HUNDRED,
            end: at + "百".len(),
            shape: Shape {
                has_units: true,
                tail_small: 1,
                ..Shape::default()
            },
        };
        Some((s, None))
    } else if let Some(s) = pre.filter(|s| {
        // Digits already read that nothing after them extends (no k or w, 分之, 几, 来,
        // 余 or 多): what number_at would give back unchanged, without the call.
        digit_first
            && at == pos
            && !matches!(
                char_at(t, s.end),
                Some('k' | 'K' | 'w' | 'W' | '分' | '几' | '来' | '余' | '多')
            )
    }) {
        Some((s, None))
    } else {
        number_at(
            t,
            at,
            &mut approx,
            &mut fraction,
            &mut round,
            pre.filter(|_| at == pos),
        )?
    };
    let Some((mut lo, fuzzy_max)) = num else {
        return Ok(None);
    };
    if negative && !lo.value.is_zero() {
        lo.value = -lo.value;
    }
    let num_start = at;
    let mut num_end = lo.end;
    let mut value = lo.value;
    let mut max = fuzzy_max;
    let mut unit = None;
    let mut pow = 0;
    let mut classifier = None;
    let mut noun = None;
    let mut per = None;
    let mut end = lo.end;

    if let Some(p) = pct_pow {
        unit = Some(Unit::Percent);
        pow = p;
    } else if fuzzy_max.is_some() {
        if let Some(u) = unit_after(t, end, &lo.shape) {
            unit = Some(u.unit);
            pow = u.pow;
            classifier = u.classifier;
            end = u.end;
        }
    } else if !fraction {
        // The unit of the low end, if written (1万元--5万元, 10万到20万元).
        let lo_unit = unit_after(t, end, &lo.shape);
        let after_lo = lo_unit.map_or(end, |u| u.end);
        // A range: 3至5万元, 3-5万元, 1万元-5万元.
        let mut ranged = false;
        if let Some(RangeHigh {
            hi,
            approx: hi_approx,
            unit: hi_unit,
        }) = range_high_at(t, after_lo, lo_unit)
        {
            // The low end takes the high end's multiplier when it has none of its own:
            // 3至5万 is 3万 to 5万, but 8500到3万 stays 8500.
            let mut low = lo.value;
            if lo_unit.is_none() {
                let inherit = if !lo.shape.has_units {
                    pow10(u32::from(hi.shape.tail_big))
                        .and_then(|b| b.checked_mul(Decimal::from(hi.shape.tail_small)))
                } else if !lo.shape.has_big {
                    pow10(u32::from(hi.shape.tail_big))
                } else {
                    Some(Decimal::ONE)
                };
                if let Some(m) = inherit.and_then(|m| lo.value.checked_mul(m)) {
                    if m <= hi.value {
                        low = m;
                    }
                }
            }
            if low < hi.value {
                value = low;
                max = Some(hi.value);
                end = hi.end;
                num_end = hi.end;
                ranged = true;
                if hi_approx != Approx::Exact {
                    approx = hi_approx;
                }
                if let Some(u) = hi_unit {
                    unit = Some(u.unit);
                    pow = u.pow;
                    classifier = u.classifier;
                    end = u.end;
                }
            }
        }
        if !ranged {
            if let Some(u) = lo_unit {
                unit = Some(u.unit);
                pow = u.pow;
                classifier = u.classifier;
                end = u.end;
            }
        }
    }
    // 1个多月, 2个余小时: over that many months or hours.
    if classifier == Some("个") && max.is_none() {
        for (w, cls) in [("多月", "个月"), ("余月", "个月"), ("多小时", "小时")] {
            if starts(t, end, w) {
                classifier = Some(cls);
                end += w.len();
                if approx == Approx::Exact {
                    approx = Approx::Over;
                }
                break;
            }
        }
    }

    // 发电60万度: 度 of electricity is a kilowatt-hour.
    if unit == Some(Unit::Count) && classifier == Some("度") && electricity_before(t, start) {
        unit = Some(Unit::KilowattHour);
        classifier = None;
    }
    // 1.4 个 百分点: typeset with a blank inside 个百分点, still percentage points.
    if classifier == Some("个") && matches!(t.as_bytes().get(end), Some(b' ' | 0xE3)) {
        let q = skip_blanks(t, end);
        if q > end && starts(t, q, "百分点") {
            unit = Some(Unit::PercentagePoint);
            classifier = None;
            end = q + "百分点".len();
        }
    }
    // 5个、10个百分点: a count in a list takes the unit written at the list's end.
    if classifier == Some("个") && max.is_none() {
        if let Some(u) = shared_list_unit(t, end, memo) {
            unit = Some(u);
            classifier = None;
        }
    }
    if unit.is_none() && !fraction {
        if let Some((u, e)) = people_noun(t, end) {
            unit = Some(u);
            noun = Some((end, e));
            // The noun is kept apart in running text (1.6万 of 1.6万贫困人口); a whole
            // input is read to its end.
            if mode == Mode::Whole {
                end = e;
            }
        }
    }
    // 两成半, 九成五: a half or a tenth of a tenth after 成 (25, 95 percent).
    if unit == Some(Unit::Percent) && pow == 1 && max.is_none() && value < Decimal::TEN {
        let half = char_at(t, end) == Some('半');
        let next = char_at(t, end)
            .and_then(lex::chinese_digit)
            .filter(|&d| d > 0);
        let digit = next.filter(|_| {
            !char_at(t, end + "五".len())
                .is_some_and(|c| is_cjk_char(c) && !matches!(c, '的' | '以' | '左' | '上' | '多'))
        });
        // 三成五保户: a digit after 成 that starts a word may be the tenth (三成五) or
        // the word's (五保户); in running text that is no answer.
        if mode == Mode::Text && next.is_some() && digit.is_none() {
            return Ok(None);
        }
        let add = match (half, digit) {
            (true, _) => Some(Decimal::new(5, 1)),
            (false, Some(d)) => Some(Decimal::new(i64::from(d), 1)),
            _ => None,
        };
        if let Some(a) = add {
            value += a;
            end += "半".len();
        }
    }
    // 唯一一个, 一一个: two or three Chinese digits that are no pair of neighbours are
    // no number in running text (a digit string of a year has four).
    if mode == Mode::Text && max.is_none() && lo.shape.digit_string.is_some_and(|n| n <= 3) {
        return Ok(None);
    }
    let overflow = |e: usize| overflow_err(start, e);
    if pow != 0 {
        value = apply_pow(value, pow).ok_or_else(|| overflow(end))?;
        if let Some(m) = max {
            max = Some(apply_pow(m, pow).ok_or_else(|| overflow(end))?);
        }
    }
    if unit == Some(Unit::Yuan) {
        if max.is_none() {
            if let Some((c, e)) = cents_after(t, end) {
                value = value.checked_add(c).ok_or_else(|| overflow(e))?.normalize();
                end = e;
            }
        }
        for w in ["钱", "整", "正", "人民币"] {
            if (mode == Mode::Whole || w == "钱") && starts(t, end, w) {
                end += w.len();
                break;
            }
        }
    }
    if mode == Mode::Whole && unit.is_none() && !fraction && starts(t, end, "人民币") {
        unit = Some(Unit::Yuan);
        end += "人民币".len();
    }
    if unit.is_some() {
        if let Some((p, e)) = per_after(t, end) {
            if starts(t, end, "/") {
                per = Some(p);
                end = e;
            }
        }
    }
    // 两成多, 一成余: more than the tenths (多 and 余 otherwise stand before a unit).
    if unit == Some(Unit::Percent)
        && approx == Approx::Exact
        && crate::common::chars::ends(t, end, "成")
        && matches!(char_at(t, end), Some('多' | '余'))
    {
        approx = Approx::Over;
        end += "多".len();
    }
    if let Some((a, e)) = approx_after(t, end) {
        if approx == Approx::Exact {
            approx = a;
        }
        end = e;
        // 105万以上贫困人口: a population noun after the approximation word names what
        // is counted, as it does right after the number.
        if unit.is_none() && !fraction && noun.is_none() {
            if let Some((u, ne)) = people_noun(t, end) {
                unit = Some(u);
                noun = Some((end, ne));
                if mode == Mode::Whole {
                    end = ne;
                }
            }
        }
    }
    // After the words after it (万人以上 is over 10000 persons).
    if round > 0 {
        // 上千人, 过万元: 上, 过 or 破 before a round multiplier is over it (not in 成千上万,
        // where a numeral stands before 上).
        if approx == Approx::Exact && approx_before(t, start).is_none() {
            if let Some(c @ ('上' | '过' | '破')) = char_before(t, start) {
                let before = start - "上".len();
                // 不过千元 is "no more than", never over; the 上 of 以上 ends the figure
                // before (万元以上百户 is not over 100 households).
                let word = char_before(t, before).is_some_and(|b| {
                    lex::is_numeral_char(b) || c == '过' && b == '不' || c == '上' && b == '以'
                });
                if !word {
                    approx = Approx::Over;
                    start = before;
                }
            }
        }
        // In running text a round multiplier alone is a word (万一, 千万不要, 百姓, 千家万户)
        // unless an approximation marks it (近万人, 上千人, 千余人); a longer one (百万,
        // 千万元) needs a unit or the end of a clause (百万富翁 is a word).
        // A whole input takes a longer one alone (百万, 百亿); a lone 万 or 亿 there is
        // the error the numeral grammar gives (亿元: 亿 cannot start a number).
        let marked = approx != Approx::Exact || approx_before(t, start).is_some();
        // In text a longer one with no unit stands only at the end of a clause (达百万。).
        let word_after = char_at(t, end).is_some_and(is_cjk_char);
        if !marked && (round == 1 || mode == Mode::Text && unit.is_none() && word_after) {
            if mode == Mode::Whole {
                numerals::scan(t, num_start)?;
            }
            return Ok(None);
        }
    }
    // Measure words of time and of actions (5年, 4次, 3天) count no noun after them:
    // what follows is the rest of the sentence (连续5年新年…, 4次跨省区…).
    let verbal = |c: Option<&str>| {
        matches!(
            c,
            Some("年" | "天" | "周" | "个月" | "小时" | "次" | "轮" | "届" | "期" | "季")
        )
    };
    if unit == Some(Unit::Count) && noun.is_none() {
        noun = noun_after(t, end, mode == Mode::Whole).filter(|_| !verbal(classifier));
        if let Some((_, e)) = noun {
            if mode == Mode::Whole {
                end = e;
            }
        }
    }
    if let Some((a, s)) = approx_before(t, start) {
        if approx == Approx::Exact || approx == Approx::Over && a == Approx::Over {
            approx = a;
        }
        start = s;
    } else if mode == Mode::Text && approx == Approx::Exact && may_bound_across_gap(t, start) {
        if let Some(a) = bound_across_gap(t, start) {
            approx = a;
        }
    }
    // Every value leaves normalized (no trailing zeros after the point: 3.5w is 35000,
    // never 35000.0), whichever rule above made it. Only a value with a point can have any.
    if value.scale() != 0 {
        value = value.normalize();
    }
    let max = max.map(|m| if m.scale() != 0 { m.normalize() } else { m });
    Ok(Some(Raw {
        start,
        end,
        num_start,
        num_end,
        value,
        max,
        unit,
        approx,
        per,
        classifier,
        noun,
        shape: lo.shape,
        fraction,
    }))
}

fn pow10(p: u32) -> Option<Decimal> {
    let mut v = Decimal::ONE;
    for _ in 0..p {
        v = v.checked_mul(Decimal::TEN)?;
    }
    Some(v)
}

/// Parses one numeral, the whole input, to an exact decimal.
///
/// Accepts every form of the [grammar](crate#numbers): Arabic with separators and
/// full-width digits, 千/万/亿/万亿 on Arabic decimals, Chinese integers with 零 and 两,
/// digit strings (二〇二〇), capital and traditional forms, Chinese decimals, mixed forms
/// (3万5千) and negatives (负, -). Blanks around the numeral are ignored. The value is
/// normalized: no trailing zeros after the point.
///
/// # Errors
///
/// A [`ParseError`] naming the problem and its byte span in `text`:
/// [`Empty`](ParseErrorKind::Empty) for blank input; [`Misordered`](ParseErrorKind::Misordered)
/// for `万万万`, `十一十二`, `一二三万零`; [`UnexpectedEnd`](ParseErrorKind::UnexpectedEnd) for
/// `十点`; [`UnexpectedChar`](ParseErrorKind::UnexpectedChar) for anything after the number
/// (`3元`: use [`parse_quantity`](crate::parse_quantity) for units);
/// [`Overflow`](ParseErrorKind::Overflow) past 28 significant digits;
/// [`Damaged`](ParseErrorKind::Damaged) when a `?` or U+FFFD stands in the input.
///
/// # Example
///
/// ```
/// use fupin::parse_number;
///
/// assert_eq!(parse_number("19528.1万")?.to_string(), "195281000");
/// assert_eq!(parse_number("一百零五")?.to_string(), "105");
/// assert_eq!(parse_number("负 1,200,000")?.to_string(), "-1200000");
/// assert!(parse_number("万万万").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_number(text: &str) -> Result<Decimal, ParseError> {
    numerals::read_number(text).map_err(|e| with_unit_hint(e, text))
}

/// A numeral with a unit (`百分之一点五七`, `34.4%`, `3元`) is a quantity, not a number:
/// the value of `百分之一点五七` as a bare number would be 0.0157, and [`parse_quantity`]
/// gives 1.57 percent, so `parse_number` answers neither and says what the text is.
///
/// [`parse_quantity`]: crate::parse_quantity
fn with_unit_hint(e: ParseError, text: &str) -> ParseError {
    match crate::parse_quantity(text) {
        Ok(q) => match q.unit {
            Some(unit) => {
                let message = format!(
                    "{}: {} is a quantity ({} {unit}), not a bare number; parse_quantity reads it",
                    e.message(),
                    QuotedStr(text),
                    q.value
                );
                ParseError::new(e.kind().clone(), e.span(), message)
            }
            None => e,
        },
        Err(_) => e,
    }
}

/// Parses one quantity, the whole input: a numeral with its approximation words and unit.
///
/// Accepts every number form of [`parse_number`](crate::parse_number) and, around it:
/// approximation words (约, 近, 超过, 超, 不足 before; 余, 多 inside, as in `1900余万元`; 左右,
/// 以上, 以下 after), percent forms (`34.4%`, `百分之三十四点四`, `千分之五`, `5‰`, `三成`),
/// `个百分点`, fractions (`三分之一`), ranges (`3至5万元`, `3-5万元`, `10万到20万元`), every
/// unit of spec section 2, rates (`3600元/年`), yuan with 角 and 分 (`123元1角1分`) and
/// counts with their measure word and noun (`78个贫困村`). Traditional and full-width
/// forms read as their plain forms. A number with no unit is a bare number (`unit: None`).
///
/// The returned quantity's `text` is the input without surrounding blanks and its span
/// points into `text`.
///
/// # Errors
///
/// As [`parse_number`](crate::parse_number) for the number; in addition
/// [`UnknownUnit`](ParseErrorKind::UnknownUnit) when words follow the number that are
/// not a unit (`3斤x` is fine up to `x`).
///
/// # Example
///
/// ```
/// use fupin::{parse_quantity, Approx, Unit};
///
/// let q = parse_quantity("3至5万元")?;
/// assert_eq!((q.value.to_string(), q.max.map(|m| m.to_string())), ("30000".into(), Some("50000".into())));
/// let q = parse_quantity("百分之三十四点四")?;
/// assert_eq!((q.value.to_string(), q.unit), ("34.4".into(), Some(Unit::Percent)));
/// let q = parse_quantity("3万余人")?;
/// assert_eq!((q.value.to_string(), q.approx), ("30000".into(), Approx::Over));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn parse_quantity(text: &str) -> Result<Quantity<'_>, ParseError> {
    let norm = crate::normalize(text);
    let t = norm.as_str();
    let back = |s: Span| norm.source_span(s);
    let (start, end) = crate::common::input::whole_input(&norm, text, "a quantity")?;
    // Leading words: approximations (约, 近 …) and currency (人民币).
    let (mut pos, lead_yuan) = match char_at(t, start) {
        Some(c) if starts_lead_word(c) => {
            rule_at(t, start, lead_rule).map_or((start, false), |(yuan, end)| (end, yuan))
        }
        _ => (start, false),
    };
    // 上万人, 过万元, 破千: over a round multiplier.
    if matches!(char_at(t, pos), Some('上' | '过' | '破'))
        && matches!(
            char_at(t, pos + "上".len()),
            Some('百' | '千' | '万' | '亿')
        )
    {
        pos += "上".len();
    }
    let raw = match read(t, pos, Mode::Whole) {
        Ok(Some(r)) => r,
        Ok(None) => return Err(unexpected(t, pos, "expected a number").in_original(&norm, text)),
        Err(e) => return Err(e.into_parse_error().in_original(&norm, text)),
    };
    if raw.end < end {
        let rest = t.get(raw.end..end).unwrap_or("");
        let first = rest.chars().next().unwrap_or(' ');
        let err = if raw.unit.is_none() && (is_cjk_char(first) || first.is_alphabetic()) {
            let word: String = rest.chars().take_while(|c| !is_blank(*c)).collect();
            ParseError::new(
                ParseErrorKind::UnknownUnit(word.clone()),
                Span::new(raw.end, raw.end + word.len()),
                format!("unknown unit {} after the number", QuotedStr(&word)),
            )
        } else {
            unexpected(t, raw.end, "after the quantity, expected end of input")
        };
        return Err(err.in_original(&norm, text));
    }
    // The whole input, blanks aside, is the quantity's text.
    let s = back(Span::new(start, end));
    let mut q = to_quantity(&raw, &norm, s, text, s, false);
    if lead_yuan && q.unit.is_none() {
        q.unit = Some(Unit::Yuan);
    }
    Ok(q)
}

/// Builds the public quantity from a raw read of `norm`, the cleaned `original`, given
/// the span of its text in `original` (`local`) and the span to report (`span`: in a
/// whole document, `local` moved by where `original` starts in it). The text is
/// borrowed from `original`, and so is the noun where cleaning left it as it was.
#[inline]
pub(crate) fn to_quantity<'t>(
    raw: &Raw,
    norm: &Normalized<'t>,
    local: Span,
    original: &'t str,
    span: Span,
    damaged: bool,
) -> Quantity<'t> {
    let noun = raw.noun.and_then(|(a, b)| {
        let cleaned = norm.as_str().get(a..b)?;
        let source = original.get(norm.source_span(Span::new(a, b)).range());
        Some(match source {
            Some(o) if o == cleaned => Cow::Borrowed(o),
            _ => Cow::Owned(cleaned.to_owned()),
        })
    });
    Quantity {
        value: raw.value,
        max: raw.max,
        unit: raw.unit,
        approx: raw.approx,
        per: raw.per,
        classifier: raw.classifier.map(Cow::Borrowed),
        noun,
        text: Cow::Borrowed(original.get(local.range()).unwrap_or("")),
        span,
        damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_fits_in_128_bytes() {
        // Every candidate's read is returned and moved a few times on its way out. Up to
        // 128 bytes the compiler moves it with register copies; past that, it calls
        // memcpy for each move (two per figure, 2% of the instructions of a dense report).
        assert!(
            core::mem::size_of::<Raw>() <= 128,
            "{}",
            core::mem::size_of::<Raw>()
        );
        assert!(core::mem::size_of::<crate::numerals::Shape>() <= 16);
    }

    #[test]
    fn approx_before_rule_reads_the_words_before() {
        use Approx::{About, Nearly, Over, Under};
        for (words, approx) in [
            ("约", About),
            ("大约", About),
            ("约为", About),
            ("约合", About),
            ("近", Nearly),
            ("将近", Nearly),
            ("接近", Nearly),
            ("超过", Over),
            ("超过了", Over),
            ("超", Over),
            ("逾", Over),
            ("突破", Over),
            ("至少", Over),
            ("最少", Over),
            ("多于", Over),
            ("高于", Over),
            ("不少于", Over),
            ("不低于", Over),
            ("不小于", Over),
            ("不下于", Over),
            ("不下", Over),
            ("不超过", Under),
            ("没有超过了", Under),
            ("未超过", Under),
            ("没超过", Under),
            ("不超过了", Under),
            ("不多于", Under),
            ("不高于", Under),
            ("不大于", Under),
            ("少于", Under),
            ("小于", Under),
            ("至多", Under),
            ("不足", Under),
            ("不到", Under),
            ("不满", Under),
            ("未达到", Under),
            ("未达", Under),
            ("没有达到", Under),
            ("没达到", Under),
            ("低于", Under),
            ("最多", Under),
        ] {
            let read = all_consuming(approx_before_rule(None)).parse(words);
            assert_eq!(read, Ok(("", approx)), "{words}");
            assert!(words.chars().all(approx_word_char), "{words}");
            assert!(
                words.chars().next().is_some_and(starts_approx_word),
                "{words}"
            );
            // Found in text too, whole: the look back reaches its first character.
            let text = format!("共{words}3人");
            assert_eq!(
                approx_before(&text, 3 + words.len()),
                Some((approx, 3)),
                "{text}"
            );
        }
        // After a character that makes another word of it, a one-character word is none.
        for (before, words) in [('节', "约"), ('最', "近"), ('赶', "超")] {
            assert!(
                approx_before_rule(Some(before)).parse(words).is_err(),
                "{before}{words}"
            );
        }
        for words in ["了", "过", "多", "超了", "不", ""] {
            let read = all_consuming(approx_before_rule(None)).parse(words);
            assert!(read.is_err(), "{words}");
        }
        // In text: the longest word that ends right at the number, and where it starts.
        for (text, want) in [
            ("不超过5万元", Some((Under, 0))),
            ("共超过了800亿元", Some((Over, 3))),
            ("人数没有超过了12人", Some((Under, 6))),
            ("大约3人", Some((About, 0))),
            ("节约3万元", None),
            ("附近3个村", None),
            ("少于3人", Some((Under, 0))),
            ("不少于3人", Some((Over, 0))),
            ("赶超3家", None),
            ("了3人", None),
            ("3人", None),
        ] {
            let pos = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            assert_eq!(approx_before(text, pos), want, "{text}");
        }
    }

    /// Runs `rule` over each input of `reads` (what it reads, then the rest it leaves)
    /// and of `refuses` (where the rule does not start).
    #[track_caller]
    fn table<T: Clone + PartialEq + core::fmt::Debug>(
        rule: for<'a> fn(&'a str) -> QResult<'a, T>,
        reads: &[(&str, T, &str)],
        refuses: &[&str],
    ) {
        for (text, want, rest) in reads {
            let got = rule(text).map(|(r, v)| (v, r));
            assert_eq!(got, Ok((want.clone(), *rest)), "{text}");
        }
        for text in refuses {
            assert!(rule(text).is_err(), "{text}");
        }
    }

    #[test]
    fn lead_rule_reads_the_words_before_a_whole_input() {
        table(
            lead_rule,
            &[
                ("人民币 约 3万元", true, "3万元"),
                ("大约3人", false, "3人"),
                ("不超过 5%", false, "5%"),
                ("从3到5人", false, "3到5人"),
                ("约 近3人", false, "3人"),
                // Each word once, in the rule's order: 约 after 近 is left.
                ("近约3人", false, "约3人"),
                ("3人", false, "3人"),
            ],
            &[],
        );
        // The one-character test lets every word of the rule through.
        for w in [
            "人民币",
            "大约",
            "约为",
            "约合",
            "约",
            "将近",
            "接近",
            "近",
            "没有超过",
            "不超过",
            "未超过",
            "没超过",
            "不多于",
            "不高于",
            "不大于",
            "不少于",
            "不低于",
            "不小于",
            "不下于",
            "超过",
            "超",
            "多于",
            "高于",
            "至少",
            "最少",
            "逾",
            "最多",
            "至多",
            "不足",
            "不到",
            "少于",
            "小于",
            "低于",
            "从",
        ] {
            let c = w.chars().next().unwrap_or(' ');
            assert!(starts_lead_word(c), "{w}");
            assert_eq!(lead_rule(w).map(|(rest, _)| rest), Ok(""), "{w}");
        }
    }

    #[test]
    fn percent_of_rule_reads_the_parts_of_a_power_of_ten() {
        table(
            percent_of_rule,
            &[
                ("百分之三十", 0, "三十"),
                ("千分之五", -1, "五"),
                ("万分之3", -2, "3"),
                ("百万分之一", -4, "一"),
                ("万亿分之一", -10, "一"),
            ],
            &["十分之一", "百分点", "三分之一", "分之一", "百"],
        );
        assert_eq!(percent_of_at("达百分之五十", 3), Some((0, 12)));
        assert_eq!(percent_of_at("5", 0), None);
    }

    #[test]
    fn neighbours_rule_reads_two_neighbouring_digits() {
        // Not neighbours, a zero first, or a third digit after them: no pair.
        table(
            neighbours_rule,
            &[
                ("一两个", (1, 2), "个"),
                ("三四十户", (3, 4), "十户"),
                ("三五百", (3, 5), "百"),
                ("八九亿", (8, 9), "亿"),
                ("七八", (7, 8), ""),
            ],
            &[
                "九八个",
                "零一",
                "一二三",
                "三六",
                "二〇二〇",
                "一两3",
                "一",
            ],
        );
    }

    /// The vague numerals (几十万: from the multiplier to ten of it) and a round
    /// multiplier alone (百万): the multiplier each reads.
    #[test]
    fn vague_and_round_rules_read_their_multiplier() {
        fn factor<'a>(read: QResult<'a, (Decimal, Shape)>) -> QResult<'a, Decimal> {
            read.map(|(rest, (f, _))| (rest, f))
        }
        table(
            |i| factor(vague_rule(i)),
            &[
                ("几十万元", Decimal::from(100_000), "元"),
                ("数百户", Decimal::ONE_HUNDRED, "户"),
                ("几百万", Decimal::from(1_000_000), ""),
                ("数十亿元", Decimal::from(1_000_000_000), "元"),
            ],
            &["几个", "数拾", "几", "十万", "数据"],
        );
        table(
            |i| factor(round_rule(i)),
            &[
                ("百万元", Decimal::from(1_000_000), "元"),
                ("千万", Decimal::from(10_000_000), ""),
                ("百亿", Decimal::from(10_000_000_000u64), ""),
                ("万人", Decimal::from(10_000), "人"),
            ],
            &["亿万人民", "万万", "千一", "万九", "十万", "人"],
        );
    }

    #[test]
    fn units_pair_rule_reads_the_pair_after_ten() {
        fn factor(i: &str) -> QResult<'_, Option<Decimal>> {
            units_pair_rule(i).map(|(rest, m)| (rest, m.map(|(f, _)| f)))
        }
        table(
            factor,
            &[
                ("十七八", None, ""),
                ("十三四万元", Some(Decimal::from(10_000)), "元"),
                ("十七八岁", None, "岁"),
            ],
            &["十八七", "十零一", "十七八九", "七八", "十七"],
        );
    }

    #[test]
    fn tens_vague_rule_reads_ji_or_lai_and_a_multiplier() {
        let read = |text| {
            tens_vague_rule(text)
                .map(|(rest, (ji, m))| (ji, m.map(|(f, _)| f.normalize().to_string()), rest))
        };
        assert_eq!(read("几个"), Ok((true, None, "个")));
        assert_eq!(read("几万元"), Ok((true, Some("10000".to_owned()), "元")));
        assert_eq!(read("来万"), Ok((false, Some("10000".to_owned()), "")));
        assert_eq!(read("来人"), Ok((false, None, "人")));
        assert!(read("个").is_err());
    }

    #[test]
    fn fraction_rule_reads_the_numerator_and_divides() {
        let read = |t: &str, den: i64| {
            let at = t.find("分之").unwrap_or(0);
            match fraction_rule(t, 0, Decimal::from(den)).parse(t.get(at..).unwrap_or("")) {
                Ok((rest, (v, end))) => format!("{v} end {end} rest {rest:?}"),
                Err(nom::Err::Failure(FractionError::Numeral(e))) => format!("fail {}", e.span),
                Err(e) => format!("{e:?}"),
            }
        };
        assert_eq!(read("五分之二", 5), "0.4 end 12 rest \"\"");
        assert_eq!(read("四分之一的人", 4), "0.25 end 12 rest \"的人\"");
        assert_eq!(
            read("3分之1", 3),
            "0.3333333333333333333333333333 end 8 rest \"\""
        );
        assert_eq!(read("零分之一", 0), "fail 0..12");
        assert_eq!(read("三分之一二三万", 3), "fail 18..21");
        assert_eq!(read("三分之", 3), "Error(Stop)");
        assert_eq!(read("三分", 3), "Error(Stop)");
    }

    #[test]
    fn latin_multiplier_and_over_rules() {
        assert_eq!(latin_multiplier_rule("k元"), Ok(("元", 1000)));
        assert_eq!(latin_multiplier_rule("W"), Ok(("", 10_000)));
        for text in ["kg", "km", "w3", "x"] {
            assert!(latin_multiplier_rule(text).is_err(), "{text}");
        }
        let over = |text| {
            over_rule(text)
                .map(|(rest, (c, m))| (c, m.map(|(f, _)| f.normalize().to_string()), rest))
        };
        assert_eq!(over("余万元"), Ok(('余', Some("10000".to_owned()), "元")));
        assert_eq!(over("多人"), Ok(('多', None, "人")));
        assert_eq!(over("多千瓦"), Ok(('多', None, "千瓦")));
        assert!(over("人").is_err());
    }

    #[test]
    fn approx_after_rule_reads_the_words_after() {
        for (text, approx, rest) in [
            ("左右。", Approx::About, "。"),
            ("上下", Approx::About, ""),
            ("以上的", Approx::Over, "的"),
            ("(含)以上", Approx::Over, ""),
            ("及以下", Approx::Under, ""),
            ("以内,", Approx::Under, ","),
        ] {
            assert_eq!(approx_after_rule(text), Ok((rest, approx)), "{text}");
        }
        for text in ["以来", "(含)", "左边", ""] {
            assert!(approx_after_rule(text).is_err(), "{text}");
        }
        // Blanks before the words, and where they end in the whole text.
        assert_eq!(approx_after("12人 左右", 5), Some((Approx::About, 12)));
        assert_eq!(approx_after("12人以后", 5), None);
    }

    #[test]
    fn range_sep_rule_reads_one_separator_and_its_blanks() {
        for (text, rest) in [
            ("至5万", "5万"),
            ("——8", "8"),
            ("--8", "8"),
            (" - 8", "8"),
            ("～8", "～8"),
            ("〜8", "8"),
            ("到 2020", "2020"),
        ] {
            let got = range_sep_rule(text).map(|(r, ())| r);
            if text.starts_with('～') {
                // The full-width tilde becomes ~ in clean-up: raw, it is no separator.
                assert!(got.is_err(), "{text}");
            } else {
                assert_eq!(got, Ok(rest), "{text}");
            }
        }
        assert!(range_sep_rule("和5").is_err());
    }

    #[test]
    fn range_high_rule_reads_the_high_end_and_its_unit() {
        let read = |t: &str, pos: usize| {
            let lo_unit = unit_after(t, pos, &Shape::default()).filter(|u| u.end > pos);
            let after = lo_unit.map_or(pos, |u| u.end);
            range_high_at(t, after, lo_unit).map(|h| {
                let unit = h.unit.map(|u| (u.unit, u.end));
                (h.hi.value.to_string(), h.hi.end, h.approx, unit)
            })
        };
        let yuan = |end| Some((Unit::Yuan, end));
        let exact = |v: &str, end, unit| Some((v.to_owned(), end, Approx::Exact, unit));
        assert_eq!(read("3至5万元", 1), exact("50000", 8, yuan(11)));
        assert_eq!(read("1万元-5万元", 4), exact("50000", 12, yuan(15)));
        assert_eq!(
            read("50万元(含)-100万元", 5),
            exact("1000000", 20, yuan(23))
        );
        let over = Some(("5".to_owned(), 8, Approx::Over, Some((Unit::Person, 11))));
        assert_eq!(read("3到5余人", 1), over);
        // Another unit, a Chinese digit string, a fraction, or no separator: no range.
        assert_eq!(read("3元至5人", 1), None);
        assert_eq!(read("0至一两", 1), None);
        assert_eq!(read("1至三分之一", 1), None);
        assert_eq!(read("3和5", 1), None);
    }

    #[test]
    fn list_item_rule_reads_one_item() {
        let item = |t: &'static str| rule_at(t, 0, list_item_rule(t));
        assert_eq!(item("、10个、"), Some((false, 8)));
        assert_eq!(item("、3.5个百分点"), Some((true, 18)));
        assert_eq!(item("、十个"), Some((false, 9)));
        for t in ["、10人", "10个", "、个", "、一二三万个"] {
            assert_eq!(item(t), None, "{t}");
        }
    }

    #[test]
    fn multiplier_rule_reads_small_then_big() {
        let read = |t: &'static str| {
            multiplier_rule(t).map(|(rest, (f, s))| (f.to_string(), s.tail_small, s.tail_big, rest))
        };
        assert_eq!(read("万元"), Ok(("10000".into(), 1, 4, "元")));
        assert_eq!(read("千万人"), Ok(("10000000".into(), 1000, 4, "人")));
        assert_eq!(read("万亿"), Ok(("1000000000000".into(), 1, 12, "")));
        assert_eq!(read("百万"), Ok(("1000000".into(), 100, 4, "")));
        // At most two big units; no small one after a big one.
        assert_eq!(read("万万万"), Ok(("100000000".into(), 1, 8, "万")));
        assert_eq!(read("万千"), Ok(("10000".into(), 1, 4, "千")));
        // 千瓦 and 千米 are units.
        assert!(read("千瓦").is_err());
        assert_eq!(read("万千瓦"), Ok(("10000".into(), 1, 4, "千瓦")));
        assert!(read("元").is_err());
        assert_eq!(multiplier_at("3万元", 1).map(|m| m.1), Some(4));
        assert!(multiplier_at("3元", 1).is_none());
    }

    #[test]
    fn per_rule_reads_the_rate() {
        assert_eq!(per_rule("/年"), Ok(("", Per::Year)));
        assert_eq!(per_rule("每亩,"), Ok((",", Per::Mu)));
        assert_eq!(per_rule("每人"), Ok(("", Per::Person)));
        assert!(per_rule("/吨").is_err());
        assert!(per_rule("年").is_err());
        assert_eq!(per_after("5元/日", 4), Some((Per::Day, 8)));
    }

    #[test]
    fn cents_rule_reads_jiao_then_fen() {
        for (text, cents, end) in [
            ("1角1分", "0.11", 8),
            ("三毛钱", "0.3", 6),
            ("5分", "0.05", 4),
            ("0角8分", "0.08", 8),
        ] {
            let got = cents_after(text, 0).map(|(c, e)| (c.normalize().to_string(), e));
            assert_eq!(got, Some((cents.to_owned(), end)), "{text}");
        }
        // A figure of ten or more, with a unit or a point, or no word after it: none.
        for text in ["12角", "1.5角", "三十分", "5个", "角"] {
            assert!(cents_after(text, 0).is_none(), "{text}");
        }
    }

    #[test]
    fn unit_rule_reads_label_tenths_or_measure_word() {
        let unit = |t: &str, pos: usize| {
            unit_after(t, pos, &Shape::default()).map(|u| (u.unit, u.pow, u.classifier, u.end))
        };
        assert_eq!(unit("3万元", 4), Some((Unit::Yuan, 0, None, 7)));
        assert_eq!(unit("5 户", 1), Some((Unit::Household, 0, None, 5)));
        assert_eq!(unit("三成", 3), Some((Unit::Percent, 1, None, 6)));
        assert_eq!(unit("12所学校", 2), Some((Unit::Count, 0, Some("所"), 5)));
        // 人民 is no unit 人; 成为 no tenths; 成 after a blank neither.
        assert_eq!(unit("3人民币", 1).map(|u| u.0), None);
        assert_eq!(unit("三成为", 3), None);
        assert_eq!(unit("三 成", 3), None);
        // After 万 or 亿, 成 is no tenths (3万成 is no 30 percent of anything).
        let big = Shape {
            has_big: true,
            ..Shape::default()
        };
        assert!(unit_after("3万成", 4, &big).is_none());
    }

    #[test]
    fn shapes_saturate_instead_of_wrapping() {
        assert_eq!(Shape::count(4), 4);
        assert_eq!(Shape::count(70_000), u16::MAX);
        assert_eq!(Shape::small(1000), 1000);
        assert_eq!(Shape::small(u32::MAX), u16::MAX);
        assert_eq!(Shape::big(12), 12);
        assert_eq!(Shape::big(300), u8::MAX);
        // The year test still sees four digits as four.
        let s = crate::numerals::scan("2020年", 0).unwrap().unwrap();
        assert_eq!(s.shape.arabic_int, Some(4));
        let s = crate::numerals::scan("五百万亿", 0).unwrap().unwrap();
        assert_eq!((s.shape.tail_small, s.shape.tail_big), (100, 12));
    }

    #[test]
    fn labels_longest_first() {
        // No label may be shadowed by an earlier one that is its prefix.
        for (i, a) in LABELS.iter().enumerate() {
            for b in &LABELS[..i] {
                assert!(!a.text.starts_with(b.text), "{} after {}", a.text, b.text);
            }
        }
        for (i, a) in CLASSIFIERS.iter().enumerate() {
            for b in &CLASSIFIERS[..i] {
                assert!(!a.starts_with(b) || a == b, "{a} after {b}");
            }
        }
    }

    #[test]
    fn damage_by_bytes_is_damage_by_characters() {
        // Every character, before and after others: ½ (C2 BD) and ﾽ (EF BE BD) end in
        // the last byte of U+FFFD, and the full-width forms share its lead byte.
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            for (before, after) in [("", ""), ("1", "2"), ("\u{FFBF}", "萬"), ("½", "?")] {
                let s = format!("{before}{c}{after}");
                let end = before.len() + c.len_utf8();
                assert_eq!(damage_ends_at(&s, end), is_damage(c), "{c:?} in {s:?}");
                assert_eq!(has_damage(&s), s.chars().any(is_damage), "{c:?} in {s:?}");
            }
        }
        assert!(!damage_ends_at("", 0) && !damage_ends_at("?", 0) && damage_ends_at("?", 1));
        assert!(!damage_ends_at("\u{FFFD}", 2) && damage_ends_at("\u{FFFD}", 3));
    }

    #[test]
    fn reads_in_text() {
        let t = "近50万元,另有";
        let r = read(t, "近".len(), Mode::Text).unwrap().unwrap();
        assert_eq!((r.start, r.end, r.approx), (0, 11, Approx::Nearly));
        assert_eq!(r.value.to_string(), "500000");
    }
}
