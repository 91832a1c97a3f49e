//! Local-government conventions (issue 14): small documents of our own in each layout
//! local documents use, and what was checked by hand on `../shared/corpus/local`.

mod common;
use common::*;
use gongwen::{ClauseForm, Document, Kind, NodeId, Role};

fn node_by_label<'d>(doc: &'d Document, label: &str) -> &'d gongwen::Node {
    doc.node_ids()
        .map(|i| doc.node(i))
        .find(|n| doc.slice(&n.label_range()) == label)
        .unwrap_or_else(|| panic!("no node {label}: {}", summary(doc)))
}

fn codes(doc: &Document) -> Vec<&'static str> {
    warning_codes(doc)
}

/// A clause's form and its lead, responsible and supporting units.
type Owners = (ClauseForm, Vec<String>, Vec<String>, Vec<String>);

fn names(doc: &Document, c: &gongwen::Clause, role: Role) -> Vec<String> {
    doc.names(c, role).into_iter().map(String::from).collect()
}

fn v(x: &[&str]) -> Vec<String> {
    x.iter().map(|s| s.to_string()).collect()
}

fn label_lines_after_an_item_are_one_clause_even_with_a_blank_line_between() {
    let doc = parse(
        "某市促进消费若干措施\n\n一、扩大消费\n1.举办促消费活动。全年举办活动20场以上。\n牵头单位：市商务局\n\n责任单位：市财政局、各县（市、区）人民政府\n2.发放消费券。\n牵头单位：市商务局\n",
    );
    check_invariants(&doc);
    let n = node_by_label(&doc, "1.");
    assert_eq!(n.clauses.len(), 1, "{:?}", n.clauses);
    let c = &n.clauses[0];
    assert_eq!(c.form, ClauseForm::Label);
    assert_eq!(names(&doc, c, Role::Lead), v(&["市商务局"]));
    assert_eq!(
        names(&doc, c, Role::Responsible),
        v(&["市财政局", "各县（市、区）人民政府"])
    );
    let unit = doc.unit(c.of_role(Role::Responsible)[1].unit);
    assert_eq!(&*unit.kind, "local_governments");
    assert_eq!(codes(&doc), Vec::<&str>::new());
}

fn several_clauses_in_one_paragraph_each_closing_its_sentence() {
    let doc = parse(
        "某县实施方案\n\n一、重点任务\n（一）稳定投资。推进项目建设（责任单位：县发展改革局，配合单位：县财政局）。加快土地供应（责任单位：县自然资源局）。\n（二）促进消费。开展活动。（县商务局负责）\n",
    );
    let n = node_by_label(&doc, "（一）");
    assert_eq!(n.clauses.len(), 2, "{}", summary(&doc));
    assert!(n.clauses.iter().all(|c| c.form == ClauseForm::Bracket));
    assert_eq!(
        names(&doc, &n.clauses[0], Role::Responsible),
        v(&["县发展改革局"])
    );
    assert_eq!(names(&doc, &n.clauses[0], Role::Support), v(&["县财政局"]));
    assert_eq!(
        names(&doc, &n.clauses[1], Role::Responsible),
        v(&["县自然资源局"])
    );
}

fn square_brackets_and_collectives_with_their_own_brackets() {
    for (open, close) in [('〔', '〕'), ('[', ']'), ('【', '】')] {
        let t = format!(
            "某市若干措施\n\n1.优化信贷。降低首付比例。{open}责任单位:各县(市、区)人民政府,市住建局、市财政局{close}\n2.发放补贴。{open}责任单位:市财政局{close}\n"
        );
        let doc = parse(&t);
        check_invariants(&doc);
        let n = node_by_label(&doc, "1.");
        let c = n.responsibility().expect("a clause");
        assert_eq!(c.form, ClauseForm::Bracket);
        assert_eq!(
            names(&doc, c, Role::Responsible),
            v(&["各县(市、区)人民政府", "市住建局", "市财政局"]),
            "{open}{close}"
        );
        // The clause is not part of the title.
        assert_eq!(n.title(&doc.text), "优化信贷");
    }
}

