#include "store/migrations.h"

#include <array>
#include <chrono>
#include <stdexcept>
#include <string>

#include "store/sqlite_database.h"
#include "store/sqlite_statement.h"

namespace sfn::store {

namespace {

constexpr std::array kMigrations{
    Migration{1, "initial schema", R"sql(
CREATE TABLE state_machines (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  definition TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  status TEXT NOT NULL,
  logging_configuration TEXT NOT NULL,
  tracing_configuration TEXT NOT NULL,
  revision_id TEXT NOT NULL,
  description TEXT NOT NULL,
  creation_date REAL NOT NULL
);
CREATE TABLE activities (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  creation_date REAL NOT NULL
);
CREATE TABLE tags (
  resource_arn TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (resource_arn, key)
) WITHOUT ROWID;
CREATE TABLE executions (
  arn TEXT PRIMARY KEY,
  state_machine_arn TEXT NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  input TEXT NOT NULL,
  output TEXT,
  error TEXT,
  cause TEXT,
  start_date REAL NOT NULL,
  stop_date REAL,
  definition TEXT NOT NULL,
  state_machine_type TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  checkpoint TEXT NOT NULL
);
CREATE INDEX executions_by_state_machine ON executions (state_machine_arn);
CREATE TABLE events (
  execution_arn TEXT NOT NULL,
  id INTEGER NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (execution_arn, id)
) WITHOUT ROWID;
)sql"},
    Migration{2, "finished executions read on demand, crash-loop safety", R"sql(
ALTER TABLE executions ADD COLUMN resume_strikes INTEGER NOT NULL DEFAULT 0;
DROP INDEX executions_by_state_machine;
CREATE INDEX executions_by_state_machine ON executions (state_machine_arn, start_date);
CREATE INDEX running_executions ON executions (start_date) WHERE status = 'RUNNING';
CREATE TABLE server_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
    Migration{3, "mocked test case per execution", R"sql(
ALTER TABLE executions ADD COLUMN mock_test_case TEXT NOT NULL DEFAULT '';
)sql"},
};

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

int latest_schema_version() { return kMigrations.back().version; }

void apply_migrations(SqliteDatabase& db) {
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)");
  const long long current = db.query_int("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (current > latest_schema_version()) {
    throw std::runtime_error("database schema version " + std::to_string(current) +
                             " is newer than this binary supports (" +
                             std::to_string(latest_schema_version()) + ")");
  }
  for (const Migration& step : kMigrations) {
    if (step.version <= current) continue;
    db.exec("BEGIN IMMEDIATE");
    try {
      db.exec(std::string(step.sql));
      SqliteStatement record(db,
                             "INSERT INTO schema_migrations (version, name, applied_at) "
                             "VALUES (?1, ?2, ?3)");
      record.bind(1, static_cast<std::int64_t>(step.version))
          .bind(2, std::string(step.name))
          .bind(3, now_seconds())
          .run();
      db.exec("PRAGMA user_version = " + std::to_string(step.version));
      db.exec("COMMIT");
    } catch (...) {
      db.exec("ROLLBACK");
      throw;
    }
  }
}

}  // namespace sfn::store
