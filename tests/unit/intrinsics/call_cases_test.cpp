// Runs tests/unit/intrinsics/data/*.json. `given` is the state input ($). Case fields:
//   expression   the intrinsic call text
//   context, variables   optional $$ document and $name variables
//   field        optional field name for causes (default "FunctionResult.$")
//   result       expected value
//   error        parse must fail with a message containing this (non-empty) text
//   failure      {error, cause}: evaluation must fail with exactly this error and cause
//   result_type / range / pattern   for random results: JSON type, [min, max], regex
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "sfn/expr/intrinsics/call.h"
#include "support/case_files.h"

namespace sfn::intrinsics {
namespace {

void run_case(const Json& given, const Json& tc) {
  const std::string text = tc.at("expression").get<std::string>();
  auto call = Call::parse(text);
  if (tc.contains("error")) {
    ASSERT_FALSE(call.has_value()) << text;
    const std::string expected = tc["error"].get<std::string>();
    ASSERT_FALSE(expected.empty()) << "an empty expected error matches any message";
    EXPECT_NE(call.error().find(expected), std::string::npos) << call.error();
    return;
  }
  ASSERT_TRUE(call.has_value()) << call.error();
  EXPECT_TRUE(Call::looks_like_call(text));
  const Json context = tc.value("context", Json::object());
  const Json variables = tc.value("variables", Json::object());
  const std::string field = tc.value("field", "FunctionResult.$");
  auto value = call->evaluate({given, context, &variables, field});
  if (tc.contains("failure")) {
    ASSERT_FALSE(value.has_value()) << dump_compact(*value);
    EXPECT_EQ(value.error().error, tc["failure"].at("error").get<std::string>());
    EXPECT_EQ(value.error().cause, tc["failure"].at("cause").get<std::string>());
    return;
  }
  ASSERT_TRUE(value.has_value()) << value.error().error << ": " << value.error().cause;
  if (tc.contains("result")) {
    EXPECT_EQ(dump_compact(*value), dump_compact(tc["result"]));
  }
  if (tc.contains("result_type")) {
    EXPECT_EQ(value->type_name(), tc["result_type"].get<std::string>());
  }
  if (tc.contains("range")) {
    EXPECT_GE(value->get<long long>(), tc["range"][0].get<long long>());
    EXPECT_LE(value->get<long long>(), tc["range"][1].get<long long>());
  }
  if (tc.contains("pattern")) {
    EXPECT_TRUE(
        std::regex_match(value->get<std::string>(), std::regex(tc["pattern"].get<std::string>())))
        << value->get<std::string>();
  }
}

const bool registered = [] {
  test_cases::register_case_files("intrinsics", run_case);
  return true;
}();

TEST(IntrinsicCall, SeededMathRandomIsDeterministic) {
  auto call = Call::parse("States.MathRandom(0, 1000000, 7)");
  ASSERT_TRUE(call.has_value());
  Json input = Json::object();
  auto a = call->evaluate({input, input});
  auto b = call->evaluate({input, input});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
}

// Every call gives a version-4 UUID (RFC 4122: lowercase hex 8-4-4-4-12, version nibble 4,
// variant 8-b), and no two calls give the same one.
TEST(IntrinsicCall, UuidsAreVersion4AndDiffer) {
  auto call = Call::parse("States.UUID()");
  ASSERT_TRUE(call.has_value());
  Json input = Json::object();
  const std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (int i = 0; i < 10'000; ++i) {
    auto value = call->evaluate({input, input});
    ASSERT_TRUE(value.has_value() && value->is_string());
    const std::string uuid = value->get<std::string>();
    ASSERT_TRUE(std::regex_match(uuid, v4)) << uuid;
    ASSERT_TRUE(seen.insert(uuid).second) << uuid << " came twice";
  }
}

TEST(IntrinsicCall, LooksLikeCall) {
  EXPECT_TRUE(Call::looks_like_call("  States.Array()"));
  EXPECT_FALSE(Call::looks_like_call("$.States"));
  EXPECT_FALSE(Call::looks_like_call("states.Array()"));
}

}  // namespace
}  // namespace sfn::intrinsics
