// The mock-config document of Step Functions Local ("Configuration file for mocked service
// integrations"): "StateMachines" maps state machine names to "TestCases", each test case maps
// state names to the name of an entry of "MockedResponses".
#include "sfn/integrations/mock_config.h"

#include <utility>

#include "integrations/mock/mock_problems.h"

namespace sfn::integrations {

const MockedResponse* MockTestCase::find(std::string_view state) const {
  auto it = states.find(state);
  return it == states.end() ? nullptr : it->second.get();
}

const MockTestCase* MockConfig::test_case(std::string_view state_machine,
                                          std::string_view test_case) const {
  auto machine = machines_.find(state_machine);
  if (machine == machines_.end()) return nullptr;
  auto found = machine->second.find(test_case);
  return found == machine->second.end() ? nullptr : &found->second;
}

bool MockConfig::has_state_machine(std::string_view state_machine) const {
  return machines_.find(state_machine) != machines_.end();
}

namespace mock {

namespace {

using Responses = std::map<std::string, std::shared_ptr<const MockedResponse>, std::less<>>;

// Why `text` is not a JSON document parse_json_or_discarded accepts.
std::string not_json(std::string_view text) {
  if (std::size_t depth = json_text_depth(text); depth > kMaxJsonDepth) {
    return "the document is nested too deeply: " + json_depth_message(depth);
  }
  if (auto error = json_syntax_error(text)) {
    // The message quotes the bytes last read, which may be invalid UTF-8: keep it printable.
    std::string message = error->message;
    for (char& c : message) {
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
    }
    return "not JSON: " + message + " (byte " + std::to_string(error->byte) + ")";
  }
  return "not JSON";
}

Responses parse_responses(const Json& value, Problems& problems) {
  Responses responses;
  const std::string pointer = "/MockedResponses";
  if (!value.is_object()) {
    problems.add(pointer,
                 "MockedResponses must be an object (mocked response name -> answers "
                 "by invocation), not " +
                     kind_of(value));
    return responses;
  }
  for (const auto& [name, body] : value.items()) {
    // A response with problems stays listed (as nullptr): test cases naming it are not told
    // that it is missing.
    responses.emplace(name, parse_mocked_response(body, child_pointer(pointer, name), problems));
  }
  return responses;
}

void parse_test_case(const std::string& machine, const std::string& name, const Json& value,
                     std::string_view pointer, const Responses& responses, Problems& problems,
                     MockTestCase& out) {
  out.name = name;
  if (!value.is_object()) {
    problems.add(pointer,
                 "a test case must be an object mapping state names to mocked "
                 "response names, not " +
                     kind_of(value));
    return;
  }
  for (const auto& [state, ref] : value.items()) {
    const std::string where = child_pointer(pointer, state);
    if (!ref.is_string()) {
      problems.add(where, "state " + json_quoted(state) +
                              " must name a mocked response (a string), "
                              "not " +
                              kind_of(ref));
      continue;
    }
    const std::string& response = ref.get_ref<const std::string&>();
    auto it = responses.find(response);
    if (it == responses.end()) {
      problems.add(where, "test case " + json_quoted(name) + " of state machine " +
                              json_quoted(machine) + ": state " + json_quoted(state) +
                              " names the mocked response " + json_quoted(response) +
                              ", which MockedResponses does not define");
    } else if (it->second) {
      out.states.emplace(state, it->second);
    }
  }
}

void parse_machines(const Json& value, const Responses& responses, Problems& problems,
                    MockConfig& config) {
  const std::string pointer = "/StateMachines";
  if (!value.is_object()) {
    problems.add(pointer,
                 "StateMachines must be an object (state machine name -> "
                 "{\"TestCases\": {...}}), not " +
                     kind_of(value));
    return;
  }
  for (const auto& [machine, body] : value.items()) {
    const std::string where = child_pointer(pointer, machine);
    auto& cases = config.machines_[machine];
    if (!body.is_object()) {
      problems.add(where, "state machine " + json_quoted(machine) +
                              " must be an object {\"TestCases\": {...}}, not " + kind_of(body));
      continue;
    }
    for (const auto& [key, field] : body.items()) {
      if (key != "TestCases") {
        problems.add(child_pointer(where, key),
                     unknown_field(key, "a state machine has only \"TestCases\"", {"TestCases"}));
      }
    }
    auto test_cases = body.find("TestCases");
    if (test_cases == body.end()) {
      problems.add(where, "state machine " + json_quoted(machine) +
                              " has no \"TestCases\" (test case name -> {state name: mocked "
                              "response name})");
      continue;
    }
    const std::string cases_pointer = child_pointer(where, "TestCases");
    if (!test_cases->is_object()) {
      problems.add(cases_pointer,
                   "TestCases must be an object (test case name -> {state name: "
                   "mocked response name}), not " +
                       kind_of(*test_cases));
      continue;
    }
    for (const auto& [name, mapping] : test_cases->items()) {
      parse_test_case(machine, name, mapping, child_pointer(cases_pointer, name), responses,
                      problems, cases[name]);
    }
  }
}

}  // namespace

}  // namespace mock

tl::expected<std::shared_ptr<const MockConfig>, std::string> parse_mock_config(
    std::string_view text) {
  mock::Problems problems;
  const Json doc = parse_json_or_discarded(text);
  if (doc.is_discarded()) {
    problems.add("", mock::not_json(text));
    return tl::unexpected(problems.text());
  }
  if (!doc.is_object()) {
    problems.add("",
                 "a mock config must be an object {\"StateMachines\": {...}, "
                 "\"MockedResponses\": {...}}, not " +
                     mock::kind_of(doc));
    return tl::unexpected(problems.text());
  }
  for (const auto& [key, value] : doc.items()) {
    if (key != "StateMachines" && key != "MockedResponses") {
      problems.add(mock::child_pointer("", key),
                   mock::unknown_field(key,
                                       "a mock config has only \"StateMachines\" and "
                                       "\"MockedResponses\"",
                                       {"StateMachines", "MockedResponses"}));
    }
  }
  mock::Responses responses;
  if (auto it = doc.find("MockedResponses"); it != doc.end()) {
    responses = mock::parse_responses(*it, problems);
  }
  auto config = std::make_shared<MockConfig>();
  if (auto it = doc.find("StateMachines"); it != doc.end()) {
    mock::parse_machines(*it, responses, problems, *config);
  }
  if (!problems.empty()) return tl::unexpected(problems.text());
  return config;
}

}  // namespace sfn::integrations
