// Fields of valid definitions land in the right model classes.
#include <gtest/gtest.h>

#include "sfn/asl/model/states.h"
#include "sfn/asl/parse/parse_definition.h"

namespace sfn::asl {
namespace {

std::shared_ptr<const StateMachine> parse_ok(const std::string& text) {
  auto result = parse_definition(text);
  std::string diags;
  for (const auto& d : result.diagnostics)
    diags += d.code + " " + d.location + " " + d.message + "\n";
  EXPECT_TRUE(result.machine) << diags;
  return result.machine;
}

template <class T>
const T& state(const StateGraph& g, const std::string& name) {
  const State* s = g.find(name);
  EXPECT_NE(s, nullptr) << name;
  auto* typed = dynamic_cast<const T*>(s);
  EXPECT_NE(typed, nullptr) << name;
  return *typed;
}

TEST(Model, StateTypeNames) {
  EXPECT_STREQ(state_type_name(StateType::kTask), "Task");
  EXPECT_STREQ(state_type_name(StateType::kMap), "Map");
  EXPECT_STREQ(state_type_name(StateType::kSucceed), "Succeed");
}

TEST(Model, TopLevelFields) {
  auto m = parse_ok(R"({"Comment":"c","Version":"1.0","TimeoutSeconds":30,"StartAt":"A",
    "States":{"A":{"Type":"Pass","End":true}}})");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->graph.start_at, "A");
  EXPECT_EQ(m->graph.comment, "c");
  EXPECT_EQ(m->version, "1.0");
  EXPECT_EQ(m->timeout_seconds, 30);
  EXPECT_EQ(m->graph.query_language, QueryLanguage::kJsonPath);
  EXPECT_EQ(m->definition.at("StartAt"), "A");
}

TEST(Model, PassTaskWaitChoiceFail) {
  auto m = parse_ok(R"({"StartAt":"P","States":{
    "P":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.r","InputPath":null,"Next":"T"},
    "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":10,
         "HeartbeatSeconds":5,"Parameters":{"a.$":"$.x"},"ResultSelector":{"b.$":"$.y"},
         "Retry":[{"ErrorEquals":["States.Timeout"],"IntervalSeconds":2,"MaxAttempts":4,
                   "BackoffRate":1.5,"MaxDelaySeconds":10,"JitterStrategy":"FULL"},
                  {"ErrorEquals":["States.ALL"]}],
         "Catch":[{"ErrorEquals":["States.ALL"],"Next":"F","ResultPath":"$.err"}],
         "Next":"W"},
    "W":{"Type":"Wait","SecondsPath":"$.s","Next":"C"},
    "C":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":1,"Next":"S"}],
         "Default":"F"},
    "S":{"Type":"Succeed"},
    "F":{"Type":"Fail","Error":"E","CausePath":"$.c"}}})");
  ASSERT_TRUE(m);
  const auto& g = m->graph;
  EXPECT_EQ(g.order, (std::vector<std::string>{"P", "T", "W", "C", "S", "F"}));
  const auto& p = state<PassState>(g, "P");
  EXPECT_EQ(p.type, StateType::kPass);
  EXPECT_EQ(p.next, "T");
  EXPECT_EQ(p.result, Json::parse(R"({"x":1})"));
  EXPECT_EQ(p.result_path.kind, PathField::Kind::kPath);
  EXPECT_EQ(p.input_path.kind, PathField::Kind::kNull);
  EXPECT_EQ(p.output_path.kind, PathField::Kind::kDefault);

  const auto& t = state<TaskState>(g, "T");
  EXPECT_EQ(t.resource, "arn:aws:states:::lambda:invoke");
  EXPECT_EQ(t.timeout_seconds.literal, Json(10));
  EXPECT_EQ(t.heartbeat_seconds.literal, Json(5));
  EXPECT_TRUE(t.parameters);
  EXPECT_TRUE(t.result_selector);
  ASSERT_EQ(t.retry.size(), 2u);
  EXPECT_EQ(t.retry[0].interval_seconds, 2);
  EXPECT_EQ(t.retry[0].max_attempts, 4);
  EXPECT_EQ(t.retry[0].backoff_rate, 1.5);
  EXPECT_EQ(t.retry[0].max_delay_seconds, 10);
  EXPECT_EQ(t.retry[0].jitter, JitterStrategy::kFull);
  EXPECT_EQ(t.retry[1].max_attempts, 3);
  ASSERT_EQ(t.catchers.size(), 1u);
  EXPECT_EQ(t.catchers[0].next, "F");
  EXPECT_EQ(t.catchers[0].result_path.kind, PathField::Kind::kPath);

  const auto& w = state<WaitState>(g, "W");
  EXPECT_TRUE(w.seconds.path);
  EXPECT_FALSE(w.timestamp.present());

  const auto& c = state<ChoiceState>(g, "C");
  ASSERT_EQ(c.choices.size(), 1u);
  EXPECT_EQ(c.choices[0].next, "S");
  EXPECT_EQ(c.default_next, "F");
  Json input = Json::parse(R"({"x":1})"), ctx = Json::object();
  auto matched = c.choices[0].rule.evaluate({input, ctx, nullptr});
  ASSERT_TRUE(matched);
  EXPECT_TRUE(*matched);

  const auto& f = state<FailState>(g, "F");
  EXPECT_EQ(f.error.literal, Json("E"));
  EXPECT_TRUE(f.cause.path);
  EXPECT_TRUE(state<SucceedState>(g, "S").next == std::nullopt);
}

