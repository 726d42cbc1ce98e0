//! Finding every quantity and time expression in a whole document: the chunks, the
//! cursor over them, and the scanner that finds each candidate.

use super::time::{TimeRaw, time_at, year_of};
use crate::common::chars::{char_at, char_before, ends, starts};
use crate::common::lexicon::CharSet;
use crate::numerals::{self, lex};
use crate::quantities::{self, Mode, Raw, damage_ends_at, has_damage, is_cjk_char, is_damage};
use crate::{Normalized, Quantity, Span};
use core::iter::FusedIterator;

/// One thing found in normalized text.
#[derive(Clone, Debug)]
pub(crate) enum Found {
    Quantity { raw: Raw, damaged: bool },
    Time(TimeRaw),
}

/// Whether `pos` is at the start of a line, blanks aside.
fn at_line_start(t: &str, pos: usize) -> bool {
    // Back over blanks only: the first other character decides, so a long line costs
    // nothing here.
    let head = t.get(..pos).unwrap_or("");
    head.chars()
        .rev()
        .find(|&c| c == '\n' || !quantities::is_blank(c))
        .is_none_or(|c| c == '\n')
}

/// Whether `v` reads as a year and a month written with a point (2019.12, 2020.6): a
/// year from 1949 to 2100, one or two decimals, and those a month from 1 to 12.
fn year_month(v: rust_decimal::Decimal) -> bool {
    let scale = v.scale();
    if !(1..=2).contains(&scale) {
        return false;
    }
    let year = v.trunc();
    let month = (v - year) * rust_decimal::Decimal::from(10_i64.pow(scale));
    (rust_decimal::Decimal::from(1949)..=rust_decimal::Decimal::from(2100)).contains(&year)
        && (rust_decimal::Decimal::ONE..=rust_decimal::Decimal::from(12)).contains(&month)
}

/// Whether a word of ranking (排名, 位列, 位居, 名列, 排在, 进入, 跻身, 居于) stands
/// within the ten characters before `pos`, with no clause break between.
#[cold]
fn ranking_before(t: &str, pos: usize) -> bool {
    const RANKING: &[&str] = &[
        "排名", "位列", "位居", "名列", "排在", "进入", "跻身", "居于",
    ];
    let mut k = pos;
    for _ in 0..10 {
        if RANKING.iter().any(|w| ends(t, k, w)) {
            return true;
        }
        match char_before(t, k) {
            Some(c) if is_cjk_char(c) => k -= c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// Whether a blank or a line break (`\n`, `\r`) stands right before `k`.
fn k_break_or_blank(b: &[u8], k: usize) -> bool {
    k > 0 && matches!(b.get(k - 1), Some(b' ' | b'\n' | b'\r'))
}

/// Whether 热线, 电话 or 专线 ends a run of at most ten CJK characters from `p` (no
/// clause break between): the number before `p` names the line.
#[cold]
#[inline(never)]
fn hotline_after(t: &str, p: usize) -> bool {
    let mut k = p;
    for _ in 0..10 {
        if ["热线", "电话", "专线"].iter().any(|w| starts(t, k, w)) {
            return true;
        }
        match char_at(t, k) {
            Some(c) if is_cjk_char(c) && !lex::is_numeral_char(c) => k += c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// Whether 第 stands before `p` over blanks (第 4 页).
#[cold]
#[inline(never)]
fn ordinal_over_blanks(t: &str, p: usize) -> bool {
    let mut k = p;
    while let Some(c) = char_before(t, k).filter(|&c| c == ' ' || c == '\u{3000}') {
        k -= c.len_utf8();
    }
    char_before(t, k) == Some('第')
}

/// Whether, after the blanks at `p`, a multiplier follows (千, 百, 十, 万, 亿), or digits
/// and then 千, 百 or 十 (`1 萬 2 千`): the number before `p` goes on there.
#[cold]
#[inline(never)]
fn multiplier_set_apart(t: &str, p: usize) -> bool {
    let q = quantities::skip_blanks(t, p);
    match char_at(t, q) {
        Some('千' | '百' | '十' | '万' | '亿' | '仟' | '佰' | '拾') => true,
        Some(c) if c.is_ascii_digit() => {
            let mut e = q;
            while char_at(t, e).is_some_and(|c| c.is_ascii_digit() || c == '.') {
                e += 1;
            }
            matches!(
                char_at(t, quantities::skip_blanks(t, e)),
                Some('千' | '百' | '十' | '仟' | '佰' | '拾')
            )
        }
        _ => false,
    }
}

/// Whether the number from `a` to `b` is a page's number: alone on its line between
/// dashes (`- 3 -`, `— 12 —`), or before 页 (`共 12 页`).
#[cold]
#[inline(never)]
fn page_number(t: &str, a: usize, b: usize) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―');
    let q = quantities::skip_blanks(t, b);
    if char_at(t, q) == Some('页') {
        return true;
    }
    // After: dashes, then blanks to the line's end.
    let mut e = q;
    let mut dashes_after = 0;
    while let Some(c) = char_at(t, e).filter(|&c| dash(c)) {
        e += c.len_utf8();
        dashes_after += 1;
    }
    let e = quantities::skip_blanks(t, e);
    if dashes_after == 0 || !matches!(char_at(t, e), None | Some('\n' | '\r')) {
        return false;
    }
    // Before: blanks, dashes, blanks from the line's start.
    let mut k = a;
    while let Some(c) = char_before(t, k).filter(|&c| c == ' ' || c == '\u{3000}') {
        k -= c.len_utf8();
    }
    let mut dashes_before = 0;
    while let Some(c) = char_before(t, k).filter(|&c| dash(c)) {
        k -= c.len_utf8();
        dashes_before += 1;
    }
    dashes_before > 0 && at_line_start(t, k)
}

/// Whether a road's class (国道, 省道, 县道, 乡道) or 星级 follows at `p` (blanks allowed).
#[cold]
#[inline(never)]
fn road_or_stars(t: &str, p: usize) -> bool {
    let q = quantities::skip_blanks(t, p);
    ["国道", "省道", "县道", "乡道", "星级"]
        .iter()
        .any(|w| starts(t, q, w))
}

/// Words that name a code written after them (电话, 热线, 邮编, QQ …): the number after
/// one is a telephone number, a postcode or an account, never an amount.
const CODE_WORDS: &[&str] = &[
    "电话",
    "热线",
    "手机",
    "传真",
    "邮编",
    "编码",
    "号码",
    "编号",
    "代码",
    "账号",
    "帐号",
    "卡号",
    "群号",
    "微信",
    "QQ",
    "qq",
    "QQ群",
    "tel",
    "Tel",
    "TEL",
    "身份证",
    "身份证号",
];

/// Whether a word of [`CODE_WORDS`] ends at `k`.
#[cold]
fn code_word_before(t: &str, k: usize) -> bool {
    CODE_WORDS.iter().any(|w| ends(t, k, w))
}

/// Whether `raw` is one side of `d,dddd` (one to three digits, a comma, four digits not
/// followed by a time word or another digit): a comma inside one number that groups no
/// thousands (1,2345万元), where neither side is the figure written.
#[cold]
fn misplaced_comma(t: &str, raw: &Raw) -> bool {
    let b = t.as_bytes();
    let run_back = |end: usize| {
        b.get(..end).map_or(0, |h| {
            h.iter().rev().take_while(|c| c.is_ascii_digit()).count()
        })
    };
    let run_on = |from: usize| {
        b.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
    };
    // Where the comma is: right before the number or right after it.
    let comma = if b.get(raw.num_end) == Some(&b',') {
        raw.num_end
    } else if raw.num_start > 0 && b.get(raw.num_start - 1) == Some(&b',') {
        raw.num_start - 1
    } else {
        return false;
    };
    let front = run_back(comma);
    let back = run_on(comma + 1);
    let after_back = char_at(t, comma + 1 + back);
    (1..=3).contains(&front)
        && back == 4
        && !matches!(
            after_back,
            Some('年' | '月' | '日' | '.' | ',' | '-' | '至' | '到')
        )
}

/// The characters at which a candidate or a quotation starts (digits aside).
fn candidate_chars() -> &'static CharSet {
    static SET: std::sync::OnceLock<CharSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let mut set = lex::numeral_chars().clone();
        "“「《".chars().for_each(|c| set.insert(c));
        set
    })
}

/// The scanner behind [`Quantities`], [`Times`] and the indicator layer. It works on
/// the cursor's [`Scan`] in place (copying it in and out for every call cost more than
/// the scan's own checks).
#[derive(Debug)]
pub(crate) struct Finder<'n> {
    t: &'n str,
    scan: &'n mut Scan,
}

/// Where a [`Finder`] is in its text, kept by the [`Cursor`] between calls.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scan {
    pos: usize,
    /// Inside 《…》 or a short quotation until this offset.
    title_end: usize,
    /// Inside 《…》 (only) until this offset.
    book_end: usize,
    /// Where a 《 was last looked at, and the first '》' or line break after it.
    closer: Option<(usize, Option<usize>)>,
    /// End of the last quantity found.
    prev_end: usize,
    /// Whether damaged numbers are wanted (else some are passed over unread).
    keep_damaged: bool,
    /// The last list of `N个、` walked for a shared unit.
    list: quantities::ListMemo,
    /// `(from, next)`: the first byte at or after `from` that may start a damage
    /// character (`?`, or 0xEF, the lead byte of U+FFFD) is at `next` (the text's length
    /// when there is none). Figures are read in order, so one search serves many.
    damage: Option<(usize, usize)>,
}

