// The service's working set: state machines, activities, tags and the executions that are
// running (plus the latest finished EXPRESS ones, which are never stored), in memory and written
// through to the store. Finished STANDARD executions live only in the store and are read on
// demand, so memory and start time do not grow with history. Handlers (one file per resource
// group) read and change the working set under `mutex`.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/api_error.h"
#include "api/paging.h"
#include "api/request_fields.h"
#include "sfn/api/dispatcher.h"
#include "sfn/asl/model/state_machine.h"
#include "sfn/common/arn.h"
#include "sfn/common/clock.h"
#include "sfn/engine/runtime.h"
#include "sfn/store/store.h"

namespace sfn::api {

struct StateMachineEntry {
  store::StateMachineRow row;
  std::shared_ptr<const asl::StateMachine> machine;
  double update_date = 0;
};

struct ActivityEntry {
  store::ActivityRow row;
};

using Reply = std::function<void(ApiResult<Json>)>;

// An execution found by Service::find_execution: in memory (running, or a recent EXPRESS one,
// with its events), or rebuilt from its stored row (no events: read them from the store).
struct FoundExecution {
  std::shared_ptr<engine::ExecutionRecord> record;
  bool in_memory = false;
};
using ExecutionFound = std::function<void(ApiResult<FoundExecution>)>;

// How many finished EXPRESS executions stay in memory for DescribeExecution and
// GetExecutionHistory (they are never stored); older ones are forgotten.
inline constexpr std::size_t kMaxFinishedExpress = 1000;

class Service {
 public:
  Service(boost::asio::io_context& io, store::Store& store, const engine::RuntimeOptions& options);
  // Stops the engine first: its threads may still call back into the members below.
  ~Service() { runtime.reset(); }

  void load();  // from the store at start; resumes RUNNING executions

  // Runs `work` on an I/O thread (store callbacks arrive on the store's thread).
  void post(std::function<void()> work);

  boost::asio::io_context& io;
  std::mutex mutex;
  store::Store& store;
  ArnBuilder arns;
  std::shared_ptr<const Clock> clock;  // creation, update and start dates; page tokens
  std::unique_ptr<engine::Runtime> runtime;

  std::map<std::string, StateMachineEntry> state_machines;  // by ARN
  std::map<std::string, ActivityEntry> activities;          // by ARN
  // Running executions and the last kMaxFinishedExpress finished EXPRESS ones, by ARN.
  std::unordered_map<std::string, std::shared_ptr<engine::ExecutionRecord>> executions;
  std::deque<std::string> finished_express;  // oldest first
  std::map<std::string, std::map<std::string, std::string>> tags;

  // Adds a new or resumed execution to `executions` (call with `mutex` held); it leaves (or,
  // EXPRESS, moves to `finished_express`) when it ends.
  void track(const std::shared_ptr<engine::ExecutionRecord>& record);

  // Lookups that answer AWS's errors (call with `mutex` held).
  ApiResult<StateMachineEntry*> find_state_machine(const std::string& arn);
  ApiResult<ActivityEntry*> find_activity(const std::string& arn);
  // Memory first, then the store; `done` runs on this thread (found in memory or a bad ARN) or
  // on an I/O thread. Call without `mutex` held.
  void find_execution(const std::string& arn, ExecutionFound done);

 private:
  void retire(const std::string& arn);
};

// Handlers: each validates its request, acts, and calls reply exactly once.
using Handler = void (*)(Service&, const Json& request, Reply reply);
void register_state_machine_handlers(std::map<std::string, Handler>& table);
void register_execution_handlers(std::map<std::string, Handler>& table);
void register_history_handlers(std::map<std::string, Handler>& table);
void register_activity_handlers(std::map<std::string, Handler>& table);
void register_tag_handlers(std::map<std::string, Handler>& table);

// StartExecution as a Task state calls it (states:startExecution): `started` gets the new
// execution's record before it runs (or, by name idempotency, the one already running), or
// StartExecution's error. Runs on the calling thread or an I/O thread.
using ExecutionStarted = std::function<void(ApiResult<std::shared_ptr<engine::ExecutionRecord>>)>;
void start_nested_execution(Service& svc, const Json& request, ExecutionStarted started);

// The integration serving arn:aws:states:::states:startExecution[.sync|.sync:2|
// .waitForTaskToken] with this service's executions (registered under "states").
std::shared_ptr<integrations::Integration> make_nested_executions(Service& svc);

// Shared response pieces.
Json execution_summary(const engine::ExecutionRecord& r);

}  // namespace sfn::api
