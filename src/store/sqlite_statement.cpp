#include "store/sqlite_statement.h"

#include <stdexcept>

#include "store/sqlite_database.h"

namespace sfn::store {

namespace {
void check(int rc, SqliteDatabase& db, const std::string& sql) {
  if (rc != SQLITE_OK) {
    throw std::runtime_error("sqlite: " + db.last_error() + " (in: " + sql.substr(0, 80) + ")");
  }
}
}  // namespace

SqliteStatement::SqliteStatement(SqliteDatabase& db, const std::string& sql) : db_(db), sql_(sql) {
  check(sqlite3_prepare_v3(db.handle(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr),
        db_, sql_);
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::bind(int index, const std::string& value) {
  check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8),
        db_, sql_);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, double value) {
  check(sqlite3_bind_double(stmt_, index, value), db_, sql_);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  check(sqlite3_bind_int64(stmt_, index, value), db_, sql_);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<std::string>& value) {
  if (value) return bind(index, *value);
  check(sqlite3_bind_null(stmt_, index), db_, sql_);
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<double>& value) {
  if (value) return bind(index, *value);
  check(sqlite3_bind_null(stmt_, index), db_, sql_);
  return *this;
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  std::string message = db_.last_error();
  sqlite3_reset(stmt_);
  throw std::runtime_error("sqlite: " + message + " (in: " + sql_.substr(0, 80) + ")");
}

void SqliteStatement::run() {
  try {
    step();
  } catch (...) {
    reset();
    throw;
  }
  reset();
}

void SqliteStatement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string SqliteStatement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!data) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> SqliteStatement::optional_text(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

double SqliteStatement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::optional<double> SqliteStatement::optional_real(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return real(column);
}

std::int64_t SqliteStatement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

}  // namespace sfn::store
