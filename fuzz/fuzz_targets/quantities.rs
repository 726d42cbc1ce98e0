//! `quantities` (with damaged ones) on arbitrary text: spans in the input, on char
//! boundaries, ordered, not overlapping, `text` equal to the input's bytes there, values
//! that print and parse back.
#![no_main]

use fupin::{Decimal, quantities};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    let mut last = 0;
    for q in quantities(s).include_damaged(true) {
        assert_eq!(s.get(q.span.range()), Some(&*q.text), "{s:?}");
        assert!(q.span.start >= last, "{s:?}: spans out of order");
        last = q.span.end;
        assert_eq!(q.value.to_string().parse::<Decimal>().ok(), Some(q.value));
    }
    for t in fupin::times(s) {
        assert_eq!(s.get(t.span.range()), Some(t.text.as_str()), "{s:?}");
    }
});
