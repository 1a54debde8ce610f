// URLs as the outbound HTTP client uses them (RFC 3986, http and https only), and the
// percent-encoding that Lambda's Invoke path, SigV4's canonical request and the HTTP Task's
// query strings and form bodies share.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sfn::integrations {

struct Url {
  std::string scheme;  // "http" or "https" (lowercase)
  std::string host;    // a name, an IPv4 address, or an IPv6 address without its brackets
  std::uint16_t port = 0;
  std::string path = "/";  // as written (percent-encoded), never empty
  std::string query;       // after '?', as written; empty when there is none

  bool https() const { return scheme == "https"; }
  // "host:port", the pool key and the TLS peer; IPv6 in brackets.
  std::string authority() const;
  // The Host header: the port only when it is not the scheme's default.
  std::string host_header() const;
  // path[?query], the request target.
  std::string target() const;
};

// Parses scheme://host[:port][/path][?query][#fragment]. No user info, a non-empty host, a
// port from 1 to 65535; the fragment is dropped. nullopt with `why` on anything else.
std::optional<Url> parse_url(std::string_view text, std::string* why = nullptr);

// RFC 3986 percent-encoding of every byte but the unreserved ones (A-Z a-z 0-9 - . _ ~), hex
// in uppercase; `keep` lists more bytes left as they are (e.g. "/" for a path).
std::string percent_encode(std::string_view text, std::string_view keep = {});

// Decodes %XX escapes (others are left as they are); '+' stays '+'.
std::string percent_decode(std::string_view text);

}  // namespace sfn::integrations
