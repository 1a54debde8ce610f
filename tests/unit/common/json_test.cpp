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

TEST(Json, ParseKeepsOrderAndTypesOfManyKeys) {
  std::string text = "{";
  for (int i = 0; i < 2'000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  text += R"(,"f":1.5,"u":18446744073709551615,"n":-3,"s":"x","b":true,"z":null,"a":[1,{"q":[]}]})";
  Json j = parse_json_or_discarded(text);
  ASSERT_TRUE(j.is_object());
  ASSERT_EQ(j.size(), 2'007u);
  EXPECT_EQ(j.begin().key(), "k0");
  EXPECT_EQ(j["k1999"], 1999);
  EXPECT_TRUE(j["f"].is_number_float());
  EXPECT_TRUE(j["u"].is_number_unsigned());
  EXPECT_TRUE(j["n"].is_number_integer());
  EXPECT_EQ(dump_compact(j["a"]), R"([1,{"q":[]}])");
  EXPECT_EQ(j, Json::parse(text)) << "the same value as nlohmann's own parser";
}

TEST(Json, DuplicateKeysKeepTheFirstPositionAndTheLastValue) {
  for (int keys : {3, 40}) {  // below and above the size where objects get a hash index
    std::string text = "{";
    for (int i = 0; i < keys; ++i) text += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    text += R"("k1":"again","k0":"last"})";
    Json ours = parse_json_or_discarded(text);
    EXPECT_EQ(ours, Json::parse(text)) << keys;
    EXPECT_EQ(ours.begin().value(), "last");
    EXPECT_EQ(ours.size(), static_cast<std::size_t>(keys));
  }
}

TEST(Json, SyntaxErrorsAreReportedWithoutBuildingAValue) {
  EXPECT_FALSE(json_syntax_error(R"({"a":[1,2]})").has_value());
  auto error = json_syntax_error(R"({"a":tru})");
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->message.find("parse error"), std::string::npos) << error->message;
  EXPECT_TRUE(json_syntax_error("{} x").has_value()) << "trailing text";
  EXPECT_TRUE(parse_json_or_discarded("{} x").is_discarded());
}

TEST(Json, DepthMessageIsJacksons) {
  EXPECT_EQ(json_depth_message(1001),
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from "
            "`StreamReadConstraints.getMaxNestingDepth()`)");
}

}  // namespace
}  // namespace sfn
