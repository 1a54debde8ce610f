// The engine's front: starts, stops and resumes executions on the shared executor, and brokers
// activity tasks between executions and workers. Thread-safe; Asio stays behind this header.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sfn/common/clock.h"
#include "sfn/common/deployment.h"
#include "sfn/engine/execution_record.h"
#include "sfn/engine/quotas.h"
#include "sfn/integrations/integration.h"
#include "sfn/integrations/mock_config.h"

namespace boost::asio {
class io_context;
}
namespace sfn::store {
class Store;
}

namespace sfn::engine {

struct RuntimeOptions {
  unsigned threads = 2;          // the engine's thread pool (executions never run on I/O threads)
  double wait_time_scale = 1.0;  // multiplies Wait durations and retry intervals; 0 = no wait
  Deployment deployment;         // the region and account of the ARNs and of TaskScheduled
  std::int64_t max_history_events = kMaxHistoryEvents;  // lower only in tests
  VariableQuotas variable_quotas;                       // lower only in tests
  // Tokens of finished tasks remembered so that a late SendTask* answers TaskTimedOut (not
  // InvalidToken); the oldest are forgotten first. Lower only in tests.
  std::size_t remembered_task_tokens = 100'000;
  // Every timestamp, and what timers count from (tests pass a ManualClock).
  std::shared_ptr<const Clock> clock = system_clock();
  // Task integrations (filled by the app) and the mock config (--mock-config), both optional.
  std::shared_ptr<const integrations::Registry> integrations;
  std::shared_ptr<const integrations::MockConfig> mocks;
};

// How long a resumed execution must run without the process dying for its resume strikes to
// be cleared (crash-loop safety: a poison execution crashes the process within moments).
inline constexpr std::chrono::seconds kProbation{5};

// A task handed to an activity worker by GetActivityTask.
struct ActivityTask {
  std::string task_token;
  std::string input;
};

// Outcome of SendTaskSuccess/Failure/Heartbeat.
enum class TaskReply { kOk, kInvalidToken, kTaskDoesNotExist, kTaskTimedOut };

class Runtime {
 public:
  virtual ~Runtime() = default;

  // Activities known to the service (the engine asks when a Task names an activity ARN).
  using ActivityExists = std::function<bool(const std::string& activity_arn)>;

  // Starts running `record` (filled in, status RUNNING); a STANDARD one's row is queued to the
  // store before this returns.
  virtual void start(std::shared_ptr<ExecutionRecord> record) = 0;
  // Resumes a RUNNING execution loaded from the store, from its checkpoint. `strikes` is how many
  // times in a row it was resumed and the process then died before it made progress (the store's
  // resume_strikes, already written): when non-zero, the strikes are cleared at its next
  // checkpoint or once it has run kProbation without the process dying.
  virtual void resume(std::shared_ptr<ExecutionRecord> record, const std::string& checkpoint,
                      std::int64_t strikes) = 0;
  // Ends a RUNNING execution loaded from the store without running it: records ExecutionFailed
  // (States.Runtime, `cause`) after its last stored event and persists the record.
  virtual void fail_without_resuming(std::shared_ptr<ExecutionRecord> record,
                                     const std::string& cause) = 0;
  // StopExecution: aborts, records ExecutionAborted, then calls done (on any thread).
  virtual void stop(std::shared_ptr<ExecutionRecord> record, std::optional<std::string> error,
                    std::optional<std::string> cause, std::function<void()> done) = 0;

  // GetActivityTask long poll: done(nullopt) after the poll timeout.
  virtual void poll_activity(const std::string& activity_arn, const std::string& worker_name,
                             std::function<void(std::optional<ActivityTask>)> done) = 0;
  virtual TaskReply send_task_success(const std::string& token, const std::string& output) = 0;
  virtual TaskReply send_task_failure(const std::string& token, const std::string& error,
                                      const std::string& cause) = 0;
  virtual TaskReply send_task_heartbeat(const std::string& token) = 0;

  // Replaces the mock config (SIGHUP reload): executions started from now on use `mocks`
  // (null: none); running ones keep the one they started with.
  virtual void set_mocks(std::shared_ptr<const integrations::MockConfig> mocks) = 0;

  // Checks StartExecution on `<stateMachineArn>#<TestCase>`: nullopt when the mock config has
  // test case `test_case` for the state machine called `state_machine_name`, else why not (no
  // mock config loaded, no such state machine in it, no such test case).
  virtual std::optional<std::string> find_test_case(const std::string& state_machine_name,
                                                    const std::string& test_case) const = 0;

  // Cancels pending polls (they answer empty) and stops timers; executions stay RUNNING in
  // the store so that they resume at the next start.
  virtual void shutdown() = 0;
};

std::unique_ptr<Runtime> make_runtime(boost::asio::io_context& io, store::Store& store,
                                      RuntimeOptions options, Runtime::ActivityExists exists);

}  // namespace sfn::engine
