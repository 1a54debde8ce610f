// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/functions.js, formatNumber().
// $formatNumber (XPath F&O 4.7 fn:format-number) following jsonata-js functions.js formatNumber:
// split the picture into sub-pictures, validate (D3080-D3093), analyse, then format.
#include "expr/jsonata/format_number.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

#include "expr/jsonata/error.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {

double round_half_even(double arg, double precision);  // numeric_functions.cpp

namespace {

using U = std::u32string;

struct Parts {
  U prefix, suffix, active, mantissa, exponent, integer, fractional, subpicture;
  bool has_exponent = false;
};

struct Pic {
  std::vector<int> int_groups;
  int regular = 0;
  int min_int = 0, scaling = 0, min_frac = 0, max_frac = 0, min_exp = 0;
  std::vector<int> frac_groups;
  U prefix, suffix, picture;
  bool has_exponent = false;
};

std::size_t count_of(const U& s, const U& needle) {
  if (needle.empty()) return 0;
  std::size_t n = 0;
  for (auto p = s.find(needle); p != U::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

}  // namespace

std::string format_number(double value, const std::string& picture_utf8, const Value& options) {
  std::map<std::string, U> props = {{"decimal-separator", U"."},
                                    {"grouping-separator", U","},
                                    {"exponent-separator", U"e"},
                                    {"infinity", U"Infinity"},
                                    {"minus-sign", U"-"},
                                    {"NaN", U"NaN"},
                                    {"percent", U"%"},
                                    {"per-mille", U"\u2030"},
                                    {"zero-digit", U"0"},
                                    {"digit", U"#"},
                                    {"pattern-separator", U";"}};
  if (options.is_object()) {
    for (const auto& [k, v] : options.as_object().entries) {
      if (v.is_string()) props[k] = to_u32(v.as_string());
    }
  }
  const char32_t zero = props["zero-digit"].empty() ? U'0' : props["zero-digit"][0];
  auto is_digit = [&](char32_t c) { return c >= zero && c < zero + 10; };
  const U dec = props["decimal-separator"], grp = props["grouping-separator"],
          expsep = props["exponent-separator"];
  const U digit = props["digit"], patsep = props["pattern-separator"], percent = props["percent"],
          permille = props["per-mille"];
  auto first = [](const U& s) { return s.empty() ? char32_t(0) : s[0]; };
  auto is_active = [&](char32_t c) {
    return is_digit(c) || c == first(dec) || c == first(expsep) || c == first(grp) ||
           c == first(digit) || c == first(patsep);
  };
  U picture = to_u32(picture_utf8);
  std::vector<U> subs;
  {
    std::size_t start = 0;
    for (;;) {
      auto p = picture.find(patsep, start);
      if (p == U::npos || patsep.empty()) {
        subs.push_back(picture.substr(start));
        break;
      }
      subs.push_back(picture.substr(start, p - start));
      start = p + patsep.size();
    }
  }
  if (subs.size() > 2) throw_error("D3080");

  auto split = [&](const U& sp) {
    Parts p;
    p.subpicture = sp;
    std::size_t i = 0;
    for (; i < sp.size(); ++i) {
      if (is_active(sp[i]) && sp[i] != first(expsep)) break;
    }
    p.prefix = sp.substr(0, i);
    long j = static_cast<long>(sp.size()) - 1;
    for (; j >= 0; --j) {
      if (is_active(sp[j]) && sp[j] != first(expsep)) break;
    }
    p.suffix = sp.substr(static_cast<std::size_t>(j + 1));
    if (p.prefix.size() + p.suffix.size() > sp.size()) p.suffix.clear();
    p.active = sp.substr(p.prefix.size(), sp.size() - p.prefix.size() - p.suffix.size());
    auto epos = sp.find(expsep, p.prefix.size());
    if (epos == U::npos || epos > sp.size() - p.suffix.size()) {
      p.mantissa = p.active;
    } else {
      p.mantissa = p.active.substr(0, epos);
      p.exponent = p.active.substr(std::min(p.active.size(), epos + 1));
      p.has_exponent = true;
    }
    auto dpos = p.mantissa.find(dec);
    if (dpos == U::npos) {
      p.integer = p.mantissa;
      p.fractional = p.suffix;
    } else {
      p.integer = p.mantissa.substr(0, dpos);
      p.fractional = p.mantissa.substr(dpos + 1);
    }
    return p;
  };

  auto validate = [&](const Parts& p) {
    std::string error;
    const U& sp = p.subpicture;
    auto dpos = sp.find(dec);
    if (count_of(sp, dec) > 1) error = "D3081";
    if (count_of(sp, percent) > 1) error = "D3082";
    if (count_of(sp, permille) > 1) error = "D3083";
    if (count_of(sp, percent) > 0 && count_of(sp, permille) > 0) error = "D3084";
    bool valid = false;
    for (char32_t c : p.mantissa) valid = valid || is_digit(c) || c == first(digit);
    if (!valid) error = "D3085";
    for (char32_t c : p.active) {
      if (!is_active(c)) error = "D3086";
    }
    if (dpos != U::npos) {
      if ((dpos > 0 && sp[dpos - 1] == first(grp)) ||
          (dpos + 1 < sp.size() && sp[dpos + 1] == first(grp)))
        error = "D3087";
    } else if (!p.integer.empty() && p.integer.back() == first(grp)) {
      error = "D3088";
    }
    if (sp.find(grp + grp) != U::npos) error = "D3089";
    auto opt = p.integer.find(digit);
    if (opt != U::npos) {
      for (std::size_t k = 0; k < opt; ++k) {
        if (is_digit(p.integer[k])) error = "D3090";
      }
    }
    auto lopt = p.fractional.rfind(digit);
    if (lopt != U::npos) {
      for (std::size_t k = lopt; k < p.fractional.size(); ++k) {
        if (is_digit(p.fractional[k])) error = "D3091";
      }
    }
    if (p.has_exponent && !p.exponent.empty() && (count_of(sp, percent) || count_of(sp, permille)))
      error = "D3092";
    if (p.has_exponent) {
      bool bad = p.exponent.empty();
      for (char32_t c : p.exponent) bad = bad || !is_digit(c);
      if (bad) error = "D3093";
    }
    if (!error.empty()) throw_error(error);
  };

  auto analyse = [&](const Parts& p) {
    Pic pic;
    auto positions = [&](const U& part, bool to_left) {
      std::vector<int> out;
      auto g = part.find(grp);
      while (g != U::npos) {
        U side = to_left ? part.substr(0, g) : part.substr(g);
        int n = 0;
        for (char32_t c : side) n += (is_digit(c) || c == first(digit)) ? 1 : 0;
        out.push_back(n);
        g = p.integer.find(grp, g + 1);
      }
      return out;
    };
    pic.int_groups = positions(p.integer, false);
    if (!pic.int_groups.empty()) {
      int factor = 0;
      for (int x : pic.int_groups) factor = std::gcd(factor, x);
      bool regular = factor > 0;
      for (std::size_t i = 1; i <= pic.int_groups.size() && regular; ++i) {
        regular = std::find(pic.int_groups.begin(), pic.int_groups.end(),
                            static_cast<int>(i) * factor) != pic.int_groups.end();
      }
      pic.regular = regular ? factor : 0;
    }
    pic.frac_groups = positions(p.fractional, true);
    for (char32_t c : p.integer) pic.min_int += is_digit(c) ? 1 : 0;
    pic.scaling = pic.min_int;
    for (char32_t c : p.fractional) {
      pic.min_frac += is_digit(c) ? 1 : 0;
      pic.max_frac += (is_digit(c) || c == first(digit)) ? 1 : 0;
    }
    if (pic.min_int == 0 && pic.max_frac == 0) {
      if (p.has_exponent) {
        pic.min_frac = pic.max_frac = 1;
      } else {
        pic.min_int = 1;
      }
    }
    if (p.has_exponent && pic.min_int == 0 && p.integer.find(digit) != U::npos) pic.min_int = 1;
    if (pic.min_int == 0 && pic.min_frac == 0) pic.min_frac = 1;
    if (p.has_exponent) {
      for (char32_t c : p.exponent) pic.min_exp += is_digit(c) ? 1 : 0;
    }
    pic.has_exponent = p.has_exponent;
    pic.prefix = p.prefix;
    pic.suffix = p.suffix;
    pic.picture = p.subpicture;
    return pic;
  };

  std::vector<Parts> parts;
  for (const auto& s : subs) parts.push_back(split(s));
  for (const auto& p : parts) validate(p);
  std::vector<Pic> vars;
  for (const auto& p : parts) vars.push_back(analyse(p));
  const U minus = props["minus-sign"];
  if (vars.size() == 1) {
    vars.push_back(vars[0]);
    vars[1].prefix = minus + vars[1].prefix;
  }
  Pic& pic = value >= 0 ? vars[0] : vars[1];
  double adjusted = value;
  if (count_of(pic.picture, percent))
    adjusted = value * 100;
  else if (count_of(pic.picture, permille))
    adjusted = value * 1000;
  double mantissa = adjusted;
  bool has_exp = false;
  double exponent = 0;
  if (pic.min_exp != 0) {
    has_exp = true;
    double max_m = std::pow(10, pic.scaling), min_m = std::pow(10, pic.scaling - 1);
    // jsonata 2.0.6 loops forever here on 0 and negative numbers; 2.1 compares magnitudes
    while (std::fabs(mantissa) < min_m && mantissa != 0) {
      mantissa *= 10;
      exponent -= 1;
    }
    while (std::fabs(mantissa) > max_m) {
      mantissa /= 10;
      exponent += 1;
    }
  }
  double rounded = round_half_even(mantissa, pic.max_frac);
  auto make_string = [&](double v, int dp) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", dp, std::fabs(v));
    U s = to_u32(buf);
    for (auto& c : s) {
      if (c >= U'0' && c <= U'9') c = zero + (c - U'0');
    }
    return s;
  };
  U s = make_string(rounded, pic.max_frac);
  auto dp = s.find(U'.');
  if (dp == U::npos) {
    s += dec;
  } else {
    s.replace(dp, 1, dec);
  }
  while (!s.empty() && s.front() == zero) s.erase(0, 1);
  while (!s.empty() && s.back() == zero) s.pop_back();
  auto dpos = static_cast<long>(s.find(dec));
  long pad_left = pic.min_int - dpos;
  long pad_right = pic.min_frac - (static_cast<long>(s.size()) - dpos - 1);
  if (pad_left > 0) s.insert(0, static_cast<std::size_t>(pad_left), zero);
  if (pad_right > 0) s.append(static_cast<std::size_t>(pad_right), zero);
  dpos = static_cast<long>(s.find(dec));
  if (pic.regular > 0) {
    long groups = (dpos - 1) / pic.regular;
    for (long g = 1; g <= groups; ++g)
      s.insert(static_cast<std::size_t>(dpos - g * pic.regular), grp);
  } else {
    for (int pos : pic.int_groups) {
      s.insert(static_cast<std::size_t>(std::max(0L, dpos - pos)), grp);
      ++dpos;
    }
  }
  dpos = static_cast<long>(s.find(dec));
  for (int pos : pic.frac_groups)
    s.insert(std::min(s.size(), static_cast<std::size_t>(pos + dpos + 1)), grp);
  dpos = static_cast<long>(s.find(dec));
  if (pic.min_frac == 0 && dpos == static_cast<long>(s.size()) - 1) s.pop_back();
  if (has_exp) {
    U e = make_string(exponent, 0);
    long pl = pic.min_exp - static_cast<long>(e.size());
    if (pl > 0) e.insert(0, static_cast<std::size_t>(pl), zero);
    s += expsep + (exponent < 0 ? minus : U"") + e;
  }
  return to_utf8(pic.prefix + s + pic.suffix);
}

}  // namespace sfn::jsonata
