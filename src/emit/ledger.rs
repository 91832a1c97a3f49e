//! The task ledger (任务分工台账), the ledger turned around by department, and the
//! list of quantities: tables built from a parsed document.

use super::json::Ctx;
use super::table::Table;
use crate::model::{Document, Kind, NodeId, Quantity, Role};
use serde::Serialize;
use std::collections::BTreeMap;

/// The ledger's column headers in English and Chinese (`data/messages/ledger.tsv`).
static HEADERS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
    std::sync::LazyLock::new(|| {
        include_str!("../../data/messages/ledger.tsv")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });

/// Column headers of the ledger, in English (the default) or Chinese.
pub fn ledger_headers(zh: bool) -> Vec<&'static str> {
    HEADERS
        .iter()
        .map(|&(en, cn)| if zh { cn } else { en })
        .collect()
}

/// The nodes that are tasks: every node that carries a responsibility clause (State
/// Council documents put tasks at （一）, task-division plans at sections and items, task
/// tables at rows), and every item, subitem and table row even without one, so that a
/// task without owners shows. `departments` lists the owners of the same nodes.
pub fn tasks(doc: &Document) -> Vec<NodeId> {
    doc.node_ids()
        .filter(|&i| {
            let n = doc.node(i);
            !n.clauses.is_empty()
                || (matches!(n.kind(), Kind::Item | Kind::Subitem | Kind::Row)
                    && !n.style().is_decimal())
        })
        .collect()
}

/// A task of the ledger, with its owners and targets as lists.
#[derive(Debug, Clone, Serialize)]
pub struct LedgerRow {
    /// Its label path.
    pub path: String,
    /// Its number.
    pub number: u64,
    /// Its title.
    pub title: String,
    /// Lead units, as written.
    pub lead: Vec<String>,
    /// Responsible units.
    pub responsible: Vec<String>,
    /// Supporting units.
    pub support: Vec<String>,
    /// The texts of its targets.
    pub targets: Vec<String>,
    /// The targets' deadlines, each once.
    pub deadline: Vec<String>,
    /// The line of its label.
    pub line: usize,
}

/// The ledger's rows: one per task.
pub fn ledger_rows(doc: &Document) -> Vec<LedgerRow> {
    tasks(doc)
        .into_iter()
        .map(|i| {
            let n = doc.node(i);
            // The owners of every clause of the task, each once, in order.
            let owners = |role| {
                let mut out: Vec<String> = Vec::new();
                for c in n.clauses.iter() {
                    for name in doc.names(c, role) {
                        if !out.iter().any(|x| x == name) {
                            out.push(name.to_string());
                        }
                    }
                }
                out
            };
            let targets: Vec<&Quantity> = n.quantities.iter().filter(|q| q.target).collect();
            let mut deadline: Vec<String> = Vec::new();
            let own = n.deadline.as_ref();
            for d in own
                .into_iter()
                .chain(targets.iter().filter_map(|q| q.deadline.as_ref()))
            {
                let d = doc.slice(d);
                if !deadline.iter().any(|x| x == d) {
                    deadline.push(d.to_string());
                }
            }
            LedgerRow {
                path: doc.path(i),
                number: n.number(),
                title: n.title(&doc.text).to_string(),
                lead: owners(Role::Lead),
                responsible: owners(Role::Responsible),
                support: owners(Role::Support),
                targets: targets
                    .iter()
                    .map(|q| doc.slice(&q.range).to_string())
                    .collect(),
                deadline,
                line: doc.line(n.span.start),
            }
        })
        .collect()
}

impl LedgerRow {
    /// The row's cells, as the table has them: owners joined with `、`, targets and
    /// deadlines with `；`.
    pub fn cells(&self) -> Vec<String> {
        vec![
            self.path.clone(),
            self.number.to_string(),
            self.title.clone(),
            self.lead.join("、"),
            self.responsible.join("、"),
            self.support.join("、"),
            self.targets.join("；"),
            self.deadline.join("；"),
            self.line.to_string(),
        ]
    }

    /// The row as a JSON object keyed by the column headers, numbers as numbers and
    /// lists as arrays; `source` first when given.
    pub fn json(&self, zh: bool, source: Option<&str>) -> serde_json::Value {
        use serde_json::Value;
        let mut m = serde_json::Map::new();
        if let Some(s) = source {
            m.insert(source_header(zh).into(), Value::from(s));
        }
        let values = [
            Value::from(self.path.as_str()),
            Value::from(self.number),
            Value::from(self.title.as_str()),
            Value::from(self.lead.clone()),
            Value::from(self.responsible.clone()),
            Value::from(self.support.clone()),
            Value::from(self.targets.clone()),
            Value::from(self.deadline.clone()),
            Value::from(self.line),
        ];
        for (h, v) in ledger_headers(zh).into_iter().zip(values) {
            m.insert(h.into(), v);
        }
        Value::Object(m)
    }
}

/// The header of the column that names the input file, when a table holds several.
pub fn source_header(zh: bool) -> &'static str {
    if zh {
        "来源文件"
    } else {
        "source"
    }
}

/// One row per task: owners joined with `、`, targets by their text.
pub fn ledger(doc: &Document, zh: bool) -> Table {
    let mut t = Table::new(&ledger_headers(zh));
    for r in ledger_rows(doc) {
        t.push(r.cells());
    }
    t
}

