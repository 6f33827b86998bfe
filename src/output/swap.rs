//! Putting a new output in place of the old one: an atomic exchange where the system has one, and
//! the removal of what killed builds left behind.

use super::{io, OutputError, MANIFEST_FILE};
use std::collections::BTreeSet;
use std::path::Path;
use std::path::PathBuf;

/// The fallback where the system cannot exchange two paths: the old output is renamed aside, the
/// new one into place. Between the two renames `real` does not exist.
pub(crate) fn replace_by_renames(fresh: &Path, real: &Path, shown: &Path) -> Result<(), OutputError> {
    let old = sibling(real, "old", std::process::id());
    if let Err(e) = std::fs::rename(real, &old) {
        let _ = std::fs::remove_dir_all(fresh);
        return Err(io("move aside", shown)(e));
    }
    if let Err(e) = std::fs::rename(fresh, real) {
        let _ = std::fs::rename(&old, real);
        let _ = std::fs::remove_dir_all(fresh);
        return Err(io("move into place", shown)(e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// `.NAME.errcat-KIND-PID` next to `real`.
pub(crate) fn sibling(real: &Path, kind: &str, pid: u32) -> PathBuf {
    let name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "out".into());
    real.with_file_name(format!(".{name}.errcat-{kind}-{pid}"))
}

/// `.errcat-KIND-PID`: the staging directory inside a mount point.
pub(crate) fn staging_name(kind: &str, pid: u32) -> String {
    format!(".errcat-{kind}-{pid}")
}

/// The process id of a leftover named `prefix` + `new-PID` or `old-PID`.
pub(crate) fn leftover_pid(name: &str, prefix: &str) -> Option<u32> {
    let rest = name.strip_prefix(prefix)?;
    let pid = rest.strip_prefix("new-").or_else(|| rest.strip_prefix("old-"))?;
    pid.parse().ok().filter(|_| pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the process `pid` (not this one) is running; false where that cannot be known.
pub(crate) fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        // A leftover of an earlier process that had this id.
        return false;
    }
    #[cfg(unix)]
    {
        match i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) {
            Some(pid) => match rustix::process::test_kill_process(pid) {
                Ok(()) => true,
                Err(e) => e == rustix::io::Errno::PERM,
            },
            None => false,
        }
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Removes the `.NAME.errcat-new-PID` and `-old-PID` directories next to `real` whose process is gone.
pub(crate) fn remove_leftovers(real: &Path) -> Result<(), OutputError> {
    let Some(name) = real.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Ok(()) };
    let parent = match real.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(parent) else { return Ok(()) };
    let prefix = format!(".{name}.errcat-");
    for entry in entries.flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = leftover_pid(&entry_name, &prefix) else { continue };
        // Only directories (never through a link), and only those of a build that is gone.
        if entry.file_type().is_ok_and(|t| t.is_dir()) && !alive(pid) {
            let path = entry.path();
            std::fs::remove_dir_all(&path).map_err(io("remove the leftover of a killed build", &path))?;
        }
    }
    Ok(())
}

/// Whether `real` is the root of a mount (a container volume, say), which cannot be renamed.
pub(crate) fn is_mount_point(real: &Path) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{statx, AtFlags, StatxAttributes, StatxFlags, CWD};
        if let Ok(st) = statx(CWD, real, AtFlags::SYMLINK_NOFOLLOW | AtFlags::NO_AUTOMOUNT, StatxFlags::empty()) {
            if st.stx_attributes_mask.contains(StatxAttributes::MOUNT_ROOT) {
                return st.stx_attributes.contains(StatxAttributes::MOUNT_ROOT);
            }
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let parent = real.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        if let (Ok(a), Ok(b)) = (std::fs::symlink_metadata(real), std::fs::metadata(parent)) {
            return a.dev() != b.dev();
        }
    }
    #[cfg(not(unix))]
    let _ = real;
    false
}

pub(crate) enum Exchange {
    /// The system or file system cannot exchange two paths.
    Unsupported,
    /// A mount point.
    Busy,
    Failed(std::io::Error),
}

/// Exchanges `a` and `b` atomically (both exist): Linux `renameat2(RENAME_EXCHANGE)`.
pub(crate) fn exchange(a: &Path, b: &Path) -> Result<(), Exchange> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{renameat_with, RenameFlags, CWD};
        use rustix::io::Errno;
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => Ok(()),
            Err(e) if e == Errno::BUSY => Err(Exchange::Busy),
            Err(e) if e == Errno::INVAL || e == Errno::NOSYS || e == Errno::OPNOTSUPP => Err(Exchange::Unsupported),
            Err(e) => Err(Exchange::Failed(e.into())),
        }
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        let _ = (a, b);
        Err(Exchange::Unsupported)
    }
}

/// For a mount point (which cannot be renamed): the new tree, already complete in
/// `real/.errcat-new-PID` (`staging`), replaces the old one entry by entry: each top-level entry is
/// exchanged with the old one (or moved in), the old entries the new build does not make are
/// removed, then the staging directory. Each entry changes atomically, the whole does not: a build
/// killed in the middle leaves a mix of old and new top-level entries, which the next build accepts
/// (it reads the manifests of both) and replaces.
pub(crate) fn swap_inside(real: &Path, staging: &Path, names: &BTreeSet<String>) -> Result<(), OutputError> {
    // The manifest last: until it changes, the old record still describes the old entries.
    let order = names.iter().map(String::as_str).chain([MANIFEST_FILE]);
    for name in order {
        let (new, old) = (staging.join(name), real.join(name));
        let result = match std::fs::symlink_metadata(&old) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::rename(&new, &old),
            _ => match exchange(&new, &old) {
                Ok(()) => Ok(()),
                Err(Exchange::Failed(e)) => Err(e),
                // Not atomic for this entry: aside, then in.
                Err(Exchange::Unsupported | Exchange::Busy) => {
                    let aside = staging.join(format!("{name}.old"));
                    std::fs::rename(&old, &aside).and_then(|()| std::fs::rename(&new, &old))
                }
            },
        };
        result.map_err(io("swap in", &old))?;
    }
    // Old entries the new build does not make (already checked to be errcat's), and dead leftovers.
    for entry in std::fs::read_dir(real).map_err(io("read", real))? {
        let entry = entry.map_err(io("read", real))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == MANIFEST_FILE || names.contains(&name) || entry.path() == staging {
            continue;
        }
        let path = entry.path();
        let removed = if entry.file_type().is_ok_and(|t| t.is_dir()) {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(io("remove", &path))?;
    }
    std::fs::remove_dir_all(staging).map_err(io("remove", staging))
}
