//! Link targets of the pages: the same ids in the Markdown and the HTML page, ASCII in every locale.
//!
//! A code's id is the code itself (`CSBS.6024`: codes are ASCII letters, digits, `_` and `.`, all
//! safe in an attribute and a URL fragment). A family's id is `family-` and the family's id, with
//! every character other than an ASCII letter, digit, `-`, `_` or `.` written as `~` + its hex
//! code point + `~` (so `~` itself too): it does not depend on the page's language or on the order
//! of the families, and two families never share one. The Markdown writes them as explicit
//! `<a id="…"></a>` anchors, which GitHub, mkdocs and mdBook all resolve, instead of relying on
//! each tool's own heading slugs (Python-Markdown drops Chinese from those).

/// The id of a code's entry on both pages (`error-codes.md#CSBS.6024`, `index.html#CSBS.6024`).
pub fn code_anchor(code: &str) -> &str {
    code
}

/// The id of a family's heading on both pages: `family-policy`, `family-~5907~~4efd~`.
pub fn family_anchor(family: &str) -> String {
    let mut anchor = String::with_capacity(7 + family.len());
    anchor.push_str("family-");
    for c in family.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            anchor.push(c);
        } else {
            anchor.push_str(&format!("~{:x}~", c as u32));
        }
    }
    anchor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_anchors_are_ascii_and_distinct() {
        assert_eq!(family_anchor("policy"), "family-policy");
        assert_eq!(family_anchor("backup_policy.v2"), "family-backup_policy.v2");
        assert_eq!(family_anchor("备份"), "family-~5907~~4efd~");
        assert_eq!(family_anchor("a b\"<"), "family-a~20~b~22~~3c~");
        // `~` is encoded too, so a written `~5907~` cannot pass for an encoded character.
        assert_ne!(family_anchor("~5907~"), family_anchor("备"));
        for family in ["policy", "备份", "a b", "x~y", "é"] {
            assert!(family_anchor(family).bytes().all(|b| b.is_ascii_graphic()), "{family}");
        }
    }
}
