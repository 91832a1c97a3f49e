//! The checks a reviewer of a draft wants, by family, on drafts of our own with the
//! mistakes people make (`fixtures/reply_draft.txt`: a 批复 with a comma in its title,
//! 贵县, three label forms, a （一） among items, 特此通知, 2023年2月30日, two attachments
//! listed and one attached; `fixtures/report_draft.txt`: a 报告 that asks for approval).
//! The lists of reports were read by hand against the drafts.

mod common;
use common::*;

/// `(line, code, has a fix)` of each report of `gongwen check FILE ARGS`.
fn reports(file: &str, args: &[&str]) -> Vec<(u64, String, bool)> {
    let o = gongwen_command()
        .args(["check", file, "--format", "json"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)));
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["span"]["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
                !d["fixes"].as_array().unwrap().is_empty(),
            )
        })
        .collect()
}

fn owned(list: &[(u64, &str, bool)]) -> Vec<(u64, String, bool)> {
    list.iter()
        .map(|&(l, c, f)| (l, c.to_string(), f))
        .collect()
}

const REPLY: &str = "fixtures/reply_draft.txt";
const REPORT: &str = "fixtures/report_draft.txt";

#[test]
fn the_default_checks_name_the_reply_drafts_mistakes() {
    assert_eq!(
        reports(REPLY, &[]),
        owned(&[
            (1, "title-punctuation", false),
            (5, "address-word", true),
            (8, "label-forms", true),
            (8, "address-word", true),
            (10, "wrong-level", false),
            (11, "address-word", true),
            (12, "address-word", true),
            (13, "closing-mismatch", false),
            (19, "impossible-date", false),
            (21, "attachment-count", false),
        ])
    );
    assert_eq!(
        reports(REPORT, &[]),
        owned(&[(10, "report-asks-approval", false)])
    );
}

#[test]
fn the_noisy_families_report_only_when_selected() {
    let all = reports(REPLY, &["--select", "all"]);
    let noisy: Vec<_> = all
        .iter()
        .filter(|(_, c, _)| {
            matches!(
                c.as_str(),
                "range-hyphen" | "full-width-digits" | "half-width-punctuation"
            )
        })
        .cloned()
        .collect();
    assert_eq!(
        noisy,
        owned(&[
            (7, "range-hyphen", true),
            (9, "full-width-digits", true),
            (10, "half-width-punctuation", true),
        ])
    );
    // By family and by authority.
    let codes = |args: &[&str]| -> Vec<String> {
        let mut c: Vec<String> = reports(REPLY, args).into_iter().map(|r| r.1).collect();
        c.dedup();
        c
    };
    assert_eq!(
        codes(&["--select", "GB/T 15835"]),
        ["range-hyphen", "full-width-digits"]
    );
    assert_eq!(
        codes(&["--select", "numbers"]),
        codes(&["--select", "gb15835"])
    );
    assert_eq!(
        codes(&["--select", "genre"]),
        ["address-word", "closing-mismatch"]
    );
    let no_form = codes(&["--ignore", "form"]);
    assert!(!no_form
        .iter()
        .any(|c| c == "title-punctuation" || c == "label-forms"));
    assert!(no_form.iter().any(|c| c == "wrong-level"));
}

