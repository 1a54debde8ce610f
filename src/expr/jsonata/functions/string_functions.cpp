// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $string, $substring, $substringBefore/After, $lowercase, $uppercase, $length, $trim, $pad,
// $join. Lengths and offsets count code points.
#include <algorithm>
#include <cmath>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {
namespace {

Value string_fn(CallContext&, std::vector<Value>& args) {
  const Value& p = arg(args, 1);
  return to_string_value(arg(args, 0), p.is_bool() && p.as_bool());
}

// JS Array.prototype.slice index normalisation.
long slice_index(double v, long len) {
  if (std::isnan(v)) return 0;
  double t = std::trunc(v);
  if (t < 0) return std::max(0L, len + static_cast<long>(std::max(t, -1e15)));
  return std::min(len, static_cast<long>(std::min(t, 1e15)));
}

Value substring(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  std::u32string str = to_u32(s.as_string());
  long len = static_cast<long>(str.size());
  double start = arg(args, 1).as_number();
  if (len + start < 0) start = 0;
  const Value& l = arg(args, 2);
  if (l.is_defined()) {
    double length = l.as_number();
    if (length <= 0) return Value::string("");
    double end = start >= 0 ? start + length : len + start + length;
    long b = slice_index(start, len), e = slice_index(end, len);
    if (e <= b) return Value::string("");
    return Value::string(to_utf8(str.substr(b, e - b)));
  }
  long b = slice_index(start, len);
  return Value::string(to_utf8(str.substr(b)));
}

Value substring_before(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const std::string& str = s.as_string();
  const Value& c = arg(args, 1);
  if (!c.is_string()) return s;
  auto pos = str.find(c.as_string());
  if (pos == std::string::npos) return s;
  return Value::string(str.substr(0, pos));
}

Value substring_after(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const std::string& str = s.as_string();
  const Value& c = arg(args, 1);
  if (!c.is_string()) return s;
  auto pos = str.find(c.as_string());
  if (pos == std::string::npos) return s;
  return Value::string(str.substr(pos + c.as_string().size()));
}

char32_t lower(char32_t c) {
  if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB) ||
      (c >= 0x410 && c <= 0x42F))
    return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return c;
}
char32_t upper(char32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7) || (c >= 0x3B1 && c <= 0x3CB && c != 0x3C2) ||
      (c >= 0x430 && c <= 0x44F))
    return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return c;
}

Value lowercase(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  std::u32string u = to_u32(s.as_string());
  for (auto& c : u) c = lower(c);
  return Value::string(to_utf8(u));
}

Value uppercase(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  std::u32string u = to_u32(s.as_string());
  for (auto& c : u) c = upper(c);
  return Value::string(to_utf8(u));
}

Value length(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  return Value::number(static_cast<double>(utf8_length(s.as_string())));
}

Value trim(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  std::string out;
  bool in_ws = false;
  for (char c : s.as_string()) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!in_ws) out += ' ';
      in_ws = true;
    } else {
      out += c;
      in_ws = false;
    }
  }
  if (!out.empty() && out.front() == ' ') out.erase(0, 1);
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return Value::string(out);
}

Value pad(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  double width = std::trunc(arg(args, 1).as_number());
  std::u32string ch = U" ";
  if (arg(args, 2).is_string() && !arg(args, 2).as_string().empty())
    ch = to_u32(arg(args, 2).as_string());
  const std::string& str = s.as_string();
  double pad_length = std::fabs(width) - static_cast<double>(utf8_length(str));
  if (pad_length <= 0) return s;
  // refused before it is built: a width can ask for gigabytes
  MemoryBudget::require(static_cast<std::size_t>(std::min(pad_length, 1e15)) * 4 + str.size());
  auto n = static_cast<std::size_t>(pad_length);
  std::string padding;
  for (std::size_t i = 0; i < n; ++i) append_utf8(padding, ch[i % ch.size()]);
  return Value::string(width > 0 ? str + padding : padding + str);
}

Value join(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  std::string sep = arg(args, 1).is_string() ? arg(args, 1).as_string() : "";
  // refused before it is built: the same large string may be in the array many times
  std::size_t total = 0;
  for (const auto& v : a.as_array().items) total += v.as_string().size() + sep.size();
  MemoryBudget::require(total);
  std::string out;
  out.reserve(total);
  bool first = true;
  for (const auto& v : a.as_array().items) {
    if (!first) out += sep;
    first = false;
    out += v.as_string();
  }
  return Value::string(out);
}

}  // namespace

void register_string_functions(BuiltinRegistry& r) {
  r.add("string", string_fn, "<x-b?:s>", 1);
  r.add("substring", substring, "<s-nn?:s>", 3);
  r.add("substringBefore", substring_before, "<s-s:s>", 2);
  r.add("substringAfter", substring_after, "<s-s:s>", 2);
  r.add("lowercase", lowercase, "<s-:s>", 1);
  r.add("uppercase", uppercase, "<s-:s>", 1);
  r.add("length", length, "<s-:n>", 1);
  r.add("trim", trim, "<s-:s>", 1);
  r.add("pad", pad, "<s-ns?:s>", 3);
  r.add("join", join, "<a<s>s?:s>", 2);
}

}  // namespace sfn::jsonata
