// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/datetime.js, the number-to-words tables, formatInteger(), parseInteger().
#include "expr/jsonata/integer_picture.h"

#include <cmath>
#include <map>
#include <numeric>

#include "expr/jsonata/datetime.h"
#include "expr/jsonata/error.h"
#include "expr/jsonata/utf8.h"
#include "sfn/common/ascii.h"

namespace sfn::jsonata {
namespace {

constexpr char32_t kDecimalGroups[] = {
    0x30,   0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6,
    0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0,
    0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620,
    0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10};

const char* const kFew[] = {"Zero",    "One",     "Two",       "Three",    "Four",
                            "Five",    "Six",     "Seven",     "Eight",    "Nine",
                            "Ten",     "Eleven",  "Twelve",    "Thirteen", "Fourteen",
                            "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"};
const char* const kOrdinals[] = {
    "Zeroth",     "First",     "Second",    "Third",       "Fourth",     "Fifth",     "Sixth",
    "Seventh",    "Eighth",    "Ninth",     "Tenth",       "Eleventh",   "Twelfth",   "Thirteenth",
    "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"};
const char* const kDecades[] = {"Twenty",  "Thirty", "Forty",  "Fifty",  "Sixty",
                                "Seventy", "Eighty", "Ninety", "Hundred"};
const char* const kMagnitudes[] = {"Thousand", "Million", "Billion", "Trillion"};

std::string words(double num, bool prev, bool ord) {
  std::string w;
  if (num <= 19) {
    w = std::string(prev ? " and " : "") +
        (ord ? kOrdinals[static_cast<int>(num)] : kFew[static_cast<int>(num)]);
  } else if (num < 100) {
    int tens = static_cast<int>(num / 10);
    int rem = static_cast<int>(std::fmod(num, 10));
    w = std::string(prev ? " and " : "") + kDecades[tens - 2];
    if (rem > 0) {
      w += "-" + words(rem, false, ord);
    } else if (ord) {
      w = w.substr(0, w.size() - 1) + "ieth";
    }
  } else if (num < 1000) {
    int hundreds = static_cast<int>(num / 100);
    double rem = std::fmod(num, 100);
    w = std::string(prev ? ", " : "") + kFew[hundreds] + " Hundred";
    if (rem > 0) {
      w += words(rem, true, ord);
    } else if (ord) {
      w += "th";
    }
  } else {
    int mag = static_cast<int>(std::floor(std::log10(num) / 3));
    if (mag > 4) mag = 4;
    double factor = std::pow(10, mag * 3);
    double mant = std::floor(num / factor);
    double rem = num - mant * factor;
    w = std::string(prev ? ", " : "") + words(mant, false, false) + " " + kMagnitudes[mag - 1];
    if (rem > 0) {
      w += words(rem, true, ord);
    } else if (ord) {
      w += "th";
    }
  }
  return w;
}

std::string to_roman(double value) {
  static const std::pair<int, const char*> kRoman[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
      {40, "xl"},  {10, "x"},   {9, "ix"},  {5, "v"},    {4, "iv"},  {1, "i"}};
  std::string out;
  auto v = static_cast<long long>(value);
  for (const auto& [n, s] : kRoman) {
    while (v >= n) {
      out += s;
      v -= n;
    }
  }
  return out;
}

std::string to_letters(double value, char a) {
  std::string out;
  auto v = static_cast<long long>(value);
  while (v > 0) {
    out.insert(out.begin(), static_cast<char>((v - 1) % 26 + a));
    v = (v - 1) / 26;
  }
  return out;
}

const std::map<std::string, double>& word_values() {
  static const std::map<std::string, double> table = [] {
    std::map<std::string, double> t;
    for (int i = 0; i < 20; ++i) {
      t[ascii_lower(kFew[i])] = i;
      t[ascii_lower(kOrdinals[i])] = i;
    }
    for (int i = 0; i < 9; ++i) {
      std::string l = ascii_lower(kDecades[i]);
      t[l] = (i + 2) * 10;
      t[l.substr(0, l.size() - 1) + "ieth"] = (i + 2) * 10;
    }
    t["hundredth"] = 100;
    for (int i = 0; i < 4; ++i) {
      std::string l = ascii_lower(kMagnitudes[i]);
      t[l] = std::pow(10, (i + 1) * 3);
      t[l + "th"] = std::pow(10, (i + 1) * 3);
    }
    return t;
  }();
  return table;
}

}  // namespace

IntegerFormat analyse_integer_picture(const std::string& picture) {
  IntegerFormat f;
  std::string primary = picture;
  auto semicolon = picture.rfind(';');
  if (semicolon != std::string::npos) {
    primary = picture.substr(0, semicolon);
    std::string modifier = picture.substr(semicolon + 1);
    if (!modifier.empty() && modifier[0] == 'o') f.ordinal = true;
  }
  if (primary == "A") {
    f.tcase = IntegerFormat::Case::Upper;
    f.primary = IntegerFormat::Primary::Letters;
  } else if (primary == "a") {
    f.primary = IntegerFormat::Primary::Letters;
  } else if (primary == "I") {
    f.tcase = IntegerFormat::Case::Upper;
    f.primary = IntegerFormat::Primary::Roman;
  } else if (primary == "i") {
    f.primary = IntegerFormat::Primary::Roman;
  } else if (primary == "W") {
    f.tcase = IntegerFormat::Case::Upper;
    f.primary = IntegerFormat::Primary::Words;
  } else if (primary == "Ww") {
    f.tcase = IntegerFormat::Case::Title;
    f.primary = IntegerFormat::Primary::Words;
  } else if (primary == "w") {
    f.primary = IntegerFormat::Primary::Words;
  } else {
    std::optional<char32_t> zero;
    int mandatory = 0, optional = 0, sep_pos = 0;
    std::vector<IntegerFormat::Separator> seps;
    std::u32string cps = to_u32(primary);
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) {
      char32_t cp = *it;
      bool digit = false;
      for (char32_t g : kDecimalGroups) {
        if (cp >= g && cp <= g + 9) {
          digit = true;
          ++mandatory;
          ++sep_pos;
          if (!zero)
            zero = g;
          else if (*zero != g)
            throw_error("D3131");
          break;
        }
      }
      if (!digit) {
        if (cp == U'#') {
          ++sep_pos;
          ++optional;
        } else {
          seps.push_back({sep_pos, cp});
        }
      }
    }
    if (mandatory > 0) {
      f.primary = IntegerFormat::Primary::Decimal;
      f.zero_code = *zero;
      f.mandatory_digits = mandatory;
      f.optional_digits = optional;
      bool regular = !seps.empty();
      for (const auto& s : seps) regular = regular && s.character == seps[0].character;
      if (regular) {
        int factor = 0;
        for (const auto& s : seps) factor = std::gcd(factor, s.position);
        for (std::size_t i = 1; i <= seps.size() && regular; ++i) {
          bool found = false;
          for (const auto& s : seps) found = found || s.position == static_cast<int>(i) * factor;
          regular = found;
        }
        // A separator only at the end ("01-") has position 0, so no grouping interval.
        if (regular && factor > 0) {
          f.regular = true;
          f.separators = {{factor, seps[0].character}};
        }
      }
      if (!f.regular) f.separators = seps;
    } else {
      f.primary = IntegerFormat::Primary::Sequence;
      f.token = primary;
    }
  }
  return f;
}

