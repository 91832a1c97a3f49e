//! The published schema (schema/gongwen-1.schema.json) is made from the declared
//! `gongwen/1` view, and the JSON that `gongwen parse` prints follows it.
//! After a deliberate change to the shape: `GONGWEN_BLESS=1 cargo test --test schema`.

mod common;
use common::*;

const SCHEMA_FILE: &str = "schema/gongwen-1.schema.json";

fn generated() -> String {
    serde_json::to_string_pretty(&gongwen::emit::json::schema()).unwrap() + "\n"
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let now = generated();
    if std::env::var_os("GONGWEN_BLESS").is_some() {
        std::fs::write(repo(SCHEMA_FILE), &now).unwrap();
    }
    let committed = std::fs::read_to_string(repo(SCHEMA_FILE)).unwrap();
    assert!(
        committed == now,
        "{SCHEMA_FILE} differs from the schema the JSON structs make: run `GONGWEN_BLESS=1 cargo test --test schema` and review the diff"
    );
}

#[test]
fn promised_fields_are_required() {
    let s = gongwen::emit::json::schema();
    let required = |def: &str| -> Vec<String> {
        let obj = if def.is_empty() { &s } else { &s["$defs"][def] };
        obj["required"]
            .as_array()
            .unwrap_or_else(|| panic!("{def} has required fields"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let has = |def: &str, fields: &[&str]| {
        let r = required(def);
        for f in fields {
            assert!(r.iter().any(|x| x == f), "{def}.{f} is required: {r:?}");
        }
    };
    has(
        "",
        &[
            "schema",
            "doc_id",
            "source",
            "meta",
            "preamble",
            "nodes",
            "skipped",
            "diagnostics",
        ],
    );
    has("source", &["path", "encoding", "bytes"]);
    has(
        "meta",
        &[
            "title",
            "title_span",
            "doc_number",
            "date",
            "issuer",
            "citations",
            "doc_type",
            "issuers",
            "recipients",
            "signatory",
        ],
    );
    has(
        "node",
        &[
            "id",
            "parent",
            "depth",
            "part",
            "attachment",
            "kind",
            "label",
            "number",
            "title",
            "text",
            "span",
            "path",
            "responsibility",
            "clauses",
            "quantities",
            "children",
            "deadline",
            "deadline_date",
            "style",
            "enumeration",
        ],
    );
    has(
        "clause",
        &[
            "text",
            "span",
            "lead",
            "responsible",
            "support",
            "units",
            "form",
        ],
    );
    has("unit", &["name", "role", "canonical", "kind"]);
    has(
        "quantity",
        &[
            "text",
            "value",
            "unit",
            "qualifier",
            "min",
            "max",
            "from",
            "to",
            "target",
            "deadline",
            "span",
            "deadline_date",
        ],
    );
    assert!(
        !required("quantity").iter().any(|f| f == "parts"),
        "parts: ratios only"
    );
    assert!(
        !required("").iter().any(|f| f == "text"),
        "text: with --include-text only"
    );
    has("skipped", &["text", "span", "reason"]);
    has(
        "diagnostic",
        &[
            "code",
            "severity",
            "message",
            "span",
            "paragraph",
            "page",
            "related",
            "notes",
            "suggestion",
            "fixes",
        ],
    );
    has("edit", &["span", "replacement"]);
}

#[test]
fn output_follows_the_published_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo(SCHEMA_FILE)).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid");
    let mut files = vec![repo(SEED)];
    for e in std::fs::read_dir(repo("fixtures")).unwrap() {
        files.push(e.unwrap().path());
    }
    for f in files {
        let doc = parse_file(&f);
        let v: serde_json::Value =
            serde_json::from_str(&gongwen::emit::json::to_string(&doc, false)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", f.display());
        // The schema does say no: a renamed field is caught.
        if !doc.nodes.is_empty() {
            let mut bad = v.clone();
            bad["nodes"][0].as_object_mut().unwrap().remove("kind");
            assert!(!validator.is_valid(&bad));
        }
    }
}
