import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

SCHEMA: str
EXTENSIONS: Tuple[str, ...]
Source = Union[str, bytes, os.PathLike]

class Error(ValueError):
    """Input that is not a document gongwen reads, with what to do."""

def parse(
    source: Source,
    *,
    encoding: Optional[str] = ...,
    units: Optional[Union[str, os.PathLike]] = ...,
    include_text: bool = ...,
    lang: Optional[str] = ...,
) -> Dict[str, Any]:
    """A document (path, bytes or text) as the gongwen/1 JSON, as a dict."""

def parse_many(
    paths: Iterable[Union[str, os.PathLike]],
    jobs: Optional[int] = ...,
    *,
    encoding: Optional[str] = ...,
    units: Optional[Union[str, os.PathLike]] = ...,
    include_text: bool = ...,
    lang: Optional[str] = ...,
) -> Iterator[Dict[str, Any]]:
    """Many files in parallel, in input order; errors as {"source", "error"} values."""

def check(source: Source, **kwargs: Any) -> List[Dict[str, Any]]:
    """A document's diagnostics."""

def text(source: Source, *, encoding: Optional[str] = ...) -> str:
    """The extracted text every span points into."""

def tables(
    paths: Iterable[Union[str, os.PathLike]],
    *,
    encoding: Optional[str] = ...,
    units: Optional[Union[str, os.PathLike]] = ...,
) -> Dict[str, Any]:
    """The tidy tables as pyarrow.Table, and "errors"."""

def rows(
    source: Union[str, bytes, os.PathLike],
    *,
    path: Optional[str] = ...,
    encoding: Optional[str] = ...,
    units: Optional[Union[str, os.PathLike]] = ...,
    as_json: bool = ...,
) -> Dict[str, List[Any]]:
    """One document's rows of every table, as dicts (or JSON lines with as_json=True)."""

def shapes() -> List[Tuple[str, List[Tuple[str, str]]]]:
    """The tables' names and (column, type) lists."""

def to_pandas(tables_: Dict[str, Any]) -> Dict[str, Any]:
    """The tables as pandas DataFrames."""
