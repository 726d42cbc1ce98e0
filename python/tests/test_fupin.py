"""The Python package: README example, exact values, code-point offsets, the DataFrame,
bad input, and agreement with the Rust `extract` example."""

import contextlib
import datetime
import doctest
import io
import re
from decimal import Decimal

import pandas as pd
import pytest

import fupin
from conftest import ROOT, jsonl, run_example

SAMPLE = ROOT / "examples" / "data" / "sample.txt"
SAMPLE_TRAD = ROOT / "examples" / "data" / "sample-trad.txt"


def readme_python_example():
    """The first ```python block of the README's "## Python" section and the ```text
    block after it (what it prints)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    printed = re.search(r"```python\n.*?```.*?```text\n(.*?)```", section, re.S).group(1)
    return code, printed


def test_readme_python_example_runs_as_written():
    code, printed = readme_python_example()
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert out.getvalue() == printed


def test_docstring_examples():
    for module in (fupin, fupin._fupin):
        result = doctest.testmod(module)
        assert result.failed == 0
        assert result.attempted > 0


# Exact values.


def test_parse_number_gives_exact_decimals():
    cases = {
        "三万五千": "35000",
        "9.82亿": "982000000",
        "一千二百三十四点五六": "1234.56",
        "０.１": "0.1",
        "壹佰贰拾叁": "123",
        "79228162514264337593543950335": "79228162514264337593543950335",
        "0.0000000000000000000000000001": "0.0000000000000000000000000001",
    }
    for text, want in cases.items():
        got = fupin.parse_number(text)
        assert type(got) is Decimal
        assert got == Decimal(want), text
        assert format(got, "f") == want, text


def test_values_are_decimal_never_float():
    text = "全县投入扶贫资金0.1亿元,贫困发生率由2014年的17.3%降至0.52%。"
    records = fupin.extract(text)
    assert [r["value"] for r in records] == [Decimal("10000000"), Decimal("0.52")]
    assert all(type(r["value"]) is Decimal for r in records)
    assert records[1]["previous"]["value"] == Decimal("17.3")
    q = fupin.parse_quantity("3至5万元")
    assert (q["value"], q["max"]) == (Decimal("30000"), Decimal("50000"))
    # 0.1 + 0.2 is exactly 0.3 with these values, as it is not with floats.
    a, b = fupin.parse_number("0.1"), fupin.parse_number("0.2")
    assert a + b == Decimal("0.3")


# Offsets in code points.


def assert_offsets_slice(text, records):
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"], r
        if "subject" in r:
            assert text[r["subject_start"] : r["subject_end"]] == r["subject"], r
        if "previous" in r:
            p = r["previous"]
            assert text[p["start"] : p["end"]] == p["text"], r


def test_offsets_are_code_points_in_traditional_text():
    text = SAMPLE_TRAD.read_text(encoding="utf-8")
    records = fupin.extract(text)
    assert len(records) > 20
    assert any("previous" in r for r in records)
    assert_offsets_slice(text, records)
    assert_offsets_slice(text, fupin.quantities(text))
    # The offsets are not the byte offsets of the JSON Lines.
    assert records[0]["end"] < len(text[: records[0]["end"]].encode("utf-8"))


def test_offsets_in_mixed_text_with_astral_characters():
    # U+20000 and U+1F600 are one code point each (two UTF-16 units, four UTF-8 bytes).
    text = "𠀀😀 Report:全縣建檔立卡貧困人口由2014年的１２３４５人減少到2019年的300人😀,贫困发生率0.5%。"
    records = fupin.extract(text)
    assert [r["text"] for r in records] == ["300人", "0.5%"]
    assert_offsets_slice(text, records)
    assert records[0]["previous"]["text"] == "１２３４５人"
    assert records[0]["previous"]["value"] == Decimal("12345")
    assert records[0]["period"] == {"start": 2019, "end": 2019}  # years, not offsets
    assert_offsets_slice(text, fupin.quantities(text))
    q = fupin.parse_quantity("約３萬人")
    assert (q["start"], q["end"], q["value"], q["approx"]) == (0, 4, Decimal("30000"), "about")


def test_ascii_offsets_unchanged():
    text = "15.2%"
    assert fupin.quantities(text)[0]["end"] == 5


# The DataFrame.


def values(series):
    """The column's values, missing ones as None (pd.NA cannot be compared in a list)."""
    return [None if v is None or v is pd.NA else v for v in series.tolist()]


