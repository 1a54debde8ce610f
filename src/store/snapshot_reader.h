// Reads every committed row into a Snapshot (the service's in-memory working set at start).
#pragma once

#include "sfn/store/store.h"

namespace sfn::store {

class SqliteDatabase;

// Throws std::runtime_error when a query fails.
Snapshot read_snapshot(SqliteDatabase& db);

}  // namespace sfn::store
