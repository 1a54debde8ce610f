// The AWS Step Functions additions: $partition, $range, $hash, $random([seed]), $uuid, $parse.
// (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html)
#include <algorithm>
#include <cmath>
#include <random>

#include "expr/jsonata/builtin_registry.h"
#include "sfn/common/digest.h"
#include "sfn/common/ids.h"

namespace sfn::jsonata {
namespace {

[[noreturn]] void fail(const std::string& code, const std::string& message) {
  JsonataException e;
  e.code = code;
  e.message = message;
  throw e;
}

Value partition(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  const Value& size = arg(args, 1);
  if (a.is_undefined()) return Value{};
  if (!size.is_number() || !is_integer(size.as_number()) || size.as_number() < 1) {
    fail("D3201", "The chunk size argument of $partition must be a positive integer");
  }
  auto n = static_cast<std::size_t>(size.as_number());
  Value result = Value::new_array();
  const auto& items = a.as_array().items;
  for (std::size_t i = 0; i < items.size(); i += n) {
    Value chunk = Value::new_array();
    for (std::size_t j = i; j < std::min(items.size(), i + n); ++j) push(chunk, items[j]);
    push(result, chunk);
  }
  return result;
}

Value range(CallContext&, std::vector<Value>& args) {
  const Value& start = arg(args, 0);
  const Value& end = arg(args, 1);
  const Value& step_v = arg(args, 2);
  double step = step_v.is_defined() ? step_v.as_number() : 1;
  if (start.is_undefined() || end.is_undefined()) return Value{};
  if (step == 0 || !std::isfinite(step))
    fail("D3202", "The step argument of $range must not be zero");
  double a = start.as_number(), b = end.as_number();
  // AWS's $range yields a JSONata sequence: a single item collapses to the item itself.
  Value result = Value::new_sequence();
  double count = std::floor((b - a) / step) + 1;
  if (count > 1000) fail("D3203", "The $range function can produce at most 1000 items");
  for (double i = 0; i < count; ++i) push(result, Value::number(a + i * step));
  return result;
}

Value hash(CallContext&, std::vector<Value>& args) {
  const Value& data = arg(args, 0);
  const Value& algo = arg(args, 1);
  if (data.is_undefined()) return Value{};
  std::string name = algo.is_string() ? algo.as_string() : "SHA-256";
  const std::optional<DigestAlgorithm> digest = digest_algorithm(name);
  if (!digest) {
    fail("D3204", "The hash algorithm " + name +
                      " is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512");
  }
  return Value::string(hex_digest(*digest, data.as_string()));
}

Value random_seeded(CallContext& ctx, std::vector<Value>& args) {
  std::uniform_real_distribution<double> dist(0.0, 1.0);
  const Value& seed = arg(args, 0);
  if (seed.is_number()) {
    std::mt19937_64 gen(static_cast<std::uint64_t>(static_cast<std::int64_t>(seed.as_number())));
    return Value::number(dist(gen));
  }
  return Value::number(dist(ctx.ev.rng()));
}

Value uuid(CallContext&, std::vector<Value>&) { return Value::string(make_uuid()); }

Value parse_json(CallContext&, std::vector<Value>& args) {
  const Value& s = arg(args, 0);
  if (s.is_undefined()) return Value{};
  const std::string& text = s.as_string();
  // JSON nested deeper than any JSON sfn-local accepts is refused before it is parsed
  if (const std::size_t depth = json_text_depth(text); depth > kMaxJsonDepth)
    fail("D3205", "The argument of $parse is nested too deeply: " + json_depth_message(depth));
  Json j = parse_json_or_discarded(text);
  if (j.is_discarded()) fail("D3205", "The argument of $parse is not a valid JSON string");
  return from_json(j);
}

}  // namespace

void register_step_functions_functions(BuiltinRegistry& r) {
  r.add("partition", partition, "<an:a>", 2);
  r.add("range", range, "<nnn?:a>", 3);
  r.add("hash", hash, "<s-s?:s>", 2);
  r.add("random", random_seeded, "<n?:n>", 1);
  r.add("uuid", uuid, "<:s>", 0);
  r.add("parse", parse_json, "<s-:j>", 1);
}

}  // namespace sfn::jsonata
