// Definition limits: state names of 1..80 Unicode characters, unique in the whole machine, and a
// bounded nesting depth of Parallel branches / Map processors (deeper definitions are rejected
// with a diagnostic instead of exhausting the parser's stack).
#include <gtest/gtest.h>

#include <string>

#include "sfn/asl/parse/parse_definition.h"
#include "sfn/common/json.h"

namespace sfn::asl {
namespace {

std::string single_pass(const std::string& name) {
  Json d = {{"StartAt", name}, {"States", {{name, {{"Type", "Pass"}, {"End", true}}}}}};
  return dump_compact(d);
}

bool has(const ParseResult& r, const std::string& code, const std::string& text) {
  for (const auto& d : r.diagnostics)
    if (d.code == code && d.message.find(text) != std::string::npos) return true;
  return false;
}

// `depth` Parallel states, each the single branch of the one around it.
std::string nested_parallels(int depth) {
  Json graph = {{"StartAt", "Leaf"}, {"States", {{"Leaf", {{"Type", "Pass"}, {"End", true}}}}}};
  for (int i = 0; i < depth; ++i) {
    std::string name = "P" + std::to_string(i);
    graph =
        Json{{"StartAt", name},
             {"States",
              {{name, {{"Type", "Parallel"}, {"End", true}, {"Branches", Json::array({graph})}}}}}};
  }
  return dump_compact(graph);
}

TEST(DefinitionLimits, StateNameOf80CharactersIsAccepted) {
  EXPECT_TRUE(parse_definition(single_pass(std::string(80, 'a'))).machine);
}

TEST(DefinitionLimits, StateNameLengthCountsUnicodeCharactersNotBytes) {
  std::string name;
  for (int i = 0; i < 80; ++i) name += "\xC3\xA9";  // é: 2 bytes, 1 character
  EXPECT_TRUE(parse_definition(single_pass(name)).machine);
}

TEST(DefinitionLimits, StateNameOf81CharactersIsRejected) {
  auto r = parse_definition(single_pass(std::string(81, 'a')));
  EXPECT_FALSE(r.machine);
  EXPECT_TRUE(has(r, "INVALID_STATE_NAME", "must be between 1 and 80 characters long"));
}

TEST(DefinitionLimits, EmptyStateNameIsRejected) {
  auto r = parse_definition(R"({"StartAt":"","States":{"":{"Type":"Pass","End":true}}})");
  EXPECT_FALSE(r.machine);
  EXPECT_TRUE(has(r, "INVALID_STATE_NAME", "must be between 1 and 80 characters long"));
}

TEST(DefinitionLimits, StateNamesAreUniqueAcrossBranches) {
  auto r = parse_definition(R"({"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,
    "Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}},
                {"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}]}}})");
  EXPECT_FALSE(r.machine);
  EXPECT_TRUE(has(r, "DUPLICATE_STATE_NAME", "Duplicate State name: X"));
}

TEST(DefinitionLimits, ModeratelyNestedParallelsAreAccepted) {
  auto r = parse_definition(nested_parallels(20));
  EXPECT_TRUE(r.machine) << invalid_definition_message(r.diagnostics);
}

TEST(DefinitionLimits, JsonNestedTooDeeplyIsRejectedWithJacksonsMessage) {
  // The finding: a Pass state's Result nested 100,000 deep was reported as "Invalid JSON".
  const std::string result = std::string(100'000, '[') + std::string(100'000, ']');
  auto r = parse_definition(R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Result":)" +
                            result + "}}}");
  EXPECT_FALSE(r.machine);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].code, "INVALID_JSON_DESCRIPTION");
  EXPECT_EQ(r.diagnostics[0].message, json_depth_message(kMaxJsonDepth + 1));
}

TEST(DefinitionLimits, ResultAsDeepAsTheJsonLimitAllowsIsAccepted) {
  // three levels are the definition's own: {"States":{"P":{"Result":
  const std::size_t depth = kMaxJsonDepth - 3;
  const std::string result = std::string(depth, '[') + std::string(depth, ']');
  auto r = parse_definition(R"({"StartAt":"P","States":{"P":{"Type":"Pass","End":true,"Result":)" +
                            result + "}}}");
  EXPECT_TRUE(r.machine) << invalid_definition_message(r.diagnostics);
}

TEST(DefinitionLimits, ExcessiveNestingIsRejectedWithoutCrashing) {
  auto r = parse_definition(nested_parallels(200));
  EXPECT_FALSE(r.machine);
  EXPECT_TRUE(has(r, "TOO_DEEPLY_NESTED", "too deeply nested"));
}

}  // namespace
}  // namespace sfn::asl
