// StartExecution, StartSyncExecution, StopExecution, DescribeExecution, ListExecutions,
// DescribeStateMachineForExecution.
#include <algorithm>
#include <set>
#include <tuple>

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
  std::string test_case;  // `<stateMachineArn>#<TestCase>`: the mocked responses to run with
};

ApiResult<StartRequest> parse_start(const Json& req) {
  RequestFields f(req);
  StartRequest out;
  auto arn = f.required_string("stateMachineArn", 256);
  if (!arn) return tl::unexpected(arn.error());
  out.state_machine_arn = *arn;
  // Step Functions Local's convention for mocked responses (--mock-config).
  if (auto hash = out.state_machine_arn.find('#'); hash != std::string::npos) {
    out.test_case = out.state_machine_arn.substr(hash + 1);
    out.state_machine_arn.resize(hash);
    if (out.test_case.empty())
      return api_error("ValidationException",
                       "The test case after '#' in stateMachineArn is empty: use "
                       "<stateMachineArn>#<TestCase> with a test case of the mock config.");
  }
  auto name = f.optional_name("name");
  if (!name) return tl::unexpected(name.error());
  out.name = *name;
  auto input = f.optional_string("input", kMaxInput);
  if (!input) return tl::unexpected(input.error());
  out.input = input->value_or("{}");
  if (out.name && !is_valid_resource_name(*out.name, kMaxNameBytes))
    return api_error("InvalidName", "Invalid Name: '" + *out.name + "'");
  // Nesting first: copies and dumps of a value recurse (the parse itself does not).
  if (const std::size_t depth = json_text_depth(out.input); depth > kMaxJsonDepth)
    return api_error("InvalidExecutionInput",
                     "Invalid State Machine Execution Input: '" + json_depth_message(depth) + "'");
  if (auto error = json_syntax_error(out.input))
    return api_error("InvalidExecutionInput",
                     "Invalid State Machine Execution Input: '" + error->message + "'");
  return out;
}

// A new execution record of state machine `e` (not yet started or tracked).
std::shared_ptr<engine::ExecutionRecord> new_record(Service& svc, const StateMachineEntry& e,
                                                    const std::string& arn, const std::string& name,
                                                    const StartRequest& sr) {
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
  r->mock_test_case = sr.test_case;
  r->start_date = svc.clock->epoch_seconds();
  return r;
}

// done(record, existing): the new execution (tracked, not yet started), or by name idempotency
// the one running already (existing = true).
using Begun = std::function<void(ApiResult<std::shared_ptr<engine::ExecutionRecord>>, bool)>;

// Name idempotency among the executions in memory, then the new record: see
// Executions::start_unique.
void start_unique(Service& svc, const StateMachineEntry& e, const std::string& arn,
                  const std::string& name, const StartRequest& sr, const Begun& done) {
  auto started =
      svc.executions.start_unique(arn, sr.input, [&] { return new_record(svc, e, arn, name, sr); });
  if (!started) return done(tl::unexpected(started.error()), false);
  done(started->first, started->second);
}

// The shared first half of StartExecution and StartSyncExecution: validate, then create (or
// find) the execution record. A STANDARD name may belong to a finished execution, which only the
// store knows: it is asked before the record is created.
void begin_execution(Service& svc, const Json& req, bool sync, Begun done) {
  auto sr = parse_start(req);
  if (!sr) return done(tl::unexpected(sr.error()), false);
  auto sm = svc.state_machines.find(sr->state_machine_arn);
  if (!sm) return done(tl::unexpected(sm.error()), false);
  const StateMachineEntry& e = **sm;
  if (!sr->test_case.empty()) {
    if (auto why = svc.runtime->find_test_case(e.row.name, sr->test_case))
      return done(api_error("ValidationException", *why), false);
  }
  if (sync && e.row.type != StateMachineType::kExpress)
    return done(api_error("StateMachineTypeNotSupported",
                          "This operation is not supported by this type of state machine"),
                false);
  const std::string name = sr->name.value_or(make_uuid());
  if (e.row.type == StateMachineType::kExpress) {
    const std::string arn = svc.arns.express_execution(e.row.name, name + ":" + make_uuid());
    return start_unique(svc, e, arn, name, *sr, done);
  }
  const std::string arn = svc.arns.execution(e.row.name, name);
  // A generated name (a UUID) belongs to no execution: no need to ask the store.
  if (!sr->name) return start_unique(svc, e, arn, name, *sr, done);
  // A running one (its row is stored too) is that execution for the same input.
  auto known = svc.executions.start_unique(arn, sr->input, [] { return nullptr; });
  if (!known) return done(tl::unexpected(known.error()), false);
  if (known->first) return done(known->first, true);
  svc.store.read_execution(arn, [&svc, sr = *sr, arn, name, done](auto row) mutable {
    svc.post([&svc, sr = std::move(sr), arn, name, row = std::move(row), done] {
      if (!row) return done(internal_failure(row.error()), false);
      if (*row)
        return done(api_error("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'"),
                    false);
      auto sm = svc.state_machines.find(sr.state_machine_arn);  // deleted meanwhile?
      if (!sm) return done(tl::unexpected(sm.error()), false);
      // Checked again by start_unique: a request with the same name may have started it.
      start_unique(svc, **sm, arn, name, sr, done);
    });
  });
}

void start_execution(Service& svc, const Json& req, Reply reply) {
  begin_execution(svc, req, false, [&svc, reply](auto r, bool existing) {
    if (!r) return reply(tl::unexpected(r.error()));
    const auto& record = *r;
    if (!existing) svc.runtime->start(record);
    reply(Json{{"executionArn", record->arn}, {"startDate", record->start_date}});
  });
}

}  // namespace

