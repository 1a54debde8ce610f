// Task states served by integrations and by mocked responses: the events AWS records for each
// (TaskScheduled / TaskStarted / TaskSubmitted / TaskSucceeded / TaskFailed / TaskTimedOut, or
// the LambdaFunction* family for a Lambda function ARN), results and errors reaching Retry and
// Catch, invocation counting of mocked responses, $$.Task.Token for .waitForTaskToken.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "engine_fixture.h"
#include "sfn/integrations/integration.h"
#include "sfn/integrations/mock_config.h"

namespace sfn::engine::testing {
namespace {

using integrations::TaskReport;

// Answers every attempt from its own thread (as a network client would), or never.
class FakeIntegration final : public integrations::Integration {
 public:
  enum class Mode { kSucceed, kFail, kNever };
  explicit FakeIntegration(Mode mode) : mode_(mode) {}
  // Called (on the answering thread, after the answer) with the task token, as a worker that
  // received it would: for .waitForTaskToken tests.
  std::function<void(const std::string&)> on_token;

  integrations::TaskCanceller run(const integrations::TaskRequest& request,
                                  integrations::TaskListener listener) override {
    {
      std::lock_guard lock(mutex_);
      requests_.push_back(request.parameters);
      tokens_.push_back(request.task_token);
    }
    if (mode_ == Mode::kNever) return [this] { ++cancelled_; };
    Json echo = Json{{"echo", request.parameters}};
    std::lock_guard lock(mutex_);
    threads_.emplace_back(
        [mode = mode_, listener, echo, hook = on_token, token = request.task_token] {
          listener(TaskReport::started());
          if (mode == Mode::kSucceed)
            listener(TaskReport::succeeded(echo));
          else
            listener(TaskReport::failed("Service.Broken", "it broke"));
          if (hook) hook(token);
        });
    return {};
  }

  // Before the runtime goes: a listener holds a strand of the engine's pool.
  void join() {
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mutex_);
      threads.swap(threads_);
    }
    for (auto& t : threads) t.join();
  }

  std::vector<Json> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }
  std::atomic<int> cancelled_{0};

 private:
  Mode mode_;
  std::mutex mutex_;
  std::vector<Json> requests_;
  std::vector<std::string> tokens_;
  std::vector<std::thread> threads_;
};

const Json* event_of(const ExecutionRecord& r, const std::string& type) {
  for (const auto& e : r.events)
    if (e["type"] == type) return &e;
  return nullptr;
}

class IntegrationTaskTest : public EngineFixture {
 protected:
  void start_with(std::shared_ptr<FakeIntegration> fake, const char* key = "lambda",
                  const char* mock_config = nullptr, std::size_t remembered_tokens = 100'000) {
    fake_ = fake;
    auto registry = std::make_shared<integrations::Registry>();
    if (fake) registry->add(key, fake);
    RuntimeOptions options;
    options.integrations = registry;
    options.remembered_task_tokens = remembered_tokens;
    if (mock_config) {
      auto parsed = integrations::parse_mock_config(mock_config);
      ASSERT_TRUE(parsed) << parsed.error();
      options.mocks = *parsed;
    }
    start_runtime(options);
  }
  void TearDown() override {
    if (fake_) fake_->join();
    EngineFixture::TearDown();
  }
  std::shared_ptr<FakeIntegration> fake_;
};

