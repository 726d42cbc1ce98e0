//! Golden output: the JSON for the bundled sample report, reviewed by hand. A diff here
//! is a wire-format change and needs a CHANGELOG line.

const SAMPLE: &str = include_str!("../../examples/data/sample.txt");

#[test]
fn sample_quantities() {
    let all: Vec<_> = fupin::quantities(SAMPLE).collect();
    insta::assert_json_snapshot!("sample_quantities", all);
}

#[test]
fn sample_indicators() {
    let all: Vec<_> = fupin::extract(SAMPLE).collect();
    insta::assert_json_snapshot!("sample_indicators", all);
}

#[test]
fn paragraph_indicators() {
    let text = "2019年,全县贫困发生率由12.6%下降到0.8%,累计减贫2300户6100人。";
    let all: Vec<_> = fupin::extract(text).collect();
    insta::assert_json_snapshot!("paragraph_indicators", all);
}