void start_nested_execution(Service& svc, const Json& request, ExecutionStarted started) {
  begin_execution(svc, request, false, [&svc, started](auto r, bool existing) {
    if (r && !existing) svc.runtime->start(*r);
    started(r);
  });
}

namespace {

Json describe(const engine::ExecutionRecord& r) {
  std::lock_guard lock(r.mutex);
  Json j = Json::object();
  j["executionArn"] = r.arn;
  j["stateMachineArn"] = r.state_machine_arn;
  j["name"] = r.name;
  j["status"] = name_of(r.status);
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
  begin_execution(svc, req, true, [&svc, reply](auto r, bool) {
    if (!r) return reply(tl::unexpected(r.error()));
    auto record = *r;
    {
      std::lock_guard lock(record->mutex);
      record->on_finish.push_back([record, reply] {
        Json j = describe(*record);
        j.erase("redriveCount");
        j.erase("redriveStatus");
        j["billingDetails"] =
            Json{{"billedMemoryUsedInMB", 64}, {"billedDurationInMilliseconds", 100}};
        reply(j);
      });
    }
    svc.runtime->start(record);
  });
}

void stop_execution(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  TRY(error, f.optional_string("error", 256));
  TRY(cause, f.optional_string("cause", 32768));
  svc.find_execution(*arn, [&svc, error = *error, cause = *cause, reply](auto found) {
    if (!found) return reply(tl::unexpected(found.error()));
    auto record = found->record;
    auto answer = [record, reply, clock = svc.clock] {
      std::lock_guard lock(record->mutex);
      reply(Json{{"stopDate", record->stop_date.value_or(clock->epoch_seconds())}});
    };
    if (!found->in_memory) return answer();  // finished already
    svc.runtime->stop(record, error, cause, answer);
  });
}

void describe_execution(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  svc.find_execution(*arn, [reply](auto found) {
    if (!found) return reply(tl::unexpected(found.error()));
    reply(describe(*found->record));
  });
}

// An EXPRESS machine's executions are never stored: the ones in memory, newest first.
Json list_express(Service& svc, const std::string& machine_arn,
                  const std::optional<ExecutionStatus>& status, const Paging& paging) {
  auto matching = svc.executions.of_state_machine(machine_arn, status);
  std::sort(matching.begin(), matching.end(), [](const auto& a, const auto& b) {
    return std::tie(a->start_date, a->arn) > std::tie(b->start_date, b->arn);
  });
  return page_of(
      paging, matching.size(), "executions",
      [&](std::size_t i) {
        std::lock_guard rl(matching[i]->mutex);
        return execution_summary(*matching[i]);
      },
      [&](std::size_t i) {
        return Json::array({matching[i]->start_date, matching[i]->arn});
      },
      date_arn_descending);
}

void list_executions(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("stateMachineArn", 256));
  TRY(status, f.optional_string("statusFilter"));
  Json filters = Json::object();
  filters["stateMachineArn"] = *arn;
  filters["statusFilter"] = *status ? Json(**status) : Json(nullptr);
  TRY(paging,
      read_paging(f, 3096, "ListExecutions", std::move(filters), svc.clock->epoch_seconds()));
  std::optional<ExecutionStatus> status_filter;
  if (*status) {
    status_filter = parse_execution_status(**status);
    if (!status_filter)
      return reply(validation_error("'" + **status + "'", "statusFilter",
                                    "Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, "
                                    "PENDING_REDRIVE, ABORTED, FAILED, RUNNING]"));
  }
  TRY(sm, svc.state_machines.find(*arn));
  if ((*sm)->row.type == StateMachineType::kExpress)
    return reply(list_express(svc, *arn, status_filter, *paging));
  store::ExecutionPageQuery query{*arn, status_filter, std::nullopt, paging->limit};
  if (const auto& k = paging->after) {
    if (!k->is_array() || k->size() != 2 || !(*k)[0].is_number() || !(*k)[1].is_string())
      return reply(
          api_error("InvalidToken", "Invalid Token: the token does not continue this list"));
    query.after = store::ExecutionKey{(*k)[0].get<double>(), (*k)[1].get<std::string>()};
  }
  svc.store.read_executions(query, [&svc, paging = *paging, reply](auto rows) {
    svc.post([paging, rows = std::move(rows), reply] {
      if (!rows) return reply(internal_failure(rows.error()));
      Json items = Json::array();
      for (const auto& row : rows->rows)
        items.push_back(execution_summary(*engine::record_from_row(row)));
      Json out{{"executions", std::move(items)}};
      if (rows->more && !rows->rows.empty()) {
        const auto& last = rows->rows.back();
        out["nextToken"] = paging.token_after(Json::array({last.start_date, last.arn}));
      }
      reply(out);
    });
  });
}

void describe_state_machine_for_execution(Service& svc, const Json& req, Reply reply) {
  RequestFields f(req);
  TRY(arn, f.required_string("executionArn", 256));
  svc.find_execution(*arn, [&svc, reply](auto found) {
    if (!found) return reply(tl::unexpected(found.error()));
    const auto& rec = *found->record;
    Json j = Json::object();
    j["stateMachineArn"] = rec.state_machine_arn;
    j["name"] = rec.state_machine_name;
    j["definition"] = rec.definition;
    j["roleArn"] = rec.role_arn;
    j["updateDate"] = rec.start_date;
    if (auto sm = svc.state_machines.find(rec.state_machine_arn)) {
      const StateMachineEntry& e = **sm;
      j["updateDate"] = e.update_date;
      j["loggingConfiguration"] = parse_json_or_discarded(e.row.logging_configuration);
      j["tracingConfiguration"] = parse_json_or_discarded(e.row.tracing_configuration);
      j["revisionId"] = e.row.revision_id;
    }
    reply(j);
  });
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
