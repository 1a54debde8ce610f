// The AWS JSON 1.0 dispatcher: X-Amz-Target → handler, JSON body → request, result or error →
// response. Bad input gets AWS's error type; nothing escapes as an exception.
#include "sfn/api/dispatcher.h"

#include <map>

#include "api/service.h"

namespace sfn::api {
namespace {

constexpr std::string_view kTargetPrefix = "AWSStepFunctions.";

// Operations that change nothing the store keeps (they answer without waiting for a commit).
bool read_only(std::string_view operation) {
  return operation.starts_with("Describe") || operation.starts_with("List") ||
         operation == "GetExecutionHistory" || operation == "ValidateStateMachineDefinition";
}

ApiResponse to_response(const ApiResult<Json>& r) {
  if (r) return ApiResponse{200, dump_compact(*r)};
  Json body{{"__type", r.error().type}, {"message", r.error().message}};
  return ApiResponse{r.error().status, dump_compact(body)};
}

class ServiceDispatcher final : public Dispatcher {
 public:
  ServiceDispatcher(boost::asio::io_context& io, store::Store& store,
                    const engine::RuntimeOptions& options)
      : service_(io, store, options) {
    register_state_machine_handlers(handlers_);
    register_execution_handlers(handlers_);
    register_history_handlers(handlers_);
    register_activity_handlers(handlers_);
    register_tag_handlers(handlers_);
  }

  void dispatch(ApiRequest request, ApiCallback done) override {
    auto answer = [done](ApiResult<Json> r) { done(to_response(r)); };
    std::string_view target = request.target;
    if (target.substr(0, kTargetPrefix.size()) != kTargetPrefix)
      return answer(api_error("UnknownOperationException", "Unknown operation " + request.target));
    const std::string operation(target.substr(kTargetPrefix.size()));
    auto it = handlers_.find(operation);
    if (it == handlers_.end())
      return answer(api_error("UnknownOperationException", "Unknown operation " + request.target));
    // A change is acknowledged only once it is committed: the answer waits for the store's
    // barrier (group commit), and a failed commit turns it into InternalFailure.
    Reply reply = answer;
    if (!read_only(operation)) {
      reply = [this, done, since = service_.store.write_position()](ApiResult<Json> r) {
        service_.store.when_committed(since, [done, r = std::move(r)](bool committed) {
          if (committed) return done(to_response(r));
          done(to_response(internal_failure("a change was not saved to the database")));
        });
      };
    }
    Json body = request.body.empty() ? Json::object() : parse_json_or_discarded(request.body);
    if (body.is_discarded() || !body.is_object())
      return reply(api_error(
          "SerializationException",
          "Start of structure or map found where not expected / request body is not valid JSON"));
    try {
      it->second(service_, body, reply);
    } catch (const std::exception& e) {
      reply(internal_failure(request.target + " failed: " + e.what()));
    }
  }

  void start() override { service_.load(); }
  void shutdown() override { service_.runtime->shutdown(); }
  void set_mocks(std::shared_ptr<const integrations::MockConfig> mocks) override {
    service_.runtime->set_mocks(std::move(mocks));
  }

 private:
  Service service_;
  std::map<std::string, Handler> handlers_;
};

}  // namespace

std::unique_ptr<Dispatcher> make_dispatcher(boost::asio::io_context& io, store::Store& store,
                                            const engine::RuntimeOptions& options) {
  return std::make_unique<ServiceDispatcher>(io, store, options);
}

}  // namespace sfn::api
