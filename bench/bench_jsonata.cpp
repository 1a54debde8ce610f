// JSONata compile and evaluate times for typical Step Functions expressions.
#include <benchmark/benchmark.h>

#include "sfn/expr/jsonata/program.h"

namespace {

using sfn::Json;
using sfn::jsonata::Program;

Json make_items(int n) {
  Json items = Json::array();
  for (int i = 0; i < n; ++i) items.push_back({{"id", i}, {"price", 1.5 + i % 7}, {"qty", 1 + i % 3}, {"tag", "t" + std::to_string(i % 10)}});
  return Json{{"items", items}};
}

const char* const kExpressions[] = {
    "$sum(items.(price * qty))",
    "items[price > 5].id",
    "items^(>price).{ 'id': id, 'total': price * qty }",
    "items{tag: $sum(qty)}",
    "$map(items, function($i){ $i.price * 2 }) ~> $max()",
    "$states.input.customer.name & ' <' & $lowercase($states.input.customer.email) & '>'",
};

void BM_Compile(benchmark::State& state) {
  const char* expr = kExpressions[state.range(0)];
  for (auto _ : state) {
    auto p = Program::compile(expr);
    benchmark::DoNotOptimize(p);
  }
  state.SetLabel(expr);
}
BENCHMARK(BM_Compile)->DenseRange(0, 5);

void BM_Evaluate(benchmark::State& state) {
  const char* expr = kExpressions[state.range(0)];
  auto p = Program::compile(expr);
  Json input = make_items(static_cast<int>(state.range(1)));
  sfn::jsonata::Bindings bindings{{"states", Json::parse(R"({"input": {"customer": {"name": "Ann", "email": "ANN@EXAMPLE.COM"}}})")}};
  for (auto _ : state) {
    auto r = p->evaluate(&input, bindings);
    benchmark::DoNotOptimize(r);
  }
  state.SetLabel(expr);
}
BENCHMARK(BM_Evaluate)->ArgsProduct({{0, 1, 2, 3, 4, 5}, {1000}})->Unit(benchmark::kMicrosecond);

// The figure the issue asks for: a compiled $sum(items.(price * qty)) over 1,000 items.
void BM_SumOver1000Items(benchmark::State& state) {
  auto p = Program::compile("$sum(items.(price * qty))");
  Json input = make_items(1000);
  for (auto _ : state) {
    auto r = p->evaluate(&input, {});
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_SumOver1000Items)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
