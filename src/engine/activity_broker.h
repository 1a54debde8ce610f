// Hands activity tasks from executions to workers (GetActivityTask long polls) and routes the
// workers' answers (SendTaskSuccess/Failure/Heartbeat) back to the waiting execution; the
// callbacks of .waitForTaskToken tasks are routed the same way. Called
// from API threads and execution strands: guarded by one mutex; execution-side callbacks are
// posted to the execution's strand.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "engine/net.h"
#include "sfn/common/clock.h"
#include "sfn/engine/runtime.h"

namespace sfn::engine {

struct TaskOutcome {
  bool success = false;
  std::string output;  // success: JSON text
  std::string error;
  std::string cause;
};

// One scheduled activity task, shared by the broker and the waiting execution.
struct PendingActivity {
  PendingActivity(Strand s) : strand(std::move(s)) {}
  std::string token;
  std::string activity_arn;
  std::string input;
  Strand strand;
  // Strand-confined (the execution's side).
  asio::steady_timer* waiter = nullptr;
  bool alive = true;
  std::function<void(const std::string& worker)> on_started;
  // Guarded by the broker's mutex.
  std::optional<TaskOutcome> outcome;
  // Set by the broker when the task is scheduled or registered, then by each heartbeat.
  Clock::SteadyTime last_heartbeat;
};

class ActivityBroker {
 public:
  ActivityBroker(asio::io_context& io, std::chrono::seconds poll_timeout,
                 std::size_t remembered_tokens, std::shared_ptr<const Clock> clock);

  void schedule(const std::shared_ptr<PendingActivity>& task);
  // A .waitForTaskToken task: its token answers SendTaskSuccess/Failure/Heartbeat like an
  // activity's (one broker for every task token), but no worker polls for it.
  void register_callback(const std::shared_ptr<PendingActivity>& task);
  // The execution stopped waiting (done, timed out or cancelled): later answers get
  // TaskTimedOut.
  void withdraw(const std::shared_ptr<PendingActivity>& task);

  void poll(const std::string& activity_arn, const std::string& worker,
            std::function<void(std::optional<ActivityTask>)> done);
  TaskReply complete(const std::string& token, TaskOutcome outcome);
  TaskReply heartbeat(const std::string& token);

  // Outcome and last heartbeat, read by the waiting execution.
  std::optional<TaskOutcome> outcome(const PendingActivity& task);
  Clock::SteadyTime last_heartbeat(const PendingActivity& task);

  void shutdown();

 private:
  struct Poller {
    std::string worker;
    std::function<void(std::optional<ActivityTask>)> done;
    std::shared_ptr<asio::steady_timer> timer;
    bool answered = false;
  };
  void deliver(const std::shared_ptr<PendingActivity>& task, const std::string& worker,
               std::function<void(std::optional<ActivityTask>)>& done);
  static void wake(const std::shared_ptr<PendingActivity>& task);

  asio::io_context& io_;
  std::chrono::seconds poll_timeout_;
  std::shared_ptr<const Clock> clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::shared_ptr<PendingActivity>>> queued_;
  std::unordered_map<std::string, std::deque<std::shared_ptr<Poller>>> pollers_;
  std::unordered_map<std::string, std::shared_ptr<PendingActivity>> by_token_;
  // Tokens of tasks that ended, so that a late answer gets TaskTimedOut rather than
  // InvalidToken: the most recent `remembered_tokens_`, oldest forgotten first (bounded memory).
  void remember_finished(const std::string& token);
  std::size_t remembered_tokens_;
  std::unordered_set<std::string> finished_tokens_;
  std::deque<std::string> finished_order_;
  bool shut_down_ = false;
};

}  // namespace sfn::engine
