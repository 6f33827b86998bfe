//! The two versions `errcat diff` compares: a catalog directory, or a git revision of one, read as
//! blobs (`git ls-tree`, `git cat-file --batch`): nothing is checked out or written to disk.

use crate::{load, Catalog, SourceFile, Sources, METADATA_FILE};
use std::fmt;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where a version of a catalog comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Version {
    /// A catalog directory on disk.
    Dir(PathBuf),
    /// The catalog directory `path` (relative to the current directory) at git revision `rev`.
    Git {
        /// A revision git understands (`HEAD~1`, `v1.2`, a commit id).
        rev: String,
        /// The catalog directory in that revision.
        path: String,
    },
}

impl Version {
    /// `spec` as a version: an existing directory; else `REV:PATH`; else `REV` with the catalog in
    /// `default_path` (`--locales`, or `locales`).
    pub fn parse(spec: &str, default_path: &str) -> Version {
        if Path::new(spec).is_dir() {
            return Version::Dir(PathBuf::from(spec));
        }
        match spec.split_once(':') {
            Some((rev, path)) if !rev.is_empty() => {
                Version::Git { rev: rev.to_string(), path: if path.is_empty() { ".".into() } else { path.into() } }
            }
            _ => Version::Git { rev: spec.to_string(), path: default_path.to_string() },
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Dir(dir) => write!(f, "{}", dir.display()),
            Version::Git { rev, path } => write!(f, "{rev}:{path}"),
        }
    }
}

/// Why a version could not be read or loaded.
#[derive(Debug)]
pub struct VersionError {
    /// The version.
    pub version: String,
    /// What went wrong; for a catalog that does not load, every problem, one per line.
    pub message: String,
}

impl fmt::Display for VersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.version, self.message)
    }
}

impl std::error::Error for VersionError {}

/// Reads and loads the catalog of `version`.
pub fn load_version(version: &Version) -> Result<Catalog, VersionError> {
    let error = |message: String| VersionError { version: version.to_string(), message };
    let sources = match version {
        Version::Dir(dir) => {
            Sources::read_dir(dir).map_err(|problems| error(lines(problems.iter().map(|d| d.to_string()))))?
        }
        Version::Git { rev, path } => git_sources(rev, path).map_err(error)?,
    };
    load(&sources).map_err(|e| error(e.to_string()))
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

/// The files of the catalog in `path` at `rev`: `catalog.toml` and every `<locale>/**/*.ftl` blob,
/// skipping directories whose name starts with `.` and anything that is not a regular file (a
/// symbolic link, a submodule), as [`Sources::read_dir`] does on disk.
fn git_sources(rev: &str, path: &str) -> Result<Sources, String> {
    if rev.starts_with('-') {
        return Err("a revision cannot start with `-`".into());
    }
    let commit = git(&["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{rev}^{{commit}}")], None)
        .map_err(|_| format!("`{rev}` is neither a directory nor a git revision"))?;
    let commit = String::from_utf8_lossy(&commit).trim().to_string();
    let dir = path.trim_end_matches('/');
    let prefix = if dir.is_empty() || dir == "." { String::new() } else { format!("{dir}/") };
    let listing = git(&["ls-tree", "-r", "-z", &commit, "--", if prefix.is_empty() { "." } else { &prefix }], None)?;
    let mut wanted = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, file)) = entry.split_once('\t') else { continue };
        let mut fields = meta.split(' ');
        let (mode, kind, object) = (fields.next(), fields.next(), fields.next());
        let Some(relative) = file.strip_prefix(prefix.as_str()) else { continue };
        let regular = matches!(mode, Some("100644" | "100755")) && kind == Some("blob");
        let hidden = relative.split('/').rev().skip(1).any(|part| part.starts_with('.'));
        let is_ftl = relative.contains('/') && relative.ends_with(".ftl");
        if regular && !hidden && (relative == METADATA_FILE || is_ftl) {
            wanted.push((relative.to_string(), object.unwrap_or_default().to_string()));
        }
    }
    if !wanted.iter().any(|(relative, _)| relative == METADATA_FILE) {
        return Err(format!("no {METADATA_FILE} in {dir} at {rev}"));
    }
    let objects: String = wanted.iter().map(|(_, object)| format!("{object}\n")).collect();
    let blobs = git(&["cat-file", "--batch"], Some(objects.into_bytes()))?;
    let mut sources = Sources { root: Some(PathBuf::from(format!("{rev}:{dir}"))), ..Sources::default() };
    let mut rest = &blobs[..];
    for (relative, _) in wanted {
        let header_end = rest.iter().position(|b| *b == b'\n').ok_or("git cat-file: truncated output")?;
        let header = String::from_utf8_lossy(&rest[..header_end]).to_string();
        let size: usize =
            header.rsplit(' ').next().and_then(|s| s.parse().ok()).ok_or_else(|| format!("git cat-file: {header}"))?;
        let body = rest.get(header_end + 1..header_end + 1 + size).ok_or("git cat-file: truncated output")?;
        rest = rest.get(header_end + 2 + size..).unwrap_or_default();
        let file = SourceFile::from_bytes(relative.clone(), body.to_vec()).map_err(|d| d.to_string())?;
        if relative == METADATA_FILE {
            sources.metadata = Some(file);
        } else {
            sources.files.push(file);
        }
    }
    sources.files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(sources)
}

/// Runs git with `args` (and `input` on its standard input): its standard output, or its complaint.
fn git(args: &[&str], input: Option<Vec<u8>>) -> Result<Vec<u8>, String> {
    let mut child = Command::new("git")
        .args(args)
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    // Written from another thread: git answers while it reads, and a full pipe would block both.
    let writer = input.and_then(|input| {
        let mut stdin = child.stdin.take()?;
        Some(std::thread::spawn(move || stdin.write_all(&input)))
    });
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    if let Some(out) = child.stdout.as_mut() {
        out.read_to_end(&mut stdout).map_err(|e| format!("git {}: {e}", args[0]))?;
    }
    if let Some(err) = child.stderr.as_mut() {
        let _ = err.read_to_end(&mut stderr);
    }
    let status = child.wait().map_err(|e| format!("git {}: {e}", args[0]))?;
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    if !status.success() {
        return Err(format!("git {}: {}", args.join(" "), String::from_utf8_lossy(&stderr).trim()));
    }
    Ok(stdout)
}
