// Runs tests/unit/payload/data/*.json. `given` is the state input ($). Case fields:
//   template      the payload template (any JSON)
//   mode          "jsonpath" (default) or "jsonata"
//   context, variables, field   optional $$, variables object, and ctx.field
//   result        expected output
//   diagnostics   compile must fail with exactly these [{location, message}] (message: substring)
//   failure       {error, cause}: evaluation must fail (cause: exact unless cause_contains)
#include <gtest/gtest.h>

#include "sfn/expr/payload/payload_template.h"
#include "support/case_files.h"

namespace sfn::payload {
namespace {

void run_case(const Json& given, const Json& tc) {
  const Mode mode = tc.value("mode", "jsonpath") == "jsonata" ? Mode::kJsonata : Mode::kJsonPath;
  auto tmpl = PayloadTemplate::compile(tc.at("template"), mode);
  if (tc.contains("diagnostics")) {
    ASSERT_FALSE(tmpl.has_value());
    const auto& expected = tc["diagnostics"];
    ASSERT_EQ(tmpl.error().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(tmpl.error()[i].location, expected[i].at("location").get<std::string>());
      EXPECT_NE(tmpl.error()[i].message.find(expected[i].at("message").get<std::string>()),
                std::string::npos)
          << tmpl.error()[i].message;
    }
    return;
  }
  ASSERT_TRUE(tmpl.has_value()) << tmpl.error().front().location << ": "
                                << tmpl.error().front().message;
  const Json context = tc.value("context", Json::object());
  const Json variables = tc.value("variables", Json::object());
  const std::string field = tc.value("field", "");
  auto value = tmpl->evaluate({given, context, &variables, field});
  if (tc.contains("failure")) {
    ASSERT_FALSE(value.has_value()) << dump_compact(*value);
    EXPECT_EQ(value.error().error, tc["failure"].at("error").get<std::string>());
    const std::string cause = tc["failure"].value("cause", "");
    if (tc["failure"].value("cause_contains", false)) {
      EXPECT_NE(value.error().cause.find(cause), std::string::npos) << value.error().cause;
    } else {
      EXPECT_EQ(value.error().cause, cause);
    }
    return;
  }
  ASSERT_TRUE(value.has_value()) << value.error().error << ": " << value.error().cause;
  EXPECT_EQ(dump_compact(*value), dump_compact(tc.at("result")));
}

const bool registered = [] {
  test_cases::register_case_files("payload", run_case);
  return true;
}();

}  // namespace
}  // namespace sfn::payload
