//! Quantities and targets (量化指标).

use super::closed::closed_set;
use std::ops::Range;
use std::sync::Arc;

closed_set! {
    /// How a quantity bounds its value. 以上/以下 include the number itself, 超过/不满
    /// do not (民法典 art. 1259).
    pub enum Qualifier {
        /// `3万个`.
        Exact => "exact",
        /// `1000家以上`, `不少于`: the value or more.
        AtLeast => "at_least",
        /// `超过300家`, `1000多家`: more than the value.
        MoreThan => "more_than",
        /// `1%以下`, `不超过`, `以内`: the value or less.
        AtMost => "at_most",
        /// `不满18周岁`, `低于`: less than the value.
        LessThan => "less_than",
        /// `7.5%左右`, `约`.
        About => "about",
        /// `3-5个`: from `min` to `max`.
        Range => "range",
        /// `由36个月压减至24个月`: from `from` to `to`.
        Change => "change",
        /// `2:2:4:2`: the `parts` of a ratio.
        Ratio => "ratio",
    }
}

/// A number with its unit, as read in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Where it is written, qualifier words included.
    pub range: Range<usize>,
    /// The normalized value: `3万个` → 30000; a range's minimum; a change's end.
    pub value: f64,
    /// The unit of measure after normalization (`万元` → `元`); `ratio` for ratios.
    pub unit: Arc<str>,
    /// How the value is bounded.
    pub qualifier: Qualifier,
    /// A range's lower bound.
    pub min: Option<f64>,
    /// A range's upper bound.
    pub max: Option<f64>,
    /// A change's start.
    pub from: Option<f64>,
    /// A change's end.
    pub to: Option<f64>,
    /// The parts of a ratio (`2:2:4:2`); empty otherwise.
    pub parts: Box<[f64]>,
    /// Whether the text commits to reaching it.
    pub target: bool,
    /// Where the deadline of a target is written (`2022年底前`).
    pub deadline: Option<Range<usize>>,
}
