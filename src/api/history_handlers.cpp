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
  TRY(reverse, f.optional_bool("reverseOrder"));
  TRY(include, f.optional_bool("includeExecutionData"));
  TRY(page, read_page_request(f, 3096));
  std::shared_ptr<engine::ExecutionRecord> record;
  {
    std::lock_guard lock(svc.mutex);
    TRY(r, svc.find_execution(*arn));
    record = *r;
  }
  Json out;
  {
    std::lock_guard lock(record->mutex);
    const std::size_t total = record->events.size();
    out = page_of(*page, total, "events", [&](std::size_t i) {
      Json e = record->events[reverse->value_or(false) ? total - 1 - i : i];
      if (!include->value_or(true)) strip_execution_data(e);
      return e;
    });
  }
  reply(out);
}

}  // namespace

void register_history_handlers(std::map<std::string, Handler>& t) {
  t["GetExecutionHistory"] = get_execution_history;
}

}  // namespace sfn::api