impl<'n> Finder<'n> {
    /// Skips the numeral-like run at `pos`.
    fn skip_run(&self, pos: usize) -> usize {
        let mut p = pos;
        while let Some(c) = char_at(self.t, p) {
            if lex::is_numeral_char(c) || matches!(c, '.' | ',' | '+') {
                p += c.len_utf8();
            } else {
                break;
            }
        }
        p.max(pos + char_at(self.t, pos).map_or(1, char::len_utf8))
    }

    /// The next candidate position: a digit or numeral character, with that character.
    fn next_candidate(&mut self) -> Option<(usize, char)> {
        let t = self.t;
        let set = candidate_chars();
        let mut from = self.scan.pos;
        while let Some((p, c)) = set.find_in(t, from, |b| b.is_ascii_digit()) {
            from = p + c.len_utf8();
            match c {
                '“' | '「' => {
                    // A short quotation (“六个一批”, “1461”行动计划) is a name or a
                    // slogan: numbers in it are not quantities.
                    let close = if c == '“' { '”' } else { '」' };
                    let here = t.get(p..).unwrap_or("");
                    if let Some((k, _)) = here
                        .char_indices()
                        .skip(1)
                        .take(16)
                        .find(|&(_, x)| x == close || x == '\n' || x == c)
                    {
                        if here.get(k..).is_some_and(|r| r.starts_with(close)) {
                            self.scan.title_end = self.scan.title_end.max(p + k);
                        }
                    }
                }
                '《' => {
                    // A book title: numbers in it are names. Bounded (63 characters), so
                    // an unclosed 《 loses nothing beyond a line.
                    let close = self.closer_after(p);
                    let within = close.is_some_and(|k| {
                        k - p <= 63 * 4 && t.get(p..k).is_some_and(|s| s.chars().count() <= 63)
                    });
                    if let (true, Some(k)) = (within, close) {
                        if t.get(k..).is_some_and(|r| r.starts_with('》')) {
                            self.scan.title_end = k;
                            self.scan.book_end = k;
                        }
                    }
                }
                // Arabic digits in a short quotation may be a figure quoted (is_context_junk
                // drops one that stands alone there); in a book title they are a name.
                _ if c.is_ascii() && p >= self.scan.book_end || p >= self.scan.title_end => {
                    return Some((p, c));
                }
                _ => {}
            }
        }
        None
    }

    /// The first '》' or line break after the 《 at `p`. The answer is kept: the 《 that
    /// follow before it share it, so a run of unclosed 《 is read once, not once each.
    fn closer_after(&mut self, p: usize) -> Option<usize> {
        if let Some((from, found)) = self.scan.closer {
            if from <= p && found.is_none_or(|k| k > p) {
                return found;
            }
        }
        let found = self
            .t
            .get(p..)
            .and_then(|r| r.find(['》', '\n']))
            .map(|k| p + k);
        self.scan.closer = Some((p, found));
        found
    }

