"""Exact numbers, quantities and poverty-alleviation indicators from Chinese reports.

The Python face of the Rust crate ``fupin``. Values are :class:`decimal.Decimal`
(never floats); offsets are **code points** into the Python ``str`` you passed in,
so ``text[r["start"]:r["end"]] == r["text"]``.

>>> import fupin
>>> fupin.parse_number("三万五千")
Decimal('35000')
>>> text = "全县建档立卡贫困人口6576户17990人,贫困发生率34.4%。"
>>> [(r["kind"], r["value"]) for r in fupin.extract(text)]
[('poor_households', Decimal('6576')), ('poor_population', Decimal('17990')), ('poverty_incidence', Decimal('34.4'))]
"""

from __future__ import annotations

from datetime import date as _date
from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

from ._fupin import (
    APPROX,
    KINDS,
    MODALITIES,
    PER,
    UNITS,
    __version__,
    extract,
    extract_columns,
    extract_many,
    parse_number,
    parse_quantity,
    quantities,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "APPROX",
    "KINDS",
    "MODALITIES",
    "PER",
    "UNITS",
    "__version__",
    "extract",
    "extract_columns",
    "extract_frame",
    "extract_many",
    "parse_number",
    "parse_quantity",
    "quantities",
]

# The columns of extract_frame, in order, with their dtypes. Nested records are
# flattened with "_" (period -> period_start, period_end; previous -> previous_value,
# ..., previous_period_start) by extract_columns. Keys a later version of the
# library adds come after these, with the dtype pandas infers for them.
_DECIMAL = "decimal"
_COLUMNS: list[tuple[str, Any]] = [
    ("kind", KINDS),
    ("value", _DECIMAL),
    ("max", _DECIMAL),
    ("unit", UNITS),
    ("approx", APPROX),
    ("text", "string"),
    ("start", "Int64"),
    ("end", "Int64"),
    ("classifier", "string"),
    ("noun", "string"),
    ("per", PER),
    ("subject", "string"),
    ("subject_start", "Int64"),
    ("subject_end", "Int64"),
    ("sentence_start", "Int64"),
    ("sentence_end", "Int64"),
    ("period_start", "Int64"),
    ("period_end", "Int64"),
    ("region", "string"),
    ("region_code", "string"),
    ("region_level", "string"),
    ("previous_value", _DECIMAL),
    ("previous_max", _DECIMAL),
    ("previous_unit", UNITS),
    ("previous_approx", APPROX),
    ("previous_text", "string"),
    ("previous_start", "Int64"),
    ("previous_end", "Int64"),
    ("previous_classifier", "string"),
    ("previous_noun", "string"),
    ("previous_per", PER),
    ("previous_period_start", "Int64"),
    ("previous_period_end", "Int64"),
    ("modality", MODALITIES),
]


def _date_or_none(d: Any) -> Union[None, str, _date]:
    if d is None or isinstance(d, str):
        return d
    import pandas as pd

    # NaT (a datetime subclass), NaN and pd.NA are missing dates.
    if d is pd.NaT or (not isinstance(d, _date) and pd.api.types.is_scalar(d) and pd.isna(d)):
        return None
    return d  # a date, or what the extension refuses with a TypeError


def extract_frame(
    texts: Iterable[str],
    ids: Optional[Sequence[Any]] = None,
    dates: Optional[Sequence[Union[None, str, _date]]] = None,
) -> "pandas.DataFrame":
    """The indicators of many documents as a pandas DataFrame, one row per indicator.

    Documents run in parallel on all cores with the GIL released. ``ids`` names the
    documents (default: their positions 0, 1, ...) in the ``id`` column; ``dates``
    gives each document's date (``datetime.date``, ``"YYYY-MM-DD"`` or None) for
    今年/去年.

    Columns: ``id``, then the keys of the JSON format with nested records flattened
    (``period_start``, ``previous_value``, ``previous_period_end``, ...). Values are
    :class:`decimal.Decimal` objects (object columns, exact); years and offsets are
    nullable integers (``Int64``); kind, unit, approx, per and modality are
    categoricals; text columns are ``string``. Offsets are code points into each
    document.

    >>> df = extract_frame(["2019年全县贫困发生率降至0.5%。"], ids=["a"])
    >>> df[["id", "kind", "value", "period_start"]].to_dict("records")
    [{'id': 'a', 'kind': 'poverty_incidence', 'value': Decimal('0.5'), 'period_start': 2019}]
    """
    import pandas as pd

    if isinstance(texts, (str, bytes)):
        raise TypeError("texts must be a list (or other iterable) of str, not one str")
    texts = list(texts)
    ids_default = ids is None
    if ids is None:
        ids = list(range(len(texts)))
    else:
        ids = list(ids)
        if len(ids) != len(texts):
            raise ValueError(f"ids has {len(ids)} items, texts has {len(texts)}")
    if dates is not None:
        dates = [_date_or_none(d) for d in dates]
    docs, found = extract_columns(texts, dates)
    row_ids = [ids[i] for i in docs]
    n = len(docs)
    known = {name for name, _ in _COLUMNS}
    extra = [k for k in found if k not in known]

    id_dtype = "Int64" if ids_default else pd.array(ids).dtype
    columns: dict[str, Any] = {"id": pd.array(row_ids, dtype=id_dtype)}
    for name, dtype in _COLUMNS:
        values = found.get(name) or [None] * n
        if dtype is _DECIMAL:
            columns[name] = pd.Series(values, dtype=object)
        elif isinstance(dtype, list):
            seen = [v for v in dict.fromkeys(values) if v is not None and v not in dtype]
            columns[name] = pd.Categorical(values, categories=list(dtype) + seen)
        else:
            columns[name] = pd.array(values, dtype=dtype)
    for name in extra:
        values = found[name]
        try:
            columns[name] = pd.array(values)
        except (TypeError, ValueError):  # pragma: no cover
            columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns)
