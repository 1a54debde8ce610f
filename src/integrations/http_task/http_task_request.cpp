// The HTTP Task's request ("HTTP Task fields"): ApiEndpoint and Method required, a connection
// named, Headers without the ones Step Functions reserves, QueryParameters URL-encoded onto the
// endpoint, RequestBody as JSON or, with Transform.RequestBodyEncoding URL_ENCODED, as form data;
// Step Functions' own User-Agent and Range headers.
#include <algorithm>
#include <array>
#include <cctype>

#include "integrations/http_task/form_encoding.h"
#include "sfn/common/ascii.h"
#include "sfn/common/states_errors.h"
#include "sfn/integrations/http_task.h"
#include "sfn/integrations/url.h"

namespace sfn::integrations {
namespace {

constexpr std::array<std::string_view, 7> kMethods{"GET",   "POST",    "PUT", "DELETE",
                                                   "PATCH", "OPTIONS", "HEAD"};

// "You can't use the following headers in your HTTP Task definition" (and x-forwarded-*,
// x-amz-*, x-amzn-*).
constexpr std::array<std::string_view, 32> kReservedHeaders{"a-im",
                                                            "accept-charset",
                                                            "accept-datetime",
                                                            "accept-encoding",
                                                            "authorization",
                                                            "cache-control",
                                                            "connection",
                                                            "content-encoding",
                                                            "content-md5",
                                                            "date",
                                                            "expect",
                                                            "forwarded",
                                                            "from",
                                                            "host",
                                                            "http2-settings",
                                                            "if-match",
                                                            "if-modified-since",
                                                            "if-none-match",
                                                            "if-range",
                                                            "if-unmodified-since",
                                                            "max-forwards",
                                                            "origin",
                                                            "pragma",
                                                            "proxy-authorization",
                                                            "referer",
                                                            "server",
                                                            "te",
                                                            "trailer",
                                                            "transfer-encoding",
                                                            "upgrade",
                                                            "via",
                                                            "warning"};
constexpr std::array<std::string_view, 3> kReservedPrefixes{"x-forwarded-", "x-amz-", "x-amzn-"};

tl::unexpected<StatesError> runtime(std::string cause) {
  return states_error(errors::kRuntime, std::move(cause));
}

bool reserved(std::string_view name) {
  const std::string l = ascii_lower(name);
  if (std::find(kReservedHeaders.begin(), kReservedHeaders.end(), l) != kReservedHeaders.end()) {
    return true;
  }
  return std::any_of(kReservedPrefixes.begin(), kReservedPrefixes.end(),
                     [&](std::string_view p) { return l.rfind(p, 0) == 0; });
}

// RFC 9110 token characters.
bool valid_header_name(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) ||
           std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
  });
}

const Json* field(const Json& parameters, const char* name) {
  const auto it = parameters.find(name);
  return it == parameters.end() ? nullptr : &*it;
}

std::string scalar_text(const Json& v) {
  return v.is_string() ? v.get<std::string>() : v.is_null() ? "" : dump_compact(v);
}

Result<HttpHeaders> headers_of(const Json* headers) {
  HttpHeaders out;
  if (!headers) return out;
  if (!headers->is_object()) return runtime("The HTTP Task's Headers must be a JSON object.");
  for (const auto& [name, value] : headers->items()) {
    if (!valid_header_name(name)) return runtime("Invalid header name '" + name + "'.");
    if (reserved(name)) {
      return runtime("The header '" + name +
                     "' is not allowed in an HTTP Task (see \"Call "
                     "HTTPS APIs in Step Functions workflows\", Headers).");
    }
    std::string text;
    if (value.is_array()) {
      for (const auto& item : value) text += (text.empty() ? "" : ",") + scalar_text(item);
    } else if (value.is_object()) {
      return runtime("The value of header '" + name + "' must be a string, number or array.");
    } else {
      text = scalar_text(value);
    }
    if (text.find_first_of("\r\n") != std::string::npos) {
      return runtime("The value of header '" + name + "' contains a line break.");
    }
    out.emplace_back(name, std::move(text));
  }
  return out;
}

Result<std::string> query_of(const Json* query) {
  if (!query) return std::string();
  if (query->is_string()) return percent_encode(query->get<std::string>(), "=&;,/:+@!$'()*?");
  if (query->is_object()) return form_encode(*query, ArrayFormat::kRepeat);
  if (query->is_array()) {
    std::string out;
    for (const auto& item : *query) {
      Result<std::string> part = query_of(&item);
      if (!part) return part;
      if (!part->empty()) out += (out.empty() ? "" : "&") + *part;
    }
    return out;
  }
  return runtime("The HTTP Task's QueryParameters must be a JSON object, array or string.");
}

