// jsoncons-style case files ([{given, cases: [{comment, expression, ...}]}]) from
// tests/unit/<module>/data/, one GoogleTest per case.
#pragma once

#include <functional>
#include <string>

#include "sfn/common/json.h"
#include "support/case_registration.h"

namespace sfn::test_cases {

// Calls `run(given, case)` for every case in every *.json file, as test `<file>.<n>_<comment>`;
// a case with "skip" (the reason) is registered DISABLED_. No folder, or no case in it,
// registers a failing test instead.
using CaseRunner = std::function<void(const Json& given, const Json& test_case)>;

inline void register_case_files(const std::string& module, const CaseRunner& run) {
  for_each_data_file(module, [&run](const std::string& suite, const Json& groups) {
    std::size_t n = 0;
    for (const auto& group : groups) {
      for (const auto& test_case : group.at("cases")) {
        Json given = group.value("given", Json());
        Json tc = test_case;
        std::string name = std::to_string(n++) + "_" +
                           sanitize(tc.value("comment", tc.value("expression", "")), 80);
        if (tc.contains("skip")) name = "DISABLED_" + name;
        register_test(
            suite, name, [run, given, tc] { run(given, tc); }, tc.value("expression", ""));
      }
    }
    return n;
  });
}

}  // namespace sfn::test_cases
