//! Input handling shared by the `quantities` and `extract` examples: files, folders,
//! JSON Lines corpora and standard input, processed in parallel batches with output in
//! input order, a progress bar on a terminal, and a summary at the end.

// Shared by two examples, each of which uses only part of it.
#![allow(dead_code)]

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The sample report bundled with the crate, read when no input is given.
pub const SAMPLE: &str = include_str!("../data/sample.txt");

/// One document: where it came from and its text.
pub struct Doc {
    /// `("file", path)` or `("id", id)`.
    pub key: (&'static str, String),
    pub url: Option<String>,
    /// `YYYY-MM-DD` from a JSON Lines `date` field, for relative years.
    pub date: Option<(i32, u8, u8)>,
    /// The place the document is about, from a JSON Lines `region` field (a name or a
    /// six-digit code).
    pub region: Option<String>,
    pub text: String,
}

/// Command-line options common to the examples.
pub struct Args {
    pub inputs: Vec<Input>,
    pub flags: Vec<(String, Option<String>)>,
}

/// One input named on the command line, in order.
pub enum Input {
    /// A file, or every `.txt` below a folder.
    Path(PathBuf),
    /// `-`: standard input as one document.
    Stdin,
    /// `--jsonl FILE` or `--jsonl -`: one document a line.
    Jsonl(Option<PathBuf>),
}

/// Flags every example takes, with a value.
pub const COMMON_VALUE_FLAGS: &[&str] = &[
    "--jsonl",
    "--text-field",
    "--id-field",
    "--jobs",
    "--format",
];

impl Args {
    /// Splits flags (`--flag value`, `--flag=value`) from inputs. `takes_value` names the
    /// flags that take a value besides the common ones; `known` all the flags allowed.
    pub fn parse(takes_value: &[&str], known: &[&str]) -> Result<Args, String> {
        let mut inputs = Vec::new();
        let mut flags = Vec::new();
        let mut it = std::env::args().skip(1);
        while let Some(a) = it.next() {
            if a == "-" {
                inputs.push(Input::Stdin);
                continue;
            }
            if !a.starts_with("--") {
                inputs.push(Input::Path(PathBuf::from(a)));
                continue;
            }
            let (name, inline) = match a.split_once('=') {
                Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
                None => (a.clone(), None),
            };
            if !known.contains(&name.as_str()) && !COMMON_VALUE_FLAGS.contains(&name.as_str()) {
                return Err(format!("unknown option {name}"));
            }
            if takes_value.contains(&name.as_str()) || COMMON_VALUE_FLAGS.contains(&name.as_str()) {
                let v = match inline {
                    Some(v) => v,
                    None => it.next().ok_or_else(|| format!("{name} needs a value"))?,
                };
                if name == "--jsonl" {
                    inputs.push(Input::Jsonl((v != "-").then(|| PathBuf::from(&v))));
                }
                flags.push((name, Some(v)));
            } else {
                flags.push((name, inline));
            }
        }
        Ok(Args { inputs, flags })
    }

    pub fn flag(&self, name: &str) -> Option<Option<&str>> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref())
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.flag(name).flatten()
    }
}

/// Output format.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

/// Parses `YYYY-MM-DD` (a longer timestamp after it is ignored).
pub fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let s = s.get(..10).unwrap_or(s);
    let mut it = s.splitn(3, ['-', '/']);
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let d = it.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some((y, m, d))
}

