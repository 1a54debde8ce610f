// Random identifiers: UUIDs and task tokens. The one UUID generator of the project: execution
// names, Map run ids, revision ids, x-amzn-RequestId values, States.UUID() and JSONata's $uuid().
#pragma once

#include <string>

namespace sfn {

// A random version-4 UUID (RFC 4122 variant) in lowercase 8-4-4-4-12 form.
std::string make_uuid();

// An opaque task token (long, URL-safe), as AWS hands to activity workers and callbacks.
std::string make_task_token();

}  // namespace sfn
