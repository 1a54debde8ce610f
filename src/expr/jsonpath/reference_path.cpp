// Reference Paths (States Language spec): "A Reference Path is a Path with syntax limited in
// such a way that it can only identify a single node in a JSON structure". Used by ResultPath to
// place a value inside the state input; missing intermediate fields are created as objects.
// Also: Jayway's wording for a definite path that selects nothing, which AWS repeats in causes.
#include <string>

#include "expr/jsonpath/path_impl.h"
#include "sfn/expr/jsonpath/path.h"

namespace sfn::jsonpath {
namespace {

std::string step_text(const detail::Step& s) {
  if (s.kind == detail::StepKind::kIndex) return "[" + std::to_string(s.indices[0]) + "]";
  std::string out = "[";
  for (std::size_t i = 0; i < s.names.size(); ++i) out += (i ? ",'" : "'") + s.names[i] + "'";
  return out + "]";
}

std::string describe(const Json& node) { return dump_compact(node); }

}  // namespace

tl::expected<void, std::string> Path::assign(Json& doc, Json value) const {
  if (!impl_->reference) return tl::unexpected("'" + impl_->text + "' is not a reference path");
  Json* node = &doc;
  const auto& steps = impl_->parsed.steps;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const detail::Step& s = steps[i];
    const bool last = i + 1 == steps.size();
    if (s.kind == detail::StepKind::kProperty) {
      if (!node->is_object()) {
        return tl::unexpected("Unable to apply step \"" + s.names[0] + "\" to input " +
                              describe(*node));
      }
      const bool existed = node->contains(s.names[0]);
      Json& child = (*node)[s.names[0]];
      if (last) {
        child = std::move(value);
        return {};
      }
      if (!existed) child = Json::object();
      node = &child;
    } else {
      long long idx = s.indices[0];
      if (!node->is_array() || idx >= static_cast<long long>(node->size())) {
        return tl::unexpected("Unable to apply step \"" + std::to_string(idx) + "\" to input " +
                              describe(*node));
      }
      Json& child = (*node)[static_cast<std::size_t>(idx)];
      if (last) {
        child = std::move(value);
        return {};
      }
      node = &child;
    }
  }
  doc = std::move(value);
  return {};
}

std::string Path::canonical() const {
  std::string out = impl_->parsed.root == Root::kContext    ? "$$"
                    : impl_->parsed.root == Root::kVariable ? "$" + impl_->parsed.variable
                                                            : "$";
  for (const auto& s : impl_->parsed.steps) {
    if (s.kind == detail::StepKind::kProperty || s.kind == detail::StepKind::kIndex)
      out += step_text(s);
    else
      return impl_->text;
  }
  return out;
}

std::string Path::missing_message(const Json& doc) const {
  const auto& steps = impl_->parsed.steps;
  std::string prefix = impl_->parsed.root == Root::kContext ? "$$" : "$";
  if (impl_->parsed.root == Root::kVariable) prefix += impl_->parsed.variable;
  const Json* node = &doc;
  for (std::size_t i = 0; i < steps.size() && impl_->definite; ++i) {
    const detail::Step& s = steps[i];
    const bool last = i + 1 == steps.size();
    prefix += step_text(s);
    if (s.kind != detail::StepKind::kProperty || s.names.size() != 1) break;
    if (!node->is_object()) break;
    auto it = node->find(s.names[0]);
    if (it == node->end()) {
      if (last) break;
      return "Missing property in path " + prefix;
    }
    node = &*it;
  }
  return "No results for path: " + canonical();
}

}  // namespace sfn::jsonpath
