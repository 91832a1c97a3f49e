//! Unit names: canonical names and kinds for the units named in responsibility clauses.
//!
//! From `data/lexicon/units.tsv` (canonical name, kind, aliases) and
//! `data/lexicon/unit_kinds.tsv` (kinds by pattern), and any lines the user adds.
//! Unknown units keep their name with kind `unknown`.

use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The unit tables.
#[derive(Debug, Clone, Default)]
pub(crate) struct Units {
    alias: HashMap<String, (String, String)>,
    /// Departments without their level word: canonical and aliases (`data/lexicon/departments.tsv`).
    departments: Vec<(String, Vec<String>)>,
    /// Level words and the kind of their departments (`data/lexicon/unit_levels.tsv`).
    levels: Vec<(String, String)>,
    /// Kinds and their patterns, tried in order.
    kinds: Vec<(String, String)>,
    /// Kinds added since the tables were last finished: they are tried first.
    pending: Vec<(String, String)>,
    /// All kind patterns at once, in the order of `kinds`; built when first used.
    set: OnceLock<RegexSet>,
}

impl Units {
    /// A line `canonical<TAB>kind<TAB>alias|alias`; later lines win.
    pub(crate) fn add_unit(&mut self, fields: &[&str]) -> Result<(), String> {
        let (Some(canonical), Some(kind)) = (fields.first(), fields.get(1)) else {
            return Err("expected `canonical<TAB>kind<TAB>aliases`".into());
        };
        if canonical.is_empty() || kind.is_empty() {
            return Err("expected `canonical<TAB>kind<TAB>aliases`".into());
        }
        let v = (canonical.to_string(), kind.to_string());
        self.alias.insert(canonical.to_string(), v.clone());
        for a in fields
            .get(2)
            .into_iter()
            .flat_map(|a| a.split('|'))
            .filter(|a| !a.is_empty())
        {
            self.alias.insert(a.to_string(), v.clone());
        }
        Ok(())
    }

    /// A line `kind<TAB>regex`. Kinds added later are tried before those already there.
    /// A user's pattern is checked as it is added, so that its line can be named.
    pub(crate) fn add_kind(
        &mut self,
        kind: &str,
        pattern: &str,
        check: bool,
    ) -> Result<(), String> {
        if check {
            Regex::new(pattern).map_err(|e| format!("bad pattern {pattern}: {e}"))?;
        }
        self.pending.push((kind.to_string(), pattern.to_string()));
        Ok(())
    }

    /// A line `canonical<TAB>alias|alias` of a department named without its level.
    pub(crate) fn add_department(&mut self, fields: &[&str]) -> Result<(), String> {
        let canonical = fields
            .first()
            .filter(|c| !c.is_empty())
            .ok_or("expected `canonical<TAB>aliases`")?;
        let aliases = fields
            .get(1)
            .into_iter()
            .flat_map(|a| a.split('|'))
            .filter(|a| !a.is_empty())
            .map(String::from)
            .collect();
        self.departments.push((canonical.to_string(), aliases));
        Ok(())
    }

    /// A line `level<TAB>kind`.
    pub(crate) fn add_level(&mut self, fields: &[&str]) -> Result<(), String> {
        match (fields.first(), fields.get(1)) {
            (Some(l), Some(k)) if !l.is_empty() && !k.is_empty() => {
                self.levels.push((l.to_string(), k.to_string()));
                Ok(())
            }
            _ => Err("expected `level<TAB>kind`".into()),
        }
    }

    /// Every level word before every department's names, as aliases of the level's
    /// canonical name (`区发改局` → `区发展改革委`, district_department). A name listed in
    /// units.tsv, or by the user, keeps its entry.
    fn level_names(&mut self) {
        for (level, kind) in &self.levels {
            for (canonical, aliases) in &self.departments {
                let v = (format!("{level}{canonical}"), kind.clone());
                for a in std::iter::once(canonical).chain(aliases) {
                    self.alias
                        .entry(format!("{level}{a}"))
                        .or_insert_with(|| v.clone());
                }
            }
        }
    }

    /// Puts the kinds added last in front; the search of all patterns is made again
    /// when next used.
    pub(crate) fn finish(&mut self) {
        self.level_names();
        if self.pending.is_empty() {
            return;
        }
        let mut kinds = std::mem::take(&mut self.pending);
        kinds.append(&mut self.kinds);
        self.kinds = kinds;
        self.set = OnceLock::new();
    }

    /// Canonical name and kind of a unit as written.
    pub(crate) fn resolve<'s>(&'s self, name: &'s str) -> (&'s str, &'s str) {
        if let Some((c, k)) = self.alias.get(name) {
            return (c, k);
        }
        let set = self.set.get_or_init(|| {
            RegexSet::new(self.kinds.iter().map(|(_, p)| p)).expect("each pattern was checked")
        });
        let kind = set
            .matches(name)
            .iter()
            .next()
            .map_or("unknown", |k| self.kinds[k].0.as_str());
        (name, kind)
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    #[test]
    fn aliases_and_kinds() {
        let lex = Lexicon::builtin();
        let u = &lex.units;
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
        assert_eq!(
            u.resolve("区发改局"),
            ("区发展改革委", "district_department")
        );
        assert_eq!(
            u.resolve("县住房和城乡建设局"),
            ("县住房城乡建设局", "county_department")
        );
        assert_eq!(
            u.resolve("市市场监督管理局"),
            ("市市场监管局", "municipal_department")
        );
        assert_eq!(u.resolve("市市场监管局").1, "municipal_department");
        let mut lex = (*lex).clone();
        lex.add_units("甲单位\tother\t甲").unwrap();
        assert_eq!(lex.units.resolve("甲"), ("甲单位", "other"));
        lex.add("unit_kinds\tmine\t^某").unwrap();
        assert_eq!(lex.units.resolve("某某").1, "mine");
        assert_eq!(lex.units.resolve("省某厅").1, "provincial_department");
    }
}
