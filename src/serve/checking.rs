//! One check of an upload, through the run library (`run::run`, the function `conform check`
//! calls), bounded in number and in time: at most `slots` run at once, a few more wait their turn,
//! and anything beyond is told the server is busy.

use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::report::{self, Format, ReportOptions};
use crate::run::{self, ConfigSource, Request, RunError};

/// What a check gave: the exit code `conform check` would give and each report asked for.
pub struct Checked {
    pub exit_code: i32,
    pub reports: Vec<Vec<u8>>,
    pub unreadable: Vec<(String, String)>,
}

/// Why a check gave no report.
pub enum NotChecked {
    /// Every slot is taken and the queue is full.
    Busy,
    /// The check took longer than the server allows.
    TooSlow(Duration),
    /// The request cannot be checked (a standard or table that does not exist, ...).
    Refused(String),
    /// The check stopped unexpectedly (a defect of conform's).
    Failed(String),
}

/// Report options of `conform check` writing to a file or a pipe, so that the API's reports are
/// the command line's byte for byte.
pub fn report_options() -> ReportOptions {
    ReportOptions {
        color: false,
        width: 100,
        quiet: false,
        github_summary: None,
        ..ReportOptions::default()
    }
}

/// Admission: checks running now and waiting, against their bounds.
pub struct Gate {
    state: Mutex<(usize, usize)>,
    freed: Condvar,
    slots: usize,
    queue: usize,
    timeout: Duration,
}

impl Gate {
    pub fn new(slots: usize, queue: usize, timeout: Duration) -> Arc<Gate> {
        Arc::new(Gate {
            state: Mutex::new((0, 0)),
            freed: Condvar::new(),
            slots: slots.max(1),
            queue,
            timeout,
        })
    }

    /// Waits for a slot until `deadline`; `None` when the server is busy.
    fn enter(self: &Arc<Gate>, deadline: Instant) -> Option<Permit> {
        let mut state = self.state.lock().ok()?;
        if state.0 < self.slots {
            state.0 += 1;
            return Some(Permit(Arc::clone(self)));
        }
        if state.1 >= self.queue {
            return None;
        }
        state.1 += 1;
        while state.0 >= self.slots {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                state.1 -= 1;
                return None;
            }
            state = self.freed.wait_timeout(state, left).ok()?.0;
        }
        state.1 -= 1;
        state.0 += 1;
        Some(Permit(Arc::clone(self)))
    }
}

/// A running check's slot, given back when the check ends (even after its answer timed out).
struct Permit(Arc<Gate>);

impl Drop for Permit {
    fn drop(&mut self) {
        if let Ok(mut state) = self.0.state.lock() {
            state.0 = state.0.saturating_sub(1);
        }
        self.0.freed.notify_one();
    }
}

/// Checks `input` against `standard` (a built-in spec; `None`: worked out from the file), writes
/// a report in each of `formats`, and hands them to `render`, all within one slot and the
/// server's time bound (so that building a page from a large report is bounded too). Blocks.
pub fn check<T: Send + 'static>(
    gate: &Arc<Gate>,
    request: Request,
    formats: Vec<Format>,
    render: impl FnOnce(Checked) -> T + Send + 'static,
) -> Result<T, NotChecked> {
    let deadline = Instant::now() + gate.timeout;
    let permit = gate.enter(deadline).ok_or(NotChecked::Busy)?;
    let (done, answer) = mpsc::channel();
    let request = Request {
        // A server reads no conform.toml from its working folder.
        config: ConfigSource::None,
        ..request
    };
    // The check runs on its own thread so that the answer can be given up on in time; the slot
    // stays taken until the check and its page really end.
    std::thread::spawn(move || {
        let _permit = permit;
        let options = ReportOptions {
            lang: request.lang,
            ..report_options()
        };
        let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); formats.len()];
        let outcome = {
            let reporters = formats
                .iter()
                .zip(buffers.iter_mut())
                .map(|(format, buffer)| report::reporter(*format, Box::new(buffer), &options))
                .collect();
            let mut several = report::Several(reporters);
            run::run(&request, &mut several, &run::Unwatched)
        };
        let result = match outcome {
            Ok(outcome) => Ok(render(Checked {
                exit_code: outcome.exit_code(),
                reports: buffers,
                unreadable: outcome.unreadable,
            })),
            Err(RunError::Standard(e)) => Err(NotChecked::Refused(e.message)),
            Err(RunError::Message(m)) => Err(NotChecked::Refused(m)),
        };
        let _ = done.send(result);
    });
    let left = deadline.saturating_duration_since(Instant::now());
    match answer.recv_timeout(left) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(NotChecked::TooSlow(gate.timeout)),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(NotChecked::Failed(
            "the check stopped unexpectedly: please report this file to conform's developers"
                .into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_admits_its_slots_queues_its_queue_and_refuses_the_rest() {
        let gate = Gate::new(1, 1, Duration::from_millis(200));
        let soon = || Instant::now() + Duration::from_millis(200);
        let first = gate.enter(soon()).expect("a free slot");
        // The queue's one place: waits, and is let in when the slot is given back.
        let waiting = {
            let gate = Arc::clone(&gate);
            std::thread::spawn(move || {
                gate.enter(Instant::now() + Duration::from_secs(5))
                    .is_some()
            })
        };
        std::thread::sleep(Duration::from_millis(50));
        // Slot and queue both taken: refused at once.
        assert!(gate.enter(soon()).is_none());
        drop(first);
        assert!(waiting.join().expect("the waiter"));
        // A waiter whose time runs out is refused.
        let held = gate.enter(soon()).expect("free again");
        let started = Instant::now();
        assert!(gate.enter(soon()).is_none());
        assert!(started.elapsed() >= Duration::from_millis(150));
        drop(held);
        assert!(gate.enter(soon()).is_some());
    }
}
