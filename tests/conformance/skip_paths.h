// The fields LocalStack does not verify (`localstack_skip_verify_paths`), dropped before comparing
// mocked cases, as _skip_paths, drop_paths and the `cause` rule of run_cases.py: the expected
// results of a mocked case were recorded on AWS against real services, so SDK HTTP metadata and
// similar cannot match.
#pragma once

#include <string>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::conformance {

// Runner._skip_paths for the in-process runner (no --honor-skip-paths): the case's
// `localstack_skip_verify_paths` without "*" when it has a (non-empty) `mock_config`, else none.
std::vector<std::string> skip_paths_of(const Json& test_case);

// drop_paths: removes every node that one of the JSONPaths selects from `doc`. The subset of
// run_cases.py: `$` followed by `..name`, `.name`, `..*`, `.*`, `[n]`, `[*]`, `['name']`; a path
// outside it is ignored. A selected object member is erased, a selected array element becomes
// the string "<dropped>" (the array keeps its length). Strings holding JSON are not looked into.
void drop_paths(Json& doc, const std::vector<std::string>& paths);

// drop_paths for actual history events, whose details hold payloads (input, output, parameters,
// cause) as JSON text where the recorded events hold the decoded value: the text is decoded,
// the paths dropped, and the text written again. (run_cases.py drops from the text unchanged,
// so a path inside a payload, e.g. $..SdkHttpMetadata of a TaskSucceeded output, removed the
// key from the expected event only.)
void drop_paths_in_event_payloads(Json& doc, const std::vector<std::string>& paths);

// The `cause` rule of Runner.compare: the cause is not compared when `$..cause` or `$..Cause` is
// among the skip paths.
bool skips_cause(const std::vector<std::string>& paths);

}  // namespace sfn::conformance
