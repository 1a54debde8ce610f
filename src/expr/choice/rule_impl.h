// Internals of compiled Choice Rules: the evaluation interface, operand resolution with AWS's
// missing-path error, and one factory per operator family (one file each).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sfn/expr/choice/rule.h"
#include "sfn/expr/jsonpath/path.h"

namespace sfn::choice {

class RuleImpl {
 public:
  virtual ~RuleImpl() = default;
  virtual Result<bool> evaluate(const expr::EvalContext& ctx) const = 0;
};

namespace detail {

using Diags = std::vector<payload::Diagnostic>;
using RulePtr = std::shared_ptr<const RuleImpl>;

// The node `path` selects ($ input, $$ context, $name variable); nullopt when it selects nothing;
// States.Runtime when the path selects more than its evaluation budget allows.
Result<std::optional<Json>> resolve(const jsonpath::Path& path, const expr::EvalContext& ctx);
// Like resolve, but a missing node is States.Runtime with AWS's cause:
// "Invalid path '$.x': The choice state's condition path references an invalid value."
Result<Json> resolve_required(const jsonpath::Path& path, const expr::EvalContext& ctx);

// Compiles a path-valued field (Variable, ...Path operands); reports at `location`.
std::optional<jsonpath::Path> compile_path(const Json& value, std::string_view field,
                                           const std::string& location, Diags& diags);

enum class Op { kEquals, kLessThan, kGreaterThan, kLessThanEquals, kGreaterThanEquals };

// How one operator family compares: `compare` returns nullopt when either side has the wrong
// type (the comparison is then false, not an error).
struct Family {
  std::string_view prefix;                                   // "String", "Numeric", ...
  bool (*literal_ok)(const Json& literal);                   // checked at compile time
  std::string_view literal_type;                             // for the diagnostic
  std::optional<int> (*compare)(const Json& a, const Json& b);
  bool has_ordering;                                         // false for Boolean
};

const Family& string_family();
const Family& numeric_family();
const Family& boolean_family();
const Family& timestamp_family();

// <Family><Op>[Path]: Variable compared with a literal or with the value at another path.
RulePtr make_comparison(const Family& family, Op op, jsonpath::Path variable, const Json& operand,
                        bool operand_is_path, const std::string& location, Diags& diags);

// IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp.
RulePtr make_type_test(std::string_view op, jsonpath::Path variable, const Json& operand,
                       const std::string& location, Diags& diags);

// StringMatches with '*' wildcards ("\*" is a literal star, "\\" a literal backslash).
RulePtr make_string_matches(jsonpath::Path variable, const Json& operand,
                            const std::string& location, Diags& diags);

// And / Or over compiled operands, Not over one.
RulePtr make_and(std::vector<RulePtr> operands);
RulePtr make_or(std::vector<RulePtr> operands);
RulePtr make_not(RulePtr operand);

// Compiles one rule object (top level or nested); nullptr after reporting diagnostics.
RulePtr compile_rule(const Json& rule, bool top_level, const std::string& location, Diags& diags,
                     int depth);

}  // namespace detail
}  // namespace sfn::choice
