// What data files can't express: limits that keep any input from crashing or hanging the
// process, number formatting at the Json boundary, key order, and concurrent evaluation.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "sfn/expr/jsonata/program.h"

namespace sfn::jsonata {
namespace {

std::string error_code(std::string_view expr, const Json* input = nullptr, Limits limits = {}) {
  auto p = Program::compile(expr);
  if (!p) return p.error().code;
  auto r = p->evaluate(input, {}, limits);
  return r ? "" : r.error().code;
}

TEST(JsonataLimits, DeeplyNestedExpressionIsASyntaxErrorNotACrash) {
  EXPECT_EQ(error_code(std::string(100000, '(')), "S0250");
  EXPECT_EQ(error_code(std::string(100000, '[')), "S0250");
  std::string minus(100000, '-');
  EXPECT_EQ(error_code(minus + "1"), "S0250");
}

TEST(JsonataLimits, RunawayRecursionStopsWithU1001) {
  EXPECT_EQ(error_code("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))"), "U1001");
}

TEST(JsonataLimits, TailRecursionRunsInConstantStack) {
  auto p = Program::compile(
      "($f := function($n, $acc){ $n = 0 ? $acc : $f($n - 1, $acc + 1) }; $f(20000, 0))");
  ASSERT_TRUE(p);
  auto r = p->evaluate(nullptr, {});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->value(), Json(20000));
}

TEST(JsonataLimits, NonTerminatingLoopTimesOut) {
  Limits limits;
  limits.timeout = std::chrono::milliseconds(200);
  EXPECT_EQ(error_code("($f := function(){ $f() }; $f())", nullptr, limits), "U1002");
}

TEST(JsonataLimits, DeeplyNestedInputIsFine) {
  Json doc = Json::array();
  Json* cur = &doc;
  for (int i = 0; i < 2000; ++i) {
    cur->push_back(Json::array());
    cur = &(*cur)[0];
  }
  auto p = Program::compile("$count($)");
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->evaluate(&doc, {}));
}

TEST(JsonataBoundary, IntegralNumbersComeBackAsIntegers) {
  auto p = Program::compile("[3, 3.5, 1e21, 0.1 + 0.2, 9007199254740993]");
  ASSERT_TRUE(p);
  auto r = p->evaluate(nullptr, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->value().dump(), "[3,3.5,1e+21,0.30000000000000004,9007199254740992]");
  EXPECT_TRUE(r->value()[0].is_number_integer());
}

TEST(JsonataBoundary, StringOfNumbersFollowsJavaScript) {
  auto p = Program::compile(
      "[$string(1e21), $string(0.000001), $string(1e-7), $string(100), $string(1/3)]");
  ASSERT_TRUE(p);
  auto r = p->evaluate(nullptr, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->value(), Json::parse(R"(["1e+21","0.000001","1e-7","100","0.333333333333333"])"));
}

TEST(JsonataBoundary, ObjectKeysKeepInsertionOrder) {
  Json input = Json::parse(R"({"z": 1, "a": 2, "m": 3})");
  auto p = Program::compile("$merge([$, {\"b\": 4}])");
  ASSERT_TRUE(p);
  auto r = p->evaluate(&input, {});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->value().dump(), R"({"z":1,"a":2,"m":3,"b":4})");
}

TEST(JsonataBoundary, BindingsAreVariables) {
  auto p = Program::compile("$x + $y.z");
  ASSERT_TRUE(p);
  auto r = p->evaluate(nullptr, {{"x", Json(1)}, {"y", Json::parse(R"({"z": 2})")}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->value(), Json(3));
}

TEST(JsonataBoundary, InputReadOrNotComesBackTheSame) {
  // parts of the input the expression never looks into come back exactly like the parts it reads
  Json input = Json::parse(
      R"({"a": 1.0, "b": [2.0, 2.5, 18446744073709551615, {"c": "s", "d": null}], "e": [true]})");
  auto p = Program::compile("[$, b[3].c, b, {'e': e, 'x': b[3]}]");
  ASSERT_TRUE(p);
  auto r = p->evaluate(&input, {{"v", input}});
  ASSERT_TRUE(r);
  const std::string doc =
      R"({"a":1,"b":[2,2.5,1.8446744073709552e+19,{"c":"s","d":null}],"e":[true]})";
  EXPECT_EQ(
      r->value().dump(),
      "[" + doc +
          R"(,"s",2,2.5,1.8446744073709552e+19,{"c":"s","d":null},{"e":[true],"x":{"c":"s","d":null}}])");
  auto q = Program::compile("($v.b[3].c; [$v, $v.e, $error($v.b[3])])");
  ASSERT_TRUE(q);
  auto e = q->evaluate(&input, {{"v", input}});
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, "T0410");  // carries an input object as its value
}

TEST(JsonataScopes, BlocksKeepTheirBindings) {
  // a block runs in its parent's frame only when nothing in it can bind: $eval binds in the
  // frame it is called from, so a block with a call keeps a frame of its own
  auto eval = [](std::string_view expr) -> std::string {
    auto p = Program::compile(expr);
    if (!p) return "compile error";
    auto r = p->evaluate(nullptr, {});
    if (!r) return r.error().code;
    return r->has_value() ? r->value().dump() : "undefined";
  };
  EXPECT_EQ(eval("($a := 1; ($a := 2); $a)"), "1");
  EXPECT_EQ(eval("($a := 1; ($a + 1; ($a := 3)); $a)"), "1");
  EXPECT_EQ(eval("($e := $eval; ($e('$x := 5')); $x)"), "undefined");
  EXPECT_EQ(eval("($e := $eval; $e('$x := 5'); $x)"), "5");
  EXPECT_EQ(eval("($a := 1; $f := function(){ ($a) }; ($a := 2; $f()))"), "1");
}

TEST(JsonataProgram, OneProgramEvaluatesConcurrently) {
  auto p = Program::compile("$sum(items.(price * qty))");
  ASSERT_TRUE(p);
  Json input = Json::parse(R"({"items": [{"price": 2, "qty": 3}, {"price": 1.5, "qty": 2}]})");
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        auto r = p->evaluate(&input, {});
        if (r && r->value() == Json(9)) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 800);
}

}  // namespace
}  // namespace sfn::jsonata
