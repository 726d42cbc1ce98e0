//! Word lists looked up at every position of a text: a bitset of first characters
//! rejects most positions with one bit test, and only the words that share the
//! position's first character are compared.

use crate::common::chars::decode3;

/// A set of characters: one bit per BMP code point (8 KiB), one bit test per lookup.
/// Characters above the BMP are never members.
#[derive(Clone, Debug)]
pub(crate) struct CharSet(Box<[u64; 0x10000 / 64]>);

impl CharSet {
    /// The set of the characters of `chars`.
    pub(crate) fn new(chars: &str) -> CharSet {
        let mut set = CharSet(Box::new([0u64; 0x10000 / 64]));
        chars.chars().for_each(|c| set.insert(c));
        set
    }

    /// The set of the BMP characters for which `member` holds (tested once each): too
    /// slow for start-up (65,536 tests), used by tests of the compile-time tables.
    #[cfg(test)]
    pub(crate) fn from_fn(member: impl Fn(char) -> bool) -> CharSet {
        let mut set = CharSet(Box::new([0u64; 0x10000 / 64]));
        ('\0'..='\u{FFFF}')
            .filter(|&c| member(c))
            .for_each(|c| set.insert(c));
        set
    }

    /// The set whose members are the bits of `words` (bit `c % 64` of word `c / 64`),
    /// as a table built at compile time gives them.
    pub(crate) fn from_words(words: &[u64; 0x10000 / 64]) -> CharSet {
        CharSet(Box::new(*words))
    }

    /// Adds `c` (nothing for a character above the BMP).
    pub(crate) fn insert(&mut self, c: char) {
        self.insert_u32(c as u32);
    }

    /// Adds the number `u` (nothing above 0xFFFF).
    pub(crate) fn insert_u32(&mut self, u: u32) {
        let u = u as usize;
        if let Some(slot) = self.0.get_mut(u / 64) {
            *slot |= 1 << (u % 64);
        }
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.contains_u32(c as u32)
    }

    /// Whether the code point `u` is in the set.
    #[inline]
    pub(crate) fn contains_u32(&self, u: u32) -> bool {
        let u = u as usize;
        self.0.get(u / 64).is_some_and(|b| b & (1 << (u % 64)) != 0)
    }

    /// The first character at or after byte `from` of `t` (a char boundary) that is in
    /// the set, or ASCII and accepted by `ascii`, with its offset. Reads bytes and decodes
    /// by hand: the scan that every character of a document goes through.
    #[inline(always)]
    pub(crate) fn find_in(
        &self,
        t: &str,
        from: usize,
        ascii: impl Fn(u8) -> bool,
    ) -> Option<(usize, char)> {
        let bytes = t.as_bytes();
        let mut i = from;
        loop {
            // Runs of three-byte characters (most of a Chinese text) in a tight loop.
            // The set's word for a character is picked by its first two bytes and the bit
            // by its third, without decoding the code point first.
            while let Some(&[b0 @ 0xE0..=0xEF, b1, b2]) = bytes.get(i..i + 3) {
                let word = (usize::from(b0 & 0x0F) << 6) | usize::from(b1 & 0x3F);
                if self.0.get(word).is_some_and(|w| w >> (b2 & 0x3F) & 1 != 0) {
                    return char::from_u32(decode3(b0, b1, b2)).map(|c| (i, c));
                }
                i += 3;
            }
            let &b0 = bytes.get(i)?;
            let (u, len) = match b0 {
                0x00..=0x7F => {
                    if ascii(b0) {
                        return Some((i, char::from(b0)));
                    }
                    i += 1;
                    continue;
                }
                // A three-byte character at the very end: cut short, so not one.
                0xE0..=0xEF => return None,
                0xC0..=0xDF => {
                    let &b1 = bytes.get(i + 1)?;
                    ((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F), 2)
                }
                // Four-byte characters lie outside the set (it covers the BMP only);
                // continuation bytes never start a character.
                _ => {
                    i += if b0 >= 0xF0 { 4 } else { 1 };
                    continue;
                }
            };
            if self.contains_u32(u) {
                return char::from_u32(u).map(|c| (i, c));
            }
            i += len;
        }
    }
}