def test_frame_dtypes():
    texts = [
        SAMPLE.read_text(encoding="utf-8"),
        # Two paragraphs: the year of the first does not carry into the second.
        "去年全县脱贫1500人。\n全县投入扶贫资金3至5万元。",
    ]
    df = fupin.extract_frame(texts, ids=["s", "n1"], dates=[None, "2020-05-01"])
    assert len(df) > 10
    assert list(df.columns[:2]) == ["id", "kind"]
    assert isinstance(df["id"].dtype, pd.StringDtype)
    assert isinstance(df["kind"].dtype, pd.CategoricalDtype)
    assert list(df["kind"].cat.categories) == fupin.KINDS
    for col in ("unit", "approx", "per", "modality", "previous_unit", "previous_per"):
        assert isinstance(df[col].dtype, pd.CategoricalDtype), col
    for col in ("start", "end", "subject_start", "subject_end", "period_start", "period_end",
                "previous_start", "previous_end", "previous_period_start", "previous_period_end",
                "sentence_start", "sentence_end"):
        assert df[col].dtype == "Int64", col
    for col in ("text", "subject", "region", "region_code", "region_level", "classifier",
                "noun", "previous_text", "previous_classifier", "previous_noun"):
        assert isinstance(df[col].dtype, pd.StringDtype), col
    for col in ("value", "max", "previous_value", "previous_max"):
        assert df[col].dtype == object
        assert all(v is None or type(v) is Decimal for v in df[col]), col
    assert all(type(v) is Decimal for v in df["value"])
    # Nullable years: a year is an integer, a missing one is <NA>, never 2014.0.
    assert df["period_start"].isna().any() and df["period_start"].notna().any()
    assert values(df.loc[df["id"] == "n1", "period_start"]) == [2019, None]
    assert df.loc[df["id"] == "n1", "max"].tolist() == [None, Decimal("50000")]


def test_frame_null_nested_records_leave_no_column():
    # previous without a period; period null: only the flattened columns, missing.
    text = "全县贫困发生率由17.3%降至0.5%。"
    assert fupin.extract(text)[0]["previous"]["period"] is None
    df = fupin.extract_frame([text])
    assert list(df.columns) == list(fupin.extract_frame([]).columns)
    assert df.loc[0, "previous_value"] == Decimal("17.3")
    assert df.loc[0, "previous_period_start"] is pd.NA


def test_frame_default_ids_and_empty_frame():
    df = fupin.extract_frame(["没有数字。", "全县脱贫1500人。"])
    assert df["id"].dtype == "Int64"
    assert df["id"].tolist() == [1]
    empty = fupin.extract_frame([])
    full = fupin.extract_frame(["全县脱贫1500人。"])
    assert list(empty.columns) == list(full.columns)
    assert (empty.dtypes.astype(str) == full.dtypes.astype(str)).all()


def test_frame_dates_resolve_relative_years():
    texts = ["今年全县脱贫1500人。"] * 6
    dates = [datetime.date(2019, 5, 1), "2020-01-02", None, pd.NaT, float("nan"), pd.NA]
    df = fupin.extract_frame(texts, dates=dates)
    assert values(df["period_start"]) == [2019, 2020, None, None, None, None]


def test_extract_many_equals_extract():
    texts = [SAMPLE.read_text(encoding="utf-8"), SAMPLE_TRAD.read_text(encoding="utf-8")] * 8
    assert fupin.extract_many(texts) == [fupin.extract(t) for t in texts]


def test_extract_columns_equal_flat_rows():
    texts = ["无", SAMPLE_TRAD.read_text(encoding="utf-8"), "全县贫困发生率由17.3%降至0.5%。"]
    flat = fupin.extract_many(texts, flat=True)
    docs, columns = fupin.extract_columns(texts)
    assert docs == [i for i, rows in enumerate(flat) for _ in rows]
    rows = [row for rows in flat for row in rows]
    assert set(columns) == {k for row in rows for k in row}
    for name, values in columns.items():
        assert values == [row.get(name) for row in rows], name
    assert "period" not in columns and "previous_period" not in columns


def flat(prefix, record, out):
    for k, v in record.items():
        if isinstance(v, dict):
            flat(prefix + k + "_", v, out)
        elif v is not None:
            out[prefix + k] = v
    return out


def test_frame_equals_rust_extract_example_on_the_sample():
    """Every key of every record of `cargo run --example extract` on the bundled sample,
    with byte offsets turned into code points and values into Decimal."""
    text = SAMPLE.read_text(encoding="utf-8")
    data = text.encode("utf-8")
    expected = []
    for record in jsonl(run_example("extract", [str(SAMPLE)])):
        assert record.pop("file") == str(SAMPLE)
        row = flat("", record, {})
        for k in list(row):
            if k.endswith("value") or k.endswith("max"):
                row[k] = Decimal(row[k])
            elif re.search(r"(^|_)(start|end)$", k) and "period" not in k:
                row[k] = len(data[: row[k]].decode("utf-8"))
        expected.append(row)
    assert len(expected) > 10
    df = fupin.extract_frame([text], ids=["sample"])
    got = []
    for row in df.to_dict("records"):
        assert row.pop("id") == "sample"
        got.append({k: v for k, v in row.items() if v is not None and not pd.isna(v)})
    assert got == expected


# Bad input: a TypeError or ValueError with the Rust message, never a crash.


@pytest.mark.parametrize("bad", ["万万万", "", "abc", "1.2.3", "九九九九九九九九九九九九九九九九九九九九九九九九九九九九九九亿"])
def test_parse_errors_carry_the_rust_message(bad):
    # The parse example reads each line with parse_quantity and prints its error.
    [wire] = jsonl(run_example("parse", stdin=bad + "\n"))
    with pytest.raises(ValueError) as e:
        fupin.parse_quantity(bad)
    assert str(e.value) == wire["error"]
    with pytest.raises(ValueError, match=r"\(bytes \d+\.\.\d+\)$"):
        fupin.parse_number(bad)


