// Generic intrinsic: States.Format(template, values...). Each "{}" in the template is replaced
// by the next value; in a literal template, \{ and \} are literal braces. Strings are inserted
// as they are; other values as AWS (Java) prints them: null, true, 1.5, [a, b], {k=v, k2=v2}.
#include "expr/intrinsics/intrinsic_registry.h"

namespace sfn::intrinsics {
namespace {

std::string to_text(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out = "[";
    for (std::size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + to_text(value[i]);
    return out + "]";
  }
  if (value.is_object()) {
    std::string out = "{";
    bool first = true;
    for (const auto& [key, item] : value.items()) {
      out += (first ? "" : ", ") + key + "=" + to_text(item);
      first = false;
    }
    return out + "}";
  }
  return dump_compact(value);
}

Result<Json> format(const std::vector<Json>& args) {
  const auto& tmpl = args[0].get_ref<const std::string&>();
  std::string out;
  std::size_t next = 1;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    char c = tmpl[i];
    if (c == '\\' && i + 1 < tmpl.size()) {
      out += tmpl[++i];
    } else if (c == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
      if (next >= args.size()) {
        return intrinsic_failure("States.Format",
                                 "the template has more {} placeholders than values");
      }
      out += to_text(args[next++]);
      ++i;
    } else {
      out += c;
    }
  }
  if (next != args.size()) {
    return intrinsic_failure("States.Format", "the template has fewer {} placeholders than values");
  }
  return Json(out);
}

}  // namespace

void register_generic_functions(IntrinsicRegistry& r) {
  r.add({"States.Format", 1, std::nullopt, {ArgType::kString, ArgType::kAny}, true, format});
}

}  // namespace sfn::intrinsics
