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
    """One round: passes over all lines until `seconds` have gone; MB/s by wall clock
    and by the process's CPU time (which leaves out the time other processes had the
    CPU: the steadier figure on a shared machine)."""
    passes = 0
    start, cpu = time.perf_counter(), time.process_time()
    while True:
        for line in lines:
            call(line)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return passes * mb / elapsed, passes * mb / (time.process_time() - cpu)


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
    print(f"{'':38} {'wall clock':>22}  {'CPU time':>22}")
    median = {}
    for name, r in rounds.items():
        wall, cpu = [x for x, _ in r], [y for _, y in r]
        median[name] = statistics.median(wall), statistics.median(cpu)
        print(
            f"{name:38} {median[name][0]:7.2f} ({min(wall):6.2f}..{max(wall):6.2f})"
            f"  {median[name][1]:7.2f} ({min(cpu):6.2f}..{max(cpu):6.2f})"
        )
    peer = median["chinese2digits.takeNumberFromString"]
    for name in ("fupin.extract", "fupin.quantities"):
        wall, cpu = median[name]
        print(
            f"{name} / chinese2digits: {wall / peer[0]:.1f}x by wall clock, "
            f"{cpu / peer[1]:.1f}x by CPU time"
        )


if __name__ == "__main__":
    main()
