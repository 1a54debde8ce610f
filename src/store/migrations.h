// Schema migrations: an ordered list of numbered steps. Each step runs once, in its own
// transaction, and is recorded in `schema_migrations` (and mirrored in PRAGMA user_version).
// To change the schema, append a step to kMigrations in migrations.cpp; never edit a shipped one.
#pragma once

#include <string_view>

namespace sfn::store {

class SqliteDatabase;

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The highest version known to this binary.
int latest_schema_version();

// Applies every step newer than the database's recorded version. Throws std::runtime_error when
// a step fails or when the database was written by a newer binary.
void apply_migrations(SqliteDatabase& db);

}  // namespace sfn::store
