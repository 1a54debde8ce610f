// The immutable model of a parsed, validated state machine definition. Built once by
// asl::parse_definition at CreateStateMachine/UpdateStateMachine; read-only afterwards.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sfn/asl/model/state.h"

namespace sfn::asl {

// A set of states with a start state: the top-level machine, a Parallel branch, or a Map
// ItemProcessor/Iterator.
struct StateGraph {
  std::string start_at;
  std::string comment;
  QueryLanguage query_language = QueryLanguage::kJsonPath;
  std::map<std::string, std::unique_ptr<State>, std::less<>> states;
  std::vector<std::string> order;  // state names in definition order

  const State* find(std::string_view name) const {
    auto it = states.find(name);
    return it == states.end() ? nullptr : it->second.get();
  }
};

struct StateMachine {
  StateGraph graph;
  std::optional<std::int64_t> timeout_seconds;  // top-level TimeoutSeconds
  std::string version;                          // "Version" field, if any
  Json definition;                              // the definition as given (for describe)
};

}  // namespace sfn::asl
