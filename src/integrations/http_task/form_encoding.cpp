// Form encoding of JSON for the HTTP Task's URL_ENCODED bodies and its query parameters.
// Recursion follows the value's nesting, which kMaxJsonDepth bounds wherever JSON enters.
#include "integrations/http_task/form_encoding.h"

#include "sfn/integrations/url.h"

namespace sfn::integrations {
namespace {

std::string leaf_text(const Json& v) {
  return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : dump_compact(v);
}

void encode(const std::string& key, const Json& value, ArrayFormat format, std::string& out) {
  auto pair = [&](const std::string& k, const std::string& encoded_value) {
    if (!out.empty()) out += '&';
    out += percent_encode(k) + "=" + encoded_value;
  };
  if (value.is_object()) {
    for (const auto& [name, item] : value.items()) {
      encode(key.empty() ? name : key + "[" + name + "]", item, format, out);
    }
    return;
  }
  if (!value.is_array()) {
    pair(key, percent_encode(leaf_text(value)));
    return;
  }
  if (format == ArrayFormat::kCommas) {
    std::string joined;
    for (const auto& item : value) {
      if (!joined.empty()) joined += ',';
      joined += percent_encode(item.is_structured() ? dump_compact(item) : leaf_text(item));
    }
    pair(key, joined);
    return;
  }
  std::size_t index = 0;
  for (const auto& item : value) {
    std::string k = key;
    if (format == ArrayFormat::kIndices) k += "[" + std::to_string(index) + "]";
    if (format == ArrayFormat::kBrackets) k += "[]";
    encode(k, item, format, out);
    ++index;
  }
}

}  // namespace

std::optional<ArrayFormat> parse_array_format(std::string_view text) {
  if (text == "INDICES") return ArrayFormat::kIndices;
  if (text == "REPEAT") return ArrayFormat::kRepeat;
  if (text == "COMMAS") return ArrayFormat::kCommas;
  if (text == "BRACKETS") return ArrayFormat::kBrackets;
  return std::nullopt;
}

std::string form_encode(const Json& value, ArrayFormat format) {
  std::string out;
  if (value.is_object()) {
    encode("", value, format, out);
  } else if (value.is_array()) {
    std::size_t index = 0;
    for (const auto& item : value) encode(std::to_string(index++), item, format, out);
  } else {
    out = percent_encode(leaf_text(value));
  }
  return out;
}

}  // namespace sfn::integrations
