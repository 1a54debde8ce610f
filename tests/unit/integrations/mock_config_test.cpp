// Data-driven mock-config cases: tests/unit/integrations/data/mock_configs.json holds
// {"cases": [{"name",
//   the document: "config" (a JSON value), "config_text" (raw text), or "return_nesting": N
//     (a valid config whose one Return value is N arrays deep, built here),
//   "valid": true, or "errors": [substrings the error must contain] and "absent": [substrings it
//     must not contain],
//   "state_machines": N (how many the config defines), "has": [names], "has_not": [names],
//   "lookups": [{"machine", "test_case", "state", "invocation",
//                "return": value | "throw": {"Error", "Cause"} | "no_test_case" | "no_state"}]}]}.
#include "sfn/integrations/mock_config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/data_cases.h"

namespace sfn::integrations {
namespace {

std::string document_text(const Json& tc) {
  if (tc.contains("config_text")) return tc.at("config_text").get<std::string>();
  if (tc.contains("return_nesting")) {
    const auto n = tc.at("return_nesting").get<std::size_t>();
    return R"({"MockedResponses":{"Deep":{"0":{"Return":)" + std::string(n, '[') +
           std::string(n, ']') + "}}}}";
  }
  return dump_compact(tc.at("config"));
}

void check_lookup(const MockConfig& config, const Json& lookup) {
  SCOPED_TRACE(lookup.dump());
  const MockTestCase* test_case = config.test_case(lookup.at("machine").get<std::string>(),
                                                   lookup.at("test_case").get<std::string>());
  if (lookup.value("no_test_case", false)) {
    EXPECT_EQ(test_case, nullptr);
    return;
  }
  ASSERT_NE(test_case, nullptr);
  EXPECT_EQ(test_case->name, lookup.at("test_case").get<std::string>());
  const MockedResponse* response = test_case->find(lookup.at("state").get<std::string>());
  if (lookup.value("no_state", false)) {
    EXPECT_EQ(response, nullptr);
    return;
  }
  ASSERT_NE(response, nullptr);
  const MockAnswer& answer = response->answer(lookup.at("invocation").get<std::uint64_t>());
  if (lookup.contains("return")) {
    EXPECT_FALSE(answer.throws);
    EXPECT_EQ(dump_compact(answer.result), dump_compact(lookup.at("return")));
  } else {
    const Json& thrown = lookup.at("throw");
    EXPECT_TRUE(answer.throws);
    EXPECT_EQ(answer.error, thrown.at("Error").get<std::string>());
    EXPECT_EQ(answer.cause, thrown.value("Cause", ""));
  }
}

void run_case(const Json& tc) {
  auto config = parse_mock_config(document_text(tc));
  if (tc.value("valid", false)) {
    ASSERT_TRUE(config.has_value()) << "expected valid, got:\n" << config.error();
    ASSERT_NE(*config, nullptr);
  } else {
    ASSERT_FALSE(config.has_value()) << "expected errors " << tc.at("errors").dump();
    for (const auto& want : tc.at("errors")) {
      EXPECT_NE(config.error().find(want.get<std::string>()), std::string::npos)
          << "missing " << want << " in:\n"
          << config.error();
    }
    for (const auto& unwanted : tc.value("absent", Json::array())) {
      EXPECT_EQ(config.error().find(unwanted.get<std::string>()), std::string::npos)
          << "unexpected " << unwanted << " in:\n"
          << config.error();
    }
    return;
  }
  const MockConfig& c = **config;
  if (tc.contains("state_machines")) {
    EXPECT_EQ(c.state_machine_count(), tc.at("state_machines").get<std::size_t>());
  }
  for (const auto& name : tc.value("has", Json::array())) {
    EXPECT_TRUE(c.has_state_machine(name.get<std::string>())) << name;
  }
  for (const auto& name : tc.value("has_not", Json::array())) {
    EXPECT_FALSE(c.has_state_machine(name.get<std::string>())) << name;
  }
  for (const auto& lookup : tc.value("lookups", Json::array())) check_lookup(c, lookup);
}

const bool registered = [] {
  test_cases::register_data_cases("integrations", run_case);
  return true;
}();

// What the data cases cannot say: identity of the shared responses, and the answer of a
// response built (against its contract) with no ranges.
TEST(MockConfig, TestCasesNamingOneResponseShareIt) {
  auto config = parse_mock_config(R"({
    "StateMachines": {
      "A": {"TestCases": {"One": {"S": "R", "T": "R"}, "Two": {"S": "R", "U": "Q"}}},
      "B": {"TestCases": {"Three": {"X": "R"}}}},
    "MockedResponses": {"R": {"0": {"Return": 1}}, "Q": {"0": {"Return": 2}}}})");
  ASSERT_TRUE(config.has_value()) << config.error();
  const MockConfig& c = **config;
  const MockTestCase* one = c.test_case("A", "One");
  const MockTestCase* two = c.test_case("A", "Two");
  const MockTestCase* three = c.test_case("B", "Three");
  ASSERT_TRUE(one && two && three);
  EXPECT_EQ(one->states.at("S"), one->states.at("T"));
  EXPECT_EQ(one->states.at("S"), two->states.at("S"));
  EXPECT_EQ(one->states.at("S"), three->states.at("X"));
  EXPECT_NE(two->states.at("S"), two->states.at("U"));
  EXPECT_EQ(one->find("S"), one->states.at("S").get());
}

TEST(MockConfig, EmptyResponseAnswersNothing) {
  const MockedResponse empty({});
  EXPECT_FALSE(empty.answer(0).throws);
  EXPECT_TRUE(empty.answer(7).result.is_null());
}

TEST(MockConfig, ErrorsAreListedOnePerLineAndBounded) {
  std::string text = R"({"MockedResponses": {)";
  for (int i = 0; i < 50; ++i)
    text += (i ? "," : "") + std::string("\"R") + std::to_string(i) + "\": 1";
  text += "}}";
  auto config = parse_mock_config(text);
  ASSERT_FALSE(config.has_value());
  EXPECT_EQ(std::count(config.error().begin(), config.error().end(), '\n'), 20);
  EXPECT_NE(config.error().find("... and 30 more problem(s)"), std::string::npos) << config.error();
}

}  // namespace
}  // namespace sfn::integrations
