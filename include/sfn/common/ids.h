// Random identifiers: UUIDs (execution names, task tokens, request ids).
#pragma once

#include <string>

namespace sfn {

// A random version-4 UUID in lowercase 8-4-4-4-12 form.
std::string make_uuid();

// An opaque task token (long, URL-safe), as AWS hands to activity workers and callbacks.
std::string make_task_token();

}  // namespace sfn
