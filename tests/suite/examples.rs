//! The example programs as a user runs them: folders with link loops, `.TXT` files,
//! piped input, impossible dates, `parse` on a missing file and on invalid UTF-8, and
//! CSV that keeps every key of the JSON.
//!
//! These run the built binaries (`target/<profile>/examples/…`), which
//! `cargo test --all-features` builds before it runs the tests; a targeted run needs
//! `cargo build --examples --all-features` first.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The built example `name`, beside the test binary's `deps` folder.
pub(super) fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let profile = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps");
    let path = profile
        .join("examples")
        .join(name)
        .with_extension(std::env::consts::EXE_EXTENSION);
    assert!(
        path.exists(),
        "{} is missing: build the examples first (cargo build --examples --all-features)",
        path.display()
    );
    path
}

/// A fresh, empty folder under the system's temporary folder, removed when dropped
/// (also when the test fails).
struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(tag: &str) -> Scratch {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "fupin-examples-{}-{tag}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    Scratch(dir)
}

/// Runs an example with `stdin` (`None`: `/dev/null`), failing the test if it runs for
/// more than a minute (a link loop used to hang `extract`).
fn run(name: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(example(name))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("example starts");
    // Read the pipes on threads so that a full pipe cannot stall the child.
    let mut out = child.stdout.take().expect("stdout pipe");
    let mut err = child.stderr.take().expect("stderr pipe");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).map(|_| v)
    });
    if let Some(bytes) = stdin {
        // Dropped at the end of this block: the program sees the end of its input.
        let mut pipe = child.stdin.take().expect("stdin pipe");
        // A program that stops early (a usage error) closes the pipe: not a failure.
        match pipe.write_all(bytes) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
            _ => {}
        }
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{name} {args:?} ran for over a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: out.join().expect("stdout thread").expect("stdout"),
        stderr: err.join().expect("stderr thread").expect("stderr"),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The JSON objects of an output, one a line.
fn objects(out: &Output) -> Vec<serde_json::Map<String, serde_json::Value>> {
    text(&out.stdout)
        .lines()
        .map(|l| match serde_json::from_str(l) {
            Ok(serde_json::Value::Object(m)) => m,
            other => panic!("not a JSON object: {l} ({other:?})"),
        })
        .collect()
}

/// How many output lines name `file`.
fn lines_of(out: &Output, file: &Path) -> usize {
    let file = file.display().to_string();
    objects(out)
        .iter()
        .filter(|o| o.get("file").and_then(|f| f.as_str()) == Some(file.as_str()))
        .count()
}

const REPORT: &str = "2019年全县建档立卡贫困人口5767户10473人,贫困发生率由17.3%下降到0.5%。";

#[cfg(unix)]
#[test]
fn a_loop_of_links_is_reported_and_every_file_read_once() {
    use std::os::unix::fs::symlink;
    let dir = scratch("loop");
    std::fs::write(dir.join("a.txt"), REPORT).unwrap();
    symlink("loop2", dir.join("loop1")).unwrap();
    symlink("loop1", dir.join("loop2")).unwrap();
    let out = run("quantities", &[dir.to_str().unwrap()], None);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert_eq!(lines_of(&out, &dir.join("a.txt")), 4, "{err}");
    for link in ["loop1", "loop2"] {
        let named = format!("{}: link cannot be followed", dir.join(link).display());
        assert!(err.contains(&named), "{err}");
    }
}

#[cfg(unix)]
#[test]
fn a_link_back_to_the_folder_reads_no_file_again() {
    use std::os::unix::fs::symlink;
    let dir = scratch("back");
    std::fs::create_dir(dir.join("sub")).unwrap();
    std::fs::write(dir.join("a.txt"), REPORT).unwrap();
    std::fs::write(dir.join("sub/b.txt"), REPORT).unwrap();
    // One relative link to the parent, one absolute link to the folder itself.
    symlink("..", dir.join("sub/up")).unwrap();
    symlink(&dir, dir.join("sub/again")).unwrap();
    let out = run("extract", &[dir.to_str().unwrap()], None);
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    let per_file = lines_of(
        &run("extract", &[dir.join("a.txt").to_str().unwrap()], None),
        &dir.join("a.txt"),
    );
    assert!(per_file > 0);
    assert_eq!(lines_of(&out, &dir.join("a.txt")), per_file, "{err}");
    assert_eq!(lines_of(&out, &dir.join("sub/b.txt")), per_file, "{err}");
    assert_eq!(objects(&out).len(), 2 * per_file, "{err}");
    for link in ["sub/up", "sub/again"] {
        let named = format!("{}: link loop", dir.join(link).display());
        assert!(err.contains(&named), "{err}");
    }
}

