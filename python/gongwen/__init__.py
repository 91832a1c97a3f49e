"""Chinese official documents (公文) as structured data.

``parse`` gives a document as the ``gongwen/1`` JSON of the ``gongwen`` command, as
dicts; ``parse_many`` reads many files in parallel (in Rust, without the GIL) and yields
them in order, a file that cannot be read as ``{"source": {"path": ...}, "error": ...}``
rather than an exception that stops the batch; ``check`` gives a document's problems;
``text`` the text every span points into; ``tables`` the tidy tables as pyarrow tables.

Positions (``span.start``, ``span.end``) are character offsets into ``text(...)``, so
``text[start:end]`` is what a span covers, whatever the file's encoding or format.
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _gongwen

__all__ = [
    "Error",
    "SCHEMA",
    "parse",
    "parse_many",
    "check",
    "text",
    "tables",
    "rows",
    "shapes",
    "to_pandas",
    "EXTENSIONS",
]

#: The schema tag of every document: ``"gongwen/1"``.
SCHEMA: str = _gongwen.SCHEMA

Source = Union[str, bytes, os.PathLike]


class Error(ValueError):
    """Input that is not a document gongwen reads, with what to do (the message of
    ``gongwen parse`` on the command line)."""


def _units(units: Optional[Union[str, os.PathLike]]) -> Optional[str]:
    if units is None:
        return None
    with open(units, encoding="utf-8") as f:
        return f.read()


def _is_path(source: Source) -> bool:
    if isinstance(source, os.PathLike):
        return True
    # A short one-line string naming an existing file is a path; anything else is text.
    return (
        isinstance(source, str)
        and "\n" not in source
        and len(source) < 4096
        and os.path.isfile(source)
    )


def parse(
    source: Source,
    *,
    encoding: Optional[str] = None,
    units: Optional[Union[str, os.PathLike]] = None,
    include_text: bool = False,
    lang: Optional[str] = None,
) -> Dict[str, Any]:
    """Parses a document: a path (``str`` or ``os.PathLike``), its bytes (any encoding
    or format: text, web page, .docx, PDF, OFD), or its text. Gives the ``gongwen/1``
    document as a dict. ``encoding`` overrides detection for bytes and files; ``units``
    names a TSV file of more unit names; ``include_text`` adds the extracted text as
    ``doc["text"]``; ``lang`` (``"zh"`` or ``"en"``, English by default) is the language
    of the diagnostics' messages. Raises :class:`Error` for input that is not a document."""
    try:
        if _is_path(source):
            path = os.fspath(source)
            with open(path, "rb") as f:
                data = f.read()
            out = _gongwen.parse_bytes(data, path, encoding, _units(units), include_text, lang)
        elif isinstance(source, (bytes, bytearray, memoryview)):
            out = _gongwen.parse_bytes(bytes(source), None, encoding, _units(units), include_text, lang)
        elif isinstance(source, str):
            out = _gongwen.parse_text(source, _units(units), include_text, lang)
        else:
            raise TypeError(f"parse takes a path, bytes or str, not {type(source).__name__}")
    except ValueError as e:
        if isinstance(e, Error):
            raise
        raise Error(str(e)) from None
    return json.loads(out)


def parse_many(
    paths: Iterable[Union[str, os.PathLike]],
    jobs: Optional[int] = None,
    *,
    encoding: Optional[str] = None,
    units: Optional[Union[str, os.PathLike]] = None,
    include_text: bool = False,
    lang: Optional[str] = None,
) -> Iterator[Dict[str, Any]]:
    """Parses many files in parallel and yields their documents in input order. A file
    that cannot be read gives ``{"source": {"path": p}, "error": message}`` in its place.
    ``jobs`` is how many files are read at a time (default: four per core); memory stays
    flat in the number of files."""
    tsv = _units(units)
    chunk = jobs or max(1, _gongwen.threads()) * 4
    batch: List[str] = []

    def run(batch: List[str]) -> Iterator[Dict[str, Any]]:
        for path, (ok, out) in zip(batch, _gongwen.parse_paths(batch, encoding, tsv, include_text, lang)):
            yield json.loads(out) if ok else {"source": {"path": path}, "error": out}

    for p in paths:
        batch.append(os.fspath(p))
        if len(batch) >= chunk:
            yield from run(batch)
            batch = []
    if batch:
        yield from run(batch)


