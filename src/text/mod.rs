//! Text clean-up with an offset map back to the caller's original string.

#[cfg(test)]
mod generate;
mod nfkc_tables;
mod tables;

use crate::Span;
use crate::common::chars::{decode3, three_byte_at};
use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, char::canonical_combining_class};

/// Text after clean-up, with a map from its offsets back to the original string.
///
/// Returned by [`normalize`]. Borrows the original when nothing needed cleaning.
///
/// ```
/// let n = fupin::normalize("貧困戶１２３戶");
/// assert_eq!(n.as_str(), "贫困户123户");
/// // "123" is bytes 9..12 of the cleaned text and bytes 9..18 of the original.
/// assert_eq!(n.source_span(fupin::Span::new(9, 12)), fupin::Span::new(9, 18));
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// Pieces of the original that changed, in order: `(norm_start, norm_end, src_start,
    /// src_end)`. Between pieces, offsets shift by a constant.
    pieces: Vec<Piece>,
    /// For each block of `BLOCK` bytes of the cleaned text, how many pieces start
    /// before it: a lookup searches only the pieces of its own block.
    blocks: Vec<u32>,
}

/// The size of the blocks of [`Normalized::blocks`].
const BLOCK_SHIFT: u32 = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    norm_start: usize,
    norm_end: usize,
    src_start: usize,
    src_end: usize,
}

impl Piece {
    /// Whether the piece starts before `offset` of the cleaned text, or at it unless
    /// `strict`: whether it counts among the pieces up to `offset`.
    #[inline]
    fn starts_up_to(&self, offset: usize, strict: bool) -> bool {
        self.norm_start < offset || !strict && self.norm_start == offset
    }
}

impl<'a> Normalized<'a> {
    /// The cleaned-up text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the text is the original, borrowed (nothing needed cleaning).
    #[must_use]
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The cleaned-up text, borrowed or owned.
    #[must_use]
    pub fn into_cow(self) -> Cow<'a, str> {
        self.text
    }

    /// The offset in the original string of the position `offset` of the cleaned text,
    /// read as the *start* of something: inside a changed piece it gives the piece's start.
    #[must_use]
    pub fn source_start(&self, offset: usize) -> usize {
        self.start_after(offset, self.pieces_up_to(offset, false))
    }

    /// The offset in the original string of the position `offset` of the cleaned text,
    /// read as the *end* of something: inside a changed piece it gives the piece's end.
    #[must_use]
    pub fn source_end(&self, offset: usize) -> usize {
        self.end_after(offset, self.pieces_up_to(offset, true))
    }

    /// How many pieces start at or before `offset` (`strict`: before it), searched in
    /// the block of `offset`.
    fn pieces_up_to(&self, offset: usize, strict: bool) -> usize {
        // A piece starting exactly at a block's start belongs to that block; `offset`
        // there asks (strictly) about the pieces before it, all counted in `lo`.
        let (lo, block) = self.block(offset);
        lo + block.partition_point(|p| p.starts_up_to(offset, strict))
    }

    /// [`pieces_up_to`](Self::pieces_up_to), searching forward a few pieces from
    /// `*hint` when it is at or before the answer (spans asked in order), and leaving
    /// the answer in `*hint`.
    #[inline]
    fn pieces_up_to_from(&self, offset: usize, strict: bool, hint: &mut usize) -> usize {
        let up_to = |p: &Piece| p.starts_up_to(offset, strict);
        let mut i = *hint;
        let usable = i <= self.pieces.len()
            && i.checked_sub(1)
                .is_none_or(|k| self.pieces.get(k).is_some_and(up_to));
        if usable {
            for _ in 0..4 {
                if !self.pieces.get(i).is_some_and(up_to) {
                    *hint = i;
                    return i;
                }
                i += 1;
            }
        }
        i = self.pieces_up_to(offset, strict);
        *hint = i;
        i
    }

    /// The source offset of `offset` read as a start, `i` pieces starting at or before it.
    fn start_after(&self, offset: usize, i: usize) -> usize {
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            None => offset,
            Some(p) if offset < p.norm_end => p.src_start,
            Some(p) => offset - p.norm_end + p.src_end,
        }
    }

    /// The source offset of `offset` read as an end, `i` pieces starting before it.
    fn end_after(&self, offset: usize, i: usize) -> usize {
        match i.checked_sub(1).and_then(|i| self.pieces.get(i)) {
            None => offset,
            Some(p) if offset <= p.norm_end => p.src_end,
            Some(p) => offset - p.norm_end + p.src_end,
        }
    }

    /// The pieces that start in the block of `offset`, and how many come before them.
    fn block(&self, offset: usize) -> (usize, &[Piece]) {
        let b = offset >> BLOCK_SHIFT;
        let lo = self
            .blocks
            .get(b)
            .map_or(self.pieces.len(), |&n| n as usize);
        let hi = self
            .blocks
            .get(b + 1)
            .map_or(self.pieces.len(), |&n| n as usize);
        if self.blocks.is_empty() {
            return (0, &self.pieces);
        }
        (lo, self.pieces.get(lo..hi.max(lo)).unwrap_or(&[]))
    }

    /// A span of the cleaned text as a span of the original string.
    #[must_use]
    pub fn source_span(&self, span: Span) -> Span {
        // The end is searched forward from the start's answer: a span covers few pieces.
        let mut i = self.pieces_up_to(span.start, false);
        let start = self.start_after(span.start, i);
        let end = if span.end == span.start {
            start
        } else {
            self.end_after(span.end, self.pieces_up_to_from(span.end, true, &mut i))
        };
        Span::new(start, end.max(start))
    }

    /// [`source_span`](Self::source_span) for spans asked in order: `hint` (start it at
    /// 0) keeps where the last one was, so the next one costs a step or two. Any order
    /// gives the same answers.
    #[inline]
    pub(crate) fn source_span_from(&self, span: Span, hint: &mut usize) -> Span {
        let start = self.start_after(span.start, self.pieces_up_to_from(span.start, false, hint));
        let end = if span.end == span.start {
            start
        } else {
            self.end_after(span.end, self.pieces_up_to_from(span.end, true, hint))
        };
        Span::new(start, end.max(start))
    }
}

