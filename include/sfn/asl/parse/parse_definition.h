// Definition text → immutable StateMachine, or every diagnostic AWS would report.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "sfn/asl/model/state_machine.h"

namespace sfn::asl {

// One problem in a definition, as ValidateStateMachineDefinition reports it.
struct Diagnostic {
  std::string severity = "ERROR";  // ERROR | WARNING
  std::string code;                // e.g. "SCHEMA_VALIDATION_FAILED", "MISSING_TRANSITION_TARGET"
  std::string message;             // AWS's wording
  std::string location;            // JSON pointer-like location, e.g. "/States/A/Next"
};

struct ParseResult {
  std::shared_ptr<const StateMachine> machine;  // null when any ERROR diagnostic exists
  std::vector<Diagnostic> diagnostics;          // errors and warnings
};

ParseResult parse_definition(std::string_view definition_text);

// The message of an InvalidDefinition API error built from the ERROR diagnostics, in AWS's
// format ("Invalid State Machine Definition: 'CODE: message at /location', ...").
std::string invalid_definition_message(const std::vector<Diagnostic>& diagnostics);

}  // namespace sfn::asl
