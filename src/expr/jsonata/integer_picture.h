// fn:format-integer pictures (jsonata-js datetime.js analyseIntegerPicture/_formatInteger).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace sfn::jsonata {

struct IntegerFormat {
  enum class Primary { Decimal, Letters, Roman, Words, Sequence };
  enum class Case { Upper, Lower, Title };
  Primary primary = Primary::Decimal;
  Case tcase = Case::Lower;
  bool ordinal = false;
  char32_t zero_code = U'0';
  int mandatory_digits = 0;
  int optional_digits = 0;
  bool regular = false;
  struct Separator {
    int position;
    char32_t character;
  };
  std::vector<Separator> separators;  // regular: one entry (position = interval)
  std::string token;
};

IntegerFormat analyse_integer_picture(const std::string& picture);
std::string format_integer_with(double value, IntegerFormat format);
// The regex matching a formatted integer, and its parser.
std::string integer_regex(const IntegerFormat& f, bool fixed_width);
std::optional<double> parse_integer_with(const std::string& text, const IntegerFormat& f);

}  // namespace sfn::jsonata
