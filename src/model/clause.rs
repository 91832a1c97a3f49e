//! Responsibility clauses and the units they name.

use super::closed::closed_set;
use std::ops::Range;

closed_set! {
    /// What a unit does for a task.
    pub enum Role {
        /// 牵头: leads.
        Lead => "lead",
        /// 负责: is responsible.
        Responsible => "responsible",
        /// 配合, 参与, 协助: supports.
        Support => "support",
    }
}

closed_set! {
    /// How a clause is written: what tells a user the explicit from the inferred.
    pub enum ClauseForm {
        /// In brackets after the task: `（省商务厅牵头，省财政厅配合）`, `〔责任单位：…〕`.
        Bracket => "bracket",
        /// On lines of its own after the task: `牵头单位：市商务局` (consecutive label lines,
        /// blank lines between them or not, are one clause).
        Label => "label",
        /// Read from a sentence of the text: `由省商务厅牵头，省财政厅配合`, `公安部负责…`.
        Sentence => "sentence",
        /// From the unit columns of a task table's row.
        Table => "table",
    }
}

/// The index of a unit in [`Document::units`](super::Document::units): each name a
/// document writes is held there once, with its canonical name and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub u32);

impl UnitId {
    /// The position in [`Document::units`](super::Document::units).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A unit name as a document writes it, resolved against the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// As written (`省发改委`).
    pub name: Box<str>,
    /// The canonical name (`省发展改革委`), or the name itself when the lexicon does not know it.
    pub canonical: Box<str>,
    /// Its kind (`provincial_department`, …, `unknown`): an open set, which users extend.
    pub kind: Box<str>,
    /// The place it belongs to, kept apart from its name: the place its name starts with
    /// (`柳州市税务局` → 柳州市), else, for a name that starts with a level word (`市财政局`),
    /// the issuing place of the document when it is of that level (`宁国市人民政府` →
    /// 宁国市). Two provinces' `省发展改革委` differ by it.
    pub region: Option<Box<str>>,
}

/// A unit in a clause, in its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClauseUnit {
    /// What the unit does.
    pub role: Role,
    /// Which unit.
    pub unit: UnitId,
}

/// A responsibility clause: `（省商务厅牵头，省财政厅配合）`, `责任单位：…`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// From the opening bracket (or first character) to the closing bracket.
    pub range: Range<usize>,
    /// The units, lead first, then responsible, then support; in the order written
    /// within each role.
    pub units: Box<[ClauseUnit]>,
    /// How it is written.
    pub form: ClauseForm,
}

impl Clause {
    /// The units of one role, in the order written (a slice of `units`, which is
    /// ordered by role).
    pub fn of_role(&self, role: Role) -> &[ClauseUnit] {
        let start = self.units.partition_point(|u| u.role < role);
        let end = start + self.units[start..].partition_point(|u| u.role == role);
        &self.units[start..end]
    }

    /// The units of one role, in the order written.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = UnitId> + '_ {
        self.of_role(role).iter().map(|u| u.unit)
    }

    /// Whether any unit has this role.
    pub fn has_role(&self, role: Role) -> bool {
        !self.of_role(role).is_empty()
    }
}
