// The HTTP Task: one GoogleTest per case of data/http_task/requests.json (parameters → request
// or States.Runtime) and responses.json (answer → report), then the integration end to end
// against an in-test server (JSON and text answers, a 404, TLS, a refused port, the canceller).
#include "sfn/integrations/http_task.h"

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <condition_variable>
#include <filesystem>
#include <fstream>

#include "sfn/asl/model/task_resource.h"
#include "support/data_cases.h"
#include "task_reports.h"
#include "test_http_server.h"

namespace sfn::integrations {
namespace {

using test_support::TaskReports;

using test_http::Received;
using test_http::Reply;

void run_request_case(const Json& tc) {
  Result<HttpRequest> r = http_task_request(tc.at("parameters"), "eu-west-1");
  if (tc.contains("error")) {
    ASSERT_FALSE(r.has_value()) << r->url;
    EXPECT_EQ(r.error().error, tc.at("error").get<std::string>());
    EXPECT_NE(r.error().cause.find(tc.at("cause_contains").get<std::string>()), std::string::npos)
        << r.error().cause;
    return;
  }
  ASSERT_TRUE(r.has_value()) << r.error().cause;
  if (tc.contains("body")) {
    EXPECT_EQ(r->body, tc.at("body").get<std::string>());
  }
  if (!tc.contains("request")) return;
  const Json& want = tc.at("request");
  EXPECT_EQ(r->method, want.at("method").get<std::string>());
  EXPECT_EQ(r->url, want.at("url").get<std::string>());
  HttpHeaders headers;
  for (const auto& h : want.at("headers")) headers.emplace_back(h.at(0), h.at(1));
  EXPECT_EQ(r->headers, headers);
  EXPECT_EQ(r->body, want.at("body").get<std::string>());
}

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

void run_response_case(const Json& tc) {
  const Json& in = tc.at("response");
  HttpResponse response;
  response.status = in.at("status").get<int>();
  response.reason = in.at("reason").get<std::string>();
  for (const auto& h : in.at("headers")) response.headers.emplace_back(h.at(0), h.at(1));
  response.body = in.contains("body_hex") ? from_hex(in.at("body_hex").get<std::string>())
                                          : in.at("body").get<std::string>();
  const TaskReport r = http_task_report(response);
  if (tc.contains("succeeded")) {
    ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << r.error << " " << r.cause;
    EXPECT_EQ(dump_compact(r.output), dump_compact(tc.at("succeeded")));
    return;
  }
  EXPECT_EQ(r.kind, TaskReport::Kind::kFailed);
  EXPECT_EQ(r.error, tc.at("failed").get<std::string>());
  if (tc.contains("cause")) {
    EXPECT_EQ(r.cause, dump_compact(tc.at("cause")));
  }
}

const bool http_task_registered = [] {
  const auto dir =
      test_cases::source_dir() / "tests" / "unit" / "integrations" / "data" / "http_task";
  for (const auto& [file, run] : {std::pair{"requests.json", &run_request_case},
                                  std::pair{"responses.json", &run_response_case}}) {
    const Json cases = test_cases::read_json_file(dir / file);
    std::size_t n = 0;
    for (const auto& tc : cases.at("cases")) {
      const std::string suite =
          std::string("HttpTask_") + (run == &run_request_case ? "Requests" : "Responses");
      test_cases::register_test(suite,
                                std::to_string(n++) + "_" + test_cases::sanitize(tc.at("name")),
                                [tc, run = run] { run(tc); });
    }
  }
  return true;
}();

class HttpTaskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  void TearDown() override {
    task_.reset();
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
  }
  void start(HttpClientOptions options = {}) {
    task_ = make_http_task({std::make_shared<HttpClient>(io_, std::move(options))});
  }
  TaskReport call(Json parameters, TaskReports* reports = nullptr,
                  TaskCanceller* cancel = nullptr) {
    TaskReports local;
    TaskReports& r = reports ? *reports : local;
    parameters["Authentication"] = {
        {"ConnectionArn", "arn:aws:events:eu-west-1:123456789012:connection/c/1"}};
    TaskRequest request;
    request.resource = &resource_;
    request.parameters = std::move(parameters);
    request.region = "eu-west-1";
    TaskCanceller c = task_->run(request, r.listener());
    if (cancel) {
      *cancel = c;
      return {};
    }
    return r.final_report();
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::vector<std::thread> threads_;
  std::shared_ptr<Integration> task_;
  asl::TaskResource resource_ = *asl::parse_task_resource("arn:aws:states:::http:invoke", nullptr);
};

Reply api(const Received& r) {
  if (r.target.rfind("/json", 0) == 0) {
    return Reply{200,
                 {{"Content-Type", "application/json"}},
                 R"({"method":")" + r.method + R"(","target":")" + r.target + R"(","ua":")" +
                     r.header("User-Agent") + R"(","range":")" + r.header("Range") + R"("})"};
  }
  if (r.target == "/text") return Reply{200, {{"Content-Type", "text/plain"}}, "hello " + r.body};
  if (r.target == "/hang") return Reply{200, {}, "", {}, false, true};
  return Reply{404, {{"Content-Type", "application/json"}}, R"({"message":"not here"})"};
}

