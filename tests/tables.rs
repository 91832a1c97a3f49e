//! The ledger, the departments view and the quantities list, through the binary.

mod common;
use common::*;
use std::collections::BTreeMap;

fn cli(args: &[&str]) -> String {
    let o = common::gongwen_command()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

fn expected_items() -> Vec<Vec<String>> {
    std::fs::read_to_string(repo("tests/expected/seed_items.tsv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').map(String::from).collect())
        .collect()
}

fn csv_rows(s: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(s.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect()
}

fn ledger_of_the_seed_has_66_rows_with_the_right_owners() {
    let s = cli(&["ledger", SEED, "--format", "csv"]);
    assert!(
        s.starts_with("\u{feff}path,number,title,lead,responsible,support,targets,deadline,line\n")
    );
    let rows = csv_rows(&s);
    // The 66 items, and the 8 sections and one chapter whose clause names a task force
    // (`现代金融(金融业专班负责)`): every node with a clause is a task, as `departments`
    // says.
    assert_eq!(rows.len(), 75);
    let item = |r: &&Vec<String>| {
        r[0].rsplit('/')
            .next()
            .unwrap()
            .chars()
            .all(|c| c.is_ascii_digit())
            && r[0].contains('/')
    };
    let sections: Vec<&Vec<String>> = rows.iter().filter(|r| !item(r)).collect();
    assert_eq!(sections.len(), 9);
    assert!(
        sections.iter().all(|r| r[4].ends_with("专班")),
        "{sections:?}"
    );
    let items: Vec<&Vec<String>> = rows.iter().filter(item).collect();
    assert_eq!(items.len(), 66);
    for (row, e) in items.iter().zip(expected_items()) {
        // number, title, lead, responsible, support, line
        assert_eq!(
            (&row[1], &row[2], &row[3], &row[4], &row[5], &row[8]),
            (&e[0], &e[3], &e[4], &e[5], &e[6], &e[1])
        );
        assert_eq!(row[0], format!("{}/{}", e[2], e[0]));
    }
    let r10 = rows.iter().find(|r| r[1] == "10").unwrap();
    assert_eq!((r10[6].as_str(), r10[7].as_str()), ("1000亿元", "2022年末"));
}

fn ledger_headers_and_formats() {
    let zh = cli(&[
        "ledger", SEED, "--format", "csv", "--lang", "zh", "--no-bom",
    ]);
    assert!(
        zh.starts_with("序号,编号,任务,牵头单位,责任单位,配合单位,量化指标,完成时限,行号\n"),
        "{zh}"
    );
    let md = cli(&["ledger", SEED, "--format", "markdown"]);
    assert_eq!(md.lines().count(), 77);
    assert!(md.lines().nth(1).unwrap().starts_with("|---|"));
    let json: serde_json::Value =
        serde_json::from_str(&cli(&["ledger", SEED, "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 75);
    assert_eq!(json[0]["path"], "二/1");
    let table = cli(&["ledger", SEED]);
    assert_eq!(table.lines().count(), 77);
}

fn ledger_of_a_document_without_items_lists_clause_carriers() {
    let dir = shared();
    let f = std::fs::read_dir(dir.join("corpus"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("05_"))
        .unwrap()
        .path();
    let rows = csv_rows(&cli(&["ledger", f.to_str().unwrap(), "--format", "csv"]));
    assert_eq!(rows.len(), 30);
}

fn departments_turn_the_ledger_around() {
    // What the hand-made answers say each unit does, by item number.
    let mut want: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for e in expected_items() {
        for (role, col) in [("lead", 4), ("responsible", 5), ("support", 6)] {
            for u in e[col].split('、').filter(|u| !u.is_empty()) {
                want.entry((u.to_string(), role.to_string()))
                    .or_default()
                    .push(e[0].clone());
            }
        }
    }
    let v: serde_json::Value =
        serde_json::from_str(&cli(&["departments", SEED, "--format", "json"])).unwrap();
    let mut got: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for d in v.as_array().unwrap() {
        for role in ["lead", "responsible", "support"] {
            for t in d[role].as_array().unwrap() {
                if t["path"].as_str().unwrap().matches('/').count() >= 1
                    && !t["path"].as_str().unwrap().ends_with(')')
                {
                    got.entry((d["unit"].as_str().unwrap().to_string(), role.to_string()))
                        .or_default()
                        .push(t["number"].to_string());
                }
            }
        }
    }
    // Units are canonical names; the seed writes each of its units one way only.
    assert_eq!(got, want);
    // The ledger and the departments agree: each task a unit has is a row of the
    // ledger, with that unit in the row's role.
    let ledger: serde_json::Value =
        serde_json::from_str(&cli(&["ledger", SEED, "--format", "json"])).unwrap();
    let rows: BTreeMap<&str, &serde_json::Value> = ledger
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["path"].as_str().unwrap(), r))
        .collect();
    let mut pairs = 0;
    for d in v.as_array().unwrap() {
        for role in ["lead", "responsible", "support"] {
            for t in d[role].as_array().unwrap() {
                let row = rows
                    .get(t["path"].as_str().unwrap())
                    .unwrap_or_else(|| panic!("{} is no ledger row", t["path"]));
                let names: Vec<&str> = d["names"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_str().unwrap())
                    .collect();
                assert!(
                    row[role]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|n| names.contains(&n.as_str().unwrap())),
                    "{} {role} {}",
                    d["unit"],
                    t["path"]
                );
                pairs += 1;
            }
        }
    }
    assert!(pairs > 100, "{pairs}");
    let commerce = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["unit"] == "省商务厅")
        .unwrap();
    assert_eq!(commerce["kind"], "provincial_department");
}

fn departments_take_user_unit_names() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("units.tsv");
    std::fs::write(&f, "山西省商务厅\tprovincial_department\t省商务厅\n").unwrap();
    let s = cli(&[
        "departments",
        SEED,
        "--format",
        "csv",
        "--units",
        f.to_str().unwrap(),
    ]);
    assert!(
        s.contains("山西省商务厅,provincial_department,lead,"),
        "{s}"
    );
    // The same names in the JSON of `parse`.
    let v: serde_json::Value =
        serde_json::from_str(&cli(&["parse", SEED, "--units", f.to_str().unwrap()])).unwrap();
    let unit = &v["nodes"][3]["children"][0]["children"][0]["responsibility"]["units"][0];
    assert_eq!(
        (unit["name"].as_str(), unit["canonical"].as_str()),
        (Some("省商务厅"), Some("山西省商务厅"))
    );
}

fn quantities_command_lists_targets() {
    let rows = csv_rows(&cli(&["quantities", SEED, "--targets", "--format", "csv"]));
    assert_eq!(rows.len(), 26);
    assert!(rows
        .iter()
        .any(|r| r[2] == "3万个" && r[3] == "30000" && r[4] == "个"));
    let all: serde_json::Value =
        serde_json::from_str(&cli(&["quantities", SEED, "--format", "json"])).unwrap();
    let all = all.as_array().unwrap();
    assert!(all.len() > 26);
    assert!(all
        .iter()
        .all(|q| q["path"].is_string() && q["line"].is_u64()));
}

/// `ledger --format json`: numbers are numbers, owners, targets and deadlines arrays, and
/// the same values as the CSV.
fn ledger_json_is_typed() {
    let json: serde_json::Value =
        serde_json::from_str(&cli(&["ledger", SEED, "--format", "json"])).unwrap();
    let csv = csv_rows(&cli(&["ledger", SEED, "--format", "csv"]));
    for (j, c) in json.as_array().unwrap().iter().zip(&csv) {
        assert_eq!(j["number"].as_u64().unwrap().to_string(), c[1]);
        assert_eq!(j["line"].as_u64().unwrap().to_string(), c[8]);
        let joined = |k: &str, sep: &str| {
            j[k].as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(sep)
        };
        assert_eq!(joined("lead", "、"), c[3]);
        assert_eq!(joined("responsible", "、"), c[4]);
        assert_eq!(joined("support", "、"), c[5]);
        assert_eq!(joined("targets", "；"), c[6]);
        assert_eq!(joined("deadline", "；"), c[7]);
    }
    let r10 = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == 10)
        .unwrap();
    assert_eq!(r10["targets"], serde_json::json!(["1000亿元"]));
}

/// Several files, or a folder: one table, each row naming its file first; one file: the
/// table as before. The rows are each file's rows, in the order of the files.
fn table_commands_take_many_inputs() {
    let files = [SEED, "fixtures/action_plan.txt"];
    for (cmd, extra) in [
        ("ledger", &[][..]),
        ("departments", &[][..]),
        ("quantities", &["--targets"][..]),
    ] {
        let one = |f: &str| {
            let mut args = vec![cmd, f, "--format", "csv"];
            args.extend(extra);
            csv_rows(&cli(&args))
        };
        let mut args = vec![cmd, files[0], files[1], "--format", "csv"];
        args.extend(extra);
        let out = cli(&args);
        assert!(
            out.trim_start_matches('\u{feff}').starts_with("source,"),
            "{cmd}: {out}"
        );
        let both = csv_rows(&out);
        let expected: Vec<Vec<String>> = files
            .iter()
            .flat_map(|f| {
                one(f)
                    .into_iter()
                    .map(move |r| std::iter::once(f.to_string()).chain(r).collect::<Vec<_>>())
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(both, expected, "{cmd}");
        // JSON: each row, and each department, names its source.
        let mut args = vec![cmd, files[0], files[1], "--format", "json"];
        args.extend(extra);
        let json: serde_json::Value = serde_json::from_str(&cli(&args)).unwrap();
        let rows = json.as_array().unwrap();
        assert!(rows
            .iter()
            .all(|r| files.contains(&r["source"].as_str().unwrap())));
        assert!(rows.iter().any(|r| r["source"] == files[1]), "{cmd}");
    }
    // A folder: every document below it, with a summary on stderr.
    let o = common::gongwen_command()
        .args(["ledger", "fixtures", "--format", "csv"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let rows = csv_rows(&String::from_utf8(o.stdout).unwrap());
    assert!(rows.iter().any(|r| r[0].ends_with("action_plan.txt")));
    assert!(String::from_utf8_lossy(&o.stderr).contains("read"));
}

/// Whether the batches read back hold the same columns as `expected`, row for row.
#[cfg(feature = "parquet")]
fn arrow_select_concat(
    batches: &[arrow_array::RecordBatch],
    expected: &arrow_array::RecordBatch,
) -> bool {
    let mut at = 0;
    for b in batches {
        let want = expected.slice(at, b.num_rows());
        if b.columns() != want.columns() {
            return false;
        }
        at += b.num_rows();
    }
    at == expected.num_rows()
}

/// The README's line for a table: its name, then each column with its type.
fn readme_line(shape: &gongwen::emit::tidy::Shape) -> String {
    let cols: Vec<String> = shape
        .columns
        .iter()
        .map(|(n, t)| format!("`{n}` {}", t.as_str()))
        .collect();
    format!("| `{}` | {} |", shape.name, cols.join(", "))
}

/// `gongwen tables`: a file per table in CSV and in JSONL with the same rows; each column
/// of one type in every row; ids that join (every parent and clause names a node of its
/// document, every row a document); the README lists the columns as they are.
fn tables_command_writes_typed_tables_that_join() {
    use gongwen::emit::tidy::{Type, SHAPES};
    use std::collections::HashSet;
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = vec!["fixtures".to_string(), SEED.to_string()];
    if shared_dir().is_some() {
        inputs.push(repo("../shared/corpus/local").display().to_string());
    }
    let formats: &[&str] = if cfg!(feature = "parquet") {
        &["csv", "jsonl", "parquet"]
    } else {
        &["csv", "jsonl"]
    };
    for &format in formats {
        let mut args = vec!["tables", "-o"];
        let out = dir.path().join(format);
        let out_s = out.display().to_string();
        args.push(&out_s);
        args.extend(["--format", format]);
        args.extend(inputs.iter().map(String::as_str));
        cli(&args);
    }
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let mut tables: BTreeMap<&str, Vec<serde_json::Value>> = BTreeMap::new();
    for shape in SHAPES {
        assert!(
            readme.contains(&readme_line(shape)),
            "README: {}",
            readme_line(shape)
        );
        let jsonl = std::fs::read_to_string(dir.path().join(format!("jsonl/{}.jsonl", shape.name)))
            .unwrap();
        let rows: Vec<serde_json::Value> = jsonl
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let csv =
            std::fs::read_to_string(dir.path().join(format!("csv/{}.csv", shape.name))).unwrap();
        assert!(csv.starts_with('\u{feff}'));
        let mut r = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        let names: Vec<&str> = shape.columns.iter().map(|(n, _)| *n).collect();
        assert_eq!(headers, names, "{}", shape.name);
        assert_eq!(r.records().count(), rows.len(), "{}", shape.name);
        #[cfg(feature = "parquet")]
        {
            // Parquet: the declared Arrow schema, and the JSONL's rows, value for value.
            use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
            let f = std::fs::File::open(dir.path().join(format!("parquet/{}.parquet", shape.name)))
                .unwrap();
            let reader = ParquetRecordBatchReaderBuilder::try_new(f).unwrap();
            assert_eq!(
                reader.schema().fields(),
                gongwen::emit::tidy::arrow_schema(shape).fields(),
                "{}",
                shape.name
            );
            let batches: Vec<_> = reader.build().unwrap().map(Result::unwrap).collect();
            let n: usize = batches.iter().map(|b| b.num_rows()).sum();
            assert_eq!(n, rows.len(), "{}", shape.name);
            let values: Vec<Vec<serde_json::Value>> = rows
                .iter()
                .map(|r| names.iter().map(|c| r[*c].clone()).collect())
                .collect();
            let expected = gongwen::emit::tidy::record_batch(shape, &values).unwrap();
            let got = arrow_select_concat(&batches, &expected);
            assert!(got, "{}: Parquet's values differ from JSONL's", shape.name);
        }
        for row in &rows {
            let obj = row.as_object().unwrap();
            assert_eq!(obj.len(), shape.columns.len());
            for (n, t) in shape.columns {
                let v = &obj[*n];
                let ok = v.is_null()
                    || match t {
                        Type::Str => v.is_string(),
                        Type::Int => v.is_i64() || v.is_u64(),
                        Type::Float => v.is_f64(),
                        Type::Bool => v.is_boolean(),
                        Type::List => v
                            .as_array()
                            .is_some_and(|a| a.iter().all(|x| x.is_string())),
                        Type::Date => v
                            .as_str()
                            .is_some_and(|d| gongwen::emit::tidy::days(d).is_some()),
                    };
                assert!(ok, "{}.{n} is {t:?}: {v}", shape.name);
            }
        }
        tables.insert(shape.name, rows);
    }
    let docs: HashSet<&str> = tables["documents"]
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap())
        .collect();
    assert!(docs.len() >= 8);
    let nodes: HashSet<(&str, u64)> = tables["nodes"]
        .iter()
        .map(|n| {
            (
                n["doc_id"].as_str().unwrap(),
                n["node_id"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        nodes.len(),
        tables["nodes"].len(),
        "node ids are unique in a document"
    );
    for (name, rows) in &tables {
        for r in rows {
            assert!(docs.contains(r["doc_id"].as_str().unwrap()), "{name}");
            for key in ["node_id", "parent_id"] {
                if let Some(id) = r.get(key).and_then(|v| v.as_u64()) {
                    assert!(
                        nodes.contains(&(r["doc_id"].as_str().unwrap(), id)),
                        "{name}.{key}"
                    );
                }
            }
        }
    }
    // Each document's row counts its nodes; the seed's are its 87 outline nodes.
    for d in &tables["documents"] {
        let id = d["doc_id"].as_str().unwrap();
        let n = nodes.iter().filter(|(doc, _)| *doc == id).count();
        assert_eq!(d["nodes"].as_u64().unwrap() as usize, n);
    }
    let seed = tables["documents"]
        .iter()
        .find(|d| d["source"] == SEED)
        .unwrap();
    assert_eq!(seed["nodes"], 87);
    let roles: HashSet<&str> = tables["unit_roles"]
        .iter()
        .map(|u| u["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, HashSet::from(["lead", "responsible", "support"]));
}

fn main() {
    run(vec![
        trial(
            "tables_command_writes_typed_tables_that_join",
            Needs::Nothing,
            tables_command_writes_typed_tables_that_join,
        ),
        trial("ledger_json_is_typed", Needs::Nothing, ledger_json_is_typed),
        trial(
            "table_commands_take_many_inputs",
            Needs::Nothing,
            table_commands_take_many_inputs,
        ),
        trial(
            "ledger_of_the_seed_has_66_rows_with_the_right_owners",
            Needs::Nothing,
            ledger_of_the_seed_has_66_rows_with_the_right_owners,
        ),
        trial(
            "ledger_headers_and_formats",
            Needs::Nothing,
            ledger_headers_and_formats,
        ),
        trial(
            "ledger_of_a_document_without_items_lists_clause_carriers",
            Needs::Shared,
            ledger_of_a_document_without_items_lists_clause_carriers,
        ),
        trial(
            "departments_turn_the_ledger_around",
            Needs::Nothing,
            departments_turn_the_ledger_around,
        ),
        trial(
            "departments_take_user_unit_names",
            Needs::Nothing,
            departments_take_user_unit_names,
        ),
        trial(
            "quantities_command_lists_targets",
            Needs::Nothing,
            quantities_command_lists_targets,
        ),
    ]);
}