/// An index over a static word list, longest words first within each first character.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// One bit per BMP code point: whether some word starts with it.
    first: CharSet,
    /// Open-addressing table from a first character to its run in `order`: `(char,
    /// start, len)`, `char` 0 for an empty slot. A multiplicative hash of the code point
    /// picks the slot; the table is at most a quarter full.
    slots: Vec<(u32, u32, u32)>,
    /// Word indexes grouped by first character, longest word first in each group.
    order: Vec<usize>,
    /// `slots.len() - 1` (a power of two minus one).
    mask: usize,
    /// For each word (by index), its first sixteen bytes (zero-padded, see [`head`])
    /// and a mask of them: words of up to five ideographs are compared by two
    /// comparisons, longer ones told apart from most candidates before any call to
    /// compare memory.
    heads: Vec<(Head, Head)>,
    /// The first characters that [`pairs`](Self::pairs) does not filter: those with a
    /// word that does not begin with two three-byte characters.
    unfiltered: CharSet,
    /// A bit for each [`pair_key`] of the words' first two characters (six bytes): a
    /// text whose key has no bit set starts no word, unless its first character is
    /// `unfiltered`. Most characters that start some word start none at a given place;
    /// this tells them apart before the word list is looked up.
    pairs: CharSet,
}

/// A 16-bit hash of the first six bytes of a [`head`] (two three-byte characters).
#[inline]
fn pair_key(h: Head) -> u32 {
    let six = h[0] & 0xFFFF_FFFF_FFFF;
    (six.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as u32
}

/// The first sixteen bytes of a text as two numbers (see [`head`]).
pub(crate) type Head = [u64; 2];

/// The first sixteen bytes of `s` as two numbers, zero-padded: compared against a
/// word's [`Lexicon::heads`] entry.
#[inline]
pub(crate) fn head(s: &str) -> Head {
    let b = s.as_bytes();
    let word = |k: usize| -> u64 {
        match b.get(k..k + 8) {
            // The common case: eight bytes to read at once.
            Some(w) => w.try_into().map_or(0, u64::from_le_bytes),
            None => {
                let mut a = [0u8; 8];
                for (d, &x) in a.iter_mut().zip(b.get(k..).unwrap_or(&[])) {
                    *d = x;
                }
                u64::from_le_bytes(a)
            }
        }
    };
    [word(0), word(8)]
}

fn slot_of(c: u32, mask: usize) -> usize {
    (c.wrapping_mul(0x9E37_79B1) >> 7) as usize & mask
}

impl Lexicon {
    pub(crate) fn new<'a>(words: impl Iterator<Item = &'a str>) -> Lexicon {
        let mut first = String::new();
        let mut unfiltered = CharSet::new("");
        let mut pairs = CharSet::new("");
        let mut groups: Vec<(char, Vec<(usize, usize)>)> = Vec::new();
        let mut heads = Vec::new();
        for (i, w) in words.enumerate() {
            let bytes_mask = |n: usize| {
                if n >= 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * n)) - 1
                }
            };
            let mask = [bytes_mask(w.len()), bytes_mask(w.len().saturating_sub(8))];
            let h = head(w);
            heads.push((h, mask));
            let Some(c) = w.chars().next() else { continue };
            let b = w.as_bytes();
            match (b.first(), b.get(3)) {
                (Some(0xE0..=0xEF), Some(0xE0..=0xEF)) => pairs.insert_u32(pair_key(h)),
                _ => unfiltered.insert(c),
            }
            first.push(c);
            match groups.iter_mut().find(|(g, _)| *g == c) {
                Some((_, v)) => v.push((w.len(), i)),
                None => groups.push((c, vec![(w.len(), i)])),
            }
        }
        let size = (groups.len() * 4).next_power_of_two().max(8);
        let mask = size - 1;
        let mut slots = vec![(0u32, 0u32, 0u32); size];
        let mut order = Vec::new();
        for (c, mut v) in groups {
            // Longest first; equal lengths keep list order.
            v.sort_by_key(|&(len, i)| (core::cmp::Reverse(len), i));
            let start = u32::try_from(order.len()).unwrap_or(u32::MAX);
            let len = u32::try_from(v.len()).unwrap_or(0);
            order.extend(v.into_iter().map(|(_, i)| i));
            let mut k = slot_of(c as u32, mask);
            while slots.get(k).is_some_and(|s| s.0 != 0) {
                k = (k + 1) & mask;
            }
            if let Some(s) = slots.get_mut(k) {
                *s = (c as u32, start, len);
            }
        }
        Lexicon {
            first: CharSet::new(&first),
            slots,
            order,
            mask,
            heads,
            unfiltered,
            pairs,
        }
    }

    /// Whether word `i` of the list, `word`, starts `rest`, whose [`head`] is `head`.
    #[inline]
    pub(crate) fn word_at(&self, i: usize, word: &str, head: Head, rest: &str) -> bool {
        match self.heads.get(i) {
            // Words of up to sixteen bytes are compared whole by the masks (their bytes
            // are never zero, so a shorter `rest` padded with zeros does not match).
            Some(&(key, mask)) => {
                head[0] & mask[0] == key[0]
                    && head[1] & mask[1] == key[1]
                    && (word.len() <= 16 || rest.starts_with(word))
            }
            None => rest.starts_with(word),
        }
    }

    /// Whether some word starts with `c`.
    #[inline]
    pub(crate) fn may_start(&self, c: char) -> bool {
        self.first.contains(c)
    }

    /// Whether some word may start `rest`, whose first character is `c` and whose
    /// [`head`] is `h`: by its first character, then by its first two (no word is
    /// missed; a few texts that start none pass).
    #[inline]
    pub(crate) fn may_start_at(&self, c: char, h: Head) -> bool {
        self.first.contains(c)
            && (self.unfiltered.contains(c) || self.pairs.contains_u32(pair_key(h)))
    }

    /// Indexes of the words that start with `c`, longest first.
    pub(crate) fn candidates(&self, c: char) -> &[usize] {
        if !self.may_start(c) {
            return &[];
        }
        let u = c as u32;
        let mut k = slot_of(u, self.mask);
        while let Some(&(sc, start, len)) = self.slots.get(k) {
            if sc == 0 {
                break;
            }
            if sc == u {
                let (a, n) = (start as usize, len as usize);
                return self.order.get(a..a + n).unwrap_or(&[]);
            }
            k = (k + 1) & self.mask;
        }
        &[]
    }

    /// The index of the longest word of `words` (the list this was built from) at the
    /// start of `rest` for which `accept` holds.
    #[inline]
    pub(crate) fn find(
        &self,
        words: &[&str],
        rest: &str,
        mut accept: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let c = rest.chars().next()?;
        let h = head(rest);
        if !self.may_start_at(c, h) {
            return None;
        }
        self.candidates(c)
            .iter()
            .copied()
            .find(|&i| words.get(i).is_some_and(|w| self.word_at(i, w, h, rest)) && accept(i))
    }
}

