//! The document as tidy tables for data pipelines (`gongwen tables`): one row per
//! document, node, clause, unit in a role, quantity, diagnostic, citation and piece of
//! skipped text, each row keyed by `doc_id` and, where it applies, `node_id` and
//! `parent_id`. Every column has one type ([`Type`]); a missing value is null, never a
//! different type. The rows are made from the `gongwen/1` view ([`super::json::Ctx`]), so
//! they say what the JSON says.

use super::json::{Ctx, JsonQuantity};
use crate::model::{Document, NodeId, Role};
use crate::text::Span;
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
            ("doc_type", Str),
            ("issuers", List),
            ("recipients", List),
            ("signatory", Str),
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
            ("style", Str),
            ("enumeration", Bool),
            ("deadline", Str),
            ("deadline_date", Date),
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
            ("form", Str),
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
            ("region", Str),
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
/// a value per column. Made from the typed `gongwen/1` view, cell by cell (no JSON tree
/// is built on the way).
pub fn rows(doc: &Document) -> Vec<Vec<Vec<Value>>> {
    let ctx = Ctx::new(doc);
    let v = ctx.document();
    let mut out: Vec<Vec<Vec<Value>>> = vec![Vec::new(); SHAPES.len()];
    let id = Value::from(v.doc_id);
    let span = |s: Span| [s.start.into(), s.end.into(), s.line.into()];
    let opt = |x: Option<usize>| x.map_or(Value::Null, Value::from);
    let quantity = |q: JsonQuantity, node: &Value, parent: &Value| -> Vec<Value> {
        let mut r = vec![
            id.clone(),
            node.clone(),
            parent.clone(),
            q.text.into(),
            q.value.into(),
            q.unit.into(),
            word(q.qualifier),
            q.min.into(),
            q.max.into(),
            q.from.into(),
            q.to.into(),
            q.target.into(),
            q.deadline.into(),
        ];
        r.extend(span(q.span));
        r
    };
    if let Some(p) = &doc.preamble {
        for q in &p.quantities {
            out[4].push(quantity(ctx.quantity(q), &Value::Null, &Value::Null));
        }
    }
    let mut nodes = 0;
    let mut stack: Vec<&NodeId> = doc.roots.iter().rev().collect();
    while let Some(nid) = stack.pop() {
        nodes += 1;
        let model = doc.node(*nid);
        let n = ctx.node(nid);
        let (node, parent) = (Value::from(n.id), opt(n.parent));
        let mut r = vec![
            id.clone(),
            node.clone(),
            parent.clone(),
            word(n.part),
            n.attachment.into(),
            n.depth.into(),
            word(n.kind),
            n.label.into(),
            word(n.label_source),
            n.number.into(),
            n.path.to_string().into(),
            n.title.into(),
            n.text.into(),
        ];
        r.extend(span(n.span));
        r.push(opt(n.page));
        r.push(n.style.into());
        r.push(n.enumeration.into());
        r.push(n.deadline.into());
        r.push(n.deadline_date.clone().into());
        out[1].push(r);
        for (k, c) in model.clauses.iter().enumerate() {
            let view = ctx.clause(c);
            let names = |role| -> Value {
                c.with_role(role)
                    .map(|u| Value::from(&*doc.unit(u).name))
                    .collect()
            };
            let mut r = vec![id.clone(), node.clone(), parent.clone(), Value::from(k)];
            r.push(view.text.into());
            r.push(names(Role::Lead));
            r.push(names(Role::Responsible));
            r.push(names(Role::Support));
            r.extend(span(view.span));
            r.push(word(view.form));
            out[2].push(r);
            for u in &c.units {
                let unit = doc.unit(u.unit);
                out[3].push(vec![
                    id.clone(),
                    node.clone(),
                    parent.clone(),
                    Value::from(k),
                    Value::from(&*unit.name),
                    word(u.role),
                    Value::from(&*unit.canonical),
                    Value::from(&*unit.kind),
                    unit.region.as_deref().into(),
                ]);
            }
        }
        for q in &model.quantities {
            out[4].push(quantity(ctx.quantity(q), &node, &parent));
        }
        stack.extend(model.children.iter().rev());
    }
    for d in &doc.diagnostics {
        let d = ctx.diagnostic(d);
        let s = d.span;
        out[5].push(vec![
            id.clone(),
            word(d.code),
            word(d.severity),
            d.message.into(),
            d.suggestion.into(),
            s.start.into(),
            s.end.into(),
            s.line.into(),
            s.column.into(),
            opt(d.paragraph),
            opt(d.page),
        ]);
    }
    for c in &doc.meta.citations {
        let c = ctx.citation(c);
        let mut r = vec![
            id.clone(),
            c.title.into(),
            c.doc_number.as_ref().map(|n| n.text).into(),
        ];
        r.extend(span(c.span));
        out[6].push(r);
    }
    for s in &doc.skipped {
        let s = ctx.skipped(s);
        let mut r = vec![id.clone(), word(s.reason), s.text.into()];
        r.extend(span(s.span));
        out[7].push(r);
    }
    let meta = &v.meta;
    out[0].push(vec![
        id.clone(),
        v.source.path.into(),
        word(v.source.format),
        v.source.encoding.into(),
        v.source.bytes.into(),
        meta.title.into(),
        meta.doc_number.as_ref().map(|n| n.text).into(),
        meta.date.into(),
        meta.issuer.into(),
        Value::from(nodes),
        Value::from(doc.diagnostics.len()),
        meta.doc_type.into(),
        meta.issuers
            .iter()
            .map(|s| Value::from(s.as_str()))
            .collect(),
        meta.recipients
            .iter()
            .map(|s| Value::from(s.as_str()))
            .collect(),
        meta.signatory.into(),
    ]);
    out
}

/// A closed set's value as the JSON writes it (`lead`, `at_least`, `main`).
fn word<T: serde::Serialize>(x: T) -> Value {
    serde_json::to_value(x).expect("a word")
}

/// Days since 1970-01-01 of an ISO date (`2022-04-22`); None for anything else.
pub fn days(iso: &str) -> Option<i32> {
    let date: jiff::civil::Date = iso.parse().ok()?;
    let span = jiff::civil::date(1970, 1, 1).until(date).ok()?;
    Some(span.get_days())
}

/// A row as one JSON object (a line of JSONL), its keys in the columns' order.
pub fn json_row(shape: &Shape, row: &[Value]) -> String {
    let mut out = String::with_capacity(64 * row.len());
    out.push('{');
    for (k, ((name, _), v)) in shape.columns.iter().zip(row).enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(name); // column names are plain ASCII words
        out.push_str("\":");
        out.push_str(&serde_json::to_string(v).expect("plain data"));
    }
    out.push('}');
    out
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