/// `blocks[b]`: how many pieces start before block `b` of the cleaned text (of length
/// `len`). Empty when there are no pieces, or when counts would not fit.
fn block_index(pieces: &[Piece], len: usize) -> Vec<u32> {
    if pieces.is_empty() || u32::try_from(pieces.len()).is_err() {
        return Vec::new();
    }
    let n = (len >> BLOCK_SHIFT) + 1;
    let mut blocks = Vec::with_capacity(n);
    let mut k = 0;
    for b in 0..n {
        let start = b << BLOCK_SHIFT;
        while pieces.get(k).is_some_and(|p| p.norm_start < start) {
            k += 1;
        }
        blocks.push(u32::try_from(k).unwrap_or(u32::MAX));
    }
    blocks
}

/// The simplified form of a traditional character; other characters unchanged.
pub(crate) fn simplify(c: char) -> char {
    simplify_in(direct_table(), c)
}

/// [`simplify`] with [`direct_table`] at hand (loops fetch it once).
#[inline]
fn simplify_in(table: &[u16], c: char) -> char {
    let i = (c as u32).wrapping_sub(0x3400) as usize;
    match table.get(i) {
        Some(&0) | None => c,
        Some(&s) => char::from_u32(u32::from(s)).unwrap_or(c),
    }
}

/// How many characters [`DIRECT`] covers: U+3400..=U+FFFF.
const DIRECT_LEN: usize = 0x10000 - 0x3400;

/// A direct-index table from U+3400..=U+FFFF to the simplified form (0 = unchanged),
/// built at compile time from the generated pairs: one lookup per character instead of
/// a search, and no work when a process starts.
static DIRECT: [u16; DIRECT_LEN] = direct_from(tables::TRAD_TO_SIMP);

/// The table [`DIRECT`] (loops fetch it once).
#[inline]
fn direct_table() -> &'static [u16] {
    &DIRECT
}

/// The direct-index table of `pairs` `(traditional, simplified)`; characters outside
/// U+3400..=U+FFFF, and simplified forms above the BMP, are left out.
///
/// Evaluated only at compile time (for [`DIRECT`]), where an index out of bounds is a
/// compile error, never a panic at run time; `get` is not `const`.
#[allow(clippy::indexing_slicing)]
const fn direct_from(pairs: &[(char, char)]) -> [u16; DIRECT_LEN] {
    let mut t = [0u16; DIRECT_LEN];
    let mut k = 0;
    while k < pairs.len() {
        let (trad, simp) = pairs[k];
        let i = (trad as u32).wrapping_sub(0x3400) as usize;
        if i < DIRECT_LEN && simp as u32 <= 0xFFFF {
            t[i] = simp as u32 as u16;
        }
        k += 1;
    }
    // A simplified form that is itself in the list (薴 to 苧, 苧 to 苎) is followed to
    // its end, so that simplifying twice changes nothing. Chains are short; the bound
    // only guards against a cycle in the generated list.
    let mut i = 0;
    while i < DIRECT_LEN {
        let mut steps = 0;
        while steps < 8 {
            let s = t[i] as usize;
            if s < 0x3400 || s - 0x3400 >= DIRECT_LEN {
                break;
            }
            let next = t[s - 0x3400];
            if next == 0 || next as usize == s {
                break;
            }
            t[i] = next;
            steps += 1;
        }
        i += 1;
    }
    t
}

/// The BMP characters that [`normalize`] changes when they stand alone: the rules of
/// `changes_slow`, tabulated by `scripts/gen-normalize-tables`.
fn changes_table() -> &'static BmpSet {
    &nfkc_tables::CHANGES
}

/// The BMP characters that join the character before them into one piece (see
/// [`joins_previous`]): a character followed by none of them is a piece of its own.
/// Tabulated by `scripts/gen-normalize-tables`.
fn combining_table() -> &'static BmpSet {
    &nfkc_tables::JOINS
}

/// A set of BMP characters, one bit each, that can live in a `static`: the generated
/// tables of [`nfkc_tables`].
#[derive(Debug)]
pub(crate) struct BmpSet(pub(crate) [u64; 0x10000 / 64]);

