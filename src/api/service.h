// The service: its repositories (state machines, activities, tags, executions; see
// repositories.h for what each keeps in memory), the engine that runs the executions, and the
// handlers (one file per resource group) that answer the API with them.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/api_error.h"
#include "api/paging.h"
#include "api/repositories.h"
#include "api/request_fields.h"
#include "sfn/api/dispatcher.h"
#include "sfn/asl/model/state_machine.h"
#include "sfn/common/arn.h"
#include "sfn/common/clock.h"
#include "sfn/engine/runtime.h"
#include "sfn/store/store.h"

namespace sfn::api {

using Reply = std::function<void(ApiResult<Json>)>;

// An execution found by Service::find_execution: in memory (running, or a recent EXPRESS one,
// with its events), or rebuilt from its stored row (no events: read them from the store).
struct FoundExecution {
  std::shared_ptr<engine::ExecutionRecord> record;
  bool in_memory = false;
};
using ExecutionFound = std::function<void(ApiResult<FoundExecution>)>;

class Service {
 public:
  Service(boost::asio::io_context& io, store::Store& store, const engine::RuntimeOptions& options);
  // Stops the engine first: its threads may still call back into the members below.
  ~Service() { runtime.reset(); }

  void load();  // from the store at start; resumes RUNNING executions

  // Runs `work` on an I/O thread (store callbacks arrive on the store's thread).
  void post(std::function<void()> work);

  boost::asio::io_context& io;
  store::Store& store;
  ArnBuilder arns;
  std::shared_ptr<const Clock> clock;  // creation, update and start dates; page tokens
  StateMachines state_machines;
  Activities activities;
  Tags tags;
  Executions executions;
  std::unique_ptr<engine::Runtime> runtime;  // last: stopped first

  // Memory first, then the store; `done` runs on this thread (found in memory or a bad ARN) or
  // on an I/O thread.
  void find_execution(const std::string& arn, ExecutionFound done);
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
