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
    return validation_error(
        shown, name, "Member must have length less than or equal to " + std::to_string(max_len));
  }
  return std::optional<std::string>(std::move(s));
}

ApiResult<std::optional<std::string>> RequestFields::optional_name(const char* name) const {
  auto v = optional_string(name);
  if (!v || !*v) return v;
  const std::string& s = **v;
  std::size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;  // UTF-8 lead bytes
  if (chars == 0)
    return validation_error("''", name, "Member must have length greater than or equal to 1");
  if (chars > kMaxNameChars)
    return validation_error(
        "'" + s + "'", name,
        "Member must have length less than or equal to " + std::to_string(kMaxNameChars));
  return v;
}

ApiResult<std::string> RequestFields::required_name(const char* name) const {
  auto v = optional_name(name);
  if (!v) return tl::unexpected(v.error());
  if (!*v) return validation_error("null", name, "Member must not be null");
  return std::move(**v);
}

ApiResult<std::optional<std::int64_t>> RequestFields::optional_int(const char* name,
                                                                   std::int64_t min,
                                                                   std::int64_t max) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return std::optional<std::int64_t>();
  if (!it->is_number_integer()) return wrong_type(name, "an integer");
  auto v = it->get<std::int64_t>();
  if (v < min)
    return validation_error(
        "'" + std::to_string(v) + "'", name,
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

ApiResult<std::map<std::string, std::string>> parse_tag_list(const std::optional<Json>& tags) {
  std::map<std::string, std::string> out;
  if (!tags) return out;
  for (const auto& t : *tags) {
    if (!t.is_object()) return wrong_type("tags", "a list of Tag structures");
    auto key = t.find("key");
    auto value = t.find("value");
    if ((key != t.end() && !key->is_string() && !key->is_null()) ||
        (value != t.end() && !value->is_string() && !value->is_null()))
      return wrong_type("tags", "Tag key and value to be strings");
    std::string k = key != t.end() && key->is_string() ? key->get<std::string>() : "";
    std::string v = value != t.end() && value->is_string() ? value->get<std::string>() : "";
    out[k] = v;
  }
  return out;
}

ApiResult<std::vector<std::string>> parse_tag_keys(const Json& keys) {
  std::vector<std::string> out;
  for (const auto& k : keys) {
    if (!k.is_string()) return wrong_type("tagKeys", "a list of strings");
    out.push_back(k.get<std::string>());
  }
  return out;
}

}  // namespace sfn::api
