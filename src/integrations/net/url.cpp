// URL parsing for the outbound client (RFC 3986 "Syntax Components", http and https only) and
// percent-encoding ("Percent-Encoding", unreserved characters kept).
#include "sfn/integrations/url.h"

#include <algorithm>
#include <cctype>

#include "sfn/common/ascii.h"

namespace sfn::integrations {
namespace {

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Url> fail(std::string* why, std::string text) {
  if (why) *why = std::move(text);
  return std::nullopt;
}

// A registered name or IPv4 address: letters, digits, '-', '.', '_' (no spaces, no '%').
bool valid_host_name(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '.' || c == '_';
  });
}

}  // namespace

std::string Url::authority() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::string Url::host_header() const {
  const bool v6 = host.find(':') != std::string::npos;
  std::string h = v6 ? "[" + host + "]" : host;
  const std::uint16_t standard = https() ? 443 : 80;
  return port == standard ? h : h + ":" + std::to_string(port);
}

std::string Url::target() const { return query.empty() ? path : path + "?" + query; }

std::optional<Url> parse_url(std::string_view text, std::string* why) {
  const auto colon = text.find("://");
  if (colon == std::string_view::npos) return fail(why, "no scheme (expected http:// or https://)");
  Url url;
  url.scheme = ascii_lower(text.substr(0, colon));
  if (url.scheme != "http" && url.scheme != "https") {
    return fail(why, "unsupported scheme '" + url.scheme + "' (expected http or https)");
  }
  std::string_view rest = text.substr(colon + 3);
  if (const auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const auto path_at = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, path_at);
  rest = path_at == std::string_view::npos ? std::string_view() : rest.substr(path_at);
  if (authority.find('@') != std::string_view::npos) return fail(why, "user info is not supported");

  std::string_view port_text;
  if (!authority.empty() && authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return fail(why, "unclosed '[' in the host");
    url.host = std::string(authority.substr(1, close - 1));
    const std::string_view after = authority.substr(close + 1);
    if (!after.empty() && after.front() != ':') return fail(why, "unexpected text after ']'");
    if (!after.empty()) port_text = after.substr(1);
    if (url.host.empty() || !std::all_of(url.host.begin(), url.host.end(), [](unsigned char c) {
          return std::isxdigit(c) || c == ':' || c == '.';
        })) {
      return fail(why, "invalid IPv6 address");
    }
  } else {
    const auto port_colon = authority.rfind(':');
    url.host = std::string(authority.substr(0, port_colon));
    if (port_colon != std::string_view::npos) port_text = authority.substr(port_colon + 1);
    if (!valid_host_name(url.host)) return fail(why, "invalid or empty host");
  }
  if (port_text.empty()) {
    url.port = url.https() ? 443 : 80;
  } else {
    unsigned long port = 0;
    for (char c : port_text) {
      if (c < '0' || c > '9' || port > 65535) return fail(why, "invalid port");
      port = port * 10 + static_cast<unsigned long>(c - '0');
    }
    if (port == 0 || port > 65535) return fail(why, "invalid port");
    url.port = static_cast<std::uint16_t>(port);
  }

  const auto question = rest.find('?');
  url.path = std::string(rest.substr(0, question));
  if (url.path.empty()) url.path = "/";
  if (question != std::string_view::npos) url.query = std::string(rest.substr(question + 1));
  const auto bad = [](unsigned char c) { return c <= ' ' || c >= 0x7f; };
  if (std::any_of(url.path.begin(), url.path.end(), bad) ||
      std::any_of(url.query.begin(), url.query.end(), bad)) {
    return fail(why, "spaces or control characters must be percent-encoded");
  }
  return url;
}

std::string percent_encode(std::string_view text, std::string_view keep) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || keep.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0x0f];
    }
  }
  return out;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace sfn::integrations