Result<std::string> body_of(const Json* body, const Json* transform) {
  if (!body) return std::string();
  std::string encoding = "NONE";
  ArrayFormat format = ArrayFormat::kIndices;
  if (transform) {
    if (!transform->is_object()) return runtime("The HTTP Task's Transform must be a JSON object.");
    if (const Json* e = field(*transform, "RequestBodyEncoding")) encoding = scalar_text(*e);
    if (encoding != "NONE" && encoding != "URL_ENCODED") {
      return runtime("RequestBodyEncoding must be NONE or URL_ENCODED, not '" + encoding + "'.");
    }
    if (const Json* options = field(*transform, "RequestEncodingOptions")) {
      const Json* f = options->is_object() ? field(*options, "ArrayFormat") : nullptr;
      auto parsed = f && f->is_string() ? parse_array_format(f->get<std::string>()) : std::nullopt;
      if (f && !parsed) {
        return runtime("ArrayFormat must be INDICES, REPEAT, COMMAS or BRACKETS, not " +
                       dump_compact(*f) + ".");
      }
      if (parsed) format = *parsed;
    }
  }
  if (body->is_string()) return body->get<std::string>();
  if (encoding == "URL_ENCODED") return form_encode(*body, format);
  return dump_compact(*body);
}

}  // namespace

Result<HttpRequest> http_task_request(const Json& parameters, const std::string& region) {
  if (!parameters.is_object()) return runtime("The HTTP Task's parameters must be a JSON object.");
  const Json* endpoint = field(parameters, "ApiEndpoint");
  if (!endpoint || !endpoint->is_string()) {
    return runtime("The HTTP Task needs ApiEndpoint, the URL to call, as a string.");
  }
  std::string why;
  auto url = parse_url(endpoint->get<std::string>(), &why);
  if (!url)
    return runtime("ApiEndpoint '" + endpoint->get<std::string>() + "' is not a URL: " + why);
  const Json* method = field(parameters, "Method");
  if (!method || !method->is_string() ||
      std::find(kMethods.begin(), kMethods.end(), method->get<std::string>()) == kMethods.end()) {
    return runtime(
        "The HTTP Task needs Method, one of GET, POST, PUT, DELETE, PATCH, OPTIONS or "
        "HEAD" +
        std::string(method ? ", not " + dump_compact(*method) : "") + ".");
  }
  bool connection = false;
  for (const char* holder : {"Authentication", "InvocationConfig"}) {
    const Json* h = field(parameters, holder);
    const Json* arn = h && h->is_object() ? field(*h, "ConnectionArn") : nullptr;
    connection =
        connection || (arn && arn->is_string() && !arn->get_ref<const std::string&>().empty());
  }
  if (!connection) {
    return runtime(
        "The HTTP Task needs an EventBridge connection: Authentication.ConnectionArn "
        "or InvocationConfig.ConnectionArn (sfn-local accepts any ARN and calls the "
        "API without its credentials).");
  }
  auto headers = headers_of(field(parameters, "Headers"));
  if (!headers) return tl::unexpected(headers.error());
  auto query = query_of(field(parameters, "QueryParameters"));
  if (!query) return tl::unexpected(query.error());
  const Json* body = field(parameters, "RequestBody");
  auto text = body_of(body, field(parameters, "Transform"));
  if (!text) return tl::unexpected(text.error());

  HttpRequest request;
  request.method = method->get<std::string>();
  request.url = endpoint->get<std::string>();
  if (const auto hash = request.url.find('#'); hash != std::string::npos) request.url.resize(hash);
  if (!query->empty()) request.url += (url->query.empty() ? "?" : "&") + *query;
  request.headers = std::move(*headers);
  const bool typed = std::any_of(request.headers.begin(), request.headers.end(), [](const auto& h) {
    return ascii_lower(h.first) == "content-type";
  });
  if (body && !typed)
    request.headers.emplace_back("Content-Type", "application/json; charset=UTF-8");
  request.headers.emplace_back("User-Agent", "Amazon|StepFunctions|HttpInvoke|" + region);
  request.headers.emplace_back("Range", "bytes=0-262144");
  request.body = std::move(*text);
  return request;
}

}  // namespace sfn::integrations
