//! Column roles: which header names which part of a catalog entry.
//!
//! Headers are compared folded ([`fold`]): case, spaces, `_`/`-`, a trailing colon and English
//! plurals do not matter, so `Error Codes`, `error_code` and `ErrorCode` are one header.

use std::fmt;

/// What a column of a reference table holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The error code (`CSBS.0001`).
    Code,
    /// The HTTP status.
    Status,
    /// The text the API sends (`error_msg`): the message's Fluent value.
    Message,
    /// A longer explanation for readers: the `.description` attribute.
    Description,
    /// What the caller can do: the `.suggestion` attribute.
    Suggestion,
    /// The module or family the code belongs to: names the file of codes new to the catalog.
    Family,
    /// A column whose text is deliberately not imported (only by `--column 'HEADER=ignore'`).
    Ignore,
}

impl Role {
    /// Every role, in the order the documentation lists them.
    pub const ALL: [Role; 7] =
        [Role::Code, Role::Status, Role::Message, Role::Description, Role::Suggestion, Role::Family, Role::Ignore];

    /// The role's name as `--column` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Role::Code => "code",
            Role::Status => "status",
            Role::Message => "message",
            Role::Description => "description",
            Role::Suggestion => "suggestion",
            Role::Family => "family",
            Role::Ignore => "ignore",
        }
    }

    /// The role named `name` (as [`Role::name`] writes it, any case).
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name().eq_ignore_ascii_case(name.trim()))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The headers recognised without `--column`, by role. The README's header table lists the same
/// names (a test keeps the two in sync).
pub const HEADERS: &[(Role, &[&str])] = &[
    (Role::Code, &["Error Code", "Code", "error_code", "错误码", "错误代码"]),
    (Role::Status, &["HTTP Status Code", "Status Code", "HTTP Status", "Status", "状态码", "HTTP状态码", "返回码"]),
    (
        Role::Message,
        &["Error Message", "Error Information", "Message", "error_msg", "错误信息", "错误消息", "错误提示"],
    ),
    (Role::Description, &["Description", "Meaning", "描述", "说明", "错误描述", "错误说明", "含义"]),
    (
        Role::Suggestion,
        &[
            "Measure",
            "Solution",
            "Troubleshooting",
            "Handling Measure",
            "Suggestion",
            "处理措施",
            "建议",
            "处理建议",
            "解决方法",
            "解决方案",
        ],
    ),
    (Role::Family, &["Module", "Family", "Service", "模块", "服务"]),
];

/// A header folded for comparison: lower case, without spaces, `_`, `-` or a final colon, each
/// English word without its plural `s`.
pub fn fold(header: &str) -> String {
    let header = header.trim().trim_end_matches([':', '：']);
    let mut out = String::new();
    for word in header.split(|c: char| c.is_whitespace() || c == '_' || c == '-') {
        let word = word.to_lowercase();
        let word = match word.strip_suffix('s') {
            Some(stem) if stem.len() > 2 && stem.is_ascii() && !stem.ends_with('s') => stem.to_string(),
            _ => word,
        };
        out.push_str(&word);
    }
    out
}

/// The built-in role of a header, if any.
pub fn builtin_role(header: &str) -> Option<Role> {
    let key = fold(header);
    HEADERS.iter().find(|(_, names)| names.iter().any(|n| fold(n) == key)).map(|(role, _)| *role)
}

/// A `--column 'HEADER=ROLE'` override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnOverride {
    /// The header as written on the page (compared folded).
    pub header: String,
    /// The role it gets.
    pub role: Role,
}

impl std::str::FromStr for ColumnOverride {
    type Err = String;

    fn from_str(spec: &str) -> Result<Self, String> {
        let (header, role) = spec
            .rsplit_once('=')
            .ok_or_else(|| format!("--column `{spec}`: expected HEADER=ROLE, e.g. --column 'Remarks=description'"))?;
        let role = Role::from_name(role).ok_or_else(|| {
            let roles: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            format!("--column `{spec}`: `{role}` is not a role (one of: {})", roles.join(", "))
        })?;
        if header.trim().is_empty() {
            return Err(format!("--column `{spec}`: the header is empty"));
        }
        Ok(ColumnOverride { header: header.trim().to_string(), role })
    }
}

