//! conform checks datasets against UK public-sector data standards and explains every problem in
//! plain English. The flow is read → compile → check → report; [`run`] drives it for a request.
//! The command line is the binary's (`src/main.rs`, `src/cli.rs`), not the library's.

pub mod check;
pub mod compile;
pub mod config;
pub mod coordinates;
pub mod describe;
pub mod explain;
pub mod finding;
pub mod formats;
pub mod i18n;
pub mod infer;
pub mod json_pointer;
pub mod lint;
pub mod map;
pub mod profile;
pub mod read;
pub mod report;
pub mod run;
pub mod schema;
#[cfg(feature = "serve")]
pub mod serve;
mod spares;
pub mod standard;
pub mod suggest;
pub mod survey;
pub mod wkt;

/// Helpers for the unit tests.
#[cfg(test)]
pub(crate) mod testing {
    /// A deterministic stream of numbers (xorshift64) for tests that try many generated inputs.
    pub fn numbers(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }
}