/// Reads a file's bytes as text; invalid UTF-8 is replaced, with a warning naming the
/// file and the byte offset.
fn lossy(bytes: Vec<u8>, name: &str, warnings: &mut Vec<String>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            warnings.push(format!(
                "{name}: invalid UTF-8 at byte {at}, read with U+FFFD in its place"
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// Every `.txt` file below `dir`, sorted by path.
fn txt_files(dir: &Path, out: &mut Vec<PathBuf>, warnings: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            warnings.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            txt_files(&p, out, warnings);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

/// One item of the input stream: a document, or a problem to report. A `Bad` item
/// counts as an error; a document read with invalid UTF-8 gives a `Bad` item and is
/// still read, lossily.
pub enum Item {
    Doc(Doc),
    Bad(String),
    /// A warning that counts no error (an empty line in a JSON Lines file).
    Warn(String),
    /// A JSON Lines record not parsed yet, with its location.
    Line {
        at: String,
        bytes: Vec<u8>,
    },
}

/// The documents of all inputs, in order, read lazily (a JSON Lines corpus streams).
pub struct Stream {
    queue: std::collections::VecDeque<Item>,
    pending: std::vec::IntoIter<Input>,
    jsonl: Option<(String, Box<dyn BufRead>, usize)>,
}

impl Stream {
    pub fn new(inputs: Vec<Input>) -> Stream {
        let mut queue = std::collections::VecDeque::new();
        let inputs = if inputs.is_empty() {
            queue.push_back(Item::Doc(Doc {
                key: ("file", "examples/data/sample.txt".into()),
                url: None,
                date: None,
                region: None,
                text: SAMPLE.into(),
            }));
            Vec::new()
        } else {
            inputs
        };
        Stream {
            queue,
            pending: inputs.into_iter(),
            jsonl: None,
        }
    }

    /// Reads one whole document (a file or standard input) named `name`.
    fn read_doc(&mut self, name: String, reader: std::io::Result<impl Read>) {
        let mut bytes = Vec::new();
        match reader.and_then(|mut r| r.read_to_end(&mut bytes)) {
            Ok(_) => {
                let mut w = Vec::new();
                let text = lossy(bytes, &name, &mut w);
                self.queue.extend(w.into_iter().map(Item::Bad));
                self.queue.push_back(Item::Doc(Doc {
                    key: ("file", name),
                    url: None,
                    date: None,
                    region: None,
                    text,
                }));
            }
            Err(e) => self.queue.push_back(Item::Bad(format!("{name}: {e}"))),
        }
    }

    fn next_jsonl(&mut self) -> Option<Item> {
        let (name, reader, line_no) = self.jsonl.as_mut()?;
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => {
                self.jsonl = None;
                return None;
            }
            Ok(_) => {}
            Err(e) => {
                let item = Item::Bad(format!("{name}:{}: {e}", *line_no + 1));
                self.jsonl = None;
                return Some(item);
            }
        }
        *line_no += 1;
        let at = format!("{name}:{line_no}");
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            return Some(Item::Warn(format!("{at}: empty line skipped")));
        }
        // Parsed later, in parallel with the other lines of its batch.
        Some(Item::Line { at, bytes: buf })
    }
}

/// A JSON Lines record as a document, and the problems found on the way (each counts
/// as an error; a document read with invalid UTF-8 is still read, lossily).
fn parse_line(
    at: &str,
    bytes: Vec<u8>,
    text_field: &str,
    id_field: &str,
) -> (Vec<String>, Option<Doc>) {
    let mut problems = Vec::new();
    let line = lossy(bytes, at, &mut problems);
    let value: serde_json::Value = match serde_json::from_str(&line) {
        Ok(v) => v,
        Err(e) => {
            problems.push(format!("{at}: malformed JSON: {e}"));
            return (problems, None);
        }
    };
    let field = |k: &str| match value.get(k) {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let Some(text) = value.get(text_field).and_then(|v| v.as_str()) else {
        problems.push(format!("{at}: no string field {text_field:?}"));
        return (problems, None);
    };
    let id = field(id_field).unwrap_or_else(|| at.to_owned());
    let doc = Doc {
        key: ("id", id),
        url: field("url"),
        date: field("date").as_deref().and_then(parse_date),
        region: field("region"),
        text: text.to_owned(),
    };
    (problems, Some(doc))
}

impl Iterator for Stream {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(item);
            }
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            match self.pending.next()? {
                Input::Stdin => self.read_doc("-".into(), Ok(std::io::stdin())),
                Input::Path(p) if p.is_dir() => {
                    let mut files = Vec::new();
                    let mut w = Vec::new();
                    txt_files(&p, &mut files, &mut w);
                    self.queue.extend(w.into_iter().map(Item::Bad));
                    for f in files {
                        self.read_doc(f.display().to_string(), std::fs::File::open(&f));
                    }
                }
                Input::Path(p) => self.read_doc(p.display().to_string(), std::fs::File::open(&p)),
                Input::Jsonl(path) => {
                    let (name, reader): (String, Box<dyn BufRead>) = match path {
                        None => ("-".into(), Box::new(BufReader::new(std::io::stdin()))),
                        Some(p) => match std::fs::File::open(&p) {
                            Ok(f) => (
                                p.display().to_string(),
                                Box::new(BufReader::with_capacity(1 << 20, f)),
                            ),
                            Err(e) => {
                                self.queue
                                    .push_back(Item::Bad(format!("{}: {e}", p.display())));
                                continue;
                            }
                        },
                    };
                    self.jsonl = Some((name, reader, 0));
                }
            }
        }
    }
}

