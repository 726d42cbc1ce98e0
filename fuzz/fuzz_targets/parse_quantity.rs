//! `parse_quantity` on arbitrary strings: never a panic; `text` is the input's bytes at
//! the span; values print and parse back; a range's low end is below its high end.
#![no_main]

use fupin::{Decimal, parse_quantity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    match parse_quantity(s) {
        Ok(q) => {
            assert_eq!(s.get(q.span.range()), Some(&*q.text), "{s:?}");
            assert_eq!(q.value.to_string().parse::<Decimal>().ok(), Some(q.value));
            if let Some(m) = q.max {
                assert!(q.value < m, "{s:?}: range {} to {m}", q.value);
            }
        }
        Err(e) => assert!(s.get(e.span().range()).is_some(), "{s:?}: bad span"),
    }
});
