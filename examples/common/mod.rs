//! Input handling shared by the `quantities` and `extract` examples: the command line
//! (clap), files, folders (walkdir), JSON Lines corpora and standard input, processed in
//! parallel batches with output in input order, a progress bar on a terminal, and a
//! summary at the end.

// Shared by two examples, each of which uses only part of it.
#![allow(dead_code)]

use clap::{Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The sample report bundled with the crate, read when no input is given.
pub const SAMPLE: &str = include_str!("../data/sample.txt");

/// Where the bundled sample is, as named in the output.
pub const SAMPLE_NAME: &str = "examples/data/sample.txt";

/// One document: where it came from and its text.
pub struct Doc {
    /// `("file", path)` or `("id", id)`.
    pub key: (&'static str, String),
    pub url: Option<String>,
    /// The date of a JSON Lines `date` field, for relative years.
    pub date: Option<Date>,
    /// The record had a `date` that could not be read (reported): no other date is
    /// used for it, as a wrong year is worse than none.
    pub date_invalid: bool,
    /// The place the document is about, from a JSON Lines `region` field (a name or a
    /// six-digit code).
    pub region: Option<String>,
    pub text: String,
}

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON Lines, one object a line.
    Jsonl,
    /// CSV with a header line.
    Csv,
}

/// The options every example takes (flattened into each example's own).
#[derive(clap::Args, Debug)]
pub struct Common {
    /// Files, folders (every `.txt` below them, in any case, sorted; links followed,
    /// loops reported) or `-` (standard input as one document), read in the order given.
    /// With none: standard input when something is piped in, else the bundled sample.
    #[arg(value_name = "FILE|FOLDER|-")]
    pub inputs: Vec<PathBuf>,
    /// A JSON Lines corpus, one object a line with a `text` field and optionally `id`,
    /// `date` (YYYY-MM-DD) and `url`; `-` for standard input. May be repeated.
    #[arg(long, value_name = "FILE|-")]
    pub jsonl: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// The JSON Lines field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// The JSON Lines field holding the document's id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
}

/// One input, in command-line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file, or every `.txt` below a folder.
    Path(PathBuf),
    /// `-`, or nothing named and text piped in: standard input as one document.
    Stdin,
    /// `--jsonl FILE` or `--jsonl -`: one document a line.
    Jsonl(Option<PathBuf>),
    /// Nothing named and nothing piped in: the bundled sample.
    Sample,
}

/// Parses the command line of an example whose options flatten [`Common`] under the
/// field `common`; prints help, version or the problem and exits as clap does (status 2
/// for a usage error). Returns the options and the inputs in command-line order.
pub fn parse_args<T: Parser>() -> (T, Vec<Input>) {
    let matches = T::command()
        .args_override_self(true)
        .get_matches_from(std::env::args_os());
    let cli = T::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let mut order: Vec<(usize, Input)> = Vec::new();
    if let (Some(at), Some(paths)) = (
        matches.indices_of("inputs"),
        matches.get_many::<PathBuf>("inputs"),
    ) {
        order.extend(at.zip(paths).map(|(i, p)| {
            let input = if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            };
            (i, input)
        }));
    }
    if let (Some(at), Some(paths)) = (
        matches.indices_of("jsonl"),
        matches.get_many::<PathBuf>("jsonl"),
    ) {
        order.extend(
            at.zip(paths)
                .map(|(i, p)| (i, Input::Jsonl((p.as_os_str() != "-").then(|| p.clone())))),
        );
    }
    order.sort_by_key(|(i, _)| *i);
    let mut inputs: Vec<Input> = order.into_iter().map(|(_, input)| input).collect();
    if inputs.is_empty() {
        if stdin_has_data() {
            inputs.push(Input::Stdin);
        } else {
            eprintln!(
                "note: no input named and nothing piped in: reading the bundled sample \
                 {SAMPLE_NAME} (name files or folders, or `-` for standard input; --help)"
            );
            inputs.push(Input::Sample);
        }
    }
    (cli, inputs)
}

