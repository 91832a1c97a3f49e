//! Nodes of the outline: a heading label, its title and text, and what was read from it.

use super::clause::Clause;
use super::closed::closed_set;
use super::quantity::Quantity;
use std::ops::Range;

/// The index of a node in [`Document::nodes`](super::Document::nodes) (document order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The position in [`Document::nodes`](super::Document::nodes).
    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn new(i: usize) -> NodeId {
        NodeId(u32::try_from(i).expect("fewer than 2^32 nodes"))
    }
}

impl std::ops::Index<NodeId> for Vec<Node> {
    type Output = Node;
    fn index(&self, id: NodeId) -> &Node {
        &self[id.index()]
    }
}

impl std::ops::IndexMut<NodeId> for Vec<Node> {
    fn index_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self[id.index()]
    }
}

closed_set! {
    /// What a node is, as the JSON names it.
    pub enum Kind {
        /// 第一编, 第一分编: above chapters, in codes and long regulations.
        Part => "part",
        /// 一、 第一章 第一部分, `1　总则`.
        Chapter => "chapter",
        /// （一） 第一节, `1.1`.
        Section => "section",
        /// 1. 1． 1、, `1.1.1`.
        Item => "item",
        /// （1） ①, `1.1.1.1`.
        Subitem => "subitem",
        /// 第一条.
        Article => "article",
        /// A row of a task table (序号, 重点任务, 牵头单位…), its label the row's number.
        Row => "row",
    }
}

/// The style of a label. Its rank orders styles from outermost to innermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// 第一编
    Bian,
    /// 第一分编 (inside a 编)
    FenBian,
    /// 第一章
    Zhang,
    /// 第一节
    Jie,
    /// 第一条
    Tiao,
    /// `1　总则`: decimal numbering of emergency plans, one level deep
    Dec1,
    /// `1.1　编制目的`
    Dec2,
    /// `1.2.1　国家级`
    Dec3,
    /// `1.2.1.1`
    Dec4,
    /// 一、
    CnDun,
    /// （一）
    CnParen,
    /// 1. 1． 1、
    ArabicDot,
    /// （1）
    ArabicParen,
    /// ①
    Circled,
    /// The number in the first column of a task table's row.
    Row,
}

impl Style {
    /// Outermost first: a node's parent is the nearest earlier node of a lower rank.
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// The labels of regulations: 第一编, 第一分编, 第一章, 第一节, 第一条.
    pub fn is_di(self) -> bool {
        matches!(
            self,
            Style::Bian | Style::FenBian | Style::Zhang | Style::Jie | Style::Tiao
        )
    }

    /// The style's name as the JSON writes it (`cn_paren` for （一）).
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Bian => "bian",
            Style::FenBian => "fen_bian",
            Style::Zhang => "zhang",
            Style::Jie => "jie",
            Style::Tiao => "tiao",
            Style::Dec1 => "decimal_1",
            Style::Dec2 => "decimal_2",
            Style::Dec3 => "decimal_3",
            Style::Dec4 => "decimal_4",
            Style::CnDun => "cn_dun",
            Style::CnParen => "cn_paren",
            Style::ArabicDot => "arabic_dot",
            Style::ArabicParen => "arabic_paren",
            Style::Circled => "circled",
            Style::Row => "row",
        }
    }

    /// The decimal numbering of emergency plans (`1.2.1`).
    pub fn is_decimal(self) -> bool {
        matches!(self, Style::Dec1 | Style::Dec2 | Style::Dec3 | Style::Dec4)
    }

    /// The node kind the JSON reports for this style.
    pub fn kind(self) -> Kind {
        match self {
            Style::Bian | Style::FenBian => Kind::Part,
            Style::Zhang | Style::CnDun | Style::Dec1 => Kind::Chapter,
            Style::Jie | Style::CnParen | Style::Dec2 => Kind::Section,
            Style::Tiao => Kind::Article,
            Style::ArabicDot | Style::Dec3 => Kind::Item,
            Style::ArabicParen | Style::Circled | Style::Dec4 => Kind::Subitem,
            Style::Row => Kind::Row,
        }
    }

    /// How a label of this style with number `n` is written (half-width form), for messages.
    pub fn write(self, n: u64) -> String {
        let cn = crate::text::numeral::to_cn(n);
        match self {
            Style::Bian => format!("第{cn}编"),
            Style::FenBian => format!("第{cn}分编"),
            Style::Zhang => format!("第{cn}章"),
            Style::Jie => format!("第{cn}节"),
            Style::Tiao => format!("第{cn}条"),
            Style::CnDun => format!("{cn}、"),
            Style::CnParen => format!("({cn})"),
            Style::ArabicDot => format!("{n}."),
            Style::Dec1 | Style::Dec2 | Style::Dec3 | Style::Dec4 | Style::Row => format!("{n}"),
            Style::ArabicParen => format!("({n})"),
            Style::Circled => char::from_u32('①' as u32 + n as u32 - 1)
                .map(String::from)
                .unwrap_or_else(|| format!("({n})")),
        }
    }
}

