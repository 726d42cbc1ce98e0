//! Hard-wrapped text: lines broken at a fixed width (copied from PDFs and typeset pages),
//! where a break can fall inside a number or between a number and its unit.
//!
//! A piece of text is **wrapped** when most of its lines of some length end without
//! sentence punctuation and their widths cluster just under one width (the wrap width).
//! In wrapped text a line break joins what is on either side of it when
//!
//! - the line before it is full (its width is within a few columns of the wrap width:
//!   the break was made by the width, not by the writer), and
//! - it stands inside a number (`3\n412`, `4.\n7`), between a number and its multiplier,
//!   unit, measure word or approximation word (`4.7亿\n元`, `23\n个贫困村`, `3万\n余人`), or
//!   between an approximation word and a number (`约\n3000人`).
//!
//! The break (with a `\r`, the blanks around it, and page-number lines such as `- 12 -`
//! standing between) is removed from the cleaned text; offsets still map back to the
//! original, so a quantity's span runs over the break (`3\n412人`).
//!
//! It leans to **no join**: text whose lines end at sentences (one figure a line, tables,
//! web pages with a paragraph a line) is never joined, nor is a short line, an empty line
//! (a paragraph break), or a break with anything else on either side.

use crate::Normalized;
use crate::common::chars::{char_at, char_before};
use crate::numerals::lex;
use crate::quantities;

/// Lines narrower than this (in columns: a CJK character is two, ASCII one) say nothing
/// about wrapping: headings, list items, page numbers.
const MIN_WIDTH: usize = 16;

/// How far under the wrap width a full line may end (justified lines with digits and
/// Latin letters in them are a little narrower or wider in columns).
const SLACK: usize = 4;

/// The columns of `s`: two for each character outside ASCII, one for each ASCII one.
fn width(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            0..0x80 => 1,
            0xC0.. => 2,
            _ => 0,
        })
        .sum()
}

/// A line without its trailing blanks and `\r`.
fn trim_end(line: &str) -> &str {
    line.trim_end_matches([' ', '\t', '\r'])
}

/// Whether a line ends a sentence or a clause that the writer ended.
fn ends_sentence(line: &str) -> bool {
    line.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '！'
                | '？'
                | '；'
                | '：'
                | '…'
                | '”'
                | '’'
                | '」'
                | '』'
                | ')'
                | '）'
                | '.'
                | '!'
                | '?'
                | ';'
                | ':'
                | '"'
        )
    })
}

/// The wrap width of `t` when it is wrapped, else `None`.
pub(crate) fn wrap_width(t: &str) -> Option<usize> {
    survey(t).0
}

/// Whether, in text wrapped at width `w`, the break after `line` was made by the width
/// and not by the writer: the line is full and ends no sentence or clause. Such a break
/// ends no sentence, clause or paragraph (the indicators read across it).
pub(crate) fn wrapped_line(line: &str, w: usize) -> bool {
    let l = trim_end(line.trim_start_matches([' ', '\t']));
    l.len() >= MIN_WIDTH && !ends_sentence(l) && width(l) + SLACK >= w
}

