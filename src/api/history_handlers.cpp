// GetExecutionHistory: maxResults, nextToken, reverseOrder, includeExecutionData.
#include "api/request_fields.h"
#include "api/service.h"

namespace sfn::api {
namespace {

void strip_execution_data(Json& event) {
  for (auto it = event.begin(); it != event.end(); ++it) {
    if (!it.value().is_object()) continue;
    for (const char* k : {"input", "output"}) {
      if (it.value().contains(k)) {
        it.value().erase(k);
        it.value()[std::string(k) + "Details"] = Json{{"truncated", false}};
        it.value()[std::string(k) + "Details"].erase("truncated");
        it.value().erase(std::string(k) + "Details");
      }
    }
  }
}

void get_execution_history(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  TRY(max, f.optional_int("maxResults", 0, 1000));
  TRY(reverse, f.optional_bool("reverseOrder"));
  TRY(token, f.optional_string("nextToken", 3096));
  TRY(include, f.optional_bool("includeExecutionData"));
  TRY(offset, parse_next_token(*token));
  std::shared_ptr<engine::ExecutionRecord> record;
  {
    std::lock_guard lock(svc.mutex);
    TRY(r, svc.find_execution(*arn));
    record = *r;
  }
  std::size_t limit = max->value_or(0) == 0 ? 100 : static_cast<std::size_t>(**max);
  Json events = Json::array();
  std::size_t total = 0;
  {
    std::lock_guard lock(record->mutex);
    total = record->events.size();
    for (std::size_t i = *offset; i < total && events.size() < limit; ++i) {
      std::size_t idx = reverse->value_or(false) ? total - 1 - i : i;
      Json e = record->events[idx];
      if (!include->value_or(true)) strip_execution_data(e);
      events.push_back(std::move(e));
    }
  }
  Json out{{"events", events}};
  if (*offset + events.size() < total) out["nextToken"] = make_next_token(*offset + events.size());
  reply(out);
}

}  // namespace

void register_history_handlers(std::map<std::string, Handler>& t) {
  t["GetExecutionHistory"] = get_execution_history;
}

}  // namespace sfn::api
