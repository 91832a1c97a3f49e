"""An archive of documents as gongwen's tidy tables, on Spark.

    spark-submit [--master local[2] | yarn | k8s://…] examples/spark/gongwen_tables.py \
        INPUT OUTPUT [--partitions N]

INPUT is what ``SparkContext.binaryFiles`` takes (a folder, read recursively; a glob such as
``hdfs:///archive/2024/*/*.html``; several, comma-separated); files whose extension
gongwen does not read (``gongwen.EXTENSIONS``) are passed over, as ``gongwen tables``
passes them over. OUTPUT gets one Parquet dataset per table (``documents``, ``nodes``,
``clauses``, ``unit_roles``, ``quantities``, ``diagnostics``, ``citations``, ``skipped``),
with the same columns and types as ``gongwen tables --format parquet`` writes and a
partition column ``year`` (the year of the document's date, else of its document number;
``__HIVE_DEFAULT_PARTITION__`` when it has neither), and ``_errors``: files that are not
documents, with why.

Every node that runs the job needs the ``gongwen`` package (``pip install gongwen-*.whl``
on each, or a packed environment shipped with ``--archives``, as Spark's "Python Package
Management" describes). The job itself is plain PySpark and runs unchanged on a cluster.
"""

import argparse
import json
import os
import re

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

import gongwen

#: The tables' column types in Spark, by the names gongwen.shapes() gives them.
SPARK = {
    "string": T.StringType(),
    "int64": T.LongType(),
    "float64": T.DoubleType(),
    "bool": T.BooleanType(),
    "date": T.DateType(),
    "list<string>": T.ArrayType(T.StringType()),
}

YEAR = re.compile(r"[〔\[［(（](\d{4})[〕\]］)）]")


def local_path(uri):
    """``file:/a/b`` → ``/a/b`` (the ``source`` ``gongwen tables`` writes for a local
    file); other schemes (``hdfs://…``, ``s3a://…``) stay as they are."""
    if uri.startswith("file:"):
        rest = uri[len("file:"):]
        return "/" + rest.lstrip("/") if rest.startswith("/") else rest
    return uri


def year_of(document):
    """The partition year of a ``documents`` row: its date's, else its number's."""
    if document.get("date"):
        return int(document["date"][:4])
    m = YEAR.search(document.get("doc_number") or "")
    return int(m.group(1)) if m else None


def parse_partition(files):
    """(uri, bytes) → (table, year, JSON line) for every row of every table, and
    ("_errors", None, line) for a file that is not a document."""
    readable = set(gongwen.EXTENSIONS)
    for uri, data in files:
        path = local_path(uri)
        if os.path.splitext(path)[1][1:].lower() not in readable:
            continue
        try:
            rows = gongwen.rows(data, path=path, as_json=True)
        except gongwen.Error as e:
            yield ("_errors", None, json.dumps({"source": path, "error": str(e)}, ensure_ascii=False))
            continue
        year = year_of(json.loads(rows["documents"][0]))
        for table, lines in rows.items():
            for line in lines:
                yield (table, year, line)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="what binaryFiles reads: folder, glob, or a comma-separated list")
    ap.add_argument("output", help="folder for one Parquet dataset per table")
    ap.add_argument("--partitions", type=int, default=None, help="input partitions (default: Spark's)")
    args = ap.parse_args(argv)

    spark = SparkSession.builder.appName("gongwen-tables").getOrCreate()
    sc = spark.sparkContext
    sc._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    files = sc.binaryFiles(args.input, minPartitions=args.partitions)
    rows = spark.createDataFrame(
        files.mapPartitions(parse_partition),
        "table string, year int, line string",
    ).persist()  # parsed once, read once per table

    for name, columns in gongwen.shapes():
        schema = T.StructType([T.StructField(c, SPARK[t], True) for c, t in columns])
        table = (
            rows.where(F.col("table") == name)
            .select(F.from_json("line", schema, {"mode": "FAILFAST"}).alias("row"), "year")
            .select("row.*", "year")
        )
        table.write.mode("overwrite").partitionBy("year").parquet(f"{args.output}/{name}")
    errors = rows.where(F.col("table") == "_errors").select(
        F.from_json("line", "source string, error string").alias("e")
    ).select("e.*")
    errors.coalesce(1).write.mode("overwrite").parquet(f"{args.output}/_errors")
    rows.unpersist()
    spark.stop()


if __name__ == "__main__":
    main()