/// Documents at least this large are processed alone, their lines written as they come
/// (a 200 MB file never holds its output in memory).
const BIG_DOC: usize = 16 << 20;

/// Runs `process` over every document of `args`, in parallel batches, writing the lines
/// in input order; prints warnings, a progress bar on a terminal and a summary.
pub fn run(
    args: &Args,
    header: Option<&str>,
    process: impl Fn(&Doc, &mut dyn FnMut(String)) + Sync,
) -> ExitCode {
    let jobs = match args.value("--jobs").map(str::parse::<usize>) {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("--jobs wants a positive number");
            return ExitCode::from(2);
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("cannot start {jobs} threads: {e}");
            return ExitCode::from(2);
        }
    };
    let text_field = args.value("--text-field").unwrap_or("text");
    let id_field = args.value("--id-field").unwrap_or("id");
    let inputs: Vec<Input> = args
        .inputs
        .iter()
        .map(|i| match i {
            Input::Path(p) => Input::Path(p.clone()),
            Input::Stdin => Input::Stdin,
            Input::Jsonl(p) => Input::Jsonl(p.clone()),
        })
        .collect();
    let mut stream = Stream::new(inputs);
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed_precise}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if let Some(h) = header {
        if writeln!(out, "{h}").is_err() {
            return ExitCode::from(1);
        }
    }
    let started = Instant::now();
    let (mut docs, mut records, mut errors, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    // Batches bound memory: a few thousand documents or 64 MB of text in flight.
    let batch_docs = 256 * jobs;
    let batch_bytes = 64 << 20;
    // What a batch holds: documents read, and JSON lines to parse with the work.
    enum Pending {
        Doc(Doc),
        Line { at: String, bytes: Vec<u8> },
    }
    let mut big: Option<Doc> = None;
    loop {
        let mut batch = Vec::new();
        let mut batch_len = 0;
        if big.is_none() {
            for item in stream.by_ref() {
                match item {
                    Item::Doc(d) if d.text.len() >= BIG_DOC => {
                        big = Some(d);
                        break;
                    }
                    Item::Doc(d) => {
                        batch_len += d.text.len();
                        batch.push(Pending::Doc(d));
                    }
                    Item::Line { at, bytes } => {
                        batch_len += bytes.len();
                        batch.push(Pending::Line { at, bytes });
                    }
                    Item::Bad(w) => {
                        errors += 1;
                        warn(&progress, &w);
                    }
                    Item::Warn(w) => warn(&progress, &w),
                }
                if batch.len() >= batch_docs || batch_len >= batch_bytes {
                    break;
                }
            }
        }
        if batch.is_empty() {
            // A big document alone: lines go out as they are found.
            let Some(doc) = big.take() else { break };
            let mut failed = false;
            process(&doc, &mut |line| {
                records += 1;
                failed |= writeln!(out, "{line}").is_err();
            });
            if failed {
                return ExitCode::from(1);
            }
            docs += 1;
            bytes += doc.text.len();
        } else {
            // (problems, output lines, text bytes, whether it was a document) of each
            // item, in order.
            let outputs: Vec<(Vec<String>, Vec<String>, usize, bool)> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|p| {
                        let (problems, doc) = match p {
                            Pending::Doc(d) => (Vec::new(), Some(d)),
                            Pending::Line { at, bytes } => {
                                parse_line(&at, bytes, text_field, id_field)
                            }
                        };
                        let mut lines = Vec::new();
                        let len = doc.as_ref().map_or(0, |d| d.text.len());
                        if let Some(d) = &doc {
                            process(d, &mut |l| lines.push(l));
                        }
                        (problems, lines, len, doc.is_some())
                    })
                    .collect()
            });
            for (problems, lines, len, is_doc) in outputs {
                for w in problems {
                    errors += 1;
                    warn(&progress, &w);
                }
                docs += usize::from(is_doc);
                bytes += len;
                records += lines.len();
                for l in lines {
                    if writeln!(out, "{l}").is_err() {
                        // A closed pipe (head, less): stop quietly.
                        return ExitCode::from(1);
                    }
                }
            }
        }
        if let Some(bar) = &progress {
            bar.set_position(docs as u64);
            let secs = started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{:.1} MB, {:.1} MB/s",
                bytes as f64 / 1e6,
                bytes as f64 / 1e6 / secs
            ));
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "documents: {docs}, records: {records}, errors: {errors}, MB: {:.1}, seconds: {secs:.2}",
        bytes as f64 / 1e6
    );
    if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn warn(progress: &Option<ProgressBar>, w: &str) {
    match progress {
        Some(bar) => bar.suspend(|| eprintln!("warning: {w}")),
        None => eprintln!("warning: {w}"),
    }
}

