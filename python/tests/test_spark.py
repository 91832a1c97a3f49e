"""The Spark example (examples/spark/gongwen_tables.py) run with spark-submit in local[2] on
the shared corpus, its tables compared row for row with `gongwen tables --format parquet`
on the same files. Skipped (and shown as skipped) without pyspark, Java, the shared corpus
or a built `gongwen` binary."""

import collections
import datetime
import json
import os
import pathlib
import shutil
import subprocess
import sys

import gongwen
from conftest import require, require_module

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
JOB = ROOT / "examples" / "spark" / "gongwen_tables.py"


def cli():
    """The `gongwen` binary: $GONGWEN_BIN, the PATH, or a cargo target folder."""
    if os.environ.get("GONGWEN_BIN"):
        return os.environ["GONGWEN_BIN"]
    targets = [os.environ.get("CARGO_TARGET_DIR"), str(ROOT / "target")]
    for t in filter(None, targets):
        for profile in ("release", "debug"):
            p = pathlib.Path(t) / profile / "gongwen"
            if p.is_file():
                return str(p)
    return shutil.which("gongwen")


def kind(t):
    """A column's type, a list's item unnamed (Spark names it `element`, arrow-rs `item`)."""
    return ("list", str(t.value_type)) if hasattr(t, "value_type") else str(t)


def canonical(row):
    return json.dumps(
        {k: v for k, v in row.items() if k != "year"},
        sort_keys=True,
        ensure_ascii=False,
        default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v),
    )


def test_the_spark_job_writes_the_tables_of_gongwen_tables(tmp_path):
    require_module("pyspark")
    ds = require_module("pyarrow.dataset")
    pq = require_module("pyarrow.parquet")
    require(shutil.which("java") or os.environ.get("JAVA_HOME"), "no Java for Spark")
    require((SHARED / "corpus").is_dir(), "no ../shared/corpus")
    binary = cli()
    require(binary, "no gongwen binary (cargo build first, or set GONGWEN_BIN)")
    corpus = os.path.realpath(SHARED / "corpus")
    submit = shutil.which("spark-submit", path=os.path.dirname(sys.executable)) or shutil.which(
        "spark-submit"
    )
    assert submit, "pyspark is installed but spark-submit is not on the PATH"
    out = tmp_path / "spark"
    subprocess.run(
        [submit, "--master", "local[2]", str(JOB), corpus, str(out), "--partitions", "4"],
        check=True,
        capture_output=True,
        env=dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable),
        timeout=900,
    )
    subprocess.run(
        [binary, "tables", corpus, "-o", str(tmp_path / "cli"), "--format", "parquet"],
        check=True,
        capture_output=True,
        timeout=900,
    )
    documents = None
    for name, columns in gongwen.shapes():
        spark = ds.dataset(out / name, format="parquet", partitioning="hive").to_table()
        want = pq.read_table(tmp_path / "cli" / f"{name}.parquet")
        assert spark.column_names == [c for c, _ in columns] + ["year"], name
        assert [kind(f.type) for f in spark.schema][:-1] == [kind(f.type) for f in want.schema], name
        got = collections.Counter(canonical(r) for r in spark.to_pylist())
        expected = collections.Counter(canonical(r) for r in want.to_pylist())
        assert got == expected, f"{name}: {len(got - expected)} rows only in Spark's, {len(expected - got)} only in the CLI's"
        if name == "documents":
            documents = spark.to_pylist()
    assert len(documents) > 100
    assert ds.dataset(out / "_errors", format="parquet").count_rows() == 0
    dated = [d for d in documents if d["date"] is not None]
    assert dated and all(d["year"] == d["date"].year for d in dated)
    assert any(d["year"] is not None and d["date"] is None for d in documents), "a year from the document number"
