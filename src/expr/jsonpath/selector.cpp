#include "selector.h"

#include <algorithm>

#include "filter.h"

namespace sfn::jsonpath::detail {
namespace {

bool is_leaf_merge(const std::vector<Step>& steps, std::size_t index) {
  const Step& s = steps[index];
  return index + 1 == steps.size() && !s.deep && s.kind == StepKind::kProperty &&
         s.names.size() > 1;
}

Json merge_names(const Step& step, const Json& node) {
  Json merged = Json::object();
  for (const auto& name : step.names) {
    auto it = node.find(name);
    if (it != node.end()) merged[name] = *it;
  }
  return merged;
}

void slice(const Step& step, std::size_t index, const std::vector<Step>& steps, const Json& node,
           const Json& root, std::vector<Json>& out) {
  const long long len = static_cast<long long>(node.size());
  const long long st = step.slice_step;
  auto norm = [&](std::optional<long long> v, long long dflt) {
    if (!v) return dflt;
    long long x = *v < 0 ? *v + len : *v;
    return st > 0 ? std::clamp(x, 0LL, len) : std::clamp(x, -1LL, len - 1);
  };
  if (st > 0) {
    for (long long i = norm(step.slice_start, 0), end = norm(step.slice_end, len); i < end; i += st)
      select(steps, index + 1, node[static_cast<std::size_t>(i)], root, out);
  } else {
    for (long long i = norm(step.slice_start, len - 1), end = norm(step.slice_end, -1); i > end;
         i += st)
      select(steps, index + 1, node[static_cast<std::size_t>(i)], root, out);
  }
}

// Applies one step (ignoring its `deep` flag) to one node.
void apply(const Step& step, std::size_t index, const std::vector<Step>& steps, const Json& node,
           const Json& root, std::vector<Json>& out, bool in_scan) {
  switch (step.kind) {
    case StepKind::kProperty:
      if (!node.is_object()) return;
      if (is_leaf_merge(steps, index)) {
        out.push_back(merge_names(step, node));
        return;
      }
      for (const auto& name : step.names) {
        auto it = node.find(name);
        if (it != node.end()) select(steps, index + 1, *it, root, out);
      }
      return;
    case StepKind::kIndex:
      if (!node.is_array()) return;
      for (long long i : step.indices) {
        long long eff = i < 0 ? i + static_cast<long long>(node.size()) : i;
        if (eff >= 0 && eff < static_cast<long long>(node.size()))
          select(steps, index + 1, node[static_cast<std::size_t>(eff)], root, out);
      }
      return;
    case StepKind::kWildcard:
      if (node.is_object() || node.is_array())
        for (const auto& child : node) select(steps, index + 1, child, root, out);
      return;
    case StepKind::kSlice:
      if (node.is_array()) slice(step, index, steps, node, root, out);
      return;
    case StepKind::kFilter:
      // Jayway tests an object itself, and the elements of an array. In a deep scan every
      // object is visited anyway, so only objects are tested there.
      if (node.is_object()) {
        if (step.filter->test(node, root)) select(steps, index + 1, node, root, out);
      } else if (node.is_array() && !in_scan) {
        for (const auto& el : node)
          if (step.filter->test(el, root)) select(steps, index + 1, el, root, out);
      }
      return;
  }
}

void scan(const Step& step, std::size_t index, const std::vector<Step>& steps, const Json& node,
          const Json& root, std::vector<Json>& out) {
  apply(step, index, steps, node, root, out, /*in_scan=*/true);
  if (node.is_object() || node.is_array())
    for (const auto& child : node) scan(step, index, steps, child, root, out);
}

}  // namespace

void select(const std::vector<Step>& steps, std::size_t index, const Json& node, const Json& root,
            std::vector<Json>& out) {
  if (index == steps.size()) {
    out.push_back(node);
    return;
  }
  const Step& step = steps[index];
  if (step.deep)
    scan(step, index, steps, node, root, out);
  else
    apply(step, index, steps, node, root, out, /*in_scan=*/false);
}

bool is_definite(const std::vector<Step>& steps) {
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (!steps[i].is_single() && !is_leaf_merge(steps, i)) return false;
  return true;
}

std::optional<Json> select_definite(const std::vector<Step>& steps, const Json& doc) {
  const Json* node = &doc;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& s = steps[i];
    if (s.kind == StepKind::kProperty) {
      if (!node->is_object()) return std::nullopt;
      if (is_leaf_merge(steps, i)) return merge_names(s, *node);
      auto it = node->find(s.names[0]);
      if (it == node->end()) return std::nullopt;
      node = &*it;
    } else {
      if (!node->is_array()) return std::nullopt;
      long long eff = s.indices[0] < 0 ? s.indices[0] + static_cast<long long>(node->size())
                                       : s.indices[0];
      if (eff < 0 || eff >= static_cast<long long>(node->size())) return std::nullopt;
      node = &(*node)[static_cast<std::size_t>(eff)];
    }
  }
  return *node;
}

}  // namespace sfn::jsonpath::detail
