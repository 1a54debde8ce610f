// The JSONata reference test suite (tests/jsonata/suite, from jsonata-js), one GoogleTest per case,
// with the reasoned skip list tests/jsonata/skip.tsv.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "sfn/expr/jsonata/program.h"

namespace {

namespace fs = std::filesystem;
using sfn::Json;

fs::path source_dir() {
  const char* env = std::getenv("SFN_SOURCE_DIR");
  return fs::path(env ? env : SFN_SOURCE_DIR);
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::map<std::string, std::string> load_skip_list() {
  std::map<std::string, std::string> out;
  std::istringstream in(read_file(source_dir() / "tests/jsonata/skip.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    if (tab == std::string::npos) continue;
    out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return out;
}

bool json_equal(const Json& a, const Json& b, bool unordered) {
  if (a.is_number() && b.is_number()) return a.get<double>() == b.get<double>();
  if (a.type() != b.type()) return false;
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    if (!unordered) {
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!json_equal(a[i], b[i], false)) return false;
      }
      return true;
    }
    std::vector<bool> used(b.size());
    for (const auto& x : a) {
      bool found = false;
      for (std::size_t i = 0; i < b.size(); ++i) {
        if (!used[i] && json_equal(x, b[i], false)) {
          used[i] = found = true;
          break;
        }
      }
      if (!found) return false;
    }
    return true;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      auto other = b.find(it.key());
      if (other == b.end() || !json_equal(it.value(), *other, false)) return false;
    }
    return true;
  }
  return a == b;
}

class SuiteCase : public testing::Test {
 public:
  SuiteCase(fs::path group_dir, Json c, std::string skip) : dir_(std::move(group_dir)), case_(std::move(c)), skip_(std::move(skip)) {}

  void TestBody() override {
    if (!skip_.empty()) GTEST_SKIP() << skip_;
    ASSERT_FALSE(case_.is_discarded()) << "case file is not valid JSON";
    std::string expr = case_.contains("expr") ? case_["expr"].get<std::string>()
                                              : read_file(dir_ / case_["expr-file"].get<std::string>());
    Json input;
    const Json* in = nullptr;
    if (case_.contains("data")) {
      input = case_["data"];
      in = &input;
    } else if (case_.contains("dataset") && !case_["dataset"].is_null()) {
      input = Json::parse(read_file(source_dir() / "tests/jsonata/suite/datasets" /
                                    (case_["dataset"].get<std::string>() + ".json")));
      in = &input;
    }
    sfn::jsonata::Bindings bindings;
    if (case_.contains("bindings") && case_["bindings"].is_object()) {
      for (auto it = case_["bindings"].begin(); it != case_["bindings"].end(); ++it) bindings[it.key()] = it.value();
    }
    sfn::jsonata::Limits limits;
    if (case_.contains("timelimit") && case_.contains("depth")) {
      limits.max_depth = case_["depth"].get<std::size_t>();
      limits.timeout = std::chrono::milliseconds(case_["timelimit"].get<long>() * 5);
    }
    std::string expected_code;
    if (case_.contains("code")) expected_code = case_["code"].get<std::string>();
    if (case_.contains("error")) expected_code = case_["error"]["code"].get<std::string>();

    auto program = sfn::jsonata::Program::compile(expr);
    tl::expected<std::optional<Json>, sfn::jsonata::Error> result;
    if (!program) {
      result = tl::unexpected(program.error());
    } else {
      result = program->evaluate(in, bindings, limits);
    }
    if (!result) {
      const auto& err = result.error();
      ASSERT_FALSE(expected_code.empty()) << "unexpected error " << err.code << ": " << err.message;
      if (expected_code == "U1001") {
        EXPECT_TRUE(err.code == "U1001" || err.code == "U1002") << err.code;
      } else {
        EXPECT_EQ(err.code, expected_code) << err.message;
      }
      if (case_.contains("token")) {
        EXPECT_EQ(err.token, case_["token"].get<std::string>());
      }
      if (case_.contains("error") && case_["error"].contains("message")) {
        EXPECT_EQ(err.message, case_["error"]["message"].get<std::string>());
      }
      return;
    }
    ASSERT_TRUE(expected_code.empty()) << "expected error " << expected_code << ", got "
                                       << (*result ? result->value().dump() : "undefined");
    if (case_.contains("undefinedResult")) {
      EXPECT_FALSE(result->has_value()) << "expected undefined, got " << result->value().dump();
      return;
    }
    ASSERT_TRUE(case_.contains("result")) << "broken case: no expectation";
    ASSERT_TRUE(result->has_value()) << "expected " << case_["result"].dump() << ", got undefined";
    bool unordered = case_.value("unordered", false);
    EXPECT_TRUE(json_equal(result->value(), case_["result"], unordered))
        << "expected " << case_["result"].dump() << "\n     got " << result->value().dump();
  }

 private:
  fs::path dir_;
  Json case_;
  std::string skip_;
};

std::string test_name(const std::string& id) {
  std::string out;
  for (char c : id) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

int register_cases() {
  auto skips = load_skip_list();
  fs::path groups = source_dir() / "tests/jsonata/suite/groups";
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(groups)) {
    if (e.is_directory()) dirs.push_back(e.path());
  }
  std::sort(dirs.begin(), dirs.end());
  int count = 0;
  for (const auto& dir : dirs) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      std::string base = dir.filename().string() + "/" + file.filename().string();
      Json content = Json::parse(read_file(file), nullptr, false);
      std::vector<std::pair<std::string, Json>> cases;
      if (content.is_array()) {
        for (std::size_t i = 0; i < content.size(); ++i) cases.emplace_back(base + "#" + std::to_string(i), content[i]);
      } else {
        cases.emplace_back(base, content);
      }
      for (auto& [id, c] : cases) {
        auto it = skips.find(id);
        std::string skip = it == skips.end() ? "" : it->second;
        fs::path d = dir;
        Json cc = c;
        testing::RegisterTest("JsonataSuite", test_name(id).c_str(), nullptr, id.c_str(), __FILE__, __LINE__,
                              [d, cc, skip]() -> testing::Test* { return new SuiteCase(d, cc, skip); });
        ++count;
      }
    }
  }
  return count;
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  register_cases();
  return RUN_ALL_TESTS();
}
