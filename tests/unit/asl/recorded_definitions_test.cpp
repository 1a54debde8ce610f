// Every definition in the recorded AWS conformance cases was accepted by AWS, so it must parse.
// Reads ${SFN_SOURCE_DIR}/../shared/conformance/localstack/cases when present; skipped otherwise.
// The recordings name the Lambda functions and activities their tests created as stubs
// ("<stub:create_lambda_function()[...]>"): those become ARNs of the kind created, as
// run_cases.py and mock_from_recording.py substitute them.
#include <gtest/gtest.h>

#include <regex>

#include "sfn/asl/parse/parse_definition.h"
#include "support/data_cases.h"

namespace sfn::asl {
namespace {

const bool registered = [] {
  test_cases::register_recorded_cases(
      "RecordedDefinitions", [](const Json&) { return true; },
      [](const Json& tc) {
        static const std::regex lambda(R"(<stub:create_lambda_function\(\)[^>]*>)");
        static const std::regex activity(R"(<stub:create_activity\(\)[^>]*>)");
        std::string text = dump_compact(tc.at("definition"));
        text = std::regex_replace(
            text, lambda, "arn:aws:lambda:us-east-1:123456789012:function:lambda_function_name");
        text = std::regex_replace(text, activity,
                                  "arn:aws:states:us-east-1:123456789012:activity:activity_name");
        ParseResult result = parse_definition(text);
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
