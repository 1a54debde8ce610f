// The service's working set: state machines, activities, executions and tags, in memory
// (requests never wait on the disk) and written through to the store. Handlers (one file per
// resource group) read and change it under `mutex`.
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
#include "api/request_fields.h"
#include "sfn/api/dispatcher.h"
#include "sfn/asl/model/state_machine.h"
#include "sfn/common/arn.h"
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

class Service {
 public:
  Service(boost::asio::io_context& io, store::Store& store, const ServiceOptions& options);

  void load();  // from the store at start; resumes RUNNING executions

  std::mutex mutex;
  store::Store& store;
  ServiceOptions options;
  ArnBuilder arns;
  std::unique_ptr<engine::Runtime> runtime;

  std::map<std::string, StateMachineEntry> state_machines;  // by ARN
  std::map<std::string, ActivityEntry> activities;          // by ARN
  std::unordered_map<std::string, std::shared_ptr<engine::ExecutionRecord>> executions;
  std::unordered_map<std::string, std::vector<std::string>> executions_by_machine;  // start order
  std::map<std::string, std::map<std::string, std::string>> tags;

  // Lookups that answer AWS's errors (call with `mutex` held).
  ApiResult<StateMachineEntry*> find_state_machine(const std::string& arn);
  ApiResult<std::shared_ptr<engine::ExecutionRecord>> find_execution(const std::string& arn);
  ApiResult<ActivityEntry*> find_activity(const std::string& arn);
};

// Handlers: each validates its request, acts, and calls reply exactly once.
using Handler = void (*)(Service&, const Json& request, Reply reply);
void register_state_machine_handlers(std::map<std::string, Handler>& table);
void register_execution_handlers(std::map<std::string, Handler>& table);
void register_history_handlers(std::map<std::string, Handler>& table);
void register_activity_handlers(std::map<std::string, Handler>& table);
void register_tag_handlers(std::map<std::string, Handler>& table);

// Shared response pieces.
Json execution_summary(const engine::ExecutionRecord& r);
// Pagination of the List*/GetExecutionHistory operations: maxResults (absent or 0 = 100) and an
// opaque nextToken holding the offset into the ordered list.
struct PageRequest {
  std::size_t offset = 0;
  std::size_t limit = 100;
};
ApiResult<PageRequest> read_page_request(const RequestFields& f, std::size_t token_max_len);
// {"<key>": [item(i) for the page], "nextToken": ... when more remain} over `total` items.
Json page_of(const PageRequest& page, std::size_t total, const char* key,
             const std::function<Json(std::size_t)>& item);

}  // namespace sfn::api
