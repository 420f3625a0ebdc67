//! Where a report goes: standard output, where a closed pipe (`| head`) ends writing quietly, or a
//! file written whole: a temporary file beside the target, moved into place when complete, so a
//! reader never sees half a report and a failed run leaves the old report as it was.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

pub enum Output {
    Stdout {
        closed: bool,
    },
    File {
        file: Option<BufWriter<File>>,
        temporary: PathBuf,
        target: PathBuf,
    },
    /// A target that is not a regular file (`/dev/null`, a FIFO, a terminal): written as it is.
    /// Renaming a temporary file over it would replace the device or pipe with a plain file.
    Stream(BufWriter<File>),
}

impl Output {
    /// Standard output, or a temporary file for `target`.
    pub fn open(target: Option<&Path>) -> io::Result<Output> {
        let Some(target) = target else {
            return Ok(Output::Stdout { closed: false });
        };
        match std::fs::metadata(target) {
            Ok(found) if found.is_dir() => {
                return Err(io::Error::other(format!(
                    "{} is a folder",
                    target.display()
                )));
            }
            Ok(found) if !found.is_file() => {
                let stream = std::fs::OpenOptions::new().write(true).open(target)?;
                return Ok(Output::Stream(BufWriter::new(stream)));
            }
            _ => {}
        }
        // A link is kept a link: the file it leads to is the one replaced.
        let target = match std::fs::symlink_metadata(target) {
            Ok(link) if link.file_type().is_symlink() => std::fs::canonicalize(target)?,
            _ => target.to_path_buf(),
        };
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("report");
        let temporary = dir.join(format!(".{name}.conform-{}.tmp", std::process::id()));
        let file = File::create(&temporary)?;
        Ok(Output::File {
            file: Some(BufWriter::new(file)),
            temporary,
            target,
        })
    }

    /// The temporary file being written, which an interrupted run must remove.
    pub fn temporary(&self) -> Option<&Path> {
        match self {
            Output::File { temporary, .. } => Some(temporary),
            _ => None,
        }
    }

    /// Moves a file report into place. Without this call the temporary file is removed.
    pub fn commit(mut self) -> io::Result<()> {
        if let Output::Stream(stream) = &mut self {
            return stream.flush();
        }
        let Output::File {
            file,
            temporary,
            target,
        } = &mut self
        else {
            return Ok(());
        };
        let Some(file) = file.take() else {
            return Ok(());
        };
        let result = file
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|f| f.sync_all())
            .and_then(|_| std::fs::rename(&*temporary, &*target));
        if result.is_err() {
            let _ = std::fs::remove_file(&*temporary);
        }
        result
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout { closed: true } => Ok(buf.len()),
            Output::Stdout { closed } => match io::stdout().lock().write_all(buf) {
                Ok(()) => Ok(buf.len()),
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                    *closed = true;
                    Ok(buf.len())
                }
                Err(e) => Err(e),
            },
            Output::File { file: Some(f), .. } => f.write(buf),
            Output::File { file: None, .. } => Err(io::Error::other("the report is closed")),
            Output::Stream(stream) => stream.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout { closed: false } => match io::stdout().lock().flush() {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e),
                _ => Ok(()),
            },
            Output::File { file: Some(f), .. } => f.flush(),
            Output::Stream(stream) => stream.flush(),
            _ => Ok(()),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Output::File {
            file: Some(_),
            temporary,
            ..
        } = self
        {
            let _ = std::fs::remove_file(&*temporary);
        }
    }
}
