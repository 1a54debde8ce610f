// Runner._run / Runner.compare of run_cases.py over the in-process service.
#include "case_runner.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <thread>

#include "skip_paths.h"

namespace sfn::conformance {
namespace {

constexpr const char* kRoleArn = "arn:aws:iam::123456789012:role/x";
const std::set<std::string> kTerminal = {"SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
                                         "PENDING_REDRIVE"};

using Clock = std::chrono::steady_clock;

std::string hex(std::uint64_t v, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return std::string(buf + 16 - digits);
}

// conf-<10 hex of the case name>-<8 hex unique>, the shape of run_cases.py's sm_name_for.
std::string state_machine_name(const Json& c) {
  static std::atomic<std::uint64_t> counter{0};
  if (c.contains("state_machine_name") && c["state_machine_name"].is_string())
    return c["state_machine_name"].get<std::string>();
  std::uint64_t h = std::hash<std::string>{}(c.value("name", std::string()));
  std::uint64_t n = ++counter;
  std::uint64_t salt = static_cast<std::uint64_t>(Clock::now().time_since_epoch().count());
  return "conf-" + hex(h, 10) + "-" + hex((n * 0x9E3779B97F4A7C15ull) ^ salt, 8);
}

std::string str_or_empty(const Json& obj, const char* key) {
  if (obj.is_object() && obj.contains(key) && obj[key].is_string())
    return obj[key].get<std::string>();
  return {};
}

std::vector<std::string> literals_of(const Json& c) {
  std::vector<std::string> out;
  if (c.contains("placeholders") && c["placeholders"].is_object()) {
    const Json& p = c["placeholders"];
    if (p.contains("literals") && p["literals"].is_array()) {
      for (const auto& l : p["literals"]) {
        if (l.is_string()) out.push_back(l.get<std::string>());
      }
    }
  }
  return out;
}

// Runner.compare: status, then output, then error and cause; the skip paths of a mocked case are
// dropped from both outputs, and `$..cause` / `$..Cause` among them leave the cause out.
std::optional<std::string> compare_result(const Json& c, const Json& desc, const Matcher& m,
                                          const std::vector<std::string>& skip) {
  const Json& exp = c["expected"];
  std::string status = str_or_empty(desc, "status");
  std::string expected_status = str_or_empty(exp, "status");
  if (status != expected_status) {
    std::string extra;
    if (!str_or_empty(desc, "error").empty() || !str_or_empty(desc, "cause").empty()) {
      extra = " (error=" + short_json(desc.value("error", Json())) +
              " cause=" + short_json(Json(str_or_empty(desc, "cause")), 160) + ")";
    }
    return "status: expected " + expected_status + ", got " + (status.empty() ? "None" : status) +
           extra;
  }
  const Json expected_output = exp.value("output", Json());
  if (status == "SUCCEEDED" || !expected_output.is_null()) {
    Json raw = desc.contains("output") ? desc["output"] : Json();
    std::optional<std::string> d;
    if (exp.value("output_raw", false)) {
      d = m.diff(expected_output, raw, "$output");
    } else {
      Json actual = raw;
      if (raw.is_string()) {
        actual = parse_json_or_discarded(raw.get<std::string>());
        if (actual.is_discarded()) return "output: not JSON: " + short_json(raw);
      }
      Json e_out = expected_output;
      if (!skip.empty()) {
        drop_paths(e_out, skip);
        drop_paths(actual, skip);
      }
      d = m.diff(e_out, actual, "$output");
    }
    if (d) return "output mismatch: " + *d;
  }
  if (status != "SUCCEEDED") {
    for (const char* field : {"error", "cause"}) {
      Json e = exp.value(field, Json());
      Json a = desc.contains(field) ? desc[field] : Json();
      if (e.is_null() && (a.is_null() || a == "")) continue;
      if (e.is_null()) return std::string(field) + ": expected none, got " + short_json(a);
      if (a.is_null()) return std::string(field) + ": expected " + short_json(e) + ", got none";
      if (std::string(field) == "cause" && skips_cause(skip)) continue;
      if (auto d = m.diff(e, a, field)) return std::string(field) + " mismatch: " + *d;
    }
  }
  return std::nullopt;
}

struct CallFailed {
  std::string reason;
};

Json call_or_throw(ServiceHarness& s, const std::string& op, const Json& payload) {
  CallResult r = s.call(op, payload);
  if (!r.ok()) throw CallFailed{r.describe(op)};
  return r.body;
}

Json history_of(ServiceHarness& s, const std::string& exec_arn) {
  Json events = Json::array();
  std::string token;
  for (;;) {
    Json req{{"executionArn", exec_arn}, {"maxResults", 1000}};
    if (!token.empty()) req["nextToken"] = token;
    Json r = call_or_throw(s, "GetExecutionHistory", req);
    if (r.contains("events") && r["events"].is_array()) {
      for (auto& e : r["events"]) events.push_back(std::move(e));
    }
    token = str_or_empty(r, "nextToken");
    if (token.empty()) return events;
  }
}

// A mocked case stands in for the services its recording created: LocalStack's resource stubs
// left in its input or definition (a Lambda function or SNS topic the test created) become ARNs
// of the shape the recording shows, as the services would have named them.
std::string resolve_resource_stubs(const Json& c, std::string text) {
  if (!c.contains("mock_config") || c["mock_config"].is_null()) return text;
  static const std::pair<const char*, const char*> kStubs[] = {
      {"<stub:create_lambda_function()",
       "arn:aws:lambda:us-east-1:111111111111:function:lambda_function_name"},
      {"<stub:localstack.utils.aws.arns.lambda_function_arn()",
       "arn:aws:lambda:us-east-1:111111111111:function:lambda_function_name"},
      {"<stub:sns_create_topic()", "arn:aws:sns:us-east-1:111111111111:topic-1"},
  };
  for (const auto& [prefix, arn] : kStubs) {
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
      const std::size_t end = text.find('>', at);
      if (end == std::string::npos) break;
      text.replace(at, end + 1 - at, arn);
      at += std::char_traits<char>::length(arn);
    }
  }
  return text;
}

std::optional<std::string> run_created(ServiceHarness& s, const Json& c, const std::string& sm_arn,
                                       const RunOptions& options, CaseOutcome& outcome) {
  Json start{{"stateMachineArn", sm_arn}};
  if (auto mock = str_or_empty(c, "mock_test_case"); !mock.empty())
    start["stateMachineArn"] = sm_arn + "#" + mock;
  if (c.contains("input_string") && c["input_string"].is_string()) {
    start["input"] = resolve_resource_stubs(c, c["input_string"].get<std::string>());
  } else if (c.contains("input") && !c["input"].is_null()) {
    start["input"] = resolve_resource_stubs(c, c["input"].dump());
  }
  if (auto name = str_or_empty(c, "execution_name"); !name.empty()) start["name"] = name;

  Json desc;
  std::string exec_arn;
  if (str_or_empty(c, "execution_mode") == "sync") {
    desc = call_or_throw(s, "StartSyncExecution", start);
  } else {
    exec_arn = str_or_empty(call_or_throw(s, "StartExecution", start), "executionArn");
    double case_timeout =
        c.contains("timeout_s") && c["timeout_s"].is_number() ? c["timeout_s"].get<double>() : 0;
    auto deadline =
        Clock::now() + std::chrono::duration<double>(std::max(options.timeout_s, case_timeout));
    auto delay = std::chrono::duration<double>(0.05);
    for (;;) {
      desc = call_or_throw(s, "DescribeExecution", Json{{"executionArn", exec_arn}});
      if (kTerminal.count(str_or_empty(desc, "status")) > 0) break;
      if (Clock::now() > deadline) {
        outcome.status = str_or_empty(desc, "status");
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.0f", options.timeout_s);
        return "timeout: execution still " + outcome.status + " after " + buf + "s";
      }
      std::this_thread::sleep_for(delay);
      delay = std::min(delay * 1.5, std::chrono::duration<double>(0.5));
    }
  }
  outcome.status = str_or_empty(desc, "status");
  Matcher matcher(literals_of(c));
  const std::vector<std::string> skip = skip_paths_of(c);
  if (auto d = compare_result(c, desc, matcher, skip)) return d;
  const Json& expected_history = c["expected"].value("history", Json());
  if (options.history != HistoryMode::kOff && !exec_arn.empty() && expected_history.is_array() &&
      !expected_history.empty()) {
    Json events = history_of(s, exec_arn);
    Json expected_events = expected_history;
    if (!skip.empty()) {  // Runner.compare_history: dropped from {"events": [...]}
      Json exp_doc{{"events", std::move(expected_events)}};
      Json act_doc{{"events", std::move(events)}};
      drop_paths(exp_doc, skip);
      drop_paths_in_event_payloads(act_doc, skip);
      expected_events = std::move(exp_doc["events"]);
      events = std::move(act_doc["events"]);
    }
    bool parallel = false;
    if (c.contains("history_normalization") && c["history_normalization"].is_array()) {
      for (const auto& n : c["history_normalization"])
        parallel = parallel || n == "parallel_branch_order";
    }
    return compare_history(expected_events, std::move(events), matcher, options.history, parallel);
  }
  return std::nullopt;
}

}  // namespace

