//! Whose files an output directory holds: the refusal of anything errcat did not write.

use super::manifest::{read_manifest, sha256_file, Allowed};
use super::swap::{alive, leftover_pid};
use super::{io, Foreign, OutputError, HEADER_WINDOW, MANIFEST_FILE, MAX_LISTED, OWN_HEADER};
use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The output path, resolved: a symbolic link is followed to the directory it names.
pub(crate) struct Target {
    /// Where the output is: the canonical path when it exists (a link's target for a link), else the path given.
    pub(crate) real: PathBuf,
    pub(crate) exists: bool,
}

impl Target {
    pub(crate) fn resolve(dir: &Path) -> Result<Target, OutputError> {
        let target = match std::fs::symlink_metadata(dir) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Target { real: dir.to_path_buf(), exists: false },
            Err(e) => return Err(io("read", dir)(e)),
            Ok(m) if m.is_dir() => {
                Target { real: std::fs::canonicalize(dir).map_err(io("resolve", dir))?, exists: true }
            }
            Ok(m) if m.file_type().is_symlink() => match std::fs::metadata(dir) {
                Ok(m) if m.is_dir() => {
                    Target { real: std::fs::canonicalize(dir).map_err(io("resolve", dir))?, exists: true }
                }
                Ok(_) => return Err(OutputError::NotADirectory(dir.to_path_buf())),
                Err(e) => {
                    let to = std::fs::read_link(dir).map(|t| t.display().to_string()).unwrap_or_default();
                    return Err(OutputError::Io {
                        action: "follow the symbolic link",
                        path: dir.to_path_buf(),
                        message: format!("it points to {to:?}: {e}"),
                    });
                }
            },
            Ok(_) => return Err(OutputError::NotADirectory(dir.to_path_buf())),
        };
        if target.exists {
            let canonical = &target.real;
            if canonical.parent().is_none() {
                return Err(OutputError::Refused { path: dir.to_path_buf(), what: "the root of the file system" });
            }
            let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
            if let Some(home) = home.and_then(|h| std::fs::canonicalize(h).ok()) {
                if &home == canonical {
                    return Err(OutputError::Refused { path: dir.to_path_buf(), what: "your home directory" });
                }
                if home.starts_with(canonical) {
                    return Err(OutputError::Refused {
                        path: dir.to_path_buf(),
                        what: "a directory that holds your home directory",
                    });
                }
            }
        }
        Ok(target)
    }
}

/// Refuses (listing them) when `real` holds anything errcat cannot vouch for. Opens regular files
/// only; follows no link.
pub(crate) fn refuse_foreign(shown: &Path, real: &Path) -> Result<(), OutputError> {
    let mut foreign = Vec::new();
    let mut allowed = Allowed::new();
    let record = real.join(MANIFEST_FILE);
    let has_record = match std::fs::symlink_metadata(&record) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        _ => {
            if let Err(why) = read_manifest(&record, &mut allowed) {
                foreign.push((MANIFEST_FILE.to_string(), Foreign::BadManifest(why)));
            }
            true
        }
    };
    // Staging directories of an in-place swap (mount points) that was killed: their files are
    // errcat's, and so are the files of theirs already moved in.
    let mut skip = BTreeSet::new();
    for entry in std::fs::read_dir(real).map_err(io("read", real))? {
        let entry = entry.map_err(io("read", real))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = leftover_pid(&name, ".errcat-") else { continue };
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        if alive(pid) {
            foreign.push((name.clone(), Foreign::InProgress(pid)));
        } else {
            let _ = read_manifest(&entry.path().join(MANIFEST_FILE), &mut allowed);
        }
        skip.insert(name);
    }
    let mut pending = vec![(real.to_path_buf(), String::new())];
    'walk: while let Some((path, relative)) = pending.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&path)
            .and_then(|entries| entries.collect::<Result<_, _>>())
            .map_err(io("read", &path))?;
        entries.sort_by_key(|e| std::cmp::Reverse(e.file_name()));
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = if relative.is_empty() { name.clone() } else { format!("{relative}/{name}") };
            if relative.is_empty() && (name == MANIFEST_FILE || skip.contains(&name)) {
                continue;
            }
            let kind = entry.file_type().map_err(io("read", &entry.path()))?;
            let why = if kind.is_dir() {
                pending.push((entry.path(), child));
                continue;
            } else if kind.is_file() {
                let full = entry.path();
                if has_record {
                    match allowed.get(&child) {
                        None => Some(Foreign::NotInManifest),
                        Some(hashes) => (!hashes.contains(&sha256_file(&full)?)).then_some(Foreign::Edited),
                    }
                } else {
                    (!has_own_header(&full)?).then_some(Foreign::NoHeader)
                }
            } else {
                Some(Foreign::Special(special_kind(&kind)))
            };
            if let Some(why) = why {
                foreign.push((child, why));
                if foreign.len() >= MAX_LISTED {
                    break 'walk;
                }
            }
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    let more = foreign.len() >= MAX_LISTED;
    foreign.sort_by(|a, b| a.0.cmp(&b.0));
    Err(OutputError::Foreign { dir: shown.to_path_buf(), files: foreign, more })
}

fn special_kind(kind: &std::fs::FileType) -> &'static str {
    if kind.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    "a special file"
}

fn has_own_header(path: &Path) -> Result<bool, OutputError> {
    let mut head = Vec::with_capacity(HEADER_WINDOW as usize);
    let file = std::fs::File::open(path).map_err(io("read", path))?;
    file.take(HEADER_WINDOW).read_to_end(&mut head).map_err(io("read", path))?;
    Ok(head.windows(OWN_HEADER.len()).any(|w| w == OWN_HEADER.as_bytes()))
}

/// Every file under `dir` (anything that is not a directory; links are not followed), as sorted
/// `/`-separated relative paths.
pub(crate) fn list_files(dir: &Path) -> Result<Vec<String>, OutputError> {
    let mut found = Vec::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((path, relative)) = pending.pop() {
        for entry in std::fs::read_dir(&path).map_err(io("read", &path))? {
            let entry = entry.map_err(io("read", &path))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let child = if relative.is_empty() { name } else { format!("{relative}/{name}") };
            if entry.file_type().map_err(io("read", &entry.path()))?.is_dir() {
                pending.push((entry.path(), child));
            } else {
                found.push(child);
            }
        }
    }
    found.sort();
    Ok(found)
}
