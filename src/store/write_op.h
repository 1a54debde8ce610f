// One queued write: a copy of everything the writer thread needs, so the caller's objects can
// change or die right after the enqueue.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "sfn/store/store.h"

namespace sfn::store {

struct DeleteStateMachineOp {
  std::string arn;
};
struct DeleteActivityOp {
  std::string arn;
};
struct PutTagsOp {
  std::string resource_arn;
  std::map<std::string, std::string> tags;
};
struct DeleteExecutionOp {
  std::string arn;
};
struct AppendEventsOp {
  std::string execution_arn;
  std::vector<EventRow> events;
};
struct TruncateEventsOp {
  std::string execution_arn;
  std::int64_t last_kept_id;
};

using WriteOp = std::variant<StateMachineRow, DeleteStateMachineOp, ActivityRow, DeleteActivityOp,
                             PutTagsOp, ExecutionRow, DeleteExecutionOp, AppendEventsOp,
                             TruncateEventsOp>;

// For log lines: which kind of write failed.
inline const char* write_op_name(const WriteOp& op) {
  static constexpr const char* kNames[] = {"put_state_machine", "delete_state_machine",
                                           "put_activity",      "delete_activity",
                                           "put_tags",          "put_execution",
                                           "delete_execution",  "append_events",
                                           "truncate_events"};
  return kNames[op.index()];
}

}  // namespace sfn::store
