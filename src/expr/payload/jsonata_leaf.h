// A "{% expression %}" leaf of a JSONata-mode template.
#pragma once

#include <string>

#include "sfn/expr/jsonata/program.h"

namespace sfn::payload {

class JsonataLeaf {
 public:
  std::string expression;  // the text between "{%" and "%}", trimmed, as AWS quotes it
  std::string field_path;  // location inside the template, "/result" ("" for the root)
  jsonata::Program program;
  bool reads_context = true;  // reads_states_context(expression): else $$ is not built for it
};

}  // namespace sfn::payload
