// Mocked responses in the AWS Step Functions Local mock-config format ("Using mocked service
// integrations for testing in Step Functions Local"): test cases per state machine name, each
// mapping state names to a named mocked response, and each mocked response answering the
// state's successive invocations ("0", "1-2", ...) with a Return value or a Throw.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::integrations {

// One answer: the task's result, or its failure.
struct MockAnswer {
  bool throws = false;
  Json result;        // Return (any JSON value)
  std::string error;  // Throw.Error
  std::string cause;  // Throw.Cause (may be empty)
};

// A named entry of MockedResponses: answers for invocations 0, 1, 2, ... (ranges expanded by
// their last index). Invocations beyond the last one get the last answer again.
class MockedResponse {
 public:
  struct Range {
    std::uint64_t last = 0;  // inclusive; ranges are consecutive from 0
    MockAnswer answer;
  };
  explicit MockedResponse(std::vector<Range> ranges) : ranges_(std::move(ranges)) {}
  // The answer to the state's `invocation`-th call (0-based) in one execution.
  const MockAnswer& answer(std::uint64_t invocation) const;
  const std::vector<Range>& ranges() const { return ranges_; }

 private:
  std::vector<Range> ranges_;  // sorted by `last`, non-empty
};

// StateMachines.<name>.TestCases.<case>: state name -> its mocked response.
struct MockTestCase {
  std::string name;
  std::map<std::string, std::shared_ptr<const MockedResponse>, std::less<>> states;

  const MockedResponse* find(std::string_view state) const;
};

class MockConfig {
 public:
  // The test case `test_case` of the state machine called `state_machine`, or nullptr.
  const MockTestCase* test_case(std::string_view state_machine, std::string_view test_case) const;
  bool has_state_machine(std::string_view state_machine) const;
  std::size_t state_machine_count() const { return machines_.size(); }

  // Built by parse_mock_config.
  std::map<std::string, std::map<std::string, MockTestCase, std::less<>>, std::less<>> machines_;
};

// Parses and checks a whole mock-config document. The error lists every problem found, one per
// line (the first 20, then how many more), each as "<JSON pointer>: <reason>", e.g.
// `/StateMachines/LambdaSQSIntegration/TestCases/HappyPath/LambdaState: test case "HappyPath"
// of state machine "LambdaSQSIntegration": state "LambdaState" names the mocked response
// "MockedX", which MockedResponses does not define` (the pointer is "(top level)" for the whole
// document). Bounded: deep or huge documents are refused with an error, never a crash.
tl::expected<std::shared_ptr<const MockConfig>, std::string> parse_mock_config(
    std::string_view text);

}  // namespace sfn::integrations
