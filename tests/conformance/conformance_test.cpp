// The recorded-AWS conformance cases (aws-recorded/cases, see its README.md), one GoogleTest per
// case file, run in-process against the whole service (store + engine + API dispatcher, no HTTP),
// plus the cases we reconstructed from the same public recordings (reconstructed/cases, suite
// `reconstructed_<group>`, see its README.md), the recorded cases that call AWS services turned
// into mocked cases (aws-mocked/cases, suite `mocked_<group>`, see its README.md) and the
// project's templates that have a golden history (suite `templates`, template_cases.h). Each
// origin is counted on its own line.
//
// Suite name = the case's `group`, test name = the case file name (the template name). The
// `mock_config` of every loaded case goes into one mock config (ConformanceMockConfig.Valid fails
// when it does not parse) that the service gets, so cases that need only `mock_config` run; cases
// that need anything else besides Step Functions (`needs`) are skipped with "needs: ...".
// skip.tsv lists the known failures, each with its root cause; a malformed skip list fails the run.
//
// Environment:
//   SFN_CONFORMANCE_HISTORY=1|0|types  compare GetExecutionHistory event by event (default 1)
//   SFN_CONFORMANCE_IGNORE_SKIPS=1     run the skip-listed cases too (to see what is fixed)
//   SFN_CONFORMANCE_JOBS=N             cases run concurrently (default 8)
//   SFN_CONFORMANCE_IO_THREADS=N       threads running the io_context (default 2)
//   SFN_CONFORMANCE_REPORT=FILE        write a JSON report of every case run
//   SFN_CONFORMANCE_CASES=DIR          another case directory
//   SFN_CONFORMANCE_RECONSTRUCTED=DIR|0  another reconstructed-case directory, or 0 for none
//   SFN_CONFORMANCE_MOCKED=DIR|0       another mocked-case directory, or 0 for none
//   SFN_CONFORMANCE_TEMPLATES=DIR|0    another template directory, or 0 for none
//   SFN_CONFORMANCE_GOLDENS=DIR        another directory of template goldens (tests/templates)
//   SFN_CONFORMANCE_LOG=LEVEL          service log level (default off)
#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "case_runner.h"
#include "case_scheduler.h"
#include "service_harness.h"
#include "sfn/integrations/mock_config.h"
#include "skip_list.h"
#include "template_cases.h"

namespace {

namespace fs = std::filesystem;
using sfn::Json;
using namespace sfn::conformance;

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

std::string sanitise(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out.empty() ? "_" : out;
}

// Where a case comes from; each is counted on its own line.
enum class Origin { kRecorded, kReconstructed, kMocked, kTemplate };

struct CaseEntry {
  // case file name; "reconstructed/<file>", "mocked/<file>" and "templates/<name>" for the other
  // origins
  std::string file;
  std::string suite;  // GoogleTest suite (group)
  std::string test;   // GoogleTest name
  Json data;
  std::string load_error;
  std::string skip;            // needs / skip-list reason, empty = run
  bool needs_nothing = false;  // needs nothing the harness lacks (at most `mock_config`)
  bool mocked = false;         // has a `mock_config`
  bool skip_listed = false;
  Origin origin = Origin::kRecorded;
};

struct Result {
  enum class Kind { kPassed, kFailed, kSkipped } kind;
  std::string reason;
  double duration_s = 0;
};

struct Registry {
  RunOptions options;
  bool ignore_skips = false;
  SkipList skips;
  std::vector<CaseEntry> cases;
  // the merged mock config of every loaded case (null when no case has one), or why it is invalid
  std::shared_ptr<const sfn::integrations::MockConfig> mocks;
  std::string mock_error;
  std::map<std::string, std::size_t> by_test_id;  // "suite.test" → case
  std::map<std::size_t, std::size_t> job_of_case;
  std::unique_ptr<ServiceHarness> service;
  std::unique_ptr<CaseScheduler> scheduler;
  std::map<std::size_t, Result> results;
};

Registry& registry() {
  static Registry r;
  return r;
}

class ConformanceCase : public testing::Test {
 public:
  explicit ConformanceCase(std::size_t index) : index_(index) {}

