//! `gongwen tables`: documents as tidy tables, one file per table, written as the
//! documents are read (in parallel, a chunk at a time, so memory stays flat in their
//! number), rows in the files' order.

use crate::batch::{Tally, Walked};
use crate::cli::TidyFormat;
use crate::load;
use gongwen::emit::tidy::{csv_row, json_row, rows, SHAPES};
use gongwen::Options;
use rayon::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// One writer per table, into a file or memory.
pub(crate) enum Sink<W: Write + Send> {
    Csv(Box<csv::Writer<W>>),
    Jsonl(W),
    /// Each document's rows come as a record batch; the writer gathers them into row
    /// groups.
    #[cfg(feature = "parquet")]
    Parquet(Box<parquet::arrow::ArrowWriter<W>>),
}

/// Rows in one Parquet row group at most.
#[cfg(feature = "parquet")]
const ROW_GROUP: usize = 16_384;

/// A table file's extension.
pub(crate) fn extension(format: TidyFormat) -> &'static str {
    match format {
        TidyFormat::Csv => "csv",
        TidyFormat::Jsonl => "jsonl",
        #[cfg(feature = "parquet")]
        TidyFormat::Parquet => "parquet",
    }
}

impl<W: Write + Send> Sink<W> {
    /// A writer of a table in a format, its header (and CSV's byte-order mark) written.
    pub(crate) fn new(
        format: TidyFormat,
        shape: &gongwen::emit::tidy::Shape,
        mut w: W,
    ) -> Result<Sink<W>, String> {
        Ok(match format {
            TidyFormat::Csv => {
                // A byte-order mark, so that Excel reads UTF-8.
                w.write_all("\u{feff}".as_bytes())
                    .map_err(|e| e.to_string())?;
                let mut c = csv::Writer::from_writer(w);
                c.write_record(shape.columns.iter().map(|(n, _)| *n))
                    .map_err(|e| e.to_string())?;
                Sink::Csv(Box::new(c))
            }
            TidyFormat::Jsonl => Sink::Jsonl(w),
            #[cfg(feature = "parquet")]
            TidyFormat::Parquet => {
                let props = parquet::file::properties::WriterProperties::builder()
                    .set_compression(parquet::basic::Compression::SNAPPY)
                    .set_max_row_group_row_count(Some(ROW_GROUP))
                    .build();
                let schema = std::sync::Arc::new(gongwen::emit::tidy::arrow_schema(shape));
                let w = parquet::arrow::ArrowWriter::try_new(w, schema, Some(props))
                    .map_err(|e| e.to_string())?;
                Sink::Parquet(Box::new(w))
            }
        })
    }

    /// Writes one document's rows of the table.
    pub(crate) fn put(&mut self, table: Encoded) -> Result<(), String> {
        match (self, table) {
            (Sink::Csv(c), Encoded::Csv(rows)) => {
                for row in rows {
                    c.write_record(row).map_err(|e| e.to_string())?;
                }
            }
            (Sink::Jsonl(w), Encoded::Jsonl(lines)) => {
                for line in lines {
                    writeln!(w, "{line}").map_err(|e| e.to_string())?;
                }
            }
            #[cfg(feature = "parquet")]
            (Sink::Parquet(w), Encoded::Batch(batch)) => {
                w.write(&batch).map_err(|e| e.to_string())?
            }
            _ => unreachable!("rows are encoded for the sinks' format"),
        }
        Ok(())
    }

    /// Ends the table; gives back what it was written into.
    pub(crate) fn finish(self) -> Result<W, String> {
        match self {
            Sink::Csv(c) => c.into_inner().map_err(|e| e.to_string()),
            Sink::Jsonl(mut w) => w.flush().map(|_| w).map_err(|e| e.to_string()),
            #[cfg(feature = "parquet")]
            Sink::Parquet(w) => w.into_inner().map_err(|e| e.to_string()),
        }
    }
}

/// A table's rows of one document, made ready for its sink on the worker thread that
/// parsed the document (so that only writing is left to the thread that writes).
pub(crate) enum Encoded {
    Csv(Vec<Vec<String>>),
    Jsonl(Vec<String>),
    #[cfg(feature = "parquet")]
    Batch(arrow_array::RecordBatch),
}

pub(crate) fn encode(
    format: TidyFormat,
    tables: Vec<Vec<Vec<serde_json::Value>>>,
) -> Result<Vec<Encoded>, String> {
    SHAPES
        .iter()
        .zip(tables)
        .map(|(shape, rows)| {
            Ok(match format {
                TidyFormat::Csv => Encoded::Csv(rows.iter().map(|r| csv_row(r)).collect()),
                TidyFormat::Jsonl => {
                    Encoded::Jsonl(rows.iter().map(|r| json_row(shape, r)).collect())
                }
                #[cfg(feature = "parquet")]
                TidyFormat::Parquet => Encoded::Batch(
                    gongwen::emit::tidy::record_batch(shape, &rows).map_err(|e| e.to_string())?,
                ),
            })
        })
        .collect()
}

pub(crate) fn write_tables(
    walk: &Walked,
    dir: &Path,
    format: TidyFormat,
    options: &Options,
) -> ExitCode {
    match write(walk, dir, format, options) {
        Ok((tally, failed)) => {
            eprintln!(
                "gongwen: {}; tables in {}",
                tally.summary(walk),
                dir.display()
            );
            if failed {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("gongwen: {e}");
            ExitCode::from(2)
        }
    }
}

fn write(
    walk: &Walked,
    dir: &Path,
    format: TidyFormat,
    options: &Options,
) -> Result<(Tally, bool), String> {
    if walk.files.is_empty() {
        return Err(say_args!(crate::lang(), "cli-no-documents-given"));
    }
    let cannot = |p: &Path, e: std::io::Error| format!("{}: cannot write: {e}", p.display());
    std::fs::create_dir_all(dir).map_err(|e| cannot(dir, e))?;
    let mut sinks = Vec::new();
    for shape in SHAPES {
        let path = dir.join(format!("{}.{}", shape.name, extension(format)));
        let file = std::fs::File::create(&path).map_err(|e| cannot(&path, e))?;
        let w = std::io::BufWriter::new(file);
        sinks.push(Sink::new(format, shape, w).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    let mut tally = Tally::default();
    let mut failed = walk.unreadable > 0;
    let chunk = rayon::current_num_threads().max(1) * 4;
    for group in walk.files.chunks(chunk) {
        let results: Vec<_> = group
            .par_iter()
            .map(|p| {
                load(p, options).map(|mut doc| {
                    doc.source.path = Some(p.display().to_string());
                    (doc.source.format, encode(format, rows(&doc)))
                })
            })
            .collect();
        for r in results {
            let (format, tables) = match r {
                Ok(x) => x,
                Err(e) => {
                    eprintln!("gongwen: {e}");
                    tally.failed += 1;
                    failed = true;
                    continue;
                }
            };
            tally.add(format);
            for (sink, table) in sinks.iter_mut().zip(tables?) {
                sink.put(table)?;
            }
        }
    }
    for sink in sinks {
        let mut w = sink.finish()?;
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok((tally, failed))
}
