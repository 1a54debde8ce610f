#include "engine/data_flow.h"

#include <cctype>

#include "sfn/common/clock.h"
#include "sfn/common/states_errors.h"
#include "sfn/expr/eval_context.h"

namespace sfn::engine {
namespace {

tl::unexpected<StatesError> runtime_error(std::string cause) {
  return tl::unexpected(runtime_failure(std::move(cause)));
}

std::string invalid_path(const jsonpath::Path& p) {
  return "Invalid path '" + p.text() + "' : No results for path: " + bracket_notation(p.text());
}

}  // namespace

StatesError runtime_failure(std::string cause) {
  return StatesError{errors::kRuntime, std::move(cause)};
}

Json context_object(const Frame& frame, const asl::State& state, const StateVisit& visit) {
  Json ctx = Json::object();
  ctx["Execution"] = frame.run.execution_context;
  Json st = Json::object();
  st["EnteredTime"] = format_iso8601(visit.entered_time);
  st["Name"] = state.name;
  // Only states that can retry carry RetryCount (Pass, Choice, Wait, ... do not).
  if (state.type == asl::StateType::kTask || state.type == asl::StateType::kParallel ||
      state.type == asl::StateType::kMap)
    st["RetryCount"] = visit.retry_count;
  ctx["State"] = std::move(st);
  ctx["StateMachine"] = frame.run.state_machine_context;
  if (visit.task_token) ctx["Task"] = Json{{"Token", *visit.task_token}};
  if (frame.map_item) ctx["Map"] = Json{{"Item", *frame.map_item}};
  return ctx;
}

Result<std::optional<Json>> select_path(const jsonpath::Path& path, const Json& input,
                                        expr::ContextRef context, const Json& variables,
                                        std::string_view field) {
  const Json* doc = &input;
  if (path.root() == jsonpath::Root::kContext) {
    doc = &context.get();
  } else if (path.root() == jsonpath::Root::kVariable) {
    auto it = variables.find(path.variable_name());
    if (it == variables.end()) return std::optional<Json>();
    doc = &*it;
  }
  auto value = path.evaluate_bounded(*doc);
  if (!value)
    return runtime_error("The JSONPath '" + path.text() + "' specified for the field '" +
                         std::string(field) + "' " + value.error());
  return std::move(*value);
}

std::string bracket_notation(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size() && text[i] == '$') out.push_back(text[i++]);
  while (i < text.size()) {
    char c = text[i];
    if (c == '.') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != '.' && text[j] != '[') ++j;
      out += "['" + text.substr(i + 1, j - i - 1) + "']";
      i = j;
    } else if (c == '[') {
      size_t j = text.find(']', i);
      if (j == std::string::npos) j = text.size() - 1;
      std::string inner = text.substr(i + 1, j - i - 1);
      if (!inner.empty() && inner.front() == '"' && inner.back() == '"')
        inner = "'" + inner.substr(1, inner.size() - 2) + "'";
      out += "[" + inner + "]";
      i = j + 1;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

Result<Json> apply_input_path(const asl::State& state, const Json& raw, expr::ContextRef context,
                              const Frame& frame) {
  switch (state.input_path.kind) {
    case asl::PathField::Kind::kDefault:
      return raw;
    case asl::PathField::Kind::kNull:
      return Json::object();
    case asl::PathField::Kind::kPath: {
      auto v = select_path(*state.input_path.path, raw, context, frame.variables, "InputPath");
      if (!v) return tl::unexpected(v.error());
      if (!*v) return runtime_error(invalid_path(*state.input_path.path));
      return std::move(**v);
    }
  }
  return raw;
}

Result<Json> apply_parameters(const asl::State& state, const Json& effective,
                              expr::ContextRef context, const Frame& frame) {
  if (!state.parameters) return effective;
  expr::EvalContext ctx{effective, context, &frame.variables};
  return state.parameters->evaluate(ctx);
}

Result<Json> apply_result_selector(const asl::State& state, const Json& result,
                                   expr::ContextRef context, const Frame& frame) {
  if (!state.result_selector) return result;
  expr::EvalContext ctx{result, context, &frame.variables};
  return state.result_selector->evaluate(ctx);
}

Result<Json> apply_result_path(const asl::PathField& result_path, const Json& raw, Json result) {
  switch (result_path.kind) {
    case asl::PathField::Kind::kDefault:
      return result;
    case asl::PathField::Kind::kNull:
      return raw;
    case asl::PathField::Kind::kPath: {
      const auto& p = *result_path.path;
      if (p.text() == "$") return result;
      Json out = raw;
      auto ok = p.assign(out, std::move(result));
      if (!ok)
        return states_error(errors::kRuntime, "Invalid path '" + p.text() + "' : " + ok.error());
      return out;
    }
  }
  return result;
}

Result<Json> apply_output_path(const asl::State& state, const Json& value, expr::ContextRef context,
                               const Frame& frame) {
  switch (state.output_path.kind) {
    case asl::PathField::Kind::kDefault:
      return value;
    case asl::PathField::Kind::kNull:
      return Json::object();
    case asl::PathField::Kind::kPath: {
      auto v = select_path(*state.output_path.path, value, context, frame.variables, "OutputPath");
      if (!v) return tl::unexpected(v.error());
      if (!*v) return runtime_error(invalid_path(*state.output_path.path));
      return std::move(**v);
    }
  }
  return value;
}

}  // namespace sfn::engine
