// What the data-driven unit tests share: where the repository is, reading a JSON file, and
// registering one GoogleTest per case at static-initialisation time (testing::RegisterTest).
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "sfn/common/json.h"

namespace sfn::test_cases {

// The repository: $SFN_SOURCE_DIR (ctest sets it), else the path the test was built from.
inline std::filesystem::path source_dir() {
  const char* env = std::getenv("SFN_SOURCE_DIR");
  return std::filesystem::path(env ? env : SFN_SOURCE_DIR);
}

// tests/unit/<module>/data
inline std::filesystem::path data_dir(const std::string& module) {
  return source_dir() / "tests" / "unit" / module / "data";
}

inline Json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Json::parse(buffer.str());
}

// A test name from free text: letters and digits kept, anything else '_', at most `max` long.
inline std::string sanitize(const std::string& text, std::size_t max = 120) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out.substr(0, max);
}

using Body = std::function<void()>;

// `shown` (optional) is printed with the test's result, e.g. the expression of the case.
inline void register_test(const std::string& suite, const std::string& name, Body body,
                          const std::string& shown = {}) {
  ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr,
                          shown.empty() ? nullptr : shown.c_str(), __FILE__, __LINE__,
                          [body]() -> ::testing::Test* {
                            struct CaseTest : ::testing::Test {
                              Body body;
                              void TestBody() override { body(); }
                            };
                            auto* t = new CaseTest;
                            t->body = body;
                            return t;
                          });
}

// A data folder that is missing or holds no case is a failure, not zero tests: registers
// `<suite>.data_cases_found`, which fails with `why`.
inline void register_missing_cases(const std::string& suite, const std::string& why) {
  register_test(suite, "data_cases_found", [why] { FAIL() << why; });
}

// Calls `each(suite, file)` for every tests/unit/<module>/data/*.json file, with the suite name
// `<module>_<file stem>`; `each` registers the file's cases and returns how many. A missing
// folder, or one that holds no case, registers a failing test instead (register_missing_cases).
inline void for_each_data_file(
    const std::string& module,
    const std::function<std::size_t(const std::string& suite, const Json& file)>& each) {
  const auto dir = data_dir(module);
  if (!std::filesystem::is_directory(dir)) {
    return register_missing_cases(module + "_data", dir.string() + " is missing");
  }
  std::size_t registered = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    registered += each(module + "_" + entry.path().stem().string(), read_json_file(entry.path()));
  }
  if (registered == 0) register_missing_cases(module + "_data", dir.string() + " holds no case");
}

}  // namespace sfn::test_cases
