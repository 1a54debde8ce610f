// Data cases of the form {"cases": [{"name": ..., ...}]} (tests/unit/<module>/data/*.json), one
// GoogleTest per case, and the recorded AWS conformance cases kept outside the repository.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "sfn/common/json.h"
#include "support/case_registration.h"

namespace sfn::test_cases {

// Every case of every tests/unit/<module>/data/*.json file, as `<module>_<file>.<n>_<name>`; a
// case with "skip" (the reason) is registered DISABLED_. No folder, or no case in it, registers
// a failing test instead.
inline void register_data_cases(const std::string& module,
                                const std::function<void(const Json&)>& run) {
  for_each_data_file(module, [&run](const std::string& suite, const Json& file) {
    std::size_t n = 0;
    for (const auto& tc : file.at("cases")) {
      std::string name = std::to_string(n++) + "_" + sanitize(tc.value("name", ""));
      if (tc.contains("skip")) name = "DISABLED_" + name;
      register_test(suite, name, [run, tc] { run(tc); });
    }
    return n;
  });
}

// The recorded AWS cases of ../shared/conformance/localstack/cases (outside the repository);
// when absent, one skipped test says so.
inline void register_recorded_cases(const std::string& suite,
                                    const std::function<bool(const Json&)>& wanted,
                                    const std::function<void(const Json&)>& run) {
  auto dir = source_dir() / ".." / "shared" / "conformance" / "localstack" / "cases";
  if (!std::filesystem::exists(dir)) {
    register_test(suite, "recorded_cases_unavailable",
                  [] { GTEST_SKIP() << "../shared/conformance is not available"; });
    return;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    auto path = entry.path();
    Json tc = read_json_file(path);
    if (!wanted(tc)) continue;
    register_test(suite, sanitize(path.stem().string()), [run, tc] { run(tc); });
  }
}

}  // namespace sfn::test_cases