/// Whether standard input brings text: a pipe, a file or a socket; not a terminal, and
/// not a character device such as `/dev/null` (what CI jobs and daemons often get).
fn stdin_has_data() -> bool {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
            return false; // closed
        };
        match std::fs::File::from(fd).metadata() {
            Ok(m) => {
                let t = m.file_type();
                t.is_fifo() || t.is_file() || t.is_socket()
            }
            Err(_) => false,
        }
    }
    #[cfg(not(unix))]
    {
        true
    }
}

/// Reads a calendar date, `YYYY-MM-DD` (or with `/`, or one-digit month and day), with
/// anything after a `T` or a space ignored (a timestamp). Dates that do not exist
/// (2019-02-31) are refused with jiff's reason.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let day = s.split(['T', ' ']).next().unwrap_or(s);
    let mut parts = day.splitn(3, ['-', '/']);
    let mut number = |what: &str| {
        let p = parts.next().unwrap_or("");
        p.parse::<i16>()
            .map_err(|_| format!("{s:?} is not a date YYYY-MM-DD ({what} {p:?})"))
    };
    let (y, m, d) = (number("year")?, number("month")?, number("day")?);
    let (m, d) = match (i8::try_from(m), i8::try_from(d)) {
        (Ok(m), Ok(d)) => (m, d),
        _ => return Err(format!("{s:?} is not a date: month or day out of range")),
    };
    Date::new(y, m, d).map_err(|e| format!("{s:?} is not a date: {e}"))
}

/// `(year, month, day)` for [`fupin::Extractor::date`].
pub fn ymd(d: Date) -> (i32, u8, u8) {
    // Month and day of a valid date are positive and small.
    let small = |v: i8| u8::try_from(v).unwrap_or(1);
    (i32::from(d.year()), small(d.month()), small(d.day()))
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

/// Whether a file name ends in `.txt`, in any case (`.TXT`, `.Txt`).
pub fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("txt"))
}

/// Every `.txt` file below `dir` (any case), depth first, sorted by name in each folder.
/// Symbolic links are followed; a link back to a folder being walked is a loop, reported
/// as a warning with both paths and not entered again, so no file is read twice through
/// it. Links that lead nowhere (dangling, or a cycle of links) are warnings; other
/// problems (a folder that cannot be read) are errors.
pub fn txt_files(dir: &Path) -> (Vec<PathBuf>, Vec<Item>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            Ok(e) => {
                if e.file_type().is_file() && is_txt(e.path()) {
                    files.push(e.into_path());
                }
            }
            Err(e) => {
                let path = e.path().map_or_else(|| dir.to_owned(), Path::to_owned);
                if let Some(ancestor) = e.loop_ancestor() {
                    problems.push(Item::Warn(format!(
                        "{}: link loop: it leads back to {}, not followed again",
                        path.display(),
                        ancestor.display()
                    )));
                } else if path.is_symlink() && !path.exists() {
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    problems.push(Item::Warn(format!(
                        "{}: link cannot be followed ({why}), skipped",
                        path.display()
                    )));
                } else {
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    problems.push(Item::Bad(format!("{}: {why}", path.display())));
                }
            }
        }
    }
    (files, problems)
}

/// One item of the input stream: a document, or a problem to report. A `Bad` item
/// counts as an error; a document read with invalid UTF-8 gives a `Bad` item and is
/// still read, lossily.
pub enum Item {
    Doc(Doc),
    /// A document of at least [`BIG_DOC`] bytes, read a window at a time: its first
    /// bytes, and the rest still to read.
    Long {
        name: String,
        head: Vec<u8>,
        rest: Box<dyn Read>,
    },
    Bad(String),
    /// A warning that counts no error (an empty line in a JSON Lines file, a link loop).
    Warn(String),
    /// A JSON Lines record not parsed yet, with its location.
    Line {
        at: String,
        bytes: Vec<u8>,
    },
}

/// The documents of all inputs, in order, read lazily (a JSON Lines corpus streams).
pub struct Stream {
    queue: VecDeque<Item>,
    pending: std::vec::IntoIter<Input>,
    jsonl: Option<(String, Box<dyn BufRead>, usize)>,
}

impl Stream {
    pub fn new(inputs: Vec<Input>) -> Stream {
        Stream {
            queue: VecDeque::new(),
            pending: inputs.into_iter(),
            jsonl: None,
        }
    }

