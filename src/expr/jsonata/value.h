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

#include "expr/jsonata/memory_budget.h"
#include "sfn/common/json.h"

namespace sfn::jsonata {

enum class ValueType : std::uint8_t {
  Undefined,
  Null,
  Boolean,
  Number,
  String,
  Array,
  Object,
  Function
};

struct Array;
struct Object;
struct Function;
class InputStore;
class DeferredRelease;

// Values nest at most as deep as JSON may (sfn::kMaxJsonDepth): every walk of a value counts the
// levels it enters and fails with U1004 past that, so no value can exhaust the stack.
[[noreturn]] void throw_too_deep();
inline void check_depth(std::size_t level) {
  if (level > kMaxJsonDepth) throw_too_deep();
}

class Value {
 public:
  Value() = default;  // undefined
  static Value null() {
    Value v;
    v.type_ = ValueType::Null;
    return v;
  }
  static Value boolean(bool b) {
    Value v;
    v.type_ = ValueType::Boolean;
    v.num_ = b ? 1 : 0;
    return v;
  }
  static Value number(double d) {
    Value v;
    v.type_ = ValueType::Number;
    v.num_ = d;
    return v;
  }
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
  // Arrays and objects of the input are read from the JSON on first access (see InputStore).
  Array& as_array() const;
  Object& as_object() const;
  Function& as_function() const { return *static_cast<Function*>(ptr_.get()); }
  const void* identity() const { return ptr_.get(); }
  // True when this is the only reference to its array, object or function (nothing else can see
  // a change to it). Never true for values of the input, which are not reference-counted.
  bool is_unique() const { return ptr_.use_count() == 1; }
  std::shared_ptr<Array> array_ptr() const;
  // The input JSON of an array or object not read yet (else nullptr).
  const Json* unread_source() const;
  std::shared_ptr<Function> function_ptr() const {
    return std::static_pointer_cast<Function>(ptr_);
  }

  // The member `key` of an object (undefined when absent). An object of the input not read yet
  // stays unread when the member is not an array or object.
  Value member(std::string_view key) const;

  // Array helpers (only valid on arrays).
  bool is_sequence() const;
  std::size_t size() const;
  const Value& operator[](std::size_t i) const;

 private:
  friend class InputStore;
  friend class DeferredRelease;
  // A value that points into storage it does not own (no reference count).
  static Value borrowed(ValueType type, const void* p);

  ValueType type_ = ValueType::Undefined;
  double num_ = 0;
  std::shared_ptr<void> ptr_;
};

// Item storage counted against the evaluation's memory budget.
using Items = std::vector<Value, BudgetAllocator<Value>>;

struct Array {
  Array() = default;
  Array(const Array&) = default;
  Array& operator=(const Array&) = default;
  ~Array();  // frees nested values without recursion (see DeferredRelease)

  Items items;
  bool sequence = false;
  bool keep_singleton = false;
  bool outer_wrapper = false;
  bool tuple_stream = false;
  bool cons = false;

 private:
  friend class Value;
  friend class InputStore;
  void load();
  // Set until first access: `items` are still only in this JSON array of the input.
  const Json* source_ = nullptr;
  InputStore* store_ = nullptr;
  BudgetCharge header_{sizeof(Array) + 16 + kAllocationOverhead};  // + the control block
};

// An object that keeps insertion order; lookups use a hash index once it grows.
constexpr std::size_t kLinearObjectSize = 8;  // larger objects have the index
struct Object {
  using Entries =
      std::vector<std::pair<std::string, Value>, BudgetAllocator<std::pair<std::string, Value>>>;

  Object() = default;
  Object(const Object& other);
  Object& operator=(const Object& other);
  ~Object();  // frees nested values without recursion (see DeferredRelease)

  Entries entries;

  const Value* find(std::string_view key) const;
  Value* find(std::string_view key);
  void set(std::string_view key, Value value);
  // Appends a key known to be new (a JSON object's keys are unique).
  void append_new(std::string_view key, Value value);
  bool erase(std::string_view key);
  std::size_t size() const { return entries.size(); }

 private:
  friend class Value;
  friend class InputStore;
  void rebuild_index();
  void load();
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept {
      return std::hash<std::string_view>{}(key);
    }
  };
  using Index = std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>,
                                   BudgetAllocator<std::pair<const std::string, std::size_t>>>;
  void count_key(std::string_view key, std::size_t& counter);
  void drop_index();
  std::unique_ptr<Index> index_;  // null while the object is small
  // Set until first access: `entries` are still only in this JSON object of the input.
  const Json* source_ = nullptr;
  InputStore* store_ = nullptr;
  // Keys too long to be stored inline, counted against the memory budget (the entries' and the
  // index's copies).
  std::size_t key_bytes_ = 0;
  std::size_t index_key_bytes_ = 0;
  BudgetCharge header_{sizeof(Object) + 16 + kAllocationOverhead};
};

// Frees values without recursion: the destructor of an array, object or function hands the
// values it held last to the outermost DeferredRelease of the thread, which frees them one by
// one. A value nested 100,000 deep is freed in a loop, not on 100,000 stack frames.
class DeferredRelease {
 public:
  DeferredRelease() noexcept;
  ~DeferredRelease();
  DeferredRelease(const DeferredRelease&) = delete;
  DeferredRelease& operator=(const DeferredRelease&) = delete;
  void add(Value& value) noexcept;

 private:
  bool outermost_;
  std::vector<std::shared_ptr<void>> pending_;
};

inline Array& Value::as_array() const {
  auto* a = static_cast<Array*>(ptr_.get());
  if (a->source_) a->load();
  return *a;
}
inline Object& Value::as_object() const {
  auto* o = static_cast<Object*>(ptr_.get());
  if (o->source_) o->load();
  return *o;
}
inline std::shared_ptr<Array> Value::array_ptr() const {
  as_array();
  return std::static_pointer_cast<Array>(ptr_);
}
// The flags of an array are known before its items are read.
inline bool Value::is_sequence() const {
  return is_array() && static_cast<const Array*>(ptr_.get())->sequence;
}
inline std::size_t Value::size() const { return as_array().items.size(); }
inline const Value& Value::operator[](std::size_t i) const { return as_array().items[i]; }

// A sequence holding one value (or empty).
Value make_sequence(const Value& item);
Value make_sequence();
void push(const Value& array, Value item);

Value from_json(const Json& json);

// The documents of one evaluation (input and bindings) seen as Values without copying them: a
// string points at the JSON's own string, and an array or object is read one level at a time when
// the evaluation first looks into it. The JSON and this store must outlive every Value made from
// them; nothing is reference-counted.
class InputStore {
 public:
  InputStore() = default;
  InputStore(const InputStore&) = delete;
  InputStore& operator=(const InputStore&) = delete;

  Value wrap(const Json& json);

 private:
  template <class T>
  class Pool {
   public:
    T* make();

   private:
    std::vector<std::unique_ptr<T[]>> blocks_;
    std::size_t used_ = 0;
    std::size_t capacity_ = 0;
  };
  Pool<Array> arrays_;
  Pool<Object> objects_;
};
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
