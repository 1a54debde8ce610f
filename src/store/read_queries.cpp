#include "store/read_queries.h"

#include "store/domain_columns.h"
#include "store/sqlite_database.h"
#include "store/sqlite_statement.h"

namespace sfn::store {

ExecutionRow execution_row(const SqliteStatement& q) {
  ExecutionRow row;
  row.arn = q.text(0);
  row.state_machine_arn = q.text(1);
  row.name = q.text(2);
  row.status = execution_status_column(q, 3);
  row.input = q.text(4);
  row.output = q.optional_text(5);
  row.error = q.optional_text(6);
  row.cause = q.optional_text(7);
  row.start_date = q.real(8);
  row.stop_date = q.optional_real(9);
  row.definition = q.text(10);
  row.state_machine_type = state_machine_type_column(q, 11);
  row.role_arn = q.text(12);
  row.checkpoint = q.text(13);
  row.resume_strikes = q.integer(14);
  row.mock_test_case = q.text(15);
  return row;
}

std::optional<ExecutionRow> query_execution(SqliteDatabase& db, const std::string& arn) {
  SqliteStatement q(db,
                    std::string("SELECT ") + kExecutionColumns + " FROM executions WHERE arn = ?1");
  q.bind(1, arn);
  if (!q.step()) return std::nullopt;
  return execution_row(q);
}

ExecutionPage query_executions(SqliteDatabase& db, const ExecutionPageQuery& query) {
  // One row more than the page tells whether another page follows. A continued page starts
  // after its key: a range on the (state_machine_arn, start_date) index, not an OFFSET scan.
  std::string sql =
      "SELECT arn, state_machine_arn, name, status, start_date, stop_date"
      " FROM executions WHERE state_machine_arn = ?1 AND (?2 IS NULL OR status = ?2)";
  if (query.after) sql += " AND start_date <= ?4 AND (start_date < ?4 OR arn < ?5)";
  sql += " ORDER BY start_date DESC, arn DESC LIMIT ?3";
  SqliteStatement q(db, sql);
  q.bind(1, query.state_machine_arn)
      .bind(2, query.status ? std::optional<std::string>(column_text(*query.status)) : std::nullopt)
      .bind(3, static_cast<std::int64_t>(query.limit + 1));
  if (query.after) q.bind(4, query.after->start_date).bind(5, query.after->arn);
  ExecutionPage page;
  while (q.step()) {
    if (page.rows.size() == query.limit) {
      page.more = true;
      break;
    }
    ExecutionRow row;
    row.arn = q.text(0);
    row.state_machine_arn = q.text(1);
    row.name = q.text(2);
    row.status = execution_status_column(q, 3);
    row.start_date = q.real(4);
    row.stop_date = q.optional_real(5);
    page.rows.push_back(std::move(row));
  }
  return page;
}

EventPage query_events(SqliteDatabase& db, const EventPageQuery& query) {
  std::string sql = "SELECT id, json FROM events WHERE execution_arn = ?1";
  if (query.after_id > 0) sql += query.reverse ? " AND id < ?3" : " AND id > ?3";
  sql += std::string(" ORDER BY id ") + (query.reverse ? "DESC" : "ASC") + " LIMIT ?2";
  SqliteStatement q(db, sql);
  q.bind(1, query.execution_arn).bind(2, static_cast<std::int64_t>(query.limit + 1));
  if (query.after_id > 0) q.bind(3, query.after_id);
  EventPage page;
  while (q.step()) {
    if (page.events.size() == query.limit) {
      page.more = true;
      break;
    }
    page.events.push_back(EventRow{q.integer(0), q.text(1)});
  }
  return page;
}

}  // namespace sfn::store
