// FunctionName as Lambda's Invoke accepts it ("Function name" in the Invoke API reference):
// a name, NAME:QUALIFIER, a partial ARN ACCOUNT:function:NAME[:QUALIFIER] or a full ARN.
#include <vector>

#include "sfn/integrations/local_lambda.h"

namespace sfn::integrations {
namespace {

std::vector<std::string_view> split_colons(std::string_view text) {
  std::vector<std::string_view> parts;
  for (;;) {
    const auto colon = text.find(':');
    parts.push_back(text.substr(0, colon));
    if (colon == std::string_view::npos) return parts;
    text.remove_prefix(colon + 1);
  }
}

// A version ("1", "$LATEST") or an alias ([A-Za-z0-9-_]{1,128}, not only digits).
bool valid_qualifier(std::string_view q) {
  if (q == "$LATEST") return true;
  if (q.empty() || q.size() > 128) return false;
  for (char c : q) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool valid_function_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::optional<LambdaFunctionRef> resolve_function_name(std::string_view text) {
  const std::vector<std::string_view> p = split_colons(text);
  LambdaFunctionRef ref;
  std::size_t name_at = 0;
  if (p.size() >= 7 && p[0] == "arn" && p[2] == "lambda" && p[5] == "function") {
    // arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
    if (p.size() > 8 || p[1].empty() || p[3].empty() || p[4].size() != 12 || !all_digits(p[4])) {
      return std::nullopt;
    }
    ref.region = p[3];
    ref.account = p[4];
    name_at = 6;
  } else if (p.size() >= 3 && p[1] == "function") {
    // ACCOUNT:function:NAME[:QUALIFIER]
    if (p.size() > 4 || p[0].size() != 12 || !all_digits(p[0])) return std::nullopt;
    ref.account = p[0];
    name_at = 2;
  } else if (p.size() > 2) {
    return std::nullopt;
  }
  ref.name = p[name_at];
  if (!valid_function_name(ref.name)) return std::nullopt;
  if (name_at + 1 < p.size()) {
    ref.qualifier = p[name_at + 1];
    if (!valid_qualifier(ref.qualifier)) return std::nullopt;
  }
  return ref;
}

}  // namespace sfn::integrations
