// "The Map State causes the interpreter to process all the elements of an array, potentially
// in parallel, with the processing of each element independent of the others." Inline mode:
// iterations are child coroutines bounded by MaxConcurrency; results keep input order.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "engine/children.h"
#include "engine/interpreter.h"
#include "sfn/common/clock.h"
#include "sfn/common/ids.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

// How AWS shows an offending value in a cause: a string's text, other values as JSON.
std::string shown(const Json& v) { return v.is_string() ? v.get<std::string>() : dump_compact(v); }

// A number given as JSON text where AWS also accepts it: "1" for an integer field, "1.5" for a
// float field (AWS parses a string value the way Java's Long/Double parsers do).
std::optional<double> numeric_text(const Json& v, bool integer) {
  if (!v.is_string()) return std::nullopt;
  const auto& text = v.get_ref<const std::string&>();
  if (text.empty() || text.size() > 32) return std::nullopt;
  if (integer) {
    const size_t digits = text[0] == '-' || text[0] == '+' ? 1 : 0;
    if (digits == text.size() || text.find_first_not_of("0123456789", digits) != std::string::npos)
      return std::nullopt;
    return std::stod(text);
  }
  char* end = nullptr;
  const double d = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

Result<size_t> max_concurrency(const asl::MapState& s, const Json& input, StateIO& io) {
  if (s.max_concurrency.literal) return s.max_concurrency.literal->get<size_t>();
  if (s.max_concurrency.jsonata) {
    auto v = io.evaluate_dynamic(s.max_concurrency, input, "MaxConcurrency");
    if (!v) return tl::unexpected(v.error());
    if (!(*v)->is_number_integer() || (*v)->get<std::int64_t>() < 0)
      return states_error(
          errors::kQueryEvaluationError,
          "The MaxConcurrency field must be a non-negative integer, but was: " + dump_compact(**v),
          "MaxConcurrency");
    return (*v)->get<size_t>();
  }
  if (s.max_concurrency.path) {
    auto selected = select_path(*s.max_concurrency.path, input, io.context(), io.frame().variables,
                                "MaxConcurrencyPath");
    if (!selected) return tl::unexpected(selected.error());
    auto& v = *selected;
    if (v)
      if (auto n = numeric_text(*v, /*integer=*/true); n && *n >= 0 && *n < 4294967296.0)
        return static_cast<size_t>(*n);
    if (!v || !v->is_number_integer() || v->get<std::int64_t>() < 0)
      return tl::unexpected(
          runtime_failure("The MaxConcurrencyPath field refers to value \"" +
                          (v ? shown(*v) : std::string("null")) +
                          "\" which is not a valid integer: " + s.max_concurrency.path->text()));
    return v->get<size_t>();
  }
  return size_t{0};
}

// ToleratedFailureCount(Path) / ToleratedFailurePercentage(Path), checked as AWS does once the
// Map has started. Returns how many of `total` items may fail before the Map Run fails: the
// Map Run fails when the failed items exceed either threshold (default 0: any failure).
Result<size_t> tolerated_failures(const asl::MapState& s, const Json& input, StateIO& io,
                                  size_t total) {
  std::optional<double> count;
  std::optional<double> percentage;
  if (s.tolerated_failure_count.path) {
    const auto& p = *s.tolerated_failure_count.path;
    auto selected =
        select_path(p, input, io.context(), io.frame().variables, "ToleratedFailureCountPath");
    if (!selected) return tl::unexpected(selected.error());
    auto& v = *selected;
    if (v) {
      if (v->is_number_integer() || v->is_number_unsigned())
        count = v->get<double>();
      else
        count = numeric_text(*v, /*integer=*/true);
      if (!count)
        return tl::unexpected(
            runtime_failure("The ToleratedFailureCountPath field refers to value \"" + shown(*v) +
                            "\" which is not a valid integer: " + p.text()));
    }
  } else if (s.tolerated_failure_count.present()) {
    auto v = io.evaluate_dynamic(s.tolerated_failure_count, input, "ToleratedFailureCount");
    if (!v) return tl::unexpected(v.error());
    if (*v && (!(*v)->is_number_integer() || (*v)->get<double>() < 0))
      return states_error(
          errors::kQueryEvaluationError,
          "The ToleratedFailureCount field must be a non-negative integer, but was: " +
              dump_compact(**v),
          "ToleratedFailureCount");
    if (*v) count = (*v)->get<double>();
  }
  if (s.tolerated_failure_percentage.path) {
    const auto& p = *s.tolerated_failure_percentage.path;
    auto selected =
        select_path(p, input, io.context(), io.frame().variables, "ToleratedFailurePercentagePath");
    if (!selected) return tl::unexpected(selected.error());
    auto& v = *selected;
    if (v) {
      percentage = v->is_number() ? std::optional<double>(v->get<double>())
                                  : numeric_text(*v, /*integer=*/false);
      if (!percentage)
        return tl::unexpected(
            runtime_failure("The ToleratedFailurePercentagePath field refers to value \"" +
                            shown(*v) + "\" which is not a valid float: " + p.text()));
    }
  } else if (s.tolerated_failure_percentage.present()) {
    auto v =
        io.evaluate_dynamic(s.tolerated_failure_percentage, input, "ToleratedFailurePercentage");
    if (!v) return tl::unexpected(v.error());
    if (*v && !(*v)->is_number())
      return states_error(
          errors::kQueryEvaluationError,
          "The ToleratedFailurePercentage field must be a number, but was: " + dump_compact(**v),
          "ToleratedFailurePercentage");
    if (*v) percentage = (*v)->get<double>();
  }
  if (count && *count < 0)
    return tl::unexpected(runtime_failure("ToleratedFailureCount cannot be negative."));
  if (percentage && (*percentage < 0 || *percentage > 100))
    return tl::unexpected(runtime_failure("ToleratedFailurePercentage must be between 0 and 100."));
  if (!count && !percentage) return size_t{0};
  // failed > count, or failed / total * 100 > percentage (failed > floor(percentage * total /
  // 100)).
  size_t allowed = total;
  if (count && *count < static_cast<double>(total)) allowed = static_cast<size_t>(*count);
  if (percentage)
    allowed = std::min(
        allowed,
        static_cast<size_t>(std::floor(*percentage * static_cast<double>(total) / 100.0 + 1e-9)));
  return allowed;
}

// A failed child execution's entry in a distributed Map's result array: with the default
// (COMPACT) transformation AWS returns a failed child's result unchanged, i.e. in the NONE
// form with the execution's metadata.
Json failed_child_entry(const ExecutionRecord& parent, const std::string& map_run_arn,
                        const Json& input, const StatesError& error, double start, double stop) {
  std::string label_and_id = map_run_arn.substr(map_run_arn.find(":mapRun:") + 8);
  std::string name = make_uuid();
  std::string execution_arn = map_run_arn.substr(0, map_run_arn.find(":mapRun:")) +
                              ":execution:" + label_and_id.substr(0, label_and_id.rfind(':')) +
                              ":" + name;
  Json e = Json::object();
  e["ExecutionArn"] = execution_arn;
  e["Input"] = dump_compact(input);
  e["InputDetails"] = Json{{"Included", true}};
  e["Name"] = name;
  e["StartDate"] = format_iso8601(start);
  e["StateMachineArn"] = parent.state_machine_arn;
  e["Status"] = "FAILED";
  e["StopDate"] = format_iso8601(stop);
  if (!error.error.empty()) e["Error"] = error.error;
  if (!error.cause.empty()) e["Cause"] = error.cause;
  return e;
}

std::string json_type_name(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_array()) return "array";
  return "object";
}

}  // namespace

