#include "api/service.h"

#include <spdlog/spdlog.h>

#include "sfn/asl/parse/parse_definition.h"

namespace sfn::api {

Service::Service(boost::asio::io_context& io, store::Store& st, const ServiceOptions& opts)
    : store(st), options(opts), arns{"aws", opts.region, opts.account} {
  engine::RuntimeOptions runtime_options;
  runtime_options.wait_time_scale = opts.wait_time_scale;
  runtime_options.region = opts.region;
  runtime_options.account = opts.account;
  runtime = engine::make_runtime(io, store, runtime_options, [this](const std::string& arn) {
    std::lock_guard lock(mutex);
    return activities.count(arn) > 0;
  });
}

void Service::load() {
  auto snapshot = store.load();
  std::vector<std::pair<std::shared_ptr<engine::ExecutionRecord>, std::string>> to_resume;
  {
    std::lock_guard lock(mutex);
    for (auto& row : snapshot.state_machines) {
      StateMachineEntry e;
      auto parsed = asl::parse_definition(row.definition);
      e.machine = parsed.machine;
      e.update_date = row.creation_date;
      e.row = std::move(row);
      state_machines[e.row.arn] = std::move(e);
    }
    for (auto& row : snapshot.activities) activities[row.arn] = ActivityEntry{std::move(row)};
    tags = std::move(snapshot.tags);
    std::sort(snapshot.executions.begin(), snapshot.executions.end(),
              [](const auto& a, const auto& b) { return a.start_date < b.start_date; });
    for (auto& row : snapshot.executions) {
      auto r = std::make_shared<engine::ExecutionRecord>();
      r->arn = row.arn;
      r->name = row.name;
      r->state_machine_arn = row.state_machine_arn;
      auto sm = parse_states_arn(row.state_machine_arn);
      r->state_machine_name = sm ? sm->name : "";
      r->state_machine_type = row.state_machine_type;
      r->role_arn = row.role_arn;
      r->definition = row.definition;
      r->input = row.input;
      r->start_date = row.start_date;
      r->status = row.status;
      r->output = row.output;
      r->error = row.error;
      r->cause = row.cause;
      r->stop_date = row.stop_date;
      for (auto& ev : snapshot.events[row.arn]) {
        Json e = parse_json_or_discarded(ev.json);
        if (!e.is_discarded()) r->events.push_back(std::move(e));
      }
      if (r->status == "RUNNING") {
        auto parsed = asl::parse_definition(r->definition);
        if (parsed.machine) {
          r->machine = parsed.machine;
          to_resume.emplace_back(r, row.checkpoint);
        } else {
          spdlog::error("cannot resume {}: its definition no longer parses", r->arn);
        }
      }
      executions_by_machine[r->state_machine_arn].push_back(r->arn);
      executions[r->arn] = std::move(r);
    }
  }
  for (auto& [r, checkpoint] : to_resume) {
    spdlog::info("resuming execution {}", r->arn);
    runtime->resume(r, checkpoint);
  }
}

ApiResult<StateMachineEntry*> Service::find_state_machine(const std::string& arn) {
  auto parsed = parse_states_arn(arn);
  if (!parsed || parsed->kind != ArnKind::kStateMachine)
    return api_error("InvalidArn", "Invalid Arn: '" + arn + "'");
  auto it = state_machines.find(arn);
  if (it == state_machines.end())
    return api_error("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
  return &it->second;
}

ApiResult<std::shared_ptr<engine::ExecutionRecord>> Service::find_execution(
    const std::string& arn) {
  auto parsed = parse_states_arn(arn);
  if (!parsed ||
      (parsed->kind != ArnKind::kExecution && parsed->kind != ArnKind::kExpressExecution))
    return api_error("InvalidArn", "Invalid Arn: '" + arn + "'");
  auto it = executions.find(arn);
  if (it == executions.end())
    return api_error("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  return it->second;
}

ApiResult<ActivityEntry*> Service::find_activity(const std::string& arn) {
  auto parsed = parse_states_arn(arn);
  if (!parsed || parsed->kind != ArnKind::kActivity)
    return api_error("InvalidArn", "Invalid Arn: '" + arn + "'");
  auto it = activities.find(arn);
  if (it == activities.end())
    return api_error("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
  return &it->second;
}

Json execution_summary(const engine::ExecutionRecord& r) {
  Json j = Json::object();
  j["executionArn"] = r.arn;
  j["stateMachineArn"] = r.state_machine_arn;
  j["name"] = r.name;
  j["status"] = r.status;
  j["startDate"] = r.start_date;
  if (r.stop_date) j["stopDate"] = *r.stop_date;
  return j;
}

namespace {

constexpr std::string_view kTokenPrefix = "sfn-local-page-";

ApiResult<std::size_t> parse_next_token(const std::optional<std::string>& token) {
  if (!token) return std::size_t{0};
  if (token->rfind(kTokenPrefix, 0) != 0)
    return api_error("InvalidToken", "Invalid Token: '" + *token + "'");
  try {
    return static_cast<std::size_t>(std::stoull(token->substr(kTokenPrefix.size())));
  } catch (...) {
    return api_error("InvalidToken", "Invalid Token: '" + *token + "'");
  }
}

}  // namespace

ApiResult<PageRequest> read_page_request(const RequestFields& f, std::size_t token_max_len) {
  auto max = f.optional_int("maxResults", 0, 1000);
  if (!max) return tl::unexpected(max.error());
  auto token = f.optional_string("nextToken", token_max_len);
  if (!token) return tl::unexpected(token.error());
  auto offset = parse_next_token(*token);
  if (!offset) return tl::unexpected(offset.error());
  PageRequest page;
  page.offset = *offset;
  if (max->value_or(0) != 0) page.limit = static_cast<std::size_t>(**max);
  return page;
}

Json page_of(const PageRequest& page, std::size_t total, const char* key,
             const std::function<Json(std::size_t)>& item) {
  Json items = Json::array();
  std::size_t i = page.offset;
  for (; i < total && items.size() < page.limit; ++i) items.push_back(item(i));
  Json out{{key, std::move(items)}};
  if (i < total) out["nextToken"] = std::string(kTokenPrefix) + std::to_string(i);
  return out;
}

}  // namespace sfn::api
