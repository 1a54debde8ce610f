// Engine throughput: whole executions through the public Runtime (in-memory store, no HTTP),
// the way the API starts them. Reports executions and state transitions per second.
#include <benchmark/benchmark.h>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "sfn/asl/parse/parse_definition.h"
#include "sfn/common/clock.h"
#include "sfn/common/json.h"
#include "sfn/engine/runtime.h"
#include "sfn/store/store.h"

namespace {

using sfn::Json;
using namespace sfn::engine;

// A chain of `n` Pass states with Parameters, ResultPath and an intrinsic, then a Choice.
Json pass_chain(int n) {
  Json states = Json::object();
  for (int i = 0; i < n; ++i) {
    Json s = {{"Type", "Pass"},
              {"Parameters", {{"n.$", "States.MathAdd($.n, 1)"}, {"tag.$", "$.tag"}}},
              {"Next", i + 1 < n ? "P" + std::to_string(i + 1) : std::string("C")}};
    states["P" + std::to_string(i)] = s;
  }
  states["C"] = {
      {"Type", "Choice"},
      {"Choices",
       Json::array({{{"Variable", "$.n"}, {"NumericGreaterThan", 0}, {"Next", "Done"}}})},
      {"Default", "Done"}};
  states["Done"] = {{"Type", "Succeed"}};
  return Json{{"StartAt", "P0"}, {"States", states}};
}

// A chain of `n` JSONata Pass states: each reads the input and a variable in Output and Assign.
Json jsonata_chain(int n) {
  Json states = Json::object();
  for (int i = 0; i < n; ++i) {
    Json s = {{"Type", "Pass"},
              {"Output",
               {{"n", "{% $states.input.n + 1 %}"},
                {"tag", "{% $tag %}"},
                {"rows", "{% $states.input.rows %}"},
                {"first", "{% $states.input.rows[0].id %}"}}},
              {"Assign", {{"count", "{% $count + 1 %}"}}},
              {"Next", i + 1 < n ? "P" + std::to_string(i + 1) : std::string("Done")}};
    states["P" + std::to_string(i)] = s;
  }
  states["Done"] = {{"Type", "Succeed"}};
  return Json{
      {"QueryLanguage", "JSONata"},
      {"StartAt", "Init"},
      {"States", [&] {
         Json init = {
             {"Type", "Pass"},
             {"Assign", {{"tag", "bench"}, {"count", 0}, {"table", "{% $states.input.rows %}"}}},
             {"Next", "P0"}};
         states["Init"] = init;
         return states;
       }()}};
}

// An inline Map over `items` items, each running two Pass states.
Json map_of(int concurrency) {
  Json processor = {{"StartAt", "A"},
                    {"States",
                     {{"A", {{"Type", "Pass"}, {"Parameters", {{"v.$", "$"}}}, {"Next", "B"}}},
                      {"B", {{"Type", "Pass"}, {"End", true}}}}}};
  return Json{{"StartAt", "M"},
              {"States",
               {{"M",
                 {{"Type", "Map"},
                  {"ItemsPath", "$.items"},
                  {"MaxConcurrency", concurrency},
                  {"ItemProcessor", processor},
                  {"End", true}}}}}};
}

class Engine {
 public:
  Engine() {
    RuntimeOptions options;
    options.wait_time_scale = 0;
    runtime_ = make_runtime(io_, *store_, options, [](const std::string&) { return false; });
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  ~Engine() {
    runtime_->shutdown();
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
  }

  // Starts `count` executions of `machine` and waits for all of them.
  void run(const std::shared_ptr<const sfn::asl::StateMachine>& machine, const std::string& text,
           const std::string& input, int count, bool standard) {
    auto remaining = std::make_shared<std::atomic<int>>(count);
    auto done = std::make_shared<std::promise<void>>();
    auto finished = done->get_future();
    for (int i = 0; i < count; ++i) {
      auto r = std::make_shared<ExecutionRecord>();
      r->name = "e" + std::to_string(next_++);
      r->arn = "arn:aws:states:us-east-1:123456789012:execution:sm:" + r->name;
      r->state_machine_arn = "arn:aws:states:us-east-1:123456789012:stateMachine:sm";
      r->state_machine_name = "sm";
      r->state_machine_type =
          standard ? sfn::StateMachineType::kStandard : sfn::StateMachineType::kExpress;
      r->role_arn = "arn:aws:iam::123456789012:role/r";
      r->definition = text;
      r->machine = machine;
      r->input = input;
      r->start_date = sfn::system_clock()->epoch_seconds();
      r->on_finish.push_back([remaining, done] {
        if (--*remaining == 0) done->set_value();
      });
      runtime_->start(r);
    }
    finished.wait();
  }

 private:
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::unique_ptr<sfn::store::Store> store_ = sfn::store::open_sqlite_store(":memory:");
  std::unique_ptr<Runtime> runtime_;
  std::vector<std::thread> threads_;
  int next_ = 0;
};

void run_machine(benchmark::State& state, const Json& definition, const Json& input,
                 int transitions, bool standard) {
  Engine engine;
  const std::string text = sfn::dump_compact(definition);
  auto parsed = sfn::asl::parse_definition(text);
  const int batch = 100;
  const std::string in = sfn::dump_compact(input);
  for (auto _ : state) engine.run(parsed.machine, text, in, batch, standard);
  state.counters["executions/s"] =
      benchmark::Counter(double(batch) * double(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["transitions/s"] = benchmark::Counter(
      double(batch) * transitions * double(state.iterations()), benchmark::Counter::kIsRate);
}

// 100 executions of 10 Pass states + Choice + Succeed (12 state transitions each).
void BM_PassChain(benchmark::State& state) {
  run_machine(state, pass_chain(10), Json{{"n", 0}, {"tag", "bench"}}, 12, state.range(0) != 0);
}
BENCHMARK(BM_PassChain)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("standard")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// 100 executions of Init + 10 JSONata Pass states + Succeed (12 transitions); the input has
// `range(0)` rows (~40 bytes each), also stored in a variable, so each expression's cost shows
// whether the input and the variables are copied per evaluation.
void BM_JsonataChain(benchmark::State& state) {
  Json rows = Json::array();
  for (int i = 0; i < state.range(0); ++i)
    rows.push_back({{"id", i}, {"name", "row-" + std::to_string(i)}});
  run_machine(state, jsonata_chain(10), Json{{"n", 0}, {"rows", rows}}, 12, false);
}
BENCHMARK(BM_JsonataChain)
    ->Arg(1)
    ->Arg(1000)
    ->ArgName("rows")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// 100 executions of an inline Map over 100 items (2 states per item).
void BM_Map100Items(benchmark::State& state) {
  Json items = Json::array();
  for (int i = 0; i < 100; ++i) items.push_back({{"id", i}});
  run_machine(state, map_of(static_cast<int>(state.range(0))), Json{{"items", items}}, 201, false);
}
BENCHMARK(BM_Map100Items)
    ->Arg(1)
    ->Arg(0)
    ->ArgName("concurrency")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
