use super::*;

#[path = "../../../tests/common/docx_builder.rs"]
mod builder;
use builder::*;

fn text_of(pkg: &Package) -> Docx {
    read(&pkg.bytes()).unwrap()
}

#[test]
fn numbered_paragraphs_read_as_typed_ones() {
    let body = [
        p("某某市数字经济发展行动方案"),
        li(1, 0, "总体要求"),
        li(1, 1, "加强领导"),
        li(1, 2, "新建5G基站3000个。（市通信管理局牵头）"),
        li(1, 3, "城区"),
        li(1, 4, "主城区"),
        li(1, 4, "新城区"),
        li(1, 2, "建成千兆小区。"),
        li(1, 0, "保障措施"),
        li(1, 1, "压实责任"),
    ]
    .concat();
    let mut pkg = Package::new(body);
    pkg.numbering = Some(numbering(&[(1, gb_levels())]));
    let d = text_of(&pkg);
    assert_eq!(
        d.text,
        "某某市数字经济发展行动方案\n一、总体要求\n（一）加强领导\n1.新建5G基站3000个。（市通信管理局牵头）\n（1）城区\n①主城区\n②新城区\n2.建成千兆小区。\n二、保障措施\n（一）压实责任"
    );
    let labels: Vec<&str> = d.generated.iter().map(|r| &d.text[r.clone()]).collect();
    assert_eq!(
        labels,
        [
            "一、",
            "（一）",
            "1.",
            "（1）",
            "①",
            "②",
            "2.",
            "二、",
            "（一）"
        ]
    );
    assert_eq!(d.paragraphs.len(), 10);
    assert_eq!(d.tail, d.text.len());
}

