// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $contains, $split, $match, $replace: string or matcher-function (regex) patterns.
#include <algorithm>
#include <cmath>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {
namespace {

struct Match {
  std::string match;
  std::size_t start = 0;
  std::size_t end = 0;
  Value groups;
  Value next;
  Value object;
};

// evaluateMatcher: calls the matcher and checks the structure of what it returns.
// A string position from a matcher's number: negative, NaN and huge numbers are clamped.
std::size_t position_of(double n) {
  constexpr double kMax = 1e15;  // beyond any string the memory budget admits
  if (!(n > 0)) return 0;
  return static_cast<std::size_t>(std::min(n, kMax));
}

std::optional<Match> evaluate_matcher(CallContext& ctx, const Value& matcher,
                                      std::vector<Value> args) {
  Value r = ctx.ev.apply(matcher, std::move(args), Value{}, ctx.env);
  if (r.is_undefined()) return std::nullopt;
  if (!r.is_object()) throw_error("T1010");
  const Object& o = r.as_object();
  const Value* start = o.find("start");
  const Value* end = o.find("end");
  const Value* groups = o.find("groups");
  const Value* next = o.find("next");
  if (!((start && start->is_number()) || (groups && groups->is_array()) ||
        (next && next->is_function()))) {
    throw_error("T1010");
  }
  Match m;
  const Value* mm = o.find("match");
  if (mm && mm->is_string()) m.match = mm->as_string();
  // A matcher may be any function: its positions are clamped here and to the string where used.
  m.start = start && start->is_number() ? position_of(start->as_number()) : 0;
  m.end = end && end->is_number() ? position_of(end->as_number()) : m.start + utf8_length(m.match);
  if (groups) m.groups = *groups;
  if (next) m.next = *next;
  m.object = r;
  return m;
}

std::optional<Match> next_match(CallContext& ctx, const Match& m) {
  if (!m.next.is_function()) return std::nullopt;
  return evaluate_matcher(ctx, m.next, {});
}

Value contains(CallContext& ctx, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const Value& token = arg(args, 1);
  if (token.is_string())
    return Value::boolean(s.as_string().find(token.as_string()) != std::string::npos);
  if (!token.is_function()) return Value{};
  return Value::boolean(evaluate_matcher(ctx, token, {s}).has_value());
}

Value split(CallContext& ctx, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const Value& lim = arg(args, 2);
  if (lim.is_defined() && lim.as_number() < 0) throw_arg_error("D3020", lim, 3);
  Value result = Value::new_array();
  if (lim.is_defined() && lim.as_number() == 0) return result;
  double limit = lim.is_defined() ? std::floor(lim.as_number()) : INFINITY;
  const Value& sep = arg(args, 1);
  std::u32string str = to_u32(s.as_string());
  if (sep.is_string()) {
    std::u32string sp = to_u32(sep.as_string());
    if (sp.empty()) {
      for (std::size_t i = 0; i < str.size() && result.size() < limit; ++i) {
        push(result, Value::string(to_utf8(str.substr(i, 1))));
      }
      return result;
    }
    std::size_t pos = 0;
    while (result.size() < limit) {
      auto idx = str.find(sp, pos);
      if (idx == std::u32string::npos) {
        push(result, Value::string(to_utf8(str.substr(pos))));
        break;
      }
      push(result, Value::string(to_utf8(str.substr(pos, idx - pos))));
      pos = idx + sp.size();
    }
    return result;
  }
  auto m = evaluate_matcher(ctx, sep, {s});
  if (!m) {
    push(result, s);
    return result;
  }
  std::size_t start = 0;
  double count = 0;
  while (m && count < limit) {
    const std::size_t from = std::min(start, str.size());
    const std::size_t to = std::min(std::max(m->start, from), str.size());
    push(result, Value::string(to_utf8(str.substr(from, to - from))));
    start = m->end;
    m = next_match(ctx, *m);
    ++count;
  }
  if (count < limit) push(result, Value::string(to_utf8(str.substr(std::min(start, str.size())))));
  return result;
}

Value match_fn(CallContext& ctx, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const Value& lim = arg(args, 2);
  if (lim.is_defined() && lim.as_number() < 0) throw_arg_error("D3040", lim, 3);
  Value result = make_sequence();
  double limit = lim.is_defined() ? lim.as_number() : INFINITY;
  if (limit <= 0) return result;
  auto m = evaluate_matcher(ctx, arg(args, 1), {s});
  double count = 0;
  while (m && count < limit) {
    Value o = Value::new_object();
    o.as_object().set("match", Value::string(m->match));
    o.as_object().set("index", Value::number(static_cast<double>(m->start)));
    o.as_object().set("groups", m->groups);
    push(result, o);
    m = next_match(ctx, *m);
    ++count;
  }
  return result;
}

std::string substitute(const std::string& replacement, const Match& m) {
  std::string out;
  std::size_t groups = m.groups.is_array() ? m.groups.size() : 0;
  std::size_t position = 0;
  auto index = replacement.find('$', position);
  while (index != std::string::npos && position < replacement.size()) {
    out += replacement.substr(position, index - position);
    position = index + 1;
    char dollar = position < replacement.size() ? replacement[position] : '\0';
    if (dollar == '$') {
      out += '$';
      ++position;
    } else if (dollar == '0') {
      out += m.match;
      ++position;
    } else {
      int max_digits =
          groups == 0 ? 1
                      : static_cast<int>(std::floor(std::log10(static_cast<double>(groups)))) + 1;
      auto parse = [&](int digits) -> long {
        std::string d;
        for (int k = 0; k < digits && position + k < replacement.size() &&
                        std::isdigit(static_cast<unsigned char>(replacement[position + k]));
             ++k) {
          d += replacement[position + k];
        }
        return d.empty() ? -1 : std::stol(d);
      };
      long gi = parse(max_digits);
      if (max_digits > 1 && gi > static_cast<long>(groups)) gi = parse(max_digits - 1);
      if (gi >= 0) {
        if (groups > 0 && gi >= 1 && static_cast<std::size_t>(gi) <= groups) {
          const Value& g = m.groups[static_cast<std::size_t>(gi - 1)];
          if (g.is_string()) out += g.as_string();
        }
        position += std::to_string(gi).size();
      } else {
        out += '$';
      }
    }
    index = replacement.find('$', position);
  }
  if (position < replacement.size()) out += replacement.substr(position);
  return out;
}

Value replace(CallContext& ctx, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const Value& pattern = arg(args, 1);
  const Value& replacement = arg(args, 2);
  const Value& lim = arg(args, 3);
  if (pattern.is_string() && pattern.as_string().empty()) throw_arg_error("D3010", pattern, 2);
  if (lim.is_defined() && lim.as_number() < 0) throw_arg_error("D3011", lim, 4);
  double limit = lim.is_defined() ? lim.as_number() : INFINITY;
  if (limit <= 0) return s;
  const std::string& str = s.as_string();
  if (pattern.is_string()) {
    std::string result;
    std::size_t position = 0;
    double count = 0;
    const std::string& pat = pattern.as_string();
    std::string rep = replacement.is_string() ? replacement.as_string() : "";
    auto index = str.find(pat, position);
    while (index != std::string::npos && count < limit) {
      result += str.substr(position, index - position);
      result += rep;
      MemoryBudget::require(result.size());  // a long replacement for each of many matches
      position = index + pat.size();
      ++count;
      index = str.find(pat, position);
    }
    result += str.substr(position);
    return Value::string(result);
  }
  std::u32string u = to_u32(str);
  auto m = evaluate_matcher(ctx, pattern, {s});
  if (!m) return s;
  std::string result;
  std::size_t position = 0;
  double count = 0;
  while (m && count < limit) {
    if (m->start > position && position < u.size())
      result += to_utf8(u.substr(position, m->start - position));
    Value replaced_with;
    if (replacement.is_string()) {
      replaced_with = Value::string(substitute(replacement.as_string(), *m));
    } else {
      replaced_with = ctx.ev.apply(replacement, {m->object}, Value{}, ctx.env);
    }
    if (!replaced_with.is_string()) throw_error("D3012", {}, {}, replaced_with);
    result += replaced_with.as_string();
    MemoryBudget::require(result.size());
    position = m->start + utf8_length(m->match);
    ++count;
    m = next_match(ctx, *m);
  }
  if (position < u.size()) result += to_utf8(u.substr(position));
  return Value::string(result);
}

}  // namespace

void register_regex_functions(BuiltinRegistry& r) {
  r.add("contains", contains, "<s-(sf):b>", 2);
  r.add("split", split, "<s-(sf)n?:a<s>>", 3);
  r.add("match", match_fn, "<s-f<s:o>n?:a<o>>", 3);
  r.add("replace", replace, "<s-(sf)(sf)n?:s>", 4);
}

}  // namespace sfn::jsonata
