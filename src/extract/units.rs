//! Units: canonical names and kinds for the units named in responsibility clauses.
//!
//! Takes a unit name as written; gives its canonical name and kind, from
//! `data/units.tsv` and `data/unit_kinds.tsv` (compiled in) and any files the
//! user adds. Unknown units keep their name with kind `unknown`.

use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone)]
pub struct Units {
    alias: HashMap<String, (String, String)>,
    kinds: Vec<(String, Regex)>,
    /// All kind patterns at once, in the order of `kinds`.
    set: RegexSet,
}

const UNITS: &str = include_str!("../../data/units.tsv");
const KINDS: &str = include_str!("../../data/unit_kinds.tsv");

fn rows(s: &str) -> impl Iterator<Item = Vec<&str>> {
    s.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Default for Units {
    fn default() -> Self {
        let mut u = Units {
            alias: HashMap::default(),
            kinds: Vec::new(),
            set: RegexSet::empty(),
        };
        u.add_units(UNITS).expect("built-in units.tsv is valid");
        u.add_kinds(KINDS)
            .expect("built-in unit_kinds.tsv is valid");
        u
    }
}

/// The built-in tables, loaded once.
pub fn builtin() -> &'static Units {
    static U: std::sync::LazyLock<Units> = std::sync::LazyLock::new(Units::default);
    &U
}

impl Units {
    /// Adds lines `canonical<TAB>kind<TAB>alias|alias`; later lines win.
    pub fn add_units(&mut self, tsv: &str) -> Result<(), String> {
        for (k, r) in rows(tsv).enumerate() {
            if r.len() < 2 {
                return Err(format!(
                    "line {}: expected `canonical<TAB>kind<TAB>aliases`",
                    k + 1
                ));
            }
            let v = (r[0].to_string(), r[1].to_string());
            self.alias.insert(r[0].to_string(), v.clone());
            for a in r
                .get(2)
                .into_iter()
                .flat_map(|a| a.split('|'))
                .filter(|a| !a.is_empty())
            {
                self.alias.insert(a.to_string(), v.clone());
            }
        }
        Ok(())
    }

    /// Adds lines `kind<TAB>regex`; earlier lines are tried first, so these go first.
    pub fn add_kinds(&mut self, tsv: &str) -> Result<(), String> {
        let mut new = Vec::new();
        for r in rows(tsv) {
            if r.len() < 2 {
                return Err("expected `kind<TAB>pattern`".into());
            }
            let re = Regex::new(r[1]).map_err(|e| format!("bad pattern {}: {e}", r[1]))?;
            new.push((r[0].to_string(), re));
        }
        new.append(&mut self.kinds);
        self.kinds = new;
        self.set =
            RegexSet::new(self.kinds.iter().map(|(_, r)| r.as_str())).map_err(|e| e.to_string())?;
        Ok(())
    }

    /// Canonical name and kind of a unit as written.
    pub fn resolve<'s>(&'s self, name: &'s str) -> (&'s str, &'s str) {
        if let Some((c, k)) = self.alias.get(name) {
            return (c, k);
        }
        let kind = self
            .set
            .matches(name)
            .iter()
            .next()
            .map_or("unknown", |k| self.kinds[k].0.as_str());
        (name, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_kinds() {
        let u = Units::default();
        assert_eq!(u.resolve("省发改委").0, "省发展改革委");
        assert_eq!(u.resolve("省发展和改革委员会").0, "省发展改革委");
        assert_eq!(u.resolve("人行太原中心支行").1, "central_branch");
        assert_eq!(u.resolve("各市、县人民政府").1, "local_governments");
        assert_eq!(
            u.resolve("省服务业发展领导小组有关成员单位").1,
            "leading_group"
        );
        assert_eq!(u.resolve("金融业专班").1, "task_force");
        assert_eq!(u.resolve("某某").1, "unknown");
        let mut u = u;
        u.add_units("甲单位\tother\t甲").unwrap();
        assert_eq!(u.resolve("甲"), ("甲单位", "other"));
    }
}
