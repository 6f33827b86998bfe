//! [`OutputWriter`]: a build's files written into a staging directory as they are rendered, then
//! swapped in whole.

use super::manifest::{hex, record, sha256_file};
use super::ownership::{list_files, refuse_foreign, Target};
use super::swap::{
    exchange, is_mount_point, remove_leftovers, replace_by_renames, sibling, staging_name, swap_inside, Exchange,
};
use super::{io, OutputError, MANIFEST_FILE};
use crate::render::{Output, RenderError};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A new output directory being written. [`OutputWriter::begin`] checks that `--out` is errcat's
/// to replace and opens a staging directory; each file goes there as soon as it is rendered
/// ([`Output`]), hashed on the way; [`OutputWriter::finish`] writes the record and swaps the new
/// tree in. Dropped unfinished (a render error), it removes the staging directory and the output
/// is untouched.
pub struct OutputWriter {
    shown: PathBuf,
    target: Target,
    mount: bool,
    staging: PathBuf,
    hashes: BTreeMap<String, String>,
    /// The first write error; later files are skipped and [`OutputWriter::finish`] reports it.
    error: Option<OutputError>,
}

impl OutputWriter {
    /// Opens the staging directory for a new output in `dir`, after refusing (listing them) any
    /// entries of `dir` errcat cannot vouch for and removing the leftovers of killed builds.
    pub fn begin(dir: &Path) -> Result<OutputWriter, OutputError> {
        let target = Target::resolve(dir)?;
        remove_leftovers(&target.real)?;
        if target.exists {
            refuse_foreign(dir, &target.real)?;
        }
        let parent = match target.real.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(io("create", &parent))?;
        let pid = std::process::id();
        let mount = target.exists && is_mount_point(&target.real);
        let staging =
            if mount { target.real.join(staging_name("new", pid)) } else { sibling(&target.real, "new", pid) };
        // A leftover of an earlier process that had this id.
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io("remove the leftover of a killed build", &staging))?;
        }
        std::fs::create_dir(&staging).map_err(io("create", &staging))?;
        Ok(OutputWriter { shown: dir.to_path_buf(), target, mount, staging, hashes: BTreeMap::new(), error: None })
    }

    /// How many files have been written.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether no file has been written yet.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// Writes the record and puts the new output in place (see the module documentation). Returns
    /// false when the output already held exactly these files: then nothing in it is touched.
    pub fn finish(mut self) -> Result<bool, OutputError> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        let record = record(&self.hashes);
        let path = self.staging.join(MANIFEST_FILE);
        std::fs::write(&path, &record).map_err(io("write", &path))?;
        if self.target.exists && self.holds_already(&record)? {
            return Ok(false);
        }
        let (real, shown) = (&self.target.real, &self.shown);
        let result = if !self.target.exists {
            std::fs::rename(&self.staging, real).map_err(io("move into place", shown))
        } else if self.mount {
            swap_inside(real, &self.staging, &self.top_level_names())
        } else {
            match exchange(&self.staging, real) {
                // The new output is in place; the staging path now holds the old one, removed on drop
                // (or by the next build, if this one is killed now).
                Ok(()) => Ok(()),
                Err(Exchange::Busy) => self.swap_inside_after_all(),
                Err(Exchange::Unsupported) => replace_by_renames(&self.staging, real, shown),
                Err(Exchange::Failed(e)) => Err(io("swap in", shown)(e)),
            }
        };
        result.map(|()| true)
    }

    /// A mount point the check in [`OutputWriter::begin`] did not recognise: the staged tree moves
    /// inside it and is swapped in entry by entry.
    fn swap_inside_after_all(&mut self) -> Result<(), OutputError> {
        let inside = self.target.real.join(staging_name("new", std::process::id()));
        let moved = std::fs::rename(&self.staging, &inside).map_err(io("move into place", &self.shown));
        moved.and_then(|()| swap_inside(&self.target.real, &inside, &self.top_level_names()))
    }

    fn top_level_names(&self) -> BTreeSet<String> {
        self.hashes.keys().map(|p| p.split('/').next().unwrap_or(p).to_string()).collect()
    }

    /// Whether the output holds exactly the staged files already: the same record, every file
    /// there with its hash, nothing else.
    fn holds_already(&self, record: &[u8]) -> Result<bool, OutputError> {
        let real = &self.target.real;
        if std::fs::read(real.join(MANIFEST_FILE)).ok().as_deref() != Some(record) {
            return Ok(false);
        }
        let mut on_disk = list_files(real)?;
        on_disk.retain(|p| p != MANIFEST_FILE);
        if !on_disk.iter().eq(self.hashes.keys()) {
            return Ok(false);
        }
        for (path, hash) in &self.hashes {
            if &sha256_file(&real.join(path))? != hash {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// The staging path of `path`, with its directories made; `path` is a renderer's relative path.
    fn create(&self, path: &str) -> Result<PathBuf, OutputError> {
        let safe = !path.is_empty()
            && path != MANIFEST_FILE
            && path.split('/').all(|part| !part.is_empty() && part != "." && part != ".." && !part.contains('\\'));
        if !safe {
            return Err(OutputError::Io {
                action: "write",
                path: PathBuf::from(path),
                message: "not a relative path inside the output (a renderer's mistake)".into(),
            });
        }
        let full = self.staging.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(io("create", parent))?;
        }
        Ok(full)
    }

    fn record_result(&mut self, path: &str, result: Result<String, OutputError>) {
        match result {
            Ok(hash) => {
                self.hashes.insert(path.to_string(), hash);
            }
            Err(error) => self.error = Some(error),
        }
    }
}

impl Output for OutputWriter {
    fn insert(&mut self, path: String, bytes: Vec<u8>) {
        if self.error.is_some() {
            return;
        }
        let written = self.create(&path).and_then(|full| {
            std::fs::write(&full, &bytes).map_err(io("write", &full))?;
            Ok(hex(&Sha256::digest(&bytes)))
        });
        self.record_result(&path, written);
    }

    fn write_with(
        &mut self,
        path: &str,
        write: &mut dyn FnMut(&mut dyn Write) -> Result<(), RenderError>,
    ) -> Result<(), RenderError> {
        if self.error.is_some() {
            return Ok(());
        }
        let full = match self.create(path) {
            Ok(full) => full,
            Err(error) => {
                self.error = Some(error);
                return Ok(());
            }
        };
        let file = match std::fs::File::create(&full) {
            Ok(file) => file,
            Err(e) => {
                self.error = Some(io("create", &full)(e));
                return Ok(());
            }
        };
        let mut sink =
            HashingFile { file: BufWriter::with_capacity(1 << 16, file), hasher: Sha256::new(), failed: None };
        let rendered = write(&mut sink);
        let flushed = sink.file.flush();
        let failed = sink.failed.take().or(flushed.err());
        if let Some(e) = failed {
            self.error = Some(io("write", &full)(e));
            return Ok(());
        }
        rendered?;
        self.hashes.insert(path.to_string(), hex(&sink.hasher.finalize()));
        Ok(())
    }

    fn duplicate(&mut self, from: &str, to: String) {
        if self.error.is_some() {
            return;
        }
        let Some(hash) = self.hashes.get(from).cloned() else { return };
        let source = self.staging.join(from);
        let copied = self.create(&to).and_then(|full| {
            std::fs::copy(&source, &full).map_err(io("write", &full))?;
            Ok(hash)
        });
        self.record_result(&to, copied);
    }
}

impl Drop for OutputWriter {
    fn drop(&mut self) {
        // Unfinished, up to date, or after an exchange (then it holds the old output): nothing of
        // value is at the staging path. After a move into place nothing is there at all.
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// A file being written and hashed; the first I/O error is kept for the writer to report with the path.
struct HashingFile {
    file: BufWriter<std::fs::File>,
    hasher: Sha256,
    failed: Option<std::io::Error>,
}

impl Write for HashingFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.file.write(bytes) {
            Ok(n) => {
                self.hasher.update(&bytes[..n]);
                Ok(n)
            }
            Err(e) => {
                let kind = e.kind();
                self.failed.get_or_insert(e);
                Err(kind.into())
            }
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
