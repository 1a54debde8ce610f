#include "sfn/engine/runtime.h"

#include <spdlog/spdlog.h>

#include <set>
#include <unordered_map>

#include "engine/activity_broker.h"
#include "engine/event_types.h"
#include "engine/execution_driver.h"
#include "sfn/common/clock.h"
#include "sfn/common/states_errors.h"
#include "sfn/store/store.h"

namespace sfn::engine {
namespace {

class RuntimeImpl final : public Runtime {
 public:
  RuntimeImpl(asio::io_context& io, store::Store& store, RuntimeOptions options,
              ActivityExists exists)
      : io_(io),
        store_(store),
        options_(std::move(options)),
        pool_(options_.threads == 0 ? 1 : options_.threads),
        broker_(io, std::chrono::seconds(60), options_.remembered_task_tokens, options_.clock) {
    services_.wait_time_scale = options_.wait_time_scale;
    services_.max_history_events = options_.max_history_events;
    services_.variable_quotas = options_.variable_quotas;
    services_.activities = &broker_;
    services_.activity_exists = std::move(exists);
    services_.region = options_.deployment.region;
    services_.clock = options_.clock;
    services_.integrations = options_.integrations;
    mocks_ = options_.mocks;
    // The engine calls these for STANDARD executions only (ExecutionRun::durable).
    services_.save_checkpoint = [this](const ExecutionRecord& r, const Checkpoint& cp) {
      store_.put_checkpoint(r.arn, cp.to_text());
    };
    services_.save_record = [this](const ExecutionRecord& r) { store_.put_execution(to_row(r)); };
    services_.save_event = [this](const std::string& arn, std::int64_t id, const Json& event) {
      store_.append_events(arn, {store::EventRow{id, dump_compact(event)}});
    };
  }

  ~RuntimeImpl() override {
    // Executions still queued are dropped (they stay RUNNING in the store); the runs, and their
    // strands, go before the pool.
    pool_.stop();
    pool_.join();
    std::lock_guard lock(mutex_);
    running_.clear();
  }

  void start(std::shared_ptr<ExecutionRecord> record) override {
    if (record->state_machine_type == StateMachineType::kStandard)
      store_.put_execution(to_row(*record));
    launch(std::move(record), std::nullopt);
  }

  void resume(std::shared_ptr<ExecutionRecord> record, const std::string& checkpoint,
              std::int64_t strikes) override {
    if (strikes > 0) clear_strikes_after_probation(record->arn);
    resume_from(std::move(record), checkpoint);
  }

  void fail_without_resuming(std::shared_ptr<ExecutionRecord> record,
                             const std::string& cause) override {
    std::int64_t last = 0;
    {
      std::lock_guard lock(record->mutex);
      if (!record->events.empty()) last = record->events.back().value("id", std::int64_t{0});
    }
    Json event = Json::object();
    event["timestamp"] = options_.clock->epoch_seconds();
    event["type"] = name_of(EventType::kExecutionFailed);
    event["id"] = last + 1;
    event["previousEventId"] = last;
    event[std::string(details_key(EventType::kExecutionFailed))] =
        Json{{"cause", cause}, {"error", errors::kRuntime}};
    store_.append_events(record->arn, {store::EventRow{last + 1, dump_compact(event)}});
    {
      std::lock_guard lock(record->mutex);
      record->events.push_back(std::move(event));
      record->status = ExecutionStatus::kFailed;
      record->error = errors::kRuntime;
      record->cause = cause;
      record->stop_date = options_.clock->epoch_seconds();
    }
    store_.put_execution(to_row(*record));
  }

 private:
  // Crash-loop safety: a resumed execution that keeps running for kProbation is no poison.
  void clear_strikes_after_probation(const std::string& arn) {
    auto timer = std::make_shared<asio::steady_timer>(pool_, kProbation);
    timer->async_wait([this, timer, arn](boost::system::error_code ec) {
      if (ec) return;
      {
        std::lock_guard lock(mutex_);
        if (shutting_down_ || !running_.count(arn)) return;
      }
      store_.put_resume_strikes(arn, 0);
    });
  }

  void resume_from(std::shared_ptr<ExecutionRecord> record, const std::string& checkpoint) {
    auto cp = Checkpoint::parse(checkpoint);
    if (!cp) {
      // Crashed before the first state was entered: start again from the beginning.
      {
        std::lock_guard lock(record->mutex);
        record->events.clear();
      }
      store_.truncate_events(record->arn, 0);
      launch(std::move(record), std::nullopt);
      return;
    }
    const std::int64_t last = cp->last_event_id;
    {
      std::lock_guard lock(record->mutex);
      std::erase_if(record->events,
                    [last](const Json& e) { return e.value("id", std::int64_t{0}) > last; });
    }
    store_.truncate_events(record->arn, last);
    launch(std::move(record), std::move(*cp));
  }

 public:
  void stop(std::shared_ptr<ExecutionRecord> record, std::optional<std::string> error,
            std::optional<std::string> cause, std::function<void()> done) override {
    std::shared_ptr<ExecutionRun> run;
    {
      std::lock_guard lock(mutex_);
      auto it = running_.find(record->arn);
      if (it != running_.end()) run = it->second;
    }
    if (!run) {
      done();
      return;
    }
    asio::post(run->strand, [run, error, cause, done = std::move(done)]() mutable {
      {
        std::lock_guard lock(run->record->mutex);
        if (run->record->status != ExecutionStatus::kRunning || run->root->cancelled()) {
          done();
          return;
        }
      }
      run->stop = ExecutionRun::Stop::kAborted;
      run->abort_error = error;
      run->abort_cause = cause;
      run->on_aborted = std::move(done);
      run->root->cancel();
    });
  }