impl BmpSet {
    /// Whether `c` is in the set (never for a character above the BMP).
    #[inline]
    fn contains(&self, c: char) -> bool {
        self.contains_u32(c as u32)
    }

    /// Whether the code point `u` is in the set.
    #[inline]
    fn contains_u32(&self, u: u32) -> bool {
        let u = u as usize;
        self.0.get(u / 64).is_some_and(|b| b & (1 << (u % 64)) != 0)
    }
}

/// Whether NFKC may change `c` together with the character before it, so that both
/// must be normalized as one piece: a combining mark; a character whose decomposition
/// starts with one (U+0F73 is U+0F71 U+0F72, which NFKC reorders with the marks before
/// it); a starter that composes with the one before it (a Hangul vowel jamo).
/// Normalizing such a character alone would leave text that a second pass changes.
fn joins_previous(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if canonical_combining_class(c) != 0 {
        return true;
    }
    let quick = |x: char| unicode_normalization::is_nfkc_quick(core::iter::once(x));
    match quick(c) {
        IsNormalized::Yes => false,
        IsNormalized::Maybe => true,
        IsNormalized::No => core::iter::once(c).nfkd().next().is_some_and(|first| {
            canonical_combining_class(first) != 0 || quick(first) == IsNormalized::Maybe
        }),
    }
}

