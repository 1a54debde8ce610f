// Run-time values of the JSONata evaluator: JSON values plus what JSONata adds (undefined,
// sequences with their flags, functions). Converted to and from sfn::Json at the boundary.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::jsonata {

enum class ValueType : std::uint8_t { Undefined, Null, Boolean, Number, String, Array, Object, Function };

struct Array;
struct Object;
struct Function;

class Value {
 public:
  Value() = default;  // undefined
  static Value null() { Value v; v.type_ = ValueType::Null; return v; }
  static Value boolean(bool b) { Value v; v.type_ = ValueType::Boolean; v.num_ = b ? 1 : 0; return v; }
  static Value number(double d) { Value v; v.type_ = ValueType::Number; v.num_ = d; return v; }
  static Value string(std::string s);
  static Value array(std::shared_ptr<Array> a);
  static Value object(std::shared_ptr<Object> o);
  static Value function(std::shared_ptr<Function> f);
  static Value new_array();     // plain empty array
  static Value new_sequence();  // empty sequence
  static Value new_object();

  ValueType type() const { return type_; }
  bool is_undefined() const { return type_ == ValueType::Undefined; }
  bool is_defined() const { return type_ != ValueType::Undefined; }
  bool is_null() const { return type_ == ValueType::Null; }
  bool is_bool() const { return type_ == ValueType::Boolean; }
  bool is_number() const { return type_ == ValueType::Number; }
  bool is_string() const { return type_ == ValueType::String; }
  bool is_array() const { return type_ == ValueType::Array; }
  bool is_object() const { return type_ == ValueType::Object; }
  bool is_function() const { return type_ == ValueType::Function; }

  bool as_bool() const { return num_ != 0; }
  double as_number() const { return num_; }
  const std::string& as_string() const { return *static_cast<const std::string*>(ptr_.get()); }
  Array& as_array() const { return *static_cast<Array*>(ptr_.get()); }
  Object& as_object() const { return *static_cast<Object*>(ptr_.get()); }
  Function& as_function() const { return *static_cast<Function*>(ptr_.get()); }
  const void* identity() const { return ptr_.get(); }
  std::shared_ptr<Array> array_ptr() const { return std::static_pointer_cast<Array>(ptr_); }
  std::shared_ptr<Function> function_ptr() const { return std::static_pointer_cast<Function>(ptr_); }

  // Array helpers (only valid on arrays).
  bool is_sequence() const;
  std::size_t size() const;
  const Value& operator[](std::size_t i) const;

 private:
  ValueType type_ = ValueType::Undefined;
  double num_ = 0;
  std::shared_ptr<void> ptr_;
};

struct Array {
  std::vector<Value> items;
  bool sequence = false;
  bool keep_singleton = false;
  bool outer_wrapper = false;
  bool tuple_stream = false;
  bool cons = false;
};

// An object that keeps insertion order; lookups use a hash index once it grows.
struct Object {
  std::vector<std::pair<std::string, Value>> entries;

  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  void set(std::string_view key, Value value);
  bool erase(std::string_view key);
  std::size_t size() const { return entries.size(); }

 private:
  void rebuild_index();
  std::unordered_map<std::string, std::size_t> index_;
};

inline bool Value::is_sequence() const { return is_array() && as_array().sequence; }
inline std::size_t Value::size() const { return as_array().items.size(); }
inline const Value& Value::operator[](std::size_t i) const { return as_array().items[i]; }

// A sequence holding one value (or empty).
Value make_sequence(const Value& item);
Value make_sequence();
void push(const Value& array, Value item);

Value from_json(const Json& json);
// Throws D1001 for non-finite numbers. Functions become nothing (object members), null (array
// items) or undefined (top level), as JSON.stringify does.
std::optional<Json> to_json(const Value& value);

bool deep_equal(const Value& a, const Value& b);
bool is_function(const Value& v);
// JSONata's isNumeric: a finite number (throws D1001 on infinity like jsonata-js).
bool is_numeric(const Value& v);
bool is_array_of_strings(const Value& v);
bool is_array_of_numbers(const Value& v);
bool is_integer(double d);

}  // namespace sfn::jsonata
