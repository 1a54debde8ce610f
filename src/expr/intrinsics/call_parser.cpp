// Intrinsic call grammar (Amazon States Language, "Intrinsic functions"):
//   call    := "States." name "(" [arg ("," arg)*] ")"
//   arg     := call | path | 'string' | number | true | false | null
//   path    := "$" ... (input), "$$" ... (context object), "$name" ... (variable)
// String literals use single quotes; \' \{ \} \\ are escapes.
#include <cctype>

#include "expr/intrinsics/call_node.h"

namespace sfn::intrinsics {
namespace {

// "You can nest up to 10 intrinsic functions within a field" (AWS documentation).
constexpr int kMaxNesting = 10;

struct Failure {
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, const IntrinsicRegistry& registry)
      : text_(text), registry_(registry) {}

  CallNode parse() {
    skip_spaces();
    CallNode node = call(1);
    skip_spaces();
    if (pos_ != text_.size()) fail("unexpected text after the closing parenthesis");
    return node;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Failure{"Invalid intrinsic function call '" + std::string(text_) + "': " + what +
                  " (at position " + std::to_string(pos_) + ")"};
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= text_.size(); }
  void skip_spaces() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++pos_;
  }
  bool starts_with(std::string_view s) const { return text_.substr(pos_).starts_with(s); }

  CallNode call(int depth) {
    if (depth > kMaxNesting) fail("intrinsic functions can be nested at most 10 deep");
    std::size_t start = pos_;
    while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.')) ++pos_;
    std::string name(text_.substr(start, pos_ - start));
    CallNode node;
    node.kind = CallNode::Kind::kCall;
    node.function = registry_.find(name);
    if (!node.function) {
      pos_ = start;
      fail("unknown function '" + name + "'");
    }
    skip_spaces();
    if (peek() != '(') fail("expected '(' after " + name);
    ++pos_;
    skip_spaces();
    if (peek() != ')') {
      for (;;) {
        skip_spaces();
        node.args.push_back(argument(depth));
        skip_spaces();
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        if (peek() == ')') break;
        fail("expected ',' or ')'");
      }
    }
    ++pos_;
    check_arguments(node);
    return node;
  }

  void check_arguments(const CallNode& node) {
    const FunctionSpec& f = *node.function;
    const std::size_t n = node.args.size();
    if (n < f.min_args || (f.max_args && n > *f.max_args)) {
      std::string expected = std::to_string(f.min_args);
      if (!f.max_args)
        expected = "at least " + expected;
      else if (*f.max_args != f.min_args)
        expected += " to " + std::to_string(*f.max_args);
      fail(f.name + " expects " + expected + " argument(s) but got " + std::to_string(n));
    }
    for (std::size_t i = 0; i < n; ++i) {
      const CallNode& arg = node.args[i];
      ArgType type = f.type_of(i);
      if (arg.kind == CallNode::Kind::kLiteral && !has_type(arg.literal, type)) {
        fail("argument " + std::to_string(i + 1) + " of " + f.name + " must be of type " +
             type_name(type));
      }
    }
  }

  CallNode argument(int depth) {
    CallNode node;
    if (starts_with("States.")) return call(depth + 1);
    if (peek() == '$') {
      node.kind = CallNode::Kind::kPath;
      std::string text = path_text();
      auto path = jsonpath::Path::parse(text);
      if (!path) fail(path.error());
      node.path = std::move(*path);
      return node;
    }
    if (peek() == '\'') {
      node.literal = string_literal(node.raw);
      return node;
    }
    for (std::string_view word : {"true", "false", "null"}) {
      if (starts_with(word)) {
        pos_ += word.size();
        node.literal = Json::parse(word);
        return node;
      }
    }
    std::size_t start = pos_;
    while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '-' ||
                         peek() == '+' || peek() == '.' || peek() == 'e' || peek() == 'E')) {
      ++pos_;
    }
    Json number = parse_json_or_discarded(text_.substr(start, pos_ - start));
    if (start == pos_ || number.is_discarded() || !number.is_number()) {
      pos_ = start;
      fail(
          "expected an argument (a function call, a path, a 'string', a number, true, false "
          "or null)");
    }
    node.literal = std::move(number);
    return node;
  }

  // A path runs to the next ',' or ')' that is outside brackets and quotes.
  std::string path_text() {
    std::size_t start = pos_;
    int brackets = 0, parens = 0;
    char quote = 0;
    for (; !at_end(); ++pos_) {
      char c = peek();
      if (quote) {
        if (c == '\\')
          ++pos_;
        else if (c == quote)
          quote = 0;
        continue;
      }
      if (brackets > 0 && (c == '\'' || c == '"'))
        quote = c;
      else if (c == '[')
        ++brackets;
      else if (c == ']')
        --brackets;
      else if (c == '(' && brackets > 0)
        ++parens;
      else if (c == ')' && parens > 0)
        --parens;
      else if (brackets == 0 && (c == ',' || c == ')'))
        break;
    }
    std::string text(text_.substr(start, pos_ - start));
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    return text;
  }

  std::string string_literal(std::string& raw) {
    ++pos_;  // opening quote
    std::string value;
    std::size_t start = pos_;
    for (;;) {
      if (at_end()) fail("unterminated string literal");
      char c = text_[pos_++];
      if (c == '\'') break;
      if (c == '\\') {
        if (at_end()) fail("unterminated string literal");
        value += text_[pos_++];
        continue;
      }
      value += c;
    }
    raw = std::string(text_.substr(start, pos_ - 1 - start));
    return value;
  }

  std::string_view text_;
  const IntrinsicRegistry& registry_;
  std::size_t pos_ = 0;
};

}  // namespace

tl::expected<CallNode, std::string> parse_call(std::string_view text,
                                               const IntrinsicRegistry& registry) {
  try {
    return Parser(text, registry).parse();
  } catch (const Failure& f) {
    return tl::unexpected(f.message);
  }
}

}  // namespace sfn::intrinsics
