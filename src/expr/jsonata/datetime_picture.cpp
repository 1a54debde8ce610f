// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/datetime.js, formatDateTime() and its picture analysis.
// fn:format-dateTime pictures for $fromMillis/$now and their parsing for $toMillis, as
// jsonata-js datetime.js implements them (UTC plus a +hhmm offset; ISO calendar only).
#include "expr/jsonata/datetime_picture.h"

#include <cmath>
#include <cstdio>
#include <map>

#include "expr/jsonata/civil_time.h"
#include "expr/jsonata/datetime.h"
#include "expr/jsonata/error.h"
#include "expr/jsonata/integer_picture.h"
#include "expr/jsonata/utf8.h"
#include "sfn/common/ascii.h"

namespace sfn::jsonata {
namespace datetime_detail {

extern const char* const kDays[];
const char* const kDays[] = {"",         "Monday", "Tuesday",  "Wednesday",
                             "Thursday", "Friday", "Saturday", "Sunday"};
extern const char* const kMonths[];
const char* const kMonths[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

std::string default_presentation(char c) {
  switch (c) {
    case 'Y':
    case 'M':
    case 'D':
    case 'd':
    case 'W':
    case 'w':
    case 'X':
    case 'x':
    case 'H':
    case 'h':
    case 'f':
      return "1";
    case 'F':
    case 'P':
    case 'C':
    case 'E':
      return "n";
    case 'm':
    case 's':
      return "01";
    case 'Z':
    case 'z':
      return "01:01";
    default:
      return "";
  }
}

std::vector<Marker> analyse(const std::string& picture) {
  std::vector<Marker> spec;
  auto add_literal = [&](std::size_t start, std::size_t end) {
    if (end > start) {
      std::string lit = picture.substr(start, end - start);
      std::string out;
      for (std::size_t i = 0; i < lit.size(); ++i) {
        out += lit[i];
        if (lit[i] == ']' && i + 1 < lit.size() && lit[i + 1] == ']') ++i;
      }
      Marker m;
      m.literal = true;
      m.value = out;
      spec.push_back(m);
    }
  };
  std::size_t start = 0, pos = 0;
  while (pos < picture.size()) {
    if (picture[pos] == '[') {
      if (pos + 1 < picture.size() && picture[pos + 1] == '[') {
        add_literal(start, pos);
        Marker m;
        m.literal = true;
        m.value = "[";
        spec.push_back(m);
        pos += 2;
        start = pos;
        continue;
      }
      add_literal(start, pos);
      start = pos;
      pos = picture.find(']', start);
      if (pos == std::string::npos) throw_error("D3135");
      std::string raw = picture.substr(start + 1, pos - start - 1);
      std::string marker;
      for (char c : raw) {
        if (!std::isspace(static_cast<unsigned char>(c))) marker += c;
      }
      Marker def;
      def.component = marker.empty() ? 0 : marker[0];
      auto comma = marker.rfind(',');
      std::string pres;
      if (comma != std::string::npos) {
        std::string width = marker.substr(comma + 1);
        auto dash = width.find('-');
        std::string mn = dash == std::string::npos ? width : width.substr(0, dash);
        std::string mx = dash == std::string::npos ? "" : width.substr(dash + 1);
        if (!mn.empty() && mn != "*") {
          def.has_min = true;
          def.min = std::atoi(mn.c_str());
        }
        if (dash != std::string::npos && !mx.empty() && mx != "*") {
          def.has_max = true;
          def.max = std::atoi(mx.c_str());
        }
        pres = marker.substr(1, comma - 1);
      } else {
        pres = marker.size() > 1 ? marker.substr(1) : "";
      }
      if (pres.size() == 1) {
        def.presentation1 = pres;
      } else if (pres.size() > 1) {
        char last = pres.back();
        if (std::string("atco").find(last) != std::string::npos) {
          def.presentation2 = std::string(1, last);
          def.presentation1 = pres.substr(0, pres.size() - 1);
        } else {
          def.presentation1 = pres;
        }
      } else {
        def.presentation1 = default_presentation(def.component);
      }
      if (def.presentation1.empty())
        throw_error("D3132", {}, {}, Value::string(std::string(1, def.component)));
      if (def.presentation1[0] == 'n') {
        def.names = Marker::Names::Lower;
      } else if (def.presentation1[0] == 'N') {
        def.names = def.presentation1.size() > 1 && def.presentation1[1] == 'n'
                        ? Marker::Names::Title
                        : Marker::Names::Upper;
      } else if (std::string("YMDdFWwXxHhmsf").find(def.component) != std::string::npos) {
        std::string pattern = def.presentation1;
        if (!def.presentation2.empty()) pattern += ";" + def.presentation2;
        def.integer = analyse_integer_picture(pattern);
        def.has_integer = true;
        if (def.has_min && def.integer.mandatory_digits < def.min)
          def.integer.mandatory_digits = def.min;
        if (def.component == 'Y') {
          def.n = -1;
          if (def.has_max) {
            def.n = def.max;
            def.integer.mandatory_digits = def.n;
          } else {
            int w = def.integer.mandatory_digits + def.integer.optional_digits;
            if (w >= 2) def.n = w;
          }
        }
      }
      if (def.component == 'Z' || def.component == 'z') {
        def.integer = analyse_integer_picture(def.presentation1);
        def.has_integer = true;
      }
      spec.push_back(def);
      start = pos + 1;
    }
    ++pos;
  }
  add_literal(start, pos);
  return spec;
}

Parts decompose(double ms) {
  Parts p;
  p.time = ms;
  double days = std::floor(ms / kDay);
  double rem = ms - days * kDay;
  CivilDate c = civil_from_days(static_cast<std::int64_t>(days));
  p.year = c.year;
  p.month = c.month;
  p.day = c.day;
  auto r = static_cast<long long>(rem);
  p.hours = static_cast<int>(r / 3600000);
  p.minutes = static_cast<int>(r / 60000 % 60);
  p.seconds = static_cast<int>(r / 1000 % 60);
  p.millis = static_cast<int>(r % 1000);
  p.weekday = weekday_from_days(static_cast<std::int64_t>(days));
  return p;
}

double utc(std::int64_t year, int month0) {
  std::int64_t y = year + month0 / 12;
  int m = month0 % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  return static_cast<double>(days_from_civil(y, static_cast<unsigned>(m + 1), 1)) * kDay;
}

double start_of_first_week(std::int64_t year, int month0) {
  double jan1 = utc(year, month0);
  int dow = static_cast<int>(decompose(jan1).weekday);
  if (dow == 0) dow = 7;
  return dow > 4 ? jan1 + (8 - dow) * kDay : jan1 - (dow - 1) * kDay;
}

double fragment(const Parts& d, char component) {
  double today = static_cast<double>(days_from_civil(d.year, d.month, d.day)) * kDay;
  auto delta_weeks = [](double s, double e) { return (e - s) / (kDay * 7) + 1; };
  switch (component) {
    case 'Y':
      return static_cast<double>(d.year);
    case 'M':
      return d.month;
    case 'D':
      return d.day;
    case 'd':
      return (today - utc(d.year, 0)) / kDay + 1;
    case 'F':
      return d.weekday == 0 ? 7 : d.weekday;
    case 'W': {
      double week = delta_weeks(start_of_first_week(d.year, 0), today);
      if (week > 52) {
        if (today >= start_of_first_week(d.year + 1, 0)) week = 1;
      } else if (week < 1) {
        week = delta_weeks(start_of_first_week(d.year - 1, 0), today);
      }
      return std::floor(week);
    }
    case 'w': {
      int m0 = static_cast<int>(d.month) - 1;
      double week = delta_weeks(start_of_first_week(d.year, m0), today);
      if (week > 4) {
        if (today >= start_of_first_week(d.year, m0 + 1)) week = 1;
      } else if (week < 1) {
        week = delta_weeks(start_of_first_week(d.year, m0 - 1), today);
      }
      return std::floor(week);
    }
    case 'X': {
      if (d.time < start_of_first_week(d.year, 0)) return static_cast<double>(d.year - 1);
      if (d.time >= start_of_first_week(d.year + 1, 0)) return static_cast<double>(d.year + 1);
      return static_cast<double>(d.year);
    }
    case 'x': {
      int m0 = static_cast<int>(d.month) - 1;
      if (d.time < start_of_first_week(d.year, m0)) return m0 == 0 ? 12 : m0;
      if (d.time >= start_of_first_week(d.year, m0 + 1)) return m0 == 11 ? 1 : m0 + 2;
      return m0 + 1;
    }
    case 'H':
      return d.hours;
    case 'h':
      return d.hours % 12 == 0 ? 12 : d.hours % 12;
    case 'P':
      return d.hours >= 12 ? 1 : 0;
    case 'm':
      return d.minutes;
    case 's':
      return d.seconds;
    case 'f':
      return d.millis;
    default:
      return 0;
  }
}

}  // namespace datetime_detail

using namespace datetime_detail;

std::optional<std::string> format_datetime(double millis, const std::string* picture,
                                           const std::string* timezone) {
  static const std::vector<Marker> iso =
      analyse("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]");
  double offset_hours = 0, offset_minutes = 0;
  if (timezone) {
    double offset = std::strtod(timezone->c_str(), nullptr);
    offset = std::trunc(offset);
    offset_hours = std::floor(offset / 100);
    offset_minutes = std::fmod(offset, 100);
  }
  std::vector<Marker> local;
  if (picture) local = analyse(*picture);
  const std::vector<Marker>& spec = picture ? local : iso;
  const double local_millis = millis + (60 * offset_hours + offset_minutes) * 60000;
  // An invalid Date in jsonata-js (it prints NaN components); its fields do not fit integers.
  constexpr double kMaxDateMillis = 8.64e15;
  if (!(std::fabs(local_millis) <= kMaxDateMillis)) return std::nullopt;
  Parts d = decompose(local_millis);
  std::string result;
  for (const auto& m : spec) {
    if (m.literal) {
      result += m.value;
      continue;
    }
    char c = m.component;
    if (std::string("YMDdFWwXxHhms").find(c) != std::string::npos) {
      double v = fragment(d, c);
      if (c == 'Y' && m.n != -1) v = std::fmod(v, std::pow(10, m.n));
      if (m.names != Marker::Names::None) {
        std::string name;
        if (c == 'M' || c == 'x')
          name = kMonths[static_cast<int>(v) - 1];
        else if (c == 'F')
          name = kDays[static_cast<int>(v)];
        else
          throw_error("D3133", {}, {}, Value::string(std::string(1, c)));
        if (m.names == Marker::Names::Upper)
          name = ascii_upper(name);
        else if (m.names == Marker::Names::Lower)
          name = ascii_lower(name);
        if (m.has_max && static_cast<int>(name.size()) > m.max) name = name.substr(0, m.max);
        result += name;
      } else {
        result += format_integer_with(v, m.integer);
      }
    } else if (c == 'f') {
      result += format_integer_with(fragment(d, c), m.integer);
    } else if (c == 'Z' || c == 'z') {
      double offset = offset_hours * 100 + offset_minutes;
      std::string v;
      if (m.integer.regular) {
        v = format_integer_with(offset, m.integer);
      } else {
        int digits = m.integer.mandatory_digits;
        if (digits == 1 || digits == 2) {
          v = format_integer_with(offset_hours, m.integer);
          if (offset_minutes != 0) v += ":" + format_integer(offset_minutes, "00");
        } else if (digits == 3 || digits == 4) {
          v = format_integer_with(offset, m.integer);
        } else {
          throw_error("D3134", {}, {}, Value::number(digits));
        }
      }
      if (offset >= 0) v = "+" + v;
      if (c == 'z') v = "GMT" + v;
      if (offset == 0 && m.presentation2 == "t") v = "Z";
      result += v;
    } else if (c == 'P') {
      std::string v = fragment(d, c) == 1 ? "pm" : "am";
      if (m.names == Marker::Names::Upper) v = ascii_upper(v);
      result += v;
    } else if (c == 'C' || c == 'E') {
      result += "ISO";
    } else {
      throw_error("D3132", {}, {}, Value::string(std::string(1, c)));
    }
  }
  return result;
}

}  // namespace sfn::jsonata