/// [`wrap_width`], and whether the piece has a figure a line (four figure lines among
/// the lines read: all of a wrapped piece, else up to the 64th line of some length).
fn survey(t: &str) -> (Option<usize>, bool) {
    // Most lines in most documents are paragraphs ending with 。: the count of lines of
    // some length that end without punctuation decides before any width is measured.
    let mut lines = 0usize;
    let mut open = 0usize;
    let mut figures = 0usize;
    for line in t.split('\n') {
        let line = trim_end(line);
        if line.len() < MIN_WIDTH {
            if line.as_bytes().first().is_some_and(u8::is_ascii_digit) && figure_line(line) {
                figures += 1;
            }
            continue;
        }
        lines += 1;
        if !ends_sentence(line) {
            open += 1;
        }
        // Clearly prose after 64 lines (under three in ten open): no need to read on.
        if lines == 64 && open * 10 < lines * 3 {
            return (None, figures >= 4);
        }
    }
    let figured = figures >= 4;
    if lines < 4 || open * 10 < lines * 6 {
        return (None, figured);
    }
    // The widths cluster: at least half of the lines lie within SLACK columns under one
    // width (the last line of each paragraph is shorter; a few are wider).
    let mut widths: Vec<usize> = t
        .split('\n')
        .map(|l| trim_end(l.trim_start_matches([' ', '\t'])))
        .filter(|l| l.len() >= MIN_WIDTH)
        .map(width)
        .collect();
    widths.sort_unstable();
    let mut best = (0usize, 0usize);
    let mut lo = 0;
    for (hi, &w) in widths.iter().enumerate() {
        while widths.get(lo).is_some_and(|&x| x + SLACK < w) {
            lo += 1;
        }
        let n = hi + 1 - lo;
        if n > best.0 || n == best.0 && w > best.1 {
            best = (n, w);
        }
    }
    (
        (best.0 * 2 >= widths.len() && best.1 >= MIN_WIDTH).then_some(best.1),
        figured,
    )
}

/// A page-number line: blanks, dashes and one to four digits (`- 12 -`, `—3—`, `12`),
/// or `第 3 页`.
fn is_page_number(line: &str) -> bool {
    let l = line.trim_matches([' ', '\t', '\r']);
    let l = l
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('页'))
        .unwrap_or(l);
    let digits = l.bytes().filter(u8::is_ascii_digit).count();
    (1..=4).contains(&digits)
        && l.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '—' | '–' | '－' | '第' | '页'))
}

/// Whether a number ending in `x` (the last character before the break) goes on with
/// what starts at `pos` of `t` (the first character after it).
fn joins(t: &str, before: &str, x: char, pos: usize) -> bool {
    let Some(y) = char_at(t, pos) else {
        return false;
    };
    // A unit as the number's reader takes one (人 but not 人均, 户 but not 户籍).
    let unit_next = || {
        quantities::unit_word_at(t, pos)
            || matches!(
                y,
                '余' | '多' | '左' | '以' | '上' | '万' | '亿' | '千' | '百'
            )
    };
    if x.is_ascii_digit() {
        // 3\n412, 3\n.5, 12\n%, 4\n万元, 23\n个, 300\n余人
        // 2014\n年底: a year or date goes on too (and is then read as a time).
        return y.is_ascii_digit()
            || matches!(y, '.' | '%' | '‰' | '年' | '月' | '日' | '号')
            || unit_next();
    }
    if x == '.' {
        // 4.\n7亿
        return y.is_ascii_digit()
            && char_before(before, before.len() - 1).is_some_and(|c| c.is_ascii_digit());
    }
    if matches!(x, '约' | '近' | '逾') {
        // 约\n3000人
        return y.is_ascii_digit();
    }
    // 4.7亿\n元, 三百\n户: a Chinese numeral or multiplier, then its unit (never another
    // numeral: 统一\n三 is no number).
    if lex::is_numeral_char(x) && quantities::unit_word_at(t, pos) {
        return true;
    }
    // 第十\n四个五年规划, 二十\n三个村, 十九\n大, 十九\n届: a Chinese numeral run goes on
    // over the break, and so does the word that makes it an ordinal; read apart, the
    // second half is a wrong number of its own (四个) and the first a bare one (十九).
    if !x.is_ascii()
        && lex::is_numeral_char(x)
        && (!y.is_ascii() && lex::is_numeral_char(y)
            || matches!(y, '大' | '届' | '次' | '期' | '批' | '轮'))
    {
        return true;
    }
    split_unit(t, before, pos)
}