TEST_F(IntegrationTaskTest, RequestResponseRecordsTaskEventsAndReturnsTheResult) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed);
  start_with(fake);
  auto r = run(single_task({{"Resource", "arn:aws:states:::lambda:invoke"},
                            {"Parameters", {{"FunctionName", "f"}, {"Payload.$", "$"}}},
                            {"TimeoutSeconds", 30}}),
               Json{{"a", 1}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_EQ(parse_json_or_discarded(*r->output),
            (Json{{"echo", {{"FunctionName", "f"}, {"Payload", {{"a", 1}}}}}}));
  EXPECT_EQ(event_types(*r),
            (std::vector<std::string>{"ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                                      "TaskStarted", "TaskSucceeded", "TaskStateExited",
                                      "ExecutionSucceeded"}));
  const Json& scheduled = (*event_of(*r, "TaskScheduled"))["taskScheduledEventDetails"];
  EXPECT_EQ(scheduled["resourceType"], "lambda");
  EXPECT_EQ(scheduled["resource"], "invoke");
  EXPECT_EQ(scheduled["region"], "us-east-1");
  EXPECT_EQ(scheduled["timeoutInSeconds"], 30);
  EXPECT_EQ(parse_json_or_discarded(scheduled["parameters"].get<std::string>()),
            (Json{{"FunctionName", "f"}, {"Payload", {{"a", 1}}}}));
  const Json& started = (*event_of(*r, "TaskStarted"))["taskStartedEventDetails"];
  EXPECT_EQ(started, (Json{{"resourceType", "lambda"}, {"resource", "invoke"}}));
}

TEST_F(IntegrationTaskTest, AFailureIsTaskFailedAndReachesCatch) {
  start_with(std::make_shared<FakeIntegration>(FakeIntegration::Mode::kFail), "sqs");
  Json def = single_task({{"Resource", "arn:aws:states:::sqs:sendMessage"},
                          {"Parameters", {{"QueueUrl", "q"}, {"MessageBody", "m"}}}});
  def["States"]["T"].erase("End");
  def["States"]["T"]["Next"] = "Done";
  def["States"]["T"]["Catch"] =
      Json::array({{{"ErrorEquals", {"Service.Broken"}}, {"Next", "Done"}}});
  def["States"]["Done"] = Json{{"Type", "Pass"}, {"End", true}};
  auto r = run(def, Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_EQ(parse_json_or_discarded(*r->output),
            (Json{{"Error", "Service.Broken"}, {"Cause", "it broke"}}));
  const Json& failed = (*event_of(*r, "TaskFailed"))["taskFailedEventDetails"];
  EXPECT_EQ(failed, (Json{{"resourceType", "sqs"},
                          {"resource", "sendMessage"},
                          {"error", "Service.Broken"},
                          {"cause", "it broke"}}));
}

TEST_F(IntegrationTaskTest, TimeoutSecondsEndsAnUnansweredTaskWithTaskTimedOut) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kNever);
  start_with(fake, "sns");
  auto r = run(single_task({{"Resource", "arn:aws:states:::sns:publish"},
                            {"Parameters", {{"Message", "m"}}},
                            {"TimeoutSeconds", 1}}),
               Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Timeout");
  EXPECT_EQ(fake->cancelled_.load(), 1);
  const Json* timed_out = event_of(*r, "TaskTimedOut");
  ASSERT_TRUE(timed_out);
  EXPECT_EQ((*timed_out)["taskTimedOutEventDetails"],
            (Json{{"resourceType", "sns"}, {"resource", "publish"}, {"error", "States.Timeout"}}));
}

TEST_F(IntegrationTaskTest, LambdaFunctionArnRecordsTheLambdaFunctionFamily) {
  start_with(std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed), "lambda-arn");
  const std::string arn = "arn:aws:lambda:us-east-1:123456789012:function:f";
  auto r = run(single_task({{"Resource", arn}}), Json{{"x", 1}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_EQ(event_types(*r), (std::vector<std::string>{
                                 "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled",
                                 "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                                 "TaskStateExited", "ExecutionSucceeded"}));
  const Json& scheduled =
      (*event_of(*r, "LambdaFunctionScheduled"))["lambdaFunctionScheduledEventDetails"];
  EXPECT_EQ(scheduled["resource"], arn);
  EXPECT_EQ(scheduled["input"], R"({"x":1})");
  EXPECT_FALSE(
      event_of(*r, "LambdaFunctionStarted")->contains("lambdaFunctionStartedEventDetails"));
}

TEST_F(IntegrationTaskTest, NoIntegrationAndNoMockFailsWithAClearCause) {
  start_with(nullptr);
  auto r = run(single_task({{"Resource", "arn:aws:states:::dynamodb:getItem"},
                            {"Parameters", {{"TableName", "t"}}}}),
               Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_NE(r->cause->find("no integration configured"), std::string::npos) << *r->cause;
  EXPECT_FALSE(event_of(*r, "TaskScheduled"));
}

constexpr const char* kMocks = R"({
  "StateMachines": {"sm": {"TestCases": {
    "Retrying": {"T": "FailTwiceThenReturn"},
    "Lambda": {"T": "InvokeResponse"},
    "Callback": {"T": "Plain"}}}},
  "MockedResponses": {
    "FailTwiceThenReturn": {
      "0-1": {"Throw": {"Error": "Lambda.TooManyRequestsException", "Cause": "slow down"}},
      "2": {"Return": {"n": 3}}},
    "InvokeResponse": {"0": {"Return": {"StatusCode": 200, "Payload": {"body": "hi"}}}},
    "Plain": {"0": {"Return": "done"}}}
})";

TEST_F(IntegrationTaskTest, MockedResponsesAnswerSuccessiveAttemptsAcrossRetries) {
  start_with(nullptr, "lambda", kMocks);
  Json def = single_task(
      {{"Resource", "arn:aws:states:::lambda:invoke"}, {"Parameters", {{"FunctionName", "f"}}}});
  def["States"]["T"]["Retry"] =
      Json::array({{{"ErrorEquals", {"Lambda.TooManyRequestsException"}}, {"MaxAttempts", 3}}});
  auto r = run(def, Json::object(), "Retrying");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded)
      << r->error.value_or("") << " " << r->cause.value_or("");
  EXPECT_EQ(parse_json_or_discarded(*r->output), (Json{{"n", 3}}));
  int failed = 0, scheduled = 0;
  for (const auto& e : r->events) {
    failed += e["type"] == "TaskFailed";
    scheduled += e["type"] == "TaskScheduled";
  }
  EXPECT_EQ(failed, 2);
  EXPECT_EQ(scheduled, 3);
}

TEST_F(IntegrationTaskTest, AMockedLambdaFunctionArnAnswersWithTheInvokePayload) {
  start_with(nullptr, "lambda", kMocks);
  auto r = run(single_task({{"Resource", "arn:aws:lambda:us-east-1:123456789012:function:f"}}),
               Json::object(), "Lambda");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_EQ(parse_json_or_discarded(*r->output), (Json{{"body", "hi"}}));
}

TEST_F(IntegrationTaskTest, MockedSyncTaskIsSubmittedAndItsAnswerIsTheFinalResult) {
  start_with(nullptr, "lambda", kMocks);
  auto r = run(single_task({{"Resource", "arn:aws:states:::states:startExecution.sync:2"},
                            {"Parameters", {{"StateMachineArn", "x"}}}}),
               Json::object(), "Callback");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_EQ(parse_json_or_discarded(*r->output), Json("done"));
  EXPECT_EQ(event_types(*r),
            (std::vector<std::string>{"ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                                      "TaskStarted", "TaskSubmitted", "TaskSucceeded",
                                      "TaskStateExited", "ExecutionSucceeded"}));
}

TEST_F(IntegrationTaskTest, WaitForTaskTokenHandsOutATokenInParameters) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed);
  fake->on_token = [this](const std::string& token) { runtime_->send_task_success(token, "{}"); };
  start_with(fake, "sqs");
  auto r = run(single_task({{"Resource", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"},
                            {"Parameters", {{"MessageBody", {{"token.$", "$$.Task.Token"}}}}}}),
               Json::object());
  ASSERT_TRUE(r);
  auto requests = fake->requests();
  ASSERT_EQ(requests.size(), 1u);
  const Json& token = requests[0]["MessageBody"]["token"];
  ASSERT_TRUE(token.is_string());
  EXPECT_GT(token.get<std::string>().size(), 20u);
}

Json callback_task(const Json& extra = Json::object()) {
  Json task = {
      {"Resource", "arn:aws:states:::sqs:sendMessage.waitForTaskToken"},
      {"Parameters", {{"QueueUrl", "q"}, {"MessageBody", {{"token.$", "$$.Task.Token"}}}}}};
  for (const auto& [k, v] : extra.items()) task[k] = v;
  return single_task(task);
}

TEST_F(IntegrationTaskTest, WaitForTaskTokenSubmitsThenTakesSendTaskSuccessAsTheResult) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed);
  fake->on_token = [this](const std::string& token) {
    EXPECT_EQ(runtime_->send_task_success(token, R"({"approved":true})"), TaskReply::kOk);
  };
  start_with(fake, "sqs");
  auto r = run(callback_task(), Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
  EXPECT_EQ(parse_json_or_discarded(*r->output), (Json{{"approved", true}}));
  EXPECT_EQ(event_types(*r),
            (std::vector<std::string>{"ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                                      "TaskStarted", "TaskSubmitted", "TaskSucceeded",
                                      "TaskStateExited", "ExecutionSucceeded"}));
  const Json& submitted = (*event_of(*r, "TaskSubmitted"))["taskSubmittedEventDetails"];
  EXPECT_EQ(submitted["resource"], "sendMessage.waitForTaskToken");
  EXPECT_TRUE(parse_json_or_discarded(submitted["output"].get<std::string>()).contains("echo"));
}

TEST_F(IntegrationTaskTest, WaitForTaskTokenSendTaskFailureIsTaskFailed) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed);
  fake->on_token = [this](const std::string& token) {
    EXPECT_EQ(runtime_->send_task_failure(token, "Rejected", "no"), TaskReply::kOk);
  };
  start_with(fake, "sqs");
  auto r = run(callback_task(), Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "Rejected");
  EXPECT_EQ(r->cause, "no");
  const Json& failed = (*event_of(*r, "TaskFailed"))["taskFailedEventDetails"];
  EXPECT_EQ(failed["error"], "Rejected");
}

