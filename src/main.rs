mod cli;

use clap::Parser;

fn main() {
    // A reader of the field that panics on a damaged file is caught and the file reported; say
    // so in one line rather than a backtrace that reads like a crash.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("conform: a file reader stopped on damaged input: {info}");
    }));
    let cli = cli::Cli::parse();
    std::process::exit(cli::run(cli));
}