  void TestBody() override {
    Registry& r = registry();
    const CaseEntry& c = r.cases[index_];
    ASSERT_TRUE(c.load_error.empty()) << c.file << ": " << c.load_error;
    if (!c.skip.empty()) {
      r.results[index_] = {Result::Kind::kSkipped, c.skip};
      GTEST_SKIP() << c.skip;
    }
    if (c.mocked && !r.mock_error.empty()) {
      r.results[index_] = {Result::Kind::kFailed, "the merged mock config is invalid"};
      FAIL() << "the merged mock config is invalid (see ConformanceMockConfig.Valid)";
    }
    auto job = r.job_of_case.find(index_);
    ASSERT_TRUE(job != r.job_of_case.end() && r.scheduler) << "case was not scheduled";
    CaseOutcome outcome = r.scheduler->outcome(job->second).get();
    r.results[index_] = {outcome.passed ? Result::Kind::kPassed : Result::Kind::kFailed,
                         outcome.reason, outcome.duration_s};
    if (!outcome.passed) FAIL() << c.data.value("name", c.file) << "\n  " << outcome.reason;
  }

 private:
  std::size_t index_;
};

class SkipListCheck : public testing::Test {
 public:
  void TestBody() override {
    for (const auto& p : registry().skips.problems) ADD_FAILURE() << p;
    for (const auto& [file, reason] : registry().skips.reasons) {
      bool known = std::any_of(registry().cases.begin(), registry().cases.end(),
                               [&](const CaseEntry& c) { return c.file == file; });
      if (!known) ADD_FAILURE() << "skip.tsv names an unknown case file: " << file;
    }
  }
};

// The merged mock config parses (its errors are in the message).
class MockConfigCheck : public testing::Test {
 public:
  void TestBody() override {
    if (!registry().mock_error.empty())
      ADD_FAILURE() << "merged mock config: " << registry().mock_error;
  }
};

void write_report(const std::string& path) {
  Registry& r = registry();
  Json out = Json::array();
  for (const auto& [index, result] : r.results) {
    const CaseEntry& c = r.cases[index];
    const char* kind = result.kind == Result::Kind::kPassed   ? "pass"
                       : result.kind == Result::Kind::kFailed ? "fail"
                                                              : "skip";
    out.push_back(Json{{"file", c.file},
                       {"name", c.data.value("name", std::string())},
                       {"group", c.suite},
                       {"needs_nothing", c.needs_nothing},
                       {"skip_listed", c.skip_listed},
                       {"skip_reason", r.skips.reason_for(c.file, true)},
                       {"result", kind},
                       {"reason", result.reason},
                       {"duration_s", result.duration_s}});
  }
  std::ofstream(path) << out.dump(1) << "\n";
}

class ConformanceEnvironment : public testing::Environment {
 public:
  void SetUp() override {
    Registry& r = registry();
    std::vector<CaseScheduler::Job> jobs;
    const testing::UnitTest& unit = *testing::UnitTest::GetInstance();
    for (int s = 0; s < unit.total_test_suite_count(); ++s) {
      const testing::TestSuite& suite = *unit.GetTestSuite(s);
      for (int t = 0; t < suite.total_test_count(); ++t) {
        const testing::TestInfo& info = *suite.GetTestInfo(t);
        if (!info.should_run()) continue;
        auto it = r.by_test_id.find(std::string(info.test_suite_name()) + "." + info.name());
        if (it == r.by_test_id.end()) continue;
        const CaseEntry& c = r.cases[it->second];
        if (!c.skip.empty() || !c.load_error.empty()) continue;
        if (c.mocked && !r.mock_error.empty()) continue;
        r.job_of_case[it->second] = jobs.size();
        jobs.push_back([&c, &r] { return run_case(*r.service, c.data, r.options); });
      }
    }
    if (jobs.empty()) return;
    sfn::engine::RuntimeOptions service;
    service.wait_time_scale = 1.0;
    service.mocks = r.mocks;
    unsigned io_threads = static_cast<unsigned>(
        std::max(1, std::atoi(env_or("SFN_CONFORMANCE_IO_THREADS", "2").c_str())));
    r.service = std::make_unique<ServiceHarness>(service, io_threads);
    unsigned workers =
        static_cast<unsigned>(std::max(1, std::atoi(env_or("SFN_CONFORMANCE_JOBS", "8").c_str())));
    r.scheduler = std::make_unique<CaseScheduler>(std::move(jobs), workers);
  }