/// A heading label as recognised: its style, number and form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// Which numbering the label belongs to.
    pub style: Style,
    /// Its number (`十四` → 14).
    pub number: u64,
    /// Length of the label in bytes (a label is a few characters: u32 keeps nodes small).
    pub len: u32,
    /// The punctuation that closes or follows the number (`.`, `．`, `、`, `)`, `）`, `章`…).
    pub punct: char,
    /// For bracketed labels: the opening bracket.
    pub open: Option<char>,
}

impl Label {
    /// A bracketed label whose brackets are of different widths: `（一)`.
    pub fn mismatched_brackets(&self) -> bool {
        matches!(
            (self.open, self.punct),
            (Some('('), '）') | (Some('（'), ')')
        )
    }
}

/// A numbered heading and its own content (children excluded).
#[derive(Debug, Clone)]
pub struct Node {
    /// The label that opens the node.
    pub label: Label,
    /// The title when it differs from the text of `title_range` (white space inside
    /// squeezed out); see [`Node::title`].
    pub title_squeezed: Option<Box<str>>,
    /// Where the title is: after the label, to the first `。` or the end of its line,
    /// without a trailing responsibility clause.
    pub title_range: Range<usize>,
    /// The node's own text after its label, without a trailing responsibility clause.
    pub text_range: Range<usize>,
    /// From the label to the end of the node's own content (clause included).
    pub span: Range<usize>,
    /// The part of the document the node belongs to (an index into
    /// [`Document::parts`](super::Document::parts)).
    pub part: u32,
    /// Responsibility clauses, in order; the last is the node's `responsibility`.
    /// Boxed slices rather than vectors: a document has many nodes, and these are
    /// filled once.
    pub clauses: Box<[Clause]>,
    /// Quantities in the node's own text, in reading order.
    pub quantities: Box<[Quantity]>,
    /// Where its deadline is written apart from its text: a task table's time column.
    pub deadline: Option<Range<usize>>,
    /// The nearest earlier node of an outer style.
    pub parent: Option<NodeId>,
    /// The nodes whose parent this is, in document order.
    pub children: Box<[NodeId]>,
}

impl Node {
    /// Where the label is: the start of the span.
    pub fn label_range(&self) -> Range<usize> {
        self.span.start..self.span.start + self.label.len as usize
    }
    /// The label's style.
    pub fn style(&self) -> Style {
        self.label.style
    }
    /// The label's number.
    pub fn number(&self) -> u64 {
        self.label.number
    }
    /// What the node is.
    pub fn kind(&self) -> Kind {
        self.label.style.kind()
    }
    /// The heading of the node (`text` is the document's text).
    pub fn title<'a>(&'a self, text: &'a str) -> &'a str {
        self.title_squeezed
            .as_deref()
            .unwrap_or(&text[self.title_range.clone()])
    }
    /// The last responsibility clause, which is the node's `responsibility`.
    pub fn responsibility(&self) -> Option<&Clause> {
        self.clauses.last()
    }
}
