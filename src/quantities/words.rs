//! Words whose numerals are no quantities: set phrases (slogans, policies, idioms) and
//! place names holding a numeral (三门峡, 六盘水). The scanner passes over them whole.

use crate::common::lexicon::{CharSet, Lexicon};
use crate::numerals::lex;

/// Set phrases with numerals in them: slogans of the poverty campaign, names of policies
/// and bodies, and idioms. Their numerals are not quantities (两不愁三保障 is not 2 and
/// 3; 一成不变 is not 10%; 唯一一个 is not 11), so the scanner passes over a phrase whole.
///
/// Which phrases: those whose numerals count nothing in the sentence (a slogan names a
/// policy; an idiom's numbers are figures of speech), written as county reports write
/// them, without quotation marks (quoted ones are skipped anyway). A phrase that can
/// also be read as a count in running text (三个全覆盖 could be three coverings) is left
/// out: the list leans to the phrases that are never a figure. Each entry has a test.
pub(crate) static SET_PHRASES: &[&str] = &[
    // Slogans and policies of the poverty campaign.
    "两不愁三保障",
    "一达标两不愁三保障",
    "两不愁",
    "三保障",
    "五个一批",
    "六个精准",
    "一户一策",
    "一户一档",
    "一村一品",
    "一村一策",
    "一乡一业",
    "一县一业",
    "一事一议",
    "一对一",
    "一票否决",
    "一把手",
    "一揽子",
    "一站式",
    "三区三州",
    "四套班子",
    "村两委",
    "两委",
    "三会一课",
    "四议两公开",
    "两学一做",
    "三严三实",
    "五位一体",
    "四个全面",
    "一带一路",
    "三变改革",
    "三权分置",
    "两后生",
    "三留守",
    "四好农村路",
    "五级书记",
    "四个不摘",
    "两个确保",
    // Five-year plans written without quotation marks (十三五期间): a name, never the
    // range 13 to 15 that adjacent numerals would make.
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
    // The three categories watched against falling back into poverty (2021 on): a
    // name of those households, not three of anything (三类监测对象41户156人).
    "三类对象",
    "三类监测对象",
    "三类户",
    "七个一批",
    "四个一批",
    "六个一批",
    "四个不减",
    "一超过两不愁三保障",
    "五个振兴",
    // Slogans of the party's political education (each a fixed name, never a count).
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "两个一百年",
    // Villages named in the campaign's history (below county level, so not in the
    // gazetteer): 十八洞村, where 精准扶贫 was first put forward.
    "十八洞村",
    "十八洞",
    // Holidays named by their date.
    "十一黄金周",
    "十一长假",
    "十一国庆",
    // Idioms.
    "三部曲",
    "千家万户",
    "千方百计",
    "千辛万苦",
    "千山万水",
    "千言万语",
    "万众一心",
    "一心一意",
    "一成不变",
    "三天两头",
    "三心二意",
    "五湖四海",
    "四面八方",
    "七上八下",
    "十全十美",
    "一举两得",
    "一草一木",
    "一砖一瓦",
    "一针一线",
    "一五一十",
    "九牛一毛",
    "百尺竿头",
    "百花齐放",
    "万无一失",
    "独一无二",
    "唯一",
    "统一",
    "万一",
];

/// Place names holding a numeral: every name of the crate's gazetteer (GB/T 2260
/// prefectures and county-level units, their short forms and old names, see
/// [`crate::gazetteer`]) with a Chinese numeral in it: 三门峡, 六盘水, 七台河, 十堰, 百色,
/// 九江, 两当县, 万州, 二连浩特 … The numerals in them are never quantities.
///
/// A short form that reads as a count or a time (九台 nine machines: the numeral and a
/// measure word, unit or time word only) is left out: there only the full name (九台区)
/// is a place. Short forms that are common words (三台, 万年, 六合 …) are not in the
/// gazetteer at all; their full names (三台县, 万年县) are.
pub(crate) fn place_names() -> impl Iterator<Item = &'static str> {
    crate::gazetteer::names()
        .filter(|&(name, short)| has_numeral(name) && (!short || !count_like(name)))
        .map(|(name, _)| name)
}

/// Whether `name` holds a Chinese numeral character.
fn has_numeral(name: &str) -> bool {
    name.chars()
        .any(|c| !c.is_ascii() && lex::is_numeral_char(c))
}

