// Payload templates (States Language spec, "Payload Template"): "If any field within the
// Payload Template (however deeply nested) has a name ending with the characters '.$', its value
// is transformed ... The value of the field MUST be a Path or an Intrinsic Function ... the
// field's name is changed, removing the '.$' suffix."
#include "expr/payload/compile_jsonpath.h"

namespace sfn::payload {
namespace {

constexpr std::string_view kSuffix = ".$";

TemplateNode compile_dynamic(const std::string& key, const Json& value, const std::string& location,
                             std::vector<Diagnostic>& diagnostics) {
  TemplateNode node;
  node.source_key = key;
  node.location = location;
  const std::string invalid = "The value for the field '" + key +
                              "' must be a valid JSONPath or a valid intrinsic function call";
  if (!value.is_string()) {
    diagnostics.push_back({location, invalid});
    return node;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (intrinsics::Call::looks_like_call(text)) {
    auto call = intrinsics::Call::parse(text);
    if (!call) {
      diagnostics.push_back({location, invalid + " (" + call.error() + ")"});
      return node;
    }
    node.kind = TemplateNode::Kind::kCall;
    node.call = std::move(*call);
    return node;
  }
  auto path = jsonpath::Path::parse(text);
  if (!path) {
    diagnostics.push_back({location, invalid + " (" + path.error() + ")"});
    return node;
  }
  node.kind = TemplateNode::Kind::kPath;
  node.path = std::move(*path);
  return node;
}

}  // namespace

TemplateNode compile_jsonpath(const Json& tmpl, const std::string& location,
                              std::vector<Diagnostic>& diagnostics) {
  TemplateNode node;
  node.location = location;
  if (tmpl.is_object()) {
    node.kind = TemplateNode::Kind::kObject;
    for (const auto& [key, value] : tmpl.items()) {
      const std::string child_location = location + "/" + escape_pointer(key);
      if (key.size() > kSuffix.size() && key.ends_with(kSuffix)) {
        node.fields.emplace_back(key.substr(0, key.size() - kSuffix.size()),
                                 compile_dynamic(key, value, child_location, diagnostics));
      } else {
        node.fields.emplace_back(key, compile_jsonpath(value, child_location, diagnostics));
      }
    }
  } else if (tmpl.is_array()) {
    node.kind = TemplateNode::Kind::kArray;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
      node.items.push_back(
          compile_jsonpath(tmpl[i], location + "/" + std::to_string(i), diagnostics));
    }
  } else {
    node.literal = tmpl;
  }
  return node;
}

}  // namespace sfn::payload