std::string needs_reason(const Json& c, bool with_mocks) {
  std::string needs;
  bool mocked = false;
  if (c.contains("needs") && c["needs"].is_array()) {
    for (const auto& n : c["needs"]) {
      if (n == "mock_config") {
        mocked = true;
        if (with_mocks) continue;
      }
      if (!needs.empty()) needs += ",";
      needs += n.is_string() ? n.get<std::string>() : n.dump();
    }
  }
  if (c.contains("mock_config") && !c["mock_config"].is_null() && !mocked && !with_mocks)
    needs += needs.empty() ? "mock_config" : ",mock_config";
  return needs.empty() ? "" : "needs: " + needs;
}

CaseOutcome run_case(ServiceHarness& s, const Json& c, const RunOptions& options) {
  CaseOutcome outcome;
  auto t0 = Clock::now();
  std::optional<std::string> reason;
  std::string sm_arn;
  Json create{{"name", state_machine_name(c)},
              {"definition", resolve_resource_stubs(c, c["definition"].dump())},
              {"roleArn", kRoleArn},
              {"type", c.value("state_machine_type", std::string("STANDARD"))}};
  CallResult created = s.call("CreateStateMachine", create);
  if (!created.ok()) {
    reason =
        "CreateStateMachine failed: " + created.error_code + ": " + created.message.substr(0, 200);
  } else {
    sm_arn = str_or_empty(created.body, "stateMachineArn");
    try {
      reason = run_created(s, c, sm_arn, options, outcome);
    } catch (const CallFailed& e) {
      reason = e.reason;
    } catch (const std::exception& e) {
      reason = std::string("runner error: ") + e.what();
    }
    s.call("DeleteStateMachine", Json{{"stateMachineArn", sm_arn}});
  }
  outcome.passed = !reason.has_value();
  if (reason) outcome.reason = *reason;
  outcome.duration_s = std::chrono::duration<double>(Clock::now() - t0).count();
  return outcome;
}

}  // namespace sfn::conformance
