//! Memory one thread is done with, kept for another to fill again.
//!
//! The readers, the checking threads and the in-order merge each make buffers on one thread and
//! finish with them on another. Freed and allocated anew, every buffer was fresh memory that the
//! kernel had to map in page by page (on the spending benchmark, page faults were a tenth of the
//! CPU time; on Parquet, a fifth). A few spares, handed back empty, keep that memory mapped.

use std::sync::{Arc, Mutex};

/// Spare buffers shared by the threads of one reader or one file's check; cloned handles share
/// them, and the memory goes when the last handle does.
pub(crate) struct Spares<T> {
    kept: Arc<Mutex<Vec<T>>>,
    /// More than are ever in flight at once: beyond it a buffer is freed, not kept.
    limit: usize,
}

impl<T> Spares<T> {
    pub(crate) fn new(limit: usize) -> Spares<T> {
        Spares {
            kept: Arc::default(),
            limit,
        }
    }

    /// A spare, if there is one.
    pub(crate) fn take(&self) -> Option<T> {
        self.kept.lock().ok().and_then(|mut kept| kept.pop())
    }

    /// Keeps `spare` (which the caller has emptied) for the next [`Spares::take`].
    pub(crate) fn give_back(&self, spare: T) {
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() < self.limit {
                kept.push(spare);
            }
        }
    }
}

impl<T> Clone for Spares<T> {
    fn clone(&self) -> Spares<T> {
        Spares {
            kept: Arc::clone(&self.kept),
            limit: self.limit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spares_are_shared_by_handles_and_kept_up_to_the_limit() {
        let spares = Spares::new(2);
        let other = spares.clone();
        assert_eq!(spares.take(), None::<Vec<u8>>);
        for n in 1..=3 {
            other.give_back(Vec::<u8>::with_capacity(n));
        }
        assert_eq!(spares.take().map(|v| v.capacity()), Some(2));
        assert_eq!(spares.take().map(|v| v.capacity()), Some(1));
        assert_eq!(spares.take(), None);
    }
}
