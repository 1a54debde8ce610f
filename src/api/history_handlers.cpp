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
  TRY(reverse_field, f.optional_bool("reverseOrder"));
  TRY(include_field, f.optional_bool("includeExecutionData"));
  TRY(page, read_page_request(f, 3096));
  const bool reverse = reverse_field->value_or(false);
  const bool include = include_field->value_or(true);
  svc.find_execution(*arn, [&svc, reverse, include, page = *page, reply](auto found) {
    if (!found) return reply(tl::unexpected(found.error()));
    if (found->in_memory) {
      const auto& record = found->record;
      std::lock_guard lock(record->mutex);
      const std::size_t total = record->events.size();
      return reply(page_of(page, total, "events", [&](std::size_t i) {
        Json e = record->events[reverse ? total - 1 - i : i];
        if (!include) strip_execution_data(e);
        return e;
      }));
    }
    store::EventPageQuery query{found->record->arn, page.offset, page.limit, reverse};
    svc.store.read_events(query, [&svc, include, offset = page.offset, reply](auto events) {
      svc.post([include, offset, events = std::move(events), reply] {
        if (!events)
          return reply(tl::unexpected(
              ApiError{"InternalFailure", "Internal failure: " + events.error(), 500}));
        Json items = Json::array();
        for (const auto& row : events->events) {
          Json e = parse_json_or_discarded(row.json);
          if (e.is_discarded()) continue;
          if (!include) strip_execution_data(e);
          items.push_back(std::move(e));
        }
        Json out{{"events", std::move(items)}};
        if (events->more) out["nextToken"] = next_page_token(offset + events->events.size());
        reply(out);
      });
    });
  });
}

}  // namespace

void register_history_handlers(std::map<std::string, Handler>& t) {
  t["GetExecutionHistory"] = get_execution_history;
}

}  // namespace sfn::api
