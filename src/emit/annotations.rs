//! Diagnostics where CI and editors read them: SARIF 2.1.0 (code-scanning views, editors'
//! SARIF viewers) and GitHub workflow commands (`::error file=…::…`, shown on the pull
//! request's lines). Columns are counted in characters, as SARIF's `unicodeCodePoints`.

use crate::model::{Code, Document, Severity};
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: `/` kept, anything outside the unreserved set
/// percent-encoded (Chinese file names included).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where a byte range is: 1-based line and column of its start and end, in characters.
fn region(doc: &Document, r: &std::ops::Range<usize>) -> Value {
    let (ix, text) = (&doc.index, &doc.text);
    let (start, end) = (ix.char_offset(text, r.start), ix.char_offset(text, r.end));
    json!({
        "startLine": doc.line(r.start),
        "startColumn": ix.column(text, r.start),
        "endLine": doc.line(r.end),
        "endColumn": ix.column(text, r.end),
        "charOffset": start,
        "charLength": end - start,
    })
}

/// The SARIF 2.1.0 log of these documents' diagnostics (each document with the name it is
/// shown by): one run of the tool `gongwen`, its rules the codes, one result per diagnostic.
pub fn sarif(docs: &[(String, &Document)]) -> Value {
    let rules: Vec<Value> = Code::ALL
        .iter()
        .map(|c| {
            let mut properties = json!({"tags": [c.family().as_str()]});
            if let Some(a) = c.family().authority() {
                properties["authority"] = json!(a);
            }
            if let Some(clause) = c.clause() {
                properties["clause"] = json!(clause);
            }
            json!({
                "id": c.as_str(),
                "shortDescription": {"text": c.description()},
                "defaultConfiguration": {
                    "level": level(c.severity()),
                    "enabled": c.on_by_default(),
                },
                "properties": properties,
            })
        })
        .collect();
    let mut results = Vec::new();
    for (name, doc) in docs {
        let uri = uri(name);
        for d in &doc.diagnostics {
            let location = |r: &std::ops::Range<usize>| {
                json!({
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": region(doc, r),
                    }
                })
            };
            let mut text = d.message.clone();
            for n in &d.notes {
                text.push('\n');
                text.push_str(n);
            }
            let mut r = json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0),
                "level": level(d.severity),
                "message": {"text": text},
                "locations": [location(&d.range)],
            });
            if !d.related.is_empty() {
                r["relatedLocations"] = d
                    .related
                    .iter()
                    .enumerate()
                    .map(|(k, rel)| {
                        let mut l = location(rel);
                        l["id"] = json!(k);
                        l
                    })
                    .collect();
            }
            if let Some(s) = &d.suggestion {
                r["properties"] = json!({"suggestion": s});
            }
            if !d.fixes.is_empty() {
                let replacements: Vec<Value> = d
                    .fixes
                    .iter()
                    .map(|e| {
                        json!({
                            "deletedRegion": region(doc, &e.range),
                            "insertedContent": {"text": e.replacement},
                        })
                    })
                    .collect();
                r["fixes"] = json!([{
                    "description": {"text": d.suggestion.as_deref().unwrap_or(&d.message)},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": uri},
                        "replacements": replacements,
                    }],
                }]);
            }
            results.push(r);
        }
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "gongwen",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

/// Escapes a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub workflow commands, one line per diagnostic: `::error file=F,line=L,col=C,
/// endLine=…,endColumn=…,title=CODE::message`.
pub fn github(docs: &[(String, &Document)]) -> String {
    let mut out = String::new();
    for (name, doc) in docs {
        for d in &doc.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let r = region(doc, &d.range);
            let mut message = d.message.clone();
            if let Some(s) = &d.suggestion {
                message.push_str(" — ");
                message.push_str(s);
            }
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(name),
                r["startLine"],
                r["startColumn"],
                r["endLine"],
                r["endColumn"],
                escape_property(&format!("gongwen {}", d.code)),
                escape_data(&message),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages_are_escaped() {
        assert_eq!(
            uri("局/行动计划 v2.txt"),
            "%E5%B1%80/%E8%A1%8C%E5%8A%A8%E8%AE%A1%E5%88%92%20v2.txt"
        );
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
        assert_eq!(escape_data("x\ny"), "x%0Ay");
    }
}
