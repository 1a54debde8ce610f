// A Task on a local Lambda handler through the engine: TimeoutSeconds kills the handler's
// process (States.Timeout, TaskTimedOut, no process left), and a handler's answer reaches the
// execution's output.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

#include "engine_fixture.h"
#include "sfn/integrations/integration.h"
#include "sfn/integrations/local_lambda.h"

namespace sfn::engine::testing {
namespace {

// Whether `pid` is a live process (not gone, not a zombie).
bool running_process(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const auto paren = line.rfind(')');
  return paren != std::string::npos && paren + 2 < line.size() && line[paren + 2] != 'Z';
}

class LocalLambdaTaskTest : public EngineFixture {
 protected:
  void start_with(std::map<std::string, std::string, std::less<>> handlers) {
    integrations::LocalLambdaOptions options;
    options.handlers = std::move(handlers);
    lambda_ = std::make_unique<integrations::LocalLambda>(io_, options);
    auto registry = std::make_shared<integrations::Registry>();
    registry->add("lambda", lambda_->invoke());
    registry->add("lambda-arn", lambda_->function_arn());
    RuntimeOptions runtime;
    runtime.integrations = registry;
    start_runtime(runtime);
  }
  std::unique_ptr<integrations::LocalLambda> lambda_;
};

TEST_F(LocalLambdaTaskTest, TimeoutSecondsKillsTheHandler) {
  const std::string marker = "/tmp/sfn-lambda-engine-test-" + std::to_string(::getpid());
  start_with({{"slow", "echo $$ > " + marker + "; exec sleep 30"}});
  const auto began = std::chrono::steady_clock::now();
  auto r = run(single_task({{"Resource", "arn:aws:states:::lambda:invoke"},
                            {"Parameters", {{"FunctionName", "slow"}}},
                            {"TimeoutSeconds", 1}}),
               Json::object());
  ASSERT_TRUE(r);
  EXPECT_LT(std::chrono::steady_clock::now() - began, std::chrono::seconds(20));
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Timeout");
  const auto types = event_types(*r);
  EXPECT_NE(std::find(types.begin(), types.end(), "TaskStarted"), types.end());
  EXPECT_NE(std::find(types.begin(), types.end(), "TaskTimedOut"), types.end());
  pid_t pid = 0;
  if (FILE* f = std::fopen(marker.c_str(), "r")) {
    if (std::fscanf(f, "%d", &pid) != 1) pid = 0;
    std::fclose(f);
  }
  std::remove(marker.c_str());
  ASSERT_GT(pid, 0);
  bool alive = true;
  for (int i = 0; i < 500 && (alive || lambda_->running() > 0); ++i) {
    alive = running_process(pid);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_FALSE(alive);
  EXPECT_EQ(lambda_->running(), 0u);
}

TEST_F(LocalLambdaTaskTest, AFunctionArnTaskReturnsTheHandlersPayload) {
  start_with(
      {{"double",
        R"(python3 -c 'import json,sys; print(json.dumps({"n": json.load(sys.stdin)["n"] * 2}))')"}});
  auto r = run(single_task({{"Resource", "arn:aws:lambda:us-east-1:123456789012:function:double"}}),
               Json{{"n", 21}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded)
      << r->error.value_or("") << " " << r->cause.value_or("");
  EXPECT_EQ(parse_json_or_discarded(*r->output), (Json{{"n", 42}}));
}

}  // namespace
}  // namespace sfn::engine::testing
