// Parsing JSON with many keys and validating large definitions (issue 9: a 20,000-state
// definition cost 2 s of CPU on an I/O thread; nlohmann's DOM parser inserts each key of an
// ordered object with a linear search).
#include <benchmark/benchmark.h>

#include <string>

#include "sfn/asl/parse/parse_definition.h"
#include "sfn/common/json.h"

namespace {

// A chain of `n` Pass states: {"StartAt":"S0","States":{"S0":{...,"Next":"S1"},...}}.
std::string chain_definition(int n) {
  std::string text = R"({"StartAt":"S0","States":{)";
  for (int i = 0; i < n; ++i) {
    if (i) text += ",";
    text += "\"S" + std::to_string(i) + "\":{\"Type\":\"Pass\",";
    text += i + 1 < n ? "\"Next\":\"S" + std::to_string(i + 1) + "\"}" : "\"End\":true}";
  }
  return text + "}}";
}

std::string object_with_keys(int n) {
  std::string text = "{";
  for (int i = 0; i < n; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  return text + "}";
}

void BM_ParseDefinition(benchmark::State& state) {
  const std::string text = chain_definition(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto parsed = sfn::asl::parse_definition(text);
    if (!parsed.machine) state.SkipWithError("the definition does not parse");
    benchmark::DoNotOptimize(parsed);
  }
  state.SetLabel(std::to_string(text.size() / 1024) + " KiB");
}
BENCHMARK(BM_ParseDefinition)->Arg(1000)->Arg(20000)->Unit(benchmark::kMillisecond);

void BM_ParseObjectWithManyKeys(benchmark::State& state) {
  const std::string text = object_with_keys(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(sfn::parse_json_or_discarded(text));
  state.SetLabel(std::to_string(text.size() / 1024) + " KiB");
}
BENCHMARK(BM_ParseObjectWithManyKeys)->Arg(20000)->Arg(150000)->Unit(benchmark::kMillisecond);

// nlohmann's own DOM parser on the same text, for comparison.
void BM_NlohmannParseObjectWithManyKeys(benchmark::State& state) {
  const std::string text = object_with_keys(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(sfn::Json::parse(text));
}
BENCHMARK(BM_NlohmannParseObjectWithManyKeys)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
