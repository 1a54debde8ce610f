#include "expr/jsonata/value.h"

#include <cmath>

#include "expr/jsonata/error.h"

namespace sfn::jsonata {
namespace {

// A string and what it counts against the memory budget while it exists.
struct StringBox {
  std::string text;
  std::size_t charged;
  ~StringBox() { MemoryBudget::release(charged); }
};

// A key longer than this is stored outside the std::string (libstdc++'s small-string buffer).
constexpr std::size_t kInlineKey = 15;

thread_local DeferredRelease* outermost_release = nullptr;

}  // namespace

void throw_too_deep() {
  JsonataException e;
  e.code = "U1004";
  throw e;
}

Value Value::string(std::string s) {
  // the text (when longer than the inline buffer), the box and its control block
  const std::size_t charged = s.capacity() + sizeof(StringBox) + 16 + 2 * kAllocationOverhead;
  MemoryBudget::charge(charged);
  auto box = std::make_shared<StringBox>(StringBox{std::move(s), charged});
  Value v;
  v.type_ = ValueType::String;
  std::string* text = &box->text;
  v.ptr_ = std::shared_ptr<void>(std::move(box), text);  // as_string() reads the std::string
  return v;
}
Value Value::array(std::shared_ptr<Array> a) {
  Value v;
  v.type_ = ValueType::Array;
  v.ptr_ = std::move(a);
  return v;
}
Value Value::object(std::shared_ptr<Object> o) {
  Value v;
  v.type_ = ValueType::Object;
  v.ptr_ = std::move(o);
  return v;
}
Value Value::function(std::shared_ptr<Function> f) {
  Value v;
  v.type_ = ValueType::Function;
  v.ptr_ = std::move(f);
  return v;
}
Value Value::borrowed(ValueType type, const void* p) {
  Value v;
  v.type_ = type;
  // aliasing an empty shared_ptr: copies of the value never touch a reference count
  v.ptr_ = std::shared_ptr<void>(std::shared_ptr<void>(), const_cast<void*>(p));
  return v;
}
Value Value::new_array() { return array(std::make_shared<Array>()); }
Value Value::new_sequence() {
  auto a = std::make_shared<Array>();
  a->sequence = true;
  return array(std::move(a));
}
Value Value::new_object() { return object(std::make_shared<Object>()); }

DeferredRelease::DeferredRelease() noexcept : outermost_(outermost_release == nullptr) {
  if (outermost_) outermost_release = this;
}

void DeferredRelease::add(Value& value) noexcept {
  // only the last reference to an array, object or function can start a chain of destructors
  if ((value.is_array() || value.is_object() || value.is_function()) && value.ptr_.use_count() == 1)
    outermost_release->pending_.push_back(std::move(value.ptr_));
}

DeferredRelease::~DeferredRelease() {
  if (!outermost_) return;
  while (!pending_.empty()) {
    std::shared_ptr<void> next = std::move(pending_.back());
    pending_.pop_back();
    next.reset();  // its destructor adds what it held to pending_
  }
  outermost_release = nullptr;
}

Array::~Array() {
  DeferredRelease release;
  for (auto& item : items) release.add(item);
}

Object::~Object() {
  {
    DeferredRelease release;
    for (auto& entry : entries) release.add(entry.second);
  }
  MemoryBudget::release(key_bytes_ + index_key_bytes_);
}

void Object::count_key(std::string_view key, std::size_t& counter) {
  if (key.size() <= kInlineKey) return;
  MemoryBudget::charge(key.size() + 1);
  counter += key.size() + 1;
}

void Object::drop_index() {
  index_.reset();
  MemoryBudget::release(index_key_bytes_);
  index_key_bytes_ = 0;
}

const Value* Object::find(std::string_view key) const {
  if (index_) {
    auto it = index_->find(key);
    return it == index_->end() ? nullptr : &entries[it->second].second;
  }
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}
Value* Object::find(std::string_view key) {
  return const_cast<Value*>(static_cast<const Object*>(this)->find(key));
}
void Object::set(std::string_view key, Value value) {
  if (Value* existing = find(key)) {
    *existing = std::move(value);
    return;
  }
  append_new(key, std::move(value));
}
void Object::append_new(std::string_view key, Value value) {
  count_key(key, key_bytes_);
  entries.emplace_back(std::string(key), std::move(value));
  if (index_) {
    count_key(key, index_key_bytes_);
    index_->emplace(entries.back().first, entries.size() - 1);
  } else if (entries.size() > kLinearObjectSize) {
    rebuild_index();
  }
}
bool Object::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->first == key) {
      const std::size_t charged = key.size() > kInlineKey ? key.size() + 1 : 0;
      entries.erase(it);
      MemoryBudget::release(charged);
      key_bytes_ -= charged;
      drop_index();
      if (entries.size() > kLinearObjectSize) rebuild_index();
      return true;
    }
  }
  return false;
}
void Object::rebuild_index() {
  drop_index();
  index_ = std::make_unique<Index>();
  index_->reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    count_key(entries[i].first, index_key_bytes_);
    index_->emplace(entries[i].first, i);
  }
}
Object::Object(const Object& other)
    : entries(other.entries), source_(other.source_), store_(other.store_) {
  for (const auto& entry : entries) count_key(entry.first, key_bytes_);
  if (other.index_) rebuild_index();
}
Object& Object::operator=(const Object& other) {
  if (this != &other) {
    Object copy(other);
    std::swap(entries, copy.entries);
    std::swap(index_, copy.index_);
    std::swap(source_, copy.source_);
    std::swap(store_, copy.store_);
    std::swap(key_bytes_, copy.key_bytes_);
    std::swap(index_key_bytes_, copy.index_key_bytes_);
  }
  return *this;
}

