// One Lambda invocation through an Invoke endpoint ("Invoke" in the Lambda API reference):
// the signed request, and Lambda's answer as Step Functions reports it.
#pragma once

#include <string>

#include "integrations/lambda/lambda_response.h"
#include "sfn/integrations/local_lambda.h"

namespace sfn::integrations::lambda {

struct EndpointCall {
  Invocation invocation;
  std::string function;  // FunctionName as given (name, NAME:QUALIFIER, partial or full ARN)
  std::string region;    // for the signature: the ARN's, or the execution's
  Json event;
  Json parameters;  // lambda:invoke's: Qualifier, InvocationType, LogType, ClientContext
};

// Reports started, sends the request, then reports its end. The canceller aborts the request.
TaskCanceller invoke_endpoint(const LocalLambdaOptions::Endpoint& endpoint, EndpointCall call,
                              const TaskListener& listener);

// The final report for an endpoint's answer.
TaskReport endpoint_report(const HttpResult& result, const Invocation& invocation);

}  // namespace sfn::integrations::lambda
