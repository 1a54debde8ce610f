// "The value of the "Next" field MUST exactly and case-sensitively match the name of another
// state." "The interpreter starts running the machine at the named state [StartAt]." A state
// that no transition reaches is an error, as is a machine without a terminal state.
// (States Language, "Transitions"; AWS codes MISSING_TRANSITION_TARGET / MISSING_END_STATE.)
#include "asl/validate/graph_checks.h"

#include <deque>
#include <vector>

#include "sfn/asl/model/states.h"

namespace sfn::asl::detail {

namespace {

struct Edge {
  std::string target;
  std::string location;
};

std::vector<Edge> edges_of(const State& s, const std::string& loc) {
  std::vector<Edge> out;
  if (s.next) out.push_back({*s.next, child_location(loc, "Next")});
  if (s.type == StateType::kChoice) {
    const auto& c = static_cast<const ChoiceState&>(s);
    for (std::size_t i = 0; i < c.choices.size(); ++i) {
      out.push_back({c.choices[i].next,
                     child_location(index_location(child_location(loc, "Choices"), i), "Next")});
    }
    if (c.default_next) out.push_back({*c.default_next, child_location(loc, "Default")});
  }
  for (std::size_t i = 0; i < s.catchers.size(); ++i) {
    out.push_back({s.catchers[i].next,
                   child_location(index_location(child_location(loc, "Catch"), i), "Next")});
  }
  return out;
}

bool is_terminal(const State& s) {
  return s.end || s.type == StateType::kSucceed || s.type == StateType::kFail;
}

}  // namespace

void check_graph(const StateGraph& graph, const std::string& location,
                 const std::set<std::string, std::less<>>& declared, bool complete,
                 Diagnostics& diags) {
  if (!graph.start_at.empty() || declared.size() > 0) {
    if (!declared.empty() && !declared.count(graph.start_at)) {
      diags.error(kMissingTransitionTarget, "Missing 'Next' target: " + graph.start_at,
                  child_location(location, "StartAt"));
    }
  }
  const std::string states_loc = child_location(location, "States");
  bool targets_ok = true;
  for (const auto& name : graph.order) {
    const State& s = *graph.states.at(name);
    for (const auto& e : edges_of(s, child_location(states_loc, name))) {
      if (e.target.empty()) continue;  // a missing/invalid Next was already reported
      if (!declared.count(e.target)) {
        diags.error(kMissingTransitionTarget, "Missing 'Next' target: " + e.target, e.location);
        targets_ok = false;
      }
    }
  }
  if (!complete || !targets_ok || !graph.find(graph.start_at)) return;

  // Reachability from StartAt.
  std::set<std::string, std::less<>> seen{graph.start_at};
  std::deque<std::string> queue{graph.start_at};
  while (!queue.empty()) {
    const State* s = graph.find(queue.front());
    queue.pop_front();
    if (!s) continue;
    for (const auto& e : edges_of(*s, "")) {
      if (seen.insert(e.target).second) queue.push_back(e.target);
    }
  }
  for (const auto& name : graph.order) {
    if (!seen.count(name)) {
      diags.error(kMissingTransitionTarget, "State \"" + name + "\" is not reachable.",
                  child_location(states_loc, name));
    }
  }
  bool has_terminal = false;
  for (const auto& [name, s] : graph.states) has_terminal = has_terminal || is_terminal(*s);
  if (!has_terminal) diags.error(kMissingEndState, "Workflow has no terminal state", location);
}

}  // namespace sfn::asl::detail
