// Data-driven unit cases (tests/unit/jsonata/data/*.json), one GoogleTest per case:
// {"description", "step_functions"?, "cases": [{"expr", "input"?, "result" | "undefined" | "code", "message"?, "token"?}]}
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sfn/expr/jsonata/program.h"

namespace {

namespace fs = std::filesystem;
using sfn::Json;

class DataCase : public testing::Test {
 public:
  DataCase(Json c, bool sf) : case_(std::move(c)), sf_(sf) {}
  void TestBody() override {
    sfn::jsonata::CompileOptions options;
    options.step_functions_functions = sf_;
    auto program = sfn::jsonata::Program::compile(case_["expr"].get<std::string>(), options);
    tl::expected<std::optional<Json>, sfn::jsonata::Error> result;
    if (!program) {
      result = tl::unexpected(program.error());
    } else {
      const Json* in = case_.contains("input") ? &case_["input"] : nullptr;
      result = program->evaluate(in, {});
    }
    if (case_.contains("code")) {
      ASSERT_FALSE(result.has_value()) << "expected " << case_["code"];
      EXPECT_EQ(result.error().code, case_["code"].get<std::string>()) << result.error().message;
      if (case_.contains("message")) {
        EXPECT_EQ(result.error().message, case_["message"].get<std::string>());
      }
      if (case_.contains("token")) {
        EXPECT_EQ(result.error().token, case_["token"].get<std::string>());
      }
      return;
    }
    ASSERT_TRUE(result.has_value()) << result.error().code << ": " << result.error().message;
    if (case_.value("undefined", false)) {
      EXPECT_FALSE(result->has_value());
      return;
    }
    ASSERT_TRUE(result->has_value());
    EXPECT_EQ(result->value(), case_["result"]) << result->value().dump();
  }

 private:
  Json case_;
  bool sf_;
};

const int kRegistered = [] {
  const char* env = std::getenv("SFN_SOURCE_DIR");
  fs::path dir = fs::path(env ? env : SFN_SOURCE_DIR) / "tests/unit/jsonata/data";
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    Json file = Json::parse(ss.str());
    bool sf = file.value("step_functions", false);
    std::string stem = entry.path().stem().string();
    for (std::size_t i = 0; i < file["cases"].size(); ++i) {
      Json c = file["cases"][i];
      std::string name = stem + "_" + std::to_string(i);
      testing::RegisterTest("JsonataData", name.c_str(), nullptr, c["expr"].get<std::string>().c_str(), __FILE__,
                            __LINE__, [c, sf]() -> testing::Test* { return new DataCase(c, sf); });
      ++n;
    }
  }
  return n;
}();

}  // namespace
