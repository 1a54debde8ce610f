// The reads of finished executions and their histories (ListExecutions, DescribeExecution,
// GetExecutionHistory), run on the store's thread after the batch they were queued in commits.
#pragma once

#include <optional>
#include <string>

#include "sfn/store/store.h"

namespace sfn::store {

class SqliteDatabase;
class SqliteStatement;

// Reads one row of `executions` selected by `SELECT <kExecutionColumns> FROM executions ...`.
inline constexpr const char* kExecutionColumns =
    "arn, state_machine_arn, name, status, input, output, error, cause, start_date, stop_date,"
    " definition, state_machine_type, role_arn, checkpoint, resume_strikes, mock_test_case";
ExecutionRow execution_row(const SqliteStatement& q);

std::optional<ExecutionRow> query_execution(SqliteDatabase& db, const std::string& arn);
ExecutionPage query_executions(SqliteDatabase& db, const ExecutionPageQuery& query);
EventPage query_events(SqliteDatabase& db, const EventPageQuery& query);

}  // namespace sfn::store
