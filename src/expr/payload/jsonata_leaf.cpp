// JSONata mode is wired in once expr/jsonata lands; until then a template with "{% %}" values
// is rejected at compile time with a diagnostic.
#include "compile_jsonata.h"
#include "evaluate.h"
#include "sfn/common/states_errors.h"

namespace sfn::payload {

class JsonataLeaf {};

TemplateNode compile_jsonata(const Json& tmpl, const std::string& location,
                             std::vector<Diagnostic>& diagnostics) {
  TemplateNode node;
  node.location = location;
  node.literal = tmpl;
  diagnostics.push_back({location, "JSONata templates are not supported yet"});
  return node;
}

Result<Json> evaluate_jsonata(const TemplateNode& node, const expr::EvalContext&) {
  return states_error(std::string(errors::kQueryEvaluationError),
                      "JSONata templates are not supported yet");
}

}  // namespace sfn::payload
