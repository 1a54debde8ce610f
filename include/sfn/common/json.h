// The one JSON type of sfn-local. Object keys keep insertion order, as AWS and JSONata do.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace sfn {

using Json = nlohmann::ordered_json;

// Compact serialization as AWS prints payloads (no spaces). Invalid UTF-8 is replaced.
std::string dump_compact(const Json& value);

// Parses text; returns nullopt-like discarded value on failure (check is_discarded()).
Json parse_json_or_discarded(std::string_view text);

}  // namespace sfn