/// A task, as the departments view names it.
#[derive(Serialize)]
pub struct TaskRef {
    /// Its label path.
    pub path: String,
    /// Its number.
    pub number: u64,
    /// Its title.
    pub title: String,
    /// The line of its label.
    pub line: usize,
    /// The node.
    #[serde(skip)]
    pub node: NodeId,
}

/// A unit and the tasks it leads, is responsible for and supports.
#[derive(Serialize)]
pub struct Department {
    /// The canonical name.
    pub unit: String,
    /// Its kind.
    pub kind: String,
    /// The place it belongs to (`柳州市`), when known: the same canonical name of two
    /// places is two units.
    pub region: Option<String>,
    /// The names it was written under.
    pub names: Vec<String>,
    /// The tasks it leads.
    pub lead: Vec<TaskRef>,
    /// The tasks it is responsible for.
    pub responsible: Vec<TaskRef>,
    /// The tasks it supports.
    pub support: Vec<TaskRef>,
}

/// For each unit (canonical name), the nodes it leads, is responsible for and supports,
/// in the order the units first appear.
pub fn departments(doc: &Document) -> Vec<Department> {
    let mut by: BTreeMap<(&str, Option<&str>), Department> = BTreeMap::new();
    let mut order: Vec<(&str, Option<&str>)> = Vec::new();
    for i in doc.node_ids() {
        let n = doc.node(i);
        let mut seen: Vec<((&str, Option<&str>), Role)> = Vec::new();
        for c in n.clauses.iter() {
            for u in c.units.iter() {
                let unit = doc.unit(u.unit);
                let key = (&*unit.canonical, unit.region.as_deref());
                if seen.contains(&(key, u.role)) {
                    continue;
                }
                seen.push((key, u.role));
                let d = by.entry(key).or_insert_with(|| {
                    order.push(key);
                    Department {
                        unit: key.0.to_string(),
                        kind: unit.kind.to_string(),
                        region: key.1.map(String::from),
                        names: Vec::new(),
                        lead: Vec::new(),
                        responsible: Vec::new(),
                        support: Vec::new(),
                    }
                });
                if !d.names.iter().any(|x| *x == *unit.name) {
                    d.names.push(unit.name.to_string());
                }
                let r = TaskRef {
                    path: doc.path(i),
                    number: n.number(),
                    title: n.title(&doc.text).to_string(),
                    line: doc.line(n.span.start),
                    node: i,
                };
                match u.role {
                    Role::Lead => d.lead.push(r),
                    Role::Responsible => d.responsible.push(r),
                    Role::Support => d.support.push(r),
                }
            }
        }
    }
    order.into_iter().filter_map(|u| by.remove(&u)).collect()
}

/// The departments as a flat table: one row per (unit, role, task).
pub fn departments_table(deps: &[Department]) -> Table {
    let mut t = Table::new(&[
        "unit", "kind", "role", "path", "number", "title", "line", "region",
    ]);
    for d in deps {
        for (role, list) in [
            (Role::Lead, &d.lead),
            (Role::Responsible, &d.responsible),
            (Role::Support, &d.support),
        ] {
            for r in list {
                t.push(vec![
                    d.unit.clone(),
                    d.kind.clone(),
                    role.as_str().into(),
                    r.path.clone(),
                    r.number.to_string(),
                    r.title.clone(),
                    r.line.to_string(),
                    d.region.clone().unwrap_or_default(),
                ]);
            }
        }
    }
    t
}

/// Every quantity with where it was found, as JSON values (QUANTITY plus `path` and
/// `line`): the preamble's, `loose` ones (read from text outside the outline, such as a
/// snippet that is no document: see [`crate::quantities`]) and the nodes'.
pub fn quantities_json(
    doc: &Document,
    loose: &[Quantity],
    targets_only: bool,
) -> Vec<serde_json::Value> {
    let ctx = Ctx::new(doc);
    let mut out = Vec::new();
    let mut add = |path: String, qs: &[Quantity]| {
        for q in qs.iter().filter(|q| q.target || !targets_only) {
            let mut j = serde_json::to_value(ctx.quantity(q)).expect("plain data");
            j["path"] = serde_json::Value::String(path.clone());
            j["line"] = serde_json::Value::from(doc.line(q.range.start));
            out.push(j);
        }
    };
    if let Some(p) = &doc.preamble {
        add(String::new(), &p.quantities);
    }
    add(String::new(), loose);
    for i in doc.node_ids() {
        add(doc.path(i), &doc.node(i).quantities);
    }
    out
}

/// The quantities as a table.
pub fn quantities_table(doc: &Document, loose: &[Quantity], targets_only: bool) -> Table {
    let mut t = Table::new(&[
        "path",
        "line",
        "text",
        "value",
        "unit",
        "qualifier",
        "min",
        "max",
        "from",
        "to",
        "target",
        "deadline",
    ]);
    let num = |x: &serde_json::Value| {
        if x.is_null() {
            String::new()
        } else {
            x.to_string()
        }
    };
    for q in quantities_json(doc, loose, targets_only) {
        let s = |k: &str| q[k].as_str().unwrap_or("").to_string();
        t.push(vec![
            s("path"),
            q["line"].to_string(),
            s("text"),
            num(&q["value"]),
            s("unit"),
            s("qualifier"),
            num(&q["min"]),
            num(&q["max"]),
            num(&q["from"]),
            num(&q["to"]),
            q["target"].to_string(),
            s("deadline"),
        ]);
    }
    t
}
