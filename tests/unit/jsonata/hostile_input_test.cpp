// Hostile input (issue 9: "nothing crashes it, nothing hangs it"): values nested deeper than any
// JSON may be, regular expressions over long subjects or with catastrophic backtracking, and
// expressions that build without bound. Each must end in a JSONata error or a result, in bounded
// time and memory; none may crash the process.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "sfn/expr/jsonata/program.h"

namespace sfn::jsonata {
namespace {

struct Outcome {
  std::string code;  // empty on success
  std::string message;
  std::optional<Json> value;
};

Outcome run(std::string_view expr, const Json* input = nullptr, const Bindings& bindings = {},
            const Limits& limits = {}) {
  auto p = Program::compile(expr, {.step_functions_functions = true});
  if (!p) return {p.error().code, p.error().message, std::nullopt};
  auto r = p->evaluate(input, bindings, limits);
  if (!r) return {r.error().code, r.error().message, std::nullopt};
  return {"", "", *r};
}

// The default limits with time to spare: a sanitizer build on a busy machine runs these
// 100,000-iteration loops slowly, and the limit each test is about must come first.
Limits slow_machine(std::size_t max_memory = Limits{}.max_memory) {
  Limits limits;
  limits.timeout = std::chrono::minutes(2);
  limits.max_memory = max_memory;
  return limits;
}

// [[[...]]] nested `depth` deep, built without recursion.
Json nested_arrays(std::size_t depth) {
  Json doc = Json::array();
  Json* cur = &doc;
  for (std::size_t i = 1; i < depth; ++i) {
    cur->push_back(Json::array());
    cur = &(*cur)[0];
  }
  return doc;
}

// ---- deep values ----

TEST(JsonataHostile, ParseOfTextNestedTooDeeplyIsD3205NamingTheDepth) {
  // The finding: $parse of 100,000 nested arrays crashed the process with SIGSEGV.
  const Json text = std::string(100'000, '[') + std::string(100'000, ']');
  auto r = run("$parse($)", &text);
  EXPECT_EQ(r.code, "D3205");
  EXPECT_NE(r.message.find("nesting depth (100000)"), std::string::npos) << r.message;
}

TEST(JsonataHostile, ParseAtTheDepthLimitSucceeds) {
  const Json text = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  auto r = run("$count($parse($))", &text);
  EXPECT_EQ(r.code, "") << r.message;
}

TEST(JsonataHostile, InputNestedTooDeeplyIsAnErrorNotACrash) {
  // Every recursive walk of a value (conversion back to JSON, $string, =, **, flattening) meets
  // the 100,000-deep input; none may exhaust the stack.
  const Json doc = nested_arrays(100'000);
  for (const char* expr :
       {"$", "$string($)", "$[0] = $", "$count(**)", "*", "$.a", "$boolean($)"}) {
    auto r = run(expr, &doc);
    EXPECT_EQ(r.code, "U1004") << expr << ": " << r.message;
  }
}

TEST(JsonataHostile, ValuesBuiltPastTheDepthLimitAreAnErrorNotACrash) {
  // The finding: a tail-recursive function can nest a value 100,000 deep; converting it,
  // printing it, comparing it or merely freeing it recursed once per level.
  const std::string deep =
      "($deep := function($n, $acc){ $n = 0 ? $acc : $deep($n - 1, {'a': $acc}) }; ";
  const Limits limits = slow_machine();
  EXPECT_EQ(run(deep + "$deep(100000, {}))", nullptr, {}, limits).code, "U1004");
  auto freed = run(deep + "$count([$deep(100000, {})]))", nullptr, {}, limits);
  EXPECT_EQ(freed.code, "") << freed.message;
  EXPECT_EQ(freed.value, Json(1));
  // past the limit is enough for the other walks
  EXPECT_EQ(run(deep + "$string($deep(1500, {})))").code, "U1004");
  EXPECT_EQ(run(deep + "$deep(1500, {}) = $deep(1500, {}))").code, "U1004");
  EXPECT_EQ(run(deep + "$count($deep(1500, {}).**))").code, "U1004");
  // arrays built with [[...]] nest one level per call too
  EXPECT_EQ(run("($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, [[$acc]]) }; "
                "$f(1500, []))")
                .code,
            "U1004");
}

TEST(JsonataHostile, AValueAtTheDepthLimitComesBack) {
  auto r =
      run("($deep := function($n, $acc){ $n = 0 ? $acc : $deep($n - 1, {'a': $acc}) }; "
          "$deep(999, {}))");
  ASSERT_EQ(r.code, "") << r.message;
  EXPECT_EQ(json_value_depth(*r.value), kMaxJsonDepth);
}

TEST(JsonataHostile, FunctionChainedPastTheStackIsAnErrorNotACrash) {
  // f ~> g builds a function that calls f then g: 100,000 of them nest native calls.
  const std::string chain =
      "($chain := function($n, $f){ $n = 0 ? $f : $chain($n - 1, $f ~> $string) }; ";
  const Limits limits = slow_machine();
  EXPECT_EQ(run(chain + "$chain(100000, $string)('x'))", nullptr, {}, limits).code, "U1001");
  auto freed = run(chain + "$chain(100000, $string); 'freed')", nullptr, {}, limits);
  EXPECT_EQ(freed.code, "") << freed.message;
}

// ---- regular expressions ----

TEST(JsonataHostile, RegexOverALongSubjectDoesNotExhaustTheStack) {
  // The finding: std::regex recursed once per character and crashed with SIGSEGV.
  const Bindings b = {{"s", Json(std::string(100'000, 'a') + "b")}};
  auto check = [&](const std::string& expr, const Json& expected) {
    auto r = run(expr, nullptr, b, slow_machine());
    ASSERT_EQ(r.code, "") << expr << ": " << r.message;
    EXPECT_EQ(r.value, expected) << expr;
  };
  check("$contains($s, /a.*b/)", true);
  check("$match($s, /a.*b/).index", 0);
  check("$length($replace($s, /a.*b/, 'x'))", 1);
  check("$split($s, /a.*b/)", Json::array({"", ""}));
  // 100,000 matches: each search starts where the last ended, and the subject is not copied
  check("$count($match($s, /a/))", 100'000);
}

TEST(JsonataHostile, CatastrophicBacktrackingRunsInLinearTime) {
  // The finding: /(a+)+$/ against "aaa...a!" ran for hours.
  const auto start = std::chrono::steady_clock::now();
  auto r = run("$match($pad('', 36, 'a') & '!', /(a+)+$/)");
  EXPECT_EQ(r.code, "") << r.message;
  EXPECT_FALSE(r.value.has_value());
  auto r2 = run("$contains($pad('', 10000, 'a') & '!', /^(a|aa)+$/)");
  EXPECT_EQ(r2.value, Json(false));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

// ---- budgets ----

TEST(JsonataHostile, TailRecursiveLoopStopsAtTheMemoryBudget) {
  // The finding: a non-terminating tail-recursive loop held 1.1 GB (one frame per call)
  // before the step limit stopped it. A smaller budget than the default keeps the test quick
  // in a sanitizer build, where the time limit would otherwise come first.
  auto r = run("($f := function($n){ $f($n + 1) }; $f(0))", nullptr, {}, slow_machine(16 << 20));
  EXPECT_EQ(r.code, "U1003") << r.message;
  EXPECT_EQ(r.message,
            "Expression evaluation exceeded its memory budget (16 MiB): Check for values that "
            "grow without bound");
}

TEST(JsonataHostile, GrowingStringsStopAtTheMemoryBudget) {
  auto r = run(
      "($f := function($n, $s){ $n = 0 ? $length($s) : $f($n - 1, $s & $s) }; $f(26, 'xxxxxxxx'))");
  EXPECT_EQ(r.code, "U1003") << r.message;
}

TEST(JsonataHostile, GrowingSequencesStopAtTheMemoryBudget) {
  auto r = run("$count([1..2].[1..10000000])");
  EXPECT_EQ(r.code, "U1003") << r.message;
}

TEST(JsonataHostile, PaddingBeyondTheMemoryBudgetIsRefusedBeforeItIsBuilt) {
  auto r = run("$length($pad('', 2000000000))");
  EXPECT_EQ(r.code, "U1003") << r.message;
}

TEST(JsonataHostile, MemoryIsReturnedAsValuesAreFreed) {
  // 20 iterations that each build and drop 8 MB stay within a 32 MiB budget
  auto r =
      run("($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + $count([1..250000])) }; "
          "$f(20, 0))",
          nullptr, {}, slow_machine(32 << 20));
  EXPECT_EQ(r.code, "") << r.message;
  EXPECT_EQ(r.value, Json(5'000'000));
}

}  // namespace
}  // namespace sfn::jsonata