#[test]
fn tables_are_rows_of_tab_separated_cells() {
    let cell = |t: &str| format!("<w:tc>{}</w:tc>", p(t));
    let row = |cells: &[&str]| {
        format!(
            "<w:tr>{}</w:tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let body = format!(
        "{}<w:tbl>{}{}<w:tr><w:tc>{}{}</w:tc><w:tc><w:tbl>{}</w:tbl></w:tc></w:tr></w:tbl>{}",
        p("附件"),
        row(&["序号", "任务", "牵头单位"]),
        row(&["1", "新建基站", "市通信管理局"]),
        p("2"),
        p("第二段"),
        row(&["内", "表"]),
        p("完")
    );
    let d = text_of(&Package::new(body));
    assert_eq!(
        d.text,
        "附件\n序号\t任务\t牵头单位\n1\t新建基站\t市通信管理局\n2 第二段\t内 表\n完"
    );
}

#[test]
fn revisions_comments_notes_and_headers_are_set_aside() {
    let body = r#"<w:p><w:r><w:t>一、总体</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>旧的</w:delText></w:r></w:del><w:ins w:id="2" w:author="甲"><w:r><w:t>要求</w:t></w:r></w:ins><w:commentRangeStart w:id="0"/><w:r><w:t>。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>
<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页&amp;&#x4E00;</w:t></w:r></w:p>"#;
    let mut pkg = Package::new(body);
    pkg.comments = Some(format!(
        r#"<w:comment w:id="0" w:author="乙">{}</w:comment><w:comment w:id="1">{}</w:comment>"#,
        p("这里要改"),
        p("第二条批注")
    ));
    pkg.footnotes = Some(format!(
        r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="1">{}</w:footnote>"#,
        p("脚注内容")
    ));
    pkg.header = Some(p("某某市人民政府文件"));
    let d = text_of(&pkg);
    assert_eq!(&d.text[..d.tail], "一、总体要求。\n3页&一");
    let aside: Vec<(&str, SkipReason)> = d
        .set_aside
        .iter()
        .map(|s| (&d.text[s.range.clone()], s.reason))
        .collect();
    assert_eq!(
        aside,
        [
            ("旧的", SkipReason::Deleted),
            ("这里要改", SkipReason::Comment),
            ("第二条批注", SkipReason::Comment),
            ("脚注内容", SkipReason::Note),
            ("某某市人民政府文件", SkipReason::PageFurniture),
        ]
    );
}

#[test]
fn damaged_and_hostile_files_give_errors_not_panics() {
    // Not a zip at all, a zip without a document, a truncated zip.
    assert!(matches!(
        read(b"PK\x03\x04garbage"),
        Err(Error::Unreadable { .. })
    ));
    let other = zip_parts(&[("xl/workbook.xml".into(), "<x/>".into())]);
    assert!(matches!(read(&other), Err(Error::Unreadable { .. })));
    let good = Package::new(p("一、总体要求")).bytes();
    for cut in [10, good.len() / 2, good.len() - 10] {
        assert!(read(&good[..cut]).is_err(), "cut at {cut}");
    }
    // XML broken part way: what came before is kept, and the damage said.
    let broken = zip_parts(&[(
        "word/document.xml".into(),
        format!(
            "<w:document xmlns:w=\"{W}\"><w:body>{}<w:p><w:r><w:t>二、</w:t></w:r><w:r><w:t",
            p("一、总体要求")
        ),
    )]);
    let d = read(&broken).unwrap();
    assert!(d.text.starts_with("一、总体要求\n二、"), "{:?}", d.text);
    assert_eq!(d.damage.len(), 1);
    // A zip bomb: a document.xml of 8 MB of one character, 1000 times its compressed size.
    let bomb = {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("word/document.xml", o).unwrap();
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..8 {
            std::io::Write::write_all(&mut z, &chunk).unwrap();
        }
        z.finish().unwrap().into_inner()
    };
    assert!(bomb.len() < 40 << 10, "{} bytes", bomb.len());
    match read(&bomb) {
        Err(Error::Unreadable { reason, .. }) => assert!(reason.contains("zip bomb"), "{reason}"),
        other => panic!("{:?}", other.map(|d| d.text.len())),
    }
}

#[test]
fn styles_and_alternate_content_number_paragraphs() {
    // Heading styles linked to the levels (as Word's "multilevel list linked to styles"),
    // and a custom format written inside mc:AlternateContent.
    let mut levels = gb_levels();
    levels[0] = lvl(
        0,
        "chineseCounting",
        "%1、",
        r#"<w:pStyle w:val="Heading1"/>"#,
    );
    levels[1] = lvl(
        1,
        "chineseCounting",
        "（%2）",
        r#"<w:pStyle w:val="Heading2"/>"#,
    );
    levels[2] = String::from(
        r#"<w:lvl w:ilvl="2"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%3"/><w:suff w:val="space"/></w:lvl>"#,
    );
    let mut pkg = Package::new(
        [
            styled("Heading1", "总体要求"),
            styled("Heading2", "指导思想"),
            li(1, 2, "甲"),
            li(1, 2, "乙"),
            styled("Heading1x", "重点任务"),
        ]
        .concat(),
    );
    pkg.numbering = Some(numbering(&[(1, levels)]));
    pkg.styles = Some(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1x"><w:basedOn w:val="Heading1"/></w:style>"#
            .into(),
    );
    let d = text_of(&pkg);
    assert_eq!(
        d.text,
        "一、总体要求\n（一）指导思想\n001 甲\n002 乙\n二、重点任务"
    );
}

#[test]
fn deep_tables_and_long_level_texts_stay_bounded() {
    // 5,000 tables inside one another: read in time, their text kept.
    let deep = format!(
        "{}{}{}",
        "<w:tbl><w:tr><w:tc>".repeat(5000),
        p("最里面"),
        "</w:tc></w:tr></w:tbl>".repeat(5000)
    );
    let d = read(&Package::new(deep).bytes()).unwrap();
    assert_eq!(d.text, "最里面");
    // A level text of 100,000 characters is cut, not written before every paragraph.
    let mut pkg = Package::new(li(1, 0, "甲").repeat(100));
    pkg.numbering = Some(numbering(&[(
        1,
        vec![lvl(0, "decimal", &"%1".repeat(50_000), "")],
    )]));
    let d = read(&pkg.bytes()).unwrap();
    assert!(d.text.len() < 100 * 200, "{} bytes", d.text.len());
}
