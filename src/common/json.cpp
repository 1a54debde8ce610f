#include "sfn/common/json.h"

#include <utility>
#include <vector>

namespace sfn {

std::string dump_compact(const Json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Json parse_json_or_discarded(std::string_view text) {
  // nlohmann's parser is iterative, but copies and dumps of what it builds recurse: refuse the
  // depth first.
  if (json_text_depth(text) > kMaxJsonDepth) return Json(Json::value_t::discarded);
  return Json::parse(text, nullptr, /*allow_exceptions=*/false);
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