    #[inline]
    fn is_context_junk(&self, raw: &Raw) -> bool {
        let t = self.t;
        let before = char_before(t, raw.num_start);
        let after = char_at(t, raw.num_end);
        // G20, km2, 5G, 4A级: letters glued to the number.
        if before.is_some_and(|c| c.is_ascii_alphabetic()) {
            return true;
        }
        // 1,2345万元: a comma that groups no thousands (one to three digits, then four)
        // leaves two fragments of one number, neither of them a figure.
        if (before == Some(',') || after == Some(',')) && misplaced_comma(t, raw) {
            return true;
        }
        if raw.unit.is_none() && after.is_some_and(|c| c.is_ascii_alphabetic()) {
            return true;
        }
        // 09:15:20, 1:2: clock times and ratios.
        if after == Some(':') && char_at(t, raw.num_end + 1).is_some_and(|c| c.is_ascii_digit())
            || before == Some(':')
                && char_before(t, raw.num_start - 1).is_some_and(|c| c.is_ascii_digit())
        {
            return true;
        }
        // 千亿元级产业, 百万亩级基地, 10万千瓦级电站: an amount before 级 names a class of
        // size, not an amount of anything.
        if char_at(t, raw.end) == Some('级') && raw.unit.is_some_and(|u| u != crate::Unit::Count) {
            return true;
        }
        // 5+2, 1+14: formula-like names.
        if after == Some('+') || before == Some('+') {
            return true;
        }
        // “1461”: a number alone in quotation marks is a name.
        if matches!(before, Some('“' | '"' | '「' | '『' | '\''))
            && matches!(after, Some('”' | '"' | '」' | '』' | '\''))
        {
            return true;
        }
        // (一), [1], 一、 1. at the start of a line: list markers and footnotes.
        if matches!(
            (before, after),
            (Some('('), Some(')')) | (Some('['), Some(']')) | (Some('【'), Some('】'))
        ) {
            return true;
        }
        if raw.unit.is_none()
            && matches!(after, Some('、' | '.' | ')'))
            && at_line_start(t, raw.num_start)
        {
            return true;
        }
        // `12. 8万个`, `0. 6%`: the tail of a decimal split after its point.
        if raw.shape.arabic
            && raw.num_start >= 3
            && matches!(
                t.as_bytes().get(raw.num_start - 1),
                Some(b' ' | b'.' | b'\n')
            )
            && self.split_decimal_tail(raw.num_start)
        {
            return true;
        }
        // `1 .2万人`, `12 . 5亿元`: the front of a decimal whose point blanks set apart.
        if raw.unit.is_none() && after == Some(' ') {
            let q = quantities::skip_blanks(t, raw.num_end);
            if char_at(t, q) == Some('.')
                && char_at(t, quantities::skip_blanks(t, q + 1)).is_some_and(|c| c.is_ascii_digit())
            {
                return true;
            }
        }
        // A bare number before a point that no digit follows: an item marker after an
        // opening bracket or a semicolon ((1. 某某大学;2. 某某学院), as papers number
        // their authors' units), or a decimal cut short where a snippet ends (增长7. 新华网:
        // 7.x, not 7). Neither is an amount; a decimal point with its digits is read
        // as one number before this is asked.
        if raw.unit.is_none()
            && after == Some('.')
            && !char_at(t, raw.num_end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            return true;
        }
        if raw.unit.is_none()
            && after == Some('.')
            && char_at(t, raw.num_end + 1).is_some_and(|c| c.is_ascii_digit())
        {
            return true;
        }
        // A lone Chinese digit with no unit is a word (一是, 两不愁), and so are short
        // Chinese numerals in idioms (十分): bare Chinese numbers need a unit character
        // and a value above ten.
        if raw.unit.is_none() && !raw.shape.arabic && !raw.fraction {
            // ... unless it stands alone between non-word characters (这是五。, "二").
            let free_before = raw.start == 0
                || char_before(t, raw.start).is_some_and(|c| {
                    !is_cjk_char(c)
                        || matches!(
                            c,
                            '是' | '有' | '为' | '到' | '至' | '于' | '剩' | '余' | '达'
                        )
                });
            let free_after = char_at(t, raw.end).is_none_or(|c| !is_cjk_char(c));
            let alone = free_before && free_after;
            let small_int = raw.value <= rust_decimal::Decimal::TEN && raw.value.scale() == 0;
            if !alone && (raw.shape.lone_digit || raw.shape.digit_string.is_some() || small_int) {
                return true;
            }
        }
        // Codes, not amounts: digits with a leading zero (02-0046-06, 0244), a bare
        // range glued to more code (2096-8442(2022)), a number after a letter and a
        // hyphen (S-9), or before a slash and a letter (doi:10.3969/j.issn).
        let b = t.as_bytes();
        if raw.shape.arabic
            && b.get(raw.num_start) == Some(&b'0')
            && b.get(raw.num_start + 1).is_some_and(u8::is_ascii_digit)
        {
            return true;
        }
        if raw.unit.is_none() && raw.shape.arabic {
            let glued_after = matches!(b.get(raw.num_end), Some(b'(' | b'-' | b'/'))
                && (raw.max.is_some() || b.get(raw.num_end) == Some(&b'/'))
                && b.get(raw.num_end + 1)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'(');
            let after_letter_hyphen = raw.num_start >= 2
                && b.get(raw.num_start - 1) == Some(&b'-')
                && b.get(raw.num_start - 2)
                    .is_some_and(u8::is_ascii_alphabetic);
            // “12·16”地震, “7·20”: dates joined by a middle dot name events.
            if starts(t, raw.num_end, "·")
                && b.get(raw.num_end + "·".len())
                    .is_some_and(u8::is_ascii_digit)
                || char_before(t, raw.num_start) == Some('·')
                    && char_before(t, raw.num_start - "·".len()).is_some_and(|c| c.is_ascii_digit())
            {
                return true;
            }
            // Whether a digit and `sep` stand right before the number.
            let after_digit_and = |sep: u8| {
                raw.num_start >= 2
                    && b.get(raw.num_start - 1) == Some(&sep)
                    && b.get(raw.num_start - 2).is_some_and(u8::is_ascii_digit)
            };
            // 2095-1175: digits hyphenated to digits that form no range.
            let hyphen_digits = raw.max.is_none()
                && (b.get(raw.num_end) == Some(&b'-')
                    && b.get(raw.num_end + 1).is_some_and(u8::is_ascii_digit)
                    || after_digit_and(b'-'));
            // 1/3, 2019/12: digits after a slash and digits are the other half of a
            // ratio or a date, never an amount of their own.
            if glued_after || after_letter_hyphen || hyphen_digits || after_digit_and(b'/') {
                return true;
            }
        }
        // 2015-2018共减贫, © 2009-2024: two four-digit years with no unit are a span of
        // years (its 年 dropped or on the next line), never an amount from 2015 to 2018.
        if raw.unit.is_none() && raw.shape.arabic {
            if let Some(max) = raw.max {
                let year = |v: rust_decimal::Decimal| {
                    v.scale() == 0
                        && (rust_decimal::Decimal::from(1900)..=rust_decimal::Decimal::from(2100))
                            .contains(&v)
                };
                if year(raw.value) && year(max) && raw.value < max {
                    return true;
                }
            }
        }
        // 图 1, 表2, 如图3所示, 详见表4: the number of a figure or a table in a caption or
        // a reference to one, never an amount. 图 or 表 must open a caption or follow a
        // word that points at one (代表2名, 报表3份 and 地图5幅 stay counts).
        if raw.unit.is_none() && raw.max.is_none() && raw.shape.arabic {
            let mut k = raw.num_start;
            while let Some(c) = char_before(t, k).filter(|&c| quantities::is_blank(c)) {
                k -= c.len_utf8();
            }
            if matches!(char_before(t, k), Some('图' | '表')) {
                let word = char_before(t, k - "图".len());
                if word.is_none_or(|c| {
                    !is_cjk_char(c) || matches!(c, '见' | '如' | '附' | '据' | '由')
                }) {
                    return true;
                }
            }
        }
        // 20191227 under a notice: a date written as eight digits (year, month, day).
        if raw.unit.is_none() && raw.max.is_none() && raw.shape.arabic_int == Some(8) {
            if let Ok(n) = u32::try_from(raw.value.mantissa()) {
                let (y, m, d) = (n / 10_000, n / 100 % 100, n % 100);
                if (1949..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                    return true;
                }
            }
        }
        // 截至2019.12, 2020.6-2021.6: a year and a month written with a point, a time and
        // no amount of 2019.12.
        if raw.unit.is_none()
            && raw.shape.arabic
            && year_month(raw.value)
            && raw.max.is_none_or(year_month)
        {
            return true;
        }
        // 位列全省前10位, 排名前5: the number after 前 in a ranking is a place in it, not
        // a count of persons or things.
        if before == Some('前') && ranking_before(t, raw.num_start - '前'.len_utf8()) {
            return true;
        }
        // 1.4个 (its 百分点 on the next line, or dropped): a count of 个 is whole; a
        // fraction of one is no count at all.
        if raw.classifier == Some("个") && raw.value.scale() != 0 && !raw.value.fract().is_zero() {
            return true;
        }
        // 零下15℃: below zero. The number read alone would be +15; the parser has no
        // sign word 零下, so the scanner gives no answer rather than one the parser
        // cannot read back.
        if before == Some('下') && ends(t, raw.start, "零下") {
            return true;
        }
        // 第 4 页, 第 2 批: an ordinal typeset with blanks.
        if before == Some(' ') && ordinal_over_blanks(t, raw.num_start) {
            return true;
        }
        // 2304型拖拉机, 90型收割机: digits before 型 name a model, as letters do (5G).
        if raw.unit.is_none()
            && raw.shape.arabic
            && char_at(t, quantities::skip_blanks(t, raw.num_end)) == Some('型')
        {
            return true;
        }
        // 电话:13812345678, 举报电话12317, 邮编:730030, QQ群:123456789: a number right
        // after a word that names a code (blanks or a colon between) is the code, never
        // an amount; so are digits glued to an underscore (art_123_4567.html).
        if raw.unit.is_none() && raw.shape.arabic {
            if before == Some('_') || after == Some('_') {
                return true;
            }
            let mut k = raw.num_start;
            let mut colon = false;
            while let Some(c) = char_before(t, k).filter(|&c| c == ':' || quantities::is_blank(c)) {
                colon |= c == ':';
                k -= c.len_utf8();
            }
            // After a colon, any label ending in 号 or 码 (项目编号:, 批准文号:).
            if code_word_before(t, k) || colon && matches!(char_before(t, k), Some('号' | '码')) {
                return true;
            }
        }
        // 上午9时, “后2020时代”: hours and eras, not counts.
        if raw.unit.is_none()
            && (after == Some('时') || after == Some('分') && before == Some('时'))
        {
            return true;
        }
        // 一、…;二、…;三、…: an enumeration inside a line; 一、二、三产业: ordinals
        // listed one after another (the second, the third industry).
        if raw.unit.is_none()
            && !raw.shape.arabic
            && after == Some('、')
            && matches!(
                before,
                Some(';' | '；' | ':' | '：' | '。' | ',' | '，' | '、')
            )
        {
            return true;
        }
        // 两、三个, 三、五户: two neighbouring digits set apart by 、 are a vague count
        // (two or three), not the second alone.
        if !raw.shape.arabic && before == Some('、') && raw.value <= rust_decimal::Decimal::TEN {
            let k = raw.num_start - '、'.len_utf8();
            let lone = char_before(t, k).is_some_and(|c| "一二两三四五六七八九".contains(c))
                && char_before(t, k - 3).is_none_or(|c| !lex::is_numeral_char(c));
            if lone {
                return true;
            }
        }
        // 十八大, 十九大: the party congresses, ordinals.
        if raw.unit.is_none() && !raw.shape.arabic && after == Some('大') {
            return true;
        }
        // 2017年6期: a journal's issue; 二期工程: a phase. Ordinals, not counts.
        if raw.classifier == Some("期")
            && (char_before(t, raw.num_start) == Some('年')
                || starts(t, raw.end, "工程")
                || starts(t, raw.end, "项目"))
        {
            return true;
        }
        // 十二届全国人大五次会议: the fifth session of a numbered congress.
        if raw.classifier == Some("次")
            && (starts(t, raw.end, "会议") || starts(t, raw.end, "全体会议"))
            && {
                let head = t.get(..raw.start).unwrap_or("");
                let from = head.char_indices().rev().nth(11).map_or(0, |(i, _)| i);
                let h = head.get(from..).unwrap_or("");
                h.contains('届') || h.contains("人大")
            }
        {
            return true;
        }
        // 十九届: an ordinal (the nineteenth); 70周年 an anniversary; 16-60周岁 and 60岁
        // ages; 三季度 a quarter; 1-6月 months of a year: none is a count.
        if let Some(cls @ ("届" | "周" | "季")) = raw.classifier {
            let next = char_at(t, raw.end);
            if cls == "届" || matches!((cls, next), ("周", Some('年' | '岁')) | ("季", Some('度')))
            {
                return true;
            }
        }
        if raw.unit.is_none() {
            // 60岁 an age; 3位数 a count of digits (位 blocked as persons there).
            if after == Some('岁') || after == Some('位') {
                return true;
            }
            // 3 千 人, 1 萬 2 千 戶: a multiplier that blanks set apart, not read with the
            // number; the number alone would be a fragment (3, not 3000).
            if after == Some(' ') && multiplier_set_apart(t, raw.num_end) {
                return true;
            }
            // 12345热线, 12317扶贫监督举报电话: a hotline's number, named after it.
            if raw.shape.arabic && after.is_some_and(is_cjk_char) && hotline_after(t, raw.num_end) {
                return true;
            }
            // - 3 -, 共 12 页: a page's number.
            if matches!(after, Some(' ' | '页' | '-' | '—' | '–' | '－' | '―'))
                && page_number(t, raw.num_start, raw.num_end)
            {
                return true;
            }
            // 318国道, 212省道: a road's number; 3星级农家乐: a grade of stars. Names,
            // not amounts.
            if matches!(after, Some('国' | '省' | '县' | '乡' | '星' | ' '))
                && road_or_stars(t, raw.num_end)
            {
                return true;
            }
            if after == Some('月')
                && raw
                    .max
                    .is_some_and(|m| m <= rust_decimal::Decimal::from(12))
                && raw.value >= rust_decimal::Decimal::ONE
                && raw.value.scale() == 0
            {
                return true;
            }
        }
        // `1 内部资料`, `2 —— 过去五年`: one or two digits alone at the start of a line,
        // then a blank and words, number a heading or a page, never an amount.
        if raw.unit.is_none()
            && raw.max.is_none()
            && raw.shape.arabic_int.is_some_and(|n| n <= 2)
            && after.is_some_and(quantities::is_blank)
            && at_line_start(t, raw.num_start)
        {
            let q = quantities::skip_blanks(t, raw.num_end);
            if char_at(t, q).is_some_and(|c| !c.is_ascii_digit() && c != '\n' && c != '\r') {
                return true;
            }
        }
        // 90年代, 八十年代: a decade; 五年规划, 五年计划, 三年行动: the name of a plan.
        if raw.classifier == Some("年")
            && (starts(t, raw.end, "代")
                || starts(t, raw.end, "规划")
                || starts(t, raw.end, "计划")
                || starts(t, raw.end, "行动"))
        {
            return true;
        }
        if raw.unit.is_none() {
            // 2154号 (a document's or a house's number), 〔2016〕 and [2016] (the year
            // in a document number): names, never amounts.
            if after == Some('号') {
                return true;
            }
            if matches!(before, Some('〔' | '[' | '【' | '［'))
                && matches!(after, Some('〕' | ']' | '】' | '］'))
            {
                return true;
            }
        }
        // 30余载, 5000多册, 20多岁: 余 or 多 that the number's reader did not take (no
        // unit or counted noun it knows follows) leaves "N" where the text says "over
        // N" of something unknown; the bare exact N would misstate it.
        if raw.unit.is_none()
            && matches!(after, Some('余' | '多'))
            && char_at(t, raw.num_end + '余'.len_utf8()).is_some_and(is_cjk_char)
        {
            return true;
        }
        // 70年来, 30年前, 3年内, 4年级: a 年 that its next character made no measure word
        // (see classifier_blocked) leaves the number bare; the number is a stretch of
        // time up to now, a point in time or a grade, never an amount. 21世纪: a century,
        // an ordinal.
        if raw.unit.is_none()
            && (after == Some('年') || after == Some('世') && starts(t, raw.num_end, "世纪"))
        {
            return true;
        }
        // 五年来, 两年内: a stretch of time up to now, not a count.
        if raw.classifier == Some("年")
            && matches!(char_at(t, raw.end), Some('来' | '内' | '后' | '间'))
        {
            return true;
        }
        // A lone 一 is an article (一个, 一批, 一年) or inside a word (统一, 进一步), and
        // whatever the count, "one" is never a statistic worth a wrong reading.
        if raw.shape.lone_digit
            && char_at(t, raw.num_start) == Some('一')
            && raw.unit != Some(crate::Unit::Percent)
        {
            return true;
        }
        false
    }

    /// Whether the digits at `p` follow digits and a point with blanks beside it, in the
    /// middle of a sentence (`12. 8万个`, `0. 6%`, `1 .2万人`): the tail of a decimal that blanks split at its
    /// point, never a number of its own (8万 of 12.8万 is a wrong value). After an item
    /// marker (a line's start, an opening bracket, a semicolon or a colon before the
    /// digits: `1. 3个村`) the number is the item's own.
    #[cold]
    #[inline(never)]
    fn split_decimal_tail(&self, p: usize) -> bool {
        let t = self.t;
        let b = t.as_bytes();
        // Back over `blanks "." blanks` (a blank on at least one side: 12. 8, 1 .2, 3 . 5);
        // after the point a line break counts as a blank (增长4.\n6%: a point never ends
        // a Chinese sentence).
        let blank = |k: usize| k > 0 && b.get(k - 1) == Some(&b' ');
        let mut q = p;
        while k_break_or_blank(b, q) {
            q -= 1;
        }
        let after_point = q < p;
        if q == 0 || b.get(q - 1) != Some(&b'.') {
            return false;
        }
        let mut end = q - 1;
        while blank(end) {
            end -= 1;
        }
        if !after_point && end == q - 1 {
            return false;
        }
        let mut k = end;
        while k > 0 && b.get(k - 1).is_some_and(u8::is_ascii_digit) {
            k -= 1;
        }
        if k == end {
            return false;
        }
        let mut j = k;
        while let Some(c) = char_before(t, j).filter(|&c| c == ' ' || c == '\u{3000}') {
            j -= c.len_utf8();
        }
        !at_line_start(t, k)
            && !matches!(char_before(t, j), Some('(' | ';' | ':' | '、' | '.' | '-'))
    }

    /// Whether the digits at `p` (the first a `0`) are two or more and follow an Arabic
    /// digit and one blank.
    fn zero_tail(&self, p: usize) -> bool {
        let b = self.t.as_bytes();
        b.get(p + 1).is_some_and(u8::is_ascii_digit)
            && p.checked_sub(1).and_then(|k| b.get(k)) == Some(&b' ')
            && p.checked_sub(2)
                .and_then(|k| b.get(k))
                .is_some_and(u8::is_ascii_digit)
    }

    /// A bare 万 or 亿 number in a clause about people or households takes their unit
    /// (spec section 2), with the noun that names them kept:
    ///
    /// - after it, through 来自…的: `3.2万来自贫困家庭的劳动力`;
    /// - before it in the same clause, with nothing between that names another measure
    ///   (money, land, rates, income): `贫困人口由45.6万减少到12.4万`, `全县总人口达45万`,
    ///   `48万贫困人口已累计脱贫41.6万`.
    ///
    /// It leans to no unit: a clause break, a word of money or rate between the noun
    /// and the number, or no population noun at all leaves the number bare.
    fn implied_unit(&self, raw: &mut Raw) {
        if raw.unit.is_some() || raw.fraction || raw.shape.tail_big == 0 || raw.max.is_some() {
            return;
        }
        let t = self.t;
        // 3.2万来自贫困家庭的劳动力
        if starts(t, raw.end, "来自") {
            let from = raw.end + "来自".len();
            let head = t.get(from..).unwrap_or("");
            if let Some((k, _)) = head
                .char_indices()
                .take(12)
                .take_while(|&(_, c)| is_cjk_char(c))
                .find(|&(_, c)| c == '的')
            {
                let at = from + k + "的".len();
                if let Some((u, e)) = quantities::people_noun(t, at) {
                    raw.unit = Some(u);
                    raw.noun = Some((at, e));
                    return;
                }
            }
        }
        // The clause before the number, at most 40 characters.
        let mut start = raw.start;
        let mut n = 0;
        while let Some(c) = char_before(t, start) {
            if n == 40 || !is_cjk_char(c) && !c.is_ascii_digit() && !matches!(c, '.' | '%') {
                break;
            }
            start -= c.len_utf8();
            n += 1;
        }
        let clause = t.get(start..raw.start).unwrap_or("");
        // The last population noun of the clause; nothing after it may speak of
        // another measure.
        let mut found = None;
        let mut k = start;
        while k < raw.start {
            if let Some((u, e)) = quantities::people_noun(t, k).filter(|&(_, e)| e <= raw.start) {
                found = Some((u, k, e));
                k = e;
                continue;
            }
            k += char_at(t, k).map_or(1, char::len_utf8);
        }
        let Some((u, a, e)) = found else { return };
        let between = t.get(e..raw.start).unwrap_or("");
        const OTHER: &[&str] = &[
            "收入", "资金", "元", "人均", "户均", "面积", "亩", "产值", "产量", "贷款", "补助",
            "率", "比例", "金额", "投入", "工资", "存款", "万元", "亿元", "平方", "公里", "公顷",
            "户数", "人数", "人次",
        ];
        if OTHER.iter().any(|w| between.contains(w)) || clause.is_empty() {
            return;
        }
        raw.unit = Some(u);
        raw.noun = Some((a, e));
    }

    /// Damage right before a number starting at `p` (?.8萬: looking back over a point or
    /// separator).
    fn damaged_before(&self, mut p: usize) -> bool {
        let t = self.t;
        if matches!(
            p.checked_sub(1).and_then(|k| t.as_bytes().get(k)),
            Some(b'.' | b',')
        ) {
            p -= 1;
        }
        damage_ends_at(t, p)
    }

    /// Whether no byte in `a..b` may start a damage character: the first damage byte
    /// at or after `a` is looked up with `memchr2` and kept until a later figure passes it.
    fn clean_between(&mut self, a: usize, b: usize) -> bool {
        let next = match self.scan.damage {
            Some((from, next)) if from <= a && next >= a => next,
            _ => {
                let bytes = self.t.as_bytes();
                let next = bytes
                    .get(a..)
                    .and_then(|r| memchr::memchr2(b'?', 0xEF, r))
                    .map_or(bytes.len(), |k| a + k);
                self.scan.damage = Some((a, next));
                next
            }
        };
        next >= b
    }

    /// Inlined: nearly every figure has no damage byte near it, which the kept search
    /// answers; the figure is read again only when there is one.
    #[inline]
    fn damaged(&mut self, raw: &Raw) -> bool {
        // Every byte read below lies in this range (four before the number: a damage
        // character and a point; up to two after it).
        !self.clean_between(
            raw.num_start.saturating_sub(4),
            raw.end.max(raw.num_end + 2),
        ) && self.damage_near(raw)
    }

    /// [`damaged`](Self::damaged) when a damage byte lies near the figure.
    fn damage_near(&self, raw: &Raw) -> bool {
        let t = self.t;
        if self.damaged_before(raw.num_start) {
            return true;
        }
        if t.get(raw.num_start..raw.end).is_some_and(has_damage) {
            return true;
        }
        // 1?5, 1.2?万人, 3?亿元: damage right after, with more of the number or its
        // unit behind it (the figure read so far is a fragment of what was written).
        // 3.?亿元: a point between the figure and the damage. Damage starts with '?' or
        // 0xEF (U+FFFD): one byte answers for nearly every figure.
        let b = t.as_bytes();
        let at = raw.num_end + usize::from(b.get(raw.num_end) == Some(&b'.'));
        if !matches!(b.get(at), Some(b'?' | 0xEF)) {
            return false;
        }
        char_at(t, at).is_some_and(|c| {
            let after = at + c.len_utf8();
            is_damage(c)
                && (char_at(t, after).is_some_and(|n| lex::is_numeral_char(n) || n == '.')
                    || quantities::label_at(t, after).is_some()
                    || quantities::classifier_at(t, after).is_some())
        })
    }
}

