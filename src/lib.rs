//! conform checks datasets against UK public-sector data standards and explains every problem in
//! plain English. The flow is read → compile → check → report.

pub mod check;
pub mod cli;
pub mod compile;
pub mod config;
pub mod describe;
pub mod explain;
pub mod finding;
pub mod formats;
pub mod read;
pub mod report;
pub mod standard;
pub mod suggest;
pub mod wkt;
