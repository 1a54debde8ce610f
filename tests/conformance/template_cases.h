// The project's own cases: every template (templates/<name>.asl.json and .input.json) that has a
// golden history (tests/templates/<name>.expected.json and .history.json) becomes a conformance
// case in the format of the recorded AWS cases (aws-recorded/README.md), so the runner compares it
// the same way: status, output, error, cause, then the history event by event with the same
// placeholders.
#pragma once

#include <string>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::conformance {

struct TemplateCase {
  std::string name;        // template name, e.g. "map-catch"
  Json data;               // the case, as a recorded case file would hold it
  std::string load_error;  // why the template could not be turned into a case, or empty
};

// One case per <name>.history.json in `golden_dir`, sorted by name; the template itself is read
// from `template_dir`.
std::vector<TemplateCase> load_template_cases(const std::string& template_dir,
                                              const std::string& golden_dir);

}  // namespace sfn::conformance