TEST_F(HttpTaskTest, JsonAndTextAnswers) {
  test_http::Server server(api);
  start();
  TaskReport json = call({{"ApiEndpoint", server.url("/json")},
                          {"Method", "GET"},
                          {"QueryParameters", {{"q", "a b"}}}});
  ASSERT_EQ(json.kind, TaskReport::Kind::kSucceeded) << json.error << " " << json.cause;
  EXPECT_EQ(json.output["StatusCode"], 200);
  EXPECT_EQ(json.output["StatusText"], "OK");
  EXPECT_EQ(json.output["ResponseBody"]["target"], "/json?q=a%20b");
  EXPECT_EQ(json.output["ResponseBody"]["ua"], "Amazon|StepFunctions|HttpInvoke|eu-west-1");
  EXPECT_EQ(json.output["ResponseBody"]["range"], "bytes=0-262144");
  EXPECT_EQ(json.output["Headers"]["content-type"], Json::array({"application/json"}));
  TaskReport text =
      call({{"ApiEndpoint", server.url("/text")}, {"Method", "POST"}, {"RequestBody", "world"}});
  ASSERT_EQ(text.kind, TaskReport::Kind::kSucceeded) << text.error << " " << text.cause;
  EXPECT_EQ(text.output["ResponseBody"], "hello world");
}

TEST_F(HttpTaskTest, A404IsStatesHttpStatusCode404) {
  test_http::Server server(api);
  start();
  TaskReports reports;
  TaskReport r = call({{"ApiEndpoint", server.url("/nothing")}, {"Method", "GET"}}, &reports);
  EXPECT_EQ(reports.list.front().kind, TaskReport::Kind::kStarted);
  EXPECT_EQ(r.kind, TaskReport::Kind::kFailed);
  EXPECT_EQ(r.error, "States.Http.StatusCode.404");
  const Json cause = parse_json_or_discarded(r.cause);
  EXPECT_EQ(cause["StatusCode"], 404);
  EXPECT_EQ(cause["ResponseBody"]["message"], "not here");
}

TEST_F(HttpTaskTest, HttpsWithATrustedCertificate) {
  const auto cert = test_http::SelfSigned::make();
  test_http::Server server(api, &cert);
  const auto ca = std::filesystem::temp_directory_path() /
                  ("sfn-http-task-ca-" + std::to_string(::getpid()) + ".pem");
  std::ofstream(ca) << cert.cert_pem;
  HttpClientOptions options;
  options.ca_file = ca.string();
  start(options);
  std::filesystem::remove(ca);
  TaskReport r = call({{"ApiEndpoint", server.url("/json")}, {"Method", "PATCH"}});
  ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << r.error << " " << r.cause;
  EXPECT_EQ(r.output["ResponseBody"]["method"], "PATCH");
}

TEST_F(HttpTaskTest, ARefusedConnectionIsStatesHttpSocket) {
  start();
  TaskReport r =
      call({{"ApiEndpoint", "http://127.0.0.1:" + std::to_string(test_http::refused_port()) + "/"},
            {"Method", "GET"}});
  EXPECT_EQ(r.error, "States.Http.Socket");
  EXPECT_NE(r.cause.find("refused"), std::string::npos) << r.cause;
}

TEST_F(HttpTaskTest, InvalidParametersFailWithoutACall) {
  start();
  TaskReports reports;
  TaskReport r = call({{"ApiEndpoint", "https://e.com/"}, {"Method", "TRACE"}}, &reports);
  EXPECT_EQ(r.error, "States.Runtime");
  EXPECT_EQ(reports.list.size(), 1u);
}

TEST_F(HttpTaskTest, TheCancellerAbortsTheCall) {
  test_http::Server server(api);
  start();
  TaskReports reports;
  TaskCanceller cancel;
  call({{"ApiEndpoint", server.url("/hang")}, {"Method", "GET"}}, &reports, &cancel);
  while (server.received().empty()) {
    ASSERT_EQ(call({{"ApiEndpoint", server.url("/text")}, {"Method", "GET"}}).kind,
              TaskReport::Kind::kSucceeded);
  }
  cancel();
  ASSERT_EQ(call({{"ApiEndpoint", server.url("/text")}, {"Method", "GET"}}).kind,
            TaskReport::Kind::kSucceeded);
  std::lock_guard lock(reports.mutex);
  EXPECT_EQ(reports.list.size(), 1u);
}

}  // namespace
}  // namespace sfn::integrations