std::string format_integer_with(double value, IntegerFormat f) {
  bool negative = value < 0;
  value = std::fabs(value);
  std::string out;
  switch (f.primary) {
    case IntegerFormat::Primary::Letters:
      out = to_letters(value, f.tcase == IntegerFormat::Case::Upper ? 'A' : 'a');
      break;
    case IntegerFormat::Primary::Roman:
      out = to_roman(value);
      if (f.tcase == IntegerFormat::Case::Upper) out = ascii_upper(out);
      break;
    case IntegerFormat::Primary::Words:
      out = words(value, false, f.ordinal);
      if (f.tcase == IntegerFormat::Case::Upper)
        out = ascii_upper(out);
      else if (f.tcase == IntegerFormat::Case::Lower)
        out = ascii_lower(out);
      break;
    case IntegerFormat::Primary::Decimal: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.0f", value);
      std::u32string digits = to_u32(buf);
      if (static_cast<int>(digits.size()) < f.mandatory_digits) {
        // a picture's width modifier can ask for gigabytes: refused before it is built
        MemoryBudget::require((static_cast<std::size_t>(f.mandatory_digits) - digits.size()) * 8);
        digits.insert(0, static_cast<std::size_t>(f.mandatory_digits) - digits.size(), U'0');
      }
      if (f.zero_code != U'0') {
        for (auto& c : digits) c = c + f.zero_code - U'0';
      }
      if (f.regular) {
        int interval = f.separators[0].position;
        int n = (static_cast<int>(digits.size()) - 1) / interval;
        for (int ii = n; ii > 0; --ii) {
          std::size_t pos = digits.size() - static_cast<std::size_t>(ii * interval);
          digits.insert(pos, 1, f.separators[0].character);
        }
      } else {
        for (auto it = f.separators.rbegin(); it != f.separators.rend(); ++it) {
          long pos = static_cast<long>(digits.size()) - it->position;
          if (pos < 0) pos = 0;
          digits.insert(static_cast<std::size_t>(pos), 1, it->character);
        }
      }
      out = to_utf8(digits);
      if (f.ordinal) {
        char last = out.empty() ? '0' : out.back();
        const char* suffix = last == '1' ? "st" : last == '2' ? "nd" : last == '3' ? "rd" : "th";
        if (out.size() > 1 && out[out.size() - 2] == '1') suffix = "th";
        out += suffix;
      }
      break;
    }
    case IntegerFormat::Primary::Sequence:
      throw_error("D3130", {}, {}, Value::string(f.token));
  }
  return negative ? "-" + out : out;
}

