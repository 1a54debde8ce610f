// The writer's prepared statements, prepared once and reused for every write. apply() runs one
// queued write inside the writer's current transaction.
#pragma once

#include "store/sqlite_statement.h"
#include "store/write_op.h"

namespace sfn::store {

class SqliteDatabase;

class WriteStatements {
 public:
  explicit WriteStatements(SqliteDatabase& db);

  // Throws std::runtime_error when SQLite rejects the write.
  void apply(const WriteOp& op);

 private:
  void put(const StateMachineRow& row);
  void put(const ActivityRow& row);
  void put(const ExecutionRow& row);
  void put(const PutTagsOp& op);
  void put(const AppendEventsOp& op);
  void put(const DeleteStateMachineOp& op);
  void put(const DeleteActivityOp& op);
  void put(const DeleteExecutionOp& op);
  void put(const TruncateEventsOp& op);
  void put(const CheckpointOp& op);
  void put(const ResumeStrikesOp& op);
  void put(const ReadOp&) {}
  void put(const BarrierOp&) {}

  SqliteStatement upsert_state_machine_;
  SqliteStatement delete_state_machine_;
  SqliteStatement upsert_activity_;
  SqliteStatement delete_activity_;
  SqliteStatement delete_tags_;
  SqliteStatement insert_tag_;
  SqliteStatement upsert_execution_;
  SqliteStatement delete_execution_;
  SqliteStatement delete_events_;
  SqliteStatement upsert_event_;
  SqliteStatement truncate_events_;
  SqliteStatement update_checkpoint_;
  SqliteStatement update_resume_strikes_;
};

}  // namespace sfn::store