/// List markers, and characters NFKC leaves as they are.
fn is_nfkc_stable(c: char) -> bool {
    is_list_marker(c)
        || unicode_normalization::is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Characters that print as nothing and that page converters and editors leave inside
/// numbers and words: zero-width space, zero-width non-joiner and joiner, word joiner,
/// the byte-order mark (zero-width no-break space) and the soft hyphen. [`normalize`]
/// removes them, so `12\u{200B}345` reads as one number.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Whether `normalize` changes `c` when it stands alone: the rule tabulated in
/// `nfkc_tables::CHANGES` (run only by the generator and its tests).
#[cfg(test)]
fn changes_slow(c: char) -> bool {
    if is_cjk(c) {
        return simplify(c) != c;
    }
    if is_nfkc_stable(c) {
        // NFKC leaves the invisible characters alone; clean-up removes them.
        return is_invisible(c);
    }
    !core::iter::once(c)
        .nfkc()
        .map(simplify)
        .eq(core::iter::once(c))
}

/// Whether `c` is kept as it is because NFKC would turn it into digits that are not
/// the number it means: list markers (①, ⑴, ⒈, ㈠, ❶, ⓪ …), vulgar fractions (¼ is not
/// "1⁄4") and super- and subscripts (km² is not km2).
pub(crate) fn is_list_marker(c: char) -> bool {
    matches!(c as u32,
        0x00B2 | 0x00B3 | 0x00B9 | 0x00BC..=0x00BE // ² ³ ¹ ¼ ½ ¾
        | 0x2070..=0x209F // superscripts and subscripts
        | 0x2150..=0x215F // vulgar fractions ⅓ …
        | 0x2460..=0x24FF // circled, parenthesized and full-stop digits and letters
        | 0x2776..=0x2793 // dingbat circled digits
        | 0x3220..=0x3243 // parenthesized ideographs ㈠..
        | 0x3280..=0x32B0 // circled ideographs ㊀..
        | 0x3251..=0x325F // circled numbers 21..35
        | 0x32B1..=0x32BF) // circled numbers 36..50
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase()
        || matches!(
            c,
            'ā' | 'á'
                | 'ǎ'
                | 'à'
                | 'ē'
                | 'é'
                | 'ě'
                | 'è'
                | 'ī'
                | 'í'
                | 'ǐ'
                | 'ì'
                | 'ō'
                | 'ó'
                | 'ǒ'
                | 'ò'
                | 'ū'
                | 'ú'
                | 'ǔ'
                | 'ù'
                | 'ǖ'
                | 'ǘ'
                | 'ǚ'
                | 'ǜ'
                | 'ü'
                | 'ń'
                | 'ň'
                | 'ǹ'
                | 'ḿ'
                | 'ê'
        )
}

/// The length in bytes of a pinyin annotation `(chǎn)` at the start of `rest`, if any.
/// It must hold 1 to 8 lower-case Latin letters (tone marks allowed) and close.
fn pinyin_annotation(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices();
    let (_, open) = chars.next()?;
    if !matches!(open, '(' | '（') {
        return None;
    }
    for (letters, (i, c)) in chars.enumerate() {
        if matches!(c, ')' | '）') {
            return (letters > 0).then_some(i + c.len_utf8());
        }
        if !is_pinyin_letter(c) || letters == 8 {
            return None;
        }
    }
    None
}

/// Whether byte `i` of `text` follows an ideograph, so that a `(` there may open a
/// pinyin annotation: the character before it is one, or `cjk_end` (where the last
/// ideograph with combining marks, or an annotation after an ideograph, ended) is `i`.
fn after_cjk(text: &str, i: usize, cjk_end: usize) -> bool {
    // Decoded through `str`: `chars::char_before` here measured 0.7% more instructions
    // for `quantities` on the sample (the inlined decoder weighs on `normalize`).
    cjk_end == i
        || text
            .get(..i)
            .and_then(|h| h.chars().next_back())
            .is_some_and(is_cjk)
}

/// Whether the character that byte `b` starts is surely no combining mark: ASCII, or
/// a three-byte character in U+4000..=U+9FFF (lead bytes 0xE4..=0xE9).
#[inline]
fn plain_lead(b: u8) -> bool {
    b < 0x80 || (0xE4..=0xE9).contains(&b)
}

/// Passes over the run of ideographs from byte `i` (lead bytes 0xE4..=0xE9: U+4000..U+9FFF)
/// that stay as they are and have no combining mark after them: the bulk of a report,
/// one table test per character. The run is read first; only its last character can
/// have something else after it, which is looked at once, at the end (one with a mark
/// after it is left to the caller). Stops before anything else, which the caller
/// looks at the long way.
#[inline]
fn stable_ideographs(bytes: &[u8], mut i: usize, changing: &BmpSet, combining: &BmpSet) -> usize {
    let start = i;
    while let Some(&[b0 @ 0xE4..=0xE9, b1, b2]) = bytes.get(i..i + 3) {
        if changing.contains_u32(decode3(b0, b1, b2)) {
            break;
        }
        i += 3;
    }
    if i > start && !plain_at(bytes, i, combining) {
        i -= 3;
    }
    i
}

/// Whether no character that joins the one before it (see [`joins_previous`]) starts
/// at byte `k`: the end, ASCII, a byte that leads U+4000..U+9FFF, or another three-byte
/// character that is not one.
#[inline]
fn plain_at(bytes: &[u8], k: usize, combining: &BmpSet) -> bool {
    match bytes.get(k) {
        None => true,
        Some(&b) if plain_lead(b) => true,
        Some(_) => three_byte_at(bytes, k).is_some_and(|v| !combining.contains_u32(v)),
    }
}

/// Passes over what stays as it is from byte `i`: ASCII, and three-byte characters
/// that do not change with no character that joins them after them (ideographs, CJK
/// punctuation). A `(` that may open a pinyin annotation stops it: one at `cjk_end`
/// (see [`after_cjk`]) or after a character that is not ASCII. Stops before anything
/// else, which the caller looks at the long way. The bulk of a report goes through here.
#[inline(always)]
fn stable_run(
    bytes: &[u8],
    mut i: usize,
    cjk_end: usize,
    changing: &BmpSet,
    combining: &BmpSet,
) -> usize {
    // A '(' after ASCII (or at the start) opens no annotation, unless one ended there.
    let may_open = |k: usize| {
        k == cjk_end
            || k.checked_sub(1)
                .and_then(|p| bytes.get(p))
                .is_some_and(|&b| !b.is_ascii())
    };
    loop {
        i = stable_ideographs(bytes, i, changing, combining);
        let Some(&b0) = bytes.get(i) else { break };
        if b0.is_ascii() {
            let start = i;
            while bytes
                .get(i)
                .is_some_and(|&b| b.is_ascii() && (b != b'(' || !may_open(i)))
            {
                i += 1;
            }
            if i == start {
                break;
            }
            continue;
        }
        // An ideograph that stopped the run above changes, or has a mark after it: the
        // long way, without reading it again (traditional text stops here often).
        if (0xE4..=0xE9).contains(&b0) {
            break;
        }
        match three_byte_at(bytes, i) {
            Some(u) if !changing.contains_u32(u) && plain_at(bytes, i + 3, combining) => i += 3,
            _ => break,
        }
    }
    i
}

/// The simplified form of the traditional ideograph `u` at byte `i` of `bytes` when it
/// can be written in its place without touching the offset map: three bytes too, and
/// no character that joins it after it. `table` is [`direct_table`].
#[inline]
fn simple_in_place(
    bytes: &[u8],
    i: usize,
    u: u32,
    table: &[u16],
    combining: &BmpSet,
) -> Option<char> {
    let c = char::from_u32(u)?;
    let simple = simplify_in(table, c);
    (simple != c && simple.len_utf8() == 3 && is_cjk(c) && plain_at(bytes, i + 3, combining))
        .then_some(simple)
}

/// Goes on from byte `i` after a traditional ideograph written into `o`, over what
/// stays as it is ([`stable_run`], with the caller's `cjk_end`) and over traditional
/// ideographs that [`simple_in_place`] simplifies, each written as its simplified form.
/// Traditional text is mostly such runs: the unchanged text between two of them is
/// copied at once. Returns where it stopped and how far the source is copied into `o`;
/// what stops it is left to the caller's general path.
fn simplify_run(
    text: &str,
    mut i: usize,
    cjk_end: usize,
    o: &mut String,
    changing: &BmpSet,
    combining: &BmpSet,
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let table = direct_table();
    let mut copied = i;
    loop {
        i = stable_run(bytes, i, cjk_end, changing, combining);
        let Some(simple) =
            three_byte_at(bytes, i).and_then(|u| simple_in_place(bytes, i, u, table, combining))
        else {
            break;
        };
        // Traditional ideographs often stand together (貧困戶 has two): no empty copy.
        if copied < i {
            o.push_str(text.get(copied..i).unwrap_or(""));
        }
        o.push(simple);
        i += 3;
        copied = i;
    }
    (i, copied)
}

/// The cleaned text being written, created at the first change, with the unchanged
/// source from `copied` up to `upto` copied into it.
fn output<'o>(
    out: &'o mut Option<String>,
    text: &str,
    copied: usize,
    upto: usize,
) -> &'o mut String {
    let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
    o.push_str(text.get(copied..upto).unwrap_or(""));
    o
}

