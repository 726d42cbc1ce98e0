//! Word lists looked up at every position of a text: a bitset of first characters
//! rejects most positions with one bit test, and only the words that share the
//! position's first character are compared.

use std::collections::HashMap;

/// An index over a static word list, longest words first within each first character.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// One bit per BMP code point: whether some word starts with it.
    first: Vec<u64>,
    /// Indexes into the word list by first character, longest word first.
    by_first: HashMap<char, Vec<usize>>,
}

impl Lexicon {
    pub(crate) fn new<'a>(words: impl Iterator<Item = &'a str>) -> Lexicon {
        let mut first = vec![0u64; 0x10000 / 64];
        let mut by_first: HashMap<char, Vec<(usize, usize)>> = HashMap::new();
        for (i, w) in words.enumerate() {
            let Some(c) = w.chars().next() else { continue };
            let u = c as usize;
            if let Some(slot) = first.get_mut(u / 64) {
                *slot |= 1 << (u % 64);
            }
            by_first.entry(c).or_default().push((w.len(), i));
        }
        let by_first = by_first
            .into_iter()
            .map(|(c, mut v)| {
                // Longest first; equal lengths keep list order.
                v.sort_by_key(|&(len, i)| (core::cmp::Reverse(len), i));
                (c, v.into_iter().map(|(_, i)| i).collect())
            })
            .collect();
        Lexicon { first, by_first }
    }

    /// Whether some word starts with `c`.
    pub(crate) fn may_start(&self, c: char) -> bool {
        let u = c as usize;
        self.first
            .get(u / 64)
            .is_some_and(|b| b & (1 << (u % 64)) != 0)
    }

    /// Indexes of the words that start with `c`, longest first.
    pub(crate) fn candidates(&self, c: char) -> &[usize] {
        if !self.may_start(c) {
            return &[];
        }
        self.by_first.get(&c).map_or(&[], Vec::as_slice)
    }

    /// The index of the longest word of `words` (the list this was built from) at the
    /// start of `rest` for which `accept` holds.
    pub(crate) fn find(
        &self,
        words: &[&str],
        rest: &str,
        mut accept: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let c = rest.chars().next()?;
        self.candidates(c)
            .iter()
            .copied()
            .find(|&i| words.get(i).is_some_and(|w| rest.starts_with(w)) && accept(i))
    }
}

/// Where the words of a list occur in a text: found in one pass, then asked about many
/// ranges with a binary search each.
#[derive(Debug, Default)]
pub(crate) struct Occurrences(Vec<(usize, usize)>);

impl Occurrences {
    pub(crate) fn find(t: &str, words: &[&str], lx: &Lexicon) -> Occurrences {
        let mut found = Vec::new();
        for (i, c) in t.char_indices() {
            if !lx.may_start(c) {
                continue;
            }
            if let Some(w) = t
                .get(i..)
                .and_then(|rest| lx.find(words, rest, |_| true))
                .and_then(|k| words.get(k))
            {
                found.push((i, i + w.len()));
            }
        }
        Occurrences(found)
    }

    /// Whether some occurrence lies wholly within `range`.
    pub(crate) fn any_within(&self, range: (usize, usize)) -> bool {
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
    fn occurrences() {
        let words = ["扶贫", "贫困"];
        let lx = Lexicon::new(words.iter().copied());
        let t = "开展扶贫工作,贫困人口";
        let o = Occurrences::find(t, &words, &lx);
        assert!(o.any_within((0, t.len())));
        assert!(o.any_within((6, 12)));
        assert!(!o.any_within((7, 12)));
        assert!(!o.any_within((12, 21)));
    }
}
