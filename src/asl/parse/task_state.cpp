// "The Task State (identified by "Type":"Task") causes the interpreter to execute the work
// identified by the state's "Resource" field." (States Language, "Task State")
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

std::unique_ptr<State> parse_task(StateParse& p) {
  auto s = std::make_unique<TaskState>();
  auto& r = p.r;
  r.require({"Resource"});
  if (auto res = r.string("Resource")) {
    s->resource = *res;
    std::string why;
    if (auto typed = parse_task_resource(*res, &why))
      s->typed_resource = std::move(*typed);
    else
      p.ctx.diags.schema(why, r.at("Resource"));
  }
  read_transition(p, *s);
  read_input_output(p, *s);
  read_result_path(p, *s);
  read_parameters(p, *s);
  read_result_selector(p, *s);
  read_assign(p, *s);
  read_error_handling(p, *s);

  const std::string_view timeout_path = p.jsonata() ? "" : "TimeoutSecondsPath";
  const std::string_view heartbeat_path = p.jsonata() ? "" : "HeartbeatSecondsPath";
  s->timeout_seconds = read_dynamic_number(r, "TimeoutSeconds", timeout_path, p.ql,
                                           {NumberKind::kInteger, 0.0, 99999999.0, true});
  s->heartbeat_seconds = read_dynamic_number(r, "HeartbeatSeconds", heartbeat_path, p.ql,
                                             {NumberKind::kInteger, 0.0, 99999999.0, true});
  if (s->timeout_seconds.literal && s->heartbeat_seconds.literal &&
      s->heartbeat_seconds.literal->get<double>() >= s->timeout_seconds.literal->get<double>()) {
    p.ctx.diags.schema(
        "The value for the field 'HeartbeatSeconds' must be smaller than the value for the field "
        "'TimeoutSeconds'",
        r.at("HeartbeatSeconds"));
  }

  if (const Json* cred = r.object_field("Credentials")) {
    FieldReader cr(*cred, r.at("Credentials"), p.ctx.diags);
    if (!cr.has("RoleArn") && !cr.has("RoleArn.$")) {
      p.ctx.diags.schema("The field 'RoleArn' is required but was missing", r.at("Credentials"));
    }
    compile_template(*cred, r.at("Credentials"), p.mode(), p.ctx.diags);
    s->credentials = *cred;
  }
  return s;
}

}  // namespace sfn::asl::detail
