// libFuzzer target: a mock-config document (--mock-config) is parsed and checked; an accepted
// one is queried as the engine does for a `#TestCase` execution: every test case of every state
// machine, every state's response, the answers to a few invocations (0, 1, 2, the last range's
// end and one past it, the largest number). What the parser promises is checked too (`require`
// aborts): lookups find what is listed, ranges are consecutive and bounded, an answer is a
// Return or a Throw, never both.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sfn/integrations/mock_config.h"

namespace {

void require(bool holds) {
  if (!holds) std::abort();
}

void exercise(const sfn::integrations::MockedResponse& response) {
  const auto& ranges = response.ranges();
  require(!ranges.empty());
  for (std::size_t i = 1; i < ranges.size(); ++i) require(ranges[i - 1].last < ranges[i].last);
  const std::uint64_t last = ranges.back().last;
  require(last <= 1'000'000'000);
  for (std::uint64_t i :
       {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{2}, last, last + 1, ~std::uint64_t{0}}) {
    const sfn::integrations::MockAnswer& answer = response.answer(i);
    require(!answer.throws || answer.result.is_null());
    (void)sfn::dump_compact(answer.result);
  }
  require(&response.answer(last + 1) == &ranges.back().answer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = sfn::integrations::parse_mock_config(text);
  if (!config) {
    require(!config.error().empty());
    return 0;
  }
  const sfn::integrations::MockConfig& c = **config;
  (void)c.has_state_machine("");
  (void)c.test_case("LambdaSQSIntegration", "HappyPath");
  for (const auto& [machine, cases] : c.machines_) {
    require(c.has_state_machine(machine));
    for (const auto& [name, test_case] : cases) {
      require(c.test_case(machine, name) == &test_case);
      (void)test_case.find("");
      for (const auto& [state, response] : test_case.states) {
        require(test_case.find(state) == response.get());
        exercise(*response);
      }
    }
  }
  return 0;
}