void Array::load() {
  const Json& json = *source_;
  source_ = nullptr;
  items.reserve(json.size());
  for (const auto& item : json) items.push_back(store_->wrap(item));
}

void Object::load() {
  const Json& json = *source_;
  source_ = nullptr;
  // keys of a JSON object are unique: append without lookups
  entries.reserve(json.size());
  for (auto it = json.begin(); it != json.end(); ++it)
    append_new(it.key(), store_->wrap(it.value()));
}

template <class T>
T* InputStore::Pool<T>::make() {
  if (used_ == capacity_) {
    capacity_ = capacity_ == 0 ? 16 : std::min<std::size_t>(capacity_ * 2, 4096);
    blocks_.push_back(std::make_unique<T[]>(capacity_));
    used_ = 0;
  }
  return &blocks_.back()[used_++];
}

Value Value::member(std::string_view key) const {
  const auto* o = static_cast<const Object*>(ptr_.get());
  // a small unread object is searched as its own lookup would search it (linearly)
  if (o->source_ && o->source_->size() <= kLinearObjectSize) {
    const Json* hit = nullptr;
    for (const auto& [k, v] : o->source_->get_ref<const Json::object_t&>()) {
      if (k == key) {
        hit = &v;
        break;
      }
    }
    if (!hit) return Value{};
    // a member array or object must keep one identity: read the object instead
    if (!hit->is_array() && !hit->is_object()) return o->store_->wrap(*hit);
  }
  const Value* v = as_object().find(key);
  return v ? *v : Value{};
}

Value InputStore::wrap(const Json& json) {
  switch (json.type()) {
    case Json::value_t::null:
      return Value::null();
    case Json::value_t::boolean:
      return Value::boolean(*json.get_ptr<const Json::boolean_t*>());
    case Json::value_t::number_integer:
      return Value::number(static_cast<double>(*json.get_ptr<const Json::number_integer_t*>()));
    case Json::value_t::number_unsigned:
      return Value::number(static_cast<double>(*json.get_ptr<const Json::number_unsigned_t*>()));
    case Json::value_t::number_float:
      return Value::number(*json.get_ptr<const Json::number_float_t*>());
    case Json::value_t::string:
      return Value::borrowed(ValueType::String, &json.get_ref<const std::string&>());
    case Json::value_t::array: {
      Array* a = arrays_.make();
      a->source_ = &json;
      a->store_ = this;
      return Value::borrowed(ValueType::Array, a);
    }
    case Json::value_t::object: {
      Object* o = objects_.make();
      o->source_ = &json;
      o->store_ = this;
      return Value::borrowed(ValueType::Object, o);
    }
    default:
      return from_json(json);
  }
}

Value make_sequence() { return Value::new_sequence(); }
Value make_sequence(const Value& item) {
  Value s = Value::new_sequence();
  s.as_array().items.push_back(item);  // even undefined, as createSequence(x) does
  return s;
}
void push(const Value& array, Value item) { array.as_array().items.push_back(std::move(item)); }

const Json* Value::unread_source() const {
  switch (type_) {
    case ValueType::Array:
      return static_cast<const Array*>(ptr_.get())->source_;
    case ValueType::Object:
      return static_cast<const Object*>(ptr_.get())->source_;
    default:
      return nullptr;
  }
}

namespace {

bool deep_equal_at(const Value& a, const Value& b, std::size_t depth) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::Undefined:
    case ValueType::Null:
      return true;
    case ValueType::Boolean:
      return a.as_bool() == b.as_bool();
    case ValueType::Number:
      return a.as_number() == b.as_number();
    case ValueType::String:
      return a.as_string() == b.as_string();
    case ValueType::Function:
      return a.identity() == b.identity();
    case ValueType::Array: {
      if (a.identity() == b.identity()) return true;
      check_depth(depth + 1);
      const auto& x = a.as_array().items;
      const auto& y = b.as_array().items;
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!deep_equal_at(x[i], y[i], depth + 1)) return false;
      }
      return true;
    }
    case ValueType::Object: {
      if (a.identity() == b.identity()) return true;
      check_depth(depth + 1);
      const auto& x = a.as_object();
      const auto& y = b.as_object();
      if (x.size() != y.size()) return false;
      for (const auto& [k, v] : x.entries) {
        const Value* other = y.find(k);
        if (!other || !deep_equal_at(v, *other, depth + 1)) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

bool deep_equal(const Value& a, const Value& b) { return deep_equal_at(a, b, 0); }

bool is_function(const Value& v) { return v.is_function(); }

bool is_numeric(const Value& v) {
  if (!v.is_number()) return false;
  double d = v.as_number();
  if (std::isnan(d)) return false;
  if (!std::isfinite(d)) throw_error("D1001", {}, {}, v);
  return true;
}

bool is_array_of_strings(const Value& v) {
  if (!v.is_array()) return false;
  for (const auto& i : v.as_array().items) {
    if (!i.is_string()) return false;
  }
  return true;
}
bool is_array_of_numbers(const Value& v) {
  if (!v.is_array()) return false;
  for (const auto& i : v.as_array().items) {
    if (!is_numeric(i)) return false;
  }
  return true;
}
bool is_integer(double d) { return std::isfinite(d) && d == std::floor(d); }

}  // namespace sfn::jsonata
