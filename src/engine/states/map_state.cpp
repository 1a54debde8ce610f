// "The Map State causes the interpreter to process all the elements of an array, potentially
// in parallel, with the processing of each element independent of the others." Inline mode:
// iterations are child coroutines bounded by MaxConcurrency; results keep input order.
#include "engine/children.h"
#include "engine/interpreter.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

StatesError runtime(std::string cause) {
  return StatesError{std::string(errors::kRuntime), std::move(cause)};
}

Result<size_t> max_concurrency(const asl::MapState& s, const Json& input, const Json& ctx,
                               const Frame& f) {
  if (s.max_concurrency.literal) return s.max_concurrency.literal->get<size_t>();
  if (s.max_concurrency.path) {
    auto v = select_path(*s.max_concurrency.path, input, ctx, f.variables);
    if (!v || !v->is_number_integer() || v->get<std::int64_t>() < 0)
      return tl::unexpected(runtime("The MaxConcurrencyPath field refers to value " +
                                    (v ? dump_compact(*v) : std::string("null")) +
                                    " which is not a valid integer: " +
                                    s.max_concurrency.path->text()));
    return v->get<size_t>();
  }
  return size_t{0};
}

}  // namespace

Awaitable<Result<Json>> run_map(Frame& f, const asl::MapState& s, const Json& input,
                                StateVisit& visit) {
  Json ctx = context_object(f, s, visit);
  Json items = input;
  if (s.items_path) {
    auto v = select_path(*s.items_path, input, ctx, f.variables);
    if (!v)
      co_return tl::unexpected(runtime("Invalid path '" + s.items_path->text() +
                                       "' : No results for path: " +
                                       bracket_notation(s.items_path->text())));
    items = std::move(*v);
  }
  if (!items.is_array())
    co_return tl::unexpected(runtime("Map state input must be an array but was: " + dump_compact(items)));
  auto limit = max_concurrency(s, input, ctx, f);
  if (!limit) co_return tl::unexpected(limit.error());

  f.run.history.add(f.chain, "MapStateStarted", "mapStateStartedEventDetails",
                    Json{{"length", items.size()}});
  std::vector<ChildRun> children;
  std::vector<Json> iteration_inputs(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    Json item = Json::object();
    item["Index"] = i;
    item["Value"] = items[i];
    ChildRun c;
    c.map_item = item;
    c.on_start = [&s, i](Frame& child) {
      child.run.history.add(child.chain, "MapIterationStarted", "mapIterationStartedEventDetails",
                            Json{{"index", i}, {"name", s.name}});
    };
    c.on_finish = [&s, i](Frame& child, const GraphOutcome& o) {
      const char* type = o.kind == GraphOutcome::Kind::kSucceeded ? "MapIterationSucceeded"
                                                                   : "MapIterationFailed";
      std::string key = o.kind == GraphOutcome::Kind::kSucceeded
                            ? "mapIterationSucceededEventDetails"
                            : "mapIterationFailedEventDetails";
      child.run.history.add(child.chain, type, key, Json{{"index", i}, {"name", s.name}},
                            /*update_source=*/false);
    };
    c.body = [&s, &input, &visit, item = items[i]](Frame& child) -> Awaitable<GraphOutcome> {
      Json iteration_input = item;
      if (s.parameters) {
        Json ictx = context_object(child, s, visit);
        auto selected = apply_parameters(s, input, ictx, child);
        if (!selected)
          co_return GraphOutcome{GraphOutcome::Kind::kFailed, nullptr, selected.error()};
        iteration_input = std::move(*selected);
      }
      co_return co_await run_graph(child, *s.item_processor, std::move(iteration_input));
    };
    children.push_back(std::move(c));
  }
  auto r = co_await run_children(f, std::move(children), *limit);
  if (f.scope->cancelled()) co_return states_error(kCancelledError, "");
  if (r.first_error) co_return tl::unexpected(*r.first_error);
  f.chain.source = f.chain.last_published;
  f.run.history.add(f.chain, "MapStateSucceeded", {}, nullptr, /*update_source=*/false);
  Json out = Json::array();
  for (auto& o : r.outcomes) out.push_back(std::move(o.output));
  co_return out;
}

}  // namespace sfn::engine