std::string integer_regex(const IntegerFormat& f, bool fixed_width) {
  bool upper = f.tcase == IntegerFormat::Case::Upper;
  switch (f.primary) {
    case IntegerFormat::Primary::Letters:
      return upper ? "[A-Z]+" : "[a-z]+";
    case IntegerFormat::Primary::Roman:
      return upper ? "[MDCLXVI]+" : "[mdclxvi]+";
    case IntegerFormat::Primary::Words: {
      std::string re = "(?:";
      for (const auto& [w, v] : word_values()) re += w + "|";
      return re + "and|[\\-, ])+";
    }
    case IntegerFormat::Primary::Decimal: {
      std::string re = fixed_width ? "[0-9]{" + std::to_string(f.mandatory_digits) + "}" : "[0-9]+";
      if (f.ordinal) re += "(?:th|st|nd|rd)";
      return re;
    }
    case IntegerFormat::Primary::Sequence:
      throw_error("D3130", {}, {}, Value::string(f.token));
  }
  return "";
}

std::optional<double> parse_integer_with(const std::string& text, const IntegerFormat& f) {
  switch (f.primary) {
    case IntegerFormat::Primary::Letters: {
      double d = 0;
      char a = f.tcase == IntegerFormat::Case::Upper ? 'A' : 'a';
      for (std::size_t i = 0; i < text.size(); ++i)
        d += (text[text.size() - i - 1] - a + 1) * std::pow(26, i);
      return d;
    }
    case IntegerFormat::Primary::Roman: {
      std::string r = ascii_upper(text);
      double decimal = 0, max = 1;
      for (auto it = r.rbegin(); it != r.rend(); ++it) {
        double v = *it == 'M'   ? 1000
                   : *it == 'D' ? 500
                   : *it == 'C' ? 100
                   : *it == 'L' ? 50
                   : *it == 'X' ? 10
                   : *it == 'V' ? 5
                   : *it == 'I' ? 1
                                : 0;
        if (v < max) {
          decimal -= v;
        } else {
          max = v;
          decimal += v;
        }
      }
      return decimal;
    }
    case IntegerFormat::Primary::Words: {
      std::string t = ascii_lower(text);
      std::vector<std::string> parts;
      std::string cur;
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.compare(i, 2, ", ") == 0) {
          parts.push_back(cur);
          cur.clear();
          ++i;
          continue;
        }
        if (t.compare(i, 5, " and ") == 0) {
          parts.push_back(cur);
          cur.clear();
          i += 4;
          continue;
        }
        if (t[i] == ' ' || t[i] == '-') {
          parts.push_back(cur);
          cur.clear();
          continue;
        }
        cur += t[i];
      }
      parts.push_back(cur);
      std::vector<double> segs{0};
      for (const auto& p : parts) {
        auto it = word_values().find(p);
        double value = it == word_values().end() ? NAN : it->second;
        if (value < 100) {
          double top = segs.back();
          segs.pop_back();
          if (top >= 1000) {
            segs.push_back(top);
            top = 0;
          }
          segs.push_back(top + value);
        } else {
          double top = segs.back();
          segs.pop_back();
          segs.push_back(top * value);
        }
      }
      double sum = 0;
      for (double s : segs) sum += s;
      return sum;
    }
    case IntegerFormat::Primary::Decimal: {
      std::u32string digits = to_u32(text);
      if (f.ordinal && digits.size() >= 2) digits.resize(digits.size() - 2);
      std::u32string clean;
      for (char32_t c : digits) {
        bool sep = false;
        if (f.regular)
          sep = c == U',';
        else
          for (const auto& s : f.separators) sep = sep || s.character == c;
        if (f.regular && !f.separators.empty()) sep = sep || c == f.separators[0].character;
        if (!sep) clean += c - f.zero_code + U'0';
      }
      std::string ascii = to_utf8(clean);
      if (ascii.empty() || !std::isdigit(static_cast<unsigned char>(ascii[0]))) return std::nullopt;
      return std::strtod(ascii.c_str(), nullptr);
    }
    case IntegerFormat::Primary::Sequence:
      throw_error("D3130", {}, {}, Value::string(f.token));
  }
  return std::nullopt;
}

std::string format_integer(double value, const std::string& picture) {
  return format_integer_with(std::floor(value), analyse_integer_picture(picture));
}

std::optional<double> parse_integer(const std::string& value, const std::string& picture) {
  return parse_integer_with(value, analyse_integer_picture(picture));
}

}  // namespace sfn::jsonata
