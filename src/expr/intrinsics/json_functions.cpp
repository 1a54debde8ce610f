// Intrinsics for JSON data manipulation: States.StringToJson, States.JsonToString,
// States.JsonMerge (shallow mode only: "you must specify the boolean value as false").
#include <algorithm>
#include <cctype>

#include "expr/intrinsics/intrinsic_registry.h"

namespace sfn::intrinsics {
namespace {

Result<Json> string_to_json(const std::vector<Json>& args) {
  const auto& text = args[0].get_ref<const std::string&>();
  if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; })) {
    return Json(nullptr);
  }
  // Jackson (which AWS parses with) stops at the first level past its limit and names it
  if (json_text_depth(text) > kMaxJsonDepth) {
    return intrinsic_failure("States.StringToJson", "the input is not valid JSON: " +
                                                        json_depth_message(kMaxJsonDepth + 1));
  }
  Json value = parse_json_or_discarded(text);
  if (value.is_discarded()) {
    return intrinsic_failure("States.StringToJson", "the input is not valid JSON: " + text);
  }
  return value;
}

Result<Json> json_to_string(const std::vector<Json>& args) { return Json(dump_compact(args[0])); }

Result<Json> json_merge(const std::vector<Json>& args) {
  if (args[2].get<bool>()) {
    return intrinsic_failure("States.JsonMerge",
                             "only the shallow merge mode is supported; the third argument must "
                             "be false");
  }
  Json out = args[0];
  for (const auto& [key, value] : args[1].items()) out[key] = value;
  return out;
}

}  // namespace

void register_json_functions(IntrinsicRegistry& r) {
  r.add({"States.StringToJson", 1, 1, {ArgType::kString}, false, string_to_json});
  r.add({"States.JsonToString", 1, 1, {ArgType::kAny}, false, json_to_string});
  r.add({"States.JsonMerge",
         3,
         3,
         {ArgType::kObject, ArgType::kObject, ArgType::kBoolean},
         false,
         json_merge});
}

}  // namespace sfn::intrinsics
