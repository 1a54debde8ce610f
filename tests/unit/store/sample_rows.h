// Fully populated sample rows (every field set) for round-trip tests.
#pragma once

#include <string>

#include "sfn/store/store.h"

namespace sfn::store::testing {

inline StateMachineRow sample_state_machine(const std::string& name = "sm") {
  StateMachineRow row;
  row.arn = "arn:aws:states:us-east-1:123456789012:stateMachine:" + name;
  row.name = name;
  row.type = StateMachineType::kStandard;
  row.definition = R"({"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})";
  row.role_arn = "arn:aws:iam::123456789012:role/r";
  row.status = "ACTIVE";
  row.logging_configuration = R"({"level":"OFF","includeExecutionData":false})";
  row.tracing_configuration = R"({"enabled":false})";
  row.revision_id = "rev-1";
  row.description = "a description with unicode \xC3\xA9 and 'quotes'";
  row.creation_date = 1700000000.125;
  return row;
}

inline ActivityRow sample_activity(const std::string& name = "act") {
  return ActivityRow{"arn:aws:states:us-east-1:123456789012:activity:" + name, name, 1700000001.5};
}

inline ExecutionRow sample_execution(const std::string& name = "ex", bool finished = true) {
  ExecutionRow row;
  row.arn = "arn:aws:states:us-east-1:123456789012:execution:sm:" + name;
  row.state_machine_arn = "arn:aws:states:us-east-1:123456789012:stateMachine:sm";
  row.name = name;
  row.status = finished ? ExecutionStatus::kFailed : ExecutionStatus::kRunning;
  row.input = R"({"in":1})";
  if (finished) {
    row.output = R"({"out":2})";
    row.error = "States.TaskFailed";
    row.cause = "it broke";
    row.stop_date = 1700000010.75;
  }
  row.start_date = 1700000002.25;
  row.definition = R"({"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}})";
  row.state_machine_type = StateMachineType::kStandard;
  row.role_arn = "arn:aws:iam::123456789012:role/r";
  row.checkpoint = R"({"state":"A"})";
  return row;
}

inline EventRow sample_event(std::int64_t id) {
  return EventRow{id, R"({"id":)" + std::to_string(id) + R"(,"type":"PassStateEntered"})"};
}

}  // namespace sfn::store::testing
