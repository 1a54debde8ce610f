// The base of every state: the fields the States Language shares across state types, and
// the state type tag. The concrete states, one class per state type, are in states.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sfn/asl/model/fields.h"

namespace sfn::asl {

enum class StateType { kTask, kPass, kChoice, kWait, kSucceed, kFail, kParallel, kMap };

// "Task", "Pass", ... as in the definition and in history event names (TaskStateEntered).
const char* state_type_name(StateType type);

class State {
 public:
  virtual ~State() = default;

  std::string name;
  StateType type = StateType::kPass;
  QueryLanguage query_language = QueryLanguage::kJsonPath;  // effective (state or top level)
  std::string comment;

  // Transition: exactly one of next / end for non-terminal states (Choice uses its rules).
  std::optional<std::string> next;
  bool end = false;

  // JSONPath-mode data flow (absent fields keep their defaults).
  PathField input_path;
  PathField output_path;
  PathField result_path;
  std::optional<payload::PayloadTemplate> parameters;       // Parameters / ItemSelector
  std::optional<payload::PayloadTemplate> result_selector;  // ResultSelector

  // JSONata-mode data flow.
  std::optional<payload::PayloadTemplate> arguments;  // Arguments
  std::optional<payload::PayloadTemplate> output;     // Output

  // Variables (both modes).
  std::optional<payload::PayloadTemplate> assign;

  // Error handling (Task, Parallel, Map only).
  std::vector<Retrier> retry;
  std::vector<Catcher> catchers;

 protected:
  State() = default;
};

}  // namespace sfn::asl
