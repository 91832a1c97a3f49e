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
    /// The other end of a range (its maximum) or of a change (its start); 0 for the
    /// others. Read through [`max`](Self::max) and [`from`](Self::from): one number
    /// where four optional ones would take eight times the room, in a list that holds
    /// a document's every quantity.
    pub(crate) other: f64,
    /// The parts of a ratio (`2:2:4:2`, two to sixteen); empty otherwise.
    pub parts: Box<[f64]>,
    /// Whether the text commits to reaching it.
    pub target: bool,
    /// Where the deadline of a target is written (`2022年底前`).
    pub deadline: Option<Range<usize>>,
}

impl Quantity {
    /// A range's lower bound (its `value`).
    pub fn min(&self) -> Option<f64> {
        (self.qualifier == Qualifier::Range).then_some(self.value)
    }

    /// A range's upper bound.
    pub fn max(&self) -> Option<f64> {
        (self.qualifier == Qualifier::Range).then_some(self.other)
    }

    /// A change's start.
    pub fn from(&self) -> Option<f64> {
        (self.qualifier == Qualifier::Change).then_some(self.other)
    }

    /// A change's end (its `value`).
    pub fn to(&self) -> Option<f64> {
        (self.qualifier == Qualifier::Change).then_some(self.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document holds a quantity for every few hundred bytes of text: the issue-18
    /// memory goal (3 × the input + 20 MB on 100 MB of GB18030) was met by this size.
    #[test]
    fn a_quantity_stays_small() {
        assert!(
            std::mem::size_of::<Quantity>() <= 96,
            "{}",
            std::mem::size_of::<Quantity>()
        );
        assert!(std::mem::size_of::<crate::model::Node>() <= 176);
    }
}
