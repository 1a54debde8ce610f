// Signature Version 4: "Elements of an AWS API request signature" and "Create a signed AWS API
// request" (canonical request, string to sign, signing key, signature), with OpenSSL's SHA-256
// and HMAC.
#include "sfn/integrations/sigv4.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <ctime>
#include <map>

#include "sfn/common/ascii.h"
#include "sfn/integrations/url.h"

namespace sfn::integrations {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

std::string hex(const unsigned char* data, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 0x0f];
  }
  return out;
}

std::string hmac(std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out, &size);
  return std::string(reinterpret_cast<const char*>(out), size);
}

// A header value trimmed, with runs of spaces inside collapsed to one.
std::string canonical_value(std::string_view value) {
  std::string out;
  bool space = false;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Parameters sorted by encoded name, then value; each re-encoded strictly (a value sent raw
// or already percent-encoded gives the same text).
std::string canonical_query(std::string_view query) {
  std::vector<std::pair<std::string, std::string>> params;
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view item = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    const std::string_view name = item.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
    params.emplace_back(percent_encode(percent_decode(name)),
                        percent_encode(percent_decode(value)));
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (const auto& [name, value] : params) {
    if (!out.empty()) out += '&';
    out += name + "=" + value;
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return hex(digest, sizeof digest);
}

std::string amz_date(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

AwsCredentials credentials_from_env(
    const std::function<std::optional<std::string>(std::string_view)>& env) {
  auto get = [&](std::string_view name) {
    std::optional<std::string> value = env ? env(name) : std::nullopt;
    return value.value_or("");
  };
  AwsCredentials c{get("AWS_ACCESS_KEY_ID"), get("AWS_SECRET_ACCESS_KEY"),
                   get("AWS_SESSION_TOKEN")};
  if (c.access_key_id.empty()) c.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  if (c.secret_access_key.empty()) c.secret_access_key = "sfn-local-dummy-secret";
  return c;
}

SigV4Signature sign_v4(const SigV4Request& r, const AwsCredentials& credentials) {
  SigV4Signature out;
  const std::string payload_hash = sha256_hex(r.body);
  out.headers.emplace_back("X-Amz-Date", r.amz_date);
  if (!credentials.session_token.empty()) {
    out.headers.emplace_back("X-Amz-Security-Token", credentials.session_token);
  }
  if (r.content_sha256_header) out.headers.emplace_back("x-amz-content-sha256", payload_hash);

  // Lowercase names, sorted; a name given more than once keeps its values in order.
  std::map<std::string, std::string> canonical;
  auto add = [&](std::string_view name, std::string_view value) {
    std::string& line = canonical[ascii_lower(name)];
    if (!line.empty()) line += ',';
    line += canonical_value(value);
  };
  for (const auto& [name, value] : r.headers) add(name, value);
  for (const auto& [name, value] : out.headers) add(name, value);
  std::string header_lines;
  for (const auto& [name, value] : canonical) {
    header_lines += name + ":" + value + "\n";
    if (!out.signed_headers.empty()) out.signed_headers += ';';
    out.signed_headers += name;
  }

  out.canonical_request = r.method + "\n" + percent_encode(r.path.empty() ? "/" : r.path, "/") +
                          "\n" + canonical_query(r.query) + "\n" + header_lines + "\n" +
                          out.signed_headers + "\n" + payload_hash;
  const std::string date = r.amz_date.substr(0, 8);
  const std::string scope = date + "/" + r.region + "/" + r.service + "/aws4_request";
  out.string_to_sign = std::string(kAlgorithm) + "\n" + r.amz_date + "\n" + scope + "\n" +
                       sha256_hex(out.canonical_request);
  std::string key = hmac("AWS4" + credentials.secret_access_key, date);
  key = hmac(key, r.region);
  key = hmac(key, r.service);
  key = hmac(key, "aws4_request");
  const std::string mac = hmac(key, out.string_to_sign);
  out.signature = hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
  out.authorization = std::string(kAlgorithm) + " Credential=" + credentials.access_key_id + "/" +
                      scope + ", SignedHeaders=" + out.signed_headers +
                      ", Signature=" + out.signature;
  out.headers.emplace_back("Authorization", out.authorization);
  return out;
}

}  // namespace sfn::integrations
