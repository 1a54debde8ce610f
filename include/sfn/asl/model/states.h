// One class per state type (States Language, "State Types"). Each adds only its own fields.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sfn/asl/model/state.h"
#include "sfn/asl/model/task_resource.h"
#include "sfn/expr/choice/rule.h"

namespace sfn::asl {

struct StateGraph;

// "The Pass State passes its input to its output, without performing work." Result, if
// present, is treated as the output of a virtual task.
class PassState : public State {
 public:
  PassState() { type = StateType::kPass; }
  std::optional<Json> result;
};

// "A Task State causes the interpreter to execute the work identified by the state's Resource
// field."
class TaskState : public State {
 public:
  TaskState() { type = StateType::kTask; }
  std::string resource;            // as written
  TaskResource typed_resource;     // parsed once (valid when the definition is)
  DynamicValue timeout_seconds;    // TimeoutSeconds | TimeoutSecondsPath | JSONata
  DynamicValue heartbeat_seconds;  // HeartbeatSeconds | HeartbeatSecondsPath | JSONata
  std::optional<Json> credentials;
};

// One entry of Choices[]: a rule and where it leads.
struct ChoiceBranch {
  choice::Rule rule;
  std::string next;
  std::optional<payload::PayloadTemplate> assign;  // per-rule Assign
  std::optional<payload::PayloadTemplate> output;  // per-rule Output (JSONata)
};

// "A Choice state adds branching logic to a state machine."
class ChoiceState : public State {
 public:
  ChoiceState() { type = StateType::kChoice; }
  std::vector<ChoiceBranch> choices;
  std::optional<std::string> default_next;
};

// "A Wait state causes the interpreter to delay the machine from continuing for a specified
// time." Exactly one of seconds (Seconds/SecondsPath/JSONata) or timestamp.
class WaitState : public State {
 public:
  WaitState() { type = StateType::kWait; }
  DynamicValue seconds;
  DynamicValue timestamp;
};

// "The Succeed State terminates a state machine successfully."
class SucceedState : public State {
 public:
  SucceedState() { type = StateType::kSucceed; }
};

// "The Fail State terminates the machine and marks it as a failure."
class FailState : public State {
 public:
  FailState() { type = StateType::kFail; }
  DynamicValue error;  // Error | ErrorPath | JSONata
  DynamicValue cause;  // Cause | CausePath | JSONata
};

// "The Parallel State causes parallel execution of branches."
class ParallelState : public State {
 public:
  ParallelState() { type = StateType::kParallel; }
  std::vector<std::shared_ptr<const StateGraph>> branches;
};

// "The Map State causes the interpreter to process all the elements of an array."
class MapState : public State {
 public:
  MapState() { type = StateType::kMap; }
  std::shared_ptr<const StateGraph> item_processor;  // ItemProcessor or legacy Iterator
  std::string processor_mode = "INLINE";             // ProcessorConfig.Mode
  std::string execution_type;                        // ProcessorConfig.ExecutionType
  std::optional<jsonpath::Path> items_path;          // ItemsPath (JSONPath mode)
  std::optional<payload::PayloadTemplate> items;     // Items (JSONata mode)
  std::string items_expression;                      // Items' JSONata text, for error causes
  // ItemSelector (or legacy Parameters) is State::parameters.
  DynamicValue max_concurrency;  // MaxConcurrency | MaxConcurrencyPath | JSONata
  std::string label;
  DynamicValue tolerated_failure_percentage;
  DynamicValue tolerated_failure_count;
  std::optional<Json> item_reader;   // accepted, run later
  std::optional<Json> item_batcher;  // accepted, run later
  std::optional<Json> result_writer;
};

}  // namespace sfn::asl
