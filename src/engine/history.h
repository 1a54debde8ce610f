// History events as AWS records them. Each event's previousEventId is the "source" event of
// the chain it belongs to (an EventChain per execution path: the top level, each Parallel branch,
// each Map iteration). Strand-confined recorder; the record's events are guarded by its mutex.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "engine/event_types.h"
#include "sfn/common/clock.h"
#include "sfn/common/json.h"
#include "sfn/engine/execution_record.h"
#include "sfn/engine/quotas.h"

namespace sfn::engine {

struct EventChain {
  std::int64_t source = 0;          // previousEventId of the next event
  std::int64_t last_published = 0;  // id of the last event added through this chain
  // A muted chain records nothing: the iterations of a distributed Map run as child
  // executions whose events are not part of the parent's history.
  bool muted = false;

  // Joins a finished child chain (branch/iteration) back into its parent.
  void integrate(const EventChain& child) {
    source = std::max(source, child.source);
    last_published = std::max(last_published, child.last_published);
  }
};

class HistoryRecorder {
 public:
  using Sink = std::function<void(std::int64_t id, const Json& event)>;

  // Timestamps come from `clock`, which must outlive the recorder.
  HistoryRecorder(std::shared_ptr<ExecutionRecord> record, const Clock& clock, Sink sink);

  // Adds an event of `type` with `details` under the type's details member (an empty object
  // when null; ignored for a type without details).
  // At the history quota, "if the event number 25,000 isn't ExecutionSucceeded, the
  // ExecutionFailed event is logged and the state machine execution fails": that event is
  // recorded instead, `on_limit` runs (it stops the execution) and later events are dropped.
  std::int64_t add(EventChain& chain, EventType type, Json details = nullptr,
                   bool update_source = true);

  std::int64_t last_id() const { return next_id_ - 1; }
  void set_next_id(std::int64_t next) { next_id_ = next; }

  void set_limit(std::int64_t max_events, std::function<void()> on_limit) {
    max_events_ = max_events;
    on_limit_ = std::move(on_limit);
  }
  bool limit_reached() const { return limit_reached_; }
  static const char* limit_error() { return "States.Runtime"; }
  std::string limit_cause() const;

 private:
  void append(EventChain& chain, EventType type, Json details, bool update_source);

  std::shared_ptr<ExecutionRecord> record_;
  const Clock& clock_;
  Sink sink_;
  std::int64_t next_id_ = 1;
  std::int64_t max_events_ = kMaxHistoryEvents;
  std::function<void()> on_limit_;
  bool limit_reached_ = false;
};

// {"input": "<json text>", "inputDetails": {"truncated": false}} style payload fields.
void put_payload(Json& details, const char* field, const Json& value);

}  // namespace sfn::engine
