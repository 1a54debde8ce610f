#include "sfn/engine/execution_record.h"

#include "sfn/common/arn.h"
#include "sfn/store/store.h"

namespace sfn::engine {

store::ExecutionRow to_row(const ExecutionRecord& r) {
  store::ExecutionRow row;
  row.arn = r.arn;
  row.state_machine_arn = r.state_machine_arn;
  row.name = r.name;
  row.input = r.input;
  row.start_date = r.start_date;
  row.definition = r.definition;
  row.state_machine_type = r.state_machine_type;
  row.role_arn = r.role_arn;
  row.mock_test_case = r.mock_test_case;
  std::lock_guard lock(r.mutex);
  row.status = r.status;
  row.output = r.output;
  row.error = r.error;
  row.cause = r.cause;
  row.stop_date = r.stop_date;
  return row;
}

std::shared_ptr<ExecutionRecord> record_from_row(const store::ExecutionRow& row) {
  auto r = std::make_shared<ExecutionRecord>();
  r->arn = row.arn;
  r->name = row.name;
  r->state_machine_arn = row.state_machine_arn;
  auto sm = parse_states_arn(row.state_machine_arn);
  r->state_machine_name = sm ? sm->name : "";
  r->state_machine_type = row.state_machine_type;
  r->role_arn = row.role_arn;
  r->mock_test_case = row.mock_test_case;
  r->definition = row.definition;
  r->input = row.input;
  r->start_date = row.start_date;
  r->status = row.status;
  r->output = row.output;
  r->error = row.error;
  r->cause = row.cause;
  r->stop_date = row.stop_date;
  return r;
}

}  // namespace sfn::engine
