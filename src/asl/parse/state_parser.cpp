// "All states MUST have a "Type" field." (States Language, "States") — the shared state
// fields, the query-language split, and dispatch to the state type's parser.
#include "asl/parse/state_parser.h"

#include <array>
#include <string_view>

#include "asl/parse/error_handlers.h"
#include "asl/parse/field_values.h"

namespace sfn::asl::detail {

namespace {

// Fields that exist only in JSONPath states.
constexpr std::array<std::string_view, 15> kJsonPathOnly = {
    "InputPath",           "OutputPath",           "ResultPath",
    "Parameters",          "ResultSelector",       "ItemsPath",
    "SecondsPath",         "TimestampPath",        "TimeoutSecondsPath",
    "HeartbeatSecondsPath", "ErrorPath",           "CausePath",
    "MaxConcurrencyPath",  "ToleratedFailurePercentagePath", "ToleratedFailureCountPath"};
// Fields that exist only in JSONata states.
constexpr std::array<std::string_view, 3> kJsonataOnly = {"Arguments", "Output", "Items"};

}  // namespace

std::unique_ptr<State> parse_state(const Json& object, const std::string& name,
                                   const std::string& location, QueryLanguage inherited,
                                   ParseContext& ctx) {
  if (!object.is_object()) {
    ctx.diags.schema("The value for the field '" + name + "' must be a OBJECT", location);
    return nullptr;
  }
  FieldReader r(object, location, ctx.diags);
  if (!r.require({"Type"})) return nullptr;
  auto type = r.string("Type");
  if (!type) return nullptr;

  QueryLanguage ql = inherited;
  if (const Json* v = r.get("QueryLanguage")) {
    if (v->is_string() && *v == "JSONata") {
      ql = QueryLanguage::kJsonata;
    } else if (v->is_string() && *v == "JSONPath") {
      if (inherited == QueryLanguage::kJsonata) {
        // A JSONPath state cannot be nested in a JSONata machine.
        ctx.diags.schema(
            "The QueryLanguage 'JSONPath' is not supported in a state machine whose QueryLanguage "
            "is 'JSONata'",
            r.at("QueryLanguage"));
      }
      ql = QueryLanguage::kJsonPath;
    } else {
      ctx.diags.schema("The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata]",
                       r.at("QueryLanguage"));
    }
  }
  if (const Json* v = r.get("Comment"); v && !v->is_string()) r.type_error("Comment", "STRING");

  // The other dialect's fields.
  if (ql == QueryLanguage::kJsonata) {
    for (auto key : kJsonPathOnly) {
      if (r.get(key)) ctx.diags.schema("Field is not supported when QueryLanguage is JSONata", r.at(key));
    }
  } else {
    for (auto key : kJsonataOnly) {
      if (r.get(key)) ctx.diags.schema("Field is not supported when QueryLanguage is JSONPath", r.at(key));
    }
  }

  StateParse p{r, ctx, ql, name};
  std::unique_ptr<State> state;
  if (*type == "Pass") state = parse_pass(p);
  else if (*type == "Task") state = parse_task(p);
  else if (*type == "Choice") state = parse_choice(p);
  else if (*type == "Wait") state = parse_wait(p);
  else if (*type == "Succeed") state = parse_succeed(p);
  else if (*type == "Fail") state = parse_fail(p);
  else if (*type == "Parallel") state = parse_parallel(p);
  else if (*type == "Map") state = parse_map(p);
  else {
    ctx.diags.schema(
        "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, "
        "Choice, Parallel, Map]",
        r.at("Type"));
    return nullptr;
  }
  r.reject_unconsumed();
  if (!state) return nullptr;
  state->name = name;
  state->query_language = ql;
  if (const Json* c = object.find("Comment") != object.end() ? &object.at("Comment") : nullptr;
      c && c->is_string()) {
    state->comment = c->get<std::string>();
  }
  return state;
}

void read_transition(StateParse& p, State& s) {
  auto& r = p.r;
  const bool has_next = r.has("Next");
  const bool has_end = r.has("End");
  if (auto next = r.string("Next")) s.next = *next;
  if (auto end = r.boolean("End")) s.end = *end;
  if (has_next && has_end) {
    if (s.end) {
      p.ctx.diags.schema("There should only be one of the following fields: [Next, End]", r.location());
    }
  } else if (!has_next && !has_end) {
    p.ctx.diags.schema("These fields are required: [Next, End]", r.location());
  } else if (has_end && !s.end && r.object().at("End").is_boolean()) {
    p.ctx.diags.schema("The value for the field 'End' must be true", r.at("End"));
  }
}

void read_input_output(StateParse& p, State& s) {
  if (p.jsonata()) {
    s.output = read_template(p.r, "Output", payload::Mode::kJsonata);
  } else {
    s.input_path = read_path_field(p.r, "InputPath", /*reference=*/false);
    s.output_path = read_path_field(p.r, "OutputPath", /*reference=*/false);
  }
}

void read_result_path(StateParse& p, State& s) {
  if (!p.jsonata()) s.result_path = read_path_field(p.r, "ResultPath", /*reference=*/true);
}

void read_parameters(StateParse& p, State& s) {
  if (p.jsonata()) {
    if (const Json* v = p.r.get("Arguments")) {
      if (!v->is_object() && !is_jsonata_string(*v)) {
        p.ctx.diags.schema("The value for the field 'Arguments' must be a OBJECT or a JSONata expression",
                           p.r.at("Arguments"));
      } else {
        s.arguments = compile_template(*v, p.r.at("Arguments"), payload::Mode::kJsonata, p.ctx.diags);
      }
    }
  } else if (const Json* v = p.r.object_field("Parameters")) {
    s.parameters = compile_template(*v, p.r.at("Parameters"), payload::Mode::kJsonPath, p.ctx.diags);
  }
}

void read_result_selector(StateParse& p, State& s) {
  if (p.jsonata()) return;
  if (const Json* v = p.r.object_field("ResultSelector")) {
    s.result_selector =
        compile_template(*v, p.r.at("ResultSelector"), payload::Mode::kJsonPath, p.ctx.diags);
  }
}

void read_assign(StateParse& p, State& s) {
  if (const Json* v = p.r.get("Assign")) {
    if (!v->is_object()) {
      p.r.type_error("Assign", "OBJECT");
      return;
    }
    s.assign = compile_template(*v, p.r.at("Assign"), p.mode(), p.ctx.diags);
  }
}

void read_error_handling(StateParse& p, State& s) {
  s.retry = read_retry(p.r, p.ql);
  s.catchers = read_catch(p.r, p.ql);
}

}  // namespace sfn::asl::detail