fn a_label_run_into_the_end_of_the_paragraph_before_fills_the_gap() {
    let doc = parse(
        "某市若干措施\n\n1.优化信贷。降低首付比例。〔责任单位:市住建局〕2.发放补贴。按面积补贴。〔责任单位:市财政局〕\n3.加强监管。开展检查。〔责任单位:市住建局〕\n",
    );
    check_invariants(&doc);
    let items: Vec<u64> = doc
        .node_ids()
        .map(|i| doc.node(i).number())
        .collect::<Vec<_>>();
    assert_eq!(items, [1, 2, 3], "{}", summary(&doc));
    let n = node_by_label(&doc, "2.");
    assert_eq!(
        names(&doc, n.responsibility().unwrap(), Role::Responsible),
        v(&["市财政局"])
    );
    assert_eq!(codes(&doc), Vec::<&str>::new());
    // No gap, no search: a label inside a sentence stays text.
    let doc = parse("某市措施\n\n1.甲。见本办法2.乙项。\n2.丙。\n");
    assert_eq!(doc.nodes.len(), 2);
}

fn a_label_followed_by_digits_is_decided_by_the_sequence() {
    let doc = parse(
        "某区方案\n\n一、目标\n7.培育企业。\n8.300家企业入库。\n9.新增就业。\n二、保障\n1.5倍的补贴标准不变。\n",
    );
    let numbers: Vec<(Kind, u64)> = doc
        .node_ids()
        .map(|i| (doc.node(i).kind(), doc.node(i).number()))
        .collect();
    assert_eq!(
        numbers,
        [
            (Kind::Chapter, 1),
            (Kind::Item, 7),
            (Kind::Item, 8),
            (Kind::Item, 9),
            (Kind::Chapter, 2)
        ],
        "{}",
        summary(&doc)
    );
    assert_eq!(node_by_label(&doc, "8.").title(&doc.text), "300家企业入库");
}

fn a_second_list_inside_an_article_restarts_without_an_alarm() {
    let doc = parse(
        "某市人才住房管理办法\n\n第一条 承租人有下列情形之一的，应当退出：\n（一）转租的；\n（二）出借的。\n购房人有下列情形之一的，收回住房：\n（一）擅自出租的；\n（二）改变用途的。\n第二条 本办法自印发之日起施行。\n",
    );
    assert_eq!(codes(&doc), Vec::<&str>::new(), "{:?}", doc.diagnostics);
    // A real restart in the middle of a list is still found.
    let doc = parse(
        "某市人才住房管理办法\n\n第一条 有下列情形之一的，应当退出：\n（一）转租的；\n（二）出借的；\n（一）改变用途的。\n第二条 本办法自印发之日起施行。\n",
    );
    assert_eq!(codes(&doc), ["out-of-order"]);
}

fn owners_named_below_or_a_closing_chapter_raise_no_missing_clause() {
    let mut t = String::from("某市措施\n\n");
    for (k, cn) in ["一", "二", "三", "四", "五", "六", "七"]
        .iter()
        .enumerate()
    {
        if k == 2 {
            // Chapter 三's owners are named by its items.
            t.push_str("三、加大信贷支持\n（一）调整公积金。提高额度。\n责任单位：市公积金中心\n（二）降低首付。\n责任单位：市金融办\n");
        } else {
            t.push_str(&format!(
                "{cn}、措施{cn}。做好工作。（责任单位：市住建局）\n"
            ));
        }
    }
    t.push_str("八、附则\n本措施自印发之日起施行。\n");
    let doc = parse(&t);
    assert_eq!(codes(&doc), Vec::<&str>::new(), "{}", summary(&doc));
    // One chapter with neither is still reported, with a clause of the document as the
    // example.
    let t = t.replace("（责任单位：市住建局）\n二", "\n二");
    let doc = parse(&t);
    assert_eq!(codes(&doc), ["missing-responsibility"]);
    let d = &doc.diagnostics[0];
    assert!(
        d.suggestion
            .as_deref()
            .unwrap()
            .contains("（责任单位：市住建局）"),
        "{d:?}"
    );
}

