// Intrinsic for hash calculation: States.Hash(data, algorithm) with MD5, SHA-1, SHA-256,
// SHA-384 or SHA-512, returned as lowercase hex. The input data is limited to 128 KiB.
#include <openssl/evp.h>

#include <cstdio>

#include "function_registry.h"

namespace sfn::intrinsics {
namespace {

constexpr std::size_t kMaxInputBytes = 128 * 1024;

const EVP_MD* digest_for(const std::string& name) {
  if (name == "MD5") return EVP_md5();
  if (name == "SHA-1") return EVP_sha1();
  if (name == "SHA-256") return EVP_sha256();
  if (name == "SHA-384") return EVP_sha384();
  if (name == "SHA-512") return EVP_sha512();
  return nullptr;
}

Result<Json> hash(const std::vector<Json>& args) {
  std::string data = args[0].is_string() ? args[0].get<std::string>() : dump_compact(args[0]);
  const auto& algorithm = args[1].get_ref<const std::string&>();
  const EVP_MD* md = digest_for(algorithm);
  if (!md) {
    return intrinsic_failure("States.Hash", "the hash algorithm '" + algorithm +
                                                "' is not supported; use one of MD5, SHA-1, "
                                                "SHA-256, SHA-384, SHA-512");
  }
  if (data.size() > kMaxInputBytes) {
    return intrinsic_failure("States.Hash", "the input data must not exceed 128 KiB");
  }
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) {
    return intrinsic_failure("States.Hash", "the hash could not be computed");
  }
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < len; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", out[i]);
    hex += byte;
  }
  return Json(hex);
}

}  // namespace

void register_hash_functions(FunctionRegistry& r) {
  r.add({"States.Hash", 2, 2, {ArgType::kAny, ArgType::kString}, false, hash});
}

}  // namespace sfn::intrinsics
