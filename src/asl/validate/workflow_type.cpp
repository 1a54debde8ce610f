#include "sfn/asl/validate/workflow_type.h"

#include "sfn/asl/model/task_resource.h"

namespace sfn::asl {
namespace {

void check_states(const Json& graph, const std::string& at, std::vector<Diagnostic>& out) {
  const auto states = graph.find("States");
  if (states == graph.end() || !states->is_object()) return;
  for (const auto& [name, state] : states->items()) {
    if (!state.is_object()) continue;
    const std::string here = at + "/States/" + name;
    const std::string type = state.value("Type", "");
    if (type == "Parallel" && state.contains("Branches") && state["Branches"].is_array()) {
      const Json& branches = state["Branches"];
      for (std::size_t i = 0; i < branches.size(); ++i)
        if (branches[i].is_object())
          check_states(branches[i], here + "/Branches/" + std::to_string(i), out);
    } else if (type == "Map") {
      for (const char* key : {"ItemProcessor", "Iterator"})
        if (state.contains(key) && state[key].is_object())
          check_states(state[key], here + "/" + key, out);
    } else if (type == "Task" && state.contains("Resource") && state["Resource"].is_string()) {
      auto resource = parse_task_resource(state["Resource"].get_ref<const std::string&>(), nullptr);
      if (!resource) continue;
      std::string message;
      if (resource->kind == ResourceKind::kActivity) {
        message = "Express state machine does not support activities.";
      } else if (resource->pattern != IntegrationPattern::kRequestResponse) {
        message = "Express state machine does not support '" +
                  std::string(pattern_suffix(resource->pattern)) + "' service integration.";
      }
      if (!message.empty())
        out.push_back(Diagnostic{"ERROR", "SCHEMA_VALIDATION_FAILED", message, here + "/Resource"});
    }
  }
}

}  // namespace

std::vector<Diagnostic> workflow_type_diagnostics(const StateMachine& machine,
                                                  StateMachineType type) {
  std::vector<Diagnostic> out;
  if (type == StateMachineType::kExpress && machine.definition.is_object())
    check_states(machine.definition, "", out);
  return out;
}

}  // namespace sfn::asl
