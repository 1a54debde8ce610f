#include "api/request_fields.h"

namespace sfn::api {
namespace {

tl::unexpected<ApiError> wrong_type(const char* name, const char* expected) {
  return api_error("SerializationException",
                   std::string("Unexpected value for field '") + name + "': expected " + expected);
}

}  // namespace

tl::unexpected<ApiError> validation_error(const std::string& shown_value, const std::string& field,
                                          const std::string& constraint) {
  return api_error("ValidationException", "1 validation error detected: Value " + shown_value +
                                              " at '" + field +
                                              "' failed to satisfy constraint: " + constraint);
}

ApiResult<std::string> RequestFields::required_string(const char* name, std::size_t max_len) const {
  auto v = optional_string(name, max_len);
  if (!v) return tl::unexpected(v.error());
  if (!*v) return validation_error("null", name, "Member must not be null");
  return std::move(**v);
}

ApiResult<std::optional<std::string>> RequestFields::optional_string(const char* name,
                                                                     std::size_t max_len) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return wrong_type(name, "a string");
  std::string s = it->get<std::string>();
  if (max_len && s.size() > max_len) {
    std::string shown = s.size() > 64 ? "'" + s.substr(0, 64) + "...'" : "'" + s + "'";
    return validation_error(shown, name,
                            "Member must have length less than or equal to " + std::to_string(max_len));
  }
  return std::optional<std::string>(std::move(s));
}

ApiResult<std::optional<std::int64_t>> RequestFields::optional_int(const char* name, std::int64_t min,
                                                                   std::int64_t max) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer()) return wrong_type(name, "an integer");
  auto v = it->get<std::int64_t>();
  if (v < min)
    return validation_error("'" + std::to_string(v) + "'", name,
                            "Member must have value greater than or equal to " + std::to_string(min));
  if (v > max)
    return validation_error("'" + std::to_string(v) + "'", name,
                            "Member must have value less than or equal to " + std::to_string(max));
  return std::optional<std::int64_t>(v);
}

ApiResult<std::optional<bool>> RequestFields::optional_bool(const char* name) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return wrong_type(name, "a boolean");
  return std::optional<bool>(it->get<bool>());
}

ApiResult<std::optional<Json>> RequestFields::optional_object(const char* name) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::optional<Json>();
  if (!it->is_object()) return wrong_type(name, "an object");
  return std::optional<Json>(*it);
}

ApiResult<std::optional<Json>> RequestFields::optional_array(const char* name) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::optional<Json>();
  if (!it->is_array()) return wrong_type(name, "a list");
  return std::optional<Json>(*it);
}

}  // namespace sfn::api
