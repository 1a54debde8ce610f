// JSONata tokenizer: expression text -> tokens (names, variables, operators, literals, regexes).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sfn::jsonata {

enum class TokenType { End, Name, Variable, Operator, String, Number, Value, Regex };

struct RegexLiteral {
  std::string pattern;
  std::string flags;
};

struct Token {
  TokenType type = TokenType::End;
  std::string
      value;  // operator text, name, variable name (no $), string value, "true"/"false"/"null"
  double number = 0;
  std::shared_ptr<RegexLiteral> regex;
  std::size_t position = 0;  // offset just after the token, as jsonata-js reports it
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}
  // `prefix` is true in infix position, where a '/' is division; elsewhere it starts a regex.
  std::optional<Token> next(bool prefix);

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

bool is_operator_char(char c);
int binding_power(std::string_view op);

}  // namespace sfn::jsonata
