"""Throughput of the Python package against the fastest Python peer, chinese2digits,
on the same lines in the same run.

    pip install ./python chinese2digits
    python python/bench.py [CORPUS_DIR] [--rounds 5] [--seconds 1.0]

Every line of every .txt file in CORPUS_DIR (default ../shared/corpus beside the
repository) is one call, as the peers are called: `fupin.extract(line)`,
`fupin.quantities(line)` and `chinese2digits.takeNumberFromString(line)`. Each round
runs each function over all lines, as many passes as fill `--seconds`, the functions
in turn; the figure is the median MB/s (UTF-8 bytes of the lines, 10^6 bytes) over the
rounds. Wall-clock time: on a loaded machine run it a few times.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import fupin

ROOT = Path(__file__).resolve().parents[1]


def lines_of(folder):
    files = sorted(p for p in Path(folder).iterdir() if p.suffix.lower() == ".txt")
    if not files:
        sys.exit(f"no .txt files in {folder}")
    lines = []
    for path in files:
        lines += [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines


def mb_per_s(call, lines, mb, seconds):
    """One round: passes over all lines until `seconds` have gone; MB/s."""
    passes = 0
    start = time.perf_counter()
    while True:
        for line in lines:
            call(line)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return passes * mb / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=1.0)
    args = parser.parse_args()

    try:
        import chinese2digits
    except ImportError:
        sys.exit("pip install chinese2digits (the peer this compares with)")

    lines = lines_of(args.corpus)
    mb = sum(len(x.encode("utf-8")) for x in lines) / 1e6
    calls = {
        "fupin.extract": fupin.extract,
        "fupin.quantities": fupin.quantities,
        "chinese2digits.takeNumberFromString": chinese2digits.takeNumberFromString,
    }
    rounds = {name: [] for name in calls}
    for _ in range(args.rounds):
        for name, call in calls.items():
            rounds[name].append(mb_per_s(call, lines, mb, args.seconds))

    print(f"{len(lines)} lines, {mb:.3f} MB, {args.rounds} rounds; median MB/s (min..max)")
    median = {name: statistics.median(r) for name, r in rounds.items()}
    for name, r in rounds.items():
        print(f"{name:38} {median[name]:8.2f}  ({min(r):.2f}..{max(r):.2f})")
    peer = median["chinese2digits.takeNumberFromString"]
    for name in ("fupin.extract", "fupin.quantities"):
        print(f"{name} / chinese2digits: {median[name] / peer:.1f}x")


if __name__ == "__main__":
    main()
