// Intrinsic for unique identifiers: States.UUID() returns a version 4 UUID.
#include <cstdio>
#include <random>

#include "function_registry.h"

namespace sfn::intrinsics {
namespace {

Result<Json> uuid(const std::vector<Json>&) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  std::uint64_t hi = engine(), lo = engine();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 4122 variant
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(hi >> 32),
                static_cast<unsigned long long>((hi >> 16) & 0xFFFF),
                static_cast<unsigned long long>(hi & 0xFFFF),
                static_cast<unsigned long long>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return Json(std::string(buf));
}

}  // namespace

void register_uuid_functions(FunctionRegistry& r) { r.add({"States.UUID", 0, 0, {}, false, uuid}); }

}  // namespace sfn::intrinsics
