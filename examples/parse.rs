//! Reads one numeral or quantity a line on standard input and prints one JSON line
//! each (spec section 5):
//!
//! ```text
//! $ printf '9.82亿元\n万万万\n' | cargo run --release --example parse
//! {"input":"9.82亿元","value":"982000000","unit":"yuan","approx":"exact"}
//! {"input":"万万万","error":"misordered numeral: '万' cannot follow '万' (bytes 3..6)"}
//! ```
//!
//! With a file argument it reads that file instead (`examples/data/numerals.txt` holds
//! sample numerals).

use std::io::{BufRead, BufWriter, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let input: Box<dyn BufRead> = match std::env::args().nth(1) {
        Some(path) if path != "-" => Box::new(std::io::BufReader::new(std::fs::File::open(path)?)),
        _ => Box::new(std::io::stdin().lock()),
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in input.lines() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        let mut obj = serde_json::Map::new();
        obj.insert("input".into(), line.into());
        match fupin::parse_quantity(line) {
            Ok(q) => {
                let v = serde_json::to_value(&q)?;
                for key in [
                    "value",
                    "max",
                    "unit",
                    "approx",
                    "per",
                    "classifier",
                    "noun",
                ] {
                    if let Some(x) = v.get(key) {
                        obj.insert(key.into(), x.clone());
                    }
                }
            }
            Err(e) => {
                obj.insert("error".into(), e.to_string().into());
            }
        }
        serde_json::to_writer(&mut out, &obj)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
