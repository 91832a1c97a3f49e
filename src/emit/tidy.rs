//! The document as tidy tables for data pipelines (`gongwen tables`): one row per
//! document, node, clause, unit in a role, quantity, diagnostic, citation and piece of
//! skipped text, each row keyed by `doc_id` and, where it applies, `node_id` and
//! `parent_id`. Every column has one type ([`Type`]); a missing value is null, never a
//! different type. The rows are made from the `gongwen/1` view ([`super::json::Ctx`]), so
//! they say what the JSON says.

use super::json::Ctx;
use crate::model::Document;
use serde_json::Value;

/// The type of a column: the same for every row of every document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Text (UTF-8).
    Str,
    /// A whole number (int64).
    Int,
    /// A number with a fraction (float64), also when it is whole.
    Float,
    /// True or false.
    Bool,
    /// A list of texts (joined with `、` in CSV).
    List,
    /// A calendar date: ISO `2022-04-22` in CSV and JSONL, a date (days since 1970) in
    /// Parquet and Arrow.
    Date,
}

impl Type {
    /// Its name in the README's column lists.
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Str => "string",
            Type::Int => "int64",
            Type::Float => "float64",
            Type::Bool => "bool",
            Type::List => "list<string>",
            Type::Date => "date",
        }
    }
}

/// A table's name and columns.
pub struct Shape {
    /// The file name, without extension.
    pub name: &'static str,
    /// Column names and types.
    pub columns: &'static [(&'static str, Type)],
}

use Type::*;

/// Every table `gongwen tables` writes, in order.
pub const SHAPES: &[Shape] = &[
    Shape {
        name: "documents",
        columns: &[
            ("doc_id", Str),
            ("source", Str),
            ("format", Str),
            ("encoding", Str),
            ("bytes", Int),
            ("title", Str),
            ("doc_number", Str),
            ("date", Date),
            ("issuer", Str),
            ("nodes", Int),
            ("diagnostics", Int),
        ],
    },
    Shape {
        name: "nodes",
        columns: &[
            ("doc_id", Str),
            ("node_id", Int),
            ("parent_id", Int),
            ("part", Str),
            ("attachment", Int),
            ("depth", Int),
            ("kind", Str),
            ("label", Str),
            ("label_source", Str),
            ("number", Int),
            ("path", Str),
            ("title", Str),
            ("text", Str),
            ("start", Int),
            ("end", Int),
            ("line", Int),
            ("page", Int),
        ],
    },
    Shape {
        name: "clauses",
        columns: &[
            ("doc_id", Str),
            ("node_id", Int),
            ("parent_id", Int),
            ("clause", Int),
            ("text", Str),
            ("lead", List),
            ("responsible", List),
            ("support", List),
            ("start", Int),
            ("end", Int),
            ("line", Int),
        ],
    },
    Shape {
        name: "unit_roles",
        columns: &[
            ("doc_id", Str),
            ("node_id", Int),
            ("parent_id", Int),
            ("clause", Int),
            ("name", Str),
            ("role", Str),
            ("canonical", Str),
            ("kind", Str),
        ],
    },
    Shape {
        name: "quantities",
        columns: &[
            ("doc_id", Str),
            ("node_id", Int),
            ("parent_id", Int),
            ("text", Str),
            ("value", Float),
            ("unit", Str),
            ("qualifier", Str),
            ("min", Float),
            ("max", Float),
            ("from", Float),
            ("to", Float),
            ("target", Bool),
            ("deadline", Str),
            ("start", Int),
            ("end", Int),
            ("line", Int),
        ],
    },
    Shape {
        name: "diagnostics",
        columns: &[
            ("doc_id", Str),
            ("code", Str),
            ("severity", Str),
            ("message", Str),
            ("suggestion", Str),
            ("start", Int),
            ("end", Int),
            ("line", Int),
            ("column", Int),
            ("paragraph", Int),
            ("page", Int),
        ],
    },
    Shape {
        name: "citations",
        columns: &[
            ("doc_id", Str),
            ("title", Str),
            ("doc_number", Str),
            ("start", Int),
            ("end", Int),
            ("line", Int),
        ],
    },
    Shape {
        name: "skipped",
        columns: &[
            ("doc_id", Str),
            ("reason", Str),
            ("text", Str),
            ("start", Int),
            ("end", Int),
            ("line", Int),
        ],
    },
];