/// Whether the break falls inside a unit or approximation word right after a number:
/// `1.2万千\n瓦`, `3000人\n次`, `12平方\n公里`, `3万左\n右`.
fn split_unit(t: &str, before: &str, pos: usize) -> bool {
    let mut start = before.len();
    let after = t.get(pos..).unwrap_or("");
    let mut cut = after.len().min(12);
    while !after.is_char_boundary(cut) {
        cut -= 1;
    }
    let after = after.get(..cut).unwrap_or("");
    for _ in 0..3 {
        let Some(c) = char_before(before, start) else {
            return false;
        };
        if c.is_ascii() {
            return false;
        }
        start -= c.len_utf8();
        let head = before.get(start..).unwrap_or("");
        let number_before = char_before(before, start)
            .is_some_and(|b| b.is_ascii_digit() || lex::is_numeral_char(b));
        if !number_before {
            continue;
        }
        let joined = format!("{head}{after}");
        let word = quantities::label_at(&joined, 0)
            .map(|l| l.text.len())
            .or_else(|| quantities::classifier_at(&joined, 0).map(str::len))
            .or_else(|| {
                ["左右", "上下", "以上", "以下", "以内", "百分点"]
                    .iter()
                    .find(|w| joined.starts_with(*w))
                    .map(|w| w.len())
            });
        if word.is_some_and(|n| n > head.len()) {
            return true;
        }
    }
    false
}

/// The line breaks of wrapped text `t` that fall inside a quantity, as ranges of `t` to
/// remove (each from the end of the line's text to the start of the next line's).
pub(crate) fn joinable_breaks(t: &str, wrap: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    while let Some(k) = t.get(line_start..).and_then(|r| r.find('\n')) {
        let nl = line_start + k;
        let line = t.get(line_start..nl).unwrap_or("");
        let body = trim_end(line);
        let next_start = nl + 1;
        line_start = next_start;
        let full = width(body.trim_start_matches([' ', '\t'])) + SLACK >= wrap;
        let Some(x) = body.chars().next_back() else {
            continue;
        };
        if !full {
            continue;
        }
        // The next line with text, over page-number lines (never over an empty line).
        let mut p = next_start;
        let mut ok = true;
        loop {
            let rest = t.get(p..).unwrap_or("");
            let end = rest.find('\n').map_or(t.len(), |i| p + i);
            let l = t.get(p..end).unwrap_or("");
            if l.trim_matches([' ', '\t', '\r']).is_empty() {
                ok = false;
                break;
            }
            if is_page_number(l) && end < t.len() {
                p = end + 1;
                continue;
            }
            break;
        }
        if !ok {
            continue;
        }
        let text_start = p + t
            .get(p..)
            .map_or(0, |r| r.len() - r.trim_start_matches([' ', '\t']).len());
        let cut = line_start - 1 - (line.len() - body.len());
        let before = t.get(..cut).unwrap_or("");
        if joins(t, before, x, text_start) {
            out.push((cut, text_start));
        }
    }
    out
}

/// A line that holds one figure and nothing else: digits with a point, a percent sign
/// or a sign (`17`, `0.47%`, `1.8`).
fn figure_line(line: &str) -> bool {
    let l = line.trim_matches([' ', '\t', '\r']);
    !l.is_empty()
        && l.len() <= 24
        && l.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && l.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'%' | b','))
}

