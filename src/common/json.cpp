#include "sfn/common/json.h"

#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sfn {

namespace {

// Builds the value of a JSON text in linear time. nlohmann's own DOM parser inserts every key
// with ordered_map::operator[], a linear search of the object so far: an object of n keys costs
// n^2/2 comparisons (a 2 MiB request body of 150,000 keys: seconds of CPU on an I/O thread).
// Here an object with more than kIndexFrom keys gets a hash index while it is built. Duplicate
// keys keep their first position and their last value, as nlohmann's parser does.
class LinearDomBuilder {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  bool null() { return put(Json(nullptr)); }
  bool boolean(bool v) { return put(Json(v)); }
  bool number_integer(number_integer_t v) { return put(Json(v)); }
  bool number_unsigned(number_unsigned_t v) { return put(Json(v)); }
  bool number_float(number_float_t v, const string_t&) { return put(Json(v)); }
  bool string(string_t& v) { return put(Json(std::move(v))); }
  bool binary(binary_t& v) { return put(Json::binary(std::move(v))); }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(string_t& k) {
    frames_.back().key = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

  Json take() { return std::move(root_); }

 private:
  static constexpr std::size_t kIndexFrom = 16;

  struct Frame {
    Json* node;
    std::string key;  // objects: the key of the next value
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> index;
  };

  // Adds `value` to the innermost container (or makes it the root); returns where it lives.
  Json* place(Json&& value) {
    if (frames_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Frame& f = frames_.back();
    if (f.node->is_array()) {
      auto& array = f.node->get_ref<Json::array_t&>();
      array.push_back(std::move(value));
      return &array.back();
    }
    // The ordered map is a vector of (key, value): index it as one.
    auto& object = static_cast<Json::object_t::Container&>(f.node->get_ref<Json::object_t&>());
    if (object.size() >= kIndexFrom && !f.index) {
      f.index = std::make_unique<std::unordered_map<std::string, std::size_t>>();
      for (std::size_t i = 0; i < object.size(); ++i) f.index->emplace(object[i].first, i);
    }
    std::size_t existing = object.size();
    if (f.index) {
      if (auto it = f.index->find(f.key); it != f.index->end()) existing = it->second;
    } else {
      for (std::size_t i = 0; i < object.size(); ++i) {
        if (object[i].first == f.key) {
          existing = i;
          break;
        }
      }
    }
    if (existing < object.size()) {
      object[existing].second = std::move(value);
      return &object[existing].second;
    }
    if (f.index) f.index->emplace(f.key, object.size());
    object.emplace_back(std::move(f.key), std::move(value));
    return &object.back().second;
  }

  bool put(Json&& value) {
    place(std::move(value));
    return true;
  }
  bool open(Json&& container) {
    if (frames_.size() >= kMaxJsonDepth) return false;
    frames_.push_back(Frame{place(std::move(container)), {}, nullptr});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return true;
  }

  Json root_;
  std::vector<Frame> frames_;
};

// A SAX consumer that accepts everything and keeps the first syntax error's message.
class ErrorFinder : public nlohmann::json_sax<Json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    message = ex.what();
    byte = position;
    return false;
  }

  std::string message;
  std::size_t byte = 0;
};

}  // namespace

std::string dump_compact(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Json parse_json_or_discarded(std::string_view text) {
  // Copies and dumps of a value recurse: refuse the depth first.
  if (json_text_depth(text) > kMaxJsonDepth) return Json(Json::value_t::discarded);
  LinearDomBuilder builder;
  if (!Json::sax_parse(text, &builder, nlohmann::detail::input_format_t::json, true))
    return Json(Json::value_t::discarded);
  return builder.take();
}

std::optional<JsonSyntaxError> json_syntax_error(std::string_view text) {
  ErrorFinder finder;
  if (Json::sax_parse(text, &finder, nlohmann::detail::input_format_t::json, true))
    return std::nullopt;
  return JsonSyntaxError{finder.message, finder.byte};
}

std::size_t json_text_depth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '[':
      case '{':
        if (++depth > deepest) deepest = depth;
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return deepest;
}

std::size_t json_value_depth(const Json& value, std::size_t stop_after) {
  if (!value.is_structured()) return 0;
  std::vector<std::pair<const Json*, std::size_t>> stack{{&value, 1}};
  std::size_t deepest = 0;
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    if (depth > deepest) {
      deepest = depth;
      if (deepest > stop_after) return deepest;
    }
    for (const Json& child : *node) {
      if (child.is_structured()) stack.emplace_back(&child, depth + 1);
    }
  }
  return deepest;
}

std::string json_depth_message(std::size_t depth) {
  return "Document nesting depth (" + std::to_string(depth) + ") exceeds the maximum allowed (" +
         std::to_string(kMaxJsonDepth) + ", from `StreamReadConstraints.getMaxNestingDepth()`)";
}

}  // namespace sfn
