// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/jsonata.js, evaluatePath(), evaluateStep(), evaluateTupleStep().
// Paths: steps over sequences, tuple streams for %, @ and # bindings and predicates (filters)
// (jsonata-js evaluatePath/evaluateStep/evaluateTupleStep & co.). Order-by, group-by and object
// constructors are in evaluate_sort_group.cpp.
#include <cmath>

#include "expr/jsonata/evaluator.h"

namespace sfn::jsonata {
namespace {

Value new_tuple_stream() {
  Value s = make_sequence();
  s.as_array().tuple_stream = true;
  return s;
}

}  // namespace

Frame* Evaluator::frame_from_tuple(Frame* env, const Value& tuple) {
  Frame* frame = new_frame(env);
  if (!tuple.is_object()) return frame;
  for (const auto& [k, v] : tuple.as_object().entries) frame->bind(k, v);
  return frame;
}

namespace {

// A name step with nothing attached: its evaluation is a field lookup.
bool is_plain_name(const Node* step) {
  return step->type == NodeType::Name && !step->has_predicate && !step->group &&
         !step->keep_array && !step->has_stages && !step->tuple;
}

// Adds a step's result for one input item to the step's sequence: arrays are flattened one level
// unless built by an array constructor.
void append_step_result(Items& out, Value&& res) {
  if (!res.is_array() || res.as_array().cons) {
    out.push_back(std::move(res));
  } else {
    const auto& items = res.as_array().items;
    out.insert(out.end(), items.begin(), items.end());
  }
}

}  // namespace

Value Evaluator::evaluate_path(const Node* expr, const Value& input, Frame* env) {
  for (const auto& step : expr->steps) {
    if (step->tuple) return evaluate_tuple_path(expr, input, env);
  }
  // A lone result may stay unwrapped (instead of a sequence of one) when nothing on the path
  // node can tell the difference: evaluate() collapses such a sequence to its item anyway.
  const bool may_unwrap =
      !expr->keep_singleton_array && !expr->keep_array && !expr->has_predicate && !expr->group;
  if (may_unwrap && expr->steps.size() == 1 && !input.is_array() &&
      is_plain_name(expr->steps[0].get())) {
    // a lone field lookup, as the loop below would do it for one input item
    Value result = lookup_field(input, expr->steps[0]->value);
    collapse_sequence(result, false);
    if (!result.is_sequence()) return result;
  }
  // `current` holds the step's input: a sequence, or a lone item when `single`
  Value current = input;
  bool single = !(input.is_array() && expr->steps[0]->type != NodeType::Variable);
  Value result;
  for (std::size_t ii = 0; ii < expr->steps.size(); ++ii) {
    const Node* step = expr->steps[ii].get();
    const bool last_step = ii == expr->steps.size() - 1;
    if ((ii == 0 && step->cons_array) || step->type == NodeType::Sort) {
      Value sequence = single ? make_sequence(current) : current;
      if (step->type == NodeType::Sort) {
        result = evaluate_sort(step, sequence, env);
        if (step->has_stages) result = evaluate_stages(step->stages, result, env);
      } else {
        result = evaluate(step, sequence, env);
      }
    } else if (single) {
      result = evaluate_step(step, &current, 1, env, last_step, may_unwrap);
    } else {
      const auto& items = current.as_array().items;
      result = evaluate_step(step, items.data(), items.size(), env, last_step, may_unwrap);
    }
    if (result.is_undefined() || (result.is_array() && result.size() == 0)) break;
    if (!step->has_focus) {
      current = result;
      single = !result.is_array();
    }
  }
  if (expr->keep_singleton_array) {
    if (result.is_array() && result.as_array().cons && !result.is_sequence()) {
      result = make_sequence(result);
    }
    if (result.is_array()) result.as_array().keep_singleton = true;
  }
  if (expr->group) result = evaluate_group(*expr->group, result, env);
  return result;
}

// A path with a tuple step (%, @ or #): each step maps a stream of binding tuples.
Value Evaluator::evaluate_tuple_path(const Node* expr, const Value& input, Frame* env) {
  Value input_sequence;
  if (input.is_array() && expr->steps[0]->type != NodeType::Variable) {
    input_sequence = input;
  } else {
    input_sequence = make_sequence(input);
  }
  Value result_sequence;
  bool is_tuple_stream = false;
  Value tuple_bindings;
  for (std::size_t ii = 0; ii < expr->steps.size(); ++ii) {
    const Node* step = expr->steps[ii].get();
    if (step->tuple) is_tuple_stream = true;
    if (ii == 0 && step->cons_array) {
      result_sequence = evaluate(step, input_sequence, env);
    } else if (is_tuple_stream) {
      tuple_bindings = evaluate_tuple_step(step, input_sequence, tuple_bindings, env);
    } else if (step->type == NodeType::Sort) {
      result_sequence = evaluate_sort(step, input_sequence, env);
      if (step->has_stages) result_sequence = evaluate_stages(step->stages, result_sequence, env);
    } else {
      const auto& items = input_sequence.as_array().items;
      result_sequence =
          evaluate_step(step, items.data(), items.size(), env, ii == expr->steps.size() - 1, false);
    }
    if (!is_tuple_stream && (result_sequence.is_undefined() ||
                             (result_sequence.is_array() && result_sequence.size() == 0))) {
      break;
    }
    if (!step->has_focus) input_sequence = result_sequence;
  }
  if (is_tuple_stream) {
    if (expr->tuple) {
      result_sequence = tuple_bindings;
    } else {
      result_sequence = make_sequence();
      if (tuple_bindings.is_array()) {
        for (const auto& t : tuple_bindings.as_array().items)
          push(result_sequence, tuple_get(t, "@"));
      }
    }
  }
  if (expr->keep_singleton_array) {
    if (result_sequence.is_array() && result_sequence.as_array().cons &&
        !result_sequence.is_sequence()) {
      result_sequence = make_sequence(result_sequence);
    }
    if (result_sequence.is_array()) {
      result_sequence.as_array().keep_singleton = true;
    } else if (result_sequence.is_defined()) {
      // jsonata-js sets the flag on a non-array and it has no effect
    }
  }
  if (expr->group) {
    result_sequence =
        evaluate_group(*expr->group, is_tuple_stream ? tuple_bindings : result_sequence, env);
  }
  return result_sequence;
}

Value Evaluator::evaluate_step(const Node* expr, const Value* items, std::size_t count, Frame* env,
                               bool last_step, bool may_unwrap) {
  Value first;  // the only result so far
  Value seq;    // the results once there are two
  std::size_t results = 0;
  // a name step with nothing attached is a field lookup: what evaluate() would do, without its
  // dispatch (the step itself is one unit of work of the path)
  const bool plain_name = is_plain_name(expr);
  for (std::size_t i = 0; i < count; ++i) {
    Value res;
    if (plain_name) {
      res = lookup_field(items[i], expr->value);
      collapse_sequence(res, false);
    } else {
      res = evaluate(expr, items[i], env);
    }
    if (expr->has_stages) {
      for (const auto& st : expr->stages) res = evaluate_filter(st.expr.get(), res, env);
    }
    if (res.is_undefined()) continue;
    if (++results == 1) {
      first = std::move(res);
      continue;
    }
    if (results == 2) {
      seq = make_sequence();
      seq.as_array().items.reserve(count);
      append_step_result(seq.as_array().items, std::move(first));
    }
    append_step_result(seq.as_array().items, std::move(res));
  }
  if (results >= 2) return seq;
  if (results == 0) return may_unwrap ? Value{} : make_sequence();
  if (last_step && first.is_array() && !first.is_sequence()) return first;
  if (may_unwrap && !first.is_array()) return first;
  seq = make_sequence();
  append_step_result(seq.as_array().items, std::move(first));
  return seq;
}

Value Evaluator::evaluate_stages(const std::vector<Stage>& stages, Value input, Frame* env) {
  Value result = std::move(input);
  for (const auto& stage : stages) {
    if (!stage.is_index) {
      result = evaluate_filter(stage.expr.get(), result, env);
    } else if (result.is_array()) {
      auto& items = result.as_array().items;
      for (std::size_t i = 0; i < items.size(); ++i) {
        Value t = Value::new_object();
        t.as_object() = items[i].as_object();
        t.as_object().set(stage.var, Value::number(static_cast<double>(i)));
        items[i] = t;
      }
    }
  }
  return result;
}

Value Evaluator::evaluate_tuple_step(const Node* expr, const Value& input, Value tuple_bindings,
                                     Frame* env) {
  if (expr->type == NodeType::Sort) {
    Value result;
    if (tuple_bindings.is_defined()) {
      result = evaluate_sort(expr, tuple_bindings, env);
    } else {
      Value sorted = evaluate_sort(expr, input, env);
      result = new_tuple_stream();
      if (sorted.is_array()) {
        for (std::size_t i = 0; i < sorted.size(); ++i) {
          Value t = Value::new_object();
          t.as_object().set("@", sorted[i]);
          t.as_object().set(expr->index, Value::number(static_cast<double>(i)));
          push(result, t);
        }
      }
    }
    if (expr->has_stages) result = evaluate_stages(expr->stages, result, env);
    return result;
  }
  Value result = new_tuple_stream();
  if (tuple_bindings.is_undefined()) {
    tuple_bindings = Value::new_array();
    for (const auto& item : input.as_array().items) {
      Value t = Value::new_object();
      t.as_object().set("@", item);
      push(tuple_bindings, t);
    }
  }
  for (const auto& binding : tuple_bindings.as_array().items) {
    Frame* step_env = frame_from_tuple(env, binding);
    Value context = tuple_get(binding, "@");
    Value res = evaluate(expr, context, step_env);
    if (res.is_undefined()) continue;
    Items items;
    bool res_tuple = res.is_array() && res.as_array().tuple_stream;
    if (res.is_array()) {
      items = res.as_array().items;
    } else {
      items.push_back(res);
    }
    for (std::size_t bb = 0; bb < items.size(); ++bb) {
      Value tuple = Value::new_object();
      tuple.as_object() = binding.as_object();
      if (res_tuple) {
        for (const auto& [k, v] : items[bb].as_object().entries) tuple.as_object().set(k, v);
      } else {
        if (expr->has_focus) {
          tuple.as_object().set(expr->focus, items[bb]);
          tuple.as_object().set("@", context);
        } else {
          tuple.as_object().set("@", items[bb]);
        }
        if (expr->has_index && !expr->index.empty()) {
          tuple.as_object().set(expr->index, Value::number(static_cast<double>(bb)));
        }
        if (expr->ancestor) tuple.as_object().set(expr->ancestor->label, context);
      }
      push(result, tuple);
    }
  }
  if (expr->has_stages) result = evaluate_stages(expr->stages, result, env);
  return result;
}

Value Evaluator::evaluate_filter(const Node* predicate, const Value& input_in, Frame* env) {
  Value results = make_sequence();
  if (input_in.is_array() && input_in.as_array().tuple_stream)
    results.as_array().tuple_stream = true;
  Value input = input_in.is_array() ? input_in : make_sequence(input_in);
  const auto& items = input.as_array().items;
  const bool tuple_stream = input.as_array().tuple_stream;
  auto n = static_cast<double>(items.size());
  if (predicate->type == NodeType::Number) {
    double index = std::floor(predicate->number);
    if (index < 0) index = n + index;
    if (index >= 0 && index < n) {
      const Value& item = items[static_cast<std::size_t>(index)];
      if (item.is_array()) {
        results = item;
      } else {
        push(results, item);
      }
    }
    return results;
  }
  for (std::size_t index = 0; index < items.size(); ++index) {
    const Value& item = items[index];
    Value context = item;
    Frame* fenv = env;
    if (tuple_stream) {
      context = tuple_get(item, "@");
      fenv = frame_from_tuple(env, item);
    }
    Value res = evaluate(predicate, context, fenv);
    if (is_numeric(res)) res = make_sequence(res);
    if (is_array_of_numbers(res)) {
      for (const auto& ires : res.as_array().items) {
        double ii = std::floor(ires.as_number());
        if (ii < 0) ii = n + ii;
        if (ii == static_cast<double>(index)) push(results, item);
      }
    } else if (truthy(res)) {
      push(results, item);
    }
  }
  return results;
}

}  // namespace sfn::jsonata
