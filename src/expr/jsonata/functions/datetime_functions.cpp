// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/functions.js and src/datetime.js.
// $now, $millis, $fromMillis, $toMillis. Pictures are handled by datetime_picture.cpp.
#include <cmath>
#include <cstdio>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/datetime.h"

namespace sfn::jsonata {
namespace {

Value from_millis(CallContext&, std::vector<Value>& args) {
  const Value& ms = arg(args, 0);
  if (ms.is_undefined()) return Value{};
  const Value& picture = arg(args, 1);
  const Value& tz = arg(args, 2);
  std::optional<std::string> text =
      format_datetime(ms.as_number(), picture.is_string() ? &picture.as_string() : nullptr,
                      tz.is_string() ? &tz.as_string() : nullptr);
  return text ? Value::string(std::move(*text)) : Value{};
}

Value to_millis(CallContext& ctx, std::vector<Value>& args) {
  const Value& ts = arg(args, 0);
  if (ts.is_undefined()) return Value{};
  const Value& picture = arg(args, 1);
  std::optional<double> r;
  if (picture.is_string()) {
    r = parse_datetime(ts.as_string(), picture.as_string(), ctx.ev.now_ms());
  } else {
    r = parse_iso8601(ts.as_string());
    if (!r) throw_error("D3110", {}, {}, ts);
  }
  if (!r) return Value{};
  return Value::number(*r);
}

Value now(CallContext& ctx, std::vector<Value>& args) {
  const Value& picture = arg(args, 0);
  const Value& tz = arg(args, 1);
  std::optional<std::string> text =
      format_datetime(ctx.ev.now_ms(), picture.is_string() ? &picture.as_string() : nullptr,
                      tz.is_string() ? &tz.as_string() : nullptr);
  return text ? Value::string(std::move(*text)) : Value{};
}

Value millis(CallContext& ctx, std::vector<Value>&) { return Value::number(ctx.ev.now_ms()); }

}  // namespace

void register_datetime_functions(BuiltinRegistry& r) {
  r.add("fromMillis", from_millis, "<n-s?s?:s>", 3);
  r.add("toMillis", to_millis, "<s-s?:n>", 2);
  r.add("now", now, "<s?s?:s>", 2);
  r.add("millis", millis, "<:n>", 0);
}

}  // namespace sfn::jsonata
