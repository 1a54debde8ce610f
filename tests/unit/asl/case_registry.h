// Registers one GoogleTest per data case: tests/unit/<module>/data/*.json files holding
// {"cases": [{"name": ..., ...}]}, and the recorded AWS conformance cases when available.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "sfn/common/json.h"

namespace sfn::test_cases {

inline std::filesystem::path source_dir() {
  const char* env = std::getenv("SFN_SOURCE_DIR");
  return std::filesystem::path(env ? env : SFN_SOURCE_DIR);
}

inline Json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Json::parse(buffer.str());
}

inline std::string sanitize(const std::string& text) {
  std::string out;
  for (char c : text) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out.substr(0, 120);
}

using Body = std::function<void()>;

inline void register_test(const std::string& suite, const std::string& name, Body body) {
  ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
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

// Every case of every tests/unit/<module>/data/*.json file; a case with "skip" (the reason)
// is registered DISABLED_.
inline void register_data_cases(const std::string& module,
                                const std::function<void(const Json&)>& run) {
  auto dir = source_dir() / "tests" / "unit" / module / "data";
  if (!std::filesystem::exists(dir)) return;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    Json file = read_json_file(entry.path());
    const std::string suite = module + "_" + entry.path().stem().string();
    std::size_t n = 0;
    for (const auto& tc : file.at("cases")) {
      std::string name = std::to_string(n++) + "_" + sanitize(tc.value("name", ""));
      if (tc.contains("skip")) name = "DISABLED_" + name;
      register_test(suite, name, [run, tc] { run(tc); });
    }
  }
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
