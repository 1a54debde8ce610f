// A thin RAII owner of one sqlite3 connection, with `exec` for statements that return no rows.
// Failures throw std::runtime_error carrying SQLite's message (infrastructure failures).
#pragma once

#include <sqlite3.h>

#include <string>

namespace sfn::store {

class SqliteDatabase {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" gives a private database.
  explicit SqliteDatabase(const std::string& path);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  // Runs one or more SQL statements that return no rows (DDL, BEGIN/COMMIT, PRAGMA writes).
  void exec(const std::string& sql);

  // Runs a query that returns a single integer (e.g. `PRAGMA user_version`).
  long long query_int(const std::string& sql);

  sqlite3* handle() const { return db_; }
  bool in_memory() const { return in_memory_; }
  std::string last_error() const;

 private:
  sqlite3* db_ = nullptr;
  bool in_memory_ = false;
};

}  // namespace sfn::store