/// Whether a name is a numeral and then a unit, measure word or time word, all of it
/// (九台, 八步, 四会), so that in running text it reads as a count.
fn count_like(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "年", "月", "天", "日", "次", "届", "期", "岁", "号", "会", "步", "成",
    ];
    let rest = name
        .trim_start_matches(|c: char| !c.is_ascii() && crate::numerals::lex::is_numeral_char(c));
    rest.is_empty()
        || WORDS.contains(&rest)
        || crate::quantities::label_at(rest, 0).is_some_and(|l| l.text == rest)
        || crate::quantities::classifier_at(rest, 0) == Some(rest)
}

/// [`SET_PHRASES`] and [`place_names`] as one list, each written as clean-up writes it
/// (traditional characters that clean-up simplifies, simplified).
fn numeral_words() -> (&'static [&'static str], &'static Lexicon, &'static CharSet) {
    use std::sync::OnceLock;
    static OWNED: OnceLock<Vec<String>> = OnceLock::new();
    static WORDS: OnceLock<(Vec<&'static str>, Lexicon, CharSet)> = OnceLock::new();
    let (words, lx, inner) = WORDS.get_or_init(|| {
        let owned = OWNED.get_or_init(|| {
            SET_PHRASES
                .iter()
                .copied()
                .chain(place_names())
                .map(|w| w.chars().map(crate::text::simplify).collect())
                .collect()
        });
        let words: Vec<&'static str> = owned.iter().map(String::as_str).collect();
        let lx = Lexicon::new(words.iter().copied());
        // Every character of every word: a phrase covering a position is made of these.
        let inner = CharSet::new(&owned.concat());
        (words, lx, inner)
    });
    (words, lx, inner)
}

/// The end of a set phrase or place name ([`SET_PHRASES`], [`place_names`]) that holds
/// the character at `pos` of `t`, if one does. Only the first few characters before
/// `pos` are looked at (a phrase is at most eight characters).
pub(crate) fn numeral_word_end(t: &str, pos: usize) -> Option<(usize, usize)> {
    let (words, lx, inner) = numeral_words();
    // Back over up to seven characters, nearest first, while they may be part of a word
    // (in most text the character before a numeral is in none: one bit test answers).
    let mut start = pos;
    for _ in 0..8 {
        if let Some(rest) = t.get(start..) {
            let covers = |i: usize| words.get(i).is_some_and(|w| start + w.len() > pos);
            if let Some(i) = lx.find(words, rest, covers) {
                return words.get(i).map(|w| (start, start + w.len()));
            }
        }
        match crate::common::chars::char_before(t, start) {
            Some(c) if inner.contains(c) => start -= c.len_utf8(),
            _ => break,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every set phrase, set in a sentence of its own (traditional forms too), holds no
    /// quantity, and the figure after it is found whole.
    #[test]
    fn every_set_phrase_holds_no_quantity() {
        for p in SET_PHRASES {
            let text = format!("各地{p}，全县共有贫困户120户");
            let got: Vec<String> = crate::quantities(&text)
                .map(|q| q.text.into_owned())
                .collect();
            assert_eq!(got, ["120户"], "{text}");
        }
    }

    #[test]
    fn place_names_come_from_the_gazetteer() {
        let names: Vec<&str> = place_names().collect();
        for n in [
            "三门峡",
            "三门峡市",
            "六盘水",
            "七台河",
            "十堰",
            "百色",
            "九江",
            "两当",
            "两当县",
            "万州",
            "万州区",
            "二连浩特",
            "五家渠",
            "千阳县",
            "九台区",
            "三台县",
            "万年县",
        ] {
            assert!(names.contains(&n), "{n} missing");
        }
        // Bare forms that read as counts or words: only their full names are places.
        for n in ["九台", "三台", "万年", "六合", "三元"] {
            assert!(!names.contains(&n), "{n} should need its suffix");
        }
        assert!(count_like("九台") && count_like("八步") && !count_like("七台河"));
        // Every one has a numeral, every prefecture and county-level numeral name is in.
        assert!(names.iter().all(|n| {
            n.chars()
                .any(|c| !c.is_ascii() && crate::numerals::lex::is_numeral_char(c))
        }));
        assert!(names.len() > 100, "{}", names.len());
        // At every numeral of every name the scanner finds the name.
        for n in &names {
            for (i, c) in n.char_indices() {
                if !c.is_ascii() && crate::numerals::lex::is_numeral_char(c) {
                    assert!(numeral_word_end(n, i).is_some(), "{n} at {i}");
                }
            }
        }
    }
}
