// Typed access to request members with AWS's errors: a wrong JSON type is a
// SerializationException, a missing required member a ValidationException.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/api_error.h"

// In a handler: evaluates an ApiResult and answers its error through `reply`.
#define TRY(var, expr) \
  auto var = (expr);   \
  if (!var) return reply(tl::unexpected(var.error()));

namespace sfn::api {

// The longest resource name (state machine, activity, execution), in characters; in UTF-8 at
// most 4 bytes each.
inline constexpr std::size_t kMaxNameChars = 80;
inline constexpr std::size_t kMaxNameBytes = 4 * kMaxNameChars;

class RequestFields {
 public:
  explicit RequestFields(const Json& body) : body_(body) {}

  ApiResult<std::string> required_string(const char* name, std::size_t max_len = 0) const;
  ApiResult<std::optional<std::string>> optional_string(const char* name,
                                                        std::size_t max_len = 0) const;
  // A resource name member (the model's Name: 1 to kMaxNameChars characters, as code points);
  // its characters are checked by the caller (InvalidName).
  ApiResult<std::optional<std::string>> optional_name(const char* name) const;
  ApiResult<std::string> required_name(const char* name) const;
  ApiResult<std::optional<std::int64_t>> optional_int(const char* name, std::int64_t min,
                                                      std::int64_t max) const;
  ApiResult<std::optional<bool>> optional_bool(const char* name) const;
  // Any JSON object (configuration structures are echoed as given).
  ApiResult<std::optional<Json>> optional_object(const char* name) const;
  ApiResult<std::optional<Json>> optional_array(const char* name) const;

 private:
  const Json& body_;
};

// A `tags` member ([{"key": "k", "value": "v"}, ...]) as a map; members of the wrong JSON type
// are a SerializationException, so nothing is written before the whole list checks out.
ApiResult<std::map<std::string, std::string>> parse_tag_list(const std::optional<Json>& tags);
// A `tagKeys` member: a list of strings.
ApiResult<std::vector<std::string>> parse_tag_keys(const Json& keys);

}  // namespace sfn::api
