// "A Choice Rule MUST have a Variable field and exactly one comparison operator, or be a
// Boolean expression (And, Or, Not) over nested Choice Rules." Compile-time dispatch from the
// rule object to one compiled rule per operator family; evaluation is const.
#include <array>

#include "expr/choice/rule_impl.h"

namespace sfn::choice {

namespace detail {

namespace {

// Guards deeply nested And/Or/Not (the compiler recurses once per level).
constexpr int kMaxRuleDepth = 64;

struct OpName {
  std::string_view suffix;
  Op op;
};
constexpr std::array<OpName, 5> kOps = {{{"Equals", Op::kEquals},
                                         {"LessThan", Op::kLessThan},
                                         {"GreaterThan", Op::kGreaterThan},
                                         {"LessThanEquals", Op::kLessThanEquals},
                                         {"GreaterThanEquals", Op::kGreaterThanEquals}}};

constexpr std::array<std::string_view, 6> kTypeTests = {"IsNull",   "IsPresent", "IsNumeric",
                                                        "IsString", "IsBoolean", "IsTimestamp"};

// Resolves an operator field name to its family/op; false when `key` is not an operator.
bool operator_of(std::string_view key, const Family*& family, Op& op, bool& is_path) {
  for (const Family* f :
       {&string_family(), &numeric_family(), &boolean_family(), &timestamp_family()}) {
    if (key.substr(0, f->prefix.size()) != f->prefix) continue;
    std::string_view rest = key.substr(f->prefix.size());
    is_path = rest.size() > 4 && rest.substr(rest.size() - 4) == "Path";
    if (is_path) rest = rest.substr(0, rest.size() - 4);
    for (const auto& o : kOps) {
      if (rest != o.suffix) continue;
      if (!f->has_ordering && o.op != Op::kEquals) return false;
      family = f;
      op = o.op;
      return true;
    }
  }
  return false;
}

bool is_operator(std::string_view key) {
  const Family* f;
  Op op;
  bool is_path;
  if (operator_of(key, f, op, is_path)) return true;
  if (key == "StringMatches") return true;
  for (auto t : kTypeTests) {
    if (key == t) return true;
  }
  return false;
}

std::string at(const std::string& location, std::string_view key) {
  return location + "/" + std::string(key);
}

RulePtr compile_boolean(const Json& rule, std::string_view key, const std::string& location,
                        Diags& diags, int depth) {
  const Json& operand = rule.at(std::string(key));
  if (key == "Not") {
    if (!operand.is_object()) {
      diags.push_back({at(location, key), "The value for the field 'Not' must be a OBJECT"});
      return nullptr;
    }
    auto inner = compile_rule(operand, false, at(location, key), diags, depth + 1);
    return inner ? make_not(std::move(inner)) : nullptr;
  }
  if (!operand.is_array() || operand.empty()) {
    diags.push_back({at(location, key), "The value for the field '" + std::string(key) +
                                            "' must be a non-empty ARRAY"});
    return nullptr;
  }
  std::vector<RulePtr> operands;
  bool ok = true;
  for (std::size_t i = 0; i < operand.size(); ++i) {
    const std::string loc = at(location, key) + "/" + std::to_string(i);
    if (!operand[i].is_object()) {
      diags.push_back({loc, "The value for the field '" + std::string(key) + "' must be a OBJECT"});
      ok = false;
      continue;
    }
    auto r = compile_rule(operand[i], false, loc, diags, depth + 1);
    if (!r) ok = false;
    operands.push_back(std::move(r));
  }
  if (!ok) return nullptr;
  return key == "And" ? make_and(std::move(operands)) : make_or(std::move(operands));
}

}  // namespace

RulePtr compile_rule(const Json& rule, bool top_level, const std::string& location, Diags& diags,
                     int depth) {
  if (depth > kMaxRuleDepth) {
    diags.push_back({location, "The Choice Rule is too deeply nested"});
    return nullptr;
  }
  std::vector<std::string> operators;
  std::vector<std::string> booleans;
  bool has_variable = false;
  for (auto it = rule.begin(); it != rule.end(); ++it) {
    const std::string& key = it.key();
    if (key == "Variable") {
      has_variable = true;
    } else if (key == "And" || key == "Or" || key == "Not") {
      booleans.push_back(key);
    } else if (is_operator(key)) {
      operators.push_back(key);
    } else if (key == "Comment") {
      // allowed everywhere
    } else if (top_level &&
               (key == "Next" || key == "Assign" || key == "Output" || key == "Condition")) {
      // read by the Choice state
    } else {
      diags.push_back({location, "Field '" + key + "' is not supported"});
    }
  }
  const std::size_t kinds = operators.size() + booleans.size();
  if (kinds == 0) {
    diags.push_back({location,
                     "The Choice Rule must contain exactly one comparison operator or one of "
                     "the fields And, Or, Not"});
    return nullptr;
  }
  if (kinds > 1) {
    std::string list;
    for (const auto& k : booleans) list += (list.empty() ? "" : ", ") + k;
    for (const auto& k : operators) list += (list.empty() ? "" : ", ") + k;
    diags.push_back({location, "There should only be one of the following fields: [" + list + "]"});
    return nullptr;
  }
  if (!booleans.empty()) {
    if (has_variable) diags.push_back({location, "Field 'Variable' is not supported"});
    return compile_boolean(rule, booleans.front(), location, diags, depth);
  }
  if (!has_variable) {
    diags.push_back({location, "These fields are required: [Variable]"});
    return nullptr;
  }
  auto variable = compile_path(rule.at("Variable"), "Variable", at(location, "Variable"), diags);
  if (!variable) return nullptr;
  const std::string& key = operators.front();
  const Json& operand = rule.at(key);
  const std::string loc = at(location, key);
  if (key == "StringMatches") return make_string_matches(std::move(*variable), operand, loc, diags);
  for (auto t : kTypeTests) {
    if (key == t) return make_type_test(key, std::move(*variable), operand, loc, diags);
  }
  const Family* family = nullptr;
  Op op = Op::kEquals;
  bool is_path = false;
  operator_of(key, family, op, is_path);
  return make_comparison(*family, op, std::move(*variable), operand, is_path, loc, diags);
}

}  // namespace detail

tl::expected<Rule, std::vector<payload::Diagnostic>> Rule::compile(const Json& rule,
                                                                   bool top_level) {
  detail::Diags diags;
  if (!rule.is_object()) {
    diags.push_back({"", "The Choice Rule must be a OBJECT"});
    return tl::unexpected(std::move(diags));
  }
  auto impl = detail::compile_rule(rule, top_level, "", diags, 0);
  if (!impl || !diags.empty()) {
    if (diags.empty()) diags.push_back({"", "Invalid Choice Rule"});
    return tl::unexpected(std::move(diags));
  }
  Rule out;
  out.impl_ = std::move(impl);
  return out;
}

Result<bool> Rule::evaluate(const expr::EvalContext& ctx) const {
  if (!impl_) return states_error("States.Runtime", "The choice rule was not compiled");
  return impl_->evaluate(ctx);
}

}  // namespace sfn::choice
