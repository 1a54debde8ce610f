#include "sfn/http/access_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <optional>

namespace sfn::http {
namespace {

constexpr std::string_view kSyncPrefix = "sync-";  // StartSyncExecution's host prefix

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

// "a.b-c" with name characters only (lower case already), no empty name.
bool valid_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), is_name_char);
}

// The canonical text of an IP literal ("127.0.0.1", "[::1]"), or nullopt for a name.
std::optional<std::string> canonical_ip(std::string_view name) {
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (name.size() > 2 && name.front() == '[' && name.back() == ']') {
    const std::string inner(name.substr(1, name.size() - 2));
    in6_addr address{};
    if (inet_pton(AF_INET6, inner.c_str(), &address) != 1) return std::nullopt;
    inet_ntop(AF_INET6, &address, text.data(), text.size());
    return "[" + std::string(text.data()) + "]";
  }
  const std::string plain(name);
  in_addr address{};
  if (inet_pton(AF_INET, plain.c_str(), &address) != 1) return std::nullopt;
  inet_ntop(AF_INET, &address, text.data(), text.size());
  return std::string(text.data());
}

struct HostPort {
  std::string name;  // lower case, canonical for IP literals, without a trailing dot
  bool ip = false;
  std::optional<unsigned> port;
};

// Parses "name", "name:port", "[v6]" or "[v6]:port" (already lower case).
std::optional<HostPort> parse_host_port(std::string_view text) {
  std::string_view name = text;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    name = text.substr(0, close + 1);
    const std::string_view rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
      if (port.empty()) return std::nullopt;
    }
  } else if (const auto colon = text.find(':'); colon != std::string_view::npos) {
    name = text.substr(0, colon);
    port = text.substr(colon + 1);
    if (port.empty()) return std::nullopt;
  }
  HostPort out;
  if (!port.empty()) {
    if (port.size() > 5 ||
        !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::nullopt;
    }
    const unsigned value = static_cast<unsigned>(std::stoul(std::string(port)));
    if (value > 65535) return std::nullopt;
    out.port = value;
  }
  if (auto ip = canonical_ip(name)) {
    out.name = std::move(*ip);
    out.ip = true;
    return out;
  }
  if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);  // "localhost."
  if (!valid_name(name)) return std::nullopt;
  out.name = std::string(name);
  return out;
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool name_allowed(const AccessPolicy& policy, const HostPort& host) {
  if (contains(policy.hosts, host.name)) return true;
  return policy.wildcard_address && (host.ip || host.name.find('.') == std::string::npos);
}

std::optional<unsigned> default_port(std::string_view scheme) {
  if (scheme == "http") return 80u;
  if (scheme == "https") return 443u;
  return std::nullopt;
}

struct Origin {
  std::string scheme;
  HostPort host;
};

// Parses "scheme://host[:port]" (already lower case); nullopt for anything else.
std::optional<Origin> parse_origin(std::string_view text) {
  const auto separator = text.find("://");
  if (separator == std::string_view::npos || separator == 0) return std::nullopt;
  const std::string_view scheme = text.substr(0, separator);
  if (scheme.front() < 'a' || scheme.front() > 'z') return std::nullopt;
  for (char c : scheme) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
      return std::nullopt;
    }
  }
  std::optional<HostPort> host = parse_host_port(text.substr(separator + 3));
  if (!host) return std::nullopt;
  return Origin{std::string(scheme), std::move(*host)};
}

}  // namespace

AccessPolicy make_access_policy(std::string_view listen_host,
                                const std::vector<std::string>& allow_hosts,
                                const std::vector<std::string>& allow_origins,
                                std::string_view machine_hostname) {
  AccessPolicy policy;
  const std::string listen = lower(listen_host);
  auto add_host = [&policy](std::string_view value) {
    std::string host = normalize_allowed_host(value);
    if (!host.empty() && !contains(policy.hosts, host)) policy.hosts.push_back(std::move(host));
  };
  if (listen == "0.0.0.0" || listen == "::" || listen == "[::]") {
    policy.wildcard_address = true;
    add_host(machine_hostname);
  } else {
    add_host(listen);
  }
  for (const std::string& host : allow_hosts) add_host(host);
  for (const std::string& value : allow_origins) {
    std::string origin = normalize_allowed_origin(value);
    if (!origin.empty() && !contains(policy.origins, origin)) {
      policy.origins.push_back(std::move(origin));
    }
  }
  return policy;
}

std::string machine_hostname() {
  std::array<char, 256> name{};
  if (gethostname(name.data(), name.size() - 1) != 0) return {};
  return lower(name.data());
}

bool host_allowed(const AccessPolicy& policy, std::string_view host_header) {
  if (host_header.empty() || contains(policy.hosts, "*")) return true;
  std::optional<HostPort> host = parse_host_port(lower(host_header));
  if (!host) return false;
  if (name_allowed(policy, *host)) return true;
  if (host->ip || host->name.rfind(kSyncPrefix, 0) != 0) return false;
  host->name.erase(0, kSyncPrefix.size());
  return !host->name.empty() && name_allowed(policy, *host);
}

OriginVerdict check_origin(const AccessPolicy& policy, std::string_view origin,
                           std::string_view host_header) {
  if (origin.empty()) return OriginVerdict::kNone;
  const std::string text = lower(origin);
  // Same origin: http(s)://<the Host this request was sent to>, default ports made explicit.
  if (std::optional<Origin> parsed = parse_origin(text); parsed && !host_header.empty()) {
    const std::optional<unsigned> scheme_port = default_port(parsed->scheme);
    std::optional<HostPort> host = parse_host_port(lower(host_header));
    if (scheme_port && host && host->name == parsed->host.name &&
        host->port.value_or(*scheme_port) == parsed->host.port.value_or(*scheme_port)) {
      return OriginVerdict::kSameOrigin;
    }
  }
  if (contains(policy.origins, "*") || contains(policy.origins, text)) {
    return OriginVerdict::kAllowed;
  }
  return OriginVerdict::kForeign;
}

std::string normalize_allowed_host(std::string_view value) {
  std::string text = lower(value);
  if (text == "*") return text;
  if (text.find(':') != std::string::npos && text.front() != '[') {
    text = "[" + text + "]";  // a bare IPv6 address; "name:port" fails below
  }
  std::optional<HostPort> host = parse_host_port(text);
  if (!host || host->port) return {};
  return host->name;
}

std::string normalize_allowed_origin(std::string_view value) {
  std::string text = lower(value);
  if (text == "*" || text == "null") return text;
  if (!text.empty() && text.back() == '/') text.pop_back();
  std::optional<Origin> origin = parse_origin(text);
  if (!origin) return {};
  std::string out = origin->scheme + "://" + origin->host.name;
  if (origin->host.port && origin->host.port != default_port(origin->scheme)) {
    out += ":" + std::to_string(*origin->host.port);
  }
  return out;
}

}  // namespace sfn::http
