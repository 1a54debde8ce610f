// Shared field types of the ASL model: paths with AWS's null semantics, values that may be a
// literal / a path / a JSONata expression, retriers and catchers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sfn/common/json.h"
#include "sfn/expr/intrinsics/call.h"
#include "sfn/expr/jsonata/program.h"
#include "sfn/expr/jsonpath/path.h"
#include "sfn/expr/payload/payload_template.h"

namespace sfn::asl {

enum class QueryLanguage { kJsonPath, kJsonata };

// InputPath / OutputPath / ResultPath. Absent = default ("$"); JSON null has a special meaning
// (InputPath/OutputPath null: {} ; ResultPath null: discard the result, keep the input).
struct PathField {
  enum class Kind { kDefault, kNull, kPath };
  Kind kind = Kind::kDefault;
  std::optional<jsonpath::Path> path;
};

// A JSONata expression in a "{% ... %}" string, compiled at definition time.
struct JsonataExpr {
  std::string text;  // without the {% %} delimiters
  jsonata::Program program;
  bool reads_context = true;  // payload::reads_states_context(text): else $$ is not built for it
};

// A number/timestamp field that can be a literal, a JSONPath (`...Path` field) or JSONata.
struct DynamicValue {
  std::optional<Json> literal;
  std::optional<jsonpath::Path> path;
  std::optional<JsonataExpr> jsonata;
  // ErrorPath / CausePath may also hold an intrinsic function call (States.Format(...)).
  std::optional<intrinsics::Call> intrinsic;

  bool present() const { return literal || path || jsonata || intrinsic; }
};

enum class JitterStrategy { kNone, kFull };

struct Retrier {
  std::vector<std::string> error_equals;
  double interval_seconds = 1;
  std::int64_t max_attempts = 3;
  double backoff_rate = 2.0;
  std::optional<std::int64_t> max_delay_seconds;
  JitterStrategy jitter = JitterStrategy::kNone;
};

struct Catcher {
  std::vector<std::string> error_equals;
  std::string next;
  PathField result_path;                           // JSONPath mode
  std::optional<payload::PayloadTemplate> output;  // JSONata mode
  std::optional<payload::PayloadTemplate> assign;
};

}  // namespace sfn::asl
