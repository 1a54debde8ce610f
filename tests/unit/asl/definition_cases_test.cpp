// Data-driven definition cases: tests/unit/asl/data/*.json hold
// {"cases": [{"name", "definition" (JSON, or "definition_text" for raw text), "type" (optional:
//   STANDARD or EXPRESS, whose restrictions then apply too), "valid",
//   "diagnostics": [{"code", "location", "message" (a substring)}]}]}.
// Every listed diagnostic must be reported; a valid definition must report no error.
#include <gtest/gtest.h>

#include "sfn/asl/parse/parse_definition.h"
#include "sfn/asl/validate/workflow_type.h"
#include "support/data_cases.h"

namespace sfn::asl {
namespace {

std::string describe(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags)
    out += "\n  " + d.severity + " " + d.code + " @" + d.location + ": " + d.message;
  return out;
}

void run_case(const Json& tc) {
  std::string text = tc.contains("definition_text") ? tc.at("definition_text").get<std::string>()
                                                    : dump_compact(tc.at("definition"));
  ParseResult result = parse_definition(text);
  if (tc.contains("type") && result.machine) {
    auto refused = workflow_type_diagnostics(
        *result.machine, parse_state_machine_type(tc.at("type").get<std::string>()).value());
    if (!refused.empty()) result.machine.reset();
    result.diagnostics.insert(result.diagnostics.end(), refused.begin(), refused.end());
  }
  const bool valid = tc.at("valid").get<bool>();
  if (valid) {
    ASSERT_TRUE(result.machine) << "expected valid, got:" << describe(result.diagnostics);
    return;
  }
  ASSERT_FALSE(result.machine) << "expected invalid";
  for (const auto& want : tc.value("diagnostics", Json::array())) {
    bool found = false;
    for (const auto& d : result.diagnostics) {
      if (want.contains("code") && d.code != want.at("code").get<std::string>()) continue;
      if (want.contains("location") && d.location != want.at("location").get<std::string>())
        continue;
      if (want.contains("message") &&
          d.message.find(want.at("message").get<std::string>()) == std::string::npos) {
        continue;
      }
      found = true;
    }
    EXPECT_TRUE(found) << "missing diagnostic " << want.dump()
                       << "; got:" << describe(result.diagnostics);
  }
  if (tc.contains("diagnostic_count")) {
    EXPECT_EQ(result.diagnostics.size(), tc.at("diagnostic_count").get<std::size_t>())
        << describe(result.diagnostics);
  }
}

const bool registered = [] {
  test_cases::register_data_cases("asl", run_case);
  return true;
}();

}  // namespace
}  // namespace sfn::asl
