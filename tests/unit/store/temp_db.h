// A fresh temporary directory per test holding the database file; removed afterwards.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <random>
#include <string>

#include "sfn/store/store.h"

namespace sfn::store::testing {

class TempDb {
 public:
  TempDb() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("sfn_store_test_" + std::to_string(rd()) + "_" + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~TempDb() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;

  std::string path() const { return (dir_ / "sfn.db").string(); }

 private:
  std::filesystem::path dir_;
};

// A raw read connection, to check what is committed independently of the store.
class RawDb {
 public:
  explicit RawDb(const std::string& path) { sqlite3_open(path.c_str(), &db_); }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  long long query_int(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    long long value = -1;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      value = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
    return value;
  }
  std::string query_text(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    std::string value;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      if (text) value = reinterpret_cast<const char*>(text);
    }
    sqlite3_finalize(stmt);
    return value;
  }
  int exec(const std::string& sql) {
    return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  }

  // Every execution row (by start date, arn) and every event (by execution, id), finished or not:
  // the store's snapshot holds only the RUNNING ones. Open only after the store is closed.
  void read_all_executions(Snapshot& out) {
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db_,
                       "SELECT arn, state_machine_arn, name, status, input, output, error, cause,"
                       " start_date, stop_date, definition, state_machine_type, role_arn,"
                       " checkpoint, resume_strikes FROM executions ORDER BY start_date, arn",
                       -1, &q, nullptr);
    auto text = [&q](int c) {
      const unsigned char* t = sqlite3_column_text(q, c);
      return t ? std::string(reinterpret_cast<const char*>(t),
                             static_cast<std::size_t>(sqlite3_column_bytes(q, c)))
               : std::string();
    };
    auto opt_text = [&](int c) -> std::optional<std::string> {
      if (sqlite3_column_type(q, c) == SQLITE_NULL) return std::nullopt;
      return text(c);
    };
    out.executions.clear();
    while (sqlite3_step(q) == SQLITE_ROW) {
      ExecutionRow row;
      row.arn = text(0);
      row.state_machine_arn = text(1);
      row.name = text(2);
      row.status = parse_execution_status(text(3)).value();
      row.input = text(4);
      row.output = opt_text(5);
      row.error = opt_text(6);
      row.cause = opt_text(7);
      row.start_date = sqlite3_column_double(q, 8);
      if (sqlite3_column_type(q, 9) != SQLITE_NULL) row.stop_date = sqlite3_column_double(q, 9);
      row.definition = text(10);
      row.state_machine_type = parse_state_machine_type(text(11)).value();
      row.role_arn = text(12);
      row.checkpoint = text(13);
      row.resume_strikes = sqlite3_column_int64(q, 14);
      out.executions.push_back(std::move(row));
    }
    sqlite3_finalize(q);
    out.events.clear();
    sqlite3_prepare_v2(db_, "SELECT execution_arn, id, json FROM events ORDER BY execution_arn, id",
                       -1, &q, nullptr);
    while (sqlite3_step(q) == SQLITE_ROW)
      out.events[text(0)].push_back(EventRow{sqlite3_column_int64(q, 1), text(2)});
    sqlite3_finalize(q);
  }

 private:
  sqlite3* db_ = nullptr;
};

// What a restart loads, plus every finished execution and event (read from the file directly).
inline Snapshot reopen_everything(const std::string& path) {
  Snapshot s = open_sqlite_store(path)->load();
  RawDb(path).read_all_executions(s);
  return s;
}

}  // namespace sfn::store::testing
