// Diagnostic collection and the location/type-name helpers every parser shares.
#include "asl/parse/diagnostics.h"

#include <algorithm>

namespace sfn::asl::detail {

void Diagnostics::error(std::string_view code, std::string message, std::string location) {
  Diagnostic d;
  d.severity = "ERROR";
  d.code = std::string(code);
  d.message = std::move(message);
  d.location = location.empty() ? "/" : std::move(location);
  // The same problem reached twice (e.g. through two checks) is reported once.
  for (const auto& existing : items_) {
    if (existing.code == d.code && existing.message == d.message && existing.location == d.location) {
      return;
    }
  }
  items_.push_back(std::move(d));
}

void Diagnostics::warning(std::string_view code, std::string message, std::string location) {
  Diagnostic d;
  d.severity = "WARNING";
  d.code = std::string(code);
  d.message = std::move(message);
  d.location = std::move(location);
  items_.push_back(std::move(d));
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == "ERROR"; });
}

std::string child_location(std::string_view parent, std::string_view key) {
  std::string out(parent);
  out += '/';
  out += key;
  return out;
}

std::string index_location(std::string_view parent, std::size_t index) {
  return child_location(parent, std::to_string(index));
}

std::string json_type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::string: return "STRING";
    case Json::value_t::boolean: return "BOOLEAN";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return "NUMBER";
    case Json::value_t::object: return "OBJECT";
    case Json::value_t::array: return "ARRAY";
    case Json::value_t::null: return "NULL";
    default: return "UNKNOWN";
  }
}

}  // namespace sfn::asl::detail
