//! Quantities and targets (placeholder; filled in by the quantities work).

use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub range: Range<usize>,
    pub value: f64,
    pub unit: String,
    pub qualifier: &'static str,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub parts: Vec<f64>,
    pub target: bool,
    pub deadline: Option<String>,
}

pub fn find(_text: &str, _range: Range<usize>) -> Vec<Quantity> {
    Vec::new()
}
