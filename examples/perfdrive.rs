//! Scratch driver (not committed): runs fupin over a file, prints only counts.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args[1].as_str();
    let text = std::fs::read_to_string(&args[2]).unwrap();
    let n = match mode {
        "extract" => fupin::extract(&text).count(),
        _ => fupin::quantities(&text).count(),
    };
    println!("{n}");
}