/// How one column of a table was understood, for the import summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnUse {
    /// The header as written.
    pub header: String,
    /// The role it got.
    pub role: Role,
    /// Why, when it is not the header's usual role (e.g. a description used as the message).
    pub note: Option<String>,
}

/// Why the columns of a table could not be mapped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingProblem {
    /// A header with no built-in role and no `--column`.
    Unknown(String),
    /// Two columns for one role.
    Twice(Role, String, String),
    /// No column for a required role.
    Missing(Role),
}

/// The role of each column of a header row: `--column` first, then the built-in table. A table
/// without a message column uses its description column as the message (the Fluent value).
pub fn map(headers: &[String], overrides: &[ColumnOverride]) -> Result<Vec<ColumnUse>, Vec<MappingProblem>> {
    let mut uses = Vec::new();
    let mut problems = Vec::new();
    for header in headers {
        let key = fold(header);
        let role = overrides.iter().find(|o| fold(&o.header) == key).map(|o| o.role).or_else(|| builtin_role(header));
        match role {
            Some(role) => uses.push(ColumnUse { header: header.clone(), role, note: None }),
            None => problems.push(MappingProblem::Unknown(header.clone())),
        }
    }
    for (i, a) in uses.iter().enumerate() {
        if let Some(b) = uses[i + 1..].iter().find(|b| b.role == a.role && a.role != Role::Ignore) {
            problems.push(MappingProblem::Twice(a.role, a.header.clone(), b.header.clone()));
        }
    }
    if problems.is_empty() && !uses.iter().any(|u| u.role == Role::Message) {
        if let Some(description) = uses.iter_mut().find(|u| u.role == Role::Description) {
            description.role = Role::Message;
            description.note = Some("the table has no message column".into());
        }
    }
    for required in [Role::Code, Role::Message] {
        if problems.is_empty() && !uses.iter().any(|u| u.role == required) {
            problems.push(MappingProblem::Missing(required));
        }
    }
    if problems.is_empty() {
        Ok(uses)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_spacing_separators_and_plurals() {
        for (a, b) in [
            ("Error Codes", "error_code"),
            ("HTTP  Status Code", "http status codes"),
            ("Measures:", "measure"),
            ("Status", "STATUS"),
            ("错误码：", "错误码"),
            ("Handling-Measure", "HandlingMeasure"),
        ] {
            assert_eq!(fold(a), fold(b), "{a} / {b}");
        }
        assert_ne!(fold("Status"), fold("Status Code"));
    }

    #[test]
    fn every_layout_of_the_issue_maps() {
        let layouts: [&[&str]; 4] = [
            &["Module", "HTTP Status Code", "Error Code", "Description", "Error Message", "Measure"],
            &["Status Code", "Error Code", "Error Information", "Description", "Troubleshooting"],
            &["状态码", "错误码", "错误信息", "描述", "处理措施"],
            &["错误码", "说明"],
        ];
        for layout in layouts {
            let headers: Vec<String> = layout.iter().map(|h| h.to_string()).collect();
            let uses = map(&headers, &[]).unwrap_or_else(|e| panic!("{layout:?}: {e:?}"));
            assert!(uses.iter().any(|u| u.role == Role::Message), "{layout:?}");
        }
        let seed = map(&["错误码".into(), "说明".into()], &[]).unwrap();
        assert_eq!(seed[1].role, Role::Message);
        assert!(seed[1].note.is_some());
    }

    #[test]
    fn unknown_twice_and_overrides() {
        let headers = vec!["Code".to_string(), "Remarks".into(), "Message".into(), "Error Message".into()];
        assert_eq!(
            map(&headers, &[]),
            Err(vec![
                MappingProblem::Unknown("Remarks".into()),
                MappingProblem::Twice(Role::Message, "Message".into(), "Error Message".into())
            ])
        );
        let overrides: Vec<ColumnOverride> =
            ["remarks=ignore", "Message=description"].iter().map(|s| s.parse().unwrap()).collect();
        let uses = map(&headers, &overrides).unwrap();
        let roles: Vec<Role> = uses.iter().map(|u| u.role).collect();
        assert_eq!(roles, [Role::Code, Role::Ignore, Role::Description, Role::Message]);
        assert!("Remarks".parse::<ColumnOverride>().is_err());
        assert!("Remarks=nothing".parse::<ColumnOverride>().unwrap_err().contains("one of: code, status"));
    }
}
