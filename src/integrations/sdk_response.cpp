#include "sfn/integrations/sdk_response.h"

#include <cmath>
#include <ctime>

namespace sfn::integrations {

Json sdk_http_metadata(const HeaderList& headers, int status) {
  Json all = Json::object();
  Json single = Json::object();
  for (const auto& [name, value] : headers) {
    if (!all.contains(name)) all[name] = Json::array();
    all[name].push_back(value);
    single[name] = value;  // the last value of a repeated header
  }
  return Json{{"AllHttpHeaders", std::move(all)},
              {"HttpHeaders", std::move(single)},
              {"HttpStatusCode", status}};
}

Json sdk_response_metadata(const std::string& request_id) {
  return Json{{"RequestId", request_id}};
}

std::string sdk_error_cause(std::string_view message, std::string_view service, int status,
                            std::string_view code, std::string_view request_id) {
  std::string out(message);
  out += " (Service: ";
  out += service;
  out += "; Status Code: " + std::to_string(status) + "; Error Code: ";
  out += code;
  out += "; Request ID: ";
  out += request_id;
  out += "; Proxy: null)";
  return out;
}

std::string http_date() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

std::int64_t epoch_millis(double epoch_seconds) {
  return static_cast<std::int64_t>(std::llround(epoch_seconds * 1000.0));
}

}  // namespace sfn::integrations
