//! Prints every quantity of one or more reports as JSON Lines (spec section 5).
//!
//! ```text
//! cargo run --release --example quantities -- [--damaged] [FILE|-]...
//! ```
//!
//! With no FILE it reads the bundled sample report; `-` reads standard input.
//! `--damaged` also prints numbers whose text is damaged, with `"damaged":true`.

#[path = "common/mod.rs"]
mod common;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match common::Args::parse(&[]).and_then(|a| a.check(&["--damaged"]).map(|()| a)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("quantities: {e}\nusage: quantities [--damaged] [FILE|-]...");
            return ExitCode::from(2);
        }
    };
    let damaged = args.flag("--damaged").is_some();
    let mut out = BufWriter::new(std::io::stdout().lock());
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
        for q in fupin::quantities(&doc.text).include_damaged(damaged) {
            let mut obj = serde_json::Map::new();
            obj.insert("file".into(), doc.name.clone().into());
            if let Ok(serde_json::Value::Object(m)) = serde_json::to_value(&q) {
                obj.extend(m);
            }
            if serde_json::to_writer(&mut out, &obj).is_err() || out.write_all(b"\n").is_err() {
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