Awaitable<WorkResult<Json>> run_map(Frame& f, const asl::MapState& s, const Json& input,
                                    StateIO& io) {
  const expr::ContextRef ctx = io.context();  // lazy: built only if a path reads $$
  Json items = input;
  if (s.items) {
    auto v = io.evaluate(*s.items, input, "Items");
    if (!v) co_return tl::unexpected(v.error());
    items = std::move(*v);
  } else if (s.items_path) {
    auto selected = select_path(*s.items_path, input, ctx, f.variables, "ItemsPath");
    if (!selected) co_return tl::unexpected(selected.error());
    auto& v = *selected;
    if (!v)
      co_return tl::unexpected(
          runtime_failure("Invalid path '" + s.items_path->text() +
                          "' : No results for path: " + bracket_notation(s.items_path->text())));
    items = std::move(*v);
  }
  if (!items.is_array()) {
    if (s.items && !s.items_expression.empty())
      co_return states_error(errors::kQueryEvaluationError,
                             "The JSONata expression '" + s.items_expression +
                                 "' specified for the field 'Items' returned an unexpected result "
                                 "type. Expected 'array', but was '" +
                                 json_type_name(items) + "' for value: " + dump_compact(items),
                             "Items");
    co_return states_error(io.jsonata() ? errors::kQueryEvaluationError : errors::kRuntime,
                           "Map state input must be an array but was: " + dump_compact(items));
  }
  auto limit = max_concurrency(s, input, io);
  if (!limit) {
    auto bad = limit.error();
    // A MaxConcurrencyPath value AWS cannot use ends the execution: no MapStateFailed.
    if (bad.error == errors::kRuntime) bad.evaluation_recorded = true;
    co_return tl::unexpected(std::move(bad));
  }

  f.run.history.add(f.chain, EventType::kMapStateStarted, Json{{"length", items.size()}});
  auto tolerated = tolerated_failures(s, input, io, items.size());
  if (!tolerated) {
    auto bad = tolerated.error();
    bad.evaluation_recorded = true;  // ends the execution: no MapStateFailed, as AWS records
    co_return tl::unexpected(std::move(bad));
  }
  std::vector<ChildRun> children;
  struct IterationRecord {  // what a tolerated failed Map Run child reports
    Json input;
    double start = 0, stop = 0;
  };
  std::vector<IterationRecord> iterations(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    Json item = Json::object();
    item["Index"] = i;
    item["Value"] = items[i];
    ChildRun c;
    c.map_item = item;
    c.on_start = [&s, i](Frame& child) {
      child.run.history.add(child.chain, EventType::kMapIterationStarted,
                            Json{{"index", i}, {"name", s.name}});
    };
    c.on_finish = [&s, i](Frame& child, const GraphOutcome& o) {
      const EventType type = o.kind == GraphOutcome::Kind::kSucceeded
                                 ? EventType::kMapIterationSucceeded
                                 : EventType::kMapIterationFailed;
      child.run.history.add(child.chain, type, Json{{"index", i}, {"name", s.name}},
                            /*update_source=*/false);
    };
    c.body = [&s, &input, &io, &record = iterations[i],
              item = items[i]](Frame& child) -> Awaitable<GraphOutcome> {
      record.start = now(child.run);
      Json iteration_input = item;
      if (s.parameters) {
        StateIO child_io(child, s, io.visit(), io.raw());
        auto selected = child_io.evaluate(*s.parameters, input, "ItemSelector");
        if (!selected)
          co_return GraphOutcome{GraphOutcome::Kind::kFailed, nullptr, selected.error()};
        iteration_input = std::move(*selected);
      }
      record.input = iteration_input;
      auto outcome = co_await run_graph(child, *s.item_processor, std::move(iteration_input));
      record.stop = now(child.run);
      co_return outcome;
    };
    children.push_back(std::move(c));
  }
  const bool distributed = s.processor_mode == "DISTRIBUTED";
  std::string map_run_arn;
  std::int64_t map_run_started = 0;
  if (distributed) {
    // A distributed Map runs its iterations as a Map Run of child executions.
    map_run_arn = f.run.record->state_machine_arn;
    if (auto pos = map_run_arn.find(":stateMachine:"); pos != std::string::npos)
      map_run_arn.replace(pos, 14, ":mapRun:");
    map_run_arn += "/" + (s.label.empty() ? s.name : s.label) + ":" + make_uuid();
    map_run_started =
        f.run.history.add(f.chain, EventType::kMapRunStarted, Json{{"mapRunArn", map_run_arn}});
  }
  // Only a Map Run tolerates failed items; an inline Map fails on its first failed iteration.
  auto r = co_await run_children(f, std::move(children), *limit, distributed,
                                 distributed ? *tolerated : 0);
  if (f.scope->cancelled()) co_return cancelled_work();
  if (r.first_error) {
    if (distributed) {
      // A Map Run fails with States.ExceedToleratedFailureThreshold whatever its children's
      // errors were (with no threshold set, the first failed child exceeds the default of 0).
      StatesError exceeded{errors::kExceedToleratedFailureThreshold,
                           "The specified tolerated failure threshold was exceeded"};
      f.run.history.add(f.chain, EventType::kMapRunFailed,
                        Json{{"error", exceeded.error}, {"cause", exceeded.cause}});
      co_return tl::unexpected(std::move(exceeded));
    }
    co_return tl::unexpected(*r.first_error);
  }
  if (distributed) f.run.history.add(f.chain, EventType::kMapRunSucceeded);
  f.chain.source = f.chain.last_published;
  f.run.history.add(f.chain, EventType::kMapStateSucceeded, nullptr, /*update_source=*/false);
  // Every AWS recording since Nov 2024 links MapStateExited of a distributed Map to MapRunStarted
  // (before, it followed MapRunSucceeded like MapStateSucceeded still does).
  if (distributed) f.chain.source = map_run_started;
  Json out = Json::array();
  for (size_t i = 0; i < r.outcomes.size(); ++i) {
    auto& o = r.outcomes[i];
    const auto& it = iterations[i];
    if (o.kind == GraphOutcome::Kind::kFailed)  // a tolerated failure of a Map Run child
      out.push_back(failed_child_entry(*f.run.record, map_run_arn, it.input, o.error, it.start,
                                       std::max(it.stop, it.start)));
    else
      out.push_back(std::move(o.output));
  }
  co_return out;
}

}  // namespace sfn::engine
