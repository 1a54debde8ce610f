// What an expression can read while it is evaluated: the effective input `$`, the context object
// `$$`, and the workflow variables `$name`; in a JSONata state also `$states`. Everything is
// referenced, never copied.
#pragma once

#include <string_view>

#include "sfn/common/json.h"

namespace sfn::expr {

// Builds the context object on first use. The engine's context object holds a copy of the whole
// execution input, and most expressions never read $$, so it is built only when one does.
class ContextSource {
 public:
  virtual const Json& context() const = 0;

 protected:
  ~ContextSource() = default;
};

// $$ as an expression sees it: a Json that already exists, or a source that builds it. Only
// readers of $$ call get(), so the others never force the build.
class ContextRef {
 public:
  // Implicit on purpose: callers that hold a ready $$ (tests, Map item selection) pass the Json.
  ContextRef(const Json& json) : json_(&json) {}
  ContextRef(const Json&& json) = delete;  // it would dangle
  ContextRef(const ContextSource& source) : source_(&source) {}

  const Json& get() const { return json_ ? *json_ : source_->context(); }

 private:
  const Json* json_ = nullptr;
  const ContextSource* source_ = nullptr;
};

// The members of JSONata's reserved $states variable other than context (which is
// EvalContext::context); absent ones are nullptr.
struct StatesVariable {
  const Json* input = nullptr;
  const Json* result = nullptr;
  const Json* error_output = nullptr;
};

struct EvalContext {
  const Json& input;
  ContextRef context;
  const Json* variables = nullptr;  // object of variable name -> value; nullptr = none in scope
  // The field being evaluated, for error causes ("value.$", "ErrorPath", ...). May be empty.
  std::string_view field = {};
  const StatesVariable* states = nullptr;  // JSONata states only
};

}  // namespace sfn::expr
