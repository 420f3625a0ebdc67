//! An interrupted run (Ctrl-C, `kill`) leaves no half-written report behind: the temporary file
//! `--output` writes to is removed before the process ends as the signal asks.

use std::path::Path;

#[cfg(unix)]
mod unix {
    use std::os::unix::ffi::OsStrExt;
    use std::sync::atomic::{AtomicPtr, Ordering};

    /// The temporary file's path, as a C string that lives until the process ends (a handler
    /// may only read memory that is never freed).
    static TEMPORARY: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

    pub fn remove_on_interrupt(path: &std::path::Path) {
        let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
            return;
        };
        TEMPORARY.store(c_path.into_raw(), Ordering::SeqCst);
        for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
            // SAFETY: the action only calls unlink, signal and raise, all async-signal-safe,
            // and reads a pointer to memory that is never freed.
            let _ = unsafe {
                signal_hook_registry::register(signal, move || {
                    let path = TEMPORARY.swap(std::ptr::null_mut(), Ordering::SeqCst);
                    if !path.is_null() {
                        libc::unlink(path);
                    }
                    // Then end as the signal would have ended the process.
                    libc::signal(signal, libc::SIG_DFL);
                    libc::raise(signal);
                })
            };
        }
    }

    pub fn forget() {
        TEMPORARY.store(std::ptr::null_mut(), Ordering::SeqCst);
    }
}

/// Removes `path` should the run be interrupted before [`forget`].
pub fn remove_on_interrupt(path: &Path) {
    #[cfg(unix)]
    unix::remove_on_interrupt(path);
    #[cfg(not(unix))]
    let _ = path;
}

/// The temporary file has been moved into place (or removed): nothing to do on a signal.
pub fn forget() {
    #[cfg(unix)]
    unix::forget();
}
