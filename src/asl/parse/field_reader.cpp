// FieldReader: typed field access with AWS's SCHEMA_VALIDATION_FAILED wording.
#include "asl/parse/field_reader.h"

#include <cmath>

namespace sfn::asl::detail {

bool FieldReader::has(std::string_view key) const {
  return object_.is_object() && object_.contains(key);
}

const Json* FieldReader::get(std::string_view key) {
  if (!object_.is_object()) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) return nullptr;
  consumed_.insert(std::string(key));
  return &*it;
}

void FieldReader::type_error(std::string_view key, std::string_view expected) {
  diags_.schema("The value for the field '" + std::string(key) + "' must be a " +
                    std::string(expected),
                at(key));
}

std::optional<std::string> FieldReader::string(std::string_view key) {
  const Json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    type_error(key, "STRING");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
  const Json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    type_error(key, "BOOLEAN");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<double> FieldReader::number(std::string_view key) {
  const Json* v = get(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    type_error(key, "NUMBER");
    return std::nullopt;
  }
  return v->get<double>();
}

std::optional<std::int64_t> FieldReader::integer(std::string_view key) {
  const Json* v = get(key);
  if (!v) return std::nullopt;
  if (v->is_number_integer()) return v->get<std::int64_t>();
  if (v->is_number_unsigned()) return static_cast<std::int64_t>(v->get<std::uint64_t>());
  if (v->is_number_float()) {
    double d = v->get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18) {
      return static_cast<std::int64_t>(d);
    }
  }
  type_error(key, "INTEGER");
  return std::nullopt;
}

const Json* FieldReader::object_field(std::string_view key) {
  const Json* v = get(key);
  if (!v) return nullptr;
  if (!v->is_object()) {
    type_error(key, "OBJECT");
    return nullptr;
  }
  return v;
}

const Json* FieldReader::array_field(std::string_view key) {
  const Json* v = get(key);
  if (!v) return nullptr;
  if (!v->is_array()) {
    type_error(key, "ARRAY");
    return nullptr;
  }
  return v;
}

bool FieldReader::require(std::initializer_list<std::string_view> keys) {
  std::string missing;
  for (auto key : keys) {
    if (has(key)) continue;
    if (!missing.empty()) missing += ", ";
    missing += key;
  }
  if (missing.empty()) return true;
  diags_.schema("These fields are required: [" + missing + "]", location_);
  return false;
}

bool FieldReader::at_most_one(std::initializer_list<std::string_view> keys) {
  int count = 0;
  std::string list;
  for (auto key : keys) {
    if (has(key)) ++count;
    if (!list.empty()) list += ", ";
    list += key;
  }
  if (count <= 1) return true;
  diags_.schema("There should only be one of the following fields: [" + list + "]", location_);
  return false;
}

void FieldReader::reject_unconsumed() {
  if (!object_.is_object()) return;
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    if (consumed_.count(it.key())) continue;
    diags_.schema("Field '" + it.key() + "' is not supported", location_);
  }
}

}  // namespace sfn::asl::detail