/// Figure-per-line text, as some PDF converters give it (`…贫困发生率降至\n0.47%\n,`,
/// `\n17\n个贫困村顺利出列`): the breaks after a figure line whose sentence goes on, when
/// the next line starts with the figure's multiplier, unit, measure word or time word.
/// The line before the figure must not end a sentence (a table's heading line,
/// `贫困村(个)`, does), and the next line's first word must be a unit as the scanner
/// reads one (not 人均 or 户籍). Only for a piece that [`survey`] finds has a figure a
/// line.
fn figure_breaks(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // (start, end) of each line, without its \n.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for line in t.split('\n') {
        lines.push((at, at + line.len()));
        at += line.len() + 1;
    }
    for w in lines.windows(3) {
        let &[(ps, pe), (fs, fe), (ns, _)] = w else {
            continue;
        };
        let (Some(prev), Some(fig)) = (t.get(ps..pe), t.get(fs..fe)) else {
            continue;
        };
        let prev = trim_end(prev);
        if !figure_line(fig) || prev.is_empty() || ends_sentence(prev) {
            continue;
        }
        let body = trim_end(fig);
        let start = ns
            + t.get(ns..)
                .map_or(0, |r| r.len() - r.trim_start_matches([' ', '\t']).len());
        let Some(x) = body.chars().next_back() else {
            continue;
        };
        let unit = || {
            quantities::unit_word_at(t, start)
                || matches!(
                    char_at(t, start),
                    Some('万' | '亿' | '余' | '多' | '年' | '月' | '日' | '%')
                )
        };
        if (x.is_ascii_digit() || x == '%') && unit() {
            out.push((fs + body.len(), start));
        }
    }
    out
}

/// Joins the line breaks of `norm` that fall inside quantities, when its text is
/// wrapped or has a figure a line (see the module's documentation).
pub(crate) fn join_wrapped(norm: &mut Normalized<'_>) {
    let t = norm.as_str();
    let (wrap, figured) = survey(t);
    let mut ranges = wrap.map_or_else(Vec::new, |w| joinable_breaks(t, w));
    let figures = if figured {
        figure_breaks(t)
    } else {
        Vec::new()
    };
    if !figures.is_empty() {
        ranges.extend(figures);
        ranges.sort_unstable();
        // Both may join the same break: keep ranges apart.
        let mut apart: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for r in ranges {
            match apart.last() {
                Some(&(_, e)) if r.0 < e => {}
                _ => apart.push(r),
            }
        }
        ranges = apart;
    }
    norm.remove(&ranges);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_join_before_units_only() {
        // Lines of 20 columns; the break after each full line.
        let t = "贫困人口减至共计3\n412人的目标全面实现\n贫困户户数共计12\n人均收入大幅提高了\n                 建档立卡贫困村23\n户籍人口全部覆盖了\n";
        let joined: Vec<&str> = joinable_breaks(t, 20)
            .iter()
            .map(|&(a, b)| &t[a - 1..b + 3])
            .collect();
        // 3\n412 joins; 12\n人均 and 23\n户籍 do not (人均, 户籍 are words).
        assert_eq!(joined, ["3\n412"]);
    }

    #[test]
    fn wrapped_or_not() {
        let wrapped = "全县坚持精准扶贫精准脱贫基本方略贫困人口减至\n\
                       三千余人贫困发生率下降到百分之一以下全年投入\n\
                       资金四亿余元完成村级道路硬化工程实现行政村通\n\
                       硬化路贫困村全部出列累计投入财政专项扶贫资金\n\
                       全县上下齐心协力攻坚克难成效十分显著。\n";
        assert!(wrap_width(wrapped).is_some());
        let prose = "全县坚持精准扶贫精准脱贫基本方略。\n\
                     贫困人口减至三千余人,贫困发生率下降到百分之一以下。\n\
                     全年投入资金四亿余元,完成村级道路硬化工程。\n\
                     贫困村全部出列,累计投入财政专项扶贫资金。\n\
                     全县上下齐心协力,攻坚克难,成效十分显著。\n";
        assert_eq!(wrap_width(prose), None);
        // Headings of different lengths, unpunctuated: no cluster, not wrapped.
        let headings = "一、全县脱贫攻坚工作的基本情况\n二、主要做法\n\
                        三、产业扶贫带动贫困群众持续稳定增收的经验做法\n\
                        四、存在的问题\n五、下一步工作打算和建议意见\n";
        assert_eq!(wrap_width(headings), None);
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("第 3 页"));
        assert!(!is_page_number("3412人"));
        assert!(!is_page_number("12345"));
    }
}
