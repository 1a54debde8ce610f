// Loads jsoncons-style case files ([{given, cases: [{comment, expression, ...}]}]) from
// tests/unit/<module>/data/ and registers one GoogleTest per case.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "sfn/common/json.h"

namespace sfn::testing_support {

inline std::filesystem::path data_dir(const std::string& module) {
  const char* env = std::getenv("SFN_SOURCE_DIR");
  std::string root = env ? env : SFN_SOURCE_DIR;
  return std::filesystem::path(root) / "tests" / "unit" / module / "data";
}

inline std::string test_name(std::string comment, std::size_t index) {
  std::string out;
  for (char c : comment) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return std::to_string(index) + "_" + out.substr(0, 80);
}

// Calls `run(given, case)` for every case in every *.json file, as test `<file>.<n>_<comment>`.
using CaseRunner = std::function<void(const Json& given, const Json& test_case)>;

inline void register_case_files(const std::string& module, const CaseRunner& run) {
  for (const auto& entry : std::filesystem::directory_iterator(data_dir(module))) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    Json groups = Json::parse(buffer.str());
    std::string suite = module + "_" + entry.path().stem().string();
    std::size_t n = 0;
    for (const auto& group : groups) {
      for (const auto& test_case : group.at("cases")) {
        Json given = group.value("given", Json());
        Json tc = test_case;
        std::string name = test_name(tc.value("comment", tc.value("expression", "")), n++);
        if (tc.contains("skip")) name = "DISABLED_" + name;  // "skip" holds the reason
        ::testing::RegisterTest(suite.c_str(), name.c_str(), nullptr,
                                tc.value("expression", "").c_str(), __FILE__, __LINE__,
                                [=]() -> ::testing::Test* {
                                  struct CaseTest : ::testing::Test {
                                    CaseRunner run;
                                    Json given, tc;
                                    void TestBody() override { run(given, tc); }
                                  };
                                  auto* t = new CaseTest;
                                  t->run = run;
                                  t->given = given;
                                  t->tc = tc;
                                  return t;
                                });
      }
    }
  }
}

}  // namespace sfn::testing_support
