//! Any text as a standard file, a Table Schema or a conform.toml: loaded, linted and imported
//! without a panic or a hang (a `$ref` loop, a deep nesting, a bad pattern are errors).
#![no_main]

use libfuzzer_sys::fuzz_target;

fn scratch() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("conform-fuzz-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    dir
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let dir = scratch();
    match which % 3 {
        0 => {
            let path = dir.join("standard.json");
            if std::fs::write(&path, text).is_err() {
                return;
            }
            let spec = path.to_string_lossy().into_owned();
            if let Ok(standard) = conform::standard::Standard::load(&spec) {
                for table in &standard.tables {
                    let _ = conform::compile::compile(table);
                }
            }
            let _ = conform::lint::lint(&spec);
        }
        1 => {
            let path = dir.join("data.tableschema.json");
            if std::fs::write(&path, text).is_err() {
                return;
            }
            let _ = conform::standard::import(&path.to_string_lossy());
        }
        _ => {
            let path = dir.join("conform.toml");
            if std::fs::write(&path, text).is_err() {
                return;
            }
            let _ = conform::config::load(&path);
        }
    }
});
