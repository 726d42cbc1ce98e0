"""Type stubs of the Python package fupin."""

from datetime import date
from decimal import Decimal
from typing import Any, Iterable, Literal, Optional, Sequence, TypedDict, Union

import pandas

from typing_extensions import NotRequired

__version__: str
KINDS: list[str]
UNITS: list[str]
APPROX: list[str]
PER: list[str]
MODALITIES: list[str]

DateLike = Union[date, str, None]

class Period(TypedDict):
    """Years, not offsets."""

    start: int
    end: int

class Quantity(TypedDict):
    """A quantity; start and end are code-point offsets into the text given."""

    value: Decimal
    max: NotRequired[Decimal]
    unit: Optional[str]
    approx: str
    text: str
    start: int
    end: int
    classifier: NotRequired[str]
    noun: NotRequired[str]
    per: NotRequired[str]

class Previous(TypedDict):
    """The earlier value of a change (由A下降到B: A)."""

    value: Decimal
    unit: Optional[str]
    approx: str
    text: str
    start: int
    end: int
    period: Optional[Period]

class Indicator(Quantity):
    """An indicator record (the JSON format's keys; later versions may add keys)."""

    kind: str
    subject: str
    subject_start: int
    subject_end: int
    sentence_start: int
    sentence_end: int
    period: Optional[Period]
    region: Optional[str]
    region_code: Optional[str]
    region_level: Optional[
        Literal["national", "province", "prefecture", "county", "township", "village", "area"]
    ]
    previous: NotRequired[Previous]
    modality: Literal["actual", "target", "expected"]

def parse_number(s: str) -> Decimal:
    """One written number to an exact Decimal; ValueError with the parser's message."""

def parse_quantity(s: str) -> Quantity:
    """One number with its unit; ValueError with the parser's message."""

def quantities(text: str) -> list[Quantity]:
    """Every quantity of a document; offsets in code points."""

def extract(text: str, date: DateLike = None, region: Optional[str] = None) -> list[Indicator]:
    """The indicators of a document; offsets in code points."""

def extract_many(
    texts: Sequence[str], dates: Optional[Sequence[DateLike]] = None, flat: bool = False
) -> list[list[Any]]:
    """extract over many documents in parallel, with the GIL released."""

def extract_columns(
    texts: Sequence[str], dates: Optional[Sequence[DateLike]] = None
) -> tuple[list[int], dict[str, list[Any]]]:
    """extract over many documents as columns: row -> document index, key -> values."""

def extract_frame(
    texts: Iterable[str],
    ids: Optional[Sequence[Any]] = None,
    dates: Optional[Sequence[DateLike]] = None,
) -> pandas.DataFrame:
    """The indicators of many documents as a DataFrame, one row per indicator."""