#[test]
fn the_mechanical_fixes_mend_the_draft() {
    let dir = repo("target/review-test");
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("reply.txt");
    std::fs::copy(repo(REPLY), &draft).unwrap();
    let path = draft.to_str().unwrap();
    let o = gongwen_command()
        .args(["check", path, "--fix", "--select", "all"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&draft).unwrap();
    for fixed in [
        "你县《关于设立某某开发区的请示》",
        "1.开发区规划面积3～5平方公里",
        "2.开发区管理机构由你县负责组建",
        "3.开发区基础设施建设经费",
        "首期投入1000万元",
        "（一）严格用地管理，落实耕地保护要求",
        "请你县按照本批复要求",
    ] {
        assert!(text.contains(fixed), "{fixed} in\n{text}");
    }
    assert!(!text.contains('贵'));
    // What has no mechanical fix is left, and said.
    let left: Vec<String> = reports(path, &["--select", "all"])
        .into_iter()
        .map(|r| r.1)
        .collect();
    assert_eq!(
        left,
        [
            "title-punctuation",
            "wrong-level",
            "closing-mismatch",
            "impossible-date",
            "attachment-count"
        ]
    );
}

#[test]
fn a_date_of_writing_after_publication_is_reported() {
    let dir = repo("target/review-test-dates");
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    let bytes = std::fs::read(repo("fixtures/page.html")).unwrap();
    let (page, _, _) = encoding_rs::GB18030.decode(&bytes);
    assert!(page.contains("2025年03月18日") && page.contains("2025-03-20"));
    // The page says 成文日期 2025年03月18日 (and so does the signature): published on
    // 03-10 it would have been published before it was written.
    for (name, published, code) in [
        ("early.html", "2025-03-10", Some("date-order")),
        ("same-day.html", "2025-03-18", None),
    ] {
        let p = dir.join(name);
        let changed = page.replace("2025-03-20", published);
        let (b, _, _) = encoding_rs::GB18030.encode(&changed);
        std::fs::write(&p, b).unwrap();
        let found: Vec<String> = reports(p.to_str().unwrap(), &["--select", "date-order"])
            .into_iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(found.first().map(String::as_str), code, "{name}");
    }
}

#[test]
fn each_new_check_speaks_chinese() {
    let o = gongwen_command()
        .args([
            "check", REPLY, REPORT, "--format", "json", "--select", "all", "--lang", "zh",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let han = |s: &str| {
        s.chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
    };
    for d in v.as_array().unwrap() {
        let m = d["message"].as_str().unwrap();
        let quoted: usize = m.split(['“', '”']).skip(1).step_by(2).map(han).sum();
        assert!(han(m) > quoted + 4, "{}: {m}", d["code"]);
    }
}

#[test]
fn the_readme_lists_every_code_with_its_family_severity_and_default() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let section = &readme[readme.find("## Checks").unwrap()..];
    let mut listed = Vec::new();
    for row in section
        .lines()
        .skip_while(|l| !l.starts_with("| code"))
        .skip(2)
    {
        if !row.starts_with("| `") {
            break;
        }
        let cells: Vec<&str> = row.split(" | ").collect();
        for code in cells[0].trim_start_matches("| ").split(", ") {
            let code = code.trim_matches('`');
            let c = *gongwen::Code::ALL
                .iter()
                .find(|c| c.as_str() == code)
                .unwrap_or_else(|| panic!("README lists `{code}`, no such code"));
            assert_eq!(cells[1], c.family().as_str(), "{code}");
            assert_eq!(cells[2], c.severity().as_str(), "{code}");
            assert_eq!(cells[3] == "yes", c.on_by_default(), "{code}");
            if let Some(clause) = c.clause() {
                assert!(row.ends_with(&format!("| {clause} |")), "{code}: {clause}");
            }
            listed.push(c);
        }
    }
    for c in gongwen::Code::ALL {
        assert!(listed.contains(c), "README does not list `{c}`");
    }
}

#[test]
fn a_total_that_is_not_the_sum_of_its_rows() {
    // A table as the Word and web page readers give it: a row a line, cells apart by tabs.
    let text = "某某县2022年项目资金安排表\n一、资金安排\n序号\t项目\t资金（万元）\t占比\n1\t道路\t1,200\t40%\n2\t供水\t800.5\t27%\n3\t学校\t1,000\t33%\n合计\t\t3,000.5\t100%\n二、2023年计划\n序号\t项目\t资金（万元）\n1\t道路\t500\n2\t供水\t300\n合计\t\t900\n";
    let doc = gongwen::parse_text(
        text,
        &gongwen::Options::default().with_lang(gongwen::Lang::Zh),
    );
    let totals: Vec<&gongwen::Diagnostic> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == gongwen::Code::TableTotal)
        .collect();
    // The first table adds up (1,200 + 800.5 + 1,000); the second does not (500 + 300).
    assert_eq!(totals.len(), 1, "{:?}", doc.diagnostics);
    let d = totals[0];
    assert_eq!(doc.slice(&d.range), "900");
    assert_eq!(doc.line(d.range.start), 12);
    assert_eq!(
        d.message,
        "“合计”行“资金（万元）”列为 900，而上面各行相加为 800"
    );
}
