// Hostile input (issue 9: "nothing crashes it, nothing hangs it"): regular expressions over long
// strings or with catastrophic backtracking, and deep scans whose matches copy a deeply nested
// document many times over. Each must end in a result or a States.Runtime error, in bounded time
// and memory.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "sfn/expr/jsonpath/path.h"
#include "sfn/expr/jsonpath/resolve.h"

namespace sfn::jsonpath {
namespace {

Json select(std::string_view text, const Json& doc) {
  auto path = Path::parse(text);
  EXPECT_TRUE(path.has_value()) << path.error();
  if (!path) return nullptr;
  auto value = path->evaluate(doc);
  return value ? *value : Json();
}

TEST(JsonPathHostile, RegexOverALongStringDoesNotExhaustTheStack) {
  // The finding: std::regex recursed once per character and crashed with SIGSEGV.
  const Json doc = Json::array({{{"s", std::string(100'000, 'a') + "b"}}, {{"s", "ab!"}}});
  EXPECT_EQ(select("$[?(@.s =~ /a.*b/)].s", doc).size(), 1u);
  EXPECT_EQ(select("$[?(@.s =~ /a.*c/)]", doc), Json::array());
}

TEST(JsonPathHostile, CatastrophicBacktrackingRunsInLinearTime) {
  // /(a+)+$/ against "aaa...a!" backtracks 2^36 times in a backtracking engine.
  const auto start = std::chrono::steady_clock::now();
  const Json doc = Json::array({{{"s", std::string(36, 'a') + "!"}}});
  EXPECT_EQ(select("$[?(@.s =~ /(a+)+$/)]", doc), Json::array());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// An object nested `depth` deep ({"n": {"n": ...}}) whose innermost object holds `leaves` short
// strings: about 27 KB of JSON for (1000, 4000).
Json deep_document(std::size_t depth, std::size_t leaves) {
  Json doc = Json::object();
  Json* cur = &doc;
  for (std::size_t i = 1; i < depth; ++i) {
    (*cur)["n"] = Json::object();
    cur = &(*cur)["n"];
  }
  Json list = Json::array();
  for (std::size_t i = 0; i < leaves; ++i) list.push_back("ab");
  (*cur)["leaves"] = std::move(list);
  return doc;
}

TEST(JsonPathHostile, DeepScanCopyingTooMuchIsARuntimeErrorNotGigabytes) {
  // The finding: `$..*` over a 27 KB deeply nested object built 2.9 GB of copies (every match
  // is a copy of its subtree, and each leaf sits in a thousand subtrees).
  const Json doc = deep_document(1000, 4000);
  EXPECT_LT(dump_compact(doc).size(), 30'000u);
  auto path = Path::parse("$..*");
  ASSERT_TRUE(path.has_value());
  const Json context = Json::object();
  auto value = resolve(*path, {doc, context, nullptr, "InputPath"});
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(value.error().error, "States.Runtime");
  EXPECT_EQ(value.error().cause,
            "The JSONPath '$..*' specified for the field 'InputPath' selects more than 64 MiB of "
            "data (each match is a copy of its subtree)");
  EXPECT_THROW(path->evaluate(doc), SelectionTooLarge);
}

TEST(JsonPathHostile, FilterCopyingPerNodeStopsAtTheBudget) {
  // a filter runs its paths once per node it tests: here the matches of @..leaves, a copy of
  // the 4,000 strings for each of the 1,000 levels
  const Json doc = deep_document(1000, 4000);
  auto path = Path::parse("$..[?(@..leaves)]");
  ASSERT_TRUE(path.has_value());
  auto value = path->evaluate_bounded(doc, 1 << 20);  // 1 MiB: the default takes 64 times as long
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(value.error(), "selects more than 1 MiB of data (each match is a copy of its subtree)");
}

TEST(JsonPathHostile, FilterComparingWithTheWholeDocumentCopiesNothing) {
  const Json doc = deep_document(1000, 4000);
  auto path = Path::parse("$..[?(@ == $)].leaves");
  ASSERT_TRUE(path.has_value());
  auto value = path->evaluate_bounded(doc);
  ASSERT_TRUE(value.has_value()) << value.error();
  EXPECT_EQ(**value, Json::array());  // only the root equals the root, and it has no leaves
}

TEST(JsonPathHostile, DeepScanOfAnOrdinaryDocumentIsUnaffected) {
  const Json doc = deep_document(20, 100);
  auto path = Path::parse("$..*");
  ASSERT_TRUE(path.has_value());
  const Json context = Json::object();
  auto value = resolve(*path, {doc, context, nullptr, "InputPath"});
  ASSERT_TRUE(value.has_value()) << value.error().cause;
  EXPECT_EQ(value->size(), 20u + 100u);
}

std::string repeat(std::string_view part, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += part;
  return out;
}

// Found by fuzz_jsonpath: the recursive-descent filter parser recursed once per "(" or "!" and a
// 20 KB path in a definition overflowed the stack. Deep nesting is now a parse error.
TEST(JsonPathHostile, DeeplyNestedFiltersAreRefusedNotAStackOverflow) {
  const std::string refused[] = {
      "$[?(" + repeat("(", 10'000) + "@.a" + repeat(")", 10'000) + ")]",
      "$[?(" + repeat("!", 50'000) + "@.a)]",
      "$[?(@.a" + repeat(" && @.a", 10'000) + ")]",
      "$[?(@.a" + repeat(" || @.a", 10'000) + ")]",
      "$" + repeat("[?(@", 40) + repeat(")]", 40),
  };
  for (const auto& text : refused) {
    auto path = Path::parse(text);
    ASSERT_FALSE(path.has_value()) << text.substr(0, 60);
    EXPECT_NE(path.error().find("nested"), std::string::npos) << path.error();
  }
}

TEST(JsonPathHostile, OrdinaryNestingStillParsesAfterRefusals) {
  // The filter-in-filter limit was a thread-local counter that a failed parse left raised.
  for (int i = 0; i < 40; ++i) {
    EXPECT_FALSE(Path::parse("$" + repeat("[?(@", 20) + "[" + repeat(")]", 20)).has_value());
  }
  const Json doc = Json::array({{{"a", 1}, {"b", Json::array({{{"c", 2}}})}}, {{"a", 2}}});
  EXPECT_EQ(select("$[?(((@.a == 1)) && !(@.a == 2) || (@.b[?(@.c == 2)]))].a", doc),
            Json::array({1}));
  EXPECT_EQ(select("$[?(" + repeat("(", 150) + "@.a == 2" + repeat(")", 150) + ")].a", doc),
            Json::array({2}));
}

}  // namespace
}  // namespace sfn::jsonpath
