// A prepared statement that is reused: bind parameters (1-based), step, reset. Column accessors
// are 0-based. Errors throw std::runtime_error with SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>

namespace sfn::store {

class SqliteDatabase;

class SqliteStatement {
 public:
  SqliteStatement(SqliteDatabase& db, const std::string& sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, const std::string& value);
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, std::int64_t value);
  SqliteStatement& bind(int index, const std::optional<std::string>& value);
  SqliteStatement& bind(int index, const std::optional<double>& value);

  // Steps once; true when a row is available, false when done.
  bool step();
  // Steps a statement that returns no rows, then resets it for the next use.
  void run();
  // Clears bindings and rewinds, ready for the next use.
  void reset();

  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  double real(int column) const;
  std::optional<double> optional_real(int column) const;
  std::int64_t integer(int column) const;

 private:
  SqliteDatabase& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

}  // namespace sfn::store
