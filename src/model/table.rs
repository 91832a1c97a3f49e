//! Task tables: a table of tasks flattened into the text, whose rows are nodes.

use super::closed::closed_set;
use std::ops::Range;

/// A task table: what each column holds, and where its rows are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskTable {
    /// From its header to the end of its last row.
    pub range: Range<usize>,
    /// The columns, in order (the first is the row's number).
    pub columns: Vec<Column>,
    /// Whether its cells are separated by tabs (one row a line), or stand one a line.
    pub tabbed: bool,
}

impl TaskTable {
    /// The table of `tables` (in document order, apart from one another, as the outline
    /// finds them) that byte `at` lies in: a search, not a walk, so that a text of a
    /// hundred thousand tables is read in linear time.
    pub fn containing(tables: &[TaskTable], at: usize) -> Option<&TaskTable> {
        let k = tables.partition_point(|t| t.range.end <= at);
        tables.get(k).filter(|t| t.range.contains(&at))
    }
}

closed_set! {
    /// What a column of a task table holds, told by its heading.
    pub enum Column {
        /// 序号.
        Number => "number",
        /// 重点任务, 具体措施, 工作任务…
        Task => "task",
        /// 牵头单位.
        Lead => "lead",
        /// 责任单位.
        Responsible => "responsible",
        /// 配合单位.
        Support => "support",
        /// 完成时限, 时间节点…
        Deadline => "deadline",
        /// Any other column.
        Other => "other",
    }
}
