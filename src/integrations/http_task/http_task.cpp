// The HTTP Task's answer ({Headers, ResponseBody, StatusCode, StatusText}; non-2xx as
// States.Http.StatusCode.<code>; "Unsupported HTTP Task responses" as States.Runtime) and the
// integration that sends the request through the shared client.
#include "sfn/integrations/http_task.h"

#include "sfn/common/ascii.h"
#include "sfn/common/states_errors.h"

namespace sfn::integrations {
namespace {

// The HTTP Task asks for bytes 0-262144 (its Range header).
constexpr std::size_t kResponseLimit = 262145;

// "application/json" from "Application/JSON; charset=utf-8".
std::string media_type(const std::string& content_type) {
  std::string t = ascii_lower(content_type.substr(0, content_type.find(';')));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  while (!t.empty() && t.front() == ' ') t.erase(0, 1);
  return t;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xe  ? 3
                    : (c >> 3) == 0x1e ? 4
                                       : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xc0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

class HttpTask final : public Integration {
 public:
  explicit HttpTask(HttpTaskOptions options) : options_(std::move(options)) {}

  TaskCanceller run(const TaskRequest& request, TaskListener listener) override {
    Result<HttpRequest> call = http_task_request(request.parameters, request.region);
    if (!call) {
      listener(TaskReport::failed(call.error().error, call.error().cause));
      return {};
    }
    call->total_timeout = options_.timeout;
    call->connect_timeout = std::min(call->connect_timeout, options_.timeout);
    call->body_limit = kResponseLimit;
    listener(TaskReport::started());
    return options_.client->send(std::move(*call), [listener](HttpResult result) {
      listener(result ? http_task_report(*result) : http_task_failure(result.error()));
    });
  }

 private:
  HttpTaskOptions options_;
};

}  // namespace

TaskReport http_task_report(const HttpResponse& r) {
  const std::string type = media_type(r.header("Content-Type"));
  if (type == "application/octet-stream" || type.rfind("image/", 0) == 0 ||
      type.rfind("video/", 0) == 0 || type.rfind("audio/", 0) == 0) {
    return TaskReport::failed(
        errors::kRuntime,
        "The HTTP Task does not support responses of content type '" + type + "'.");
  }
  if (!valid_utf8(r.body)) {
    return TaskReport::failed(errors::kRuntime,
                              "The HTTP Task's response body is not valid UTF-8 text.");
  }
  Json headers = Json::object();
  for (const auto& [name, value] : r.headers) {
    Json& values = headers[ascii_lower(name)];
    if (values.is_null()) values = Json::array();
    values.push_back(value);
  }
  Json body = r.body;
  const bool json = type == "application/json" ||
                    (type.size() > 5 && type.compare(type.size() - 5, 5, "+json") == 0);
  if (json) {
    Json parsed = parse_json_or_discarded(r.body);
    if (!parsed.is_discarded()) body = std::move(parsed);
  }
  Json output = {{"Headers", std::move(headers)},
                 {"ResponseBody", std::move(body)},
                 {"StatusCode", r.status},
                 {"StatusText", r.reason}};
  if (r.status >= 200 && r.status < 300) return TaskReport::succeeded(std::move(output));
  return TaskReport::failed("States.Http.StatusCode." + std::to_string(r.status),
                            dump_compact(output));
}

TaskReport http_task_failure(const HttpError& error) {
  if (error.kind == HttpError::Kind::kBodyTooLarge) {
    return TaskReport::failed("States.DataLimitExceeded",
                              "The HTTP Task's response is larger than " +
                                  std::to_string(kResponseLimit) +
                                  " bytes (it asks for Range: bytes=0-262144).");
  }
  return TaskReport::failed("States.Http.Socket",
                            std::string(describe(error.kind)) + ": " + error.message);
}

std::shared_ptr<Integration> make_http_task(HttpTaskOptions options) {
  return std::make_shared<HttpTask>(std::move(options));
}

}  // namespace sfn::integrations
