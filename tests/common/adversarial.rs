//! Inputs that once made a scanner quadratic, a tree builder look down its whole stack,
//! or a list grow without bound: shared by `tests/linear_time.rs` (which asserts the time
//! ratio between two sizes), `tests/memory.rs` (which asserts the peak of memory) and
//! `benches/adversarial.rs` (which reports throughput).

/// A named way to make an input of about `n` bytes.
pub type Input = (&'static str, fn(usize) -> String);

pub fn inputs() -> Vec<Input> {
    vec![
        ("digits", |n| "1".repeat(n)),
        ("full-width digits", |n| "１".repeat(n / 3)),
        ("十 run", |n| "十".repeat(n / 3)),
        ("零〇 run", |n| "零〇".repeat(n / 6)),
        ("Chinese digit run", |n| {
            "一二三四五六七八九".repeat(n / 27) + "十"
        }),
        ("opening brackets", |n| "（".repeat(n / 3)),
        ("nested brackets", |n| {
            ("（".repeat(300) + "省商务厅负责" + &"）".repeat(300)).repeat(n / 1818 + 1)
        }),
        ("1. on one line", |n| "1.".repeat(n / 2)),
        ("1. on every line", |n| "1.\n".repeat(n / 3)),
        ("quantities without punctuation", |n| "1个".repeat(n / 4)),
        ("thousands separators", |n| {
            "1".to_string() + &",000".repeat(n / 4)
        }),
        ("opening quotes", |n| "“".repeat(n / 3)),
        ("opening titles", |n| "《".repeat(n / 3)),
        ("一、 run", |n| "一、".repeat(n / 6)),
        ("clauses on one line", |n| {
            "做好。（省商务厅负责）".repeat(n / 33)
        }),
        ("a long line of prose", |n| {
            "新建5G基站3万个，推进“1+3+N”工程（省商务厅负责）；".repeat(n / 70)
        }),
        ("（ on every line", |n| "（\n".repeat(n / 4)),
        ("（一） on one line", |n| "（一）".repeat(n / 9)),
        ("（一） on every line", |n| "（一）\n".repeat(n / 10)),
        ("a label and a quantity on every line", |n| {
            "1.5个\n".repeat(n / 7)
        }),
        ("a label and a clause on every line", |n| {
            "1.(省商务厅负责)\n".repeat(n / 23)
        }),
        ("a labelled line of units", |n| {
            "一、任务\n责任单位：".to_string() + &"省商务厅、".repeat(n / 15)
        }),
        ("percentages on every line", |n| "5%\n".repeat(n / 3)),
        // White space between Han characters is squeezed out of titles and header lines.
        ("a title spaced out", |n| {
            "一、".to_string() + &"字 ".repeat(n / 4)
        }),
        ("a line spaced out", |n| "字　".repeat(n / 6)),
        ("a long ratio", |n| "1".to_string() + &":1".repeat(n / 2)),
        ("many different units", |n| {
            let mut s = String::new();
            let mut k = 0;
            while s.len() < n {
                s.push_str("一、任务\n责任单位：");
                let names: Vec<String> = (k..k + 500).map(unit_name).collect();
                k += 500;
                s.push_str(&names.join("、"));
                s.push('\n');
            }
            s
        }),
        // Header lines, citations and attachments are kept as metadata.
        ("document numbers on every line", |n| {
            "国发〔2022〕1号\n".repeat(n / 21)
        }),
        ("dates on every line", |n| "2022年1月1日\n".repeat(n / 19)),
        ("citations on one line", |n| {
            "《关于甲的通知》（国发〔2022〕1号）".repeat(n / 60)
        }),
        ("a list of attachments", |n| {
            (1..n / 10)
                .map(|k| format!("{k}.甲\n"))
                .fold("附件：".to_string(), |s, l| s + &l)
        }),
        // Each header starts a task table, whose rows are nodes.
        ("task tables one after another", |n| {
            "序号\t重点任务\t牵头单位\n1\t做好\t省商务厅\n".repeat(n / 60)
        }),
        // A table's total row is checked against the sums of the rows above it.
        ("a long table above its total", |n| {
            "项目\t金额\n".to_string() + &"甲\t1\n".repeat(n / 8) + "合计\t0\n"
        }),
        ("a total row of many cells", |n| {
            "项目\t金额\n甲\t1\n乙\t2\n合计".to_string() + &"\t3".repeat(n / 2)
        }),
        // Web pages: the HTML tree builder looks down its stack for each tag.
        ("nested divs", |n| {
            "<html><body>".to_string() + &"<div>".repeat(n / 5) + "一、总体要求"
        }),
        ("nested tables", |n| {
            "<html><body>".to_string() + &"<table><tr><td>".repeat(n / 15)
        }),
        ("unclosed fonts", |n| {
            let mut s = String::from("<html><body>");
            for i in 0..n / 24 {
                s.push_str(&format!("<font color={i}>字"));
            }
            s
        }),
        ("unclosed paragraphs", |n| {
            "<html><body>".to_string() + &"<p>1.加大力度。".repeat(n / 20)
        }),
        ("scripts and comments", |n| {
            "<html><body>".to_string() + &"<script>x</script><!-- c --><p>字".repeat(n / 36)
        }),
    ]
}

/// A unit's name of Han characters only, different for each `k`: `省一〇二厅`.
pub fn unit_name(k: usize) -> String {
    let digits: Vec<char> = "〇一二三四五六七八九".chars().collect();
    let number: String = k
        .to_string()
        .bytes()
        .map(|d| digits[(d - b'0') as usize])
        .collect();
    format!("省{number}厅")
}
