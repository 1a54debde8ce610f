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

}  // namespace
}  // namespace sfn
