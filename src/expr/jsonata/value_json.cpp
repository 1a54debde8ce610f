// Conversion between Values and sfn::Json at the Program boundary (and for $parse): integral
// doubles within ±2^53 come back as integers, input not yet read is normalized without building
// Values, and every level and byte counts against JSON's depth limit and the memory budget.
#include <cmath>

#include "expr/jsonata/error.h"
#include "expr/jsonata/value.h"

namespace sfn::jsonata {
namespace {

Value from_json_at(const Json& json, std::size_t depth) {
  switch (json.type()) {
    case Json::value_t::null:
      return Value::null();
    case Json::value_t::boolean:
      return Value::boolean(json.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return Value::number(json.get<double>());
    case Json::value_t::string:
      return Value::string(json.get<std::string>());
    case Json::value_t::array: {
      check_depth(depth + 1);
      auto a = std::make_shared<Array>();
      a->items.reserve(json.size());
      for (const auto& item : json) a->items.push_back(from_json_at(item, depth + 1));
      return Value::array(std::move(a));
    }
    case Json::value_t::object: {
      check_depth(depth + 1);
      auto o = std::make_shared<Object>();
      // keys of a JSON object are unique: append without lookups
      o->entries.reserve(json.size());
      for (auto it = json.begin(); it != json.end(); ++it)
        o->append_new(it.key(), from_json_at(it.value(), depth + 1));
      return Value::object(std::move(o));
    }
    default:
      return Value{};
  }
}

// The JSON a conversion builds outside the counted values: checked against what is left of the
// memory budget as it grows (an array may hold one large string a million times).
class JsonOutput {
 public:
  void add(std::size_t bytes) {
    bytes_ += bytes;
    MemoryBudget::require(bytes_);
  }

 private:
  std::size_t bytes_ = 0;
};

constexpr std::size_t kJsonNodeBytes = sizeof(Json) + 16;

std::optional<Json> to_json_at(const Value& value, std::size_t depth, JsonOutput& output);

// to_json(from_json(json)) without building the Values: numbers pass through the same rule.
std::optional<Json> normalized(const Json& json, std::size_t depth, JsonOutput& output) {
  output.add(kJsonNodeBytes);
  switch (json.type()) {
    case Json::value_t::null:
    case Json::value_t::boolean:
      return json;
    case Json::value_t::string:
      output.add(json.get_ref<const std::string&>().size());
      return json;
    case Json::value_t::array: {
      check_depth(depth + 1);
      Json out = Json::array();
      for (const auto& item : json) {
        if (auto j = normalized(item, depth + 1, output)) out.push_back(std::move(*j));
      }
      return out;
    }
    case Json::value_t::object: {
      check_depth(depth + 1);
      Json out = Json::object();
      for (auto it = json.begin(); it != json.end(); ++it) {
        output.add(it.key().size());
        if (auto j = normalized(it.value(), depth + 1, output)) out[it.key()] = std::move(*j);
      }
      return out;
    }
    default:
      return to_json_at(from_json_at(json, depth), depth, output);
  }
}

}  // namespace

Value from_json(const Json& json) { return from_json_at(json, 0); }

namespace {

std::optional<Json> to_json_at(const Value& value, std::size_t depth, JsonOutput& output) {
  if (const Json* source = value.unread_source()) return normalized(*source, depth, output);
  output.add(kJsonNodeBytes);
  switch (value.type()) {
    case ValueType::Undefined:
    case ValueType::Function:
      return std::nullopt;
    case ValueType::Null:
      return Json(nullptr);
    case ValueType::Boolean:
      return Json(value.as_bool());
    case ValueType::Number: {
      double d = value.as_number();
      if (!std::isfinite(d)) throw_error("D1001", {}, {}, value);
      if (d == std::floor(d) && std::fabs(d) <= 9007199254740992.0) {
        return Json(static_cast<std::int64_t>(d));
      }
      return Json(d);
    }
    case ValueType::String:
      output.add(value.as_string().size());
      return Json(value.as_string());
    case ValueType::Array: {
      check_depth(depth + 1);
      Json out = Json::array();
      out.get_ref<Json::array_t&>().reserve(value.size());
      for (const auto& item : value.as_array().items) {
        auto j = to_json_at(item, depth + 1, output);
        if (j) {
          out.push_back(std::move(*j));
        } else if (item.is_function()) {
          out.push_back(nullptr);
        }
      }
      return out;
    }
    case ValueType::Object: {
      check_depth(depth + 1);
      Json out = Json::object();
      // the keys are unique: append them without ordered_map's search
      auto& members = static_cast<Json::object_t::Container&>(out.get_ref<Json::object_t&>());
      members.reserve(value.as_object().size());
      for (const auto& [k, v] : value.as_object().entries) {
        output.add(k.size());
        auto j = to_json_at(v, depth + 1, output);
        if (j) members.emplace_back(k, std::move(*j));
      }
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Json> to_json(const Value& value) {
  JsonOutput output;
  return to_json_at(value, 0, output);
}

}  // namespace sfn::jsonata
