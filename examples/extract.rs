//! Prints the poverty indicators of one or more reports, one JSON line each (spec
//! section 5), or CSV with `--format csv`.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] [FILE|FOLDER|-]... [--jsonl FILE|-]...
//! ```
//!
//! Inputs, in order: files, folders (every `.txt` below them, sorted), `-` (standard
//! input as one document) and JSON Lines corpora (`--jsonl`; one object a line with a
//! `text` field, and optionally `id`, `date`, `url`). With no input it reads the bundled
//! sample report.
//!
//! Options: `--date YYYY-MM-DD` (the documents' date, for 今年/去年; a JSON Lines `date`
//! field wins; otherwise read from a header line), `--region NAME|CODE` (the place the
//! documents are about, 临洮县 or 621124; a JSON Lines `region` field wins; otherwise
//! read from the text), `--format jsonl|csv`, `--jobs N`
//! (default: all cores), `--text-field NAME`, `--id-field NAME`.

#[path = "common/mod.rs"]
mod common;

use common::Format;
use std::process::ExitCode;

const USAGE: &str = "usage: extract [--date YYYY-MM-DD] [--region NAME|CODE] [--format jsonl|csv] [--jobs N] [--text-field F] [--id-field F] [FILE|FOLDER|-]... [--jsonl FILE|-]...";

const CSV_FIELDS: &[&str] = &[
    "file",
    "id",
    "url",
    "kind",
    "value",
    "max",
    "unit",
    "approx",
    "text",
    "start",
    "end",
    "classifier",
    "noun",
    "per",
    "subject",
    "period_start",
    "period_end",
    "region",
    "region_code",
    "region_level",
    "previous_value",
    "previous_text",
    "previous_period_start",
    "previous_period_end",
    "modality",
];

fn csv_row(obj: &serde_json::Map<String, serde_json::Value>) -> String {
    let null = serde_json::Value::Null;
    let get = |k: &str| obj.get(k).unwrap_or(&null);
    let period = |v: &serde_json::Value, k: &str| {
        v.get("period")
            .and_then(|p| p.get(k))
            .cloned()
            .unwrap_or_default()
    };
    let whole = serde_json::Value::Object(obj.clone());
    let prev = get("previous");
    CSV_FIELDS
        .iter()
        .map(|f| {
            let v = match *f {
                "period_start" => period(&whole, "start"),
                "period_end" => period(&whole, "end"),
                "previous_value" => prev.get("value").cloned().unwrap_or_default(),
                "previous_text" => prev.get("text").cloned().unwrap_or_default(),
                "previous_period_start" => period(prev, "start"),
                "previous_period_end" => period(prev, "end"),
                k => get(k).clone(),
            };
            common::csv_field(&v)
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A region by its six-digit code or by name.
fn region_of(s: &str) -> Result<fupin::Region, String> {
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return fupin::Region::from_code(s).ok_or_else(|| format!("no region has code {s}"));
    }
    s.parse::<fupin::Region>().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let (args, format) = match common::args_or_exit(
        "extract",
        USAGE,
        &["--date", "--region"],
        &["--date", "--region"],
    ) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let date = match args.value("--date") {
        None => None,
        Some(d) => match common::parse_date(d) {
            Some(date) => Some(date),
            None => {
                eprintln!("extract: --date wants YYYY-MM-DD, got {d:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
    };
    let region = match args.value("--region") {
        None => None,
        Some(r) => match region_of(r) {
            Ok(region) => Some(region),
            Err(e) => {
                eprintln!("extract: --region: {e}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
    };
    let header = (format == Format::Csv).then(|| CSV_FIELDS.join(","));
    common::run(&args, header.as_deref(), |doc, emit| {
        let mut extractor = fupin::Extractor::new();
        if let Some((y, m, d)) = doc.date.or(date) {
            extractor = extractor.date(y, m, d);
        }
        let known = match doc.region.as_deref().map(region_of) {
            Some(Ok(r)) => Some(r),
            Some(Err(e)) => {
                eprintln!("extract: {}: region: {e}", doc.key.1);
                None
            }
            None => region.clone(),
        };
        if let Some(r) = known {
            extractor = extractor.region(r);
        }
        let head = common::json_head(doc);
        for ind in extractor.extract(&doc.text) {
            emit(match format {
                Format::Jsonl => common::json_line(&head, &ind),
                Format::Csv => {
                    let mut obj = common::head(doc);
                    if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(&ind) {
                        obj.extend(m);
                    }
                    csv_row(&obj)
                }
            });
        }
    })
}