def test_parse_quantity_error():
    with pytest.raises(ValueError, match="bytes"):
        fupin.parse_quantity("万万万人")


@pytest.mark.parametrize(
    "call",
    [
        lambda: fupin.parse_number(3),
        lambda: fupin.parse_number(None),
        lambda: fupin.parse_quantity(b"9.82\xe4\xba\xbf"),
        lambda: fupin.quantities(["a"]),
        lambda: fupin.extract(None),
        lambda: fupin.extract("x", date=20190101),
        lambda: fupin.extract("x", region=3),
        lambda: fupin.extract_frame([1, 2]),
        lambda: fupin.extract_frame("全县脱贫1500人。"),
        lambda: fupin.extract_many("全县脱贫1500人。"),
        lambda: fupin.extract_frame(["x"], dates=[3]),
    ],
)
def test_wrong_types_raise_type_error(call):
    with pytest.raises(TypeError):
        call()


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: fupin.extract("x", date="2019-02-29"), "2019-02 has no day 29"),
        (lambda: fupin.extract("x", date="2019-13-01"), "month 13"),
        (lambda: fupin.extract("x", date="20190101"), "expected YYYY-MM-DD"),
        (lambda: fupin.extract("x", date="2019-1-01"), "expected YYYY-MM-DD"),
        (lambda: fupin.extract_frame(["x"], ids=[1, 2]), "ids has 2 items"),
        (lambda: fupin.extract_frame(["x"], dates=[]), "dates has 0 items"),
        (lambda: fupin.extract("\ud800"), "surrogate"),
    ],
)
def test_bad_values_raise_value_error(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_leap_day_is_a_date():
    assert fupin.extract("今年全县脱贫1500人。", date="2020-02-29")[0]["period"]["start"] == 2020


def test_region_names_the_place_the_document_is_about():
    text = "2019年全縣脫貧1500人。"
    assert fupin.extract(text, region=None)[0]["region"] is None
    for region in ["临洮县", "臨洮", "621124"]:
        r = fupin.extract(text, region=region)[0]
        assert (r["region"], r["region_code"], r["region_level"]) == ("临洮县", "621124", "county")
    # A place the sentence names wins over the document's.
    r = fupin.extract("2019年会宁县脱贫1500人。", region="临洮县")[0]
    assert r["region_code"] == "620422"
    with pytest.raises(ValueError, match="朝阳区"):
        fupin.extract(text, region="朝阳区")  # two districts have that name
    with pytest.raises(ValueError, match="999999"):
        fupin.extract(text, region="999999")


def test_sentence_offsets_are_code_points():
    text = "據統計,𠀋村2019年貧困發生率降至0.5%。全縣脫貧1500人。"
    for r in fupin.extract(text):
        sentence = text[r["sentence_start"] : r["sentence_end"]]
        assert r["text"] in sentence
        assert sentence.endswith("。")


def test_odd_text_never_crashes():
    for text in ["\x00", "\ufffd" * 10, "亿" * 10000, "1" * 100000, "9" * 40 + "亿元", "%" * 10]:
        for r in fupin.quantities(text) + fupin.extract(text):
            assert text[r["start"] : r["end"]] == r["text"]


def test_frame_keeps_keys_it_does_not_know(monkeypatch):
    # Keys a later library adds come through as
    # columns after the known ones.
    real = fupin.extract_columns

    def more_keys(texts, dates=None):
        docs, columns = real(texts, dates)
        columns["future_code"] = ["141032"] * len(docs)
        columns["future_start"] = [0] * len(docs)
        return docs, columns

    monkeypatch.setattr(fupin, "extract_columns", more_keys)
    df = fupin.extract_frame(["全县脱贫1500人。"])
    assert list(df.columns[-2:]) == ["future_code", "future_start"]
    assert df.loc[0, "future_code"] == "141032"
    assert df["future_start"].dtype == "Int64"


def test_many_documents_release_the_gil():
    # A thread that sleeps 1 ms at a time needs the GIL to wake up. It wakes up during
    # extract_many (the GIL released while the documents are read), and at most at the
    # edges of extract on the same text in one piece (the GIL held throughout).
    import threading
    import time

    sample = SAMPLE.read_text(encoding="utf-8")
    many, whole = [sample] * 1200, sample * 1200
    ticks = []
    stop = threading.Event()

    def sleeper():
        while not stop.is_set():
            time.sleep(0.001)
            ticks.append(time.perf_counter())

    def ticks_during(call, arg):
        start = time.perf_counter()
        call(arg)
        end = time.perf_counter()
        return sum(start < t < end for t in ticks)

    thread = threading.Thread(target=sleeper, daemon=True)
    thread.start()
    try:
        held = ticks_during(fupin.extract, whole)
        released = ticks_during(fupin.extract_many, many)
    finally:
        stop.set()
        thread.join()
    assert released >= 5 and released > held, (released, held)
