// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/datetime.js, parseDateTime().
// $toMillis with a picture: builds a regex from the picture's markers, then assembles the
// timestamp from the captured components (jsonata-js parseDateTime), defaulting the missing
// most-significant parts from "now" and the least-significant ones to zero.
#include <cmath>
#include <functional>
#include <map>

#include "expr/jsonata/civil_time.h"
#include "expr/jsonata/datetime.h"
#include "expr/jsonata/datetime_picture.h"
#include "expr/jsonata/error.h"
#include "sfn/common/ascii.h"
#include "sfn/common/linear_regex.h"

namespace sfn::jsonata {
namespace {

using namespace datetime_detail;

struct PartMatcher {
  std::string regex;
  char component = 0;
  std::function<std::optional<double>(const std::string&)> parse;
};

std::string escape_regex(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string(".*+?^${}()|[]\\").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::optional<double> parse_datetime(const std::string& timestamp, const std::string& picture,
                                     double now_ms) {
  std::vector<Marker> spec = analyse(picture);
  std::vector<PartMatcher> parts;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    const Marker& m = spec[i];
    PartMatcher pm;
    pm.component = m.component;
    if (m.literal) {
      pm.regex = escape_regex(m.value);
    } else if (m.component == 'Z' || m.component == 'z') {
      std::optional<char32_t> sep;
      if (m.integer.regular && !m.integer.separators.empty())
        sep = m.integer.separators[0].character;
      pm.regex = m.component == 'z' ? "GMT" : "";
      pm.regex += "[-+][0-9]+";
      if (sep) pm.regex += escape_regex(std::string(1, static_cast<char>(*sep))) + "[0-9]+";
      char comp = m.component;
      pm.parse = [sep, comp](const std::string& v0) -> std::optional<double> {
        std::string v = comp == 'z' ? v0.substr(3) : v0;
        double h = 0, mi = 0;
        if (sep) {
          auto p = v.find(static_cast<char>(*sep));
          h = std::strtod(v.substr(0, p).c_str(), nullptr);
          mi = std::strtod(v.substr(p + 1).c_str(), nullptr);
        } else if (v.size() - 1 <= 2) {
          h = std::strtod(v.c_str(), nullptr);
        } else {
          h = std::strtod(v.substr(0, 3).c_str(), nullptr);
          mi = std::strtod(v.substr(3).c_str(), nullptr);
        }
        return h * 60 + mi;
      };
    } else if (m.has_integer) {
      bool next_is_marker = i + 1 < spec.size() && !spec[i + 1].literal;
      pm.regex = integer_regex(m.integer, next_is_marker);
      IntegerFormat f = m.integer;
      pm.parse = [f](const std::string& v) { return parse_integer_with(v, f); };
    } else {
      pm.regex = "[a-zA-Z]+";
      std::map<std::string, double> lookup;
      if (m.component == 'M' || m.component == 'x') {
        for (int k = 0; k < 12; ++k) {
          std::string name = kMonths[k];
          lookup[ascii_lower(m.has_max ? name.substr(0, m.max) : name)] = k + 1;
        }
      } else if (m.component == 'F') {
        for (int k = 1; k < 8; ++k) {
          std::string name = kDays[k];
          lookup[ascii_lower(m.has_max ? name.substr(0, m.max) : name)] = k;
        }
      } else if (m.component == 'P') {
        lookup = {{"am", 0}, {"pm", 1}};
      } else {
        throw_error("D3133", {}, {}, Value::string(std::string(1, m.component)));
      }
      pm.parse = [lookup](const std::string& v) -> std::optional<double> {
        auto it = lookup.find(ascii_lower(v));
        if (it == lookup.end()) return std::nullopt;
        return it->second;
      };
    }
    parts.push_back(std::move(pm));
  }
  std::string full = "^";
  for (const auto& p : parts) full += "(" + p.regex + ")";
  full += "$";
  // the picture's literals are escaped above; a width beyond what RE2 repeats matches nothing
  auto re = LinearRegex::compile(full, {.ignore_case = true});
  LinearRegex::Groups match;
  if (!re || !re->search(timestamp, 0, match)) return std::nullopt;
  std::map<char, double> comps;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i].parse) continue;
    const auto& span = match[i + 1];
    auto v = parts[i].parse(span ? timestamp.substr(span->begin, span->end - span->begin) : "");
    if (v) comps[parts[i].component] = *v;
  }
  if (comps.empty()) return std::nullopt;
  int mask = 0;
  auto shift = [&](char c) { mask = (mask << 1) + (comps.count(c) ? 1 : 0); };
  auto is_type = [&](int type) { return !(~type & mask) && (type & mask); };
  for (char c : std::string("YXMxWwdD")) shift(c);
  bool dateA = is_type(161);
  bool dateB = !dateA && is_type(130);
  bool dateC = is_type(84);
  bool dateD = !dateC && is_type(72);
  mask = 0;
  for (char c : std::string("PHhmsf")) shift(c);
  bool timeA = is_type(23);
  bool timeB = !timeA && is_type(47);
  std::string date_comps = dateB ? "YD" : dateC ? "XxwF" : dateD ? "XWF" : "YMD";
  std::string time_comps = timeB ? "Phmsf" : "Hmsf";
  Parts now = decompose(now_ms);
  bool start_specified = false, end_specified = false;
  for (char part : date_comps + time_comps) {
    if (!comps.count(part)) {
      if (start_specified) {
        comps[part] = std::string("MDd").find(part) != std::string::npos ? 1 : 0;
        end_specified = true;
      } else {
        comps[part] = fragment(now, part);
      }
    } else {
      start_specified = true;
      if (end_specified) throw_error("D3136");
    }
  }
  double month0 = comps['M'] > 0 ? comps['M'] - 1 : 0;
  double day = comps['D'];
  if (dateB) {
    double first_jan = utc(static_cast<std::int64_t>(comps['Y']), 0);
    Parts derived = decompose(first_jan + (comps['d'] - 1) * kDay);
    month0 = derived.month - 1;
    day = derived.day;
  }
  if (dateC || dateD) throw_error("D3136");
  double hours = comps['H'];
  if (timeB) {
    hours = comps['h'] == 12 ? 0 : comps['h'];
    if (comps['P'] == 1) hours += 12;
  }
  double millis = utc(static_cast<std::int64_t>(comps['Y']), static_cast<int>(month0)) +
                  (day - 1) * kDay + ((hours * 60 + comps['m']) * 60 + comps['s']) * 1000 +
                  comps['f'];
  double tz = comps.count('Z') ? comps['Z'] : comps.count('z') ? comps['z'] : 0;
  millis -= tz * 60000;
  return millis;
}

}  // namespace sfn::jsonata
