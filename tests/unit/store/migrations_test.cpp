// Schema migrations run once: reopening applies nothing new and keeps the data.
#include <gtest/gtest.h>

#include "sample_rows.h"
#include "sfn/store/store.h"
#include "temp_db.h"

namespace sfn::store {
namespace {

using testing::RawDb;
using testing::sample_state_machine;
using testing::TempDb;

TEST(StoreMigrations, FreshDatabaseRecordsEveryStep) {
  TempDb tmp;
  open_sqlite_store(tmp.path());
  RawDb raw(tmp.path());
  const long long latest = raw.query_int("SELECT MAX(version) FROM schema_migrations");
  EXPECT_GE(latest, 1);
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM schema_migrations"), latest);
  EXPECT_EQ(raw.query_int("PRAGMA user_version"), latest);
}

TEST(StoreMigrations, ReopeningIsIdempotentAndKeepsData) {
  TempDb tmp;
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_state_machine(sample_state_machine());
  }
  long long applied_at = 0;
  long long count = 0;
  {
    RawDb raw(tmp.path());
    count = raw.query_int("SELECT COUNT(*) FROM schema_migrations");
    applied_at = raw.query_int("SELECT CAST(MAX(applied_at) * 1000 AS INTEGER) FROM schema_migrations");
  }
  for (int i = 0; i < 3; ++i) {
    auto store = open_sqlite_store(tmp.path());
    EXPECT_EQ(store->load().state_machines.size(), 1u);
  }
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM schema_migrations"), count);
  EXPECT_EQ(raw.query_int("SELECT CAST(MAX(applied_at) * 1000 AS INTEGER) FROM schema_migrations"),
            applied_at);
}

TEST(StoreMigrations, DatabaseFromANewerBinaryIsRefused) {
  TempDb tmp;
  open_sqlite_store(tmp.path());
  {
    RawDb raw(tmp.path());
    ASSERT_EQ(raw.exec("INSERT INTO schema_migrations VALUES (999999, 'future', 0)"), SQLITE_OK);
  }
  EXPECT_THROW(open_sqlite_store(tmp.path()), std::runtime_error);
}

}  // namespace
}  // namespace sfn::store
