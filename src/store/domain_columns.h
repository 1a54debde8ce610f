// The domain's enums in the store's columns: written as AWS's names, read back strictly (a name
// the store cannot have written is a corrupt database, reported like any SQLite error).
#pragma once

#include <string>

#include "sfn/common/domain.h"
#include "store/sqlite_statement.h"

namespace sfn::store {

template <class Enum>
std::string column_text(Enum value) {
  return std::string(name_of(value));
}

ExecutionStatus execution_status_column(const SqliteStatement& q, int column);
StateMachineType state_machine_type_column(const SqliteStatement& q, int column);

}  // namespace sfn::store
