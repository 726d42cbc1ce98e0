//! `parse_number` on arbitrary strings: never a panic; an error's span lies in the
//! input on char boundaries; a value prints and parses back, and so does its Chinese.
#![no_main]

use fupin::{Decimal, parse_number, to_chinese, to_chinese_capital};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    match parse_number(s) {
        Ok(v) => {
            assert_eq!(v.to_string().parse::<Decimal>().ok(), Some(v), "{s:?}");
            assert_eq!(parse_number(&to_chinese(v)).ok(), Some(v), "{s:?}");
            assert_eq!(parse_number(&to_chinese_capital(v)).ok(), Some(v), "{s:?}");
        }
        Err(e) => {
            let span = e.span();
            assert!(s.get(span.range()).is_some(), "{s:?}: bad span {span}");
            assert!(!e.to_string().is_empty());
        }
    }
});