fn an_attachment_list_whose_title_wraps_is_no_heading() {
    let doc = parse(
        "某市措施\n\n一、支持购房\n做好工作。\n二、优化服务\n做好工作。\n\n附件:1.房地产开发企业新建商品住房\n优惠让利项目名录\n2.建材家居折扣商家名录\n3.城区学位供给预测汇总表\n",
    );
    assert_eq!(codes(&doc), Vec::<&str>::new(), "{:?}", doc.diagnostics);
    assert_eq!(doc.nodes.len(), 2);
}

fn parts_above_chapters() {
    let doc = parse(
        "某某法典\n\n第一编 总则\n第一章 基本规定\n第一条 为了规范……，制定本法。\n第二编 物权\n第一分编 通则\n第二章 一般规定\n第二条 本编调整物权关系。\n",
    );
    check_invariants(&doc);
    let kinds: Vec<(Kind, u64, Option<u32>)> = doc
        .node_ids()
        .map(|i| {
            let n = doc.node(i);
            (n.kind(), n.number(), n.parent.map(|p: NodeId| p.0))
        })
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Part, 1, None),
            (Kind::Chapter, 1, Some(0)),
            (Kind::Article, 1, Some(1)),
            (Kind::Part, 2, None),
            (Kind::Part, 1, Some(3)),
            (Kind::Chapter, 2, Some(4)),
            (Kind::Article, 2, Some(5)),
        ]
    );
    assert_eq!(codes(&doc), Vec::<&str>::new());
}

fn real_defects_are_still_found() {
    let doc = parse("某市措施\n\n一、甲\n做好。\n二、乙\n做好。\n四、丁\n做好。\n五、戊\n做好。\n");
    assert_eq!(codes(&doc), ["missing-number"]);
    let doc = parse("某市措施\n\n一、甲\n（一）子。\n（二）丑。\n（二）寅。\n（三）卯。\n二、乙\n");
    assert_eq!(codes(&doc), ["duplicate-number"]);
    let doc = parse("某市人民政府文件\n某政发〔2023]5号\n关于某事的通知\n\n一、甲\n二、乙\n");
    assert!(
        codes(&doc).contains(&"doc-number-brackets"),
        "{:?}",
        doc.diagnostics
    );
}

fn metadata_of_a_local_notice() {
    let doc = parse(
        "某市人民政府办公室关于印发某市促进消费若干措施的通知\n某政办发〔2023〕12号\n\n各县（市、区）人民政府，市政府各部门、各直属机构：\n现将《某市促进消费若干措施》印发给你们，请认真贯彻执行。\n\n附件：1.重点任务分工表\n2.政策兑现\n流程图\n3.联系人名单\n\n某市人民政府办公室\n2023年5月6日\n",
    );
    let m = &doc.meta;
    assert_eq!(m.doc_type.as_deref(), Some("通知"));
    assert_eq!(m.issuer.as_deref(), Some("某市人民政府办公室"));
    assert_eq!(m.issuers, ["某市人民政府办公室"]);
    assert_eq!(
        m.recipients,
        ["各县（市、区）人民政府", "市政府各部门", "各直属机构"]
    );
    let names: Vec<&str> = m.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["重点任务分工表", "政策兑现流程图", "联系人名单"]);
    assert_eq!(m.date.as_deref(), Some("2023-05-06"));
}

fn a_decree_its_signatory_and_articles_run_together() {
    let doc = parse(
        "中华人民共和国国务院令第737号\n\n《某某条例》已经国务院常务会议通过，现予公布，自2021年3月1日起施行。\n\n总理　李克强\n2021年1月10日\n\n某某条例\n\n第一章　总则\n\n第一条　为了规范某事，制定本条例。第二条　本条例所称某事，是指……。依照第三条规定的除外。\n第三条　县级以上人民政府负责……。\n",
    );
    check_invariants(&doc);
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("某某条例"));
    assert_eq!(m.doc_type.as_deref(), Some("条例"));
    assert_eq!(
        m.doc_number.as_ref().map(|d| d.agency.as_str()),
        Some("国务院令")
    );
    assert_eq!(m.issuer.as_deref(), Some("国务院"));
    assert_eq!(m.signatory.as_deref(), Some("总理 李克强"));
    let articles: Vec<u64> = doc
        .node_ids()
        .filter(|&i| doc.node(i).kind() == Kind::Article)
        .map(|i| doc.node(i).number())
        .collect();
    assert_eq!(articles, [1, 2, 3], "{}", summary(&doc));
}

