// Parsers for the field kinds many states share: paths (InputPath/OutputPath/ResultPath and
// the ...Path fields), payload templates (Parameters, ResultSelector, ItemSelector, Arguments,
// Output, Assign), JSONata "{% %}" strings and literal-or-path-or-JSONata numbers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "asl/parse/field_reader.h"
#include "sfn/asl/model/fields.h"

namespace sfn::asl::detail {

// True for a string "{% ... %}" (a JSONata expression in JSONata mode).
bool is_jsonata_string(const Json& value);
// The expression text between "{%" and "%}".
std::string jsonata_body(std::string_view text);

// Compiles a "{% %}" string; reports a diagnostic at `location` on failure.
std::optional<JsonataExpr> compile_jsonata(std::string_view text, const std::string& location,
                                           Diagnostics& diags);

// A JSONPath Path (`...Path` fields, Variable, ItemsPath). `reference` requires a Reference Path.
std::optional<jsonpath::Path> compile_path(std::string_view text, std::string_view field,
                                           const std::string& location, Diagnostics& diags,
                                           bool reference);

// InputPath / OutputPath (Path or null) and ResultPath (Reference Path or null).
PathField read_path_field(FieldReader& r, std::string_view key, bool reference);

// A payload template field; diagnostics from the template compiler are re-located under the field.
std::optional<payload::PayloadTemplate> read_template(FieldReader& r, std::string_view key,
                                                      payload::Mode mode);
std::optional<payload::PayloadTemplate> compile_template(const Json& value,
                                                         const std::string& location,
                                                         payload::Mode mode, Diagnostics& diags);

enum class NumberKind { kInteger, kNumber };

struct NumberRule {
  NumberKind kind = NumberKind::kInteger;
  std::optional<double> min;        // inclusive
  std::optional<double> max;        // inclusive
  bool min_exclusive = false;       // > min instead of >= min
};

// A number field `key` that may also be given as `path_key` (JSONPath mode) or as a "{% %}"
// string (JSONata mode). At most one of the two keys.
DynamicValue read_dynamic_number(FieldReader& r, std::string_view key, std::string_view path_key,
                                 QueryLanguage ql, const NumberRule& rule);

// Checks a literal number against `rule`, reporting AWS-style range messages.
bool check_number(const Json& value, std::string_view key, const std::string& location,
                  const NumberRule& rule, Diagnostics& diags);

}  // namespace sfn::asl::detail
