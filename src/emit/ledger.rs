//! The task ledger (任务分工台账), the ledger turned around by department, and the
//! list of quantities: tables built from a parsed document.

use super::json::View;
use super::table::Table;
use crate::extract::responsibility::Role;
use crate::extract::units::Units;
use crate::model::Document;
use serde::Serialize;
use std::collections::BTreeMap;

/// Column headers of the ledger, in English (the default) or Chinese.
pub fn ledger_headers(zh: bool) -> [&'static str; 9] {
    if zh {
        [
            "序号",
            "编号",
            "任务",
            "牵头单位",
            "责任单位",
            "配合单位",
            "量化指标",
            "完成时限",
            "行号",
        ]
    } else {
        [
            "path",
            "number",
            "title",
            "lead",
            "responsible",
            "support",
            "targets",
            "deadline",
            "line",
        ]
    }
}

/// The nodes that are tasks: items and subitems; in a document without items, every
/// node that carries a responsibility clause (State Council documents put tasks at （一）).
pub fn tasks(doc: &Document) -> Vec<usize> {
    let has_items = doc.nodes.iter().any(|n| n.kind() == "item");
    doc.node_ids()
        .filter(|&i| {
            let n = &doc.nodes[i];
            if has_items {
                matches!(n.kind(), "item" | "subitem") && !n.style().is_decimal()
            } else {
                !n.clauses.is_empty()
            }
        })
        .collect()
}

/// One row per task: owners joined with `、`, targets by their text.
pub fn ledger(doc: &Document, zh: bool) -> Table {
    let mut t = Table::new(&ledger_headers(zh));
    for i in tasks(doc) {
        let n = &doc.nodes[i];
        let (lead, resp, sup) = n
            .responsibility()
            .map(|c| {
                (
                    c.lead.join("、"),
                    c.responsible.join("、"),
                    c.support.join("、"),
                )
            })
            .unwrap_or_default();
        let targets: Vec<&crate::extract::quantity::Quantity> =
            n.quantities.iter().filter(|q| q.target).collect();
        let deadlines: Vec<&str> = targets
            .iter()
            .filter_map(|q| q.deadline.as_deref())
            .collect();
        let mut dl: Vec<&str> = Vec::new();
        for d in deadlines {
            if !dl.contains(&d) {
                dl.push(d);
            }
        }
        t.push(vec![
            doc.path(i),
            n.number().to_string(),
            n.title(&doc.text).to_string(),
            lead,
            resp,
            sup,
            targets
                .iter()
                .map(|q| doc.slice(&q.range))
                .collect::<Vec<_>>()
                .join("；"),
            dl.join("；"),
            doc.index.line(n.span.start).to_string(),
        ]);
    }
    t
}

#[derive(Serialize)]
pub struct TaskRef {
    pub path: String,
    pub number: u64,
    pub title: String,
    pub line: usize,
}

#[derive(Serialize)]
pub struct Department {
    pub unit: String,
    pub kind: String,
    /// The names it was written under.
    pub names: Vec<String>,
    pub lead: Vec<TaskRef>,
    pub responsible: Vec<TaskRef>,
    pub support: Vec<TaskRef>,
}

/// For each unit (canonical name), the nodes it leads, is responsible for and supports.
pub fn departments(doc: &Document, units: &Units) -> Vec<Department> {
    let mut by: BTreeMap<String, Department> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for i in doc.node_ids() {
        let n = &doc.nodes[i];
        let mut seen: Vec<(String, Role)> = Vec::new();
        for c in &n.clauses {
            for (role, name) in c.units() {
                let (canonical, kind) = units.resolve(name);
                let (canonical, kind) = (canonical.to_string(), kind.to_string());
                if seen.contains(&(canonical.clone(), role)) {
                    continue;
                }
                seen.push((canonical.clone(), role));
                let d = by.entry(canonical.clone()).or_insert_with(|| {
                    order.push(canonical.clone());
                    Department {
                        unit: canonical.clone(),
                        kind,
                        names: Vec::new(),
                        lead: Vec::new(),
                        responsible: Vec::new(),
                        support: Vec::new(),
                    }
                });
                if !d.names.iter().any(|x| x == name) {
                    d.names.push(name.to_string());
                }
                let r = TaskRef {
                    path: doc.path(i),
                    number: n.number(),
                    title: n.title(&doc.text).to_string(),
                    line: doc.index.line(n.span.start),
                };
                match role {
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
    let mut t = Table::new(&["unit", "kind", "role", "path", "number", "title", "line"]);
    for d in deps {
        for (role, list) in [
            ("lead", &d.lead),
            ("responsible", &d.responsible),
            ("support", &d.support),
        ] {
            for r in list {
                t.push(vec![
                    d.unit.clone(),
                    d.kind.clone(),
                    role.into(),
                    r.path.clone(),
                    r.number.to_string(),
                    r.title.clone(),
                    r.line.to_string(),
                ]);
            }
        }
    }
    t
}

/// Every quantity with where it was found, as JSON values (QUANTITY plus `path` and `line`).
pub fn quantities_json(doc: &Document, targets_only: bool) -> Vec<serde_json::Value> {
    let v = View::new(doc);
    let mut out = Vec::new();
    let mut add = |path: String, qs: &[crate::extract::quantity::Quantity]| {
        for q in qs.iter().filter(|q| q.target || !targets_only) {
            let mut j = serde_json::to_value(v.quantity(q)).expect("plain data");
            j["path"] = serde_json::Value::String(path.clone());
            j["line"] = serde_json::Value::from(doc.index.line(q.range.start));
            out.push(j);
        }
    };
    if let Some(p) = &doc.preamble {
        add(String::new(), &p.quantities);
    }
    if doc.nodes.is_empty() && doc.preamble.is_none() {
        // A snippet rather than a document: every line is read.
        let all = crate::extract::quantity::find(&doc.text, 0..doc.text.len());
        add(String::new(), &all);
    }
    for i in doc.node_ids() {
        add(doc.path(i), &doc.nodes[i].quantities);
    }
    out
}

/// The quantities as a table.
pub fn quantities_table(doc: &Document, targets_only: bool) -> Table {
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
    for q in quantities_json(doc, targets_only) {
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
