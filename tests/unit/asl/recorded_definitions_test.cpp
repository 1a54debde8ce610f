// Every definition in the recorded AWS conformance cases was accepted by AWS, so it must parse.
// Reads ${SFN_SOURCE_DIR}/../shared/conformance/localstack/cases when present; skipped otherwise.
#include <gtest/gtest.h>

#include "case_registry.h"
#include "sfn/asl/parse/parse_definition.h"

namespace sfn::asl {
namespace {

const bool registered = [] {
  test_cases::register_recorded_cases(
      "RecordedDefinitions", [](const Json&) { return true; },
      [](const Json& tc) {
        ParseResult result = parse_definition(dump_compact(tc.at("definition")));
        std::string diags;
        for (const auto& d : result.diagnostics) {
          diags += "\n  " + d.code + " @" + d.location + ": " + d.message;
        }
        EXPECT_TRUE(result.machine) << tc.value("name", "") << diags;
      });
  return true;
}();

}  // namespace
}  // namespace sfn::asl
