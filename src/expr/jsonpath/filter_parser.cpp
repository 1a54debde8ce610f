// Filter grammar:
//   or      := and ("||" and)*
//   and     := unary ("&&" unary)*
//   unary   := "!" unary | "(" or ")" | operand (op operand)?
//   op      := "==" | "!=" | "<" | "<=" | ">" | ">=" | "=~" | "in" | "nin"
//   operand := "@"path | "$"path | 'str' | "str" | number | true | false | null | [list] | /re/i
#include <cctype>

#include "expr/jsonpath/filter.h"
#include "expr/jsonpath/parser.h"

namespace sfn::jsonpath::detail {
namespace {

using ExprPtr = std::shared_ptr<const FilterExpr>;

ExprPtr parse_or(Cursor& c);

Json parse_scalar_literal(Cursor& c) {
  if (c.peek() == '\'' || c.peek() == '"') return Json(c.quoted());
  if (c.consume("true")) return Json(true);
  if (c.consume("false")) return Json(false);
  if (c.consume("null")) return Json(nullptr);
  std::string num;
  while (!c.at_end() &&
         (std::isdigit(static_cast<unsigned char>(c.peek())) || c.peek() == '-' ||
          c.peek() == '+' || c.peek() == '.' || c.peek() == 'e' || c.peek() == 'E')) {
    num += c.next();
  }
  Json value = parse_json_or_discarded(num);
  if (num.empty() || value.is_discarded() || !value.is_number()) c.fail("expected a value");
  return value;
}

Operand parse_operand(Cursor& c) {
  c.skip_spaces();
  Operand operand;
  if (c.peek() == '@' || c.peek() == '$') {
    operand.path = parse_path(c, /*in_filter=*/true);
  } else if (c.peek() == '[') {
    c.next();
    operand.literal = Json::array();
    c.skip_spaces();
    while (c.peek() != ']') {
      operand.literal.push_back(parse_scalar_literal(c));
      c.skip_spaces();
      if (c.peek() == ',') {
        c.next();
        c.skip_spaces();
      } else if (c.peek() != ']') {
        c.fail("expected ',' or ']'");
      }
    }
    c.next();
  } else if (c.peek() == '/') {
    c.next();
    std::string pattern;
    while (!c.at_end() && c.peek() != '/') {
      char ch = c.next();
      if (ch == '\\' && !c.at_end()) pattern += ch, ch = c.next();
      pattern += ch;
    }
    c.expect('/');
    RegexFlags flags;
    while (std::isalpha(static_cast<unsigned char>(c.peek()))) {
      if (c.next() == 'i') flags.ignore_case = true;
    }
    auto re = LinearRegex::compile(pattern, flags);
    if (!re && re.error().kind == RegexError::Kind::kSyntax)
      c.fail("invalid regular expression /" + pattern + "/: " + re.error().message);
    if (!re) {
      c.fail("unsupported regular expression /" + pattern + "/: it uses " + re.error().message +
             " (regular expressions run in linear time, without backtracking)");
    }
    operand.regex = std::make_shared<const LinearRegex>(std::move(*re));
  } else {
    operand.literal = parse_scalar_literal(c);
  }
  return operand;
}

std::optional<FilterOp> parse_operator(Cursor& c) {
  c.skip_spaces();
  if (c.consume("==")) return FilterOp::kEq;
  if (c.consume("!=")) return FilterOp::kNe;
  if (c.consume("<=")) return FilterOp::kLe;
  if (c.consume(">=")) return FilterOp::kGe;
  if (c.consume("<")) return FilterOp::kLt;
  if (c.consume(">")) return FilterOp::kGt;
  if (c.consume("=~")) return FilterOp::kRegex;
  if (c.consume("nin ")) return FilterOp::kNin;
  if (c.consume("in ")) return FilterOp::kIn;
  return std::nullopt;
}

ExprPtr parse_unary(Cursor& c) {
  Cursor::Nesting nesting(c);
  nesting.enter();
  c.skip_spaces();
  auto expr = std::make_shared<FilterExpr>();
  if (c.peek() == '!' && c.peek(1) != '=') {
    c.next();
    expr->op = FilterOp::kNot;
    expr->children.push_back(parse_unary(c));
    return expr;
  }
  if (c.peek() == '(') {
    c.next();
    ExprPtr inner = parse_or(c);
    c.skip_spaces();
    c.expect(')');
    return inner;
  }
  expr->left = parse_operand(c);
  if (auto op = parse_operator(c)) {
    expr->op = *op;
    expr->right = parse_operand(c);
    if (*op == FilterOp::kRegex && !expr->right.regex) c.fail("expected a /regular expression/");
  } else {
    expr->op = FilterOp::kExists;
  }
  return expr;
}

ExprPtr parse_and(Cursor& c) {
  Cursor::Nesting nesting(c);  // each && adds a level above the left operand
  ExprPtr left = parse_unary(c);
  for (;;) {
    c.skip_spaces();
    if (!c.consume("&&")) return left;
    nesting.enter();
    auto node = std::make_shared<FilterExpr>();
    node->op = FilterOp::kAnd;
    node->children = {left, parse_unary(c)};
    left = node;
  }
}

ExprPtr parse_or(Cursor& c) {
  Cursor::Nesting nesting(c);  // each || adds a level above the left operand
  ExprPtr left = parse_and(c);
  for (;;) {
    c.skip_spaces();
    if (!c.consume("||")) return left;
    nesting.enter();
    auto node = std::make_shared<FilterExpr>();
    node->op = FilterOp::kOr;
    node->children = {left, parse_and(c)};
    left = node;
  }
}

}  // namespace

std::shared_ptr<const FilterExpr> parse_filter(Cursor& cursor) { return parse_or(cursor); }

}  // namespace sfn::jsonpath::detail
