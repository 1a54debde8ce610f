#include "engine/state_io.h"

#include "sfn/common/states_errors.h"

namespace sfn::engine {

StateIO::StateIO(Frame& f, const asl::State& s, StateVisit& visit, const Json& raw)
    : frame_(f), state_(s), visit_(visit), raw_(raw), context_(f, s, visit) {}

expr::StatesVariable StateIO::states(const Json* result, const Json* error_output) const {
  return expr::StatesVariable{&raw_, result, error_output};
}

Result<Json> StateIO::evaluate(const payload::PayloadTemplate& t, const Json& dollar,
                               std::string_view field, const Json* result,
                               const Json* error_output) const {
  if (!jsonata()) {
    expr::EvalContext ctx{dollar, context(), &frame_.variables, field};
    return t.evaluate(ctx);
  }
  const auto st = states(result, error_output);
  expr::EvalContext ctx{raw_, context(), &frame_.variables, field, &st};
  return t.evaluate(ctx);
}

Result<std::optional<Json>> StateIO::evaluate_dynamic(const asl::DynamicValue& v,
                                                      const Json& dollar,
                                                      std::string_view field) const {
  if (v.literal) return std::optional<Json>(*v.literal);
  if (v.path) {
    auto selected = select_path(*v.path, dollar, context(), frame_.variables, field);
    if (!selected) return tl::unexpected(selected.error());
    auto& found = *selected;
    if (!found)
      return states_error(errors::kRuntime,
                          "Invalid path '" + v.path->text() +
                              "' : No results for path: " + bracket_notation(v.path->text()));
    return std::optional<Json>(std::move(*found));
  }
  if (v.intrinsic) {
    expr::EvalContext ctx{dollar, context(), &frame_.variables, field};
    auto r = v.intrinsic->evaluate(ctx);
    if (!r) return tl::unexpected(r.error());
    return std::optional<Json>(std::move(*r));
  }
  if (v.jsonata) {
    const auto st = states(nullptr, nullptr);
    const expr::EvalContext ctx{raw_, context(), &frame_.variables, field, &st};
    auto r = v.jsonata->program.evaluate_refs(
        &raw_, payload::jsonata_bindings(ctx, v.jsonata->reads_context));
    std::string prefix = "The JSONata expression '" + v.jsonata->text +
                         "' specified for the field '" + std::string(field) + "' ";
    if (!r || !*r)
      return states_error(errors::kQueryEvaluationError,
                          prefix + payload::jsonata_failure(r ? nullptr : &r.error()),
                          std::string(field));
    return std::optional<Json>(std::move(**r));
  }
  return std::optional<Json>();
}

namespace {

// AWS's variable quotas (VariableQuotas: 256 KiB per variable, 256 KiB for all the variables one
// Assign field sets, 10 MiB for all the variables stored), on the UTF-8 JSON text.
std::optional<StatesError> check_variable_sizes(const Json& assigned, const VariableSizes& stored,
                                                const VariableQuotas& quotas) {
  auto too_big = [](std::string what) { return StatesError{errors::kRuntime, std::move(what)}; };
  std::size_t assign_total = 0;
  for (const auto& [name, value] : assigned.items()) {
    const std::size_t size = dump_compact(value).size();
    if (size > quotas.per_variable)
      return too_big("The value assigned to the variable '" + name + "' has a size of " +
                     std::to_string(size) + " bytes, which exceeds the maximum of " +
                     std::to_string(quotas.per_variable) + " bytes for a single variable.");
    assign_total += size;
  }
  if (assign_total > quotas.per_assign)
    return too_big("The variables assigned in the Assign field have a combined size of " +
                   std::to_string(assign_total) + " bytes, which exceeds the maximum of " +
                   std::to_string(quotas.per_assign) + " bytes.");
  std::size_t stored_total = stored.total + assign_total;
  for (const auto& [name, value] : assigned.items()) stored_total -= stored.of(name);
  if (stored_total > quotas.per_execution)
    return too_big("The variables of the execution would have a combined size of " +
                   std::to_string(stored_total) + " bytes, which exceeds the maximum of " +
                   std::to_string(quotas.per_execution) + " bytes.");
  return std::nullopt;
}

}  // namespace

Result<std::optional<Json>> StateIO::evaluate_assign(
    const std::optional<payload::PayloadTemplate>& a, const Json& dollar, const Json* result,
    const Json* error_output) const {
  if (!a) return std::optional<Json>();
  auto r = evaluate(*a, dollar, "Assign", result, error_output);
  if (!r) return tl::unexpected(r.error());
  if (r->is_object())
    if (auto e =
            check_variable_sizes(*r, frame_.variable_sizes, frame_.run.services.variable_quotas))
      return tl::unexpected(std::move(*e));
  return std::optional<Json>(std::move(*r));
}

Result<Json> StateIO::jsonata_output(const std::optional<payload::PayloadTemplate>& output,
                                     const Json& default_output, const Json* result,
                                     const Json* error_output) const {
  if (!output) return default_output;
  return evaluate(*output, raw_, "Output", result, error_output);
}

}  // namespace sfn::engine
