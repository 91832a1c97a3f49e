//! Word files made by the tests: the parts given as XML, wrapped in the package Word and
//! LibreOffice expect (content types, relationships), zipped. Shared by the unit tests of
//! the Word reader and the tests that compare it with LibreOffice.

#![allow(dead_code)]

use std::io::Write;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
pub const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";

/// The parts of a Word file; each is the content of its root element.
#[derive(Default, Clone)]
pub struct Package {
    /// What goes inside `w:body`.
    pub body: String,
    /// What goes inside `w:numbering`, if the file has numbering.
    pub numbering: Option<String>,
    /// What goes inside `w:styles`, if the file has styles.
    pub styles: Option<String>,
    /// What goes inside `w:comments`.
    pub comments: Option<String>,
    /// What goes inside `w:footnotes`.
    pub footnotes: Option<String>,
    /// What goes inside `w:hdr` (one header, the default).
    pub header: Option<String>,
    /// What goes inside `w:ftr` (one footer, the default).
    pub footer: Option<String>,
}

fn root(tag: &str, inner: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:{tag} xmlns:w="{W}" xmlns:mc="{MC}" xmlns:w14="{W14}" mc:Ignorable="w14">{inner}</w:{tag}>"#
    )
}

impl Package {
    pub fn new(body: impl Into<String>) -> Package {
        Package {
            body: body.into(),
            ..Package::default()
        }
    }

    /// The .docx, zipped.
    pub fn bytes(&self) -> Vec<u8> {
        let mut parts: Vec<(String, String)> = Vec::new();
        let mut types = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
        );
        let mut rels = String::from(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
        );
        let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        let ct = "application/vnd.openxmlformats-officedocument.wordprocessingml";
        let mut section = String::new();
        let optional = [
            ("numbering", "numbering", &self.numbering, "numbering"),
            ("styles", "styles", &self.styles, "styles"),
            ("comments", "comments", &self.comments, "comments"),
            ("footnotes", "footnotes", &self.footnotes, "footnotes"),
            ("hdr", "header1", &self.header, "header"),
            ("ftr", "footer1", &self.footer, "footer"),
        ];
        for (k, (tag, file, content, kind)) in optional.into_iter().enumerate() {
            if let Some(c) = content {
                parts.push((format!("word/{file}.xml"), root(tag, c)));
                types += &format!(
                    r#"<Override PartName="/word/{file}.xml" ContentType="{ct}.{kind}+xml"/>"#
                );
                rels += &format!(
                    r#"<Relationship Id="rId{}" Type="{r}/{kind}" Target="{file}.xml"/>"#,
                    k + 1
                );
                if let Some(which) = match tag {
                    "hdr" => Some("header"),
                    "ftr" => Some("footer"),
                    _ => None,
                } {
                    section += &format!(
                        r#"<w:{which}Reference xmlns:r="{r}" w:type="default" r:id="rId{}"/>"#,
                        k + 1
                    );
                }
            }
        }
        types += "</Types>";
        rels += "</Relationships>";
        parts.push((
            "word/document.xml".into(),
            root(
                "document",
                &if section.is_empty() {
                    format!("<w:body>{}</w:body>", self.body)
                } else {
                    format!(
                        "<w:body>{}<w:sectPr>{section}</w:sectPr></w:body>",
                        self.body
                    )
                },
            ),
        ));
        parts.push(("word/_rels/document.xml.rels".into(), rels));
        parts.push(("[Content_Types].xml".into(), types));
        parts.push((
            "_rels/.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{r}/officeDocument" Target="word/document.xml"/></Relationships>"#
            ),
        ));
        zip_parts(&parts)
    }
}

/// A zip of these files, deflated.
pub fn zip_parts(parts: &[(String, String)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in parts {
        z.start_file(name.as_str(), o).unwrap();
        z.write_all(content.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// A paragraph of plain text.
pub fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

/// A centred paragraph holding the page's number as `— N —` (a PAGE field).
pub fn page_number() -> String {
    r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>"#.to_string()
}

/// A paragraph in list `num` at level `ilvl`.
pub fn li(num: u32, ilvl: u32, text: &str) -> String {
    format!(
        r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
    )
}

/// A paragraph of style `style`.
pub fn styled(style: &str, text: &str) -> String {
    format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
}

/// A level of an abstract list.
pub fn lvl(ilvl: u32, fmt: &str, text: &str, extra: &str) -> String {
    format!(
        r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/><w:suff w:val="nothing"/>{extra}</w:lvl>"#
    )
}

/// The content of `numbering.xml`: for each `(id, levels)` an abstract list and a list
/// of the same id that uses it (abstract lists first, as the schema orders them).
pub fn numbering(lists: &[(u32, Vec<String>)]) -> String {
    let mut s = String::new();
    for (id, levels) in lists {
        s += &format!(
            r#"<w:abstractNum w:abstractNumId="{id}">{}</w:abstractNum>"#,
            levels.concat()
        );
    }
    for (id, _) in lists {
        s += &format!(r#"<w:num w:numId="{id}"><w:abstractNumId w:val="{id}"/></w:num>"#);
    }
    s
}

/// GB/T 9704's five levels (一、 （一） 1. （1） ①), each restarting under the one above.
pub fn gb_levels() -> Vec<String> {
    vec![
        lvl(0, "chineseCounting", "%1、", ""),
        lvl(1, "chineseCounting", "（%2）", ""),
        lvl(2, "decimal", "%3.", ""),
        lvl(3, "decimal", "（%4）", ""),
        lvl(4, "decimalEnclosedCircle", "%5", ""),
    ]
}