/// The leading keys of every output line: `file` or `id`, and `url` when given.
pub fn head(doc: &Doc) -> serde_json::Map<String, serde_json::Value> {
    let mut m = serde_json::Map::new();
    m.insert(doc.key.0.into(), doc.key.1.clone().into());
    if let Some(u) = &doc.url {
        m.insert("url".into(), u.clone().into());
    }
    m
}

/// The document's leading keys as the start of a JSON object (`{"file":"a.txt"`), to
/// be written once per document and completed by [`json_line`] for each record.
pub fn json_head(doc: &Doc) -> String {
    let mut head = serde_json::Value::Object(head(doc)).to_string();
    head.pop(); // the closing brace
    head
}

/// A JSON line: the document's leading keys (`json_head`), then the record's own keys,
/// written straight from the record's serialization (no intermediate JSON tree).
pub fn json_line<T: serde::Serialize>(head: &str, record: &T) -> String {
    let body = serde_json::to_string(record).unwrap_or_else(|_| "{}".into());
    let mut line = String::with_capacity(head.len() + body.len() + 1);
    line.push_str(head);
    match body.strip_prefix('{') {
        Some(rest) if rest != "}" => {
            line.push(',');
            line.push_str(rest);
        }
        _ => line.push('}'),
    }
    line
}

/// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
pub fn csv_field(v: &serde_json::Value) -> String {
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

/// The output format of `--format`.
pub fn format(args: &Args) -> Result<Format, String> {
    match args.value("--format") {
        None | Some("jsonl") => Ok(Format::Jsonl),
        Some("csv") => Ok(Format::Csv),
        Some(other) => Err(format!("unknown format {other:?}, expected jsonl or csv")),
    }
}

/// Parses the command line and the output format, or prints the problem with `usage`
/// and gives the exit code.
pub fn args_or_exit(
    name: &str,
    usage: &str,
    takes_value: &[&str],
    known: &[&str],
) -> Result<(Args, Format), ExitCode> {
    let parsed = Args::parse(takes_value, known).and_then(|a| format(&a).map(|f| (a, f)));
    parsed.map_err(|e| {
        eprintln!("{name}: {e}\n{usage}");
        ExitCode::from(2)
    })
}
