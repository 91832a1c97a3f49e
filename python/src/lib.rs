//! The native half of the `gongwen` Python package: thin functions over the library that
//! take bytes or text and give `gongwen/1` JSON (the Python half turns it into dicts),
//! text, or rows of the tidy tables. Parsing runs without the GIL; many files run in
//! parallel on rayon's threads.

use gongwen::emit::tidy::{json_row, record_batch, rows, SHAPES};
use gongwen::{Lexicon, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;
use serde_json::Value;
use std::sync::Arc;

/// Options from the Python arguments: an encoding label, a units file's text.
fn options(encoding: Option<String>, units: Option<String>) -> PyResult<Options> {
    let mut o = Options {
        encoding,
        ..Options::default()
    };
    if let Some(tsv) = units {
        let mut lexicon = (*Lexicon::builtin()).clone();
        lexicon
            .add_units(&tsv)
            .map_err(|e| PyValueError::new_err(format!("units: {e}")))?;
        o.lexicon = Arc::new(lexicon);
    }
    Ok(o)
}

/// The language of messages: `"zh"`, `"en"`, or English when not given.
fn language(lang: Option<String>) -> PyResult<gongwen::Lang> {
    match lang.as_deref() {
        None | Some("en") => Ok(gongwen::Lang::En),
        Some("zh") => Ok(gongwen::Lang::Zh),
        Some(other) => Err(PyValueError::new_err(format!(
            "lang={other:?}: use \"zh\" or \"en\""
        ))),
    }
}

fn json(doc: &gongwen::Document, include_text: bool) -> String {
    let style = gongwen::emit::json::Style {
        pretty: false,
        include_text,
    };
    gongwen::emit::json::to_string_styled(doc, style)
}

/// Parses bytes (borrowed from Python's `bytes`, not copied element by element); gives the
/// document's JSON. Raises ValueError for input that is not a
/// document (with what to do).
#[pyfunction]
#[pyo3(signature = (data, path=None, encoding=None, units=None, include_text=false, lang=None))]
fn parse_bytes(
    py: Python<'_>,
    data: &[u8],
    path: Option<String>,
    encoding: Option<String>,
    units: Option<String>,
    include_text: bool,
    lang: Option<String>,
) -> PyResult<String> {
    let o = options(encoding, units)?.with_lang(language(lang)?);
    py.detach(|| {
        let mut doc = gongwen::parse_bytes(data, &o).map_err(|e| e.to_string())?;
        doc.source.path = path;
        Ok::<_, String>(json(&doc, include_text))
    })
    .map_err(PyValueError::new_err)
}

/// Parses text; gives the document's JSON.
#[pyfunction]
#[pyo3(signature = (text, units=None, include_text=false, lang=None))]
fn parse_text(
    py: Python<'_>,
    text: String,
    units: Option<String>,
    include_text: bool,
    lang: Option<String>,
) -> PyResult<String> {
    let o = options(None, units)?.with_lang(language(lang)?);
    Ok(py.detach(|| json(&gongwen::parse_string(text, &o), include_text)))
}

/// Reads and parses files in parallel, without the GIL: for each path, in order,
/// `(True, json)` or `(False, message)`.
#[pyfunction]
#[pyo3(signature = (paths, encoding=None, units=None, include_text=false, lang=None))]
fn parse_paths(
    py: Python<'_>,
    paths: Vec<String>,
    encoding: Option<String>,
    units: Option<String>,
    include_text: bool,
    lang: Option<String>,
) -> PyResult<Vec<(bool, String)>> {
    let o = options(encoding, units)?.with_lang(language(lang)?);
    Ok(py.detach(|| {
        paths
            .par_iter()
            .map(|p| match std::fs::read(p) {
                Err(e) => (false, format!("{p}: cannot read: {e}")),
                Ok(bytes) => match gongwen::parse_vec(bytes, &o) {
                    Err(e) => (false, format!("{p}: {e}")),
                    Ok(mut doc) => {
                        doc.source.path = Some(p.clone());
                        (true, json(&doc, include_text))
                    }
                },
            })
            .collect()
    }))
}

/// The text gongwen extracts from bytes: what every span points into.
#[pyfunction]
#[pyo3(signature = (data, encoding=None))]
fn text_of(py: Python<'_>, data: &[u8], encoding: Option<String>) -> PyResult<String> {
    let o = options(encoding, None)?;
    py.detach(|| gongwen::parse_bytes(data, &o).map(|d| d.text))
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The tidy tables' names and columns: `[(name, [(column, type)])]`, types as the README
/// names them (`string`, `int64`, `float64`, `bool`, `list<string>`).
#[pyfunction]
fn shapes() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    gongwen::emit::tidy::SHAPES
        .iter()
        .map(|s| {
            (
                s.name,
                s.columns.iter().map(|(n, t)| (*n, t.as_str())).collect(),
            )
        })
        .collect()
}

/// Reads and parses files in parallel without the GIL: each file's rows of every table
/// ([`rows`]), in the files' order, or why it could not be read.
fn read_rows(paths: &[String], o: &Options) -> Vec<Result<Vec<Vec<Vec<Value>>>, String>> {
    paths
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).map_err(|e| format!("{p}: cannot read: {e}"))?;
            let mut doc = gongwen::parse_vec(bytes, o).map_err(|e| format!("{p}: {e}"))?;
            doc.source.path = Some(p.clone());
            Ok(rows(&doc))
        })
        .collect()
}

