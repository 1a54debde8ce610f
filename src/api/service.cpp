#include "api/service.h"

#include <spdlog/spdlog.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "sfn/asl/parse/parse_definition.h"
#include "sfn/engine/checkpoint.h"

namespace sfn::api {

namespace {

// Crash-loop safety: an execution resumed this many times in a row, each time followed by the
// process dying before the execution made progress, is ended instead of resumed again.
constexpr std::int64_t kMaxResumesWithoutProgress = 3;

// A resume point where the execution only waits (a Wait deadline, a task token): it cannot be
// what crashed the process.
bool parked(const std::string& checkpoint) {
  auto cp = engine::Checkpoint::parse(checkpoint);
  return cp && cp->parked();
}

std::string crash_loop_cause(const std::string& checkpoint) {
  auto cp = engine::Checkpoint::parse(checkpoint);
  std::string where = cp ? " in state '" + cp->state + "'" : "";
  return "sfn-local stopped abnormally " + std::to_string(kMaxResumesWithoutProgress + 1) +
         " times while this execution was running" + where +
         " without it making progress; it is not resumed again, so that the server can start";
}

}  // namespace

Service::Service(boost::asio::io_context& io_context, store::Store& st,
                 const engine::RuntimeOptions& options)
    : io(io_context),
      store(st),
      arns{options.deployment},
      clock(options.clock),
      state_machines(st),
      activities(st),
      tags(st) {
  engine::RuntimeOptions runtime_options = options;
  // The app's integrations, and this service's own executions for states:startExecution.
  auto registry = options.integrations
                      ? std::make_shared<integrations::Registry>(*options.integrations)
                      : std::make_shared<integrations::Registry>();
  registry->add("states", make_nested_executions(*this));
  runtime_options.integrations = std::move(registry);
  runtime = engine::make_runtime(io, store, runtime_options, [this](const std::string& arn) {
    return activities.contains(arn);
  });
}

void Service::post(std::function<void()> work) { boost::asio::post(io, std::move(work)); }

void Service::load() {
  auto snapshot = store.load();
  struct ToResume {
    std::shared_ptr<engine::ExecutionRecord> record;
    std::string checkpoint;
    std::int64_t strikes;
  };
  std::vector<ToResume> to_resume;
  std::vector<std::pair<std::shared_ptr<engine::ExecutionRecord>, std::string>> to_fail;
  {
    std::vector<StateMachineEntry> machines;
    for (auto& row : snapshot.state_machines) {
      StateMachineEntry e;
      auto parsed = asl::parse_definition(row.definition);
      e.machine = parsed.machine;
      e.update_date = row.creation_date;
      e.row = std::move(row);
      machines.push_back(std::move(e));
    }
    state_machines.load(std::move(machines));
    activities.load(std::move(snapshot.activities));
    tags.load(std::move(snapshot.tags));
    for (auto& row : snapshot.executions) {  // RUNNING ones, by start date
      auto r = engine::record_from_row(row);
      for (auto& ev : snapshot.events[row.arn]) {
        Json e = parse_json_or_discarded(ev.json);
        if (!e.is_discarded()) r->events.push_back(std::move(e));
      }
      auto parsed = asl::parse_definition(r->definition);
      if (!parsed.machine) {
        to_fail.emplace_back(r,
                             "sfn-local cannot resume this execution: its definition no "
                             "longer parses");
        continue;
      }
      r->machine = parsed.machine;
      std::int64_t strikes = 0;
      if (snapshot.unclean_shutdown && !parked(row.checkpoint)) {
        if (row.resume_strikes >= kMaxResumesWithoutProgress) {
          to_fail.emplace_back(r, crash_loop_cause(row.checkpoint));
          continue;
        }
        strikes = row.resume_strikes + 1;
      }
      if (strikes != row.resume_strikes) store.put_resume_strikes(r->arn, strikes);
      executions.track(r);
      to_resume.push_back(ToResume{r, row.checkpoint, strikes});
    }
  }
  for (auto& [r, cause] : to_fail) {
    spdlog::error("execution {} ends FAILED: {}", r->arn, cause);
    runtime->fail_without_resuming(r, cause);
  }
  // The strikes must be on disk before a poison execution runs again.
  store.flush();
  for (auto& [r, checkpoint, strikes] : to_resume) {
    spdlog::info("resuming execution {}", r->arn);
    runtime->resume(r, checkpoint, strikes);
  }
}

void Service::find_execution(const std::string& arn, ExecutionFound done) {
  auto parsed = parse_states_arn(arn);
  if (!parsed ||
      (parsed->kind != ArnKind::kExecution && parsed->kind != ArnKind::kExpressExecution))
    return done(api_error("InvalidArn", "Invalid Arn: '" + arn + "'"));
  if (auto record = executions.find(arn)) return done(FoundExecution{record, true});
  auto missing = [arn] {
    return api_error("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
  };
  if (parsed->kind == ArnKind::kExpressExecution) return done(missing());
  store.read_execution(arn, [this, done = std::move(done), missing](auto row) mutable {
    post([row = std::move(row), done = std::move(done), missing] {
      if (!row) return done(ApiResult<FoundExecution>(internal_failure(row.error())));
      if (!*row) return done(missing());
      done(FoundExecution{engine::record_from_row(**row), false});
    });
  });
}

Json execution_summary(const engine::ExecutionRecord& r) {
  Json j = Json::object();
  j["executionArn"] = r.arn;
  j["stateMachineArn"] = r.state_machine_arn;
  j["name"] = r.name;
  j["status"] = name_of(r.status);
  j["startDate"] = r.start_date;
  if (r.stop_date) j["stopDate"] = *r.stop_date;
  return j;
}

}  // namespace sfn::api