impl Iterator for Finder<'_> {
    type Item = Found;

    // Inlined into its callers (`next_in_chunk`), so that a quantity read is built in
    // place rather than copied out through a call (128 bytes moved per figure).
    #[inline(always)]
    fn next(&mut self) -> Option<Found> {
        let t = self.t;
        loop {
            // The candidate's character and the one before it are decoded once here.
            let (p, first) = self.next_candidate()?;
            self.scan.pos = p;
            let before = char_before(t, p);
            // 第6, 第一书记: ordinals; 第3、4批, 第二、三批, 第5-8批: the numbers listed
            // or ranged after one are ordinals too (the fourth batch, not four batches).
            if before == Some('第') {
                let mut q = self.skip_run(p);
                while let Some(sep) = char_at(t, q).filter(|&c| {
                    matches!(c, '、' | '-' | '—' | '–' | '~' | '〜' | '至' | '到' | '－')
                }) {
                    let r = q + sep.len_utf8();
                    if !char_at(t, r).is_some_and(lex::is_numeral_char) {
                        break;
                    }
                    q = self.skip_run(r);
                }
                self.scan.pos = q;
                continue;
            }
            // `1234 000萬`: digits that start with 0 right after digits and a blank are
            // the tail of a number set apart that did not join, never one of their own
            // (000萬 is not 0). A lone 0 (0.5%) is a number.
            if first == '0' && self.zero_tail(p) {
                self.scan.pos = self.skip_run(p);
                continue;
            }
            // Digits right after a Chinese numeral passed over (in a quotation: “十0万”)
            // are the rest of that numeral, never a number of their own.
            if first.is_ascii_digit()
                && before.is_some_and(|c| !c.is_ascii() && c != '点' && lex::is_numeral_char(c))
            {
                self.scan.pos = self.skip_run(p);
                continue;
            }
            // 两不愁三保障, 唯一, 三门峡: numerals in set phrases and place names.
            if !first.is_ascii() {
                if let Some((start, end)) = crate::quantities::words::numeral_word_end(t, p) {
                    // A numeral run on after a phrase that starts with a numeral (万一三)
                    // is no figure either: the two read as one numeral. After a word
                    // that only ends in one (唯一两个合作社: the only two), the run is a
                    // number of its own.
                    self.scan.pos = if start == p
                        && char_at(t, end).is_some_and(|c| !c.is_ascii() && lex::is_numeral_char(c))
                    {
                        self.skip_run(end)
                    } else {
                        end
                    };
                    continue;
                }
            }
            // Years and dates: only worth a look when a time word or separator follows
            // the numeral.
            let first_scan = numerals::scan(t, p);
            if let Ok(Some(s)) = &first_scan {
                // The middle of a hyphen chain (02-0046-06, 3-3-3): a code, never an
                // amount; passed over without a read.
                let b = t.as_bytes();
                if p >= 2
                    && b.get(p - 1) == Some(&b'-')
                    && b.get(p - 2).is_some_and(u8::is_ascii_digit)
                    && b.get(s.end) == Some(&b'-')
                    && b.get(s.end + 1).is_some_and(u8::is_ascii_digit)
                {
                    self.scan.pos = s.end;
                    continue;
                }
                // After a separator only a year starts a time (2019-12-23, 2016-2020年).
                let next = char_at(t, s.end);
                if matches!(next, Some('年' | '月' | '日' | '号'))
                    || matches!(
                        next,
                        Some(
                            '-' | '/'
                                | '.'
                                | '至'
                                | '到'
                                | '—'
                                | '–'
                                | '~'
                                | '－'
                                | ' '
                                | '底'
                                | '末'
                        )
                    ) && year_of(s).is_some()
                {
                    if let Some(tr) = time_at(t, p, s) {
                        self.scan.pos = tr.end;
                        return Some(Found::Time(tr));
                    }
                }
            }
            // 负32, -10000: a sign right before the number, not a range dash (3-5) or a
            // hyphen in a code (0431-).
            let at = match before {
                Some(c @ ('负' | '-' | '−'))
                    if c == '负'
                        || !char_before(t, p - c.len_utf8()).is_some_and(|b| {
                            b.is_ascii_alphanumeric()
                                || lex::is_numeral_char(b)
                                || matches!(b, ')' | '%')
                        }) =>
                {
                    p - c.len_utf8()
                }
                _ => p,
            };
            // A dash right after the last amount (3户-5人) or at the start of a line
            // (-320户已脱贫, a list item) is never a minus sign.
            let at = if at < p
                && char_at(t, at) != Some('负')
                && (at <= self.scan.prev_end && self.scan.prev_end > 0 || at_line_start(t, at))
            {
                p
            } else {
                at
            };
            // Damage right before the number and right after it: a damaged bare number
            // (?1?1…); when no one wants damaged numbers it is passed over unread.
            if !self.scan.keep_damaged {
                if let Ok(Some(s)) = &first_scan {
                    // Damage is looked for before the digits, not before a sign, as
                    // `damaged` does for a number read in full (?负二? is not skipped
                    // here when 负二 would not be flagged).
                    if char_at(t, s.end).is_some_and(is_damage) && self.damaged_before(p) {
                        self.scan.pos = s.end;
                        self.scan.prev_end = s.end;
                        continue;
                    }
                }
            }
            let pre = first_scan.ok().flatten().filter(|_| at == p);
            match quantities::read_scanned(t, at, Mode::Text, pre, &mut self.scan.list) {
                Ok(Some(mut raw)) => {
                    if raw.shape.bare_lead && char_at(t, raw.num_start) == Some('万') {
                        self.scan.pos = self.skip_run(p);
                        continue;
                    }
                    // 1.1.1, 2020.10.1: dotted runs are not numbers.
                    if char_at(t, raw.num_end) == Some('.')
                        && char_at(t, raw.num_end + 1).is_some_and(|c| c.is_ascii_digit())
                    {
                        self.scan.pos = self.skip_run(raw.num_end + 1);
                        continue;
                    }
                    let junk = self.is_context_junk(&raw);
                    if raw.unit.is_none() && raw.shape.tail_big > 0 && !junk {
                        self.implied_unit(&mut raw);
                    }
                    let damaged = self.damaged(&raw);
                    // Approximation words before the number never reach into the last quantity.
                    raw.start = raw.start.max(self.scan.prev_end);
                    self.scan.pos = raw.end.max(p + first.len_utf8());
                    if junk {
                        continue;
                    }
                    self.scan.prev_end = raw.end;
                    return Some(Found::Quantity { raw, damaged });
                }
                // A run of Chinese numerals that reads as nothing (一两 before a noun, 百万
                // in 百万富翁) is passed over whole: a digit of it read alone would be a
                // fragment (一两贫困人口 is not 2 persons).
                Ok(None) if lex::chinese_digit(first).is_some() => {
                    let mut q = p;
                    while let Some(c) = char_at(t, q).filter(|&c| lex::chinese_digit(c).is_some()) {
                        q += c.len_utf8();
                    }
                    self.scan.pos = q;
                }
                Ok(None) => self.scan.pos = p + first.len_utf8(),
                Err(e) => self.scan.pos = e.skip_to.max(p + first.len_utf8()),
            }
        }
    }
}

