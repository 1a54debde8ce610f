// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $number, $floor, $ceil, $round, $abs, $sqrt, $power, $random, $formatBase.
#include <cmath>
#include <random>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/number_format.h"
#include "sfn/common/linear_regex.h"

namespace sfn::jsonata {
namespace {

Value number(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  if (a.is_number()) return a;
  if (a.is_bool()) return Value::number(a.as_bool() ? 1 : 0);
  if (a.is_string()) {
    static const LinearRegex dec = *LinearRegex::compile("-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?");
    static const LinearRegex radix =
        *LinearRegex::compile("0[xX][0-9A-Fa-f]+|0[oO][0-7]+|0[bB][0-1]+");
    const std::string& s = a.as_string();
    if (dec.full_match(s)) {
      double d = std::strtod(s.c_str(), nullptr);
      if (std::isfinite(d)) return Value::number(d);
    } else if (radix.full_match(s)) {
      int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
      return Value::number(static_cast<double>(std::strtoull(s.c_str() + 2, nullptr, base)));
    }
  }
  throw_arg_error("D3030", a, 1);
}

template <double (*F)(double)>
Value unary(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  double r = F(a.as_number());
  if (r == 0) r = 0;  // no -0 in JSON
  return Value::number(r);
}
double do_floor(double d) { return std::floor(d); }
double do_ceil(double d) { return std::ceil(d); }
double do_abs(double d) { return std::fabs(d); }

double shift(double value, double places) {
  std::string s = js_number_to_string(value);
  auto e = s.find('e');
  std::string mant = e == std::string::npos ? s : s.substr(0, e);
  double exp = e == std::string::npos ? 0 : std::strtod(s.c_str() + e + 1, nullptr);
  std::string t = mant + "e" + js_number_to_string(exp + places);
  return std::strtod(t.c_str(), nullptr);
}

}  // namespace

double round_half_even(double arg, double precision) {
  if (precision != 0) arg = shift(arg, precision);
  double result = std::floor(arg + 0.5);
  double diff = result - arg;
  if (std::fabs(diff) == 0.5 && std::fabs(std::fmod(result, 2)) == 1) result -= 1;
  if (precision != 0) result = shift(result, -precision);
  if (result == 0) result = 0;
  return result;
}

namespace {

Value round(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  double precision = arg(args, 1).is_number() ? arg(args, 1).as_number() : 0;
  return Value::number(round_half_even(a.as_number(), precision));
}

Value sqrt_fn(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  if (a.as_number() < 0) throw_arg_error("D3060", a, 1);
  return Value::number(std::sqrt(a.as_number()));
}

Value power(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  double r = std::pow(a.as_number(), arg(args, 1).as_number());
  if (!std::isfinite(r)) {
    JsonataException e;
    e.code = "D3061";
    e.value = a;
    e.value2 = arg(args, 1);
    throw e;
  }
  return Value::number(r);
}

Value random_fn(CallContext& ctx, std::vector<Value>&) {
  std::uniform_real_distribution<double> dist(0.0, 1.0);
  return Value::number(dist(ctx.ev.rng()));
}

Value format_base(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  double value = round_half_even(a.as_number(), 0);
  double radix = arg(args, 1).is_number() ? round_half_even(arg(args, 1).as_number(), 0) : 10;
  if (radix < 2 || radix > 36) throw_arg_error("D3100", Value::number(radix), 2);
  bool neg = value < 0;
  double v = std::fabs(value);
  std::string digits;
  auto base = static_cast<unsigned long long>(radix);
  auto n = static_cast<unsigned long long>(v);
  do {
    digits.insert(digits.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[n % base]);
    n /= base;
  } while (n > 0);
  return Value::string(neg ? "-" + digits : digits);
}

}  // namespace

void register_numeric_functions(BuiltinRegistry& r) {
  r.add("number", number, "<(nsb)-:n>", 1);
  r.add("floor", unary<do_floor>, "<n-:n>", 1);
  r.add("ceil", unary<do_ceil>, "<n-:n>", 1);
  r.add("round", round, "<n-n?:n>", 2);
  r.add("abs", unary<do_abs>, "<n-:n>", 1);
  r.add("sqrt", sqrt_fn, "<n-:n>", 1);
  r.add("power", power, "<n-n:n>", 2);
  r.add("random", random_fn, "<:n>", 0);
  r.add("formatBase", format_base, "<n-n?:s>", 2);
}

}  // namespace sfn::jsonata
