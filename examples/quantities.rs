//! Prints every quantity of one or more reports as JSON Lines (spec section 5), or CSV.
//!
//! ```text
//! cargo run --release --example quantities -- [OPTIONS] [FILE|FOLDER|-]... [--jsonl FILE|-]...
//! ```
//!
//! Inputs, in order: files, folders (every `.txt` below them, sorted), `-` (standard
//! input as one document) and JSON Lines corpora (`--jsonl`; one object a line with a
//! `text` field, and optionally `id`, `date`, `url`). With no input it reads the bundled
//! sample report.
//!
//! Options: `--damaged` (also print damaged numbers, flagged), `--format jsonl|csv`,
//! `--jobs N` (default: all cores), `--text-field NAME`, `--id-field NAME`.

#[path = "common/mod.rs"]
mod common;

use common::Format;
use std::process::ExitCode;

const USAGE: &str = "usage: quantities [--damaged] [--format jsonl|csv] [--jobs N] [--text-field F] [--id-field F] [FILE|FOLDER|-]... [--jsonl FILE|-]...";

const CSV_FIELDS: &[&str] = &[
    "file",
    "id",
    "url",
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
    "damaged",
];

fn main() -> ExitCode {
    let (args, format) = match common::args_or_exit("quantities", USAGE, &[], &["--damaged"]) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let damaged = args.flag("--damaged").is_some();
    let header = (format == Format::Csv).then(|| CSV_FIELDS.join(","));
    common::run(&args, header.as_deref(), |doc, emit| {
        let head = common::json_head(doc);
        for q in fupin::quantities(&doc.text).include_damaged(damaged) {
            emit(match format {
                Format::Jsonl => common::json_line(&head, &q),
                Format::Csv => {
                    let mut obj = common::head(doc);
                    if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(&q) {
                        obj.extend(m);
                    }
                    CSV_FIELDS
                        .iter()
                        .map(|f| common::csv_field(obj.get(*f).unwrap_or(&serde_json::Value::Null)))
                        .collect::<Vec<_>>()
                        .join(",")
                }
            });
        }
    })
}
