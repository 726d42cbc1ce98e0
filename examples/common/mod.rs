//! Input handling shared by the `quantities` and `extract` examples.

use std::io::Read;

/// The sample report bundled with the crate, read when no file is given.
pub const SAMPLE: &str = include_str!("../data/sample.txt");

/// One document to read: its name for the output and its text.
pub struct Doc {
    pub name: String,
    pub text: String,
}

/// Command-line options common to the examples.
pub struct Args {
    pub files: Vec<String>,
    pub flags: Vec<(String, Option<String>)>,
}

impl Args {
    /// Splits `--flag value`, `--flag=value` and plain file arguments. `takes_value`
    /// names the flags that take a value.
    pub fn parse(takes_value: &[&str]) -> Result<Args, String> {
        let mut files = Vec::new();
        let mut flags = Vec::new();
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            if a == "-" || !a.starts_with("--") {
                files.push(a);
                continue;
            }
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (a.clone(), None),
            };
            if takes_value.contains(&name.as_str()) {
                let v = match inline {
                    Some(v) => v,
                    None => it.next().ok_or_else(|| format!("{name} needs a value"))?,
                };
                flags.push((name, Some(v)));
            } else {
                flags.push((name, inline));
            }
        }
        Ok(Args { files, flags })
    }

    pub fn flag(&self, name: &str) -> Option<Option<&str>> {
        self.flags
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref())
    }

    /// Rejects flags not in `known`.
    pub fn check(&self, known: &[&str]) -> Result<(), String> {
        for (n, _) in &self.flags {
            if !known.contains(&n.as_str()) {
                return Err(format!("unknown option {n}"));
            }
        }
        Ok(())
    }
}

/// Reads the documents named on the command line: files, `-` for standard input, or
/// the bundled sample when none is given. Invalid UTF-8 is read lossily with a warning.
pub fn documents(files: &[String]) -> Vec<Result<Doc, String>> {
    if files.is_empty() {
        return vec![Ok(Doc {
            name: "examples/data/sample.txt".into(),
            text: SAMPLE.into(),
        })];
    }
    files
        .iter()
        .map(|f| {
            let mut bytes = Vec::new();
            let read = if f == "-" {
                std::io::stdin().read_to_end(&mut bytes).map(|_| ())
            } else {
                std::fs::File::open(f).and_then(|mut h| h.read_to_end(&mut bytes).map(|_| ()))
            };
            read.map_err(|e| format!("{f}: {e}"))?;
            let text = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    eprintln!(
                        "warning: {f}: invalid UTF-8 at byte {at}, read with U+FFFD in its place"
                    );
                    String::from_utf8_lossy(e.as_bytes()).into_owned()
                }
            };
            Ok(Doc {
                name: f.clone(),
                text,
            })
        })
        .collect()
}
