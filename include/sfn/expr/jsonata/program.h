// A compiled JSONata 2.0.6 program. Compiled once; evaluate() is const and thread-safe, with
// all mutable state in a per-evaluation frame.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::jsonata {

struct Error {
  std::string code;     // JSONata error code, e.g. "T2001", "D3001", "S0201"
  std::string message;  // message text as jsonata-js words it (without the code)
  std::optional<std::size_t> position;
  std::string token;
  std::optional<Json> value;  // the offending value where jsonata-js reports one
};

struct Limits {
  std::size_t max_depth = 1000;        // guards runaway recursion in user lambdas
  std::size_t max_steps = 50'000'000;  // guards non-terminating expressions
  std::chrono::milliseconds timeout{10'000};
  // guards values, strings, sequences and frames that grow without bound (U1003); the suite's
  // [1..10000000] needs 320 MB
  std::size_t max_memory = std::size_t{512} << 20;
};

// Variable bindings visible as $name in the expression (name without the '$').
using Bindings = std::map<std::string, Json, std::less<>>;

// The same, by reference: nothing is copied, so every Json must outlive evaluate(). A binding
// without `value` is an object of `members` in their order (Step Functions' $states).
struct BindingRef {
  std::string_view name;
  const Json* value = nullptr;
  std::vector<std::pair<std::string_view, const Json*>> members;
};
using BindingRefs = std::vector<BindingRef>;

struct CompileOptions {
  // Enables the AWS Step Functions function set ($partition, $range, $hash, $random, $uuid,
  // $parse) and rejects $eval as AWS does. A result that is a function is then an error with
  // code kUnsupportedResultType (Step Functions fields hold JSON values only).
  bool step_functions_functions = false;
};

inline constexpr std::string_view kUnsupportedResultType = "UnsupportedResultType";

class ProgramImpl;

class Program {
 public:
  static tl::expected<Program, Error> compile(std::string_view text, CompileOptions options = {});

  // `input` is the document bound to `$` (nullptr = no input, i.e. undefined).
  // Returns nullopt when the result is undefined.
  tl::expected<std::optional<Json>, Error> evaluate(const Json* input, const Bindings& bindings,
                                                    const Limits& limits = {}) const;
  // The same with bindings by reference (what Step Functions states use: no copies).
  tl::expected<std::optional<Json>, Error> evaluate_refs(const Json* input,
                                                         const BindingRefs& bindings,
                                                         const Limits& limits = {}) const;

 private:
  std::shared_ptr<const ProgramImpl> impl_;
};

}  // namespace sfn::jsonata
