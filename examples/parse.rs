//! Reads one numeral or quantity a line and prints one JSON line each (spec section 5):
//!
//! ```text
//! $ printf '9.82亿元\n万万万\n' | cargo run --release --example parse
//! {"input":"9.82亿元","value":"982000000","unit":"yuan","approx":"exact"}
//! {"input":"万万万","error":"misordered numeral: '万' cannot follow '万' (bytes 3..6)"}
//! ```
//!
//! With a file argument it reads that file instead (`examples/data/numerals.txt` holds
//! sample numerals); `-` or no argument reads standard input. A file that cannot be
//! opened is named in the error. A line that is not UTF-8 is reported on standard error
//! with its file and line number, gets an output line with an `error` (so output line N
//! still answers input line N), and the rest is parsed; the exit status is then 1.

use clap::Parser;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Parses one Chinese or Arabic numeral or quantity a line (9.82亿元, 百分之三十四点四) and
/// prints one JSON line each: its exact value in base units, or what is wrong and where.
#[derive(Parser, Debug)]
#[command(name = "parse", version)]
struct Cli {
    /// The file to read, one numeral or quantity a line; `-` or none: standard input.
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
}

/// The quantity keys `parse` prints, in order.
const KEYS: &[&str] = &[
    "value",
    "max",
    "unit",
    "approx",
    "per",
    "classifier",
    "noun",
];

/// The output object for one line.
fn answer(line: &str) -> serde_json::Map<String, serde_json::Value> {
    let mut obj = serde_json::Map::new();
    obj.insert("input".into(), line.into());
    match fupin::parse_quantity(line).map(|q| serde_json::to_value(&q)) {
        Ok(Ok(v)) => {
            for key in KEYS {
                if let Some(x) = v.get(*key) {
                    obj.insert((*key).into(), x.clone());
                }
            }
        }
        Ok(Err(e)) => {
            obj.insert("error".into(), e.to_string().into());
        }
        Err(e) => {
            obj.insert("error".into(), e.to_string().into());
        }
    }
    obj
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (name, mut input): (String, Box<dyn BufRead>) = match &cli.file {
        Some(path) if path.as_os_str() != "-" => match std::fs::File::open(path) {
            Ok(f) => (
                path.display().to_string(),
                Box::new(std::io::BufReader::new(f)),
            ),
            Err(e) => {
                eprintln!("parse: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        },
        _ => ("-".into(), Box::new(std::io::stdin().lock())),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut errors = 0usize;
    let mut buf = Vec::new();
    for line_no in 1.. {
        buf.clear();
        match input.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                eprintln!("parse: {name}:{line_no}: {e}");
                errors += 1;
                break;
            }
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        let obj = match std::str::from_utf8(&buf) {
            Ok(line) => answer(line.trim_end_matches('\r')),
            Err(e) => {
                let at = e.valid_up_to();
                let why = format!("invalid UTF-8 at byte {at} of the line");
                eprintln!("parse: {name}:{line_no}: {why}, skipped");
                errors += 1;
                let mut obj = serde_json::Map::new();
                let lossy = String::from_utf8_lossy(&buf);
                obj.insert("input".into(), lossy.trim_end_matches('\r').into());
                obj.insert("error".into(), why.into());
                obj
            }
        };
        let written = serde_json::to_writer(&mut out, &obj)
            .map_err(std::io::Error::from)
            .and_then(|()| out.write_all(b"\n"));
        if written.is_err() {
            // A closed pipe (head, less): stop quietly.
            return ExitCode::from(1);
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