/// The rows of each table of [`SHAPES`] for one document (in the same order), each row
/// a value per column.
pub fn rows(doc: &Document) -> Vec<Vec<Vec<Value>>> {
    let ctx = Ctx::new(doc);
    let v = serde_json::to_value(ctx.document()).expect("plain data");
    let mut out: Vec<Vec<Vec<Value>>> = vec![Vec::new(); SHAPES.len()];
    let id = v["doc_id"].clone();
    let span = |s: &Value| [s["start"].clone(), s["end"].clone(), s["line"].clone()];
    let mut nodes = 0;
    let mut stack: Vec<&Value> = v["nodes"].as_array().into_iter().flatten().rev().collect();
    let quantity = |q: &Value, node: &Value, parent: &Value| -> Vec<Value> {
        let mut r = vec![
            id.clone(),
            node.clone(),
            parent.clone(),
            q["text"].clone(),
            float(&q["value"]),
            q["unit"].clone(),
            q["qualifier"].clone(),
            float(&q["min"]),
            float(&q["max"]),
            float(&q["from"]),
            float(&q["to"]),
            q["target"].clone(),
            q["deadline"].clone(),
        ];
        r.extend(span(&q["span"]));
        r
    };
    if let Some(qs) = v["preamble"]["quantities"].as_array() {
        for q in qs {
            out[4].push(quantity(q, &Value::Null, &Value::Null));
        }
    }
    while let Some(n) = stack.pop() {
        nodes += 1;
        let (node, parent) = (n["id"].clone(), n["parent"].clone());
        let mut r = vec![id.clone(), node.clone(), parent.clone()];
        for k in [
            "part",
            "attachment",
            "depth",
            "kind",
            "label",
            "label_source",
            "number",
            "path",
            "title",
            "text",
        ] {
            r.push(n[k].clone());
        }
        r.extend(span(&n["span"]));
        r.push(n["page"].clone());
        out[1].push(r);
        for (k, c) in n["clauses"].as_array().into_iter().flatten().enumerate() {
            let mut r = vec![id.clone(), node.clone(), parent.clone(), Value::from(k)];
            for f in ["text", "lead", "responsible", "support"] {
                r.push(c[f].clone());
            }
            r.extend(span(&c["span"]));
            out[2].push(r);
            for u in c["units"].as_array().into_iter().flatten() {
                let mut r = vec![id.clone(), node.clone(), parent.clone(), Value::from(k)];
                for f in ["name", "role", "canonical", "kind"] {
                    r.push(u[f].clone());
                }
                out[3].push(r);
            }
        }
        for q in n["quantities"].as_array().into_iter().flatten() {
            out[4].push(quantity(q, &node, &parent));
        }
        stack.extend(n["children"].as_array().into_iter().flatten().rev());
    }
    for d in v["diagnostics"].as_array().into_iter().flatten() {
        let mut r = vec![id.clone()];
        for f in ["code", "severity", "message", "suggestion"] {
            r.push(d[f].clone());
        }
        for f in ["start", "end", "line", "column"] {
            r.push(d["span"][f].clone());
        }
        r.push(d["paragraph"].clone());
        r.push(d["page"].clone());
        out[5].push(r);
    }
    for c in v["meta"]["citations"].as_array().into_iter().flatten() {
        let mut r = vec![
            id.clone(),
            c["title"].clone(),
            c["doc_number"]["text"].clone(),
        ];
        r.extend(span(&c["span"]));
        out[6].push(r);
    }
    for s in v["skipped"].as_array().into_iter().flatten() {
        let mut r = vec![id.clone(), s["reason"].clone(), s["text"].clone()];
        r.extend(span(&s["span"]));
        out[7].push(r);
    }
    let meta = &v["meta"];
    out[0].push(vec![
        id.clone(),
        v["source"]["path"].clone(),
        v["source"]["format"].clone(),
        v["source"]["encoding"].clone(),
        v["source"]["bytes"].clone(),
        meta["title"].clone(),
        meta["doc_number"]["text"].clone(),
        meta["date"].clone(),
        meta["issuer"].clone(),
        Value::from(nodes),
        Value::from(v["diagnostics"].as_array().map_or(0, Vec::len)),
    ]);
    out
}

/// A number as a float64 (`3` → `3.0`), null kept.
fn float(v: &Value) -> Value {
    v.as_f64().map_or(Value::Null, Value::from)
}