fn a_signature_run_into_the_text_and_joint_issuers() {
    let doc = parse(
        "广州市医疗保障局 广州市财政局关于某事的通知\n\n一、总体要求\n做好工作。\n二、工作安排\n各单位要抓好落实。广州市医疗保障局2020年11月1日\n",
    );
    let m = &doc.meta;
    assert_eq!(m.date.as_deref(), Some("2020-11-01"));
    assert_eq!(m.issuers, ["广州市医疗保障局", "广州市财政局"]);
}

fn duties_written_as_sentences() {
    let doc = parse(
        "某市粮食应急预案\n\n一、组织体系\n（一）市发展改革委负责粮食市场监测。市公安局负责维护粮食市场治安秩序。\n（二）由市商务局牵头，市财政局配合，做好储备调运。\n（三）市粮食局会同有关部门负责应急调度。\n（四）企业负责人要落实责任。建立市县人民政府牵头的协调机制。\n（五）做好宣传。（市委宣传部负责）\n",
    );
    check_invariants(&doc);
    let of = |label: &str| -> Vec<Owners> {
        node_by_label(&doc, label)
            .clauses
            .iter()
            .map(|c| {
                (
                    c.form,
                    names(&doc, c, Role::Lead),
                    names(&doc, c, Role::Responsible),
                    names(&doc, c, Role::Support),
                )
            })
            .collect()
    };
    let s = ClauseForm::Sentence;
    assert_eq!(
        of("（一）"),
        [
            (s, v(&[]), v(&["市发展改革委"]), v(&[])),
            (s, v(&[]), v(&["市公安局"]), v(&[]))
        ]
    );
    assert_eq!(
        of("（二）"),
        [(s, v(&["市商务局"]), v(&[]), v(&["市财政局"]))]
    );
    assert_eq!(
        of("（三）"),
        [(s, v(&["市粮食局"]), v(&["有关部门"]), v(&[]))]
    );
    // A person (负责人) and a verb before the name (建立…) are no duty.
    assert_eq!(of("（四）"), []);
    // Explicit clauses are brackets, and sentences are not read beside them.
    assert_eq!(
        of("（五）"),
        [(ClauseForm::Bracket, v(&[]), v(&["市委宣传部"]), v(&[]))]
    );
    // A duty in a sentence stays part of the title and text.
    assert_eq!(
        node_by_label(&doc, "（三）").title(&doc.text),
        "市粮食局会同有关部门负责应急调度"
    );
}

fn task_tables_in_both_layouts() {
    let tabbed = "某县重点任务分工方案\n\n一、重点任务\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限\n1\t推进园区改造\t完成改造10个。\t县发展改革局\t县住建局、县财政局\t2024年底前\n2\t培育骨干企业\t培育规模以上企业20家。\t县工信局\t县税务局\t2025年6月底前\n二、保障措施\n加强领导。\n";
    let cells = "某市任务分工\n\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n1\n推进园区改造\n县发展改革局\n县住建局、县财政局\n2024年底前\n2\n培育骨干企业\n县工信局\n县税务局\n2025年6月底前\n\n本方案自印发之日起施行。\n";
    for t in [tabbed, cells] {
        let doc = parse(t);
        check_invariants(&doc);
        let rows: Vec<NodeId> = doc
            .node_ids()
            .filter(|&i| doc.node(i).kind() == Kind::Row)
            .collect();
        assert_eq!(rows.len(), 2, "{}", summary(&doc));
        let first = doc.node(rows[0]);
        assert_eq!(first.title(&doc.text), "推进园区改造");
        let c = first.responsibility().unwrap();
        assert_eq!(c.form, ClauseForm::Table);
        assert_eq!(names(&doc, c, Role::Lead), v(&["县发展改革局"]));
        assert_eq!(names(&doc, c, Role::Support), v(&["县住建局", "县财政局"]));
        let deadline = |n: &gongwen::Node| n.deadline.as_ref().map(|r| doc.slice(r).to_string());
        assert_eq!(deadline(first).as_deref(), Some("2024年底前"));
        assert_eq!(
            deadline(doc.node(rows[1])).as_deref(),
            Some("2025年6月底前")
        );
        let mut out = Vec::new();
        gongwen::emit::json::write(&doc, false, &mut out).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let nodes = json_nodes(&json);
        let row = nodes
            .iter()
            .find(|n| n["kind"] == "row" && n["number"] == 2)
            .unwrap();
        assert_eq!(row["deadline_date"], "2025-06-30");
        assert_eq!(row["clauses"][0]["form"], "table");
        assert_eq!(codes(&doc), Vec::<&str>::new(), "{:?}", doc.diagnostics);
    }
    // A table of figures is no task table: its rows stay text.
    let doc = parse("某市方案\n\n一、目标\n序号\n指标\n2022年\n2027年\n1\n城镇化率\n73.4\n76\n");
    assert!(doc.nodes.iter().all(|n| n.kind() != Kind::Row));
}

