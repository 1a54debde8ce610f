// Turning a template and its golden history into a case file (tests/templates/README.md).
#include "template_cases.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "history_compare.h"

namespace sfn::conformance {
namespace {

namespace fs = std::filesystem;

constexpr const char* kHistorySuffix = ".history.json";

// The default placeholder literals of the recorded cases (aws-recorded/README.md).
const char* const kLiterals[] = {"RequestId",        "X-Amzn-Trace-Id", "date",      "datetime",
                                 "sfn_role_arn",     "snf_role_arn",    "timestamp", "x-amz-crc32",
                                 "x-amzn-RequestId", "x-amzn-requestid"};

bool read_json(const fs::path& path, Json& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path.filename().string();
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  out = parse_json_or_discarded(text.str());
  if (out.is_discarded()) {
    error = path.filename().string() + " is not valid JSON";
    return false;
  }
  return true;
}

bool has_parallel(const Json& history) {
  return std::any_of(history.begin(), history.end(), [](const Json& e) {
    return e.is_object() && e.value("type", "") == "ParallelStateStarted";
  });
}

TemplateCase load_one(const fs::path& template_dir, const fs::path& golden_dir,
                      const std::string& name) {
  TemplateCase c{name, Json::object(), {}};
  Json definition, input, expected, history;
  if (!read_json(template_dir / (name + ".asl.json"), definition, c.load_error) ||
      !read_json(template_dir / (name + ".input.json"), input, c.load_error) ||
      !read_json(golden_dir / (name + ".expected.json"), expected, c.load_error) ||
      !read_json(golden_dir / (name + kHistorySuffix), history, c.load_error))
    return c;
  if (!expected.is_object() || !expected.contains("status")) {
    c.load_error = name + ".expected.json has no status";
    return c;
  }
  if (!history.is_array() || history.empty()) {
    c.load_error = name + kHistorySuffix + " is not a non-empty array of events";
    return c;
  }
  Json exp{{"status", expected["status"]},
           {"output", expected.value("output", Json())},
           {"error", expected.value("error", Json())},
           {"cause", expected.value("cause", Json())}};
  Json normalization = Json::array();
  // Concurrent branches: compare each Parallel state's events as a multiset, as the recorded cases
  // tagged parallel_branch_order do; the golden is rewritten the same way as the actual history.
  if (has_parallel(history)) {
    normalization.push_back("parallel_branch_order");
    history = normalise_parallel(std::move(history));
  }
  exp["history"] = std::move(history);
  Json literals = Json::array();
  for (const char* l : kLiterals) literals.push_back(l);
  c.data = Json{{"format", 1},
                {"name", "templates/" + name},
                {"group", "templates"},
                {"state_machine_type", "STANDARD"},
                {"execution_mode", "async"},
                {"definition", std::move(definition)},
                {"input", std::move(input)},
                {"execution_name", nullptr},
                {"expected", std::move(exp)},
                {"needs", Json::array()},
                {"placeholders", Json{{"literals", std::move(literals)}}},
                {"history_normalization", std::move(normalization)}};
  return c;
}

}  // namespace

std::vector<TemplateCase> load_template_cases(const std::string& template_dir,
                                              const std::string& golden_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(golden_dir, ec)) {
    std::string file = e.path().filename().string();
    if (file.size() > std::string(kHistorySuffix).size() &&
        file.compare(file.size() - std::string(kHistorySuffix).size(), std::string::npos,
                     kHistorySuffix) == 0)
      names.push_back(file.substr(0, file.size() - std::string(kHistorySuffix).size()));
  }
  std::sort(names.begin(), names.end());
  std::vector<TemplateCase> out;
  if (ec)
    out.push_back(
        {"_", Json::object(), "cannot list golden directory " + golden_dir + ": " + ec.message()});
  for (const auto& name : names) out.push_back(load_one(template_dir, golden_dir, name));
  return out;
}

}  // namespace sfn::conformance
