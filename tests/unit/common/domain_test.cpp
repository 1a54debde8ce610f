// The domain's enums and their names: every value has AWS's name and parses back; other names
// (including other spellings) do not parse.
#include "sfn/common/domain.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sfn {
namespace {

TEST(Domain, ExecutionStatusNamesRoundTrip) {
  const std::pair<ExecutionStatus, const char*> all[] = {
      {ExecutionStatus::kRunning, "RUNNING"},
      {ExecutionStatus::kSucceeded, "SUCCEEDED"},
      {ExecutionStatus::kFailed, "FAILED"},
      {ExecutionStatus::kTimedOut, "TIMED_OUT"},
      {ExecutionStatus::kAborted, "ABORTED"},
      {ExecutionStatus::kPendingRedrive, "PENDING_REDRIVE"}};
  for (const auto& [status, name] : all) {
    EXPECT_EQ(name_of(status), name);
    EXPECT_EQ(parse_execution_status(name), status) << name;
  }
  EXPECT_FALSE(parse_execution_status("running").has_value());
  EXPECT_FALSE(parse_execution_status("").has_value());
  EXPECT_FALSE(parse_execution_status("TIMEDOUT").has_value());
}

TEST(Domain, StateMachineTypeNamesRoundTrip) {
  EXPECT_EQ(name_of(StateMachineType::kStandard), "STANDARD");
  EXPECT_EQ(name_of(StateMachineType::kExpress), "EXPRESS");
  EXPECT_EQ(parse_state_machine_type("STANDARD"), StateMachineType::kStandard);
  EXPECT_EQ(parse_state_machine_type("EXPRESS"), StateMachineType::kExpress);
  EXPECT_FALSE(parse_state_machine_type("Express").has_value());
}

TEST(Domain, StreamsAwsNames) {
  std::ostringstream out;
  out << ExecutionStatus::kTimedOut << ' ' << StateMachineType::kExpress;
  EXPECT_EQ(out.str(), "TIMED_OUT EXPRESS");
}

}  // namespace
}  // namespace sfn
