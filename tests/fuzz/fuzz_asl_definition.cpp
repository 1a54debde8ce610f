// libFuzzer target: a state machine definition is parsed and validated (every diagnostic
// collected), as CreateStateMachine and ValidateStateMachineDefinition do.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sfn/asl/parse/parse_definition.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sfn::asl::ParseResult result = sfn::asl::parse_definition(text);
  if (!result.machine) (void)sfn::asl::invalid_definition_message(result.diagnostics);
  return 0;
}
