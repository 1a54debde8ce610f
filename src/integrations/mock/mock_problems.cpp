// The problem list of parse_mock_config and the helpers its messages share.
#include "integrations/mock/mock_problems.h"

#include <cstdio>

#include "sfn/common/ascii.h"

namespace sfn::integrations::mock {

namespace {

// Keys may hold control characters (a terminal escape, a newline): the pointer is printed, so
// they are shown as \u00XX and every problem stays on its own line.
std::string printable_pointer(std::string_view pointer) {
  std::string out;
  out.reserve(pointer.size());
  for (char c : pointer) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out;
}

// The same word up to case and a final "s" ("MockedResponse", "testcases"): a likely typo.
bool near_miss(std::string_view key, std::string_view known) {
  auto stem = [](std::string_view s) {
    std::string out = ascii_lower(s);
    if (!out.empty() && out.back() == 's') out.pop_back();
    return out;
  };
  return stem(key) == stem(known);
}

}  // namespace

void Problems::add(std::string_view pointer, std::string_view message) {
  if (count_++ >= kMaxListed) return;
  std::string line = pointer.empty() ? std::string("(top level)") : printable_pointer(pointer);
  line += ": ";
  line += message;
  lines_.push_back(std::move(line));
}

std::string Problems::text() const {
  std::string out;
  for (const std::string& line : lines_) {
    if (!out.empty()) out += '\n';
    out += line;
  }
  if (count_ > lines_.size()) {
    out += "\n... and " + std::to_string(count_ - lines_.size()) + " more problem(s)";
  }
  return out;
}

std::string child_pointer(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string unknown_field(std::string_view key, std::string_view what_is_known,
                          std::initializer_list<std::string_view> known) {
  std::string message = "unknown field " + json_quoted(key) + ": " + std::string(what_is_known);
  for (std::string_view k : known) {
    if (near_miss(key, k)) message += " (did you mean " + json_quoted(k) + "?)";
  }
  return message;
}

std::string json_quoted(std::string_view name) { return dump_compact(Json(std::string(name))); }

std::string kind_of(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::null:
      return "null";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    default:
      return "not a JSON value";
  }
}

}  // namespace sfn::integrations::mock
