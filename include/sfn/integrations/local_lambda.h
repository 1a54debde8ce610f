// Lambda through local handlers (`--lambda NAME=COMMAND`): both Lambda resource forms run the
// operator's command for the named function, with the event JSON on stdin and the function's
// response on stdout, as AWS Lambda's Invoke (RequestResponse) would answer. Processes are
// spawned asynchronously on the app's io_context, bounded in number, and killed (their whole
// process group) when the engine cancels the attempt (TimeoutSeconds, StopExecution).
// Functions without a handler go to a Lambda Invoke endpoint when one is configured
// (`--lambda-endpoint`: SAM's `sam local start-lambda`, LocalStack, moto, AWS itself), through
// the shared HTTP client, SigV4-signed; the request is aborted when the engine cancels.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sfn/common/deployment.h"
#include "sfn/integrations/http_client.h"
#include "sfn/integrations/integration.h"
#include "sfn/integrations/sigv4.h"

namespace boost::asio {
class io_context;
}

namespace sfn::integrations {

// A Lambda FunctionName as the Invoke API accepts it: "NAME", "NAME:QUALIFIER",
// "ACCOUNT:function:NAME[:QUALIFIER]" (partial ARN) or
// "arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]". Region and account are empty
// when the text does not give them.
struct LambdaFunctionRef {
  std::string name;
  std::string qualifier;
  std::string region;
  std::string account;
};
std::optional<LambdaFunctionRef> resolve_function_name(std::string_view text);

// Lambda's function-name rule for a bare name: [A-Za-z0-9-_]{1,64}.
bool valid_function_name(std::string_view name);

struct LocalLambdaOptions {
  std::map<std::string, std::string, std::less<>> handlers;  // function name -> shell command
  Deployment deployment;           // the partition, region and account of ARNs in messages
  std::size_t max_processes = 64;  // beyond it, invocations queue
  // Lambda's synchronous response limit (6 MB); stdout or stderr beyond it fails the call.
  std::size_t max_output_bytes = 6291556;

  // Where functions without a handler are invoked: Lambda's Invoke REST API
  // (POST /2015-03-31/functions/NAME/invocations), signed for the service "lambda".
  struct Endpoint {
    std::string url;  // http(s)://host[:port][/prefix]
    std::shared_ptr<HttpClient> client;
    AwsCredentials credentials;
    std::chrono::milliseconds timeout{16 * 60 * 1000};  // Lambda's 15 minutes and a margin
  };
  std::optional<Endpoint> endpoint;
};

class LocalLambda {
 public:
  // `io` runs the pipes and the exit watches; it must outlive every integration handed out.
  LocalLambda(boost::asio::io_context& io, LocalLambdaOptions options);
  ~LocalLambda();
  LocalLambda(const LocalLambda&) = delete;
  LocalLambda& operator=(const LocalLambda&) = delete;

  // arn:aws:states:::lambda:invoke (registry key "lambda"): answers Invoke's response object.
  std::shared_ptr<Integration> invoke() const;
  // arn:aws:lambda:REGION:ACCOUNT:function:NAME (registry key "lambda-arn"): the payload itself.
  std::shared_ptr<Integration> function_arn() const;

  // Processes running now / invocations waiting for a slot (for tests and logs).
  std::size_t running() const;
  std::size_t queued() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace sfn::integrations
