#include "sfn/engine/checkpoint.h"

namespace sfn::engine {
namespace {

// The JSON keys (kept stable: databases written by earlier versions resume).
constexpr const char* kState = "state";
constexpr const char* kInput = "input";
constexpr const char* kEnteredEventId = "entered_event_id";
constexpr const char* kEnteredPreviousId = "entered_previous_id";
constexpr const char* kLastEventId = "last_event_id";
constexpr const char* kVariables = "variables";
constexpr const char* kMockCalls = "mock_calls";
constexpr const char* kWaitUntil = "wait_until";
constexpr const char* kTaskToken = "task_token";
constexpr const char* kTaskSubmitted = "task_submitted";
constexpr const char* kCallbackSubmitted = "callback_submitted";

}  // namespace

std::string Checkpoint::to_text() const {
  Json j = Json::object();
  j[kState] = state;
  j[kInput] = input;
  j[kEnteredEventId] = entered_event_id;
  j[kLastEventId] = last_event_id;
  j[kVariables] = variables;
  j[kEnteredPreviousId] = entered_previous_id;
  if (!mock_calls.is_null() && !mock_calls.empty()) j[kMockCalls] = mock_calls;
  if (wait_until) j[kWaitUntil] = *wait_until;
  if (task_token) j[kTaskToken] = *task_token;
  if (task_submitted) j[kTaskSubmitted] = *task_submitted;
  if (callback_submitted) j[kCallbackSubmitted] = true;
  return dump_compact(j);
}

std::optional<Checkpoint> Checkpoint::parse(const std::string& text) {
  Json j = parse_json_or_discarded(text);
  if (j.is_discarded() || !j.is_object() || !j.contains(kState) || !j[kState].is_string())
    return std::nullopt;
  try {
    Checkpoint cp;
    cp.state = j[kState].get<std::string>();
    cp.input = j.value(kInput, Json());
    cp.entered_event_id = j.value(kEnteredEventId, std::int64_t{0});
    cp.entered_previous_id = j.value(kEnteredPreviousId, std::int64_t{0});
    cp.last_event_id = j.value(kLastEventId, cp.entered_event_id);
    cp.variables = j.value(kVariables, Json::object());
    cp.mock_calls = j.value(kMockCalls, Json());
    if (j.contains(kWaitUntil)) cp.wait_until = j[kWaitUntil].get<double>();
    if (j.contains(kTaskToken)) cp.task_token = j[kTaskToken].get<std::string>();
    if (j.contains(kTaskSubmitted)) cp.task_submitted = j[kTaskSubmitted];
    cp.callback_submitted = j.value(kCallbackSubmitted, false);
    return cp;
  } catch (const Json::exception&) {
    return std::nullopt;  // a value of the wrong type: unreadable
  }
}

}  // namespace sfn::engine
