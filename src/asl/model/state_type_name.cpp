// "All states MUST have a "Type" field" — the names as they appear in definitions and in
// history event names (TaskStateEntered, ...).
#include "sfn/asl/model/state.h"

namespace sfn::asl {

const char* state_type_name(StateType type) {
  switch (type) {
    case StateType::kTask: return "Task";
    case StateType::kPass: return "Pass";
    case StateType::kChoice: return "Choice";
    case StateType::kWait: return "Wait";
    case StateType::kSucceed: return "Succeed";
    case StateType::kFail: return "Fail";
    case StateType::kParallel: return "Parallel";
    case StateType::kMap: return "Map";
  }
  return "Unknown";
}

}  // namespace sfn::asl
