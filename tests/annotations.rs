//! `gongwen check --format sarif | github`, `--select`, `--ignore`: on the seed and a
//! broken draft, the SARIF validated against the SARIF 2.1.0 schema, the workflow
//! commands read back, the selection held to the codes asked for.

mod common;
use common::*;

const SEED: &str = "seeds/000_ae5005f7988b7668.txt";
const BROKEN: &str = "fixtures/broken.txt";

fn check(args: &[&str]) -> (String, i32) {
    let o = gongwen_command()
        .arg("check")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        String::from_utf8(o.stdout).unwrap(),
        o.status.code().unwrap(),
    )
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&check(args).0).unwrap()
}

fn sarif_is_valid() {
    let (out, code) = check(&[SEED, BROKEN, "--format", "sarif"]);
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sarif_schema().unwrap()).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // One result per diagnostic of `--format json`, at the same places.
    let plain = json(&[SEED, BROKEN, "--format", "json"]);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), plain.as_array().unwrap().len());
    let mut fixes = 0;
    for (r, d) in results.iter().zip(plain.as_array().unwrap()) {
        assert_eq!(r["ruleId"], d["code"]);
        // A fix is the same edits in both, at the same places.
        let edits = d["fixes"].as_array().unwrap();
        if !edits.is_empty() {
            fixes += 1;
            let change = &r["fixes"][0]["artifactChanges"][0];
            let replacements = change["replacements"].as_array().unwrap();
            assert_eq!(replacements.len(), edits.len());
            for (x, e) in replacements.iter().zip(edits) {
                assert_eq!(x["insertedContent"]["text"], e["replacement"]);
                assert_eq!(x["deletedRegion"]["charOffset"], e["span"]["start"]);
            }
        } else {
            assert!(r.get("fixes").is_none());
        }
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], d["span"]["line"]);
        assert_eq!(region["startColumn"], d["span"]["column"]);
        assert_eq!(region["charOffset"], d["span"]["start"]);
        let rules = &log["runs"][0]["tool"]["driver"]["rules"];
        assert_eq!(
            rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"],
            r["ruleId"]
        );
    }
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        SEED
    );
    // The seed's 15 → 14, and the broken draft's renumbering, label and bracket.
    assert!(fixes >= 3, "{fixes} results with a fix");
    assert_eq!(
        results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "14."
    );
}

fn github_commands_name_file_line_and_code() {
    let (out, code) = check(&[SEED, BROKEN, "--format", "github"]);
    assert_eq!(code, 1);
    let plain = json(&[SEED, BROKEN, "--format", "json"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), plain.as_array().unwrap().len());
    for (l, d) in lines.iter().zip(plain.as_array().unwrap()) {
        let level = match d["severity"].as_str().unwrap() {
            "error" => "error",
            "warning" => "warning",
            _ => "notice",
        };
        let head = format!(
            "::{level} file={},line={},col={},",
            d["file"].as_str().unwrap(),
            d["span"]["line"],
            d["span"]["column"]
        );
        assert!(l.starts_with(&head), "{l}\n{head}");
        assert!(
            l.contains(&format!("title=gongwen {}::", d["code"].as_str().unwrap())),
            "{l}"
        );
    }
    // The seed numbers two items 15 and none 14.
    assert!(lines[0].contains("line=48") && lines[0].contains("duplicate-number"));
    // In Chinese the message is Chinese; the command and code are not.
    let (zh, _) = check(&[SEED, "--format", "github", "--lang", "zh"]);
    assert!(
        zh.starts_with("::error file=") && zh.contains("应为 14"),
        "{zh}"
    );
}

fn select_and_ignore_keep_the_codes_asked_for() {
    let all = json(&[BROKEN, "--format", "json"]);
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let every = codes(&all);
    assert!(every.contains(&"missing-number".into()) && every.len() > 2);
    let only = codes(&json(&[
        BROKEN,
        "--format",
        "json",
        "--select",
        "missing-number",
    ]));
    assert!(!only.is_empty() && only.iter().all(|c| c == "missing-number"));
    let without = codes(&json(&[
        BROKEN,
        "--format",
        "json",
        "--ignore",
        "missing-number,unclosed-bracket",
    ]));
    assert_eq!(
        without,
        every
            .iter()
            .filter(|c| *c != "missing-number" && *c != "unclosed-bracket")
            .cloned()
            .collect::<Vec<_>>()
    );
    // Nothing left at warning level: exit 0.
    let (_, code) = check(&[SEED, "--ignore", "duplicate-number"]);
    assert_eq!(code, 0);
    let o = gongwen_command()
        .args(["check", SEED, "--select", "duplicate-numbr"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("duplicate-numbr") && err.contains("duplicate-number"),
        "{err}"
    );
}

fn main() {
    run(vec![
        trial(
            "sarif_is_valid_sarif_2_1_0",
            Needs::SarifSchema,
            sarif_is_valid,
        ),
        trial(
            "github_commands_name_file_line_and_code",
            Needs::Nothing,
            github_commands_name_file_line_and_code,
        ),
        trial(
            "select_and_ignore_keep_the_codes_asked_for",
            Needs::Nothing,
            select_and_ignore_keep_the_codes_asked_for,
        ),
    ]);
}
