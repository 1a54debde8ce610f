#include "store/snapshot_reader.h"

#include "store/domain_columns.h"
#include "store/read_queries.h"
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
    row.type = state_machine_type_column(q, 2);
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

void read_running_executions(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db, std::string("SELECT ") + kExecutionColumns +
                            " FROM executions WHERE status = 'RUNNING' ORDER BY start_date, arn");
  while (q.step()) out.executions.push_back(execution_row(q));
}

void read_running_events(SqliteDatabase& db, Snapshot& out) {
  SqliteStatement q(db, "SELECT id, json FROM events WHERE execution_arn = ?1 ORDER BY id");
  for (const ExecutionRow& row : out.executions) {
    std::vector<EventRow>& events = out.events[row.arn];
    q.reset();
    q.bind(1, row.arn);
    while (q.step()) events.push_back(EventRow{q.integer(0), q.text(1)});
  }
}

}  // namespace

Snapshot read_snapshot(SqliteDatabase& db) {
  Snapshot out;
  read_state_machines(db, out);
  read_activities(db, out);
  read_tags(db, out);
  read_running_executions(db, out);
  read_running_events(db, out);
  return out;
}

}  // namespace sfn::store
