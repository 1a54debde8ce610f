// AWS Signature Version 4 ("Create a signed AWS API request"), as a pure function: canonical
// request → string to sign → signature with a key derived by HMAC-SHA256 from the secret, the
// date, the region and the service. For the requests sfn-local sends to AWS-compatible
// endpoints (Lambda's Invoke, ...); verified against AWS's published test suite.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sfn::integrations {

struct AwsCredentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // signed as x-amz-security-token when set
};

// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from `env`; an unset (or empty)
// key or secret is a dummy value, as local endpoints accept any.
AwsCredentials credentials_from_env(
    const std::function<std::optional<std::string>(std::string_view)>& env);

struct SigV4Request {
  std::string method;
  std::string path = "/";  // as sent on the wire (percent-encoded segments encoded once more)
  std::string query;       // as sent, without '?'
  std::vector<std::pair<std::string, std::string>> headers;  // to sign; must include Host
  std::string body;
  std::string region;
  std::string service;
  std::string amz_date;  // YYYYMMDDTHHMMSSZ
  // Add (and sign) x-amz-content-sha256, as S3 and some other services require.
  bool content_sha256_header = false;
};

struct SigV4Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signed_headers;  // "host;x-amz-date"
  std::string signature;       // lowercase hex
  std::string authorization;   // the Authorization header's value
  // What to add to the request: X-Amz-Date, X-Amz-Security-Token, x-amz-content-sha256 (as
  // asked), and Authorization.
  std::vector<std::pair<std::string, std::string>> headers;
};

SigV4Signature sign_v4(const SigV4Request& request, const AwsCredentials& credentials);

// The time as SigV4 writes it: 20150830T123600Z.
std::string amz_date(std::chrono::system_clock::time_point time);

// Lowercase hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace sfn::integrations
