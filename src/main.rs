use clap::Parser;

fn main() {
    let cli = conform::cli::Cli::parse();
    std::process::exit(conform::cli::run(cli));
}
