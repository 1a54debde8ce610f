// Runs executions through the engine's public Runtime on an in-memory store, the way the API
// layer does, and waits for them to finish. For engine behaviour that the recorded AWS cases
// cannot reach cheaply (quotas, tolerated failures).
#pragma once

#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sfn/asl/parse/parse_definition.h"
#include "sfn/common/clock.h"
#include "sfn/common/json.h"
#include "sfn/engine/runtime.h"
#include "sfn/store/store.h"

namespace sfn::engine::testing {

// The history's event types, in order.
inline std::vector<std::string> event_types(const ExecutionRecord& r) {
  std::vector<std::string> out;
  for (const auto& e : r.events) out.push_back(e["type"].get<std::string>());
  return out;
}

// A state machine of one Task state (given without Type and End).
inline Json single_task(Json task) {
  task["Type"] = "Task";
  task["End"] = true;
  return Json{{"StartAt", "T"}, {"States", {{"T", task}}}};
}

class EngineFixture : public ::testing::Test {
 protected:
  // Runs with no waiting unless a test sets wait_time_scale_ first; options.clock is the clock
  // the executions' start dates come from too.
  void start_runtime(RuntimeOptions options) {
    options.wait_time_scale = wait_time_scale_;
    clock_ = options.clock;
    runtime_ = make_runtime(io_, *store_, options, [](const std::string&) { return false; });
    thread_ = std::thread([this] { io_.run(); });
  }
  void TearDown() override {
    if (runtime_) runtime_->shutdown();
    work_.reset();
    io_.stop();
    if (thread_.joinable()) thread_.join();
  }

  // Runs `definition` with `input` to its end; the record holds status, output and events.
  // `started_ago`: seconds between the execution's start date and now (a resumed execution's).
  std::shared_ptr<ExecutionRecord> run(const Json& definition, const Json& input,
                                       const std::string& mock_test_case = {},
                                       double started_ago = 0) {
    auto parsed = asl::parse_definition(dump_compact(definition));
    EXPECT_TRUE(parsed.machine) << asl::invalid_definition_message(parsed.diagnostics);
    if (!parsed.machine) return nullptr;
    auto r = std::make_shared<ExecutionRecord>();
    r->name = "e" + std::to_string(++count_);
    r->arn = "arn:aws:states:us-east-1:123456789012:execution:sm:" + r->name;
    r->state_machine_arn = "arn:aws:states:us-east-1:123456789012:stateMachine:sm";
    r->state_machine_name = "sm";
    r->state_machine_type = StateMachineType::kExpress;  // nothing to persist
    r->role_arn = "arn:aws:iam::123456789012:role/r";
    r->definition = dump_compact(definition);
    r->machine = parsed.machine;
    r->input = dump_compact(input);
    r->mock_test_case = mock_test_case;
    r->start_date = clock_->epoch_seconds() - started_ago;
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    r->on_finish.push_back([done] { done->set_value(); });
    runtime_->start(r);
    EXPECT_EQ(finished.wait_for(std::chrono::seconds(60)), std::future_status::ready);
    return r;
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::unique_ptr<store::Store> store_ = store::open_sqlite_store(":memory:");
  std::unique_ptr<Runtime> runtime_;
  std::shared_ptr<const Clock> clock_ = system_clock();
  double wait_time_scale_ = 0;
  std::thread thread_;
  int count_ = 0;
};

}  // namespace sfn::engine::testing