    /// Reads one whole document (a file or standard input) named `name`; one of
    /// [`BIG_DOC`] bytes or more is left to be read a window at a time.
    fn read_doc(&mut self, name: String, reader: std::io::Result<impl Read + 'static>) {
        let mut bytes = Vec::new();
        let mut reader = match reader {
            Ok(r) => r,
            Err(e) => return self.queue.push_back(Item::Bad(format!("{name}: {e}"))),
        };
        match reader.by_ref().take(BIG_DOC as u64).read_to_end(&mut bytes) {
            Ok(n) if n >= BIG_DOC => {
                let rest = Box::new(reader);
                self.queue.push_back(Item::Long {
                    name,
                    head: bytes,
                    rest,
                });
            }
            Ok(_) => {
                let mut w = Vec::new();
                let text = lossy(bytes, &name, &mut w);
                self.queue.extend(w.into_iter().map(Item::Bad));
                self.queue.push_back(Item::Doc(Doc::file(name, text)));
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

impl Doc {
    fn file(name: String, text: String) -> Doc {
        Doc {
            key: ("file", name),
            url: None,
            date: None,
            date_invalid: false,
            region: None,
            text,
        }
    }
}

/// A JSON Lines record as a document, and the problems found on the way (each counts
/// as an error; a document read with invalid UTF-8, or with a date that does not exist,
/// is still read).
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
    let (date, date_invalid) = match field("date").map(|d| parse_date(&d)) {
        None => (None, false),
        Some(Ok(d)) => (Some(d), false),
        Some(Err(e)) => {
            problems.push(format!("{at}: date: {e}; read with no date"));
            (None, true)
        }
    };
    let doc = Doc {
        key: ("id", id),
        url: field("url"),
        date,
        date_invalid,
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
                Input::Sample => {
                    let doc = Doc::file(SAMPLE_NAME.into(), SAMPLE.into());
                    self.queue.push_back(Item::Doc(doc));
                }
                Input::Stdin => self.read_doc("-".into(), Ok(std::io::stdin())),
                Input::Path(p) if p.is_dir() => {
                    let (files, problems) = txt_files(&p);
                    self.queue.extend(problems);
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

/// Where a document's records go: whole lines (with their line ends) into `buf`,
/// counted in `records`. With a `spill`, the lines go on to it as `buf` fills (a big
/// document's output is not held in memory).
#[derive(Default)]
pub struct Out<'a> {
    pub buf: Vec<u8>,
    pub records: usize,
    spill: Option<&'a mut dyn Write>,
    /// Writing to the spill failed (a closed pipe).
    failed: bool,
}

impl Out<'_> {
    /// Adds one line (without its line end).
    pub fn line(&mut self, line: &[u8]) {
        self.buf.extend_from_slice(line);
        self.buf.push(b'\n');
        self.records += 1;
        self.spill_if_full();
    }

    /// Adds one CSV record (RFC 4180 quoting where needed).
    pub fn csv<I, F>(&mut self, fields: I)
    where
        I: IntoIterator<Item = F>,
        F: AsRef<[u8]>,
    {
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .buffer_capacity(512)
            .from_writer(&mut self.buf);
        // Writing into memory cannot fail.
        let _ = w.write_record(fields);
        let _ = w.flush();
        drop(w);
        self.records += 1;
        self.spill_if_full();
    }

    fn spill_if_full(&mut self) {
        if let Some(w) = &mut self.spill {
            if self.buf.len() >= 1 << 16 {
                self.failed |= w.write_all(&self.buf).is_err();
                self.buf.clear();
            }
        }
    }
}

/// Documents at least this large are read a window at a time and processed alone, their
/// pieces in parallel, their lines written as they come (a file larger than memory is
/// never held whole, nor its output).
pub const BIG_DOC: usize = 16 << 20;

/// How much text of a big document is read at a time.
const WINDOW: usize = 8 << 20;

/// What an example does with a document.
pub trait Work: Sync {
    /// Writes the records of one whole document.
    fn doc(&self, doc: &Doc, out: &mut Out<'_>);
    /// How a big document is cut into pieces (with the document's date and region).
    fn pieces(&self, doc: &Doc) -> fupin::Pieces;
    /// Writes the records of one piece of a big document.
    fn piece(&self, doc: &Doc, piece: &fupin::Piece<'_>, out: &mut Out<'_>);
}

/// Moves the text of `raw[..take]` onto `text`, invalid UTF-8 replaced as
/// `String::from_utf8_lossy` replaces it in the whole document: a sequence cut short at
/// the end is kept in `raw` for the next call, unless `all` (the document ends there).
/// Returns the offset in `raw` of the first invalid byte.
fn decode(
    raw: &mut Vec<u8>,
    take: usize,
    all: bool,
    text: &mut String,
    pool: &rayon::ThreadPool,
) -> Option<usize> {
    // Cut before a character's first byte (at most three bytes back), so that valid
    // text is checked once.
    let take = if all {
        raw.len()
    } else {
        char_start(raw, take.min(raw.len()))
    };
    let bytes = raw.get(..take).unwrap_or(raw);
    // Valid text (nearly all) is checked in parts on the pool, so that the thread that
    // reads does little while the pieces wait.
    if let Some(parts) = valid_parts(bytes, pool) {
        parts.iter().for_each(|p| text.push_str(p));
        raw.drain(..take);
        return None;
    }
    let mut pos = 0;
    let mut bad = None;
    while let Some(rest) = bytes.get(pos..).filter(|r| !r.is_empty()) {
        let e = match std::str::from_utf8(rest) {
            Ok(valid) => {
                text.push_str(valid);
                pos = bytes.len();
                break;
            }
            Err(e) => e,
        };
        let valid = e.valid_up_to();
        text.push_str(std::str::from_utf8(rest.get(..valid).unwrap_or(&[])).unwrap_or_default());
        let at = pos + valid;
        pos = match e.error_len() {
            Some(n) => at + n,
            None if all => bytes.len(),
            // Cut short by the window: the rest comes with the next.
            None => {
                pos = at;
                break;
            }
        };
        bad.get_or_insert(at);
        text.push('\u{FFFD}');
    }
    raw.drain(..pos);
    bad
}

/// `at`, or up to three bytes before it, where a character starts (`at` when none does).
fn char_start(bytes: &[u8], at: usize) -> usize {
    let floor = at.saturating_sub(3).max(1);
    let mut k = at;
    while k > floor && bytes.get(k).is_some_and(|b| b & 0xC0 == 0x80) {
        k -= 1;
    }
    if bytes.get(k).is_some_and(|b| b & 0xC0 == 0x80) {
        at
    } else {
        k
    }
}

/// `bytes` as text in parts of about 1 MiB, checked on `pool`; `None` when some part is
/// not valid UTF-8 (the caller then reads it the careful way).
fn valid_parts<'b>(bytes: &'b [u8], pool: &rayon::ThreadPool) -> Option<Vec<&'b str>> {
    const PART: usize = 1 << 20;
    let mut cuts = vec![0];
    while let Some(&last) = cuts.last() {
        if bytes.len() - last <= PART {
            break;
        }
        let cut = char_start(bytes, last + PART);
        cuts.push(cut.max(last + 1));
    }
    cuts.push(bytes.len());
    pool.install(|| {
        cuts.par_windows(2)
            .map(|w| std::str::from_utf8(bytes.get(w[0]..w[1])?).ok())
            .collect()
    })
}

/// Runs `work` over every document of `inputs`, in parallel batches, writing the
/// output in input order; prints warnings, a progress bar on a terminal and a summary.
/// `header` is the CSV header, written first. A big document is read a window at a
/// time, its pieces in parallel.
pub fn run(
    common: &Common,
    inputs: Vec<Input>,
    header: Option<&[&str]>,
    work: &impl Work,
) -> ExitCode {
    let jobs = common.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    // The threads start when there is work for more than one (a batch of several
    // documents, a big document): a single short document is read on this thread,
    // without the cost of starting them.
    let pool_cell = std::cell::OnceCell::new();
    let pool = || -> Result<&rayon::ThreadPool, ExitCode> {
        if let Some(p) = pool_cell.get() {
            return Ok(p);
        }
        match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
            Ok(p) => Ok(pool_cell.get_or_init(|| p)),
            Err(e) => {
                eprintln!("cannot start {jobs} threads: {e}");
                Err(ExitCode::from(2))
            }
        }
    };
    let text_field = common.text_field.as_str();
    let id_field = common.id_field.as_str();
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
        let mut line = Out::default();
        line.csv(h);
        if out.write_all(&line.buf).is_err() {
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
    // A big document: what it is, its first bytes, and the rest to read.
    let mut big: Option<(Doc, Vec<u8>, Box<dyn Read>)> = None;
    loop {
        let mut batch = Vec::new();
        let mut batch_len = 0;
        if big.is_none() {
            for item in stream.by_ref() {
                match item {
                    Item::Doc(mut d) if d.text.len() >= BIG_DOC => {
                        let text = std::mem::take(&mut d.text).into_bytes();
                        big = Some((d, text, Box::new(std::io::empty())));
                        break;
                    }
                    Item::Long { name, head, rest } => {
                        big = Some((Doc::file(name, String::new()), head, rest));
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
            // A big document alone: its output goes out as it is found, in pieces.
            let Some((doc, head, rest)) = big.take() else {
                break;
            };
            let pool = match pool() {
                Ok(p) => p,
                Err(code) => return code,
            };
            let mut long = Long {
                work,
                pool,
                group: 16 * jobs,
                doc: &doc,
                progress: &progress,
                records: 0,
                bytes: 0,
                errors: 0,
            };
            let written = long.run(head, rest, &mut out);
            (records, bytes, errors) = (
                records + long.records,
                bytes + long.bytes,
                errors + long.errors,
            );
            if !written {
                return ExitCode::from(1);
            }
            docs += 1;
        } else {
            // What each item of the batch gave, in order.
            struct Done {
                problems: Vec<String>,
                lines: Vec<u8>,
                records: usize,
                /// Text bytes read, and whether it was a document.
                bytes: usize,
                is_doc: bool,
            }
            let one = |p: Pending| {
                let (problems, doc) = match p {
                    Pending::Doc(d) => (Vec::new(), Some(d)),
                    Pending::Line { at, bytes } => parse_line(&at, bytes, text_field, id_field),
                };
                let mut sink = Out::default();
                if let Some(d) = &doc {
                    work.doc(d, &mut sink);
                }
                Done {
                    problems,
                    lines: sink.buf,
                    records: sink.records,
                    bytes: doc.as_ref().map_or(0, |d| d.text.len()),
                    is_doc: doc.is_some(),
                }
            };
            let outputs: Vec<Done> = if batch.len() == 1 || jobs == 1 {
                batch.into_iter().map(one).collect()
            } else {
                match pool() {
                    Ok(p) => p.install(|| batch.into_par_iter().map(one).collect()),
                    Err(code) => return code,
                }
            };
            for done in outputs {
                for w in done.problems {
                    errors += 1;
                    warn(&progress, &w);
                }
                docs += usize::from(done.is_doc);
                bytes += done.bytes;
                records += done.records;
                let lines = done.lines;
                if out.write_all(&lines).is_err() {
                    // A closed pipe (head, less): stop quietly.
                    return ExitCode::from(1);
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

/// One big document read a window at a time: [`WINDOW`] bytes of text, cut into the
/// pieces its whole would be read in, `group` pieces at a time processed in parallel
/// and written in order. Output as for the document read whole.
struct Long<'a, W: Work> {
    work: &'a W,
    pool: &'a rayon::ThreadPool,
    group: usize,
    doc: &'a Doc,
    progress: &'a Option<ProgressBar>,
    records: usize,
    bytes: usize,
    errors: usize,
}

impl<W: Work> Long<'_, W> {
    /// Reads `head` then `rest` to the end; false when the output cannot be written.
    fn run(&mut self, mut raw: Vec<u8>, mut rest: Box<dyn Read>, out: &mut impl Write) -> bool {
        let name = &self.doc.key.1;
        let mut pieces = self.work.pieces(self.doc);
        let mut text = String::new();
        let mut eof = false;
        // Bytes of the input decoded so far, for the place of invalid UTF-8.
        let mut decoded = 0;
        let mut warned = false;
        // The output buffers of the last group of pieces, reused: a fresh one per piece
        // cost a page fault per 4 KiB written.
        let mut spare: Vec<Vec<u8>> = Vec::new();
        loop {
            while text.len() < WINDOW && !(eof && raw.is_empty()) {
                if raw.len() < WINDOW && !eof {
                    match rest.by_ref().take(WINDOW as u64).read_to_end(&mut raw) {
                        Ok(0) => eof = true,
                        Ok(_) => {}
                        Err(e) => {
                            self.errors += 1;
                            warn(self.progress, &format!("{name}: {e}"));
                            eof = true;
                        }
                    }
                }
                let take = raw.len().min(WINDOW);
                let all = eof && take == raw.len();
                let before = raw.len();
                if let Some(at) = decode(&mut raw, take, all, &mut text, self.pool) {
                    if !warned {
                        warned = true;
                        self.errors += 1;
                        let at = decoded + at;
                        warn(
                            self.progress,
                            &format!(
                                "{name}: invalid UTF-8 at byte {at}, read with U+FFFD in its place"
                            ),
                        );
                    }
                }
                decoded += before - raw.len();
            }
            let last = eof && raw.is_empty();
            let cut = pieces.cut(&text, last);
            let used: usize = cut.iter().map(|p| p.text().len()).sum();
            for group in cut.chunks(self.group.max(1)) {
                spare.resize_with(group.len(), Vec::new);
                let outs: Vec<(Vec<u8>, usize)> = self.pool.install(|| {
                    group
                        .par_iter()
                        .zip(spare.par_drain(..))
                        .map(|(p, mut buf)| {
                            buf.clear();
                            let mut sink = Out {
                                buf,
                                ..Out::default()
                            };
                            self.work.piece(self.doc, p, &mut sink);
                            (sink.buf, sink.records)
                        })
                        .collect()
                });
                for (lines, found) in outs {
                    self.records += found;
                    if out.write_all(&lines).is_err() {
                        return false;
                    }
                    spare.push(lines);
                }
            }
            drop(cut);
            self.bytes += used;
            text.drain(..used);
            if last {
                return true;
            }
        }
    }
}

fn warn(progress: &Option<ProgressBar>, w: &str) {
    match progress {
        Some(bar) => bar.suspend(|| eprintln!("warning: {w}")),
        None => eprintln!("warning: {w}"),
    }
}

/// The document's leading keys as the start of a JSON object (`{"file":"a.txt"`, with
/// `url` when given), to be written once per document and completed by [`json_line`]
/// for each record.
pub fn json_head(doc: &Doc) -> String {
    let mut m = serde_json::Map::new();
    m.insert(doc.key.0.into(), doc.key.1.clone().into());
    if let Some(u) = &doc.url {
        m.insert("url".into(), u.clone().into());
    }
    let mut head = serde_json::Value::Object(m).to_string();
    head.pop(); // the closing brace
    head
}

/// A JSON line: the document's leading keys (`json_head`), then the record's own keys,
/// written straight from the record's serialization (no intermediate JSON tree).
pub fn json_line<T: serde::Serialize>(out: &mut Out, head: &str, record: &T) {
    out.buf.extend_from_slice(head.as_bytes());
    let body = out.buf.len();
    if serde_json::to_writer(&mut out.buf, record).is_err() {
        out.buf.truncate(body);
        out.buf.extend_from_slice(b"{}");
    }
    // The record's `{` becomes a `,` after the head; an empty record closes it.
    if out.buf.len() - body == 2 {
        out.buf.truncate(body);
        out.buf.push(b'}');
    } else if let Some(b) = out.buf.get_mut(body) {
        *b = b',';
    }
    out.buf.push(b'\n');
    out.records += 1;
    out.spill_if_full();
}

/// The CSV fields of a document's leading keys: `file`, `id`, `url`.
pub fn csv_head(doc: &Doc) -> [&str; 3] {
    let (k, v) = (&doc.key.0, doc.key.1.as_str());
    [
        if *k == "file" { v } else { "" },
        if *k == "id" { v } else { "" },
        doc.url.as_deref().unwrap_or(""),
    ]
}