fn a_task_s_deadline_from_its_title_and_every_clause_in_the_ledger() {
    let doc = parse(
        "某市方案\n\n1.2022年底前建成平台。新建站点30个。（市发展改革委负责）做好宣传。（市委宣传部负责）\n2.开展培训。\n",
    );
    let n = node_by_label(&doc, "1.");
    assert_eq!(
        n.deadline.as_ref().map(|r| doc.slice(r)),
        Some("2022年底前")
    );
    let rows = gongwen::emit::ledger::ledger_rows(&doc);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].responsible, v(&["市发展改革委", "市委宣传部"]));
    assert_eq!(rows[0].deadline, v(&["2022年底前"]));
    // The task without owners is a row too.
    assert!(rows[1].responsible.is_empty());
}

fn quantities_of_local_plans() {
    let text = "3年内培育200名技术人才，每年认定10个示范项目，提高2个百分点，年发电量100万千瓦时，接待游客50万人次，新增装备30台套，实施三大行动，2022年底前建成10个站点。不得同时在两个以上单位任职。工作满5年的人员可以申请。两个以上省份出现疫情时启动。给予每户补贴2000元。";
    let qs = gongwen::quantities(text, &gongwen::Options::default());
    let got: Vec<(String, f64, String, bool)> = qs
        .iter()
        .map(|q| {
            (
                text[q.range.clone()].to_string(),
                q.value,
                q.unit.to_string(),
                q.target,
            )
        })
        .collect();
    let want: Vec<(&str, f64, &str, bool)> = vec![
        ("3年内", 3.0, "年", false),
        ("200名", 200.0, "名", true),
        ("10个", 10.0, "个", true),
        ("2个百分点", 2.0, "百分点", true),
        ("100万千瓦时", 1e6, "千瓦时", true),
        ("50万人次", 5e5, "人次", true),
        ("30台套", 30.0, "台套", true),
        ("三大", 3.0, "大", false),
        ("10个", 10.0, "个", true),
        ("两个以上", 2.0, "个", false),
        ("5年", 5.0, "年", false),
        ("两个以上", 2.0, "个", false),
        ("2000元", 2000.0, "元", false),
    ];
    let want: Vec<(String, f64, String, bool)> = want
        .into_iter()
        .map(|(t, v, u, g)| (t.to_string(), v, u.to_string(), g))
        .collect();
    assert_eq!(got, want);
}

fn a_table_row_with_empty_cells_and_an_annex_of_parts() {
    // A row whose other cells are empty is no decimal heading `4　…`.
    let doc = parse(
        "某市通告\n\n一、参保对象\n序列\t人群\t办理方式\n1\t学生\t学校代办。\n2\t居民\t社区代办。\n3\t老人\t社区代办。\n4\t其他城乡居民\n5\t困难人员\t救助资助。\n二、缴费\n按时缴费。\n",
    );
    assert_eq!(codes(&doc), Vec::<&str>::new(), "{}", summary(&doc));
    // The body's 一、二、, then an annex whose 第一部分 and 第二部分 number their 一、
    // on: one list of its own, no restart expected.
    let doc = parse(
        "某市通知\n\n一、甲\n做好。\n二、乙\n做好。\n三、丙\n做好。\n第一部分 一类病种\n一、高血压\n标准。\n二、糖尿病\n标准。\n第二部分 二类病种\n三、精神分裂症\n标准。\n四、肺结核\n标准。\n",
    );
    assert_eq!(codes(&doc), Vec::<&str>::new(), "{:?}", doc.diagnostics);
}

