"""The Spark path, tested: generates a corpus of articles from the bundled samples,
runs examples/spark/job.py on it in Spark's local[2] mode, and checks that its rows are
the records of the single-process Rust `extract` example on the same corpus (every key,
exact values; the example's byte offsets turned into code points).

    python examples/spark/run.py [--articles 3000] [--keep DIR]

Needs the package (`pip install ./python`), pyspark, Java 17 and cargo (it builds and
runs the `extract` example). Exits non-zero on any difference.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"

# Sentences of our own, beside the bundled samples' (simplified and traditional).
OWN = [
    "今年以来,全县累计投入财政专项扶贫资金2.36亿元,实施产业扶贫项目148个。",
    "截至去年底,全县建档立卡贫困人口由2014年的12680人减少到1093人。",
    "貧困發生率由2015年的11.4%下降到0.86%,全縣38個貧困村全部出列。",
    "农村居民人均可支配收入达到9876元,同比增长10.2%。",
    "全年发放扶贫小额信贷3860万元,惠及贫困户1204户。",
    "易地扶贫搬迁安置贫困群众2163户7420人,建成集中安置点12个。",
    "今年计划实现1500名贫困人口脱贫,贫困发生率降至2%以下。",
    "選派駐村工作隊員326名,幫扶貧困戶2,418戶。",
    "完成农村危房改造860户,新建通村公路约120公里。",
    "年内全縣脫貧人口達到3,512人,較上年增加4.5個百分點。",
]
COUNTIES = ["石岭县", "青河县", "云溪县", "北山縣", "柳塘县", "白沙县"]
NUMBER = re.compile(r"(?<![0-9０-９.])[0-9]+(?![0-9年])")


def sentences():
    out = list(OWN)
    for name in ("sample.txt", "sample-trad.txt"):
        text = (DATA / name).read_text(encoding="utf-8")
        body = text.split("\n", 2)[2]  # the title and the date line are headers
        for part in re.split(r"(?<=[。;!])", body):
            part = part.strip()
            if len(part) > 4:
                out.append(part)
    return out


def vary(sentence, rng):
    """The same sentence with other figures (not years) and another county."""

    def number(m):
        digits = m.group(0)
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    sentence = NUMBER.sub(number, sentence) if rng.random() < 0.7 else sentence
    for county in COUNTIES + ["永和縣"]:
        sentence = sentence.replace(county, rng.choice(COUNTIES))
    return sentence


def corpus(n, seed=18):
    rng = random.Random(seed)
    pool = sentences()
    for i in range(n):
        county = rng.choice(COUNTIES)
        body = "".join(vary(s, rng) for s in rng.sample(pool, rng.randint(2, 9)))
        if rng.random() < 0.2:  # junk from web pages: emoji, astral characters, spaces
            body = rng.choice(["😀", "𠀀", "\u3000", " "]).join(body.split("。"))
        date = f"{rng.randint(2015, 2023)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        article = {"id": f"a{i:05}", "text": f"{county}:{body}"}
        if rng.random() < 0.9:
            article["date"] = date
        yield article


def rust_records(corpus_path):
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    subprocess.run(
        ["cargo", "build", "--quiet", "--release", "--example", "extract"], cwd=ROOT, check=True
    )
    out = subprocess.run(
        [str(target / "release" / "examples" / "extract"), "--jsonl", str(corpus_path)],
        capture_output=True,
        check=True,
        text=True,
    )
    return [json.loads(line) for line in out.stdout.splitlines()]


def flat(prefix, record, row):
    for key, value in record.items():
        if isinstance(value, dict):
            flat(prefix + key + "_", value, row)
        elif value is not None:
            row[prefix + key] = value
    return row


def is_offset(key):
    return re.search(r"(^|_)(start|end)$", key) is not None and "period" not in key


def expected_rows(records, texts):
    """The example's records as the job's rows: flattened, offsets in code points."""
    rows = []
    for record in records:
        row = flat("", record, {})
        data = texts[row["id"]].encode("utf-8")
        for key in row:
            if is_offset(key):
                row[key] = len(data[: row[key]].decode("utf-8"))
        rows.append(row)
    return rows


def spark_rows(corpus_path):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from job import indicators
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("fupin-spark-check")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    # The workers import the job's module too (the package fupin is installed).
    spark.sparkContext.addPyFile(str(Path(__file__).resolve().parent / "job.py"))
    try:
        articles = spark.read.json(str(corpus_path), schema="id string, date string, text string")
        articles = articles.repartition(4)  # several partitions, on both workers
        rows = [r.asDict() for r in indicators(articles).collect()]
    finally:
        spark.stop()
    return [{k: v for k, v in row.items() if v is not None} for row in rows]


def key(row):
    return json.dumps(row, sort_keys=True, ensure_ascii=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="fupin-spark-"))
    folder.mkdir(parents=True, exist_ok=True)
    corpus_path = folder / "articles.jsonl"
    articles = list(corpus(args.articles))
    with corpus_path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    texts = {a["id"]: a["text"] for a in articles}
    mb = sum(len(t.encode("utf-8")) for t in texts.values()) / 1e6

    t0 = time.monotonic()
    expected = sorted(expected_rows(rust_records(corpus_path), texts), key=key)
    t1 = time.monotonic()
    got = sorted(spark_rows(corpus_path), key=key)
    t2 = time.monotonic()

    print(
        f"articles: {len(articles)} ({mb:.1f} MB), indicators: extract example {len(expected)}, "
        f"Spark local[2] {len(got)}; seconds: example {t1 - t0:.1f}, Spark {t2 - t1:.1f}"
    )
    if len(expected) < len(articles):
        sys.exit("too few indicators: the generated corpus is wrong")
    if got != expected:
        want = {key(r) for r in expected}
        have = {key(r) for r in got}
        for line in sorted(want - have)[:5]:
            print("missing from Spark:", line, file=sys.stderr)
        for line in sorted(have - want)[:5]:
            print("only in Spark:     ", line, file=sys.stderr)
        sys.exit("Spark rows differ from the extract example's records")
    print("Spark rows equal the extract example's records")


if __name__ == "__main__":
    main()
