// The AWS JSON 1.0 dispatcher: X-Amz-Target → handler, JSON body → request, result or error →
// response. Bad input gets AWS's error type; nothing escapes as an exception.
#include "sfn/api/dispatcher.h"

#include <spdlog/spdlog.h>

#include <map>

#include "api/service.h"

namespace sfn::api {
namespace {

constexpr std::string_view kTargetPrefix = "AWSStepFunctions.";

ApiResponse to_response(const ApiResult<Json>& r) {
  if (r) return ApiResponse{200, dump_compact(*r)};
  Json body{{"__type", r.error().type}, {"message", r.error().message}};
  return ApiResponse{r.error().status, dump_compact(body)};
}

class ServiceDispatcher final : public Dispatcher {
 public:
  ServiceDispatcher(boost::asio::io_context& io, store::Store& store, const ServiceOptions& options)
      : service_(io, store, options) {
    register_state_machine_handlers(handlers_);
    register_execution_handlers(handlers_);
    register_history_handlers(handlers_);
    register_activity_handlers(handlers_);
    register_tag_handlers(handlers_);
  }

  void dispatch(ApiRequest request, ApiCallback done) override {
    auto reply = [done](ApiResult<Json> r) { done(to_response(r)); };
    std::string_view target = request.target;
    if (target.substr(0, kTargetPrefix.size()) != kTargetPrefix)
      return reply(api_error("UnknownOperationException", "Unknown operation " + request.target));
    auto it = handlers_.find(std::string(target.substr(kTargetPrefix.size())));
    if (it == handlers_.end())
      return reply(api_error("UnknownOperationException", "Unknown operation " + request.target));
    Json body = request.body.empty() ? Json::object() : parse_json_or_discarded(request.body);
    if (body.is_discarded() || !body.is_object())
      return reply(api_error("SerializationException", "Start of structure or map found where not expected / request body is not valid JSON"));
    try {
      it->second(service_, body, reply);
    } catch (const std::exception& e) {
      spdlog::error("{} failed: {}", request.target, e.what());
      ApiError err{"InternalFailure", "Internal failure: " + std::string(e.what()), 500};
      reply(tl::unexpected(err));
    }
  }

  void start() override { service_.load(); }
  void shutdown() override { service_.runtime->shutdown(); }

 private:
  Service service_;
  std::map<std::string, Handler> handlers_;
};

}  // namespace

std::unique_ptr<Dispatcher> make_dispatcher(boost::asio::io_context& io, store::Store& store,
                                            const ServiceOptions& options) {
  return std::make_unique<ServiceDispatcher>(io, store, options);
}

}  // namespace sfn::api
