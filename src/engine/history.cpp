#include "engine/history.h"

#include "sfn/common/clock.h"

namespace sfn::engine {

HistoryRecorder::HistoryRecorder(std::shared_ptr<ExecutionRecord> record, const Clock& clock,
                                 Sink sink)
    : record_(std::move(record)), clock_(clock), sink_(std::move(sink)) {}

std::string HistoryRecorder::limit_cause() const {
  return "The execution reached the maximum number of events in its history (" +
         std::to_string(max_events_) + ").";
}

std::int64_t HistoryRecorder::add(EventChain& chain, EventType type, Json details,
                                  bool update_source) {
  if (chain.muted || limit_reached_) return 0;
  if (next_id_ >= max_events_ && !ends_execution(type)) {
    limit_reached_ = true;
    append(chain, EventType::kExecutionFailed,
           Json{{"cause", limit_cause()}, {"error", limit_error()}}, update_source);
    if (on_limit_) on_limit_();
    return 0;
  }
  append(chain, type, std::move(details), update_source);
  return chain.last_published;
}

void HistoryRecorder::append(EventChain& chain, EventType type, Json details, bool update_source) {
  const std::int64_t id = next_id_++;
  Json event = Json::object();
  event["timestamp"] = clock_.epoch_seconds();
  event["type"] = name_of(type);
  event["id"] = id;
  event["previousEventId"] = chain.source;
  if (const auto key = details_key(type); !key.empty())
    event[std::string(key)] = details.is_null() ? Json::object() : std::move(details);
  chain.last_published = id;
  if (update_source) chain.source = id;
  if (sink_) sink_(id, event);
  std::lock_guard lock(record_->mutex);
  record_->events.push_back(std::move(event));
}

void put_payload(Json& details, const char* field, const Json& value) {
  details[field] = dump_compact(value);
  details[std::string(field) + "Details"] = Json{{"truncated", false}};
}

}  // namespace sfn::engine
