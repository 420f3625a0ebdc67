//! The one adapter to the `jsonschema` crate: building validators with conform's options, and its
//! errors turned into conform's own types. Nothing else names the crate, so a change of its API
//! is mended here.

use std::borrow::Cow;

use serde_json::Value;

use crate::finding::Code;
use crate::formats;

/// A compiled JSON Schema.
pub struct Validator(jsonschema::Validator);

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Validator")
    }
}

/// Why a schema could not be built.
#[derive(Debug)]
pub struct BuildError {
    pub message: String,
    /// Where in the schema the problem is (a JSON pointer).
    pub schema_path: String,
    /// The address of a `$ref` that could not be resolved (conform never fetches one).
    pub unresolved_ref: Option<String>,
}

/// Which keyword a value failed, as far as conform tells them apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailureKind {
    Type,
    Format,
    Pattern,
    Enum,
    Range,
    Length,
    /// A property the object must have; `None` when the property name is not a string.
    Required(Option<String>),
    /// Keys an object may not have.
    AdditionalProperties(Vec<String>),
    Other,
}

/// One failure of an instance against a schema.
pub struct Failure<'a> {
    pub kind: FailureKind,
    /// Where in the instance (a JSON pointer).
    pub instance_path: String,
    /// Which keyword of the schema (a JSON pointer).
    pub schema_path: String,
    /// The failing part of the instance.
    pub instance: Cow<'a, Value>,
    /// The crate's sentence for it.
    pub message: String,
}

impl Failure<'_> {
    /// The finding code a failure maps to.
    pub fn code(&self) -> Code {
        match self.kind {
            FailureKind::Type => Code::Type,
            FailureKind::Format => Code::Format,
            FailureKind::Pattern => Code::Pattern,
            FailureKind::Enum => Code::Enum,
            FailureKind::Range => Code::Range,
            FailureKind::Length => Code::Length,
            FailureKind::Required(_) => Code::Required,
            FailureKind::AdditionalProperties(_) | FailureKind::Other => Code::Schema,
        }
    }
}

/// Builds a validator: draft 2020-12, conform's own format checks asserted, the linear-time
/// `regex` engine, and nothing fetched.
pub fn build(schema: &Value) -> Result<Validator, BuildError> {
    let mut options = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .with_pattern_options(jsonschema::PatternOptions::regex());
    for format in formats::FORMATS {
        options = options.with_format(format.name, format.check);
    }
    options.build(schema).map(Validator).map_err(|e| {
        let unresolved_ref = match e.kind() {
            jsonschema::error::ValidationErrorKind::Referencing(
                jsonschema::ReferencingError::Unretrievable { uri, .. },
            ) => Some(uri.clone()),
            _ => None,
        };
        BuildError {
            message: e.to_string(),
            schema_path: e.schema_path().as_str().to_string(),
            unresolved_ref,
        }
    })
}

impl Validator {
    pub fn is_valid(&self, instance: &Value) -> bool {
        self.0.is_valid(instance)
    }

    /// Every failure of `instance`, in the crate's order.
    pub fn failures<'a>(&'a self, instance: &'a Value) -> impl Iterator<Item = Failure<'a>> + 'a {
        self.0.iter_errors(instance).map(|error| {
            use jsonschema::error::ValidationErrorKind as K;
            let kind = match error.kind() {
                K::Type { .. } => FailureKind::Type,
                K::Format { .. } => FailureKind::Format,
                K::Pattern { .. } => FailureKind::Pattern,
                K::Enum { .. } => FailureKind::Enum,
                K::Minimum { .. }
                | K::Maximum { .. }
                | K::ExclusiveMinimum { .. }
                | K::ExclusiveMaximum { .. } => FailureKind::Range,
                K::MinLength { .. } | K::MaxLength { .. } => FailureKind::Length,
                K::Required { property } => {
                    FailureKind::Required(property.as_str().map(String::from))
                }
                K::AdditionalProperties { unexpected } => {
                    FailureKind::AdditionalProperties(unexpected.clone())
                }
                _ => FailureKind::Other,
            };
            Failure {
                kind,
                instance_path: error.instance_path().as_str().to_string(),
                schema_path: error.schema_path().as_str().to_string(),
                message: error.to_string(),
                instance: Cow::Owned(error.instance().clone().into_owned()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_unresolvable_ref_is_known_by_its_kind() {
        let error = build(&json!({"$ref": "https://example.org/schema.json"}))
            .expect_err("a remote $ref does not build");
        assert_eq!(
            error.unresolved_ref.as_deref(),
            Some("https://example.org/schema.json")
        );
        let error = build(&json!({"type": 12})).expect_err("a bad type");
        assert_eq!(error.unresolved_ref, None);
    }

    #[test]
    fn failures_carry_kind_and_place() {
        let validator = build(&json!({
            "type": "object",
            "required": ["a"],
            "properties": {"b": {"type": "integer", "maximum": 3}}
        }))
        .expect("builds");
        let instance = json!({"b": 5});
        let failures: Vec<Failure> = validator.failures(&instance).collect();
        let kinds: Vec<&FailureKind> = failures.iter().map(|f| &f.kind).collect();
        assert!(kinds.contains(&&FailureKind::Required(Some("a".into()))));
        assert!(kinds.contains(&&FailureKind::Range));
        let range = failures
            .iter()
            .find(|f| f.kind == FailureKind::Range)
            .expect("range");
        assert_eq!(range.instance_path, "/b");
        assert_eq!(range.code(), Code::Range);
    }
}
