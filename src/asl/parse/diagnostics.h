// Collects every definition problem with its location before parsing fails ("Parsing and
// validation collect every diagnostic (with its JSON location) before failing", DESIGN.md).
// Codes and wording follow AWS's ValidateStateMachineDefinition diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sfn/asl/parse/parse_definition.h"

namespace sfn::asl::detail {

inline constexpr std::string_view kSchemaValidationFailed = "SCHEMA_VALIDATION_FAILED";
inline constexpr std::string_view kInvalidJsonDescription = "INVALID_JSON_DESCRIPTION";
inline constexpr std::string_view kMissingTransitionTarget = "MISSING_TRANSITION_TARGET";
inline constexpr std::string_view kMissingEndState = "MISSING_END_STATE";
inline constexpr std::string_view kDuplicateStateName = "DUPLICATE_STATE_NAME";
inline constexpr std::string_view kInvalidStateName = "INVALID_STATE_NAME";
inline constexpr std::string_view kInvalidResource = "INVALID_RESOURCE";
inline constexpr std::string_view kTooDeeplyNested = "TOO_DEEPLY_NESTED";
inline constexpr std::string_view kMissingDescription = "MISSING_DESCRIPTION";

class Diagnostics {
 public:
  void error(std::string_view code, std::string message, std::string location);
  // SCHEMA_VALIDATION_FAILED, the code of every structural problem.
  void schema(std::string message, std::string location) {
    error(kSchemaValidationFailed, std::move(message), std::move(location));
  }
  void warning(std::string_view code, std::string message, std::string location);

  bool has_errors() const;
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic> take() { return std::move(items_); }

 private:
  std::vector<Diagnostic> items_;
};

// "/States/A" + "Next" -> "/States/A/Next"; the root location is "" ("/" + key at the top).
std::string child_location(std::string_view parent, std::string_view key);
std::string index_location(std::string_view parent, std::size_t index);

// The JSON type name AWS prints in type errors (STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, NULL).
std::string json_type_name(const Json& value);

}  // namespace sfn::asl::detail
