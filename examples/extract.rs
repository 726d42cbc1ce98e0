//! Prints the poverty indicators of one or more reports, one JSON line each (spec
//! section 5), or CSV with `--format csv`.
//!
//! ```text
//! cargo run --release --example extract -- [OPTIONS] [FILE|FOLDER|-]... [--jsonl FILE|-]...
//! ```
//!
//! Inputs, in order: files, folders (every `.txt` below them in any case, sorted; links
//! followed, loops reported), `-` (standard input as one document) and JSON Lines
//! corpora (`--jsonl`; one object a line with a `text` field, and optionally `id`,
//! `date`, `url`). With no input it reads standard input when something is piped in,
//! else the bundled sample report (with a note on standard error).
//!
//! Options (`--help` lists them): `--date YYYY-MM-DD` (the documents' date, for
//! 今年/去年; a JSON Lines `date` field wins; otherwise read from a header line; a date
//! that does not exist, such as 2019-02-31, is refused), `--region NAME|CODE` (the place
//! the documents are about, 临洮县 or 621124; a JSON Lines `region` field wins; otherwise
//! read from the text), `--format jsonl|csv`, `--jobs N` (default: all cores),
//! `--text-field NAME`, `--id-field NAME`.

#[path = "common/mod.rs"]
mod common;

use clap::Parser;
use common::Format;
use std::process::ExitCode;

/// Prints the poverty indicators of Chinese reports (kind, value, period, region,
/// earlier value, modality) as JSON Lines or CSV.
#[derive(Parser, Debug)]
#[command(name = "extract", version)]
struct Cli {
    /// The documents' date, for 今年/去年 (a JSON Lines `date` field wins).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = common::parse_date)]
    date: Option<jiff::civil::Date>,
    /// The place the documents are about, by name or six-digit code (临洮县, 621124);
    /// a JSON Lines `region` field wins.
    #[arg(long, value_name = "NAME|CODE", value_parser = region_of)]
    region: Option<fupin::Region>,
    #[command(flatten)]
    common: common::Common,
}

/// The CSV columns: every key of the JSON Lines output, nested ones joined with `_`.
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
    "damaged",
    "subject",
    "subject_start",
    "subject_end",
    "sentence_start",
    "sentence_end",
    "period_start",
    "period_end",
    "region",
    "region_code",
    "region_level",
    "previous_value",
    "previous_max",
    "previous_unit",
    "previous_approx",
    "previous_text",
    "previous_start",
    "previous_end",
    "previous_classifier",
    "previous_noun",
    "previous_per",
    "previous_period_start",
    "previous_period_end",
    "modality",
];

/// The text of an optional field, empty when absent.
fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn csv_row(doc: &common::Doc, ind: &fupin::PovertyIndicator, out: &mut common::Out<'_>) {
    let [file, id, url] = common::csv_head(doc);
    let q = &ind.quantity;
    let prev = ind.previous.as_ref();
    let pq = prev.map(|p| &p.quantity);
    let pp = prev.and_then(|p| p.period);
    let row: [&str; 38] = [
        file,
        id,
        url,
        ind.kind.name(),
        &q.value.to_string(),
        &opt(q.max),
        q.unit.map_or("", |u| u.name()),
        q.approx.name(),
        &q.text,
        &q.span.start.to_string(),
        &q.span.end.to_string(),
        q.classifier.as_deref().unwrap_or(""),
        q.noun.as_deref().unwrap_or(""),
        q.per.map_or("", |p| p.name()),
        if q.damaged { "true" } else { "" },
        &ind.subject,
        &ind.subject_span.start.to_string(),
        &ind.subject_span.end.to_string(),
        &ind.sentence.start.to_string(),
        &ind.sentence.end.to_string(),
        &opt(ind.period.map(|p| p.start)),
        &opt(ind.period.map(|p| p.end)),
        ind.region.as_ref().map_or("", |r| r.name()),
        &opt(ind.region.as_ref().and_then(|r| r.code())),
        ind.region.as_ref().map_or("", |r| r.level().name()),
        &opt(pq.map(|q| q.value)),
        &opt(pq.and_then(|q| q.max)),
        pq.and_then(|q| q.unit).map_or("", |u| u.name()),
        pq.map_or("", |q| q.approx.name()),
        pq.map_or("", |q| &q.text),
        &opt(pq.map(|q| q.span.start)),
        &opt(pq.map(|q| q.span.end)),
        pq.and_then(|q| q.classifier.as_deref()).unwrap_or(""),
        pq.and_then(|q| q.noun.as_deref()).unwrap_or(""),
        pq.and_then(|q| q.per).map_or("", |p| p.name()),
        &opt(pp.map(|p| p.start)),
        &opt(pp.map(|p| p.end)),
        ind.modality.name(),
    ];
    out.csv(row);
}

/// A region by its six-digit code or by name.
fn region_of(s: &str) -> Result<fupin::Region, String> {
    if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) {
        return fupin::Region::from_code(s).ok_or_else(|| format!("no region has code {s}"));
    }
    s.parse::<fupin::Region>().map_err(|e| e.to_string())
}

/// The extractor for one document: its date and region, from its record or the
/// command line.
fn extractor_for(cli: &Cli, doc: &common::Doc) -> fupin::Extractor {
    let mut extractor = fupin::Extractor::new();
    // A record whose own date is unreadable gets none, not the command line's.
    let date = if doc.date_invalid {
        None
    } else {
        doc.date.or(cli.date)
    };
    if let Some((y, m, d)) = date.map(common::ymd) {
        extractor = extractor.date(y, m, d);
    }
    let known = match doc.region.as_deref().map(region_of) {
        Some(Ok(r)) => Some(r),
        Some(Err(e)) => {
            eprintln!("extract: {}: region: {e}", doc.key.1);
            None
        }
        None => cli.region.clone(),
    };
    if let Some(r) = known {
        extractor = extractor.region(r);
    }
    extractor
}

/// Writes one indicator.
fn write(
    cli: &Cli,
    doc: &common::Doc,
    head: &str,
    ind: &fupin::PovertyIndicator,
    out: &mut common::Out<'_>,
) {
    match cli.common.format {
        Format::Jsonl => common::json_line(out, head, ind),
        Format::Csv => csv_row(doc, ind, out),
    }
}

impl common::Work for Cli {
    fn doc(&self, doc: &common::Doc, out: &mut common::Out<'_>) {
        let head = common::json_head(doc);
        for ind in extractor_for(self, doc).extract(&doc.text) {
            write(self, doc, &head, &ind, out);
        }
    }

    fn pieces(&self, doc: &common::Doc) -> fupin::Pieces {
        extractor_for(self, doc).pieces()
    }

    fn piece(&self, doc: &common::Doc, piece: &fupin::Piece<'_>, out: &mut common::Out<'_>) {
        let head = common::json_head(doc);
        for ind in piece.extract() {
            write(self, doc, &head, &ind, out);
        }
    }
}

fn main() -> ExitCode {
    let (cli, inputs): (Cli, _) = common::parse_args();
    let header = (cli.common.format == Format::Csv).then_some(CSV_FIELDS);
    common::run(&cli.common, inputs, header, &cli)
}
