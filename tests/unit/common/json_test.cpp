#include "sfn/common/json.h"

#include <gtest/gtest.h>

namespace sfn {
namespace {

TEST(Json, KeepsInsertionOrderAndDumpsCompact) {
  Json j = Json::object();
  j["b"] = 1;
  j["a"] = "x";
  EXPECT_EQ(dump_compact(j), R"({"b":1,"a":"x"})");
}

TEST(Json, ParseFailureIsDiscarded) {
  EXPECT_TRUE(parse_json_or_discarded("{").is_discarded());
  EXPECT_EQ(parse_json_or_discarded("[1]").size(), 1u);
}

TEST(Json, TextDepthIgnoresBracketsInStrings) {
  EXPECT_EQ(json_text_depth("1"), 0u);
  EXPECT_EQ(json_text_depth(R"({"a":[1,{"b":"[[[{{"}]})"), 3u);
  EXPECT_EQ(json_text_depth(R"(["\"[[", []])"), 2u);
}

TEST(Json, TooDeepTextIsDiscardedWithoutRecursion) {
  const std::string at_limit = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_FALSE(parse_json_or_discarded(at_limit).is_discarded());
  // The finding: a 100,000-deep array (200 KB) crashed the server with SIGSEGV.
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_TRUE(parse_json_or_discarded(deep).is_discarded());
}

TEST(Json, ValueDepthStopsEarly) {
  EXPECT_EQ(json_value_depth(Json(1)), 0u);
  EXPECT_EQ(json_value_depth(Json::parse(R"({"a":[[1]],"b":{}})")), 3u);
  Json v = Json::array();
  for (int i = 0; i < 20; ++i) v = Json::array({v});
  EXPECT_EQ(json_value_depth(v, 5), 6u);
  EXPECT_EQ(json_value_depth(v), 21u);
}

TEST(Json, DepthMessageIsJacksons) {
  EXPECT_EQ(json_depth_message(1001),
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from "
            "`StreamReadConstraints.getMaxNestingDepth()`)");
}

}  // namespace
}  // namespace sfn
