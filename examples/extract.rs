//! Prints the poverty indicators of one or more reports, one JSON line each (spec
//! section 5), or CSV with `--format csv`.
//!
//! ```text
//! cargo run --release --example extract -- [--date YYYY-MM-DD] [--format jsonl|csv] [FILE|-]...
//! ```
//!
//! With no FILE it reads the bundled sample report; `-` reads standard input.
//! `--date` gives the documents' date, for 今年/去年 (otherwise read from a header line).

#[path = "common/mod.rs"]
mod common;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: extract [--date YYYY-MM-DD] [--format jsonl|csv] [FILE|-]...";

const CSV_FIELDS: &[&str] = &[
    "file",
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
    "previous_value",
    "previous_text",
    "previous_period_start",
    "previous_period_end",
    "modality",
];

fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let mut it = s.splitn(3, '-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let d = it.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
fn csv_field(v: &serde_json::Value) -> String {
    let s = match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_row(obj: &serde_json::Map<String, serde_json::Value>) -> String {
    let get = |k: &str| obj.get(k).cloned().unwrap_or(serde_json::Value::Null);
    let period = |o: &serde_json::Value, k: &str| {
        o.get("period")
            .and_then(|p| p.get(k))
            .cloned()
            .unwrap_or_default()
    };
    let prev = get("previous");
    let cells: Vec<String> = CSV_FIELDS
        .iter()
        .map(|f| match *f {
            "period_start" => period(&serde_json::Value::Object(obj.clone()), "start"),
            "period_end" => period(&serde_json::Value::Object(obj.clone()), "end"),
            "previous_value" => prev.get("value").cloned().unwrap_or_default(),
            "previous_text" => prev.get("text").cloned().unwrap_or_default(),
            "previous_period_start" => period(&prev, "start"),
            "previous_period_end" => period(&prev, "end"),
            k => get(k),
        })
        .map(|v| csv_field(&v))
        .collect();
    cells.join(",")
}

fn main() -> ExitCode {
    let args = match common::Args::parse(&["--date", "--format"])
        .and_then(|a| a.check(&["--date", "--format"]).map(|()| a))
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("extract: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut extractor = fupin::Extractor::new();
    if let Some(Some(d)) = args.flag("--date") {
        match parse_date(d) {
            Some((y, m, day)) => extractor = extractor.date(y, m, day),
            None => {
                eprintln!("extract: --date wants YYYY-MM-DD, got {d:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let csv = match args.flag("--format").flatten() {
        None | Some("jsonl") => false,
        Some("csv") => true,
        Some(other) => {
            eprintln!("extract: unknown format {other:?}, expected jsonl or csv\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    if csv && writeln!(out, "{}", CSV_FIELDS.join(",")).is_err() {
        return ExitCode::from(1);
    }
    let mut errors = 0;
    for doc in common::documents(&args.files) {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("warning: {e}");
                errors += 1;
                continue;
            }
        };
        for ind in extractor.extract(&doc.text) {
            let mut obj = serde_json::Map::new();
            obj.insert("file".into(), doc.name.clone().into());
            if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(&ind) {
                obj.extend(m);
            }
            let line = if csv {
                csv_row(&obj)
            } else {
                serde_json::Value::Object(obj).to_string()
            };
            if writeln!(out, "{line}").is_err() {
                return ExitCode::from(1);
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