/// The largest piece of a document cleaned up and scanned at once (64 KiB: the whole of
/// most reports; small enough that a chunk's text and what is found in it stay in the
/// processor's cache). Documents are cut after line breaks (sentences never cross them);
/// a longer line is cut after the end of a sentence (。！？；), else after a full-width
/// comma or colon, and a line with none of them at a character boundary.
pub(crate) const CHUNK: usize = 1 << 16;

/// How far back from a chunk's end [`chunk_end`] looks for punctuation to cut after.
const TAIL: usize = 1 << 13;

/// The end of the chunk of `text` that starts at `start`.
pub(crate) fn chunk_end(text: &str, start: usize) -> usize {
    let rest = text.get(start..).unwrap_or("");
    if rest.len() <= CHUNK {
        return text.len();
    }
    let mut limit = CHUNK;
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = rest.get(..limit).unwrap_or("");
    // With no line break, punctuation is looked for in the window's last 8 KiB only
    // (it is read a character at a time; text without any is hostile, not prose).
    let mut tail = limit.saturating_sub(TAIL);
    while !window.is_char_boundary(tail) {
        tail += 1;
    }
    let last = |chars: &[char]| {
        window
            .get(tail..)
            .and_then(|w| w.rfind(chars))
            .map(|i| tail + i + '。'.len_utf8())
    };
    let cut = window
        .rfind('\n')
        .map(|i| i + 1)
        .or_else(|| last(&['。', '！', '？', '；']))
        // No sentence end: after a full-width comma or colon, never inside a number.
        .or_else(|| last(&['，', '、', '：']))
        .filter(|&i| i > 0)
        .unwrap_or(limit);
    start + cut
}

