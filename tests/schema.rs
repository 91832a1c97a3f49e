//! The JSON that `gongwen parse` prints follows schema/gongwen-1.schema.json.

mod common;
use common::*;

#[test]
fn output_follows_the_published_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo("schema/gongwen-1.schema.json")).unwrap(),
    )
    .unwrap();
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
