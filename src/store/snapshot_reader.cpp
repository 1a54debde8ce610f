#include "store/snapshot_reader.h"

#include "store/sqlite_database.h"
#include "store/sqlite_statement.h"

namespace sfn::store {

namespace {

void read_state_machines(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db,
                    "SELECT arn, name, type, definition, role_arn, status, logging_configuration,"
                    " tracing_configuration, revision_id, description, creation_date"
                    " FROM state_machines ORDER BY creation_date, arn");
  while (q.step()) {
    StateMachineRow row;
    row.arn = q.text(0);
    row.name = q.text(1);
    row.type = q.text(2);
    row.definition = q.text(3);
    row.role_arn = q.text(4);
    row.status = q.text(5);
    row.logging_configuration = q.text(6);
    row.tracing_configuration = q.text(7);
    row.revision_id = q.text(8);
    row.description = q.text(9);
    row.creation_date = q.real(10);
    out.state_machines.push_back(std::move(row));
  }
}

void read_activities(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db,
                    "SELECT arn, name, creation_date FROM activities ORDER BY creation_date, arn");
  while (q.step()) {
    out.activities.push_back(ActivityRow{q.text(0), q.text(1), q.real(2)});
  }
}

void read_tags(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db, "SELECT resource_arn, key, value FROM tags");
  while (q.step()) out.tags[q.text(0)][q.text(1)] = q.text(2);
}

void read_executions(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db,
                    "SELECT arn, state_machine_arn, name, status, input, output, error, cause,"
                    " start_date, stop_date, definition, state_machine_type, role_arn, checkpoint"
                    " FROM executions ORDER BY start_date, arn");
  while (q.step()) {
    ExecutionRow row;
    row.arn = q.text(0);
    row.state_machine_arn = q.text(1);
    row.name = q.text(2);
    row.status = q.text(3);
    row.input = q.text(4);
    row.output = q.optional_text(5);
    row.error = q.optional_text(6);
    row.cause = q.optional_text(7);
    row.start_date = q.real(8);
    row.stop_date = q.optional_real(9);
    row.definition = q.text(10);
    row.state_machine_type = q.text(11);
    row.role_arn = q.text(12);
    row.checkpoint = q.text(13);
    out.executions.push_back(std::move(row));
  }
}

void read_events(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db, "SELECT execution_arn, id, json FROM events ORDER BY execution_arn, id");
  std::vector<EventRow>* current = nullptr;
  std::string current_arn;
  while (q.step()) {
    std::string arn = q.text(0);
    if (!current || arn != current_arn) {
      current = &out.events[arn];
      current_arn = std::move(arn);
    }
    current->push_back(EventRow{q.integer(1), q.text(2)});
  }
}

}  // namespace

Snapshot read_snapshot(SqliteDatabase& db) {
  Snapshot out;
  read_state_machines(db, out);
  read_activities(db, out);
  read_tags(db, out);
  read_executions(db, out);
  read_events(db, out);
  return out;
}

}  // namespace sfn::store
