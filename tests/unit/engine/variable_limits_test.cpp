// Workflow variable quotas: a single variable holds at most 256 KiB, one Assign field sets at
// most 256 KiB in all, and an execution stores at most 10 MiB of variables. Exceeding one fails
// the state with States.Runtime and a cause naming the quota.
#include <string>

#include "engine_fixture.h"

namespace sfn::engine::testing {
namespace {

// A JSONata Pass state assigning `assign` (name -> expression) and going to `next`.
Json pass_assigning(const Json& assign, const std::string& next = "") {
  Json s = {{"Type", "Pass"}, {"Assign", assign}};
  if (next.empty())
    s["End"] = true;
  else
    s["Next"] = next;
  return s;
}

// A string of `n` x characters, built by JSONata at run time.
std::string pad(int n) { return "{% $pad('', " + std::to_string(n) + ", 'x') %}"; }

Json machine(const Json& states, const std::string& start) {
  return Json{{"QueryLanguage", "JSONata"}, {"StartAt", start}, {"States", states}};
}

class VariableLimitsTest : public EngineFixture {
 protected:
  void SetUp() override { start_runtime({}); }
};

TEST_F(VariableLimitsTest, AVariableJustUnder256KiBIsAccepted) {
  auto r = run(machine({{"A", pass_assigning({{"v", pad(256 * 1024 - 2)}})}}, "A"), Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
}

TEST_F(VariableLimitsTest, AVariableOver256KiBFailsTheState) {
  auto r = run(machine({{"A", pass_assigning({{"v", pad(256 * 1024)}})}}, "A"), Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_NE(r->cause->find("'A'"), std::string::npos) << *r->cause;
  EXPECT_NE(r->cause->find("variable 'v' has a size of 262146 bytes"), std::string::npos)
      << *r->cause;
}

TEST_F(VariableLimitsTest, OneAssignFieldSetsAtMost256KiB) {
  auto r = run(machine({{"A", pass_assigning({{"a", pad(140'000)}, {"b", pad(140'000)}})}}, "A"),
               Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_NE(r->cause->find("combined size of 280004 bytes"), std::string::npos) << *r->cause;
}

// JSONPath mode: each state stores the input's string in `name`.
Json jsonpath_chain(int n, bool same_name) {
  Json states = Json::object();
  for (int i = 0; i < n; ++i) {
    std::string name = same_name ? "v" : "v" + std::to_string(i);
    Json s = {{"Type", "Pass"}, {"Assign", {{name + ".$", "$.big"}}}};
    if (i + 1 < n)
      s["Next"] = "S" + std::to_string(i + 1);
    else
      s["End"] = true;
    states["S" + std::to_string(i)] = s;
  }
  return Json{{"StartAt", "S0"}, {"States", states}};
}

// The 10 MiB execution quota is exercised at a scale of 1/1024 (10 KiB, variables of 252
// bytes: 41 of them pass it) to keep the test fast under sanitizers; the defaults are AWS's.
class ExecutionVariableQuotaTest : public EngineFixture {
 protected:
  void SetUp() override {
    RuntimeOptions options;
    options.variable_quotas = VariableQuotas{256, 256, 10 * 1024};
    start_runtime(options);
  }
  Json input() const { return Json{{"big", std::string(250, 'x')}}; }  // 252 bytes as JSON
};

TEST(VariableQuotas, DefaultsAreAwsQuotas) {
  VariableQuotas q;
  EXPECT_EQ(q.per_variable, 262'144u);
  EXPECT_EQ(q.per_assign, 262'144u);
  EXPECT_EQ(q.per_execution, 10'485'760u);
}

TEST_F(ExecutionVariableQuotaTest, AnExecutionStoresAtMostItsQuotaOfVariables) {
  auto r = run(jsonpath_chain(40, false), input());  // 40 x 252 = 10,080 bytes: fits
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
  r = run(jsonpath_chain(41, false), input());  // 41 x 252 = 10,332 bytes: the 41st fails
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_NE(r->cause->find("'S40'"), std::string::npos) << *r->cause;
  EXPECT_NE(r->cause->find("combined size of 10332 bytes, which exceeds the maximum of 10240"),
            std::string::npos)
      << *r->cause;
}

TEST_F(ExecutionVariableQuotaTest, ReassigningAVariableReplacesItsSize) {
  auto r = run(jsonpath_chain(60, true), input());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
}

}  // namespace
}  // namespace sfn::engine::testing
