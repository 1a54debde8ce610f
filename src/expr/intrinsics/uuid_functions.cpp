// Intrinsic for unique identifiers: States.UUID() returns a version 4 UUID.
#include "expr/intrinsics/intrinsic_registry.h"
#include "sfn/common/ids.h"

namespace sfn::intrinsics {
namespace {

Result<Json> uuid(const std::vector<Json>&) { return Json(make_uuid()); }

}  // namespace

void register_uuid_functions(IntrinsicRegistry& r) {
  r.add({"States.UUID", 0, 0, {}, false, uuid});
}

}  // namespace sfn::intrinsics