/// Cleans up `text` for reading numbers and words, keeping a map back to it.
///
/// What [`normalize`] does, character by character:
///
/// - Unicode NFKC (full-width digits, letters and punctuation; compatibility forms), run
///   per character with its combining marks, so the offset map stays exact;
/// - traditional to simplified, one character to one character (萬→万, 億→亿, 貧→贫, 戶→户,
///   縣→县 …; the table is generated from OpenCC's character list by `scripts/gen-tables`);
/// - pinyin annotations glued after a CJK character by page converters are removed:
///   `產(chǎn)業(yè)` reads `产业`. Real parentheses such as `(試行)` or `(其中1000万元)` stay;
/// - list markers (①, ⑴, ⒈, ㈠, ❶), vulgar fractions (¼) and super- and subscripts (²)
///   are kept as they are instead of becoming digits that are not the number they mean;
/// - invisible characters (zero-width space U+200B, non-joiner and joiner U+200C/D, word
///   joiner U+2060, U+FEFF, soft hyphen U+00AD) are removed: `12\u{200B}345人` reads
///   `12345人`, and a span over it maps back over the whole original, invisible
///   character included.
///
/// Nothing is copied when nothing changes.
///
/// Every span the crate reports is mapped back through [`Normalized::source_span`], so
/// it points into `text`.
///
/// The result is idempotent: normalizing the cleaned text again changes nothing.
///
/// ```
/// let n = fupin::normalize("大棗產(chǎn)業(yè)帶動1.5萬人");
/// assert_eq!(n.as_str(), "大枣产业带动1.5万人");
/// assert!(fupin::normalize("贫困人口3万人").is_borrowed());
/// ```
#[must_use]
pub fn normalize(text: &str) -> Normalized<'_> {
    let changing = changes_table();
    let combining = combining_table();
    let table = direct_table();
    let mut out: Option<String> = None;
    // Source bytes before this offset are already in `out` (when it exists): unchanged
    // text is copied in runs, not character by character.
    let mut copied = 0;
    let mut pieces = Vec::new();
    // Where the last ideograph with combining marks, or a pinyin annotation after an
    // ideograph, ended: a following ( may open an annotation there too. Other
    // ideographs are found by looking at the character before the (.
    let mut cjk_end = usize::MAX;
    let mut i = 0;
    let bytes = text.as_bytes();
    let plain_at = |k: usize| plain_at(bytes, k, combining);
    while i < text.len() {
        // Unchanged text (ASCII, ideographs, CJK punctuation) is passed over quickly. A
        // '(' after an ideograph may open a pinyin annotation: it goes the long way; so
        // does （, which changes (it becomes '(').
        i = stable_run(bytes, i, cjk_end, changing, combining);
        match bytes.get(i) {
            None => break,
            Some(b'(') if !after_cjk(text, i, cjk_end) => {
                i += 1;
                continue;
            }
            Some(_) => {}
        }
        // A traditional ideograph alone: its simplified form, three bytes too, so the
        // offsets do not move and the map needs no entry.
        if let Some(simple) =
            three_byte_at(bytes, i).and_then(|u| simple_in_place(bytes, i, u, table, combining))
        {
            let o = output(&mut out, text, copied, i);
            o.push(simple);
            (i, copied) = simplify_run(text, i + 3, cjk_end, o, changing, combining);
            continue;
        }
        let Some(rest) = text.get(i..) else { break };
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let clen = c.len_utf8();
        if matches!(c, '(' | '（') && after_cjk(text, i, cjk_end) {
            if let Some(n) = pinyin_annotation(rest) {
                let o = output(&mut out, text, copied, i);
                copied = i + n;
                pieces.push(Piece {
                    norm_start: o.len(),
                    norm_end: o.len(),
                    src_start: i,
                    src_end: i + n,
                });
                i += n;
                cjk_end = i;
                continue;
            }
        }
        // The character with its combining marks, normalized as one piece.
        let mut end = i + clen;
        if !plain_at(end) {
            for m in chars {
                if m.is_ascii() || is_cjk(m) || !joins_previous(m) {
                    break;
                }
                end += m.len_utf8();
            }
        }
        let cjk = is_cjk(c);
        if cjk {
            cjk_end = end;
        }
        let simple = end == i + clen;
        let u = c as u32;
        if simple && u < 0x10000 && !changing.contains(c) {
            i = end;
            continue;
        }
        let cluster = text.get(i..end).unwrap_or("");
        // A BMP character alone changes (the table said so) and is written straight into
        // the output below; anything else is normalized here and compared.
        let general: Option<String> = if simple && u < 0x10000 {
            None
        } else if simple && (cjk || is_nfkc_stable(c)) {
            // Ideographs above the BMP (compatibility ones included) stay as written;
            // so does any other character NFKC leaves alone.
            i = end;
            continue;
        } else {
            // A kept character (list marker, fraction, super- or subscript) stays as it
            // is with marks after it too: only the marks are normalized.
            let n: String = if is_list_marker(c) {
                let marks = cluster.get(clen..).unwrap_or("");
                core::iter::once(c)
                    .chain(marks.nfkc().map(simplify))
                    .collect()
            } else {
                cluster.nfkc().map(simplify).collect()
            };
            if n == cluster {
                i = end;
                continue;
            }
            Some(n)
        };
        let o = output(&mut out, text, copied, i);
        copied = end;
        let norm_start = o.len();
        match general {
            Some(n) => o.push_str(&n),
            None if cjk => o.push(simplify(c)),
            // Removed: the piece maps an empty stretch of the cleaned text to it.
            None if is_invisible(c) => {}
            // Full-width ASCII: the same character 0xFEE0 lower.
            None if (0xFF01..=0xFF5E).contains(&u) => {
                o.push(char::from_u32(u - 0xFEE0).unwrap_or(c));
            }
            None => o.extend(core::iter::once(c).nfkc().map(simplify)),
        }
        // One character replaced by one of the same length (萬 to 万) shifts no offset:
        // the map needs no entry for it.
        let new = o.get(norm_start..).unwrap_or("");
        if !(simple && new.len() == clen && new.chars().nth(1).is_none()) {
            pieces.push(Piece {
                norm_start,
                norm_end: o.len(),
                src_start: i,
                src_end: end,
            });
        }
        i = end;
    }
    if let Some(o) = out.as_mut() {
        o.push_str(text.get(copied..).unwrap_or(""));
    }
    let text = out.map_or(Cow::Borrowed(text), Cow::Owned);
    let blocks = block_index(&pieces, text.len());
    Normalized {
        text,
        pieces,
        blocks,
    }
}

