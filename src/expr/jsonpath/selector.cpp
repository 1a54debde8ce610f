#include "expr/jsonpath/selector.h"

#include <algorithm>

#include "expr/jsonpath/filter.h"

namespace sfn::jsonpath::detail {

void SelectionBudget::spend(std::size_t bytes) {
  if (bytes > limit_ - used_) throw Exceeded{};
  used_ += bytes;
}

void SelectionBudget::copy(const Json& node) {
  // a JSON value, plus what a container holds it with; strings and keys by their length
  constexpr std::size_t kNodeBytes = sizeof(Json) + 32;
  std::vector<const Json*> pending{&node};
  while (!pending.empty()) {
    const Json* n = pending.back();
    pending.pop_back();
    std::size_t bytes = kNodeBytes;
    if (n->is_string()) bytes += n->get_ref<const std::string&>().size();
    if (n->is_object()) {
      for (auto it = n->begin(); it != n->end(); ++it) {
        bytes += it.key().size();
        pending.push_back(&it.value());
      }
    } else if (n->is_array()) {
      for (const auto& child : *n) pending.push_back(&child);
    }
    spend(bytes);
  }
}

Json Selection::take(SelectionBudget& budget) const {
  for (const auto& n : nodes_)
    if (!n.counted) budget.copy(*n.json);
  Json out = Json::array();
  auto& items = out.get_ref<Json::array_t&>();
  items.reserve(nodes_.size());
  for (const auto& n : nodes_) items.push_back(*n.json);
  return out;
}

namespace {

bool is_leaf_merge(const std::vector<Step>& steps, std::size_t index) {
  const Step& s = steps[index];
  return index + 1 == steps.size() && !s.deep && s.kind == StepKind::kProperty &&
         s.names.size() > 1;
}

Json merge_names(const Step& step, const Json& node, SelectionBudget& budget) {
  Json merged = Json::object();
  for (const auto& name : step.names) {
    auto it = node.find(name);
    if (it == node.end()) continue;
    budget.copy(*it);
    merged[name] = *it;
  }
  return merged;
}

void slice(const Step& step, std::size_t index, const std::vector<Step>& steps, const Json& node,
           const Json& root, Selection& out, SelectionBudget& budget) {
  const long long len = static_cast<long long>(node.size());
  const long long st = step.slice_step;
  auto norm = [&](std::optional<long long> v, long long dflt) {
    if (!v) return dflt;
    long long x = *v < 0 ? *v + len : *v;
    return st > 0 ? std::clamp(x, 0LL, len) : std::clamp(x, -1LL, len - 1);
  };
  if (st > 0) {
    for (long long i = norm(step.slice_start, 0), end = norm(step.slice_end, len); i < end; i += st)
      select(steps, index + 1, node[static_cast<std::size_t>(i)], root, out, budget);
  } else {
    for (long long i = norm(step.slice_start, len - 1), end = norm(step.slice_end, -1); i > end;
         i += st)
      select(steps, index + 1, node[static_cast<std::size_t>(i)], root, out, budget);
  }
}

// Applies one step (ignoring its `deep` flag) to one node.
void apply(const Step& step, std::size_t index, const std::vector<Step>& steps, const Json& node,
           const Json& root, Selection& out, SelectionBudget& budget, bool in_scan) {
  switch (step.kind) {
    case StepKind::kProperty:
      if (!node.is_object()) return;
      if (is_leaf_merge(steps, index)) {
        out.add_built(merge_names(step, node, budget));
        return;
      }
      for (const auto& name : step.names) {
        auto it = node.find(name);
        if (it != node.end()) select(steps, index + 1, *it, root, out, budget);
      }
      return;
    case StepKind::kIndex:
      if (!node.is_array()) return;
      for (long long i : step.indices) {
        long long eff = i < 0 ? i + static_cast<long long>(node.size()) : i;
        if (eff >= 0 && eff < static_cast<long long>(node.size()))
          select(steps, index + 1, node[static_cast<std::size_t>(eff)], root, out, budget);
      }
      return;
    case StepKind::kWildcard:
      if (node.is_object() || node.is_array())
        for (const auto& child : node) select(steps, index + 1, child, root, out, budget);
      return;
    case StepKind::kSlice:
      if (node.is_array()) slice(step, index, steps, node, root, out, budget);
      return;
    case StepKind::kFilter:
      // Jayway tests an object itself, and the elements of an array. In a deep scan every
      // object is visited anyway, so only objects are tested there.
      if (node.is_object()) {
        if (step.filter->test(node, root, budget))
          select(steps, index + 1, node, root, out, budget);
      } else if (node.is_array() && !in_scan) {
        for (const auto& el : node)
          if (step.filter->test(el, root, budget)) select(steps, index + 1, el, root, out, budget);
      }
      return;
  }
}

void scan(const Step& step, std::size_t index, const std::vector<Step>& steps, const Json& node,
          const Json& root, Selection& out, SelectionBudget& budget) {
  budget.visit();
  apply(step, index, steps, node, root, out, budget, /*in_scan=*/true);
  if (node.is_object() || node.is_array())
    for (const auto& child : node) scan(step, index, steps, child, root, out, budget);
}

}  // namespace

void select(const std::vector<Step>& steps, std::size_t index, const Json& node, const Json& root,
            Selection& out, SelectionBudget& budget) {
  if (index == steps.size()) {
    out.add(node);
    return;
  }
  budget.visit();
  const Step& step = steps[index];
  if (step.deep)
    scan(step, index, steps, node, root, out, budget);
  else
    apply(step, index, steps, node, root, out, budget, /*in_scan=*/false);
}

bool is_definite(const std::vector<Step>& steps) {
  for (std::size_t i = 0; i < steps.size(); ++i)
    if (!steps[i].is_single() && !is_leaf_merge(steps, i)) return false;
  return true;
}

const Json* find_definite(const std::vector<Step>& steps, const Json& doc, Json& merged,
                          SelectionBudget& budget) {
  const Json* node = &doc;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& s = steps[i];
    if (s.kind == StepKind::kProperty) {
      if (!node->is_object()) return nullptr;
      if (is_leaf_merge(steps, i)) {
        merged = merge_names(s, *node, budget);
        return &merged;
      }
      auto it = node->find(s.names[0]);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else {
      if (!node->is_array()) return nullptr;
      long long eff =
          s.indices[0] < 0 ? s.indices[0] + static_cast<long long>(node->size()) : s.indices[0];
      if (eff < 0 || eff >= static_cast<long long>(node->size())) return nullptr;
      node = &(*node)[static_cast<std::size_t>(eff)];
    }
  }
  return node;
}

}  // namespace sfn::jsonpath::detail