  void TearDown() override {
    Registry& r = registry();
    if (r.scheduler) r.scheduler->join();
    if (r.service) r.service->stop();
    struct Counts {
      int passed = 0, failed = 0, skipped = 0, needs = 0;
    };
    std::map<Origin, Counts> counts;
    for (const auto& [index, result] : r.results) {
      Counts& n = counts[r.cases[index].origin];
      if (!r.cases[index].needs_nothing) {
        ++n.needs;
        continue;
      }
      n.passed += result.kind == Result::Kind::kPassed;
      n.failed += result.kind == Result::Kind::kFailed;
      n.skipped += result.kind == Result::Kind::kSkipped;
    }
    const char* mode = r.options.history == HistoryMode::kFull    ? "full"
                       : r.options.history == HistoryMode::kTypes ? "event types"
                                                                  : "off";
    const Counts& rec = counts[Origin::kRecorded];
    std::cout << "conformance: " << rec.passed << " passed, " << rec.failed << " failed, "
              << rec.skipped << " skipped (history comparison: " << mode
              << (r.ignore_skips ? ", skip list ignored" : "") << "; " << rec.needs
              << " more cases skipped for their needs)" << std::endl;
    for (auto [origin, label] :
         {std::pair{Origin::kReconstructed, "reconstructed"}, std::pair{Origin::kMocked, "mocked"},
          std::pair{Origin::kTemplate, "templates"}}) {
      const Counts& n = counts[origin];
      if (n.passed + n.failed + n.skipped > 0)
        std::cout << label << ": " << n.passed << " passed, " << n.failed << " failed, "
                  << n.skipped << " skipped" << std::endl;
    }
    std::string report = env_or("SFN_CONFORMANCE_REPORT", "");
    if (!report.empty()) write_report(report);
  }
};

// Adds every *.json case file of `dir`, in name order.
void load_case_dir(const fs::path& dir, Origin origin) {
  Registry& r = registry();
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  if (ec)
    r.skips.problems.push_back("cannot list case directory " + dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  const std::string prefix = origin == Origin::kReconstructed ? "reconstructed"
                             : origin == Origin::kMocked      ? "mocked"
                                                              : "";
  for (const auto& path : files) {
    CaseEntry c;
    c.origin = origin;
    c.file = (prefix.empty() ? "" : prefix + "/") + path.filename().string();
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    c.data = sfn::parse_json_or_discarded(text.str());
    if (c.data.is_discarded() || !c.data.is_object() || !c.data.contains("definition") ||
        !c.data.contains("expected")) {
      c.load_error = "not a case file (invalid JSON or no definition/expected)";
      c.data = Json::object();
    }
    c.suite = (prefix.empty() ? "" : prefix + "_") +
              sanitise(c.data.value("group", std::string("ungrouped")));
    c.test = sanitise(path.stem().string());
    std::string needs = c.load_error.empty() ? needs_reason(c.data, true) : "";
    c.needs_nothing = needs.empty();
    c.mocked = c.data.contains("mock_config") && c.data["mock_config"].is_object() &&
               !c.data["mock_config"].empty();
    const bool with_history = r.options.history != HistoryMode::kOff;
    c.skip_listed = !r.skips.reason_for(c.file, with_history).empty();
    c.skip =
        !needs.empty() ? needs : (r.ignore_skips ? "" : r.skips.reason_for(c.file, with_history));
    r.cases.push_back(std::move(c));
  }
}

// merged_mock_config of run_cases.py over every loaded case (StateMachines and MockedResponses;
// the names are unique per case, a name defined twice differently is an error), parsed into
// registry().mocks.
void merge_mock_configs() {
  Registry& r = registry();
  Json merged{{"StateMachines", Json::object()}, {"MockedResponses", Json::object()}};
  std::vector<std::string> problems;
  bool any = false;
  for (const CaseEntry& c : r.cases) {
    if (!c.mocked || !c.load_error.empty()) continue;
    any = true;
    const Json& config = c.data["mock_config"];
    for (const char* section : {"StateMachines", "MockedResponses"}) {
      if (!config.contains(section) || config[section].is_null()) continue;
      if (!config[section].is_object()) {
        problems.push_back(c.file + ": mock_config." + section + " is not an object");
        continue;
      }
      for (const auto& [name, value] : config[section].items()) {
        Json& into = merged[section];
        if (into.contains(name) && into[name] != value)
          problems.push_back(c.file + ": mock_config." + section + "." + name +
                             " is defined differently by another case");
        into[name] = value;
      }
    }
  }
  if (!any) return;
  for (const auto& p : problems) r.mock_error += (r.mock_error.empty() ? "" : "\n") + p;
  if (!r.mock_error.empty()) return;
  try {
    auto parsed = sfn::integrations::parse_mock_config(sfn::dump_compact(merged));
    if (parsed)
      r.mocks = *parsed;
    else
      r.mock_error = parsed.error().empty() ? "parse_mock_config failed" : parsed.error();
  } catch (const std::exception& e) {
    r.mock_error = std::string("parse_mock_config threw: ") + e.what();
  }
}

void register_cases() {
  Registry& r = registry();
  std::string history = env_or("SFN_CONFORMANCE_HISTORY", "1");
  r.options.history = history == "0"       ? HistoryMode::kOff
                      : history == "types" ? HistoryMode::kTypes
                                           : HistoryMode::kFull;
  r.ignore_skips = env_or("SFN_CONFORMANCE_IGNORE_SKIPS", "0") == "1";
  r.skips = load_skip_list(SFN_CONFORMANCE_SKIP_LIST);

  testing::RegisterTest("ConformanceSkipList", "Valid", nullptr, nullptr, __FILE__, __LINE__,
                        []() -> testing::Test* { return new SkipListCheck(); });
  testing::RegisterTest("ConformanceMockConfig", "Valid", nullptr, nullptr, __FILE__, __LINE__,
                        []() -> testing::Test* { return new MockConfigCheck(); });
  load_case_dir(env_or("SFN_CONFORMANCE_CASES", SFN_CONFORMANCE_CASE_DIR), Origin::kRecorded);
  std::string reconstructed =
      env_or("SFN_CONFORMANCE_RECONSTRUCTED", SFN_CONFORMANCE_RECONSTRUCTED_DIR);
  if (reconstructed != "0") load_case_dir(reconstructed, Origin::kReconstructed);
  std::string mocked = env_or("SFN_CONFORMANCE_MOCKED", SFN_CONFORMANCE_MOCKED_DIR);
  if (mocked != "0") load_case_dir(mocked, Origin::kMocked);
  std::string templates = env_or("SFN_CONFORMANCE_TEMPLATES", SFN_CONFORMANCE_TEMPLATE_DIR);
  if (templates != "0") {
    const std::string goldens = env_or("SFN_CONFORMANCE_GOLDENS", SFN_CONFORMANCE_GOLDEN_DIR);
    for (auto& t : load_template_cases(templates, goldens)) {
      CaseEntry c;
      c.file = "templates/" + t.name;
      c.suite = "templates";
      c.test = sanitise(t.name);
      c.data = std::move(t.data);
      c.load_error = std::move(t.load_error);
      c.origin = Origin::kTemplate;
      c.needs_nothing = true;
      c.skip_listed = !r.skips.reason_for(c.file, r.options.history != HistoryMode::kOff).empty();
      c.skip =
          r.ignore_skips ? "" : r.skips.reason_for(c.file, r.options.history != HistoryMode::kOff);
      r.cases.push_back(std::move(c));
    }
  }
  merge_mock_configs();
  for (std::size_t i = 0; i < r.cases.size(); ++i) {
    const CaseEntry& c = r.cases[i];
    r.by_test_id[c.suite + "." + c.test] = i;
    testing::RegisterTest(c.suite.c_str(), c.test.c_str(), nullptr, c.file.c_str(), __FILE__,
                          __LINE__, [i]() -> testing::Test* { return new ConformanceCase(i); });
  }
}

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  spdlog::set_level(spdlog::level::from_str(env_or("SFN_CONFORMANCE_LOG", "off")));
  register_cases();
  testing::AddGlobalTestEnvironment(new ConformanceEnvironment());
  return RUN_ALL_TESTS();
}
