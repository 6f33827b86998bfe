//! The ownership record: every file a build wrote, with its SHA-256.

use super::{io, OutputError, OWN_HEADER};
use crate::render::Files;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

/// The [`MANIFEST_FILE`] of `files`: deterministic (paths sorted, no timestamps), one file per line.
pub fn manifest(files: &Files) -> Vec<u8> {
    let hashes: BTreeMap<&str, String> = files.iter().map(|(p, b)| (p.as_str(), hex(&Sha256::digest(b)))).collect();
    record(&hashes)
}

/// The [`MANIFEST_FILE`] listing `hashes` (path → SHA-256 in hex).
pub(crate) fn record<P: AsRef<str>>(hashes: &BTreeMap<P, String>) -> Vec<u8> {
    let mut text = String::from("{\n");
    text.push_str(&format!(
        "  \"$comment\": \"{OWN_HEADER}: every file it wrote here, with its SHA-256. A build replaces this \
         directory only while it holds exactly these files, unchanged. Do not edit.\",\n"
    ));
    text.push_str("  \"format\": 1,\n  \"files\": {");
    for (i, (path, hash)) in hashes.iter().enumerate() {
        let path = path.as_ref();
        let key = serde_json::to_string(path).unwrap_or_else(|_| format!("{path:?}"));
        text.push_str(if i == 0 { "\n" } else { ",\n" });
        text.push_str(&format!("    {key}: \"{hash}\""));
    }
    text.push_str(if hashes.is_empty() { "}\n}\n" } else { "\n  }\n}\n" });
    text.into_bytes()
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(serde::Deserialize)]
pub(crate) struct ManifestDoc {
    pub(crate) format: u32,
    pub(crate) files: BTreeMap<String, String>,
}

/// The file hashes a manifest allows: path → SHA-256 (hex); several when a killed build left two.
pub(crate) type Allowed = BTreeMap<String, BTreeSet<String>>;

pub(crate) fn read_manifest(path: &Path, allowed: &mut Allowed) -> Result<(), String> {
    let metadata = std::fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if !metadata.is_file() {
        return Err("not a regular file".into());
    }
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let doc: ManifestDoc = serde_json::from_slice(&bytes).map_err(|e| e.to_string())?;
    if doc.format != 1 {
        return Err(format!("format {} (this errcat reads format 1)", doc.format));
    }
    for (file, hash) in doc.files {
        allowed.entry(file).or_default().insert(hash);
    }
    Ok(())
}

pub(crate) fn sha256_file(path: &Path) -> Result<String, OutputError> {
    let mut file = std::fs::File::open(path).map_err(io("read", path))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buffer).map_err(io("read", path))?;
        if n == 0 {
            break;
        }
        hasher.update(&buffer[..n]);
    }
    Ok(hex(&hasher.finalize()))
}
