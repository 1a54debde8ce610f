#include "api/paging.h"

#include <openssl/sha.h>

#include "sfn/common/clock.h"

namespace sfn::api {
namespace {

constexpr std::string_view kDigits = "0123456789abcdef";
constexpr std::size_t kChecksumChars = 16;

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kDigits[data[i] >> 4];
    out += kDigits[data[i] & 15];
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 2);
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const auto hi = kDigits.find(text[i]), lo = kDigits.find(text[i + 1]);
    if (hi == std::string_view::npos || lo == std::string_view::npos) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string digest(std::string_view text, std::size_t chars) {
  unsigned char sum[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), sum);
  return to_hex(sum, SHA256_DIGEST_LENGTH).substr(0, chars);
}

std::string fingerprint(const Json& filters) { return digest(dump_compact(filters), 16); }

std::string checksum(std::string_view payload) {
  return digest("sfn-local page token 1\n" + std::string(payload), kChecksumChars);
}

tl::unexpected<ApiError> invalid(const std::string& token) {
  return api_error("InvalidToken", "Invalid Token: '" + token + "'");
}

}  // namespace

std::string Paging::token_after(const Json& key) const {
  const std::string payload =
      dump_compact(Json{{"o", operation}, {"f", fingerprint(filters)}, {"k", key}, {"t", now}});
  return to_hex(reinterpret_cast<const unsigned char*>(payload.data()), payload.size()) +
         checksum(payload);
}

ApiResult<Paging> read_paging(const RequestFields& f, std::size_t token_max_len,
                              std::string operation, Json filters, double now) {
  auto max = f.optional_int("maxResults", 0, 1000);
  if (!max) return tl::unexpected(max.error());
  auto token = f.optional_string("nextToken", token_max_len);
  if (!token) return tl::unexpected(token.error());
  Paging paging;
  paging.operation = std::move(operation);
  paging.filters = std::move(filters);
  paging.now = now;
  if (max->value_or(0) != 0) paging.limit = static_cast<std::size_t>(**max);
  if (!*token) return paging;
  const std::string& text = **token;
  if (text.size() <= kChecksumChars) return invalid(text);
  auto payload = from_hex(std::string_view(text).substr(0, text.size() - kChecksumChars));
  if (!payload || checksum(*payload) != text.substr(text.size() - kChecksumChars))
    return invalid(text);
  Json parsed = parse_json_or_discarded(*payload);
  if (!parsed.is_object() || parsed.value("o", "") != paging.operation ||
      parsed.value("f", "") != fingerprint(paging.filters) || !parsed.contains("k") ||
      !parsed["t"].is_number())
    return invalid(text);
  if (parsed["t"].get<double>() + kPageTokenLifetimeSeconds < now) return invalid(text);
  paging.after = std::move(parsed["k"]);
  return paging;
}

Json page_of(const Paging& paging, std::size_t total, const char* name,
             const std::function<Json(std::size_t)>& item,
             const std::function<Json(std::size_t)>& key_of,
             const std::function<bool(const Json&, const Json&)>& precedes) {
  std::size_t i = 0;
  if (paging.after) {
    while (i < total && !precedes(*paging.after, key_of(i))) ++i;
  }
  Json items = Json::array();
  std::size_t last = i;
  for (; i < total && items.size() < paging.limit; ++i) {
    items.push_back(item(i));
    last = i;
  }
  Json out{{name, std::move(items)}};
  if (i < total) out["nextToken"] = paging.token_after(key_of(last));
  return out;
}

namespace {

bool date_arn(const Json& k) {
  return k.is_array() && k.size() == 2 && k[0].is_number() && k[1].is_string();
}

}  // namespace

bool date_arn_ascending(const Json& a, const Json& b) {
  if (!date_arn(a) || !date_arn(b)) return false;
  const double da = a[0].get<double>(), db = b[0].get<double>();
  return da < db ||
         (da == db && a[1].get_ref<const std::string&>() < b[1].get_ref<const std::string&>());
}

bool date_arn_descending(const Json& a, const Json& b) { return date_arn_ascending(b, a); }

}  // namespace sfn::api
