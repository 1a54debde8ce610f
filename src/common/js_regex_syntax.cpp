// ECMAScript 2020, 21.2 "RegExp (Regular Expression) Objects", with Annex B.1.4 "Regular
// Expressions Patterns" (what a RegExp without the u flag accepts), rewritten for RE2. Literals
// are written as \x{...} (js_regex_charsets.h).
#include "common/js_regex_syntax.h"

#include <optional>
#include <utility>
#include <vector>

#include "common/js_regex_charsets.h"

namespace sfn::detail {
namespace {

// RE2 refuses a repetition count above 1000 (it would unroll the program).
constexpr std::size_t kMaxRepeat = 1000;

struct Failure {
  RegexError error;
};

// One element of a character class: a code point, or a class escape (\d, \s, ...).
struct ClassAtom {
  char32_t code_point = 0;
  std::string escape;         // \d \D \w \W, as RE2 writes them
  std::vector<Range> ranges;  // \s \S
  bool is_class() const { return !escape.empty() || !ranges.empty(); }
};

class Translator {
 public:
  explicit Translator(std::u32string pattern) : p_(std::move(pattern)) {}

  std::string run() {
    count_groups();
    while (!at_end()) {
      const char32_t c = p_[i_++];
      switch (c) {
        case '\\':
          atom_escape();
          break;
        case '.':
          out_ += kDot;
          break;
        case '^':
        case '$':
        case '|':
        case '*':
        case '+':
        case '?':
          out_ += static_cast<char>(c);
          break;
        case '(':
          group();
          break;
        case ')':
          if (depth_ == 0) syntax("Unmatched ')'");
          --depth_;
          out_ += ')';
          break;
        case '[':
          char_class();
          break;
        case '{':
          brace();
          break;
        default:
          append_code_point(out_, c);
          break;
      }
    }
    if (depth_ > 0) syntax("Unterminated group");
    return out_;
  }

 private:
  bool at_end() const { return i_ >= p_.size(); }
  char32_t peek(std::size_t ahead = 0) const { return i_ + ahead < p_.size() ? p_[i_ + ahead] : 0; }

  [[noreturn]] static void syntax(std::string message) {
    throw Failure{{RegexError::Kind::kSyntax, std::move(message)}};
  }
  [[noreturn]] static void unsupported(std::string message) {
    throw Failure{{RegexError::Kind::kUnsupported, std::move(message)}};
  }

  // How many capturing groups the whole pattern has: \N is a backreference only up to that.
  void count_groups() {
    bool in_class = false;
    for (std::size_t k = 0; k < p_.size(); ++k) {
      const char32_t c = p_[k];
      if (c == '\\') {
        ++k;
      } else if (in_class) {
        in_class = c != ']';
      } else if (c == '[') {
        in_class = true;
      } else if (c == '(') {
        const char32_t n1 = k + 1 < p_.size() ? p_[k + 1] : 0;
        const char32_t n2 = k + 2 < p_.size() ? p_[k + 2] : 0;
        const char32_t n3 = k + 3 < p_.size() ? p_[k + 3] : 0;
        if (n1 != '?') {
          ++groups_;
        } else if (n2 == '<' && n3 != '=' && n3 != '!') {
          ++groups_;
          named_groups_ = true;
        }
      }
    }
  }

  // After "\": a CharacterEscape (Annex B) standing for one code point. `in_class`: inside [...],
  // where \c also takes digits and _.
  char32_t char_escape(bool in_class) {
    const char32_t c = p_[i_++];
    switch (c) {
      case 't':
        return 0x09;
      case 'n':
        return 0x0A;
      case 'v':
        return 0x0B;
      case 'f':
        return 0x0C;
      case 'r':
        return 0x0D;
      case 'c': {
        const char32_t l = peek();
        if (is_letter(l) || (in_class && (is_digit(l) || l == '_'))) {
          ++i_;
          return l % 32;
        }
        --i_;  // "\c" that is no control escape is a backslash, then a c
        return '\\';
      }
      case 'x':
        if (hex_value(peek()) >= 0 && hex_value(peek(1)) >= 0) {
          const char32_t v = static_cast<char32_t>(hex_value(peek()) * 16 + hex_value(peek(1)));
          i_ += 2;
          return v;
        }
        return 'x';
      case 'u':
        return unicode_escape();
      default:
        if (is_octal(c)) return legacy_octal(c);
        return c;  // identity escape, \8 and \9 included
    }
  }

