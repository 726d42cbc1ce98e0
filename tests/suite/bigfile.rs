//! A file of 16 MiB and more is read by the examples a window at a time, its pieces in
//! parallel: the output is that of the whole text read at once, invalid UTF-8 across a
//! window's edge included.
//!
//! Runs the built binaries, as `examples.rs` does (`cargo test --all-features` builds
//! them first).

use super::examples::example;
use std::process::Command;

/// 17 MiB of a report's filler with a figure now and then: a character across the
/// first window's edge (8 MiB), bytes that are no UTF-8 across the second (16 MiB, where
/// the first read ends) and elsewhere.
fn big_file() -> Vec<u8> {
    let filler = "本县坚持精准扶贫精准脱贫基本方略,扎实推进各项工作。\n".as_bytes();
    let figures = [
        "2019年,全县建档立卡贫困人口由2861人减少到121人,贫困发生率降至0.5%。\n",
        "全縣貧困戶1200戶3500人,投入資金9.82億元。\n",
    ];
    let mut bytes = Vec::with_capacity(17 << 20);
    bytes.extend_from_slice("永和县2020年政府工作报告\n".as_bytes());
    let mut k = 0;
    while bytes.len() < 17 << 20 {
        for _ in 0..40 {
            bytes.extend_from_slice(filler);
        }
        bytes.extend_from_slice(figures[k % 2].as_bytes());
        k += 1;
    }
    let mut put = |at: usize, what: &[u8]| bytes[at..at + what.len()].copy_from_slice(what);
    put((8 << 20) - 1, "贫".as_bytes());
    put((16 << 20) - 1, b"\xe5\x8e!");
    put(12_000_000, b"\xff\xfe");
    bytes
}

/// The JSON lines the examples write for `records` of the file `name`.
fn lines<T: serde::Serialize>(name: &str, records: impl Iterator<Item = T>) -> String {
    let head = serde_json::to_string(&serde_json::json!({ "file": name })).unwrap();
    let head = head.trim_end_matches('}');
    records
        .map(|r| {
            let body = serde_json::to_string(&r).unwrap();
            format!("{head},{}\n", &body[1..])
        })
        .collect()
}

#[test]
fn a_big_file_streams_in_windows_with_the_output_of_the_whole() {
    let dir = std::env::temp_dir().join(format!("fupin-bigfile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.txt");
    let bytes = big_file();
    std::fs::write(&path, &bytes).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let name = path.to_str().unwrap();
    let bad = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
    let warning = format!("invalid UTF-8 at byte {bad},");
    let want_quantities = lines(name, fupin::quantities(&text));
    let want_indicators = lines(name, fupin::extract(&text));
    assert!(want_indicators.lines().count() > 1000);
    for jobs in ["1", "2"] {
        for (program, want) in [
            ("quantities", &want_quantities),
            ("extract", &want_indicators),
        ] {
            let out = Command::new(example(program))
                .args(["--jobs", jobs, name])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(stderr.contains(&warning), "{program}: {stderr}");
            assert_eq!(out.status.code(), Some(1), "{program}: {stderr}");
            let got = String::from_utf8(out.stdout).unwrap();
            assert!(got == *want, "{program} --jobs {jobs}: output differs");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