/// Where the words of a list occur in a text: found in one pass, then asked about many
/// ranges with a binary search each. Added in order of position.
#[derive(Debug, Default)]
pub(crate) struct Occurrences(Vec<(usize, usize)>);

impl Occurrences {
    /// Adds an occurrence (after those already there).
    pub(crate) fn push(&mut self, span: (usize, usize)) {
        self.0.push(span);
    }

    /// Forgets every occurrence, keeping the memory for the next text.
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    /// Every occurrence, to ask about ranges anywhere in the text.
    pub(crate) fn all(&self) -> Occ<'_> {
        Occ(&self.0)
    }

    pub(crate) fn starting_in(&self, range: (usize, usize), at: &mut (usize, usize)) -> Occ<'_> {
        // Most lists have no word in most ranges: when the occurrence after the last
        // range's ends starts at or after this one's end (or there is none), and the one
        // before it starts before this one, the bounds are that place, found by one look.
        let k = at.1;
        let before_ok = k == 0 || self.0.get(k - 1).is_some_and(|&(s, _)| s < range.0);
        if before_ok && self.0.get(k).is_none_or(|&(s, _)| s >= range.1) {
            *at = (k, k);
            return Occ(&[]);
        }
        let (a, b) = sweep(&self.0, range, at, |&(s, _)| s);
        Occ(self.0.get(a..b).unwrap_or(&[]))
    }
}

