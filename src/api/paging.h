// Pagination of the List* operations and GetExecutionHistory, as AWS pages: maxResults (absent
// or 0 = 100) and an opaque nextToken. A token holds the operation, a fingerprint of the
// request's filters, the sort key of the last item returned and when it was issued, with a
// checksum: a token of another operation or other filters, one older than 24 hours, or one
// altered, is InvalidToken. Pages continue after the key (keyset paging), so items added
// between two pages neither repeat nor shift the rest.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "api/api_error.h"
#include "api/request_fields.h"

namespace sfn::api {

// How long a nextToken stays valid (AWS: "Each pagination token expires after 24 hours").
inline constexpr double kPageTokenLifetimeSeconds = 24 * 60 * 60;

struct Paging {
  std::string operation;
  Json filters;               // the request members that select the list
  std::optional<Json> after;  // the sort key of the previous page's last item
  std::size_t limit = 100;
  double now = 0;  // when the request came (tokens carry it; older than 24 hours is invalid)

  // The nextToken that continues after the item whose sort key is `key`.
  std::string token_after(const Json& key) const;
};

// Reads maxResults and nextToken; `filters` are the request members the list depends on, `now`
// the request's time (epoch seconds).
ApiResult<Paging> read_paging(const RequestFields& f, std::size_t token_max_len,
                              std::string operation, Json filters, double now);

// A page of an in-memory list of `total` items in list order: `key_of(i)` is item i's sort key
// and `precedes(a, b)` the list order on keys. {"<name>": [item(i)...], "nextToken" when more}.
Json page_of(const Paging& paging, std::size_t total, const char* name,
             const std::function<Json(std::size_t)>& item,
             const std::function<Json(std::size_t)>& key_of,
             const std::function<bool(const Json&, const Json&)>& precedes);

// List orders on the sort key [date, ARN]: oldest first (state machines, activities) and newest
// first (executions). A key of another shape precedes nothing.
bool date_arn_ascending(const Json& a, const Json& b);
bool date_arn_descending(const Json& a, const Json& b);

}  // namespace sfn::api
