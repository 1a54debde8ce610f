// The whole service in-process: an in-memory SQLite store, an io_context on a small thread pool
// and the AWS JSON 1.0 dispatcher. `call` is a blocking request/response, like an HTTP client.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sfn/api/dispatcher.h"
#include "sfn/common/json.h"
#include "sfn/engine/runtime.h"
#include "sfn/store/store.h"

namespace sfn::conformance {

struct CallResult {
  int status = 0;          // HTTP status the dispatcher chose (200 on success)
  Json body;               // decoded response body (object; empty on no response)
  std::string error_code;  // `__type` without its namespace, on errors
  std::string message;     // error message, on errors

  bool ok() const { return status == 200; }
  // "<op>: HTTP <status> <code>: <message>", as run_cases.py's SfnError.
  std::string describe(const std::string& op) const;
};

class ServiceHarness {
 public:
  ServiceHarness(const engine::RuntimeOptions& options, unsigned threads);
  ~ServiceHarness();
  ServiceHarness(const ServiceHarness&) = delete;
  ServiceHarness& operator=(const ServiceHarness&) = delete;

  // Sends AWSStepFunctions.<op> with `payload`; waits for the response at most `timeout`
  // (status 0, error_code "NoResponse" after that).
  CallResult call(const std::string& op, const Json& payload,
                  std::chrono::milliseconds timeout = std::chrono::seconds(120));

  // Stops the service: cancels pending work, stops the io_context and joins the threads.
  void stop();

 private:
  std::unique_ptr<store::Store> store_;
  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::unique_ptr<api::Dispatcher> dispatcher_;
  std::vector<std::thread> threads_;
  bool stopped_ = false;
};

}  // namespace sfn::conformance