impl Normalized<'_> {
    /// Removes `ranges` (sorted, apart, on character boundaries) from the cleaned text;
    /// offsets still map back to the original (a removed range maps to the original
    /// bytes it came from).
    pub(crate) fn remove(&mut self, ranges: &[(usize, usize)]) {
        if ranges.is_empty() {
            return;
        }
        // Pieces and removals by start (a piece first at equal starts), swept into
        // clusters of overlapping intervals: a cluster with a removal in it becomes one
        // piece (a removal over a changed character, as U+3000 cleaned to a space,
        // takes the character's piece in).
        let mut items: Vec<(usize, usize, Option<Piece>)> = self
            .pieces
            .iter()
            .map(|p| (p.norm_start, p.norm_end, Some(*p)))
            .chain(ranges.iter().map(|&(a, b)| (a, b, None)))
            .collect();
        items.sort_by_key(|&(a, b, p)| (a, b, p.is_none()));
        let mut pieces: Vec<Piece> = Vec::with_capacity(self.pieces.len() + ranges.len());
        let mut removed_before = 0;
        let mut i = 0;
        while let Some(&(lo, first_hi, _)) = items.get(i) {
            let mut hi = first_hi;
            let mut removed = 0;
            let mut j = i;
            while let Some(&(a, b, p)) = items.get(j) {
                if j > i && a >= hi {
                    break;
                }
                hi = hi.max(b);
                if p.is_none() {
                    removed += b - a;
                }
                j += 1;
            }
            if removed == 0 {
                for &(_, _, p) in items.get(i..j).unwrap_or(&[]) {
                    if let Some(p) = p {
                        pieces.push(Piece {
                            norm_start: p.norm_start - removed_before,
                            norm_end: p.norm_end - removed_before,
                            ..p
                        });
                    }
                }
            } else {
                pieces.push(Piece {
                    norm_start: lo - removed_before,
                    norm_end: hi - removed_before - removed,
                    src_start: self.source_start(lo),
                    src_end: self.source_end(hi),
                });
                removed_before += removed;
            }
            i = j;
        }
        let mut text = String::with_capacity(self.text.len());
        let mut at = 0;
        for &(a, b) in ranges {
            text.push_str(self.text.get(at..a).unwrap_or(""));
            at = b;
        }
        text.push_str(self.text.get(at..).unwrap_or(""));
        self.blocks = block_index(&pieces, text.len());
        self.pieces = pieces;
        self.text = Cow::Owned(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of the text after removal maps back to original bytes that
    /// clean up to it; the whole text maps to the whole original.
    #[track_caller]
    fn check(original: &str, remove: &[&str]) {
        let mut n = crate::normalize(original);
        let cleaned = n.as_str().to_owned();
        let mut ranges = Vec::new();
        let mut from = 0;
        for r in remove {
            let k = from
                + cleaned
                    .get(from..)
                    .and_then(|c| c.find(r))
                    .expect("in text");
            ranges.push((k, k + r.len()));
            from = k + r.len();
        }
        n.remove(&ranges);
        let want: String = {
            let mut s = String::new();
            let mut at = 0;
            for &(a, b) in &ranges {
                s.push_str(&cleaned[at..a]);
                at = b;
            }
            s.push_str(&cleaned[at..]);
            s
        };
        assert_eq!(n.as_str(), want);
        for (i, c) in n.as_str().char_indices() {
            let src = n.source_span(Span::new(i, i + c.len_utf8()));
            let back = crate::normalize(&original[src.range()]);
            assert!(
                back.as_str().contains(c),
                "{c:?} at {i} maps to {:?}",
                &original[src.range()]
            );
        }
        let all = n.source_span(Span::new(0, n.as_str().len()));
        assert_eq!(all, Span::new(0, original.len()), "{original:?}");
    }

    #[test]
    fn removal_keeps_offsets() {
        check("减至3\n412人", &["\n"]);
        check("减至3\r\n412人,4.7亿\n元", &["\r\n", "\n"]);
        // Changed characters around and inside the removal: full-width digits, a
        // full-width space (cleaned to a blank), traditional characters, pinyin.
        check("貧困人口減至３\n\u{3000}４１２人", &["\n "]);
        check("產(chǎn)業３\n４萬元", &["\n"]);
        check("共１２\n６億元,其中３\u{3000}\n５萬元", &["\n", " \n"]);
        check("3\n4\n5", &["\n", "\n"]);
    }

    #[test]
    fn cleans() {
        assert_eq!(normalize("產(chǎn)業(yè)").as_str(), "产业");
        assert_eq!(normalize("(試行)").as_str(), "(试行)");
        assert_eq!(normalize("中(ABC)").as_str(), "中(ABC)");
        assert_eq!(normalize("①２萬").as_str(), "①2万");
        assert_eq!(normalize("33.35 ％").as_str(), "33.35 %");
    }

    #[test]
    fn maps() {
        let src = "產(chǎn)業(yè)1萬";
        let n = normalize(src);
        assert_eq!(n.as_str(), "产业1万");
        let one = n.as_str().find('1').unwrap();
        let s = n.source_span(Span::new(one, one + 4));
        assert_eq!(&src[s.range()], "1萬");
        let s = n.source_span(Span::new(0, 6));
        assert_eq!(&src[s.range()], "產(chǎn)業");
    }

    #[test]
    fn fast_path_agrees_with_the_rules() {
        // Every BMP character, alone before an ideograph and before ASCII, cleans up as
        // the general rule says: the per-character table and the decoding by hand
        // change nothing.
        for u in 0x80..0x10000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let expected: String = if is_invisible(c) {
                String::new()
            } else if is_cjk(c) {
                simplify(c).to_string()
            } else if is_list_marker(c) {
                c.to_string()
            } else {
                core::iter::once(c).nfkc().map(simplify).collect()
            };
            // Before an ideograph and ASCII (no combining mark can follow), and before a
            // full-width comma (one could: the long way).
            for (next, clean) in [("中", "中"), ("a", "a"), ("，", ",")] {
                let text = format!("{c}{next}");
                let n = normalize(&text);
                assert_eq!(n.as_str(), format!("{expected}{clean}"), "U+{u:04X}");
                let tail = n.as_str().len() - clean.len();
                assert_eq!(
                    n.source_span(Span::new(tail, n.as_str().len())),
                    Span::new(c.len_utf8(), text.len()),
                    "U+{u:04X}"
                );
            }
        }
    }

    #[test]
    fn pinyin_only_after_an_ideograph() {
        assert_eq!(normalize("產(chǎn)(yè)").as_str(), "产");
        assert_eq!(normalize("產（chǎn）業").as_str(), "产业");
        assert_eq!(normalize("中\u{0301}(zhōng)").as_str(), "中\u{0301}");
        assert_eq!(normalize("\u{20000}(a)1").as_str(), "\u{20000}1");
        assert_eq!(normalize("a(chan)").as_str(), "a(chan)");
        assert_eq!(normalize("。(chan)").as_str(), "。(chan)");
        assert_eq!(normalize("é(chan)").as_str(), "é(chan)");
        assert_eq!(normalize("(chan)").as_str(), "(chan)");
        assert_eq!(normalize("１(chan)").as_str(), "1(chan)");
        assert_eq!(normalize("中 (chan)").as_str(), "中 (chan)");
        assert_eq!(normalize("中,(chan)").as_str(), "中,(chan)");
        // Runs of '(' after ASCII are passed over; one right after an annotation or an
        // ideograph still opens one.
        assert_eq!(normalize("a((((b").as_str(), "a((((b");
        assert_eq!(normalize("貧(pín)困((a)").as_str(), "贫困((a)");
        assert_eq!(normalize("產(chǎn)(yè)((a)").as_str(), "产((a)");
        assert_eq!(normalize("x((中(zhōng)").as_str(), "x((中");
    }

    #[test]
    fn combining_marks_join_the_character_before() {
        // The fast path takes a character alone only when no combining mark follows;
        // two- and three-byte marks after three-byte characters go the long way.
        assert_eq!(normalize("か\u{3099}中").as_str(), "が中");
        assert_eq!(normalize("カ\u{309A}1").as_str(), "カ\u{309A}1");
        assert_eq!(normalize("萬\u{0301}元").as_str(), "万\u{0301}元");
        assert_eq!(normalize("，\u{20D7}x").as_str(), ",\u{20D7}x");
        let src = "ｶ\u{3099}２";
        let n = normalize(src);
        assert_eq!(n.as_str(), "ガ2");
        assert_eq!(n.source_span(Span::new(0, 3)), Span::new(0, 6));
        assert_eq!(n.source_span(Span::new(3, 4)), Span::new(6, 9));
        // （ changes, so the fast path never takes it (it may open a pinyin annotation).
        assert!(changes_table().contains('（'));
        // A mark after the last of a run of ideographs the fast path passed is read
        // with that ideograph (the run's end is looked at once, after it).
        assert_eq!(normalize("扶贫\u{0340}人").as_str(), "扶贫\u{0300}人");
        assert_eq!(normalize("脱贫攻坚\u{0340}").as_str(), "脱贫攻坚\u{0300}");
        assert_eq!(normalize("扶貧\u{0340}人").as_str(), "扶贫\u{0300}人");
        assert_eq!(normalize("全县\u{0301}3万人").as_str(), "全县\u{0301}3万人");
    }

    #[test]
    fn what_nfkc_changes_together_is_one_piece() {
        // U+0F73 decomposes into two marks, which NFKC orders with the marks before
        // them; a Hangul vowel jamo composes with the consonant before it. Taken alone,
        // each left text that a second pass changed (found by proptest).
        for (src, want) in [
            ("\u{1E01B}\u{0F73}", "\u{0F71}\u{0F72}\u{1E01B}"),
            ("é\u{0F73}", "é\u{0F71}\u{0F72}"),
            ("\u{1100}\u{1161}人", "가人"),
            ("中\u{0F73}", "中\u{0F71}\u{0F72}"),
        ] {
            let n = normalize(src);
            assert_eq!(n.as_str(), want, "{src:?}");
            assert_eq!(normalize(n.as_str()).as_str(), want, "{src:?} again");
        }
        // A kept character (fraction, superscript, list marker) stays with marks after it.
        for src in ["¼\u{1E026}", "²\u{0301}", "①\u{0F73}", "⅓\u{1161}"] {
            let n = normalize(src);
            assert!(
                n.as_str().starts_with(src.chars().next().unwrap_or(' ')),
                "{src:?}"
            );
            assert_eq!(normalize(n.as_str()).as_str(), n.as_str(), "{src:?} again");
        }
        assert!(joins_previous('\u{0F73}') && joins_previous('\u{1161}'));
        // A traditional form whose simplified form is in the table too goes to the end.
        assert_eq!(normalize("薴").as_str(), "苎");
        assert_eq!(simplify(simplify('薴')), simplify('薴'));
        assert!(!joins_previous('中') && !joins_previous('a') && !joins_previous('é'));
    }

    #[test]
    fn block_index_maps_every_offset() {
        // Many pieces over several blocks: each cleaned offset maps as a full search does.
        let src = "貧困戶，１２萬元。".repeat(2000);
        let n = normalize(&src);
        let t = n.as_str();
        let mut prev = 0;
        for (i, _) in t.char_indices() {
            let s = n.source_start(i);
            assert!(s >= prev && src.is_char_boundary(s));
            prev = s;
            let full = n.pieces.partition_point(|p| p.norm_start <= i);
            let expect = match full.checked_sub(1).and_then(|k| n.pieces.get(k)) {
                None => i,
                Some(p) if i < p.norm_end => p.src_start,
                Some(p) => i - p.norm_end + p.src_end,
            };
            assert_eq!(s, expect);
        }
        assert_eq!(n.source_end(t.len()), src.len());
        // Spans asked in order, out of order and repeated: the hinted search agrees.
        let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
        let mut hint = 0;
        for (k, w) in bounds.windows(2).enumerate() {
            for span in [
                Span::new(w[0], w[1]),
                Span::new(w[0], w[0]),
                Span::new(bounds[k / 2], w[1]),
                Span::new(bounds[k.saturating_sub(7)], bounds[k.saturating_sub(3)]),
            ] {
                assert_eq!(
                    n.source_span_from(span, &mut hint),
                    n.source_span(span),
                    "{span:?}"
                );
            }
        }
    }

    #[test]
    fn invisible_characters_are_removed_with_offsets_kept() {
        for mark in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
        ] {
            let m = mark.len_utf8();
            for (src, want) in [
                (format!("12{mark}345人"), "12345人"),
                (format!("１２{mark}３４５人"), "12345人"),
                (format!("壹萬{mark}貳仟人"), "壹万贰仟人"),
                (format!("12{mark}{mark}345人"), "12345人"),
                (format!("3.{mark}5萬元"), "3.5万元"),
            ] {
                let n = normalize(&src);
                assert_eq!(n.as_str(), want, "{src:?}");
                assert_eq!(normalize(want).as_str(), want, "{src:?} again");
                // The whole cleaned text maps back over the whole original.
                let all = n.source_span(Span::new(0, want.len()));
                assert_eq!(all, Span::new(0, src.len()), "{src:?}");
            }
            // Around a number: the span leaves the invisible characters outside.
            let src = format!("{mark}12345人{mark}");
            let n = normalize(&src);
            assert_eq!(n.as_str(), "12345人");
            assert_eq!(
                n.source_span(Span::new(0, 8)),
                Span::new(m, m + 8),
                "{mark:?}"
            );
        }
    }

    #[test]
    fn simplifies_table() {
        assert_eq!(simplify('萬'), '万');
        assert_eq!(simplify('縣'), '县');
        assert_eq!(simplify('參'), '參');
        assert_eq!(simplify('a'), 'a');
    }
}
