// The two Lambda resource forms: resolves the function, then runs its local handler through
// the process runner, or invokes it at the configured endpoint, or reports it missing.
#include "sfn/integrations/local_lambda.h"

#include "integrations/lambda/invoke_endpoint.h"
#include "integrations/lambda/lambda_response.h"
#include "integrations/lambda/process_runner.h"
#include "sfn/common/ids.h"
#include "sfn/integrations/sdk_response.h"

namespace sfn::integrations {

struct LocalLambda::Impl {
  LocalLambdaOptions options;
  std::shared_ptr<lambda::ProcessRunner> runner;
};

namespace {

class LocalLambdaIntegration final : public Integration {
 public:
  LocalLambdaIntegration(std::shared_ptr<LocalLambda::Impl> impl, bool invoke_form)
      : impl_(std::move(impl)), invoke_form_(invoke_form) {}

  TaskCanceller run(const TaskRequest& request, TaskListener listener) override {
    lambda::Invocation invocation{invoke_form_, make_uuid()};
    LambdaFunctionRef ref;
    std::string partition = impl_->options.deployment.partition;
    std::string function;  // as the task names it
    Json event;
    if (invoke_form_) {
      const Json& p = request.parameters;
      const auto name = p.is_object() ? p.find("FunctionName") : p.end();
      std::optional<LambdaFunctionRef> resolved;
      if (name != p.end() && name->is_string())
        resolved = resolve_function_name(name->get_ref<const std::string&>());
      if (!resolved) {
        listener(TaskReport::failed(
            "Lambda.InvalidParameterValueException",
            sdk_error_cause("FunctionName must be a function name, NAME:QUALIFIER, a partial ARN "
                            "(ACCOUNT:function:NAME) or a function ARN; got " +
                                (name == p.end() ? std::string("nothing") : dump_compact(*name)),
                            "AWSLambda", 400, "InvalidParameterValueException",
                            invocation.request_id)));
        return {};
      }
      ref = std::move(*resolved);
      function = name->get<std::string>();
      const auto payload = p.find("Payload");
      event = payload == p.end() ? Json::object() : *payload;
    } else {
      const asl::TaskResource& r = *request.resource;
      ref = LambdaFunctionRef{r.name, r.qualifier, r.region, r.account};
      if (!r.partition.empty()) partition = r.partition;
      function = r.arn;
      event = request.parameters;
    }
    const auto handler = impl_->options.handlers.find(ref.name);
    if (handler == impl_->options.handlers.end() && impl_->options.endpoint) {
      lambda::EndpointCall call{invocation, std::move(function),
                                ref.region.empty() ? request.region : ref.region, std::move(event),
                                invoke_form_ ? request.parameters : Json()};
      return lambda::invoke_endpoint(*impl_->options.endpoint, std::move(call), listener);
    }
    if (handler == impl_->options.handlers.end()) {
      const std::string arn =
          "arn:" + partition + ":lambda:" + (ref.region.empty() ? request.region : ref.region) +
          ":" + (ref.account.empty() ? impl_->options.deployment.account : ref.account) +
          ":function:" + ref.name + ":" + (ref.qualifier.empty() ? "$LATEST" : ref.qualifier);
      listener(TaskReport::started());
      listener(TaskReport::failed("Lambda.ResourceNotFoundException",
                                  lambda::not_found_cause(arn, invocation.request_id)));
      return {};
    }
    lambda::ProcessSpec spec;
    spec.command = handler->second;
    spec.env = {{"AWS_LAMBDA_FUNCTION_NAME", ref.name}};
    spec.input = dump_compact(event);
    spec.max_output = impl_->options.max_output_bytes;
    return impl_->runner->run(
        std::move(spec), [listener] { listener(TaskReport::started()); },
        [listener, invocation](lambda::ProcessResult result) {
          listener(lambda::process_report(result, invocation));
        });
  }

 private:
  std::shared_ptr<LocalLambda::Impl> impl_;
  bool invoke_form_;
};

}  // namespace

LocalLambda::LocalLambda(boost::asio::io_context& io, LocalLambdaOptions options)
    : impl_(std::make_shared<Impl>()) {
  impl_->runner = std::make_shared<lambda::ProcessRunner>(io, options.max_processes);
  impl_->options = std::move(options);
}

LocalLambda::~LocalLambda() = default;

std::shared_ptr<Integration> LocalLambda::invoke() const {
  return std::make_shared<LocalLambdaIntegration>(impl_, true);
}

std::shared_ptr<Integration> LocalLambda::function_arn() const {
  return std::make_shared<LocalLambdaIntegration>(impl_, false);
}

std::size_t LocalLambda::running() const { return impl_->runner->running(); }
std::size_t LocalLambda::queued() const { return impl_->runner->queued(); }

}  // namespace sfn::integrations
