//! A synthetic catalog shaped like the shipped one, of any size: Chinese source, English target,
//! a suggestion on every other code, a few messages with two variables, one file per family.
//! Shared by the benches and the tests (`#[path]`-included), so every measurement uses the same data.

#![allow(dead_code)]

use std::fmt::Write;
use std::path::Path;

/// Families (one `.ftl` file per family per locale).
const FAMILIES: usize = 10;
/// Every `ARGS_EVERY`-th code has a message with `{ $name }` and `{ $limit }`.
pub const ARGS_EVERY: usize = 50;

/// The code of the `i`-th synthetic entry.
pub fn code(i: usize) -> String {
    format!("SYN.{i:05}")
}

/// The first code whose message takes two arguments (`name`, `limit`); it has no suggestion.
pub fn code_with_args() -> String {
    code(ARGS_EVERY - 1)
}

fn has_args(i: usize) -> bool {
    i % ARGS_EVERY == ARGS_EVERY - 1
}

/// `catalog.toml` followed by every `.ftl` file, as (relative path, text).
pub fn files(codes: usize) -> Vec<(String, String)> {
    let mut metadata = String::from("name = \"SYN\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\n");
    metadata.push_str("default_status = 400\n\n[status]\n");
    for i in (0..codes).step_by(97) {
        let _ = writeln!(metadata, "\"{}\" = {}", code(i), [404, 500, 403][i % 3]);
    }
    let mut out = vec![("catalog.toml".to_string(), metadata)];
    for (locale, header) in [("zh-CN", "### 合成错误码目录。"), ("en-US", "### Synthetic error-code catalog.")]
    {
        let mut texts: Vec<String> = (0..FAMILIES)
            .map(|f| {
                let title = if locale == "zh-CN" { format!("第{f}类") } else { format!("Family {f}") };
                format!("{header}\n\n-family-family{f} = {title}\n\n")
            })
            .collect();
        for i in 0..codes {
            let text = &mut texts[i % FAMILIES];
            let id = code(i).replace('.', "-");
            let zh = locale == "zh-CN";
            if has_args(i) {
                if zh {
                    let _ = writeln!(text, "{id} = 用户 {{ $name }} 的备份策略数量已达上限 {{ $limit }} 个。");
                } else {
                    let _ = writeln!(
                        text,
                        "{id} = User {{ $name }} has reached the limit of {{ $limit }} backup policies."
                    );
                }
            } else if zh {
                let _ = writeln!(text, "{id} = 云服务器第 {i} 号备份操作失败，当前状态不允许执行该操作。");
            } else {
                let _ = writeln!(text, "{id} = Backup operation {i} of the cloud server failed in its current state.");
            }
            if i % 2 == 0 && !has_args(i) {
                if zh {
                    let _ = writeln!(text, "    .suggestion = 请等待任务完成后重试，或联系技术支持。");
                } else {
                    let _ = writeln!(
                        text,
                        "    .suggestion = Wait for the task to finish and try again, or contact support."
                    );
                }
            }
            text.push('\n');
        }
        for (f, text) in texts.into_iter().enumerate() {
            out.push((format!("{locale}/family{f}.ftl"), text));
        }
    }
    out
}

/// The synthetic catalog as in-memory sources.
pub fn sources(codes: usize) -> errcat::Sources {
    let mut sources = errcat::Sources::default();
    for (path, text) in files(codes) {
        let file = errcat::SourceFile { path, text: text.into() };
        if file.path == errcat::METADATA_FILE {
            sources.metadata = Some(file);
        } else {
            sources.files.push(file);
        }
    }
    sources
}

/// Writes the synthetic catalog under `dir`.
pub fn write_dir(dir: &Path, codes: usize) -> std::io::Result<()> {
    for (path, text) in files(codes) {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// A deterministic pseudo-random sequence of indexes below `n` (no dependency on `rand`).
pub fn shuffled_indexes(n: usize, count: usize) -> Vec<usize> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..count)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % n
        })
        .collect()
}