/// The bounds in `items` (sorted by `start`) of those that start within `range`,
/// moving on from `at`, the bounds of the previous range: forward by steps while ranges
/// come in order, by binary search when one goes back.
pub(crate) fn sweep<T>(
    items: &[T],
    range: (usize, usize),
    at: &mut (usize, usize),
    start: impl Fn(&T) -> usize + Copy,
) -> (usize, usize) {
    let a = bound_from(items, at.0, range.0, start);
    let b = bound_from(items, at.1.max(a), range.1, start).max(a);
    *at = (a, b);
    (a, b)
}

/// How many of `items` (sorted by `key`) have a key below `limit`, counted on from `k`
/// (the answer for an earlier, smaller limit): by steps forward, or by binary search
/// when `limit` went back.
pub(crate) fn bound_from<T>(
    items: &[T],
    k: usize,
    limit: usize,
    key: impl Fn(&T) -> usize,
) -> usize {
    if k > 0 && items.get(k - 1).is_none_or(|x| key(x) >= limit) {
        return items.partition_point(|x| key(x) < limit);
    }
    let mut k = k;
    while items.get(k).is_some_and(|x| key(x) < limit) {
        k += 1;
    }
    k
}

/// A part of [`Occurrences`], borrowed.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Occ<'a>(&'a [(usize, usize)]);