def check(source: Source, **kwargs: Any) -> List[Dict[str, Any]]:
    """A document's problems (numbering, brackets, missing owners…), as the
    ``diagnostics`` of :func:`parse`: each with ``code``, ``severity``, ``message``,
    ``span``, ``suggestion`` (``lang="zh"`` for the messages in Chinese)."""
    return parse(source, **kwargs)["diagnostics"]


def text(source: Source, *, encoding: Optional[str] = None) -> str:
    """The text gongwen extracts from a file or bytes: what every span points into."""
    if _is_path(source):
        with open(os.fspath(source), "rb") as f:
            source = f.read()
    if isinstance(source, str):
        return source
    try:
        return _gongwen.text_of(bytes(source), encoding)
    except ValueError as e:
        raise Error(str(e)) from None


def tables(
    paths: Iterable[Union[str, os.PathLike]],
    *,
    encoding: Optional[str] = None,
    units: Optional[Union[str, os.PathLike]] = None,
) -> Dict[str, Any]:
    """The documents as tidy tables (documents, nodes, clauses, unit_roles, quantities,
    diagnostics, citations, skipped), each a ``pyarrow.Table`` with the fixed schema the
    README lists: rows keyed by ``doc_id`` and, where it applies, ``node_id`` and
    ``parent_id``. The files are read in parallel and the tables built in Rust (handed
    over as Arrow streams, no type guessed). Files that cannot be read are left out and
    named in ``tables(...)["errors"]`` (a list of messages). Needs pyarrow
    (``pip install 'gongwen[tables]'``)."""
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "gongwen.tables needs pyarrow: pip install pyarrow (or 'gongwen[tables]')"
        ) from None
    streams, failed = _gongwen.table_ipc([os.fspath(p) for p in paths], encoding, _units(units))
    out: Dict[str, Any] = {}
    for (name, _), stream in zip(_gongwen.shapes(), streams):
        out[name] = pa.ipc.open_stream(stream).read_all()
    out["errors"] = list(failed)
    return out


def rows(
    source: Union[str, bytes, os.PathLike],
    *,
    path: Optional[str] = None,
    encoding: Optional[str] = None,
    units: Optional[Union[str, os.PathLike]] = None,
    as_json: bool = False,
) -> Dict[str, List[Any]]:
    """One document's rows of every table (``documents``, ``nodes``, …), as dicts, or as
    JSON lines with ``as_json=True``: what ``gongwen tables --format jsonl`` writes for it.
    ``source`` is a path or the file's bytes; ``path`` is the ``source`` column (the path
    read, by default). For engines that bring their own files, such as Spark's
    ``binaryFiles``. Raises :class:`Error` for input that is not a document."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        path = path if path is not None else os.fspath(source)
        with open(os.fspath(source), "rb") as f:
            data = f.read()
    try:
        lines = _gongwen.rows_of(data, path, encoding, _units(units))
    except ValueError as e:
        raise Error(str(e)) from None
    return {
        name: (table if as_json else [json.loads(l) for l in table])
        for (name, _), table in zip(_gongwen.shapes(), lines)
    }


def shapes() -> List[Any]:
    """The tables' names and columns: ``[(name, [(column, type)])]``, types as the README
    names them (``string``, ``int64``, ``float64``, ``bool``, ``date``, ``list<string>``)."""
    return [(name, list(columns)) for name, columns in _gongwen.shapes()]


#: File name extensions a folder walk takes (lower case, without the dot).
EXTENSIONS: tuple = tuple(e for e, _ in _gongwen.extensions())


def to_pandas(tables_: Dict[str, Any]) -> Dict[str, Any]:
    """The tables of :func:`tables` as pandas DataFrames (``errors`` as it is)."""
    return {k: (v if k == "errors" else v.to_pandas()) for k, v in tables_.items()}