TEST_F(IntegrationTaskTest, WaitForTaskTokenWithoutHeartbeatTimesOutAndTheTokenIsClosed) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed);
  std::string seen;
  std::mutex seen_mutex;
  fake->on_token = [&](const std::string& token) {
    std::lock_guard lock(seen_mutex);
    seen = token;
  };
  start_with(fake, "sqs");
  auto r = run(callback_task({{"HeartbeatSeconds", 1}}), Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.HeartbeatTimeout");
  const Json* timed_out = event_of(*r, "TaskTimedOut");
  ASSERT_TRUE(timed_out);
  EXPECT_EQ((*timed_out)["taskTimedOutEventDetails"]["error"], "States.HeartbeatTimeout");
  std::lock_guard lock(seen_mutex);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(runtime_->send_task_success(seen, "{}"), TaskReply::kTaskTimedOut);
}

TEST_F(IntegrationTaskTest, FinishedTokensAreRememberedUpToABound) {
  auto fake = std::make_shared<FakeIntegration>(FakeIntegration::Mode::kSucceed);
  std::vector<std::string> tokens;
  std::mutex tokens_mutex;
  fake->on_token = [&](const std::string& token) {
    {
      std::lock_guard lock(tokens_mutex);
      tokens.push_back(token);
    }
    runtime_->send_task_success(token, "{}");
  };
  start_with(fake, "sqs", nullptr, /*remembered_tokens=*/3);
  for (int i = 0; i < 5; ++i) {
    auto r = run(callback_task(), Json::object());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  }
  std::lock_guard lock(tokens_mutex);
  ASSERT_EQ(tokens.size(), 5u);
  // The two oldest are forgotten; the three most recent answer TaskTimedOut.
  EXPECT_EQ(runtime_->send_task_success(tokens[0], "{}"), TaskReply::kInvalidToken);
  EXPECT_EQ(runtime_->send_task_heartbeat(tokens[1]), TaskReply::kInvalidToken);
  EXPECT_EQ(runtime_->send_task_success(tokens[2], "{}"), TaskReply::kTaskTimedOut);
  EXPECT_EQ(runtime_->send_task_failure(tokens[4], "E", "C"), TaskReply::kTaskTimedOut);
}
}  // namespace
}  // namespace sfn::engine::testing
