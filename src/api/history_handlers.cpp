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
  const bool reverse = reverse_field->value_or(false);
  const bool include = include_field->value_or(true);
  Json filters = Json::object();
  filters["executionArn"] = *arn;
  filters["reverseOrder"] = reverse;
  TRY(paging,
      read_paging(f, 3096, "GetExecutionHistory", std::move(filters), svc.clock->epoch_seconds()));
  if (paging->after && !paging->after->is_number_integer())
    return reply(api_error("InvalidToken", "Invalid Token: the token does not continue this list"));
  svc.find_execution(*arn, [&svc, reverse, include, paging = *paging, reply](auto found) {
    if (!found) return reply(tl::unexpected(found.error()));
    if (found->in_memory) {
      const auto& record = found->record;
      std::lock_guard lock(record->mutex);
      const std::size_t total = record->events.size();
      auto at = [&](std::size_t i) -> const Json& {
        return record->events[reverse ? total - 1 - i : i];
      };
      return reply(page_of(
          paging, total, "events",
          [&](std::size_t i) {
            Json e = at(i);
            if (!include) strip_execution_data(e);
            return e;
          },
          [&](std::size_t i) { return at(i)["id"]; },
          [reverse](const Json& a, const Json& b) {
            if (!a.is_number_integer() || !b.is_number_integer()) return false;
            return reverse ? a.get<std::int64_t>() > b.get<std::int64_t>()
                           : a.get<std::int64_t>() < b.get<std::int64_t>();
          }));
    }
    store::EventPageQuery query{found->record->arn,
                                paging.after ? paging.after->get<std::int64_t>() : 0, paging.limit,
                                reverse};
    svc.store.read_events(query, [&svc, include, paging, reply](auto events) {
      svc.post([include, paging, events = std::move(events), reply] {
        if (!events) return reply(internal_failure(events.error()));
        Json items = Json::array();
        for (const auto& row : events->events) {
          Json e = parse_json_or_discarded(row.json);
          if (e.is_discarded()) continue;
          if (!include) strip_execution_data(e);
          items.push_back(std::move(e));
        }
        Json out{{"events", std::move(items)}};
        if (events->more && !events->events.empty())
          out["nextToken"] = paging.token_after(events->events.back().id);
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
