// The one JSON type of sfn-local. Object keys keep insertion order, as AWS and JSONata do.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace sfn {

using Json = nlohmann::ordered_json;

// The deepest nesting of arrays and objects a JSON value may have, wherever JSON enters
// sfn-local (requests, definitions, inputs, States.StringToJson, $parse, task results). It is
// Jackson's default (StreamReadConstraints), which AWS parses with; it also bounds the recursion
// of every copy, comparison and dump of a value.
inline constexpr std::size_t kMaxJsonDepth = 1000;

// Compact serialization as AWS prints payloads (no spaces). Invalid UTF-8 is replaced.
std::string dump_compact(const Json& value);

// Parses text in linear time (objects with many keys included); returns a discarded value
// (check is_discarded()) when the text is not JSON or is nested deeper than kMaxJsonDepth.
Json parse_json_or_discarded(std::string_view text);

// Where and why text is not JSON (nlohmann's parse_error message and byte offset, 1-based), or
// nullopt when it is. Linear, builds nothing.
struct JsonSyntaxError {
  std::string message;
  std::size_t byte = 0;
};
std::optional<JsonSyntaxError> json_syntax_error(std::string_view text);

// The deepest nesting of arrays and objects in `text` (0 for a scalar); brackets inside strings
// do not count, and the text need not be valid JSON. Linear, no recursion.
std::size_t json_text_depth(std::string_view text);

// The same for a value (0 for a scalar, 1 for [] or {}), without recursion; stops counting once
// the depth exceeds `stop_after`.
std::size_t json_value_depth(const Json& value, std::size_t stop_after = kMaxJsonDepth);

// Jackson's wording for text nested too deeply.
std::string json_depth_message(std::size_t depth);

}  // namespace sfn