/// A chunk cleaned up for the scanner: normalized, and in hard-wrapped text with the
/// line breaks inside quantities taken out (see the `wrap` module).
fn clean(chunk: &str) -> Normalized<'_> {
    let mut norm = crate::normalize(chunk);
    crate::quantities::wrap::join_wrapped(&mut norm);
    norm
}

/// A document read chunk by chunk: each chunk is normalized on its own, so memory
/// stays bounded by the chunk whatever the document's size.
#[derive(Clone, Debug)]
pub(crate) struct Cursor<'t> {
    original: &'t str,
    /// Where the current chunk starts in the original.
    pub(crate) offset: usize,
    /// The current chunk of the original.
    pub(crate) chunk: &'t str,
    pub(crate) norm: Normalized<'t>,
    /// Where the scan of the current chunk is.
    scan: Scan,
    /// Where the last span mapped back to the original was in the offset map.
    span_hint: usize,
}

impl<'t> Cursor<'t> {
    pub(crate) fn new(original: &'t str) -> Cursor<'t> {
        let end = chunk_end(original, 0);
        let chunk = original.get(..end).unwrap_or("");
        Cursor {
            original,
            offset: 0,
            chunk,
            norm: clean(chunk),
            scan: Scan::default(),
            span_hint: 0,
        }
    }

    /// Moves to the next chunk; false at the end of the document.
    pub(crate) fn advance(&mut self) -> bool {
        let start = self.offset + self.chunk.len();
        if start >= self.original.len() {
            return false;
        }
        let end = chunk_end(self.original, start);
        self.offset = start;
        self.chunk = self.original.get(start..end).unwrap_or("");
        self.norm = clean(self.chunk);
        self.span_hint = 0;
        self.scan = Scan {
            keep_damaged: self.scan.keep_damaged,
            ..Scan::default()
        };
        true
    }

    /// The next thing found in the current chunk (`None` at its end).
    pub(crate) fn next_in_chunk(&mut self) -> Option<Found> {
        let mut f = Finder {
            t: self.norm.as_str(),
            scan: &mut self.scan,
        };
        f.next()
    }

    /// The original text and document span of `cleaned`, a span of the current chunk's
    /// cleaned text.
    pub(crate) fn original(&self, cleaned: Span) -> (&'t str, Span) {
        let local = self.norm.source_span(cleaned);
        (
            self.chunk.get(local.range()).unwrap_or(""),
            self.in_document(local),
        )
    }

    /// A span of the current chunk's original text as a span of the whole document.
    fn in_document(&self, local: Span) -> Span {
        Span::new(local.start + self.offset, local.end + self.offset)
    }

    /// The span in the current chunk's original text of a quantity found in it. Asked
    /// in order, so the offset map is searched forward from the last answer.
    fn chunk_span(&mut self, raw: &Raw) -> Span {
        self.norm
            .source_span_from(Span::new(raw.start, raw.end), &mut self.span_hint)
    }

    /// A quantity found in the current chunk, with its span in the whole document.
    pub(crate) fn quantity(&mut self, raw: &Raw) -> Quantity<'t> {
        let local = self.chunk_span(raw);
        self.quantity_at(raw, local, false)
    }