  static bool is_high_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
  static bool is_low_surrogate(char32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

  std::optional<char32_t> hex4(std::size_t at) const {
    char32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const int h = hex_value(peek(at + k));
      if (h < 0) return std::nullopt;
      v = v * 16 + static_cast<char32_t>(h);
    }
    return v;
  }

  // After "\u": four hex digits, and a following \uXXXX low surrogate makes a pair.
  char32_t unicode_escape() {
    auto v = hex4(0);
    if (!v) return 'u';
    i_ += 4;
    if (is_high_surrogate(*v) && peek() == '\\' && peek(1) == 'u') {
      auto low = hex4(2);
      if (low && is_low_surrogate(*low)) {
        i_ += 6;
        return 0x10000 + ((*v - 0xD800) << 10) + (*low - 0xDC00);
      }
    }
    return *v;
  }

  // LegacyOctalEscapeSequence: the first digit is already read.
  char32_t legacy_octal(char32_t first) {
    char32_t v = first - '0';
    if (is_octal(peek())) {
      v = v * 8 + (p_[i_++] - '0');
      if (first <= '3' && is_octal(peek())) v = v * 8 + (p_[i_++] - '0');
    }
    return v;
  }

  void append_literal(char32_t c) {
    if (c >= kFirstSurrogate && c <= kLastSurrogate) {
      out_ += kNothing;  // a lone surrogate never occurs in UTF-8 text
    } else {
      append_code_point(out_, c);
    }
  }

  void atom_escape() {
    if (at_end()) syntax("\\ at end of pattern");
    const char32_t c = peek();
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'b':
      case 'B':
        ++i_;
        out_ += '\\';
        out_ += static_cast<char>(c);
        return;
      case 's':
        ++i_;
        out_ += character_class(whitespace(), false);
        return;
      case 'S':
        ++i_;
        out_ += character_class(whitespace(), true);
        return;
      case 'k':
        if (named_groups_) unsupported("a backreference (\\k<...>)");
        break;
      default:
        if (c >= '1' && c <= '9') {
          std::size_t n = 0, end = i_;
          while (end < p_.size() && is_digit(p_[end]) && n <= groups_)
            n = n * 10 + (p_[end++] - '0');
          if (n <= groups_) {
            std::string digits;
            for (std::size_t k = i_; k < end; ++k) digits += static_cast<char>(p_[k]);
            unsupported("a backreference (\\" + digits + ")");
          }
        }
        break;
    }
    append_literal(char_escape(false));
  }

  void group() {
    if (peek() != '?') {
      ++depth_;
      out_ += '(';
      return;
    }
    const char32_t n1 = peek(1);
    if (n1 == ':') {
      i_ += 2;
      ++depth_;
      out_ += "(?:";
      return;
    }
    if (n1 == '=' || n1 == '!')
      unsupported(std::string("a lookahead (?") + static_cast<char>(n1) + ")");
    if (n1 == '<') {
      const char32_t n2 = peek(2);
      if (n2 == '=' || n2 == '!')
        unsupported(std::string("a lookbehind (?<") + static_cast<char>(n2) + ")");
      // a named group: JSONata reports groups by number, so the name is dropped
      std::size_t k = i_ + 2;
      while (k < p_.size() && p_[k] != '>') {
        const char32_t c = p_[k];
        if (!(is_letter(c) || is_digit(c) || c == '_' || c == '$' || c >= 0x80)) break;
        ++k;
      }
      if (k == i_ + 2 || k >= p_.size() || p_[k] != '>' || is_digit(p_[i_ + 2]))
        syntax("Invalid capture group name");
      i_ = k + 1;
      ++depth_;
      out_ += '(';
      return;
    }
    syntax("Invalid group");
  }

