#include "store/write_statements.h"

#include "store/domain_columns.h"
#include "store/sqlite_database.h"

namespace sfn::store {

WriteStatements::WriteStatements(SqliteDatabase& db)
    : upsert_state_machine_(
          db,
          "INSERT OR REPLACE INTO state_machines (arn, name, type, definition, role_arn, status,"
          " logging_configuration, tracing_configuration, revision_id, description, creation_date)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
      delete_state_machine_(db, "DELETE FROM state_machines WHERE arn = ?1"),
      upsert_activity_(db,
                       "INSERT OR REPLACE INTO activities (arn, name, creation_date)"
                       " VALUES (?1, ?2, ?3)"),
      delete_activity_(db, "DELETE FROM activities WHERE arn = ?1"),
      delete_tags_(db, "DELETE FROM tags WHERE resource_arn = ?1"),
      insert_tag_(db, "INSERT OR REPLACE INTO tags (resource_arn, key, value) VALUES (?1, ?2, ?3)"),
      upsert_execution_(
          db,
          "INSERT OR REPLACE INTO executions (arn, state_machine_arn, name, status, input, output,"
          " error, cause, start_date, stop_date, definition, state_machine_type, role_arn,"
          " checkpoint, resume_strikes, mock_test_case)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"),
      delete_execution_(db, "DELETE FROM executions WHERE arn = ?1"),
      delete_events_(db, "DELETE FROM events WHERE execution_arn = ?1"),
      upsert_event_(db,
                    "INSERT OR REPLACE INTO events (execution_arn, id, json) VALUES (?1, ?2, ?3)"),
      truncate_events_(db, "DELETE FROM events WHERE execution_arn = ?1 AND id > ?2"),
      update_checkpoint_(
          db, "UPDATE executions SET checkpoint = ?2, resume_strikes = 0 WHERE arn = ?1"),
      update_resume_strikes_(db, "UPDATE executions SET resume_strikes = ?2 WHERE arn = ?1") {}

void WriteStatements::apply(const WriteOp& op) {
  std::visit([this](const auto& value) { put(value); }, op);
}

void WriteStatements::put(const StateMachineRow& row) {
  upsert_state_machine_.bind(1, row.arn)
      .bind(2, row.name)
      .bind(3, column_text(row.type))
      .bind(4, row.definition)
      .bind(5, row.role_arn)
      .bind(6, row.status)
      .bind(7, row.logging_configuration)
      .bind(8, row.tracing_configuration)
      .bind(9, row.revision_id)
      .bind(10, row.description)
      .bind(11, row.creation_date)
      .run();
}

void WriteStatements::put(const ActivityRow& row) {
  upsert_activity_.bind(1, row.arn).bind(2, row.name).bind(3, row.creation_date).run();
}

void WriteStatements::put(const ExecutionRow& row) {
  upsert_execution_.bind(1, row.arn)
      .bind(2, row.state_machine_arn)
      .bind(3, row.name)
      .bind(4, column_text(row.status))
      .bind(5, row.input)
      .bind(6, row.output)
      .bind(7, row.error)
      .bind(8, row.cause)
      .bind(9, row.start_date)
      .bind(10, row.stop_date)
      .bind(11, row.definition)
      .bind(12, column_text(row.state_machine_type))
      .bind(13, row.role_arn)
      .bind(14, row.checkpoint)
      .bind(15, row.resume_strikes)
      .bind(16, row.mock_test_case)
      .run();
}

void WriteStatements::put(const PutTagsOp& op) {
  delete_tags_.bind(1, op.resource_arn).run();
  for (const auto& [key, value] : op.tags) {
    insert_tag_.bind(1, op.resource_arn).bind(2, key).bind(3, value).run();
  }
}

void WriteStatements::put(const AppendEventsOp& op) {
  // Upsert by (execution, id): an event re-appended after a restart replaces, never duplicates.
  for (const EventRow& event : op.events) {
    upsert_event_.bind(1, op.execution_arn).bind(2, event.id).bind(3, event.json).run();
  }
}

void WriteStatements::put(const DeleteStateMachineOp& op) {
  delete_state_machine_.bind(1, op.arn).run();
  delete_tags_.bind(1, op.arn).run();
}

void WriteStatements::put(const DeleteActivityOp& op) {
  delete_activity_.bind(1, op.arn).run();
  delete_tags_.bind(1, op.arn).run();
}

void WriteStatements::put(const DeleteExecutionOp& op) {
  delete_execution_.bind(1, op.arn).run();
  delete_events_.bind(1, op.arn).run();
}

void WriteStatements::put(const CheckpointOp& op) {
  update_checkpoint_.bind(1, op.execution_arn).bind(2, op.checkpoint).run();
}

void WriteStatements::put(const ResumeStrikesOp& op) {
  update_resume_strikes_.bind(1, op.execution_arn).bind(2, op.strikes).run();
}

void WriteStatements::put(const TruncateEventsOp& op) {
  truncate_events_.bind(1, op.execution_arn).bind(2, op.last_kept_id).run();
}

}  // namespace sfn::store
