//! Metadata: title, document number, date, issuer, cited documents.

use std::ops::Range;

/// What the document says about itself.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The title, joined when set over several lines, spaces between Han characters removed.
    pub title: Option<String>,
    /// Where the title is (all its lines).
    pub title_range: Option<Range<usize>>,
    /// The document number (发文字号).
    pub doc_number: Option<DocNumber>,
    /// The date as an ISO date (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Who issued it.
    pub issuer: Option<String>,
    /// Documents cited in the body.
    pub citations: Vec<Citation>,
    /// The index number of an information-disclosure page (索引号).
    pub index_number: Option<String>,
    /// The subject classification (主题分类).
    pub subject: Option<String>,
    /// When it was published (发布日期), as an ISO date.
    pub published: Option<String>,
    /// The attachments a web page links to, else those the text lists (`附件：1.…`).
    pub attachments: Vec<Attachment>,
    /// The document type (文种), the word its title ends with: 通知, 意见, 方案, 办法…
    pub doc_type: Option<String>,
    /// Each issuing organ of `issuer` (`财政部　税务总局` → two).
    pub issuers: Vec<String>,
    /// The organs it is addressed to (主送机关).
    pub recipients: Vec<String>,
    /// Who signed it (`总理 李克强`).
    pub signatory: Option<String>,
}

/// An attachment of a document: its name and, on a web page, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// As the link or the list names it.
    pub name: String,
    /// The address it links to, as written on the page.
    pub href: Option<String>,
}

/// What a container (a web page's information table and meta tags) says about the
/// document, as byte ranges into the extracted text where the values stand.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The title (标题, the page's own title).
    pub title: Option<Range<usize>>,
    /// The document number (发文字号, 文号).
    pub doc_number: Option<Range<usize>>,
    /// 索引号.
    pub index_number: Option<Range<usize>>,
    /// 主题分类, 分类.
    pub subject: Option<Range<usize>>,
    /// 发文机关, 发布机构, 来源.
    pub issuer: Option<Range<usize>>,
    /// 成文日期.
    pub date: Option<Range<usize>>,
    /// 发布日期.
    pub published: Option<Range<usize>>,
    /// Linked attachments.
    pub attachments: Vec<Attachment>,
}

/// A document number: `晋政办发〔2022〕35号`, `国务院令第706号`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocNumber {
    /// As written (white space as written too).
    pub text: String,
    /// The issuing agency's code (`晋政办发`, `国务院令`).
    pub agency: String,
    /// The year; `None` for decrees, which have none.
    pub year: Option<i32>,
    /// The serial number.
    pub serial: u64,
    /// Where it is written.
    pub range: Range<usize>,
    /// The year brackets as written, `〔〕` when GB/T 9704 is followed.
    pub brackets: Option<(char, char)>,
}

/// A document cited as `《…》`, with the document number that follows it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The title inside `《》`.
    pub title: String,
    /// The number in the bracket after the title.
    pub doc_number: Option<DocNumber>,
    /// From `《` to the end of the number's bracket (or to `》`).
    pub range: Range<usize>,
}
