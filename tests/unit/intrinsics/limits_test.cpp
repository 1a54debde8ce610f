// What data files can't express: arguments too large or too deep to write down in a case file.
#include <gtest/gtest.h>

#include <string>

#include "sfn/expr/intrinsics/call.h"

namespace sfn::intrinsics {
namespace {

TEST(IntrinsicLimits, StringToJsonOfTextNestedTooDeeplyFailsNamingTheDepth) {
  // The finding: 100,000 nested arrays (200 KB of text) crashed the server with SIGSEGV, or
  // failed with the whole text as the cause.
  const Json input = {{"s", std::string(100'000, '[') + std::string(100'000, ']')}};
  const Json context = Json::object();
  auto call = Call::parse("States.StringToJson($.s)");
  ASSERT_TRUE(call.has_value()) << call.error();
  auto value = call->evaluate({input, context});
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(value.error().error, "States.IntrinsicFailure");
  EXPECT_NE(value.error().cause.find(json_depth_message(kMaxJsonDepth + 1)), std::string::npos)
      << value.error().cause.substr(0, 300);
  EXPECT_LT(value.error().cause.size(), 500u);
}

TEST(IntrinsicLimits, StringToJsonAtTheDepthLimitSucceeds) {
  const Json input = {{"s", std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']')}};
  const Json context = Json::object();
  auto call = Call::parse("States.StringToJson($.s)");
  ASSERT_TRUE(call.has_value()) << call.error();
  auto value = call->evaluate({input, context});
  ASSERT_TRUE(value.has_value()) << value.error().cause.substr(0, 300);
  EXPECT_EQ(json_value_depth(*value), kMaxJsonDepth);
}

}  // namespace
}  // namespace sfn::intrinsics
