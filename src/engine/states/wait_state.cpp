// "A Wait state causes the interpreter to delay the machine from continuing for a specified
// time." The deadline is fixed at entry and kept in the checkpoint, so a restart keeps it.
#include <cmath>

#include "engine/interpreter.h"
#include "sfn/common/clock.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

// The wall-clock instant the state waits until.
Result<double> deadline(const asl::WaitState& s, const Json& input, StateIO& io, double entered) {
  const expr::ContextRef ctx = io.context();  // lazy: built only if a path reads $$
  const Frame& f = io.frame();
  const bool jsonata = io.jsonata();
  auto invalid = [jsonata](std::string cause, std::string field) {
    return states_error(jsonata ? errors::kQueryEvaluationError : errors::kRuntime,
                        std::move(cause), std::move(field));
  };
  if (s.seconds.literal) return entered + s.seconds.literal->get<double>();
  if (s.seconds.jsonata) {
    auto v = io.evaluate_dynamic(s.seconds, input, "Seconds");
    if (!v) return tl::unexpected(v.error());
    const Json& j = **v;
    if (!j.is_number() || std::floor(j.get<double>()) != j.get<double>() || j.get<double>() < 0)
      return invalid(
          "The Seconds field must be a non-negative integer, but was: " + dump_compact(j),
          "Seconds");
    return entered + j.get<double>();
  }
  if (s.seconds.path) {
    const auto& p = *s.seconds.path;
    auto selected = select_path(p, input, ctx, f.variables, "SecondsPath");
    if (!selected) return tl::unexpected(selected.error());
    auto& v = *selected;
    if (!v)
      return tl::unexpected(runtime_failure(
          "The SecondsPath parameter does not reference an input value: " + p.text()));
    std::string shown = p.text() + " == " + dump_compact(*v);
    if (!v->is_number() || std::floor(v->get<double>()) != v->get<double>())
      return tl::unexpected(
          runtime_failure("The SecondsPath parameter cannot be parsed as a long value: " + shown));
    double seconds = v->get<double>();
    if (seconds < 0)
      return tl::unexpected(
          runtime_failure("The SecondsPath parameter references a negative value: " + shown));
    return entered + seconds;
  }
  if (s.timestamp.literal || s.timestamp.jsonata) {
    auto v = io.evaluate_dynamic(s.timestamp, input, "Timestamp");
    if (!v) return tl::unexpected(v.error());
    const Json& j = **v;
    std::string text = j.is_string() ? j.get<std::string>() : dump_compact(j);
    auto t = j.is_string() ? parse_iso8601(text) : std::nullopt;
    if (!t)
      return invalid(
          "The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format "
          "string: " +
              text,
          "Timestamp");
    return *t;
  }
  if (s.timestamp.path) {
    const auto& p = *s.timestamp.path;
    auto selected = select_path(p, input, ctx, f.variables, "TimestampPath");
    if (!selected) return tl::unexpected(selected.error());
    auto& v = *selected;
    if (!v)
      return tl::unexpected(runtime_failure(
          "The TimestampPath parameter does not reference an input value: " + p.text()));
    std::string text = v->is_string() ? v->get<std::string>() : dump_compact(*v);
    auto t = v->is_string() ? parse_iso8601(text) : std::nullopt;
    if (!t)
      return tl::unexpected(runtime_failure(
          "The TimestampPath parameter does not reference a valid ISO-8601 extended offset "
          "date-time format string: " +
          p.text() + " == " + text));
    return *t;
  }
  return entered;
}

}  // namespace

Awaitable<WorkResult<StepOutput>> run_wait(Frame& f, const asl::WaitState& s, StateIO& io) {
  Json effective = io.raw();
  if (!io.jsonata()) {
    auto e = apply_input_path(s, io.raw(), io.context(), f);
    if (!e) co_return tl::unexpected(e.error());
    effective = std::move(*e);
  }
  double until = 0;
  if (f.top_level && f.run.resume && f.run.resume->wait_until) {
    until = *f.run.resume->wait_until;
  } else {
    auto d = deadline(s, effective, io, io.visit().entered_time);
    if (!d) co_return tl::unexpected(d.error());
    until = *d;
    update_checkpoint(f, [until](Checkpoint& cp) { cp.wait_until = until; });
  }
  auto assigned = io.evaluate_assign(s.assign, effective);
  if (!assigned) co_return tl::unexpected(assigned.error());
  double remaining = until - now(f.run);
  auto when = steady_now(f.run) + scaled(f, remaining > 0 ? remaining : 0);
  if (!co_await sleep_until(f, when)) co_return cancelled_work();
  if (io.jsonata()) {
    auto out = io.jsonata_output(s.output, io.raw());
    if (!out) co_return tl::unexpected(out.error());
    co_return StepOutput{std::move(*out), std::nullopt, std::move(*assigned)};
  }
  auto out = apply_output_path(s, effective, io.context(), f);
  if (!out) co_return tl::unexpected(out.error());
  co_return StepOutput{std::move(*out), std::nullopt, std::move(*assigned)};
}

}  // namespace sfn::engine
