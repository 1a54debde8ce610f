// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/jsonata.js, evaluateSortExpression(), evaluateGroupExpression().
// Order-by (^), group-by ({...} on a path) and object constructors (jsonata-js
// evaluateSortExpression, evaluateGroupExpression, evaluateObjectConstructor).
#include <cmath>

#include "expr/jsonata/evaluator.h"
#include "expr/jsonata/merge_sort.h"

namespace sfn::jsonata {

Value Evaluator::evaluate_sort(const Node* expr, const Value& input, Frame* env) {
  if (!input.is_array()) return input;
  Value result = Value::new_array();
  result.as_array() = input.as_array();
  const auto& items = result.as_array().items;
  const bool tuple_sort = result.as_array().tuple_stream;
  const std::size_t terms = expr->terms.size();
  // An item's key for a term is evaluated when a comparison first needs it, then remembered:
  // the evaluations happen in the order of an evaluation per comparison, only once each.
  std::vector<Value> keys(items.size() * terms);
  std::vector<char> known(items.size() * terms, 0);
  auto key = [&](std::size_t item, std::size_t term) -> const Value& {
    const std::size_t slot = item * terms + term;
    if (!known[slot]) {
      Value context = items[item];
      Frame* fenv = env;
      if (tuple_sort) {
        context = tuple_get(items[item], "@");
        fenv = frame_from_tuple(env, items[item]);
      }
      keys[slot] = evaluate(expr->terms[term].expression.get(), context, fenv);
      known[slot] = 1;
    }
    return keys[slot];
  };
  auto after = [&](std::size_t a, std::size_t b) {
    int comp = 0;
    for (std::size_t index = 0; comp == 0 && index < terms; ++index) {
      const auto& term = expr->terms[index];
      const Value& aa = key(a, index);
      const Value& bb = key(b, index);
      if (aa.is_undefined()) {
        comp = bb.is_undefined() ? 0 : 1;
        continue;
      }
      if (bb.is_undefined()) {
        comp = -1;
        continue;
      }
      bool a_ok = aa.is_string() || aa.is_number();
      bool b_ok = bb.is_string() || bb.is_number();
      if (!a_ok || !b_ok) throw_error("T2008", expr->position, {}, !a_ok ? aa : bb);
      if (aa.type() != bb.type()) {
        JsonataException e;
        e.code = "T2007";
        e.position = expr->position;
        e.value = aa;
        e.value2 = bb;
        throw e;
      }
      if (aa.is_number()) {
        comp = aa.as_number() == bb.as_number() ? 0 : (aa.as_number() < bb.as_number() ? -1 : 1);
      } else {
        int c = aa.as_string().compare(bb.as_string());
        comp = c == 0 ? 0 : (c < 0 ? -1 : 1);
      }
      if (term.descending) comp = -comp;
    }
    return comp == 1;
  };
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  merge_sort(order, after);
  Items sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(items[i]);
  result.as_array().items = std::move(sorted);
  return result;
}

Value Evaluator::evaluate_group(const GroupBy& group, const Value& input_in, Frame* env) {
  Value result = Value::new_object();
  struct Entry {
    Value key;   // a string
    Value data;  // the items of the group
    std::size_t expr_index;
    bool own_data;  // data is an array made here, so items are appended to it in place
  };
  std::vector<Entry> groups;
  std::unordered_map<std::string_view, std::size_t> index;  // once there are many groups
  auto find_group = [&](std::string_view key) -> Entry* {
    if (groups.size() <= kLinearObjectSize) {
      for (auto& g : groups) {
        if (g.key.as_string() == key) return &g;
      }
      return nullptr;
    }
    if (index.empty()) {
      for (std::size_t i = 0; i < groups.size(); ++i) index.emplace(groups[i].key.as_string(), i);
    }
    auto it = index.find(key);
    return it == index.end() ? nullptr : &groups[it->second];
  };
  const bool reduce = input_in.is_array() && input_in.as_array().tuple_stream;
  // the items grouped: a copy of the input array's, or the lone input (undefined if none)
  Items copy;
  const Value* items = &input_in;
  std::size_t count = 1;
  if (input_in.is_array() && input_in.size() > 0) {
    copy = input_in.as_array().items;
    items = copy.data();
    count = copy.size();
  }
  const Value undefined;
  if (input_in.is_array() && input_in.size() == 0) items = &undefined;
  groups.reserve(group.pairs.size());
  for (std::size_t ii = 0; ii < count; ++ii) {
    const Value& item = items[ii];
    Frame* fenv = reduce ? frame_from_tuple(env, item) : env;
    for (std::size_t pi = 0; pi < group.pairs.size(); ++pi) {
      Value key = evaluate(group.pairs[pi].first.get(), reduce ? tuple_get(item, "@") : item, fenv);
      if (key.is_undefined()) continue;
      if (!key.is_string()) throw_error("T1003", group.position, {}, key);
      if (Entry* e = find_group(key.as_string())) {
        if (e->expr_index != pi) throw_error("D1009", group.position, {}, key);
        // append_values(e->data, item), in place once the array is ours
        if (!e->own_data) {
          e->own_data = e->data.is_defined() && item.is_defined();
          e->data = append_values(e->data, item);
        } else if (item.is_array()) {
          auto& data = e->data.as_array().items;
          const auto& more = item.as_array().items;
          data.insert(data.end(), more.begin(), more.end());
        } else if (item.is_defined()) {
          e->data.as_array().items.push_back(item);
        }
      } else {
        groups.push_back(Entry{std::move(key), item, pi, false});
        if (!index.empty()) index.emplace(groups.back().key.as_string(), groups.size() - 1);
      }
    }
  }
  result.as_object().entries.reserve(groups.size());
  for (auto& entry : groups) {
    Value context = entry.data;
    Frame* fenv = env;
    if (reduce) {
      // reduceTupleStream: merge the tuples' bindings into sequences
      Value tuple = Value::new_object();
      if (entry.data.is_array()) {
        const auto& ts = entry.data.as_array().items;
        tuple.as_object() = ts[0].as_object();
        for (std::size_t i = 1; i < ts.size(); ++i) {
          for (const auto& [k, v] : ts[i].as_object().entries) {
            const Value* cur = tuple.as_object().find(k);
            tuple.as_object().set(k, append_values(cur ? *cur : Value{}, v));
          }
        }
      } else {
        tuple.as_object() = entry.data.as_object();
      }
      context = tuple_get(tuple, "@");
      tuple.as_object().erase("@");
      fenv = frame_from_tuple(env, tuple);
    }
    Value value = evaluate(group.pairs[entry.expr_index].second.get(), context, fenv);
    if (value.is_defined()) result.as_object().set(entry.key.as_string(), value);
  }
  return result;
}

Value Evaluator::evaluate_object_constructor(const Node* expr, const Value& input, Frame* env) {
  return evaluate_group(*expr->object_pairs, input, env);
}

}  // namespace sfn::jsonata
