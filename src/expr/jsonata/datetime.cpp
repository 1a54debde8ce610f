// ISO 8601 conversions and civil-date arithmetic shared by the date/time functions.
#include "expr/jsonata/datetime.h"

#include <cmath>
#include <cstdio>

#include "expr/jsonata/civil_time.h"
#include "expr/jsonata/error.h"
#include "sfn/common/linear_regex.h"

namespace sfn::jsonata {

std::optional<double> parse_iso8601(const std::string& ts) {
  static const LinearRegex re = *LinearRegex::compile(
      R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$)");
  LinearRegex::Groups g;
  if (!re.search(ts, 0, g)) return std::nullopt;
  auto group = [&](std::size_t i) { return ts.substr(g[i]->begin, g[i]->end - g[i]->begin); };
  auto matched = [&](std::size_t i) { return g[i].has_value(); };
  int y = std::stoi(group(1));
  int mo = matched(2) ? std::stoi(group(2)) : 1;
  int d = matched(3) ? std::stoi(group(3)) : 1;
  int h = matched(4) ? std::stoi(group(4)) : 0;
  int mi = matched(5) ? std::stoi(group(5)) : 0;
  int s = matched(6) ? std::stoi(group(6)) : 0;
  double frac = 0;
  if (matched(7)) frac = std::stod("0." + group(7));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return std::nullopt;
  double offset_min = 0;
  if (matched(8) && group(8) != "Z") {
    std::string tz = group(8);
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