TEST(Model, ParallelAndMap) {
  auto m = parse_ok(R"({"StartAt":"Par","States":{
    "Par":{"Type":"Parallel","Branches":[
        {"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}},
        {"StartAt":"B2","States":{"B2":{"Type":"Succeed"}}}],"Next":"M"},
    "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ToleratedFailurePercentage":5,
         "ItemSelector":{"v.$":"$$.Map.Item.Value"},"Label":"L",
         "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                          "StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
         "End":true}}})");
  ASSERT_TRUE(m);
  const auto& par = state<ParallelState>(m->graph, "Par");
  ASSERT_EQ(par.branches.size(), 2u);
  EXPECT_EQ(par.branches[1]->start_at, "B2");
  const auto& map = state<MapState>(m->graph, "M");
  ASSERT_TRUE(map.item_processor);
  EXPECT_EQ(map.item_processor->start_at, "I");
  EXPECT_EQ(map.processor_mode, "DISTRIBUTED");
  EXPECT_EQ(map.execution_type, "EXPRESS");
  EXPECT_TRUE(map.items_path);
  EXPECT_EQ(map.max_concurrency.literal, Json(2));
  EXPECT_EQ(map.tolerated_failure_percentage.literal, Json(5));
  EXPECT_TRUE(map.parameters);
  EXPECT_EQ(map.label, "L");
}

TEST(Model, LegacyIteratorAndQueryLanguage) {
  auto m = parse_ok(R"({"StartAt":"M","States":{
    "M":{"Type":"Map","Iterator":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
         "Parameters":{"x.$":"$"},"Next":"J"},
    "J":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"a":1},"End":true}}})");
  ASSERT_TRUE(m);
  EXPECT_TRUE(state<MapState>(m->graph, "M").item_processor);
  EXPECT_EQ(state<MapState>(m->graph, "M").processor_mode, "INLINE");
  const auto& j = state<PassState>(m->graph, "J");
  EXPECT_EQ(j.query_language, QueryLanguage::kJsonata);
  EXPECT_TRUE(j.output);
}

TEST(Model, InvalidDefinitionMessage) {
  std::vector<Diagnostic> diags = {
      {"ERROR", "MISSING_TRANSITION_TARGET", "Missing 'Next' target: B", "/States/A/Next"},
      {"WARNING", "NO_DOLLAR", "w", "/States/A"},
      {"ERROR", "SCHEMA_VALIDATION_FAILED", "Field 'X' is not supported", "/States/A"}};
  EXPECT_EQ(
      invalid_definition_message(diags),
      "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at "
      "/States/A/Next', 'SCHEMA_VALIDATION_FAILED: Field 'X' is not supported at /States/A'");
}

}  // namespace
}  // namespace sfn::asl
