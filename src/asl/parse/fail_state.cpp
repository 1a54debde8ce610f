// "The Fail State (identified by "Type":"Fail") terminates the machine and marks it as a
// failure." Error/Cause are strings, ErrorPath/CausePath paths or intrinsic functions, or
// JSONata expressions in JSONata mode. (States Language, "Fail State")
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

namespace {

DynamicValue read_error_field(StateParse& p, std::string_view key, std::string_view path_key) {
  DynamicValue out;
  auto& r = p.r;
  if (r.has(key) && r.has(path_key)) {
    p.ctx.diags.schema("There should only be one of the following fields: [" + std::string(key) +
                           ", " + std::string(path_key) + "]",
                       r.location());
  }
  if (auto v = r.string(key)) {
    if (p.jsonata() && is_jsonata_string(Json(*v))) {
      out.jsonata = compile_jsonata(*v, r.at(key), p.ctx.diags);
    } else {
      out.literal = Json(*v);
    }
  }
  if (p.jsonata()) return out;  // the ...Path field was rejected as JSONPath-only
  if (auto v = r.string(path_key)) {
    if (intrinsics::Call::looks_like_call(*v)) {
      auto call = intrinsics::Call::parse(*v);
      if (!call) {
        p.ctx.diags.schema(call.error(), r.at(path_key));
      } else {
        out.intrinsic = std::move(*call);
      }
    } else {
      out.path = compile_path(*v, path_key, r.at(path_key), p.ctx.diags, /*reference=*/false);
    }
  }
  return out;
}

}  // namespace

std::unique_ptr<State> parse_fail(StateParse& p) {
  auto s = std::make_unique<FailState>();
  s->error = read_error_field(p, "Error", "ErrorPath");
  s->cause = read_error_field(p, "Cause", "CausePath");
  return s;
}

}  // namespace sfn::asl::detail
