//! `extract` on arbitrary text: spans of figures, subjects and previous values lie in
//! the input; a previous value stands before its figure; the figure's unit is one its
//! kind allows.
#![no_main]

use fupin::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    for i in extract(s) {
        let q = &i.quantity;
        assert_eq!(s.get(q.span.range()), Some(&*q.text), "{s:?}");
        if !i.subject.is_empty() {
            assert_eq!(s.get(i.subject_span.range()), Some(i.subject.as_str()), "{s:?}");
        }
        if let Some(p) = &i.previous {
            assert!(p.quantity.span.end <= q.span.start, "{s:?}: previous after figure");
        }
        assert!(q.unit.is_some_and(|u| i.kind.units().contains(&u)), "{s:?}: unit");
    }
});