fn titles_from_four_lines_or_from_the_covering_notice() {
    let doc = parse(
        "关于印发某某市促进\n高质量发展若干政策\n措施实施细则和配套\n办法的通知\n某政发〔2024〕1号\n\n各区人民政府：\n现将有关事项通知如下。\n一、甲\n做好。\n",
    );
    check_invariants(&doc);
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("关于印发某某市促进高质量发展若干政策措施实施细则和配套办法的通知")
    );
    // No title line: the recipients come first, the title is the issued document's.
    let doc = parse(
        "各区人民政府，市政府各部门：\n现将《某市促进消费若干措施》印发给你们，请认真贯彻执行。\n\n一、甲\n做好。\n",
    );
    check_invariants(&doc);
    assert_eq!(doc.meta.title.as_deref(), Some("某市促进消费若干措施"));
    assert_eq!(doc.meta.recipients, ["各区人民政府", "市政府各部门"]);
    // A first line that runs on into a sentence is no title.
    let doc = parse("12月17日,\n市政府新闻办召开新闻发布会。\n一、甲\n做好。\n");
    assert_eq!(doc.meta.title, None);
}

fn enumerations_inside_articles_are_marked_apart() {
    let doc = parse(
        "某市办法\n\n第一章 总则\n第一条 有下列情形之一的，不予受理：\n（一）材料不全的；\n（二）逾期的。\n第二章 附则\n第二条 本办法自印发之日起施行。\n",
    );
    let marked: Vec<(String, bool)> = doc
        .node_ids()
        .map(|i| {
            (
                doc.slice(&doc.node(i).label_range()).to_string(),
                doc.is_enumeration(doc.node(i)),
            )
        })
        .collect();
    let want: Vec<(String, bool)> = [
        ("第一章", false),
        ("第一条", false),
        ("（一）", true),
        ("（二）", true),
        ("第二章", false),
        ("第二条", false),
    ]
    .iter()
    .map(|(l, e)| (l.to_string(), *e))
    .collect();
    assert_eq!(marked, want);
    let plan = parse("某市方案\n\n一、目标\n（一）总体目标。\n");
    assert!(!plan.is_enumeration(plan.node(NodeId(1))));
}

fn the_last_label_of_a_list_run_into_the_paragraph_before() {
    let doc = parse(
        "某市方案\n\n一、重点任务\n（一）推进改造。完成改造10个。\n（二）培育企业。培育企业20家。\n（三）优化服务。做好服务，按期完成。（四）强化保障。加强资金支持。\n二、保障措施\n（一）加强领导。\n",
    );
    check_invariants(&doc);
    assert_eq!(node_by_label(&doc, "（四）").title(&doc.text), "强化保障");
    // Not inside a sentence, not a reference, not a long sentence.
    for t in [
        "某市方案\n\n一、甲\n（一）子。\n（二）丑。依照第（三）项规定办理。\n二、乙\n",
        "某市方案\n\n一、甲\n（一）子。\n（二）丑。（三）项所列情形，按照有关规定从严从重处理并及时报告。\n二、乙\n",
    ] {
        let doc = parse(t);
        assert_eq!(doc.nodes.len(), 4, "{}", summary(&doc));
    }
}

/// The local corpus, as checked by hand.
mod corpus {
    use super::*;

    fn local(name: &str) -> Document {
        parse_file(&shared().join(format!("corpus/local/{name}.txt")))
    }