/// The tidy tables of these files as Arrow IPC streams, one per table in the order of
/// `shapes()`, each of the table's fixed schema (pyarrow reads them without guessing a
/// type); and the files that could not be read, with why.
#[pyfunction]
#[pyo3(signature = (paths, encoding=None, units=None))]
fn table_ipc<'py>(
    py: Python<'py>,
    paths: Vec<String>,
    encoding: Option<String>,
    units: Option<String>,
) -> PyResult<(Vec<Bound<'py, PyBytes>>, Vec<String>)> {
    let o = options(encoding, units)?;
    let (streams, failed) = py
        .detach(|| {
            let mut tables: Vec<Vec<Vec<Value>>> = vec![Vec::new(); SHAPES.len()];
            let mut failed = Vec::new();
            for r in read_rows(&paths, &o) {
                match r {
                    Ok(t) => tables
                        .iter_mut()
                        .zip(t)
                        .for_each(|(out, rows)| out.extend(rows)),
                    Err(e) => failed.push(e),
                }
            }
            let streams = SHAPES
                .iter()
                .zip(&tables)
                .map(|(shape, rows)| {
                    let batch = record_batch(shape, rows)?;
                    let mut buf = Vec::new();
                    let mut w =
                        arrow_ipc::writer::StreamWriter::try_new(&mut buf, &batch.schema())?;
                    w.write(&batch)?;
                    w.finish()?;
                    drop(w);
                    Ok(buf)
                })
                .collect::<Result<Vec<Vec<u8>>, arrow_schema::ArrowError>>()?;
            Ok::<_, arrow_schema::ArrowError>((streams, failed))
        })
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok((
        streams.iter().map(|b| PyBytes::new(py, b)).collect(),
        failed,
    ))
}

/// One document's rows of every table (in the order of `shapes()`), as JSON lines:
/// what `gongwen tables --format jsonl` writes for it. `path` is its `source`. Raises
/// ValueError for input that is not a document.
#[pyfunction]
#[pyo3(signature = (data, path=None, encoding=None, units=None))]
fn rows_of(
    py: Python<'_>,
    data: &[u8],
    path: Option<String>,
    encoding: Option<String>,
    units: Option<String>,
) -> PyResult<Vec<Vec<String>>> {
    let o = options(encoding, units)?;
    py.detach(|| {
        let mut doc = gongwen::parse_bytes(data, &o).map_err(|e| e.to_string())?;
        doc.source.path = path;
        Ok::<_, String>(
            SHAPES
                .iter()
                .zip(rows(&doc))
                .map(|(shape, rows)| rows.iter().map(|r| json_row(shape, r)).collect())
                .collect(),
        )
    })
    .map_err(PyValueError::new_err)
}

/// File name extensions a folder walk takes: `[(extension, format)]`.
#[pyfunction]
fn extensions() -> Vec<(&'static str, &'static str)> {
    gongwen::EXTENSIONS.to_vec()
}

/// How many threads parallel calls use (rayon's global pool).
#[pyfunction]
fn threads() -> usize {
    rayon::current_num_threads()
}

#[pymodule]
fn _gongwen(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_text, m)?)?;
    m.add_function(wrap_pyfunction!(parse_paths, m)?)?;
    m.add_function(wrap_pyfunction!(text_of, m)?)?;
    m.add_function(wrap_pyfunction!(shapes, m)?)?;
    m.add_function(wrap_pyfunction!(table_ipc, m)?)?;
    m.add_function(wrap_pyfunction!(rows_of, m)?)?;
    m.add_function(wrap_pyfunction!(extensions, m)?)?;
    m.add_function(wrap_pyfunction!(threads, m)?)?;
    m.add("SCHEMA", gongwen::emit::SCHEMA)?;
    Ok(())
}
