#include "integrations/lambda/lambda_response.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>  // sigdescr_np
#include <random>
#include <vector>

#include "sfn/common/ascii.h"
#include "sfn/integrations/sdk_response.h"

namespace sfn::integrations::lambda {
namespace {

// stderr lines kept in a Runtime.ExitError's stackTrace, and the longest line kept.
constexpr std::size_t kStderrLines = 10;
constexpr std::size_t kStderrLineLength = 1000;

std::string hex(std::size_t digits) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < digits; ++i) out += kHex[rng() % 16];
  return out;
}

std::string trace_id() {
  char epoch[16];
  std::snprintf(epoch, sizeof epoch, "%08lx", static_cast<unsigned long>(std::time(nullptr)));
  return "Root=1-" + std::string(epoch) + "-" + hex(24) + ";Parent=" + hex(16) + ";Sampled=0";
}

// A string value for text that may not be UTF-8 (invalid bytes replaced).
Json text_json(const std::string& text) {
  return Json::parse(Json(text).dump(-1, ' ', false, Json::error_handler_t::replace));
}

// "exit status 3", or Go's wording for a signal ("signal: killed"), as Lambda's runtime says.
std::string exit_description(const ProcessResult& r) {
  if (r.signal == 0) return "exit status " + std::to_string(r.exit_code);
  const char* name = sigdescr_np(r.signal);  // thread-safe, unlike strsignal
  return "signal: " + ascii_lower(name ? name : "signal " + std::to_string(r.signal));
}

// The last lines of stderr, for the cause of a handler that crashed.
Json stderr_lines(const std::string& tail) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < tail.size()) {
    std::size_t end = tail.find('\n', start);
    if (end == std::string::npos) end = tail.size();
    if (end > start) lines.push_back(tail.substr(start, std::min(end - start, kStderrLineLength)));
    start = end + 1;
  }
  if (lines.size() > kStderrLines) lines.erase(lines.begin(), lines.end() - kStderrLines);
  Json out = Json::array();
  for (const auto& l : lines) out.push_back(text_json(l));
  return out;
}

bool is_error_object(const Json& v) {
  return v.is_object() && (v.contains("errorType") || v.contains("errorMessage"));
}

}  // namespace

TaskReport function_error(const Json& object, const std::string& text, bool invoke_form) {
  const auto type = object.is_object() ? object.find("errorType") : object.end();
  if (type == object.end() || !type->is_string() || type->get<std::string>().empty()) {
    return TaskReport::failed(
        "Lambda.Unknown",
        "The cause could not be determined because Lambda did not return an error type. "
        "Returned payload: " +
            (object.is_discarded() ? text : dump_compact(object)));
  }
  std::string cause = invoke_form ? dump_compact(object) : text_json(text).get<std::string>();
  while (!cause.empty() && std::isspace(static_cast<unsigned char>(cause.back()))) cause.pop_back();
  return TaskReport::failed(type->get<std::string>(), std::move(cause));
}

Json payload_of(const std::string& out) {
  if (out.find_first_not_of(" \t\r\n") == std::string::npos) return nullptr;
  Json parsed = parse_json_or_discarded(out);
  if (!parsed.is_discarded()) return parsed;
  std::string text = out;
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text_json(text);
}

Json invoke_output(Json payload, const std::string& request_id, std::size_t length) {
  InvokeHttp http;
  http.headers = {{"Connection", "keep-alive"},          {"Content-Length", std::to_string(length)},
                  {"Content-Type", "application/json"},  {"Date", http_date()},
                  {"X-Amz-Executed-Version", "$LATEST"}, {"x-amzn-Remapped-Content-Length", "0"},
                  {"x-amzn-RequestId", request_id},      {"X-Amzn-Trace-Id", trace_id()}};
  return invoke_response(std::move(payload), request_id, http);
}

Json invoke_response(Json payload, const std::string& request_id, const InvokeHttp& http) {
  return Json{{"ExecutedVersion", http.executed_version},
              {"Payload", std::move(payload)},
              {"SdkHttpMetadata", sdk_http_metadata(http.headers, http.status)},
              {"SdkResponseMetadata", sdk_response_metadata(request_id)},
              {"StatusCode", http.status}};
}

std::string not_found_cause(const std::string& function_arn, const std::string& request_id) {
  return sdk_error_cause("Function not found: " + function_arn, "AWSLambda", 404,
                         "ResourceNotFoundException", request_id);
}

TaskReport process_report(const ProcessResult& r, const Invocation& inv) {
  if (!r.spawn_error.empty()) {
    return TaskReport::failed("Lambda.ServiceException", r.spawn_error,
                              TaskReport::Kind::kStartFailed);
  }
  if (r.output_too_large) {
    const Json error = {{"errorMessage",
                         "Response payload size exceeded maximum allowed payload size (6291556 "
                         "bytes)."},
                        {"errorType", "Function.ResponseSizeTooLarge"}};
    return function_error(error, dump_compact(error), inv.invoke_form);
  }
  const Json payload = payload_of(r.out);
  if (is_error_object(payload)) return function_error(payload, r.out, inv.invoke_form);
  if (r.signal != 0 || r.exit_code != 0) {
    Json error = {{"errorMessage", "RequestId: " + inv.request_id +
                                       " Error: Runtime exited with error: " + exit_description(r)},
                  {"errorType", "Runtime.ExitError"}};
    Json lines = stderr_lines(r.err_tail);
    if (!lines.empty()) error["stackTrace"] = std::move(lines);
    return function_error(error, dump_compact(error), inv.invoke_form);
  }
  if (!inv.invoke_form) return TaskReport::succeeded(payload);
  return TaskReport::succeeded(invoke_output(payload, inv.request_id, r.out.size()));
}

}  // namespace sfn::integrations::lambda