impl Occ<'_> {
    /// The occurrences that lie wholly within `range`, in order.
    pub(crate) fn within(self, range: (usize, usize)) -> impl Iterator<Item = (usize, usize)> {
        let k = self.0.partition_point(|&(s, _)| s < range.0);
        self.0
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |&&(s, _)| s < range.1)
            .filter(move |&&(_, e)| e <= range.1)
            .copied()
    }

    /// Whether some occurrence lies wholly within `range`.
    pub(crate) fn any_within(self, range: (usize, usize)) -> bool {
        let k = self.0.partition_point(|&(s, _)| s < range.0);
        self.0
            .get(k..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&(s, _)| s < range.1)
            .any(|&(_, e)| e <= range.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first() {
        let words = ["人", "人次", "户"];
        let lx = Lexicon::new(words.iter().copied());
        assert_eq!(lx.find(&words, "人次数", |_| true), Some(1));
        assert_eq!(lx.find(&words, "人们", |_| true), Some(0));
        assert_eq!(lx.find(&words, "个", |_| true), None);
        assert!(!lx.may_start('个'));
    }

    #[test]
    fn word_at_agrees_with_starts_with() {
        // Words shorter than, exactly and longer than the eight and sixteen bytes compared
        // at once, against texts that match, differ at every byte, or end early.
        let words = [
            "a",
            "人",
            "贫困",
            "abcdefgh",
            "贫困人口",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "建档立卡",
            "建档立卡贫",
            "建档立卡贫困户",
        ];
        let lx = Lexicon::new(words.iter().copied());
        let mut texts: Vec<String> = vec![String::new(), "x".into()];
        for w in words {
            texts.push(w.to_owned());
            texts.push(format!("{w}的"));
            for cut in (1..w.len()).filter(|&k| w.is_char_boundary(k)) {
                texts.push(w[..cut].to_owned());
                texts.push(format!("{}z{}", &w[..cut], &w[cut..]));
            }
        }
        for t in &texts {
            let h = head(t);
            for (i, w) in words.iter().enumerate() {
                assert_eq!(lx.word_at(i, w, h, t), t.starts_with(w), "{w:?} at {t:?}");
            }
        }
    }

    #[test]
    fn pair_filter_never_hides_a_word() {
        // Words of one character, of two three-byte ones, ASCII and mixed, sharing first
        // characters; texts that start with each word, each cut of it, and each word
        // with its second character changed.
        let words = [
            "人",
            "人口",
            "人均",
            "贫困户",
            "贫困村",
            "贫",
            "扶贫",
            "a",
            "ab",
            "5万",
            "万元",
            "脱贫攻坚",
        ];
        let lx = Lexicon::new(words.iter().copied());
        let mut texts: Vec<String> = Vec::new();
        for w in words {
            texts.push(format!("{w}的"));
            for (k, _) in w.char_indices() {
                texts.push(w[..k].to_owned());
            }
            let first: String = w.chars().take(1).collect();
            for other in ["人", "贫", "a", "村", "1", "é"] {
                texts.push(format!(
                    "{first}{other}{}",
                    w.chars().skip(2).collect::<String>()
                ));
            }
        }
        for t in texts.iter().filter(|t| !t.is_empty()) {
            let c = t.chars().next().unwrap_or('\0');
            let found = lx.find(&words, t, |_| true).is_some();
            let any = words.iter().any(|w| t.starts_with(w));
            assert_eq!(found, any, "{t:?}");
            if any {
                assert!(lx.may_start_at(c, head(t)), "{t:?}");
            }
        }
        // Most texts that start no word are told apart by the pair alone: 贫 starts
        // 贫困户 and 贫 itself (unfiltered), 扶 only 扶贫.
        assert!(!lx.may_start_at('扶', head("扶持")));
        assert!(lx.may_start_at('贫', head("贫穷")));
    }

    #[test]
    fn occurrences() {
        let mut o = Occurrences::default();
        o.push((6, 12));
        o.push((21, 27));
        let all = o.starting_in((0, usize::MAX), &mut (0, 0));
        assert!(all.any_within((0, 30)));
        assert!(all.any_within((6, 12)));
        assert!(!all.any_within((7, 12)));
        assert!(!all.any_within((12, 21)));
        assert!(!all.any_within((6, 11)));
        let mut at = (0, 0);
        let part = o.starting_in((0, 20), &mut at);
        assert!(part.any_within((0, 12)));
        assert!(!part.any_within((13, 30)));
        assert_eq!(at, (0, 1));
        // Forward, then back: the same answers as a fresh search.
        let part = o.starting_in((10, 30), &mut at);
        assert!(part.any_within((21, 27)) && !part.any_within((0, 12)));
        let part = o.starting_in((0, 7), &mut at);
        assert!(part.any_within((6, 12)));
        assert_eq!(at, (0, 1));
        let part = o.starting_in((30, 40), &mut at);
        assert!(!part.any_within((0, 40)));
        assert_eq!(at, (2, 2));
    }

    #[test]
    fn char_set() {
        let s = CharSet::new("县市a");
        assert!(s.contains('县') && s.contains('a'));
        assert!(!s.contains('村') && !s.contains('\u{20000}'));
    }

    #[test]
    fn find_in_text() {
        let s = CharSet::new("万亿");
        let t = "é全县3万人,𠀀亿";
        assert_eq!(s.find_in(t, 0, |b| b.is_ascii_digit()), Some((8, '3')));
        assert_eq!(s.find_in(t, 9, |b| b.is_ascii_digit()), Some((9, '万')));
        assert_eq!(s.find_in(t, 12, |_| false), Some((20, '亿')));
        assert_eq!(s.find_in(t, 23, |_| true), None);
        assert_eq!(s.find_in("", 0, |_| true), None);
    }

    #[test]
    fn many_first_characters() {
        // More first characters than slots of the smallest table: probing must find all.
        let words: Vec<String> = ('一'..='龥').step_by(97).map(|c| format!("{c}x")).collect();
        let lx = Lexicon::new(words.iter().map(String::as_str));
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        for (i, w) in refs.iter().enumerate() {
            assert_eq!(lx.find(&refs, w, |_| true), Some(i));
        }
    }
}