    pub fn run_on_item_after_a_square_clause() {
        // local-05: `…市国资委]2.优化个人购房信贷政策。…`: item 2 was read as part of 1.
        let doc = local("local-05");
        let items: Vec<u64> = doc
            .node_ids()
            .filter(|&i| doc.node(i).kind() == Kind::Item)
            .map(|i| doc.node(i).number())
            .collect();
        assert_eq!(items, (1..=13).collect::<Vec<_>>());
        let n = node_by_label(&doc, "2.");
        assert!(n.title(&doc.text).starts_with("优化个人购房信贷政策"));
        assert_eq!(n.clauses.len(), 1);
        // Every item names its owners, in `()` or `[]`.
        for i in doc.node_ids().filter(|&i| doc.node(i).kind() == Kind::Item) {
            assert!(doc.node(i).responsibility().is_some(), "{}", doc.path(i));
        }
        assert_eq!(codes(&doc), Vec::<&str>::new());
    }

    pub fn clauses_in_lenticular_brackets_with_a_note_inside() {
        // local-18: `〔责任单位:…,各区县政府(含高新区、…,下同)〕` after every chapter.
        let doc = local("local-18");
        let chapters: Vec<NodeId> = doc.node_ids().collect();
        assert_eq!(chapters.len(), 10);
        for &i in &chapters {
            assert!(doc.node(i).responsibility().is_some(), "{}", doc.path(i));
        }
        let c = doc.node(chapters[0]).responsibility().unwrap();
        assert_eq!(names(&doc, c, Role::Responsible)[0], "市自然资源和规划局");
        assert_eq!(codes(&doc), Vec::<&str>::new());
    }

    pub fn label_lines_under_sections() {
        // local-47: `责任单位：…` on the line after each section's text.
        let doc = local("local-47");
        let n = node_by_label(&doc, "(一)");
        let c = n.responsibility().expect("a clause");
        assert_eq!(c.form, ClauseForm::Label);
        assert_eq!(
            names(&doc, c, Role::Responsible),
            v(&["市住房公积金管理中心"])
        );
        assert_eq!(codes(&doc), Vec::<&str>::new());
    }

    pub fn real_numbering_defects_of_the_local_corpus() {
        // local-27: (四) then (六).
        assert_eq!(codes(&local("local-27")), ["missing-number"]);
        // local-48: `…并通知单位。 3.在同一住房公积金年度内…`: item 3 run into the
        // paragraph of item 2, after a space; no item is missing.
        let doc = local("local-48");
        assert_eq!(codes(&doc), Vec::<&str>::new());
        assert!(node_by_label(&doc, "3.")
            .title(&doc.text)
            .starts_with("在同一住房公积金年度内"));
    }

    pub fn no_false_alarm_on_nine_in_ten() {
        let files = shared_files("corpus/local", "txt");
        let clean = files
            .iter()
            .filter(|p| {
                let doc = parse_file(p);
                check_invariants(&doc);
                codes(&doc).is_empty()
            })
            .count();
        println!("local: {clean}/{} documents without warnings", files.len());
        // Of the 80, one has a real numbering defect (local-27) and one a paragraph
        // broken inside a bracket (local-09).
        assert!(clean + 2 >= files.len(), "{clean}/{}", files.len());
    }

    pub fn no_numbering_or_owner_alarm_on_the_web_pages() {
        let files = shared_files("corpus/html", "html");
        let alarms: Vec<String> = files
            .iter()
            .flat_map(|p| {
                let doc = parse_file(p);
                check_invariants(&doc);
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                codes(&doc)
                    .into_iter()
                    // Brackets and label widths as the pages write them are not what this
                    // checks.
                    .filter(|c| {
                        !matches!(
                            *c,
                            "unclosed-bracket"
                                | "unmatched-bracket"
                                | "mismatched-bracket"
                                | "mixed-label-style"
                        )
                    })
                    .map(move |c| format!("{name}: {c}"))
                    .collect::<Vec<_>>()
            })
            .collect();
        // html-31 writes a document number's year in `[]`: a real defect.
        assert_eq!(alarms, ["html-31.html: doc-number-brackets"]);
    }
}

