// A read position over path or filter text, with the small helpers both parsers share.
#pragma once

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace sfn::jsonpath::detail {

// Thrown only inside the parsers and turned into an error value at the public boundary.
struct ParseError {
  std::string message;
};

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  char next() { return text_[pos_++]; }
  std::size_t pos() const { return pos_; }
  std::string_view text() const { return text_; }
  bool starts_with(std::string_view s) const { return text_.substr(pos_).starts_with(s); }
  bool consume(std::string_view s) {
    if (!starts_with(s)) return false;
    pos_ += s.size();
    return true;
  }
  void skip_spaces() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) ++pos_;
  }
  [[noreturn]] void fail(const std::string& what) const {
    throw ParseError{what + " at position " + std::to_string(pos_)};
  }
  // The recursive-descent parsers' guard against deep nesting ("((((", "!!!!", filters within
  // filters, long && / || chains, which evaluation walks recursively): each level enters once,
  // and past kMaxNesting the text is refused instead of overflowing the stack.
  static constexpr int kMaxNesting = 200;
  static constexpr int kMaxFilters = 32;
  class Nesting {
   public:
    explicit Nesting(Cursor& c) : c_(c) {}
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
    ~Nesting() {
      c_.depth_ -= levels_;
      c_.filters_ -= filters_;
    }
    void enter() {
      ++levels_;
      if (++c_.depth_ > kMaxNesting)
        c_.fail("filter nested more than " + std::to_string(kMaxNesting) + " levels deep");
    }
    // A filter within a filter ("[?(@[?(@[?(...)])])]") takes a path, a bracket and a filter's
    // frames per level: those have their own, smaller limit.
    void enter_filter() {
      enter();
      ++filters_;
      if (++c_.filters_ > kMaxFilters) c_.fail("filters nested too deeply");
    }

   private:
    Cursor& c_;
    int levels_ = 0;
    int filters_ = 0;
  };

  void expect(char c) {
    if (peek() != c || at_end()) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  // A quoted string ('...' or "...") with the cursor on the quote. As in AWS's JSONPath, a
  // backslash escapes only the quote character (and itself before the quote); any other
  // backslash is kept: $['a\"b'] names the key a\"b.
  std::string quoted() {
    char quote = next();
    std::string out;
    while (!at_end() && peek() != quote) {
      char c = next();
      if (c == '\\' && (peek() == quote || (peek() == '\\' && peek(1) == quote))) {
        out += next();
        continue;
      }
      out += c;
    }
    if (at_end()) fail("unterminated string");
    ++pos_;
    return out;
  }

  // An optionally signed integer.
  bool integer(long long& value) {
    std::size_t start = pos_;
    if (peek() == '-' || peek() == '+') ++pos_;
    if (!std::isdigit(static_cast<unsigned char>(peek()))) {
      pos_ = start;
      return false;
    }
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
    try {
      value = std::stoll(std::string(text_.substr(start, pos_ - start)));
    } catch (...) {
      pos_ = start;
      fail("integer out of range");
    }
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  int filters_ = 0;
};

}  // namespace sfn::jsonpath::detail
