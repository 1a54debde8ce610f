// ISO 8601 conversions and civil-date arithmetic shared by the date/time functions.
#include "expr/jsonata/datetime.h"

#include <cmath>
#include <cstdio>
#include <regex>

#include "expr/jsonata/civil_time.h"
#include "expr/jsonata/error.h"

namespace sfn::jsonata {

std::optional<double> parse_iso8601(const std::string& ts) {
  static const std::regex re(
      R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$)");
  std::smatch m;
  if (!std::regex_match(ts, m, re)) return std::nullopt;
  int y = std::stoi(m[1].str());
  int mo = m[2].matched ? std::stoi(m[2].str()) : 1;
  int d = m[3].matched ? std::stoi(m[3].str()) : 1;
  int h = m[4].matched ? std::stoi(m[4].str()) : 0;
  int mi = m[5].matched ? std::stoi(m[5].str()) : 0;
  int s = m[6].matched ? std::stoi(m[6].str()) : 0;
  double frac = 0;
  if (m[7].matched) frac = std::stod("0." + m[7].str());
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return std::nullopt;
  double offset_min = 0;
  if (m[8].matched && m[8].str() != "Z") {
    std::string tz = m[8].str();
    int sign = tz[0] == '-' ? -1 : 1;
    std::string digits;
    for (char c : tz) {
      if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    }
    offset_min = sign * (std::stoi(digits.substr(0, 2)) * 60 + std::stoi(digits.substr(2, 2)));
  }
  double days = static_cast<double>(days_from_civil(y, mo, d));
  double ms = ((days * 24 + h) * 60 + mi) * 60000 + s * 1000 + std::floor(frac * 1000 + 1e-9);
  return ms - offset_min * 60000;
}

}  // namespace sfn::jsonata
