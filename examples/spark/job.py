"""A PySpark job: a DataFrame of articles (`id`, `date`, `text`) to one row per
poverty indicator, with the Python package fupin inside `mapInPandas`.

    spark-submit examples/spark/job.py articles.jsonl indicators/

Every executor needs the package installed (`pip install ./python`, or ship the wheel
that `maturin build` makes). Values are exact decimal strings, as in the JSON Lines
("982000000", "0.52"): Spark's DecimalType holds 38 digits at a fixed scale and
could round a value with many decimals, a string never does. Offsets are code points
into `text` (Spark's substring counts code points too, from 1).
"""

import sys

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

# The columns of fupin.extract_frame that the job keeps, with Spark types. A key the
# library adds later (region_code, ...) is added here to reach the output.
COLUMNS = [
    ("id", StringType()),
    ("kind", StringType()),
    ("value", StringType()),
    ("max", StringType()),
    ("unit", StringType()),
    ("approx", StringType()),
    ("text", StringType()),
    ("start", LongType()),
    ("end", LongType()),
    ("classifier", StringType()),
    ("noun", StringType()),
    ("per", StringType()),
    ("subject", StringType()),
    ("subject_start", LongType()),
    ("subject_end", LongType()),
    ("sentence_start", LongType()),
    ("sentence_end", LongType()),
    ("period_start", IntegerType()),
    ("period_end", IntegerType()),
    ("region", StringType()),
    ("region_code", StringType()),
    ("region_level", StringType()),
    ("previous_value", StringType()),
    ("previous_max", StringType()),
    ("previous_unit", StringType()),
    ("previous_approx", StringType()),
    ("previous_text", StringType()),
    ("previous_start", LongType()),
    ("previous_end", LongType()),
    ("previous_classifier", StringType()),
    ("previous_noun", StringType()),
    ("previous_per", StringType()),
    ("previous_period_start", IntegerType()),
    ("previous_period_end", IntegerType()),
    ("modality", StringType()),
]
SCHEMA = StructType([StructField(name, kind, True) for name, kind in COLUMNS])
DECIMALS = ("value", "max", "previous_value", "previous_max")


def _indicators(batches):
    """mapInPandas: pandas batches of articles in, batches of indicators out."""
    import pandas as pd

    import fupin

    for articles in batches:
        dates = articles["date"] if "date" in articles else None
        frame = fupin.extract_frame(
            articles["text"].tolist(),
            ids=articles["id"].astype(str).tolist(),
            dates=None if dates is None else dates.tolist(),
        )
        out = {}
        for name, kind in COLUMNS:
            # A key no record of this batch has (previous_max, say) is no column of it.
            column = frame[name] if name in frame else pd.Series([None] * len(frame))
            if name in DECIMALS:
                # Decimal -> its exact digits, never through a float.
                out[name] = [None if v is None else format(v, "f") for v in column]
            elif isinstance(kind, StringType):
                out[name] = column.astype(object).where(column.notna(), None)
            else:
                out[name] = column.astype("Int64")
        yield pd.DataFrame(out, columns=[name for name, _ in COLUMNS])


def indicators(articles: DataFrame) -> DataFrame:
    """The indicators of a DataFrame of articles with columns `id`, `text` and,
    optionally, `date` (a DateType or a "YYYY-MM-DD" string)."""
    wanted = [c for c in ("id", "date", "text") if c in articles.columns]
    return articles.select(*wanted).mapInPandas(_indicators, schema=SCHEMA)


def main(argv):
    source, target = argv[1], argv[2]
    spark = SparkSession.builder.appName("fupin-indicators").getOrCreate()
    articles = spark.read.json(source, schema="id string, date string, text string")
    indicators(articles).write.mode("overwrite").json(target)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv)