/// Days since 1970-01-01 of an ISO date (`2022-04-22`); None for anything else.
pub fn days(iso: &str) -> Option<i32> {
    let date: jiff::civil::Date = iso.parse().ok()?;
    let span = jiff::civil::date(1970, 1, 1).until(date).ok()?;
    Some(span.get_days())
}

/// A row as one JSON object (a line of JSONL).
pub fn json_row(shape: &Shape, row: &[Value]) -> String {
    let mut m = serde_json::Map::new();
    for ((name, _), v) in shape.columns.iter().zip(row) {
        m.insert((*name).into(), v.clone());
    }
    serde_json::to_string(&Value::Object(m)).expect("plain data")
}

/// A row as CSV cells: null empty, lists joined with `、`.
pub fn csv_row(row: &[Value]) -> Vec<String> {
    row.iter()
        .map(|v| match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(a) => a
                .iter()
                .map(|x| x.as_str().map_or_else(|| x.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join("、"),
            other => other.to_string(),
        })
        .collect()
}

/// The Arrow schema of a table: its columns with their types, every column nullable.
#[cfg(feature = "parquet")]
pub fn arrow_schema(shape: &Shape) -> arrow_schema::Schema {
    use arrow_schema::{DataType, Field};
    let fields: Vec<Field> = shape
        .columns
        .iter()
        .map(|(name, t)| {
            let dt = match t {
                Type::Str => DataType::Utf8,
                Type::Int => DataType::Int64,
                Type::Float => DataType::Float64,
                Type::Bool => DataType::Boolean,
                Type::List => DataType::List(std::sync::Arc::new(Field::new(
                    "item",
                    DataType::Utf8,
                    true,
                ))),
                Type::Date => DataType::Date32,
            };
            Field::new(*name, dt, true)
        })
        .collect();
    arrow_schema::Schema::new(fields)
}

/// Rows of a table as one Arrow record batch of [`arrow_schema`]'s schema.
#[cfg(feature = "parquet")]
pub fn record_batch(
    shape: &Shape,
    rows: &[Vec<Value>],
) -> Result<arrow_array::RecordBatch, arrow_schema::ArrowError> {
    use arrow_array::builder::{
        BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    };
    use arrow_array::ArrayRef;
    use std::sync::Arc;
    let columns: Vec<ArrayRef> = shape
        .columns
        .iter()
        .enumerate()
        .map(|(k, (_, t))| -> ArrayRef {
            let cells = rows.iter().map(|r| &r[k]);
            match t {
                Type::Str => {
                    let mut b = StringBuilder::new();
                    cells.for_each(|v| b.append_option(v.as_str()));
                    Arc::new(b.finish())
                }
                Type::Int => {
                    let mut b = Int64Builder::new();
                    cells.for_each(|v| b.append_option(v.as_i64()));
                    Arc::new(b.finish())
                }
                Type::Float => {
                    let mut b = Float64Builder::new();
                    cells.for_each(|v| b.append_option(v.as_f64()));
                    Arc::new(b.finish())
                }
                Type::Bool => {
                    let mut b = BooleanBuilder::new();
                    cells.for_each(|v| b.append_option(v.as_bool()));
                    Arc::new(b.finish())
                }
                Type::Date => {
                    let mut b = Date32Builder::new();
                    cells.for_each(|v| b.append_option(v.as_str().and_then(days)));
                    Arc::new(b.finish())
                }
                Type::List => {
                    let mut b = ListBuilder::new(StringBuilder::new());
                    for v in cells {
                        match v.as_array() {
                            Some(items) => {
                                for x in items {
                                    b.values().append_option(x.as_str());
                                }
                                b.append(true);
                            }
                            None => b.append(false),
                        }
                    }
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    arrow_array::RecordBatch::try_new(Arc::new(arrow_schema(shape)), columns)
}

#[cfg(test)]
mod tests {
    use super::days;

    #[test]
    fn days_count_from_1970() {
        assert_eq!(days("1970-01-01"), Some(0));
        assert_eq!(days("2022-04-22"), Some(19_104));
        assert_eq!(days("1969-12-31"), Some(-1));
        assert_eq!(days("2024-02-29"), Some(19_782));
        assert_eq!(days("2023-02-29"), None);
        assert_eq!(days("2022年"), None);
    }
}
