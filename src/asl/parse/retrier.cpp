// "Task, Parallel and Map States MAY have a field named "Retry", whose value MUST be an array
// of objects, called Retriers." (States Language, "Retrying after error")
#include <cmath>

#include "asl/parse/error_handlers.h"
#include "asl/parse/field_values.h"

namespace sfn::asl::detail {

std::vector<std::string> read_error_equals(FieldReader& r) {
  std::vector<std::string> out;
  const Json* v = r.array_field("ErrorEquals");
  if (!v) return out;
  if (v->empty()) {
    r.diags().schema("The field 'ErrorEquals' must contain at least 1 element", r.at("ErrorEquals"));
    return out;
  }
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& e = (*v)[i];
    if (!e.is_string()) {
      r.diags().schema("The value for the field 'ErrorEquals' must be a STRING",
                       index_location(r.at("ErrorEquals"), i));
      continue;
    }
    out.push_back(e.get<std::string>());
  }
  bool has_all = false;
  for (const auto& e : out) has_all = has_all || e == "States.ALL";
  if (has_all && out.size() > 1) {
    r.diags().schema("The value 'States.ALL' must appear alone in the field 'ErrorEquals'",
                     r.at("ErrorEquals"));
  }
  return out;
}

std::vector<Retrier> read_retry(FieldReader& state, QueryLanguage ql) {
  std::vector<Retrier> out;
  const Json* arr = state.array_field("Retry");
  if (!arr) return out;
  const std::string base = state.at("Retry");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json& item = (*arr)[i];
    const std::string loc = index_location(base, i);
    if (!item.is_object()) {
      state.diags().schema("The value for the field 'Retry' must be a OBJECT", loc);
      continue;
    }
    FieldReader r(item, loc, state.diags());
    r.require({"ErrorEquals"});
    Retrier retrier;
    retrier.error_equals = read_error_equals(r);
    r.string("Comment");
    if (const Json* v = r.get("IntervalSeconds")) {
      if (check_number(*v, "IntervalSeconds", r.at("IntervalSeconds"),
                       {NumberKind::kInteger, 1.0, 99999999.0}, r.diags())) {
        retrier.interval_seconds = v->get<double>();
      }
    }
    if (const Json* v = r.get("MaxAttempts")) {
      if (check_number(*v, "MaxAttempts", r.at("MaxAttempts"),
                       {NumberKind::kInteger, 0.0, 99999999.0}, r.diags())) {
        retrier.max_attempts = static_cast<std::int64_t>(v->get<double>());
      }
    }
    if (const Json* v = r.get("BackoffRate")) {
      if (check_number(*v, "BackoffRate", r.at("BackoffRate"), {NumberKind::kNumber, 1.0, {}},
                       r.diags())) {
        retrier.backoff_rate = v->get<double>();
      }
    }
    if (const Json* v = r.get("MaxDelaySeconds")) {
      if (check_number(*v, "MaxDelaySeconds", r.at("MaxDelaySeconds"),
                       {NumberKind::kInteger, 1.0, 31622400.0}, r.diags())) {
        retrier.max_delay_seconds = static_cast<std::int64_t>(v->get<double>());
      }
    }
    if (auto jitter = r.string("JitterStrategy")) {
      if (*jitter == "FULL") {
        retrier.jitter = JitterStrategy::kFull;
      } else if (*jitter == "NONE") {
        retrier.jitter = JitterStrategy::kNone;
      } else {
        r.diags().schema("The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
                         r.at("JitterStrategy"));
      }
    }
    r.reject_unconsumed();
    bool has_all = false;
    for (const auto& e : retrier.error_equals) has_all = has_all || e == "States.ALL";
    if (has_all && i + 1 != arr->size()) {
      state.diags().schema("A Retrier with 'States.ALL' in the field 'ErrorEquals' must be last",
                           loc);
    }
    out.push_back(std::move(retrier));
  }
  (void)ql;
  return out;
}

}  // namespace sfn::asl::detail
