// Where a STANDARD execution resumes after a restart. The engine saves it when a top-level state
// is entered and when that state parks (a Wait deadline, a task token, a submitted job); the
// store keeps it as JSON text in the execution's row (a small UPDATE, put_checkpoint).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "sfn/common/json.h"

namespace sfn::engine {

struct Checkpoint {
  // The top-level state being run, its raw input and its StateEntered event.
  std::string state;
  Json input;
  std::int64_t entered_event_id = 0;
  std::int64_t entered_previous_id = 0;
  // The last event recorded when this was saved: later ones are dropped on resume.
  std::int64_t last_event_id = 0;
  Json variables = Json::object();
  // Mocked-response call counters (Step Functions Local's mock files), when mocks are in use.
  Json mock_calls;

  // What the state waits for, if it parks.
  std::optional<double> wait_until;       // a Wait state's deadline (epoch seconds)
  std::optional<std::string> task_token;  // an activity's or a callback's task token
  std::optional<Json> task_submitted;     // a run-a-job (.sync) task's TaskSubmitted output
  bool callback_submitted = false;        // a .waitForTaskToken task's call was made

  // Waits on a deadline or a token: a resume point that cannot be what crashed the process.
  bool parked() const { return wait_until.has_value() || task_token.has_value(); }

  std::string to_text() const;
  // nullopt for an empty or unreadable text (the execution restarts from its beginning).
  static std::optional<Checkpoint> parse(const std::string& text);
};

}  // namespace sfn::engine
