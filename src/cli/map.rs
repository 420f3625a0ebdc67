//! `conform map`: propose a mapping from a file to a standard's table, or apply one.

use conform::map::{self, Request};

use super::{Fatal, MapArgs};

pub(super) fn map_command(args: &MapArgs) -> Result<i32, Fatal> {
    let encoding = super::check::parse_encoding(args.encoding.as_deref())?;
    let request = Request {
        file: args.file.clone(),
        standard: args.standard.clone(),
        table: args.table.clone(),
        encoding,
        delimiter: args
            .delimiter
            .as_deref()
            .map(super::check::parse_delimiter)
            .transpose()?,
        sheet: args.sheet.clone(),
    };
    let Some(mapping) = &args.mapping else {
        let proposal = map::propose(&request)?;
        let Some(target) = &args.output else {
            return Ok(super::write_stdout(&proposal, 0));
        };
        // The proposal to a file: never over the file mapped.
        let read = [(
            "the file being mapped",
            std::path::PathBuf::from(&args.file),
        )];
        conform::run::inputs::refuse_overwrite("--output", target, &read)?;
        super::write_output(Some(target), "proposed mapping", |out| {
            out.write_all(proposal.as_bytes())
        })?;
        eprintln!(
            "wrote the proposed mapping to {}: edit it, then run conform map {} --standard {} --mapping {} --output OUT.csv",
            target.display(),
            args.file,
            args.standard,
            target.display()
        );
        return Ok(0);
    };
    let output = args.output.as_ref().ok_or_else(|| {
        Fatal(
            "error: --mapping writes a new file: give it a name with --output OUT.csv (or .xlsx)"
                .into(),
        )
    })?;
    let applied = map::apply(&request, mapping, output)?;
    let code = if applied.errors == 0 { 0 } else { 1 };
    Ok(super::write_stdout(&applied.describe(output), code))
}
