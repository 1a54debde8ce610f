// Intrinsic for hash calculation: States.Hash(data, algorithm) with MD5, SHA-1, SHA-256,
// SHA-384 or SHA-512, returned as lowercase hex. The input data is limited to 128 KiB.
#include "expr/intrinsics/intrinsic_registry.h"
#include "sfn/common/digest.h"

namespace sfn::intrinsics {
namespace {

constexpr std::size_t kMaxInputBytes = 128 * 1024;

Result<Json> hash(const std::vector<Json>& args) {
  std::string data = args[0].is_string() ? args[0].get<std::string>() : dump_compact(args[0]);
  const auto& algorithm = args[1].get_ref<const std::string&>();
  const std::optional<DigestAlgorithm> digest = digest_algorithm(algorithm);
  if (!digest) {
    return intrinsic_failure("States.Hash", "the hash algorithm '" + algorithm +
                                                "' is not supported; use one of MD5, SHA-1, "
                                                "SHA-256, SHA-384, SHA-512");
  }
  if (data.size() > kMaxInputBytes) {
    return intrinsic_failure("States.Hash", "the input data must not exceed 128 KiB");
  }
  return Json(hex_digest(*digest, data));
}

}  // namespace

void register_hash_functions(IntrinsicRegistry& r) {
  r.add({"States.Hash", 2, 2, {ArgType::kAny, ArgType::kString}, false, hash});
}

}  // namespace sfn::intrinsics
