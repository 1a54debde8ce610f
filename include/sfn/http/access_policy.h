// Who may talk to the server from a browser: which names the Host header may carry (protection
// against DNS rebinding) and which page origins get CORS access. Pure functions of the header
// values; the policy is built once at start-up from the listening address and the
// --allow-host / --allow-origin options.
//
// Requests without an Origin header (the AWS CLI, SDKs, curl) are not browser requests and only
// meet the Host check. A browser request is allowed when its Origin is the server's own
// (http[s]://<the Host it was sent to>, the built-in console) or a listed one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sfn::http {

struct AccessPolicy {
  // Names accepted in the Host header (lower case, without the port; IPv6 literals in
  // brackets), each also with the "sync-" prefix the AWS CLI puts before StartSyncExecution's
  // host. "*" accepts any Host.
  std::vector<std::string> hosts{"localhost", "127.0.0.1", "[::1]"};
  // Listening on a wildcard address (0.0.0.0 or ::): any IP literal and any name without a dot
  // (docker compose service and container names, the machine's short name) are accepted too.
  // A DNS rebinding attack needs a dotted name that the attacker's DNS server answers.
  bool wildcard_address = false;
  // Extra origins (scheme://host[:port], lower case) that may call the API from a browser and
  // get CORS headers; "*" allows every origin.
  std::vector<std::string> origins;
};

// The policy for a server listening on `listen_host` (--host): the loopback names, the
// configured host, `machine_hostname` when listening on a wildcard address, plus `allow_hosts`
// and `allow_origins` (already validated, see config.h).
AccessPolicy make_access_policy(std::string_view listen_host,
                                const std::vector<std::string>& allow_hosts,
                                const std::vector<std::string>& allow_origins,
                                std::string_view machine_hostname);

// gethostname(), lower case; empty when unavailable.
std::string machine_hostname();

// Whether a request with this Host header value may be served. An absent (empty) Host is
// allowed: browsers always send one, so only non-browser clients (HTTP/1.0) omit it.
bool host_allowed(const AccessPolicy& policy, std::string_view host_header);

enum class OriginVerdict {
  kNone,        // no Origin header: not a browser request
  kSameOrigin,  // the page was served by this server (the console)
  kAllowed,     // listed in AccessPolicy::origins (or "*")
  kForeign,     // any other web page: refused
};

// Classifies the Origin header of a request sent with `host_header` (already host_allowed).
OriginVerdict check_origin(const AccessPolicy& policy, std::string_view origin,
                           std::string_view host_header);

// Validates and normalizes one --allow-host value: a host name or IP address without a port
// (IPv6 in brackets or bare), or "*". Returns an empty string when invalid.
std::string normalize_allowed_host(std::string_view value);

// Validates and normalizes one --allow-origin value: scheme://host[:port] (one trailing slash
// is dropped), "null" or "*". Returns an empty string when invalid.
std::string normalize_allowed_origin(std::string_view value);

}  // namespace sfn::http