    /// [`quantity`](Cursor::quantity) for a read whose [`chunk_span`](Cursor::chunk_span)
    /// is known already.
    #[inline]
    fn quantity_at(&self, raw: &Raw, local: Span, damaged: bool) -> Quantity<'t> {
        let span = self.in_document(local);
        quantities::to_quantity(raw, &self.norm, local, self.chunk, span, damaged)
    }
}

/// Every quantity in a text, in source order; see [`quantities`].
///
/// Cleans up and scans the text a piece at a time (at most 64 KiB, cut after line
/// breaks); each item's span points into the original.
///
/// ```
/// let text = "全县脱贫3万余人,投入资金9.82億元。";
/// let spans: Vec<&str> = fupin::quantities(text).map(|q| &text[q.span]).collect();
/// assert_eq!(spans, ["3万余人", "9.82億元"]);
/// ```
#[derive(Clone, Debug)]
pub struct Quantities<'t> {
    /// Its scan says whether damaged quantities are wanted.
    cursor: Cursor<'t>,
    done: bool,
    /// End of the last quantity yielded, in the original text.
    source_end: usize,
}

impl<'t> Quantities<'t> {
    /// Also yield damaged quantities (a `?` or U+FFFD in or right before the number),
    /// flagged [`Quantity::damaged`]. Off by default: their values may be wrong.
    #[must_use]
    pub fn include_damaged(mut self, yes: bool) -> Quantities<'t> {
        self.cursor.scan.keep_damaged = yes;
        self
    }
}

