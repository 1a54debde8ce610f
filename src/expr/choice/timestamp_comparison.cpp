// TimestampEquals, TimestampLessThan, ... (and ...Path forms): "Timestamps are compared as
// instants"; both sides must be RFC3339 timestamps, otherwise the comparison is false.
#include "expr/choice/rule_impl.h"
#include "sfn/common/clock.h"

namespace sfn::choice::detail {

namespace {

bool timestamp_literal_ok(const Json& v) {
  return v.is_string() && parse_iso8601(v.get_ref<const std::string&>()).has_value();
}

std::optional<int> compare_timestamps(const Json& a, const Json& b) {
  if (!a.is_string() || !b.is_string()) return std::nullopt;
  auto x = parse_iso8601(a.get_ref<const std::string&>());
  auto y = parse_iso8601(b.get_ref<const std::string&>());
  if (!x || !y) return std::nullopt;
  return *x < *y ? -1 : (*x > *y ? 1 : 0);
}

}  // namespace

const Family& timestamp_family() {
  static const Family family{"Timestamp", &timestamp_literal_ok, "valid ISO-8601 timestamp",
                             &compare_timestamps, true};
  return family;
}

}  // namespace sfn::choice::detail
