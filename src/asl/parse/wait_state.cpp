// "A Wait state (identified by "Type":"Wait") causes the interpreter to delay the machine from
// continuing for a specified time. The time can be specified as a wait duration, specified in
// seconds, or an absolute expiry time, specified as an ISO-8601 extended offset date-time format
// string." Exactly one of Seconds, Timestamp, SecondsPath, TimestampPath. (States Language)
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"
#include "sfn/common/clock.h"

namespace sfn::asl::detail {

std::unique_ptr<State> parse_wait(StateParse& p) {
  auto s = std::make_unique<WaitState>();
  auto& r = p.r;
  read_transition(p, *s);
  read_input_output(p, *s);
  read_assign(p, *s);

  int count = 0;
  for (auto key : {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"}) count += r.has(key);
  if (count > 1) {
    p.ctx.diags.schema(
        "There should only be one of the following fields: [SecondsPath, Seconds, TimestampPath, "
        "Timestamp]",
        r.location());
  } else if (count == 0) {
    p.ctx.diags.schema(
        p.jsonata() ? "One of these fields is required: [Seconds, Timestamp]"
                    : "One of these fields is required: [SecondsPath, Seconds, TimestampPath, "
                      "Timestamp]",
        r.location());
  }

  s->seconds = read_dynamic_number(r, "Seconds", p.jsonata() ? "" : "SecondsPath", p.ql,
                                   {NumberKind::kInteger, 0.0, 99999999.0});
  if (const Json* v = r.get("Timestamp")) {
    if (!v->is_string()) {
      r.type_error("Timestamp", "STRING");
    } else if (p.jsonata() && is_jsonata_string(*v)) {
      s->timestamp.jsonata = compile_jsonata(v->get_ref<const std::string&>(), r.at("Timestamp"), p.ctx.diags);
    } else if (!parse_iso8601(v->get_ref<const std::string&>())) {
      p.ctx.diags.schema("The value for the field 'Timestamp' must be a valid ISO-8601 extended offset date-time format string",
                         r.at("Timestamp"));
    } else {
      s->timestamp.literal = *v;
    }
  }
  if (!p.jsonata()) {
    if (auto v = r.string("TimestampPath")) {
      s->timestamp.path = compile_path(*v, "TimestampPath", r.at("TimestampPath"), p.ctx.diags, true);
    }
  }
  return s;
}

}  // namespace sfn::asl::detail