  void poll_activity(const std::string& arn, const std::string& worker,
                     std::function<void(std::optional<ActivityTask>)> done) override {
    broker_.poll(arn, worker, std::move(done));
  }
  TaskReply send_task_success(const std::string& token, const std::string& output) override {
    return broker_.complete(token, TaskOutcome{true, output, {}, {}});
  }
  TaskReply send_task_failure(const std::string& token, const std::string& error,
                              const std::string& cause) override {
    return broker_.complete(token, TaskOutcome{false, {}, error, cause});
  }
  TaskReply send_task_heartbeat(const std::string& token) override {
    return broker_.heartbeat(token);
  }

  void set_mocks(std::shared_ptr<const integrations::MockConfig> mocks) override {
    std::lock_guard lock(mocks_mutex_);
    mocks_ = std::move(mocks);
  }

  std::optional<std::string> find_test_case(const std::string& state_machine_name,
                                            const std::string& test_case) const override {
    const auto mocks = current_mocks();
    if (!mocks)
      return "No mock config is loaded (start sfn-local with --mock-config FILE or "
             "SFN_MOCK_CONFIG=FILE to run test case '" +
             test_case + "').";
    if (!mocks->has_state_machine(state_machine_name))
      return "The mock config has no test cases for state machine '" + state_machine_name + "'.";
    if (!mocks->test_case(state_machine_name, test_case))
      return "The mock config has no test case '" + test_case + "' for state machine '" +
             state_machine_name + "'.";
    return std::nullopt;
  }

  void shutdown() override {
    broker_.shutdown();
    std::vector<std::shared_ptr<ExecutionRun>> runs;
    {
      std::lock_guard lock(mutex_);
      shutting_down_ = true;
      for (auto& [arn, run] : running_) runs.push_back(run);
    }
    for (auto& run : runs)
      asio::post(run->strand, [run] {
        if (run->stop == ExecutionRun::Stop::kNone) run->stop = ExecutionRun::Stop::kShutdown;
        run->root->cancel();
      });
  }

 private:
  void launch(std::shared_ptr<ExecutionRecord> record, std::optional<Checkpoint> resume) {
    auto run = std::make_shared<ExecutionRun>(record, asio::make_strand(pool_), services_);
    Json exec = Json::object();
    exec["Id"] = record->arn;
    exec["Input"] = parse_json_or_discarded(record->input);
    exec["StartTime"] = format_iso8601(record->start_date);
    exec["Name"] = record->name;
    exec["RoleArn"] = record->role_arn;
    exec["RedriveCount"] = 0;
    run->execution_context = std::move(exec);
    run->state_machine_context =
        Json{{"Id", record->state_machine_arn}, {"Name", record->state_machine_name}};
    // The mock config as it is now: a reload (SIGHUP) applies to executions started after it.
    const auto mocks = current_mocks();
    const integrations::MockTestCase* test_case = nullptr;
    if (!record->mock_test_case.empty()) {
      if (mocks) test_case = mocks->test_case(record->state_machine_name, record->mock_test_case);
      if (!test_case)
        spdlog::warn(
            "execution {}: test case '{}' is not in the mock config; its tasks run unmocked",
            record->arn, record->mock_test_case);
    }
    run->integrations = std::make_unique<integrations::ExecutionIntegrations>(options_.integrations,
                                                                              mocks, test_case);
    const bool resuming = resume.has_value();
    if (resume) {
      if (!resume->mock_calls.is_null()) run->integrations->restore_counters(resume->mock_calls);
      run->history.set_next_id(resume->last_event_id + 1);
      run->checkpoint = *resume;
      run->resume = std::move(resume);
    }
    {
      std::lock_guard lock(mutex_);
      if (shutting_down_) return;
      running_[record->arn] = run;
    }
    asio::co_spawn(run->strand, drive_execution(run, resuming), [this, run](std::exception_ptr e) {
      if (e) {
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& ex) {
          spdlog::error("execution {} crashed: {}", run->record->arn, ex.what());
        }
      }
      std::lock_guard lock(mutex_);
      running_.erase(run->record->arn);
    });
  }

  std::shared_ptr<const integrations::MockConfig> current_mocks() const {
    std::lock_guard lock(mocks_mutex_);
    return mocks_;
  }

  asio::io_context& io_;
  store::Store& store_;
  RuntimeOptions options_;
  mutable std::mutex mocks_mutex_;
  std::shared_ptr<const integrations::MockConfig> mocks_;  // guarded by mocks_mutex_
  // Before everything that holds one of its strands (runs, pending activities): destroyed after
  // them. The destructor has stopped and joined it already.
  asio::thread_pool pool_;
  ActivityBroker broker_;
  RunServices services_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<ExecutionRun>> running_;
  bool shutting_down_ = false;
};

}  // namespace

std::unique_ptr<Runtime> make_runtime(asio::io_context& io, store::Store& store,
                                      RuntimeOptions options, Runtime::ActivityExists exists) {
  return std::make_unique<RuntimeImpl>(io, store, std::move(options), std::move(exists));
}

}  // namespace sfn::engine
