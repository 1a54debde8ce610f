// One queued write: a copy of everything the writer thread needs, so the caller's objects can
// change or die right after the enqueue.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "sfn/store/store.h"

namespace sfn::store {

class SqliteDatabase;

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

struct CheckpointOp {
  std::string execution_arn;
  std::string checkpoint;
};

struct ResumeStrikesOp {
  std::string execution_arn;
  std::int64_t strikes;
};

// Not writes, but queued with them so that they are answered in order: a read runs after the
// transaction of its batch commits (it sees every write queued before it); a barrier reports
// whether that transaction committed.
struct ReadOp {
  std::function<void(SqliteDatabase&)> run;
};
struct BarrierOp {
  std::uint64_t since;  // writes queued after this sequence number must all have committed
  std::function<void(bool committed)> done;
};

using WriteOp = std::variant<StateMachineRow, DeleteStateMachineOp, ActivityRow, DeleteActivityOp,
                             PutTagsOp, ExecutionRow, DeleteExecutionOp, AppendEventsOp,
                             TruncateEventsOp, CheckpointOp, ResumeStrikesOp, ReadOp, BarrierOp>;

// Reads and barriers change nothing; they run after the batch's commit.
inline bool is_write(const WriteOp& op) {
  return !std::holds_alternative<ReadOp>(op) && !std::holds_alternative<BarrierOp>(op);
}

// For log lines: which kind of write failed.
inline const char* write_op_name(const WriteOp& op) {
  static constexpr const char* kNames[] = {"put_state_machine", "delete_state_machine",
                                           "put_activity",      "delete_activity",
                                           "put_tags",          "put_execution",
                                           "delete_execution",  "append_events",
                                           "truncate_events",   "put_checkpoint",
                                           "put_resume_strikes", "read",
                                           "barrier"};
  return kNames[op.index()];
}

}  // namespace sfn::store