  // "{": a quantifier {n}, {n,} or {n,m}, or else (Annex B) a literal brace.
  void brace() {
    std::size_t k = i_;
    auto number = [&](std::size_t& value) {
      const std::size_t start = k;
      value = 0;
      while (k < p_.size() && is_digit(p_[k])) {
        if (value <= kMaxRepeat) value = value * 10 + (p_[k] - '0');
        ++k;
      }
      return k > start;
    };
    std::size_t min = 0, max = 0;
    bool bounded = true;
    if (!number(min)) return append_code_point(out_, '{');
    if (k < p_.size() && p_[k] == ',') {
      ++k;
      bounded = number(max);
    } else {
      max = min;
    }
    if (k >= p_.size() || p_[k] != '}') return append_code_point(out_, '{');
    if (bounded && max < min) syntax("numbers out of order in {} quantifier");
    if (min > kMaxRepeat || (bounded && max > kMaxRepeat))
      unsupported("a repetition count above 1000");
    out_ += '{' + std::to_string(min);
    if (bounded && max != min) out_ += ',' + std::to_string(max);
    if (!bounded) out_ += ',';
    out_ += '}';
    i_ = k + 1;
  }

  ClassAtom class_atom() {
    ClassAtom atom;
    const char32_t c = p_[i_++];
    if (c != '\\') {
      atom.code_point = c;
      return atom;
    }
    if (at_end()) syntax("\\ at end of pattern");
    const char32_t e = peek();
    switch (e) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
        ++i_;
        atom.escape = std::string("\\") + static_cast<char>(e);
        return atom;
      case 's':
        ++i_;
        atom.ranges = whitespace();
        return atom;
      case 'S':
        ++i_;
        atom.ranges = non_whitespace();
        return atom;
      case 'b':
        ++i_;
        atom.code_point = 0x08;
        return atom;
      default:
        atom.code_point = char_escape(true);
        return atom;
    }
  }

  static void add(const ClassAtom& atom, std::vector<Range>& ranges, std::string& escapes) {
    escapes += atom.escape;
    for (const auto& [first, last] : atom.ranges) add_range(ranges, first, last);
    if (!atom.is_class()) add_range(ranges, atom.code_point, atom.code_point);
  }

  void char_class() {
    const bool negated = peek() == '^';
    if (negated) ++i_;
    std::vector<Range> ranges;
    std::string escapes;
    while (true) {
      if (at_end()) syntax("Unterminated character class");
      if (peek() == ']') {
        ++i_;
        break;
      }
      ClassAtom first = class_atom();
      if (peek() == '-' && i_ + 1 < p_.size() && peek(1) != ']') {
        ++i_;
        ClassAtom last = class_atom();
        if (first.is_class() || last.is_class()) {  // Annex B: [\d-z] is \d, '-' and z
          add(first, ranges, escapes);
          add_range(ranges, '-', '-');
          add(last, ranges, escapes);
          continue;
        }
        if (first.code_point > last.code_point) syntax("Range out of order in character class");
        add_range(ranges, first.code_point, last.code_point);
        continue;
      }
      add(first, ranges, escapes);
    }
    if (ranges.empty() && escapes.empty()) {
      out_ += negated ? kAnything : kNothing;
      return;
    }
    out_ += negated ? "[^" : "[";
    out_ += escapes;
    append_ranges(out_, ranges);
    out_ += ']';
  }

  std::u32string p_;
  std::size_t i_ = 0;
  std::string out_;
  std::size_t depth_ = 0;
  std::size_t groups_ = 0;
  bool named_groups_ = false;
};

}  // namespace

tl::expected<std::string, RegexError> js_regex_to_re2(std::string_view pattern) {
  try {
    return Translator(decode_utf8(pattern)).run();
  } catch (const Failure& f) {
    return tl::unexpected(f.error);
  }
}

}  // namespace sfn::detail
