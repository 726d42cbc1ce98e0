//! Every public record that serializes reads its own JSON back to an equal value, and
//! the indicator's JSON reads with its optional keys left out.

use fupin::{
    Approx, IndicatorKind, Modality, Per, Period, PovertyIndicator, Previous, Quantity, Span, Unit,
};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt::Debug;

const SAMPLE: &str = include_str!("../../examples/data/sample.txt");
const SAMPLE_TRAD: &str = include_str!("../../examples/data/sample-trad.txt");

/// Serializes, reads back, compares; and the JSON of the value read is the same JSON.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(v: &T) {
    let json = serde_json::to_string(v).unwrap();
    let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(&back, v, "{json}");
    assert_eq!(serde_json::to_string(&back).unwrap(), json);
}

/// Reports with every key an indicator can carry: a range (`max`), a rate (`per`), a
/// count with classifier and noun, earlier values with periods, a rate and a count.
const KEYS: &str = "2020年全县村集体经济收入由2015年的83.52万元/年增加到1030.95万元/年。\
                    贫困村由2014年的46个减少到2019年的12个村。\
                    全县18个贫困村全部出列,贫困发生率由17.3%下降到0.5%。\
                    计划安排扶贫资金3至5亿元,带动贫困户1200余户。";

fn texts() -> Vec<&'static str> {
    vec![SAMPLE, SAMPLE_TRAD, KEYS]
}

#[test]
fn quantities_round_trip() {
    let mut n = 0;
    for text in texts() {
        for q in fupin::quantities(text).include_damaged(true) {
            round_trip(&q.into_owned());
            n += 1;
        }
    }
    assert!(n > 100);
    let damaged: Vec<_> = fupin::quantities("全县脱贫?3万人")
        .include_damaged(true)
        .collect();
    assert!(damaged.iter().any(|q| q.damaged));
    damaged
        .into_iter()
        .for_each(|q| round_trip(&q.into_owned()));
    let range = fupin::parse_quantity("3至5万元/年").unwrap().into_owned();
    assert!(range.max.is_some() && range.per == Some(Per::Year));
    round_trip(&range);
}

#[test]
fn indicators_and_previous_values_round_trip() {
    let (mut n, mut previous, mut per, mut classifier) = (0, 0, 0, 0);
    for text in texts() {
        for ind in fupin::extract(text) {
            round_trip(&ind);
            if let Some(p) = &ind.previous {
                round_trip(p);
                previous += 1;
                per += usize::from(p.quantity.per.is_some());
                classifier += usize::from(p.quantity.classifier.is_some());
            }
            n += 1;
        }
    }
    assert!(n > 60, "{n}");
    // The keys an earlier value used to lose in JSON are there and read back.
    assert!(
        previous > 3 && per > 0 && classifier > 0,
        "{previous} {per} {classifier}"
    );
}

#[test]
fn small_records_round_trip() {
    round_trip(&Span::new(3, 9));
    round_trip(&Period {
        start: 2014,
        end: 2020,
    });
    Unit::ALL.iter().for_each(round_trip);
    Approx::ALL.iter().for_each(round_trip);
    Per::ALL.iter().for_each(round_trip);
    IndicatorKind::ALL.iter().for_each(round_trip);
    Modality::ALL.iter().for_each(round_trip);
}

#[test]
fn an_indicator_reads_without_its_optional_keys() {
    let json = r#"{"kind":"poor_villages","value":"46","unit":"count","approx":"exact",
        "text":"46个","start":0,"end":5,"classifier":"个","subject":"贫困村",
        "subject_start":5,"subject_end":14,"modality":"target","file":"a.txt"}"#;
    let ind: PovertyIndicator = serde_json::from_str(json).unwrap();
    assert_eq!(ind.kind, IndicatorKind::PoorVillages);
    assert_eq!(ind.quantity.value.to_string(), "46");
    assert_eq!(ind.quantity.classifier.as_deref(), Some("个"));
    assert_eq!(
        (ind.quantity.noun, ind.quantity.per, ind.quantity.max),
        (None, None, None)
    );
    assert_eq!((ind.period, ind.region, ind.previous), (None, None, None));
    assert_eq!(ind.modality, Modality::Target);
    assert_eq!(ind.subject_span, Span::new(5, 14));

    let prev: Previous = serde_json::from_str(
        r#"{"value":"17.3","unit":"percent","approx":"exact","text":"17.3%","start":1,"end":6}"#,
    )
    .unwrap();
    assert_eq!(prev.period, None);
    assert_eq!(prev.quantity.unit, Some(Unit::Percent));
}

#[test]
fn bad_indicator_json_is_refused_with_the_reason() {
    let ok = r#""value":"46","unit":"person","text":"46人","start":0,"end":5,"subject":"","modality":"actual""#;
    for (json, why) in [
        (format!("{{{ok}}}"), "missing field `kind`"),
        (
            format!(r#"{{"kind":"poor_people",{ok}}}"#),
            "unknown IndicatorKind name",
        ),
        (
            format!(
                r#"{{"kind":"poor_population",{}}}"#,
                ok.replace("\"46\"", "\"4x6\"")
            ),
            "invalid decimal",
        ),
        (
            format!(
                r#"{{"kind":"poor_population",{}}}"#,
                ok.replace(",\"modality\":\"actual\"", "")
            ),
            "missing field `modality`",
        ),
        (
            format!(r#"{{"kind":"poor_population","subject_start":9,"subject_end":2,{ok}}}"#),
            "subject span end 2 before start 9",
        ),
        (
            format!(r#"{{"kind":"poor_villages","previous":{{"value":"3","unit":"count"}},{ok}}}"#),
            "a count needs a classifier",
        ),
    ] {
        let err = serde_json::from_str::<PovertyIndicator>(&json).unwrap_err();
        assert!(err.to_string().contains(why), "{json}: {err}");
    }
}

#[test]
fn a_quantity_read_from_json_owns_its_text() {
    let q: Quantity<'static> = serde_json::from_str(
        r#"{"value":"982000000","unit":"yuan","approx":"exact","text":"9.82亿元","start":0,"end":10}"#,
    )
    .unwrap();
    assert_eq!(q, fupin::parse_quantity("9.82亿元").unwrap());
}

/// Places of every kind read back from `region`, `region_code` and `region_level`: a
/// county, a prefecture under a short form, a province, the country, a township under
/// its county, and a county under a name no longer in force.
#[test]
fn regions_round_trip() {
    let text = "会宁县贫困发生率由2014年的17.3%下降到2020年的0.3%。\n\
                恩施州2019年减少贫困人口12.4万人。\n\
                2020年西藏自治区累计脱贫62.8万人。\n\
                2019年全国农村贫困人口减少1109万人。\n\
                临洮县太石镇2018年脱贫贫困户326户。\n\
                2018年横县贫困发生率下降到1.2%。";
    let mut levels = std::collections::BTreeSet::new();
    for ind in fupin::extract(text) {
        round_trip(&ind);
        if let Some(r) = &ind.region {
            levels.insert(r.level().name());
        }
    }
    for level in ["county", "prefecture", "province", "national", "township"] {
        assert!(levels.contains(level), "{level} missing from {levels:?}");
    }
    // A JSON region with a code that is no six-digit code is refused.
    let json = serde_json::to_string(&fupin::extract(text).next().unwrap())
        .unwrap()
        .replace("\"620422\"", "\"62x\"");
    let err = serde_json::from_str::<PovertyIndicator>(&json).unwrap_err();
    assert!(err.to_string().contains("region_code"), "{err}");
}
