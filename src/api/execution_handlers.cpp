// StartExecution, StartSyncExecution, StopExecution, DescribeExecution, ListExecutions,
// DescribeStateMachineForExecution.
#include <set>

#include "api/request_fields.h"
#include "api/service.h"
#include "sfn/common/clock.h"
#include "sfn/common/ids.h"

namespace sfn::api {
namespace {

constexpr std::size_t kMaxInput = 256 * 1024;

struct StartRequest {
  std::string state_machine_arn;
  std::optional<std::string> name;
  std::string input;
};

ApiResult<StartRequest> parse_start(const Json& req) {
  RequestFields f(req);
  StartRequest out;
  auto arn = f.required_string("stateMachineArn", 256);
  if (!arn) return tl::unexpected(arn.error());
  out.state_machine_arn = *arn;
  auto name = f.optional_string("name");
  if (!name) return tl::unexpected(name.error());
  out.name = *name;
  auto input = f.optional_string("input", kMaxInput);
  if (!input) return tl::unexpected(input.error());
  out.input = input->value_or("{}");
  if (out.name && !is_valid_resource_name(*out.name))
    return api_error("InvalidName", "Invalid Name: '" + *out.name + "'");
  try {
    Json parsed = Json::parse(out.input);
    (void)parsed;
  } catch (const std::exception& e) {
    return api_error("InvalidExecutionInput",
                     std::string("Invalid State Machine Execution Input: '") + e.what() + "'");
  }
  return out;
}

// Creates the record under svc.mutex. `existing` is set when name idempotency applies.
ApiResult<std::shared_ptr<engine::ExecutionRecord>> create_record(Service& svc,
                                                                  const StartRequest& sr, bool sync,
                                                                  bool& existing) {
  auto sm = svc.find_state_machine(sr.state_machine_arn);
  if (!sm) return tl::unexpected(sm.error());
  const auto& e = **sm;
  if (sync && e.row.type != "EXPRESS")
    return api_error("StateMachineTypeNotSupported",
                     "This operation is not supported by this type of state machine");
  std::string name = sr.name.value_or(make_uuid());
  std::string arn = e.row.type == "EXPRESS"
                        ? svc.arns.express_execution(e.row.name, name + ":" + make_uuid())
                        : svc.arns.execution(e.row.name, name);
  if (auto it = svc.executions.find(arn); it != svc.executions.end()) {
    std::lock_guard lock(it->second->mutex);
    if (it->second->status == "RUNNING" && it->second->input == sr.input) {
      existing = true;
      return it->second;
    }
    return api_error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
  }
  auto r = std::make_shared<engine::ExecutionRecord>();
  r->arn = arn;
  r->name = name;
  r->state_machine_arn = e.row.arn;
  r->state_machine_name = e.row.name;
  r->state_machine_type = e.row.type;
  r->role_arn = e.row.role_arn;
  r->definition = e.row.definition;
  r->machine = e.machine;
  r->input = sr.input;
  r->start_date = now_epoch_seconds();
  svc.executions[arn] = r;
  svc.executions_by_machine[e.row.arn].push_back(arn);
  if (r->state_machine_type == "STANDARD") {
    store::ExecutionRow row;
    row.arn = r->arn;
    row.state_machine_arn = r->state_machine_arn;
    row.name = r->name;
    row.status = "RUNNING";
    row.input = r->input;
    row.start_date = r->start_date;
    row.definition = r->definition;
    row.state_machine_type = r->state_machine_type;
    row.role_arn = r->role_arn;
    svc.store.put_execution(row);
  }
  return r;
}

// The shared first half of StartExecution and StartSyncExecution: validate, then create (or,
// by name idempotency, find) the execution record. `existing` tells which.
ApiResult<std::shared_ptr<engine::ExecutionRecord>> begin_execution(Service& svc, const Json& req,
                                                                    bool sync, bool& existing) {
  auto sr = parse_start(req);
  if (!sr) return tl::unexpected(sr.error());
  std::lock_guard lock(svc.mutex);
  return create_record(svc, *sr, sync, existing);
}

void start_execution(Service& svc, const Json& req, Reply reply) {
  bool existing = false;
  TRY(r, begin_execution(svc, req, false, existing));
  const auto& record = *r;
  if (!existing) svc.runtime->start(record);
  reply(Json{{"executionArn", record->arn}, {"startDate", record->start_date}});
}

Json describe(const engine::ExecutionRecord& r) {
  std::lock_guard lock(r.mutex);
  Json j = Json::object();
  j["executionArn"] = r.arn;
  j["stateMachineArn"] = r.state_machine_arn;
  j["name"] = r.name;
  j["status"] = r.status;
  j["startDate"] = r.start_date;
  if (r.stop_date) j["stopDate"] = *r.stop_date;
  j["input"] = r.input;
  j["inputDetails"] = Json{{"included", true}};
  if (r.output) {
    j["output"] = *r.output;
    j["outputDetails"] = Json{{"included", true}};
  }
  if (r.error) j["error"] = *r.error;
  if (r.cause) j["cause"] = *r.cause;
  j["redriveCount"] = 0;
  j["redriveStatus"] = "NOT_REDRIVABLE";
  return j;
}

void start_sync_execution(Service& svc, const Json& req, Reply reply) {
  bool existing = false;
  TRY(r, begin_execution(svc, req, true, existing));
  auto record = *r;
  record->on_finish.push_back([record, reply] {
    Json j = describe(*record);
    j.erase("redriveCount");
    j.erase("redriveStatus");
    j["billingDetails"] = Json{{"billedMemoryUsedInMB", 64}, {"billedDurationInMilliseconds", 100}};
    reply(j);
  });
  svc.runtime->start(record);
}

void stop_execution(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  TRY(error, f.optional_string("error", 256));
  TRY(cause, f.optional_string("cause", 32768));
  std::shared_ptr<engine::ExecutionRecord> record;
  {
    std::lock_guard lock(svc.mutex);
    TRY(r, svc.find_execution(*arn));
    record = *r;
  }
  svc.runtime->stop(record, *error, *cause, [record, reply] {
    std::lock_guard lock(record->mutex);
    reply(Json{{"stopDate", record->stop_date.value_or(now_epoch_seconds())}});
  });
}

void describe_execution(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  std::shared_ptr<engine::ExecutionRecord> record;
  {
    std::lock_guard lock(svc.mutex);
    TRY(r, svc.find_execution(*arn));
    record = *r;
  }
  reply(describe(*record));
}

void list_executions(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("stateMachineArn", 256));
  TRY(status, f.optional_string("statusFilter"));
  TRY(page, read_page_request(f, 3096));
  static const std::set<std::string> kStatuses{"RUNNING",   "SUCCEEDED", "FAILED",
                                               "TIMED_OUT", "ABORTED",   "PENDING_REDRIVE"};
  if (*status && !kStatuses.count(**status))
    return reply(validation_error("'" + **status + "'", "statusFilter",
                                  "Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, "
                                  "PENDING_REDRIVE, ABORTED, FAILED, RUNNING]"));
  std::lock_guard lock(svc.mutex);
  TRY(sm, svc.find_state_machine(*arn));
  std::vector<Json> matching;
  auto it = svc.executions_by_machine.find(*arn);
  if (it != svc.executions_by_machine.end()) {
    for (auto a = it->second.rbegin(); a != it->second.rend(); ++a) {
      auto e = svc.executions.find(*a);
      if (e == svc.executions.end()) continue;
      std::lock_guard rl(e->second->mutex);
      if (*status && e->second->status != **status) continue;
      matching.push_back(execution_summary(*e->second));
    }
  }
  reply(page_of(*page, matching.size(), "executions",
                [&](std::size_t i) { return std::move(matching[i]); }));
}

void describe_state_machine_for_execution(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  std::lock_guard lock(svc.mutex);
  TRY(r, svc.find_execution(*arn));
  const auto& rec = **r;
  Json j = Json::object();
  j["stateMachineArn"] = rec.state_machine_arn;
  j["name"] = rec.state_machine_name;
  j["definition"] = rec.definition;
  j["roleArn"] = rec.role_arn;
  j["updateDate"] = rec.start_date;
  if (auto sm = svc.state_machines.find(rec.state_machine_arn); sm != svc.state_machines.end()) {
    j["updateDate"] = sm->second.update_date;
    j["loggingConfiguration"] = parse_json_or_discarded(sm->second.row.logging_configuration);
    j["tracingConfiguration"] = parse_json_or_discarded(sm->second.row.tracing_configuration);
    j["revisionId"] = sm->second.row.revision_id;
  }
  reply(j);
}

}  // namespace

void register_execution_handlers(std::map<std::string, Handler>& t) {
  t["StartExecution"] = start_execution;
  t["StartSyncExecution"] = start_sync_execution;
  t["StopExecution"] = stop_execution;
  t["DescribeExecution"] = describe_execution;
  t["ListExecutions"] = list_executions;
  t["DescribeStateMachineForExecution"] = describe_state_machine_for_execution;
}

}  // namespace sfn::api
