//! References inside a row schema that can never reach a rule: `#/$defs/a` naming `#/$defs/b`
//! naming `#/$defs/a` again. A column using such a loop would accept anything, silently, so a
//! standard holding one is refused before any file is read.

use serde_json::Value;

use crate::standard::{StandardError, Table};

/// Keywords that describe a schema without constraining a value.
const ANNOTATIONS: &[&str] = &[
    "$ref",
    "$comment",
    "title",
    "description",
    "examples",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
];

/// The target of a schema that is only a `$ref` inside the same document ("#/...").
fn local_ref(schema: &Value) -> Option<&str> {
    let map = schema.as_object()?;
    let target = map.get("$ref")?.as_str()?.strip_prefix('#')?;
    map.keys()
        .all(|key| ANNOTATIONS.contains(&key.as_str()))
        .then_some(target)
}

/// Refuses the first chain of references in `table`'s schema that leads back to itself.
pub(super) fn refuse_loops(table: &Table) -> Result<(), StandardError> {
    let mut found = None;
    visit(&table.schema, &table.schema, &mut found);
    let Some(chain) = found else {
        return Ok(());
    };
    let quoted = format!("\"#{}\"", chain[0]);
    let shown: Vec<String> = chain.iter().map(|p| format!("#{p}")).collect();
    let error = StandardError::new(format!(
        "the row schema of table \"{}\" has references that only lead to each other ({}), so a column using them would accept any value",
        table.name,
        shown.join(" → ")
    ))
    .help("make one of the definitions in the loop say what a value must be (a \"type\", \"pattern\", \"enum\"...), or refer to it directly");
    Err(match table.schema_text.find(&quoted) {
        Some(at) => error.at_span(&table.schema_name, &table.schema_text, at, quoted.len()),
        None => error.at_pointer(
            &table.schema_name,
            &table.schema_text,
            &table.schema_pointer,
        ),
    })
}

/// Walks every subschema; on a pure reference, follows the chain of pure references from it.
fn visit(root: &Value, schema: &Value, found: &mut Option<Vec<String>>) {
    if found.is_some() {
        return;
    }
    if let Some(start) = local_ref(schema) {
        if let Some(chain) = chain_from(root, start) {
            *found = Some(chain);
            return;
        }
    }
    match schema {
        Value::Object(map) => map.values().for_each(|v| visit(root, v, found)),
        Value::Array(items) => items.iter().for_each(|v| visit(root, v, found)),
        _ => {}
    }
}

/// The loop reached from `start` by following pure references, if they loop.
fn chain_from(root: &Value, start: &str) -> Option<Vec<String>> {
    let mut chain: Vec<String> = Vec::new();
    let mut at = start.to_string();
    loop {
        if let Some(first) = chain.iter().position(|seen| *seen == at) {
            let mut looped = chain.split_off(first);
            looped.push(at);
            return Some(looped);
        }
        let target = root.pointer(&at)?;
        let next = local_ref(target)?.to_string();
        chain.push(at);
        at = next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_loop_of_pure_references_is_found() {
        let root = json!({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}},
                          "properties": {"Name": {"$ref": "#/$defs/a"}}});
        let mut found = None;
        visit(&root, &root, &mut found);
        assert_eq!(
            found,
            // Found first from the definition of `a`, which names `b`.
            Some(vec![
                "/$defs/b".to_string(),
                "/$defs/a".into(),
                "/$defs/b".into()
            ])
        );
    }

    #[test]
    fn a_recursive_schema_with_rules_is_not_a_loop() {
        let root = json!({"$defs": {"a": {"type": "string", "properties": {"k": {"$ref": "#/$defs/a"}}}},
                          "properties": {"Name": {"$ref": "#/$defs/a"}}});
        let mut found = None;
        visit(&root, &root, &mut found);
        assert_eq!(found, None);
    }

    #[test]
    fn a_reference_to_itself_is_a_loop() {
        let root = json!({"$defs": {"a": {"$ref": "#/$defs/a"}}});
        let mut found = None;
        visit(&root, &root, &mut found);
        assert_eq!(found, Some(vec!["/$defs/a".to_string(), "/$defs/a".into()]));
    }
}
