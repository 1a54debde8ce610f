// Local Lambda handlers with real processes: the shapes of lambda:invoke and function ARN answers,
// function errors, Runtime.ExitError, a missing function, cancellation killing the process group,
// and the concurrency bound.
#include "sfn/integrations/local_lambda.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include "sfn/asl/model/task_resource.h"
#include "sfn/common/json.h"
#include "task_reports.h"

namespace sfn::integrations {
namespace {

using Reports = test_support::TaskReports;

// Whether `pid` is a live process (not gone, not a zombie).
bool running_process(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto paren = line.rfind(')');
  return paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] != 'Z';
}

class LocalLambdaTest : public ::testing::Test {
 protected:
  void start(std::map<std::string, std::string, std::less<>> handlers, std::size_t cap = 64) {
    LocalLambdaOptions options;
    options.handlers = std::move(handlers);
    options.deployment.account = "111111111111";
    options.max_processes = cap;
    options.max_output_bytes = 4096;
    lambda_ = std::make_unique<LocalLambda>(io_, options);
    invoke_ = lambda_->invoke();
    arn_ = lambda_->function_arn();
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  void TearDown() override {
    work_.reset();
    for (auto& t : threads_) t.join();
  }

  TaskRequest invoke_request(Json parameters) {
    TaskRequest r;
    r.resource = &invoke_resource_;
    r.parameters = std::move(parameters);
    r.region = "eu-west-1";
    return r;
  }
  // Runs lambda:invoke on FunctionName `name` with `payload`; returns the final report.
  TaskReport invoke(const std::string& name, const Json& payload) {
    Reports reports;
    invoke_->run(invoke_request({{"FunctionName", name}, {"Payload", payload}}),
                 reports.listener());
    EXPECT_TRUE(reports.wait_final());
    EXPECT_GE(reports.list.size(), 1u);
    if (reports.list.size() >= 2) {
      EXPECT_EQ(reports.list[0].kind, TaskReport::Kind::kStarted);
    }
    return reports.last();
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::vector<std::thread> threads_;
  std::unique_ptr<LocalLambda> lambda_;
  std::shared_ptr<Integration> invoke_, arn_;
  asl::TaskResource invoke_resource_ =
      *asl::parse_task_resource("arn:aws:states:::lambda:invoke", nullptr);
};

TEST_F(LocalLambdaTest, InvokeAnswersInvokesResponseWithTheParsedPayload) {
  start({{"echo", "cat"}});
  TaskReport r = invoke("echo", Json{{"a", 1}});
  ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << r.error << " " << r.cause;
  EXPECT_EQ(r.output["Payload"], (Json{{"a", 1}}));
  EXPECT_EQ(r.output["StatusCode"], 200);
  EXPECT_EQ(r.output["ExecutedVersion"], "$LATEST");
  const Json& http = r.output["SdkHttpMetadata"];
  EXPECT_EQ(http["HttpStatusCode"], 200);
  EXPECT_EQ(http["HttpHeaders"]["Content-Length"], "7");
  EXPECT_EQ(http["AllHttpHeaders"]["Content-Type"], Json::array({"application/json"}));
  const std::string id = r.output["SdkResponseMetadata"]["RequestId"];
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(http["HttpHeaders"]["x-amzn-RequestId"], id);
}

TEST_F(LocalLambdaTest, PayloadDefaultsToAnEmptyObjectAndTextIsAString) {
  start({{"echo", "cat"},
         {"text", "echo hello there"},
         {"env", "printf %s \"$AWS_LAMBDA_FUNCTION_NAME\""}});
  Reports reports;
  invoke_->run(invoke_request({{"FunctionName", "echo"}}), reports.listener());
  ASSERT_TRUE(reports.wait_final());
  EXPECT_EQ(reports.last().output["Payload"], Json::object());
  EXPECT_EQ(invoke("text", nullptr).output["Payload"], "hello there");
  EXPECT_EQ(
      invoke("arn:aws:lambda:eu-west-1:111111111111:function:env:prod", nullptr).output["Payload"],
      "env");
}

TEST_F(LocalLambdaTest, AFunctionArnAnswersThePayloadItselfWithTheWholeInputAsEvent) {
  start({{"echo", "cat"}});
  std::string why;
  auto resource =
      *asl::parse_task_resource("arn:aws:lambda:eu-west-1:111111111111:function:echo", &why);
  TaskRequest request;
  request.resource = &resource;
  request.parameters = Json{{"x", Json::array({1, 2})}};
  request.region = "eu-west-1";
  Reports reports;
  arn_->run(request, reports.listener());
  ASSERT_TRUE(reports.wait_final());
  ASSERT_EQ(reports.list.size(), 2u);
  EXPECT_EQ(reports.list[0].kind, TaskReport::Kind::kStarted);
  EXPECT_EQ(reports.last().kind, TaskReport::Kind::kSucceeded);
  EXPECT_EQ(reports.last().output, request.parameters);
}

TEST_F(LocalLambdaTest, AnErrorObjectOnStdoutIsAFunctionErrorNamedByItsErrorType) {
  start({{"boom", R"(echo '{"errorType":"Boom","errorMessage":"no","stackTrace":["x"]}')"},
         {"untyped", R"(echo '{"errorMessage":"no type"}'; exit 1)"}});
  TaskReport r = invoke("boom", nullptr);
  EXPECT_EQ(r.kind, TaskReport::Kind::kFailed);
  EXPECT_EQ(r.error, "Boom");
  // The handler's object, as it wrote it.
  EXPECT_EQ(r.cause, R"({"errorType":"Boom","errorMessage":"no","stackTrace":["x"]})");
  TaskReport u = invoke("untyped", nullptr);
  EXPECT_EQ(u.error, "Lambda.Unknown");
  EXPECT_NE(u.cause.find("did not return an error type"), std::string::npos) << u.cause;
}

TEST_F(LocalLambdaTest, ANonZeroExitIsRuntimeExitErrorWithStderrInTheCause) {
  start({{"exit3", "echo first >&2; echo 'last line' >&2; exit 3"}, {"killed", "kill -9 $$"}});
  TaskReport r = invoke("exit3", nullptr);
  EXPECT_EQ(r.kind, TaskReport::Kind::kFailed);
  EXPECT_EQ(r.error, "Runtime.ExitError");
  Json cause = parse_json_or_discarded(r.cause);
  ASSERT_TRUE(cause.is_object()) << r.cause;
  EXPECT_EQ(cause["errorType"], "Runtime.ExitError");
  const std::string message = cause["errorMessage"];
  EXPECT_EQ(message.rfind("RequestId: ", 0), 0u) << message;
  EXPECT_NE(message.find("Error: Runtime exited with error: exit status 3"), std::string::npos);
  EXPECT_EQ(cause["stackTrace"], Json::array({"first", "last line"}));
  TaskReport k = invoke("killed", nullptr);
  EXPECT_NE(k.cause.find("Runtime exited with error: signal: killed"), std::string::npos)
      << k.cause;
}

TEST_F(LocalLambdaTest, OutputBeyondTheLimitIsResponseSizeTooLarge) {
  start({{"big", "head -c 100000 /dev/zero | tr '\\0' a"}});
  TaskReport r = invoke("big", nullptr);
  EXPECT_EQ(r.error, "Function.ResponseSizeTooLarge");
  EXPECT_NE(r.cause.find("exceeded maximum allowed payload size"), std::string::npos);
}

TEST_F(LocalLambdaTest, AnUnknownFunctionIsResourceNotFoundWithItsArn) {
  start({{"echo", "cat"}});
  TaskReport r = invoke("missing", nullptr);
  EXPECT_EQ(r.error, "Lambda.ResourceNotFoundException");
  EXPECT_EQ(r.cause.rfind("Function not found: arn:aws:lambda:eu-west-1:111111111111:function:"
                          "missing:$LATEST (Service: AWSLambda; Status Code: 404; Error Code: "
                          "ResourceNotFoundException; Request ID: ",
                          0),
            0u)
      << r.cause;
  TaskReport bad = invoke("not a name", nullptr);
  EXPECT_EQ(bad.error, "Lambda.InvalidParameterValueException");
}

TEST_F(LocalLambdaTest, TheCancellerKillsTheProcessGroup) {
  const std::string marker = "/tmp/sfn-lambda-test-" + std::to_string(::getpid());
  start({{"slow", "sleep 30 & echo $! > " + marker + "; wait"}});
  Reports reports;
  TaskCanceller cancel =
      invoke_->run(invoke_request({{"FunctionName", "slow"}}), reports.listener());
  ASSERT_TRUE(reports.wait_started());
  // The grandchild (sleep) has written its pid once the marker file is complete.
  pid_t sleeper = 0;
  for (int i = 0; i < 500 && sleeper == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (FILE* f = std::fopen(marker.c_str(), "r")) {
      if (std::fscanf(f, "%d", &sleeper) != 1) sleeper = 0;
      std::fclose(f);
    }
  }
  ASSERT_GT(sleeper, 0);
  EXPECT_EQ(lambda_->running(), 1u);
  cancel();
  for (int i = 0; i < 500 && lambda_->running() > 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(lambda_->running(), 0u);
  // The grandchild was killed with the group (it may linger as a zombie of init for a moment).
  bool alive = true;
  for (int i = 0; i < 500 && alive; ++i) {
    alive = running_process(sleeper);
    if (alive) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(alive);
  std::remove(marker.c_str());
  std::lock_guard lock(reports.mutex);
  EXPECT_EQ(reports.list.size(), 1u);  // started, and nothing after the cancel
}

TEST_F(LocalLambdaTest, AThousandInvocationsBeyondTheCapQueueAndAllComplete) {
  start({{"echo", "cat"}}, 8);
  constexpr int kCalls = 1000;  // issued at once; at most 8 processes at a time
  std::vector<std::unique_ptr<Reports>> all;
  for (int i = 0; i < kCalls; ++i) {
    all.push_back(std::make_unique<Reports>());
    invoke_->run(invoke_request({{"FunctionName", "echo"}, {"Payload", {{"i", i}}}}),
                 all.back()->listener());
    EXPECT_LE(lambda_->running(), 8u);
  }
  for (int i = 0; i < kCalls; ++i) {
    ASSERT_TRUE(all[i]->wait_final(std::chrono::seconds(120))) << i;
    TaskReport r = all[i]->last();
    ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << i << " " << r.error << " " << r.cause;
    EXPECT_EQ(r.output["Payload"]["i"], i);
    EXPECT_LE(lambda_->running(), 8u);
  }
  EXPECT_EQ(lambda_->running(), 0u);
  EXPECT_EQ(lambda_->queued(), 0u);
}

}  // namespace
}  // namespace sfn::integrations
