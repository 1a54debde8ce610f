// The AWS JSON 1.0 front door: one request (X-Amz-Target operation + JSON body) in, one
// response out. Pure of sockets, so it is tested without one; http/ calls it per request.
#pragma once

#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace sfn::store {
class Store;
}
namespace sfn::integrations {
class MockConfig;
}
namespace sfn::engine {
struct RuntimeOptions;
}

namespace sfn::api {

struct ApiRequest {
  std::string target;  // full X-Amz-Target header value, e.g. "AWSStepFunctions.StartExecution"
  std::string body;    // raw request body
};

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
  std::string content_type = "application/x-amz-json-1.0";
};

using ApiCallback = std::function<void(ApiResponse)>;

class Dispatcher {
 public:
  virtual ~Dispatcher() = default;
  // Completes exactly once, possibly later from another thread (long polls, sync executions).
  virtual void dispatch(ApiRequest request, ApiCallback done) = 0;
  // Starts background work (resuming RUNNING executions). Call once after construction.
  virtual void start() = 0;
  // Cancels long polls and pending work before the io_context stops.
  virtual void shutdown() = 0;
  // Replaces the mocked responses (the app reloads --mock-config on SIGHUP): executions started
  // afterwards use them, running ones keep theirs.
  virtual void set_mocks(std::shared_ptr<const integrations::MockConfig> mocks) = 0;
};

// The service over `store`, running executions with `options` (the deployment's region and
// account, wait time scale, integrations, mocks); it adds its own executions to the
// integrations as "states" (states:startExecution).
std::unique_ptr<Dispatcher> make_dispatcher(boost::asio::io_context& io, store::Store& store,
                                            const engine::RuntimeOptions& options);

}  // namespace sfn::api
