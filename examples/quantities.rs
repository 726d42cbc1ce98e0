//! Prints every quantity of one or more reports as JSON Lines (spec section 5), or CSV.
//!
//! ```text
//! cargo run --release --example quantities -- [OPTIONS] [FILE|FOLDER|-]... [--jsonl FILE|-]...
//! ```
//!
//! Inputs, in order: files, folders (every `.txt` below them in any case, sorted; links
//! followed, loops reported), `-` (standard input as one document) and JSON Lines
//! corpora (`--jsonl`; one object a line with a `text` field, and optionally `id`,
//! `date`, `url`). With no input it reads standard input when something is piped in,
//! else the bundled sample report (with a note on standard error).
//!
//! Options (`--help` lists them): `--damaged` (also print damaged numbers, flagged),
//! `--format jsonl|csv`, `--jobs N` (default: all cores), `--text-field NAME`,
//! `--id-field NAME`.

#[path = "common/mod.rs"]
mod common;

use clap::Parser;
use common::Format;
use std::process::ExitCode;

/// Prints every quantity of Chinese reports (value in base units, unit, byte span) as
/// JSON Lines or CSV.
#[derive(Parser, Debug)]
#[command(name = "quantities", version)]
struct Cli {
    /// Also print damaged numbers (a digit lost to `?` or U+FFFD), flagged `damaged`.
    #[arg(long)]
    damaged: bool,
    #[command(flatten)]
    common: common::Common,
}

/// The CSV columns: every key of the JSON Lines output.
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

/// Writes one quantity.
fn write(
    cli: &Cli,
    doc: &common::Doc,
    head: &str,
    q: &fupin::Quantity<'_>,
    out: &mut common::Out<'_>,
) {
    match cli.common.format {
        Format::Jsonl => common::json_line(out, head, q),
        Format::Csv => {
            let [file, id, url] = common::csv_head(doc);
            let (start, end) = (q.span.start.to_string(), q.span.end.to_string());
            let row: [&str; 14] = [
                file,
                id,
                url,
                &q.value.to_string(),
                &q.max.map(|m| m.to_string()).unwrap_or_default(),
                q.unit.map_or("", |u| u.name()),
                q.approx.name(),
                &q.text[..],
                &start,
                &end,
                q.classifier.as_deref().unwrap_or(""),
                q.noun.as_deref().unwrap_or(""),
                q.per.map_or("", |p| p.name()),
                if q.damaged { "true" } else { "" },
            ];
            out.csv(row);
        }
    }
}

impl common::Work for Cli {
    fn doc(&self, doc: &common::Doc, out: &mut common::Out<'_>) {
        let head = common::json_head(doc);
        for q in fupin::quantities(&doc.text).include_damaged(self.damaged) {
            write(self, doc, &head, &q, out);
        }
    }

    fn pieces(&self, _: &common::Doc) -> fupin::Pieces {
        fupin::Extractor::new()
            .pieces()
            .include_damaged(self.damaged)
    }

    fn piece(&self, doc: &common::Doc, piece: &fupin::Piece<'_>, out: &mut common::Out<'_>) {
        let head = common::json_head(doc);
        for q in piece.quantities() {
            write(self, doc, &head, &q, out);
        }
    }
}

fn main() -> ExitCode {
    let (cli, inputs): (Cli, _) = common::parse_args();
    let header = (cli.common.format == Format::Csv).then_some(CSV_FIELDS);
    common::run(&cli.common, inputs, header, &cli)
}
