// Where the emulated service runs: the partition, region and account that every ARN sfn-local
// makes carries (state machines, executions, activities, Lambda functions named without an
// ARN) and that a Task reports as its region. One value per process (--region, --account),
// built by the app's configuration and handed to the runtime and the integrations.
#pragma once

#include <string>

namespace sfn {

struct Deployment {
  std::string partition = "aws";
  std::string region = "us-east-1";
  std::string account = "123456789012";  // 12 digits
};

}  // namespace sfn