#[test]
fn txt_files_are_read_whatever_the_case_of_their_extension() {
    let dir = scratch("case");
    for name in ["A.TXT", "b.Txt", "c.txt", "d.md", "e.txt.bak"] {
        std::fs::write(dir.join(name), "全县脱贫1500人。").unwrap();
    }
    let out = run("quantities", &[dir.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let files: Vec<String> = objects(&out)
        .iter()
        .map(|o| o["file"].as_str().unwrap().to_owned())
        .collect();
    let want: Vec<String> = ["A.TXT", "b.Txt", "c.txt"]
        .iter()
        .map(|n| dir.join(n).display().to_string())
        .collect();
    assert_eq!(files, want);
}

#[test]
fn piped_text_is_read_without_a_dash() {
    let out = run("quantities", &[], Some("全县脱贫20人".as_bytes()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let got = objects(&out);
    assert_eq!(got.len(), 1, "{}", text(&out.stdout));
    assert_eq!(got[0]["file"], "-");
    assert_eq!(got[0]["value"], "20");
    assert!(!text(&out.stderr).contains("note:"));
    // The same with `-` named, and with the CSV of .ci/run.
    let dash = run("quantities", &["-"], Some("全县脱贫20人".as_bytes()));
    assert_eq!(dash.stdout, out.stdout);
    let csv = run(
        "quantities",
        &["--format", "csv"],
        Some("全县脱贫20人".as_bytes()),
    );
    assert!(
        text(&csv.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("-,,,20,")
    );
}

#[test]
fn with_nothing_piped_the_sample_is_read_with_a_note() {
    let out = run("extract", &[], None);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("note:") && err.contains("examples/data/sample.txt"),
        "{err}"
    );
    let got = objects(&out);
    assert!(got.len() > 10);
    assert!(got.iter().all(|o| o["file"] == "examples/data/sample.txt"));
}

#[test]
fn an_impossible_date_is_refused() {
    for bad in [
        "2019-02-31",
        "2019-13-01",
        "2019-00-10",
        "2019-02",
        "yesterday",
    ] {
        let out = run("extract", &["--date", bad, "-"], Some(REPORT.as_bytes()));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "--date {bad}: {err}");
        assert!(err.contains(bad) && err.contains("not a date"), "{err}");
        assert!(out.stdout.is_empty());
    }
    let leap = run(
        "extract",
        &["--date", "2020-02-29", "-"],
        Some(REPORT.as_bytes()),
    );
    assert!(leap.status.success(), "{}", text(&leap.stderr));
}

#[test]
fn an_impossible_date_in_a_corpus_is_reported_and_no_other_date_used() {
    let dir = scratch("dates");
    let corpus = dir.join("news.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"a\",\"date\":\"2019-02-31\",\"text\":\"今年全县脱贫1500人。\"}\n\
         {\"id\":\"b\",\"date\":\"2019-03-01\",\"text\":\"今年全县脱贫1500人。\"}\n",
    )
    .unwrap();
    let out = run(
        "extract",
        &["--date", "2017-06-01", "--jsonl", corpus.to_str().unwrap()],
        None,
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let at = format!("{}:1: date: \"2019-02-31\" is not a date", corpus.display());
    assert!(err.contains(&at), "{err}");
    let got = objects(&out);
    assert_eq!(got.len(), 2, "{}", text(&out.stdout));
    assert_eq!(got[0]["id"], "a");
    // Not 2017 from --date: the record's own date was wrong, so its year is unknown.
    assert_eq!(got[0]["period"], serde_json::Value::Null);
    assert_eq!(
        got[1]["period"],
        serde_json::json!({"start": 2019, "end": 2019})
    );
}

#[test]
fn help_and_version_are_answered() {
    for name in ["extract", "quantities", "parse"] {
        for flag in ["-h", "--help"] {
            let out = run(name, &[flag], None);
            assert!(out.status.success(), "{name} {flag}");
            assert!(text(&out.stdout).contains("Usage:"), "{name} {flag}");
        }
        let out = run(name, &["--version"], None);
        assert!(out.status.success());
        assert_eq!(
            text(&out.stdout).trim(),
            format!("{name} {}", env!("CARGO_PKG_VERSION"))
        );
    }
    let out = run("extract", &["--jobs", "0"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run("extract", &["--format", "xml"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn parse_names_a_missing_file() {
    let dir = scratch("missing");
    let missing = dir.join("no-such-file.txt");
    let out = run("parse", &[missing.to_str().unwrap()], None);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(&*missing.display().to_string()), "{err}");
    assert!(!err.contains("Os {"), "{err}");
}

#[test]
fn parse_goes_on_past_an_invalid_utf8_line() {
    let input: &[u8] = b"9.82\xe4\xba\xbf\xe5\x85\x83\n\xff\xfe\n\xe4\xb8\x80\xe7\x99\xbe\r\n";
    let dir = scratch("utf8");
    let file = dir.join("numerals.txt");
    std::fs::write(&file, input).unwrap();
    for (args, name) in [
        (vec![file.to_str().unwrap()], file.display().to_string()),
        (vec![], "-".to_owned()),
    ] {
        let out = run("parse", &args, Some(input));
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(&format!("{name}:2: invalid UTF-8")), "{err}");
        let got = objects(&out);
        assert_eq!(got.len(), 3, "{}", text(&out.stdout));
        assert_eq!(got[0]["value"], "982000000");
        assert!(got[1]["error"].as_str().unwrap().contains("invalid UTF-8"));
        assert_eq!(got[2]["input"], "一百");
        assert_eq!(got[2]["value"], "100");
    }
}

/// Every key of a JSON object, nested objects' keys joined with `_`, as CSV text.
fn flatten(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}_{k}")
                };
                flatten(&key, v, out);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        other => out.push((prefix.to_owned(), other.to_string())),
    }
}

#[test]
fn csv_keeps_every_key_of_the_json() {
    for (name, args) in [
        (
            "extract",
            vec!["examples/data/sample.txt", "examples/data/sample-trad.txt"],
        ),
        ("quantities", vec!["--damaged", "examples/data/sample.txt"]),
    ] {
        let json = run(name, &args, None);
        let mut csv_args = args.clone();
        csv_args.extend(["--format", "csv"]);
        let csv = run(name, &csv_args, None);
        assert!(json.status.success() && csv.status.success());
        let mut reader = csv::Reader::from_reader(&csv.stdout[..]);
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let objects = objects(&json);
        assert_eq!(rows.len(), objects.len());
        let mut previous_seen = false;
        for (row, obj) in rows.iter().zip(&objects) {
            let mut keys = Vec::new();
            flatten("", &serde_json::Value::Object(obj.clone()), &mut keys);
            previous_seen |= obj.contains_key("previous");
            for (k, v) in &keys {
                let col = header
                    .iter()
                    .position(|h| h == k)
                    .unwrap_or_else(|| panic!("{name}: JSON key {k} has no CSV column"));
                assert_eq!(&row[col], v, "{name}: column {k}");
            }
            // And no CSV cell holds what the JSON does not.
            for (h, cell) in header.iter().zip(row) {
                if !cell.is_empty() {
                    assert!(keys.iter().any(|(k, _)| k == h), "{name}: {h}={cell}");
                }
            }
        }
        assert!(name != "extract" || previous_seen);
    }
}

/// What the examples print reads back into the crate's records (the leading `file`, `id`
/// and `url` keys are ignored), and those records print the same JSON again.
#[test]
fn the_json_the_examples_print_reads_back() {
    let files = ["examples/data/sample.txt", "examples/data/sample-trad.txt"];
    let extract = run("extract", &files, None);
    let quantities = run("quantities", &["--damaged", files[0], files[1]], None);
    assert!(extract.status.success() && quantities.status.success());
    for (out, is_indicator) in [(&extract, true), (&quantities, false)] {
        let lines = text(&out.stdout);
        assert!(lines.lines().count() > 60);
        for line in lines.lines() {
            let (head, body) = line.split_once(',').unwrap();
            assert!(head.starts_with("{\"file\":"), "{line}");
            let again = if is_indicator {
                let ind: fupin::PovertyIndicator = serde_json::from_str(line).unwrap();
                serde_json::to_string(&ind).unwrap()
            } else {
                let q: fupin::Quantity<'static> = serde_json::from_str(line).unwrap();
                serde_json::to_string(&q).unwrap()
            };
            assert_eq!(again, format!("{{{body}"));
        }
    }
}

/// Files, folders and JSON Lines corpora are read, and printed, in command-line order,
/// `--jsonl=FILE` and `--jsonl FILE` alike; a repeated option takes its last value.
#[test]
fn inputs_keep_their_command_line_order() {
    let dir = scratch("order");
    let corpus = dir.join("news.jsonl");
    std::fs::write(
        &corpus,
        "{\"id\":\"n1\",\"date\":\"2020-05-01\",\"text\":\"去年全县脱贫1500人。\"}\n",
    )
    .unwrap();
    let file = dir.join("a.txt");
    std::fs::write(&file, "全县脱贫20人。").unwrap();
    let jsonl_eq = format!("--jsonl={}", corpus.display());
    let args = [
        jsonl_eq.as_str(),
        file.to_str().unwrap(),
        "--jsonl",
        corpus.to_str().unwrap(),
        "--format",
        "csv",
        "--format",
        "jsonl",
    ];
    let out = run("quantities", &args, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let keys: Vec<String> = objects(&out)
        .iter()
        .map(|o| format!("{}", o.get("id").or(o.get("file")).unwrap()))
        .collect();
    let file_key = format!("{:?}", file.display().to_string());
    assert_eq!(keys, ["\"n1\"", file_key.as_str(), "\"n1\""]);
}
