//! The native half of the `gongwen` Python package: thin functions over the library that
//! take bytes or text and give `gongwen/1` JSON (the Python half turns it into dicts),
//! text, or rows of the tidy tables. Parsing runs without the GIL; many files run in
//! parallel on rayon's threads.

use gongwen::{Lexicon, Options};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
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
#[pyo3(signature = (data, path=None, encoding=None, units=None, include_text=false))]
fn parse_bytes(
    py: Python<'_>,
    data: &[u8],
    path: Option<String>,
    encoding: Option<String>,
    units: Option<String>,
    include_text: bool,
) -> PyResult<String> {
    let o = options(encoding, units)?;
    py.detach(|| {
        let mut doc = gongwen::parse_bytes(data, &o).map_err(|e| e.to_string())?;
        doc.source.path = path;
        Ok::<_, String>(json(&doc, include_text))
    })
    .map_err(PyValueError::new_err)
}

/// Parses text; gives the document's JSON.
#[pyfunction]
#[pyo3(signature = (text, units=None, include_text=false))]
fn parse_text(
    py: Python<'_>,
    text: String,
    units: Option<String>,
    include_text: bool,
) -> PyResult<String> {
    let o = options(None, units)?;
    Ok(py.detach(|| json(&gongwen::parse_string(text, &o), include_text)))
}

/// Reads and parses files in parallel, without the GIL: for each path, in order,
/// `(True, json)` or `(False, message)`.
#[pyfunction]
#[pyo3(signature = (paths, encoding=None, units=None, include_text=false))]
fn parse_paths(
    py: Python<'_>,
    paths: Vec<String>,
    encoding: Option<String>,
    units: Option<String>,
    include_text: bool,
) -> PyResult<Vec<(bool, String)>> {
    let o = options(encoding, units)?;
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

/// The rows of the tidy tables of these files, read in parallel without the GIL: for
/// each table (in the order of `shapes()`), its rows as JSON lines; and the files that
/// could not be read, with why.
#[pyfunction]
#[pyo3(signature = (paths, encoding=None, units=None))]
fn table_rows(
    py: Python<'_>,
    paths: Vec<String>,
    encoding: Option<String>,
    units: Option<String>,
) -> PyResult<(Vec<Vec<String>>, Vec<String>)> {
    use gongwen::emit::tidy::{json_row, rows, SHAPES};
    let o = options(encoding, units)?;
    Ok(py.detach(|| {
        let read: Vec<Result<Vec<Vec<Vec<serde_json::Value>>>, String>> = paths
            .par_iter()
            .map(|p| {
                let bytes = std::fs::read(p).map_err(|e| format!("{p}: cannot read: {e}"))?;
                let mut doc = gongwen::parse_vec(bytes, &o).map_err(|e| format!("{p}: {e}"))?;
                doc.source.path = Some(p.clone());
                Ok(rows(&doc))
            })
            .collect();
        let mut tables: Vec<Vec<String>> = vec![Vec::new(); SHAPES.len()];
        let mut failed = Vec::new();
        for r in read {
            match r {
                Ok(t) => {
                    for ((shape, out), rows) in SHAPES.iter().zip(&mut tables).zip(t) {
                        out.extend(rows.iter().map(|row| json_row(shape, row)));
                    }
                }
                Err(e) => failed.push(e),
            }
        }
        (tables, failed)
    }))
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
    m.add_function(wrap_pyfunction!(table_rows, m)?)?;
    m.add_function(wrap_pyfunction!(threads, m)?)?;
    m.add("SCHEMA", gongwen::emit::SCHEMA)?;
    Ok(())
}
