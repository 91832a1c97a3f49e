"""The Python package on real text: the seed, the fixtures, and ../shared when present."""

import os
import pathlib

import pytest

import gongwen
from conftest import require, require_module

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_ae5005f7988b7668.txt"
SHARED = ROOT.parent / "shared"


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n["children"])


def test_parse_a_path_bytes_and_text_alike():
    by_path = gongwen.parse(SEED)
    assert by_path["schema"] == gongwen.SCHEMA == "gongwen/1"
    assert by_path["source"]["path"] == str(SEED)
    by_bytes = gongwen.parse(SEED.read_bytes())
    by_text = gongwen.parse(SEED.read_text(encoding="utf-8"))
    for d in (by_bytes, by_text):
        assert [n["label"] for n in walk(d["nodes"])] == [
            n["label"] for n in walk(by_path["nodes"])
        ]
    assert by_path["doc_id"] == by_bytes["doc_id"]
    nodes = list(walk(by_path["nodes"]))
    assert len(nodes) == 87
    assert [n["id"] for n in nodes] == list(range(87))
    item4 = next(n for n in nodes if n["label"] == "4.")
    assert item4["responsibility"]["responsible"] == ["人行太原中心支行", "山西银保监局"]
    # The seed numbers two items 15 and none 14.
    codes = [d["code"] for d in gongwen.check(SEED)]
    assert "duplicate-number" in codes
    zh = gongwen.check(SEED, lang="zh")
    assert [d["code"] for d in zh] == codes
    assert "应为 14" in zh[0]["message"] and "probably 14" in gongwen.check(SEED)[0]["message"]
    with pytest.raises(ValueError, match="lang"):
        gongwen.parse(SEED, lang="fr")


def test_spans_slice_the_text_of_a_gbk_file():
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    data = text.encode("gb18030")
    doc = gongwen.parse(data, include_text=True)
    assert doc["source"]["encoding"] == "GB18030"
    t = doc["text"]
    assert t == gongwen.text(data)
    for n in walk(doc["nodes"]):
        s = n["span"]
        assert t[s["start"]:s["end"]].startswith(n["label"])


def test_errors_are_values_in_a_batch_and_exceptions_alone(tmp_path):
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    paths = [SEED, bad, ROOT / "fixtures" / "action_plan.txt", tmp_path / "missing.txt"]
    docs = list(gongwen.parse_many(paths, jobs=2))
    assert [("error" in d) for d in docs] == [False, True, False, True]
    assert "PNG" in docs[1]["error"]
    assert docs[2]["source"]["path"].endswith("action_plan.txt")
    with pytest.raises(gongwen.Error, match="PNG"):
        gongwen.parse(bad)


def test_tables_join_in_pandas():
    pa = require_module("pyarrow")
    files = [SEED] + sorted((ROOT / "fixtures").glob("*.txt"))
    require(SHARED.is_dir(), "no ../shared")
    files += sorted((SHARED / "corpus" / "local").glob("*.txt"))
    t = gongwen.tables(files)
    assert t["errors"] == []
    assert t["nodes"].schema.field("node_id").type == pa.int64()
    assert t["quantities"].schema.field("value").type == pa.float64()
    assert t["clauses"].schema.field("lead").type == pa.list_(pa.string())
    frames = gongwen.to_pandas(t)
    nodes, roles, docs = frames["nodes"], frames["unit_roles"], frames["documents"]
    assert len(docs) == len(files)
    # Who leads what: unit roles joined to the nodes they are on.
    joined = roles.merge(nodes, on=["doc_id", "node_id"], suffixes=("", "_node"))
    assert len(joined) == len(roles)
    seed_id = docs.loc[docs["source"] == str(SEED), "doc_id"].item()
    leads = joined[(joined["doc_id"] == seed_id) & (joined["role"] == "lead")]
    assert "省邮政管理局" in set(leads["canonical"])
    per_doc = nodes.groupby("doc_id").size().reindex(docs["doc_id"], fill_value=0)
    assert list(per_doc) == list(docs["nodes"])


def test_the_readme_notebook_runs(tmp_path, monkeypatch):
    require_module("pandas")
    matplotlib = require_module("matplotlib")
    matplotlib.use("Agg")
    readme = (ROOT / "python" / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n")[-1].split("```")[0]
    monkeypatch.chdir(ROOT / "python")
    scope = {}
    exec(compile(block, "README.md", "exec"), scope)
    assert len(scope["leads"]) > 0
    assert len(scope["per_year"]) > 0
    assert (ROOT / "python" / "targets_by_year.png").stat().st_size > 1000
    (ROOT / "python" / "targets_by_year.png").unlink()


def test_rows_of_one_document_are_the_rows_of_tables():
    pa = require_module("pyarrow")
    files = [SEED] + sorted((ROOT / "fixtures").glob("*.txt"))
    t = gongwen.tables(files)
    assert t["documents"].schema.field("date").type == pa.date32()
    by_file = [gongwen.rows(f) for f in files]
    from_bytes = gongwen.rows(SEED.read_bytes(), path=str(SEED), as_json=True)
    assert [__import__("json").loads(l) for l in from_bytes["nodes"]] == by_file[0]["nodes"]
    for name, columns in gongwen.shapes():
        assert t[name].column_names == [c for c, _ in columns]
        want = [r for rows in by_file for r in rows[name]]
        got = t[name].to_pylist()
        dates = [c for c, kind in columns if kind == "date"]
        for r in got:
            for c in dates:
                if r[c] is not None:
                    r[c] = r[c].isoformat()
        assert got == want, name
    seed = by_file[0]["documents"][0]
    assert (seed["source"], seed["date"]) == (str(SEED), "2022-04-22")
    assert "txt" in gongwen.EXTENSIONS and "docx" in gongwen.EXTENSIONS
