// "Task, Parallel and Map States MAY have a field named "Catch", whose value MUST be an array
// of objects, called Catchers." (States Language, "Fallback states")
#include "asl/parse/error_handlers.h"
#include "asl/parse/field_values.h"

namespace sfn::asl::detail {

std::vector<Catcher> read_catch(FieldReader& state, QueryLanguage ql) {
  std::vector<Catcher> out;
  const Json* arr = state.array_field("Catch");
  if (!arr) return out;
  const std::string base = state.at("Catch");
  const auto mode = ql == QueryLanguage::kJsonata ? payload::Mode::kJsonata : payload::Mode::kJsonPath;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json& item = (*arr)[i];
    const std::string loc = index_location(base, i);
    if (!item.is_object()) {
      state.diags().schema("The value for the field 'Catch' must be a OBJECT", loc);
      continue;
    }
    FieldReader r(item, loc, state.diags());
    r.require({"ErrorEquals", "Next"});
    Catcher catcher;
    catcher.error_equals = read_error_equals(r);
    r.string("Comment");
    if (auto next = r.string("Next")) catcher.next = *next;
    if (ql == QueryLanguage::kJsonPath) {
      catcher.result_path = read_path_field(r, "ResultPath", /*reference=*/true);
      if (r.get("Output")) {
        r.diags().schema("Field is not supported when QueryLanguage is JSONPath", r.at("Output"));
      }
    } else {
      catcher.output = read_template(r, "Output", mode);
      if (r.get("ResultPath")) {
        r.diags().schema("Field is not supported when QueryLanguage is JSONata", r.at("ResultPath"));
      }
    }
    catcher.assign = read_template(r, "Assign", mode);
    r.reject_unconsumed();
    bool has_all = false;
    for (const auto& e : catcher.error_equals) has_all = has_all || e == "States.ALL";
    if (has_all && i + 1 != arr->size()) {
      state.diags().schema("A Catcher with 'States.ALL' in the field 'ErrorEquals' must be last",
                           loc);
    }
    out.push_back(std::move(catcher));
  }
  return out;
}

}  // namespace sfn::asl::detail
