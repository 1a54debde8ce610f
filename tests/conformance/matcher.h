// Placeholder-aware comparison of an expected (recorded) JSON value with an actual one, exactly as
// Matcher.diff in run_cases.py: placeholders in expected strings are wildcards for text (a whole
// literal of the case also for a number, never for an object, array, boolean or null), JSON text
// on one side equals the parsed value on the other, numbers compare by value, booleans only with
// booleans.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::conformance {

class Matcher {
 public:
  explicit Matcher(const std::vector<std::string>& literals);

  // nullopt when equal modulo placeholders, else a short description of the first difference.
  std::optional<std::string> diff(const Json& expected, const Json& actual,
                                  const std::string& path = "$") const;

 private:
  std::set<std::string> literals_;
};

// json.dumps(v, ensure_ascii=False), shortened to n characters with "..." (for messages).
std::string short_json(const Json& value, std::size_t n = 120);

}  // namespace sfn::conformance
