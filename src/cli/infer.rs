//! `conform infer`: a draft standard from sample files, written to standard output or a file.

use conform::infer::{self, Request};
use conform::run::{inputs, Unwatched};

use super::{Fatal, InferArgs};

pub(super) fn infer_command(args: &InferArgs) -> Result<i32, Fatal> {
    let encoding = super::check::parse_encoding(args.encoding.as_deref())?;
    let request = Request {
        paths: args.files.clone(),
        encoding,
        delimiter: args
            .delimiter
            .as_deref()
            .map(super::check::parse_delimiter)
            .transpose()?,
        sheet: args.sheet.clone(),
    };
    if let Some(target) = &args.output {
        let read: Vec<(&str, std::path::PathBuf)> = args
            .files
            .iter()
            .map(|f| ("one of the sample files", std::path::PathBuf::from(f)))
            .collect();
        inputs::refuse_overwrite("--output", target, &read)?;
    }
    let draft = infer::infer(&request, &Unwatched)?;
    super::write_output(args.output.as_deref(), "draft", |out| {
        out.write_all(draft.text.as_bytes())
    })?;
    eprintln!("{}", draft.summary);
    Ok(0)
}
