#include "store/sqlite_database.h"

#include <stdexcept>

namespace sfn::store {

namespace {
// How long a statement waits for a lock held by another connection (e.g. a second process or a
// read-only connection) before SQLITE_BUSY.
constexpr int kBusyTimeoutMs = 5000;
}  // namespace

SqliteDatabase::SqliteDatabase(const std::string& path) : in_memory_(path == ":memory:") {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw std::runtime_error("cannot open database '" + path + "': " + message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
}

SqliteDatabase::~SqliteDatabase() { sqlite3_close_v2(db_); }

void SqliteDatabase::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : last_error();
    sqlite3_free(error);
    throw std::runtime_error("sqlite: " + message + " (in: " + sql.substr(0, 80) + ")");
  }
}

long long SqliteDatabase::query_int(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    throw std::runtime_error("sqlite: " + last_error() + " (in: " + sql + ")");
  }
  long long value = 0;
  int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    throw std::runtime_error("sqlite: " + last_error() + " (in: " + sql + ")");
  }
  return value;
}

std::string SqliteDatabase::last_error() const { return db_ ? sqlite3_errmsg(db_) : "no database"; }

}  // namespace sfn::store