fn main() {
    let trials = vec![
        trial(
            "label_lines_after_an_item_are_one_clause_even_with_a_blank_line_between",
            Needs::Nothing,
            label_lines_after_an_item_are_one_clause_even_with_a_blank_line_between,
        ),
        trial(
            "several_clauses_in_one_paragraph_each_closing_its_sentence",
            Needs::Nothing,
            several_clauses_in_one_paragraph_each_closing_its_sentence,
        ),
        trial(
            "square_brackets_and_collectives_with_their_own_brackets",
            Needs::Nothing,
            square_brackets_and_collectives_with_their_own_brackets,
        ),
        trial(
            "a_label_run_into_the_end_of_the_paragraph_before_fills_the_gap",
            Needs::Nothing,
            a_label_run_into_the_end_of_the_paragraph_before_fills_the_gap,
        ),
        trial(
            "a_label_followed_by_digits_is_decided_by_the_sequence",
            Needs::Nothing,
            a_label_followed_by_digits_is_decided_by_the_sequence,
        ),
        trial(
            "a_second_list_inside_an_article_restarts_without_an_alarm",
            Needs::Nothing,
            a_second_list_inside_an_article_restarts_without_an_alarm,
        ),
        trial(
            "owners_named_below_or_a_closing_chapter_raise_no_missing_clause",
            Needs::Nothing,
            owners_named_below_or_a_closing_chapter_raise_no_missing_clause,
        ),
        trial(
            "an_attachment_list_whose_title_wraps_is_no_heading",
            Needs::Nothing,
            an_attachment_list_whose_title_wraps_is_no_heading,
        ),
        trial("parts_above_chapters", Needs::Nothing, parts_above_chapters),
        trial(
            "real_defects_are_still_found",
            Needs::Nothing,
            real_defects_are_still_found,
        ),
        trial(
            "duties_written_as_sentences",
            Needs::Nothing,
            duties_written_as_sentences,
        ),
        trial(
            "task_tables_in_both_layouts",
            Needs::Nothing,
            task_tables_in_both_layouts,
        ),
        trial(
            "a_task_s_deadline_from_its_title_and_every_clause_in_the_ledger",
            Needs::Nothing,
            a_task_s_deadline_from_its_title_and_every_clause_in_the_ledger,
        ),
        trial(
            "quantities_of_local_plans",
            Needs::Nothing,
            quantities_of_local_plans,
        ),
        trial(
            "a_table_row_with_empty_cells_and_an_annex_of_parts",
            Needs::Nothing,
            a_table_row_with_empty_cells_and_an_annex_of_parts,
        ),
        trial(
            "titles_from_four_lines_or_from_the_covering_notice",
            Needs::Nothing,
            titles_from_four_lines_or_from_the_covering_notice,
        ),
        trial(
            "enumerations_inside_articles_are_marked_apart",
            Needs::Nothing,
            enumerations_inside_articles_are_marked_apart,
        ),
        trial(
            "the_last_label_of_a_list_run_into_the_paragraph_before",
            Needs::Nothing,
            the_last_label_of_a_list_run_into_the_paragraph_before,
        ),
        trial(
            "metadata_of_a_local_notice",
            Needs::Nothing,
            metadata_of_a_local_notice,
        ),
        trial(
            "a_decree_its_signatory_and_articles_run_together",
            Needs::Nothing,
            a_decree_its_signatory_and_articles_run_together,
        ),
        trial(
            "a_signature_run_into_the_text_and_joint_issuers",
            Needs::Nothing,
            a_signature_run_into_the_text_and_joint_issuers,
        ),
        trial(
            "corpus_run_on_item_after_a_square_clause",
            Needs::Shared,
            corpus::run_on_item_after_a_square_clause,
        ),
        trial(
            "corpus_clauses_in_lenticular_brackets_with_a_note_inside",
            Needs::Shared,
            corpus::clauses_in_lenticular_brackets_with_a_note_inside,
        ),
        trial(
            "corpus_label_lines_under_sections",
            Needs::Shared,
            corpus::label_lines_under_sections,
        ),
        trial(
            "corpus_real_numbering_defects_of_the_local_corpus",
            Needs::Shared,
            corpus::real_numbering_defects_of_the_local_corpus,
        ),
        trial(
            "corpus_no_numbering_or_owner_alarm_on_the_web_pages",
            Needs::Shared,
            corpus::no_numbering_or_owner_alarm_on_the_web_pages,
        ),
        trial(
            "corpus_no_false_alarm_on_nine_in_ten",
            Needs::Shared,
            corpus::no_false_alarm_on_nine_in_ten,
        ),
    ];
    run(trials);
}
