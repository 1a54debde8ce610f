#include "store/domain_columns.h"

#include <stdexcept>

namespace sfn::store {

ExecutionStatus execution_status_column(const SqliteStatement& q, int column) {
  const std::string text = q.text(column);
  if (auto status = parse_execution_status(text)) return *status;
  throw std::runtime_error("corrupt database: execution status '" + text + "'");
}

StateMachineType state_machine_type_column(const SqliteStatement& q, int column) {
  const std::string text = q.text(column);
  if (auto type = parse_state_machine_type(text)) return *type;
  throw std::runtime_error("corrupt database: state machine type '" + text + "'");
}

}  // namespace sfn::store
