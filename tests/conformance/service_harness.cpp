// ServiceHarness: the wiring of src/app/main.cpp without the HTTP server.
#include "service_harness.h"

#include <spdlog/spdlog.h>

#include <future>

namespace sfn::conformance {

std::string CallResult::describe(const std::string& op) const {
  return op + ": HTTP " + std::to_string(status) + " " + error_code + ": " + message;
}

ServiceHarness::ServiceHarness(const engine::RuntimeOptions& options, unsigned threads)
    : store_(store::open_sqlite_store(":memory:")),
      io_(static_cast<int>(threads)),
      work_(boost::asio::make_work_guard(io_)) {
  dispatcher_ = api::make_dispatcher(io_, *store_, options);
  dispatcher_->start();
  for (unsigned i = 0; i < threads; ++i) {
    threads_.emplace_back([this] {
      for (;;) {
        try {
          io_.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("conformance: unexpected error in the event loop: {}", e.what());
        }
      }
    });
  }
}

ServiceHarness::~ServiceHarness() { stop(); }

void ServiceHarness::stop() {
  if (stopped_) return;
  stopped_ = true;
  dispatcher_->shutdown();
  work_.reset();
  io_.stop();
  for (auto& t : threads_) t.join();
  store_->flush();
  dispatcher_.reset();  // joins the engine's threads too
}

CallResult ServiceHarness::call(const std::string& op, const Json& payload,
                                std::chrono::milliseconds timeout) {
  auto promise = std::make_shared<std::promise<api::ApiResponse>>();
  auto future = promise->get_future();
  dispatcher_->dispatch(
      api::ApiRequest{"AWSStepFunctions." + op, dump_compact(payload)},
      [promise](api::ApiResponse response) { promise->set_value(std::move(response)); });
  CallResult out;
  if (future.wait_for(timeout) != std::future_status::ready) {
    out.error_code = "NoResponse";
    out.message = "no response within " + std::to_string(timeout.count()) + " ms";
    return out;
  }
  api::ApiResponse response = future.get();
  out.status = response.status;
  out.body = response.body.empty() ? Json::object() : parse_json_or_discarded(response.body);
  if (out.body.is_discarded()) {
    out.body = Json::object();
    if (out.ok()) {
      out.status = 0;
      out.error_code = "BadResponse";
      out.message = "response body is not JSON: " + response.body.substr(0, 200);
    }
  }
  if (!out.ok() && out.error_code.empty()) {
    out.error_code = "Unknown";
    out.message = response.body.substr(0, 200);
    if (out.body.is_object()) {
      std::string type = out.body.value("__type", std::string("Unknown"));
      out.error_code = type.substr(type.rfind('#') == std::string::npos ? 0 : type.rfind('#') + 1);
      if (out.body.contains("message") && out.body["message"].is_string())
        out.message = out.body["message"].get<std::string>();
      else if (out.body.contains("Message") && out.body["Message"].is_string())
        out.message = out.body["Message"].get<std::string>();
    }
  }
  return out;
}

}  // namespace sfn::conformance
