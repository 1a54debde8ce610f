// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/parser.js, tokenizer().
// Follows jsonata-js parser.js tokenizer(): same operators, escapes, number syntax and errors.
#include "expr/jsonata/tokenizer.h"

#include <cmath>
#include <cstdlib>

#include "expr/jsonata/error.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {
namespace {

struct OpEntry {
  std::string_view op;
  int bp;
};
constexpr OpEntry kOperators[] = {
    {".", 75},   {"[", 80},  {"]", 0},   {"{", 70},  {"}", 0},   {"(", 80},  {")", 0},   {",", 0},
    {"@", 80},   {"#", 80},  {";", 80},  {":", 80},  {"?", 20},  {"+", 50},  {"-", 50},  {"*", 60},
    {"/", 60},   {"%", 60},  {"|", 20},  {"=", 40},  {"<", 40},  {">", 40},  {"^", 40},  {"**", 60},
    {"..", 20},  {":=", 10}, {"!=", 40}, {"<=", 40}, {">=", 40}, {"~>", 40}, {"?:", 40}, {"??", 40},
    {"and", 30}, {"or", 25}, {"in", 40}, {"&", 50},  {"!", 0},   {"~", 0},
};

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

int binding_power(std::string_view op) {
  for (const auto& e : kOperators) {
    if (e.op == op) return e.bp;
  }
  return -1;
}

bool is_operator_char(char c) {
  switch (c) {
    case '.':
    case '[':
    case ']':
    case '{':
    case '}':
    case '(':
    case ')':
    case ',':
    case '@':
    case '#':
    case ';':
    case ':':
    case '?':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '|':
    case '=':
    case '<':
    case '>':
    case '^':
    case '&':
    case '!':
    case '~':
      return true;
    default:
      return false;
  }
}

std::optional<Token> Tokenizer::next(bool prefix) {
  auto make = [&](TokenType type, std::string value) {
    Token t;
    t.type = type;
    t.value = std::move(value);
    t.position = pos_;
    return t;
  };
  const std::size_t n = text_.size();
  if (pos_ >= n) return std::nullopt;
  char c = text_[pos_];
  while (pos_ < n && is_ws(c)) {
    ++pos_;
    if (pos_ >= n) return std::nullopt;
    c = text_[pos_];
  }
  // comments
  if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '*') {
    std::size_t start = pos_;
    pos_ += 2;
    auto end = text_.find("*/", pos_);
    if (end == std::string_view::npos) {
      pos_ = start;
      throw_error("S0106", start);
    }
    pos_ = end + 2;
    return next(prefix);
  }
  // regex
  if (!prefix && c == '/') {
    ++pos_;
    std::size_t start = pos_;
    int depth = 0;
    bool found = false;
    while (pos_ < n) {
      char ch = text_[pos_];
      if (ch == '/' && depth == 0) {
        // count preceding backslashes
        std::size_t bs = 0;
        for (std::size_t k = pos_; k > start && text_[k - 1] == '\\'; --k) ++bs;
        if (bs % 2 == 0) {
          found = true;
          break;
        }
      } else if (ch == '(' || ch == '[' || ch == '{') {
        std::size_t bs = 0;
        for (std::size_t k = pos_; k > start && text_[k - 1] == '\\'; --k) ++bs;
        if (bs % 2 == 0) ++depth;
      } else if (ch == ')' || ch == ']' || ch == '}') {
        std::size_t bs = 0;
        for (std::size_t k = pos_; k > start && text_[k - 1] == '\\'; --k) ++bs;
        if (bs % 2 == 0) --depth;
      }
      ++pos_;
    }
    if (!found) throw_error("S0302", pos_);
    std::string pattern(text_.substr(start, pos_ - start));
    if (pattern.empty()) throw_error("S0301", pos_);
    ++pos_;
    std::string flags;
    while (pos_ < n && (text_[pos_] == 'i' || text_[pos_] == 'm')) flags += text_[pos_++];
    Token t = make(TokenType::Regex, pattern);
    t.regex = std::make_shared<RegexLiteral>(RegexLiteral{pattern, flags});
    return t;
  }
  auto two = [&](std::string_view op) { return text_.substr(pos_, 2) == op; };
  for (std::string_view op : {"..", ":=", "!=", ">=", "<=", "**", "~>"}) {
    if (two(op)) {
      pos_ += 2;
      return make(TokenType::Operator, std::string(op));
    }
  }
  if (is_operator_char(c)) {
    ++pos_;
    return make(TokenType::Operator, std::string(1, c));
  }
  // string literals
  if (c == '"' || c == '\'') {
    char quote = c;
    ++pos_;
    std::string qstr;
    while (pos_ < n) {
      char ch = text_[pos_];
      if (ch == '\\') {
        ++pos_;
        if (pos_ >= n) break;
        ch = text_[pos_];
        switch (ch) {
          case '"':
            qstr += '"';
            break;
          case '\\':
            qstr += '\\';
            break;
          case '/':
            qstr += '/';
            break;
          case 'b':
            qstr += '\b';
            break;
          case 'f':
            qstr += '\f';
            break;
          case 'n':
            qstr += '\n';
            break;
          case 'r':
            qstr += '\r';
            break;
          case 't':
            qstr += '\t';
            break;
          case 'u': {
            auto hex4 = [&](std::size_t at, unsigned& out) {
              if (at + 4 > n) return false;
              out = 0;
              for (std::size_t k = 0; k < 4; ++k) {
                char h = text_[at + k];
                out <<= 4;
                if (h >= '0' && h <= '9')
                  out |= h - '0';
                else if (h >= 'a' && h <= 'f')
                  out |= h - 'a' + 10;
                else if (h >= 'A' && h <= 'F')
                  out |= h - 'A' + 10;
                else
                  return false;
              }
              return true;
            };
            unsigned cp;
            if (!hex4(pos_ + 1, cp)) throw_error("S0104", pos_);
            pos_ += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 6 < n + 1 &&
                text_.substr(pos_ + 1, 2) == "\\u") {
              unsigned lo;
              if (hex4(pos_ + 3, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                pos_ += 6;
              }
            }
            append_utf8(qstr, cp);
            break;
          }
          default:
            throw_error("S0103", pos_, std::string(1, ch));
        }
      } else if (ch == quote) {
        ++pos_;
        return make(TokenType::String, std::move(qstr));
      } else {
        qstr += ch;
      }
      ++pos_;
    }
    throw_error("S0101", pos_);
  }
  // numbers: -?(0|[1-9][0-9]*)(\.[0-9]+)?([Ee][-+]?[0-9]+)?
  if (c >= '0' && c <= '9') {
    std::size_t p = pos_;
    if (text_[p] == '0') {
      ++p;
    } else {
      while (p < n && text_[p] >= '0' && text_[p] <= '9') ++p;
    }
    if (p + 1 < n && text_[p] == '.' && text_[p + 1] >= '0' && text_[p + 1] <= '9') {
      ++p;
      while (p < n && text_[p] >= '0' && text_[p] <= '9') ++p;
    }
    if (p < n && (text_[p] == 'e' || text_[p] == 'E')) {
      std::size_t q = p + 1;
      if (q < n && (text_[q] == '+' || text_[q] == '-')) ++q;
      if (q < n && text_[q] >= '0' && text_[q] <= '9') {
        while (q < n && text_[q] >= '0' && text_[q] <= '9') ++q;
        p = q;
      }
    }
    std::string num(text_.substr(pos_, p - pos_));
    double d = std::strtod(num.c_str(), nullptr);
    if (!std::isfinite(d)) throw_error("S0102", pos_, num);
    pos_ = p;
    Token t = make(TokenType::Number, num);
    t.number = d;
    return t;
  }
  // quoted names
  if (c == '`') {
    ++pos_;
    auto end = text_.find('`', pos_);
    if (end == std::string_view::npos) {
      pos_ = n;
      throw_error("S0105", pos_);
    }
    std::string name(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return make(TokenType::Name, std::move(name));
  }
  // names and variables
  std::size_t i = pos_;
  while (i < n && !is_ws(text_[i]) && !is_operator_char(text_[i])) ++i;
  if (text_[pos_] == '$') {
    std::string name(text_.substr(pos_ + 1, i - pos_ - 1));
    pos_ = i;
    return make(TokenType::Variable, std::move(name));
  }
  std::string name(text_.substr(pos_, i - pos_));
  pos_ = i;
  if (name == "and" || name == "or" || name == "in") return make(TokenType::Operator, name);
  if (name == "true" || name == "false" || name == "null") return make(TokenType::Value, name);
  if (name.empty()) {
    // an unknown character: consume it as an operator the parser will reject
    ++pos_;
    return make(TokenType::Operator, std::string(1, c));
  }
  return make(TokenType::Name, std::move(name));
}

}  // namespace sfn::jsonata