impl<'t> Iterator for Quantities<'t> {
    type Item = Quantity<'t>;

    fn next(&mut self) -> Option<Quantity<'t>> {
        while !self.done {
            // Matched by reference: the read (128 bytes) is not moved out again.
            let found = self.cursor.next_in_chunk();
            let Some(found) = &found else {
                self.done = !self.cursor.advance();
                continue;
            };
            if let &Found::Quantity { ref raw, damaged } = found {
                // Left out when damaged and not asked for, it still holds its original
                // bytes, as it would if it were asked for: a number cleaned out of the
                // same characters (¼ with a combining mark becomes 1⁄4) is not reported
                // in its place. One source character can clean up into several
                // (compatibility forms): never report two quantities over the same
                // original bytes.
                let local = self.cursor.chunk_span(raw);
                let span = self.cursor.in_document(local);
                let overlaps = span.start < self.source_end;
                if damaged && !self.cursor.scan.keep_damaged {
                    if !overlaps {
                        self.source_end = span.end;
                    }
                    continue;
                }
                if overlaps {
                    continue;
                }
                self.source_end = span.end;
                // Built in the returned value, not copied into it.
                return Some(self.cursor.quantity_at(raw, local, damaged));
            }
        }
        None
    }
}

impl FusedIterator for Quantities<'_> {}

/// Finds every quantity in a document: numbers with their units, in source order.
///
/// The text may be simplified or traditional, full-width, with pinyin annotations and
/// doubled punctuation from page converters (it is [normalized](crate::normalize) first);
/// every [`Quantity::span`] points into `text` as given, and `&text[q.span] == q.text`.
///
/// Not quantities, and skipped: time expressions (`2014年`, `2017 年末`, `19年底`,
/// `6月30日`; see [`times`](crate::times)), quarters, month ranges and ages (`三季度`, `1-6月`,
/// `16-60周岁`), ordinals (`第6`, `十九届`, `十八大`, `70周年`), numbers in book titles and
/// quotation marks (`《二十五条》`, `“1461”`), numerals in set phrases and place names
/// (`两不愁三保障`, `一户一策`, `三门峡`), formula-like names (`5+2`), codes (`S-9`,
/// `02-0046`), list markers (`①`, `(一)`, `[1]`), lone Chinese digits inside words
/// (`一是`) and damaged numbers (see [`Quantities::include_damaged`]). Bare numbers (no
/// unit) are yielded with `unit: None`, unless their clause names people or households
/// (`贫困人口减少到12.4万`).
///
/// Hard-wrapped text (lines broken at a width, as PDF copies are) is recognised per
/// 64 KiB piece; there a line break inside a quantity joins it, and its span runs over
/// the break (`3\n412人`). Text whose lines end at sentences never joins.
///
/// Spans are ordered and do not overlap. Memory is bounded by 64 KiB of text and
/// what is found, whatever the size of `text`.
///
/// Each quantity borrows its `text` from `text` (nothing is allocated for it); call
/// [`Quantity::into_owned`] to keep one after the input is gone.
///
/// ```
/// use fupin::{quantities, Unit};
///
/// let text = "累计脱贫78个村6474戶17718人,贫困发生率下降为0.52%。";
/// let qs: Vec<_> = quantities(text).collect();
/// assert_eq!(qs.len(), 4);
/// assert_eq!((qs[0].classifier.as_deref(), qs[0].noun.as_deref()), (Some("个"), Some("村")));
/// assert_eq!(qs[1].unit, Some(Unit::Household));
/// assert_eq!(&text[qs[1].span], "6474戶");
/// ```
#[must_use]
pub fn quantities(text: &str) -> Quantities<'_> {
    Quantities {
        cursor: Cursor::new(text),
        done: false,
        source_end: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Vec<String> {
        quantities(text)
            .map(|q| {
                format!(
                    "{}={}{}",
                    q.text,
                    q.value,
                    q.unit.map_or(String::new(), |u| format!(" {u}"))
                )
            })
            .collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            q("贫困人口6576户17990人"),
            ["6576户=6576 household", "17990人=17990 person"]
        );
        assert_eq!(q("2014年全县"), Vec::<String>::new());
        assert_eq!(q("第6名"), Vec::<String>::new());
    }

    /// A list of `N个、` is walked once for its shared unit, not once per item: the
    /// work counted is linear in the list's length (it was quadratic: 1 MB took 28 s).
    #[test]
    fn list_walk_is_linear() {
        for n in [100usize, 2000] {
            let text = "12个、".repeat(n);
            quantities::LIST_STEPS.with(|c| c.set(0));
            assert_eq!(quantities(&text).count(), n);
            let steps = quantities::LIST_STEPS.with(std::cell::Cell::get);
            assert!(steps <= 2 * n, "{n} items took {steps} steps");
        }
        // The shared unit is still found from every item.
        let qs: Vec<_> = quantities("分别提高5个、3个、2个百分点").collect();
        assert_eq!(qs.len(), 3);
        assert!(
            qs.iter()
                .all(|q| q.unit == Some(crate::Unit::PercentagePoint))
        );
    }
}
